//! The few browser facilities the shell needs: preferred languages, the saved language
//! choice, and loading `config.json`.

use gloo_net::http::Request;
use leptos::prelude::{untrack, LocalStorage, ReadSignal, RwSignal, Update};
use wasm_bindgen::JsCast;

use crate::config::{parse_config, Config, ConfigProblem};
use crate::text::Lang;

/// Kept across visits (localStorage): the operator's language choice, and when the portal was
/// last signed out in this browser (a time, nothing secret). Tokens never are.
const LANGUAGE_KEY: &str = "helpdesk.language";
const LAST_SIGN_OUT_KEY: &str = "helpdesk.signed-out-at";
/// Kept for this tab only (sessionStorage) while signed in: the config.json it runs with, which
/// a reload starts with (see `keep_config_read`).
const CONFIG_READ_KEY: &str = "helpdesk.config";

pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn saved_language() -> Option<Lang> {
    Lang::from_tag(&local_storage()?.get_item(LANGUAGE_KEY).ok().flatten()?)
}

pub fn save_language(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANGUAGE_KEY, lang.tag());
    }
}

/// When the portal was last signed out in this browser, in milliseconds since the epoch (0:
/// never). A time that cannot be read counts as a sign-out now, and is written back as one:
/// no kept token outlives a sign-out because its record was damaged.
pub fn last_sign_out_ms() -> f64 {
    let Some(text) = local_storage().and_then(|storage| storage.get_item(LAST_SIGN_OUT_KEY).ok().flatten()) else {
        return 0.0;
    };
    text.parse::<u64>().map_or_else(
        |_| {
            let now = js_sys::Date::now();
            note_sign_out(now);
            now
        },
        |ms| ms as f64,
    )
}

/// Notes a sign-out, for tabs that were asleep and missed it (see `TabAccess::resume`). Whole
/// milliseconds, read back as an integer: no float parser in the first load.
pub fn note_sign_out(at_ms: f64) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LAST_SIGN_OUT_KEY, &(at_ms.max(0.0) as u64).to_string());
    }
}

/// The language to start in: the operator's saved choice, else the browser's, else `fallback`.
pub fn starting_language(fallback: Lang) -> Lang {
    saved_language().unwrap_or_else(|| Lang::negotiate(preferred_languages().iter().map(String::as_str), fallback))
}

/// Keeps `<html lang>` right for screen readers and hyphenation.
pub fn set_document_language(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// A plain press of a mouse's main button: what starts a load before the click that follows.
/// A modified click opens another tab, and a touch may be a scroll.
pub fn is_plain_mouse_press(event: &web_sys::PointerEvent) -> bool {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    event.button() == 0 && event.pointer_type() == "mouse" && !modified
}

/// The portal address (below the mount, percent-encoded) of the portal's own link an event
/// happened in, if it happened in one.
pub fn link_route(event: &web_sys::Event) -> Option<String> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = element.closest("a[href]").ok()??.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    let own = web_sys::window()?.location().origin().ok()? == link.origin();
    own.then(|| below_mount(&link.pathname()).map(str::to_string)).flatten()
}

/// A path of this origin below the portal's mount, from its `/`; `None` when it is elsewhere.
pub fn below_mount(path: &str) -> Option<&str> {
    path.strip_prefix(mount_path().trim_end_matches('/'))
}

/// Moves keyboard focus to an element, when it exists; answers whether it did.
pub fn focus(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    element.is_some_and(|element| element.focus().is_ok())
}

/// Moves keyboard focus to an element of a view just built: at once when it is already in the
/// document, so that keys typed before the next frame reach it, else at that frame.
pub fn focus_soon(id: &'static str) {
    if !focus(id) {
        leptos::prelude::request_animation_frame(move || _ = focus(id));
    }
}

/// Where the portal is mounted, with a trailing slash: `/` at the root of a site, or a
/// sub-path such as `/helpdesk/`. `index.html`'s start-up script works it out (there is no
/// `<base>`: the Content-Security-Policy forbids it) and leaves it on `<html data-mount>`.
pub fn mount_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-mount"))
        .filter(|mount| mount.starts_with('/') && mount.ends_with('/') && !mount.starts_with("//"))
        .unwrap_or_else(|| "/".into())
}

/// The address of one of the portal's own routes (`/users/{id}`), below its mount.
pub fn app_href(route: &str) -> String {
    format!("{}{}", mount_path(), route.trim_start_matches('/'))
}

/// The portal's own address: origin and mount.
pub fn portal_url() -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", mount_path())
}

/// `config.json` next to `index.html`, wherever the portal is mounted. Already read by
/// index.html's start-up script, it is answered without waiting. A bad one takes away the
/// copy a signed-in tab keeps (`keep_config_read`).
pub async fn load_config() -> Result<Config, Vec<ConfigProblem>> {
    match read_config().await.and_then(|text| parse_config(&text).map(|config| (config, text))) {
        Ok((config, text)) => {
            CONFIG_TEXT.set(Some(text));
            Ok(config)
        }
        Err(problems) => {
            forget_config_read();
            Err(problems)
        }
    }
}

