//! One section's states: a skeleton while loading (with retry and paging progress), the
//! error with Retry, or the content, with a note on items Graph sent that could not be read.

use std::sync::Arc;

use leptos::prelude::*;
use stylers::style;

use crate::components::section_error::SectionError;
use crate::graph::models::SkippedItem;
use crate::graph::{GraphError, ProgressEvent};
use crate::i18n::{use_i18n, I18n, Msg, Text};
use crate::state::section::{Loaded, PartFailure, Section};

pub fn progress_text(i18n: &I18n, event: &ProgressEvent) -> String {
    match event {
        ProgressEvent::Retrying(notice) => {
            let seconds = notice.wait_ms.div_ceil(1000).to_string();
            i18n.fmt(if notice.throttled { Msg::Throttled } else { Msg::RetryingIn }, &[&seconds])
        }
        ProgressEvent::Paging { received, total: Some(total) } => {
            i18n.fmt(Msg::PagingProgress, &[&received.to_string(), &total.to_string()])
        }
        ProgressEvent::Paging { received, total: None } => {
            i18n.fmt(Msg::PagingProgressUnknown, &[&received.to_string()])
        }
    }
}

/// What a section shows, without its items: the part of `Section<T>` the frame needs. Kept
/// apart from `T` so the frame is compiled once, not once per kind of item.
#[derive(Clone)]
enum Phase {
    Loading(Option<ProgressEvent>),
    Failed(GraphError),
    Ready { note: Option<ProgressEvent>, skipped: Arc<Vec<SkippedItem>>, failed_parts: Arc<Vec<PartFailure>> },
}

fn phase_of<T>(section: &Section<T>) -> Phase {
    match section {
        Section::Loading(note) => Phase::Loading(note.clone()),
        Section::Failed(error) => Phase::Failed(error.clone()),
        Section::Ready(loaded) => Phase::Ready {
            note: loaded
                .note
                .clone()
                .filter(|_| !loaded.complete || matches!(loaded.note, Some(ProgressEvent::Retrying(_)))),
            skipped: loaded.skipped.clone(),
            failed_parts: loaded.failed_parts.clone(),
        },
    }
}

/// The loaded content of a section, type-erased.
type Content = Arc<dyn Fn() -> Option<AnyView> + Send + Sync>;

#[component]
pub fn SectionView<T, V, F>(
    #[prop(into)] section: Signal<Section<T>>,
    #[prop(into)] on_retry: Callback<()>,
    /// Names the section for assistive technology.
    #[prop(into)]
    label: Text,
    content: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Loaded<T>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let phase = Signal::derive(move || section.with(phase_of));
    let content: Content =
        Arc::new(move || section.with(|s| s.loaded().cloned()).map(|loaded| content(loaded).into_any()));
    section_frame(phase, on_retry, label, content)
}

fn section_frame(phase: Signal<Phase>, on_retry: Callback<()>, label: Text, content: Content) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"SectionView",
        .skeleton {
            height: 4rem;
            border-radius: var(--radius);
            background: linear-gradient(90deg, var(--surface-raised), var(--border), var(--surface-raised));
            background-size: 200% 100%;
            animation: shimmer 1.4s linear infinite;
        }
        .note {
            color: var(--muted);
            font-size: var(--font-small);
            margin: 0 0 var(--space-2) 0;
        }
        .skipped {
            border-left: 4px solid var(--warning);
            padding: var(--space-1) var(--space-2);
            margin: 0 0 var(--space-2) 0;
            font-size: var(--font-small);
        }
        .part-failed {
            margin: 0 0 var(--space-2) 0;
        }
        .part-failed p {
            margin: 0 0 var(--space-1) 0;
            font-weight: 600;
        }
        .skipped ul {
            margin: 0;
            padding-left: var(--space-4);
        }
    };
    let body = move || {
        match phase.get() {
        Phase::Loading(note) => view! { class=class,
            <div aria-busy="true">
                {note.map(|note| view! { class=class, <p class="note" role="status">{move || progress_text(&i18n, &note)}</p> })}
                <div class="skeleton"></div>
                <span class="visually-hidden">{move || i18n.t(Msg::Loading)}</span>
            </div>
        }
        .into_any(),
        Phase::Failed(error) => view! { <SectionError error=error on_retry=on_retry/> }.into_any(),
        Phase::Ready { note, skipped, failed_parts } => {
            let content = content.clone();
            view! { class=class,
                {note.map(|note| view! { class=class, <p class="note" role="status">{move || progress_text(&i18n, &note)}</p> })}
                {failed_parts.iter().map(|part| {
                    let label = part.label.clone();
                    view! { class=class,
                        <div class="part-failed">
                            <p>{move || i18n.fmt(Msg::PartFailed, &[&label])}</p>
                            <SectionError error=part.error.clone() on_retry=on_retry/>
                        </div>
                    }
                }).collect_view()}
                {(!skipped.is_empty()).then(|| {
                    let count = skipped.len().to_string();
                    view! { class=class,
                        <div class="skipped" role="note">
                            {move || i18n.fmt(Msg::SkippedItems, &[&count])}
                            <ul>
                                {skipped.iter().map(|item| {
                                    let name = item.id.clone().unwrap_or_else(|| format!("#{}", item.index + 1));
                                    view! { class=class, <li>{name}": "{item.reason.clone()}</li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    }
                })}
                {content()}
            }
            .into_any()
        }
    }
    };
    view! { <section aria-label=move || i18n.t(label)>{body}</section> }
}
