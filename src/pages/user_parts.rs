//! The routes of the user view (`/users/:id`, its tabs, the device page and the failure
//! drill-down) behind one split point. The release build (`--cfg helpdesk_split`) moves them,
//! their route tree and all the code only they reach, into one chunk that is fetched after
//! start-up instead of with the first load; other builds call them directly.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Routes};
use leptos_router::{path, ChooseView};

use leptos::task::spawn_local_scoped_with_cancellation;

use crate::browser::{after_next_paint, Measure, PartUnavailable};
use crate::components::findings::{Findings, UserDiagnosis};
use crate::components::user_status::UserStatus;
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
use crate::pages::not_found::NotFound;
use crate::pages::policies::PoliciesPage;
use crate::pages::restrictions::RestrictionsPage;
use crate::pages::sign_ins::SignInsPage;
use crate::pages::user::UserLayout;
use crate::state::sessions::Sessions;
use crate::state::warm_up::sample_session;

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

/// The user view's routes below `/users/`, matched here rather than by the portal's router:
/// the route tree and the code that matches it come with the chunk, not with the first load.
#[component]
fn UserRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <ParentRoute path=path!("/users/:id") view=UserLayout>
                <Route path=path!("") view=|| ()/>
                <Route path=path!("devices") view=DevicesPage/>
                <Route path=path!("devices/:deviceId") view=DevicePage/>
                <Route path=path!("devices/:deviceId/apps/:appId") view=AppHistoryPage/>
                <Route path=path!("apps") view=AppsPage/>
                <Route path=path!("compliance") view=|| view! { <PoliciesPage kind=PolicyKind::Compliance/> }/>
                <Route path=path!("configuration") view=|| view! { <PoliciesPage kind=PolicyKind::Configuration/> }/>
                <Route path=path!("app-protection") view=AppProtectionPage/>
                <Route path=path!("enrollment-restrictions") view=RestrictionsPage/>
                <Route path=path!("groups") view=GroupsPage/>
                <Route path=path!("enrollment-failures") view=FailuresPage/>
                <Route path=path!("sign-ins") view=SignInsPage/>
                <Route path=path!("assignments") view=AssignmentsPage/>
                <Route path=path!("enrollment-failures/:eventId") view=FailureDetailPage/>
            </ParentRoute>
        </Routes>
    }
}

// Public for the preload function the split point generates (`fetch_user_view`, which app.rs
// calls), which takes its visibility.
#[cfg(helpdesk_split)]
#[wasm_split_helpers::wasm_split(user_view, fallible, preload(fetch_user_view))]
pub fn user_routes() -> Result<AnyView, PartUnavailable> {
    Ok(view! { <UserRoutes/> }.into_any())
}

#[cfg(not(helpdesk_split))]
pub async fn user_routes() -> Result<AnyView, PartUnavailable> {
    Ok(view! { <UserRoutes/> }.into_any())
}

/// The view of every route below `/users/`, its code in the user-view chunk.
pub const USER_ROUTES: UserPart = UserPart(|| Box::pin(user_routes()));

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

/// Builds the user view's summary once for a made-up user, then drops it (see
/// `state::warm_up`), under the current owner. Its code stays in the user-view chunk.
#[cfg(helpdesk_split)]
#[wasm_split_helpers::wasm_split(user_view, fallible)]
pub fn warm_up(sessions: Sessions) -> Result<(), PartUnavailable> {
    build_sample_view(sessions);
    Ok(())
}

#[cfg(not(helpdesk_split))]
pub async fn warm_up(sessions: Sessions) -> Result<(), PartUnavailable> {
    build_sample_view(sessions);
    Ok(())
}

/// The warm-up is a User Timing measure, `helpdesk:warm-up`, which tests and the bench wait for.
fn build_sample_view(sessions: Sessions) {
    let measure = Measure::start("helpdesk:warm-up");
    let owner = Owner::current().unwrap_or_default().child();
    let run = owner.clone();
    run.with(|| {
        spawn_local_scoped_with_cancellation(async move {
            let session = sample_session(&sessions).await;
            // The view in a task of its own.
            gloo_timers::future::TimeoutFuture::new(0).await;
            // A user opened meanwhile has compiled the code with their own view.
            if !sessions.none_opened() {
                owner.cleanup();
                return;
            }
            // Built, never mounted: the elements stay out of the document.
            let view = view! { <Findings diagnosis=UserDiagnosis::new(session)/><UserStatus session=session/> }.build();
            // The findings are computed after a frame; dropped after the next.
            after_next_paint(move || {
                after_next_paint(move || {
                    drop(view);
                    owner.cleanup();
                    measure.end();
                })
            });
        })
    });
}

/// Fetches the user-view chunk ahead of need, so choosing a user does not wait for it.
#[cfg(not(helpdesk_split))]
pub async fn fetch_user_view() -> Result<(), PartUnavailable> {
    Ok(())
}