thread_local! {
    /// The text of the config.json this load runs with, for `keep_config_read`.
    static CONFIG_TEXT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A signed-in tab keeps the config.json it runs with (sessionStorage, this tab only): its
/// next load starts with it, without waiting for config.json's round trip (no-store, so
/// through a CDN to its origin), and `App` moves to what that load reads if it differs.
pub fn keep_config_read() {
    if let (Some(storage), Some(text)) = (session_storage(), CONFIG_TEXT.with_borrow(Clone::clone)) {
        let _ = storage.set_item(CONFIG_READ_KEY, &text);
    }
}

/// What `keep_config_read` kept, parsed again.
pub fn config_read_before() -> Option<Config> {
    parse_config(&session_storage()?.get_item(CONFIG_READ_KEY).ok()??).ok()
}

/// Signed out, or given a bad config.json, the tab keeps no configuration.
pub fn forget_config_read() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(CONFIG_READ_KEY);
    }
}

pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// config.json's text.
async fn read_config() -> Result<String, Vec<ConfigProblem>> {
    let unreachable = |reason: String| vec![ConfigProblem::Unreachable(reason)];
    let Some(early) = early_config_read() else {
        let response = Request::get(&app_href("config.json"))
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .map_err(|error| unreachable(error.to_string()))?;
        if !response.ok() {
            return Err(unreachable(format!("HTTP {}", response.status())));
        }
        return response.text().await.map_err(|error| unreachable(error.to_string()));
    };
    // The script's promise never rejects: it answers what it read, as the settled value does.
    let read = match early.dyn_into::<js_sys::Promise>() {
        Ok(on_its_way) => wasm_bindgen_futures::JsFuture::from(on_its_way).await.unwrap_or_default(),
        Err(read) => read,
    };
    let field = |name: &str| js_sys::Reflect::get(&read, &name.into()).ok();
    if let Some(text) = field("text").and_then(|text| text.as_string()) {
        return Ok(text);
    }
    // A status is a whole number: formatted as an integer (no float formatter in the first load).
    Err(unreachable(match field("status").and_then(|status| status.as_f64()) {
        Some(status) => format!("HTTP {}", status as u16),
        None => field("failed").and_then(|failed| failed.as_string()).unwrap_or_else(|| "fetch failed".into()),
    }))
}

/// What index.html's start-up script read of config.json (`{text}`, `{status}` of a refusal,
/// or `{failed}`), or its promise while on its way; taken once (a build without that script,
/// or a second reading, asks again).
fn early_config_read() -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("helpdeskConfig");
    let read = js_sys::Reflect::get(&window, &key).ok().filter(|read| read.is_object())?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(read)
}

thread_local! {
    /// One formatter per language: building one per date made long tables slow to filter.
    static DATE_FORMATS: std::cell::RefCell<Vec<(Lang, js_sys::Intl::DateTimeFormat)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn date_format(lang: Lang) -> js_sys::Intl::DateTimeFormat {
    DATE_FORMATS.with(|cache| {
        if let Some((_, format)) = cache.borrow().iter().find(|(l, _)| *l == lang) {
            return format.clone();
        }
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&lang.tag().into()), &options);
        cache.borrow_mut().push((lang, format.clone()));
        format
    })
}

/// A chunk of the portal's code could not be fetched (offline, or a deployment replaced it).
#[derive(Debug, Clone, Copy)]
pub struct PartUnavailable;

#[cfg(helpdesk_split)]
impl From<wasm_split_helpers::SplitLoaderError> for PartUnavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        PartUnavailable
    }
}

/// What `work` gives once it is done; until then `meanwhile`, which its answer replaces only
/// if it differs. For what start-up reads once: a resource's machinery (running again when
/// what it reads changes, suspending a boundary) is not needed there, and each resource's
/// code, made for its own type, is part of the first load.
pub fn once_done<T: Clone + PartialEq + 'static>(
    meanwhile: Option<T>,
    work: impl std::future::Future<Output = T> + 'static,
) -> ReadSignal<Option<T>, LocalStorage> {
    let mut work = Box::pin(work);
    // Work with nothing to wait for (config.json read ahead, a session kept in this tab) is
    // answered now: the view that asked shows the answer in its first frame, not a frame of
    // waiting after it. Polled again by the executor otherwise, with a waker of its own.
    let mut now = std::task::Context::from_waker(std::task::Waker::noop());
    if let std::task::Poll::Ready(answer) = untrack(|| work.as_mut().poll(&mut now)) {
        return RwSignal::new_local(Some(answer)).read_only();
    }
    let done = RwSignal::new_local(meanwhile);
    leptos::task::spawn_local(async move {
        let answer = Some(work.await);
        // Only a different answer notifies; the view that asked may be gone by then.
        done.try_maybe_update(|shown| {
            let differs = *shown != answer;
            if differs {
                *shown = answer;
            }
            (differs, ())
        });
    });
    done.read_only()
}

