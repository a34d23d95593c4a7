//! What a session needs to load sections: a generation that makes the answers of a stopped load
//! stale, the abort of what is in flight, and the filling of a section page by page.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use web_sys::{AbortController, AbortSignal};

use super::section::{Paging, Section};
use crate::graph::batch::JsonText;
use crate::graph::models::Page;
use crate::graph::transport::decode_page_in_slices;
use crate::graph::{BatchAnswers, FailureKind, GraphClient, GraphError, Progress, ProgressEvent};

#[derive(Clone, Copy)]
pub struct Loads {
    /// Bumped by every load; an answer for an older load is dropped.
    generation: RwSignal<u64>,
    abort: StoredValue<Option<AbortController>, LocalStorage>,
}

impl Loads {
    pub fn new() -> Loads {
        Loads { generation: RwSignal::new(0), abort: StoredValue::new_local(None) }
    }

    pub fn is_loading(&self) -> bool {
        self.abort.with_value(Option::is_some)
    }

    /// Stops what is in flight; the answers that still arrive are dropped.
    pub fn cancel(&self) {
        if let Some(controller) = self.abort.try_update_value(Option::take).flatten() {
            controller.abort();
        }
        self.generation.update(|g| *g += 1);
    }

    /// A new load: what was in flight is stopped.
    pub fn start(&self) -> (u64, Option<AbortSignal>) {
        self.cancel();
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        self.abort.set_value(controller);
        (self.generation.get_untracked(), signal)
    }

    /// The load of `generation` is over.
    pub fn finish(&self, generation: u64) {
        if self.current(generation) {
            self.abort.set_value(None);
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation.get_untracked()
    }

    pub fn current(&self, generation: u64) -> bool {
        self.generation.try_get_untracked() == Some(generation)
    }

    pub fn fail<T: Send + Sync + 'static>(&self, target: RwSignal<Section<T>>, generation: u64, error: GraphError) {
        if self.current(generation) {
            target.set(Section::Failed(error));
        }
    }

    /// Retry notices shown in the section while it waits.
    pub fn progress_into<T: Send + Sync + Clone + 'static>(
        &self,
        target: RwSignal<Section<T>>,
        generation: u64,
    ) -> Progress {
        let loads = *self;
        Rc::new(move |event: ProgressEvent| {
            if loads.current(generation) {
                target.update(|section| section.note(event.clone()));
            }
        })
    }

    /// Shows a section's first page at once, then follows `@odata.nextLink` with progress,
    /// keeping the items `belongs` accepts.
    pub async fn fill<T>(
        self,
        client: &GraphClient,
        target: RwSignal<Section<T>>,
        first: impl Future<Output = Result<Page<T>, GraphError>>,
        generation: u64,
        signal: Option<AbortSignal>,
        belongs: Rc<dyn Fn(&T) -> bool>,
    ) where
        T: DeserializeOwned + Send + Sync + Clone + 'static,
    {
        let first = match first.await {
            Ok(page) => page,
            Err(error) => return self.fail(target, generation, error),
        };
        let mut paging = Paging::new(first, belongs);
        let mut shown_first_page = false;
        loop {
            if !self.current(generation) {
                return;
            }
            let Some(link) = paging.next_link() else {
                target.set(paging.finish());
                return;
            };
            if shown_first_page {
                target.update(|section| section.note(paging.progress()));
            } else {
                target.set(paging.so_far());
                shown_first_page = true;
            }
            let progress = self.progress_into(target, generation);
            match client.next_page::<T>(&link, false, signal.as_ref(), &progress).await {
                Ok(more) => paging.add(more),
                Err(error) => return self.fail(target, generation, error),
            }
        }
    }
}

impl Default for Loads {
    fn default() -> Self {
        Loads::new()
    }
}

/// A `$batch` step's answer, taken out of the answers.
pub fn answer(answers: &mut BatchAnswers, id: &str) -> Result<JsonText, GraphError> {
    answers.remove(id).unwrap_or_else(|| Err(GraphError::new(FailureKind::Decode, "no answer")))
}

/// A list's first page, taken from the `$batch` answers now and decoded from its text a slice
/// at a time when awaited.
pub fn first_page<T: DeserializeOwned + 'static>(
    answers: &mut BatchAnswers,
    id: &str,
) -> impl Future<Output = Result<Page<T>, GraphError>> + 'static {
    let answer = answer(answers, id);
    async move {
        let text = answer?;
        decode_page_in_slices(text.get()).await
    }
}

/// While a call waits (throttling, retries), a section still loading says so.
pub fn note_loading<T: Send + Sync + 'static>(target: RwSignal<Section<T>>, event: &ProgressEvent) {
    if target.with_untracked(|s| matches!(s, Section::Loading(_))) {
        target.set(Section::Loading(Some(event.clone())));
    }
}

/// For lists whose every item belongs in their section.
pub fn every<T>(_: &T) -> bool {
    true
}
