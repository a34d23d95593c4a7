use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::route_link::RouteLink;
use crate::i18n::{use_i18n, Msg};
use crate::routes::SELECT_USER;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname;
    view! {
        <section aria-labelledby="not-found-title">
            <h1 id="not-found-title">{move || i18n.t(Msg::NotFoundTitle)}</h1>
            <p>{move || i18n.fmt(Msg::NotFoundBody, &[&path.get()])}</p>
            <p><RouteLink route=SELECT_USER>{move || i18n.t(Msg::BackToUserSelection)}</RouteLink></p>
        </section>
    }
}
