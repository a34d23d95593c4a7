//! The operator's session in this browser tab: the redirect to Entra ID and back (state
//! and PKCE checked), the refresh token in memory only and the access token kept for this tab
//! (a reload resumes with it while fresh; a new tab signs in again through Entra's session,
//! without a page when Entra allows it), renewal before expiry and after a 401,
//! and sign-out, which removes every trace, ends the Entra session and every tab of the
//! portal (BroadcastChannel), also after the configured time without activity.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::future::{LocalBoxFuture, Shared};
use futures::FutureExt;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::oidc::{sign_in_protocol, Endpoints, PendingSignIn, SignInError, SignInProtocol, SignInSettings};
use super::tokens::{Operator, TabAccess, TokenSet};
use crate::browser::{
    forget_config_read, keep_config_read, last_sign_out_ms, mount_path, note_sign_out, portal_url, session_storage,
};
use crate::config::Config;
use crate::graph::{Credentials, FailureKind, GraphError};

/// The sign-in under way (state, PKCE verifier, where to return), for the trip to Entra and
/// back; removed on return.
const PENDING_KEY: &str = "helpdesk.sign-in";
/// This tab's access token, for a reload ([`TabAccess`]: never the refresh or ID token).
const TAB_ACCESS_KEY: &str = "helpdesk.access";
/// Set in this tab when it was signed out for inactivity, for the signed-out page to say so.
const IDLE_SIGN_OUT_KEY: &str = "helpdesk.signed-out-idle";
/// What the tabs of the portal tell each other (BroadcastChannel messages).
const TAB_ACTIVE: &str = "active";
const TAB_SIGNED_OUT: &str = "signed-out";
const TAB_SIGNED_OUT_IDLE: &str = "signed-out-idle";
/// The page Entra sends the operator back to after sign-out, below the redirect URI.
const SIGNED_OUT_PATH: &str = "signed-out";

/// How the portal starts in this tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    Ready,
    /// On the way to the sign-in page.
    Redirecting,
    Problem(SignInProblem),
}

#[derive(Debug, Clone, PartialEq)]
pub enum SignInProblem {
    /// Entra answered the redirect with `error`.
    Refused {
        error: String,
        description: String,
    },
    /// An answer whose `state` matches no sign-in started in this tab (forged, replayed or stale).
    UnexpectedAnswer,
    /// The code could not be exchanged for tokens.
    Exchange(SignInError),
    SignedOut,
    /// Signed out after this many minutes without activity.
    SignedOutIdle(f64),
}

/// Why this tab's session ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// The operator signed out, here or in another tab.
    SignOut,
    /// No activity in any tab for the configured time.
    Idle,
}

/// Counts the ends of this tab's session, so that a renewal begun before sign-out cannot keep
/// the tokens it receives after it.
#[derive(Debug, Default)]
struct Generation(Cell<u64>);

impl Generation {
    fn current(&self) -> u64 {
        self.0.get()
    }

    fn end(&self) {
        self.0.set(self.0.get() + 1);
    }

    fn is(&self, seen: u64) -> bool {
        self.0.get() == seen
    }
}

/// The session, shared by the Graph client (as its credentials) and the views.
#[derive(Clone)]
pub struct AuthSession(Rc<Inner>);

/// A token renewal under way, shared by every call that waits for it.
type Renewal = Shared<LocalBoxFuture<'static, Result<String, GraphError>>>;

struct Inner {
    settings: SignInSettings,
    endpoints: Endpoints,
    /// The sign-in protocol, once downloaded.
    protocol: RefCell<Option<Rc<dyn SignInProtocol>>>,
    /// A sign-in that could not start (its code could not be downloaded): shown instead of the portal.
    stalled: RwSignal<Option<SignInProblem>>,
    /// Where that sign-in was going, and whether silently, for the sign-in page's retry.
    stalled_at: RefCell<Option<(String, bool)>>,
    tokens: RefCell<Option<TokenSet>>,
    /// One renewal at a time; concurrent callers wait for the same one.
    renewing: RefCell<Option<Renewal>>,
    timer: RefCell<Option<Timeout>>,
    /// Set once the tab is navigating to Entra, so it goes only once.
    leaving: Cell<bool>,
    operator: RwSignal<Option<Operator>>,
    generation: Generation,
    /// Set when the session ends: the portal drops every view and what they hold.
    ended: RwSignal<bool>,
    idle_timeout_ms: f64,
    /// When the operator last used this tab or, as the others say, another tab of the portal.
    last_activity_ms: Cell<f64>,
    /// When this tab last told the others it is in use.
    last_told_ms: Cell<f64>,
    /// How the tabs of the portal in this browser reach each other (none where unsupported).
    tabs: Option<web_sys::BroadcastChannel>,
    idle_check: RefCell<Option<gloo_timers::callback::Interval>>,
}

