//! Facts about one thing as a description list: a label, its value, and a tone where the value
//! is good or bad news (shown with a mark and words, never colour alone).

use leptos::prelude::*;
use stylers::style;

use crate::components::labels::Tone;
use crate::i18n::{use_i18n, Text};

#[derive(Clone)]
pub struct Fact {
    pub label: Text,
    pub value: String,
    pub tone: Option<Tone>,
}

impl Fact {
    pub fn new(label: impl Into<Text>, value: impl Into<String>) -> Fact {
        Fact { label: label.into(), value: value.into(), tone: None }
    }

    pub fn toned(label: impl Into<Text>, (value, tone): (String, Tone)) -> Fact {
        Fact { label: label.into(), value, tone: Some(tone) }
    }
}

#[component]
pub fn FactList(facts: Vec<Fact>) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"FactList",
        dl {
            display: grid;
            grid-template-columns: max-content 1fr;
            gap: var(--space-1) var(--space-3);
            margin: 0;
        }
        dt {
            color: var(--muted);
        }
        dd {
            margin: 0;
            overflow-wrap: anywhere;
        }
    };
    let rows = facts
        .into_iter()
        .map(|fact| {
            let value = match fact.tone {
                Some(tone) => view! { class=class, <span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{fact.value}</span> }.into_any(),
                None => fact.value.into_any(),
            };
            view! { class=class, <dt>{move || i18n.t(fact.label)}</dt><dd>{value}</dd> }
        })
        .collect_view();
    view! { class=class, <dl>{rows}</dl> }
}
