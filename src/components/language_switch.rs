//! English / French, remembered for the next visit.

use leptos::prelude::*;
use stylers::style;

use crate::browser::save_language;
use crate::i18n::{use_i18n, Lang, Msg};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"LanguageSwitch",
        div {
            display: inline-flex;
            align-items: center;
            gap: var(--space-1);
            font-size: var(--font-small);
        }
    };
    let on_change = move |event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&event)) {
            i18n.lang.set(lang);
            save_language(lang);
        }
    };
    view! { class=class,
        <div>
            <label for="language">{move || i18n.t(Msg::Language)}</label>
            <select id="language" on:change=on_change prop:value=move || i18n.lang.get().tag()>
                {Lang::ALL.into_iter().map(|lang| view! { <option value=lang.tag() lang=lang.tag()>{lang.endonym()}</option> }).collect_view()}
            </select>
        </div>
    }
}
