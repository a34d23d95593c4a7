//! Why policies fail on a device: each failing policy under its heading, with the settings that
//! make it fail, their current value and Intune's description.

use leptos::prelude::*;
use stylers::style;

use crate::domain::compliance::failing_settings;
use crate::graph::models::PolicyState;
use crate::i18n::{use_i18n, ViewMsg};

/// `entries`: (heading, policy) for the policies that fail; those that do not are skipped.
#[component]
pub fn FailingSettings(entries: Vec<(String, PolicyState)>) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"FailingSettings",
        h3 {
            font-size: var(--font-normal);
            margin: var(--space-3) 0 var(--space-1) 0;
        }
        li {
            margin-bottom: var(--space-1);
        }
        .value {
            color: var(--muted);
            font-family: var(--font-mono);
        }
    };
    entries
        .into_iter()
        .filter_map(|(heading, policy)| {
            let settings: Vec<(String, Option<String>, Option<String>)> = failing_settings(&policy)
                .into_iter()
                .map(|s| {
                    (
                        s.setting_name.clone().or(s.setting.clone()).unwrap_or_default(),
                        s.current_value.clone(),
                        s.error_description.clone(),
                    )
                })
                .collect();
            (!settings.is_empty()).then(|| {
                view! { class=class,
                    <h3>{heading}</h3>
                    <ul>
                        {settings.into_iter().map(|(name, value, description)| view! { class=class,
                            <li>
                                <strong class="tone-bad"><span aria-hidden="true">"✕ "</span>{name}</strong>
                                {value.map(|v| view! { class=class, " " <span class="value">{move || i18n.fmt(ViewMsg::CurrentValue, &[&v])}</span> })}
                                {description.map(|d| view! { class=class, <div>{d}</div> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
            })
        })
        .collect_view()
}
