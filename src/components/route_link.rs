//! A link to one of the portal's own addresses, marked `aria-current` when it is the page on
//! screen. The router's own handling of link clicks decodes the address before putting it in
//! the history (a user principal name's `%25` would come back as `%` on reload); this link
//! navigates with the address exactly as `crate::routes` built it.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::browser::{app_href, below_mount};
use crate::routes::is_at_or_below;

/// When a link counts as the page on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Current {
    /// Never marked (a "back" or "change user" link).
    #[default]
    Never,
    /// When the address is the link's or below it (a tab stays current in its drill-down).
    AtOrBelow,
}

/// The address on screen, below the mount, as the browser holds it (percent-encoded).
pub fn use_route() -> Memo<String> {
    let location = use_location();
    Memo::new(move |_| {
        let path = location.pathname.get();
        below_mount(&path).unwrap_or(&path).to_string()
    })
}

#[component]
pub fn RouteLink(
    /// The address below the mount, from `crate::routes`.
    #[prop(into)]
    route: String,
    #[prop(optional)] current: Current,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] tabindex: Option<String>,
    #[prop(optional, into)] keyshortcuts: Option<String>,
    children: Children,
) -> impl IntoView {
    let navigate = use_navigate();
    let href = app_href(&route);
    let href_for_click = href.clone();
    // Only links that can be current follow the address (a table has hundreds of links).
    let on_screen = (current == Current::AtOrBelow).then(use_route);
    let is_current = move || on_screen.is_some_and(|here| here.with(|here| is_at_or_below(here, &route)));
    let on_click = move |event: MouseEvent| {
        // A new tab, a new window or a download stays the browser's.
        if event.button() != 0 || event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key() {
            return;
        }
        event.prevent_default();
        // The whole address, not resolved against the router's base, which would drop the
        // mount's trailing slash.
        navigate(&href_for_click, NavigateOptions { resolve: false, ..Default::default() });
    };
    view! {
        <a
            href=href
            class=class
            tabindex=tabindex
            aria-keyshortcuts=keyshortcuts
            aria-current=move || is_current().then_some("page")
            on:click=on_click
        >
            {children()}
        </a>
    }
}