/// The session as Leptos context. `LocalStorage` here is Leptos' single-thread value storage
/// (the browser is single-threaded), not the browser's localStorage: tokens never go there.
pub type AuthHandle = StoredValue<AuthSession, LocalStorage>;

fn stored<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&session_storage()?.get_item(key).ok().flatten()?).ok()
}

fn store<T: serde::Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (session_storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

fn forget(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|window| window.location())
}

/// Where the operator is: path, query and fragment.
fn current_route() -> String {
    location()
        .map(|l| {
            format!(
                "{}{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default(),
                l.hash().unwrap_or_default()
            )
        })
        .unwrap_or_else(|| "/".into())
}

/// Shows `url` (same origin) in the address bar without loading it.
fn replace_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

fn go_to(url: &str) {
    if let Some(location) = location() {
        let _ = location.assign(url);
    }
}

/// Leaves for `url` in place of the current history entry: the trip to Entra and back to the
/// same route adds no entry, so Back goes where it went before the page (re)loaded.
fn go_instead(url: &str) {
    if let Some(location) = location() {
        let _ = location.replace(url);
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn sign_in_required() -> GraphError {
    GraphError::new(FailureKind::SignInRequired, "")
}

/// The redirect URI the app registration lists: `config.json`'s, else the portal's own address.
pub fn redirect_uri(config: &Config) -> String {
    config.redirect_uri.clone().unwrap_or_else(portal_url)
}

impl AuthSession {
    pub fn new(config: &Config) -> Result<AuthSession, String> {
        let redirect_uri = redirect_uri(config);
        // The browser's parser, as the sign-in code that will use it is not downloaded yet.
        web_sys::Url::new(&redirect_uri).map_err(|_| redirect_uri.clone())?;
        // One channel per portal (its redirect URI): two portals on one origin do not end each other.
        let tabs = web_sys::BroadcastChannel::new(&format!("helpdesk {redirect_uri}")).ok();
        Ok(AuthSession(Rc::new(Inner {
            endpoints: Endpoints::of_authority(&config.authority),
            settings: SignInSettings {
                authority: config.authority.clone(),
                client_id: config.client_id.clone(),
                redirect_uri,
                graph_scopes: config.scopes.clone(),
            },
            protocol: RefCell::new(None),
            stalled: RwSignal::new(None),
            stalled_at: RefCell::new(None),
            tokens: RefCell::new(None),
            renewing: RefCell::new(None),
            timer: RefCell::new(None),
            leaving: Cell::new(false),
            operator: RwSignal::new(None),
            generation: Generation::default(),
            ended: RwSignal::new(false),
            idle_timeout_ms: config.idle_timeout_minutes * 60_000.0,
            last_activity_ms: Cell::new(now_ms()),
            last_told_ms: Cell::new(0.0),
            tabs,
            idle_check: RefCell::new(None),
        })))
    }

    /// Whether the session has ended in this tab: the views then hold nothing.
    pub fn ended(&self) -> bool {
        self.0.ended.get()
    }

    /// For the page's lifetime: hears the other tabs (sign-out, activity), notes the
    /// operator's activity, checks for inactivity, and loads a page the browser brings back
    /// from its back/forward cache again, so that it shows the session as it stands now.
    pub fn watch(&self) {
        let Some(window) = web_sys::window() else { return };
        let on_pageshow =
            Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(|event: web_sys::PageTransitionEvent| {
                if event.persisted() {
                    if let Some(location) = location() {
                        let _ = location.reload();
                    }
                }
            });
        let _ = window.add_event_listener_with_callback("pageshow", on_pageshow.as_ref().unchecked_ref());
        on_pageshow.forget();

        let session = self.clone();
        let on_activity = Closure::<dyn Fn()>::new(move || session.active());
        for kind in ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_capture(true);
            options.set_passive(true);
            let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                kind,
                on_activity.as_ref().unchecked_ref(),
                &options,
            );
        }
        on_activity.forget();

        if let Some(tabs) = &self.0.tabs {
            let session = self.clone();
            let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                match event.data().as_string().as_deref() {
                    Some(TAB_ACTIVE) => session.0.last_activity_ms.set(now_ms()),
                    Some(TAB_SIGNED_OUT) => session.ended_elsewhere(Ending::SignOut),
                    Some(TAB_SIGNED_OUT_IDLE) => session.ended_elsewhere(Ending::Idle),
                    _ => {}
                }
            });
            tabs.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
        }

        // Often enough for the timeout to be kept within a sixth of it, at most once a second.
        let every_ms = (self.0.idle_timeout_ms / 6.0).clamp(1_000.0, 60_000.0) as u32;
        let session = self.clone();
        *self.0.idle_check.borrow_mut() = Some(gloo_timers::callback::Interval::new(every_ms, move || {
            let signed_in = session.0.tokens.borrow().is_some();
            if signed_in && now_ms() - session.0.last_activity_ms.get() >= session.0.idle_timeout_ms {
                session.end(Ending::Idle);
            }
        }));
    }

    /// The operator used this tab: noted, and told to the other tabs now and then (a tenth of
    /// the timeout apart, at most once a minute), so an operator busy in one tab is not signed
    /// out by another.
    fn active(&self) {
        let now = now_ms();
        self.0.last_activity_ms.set(now);
        let spacing = (self.0.idle_timeout_ms / 10.0).min(60_000.0);
        if now - self.0.last_told_ms.get() >= spacing && self.0.tokens.borrow().is_some() {
            self.0.last_told_ms.set(now);
            self.tell_tabs(TAB_ACTIVE);
        }
    }

    fn tell_tabs(&self, message: &str) {
        if let Some(tabs) = &self.0.tabs {
            let _ = tabs.post_message(&message.into());
        }
    }

    pub fn operator(&self) -> RwSignal<Option<Operator>> {
        self.0.operator
    }

    /// A sign-in that could not start, for the portal to show instead of its pages.
    pub fn stalled(&self) -> Option<SignInProblem> {
        self.0.stalled.get()
    }

    /// The sign-in protocol, its code downloaded the first time.
    async fn protocol(&self) -> Result<Rc<dyn SignInProtocol>, SignInError> {
        let kept = self.0.protocol.borrow().clone();
        if let Some(protocol) = kept {
            return Ok(protocol);
        }
        let protocol = sign_in_protocol(&self.0.settings).await?;
        *self.0.protocol.borrow_mut() = Some(protocol.clone());
        Ok(protocol)
    }

    /// The scopes the operator's token carries.
    pub fn granted(&self) -> Vec<String> {
        self.0.tokens.borrow().as_ref().map(|t| t.scopes.clone()).unwrap_or_default()
    }

    fn signed_out_uri(&self) -> String {
        format!("{}/{SIGNED_OUT_PATH}", self.0.settings.redirect_uri.trim_end_matches('/'))
    }

    /// On start: finish a sign-in coming back from Entra, show the signed-out page, resume
    /// with this tab's access token, or sign in again.
    pub async fn arrive(&self) -> Arrival {
        let Some(location) = location() else { return Arrival::Problem(SignInProblem::UnexpectedAnswer) };
        let href = location.href().unwrap_or_default();
        let here = href.split(['?', '#']).next().unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default()).ok();
        let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
        if here == self.0.settings.redirect_uri && (param("code").is_some() || param("error").is_some()) {
            let pending: Option<PendingSignIn> = stored(PENDING_KEY);
            forget(PENDING_KEY);
            // `state` first: until it matches the sign-in this tab started, nothing in the
            // address came from Entra, and none of it is shown.
            let answered = pending.filter(|pending| param("state").as_deref() == Some(pending.state.as_str()));
            match (answered, param("code"), param("error")) {
                (Some(pending), _, Some(error)) if pending.needs_the_operator(&error) => {
                    self.sign_in(&pending.return_to);
                    return Arrival::Redirecting;
                }
                (Some(_), _, Some(error)) => {
                    let description = param("error_description").unwrap_or_default();
                    return Arrival::Problem(SignInProblem::Refused { error, description });
                }
                (Some(pending), Some(code), None) => return self.finish(pending, &code).await,
                // An error nobody asked for (a crafted link): dropped from the address, ignored.
                (None, _, Some(_)) => replace_address(&location.pathname().unwrap_or_else(|_| "/".into())),
                _ => return Arrival::Problem(SignInProblem::UnexpectedAnswer),
            }
        }
        if here == self.signed_out_uri() {
            let idle = stored::<bool>(IDLE_SIGN_OUT_KEY).unwrap_or(false);
            self.clear();
            return Arrival::Problem(if idle {
                SignInProblem::SignedOutIdle(self.0.idle_timeout_ms / 60_000.0)
            } else {
                SignInProblem::SignedOut
            });
        }
        let resumed = stored::<TabAccess>(TAB_ACCESS_KEY)
            .and_then(|kept| kept.resume(now_ms(), last_sign_out_ms(), self.0.idle_timeout_ms));
        if let Some(tokens) = resumed {
            self.keep(tokens);
            return Arrival::Ready;
        }
        // No fresh token in this tab: Entra's session gives new ones.
        self.sign_in_silently(&current_route());
        Arrival::Redirecting
    }

    /// Redeems the code of the sign-in this tab started (its `state` already checked).
    async fn finish(&self, pending: PendingSignIn, code: &str) -> Arrival {
        let generation = self.0.generation.current();
        let redeemed = match self.protocol().await {
            Ok(protocol) => protocol.redeem(code, &pending.verifier, now_ms()).await,
            Err(unavailable) => Err(unavailable),
        };
        match redeemed {
            Ok(_) if !self.0.generation.is(generation) => Arrival::Problem(SignInProblem::SignedOut),
            Ok(tokens) => {
                self.keep(tokens);
                let return_to = if pending.return_to.starts_with('/') && !pending.return_to.starts_with("//") {
                    pending.return_to
                } else {
                    "/".into()
                };
                replace_address(&return_to);
                Arrival::Ready
            }
            Err(error) => Arrival::Problem(SignInProblem::Exchange(error)),
        }
    }

    /// Keeps tokens in memory, the access token also for this tab (see README, Security) with
    /// the configuration it runs with, and schedules their silent renewal.
    fn keep(&self, tokens: TokenSet) {
        store(TAB_ACCESS_KEY, &TabAccess::of(&tokens));
        keep_config_read();
        let timer_ms = tokens.renewal_timer_ms(now_ms());
        self.0.operator.set(Some(tokens.operator.clone()));
        *self.0.tokens.borrow_mut() = Some(tokens);
        let session = self.clone();
        *self.0.timer.borrow_mut() = timer_ms.map(|wait_ms| {
            Timeout::new(wait_ms, move || {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = session.renewal().await;
                })
            })
        });
    }

    fn clear(&self) {
        forget(TAB_ACCESS_KEY);
        forget_config_read();
        forget(PENDING_KEY);
        forget(IDLE_SIGN_OUT_KEY);
        *self.0.tokens.borrow_mut() = None;
        *self.0.timer.borrow_mut() = None;
        *self.0.renewing.borrow_mut() = None;
        self.0.operator.set(None);
    }

    /// Ends the session in this tab: tokens gone from memory and storage, a renewal in flight
    /// unable to keep what it gets, the views (recent users, sections, the tenant's catalogue)
    /// dropped before the page is left, so the back/forward cache keeps none of them.
    fn end_here(&self, ending: Ending) {
        self.0.generation.end();
        self.0.leaving.set(true);
        self.clear();
        note_sign_out(now_ms());
        if ending == Ending::Idle {
            store(IDLE_SIGN_OUT_KEY, &true);
        }
        self.0.ended.set(true);
    }

    /// Ends the session everywhere: this tab, the other tabs of the portal, and Entra's
    /// session, which comes back to the signed-out page.
    fn end(&self, ending: Ending) {
        if self.0.ended.get_untracked() {
            return;
        }
        self.end_here(ending);
        self.tell_tabs(if ending == Ending::Idle { TAB_SIGNED_OUT_IDLE } else { TAB_SIGNED_OUT });
        let back = js_sys::encode_uri_component(&self.signed_out_uri());
        go_to(&format!("{}?post_logout_redirect_uri={back}", self.0.endpoints.logout));
    }

    /// Another tab ended the session (and Entra's): this one shows its signed-out page.
    fn ended_elsewhere(&self, ending: Ending) {
        if self.0.ended.get_untracked() || self.0.tokens.borrow().is_none() {
            return;
        }
        self.end_here(ending);
        if let Some(location) = location() {
            let _ = location.replace(&self.signed_out_uri());
        }
    }

    /// Off to Entra's sign-in page; back at `return_to` afterwards.
    fn sign_in(&self, return_to: &str) {
        self.go_sign_in(return_to, false);
    }

    /// Off to Entra, asking it to answer from its session without a page (`prompt=none`); if
    /// it needs the operator, the sign-in page follows. Back at `return_to` afterwards.
    fn sign_in_silently(&self, return_to: &str) {
        self.go_sign_in(return_to, true);
    }

    fn go_sign_in(&self, return_to: &str, silent: bool) {
        if self.0.leaving.replace(true) {
            return;
        }
        self.clear();
        let session = self.clone();
        let return_to = return_to.to_string();
        let generation = self.0.generation.current();
        wasm_bindgen_futures::spawn_local(async move {
            let protocol = session.protocol().await;
            // Signed out while the sign-in code downloaded: the sign-out stands.
            if !session.0.generation.is(generation) {
                return;
            }
            match protocol {
                Ok(protocol) => {
                    let (url, pending) = protocol.begin(&return_to, silent);
                    store(PENDING_KEY, &pending);
                    go_instead(&url);
                }
                Err(error) => {
                    *session.0.stalled_at.borrow_mut() = Some((return_to, silent));
                    session.0.leaving.set(false);
                    session.0.stalled.set(Some(SignInProblem::Exchange(error)));
                }
            }
        });
    }

    /// The sign-in page's button: a sign-in that could not start goes where it was going, as it
    /// was going; any other, to the start page.
    pub fn retry_sign_in(&self) {
        let (return_to, silent) = self.0.stalled_at.take().unwrap_or_else(|| (mount_path(), false));
        self.go_sign_in(&return_to, silent);
    }

    /// Ends the session in every tab of the portal and in Entra.
    pub fn sign_out(&self) {
        self.end(Ending::SignOut);
    }

    /// The renewal in flight, or a new one.
    fn renewal(&self) -> Shared<LocalBoxFuture<'static, Result<String, GraphError>>> {
        if let Some(running) = self.0.renewing.borrow().clone() {
            return running;
        }
        let session = self.clone();
        let renewal = async move {
            let result = session.renew_now().await;
            *session.0.renewing.borrow_mut() = None;
            result
        }
        .boxed_local()
        .shared();
        *self.0.renewing.borrow_mut() = Some(renewal.clone());
        renewal
    }

    async fn renew_now(&self) -> Result<String, GraphError> {
        let current = self.0.tokens.borrow().clone();
        let Some((refresh_token, operator)) = current.and_then(|t| Some((t.refresh_token?, t.operator))) else {
            self.sign_in_silently(&current_route());
            return Err(sign_in_required());
        };
        let generation = self.0.generation.current();
        let refreshed = match self.protocol().await {
            Ok(protocol) => protocol.refresh(&refresh_token, now_ms(), &operator).await,
            Err(unavailable) => Err(unavailable),
        };
        match refreshed {
            // Signed out while the renewal was on its way: what it got is not kept.
            _ if !self.0.generation.is(generation) => Err(sign_in_required()),
            Ok(tokens) => {
                let access = tokens.access_token.clone();
                self.keep(tokens);
                Ok(access)
            }
            Err(error) if error.needs_interaction() => {
                self.sign_in_silently(&current_route());
                Err(sign_in_required())
            }
            Err(
                SignInError::Refused { description, .. }
                | SignInError::Network(description)
                | SignInError::Answer(description),
            ) => Err(GraphError::new(FailureKind::Network, description)),
            Err(SignInError::Unavailable) => {
                Err(GraphError::new(FailureKind::Network, "the sign-in code could not be downloaded"))
            }
        }
    }
}

