//! Shown instead of the portal when `config.json` is missing or wrong: what to fix.

use leptos::prelude::*;
use stylers::style;

use crate::config::ConfigProblem;
use crate::i18n::{use_i18n, I18n, Msg};

fn explain(i18n: &I18n, problem: &ConfigProblem) -> String {
    match problem {
        ConfigProblem::Unreachable(reason) => i18n.fmt(Msg::ConfigUnreachable, &[reason]),
        ConfigProblem::NotJson(reason) => i18n.fmt(Msg::ConfigNotJson, &[reason]),
        ConfigProblem::Missing(field) => i18n.fmt(Msg::ConfigMissing, &[field]),
        ConfigProblem::BadUrl { field, value } => i18n.fmt(Msg::ConfigBadUrl, &[field, value]),
        ConfigProblem::BadLanguage(value) => i18n.fmt(Msg::ConfigBadLanguage, &[value]),
        ConfigProblem::UnknownAuthority(value) => i18n.fmt(Msg::ConfigUnknownAuthority, &[value]),
        ConfigProblem::BadIdleTimeout(value) => i18n.fmt(Msg::ConfigBadIdleTimeout, &[value]),
    }
}

#[component]
pub fn SetupPage(problems: Vec<ConfigProblem>) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"SetupPage",
        main {
            max-width: 48rem;
            margin: var(--space-6) auto;
            padding: 0 var(--space-4);
        }
        li {
            margin-bottom: var(--space-2);
        }
    };
    view! { class=class,
        <main id="main">
            <h1>{move || i18n.t(Msg::SetupTitle)}</h1>
            <p>{move || i18n.t(Msg::SetupIntro)}</p>
            <ul>
                {problems.into_iter().map(|problem| view! { class=class, <li>{move || explain(&i18n, &problem)}</li> }).collect_view()}
            </ul>
        </main>
    }
}
