//! Why one app failed on one device: its error code in Intune's hexadecimal and in decimal, what
//! it means on that platform and what to do, from the catalogue, or that the catalogue does not
//! list it; Intune's own words and when it happened.

use leptos::prelude::*;
use stylers::style;

use crate::components::labels::date_text;
use crate::domain::app_install::{hex, AppFailure, Explanation};
use crate::domain::catalogues::app_install::AppPlatform;
use crate::i18n::{use_i18n, I18n, ViewMsg};

fn platform_name(i18n: &I18n, platform: AppPlatform) -> &'static str {
    i18n.t(match platform {
        AppPlatform::Android => ViewMsg::PlatformTableAndroid,
        AppPlatform::Ios => ViewMsg::PlatformTableIos,
        AppPlatform::Windows => ViewMsg::PlatformTableWindows,
    })
}

#[component]
pub fn AppFailureExplained(platform: AppPlatform, failure: Option<AppFailure>) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"AppFailureExplained",
        dl {
            display: grid;
            grid-template-columns: max-content 1fr;
            gap: var(--space-1) var(--space-3);
            margin: 0 0 var(--space-2) 0;
        }
        dt {
            color: var(--muted);
        }
        dd {
            margin: 0;
            overflow-wrap: anywhere;
        }
        .code {
            font-family: var(--font-mono);
        }
    };
    move || {
        let Some(failure) = failure.clone() else {
            return view! { class=class, <p>{i18n.t(ViewMsg::NoCodeSent)}</p> }.into_any();
        };
        let lang = i18n.lang.get();
        let code =
            failure.code.map(|code| i18n.fmt(ViewMsg::ErrorCodeForms, &[&hex(code), &(code as i32).to_string()]));
        let (meaning, fix) = match failure.explain(platform) {
            Explanation::Known(entry) => {
                (entry.meaning.template(lang).to_string(), Some(entry.fix.template(lang).to_string()))
            }
            Explanation::NotInCatalogue(_) => {
                (i18n.fmt(ViewMsg::CodeNotInCatalogue, &[platform_name(&i18n, platform)]), None)
            }
            Explanation::Unreadable => (i18n.fmt(ViewMsg::CodeUnreadable, &[&failure.raw]), None),
        };
        view! { class=class,
            <dl data-testid="app-failure">
                {code.map(|code| view! { class=class, <dt>{i18n.t(ViewMsg::ColErrorCode)}</dt><dd class="code">{code}</dd> })}
                <dt>{i18n.t(ViewMsg::WhatItMeans)}</dt><dd>{meaning}</dd>
                {fix.map(|fix| view! { class=class, <dt>{i18n.t(ViewMsg::WhatToDo)}</dt><dd>{fix}</dd> })}
                {failure.details.clone().map(|details| view! { class=class, <dt>{i18n.t(ViewMsg::FromIntune)}</dt><dd>{details}</dd> })}
                <dt>{i18n.t(ViewMsg::ColLastFailure)}</dt><dd>{date_text(&i18n, failure.at.as_ref())}</dd>
            </dl>
        }
        .into_any()
    }
}