/// Runs `work` once the next frame is painted: what it starts must not delay that frame.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(work, std::time::Duration::ZERO));
}

/// Runs `work` when the browser is idle (`requestIdleCallback`), in a task of its own.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let work = wasm_bindgen::closure::Closure::once_into_js(work);
    if let Some(window) = web_sys::window() {
        let _ = window.request_idle_callback(work.unchecked_ref());
    }
}

/// Long work, started once the browser is idle, then carried on in short tasks (see
/// `work_in_tasks`).
pub fn work_while_idle(step: impl FnMut() -> bool + 'static) {
    when_idle(move || work_in_tasks(step));
}

/// Runs `step` again and again, a few milliseconds a task, until it answers that nothing is
/// left: long work during which a keystroke or a frame waits for one step at most. Not in idle
/// callbacks: one posted from another runs in the next idle period, up to 50 ms later, so
/// short callbacks would leave most of the time unused.
pub fn work_in_tasks(mut step: impl FnMut() -> bool + 'static) {
    next_task(move || {
        let until = milliseconds_now() + TASK_SLICE_MS;
        while step() {
            if milliseconds_now() >= until {
                work_in_tasks(step);
                return;
            }
        }
    });
}

/// How long one task of `work_in_tasks` runs its steps, at most (plus one step).
const TASK_SLICE_MS: f64 = 4.0;

fn milliseconds_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Runs `work` in a task of its own, once what the browser has waiting (input first) is done:
/// a message the page posts to itself, which unlike a zero timeout is not held back 4 ms when
/// one such task posts the next.
pub fn next_task(work: impl FnOnce() + 'static) {
    type Queued = std::collections::VecDeque<Box<dyn FnOnce()>>;
    thread_local! {
        static QUEUE: std::cell::RefCell<Queued> = std::cell::RefCell::default();
        // Both ends are kept, with the listener, as long as the page.
        static CHANNEL: Option<web_sys::MessageChannel> = {
            let channel = web_sys::MessageChannel::new().ok();
            if let Some(channel) = &channel {
                let run_next = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
                    if let Some(work) = QUEUE.with_borrow_mut(Queued::pop_front) {
                        work();
                    }
                });
                channel.port1().set_onmessage(Some(run_next.as_ref().unchecked_ref()));
                run_next.forget();
            }
            channel
        };
    }
    QUEUE.with_borrow_mut(|queue| queue.push_back(Box::new(work)));
    CHANNEL.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
    });
}

/// Builds the date formatter of `lang` while the browser is idle: the first one a page builds
/// loads the locale's data (about 20 ms), which would otherwise fall on the first user view.
pub fn prepare_date_format(lang: Lang) {
    when_idle(move || {
        date_format(lang);
    });
}

/// A Graph timestamp in the operator's language and time zone; one that did not parse is
/// shown as Graph sent it.
pub fn format_timestamp(timestamp: &crate::graph::models::Timestamp, lang: Lang) -> String {
    match timestamp {
        crate::graph::models::Timestamp::At(at) => {
            let millis = (at.unix_timestamp_nanos() / 1_000_000) as f64;
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
            let format: js_sys::Function = date_format(lang).format();
            format.call1(&wasm_bindgen::JsValue::NULL, &date).ok().and_then(|v| v.as_string()).unwrap_or_default()
        }
        crate::graph::models::Timestamp::Unparsed(text) => text.clone(),
    }
}

/// Offers `text` as a file download (CSV export), without a server round trip.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(anchor) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Puts `text` on the clipboard; resolves to whether it worked.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Runs `work` as a User Timing measure named `name` (the bench reads it), returning its result.
pub fn timed<T>(name: &'static str, work: impl FnOnce() -> T) -> T {
    let measure = Measure::start(name);
    let result = work();
    measure.end();
    result
}

/// A User Timing measure that spans tasks: from `start` to `end`.
pub struct Measure(&'static str);

impl Measure {
    pub fn start(name: &'static str) -> Measure {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            _ = performance.mark(&format!("{name}:start"));
        }
        Measure(name)
    }

    pub fn end(self) {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            _ = performance.measure_with_start_mark(self.0, &format!("{}:start", self.0));
        }
    }
}

/// The browser's clock, for "not checked in for N days".
pub fn now() -> time::OffsetDateTime {
    let nanos = (js_sys::Date::now() * 1_000_000.0) as i128;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// Whether a key press comes from a field where the operator types (shortcuts leave those alone).
pub fn is_typing(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
