use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::app_href;
use crate::i18n::{use_i18n, Msg};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname;
    view! {
        <section aria-labelledby="not-found-title">
            <h1 id="not-found-title">{move || i18n.t(Msg::NotFoundTitle)}</h1>
            <p>{move || i18n.fmt(Msg::NotFoundBody, &[&path.get()])}</p>
            <p><a href=app_href("/")>{move || i18n.t(Msg::BackToUserSelection)}</a></p>
        </section>
    }
}
