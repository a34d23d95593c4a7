//! One section of a user's picture: loading (with what it waits for), loaded (maybe still
//! paging), or failed with the error to show.

use std::rc::Rc;
use std::sync::Arc;

use crate::graph::models::{Page, SkippedItem};
use crate::graph::{GraphError, ProgressEvent};

#[derive(Debug, Clone)]
pub enum Section<T> {
    Loading(Option<ProgressEvent>),
    Ready(Loaded<T>),
    Failed(GraphError),
}

#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// Shared, so a render never copies a long list.
    pub items: Arc<Vec<T>>,
    /// Items Graph sent that could not be read.
    pub skipped: Arc<Vec<SkippedItem>>,
    /// False while later pages are still arriving.
    pub complete: bool,
    /// `@odata.count` when Graph sent it.
    pub total: Option<u64>,
    pub note: Option<ProgressEvent>,
    /// Parts of the section that could not be read (one device's policies, say), while the
    /// rest is shown.
    pub failed_parts: Arc<Vec<PartFailure>>,
}

/// One part of a section that failed: what it was about, and why.
#[derive(Debug, Clone)]
pub struct PartFailure {
    pub label: String,
    pub error: GraphError,
}

impl<T> Loaded<T> {
    /// Everything there is, read at once.
    pub fn complete(items: Vec<T>) -> Loaded<T> {
        Loaded {
            items: Arc::new(items),
            skipped: Arc::default(),
            complete: true,
            total: None,
            note: None,
            failed_parts: Arc::default(),
        }
    }
}

impl<T> Section<T> {
    /// What a call waiting (throttling, retries) or a page arriving says in the section: a
    /// loading section shows it instead of its spinner text, a loaded one beside its rows.
    pub fn note(&mut self, event: ProgressEvent) {
        match self {
            Section::Loading(note) => *note = Some(event),
            Section::Ready(loaded) => loaded.note = Some(event),
            Section::Failed(_) => {}
        }
    }

    pub fn loaded(&self) -> Option<&Loaded<T>> {
        match self {
            Section::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<Arc<Vec<T>>> {
        self.loaded().map(|loaded| loaded.items.clone())
    }
}

/// A list arriving page by page: its first page is shown at once, later pages only move the
/// progress note (a long list is not copied once a page), and the whole list is shown when the
/// last page is in.
pub struct Paging<T> {
    items: Vec<T>,
    skipped: Vec<SkippedItem>,
    total: Option<u64>,
    next_link: Option<String>,
    /// Which items belong in the section (Graph's list may mix kinds).
    belongs: Rc<dyn Fn(&T) -> bool>,
}

impl<T: Clone> Paging<T> {
    pub fn new(first: Page<T>, belongs: Rc<dyn Fn(&T) -> bool>) -> Paging<T> {
        let mut paging =
            Paging { items: Vec::new(), skipped: Vec::new(), total: first.count, next_link: None, belongs };
        paging.add(first);
        paging
    }

    /// The page to ask for next, if any.
    pub fn next_link(&mut self) -> Option<String> {
        self.next_link.take()
    }

    /// A page more; the indices of its unreadable items count from the start of the list.
    pub fn add(&mut self, mut page: Page<T>) {
        let offset = self.items.len() + self.skipped.len();
        self.skipped.extend(page.skipped.drain(..).map(|mut skipped| {
            skipped.index += offset;
            skipped
        }));
        self.items.extend(page.items.into_iter().filter(|item| (self.belongs)(item)));
        self.next_link = page.next_link;
    }

    pub fn progress(&self) -> ProgressEvent {
        ProgressEvent::Paging { received: self.items.len(), total: self.total }
    }

    /// What the section shows while later pages arrive.
    pub fn so_far(&self) -> Section<T> {
        Section::Ready(Loaded {
            items: Arc::new(self.items.clone()),
            skipped: Arc::new(self.skipped.clone()),
            complete: false,
            total: self.total,
            note: Some(self.progress()),
            failed_parts: Arc::default(),
        })
    }

    /// The whole list.
    pub fn finish(self) -> Section<T> {
        Section::Ready(Loaded {
            items: Arc::new(self.items),
            skipped: Arc::new(self.skipped),
            complete: true,
            total: self.total,
            note: None,
            failed_parts: Arc::default(),
        })
    }

    /// The whole list as one page (for lists read whole before they are shown).
    pub fn into_page(self) -> Page<T> {
        Page { items: self.items, skipped: self.skipped, next_link: None, count: self.total }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::retry::RetryNotice;

    fn page(items: &[u32], skipped: &[usize], next: Option<&str>) -> Page<u32> {
        Page {
            items: items.to_vec(),
            skipped: skipped.iter().map(|&index| SkippedItem { index, id: None, reason: "bad".into() }).collect(),
            next_link: next.map(str::to_string),
            count: Some(6),
        }
    }

    fn everything(_: &u32) -> bool {
        true
    }

    fn items(section: &Section<u32>) -> Vec<u32> {
        section.items().map(|items| items.to_vec()).unwrap_or_default()
    }

    #[test]
    fn the_first_page_shows_at_once_with_its_progress_then_the_whole_list() {
        let mut paging = Paging::new(page(&[1, 2], &[], Some("next")), Rc::new(everything));
        let shown = paging.so_far();
        assert_eq!(items(&shown), vec![1, 2]);
        let loaded = shown.loaded().unwrap();
        assert!(!loaded.complete);
        assert_eq!(loaded.note, Some(ProgressEvent::Paging { received: 2, total: Some(6) }));
        assert_eq!(paging.next_link().as_deref(), Some("next"));
        assert_eq!(paging.next_link(), None, "a link is followed once");
        paging.add(page(&[3], &[1], None));
        assert_eq!(paging.next_link(), None);
        let done = paging.finish();
        let loaded = done.loaded().unwrap();
        assert!(loaded.complete && loaded.note.is_none());
        assert_eq!(items(&done), vec![1, 2, 3]);
        assert_eq!(loaded.skipped[0].index, 3, "an unreadable item is counted from the start of the list");
    }

    #[test]
    fn items_that_do_not_belong_are_left_out_of_every_page() {
        let mut paging = Paging::new(page(&[1, 2, 3], &[], Some("next")), Rc::new(|n: &u32| n % 2 == 1));
        paging.add(page(&[4, 5], &[], None));
        assert_eq!(paging.into_page().items, vec![1, 3, 5]);
    }

    #[test]
    fn a_note_goes_where_the_section_can_show_it() {
        let waiting = ProgressEvent::Retrying(RetryNotice { retry: 1, wait_ms: 2_000, throttled: true });
        let mut loading = Section::<u32>::Loading(None);
        loading.note(waiting.clone());
        assert!(matches!(loading, Section::Loading(Some(ref note)) if *note == waiting));
        let mut ready = Section::Ready(Loaded::complete(vec![1]));
        ready.note(waiting.clone());
        assert_eq!(ready.loaded().unwrap().note, Some(waiting.clone()));
        let mut failed = Section::<u32>::Failed(GraphError::from_status(500, "", None));
        failed.note(waiting);
        assert!(matches!(failed, Section::Failed(_)), "a failed section keeps its error");
    }
}
