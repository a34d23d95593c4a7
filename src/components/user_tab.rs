//! What every tab of the user view shares: the user in the route, the failure on screen, and
//! one section shown with its states and Retry.

use leptos::prelude::*;

use crate::components::route_link::use_route;
use crate::components::section_view::SectionView;
use crate::i18n::Text;
use crate::routes::UserAddress;
use crate::state::section::{Loaded, Section};
use crate::state::user_session::{SectionName, UserSession};

/// The user (and failure) the address on screen names, each decoded once.
pub fn use_user_address() -> Memo<UserAddress> {
    let route = use_route();
    Memo::new(move |_| route.with(|route| UserAddress::parse(route).unwrap_or_default()))
}

/// The session of the user in the route, for the tabs.
pub fn use_session() -> Signal<Option<UserSession>> {
    expect_context::<Signal<Option<UserSession>>>()
}

/// A tab showing one section of the current user: its states, Retry, and `content` once loaded.
pub fn user_section<T, V, F>(
    pick: fn(UserSession) -> Signal<Section<T>>,
    name: SectionName,
    label: impl Into<Text>,
    content: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(UserSession, Loaded<T>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let session = use_session();
    let label: Text = label.into();
    move || {
        session.get().map(|session| {
            let content = content.clone();
            view! {
                <SectionView section=pick(session) on_retry=move |_| session.retry(name) label=label content=move |loaded| content(session, loaded)/>
            }
        })
    }
}

/// The failure on screen, if the route is a drill-down: (title, date), set by that page.
#[derive(Clone, Copy)]
pub struct SelectedFailure(pub RwSignal<Option<(String, String)>>);