impl Credentials for AuthSession {
    fn token(&self) -> LocalBoxFuture<'_, Result<String, GraphError>> {
        async move {
            let current = self.0.tokens.borrow().clone();
            match current {
                None => {
                    self.sign_in_silently(&current_route());
                    Err(sign_in_required())
                }
                Some(tokens) if tokens.refresh_token.is_some() && tokens.needs_renewal(now_ms()) => {
                    self.renewal().await
                }
                Some(tokens) => Ok(tokens.access_token),
            }
        }
        .boxed_local()
    }

    fn renew(&self, rejected: String) -> LocalBoxFuture<'_, Result<String, GraphError>> {
        async move {
            let current = self.0.tokens.borrow().as_ref().map(|t| t.access_token.clone());
            match current {
                Some(token) if token != rejected => Ok(token),
                _ => self.renewal().await,
            }
        }
        .boxed_local()
    }

    /// Graph refused even a renewed token: on Entra's page, not silently, which could loop.
    fn sign_in_again(&self) {
        self.sign_in(&current_route());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_began_before_an_end_of_the_session_is_not_current_after_it() {
        let generation = Generation::default();
        let renewal_began = generation.current();
        assert!(generation.is(renewal_began));
        generation.end();
        assert!(!generation.is(renewal_began), "a renewal begun before sign-out keeps nothing");
        assert!(generation.is(generation.current()));
    }
}
