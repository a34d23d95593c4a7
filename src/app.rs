//! The shell: configuration, language, header and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::browser::{
    config_read_before, focus, focus_soon, is_typing, load_config, mount_path, once_done, set_document_language,
    starting_language, when_idle,
};
use crate::components::app_header::AppHeader;
use std::rc::Rc;

use crate::auth::oidc::fetch_sign_in;
use crate::auth::{Arrival, AuthHandle, AuthSession};
use crate::config::{Config, ConfigProblem};
use crate::graph::GraphClient;
use crate::i18n::{I18n, Lang, Msg};
use crate::pages::not_found::NotFound;
use crate::pages::select_user::{SelectUserPage, SEARCH_INPUT_ID};
use crate::pages::setup::SetupPage;
use crate::pages::sign_in::SignInPage;
use crate::pages::user_parts::{self, fetch_user_view, warm_up};
use crate::state::catalogue::Catalogue;
use crate::state::directory::Directory;
use crate::state::sessions::Sessions;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n { lang: RwSignal::new(starting_language(Lang::En)) };
    provide_context(i18n);
    Effect::new(move |_| set_document_language(i18n.lang.get()));

    // No <Suspense> around the portal: the resources read inside it would suspend, and
    // re-render, the whole page each time one of them reloads.
    // A reload starts with the configuration this tab read last, until config.json answers:
    // the same answer changes nothing, another one starts the portal again with it.
    let config = once_done(config_read_before().map(Ok), load_config());
    move || match config.get() {
        None => view! { <p aria-busy="true">{move || i18n.t(Msg::Loading)}</p> }.into_any(),
        Some(Ok(config)) => {
            i18n.lang.set(starting_language(config.default_language));
            view! { <Portal config=config/> }.into_any()
        }
        Some(Err(problems)) => view! { <SetupPage problems=problems/> }.into_any(),
    }
}

/// Signs the operator in (or finishes the sign-in coming back from Entra), then the portal.
#[component]
fn Portal(config: Config) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = match AuthSession::new(&config) {
        Ok(auth) => auth,
        Err(reason) => {
            return view! { <SetupPage problems=vec![ConfigProblem::BadUrl { field: "redirectUri", value: reason }]/> }
                .into_any()
        }
    };
    auth.watch();
    let client = GraphClient::new(&config.graph_base_url).with_credentials(Rc::new(auth.clone()));
    let auth: AuthHandle = StoredValue::new_local(auth);
    provide_context(auth);
    let arrival = once_done(None, {
        let auth = auth.get_value();
        async move { auth.arrive().await }
    });
    (move || {
        // Once the session ends, everything the signed-in portal holds is dropped with its view.
        if auth.with_value(AuthSession::ended) {
            return view! { <p aria-busy="true">{move || i18n.t(Msg::SigningOut)}</p> }.into_any();
        }
        if let Some(problem) = auth.with_value(AuthSession::stalled) {
            return view! { <SignInPage problem=problem auth=auth/> }.into_any();
        }
        match arrival.get() {
            None | Some(Arrival::Redirecting) => {
                view! { <p aria-busy="true">{move || i18n.t(Msg::SigningIn)}</p> }.into_any()
            }
            Some(Arrival::Problem(problem)) => view! { <SignInPage problem=problem auth=auth/> }.into_any(),
            Some(Arrival::Ready) => view! { <SignedInPortal client=client.clone()/> }.into_any(),
        }
    })
    .into_any()
}

#[component]
fn SignedInPortal(client: GraphClient) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    provide_context(Directory::new(client.clone()));
    provide_context(Catalogue::new(client.clone()));
    provide_context(Sessions::new(client));
    view! {
        <Router base=mount_path().trim_end_matches('/').to_string()>
            <SearchShortcut/>
            <AfterStartUp/>
            // Focus moves without a navigation: "#main" would resolve against the mount, not the route.
            <a class="skip-link" href="#main" on:click=|event| { event.prevent_default(); focus("main"); }>{move || i18n.t(Msg::SkipToContent)}</a>
            <AppHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=SelectUserPage/>
                    // The user view matches its own routes: `UserRoutes` in pages/user_parts.rs.
                    <Route path=path!("/users/*rest") view=user_parts::USER_ROUTES/>
                </Routes>
            </main>
        </Router>
    }
}

/// Once the page is up, before the operator has picked a user: the user view's chunk, its
/// code run once on a made-up user while the browser is idle (`state::warm_up`), unless a user
/// was opened by then; then the sign-in code, so a renewal does not wait for it. Inside the
/// router, whose context the user view's links read.
#[component]
fn AfterStartUp() -> impl IntoView {
    let sessions = expect_context::<Sessions>();
    let owner = Owner::current();
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                if fetch_user_view().await.is_ok() {
                    when_idle(move || {
                        if let Some(owner) = owner.filter(|_| sessions.none_opened()) {
                            owner.with(|| leptos::task::spawn_local_scoped(async move { _ = warm_up(sessions).await }));
                        }
                    });
                }
                _ = fetch_sign_in().await;
            })
        },
        std::time::Duration::from_millis(500),
    );
}

/// `/` from anywhere (outside a text field) goes to user selection with the search box focused.
#[component]
fn SearchShortcut() -> impl IntoView {
    let navigate = use_navigate();
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        if is_typing(&event) {
            return;
        }
        event.prevent_default();
        navigate("/", Default::default());
        focus_soon(SEARCH_INPUT_ID);
    });
    on_cleanup(move || handle.remove());
}
