//! The routes of the user view (`/users/:id`, its tabs, the device page and the failure drill-down) as split
//! points. The release build (`--cfg helpdesk_split`) moves them, and all the code only they
//! reach, into one chunk that is fetched after start-up instead of with the first load; other
//! builds call them directly.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos_router::ChooseView;

use crate::graph::queries::PolicyKind;
use crate::i18n::{use_i18n, Msg};
use crate::pages::app_history::AppHistoryPage;
use crate::pages::app_protection::AppProtectionPage;
use crate::pages::apps::AppsPage;
use crate::pages::assignments::AssignmentsPage;
use crate::pages::device::DevicePage;
use crate::pages::devices::DevicesPage;
use crate::pages::failure_detail::FailureDetailPage;
use crate::pages::failures::FailuresPage;
use crate::pages::groups::GroupsPage;
use crate::pages::policies::PoliciesPage;
use crate::pages::restrictions::RestrictionsPage;
use crate::pages::sign_ins::SignInsPage;
use crate::pages::user::UserLayout;
use crate::state::sessions::Sessions;

/// The chunk could not be fetched (offline, or a deployment replaced it).
pub struct PartUnavailable;

#[cfg(helpdesk_split)]
impl From<wasm_split_helpers::SplitLoaderError> for PartUnavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        PartUnavailable
    }
}

type PartFuture = Pin<Box<dyn Future<Output = Result<AnyView, PartUnavailable>>>>;

/// A route view that lives in the user-view chunk.
#[derive(Clone, Copy)]
pub struct UserPart(fn() -> PartFuture);

impl ChooseView for UserPart {
    async fn choose(self) -> AnyView {
        match (self.0)().await {
            Ok(view) => view,
            Err(PartUnavailable) => view! { <PartUnavailableNotice/> }.into_any(),
        }
    }

    async fn preload(&self) {}
}

#[component]
fn PartUnavailableNotice() -> impl IntoView {
    let i18n = use_i18n();
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <p role="alert">{move || i18n.t(Msg::PartUnavailable)}" "<button type="button" on:click=reload>{move || i18n.t(Msg::Reload)}</button></p>
    }
}

/// `pub const $route: UserPart` rendering `$view`, with the view's code in the user-view chunk.
macro_rules! user_parts {
    ($($route:ident = $part:ident $([$($option:tt)*])? => $view:expr;)*) => {$(
        #[cfg(helpdesk_split)]
        #[wasm_split_helpers::wasm_split(user_view, fallible $(, $($option)*)?)]
        pub fn $part() -> Result<AnyView, PartUnavailable> {
            Ok($view.into_any())
        }

        #[cfg(not(helpdesk_split))]
        pub async fn $part() -> Result<AnyView, PartUnavailable> {
            Ok($view.into_any())
        }

        pub const $route: UserPart = UserPart(|| Box::pin($part()));
    )*};
}

user_parts! {
    USER_LAYOUT = user_layout [preload(fetch_user_view)] => view! { <UserLayout/> };
    DEVICES = devices => view! { <DevicesPage/> };
    DEVICE = device => view! { <DevicePage/> };
    APP_HISTORY = app_history => view! { <AppHistoryPage/> };
    APPS = apps => view! { <AppsPage/> };
    COMPLIANCE = compliance => view! { <PoliciesPage kind=PolicyKind::Compliance/> };
    CONFIGURATION = configuration => view! { <PoliciesPage kind=PolicyKind::Configuration/> };
    APP_PROTECTION = app_protection => view! { <AppProtectionPage/> };
    RESTRICTIONS = restrictions => view! { <RestrictionsPage/> };
    GROUPS = groups => view! { <GroupsPage/> };
    FAILURES = failures => view! { <FailuresPage/> };
    SIGN_INS = sign_ins => view! { <SignInsPage/> };
    ASSIGNMENTS = assignments => view! { <AssignmentsPage/> };
    FAILURE_DETAIL = failure_detail => view! { <FailureDetailPage/> };
}

/// Starts loading a user on the press that opens them, before the route is built, so the
/// calls leave with the press; the view then finds the session loading. Its code stays in
/// the user-view chunk.
#[cfg(helpdesk_split)]
#[wasm_split_helpers::wasm_split(user_view, fallible)]
pub fn start_loading(sessions: Sessions, key: String) -> Result<(), PartUnavailable> {
    open_session(sessions, &key)
}

#[cfg(not(helpdesk_split))]
pub async fn start_loading(sessions: Sessions, key: String) -> Result<(), PartUnavailable> {
    open_session(sessions, &key)
}

fn open_session(sessions: Sessions, key: &str) -> Result<(), PartUnavailable> {
    // The chunk may arrive after a sign-out dropped the sessions.
    if !sessions.are_gone() {
        sessions.open(key);
    }
    Ok(())
}

/// Fetches the user-view chunk ahead of need, so choosing a user does not wait for it.
#[cfg(not(helpdesk_split))]
pub async fn fetch_user_view() -> Result<(), PartUnavailable> {
    Ok(())
}
