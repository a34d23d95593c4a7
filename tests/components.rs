//! Component tests in headless Chromium (wasm-bindgen-test): each component mounted alone,
//! read back from the DOM as an operator would see it.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use helpdesk::components::data_table::{Column, DataTable};
use helpdesk::components::labels::Tone;
use helpdesk::components::language_switch::LanguageSwitch;
use helpdesk::components::section_error::SectionError;
use helpdesk::components::section_view::SectionView;
use helpdesk::domain::table::{Direction, SortKey};
use helpdesk::graph::models::{ManagedDevice, SkippedItem, User};
use helpdesk::graph::retry::RetryNotice;
use helpdesk::graph::{GraphClient, GraphError, ProgressEvent};
use helpdesk::i18n::{I18n, Lang, Msg, ViewMsg};
use helpdesk::pages::select_user::{SelectUserPage, SEARCH_INPUT_ID};
use helpdesk::state::directory::Directory;
use helpdesk::state::section::{Loaded, PartFailure, Section};
use helpdesk::state::sessions::Sessions;
use helpdesk::state::warm_up::sample_session;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh element with the translation layer, and returns that element.
fn mount<V: IntoView + 'static>(lang: Lang, view: impl FnOnce() -> V + 'static) -> (web_sys::HtmlElement, I18n) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let i18n_slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = i18n_slot.clone();
    leptos::mount::mount_to(host.clone(), move || {
        let i18n = I18n { lang: RwSignal::new(lang) };
        provide_context(i18n);
        slot.set(Some(i18n));
        view()
    })
    .forget();
    (host, i18n_slot.get().unwrap())
}

fn text(element: &web_sys::HtmlElement) -> String {
    element.inner_text()
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let element: web_sys::HtmlElement = host.query_selector(selector).unwrap().expect(selector).dyn_into().unwrap();
    element.click();
}

async fn settle() {
    leptos::task::tick().await;
    // A table filters a frame after the one that echoes the keystroke.
    next_frame().await;
    next_frame().await;
    gloo_timers_wait().await;
    leptos::task::tick().await;
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Effects run after a task boundary; a zero timeout lets them.
async fn gloo_timers_wait() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn forbidden() -> GraphError {
    GraphError::from_status(
        403,
        r#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"request-id":"req-42"}}}"#,
        None,
    )
}

#[wasm_bindgen_test]
async fn a_section_error_shows_code_message_request_id_and_retries() {
    let retried = RwSignal::new(0);
    let (host, _) = mount(
        Lang::En,
        move || view! { <SectionError error=forbidden() on_retry=move |_| retried.update(|n| *n += 1)/> },
    );
    let shown = text(&host);
    assert!(shown.contains("Microsoft Graph answered 403: Insufficient privileges"), "{shown}");
    assert!(shown.contains("Authorization_RequestDenied") && shown.contains("req-42"), "{shown}");
    click(&host, "button");
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn a_refused_section_names_the_permission_it_needs_in_the_operators_language() {
    let refused = forbidden().for_call("/users/AdeleV@contoso.onmicrosoft.com/managedAppRegistrations");
    let (host, _) = mount(Lang::Fr, move || view! { <SectionError error=refused.clone() on_retry=|_| ()/> });
    let shown = text(&host);
    assert!(shown.contains("n’a pas l’autorisation Microsoft Graph DeviceManagementApps.Read.All"), "{shown}");
    assert!(shown.contains("req-42"), "{shown}");
}

#[wasm_bindgen_test]
async fn a_section_says_why_it_waits_then_what_it_could_not_read() {
    let section = RwSignal::new(Section::<String>::Loading(Some(ProgressEvent::Retrying(RetryNotice {
        retry: 1,
        wait_ms: 4_000,
        throttled: true,
    }))));
    let (host, _) = mount(Lang::Fr, move || {
        view! {
            <SectionView section=section on_retry=|_| () label=ViewMsg::TabDevices content={|loaded: Loaded<String>| loaded.items.join(", ")}/>
        }
    });
    assert!(text(&host).contains("Microsoft Graph limite les requêtes ; nouvel essai dans 4 s."), "{}", text(&host));
    section.set(Section::Ready(Loaded {
        items: Arc::new(vec!["A".into(), "B".into()]),
        skipped: Arc::new(vec![SkippedItem {
            index: 2,
            id: Some("g3".into()),
            reason: "invalid type: integer".into(),
        }]),
        complete: true,
        total: None,
        note: None,
        failed_parts: Arc::new(vec![PartFailure {
            label: "DESKTOP-01".into(),
            error: GraphError::from_status(
                500,
                r#"{"error":{"code":"InternalServerError","message":"boom","innerError":{"request-id":"r-7"}}}"#,
                None,
            ),
        }]),
    }));
    settle().await;
    let shown = text(&host);
    assert!(shown.contains("A, B"), "{shown}");
    assert!(shown.contains("1 élément illisible") && shown.contains("g3: invalid type: integer"), "{shown}");
    // One part that could not be read says so, with its request id, beside the rest.
    assert!(
        shown.contains("Lecture impossible : DESKTOP-01") && shown.contains("boom") && shown.contains("r-7"),
        "{shown}"
    );
}

struct Row {
    name: &'static str,
    count: i128,
}

fn columns() -> Vec<Column<Row>> {
    vec![
        Column::<Row>::new(ViewMsg::ColName, |r, _| r.name.to_string(), |r| SortKey::text(Some(r.name))),
        Column::<Row>::new(ViewMsg::ColSettings, |r, _| r.count.to_string(), |r| SortKey::Number(r.count)).toned(
            |r, _| {
                if r.count > 2 {
                    Tone::Bad
                } else {
                    Tone::Good
                }
            },
        ),
    ]
}

/// Types `typed` into the table's filter box (one input event).
fn type_in_filter(host: &web_sys::HtmlElement, typed: &str) {
    let filter: web_sys::HtmlInputElement =
        host.query_selector("input[type=search]").unwrap().unwrap().dyn_into().unwrap();
    filter.set_value(typed);
    filter.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

/// Waits, a few frames at a time, until the host's text holds `wanted`; answers whether it
/// did. A table's filter texts are built a slice a task, so a filter on more than a few rows
/// takes a number of tasks that depends on the machine.
async fn until_shown(host: &web_sys::HtmlElement, wanted: &str) -> bool {
    for _ in 0..50 {
        if text(host).contains(wanted) {
            return true;
        }
        settle().await;
    }
    text(host).contains(wanted)
}

/// The first cells of the rows shown once `typed` is in the filter box.
async fn filtered_to(host: &web_sys::HtmlElement, typed: &str) -> Vec<String> {
    type_in_filter(host, typed);
    settle().await;
    first_cells(host)
}

fn three_rows() -> Arc<Vec<Row>> {
    Arc::new(vec![Row { name: "Laptop", count: 3 }, Row { name: "Phone", count: 1 }, Row { name: "Tablet", count: 2 }])
}

fn first_cells(host: &web_sys::HtmlElement) -> Vec<String> {
    let rows = host.query_selector_all("tbody tr td:first-child").unwrap();
    (0..rows.length()).map(|i| rows.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn a_table_sorts_filters_counts_and_marks_states_with_words() {
    let rows = three_rows();
    let (host, _) = mount(
        Lang::En,
        move || view! { <DataTable rows=rows columns=columns() caption=ViewMsg::TabDevices sort=(1, Direction::Ascending) csv_name="t"/> },
    );
    assert_eq!(first_cells(&host), vec!["Phone", "Tablet", "Laptop"]);
    assert!(text(&host).contains("3 of 3"));
    assert_eq!(
        host.query_selector("th[aria-sort=ascending]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
            .trim_end_matches(" ▲"),
        "Settings"
    );
    click(&host, "th:nth-child(1) button");
    settle().await;
    assert_eq!(first_cells(&host), vec!["Laptop", "Phone", "Tablet"]);
    click(&host, "th:nth-child(1) button");
    settle().await;
    assert_eq!(first_cells(&host), vec!["Tablet", "Phone", "Laptop"]);
    let marked =
        host.query_selector(".tone-bad").unwrap().expect("a bad state is marked").text_content().unwrap_or_default();
    assert_eq!(marked, "✕ 3", "a mark beside the words, not colour alone");

    type_in_filter(&host, "tab");
    settle().await;
    assert_eq!(first_cells(&host), vec!["Tablet"]);
    assert!(text(&host).contains("1 of 3"));
}

#[wasm_bindgen_test]
async fn a_filter_typed_on_then_shortened_or_resorted_keeps_the_right_rows() {
    let rows = three_rows();
    let (host, _) = mount(
        Lang::En,
        move || view! { <DataTable rows=rows columns=columns() caption=ViewMsg::TabDevices sort=(1, Direction::Ascending) csv_name="t"/> },
    );
    let shown_for = async |typed: &str| filtered_to(&host, typed).await;
    assert_eq!(shown_for("t").await, vec!["Tablet", "Laptop"]);
    // Typed on: narrowed from the rows shown.
    assert_eq!(shown_for("ta").await, vec!["Tablet"]);
    // A letter deleted widens again.
    assert_eq!(shown_for("t").await, vec!["Tablet", "Laptop"]);
    click(&host, "th:nth-child(1) button");
    settle().await;
    assert_eq!(first_cells(&host), vec!["Laptop", "Tablet"], "sorted by name, still filtered");
    // Typed on after the sort: from the new order.
    assert_eq!(shown_for("t 3").await, vec!["Laptop"]);
    assert_eq!(shown_for("").await, vec!["Laptop", "Phone", "Tablet"]);
    assert!(text(&host).contains("3 of 3"));
}

#[wasm_bindgen_test]
async fn keystrokes_within_one_frame_filter_once_with_the_last_text_even_if_the_table_goes() {
    let rows = three_rows();
    let table_shown = RwSignal::new(true);
    let (host, _) = mount(Lang::En, move || {
        move || {
            table_shown.get().then(|| {
                view! { <DataTable rows=rows.clone() columns=columns() caption=ViewMsg::TabDevices csv_name="t"/> }
            })
        }
    });
    let type_quickly = |letters: &[&str]| {
        for typed in letters {
            type_in_filter(&host, typed);
        }
    };
    type_quickly(&["t", "ta", "tab"]);
    settle().await;
    assert_eq!(first_cells(&host), vec!["Tablet"]);
    assert!(text(&host).contains("1 of 3"));
    // Typed, then the table left before the rows follow: nothing fails (a panic would reach
    // the window as an uncaught error).
    let errors = std::rc::Rc::new(std::cell::Cell::new(0));
    let count_error = {
        let errors = errors.clone();
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || errors.set(errors.get() + 1))
    };
    let window = web_sys::window().unwrap();
    window.add_event_listener_with_callback("error", count_error.as_ref().unchecked_ref()).unwrap();
    type_quickly(&["ph"]);
    table_shown.set(false);
    settle().await;
    settle().await;
    window.remove_event_listener_with_callback("error", count_error.as_ref().unchecked_ref()).unwrap();
    assert!(host.query_selector("table").unwrap().is_none());
    assert_eq!(errors.get(), 0, "uncaught errors");
}

/// Typed before the rows' filter texts are built (they are built while idle, a quarter of a
/// second after the rows come): the rest are built a slice a task, then the rows are filtered.
#[wasm_bindgen_test]
async fn a_filter_typed_at_once_on_thousands_of_rows_shows_their_matches() {
    let rows = Arc::new((0..3000).map(|count| Row { name: "Device", count }).collect::<Vec<_>>());
    let (host, _) = mount(
        Lang::En,
        move || view! { <DataTable rows=rows columns=columns() caption=ViewMsg::TabDevices csv_name="t"/> },
    );
    type_in_filter(&host, "2999");
    assert!(until_shown(&host, "1 of 3000").await, "{}", text(&host));
    assert_eq!(host.query_selector_all("tbody tr").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn a_filter_finds_the_words_of_the_language_shown() {
    let rows = Arc::new(vec![Row { name: "Laptop", count: 3 }, Row { name: "Phone", count: 1 }]);
    let columns = vec![
        Column::<Row>::new(ViewMsg::ColName, |r, _| r.name.to_string(), |r| SortKey::text(Some(r.name))),
        Column::<Row>::new(
            ViewMsg::ColSettings,
            |r, i18n| i18n.t(if r.count > 2 { ViewMsg::Yes } else { ViewMsg::No }).to_string(),
            |r| SortKey::Number(r.count),
        ),
    ];
    let (host, i18n) = mount(
        Lang::En,
        move || view! { <DataTable rows=rows columns=columns caption=ViewMsg::TabDevices csv_name="t"/> },
    );
    let shown_for = async |typed: &str| filtered_to(&host, typed).await;
    assert_eq!(shown_for("yes").await, vec!["Laptop"]);
    assert!(shown_for("ou").await.is_empty());
    // The same filter, in French: the rows are searched again in their new words, not
    // narrowed from the English result.
    i18n.lang.set(Lang::Fr);
    settle().await;
    assert_eq!(first_cells(&host), vec!["Laptop"]);
    assert_eq!(shown_for("oui").await, vec!["Laptop"]);
    assert_eq!(shown_for("non").await, vec!["Phone"]);
}

#[wasm_bindgen_test]
async fn a_long_table_pages_forward_and_back_a_hundred_rows_at_a_time() {
    let rows = Arc::new((0..250).map(|count| Row { name: "Device", count }).collect::<Vec<_>>());
    let (host, _) = mount(
        Lang::En,
        move || view! { <DataTable rows=rows columns=columns() caption=ViewMsg::TabDevices sort=(1, Direction::Ascending) csv_name="t"/> },
    );
    let pager_button = |index: u32| -> web_sys::HtmlElement {
        host.query_selector_all(".pager button").unwrap().item(index).expect("a pager button").dyn_into().unwrap()
    };
    let disabled = |index: u32| pager_button(index).has_attribute("disabled");
    assert!(text(&host).contains("Page 1 of 3"));
    assert!(disabled(0) && !disabled(1), "on the first page only Next works");
    pager_button(1).click();
    settle().await;
    assert!(text(&host).contains("Page 2 of 3"), "{}", text(&host));
    pager_button(1).click();
    settle().await;
    assert!(text(&host).contains("Page 3 of 3"), "{}", text(&host));
    assert_eq!(host.query_selector_all("tbody tr").unwrap().length(), 50);
    assert!(disabled(1) && !disabled(0), "on the last page only Previous works");
    pager_button(0).click();
    settle().await;
    assert!(text(&host).contains("Page 2 of 3"));
    type_in_filter(&host, "1");
    assert!(until_shown(&host, "Page 1 of 2").await, "a new filter starts from the first page: {}", text(&host));
}

#[wasm_bindgen_test]
async fn backend_text_is_shown_as_text_never_as_markup() {
    let rows = Arc::new(vec![Row { name: "<img src=x onerror=alert(1)>", count: 1 }]);
    let (host, _) = mount(
        Lang::En,
        move || view! { <DataTable rows=rows columns=columns() caption=ViewMsg::TabDevices csv_name="t"/> },
    );
    assert!(host.query_selector("tbody img").unwrap().is_none());
    assert_eq!(first_cells(&host), vec!["<img src=x onerror=alert(1)>"]);
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_string() {
    let (host, i18n) = mount(
        Lang::En,
        || view! { <LanguageSwitch/> <p>{move || use_context::<I18n>().unwrap().t(Msg::SelectUserTitle)}</p> },
    );
    assert!(text(&host).contains("Select a user"));
    let select: web_sys::HtmlSelectElement = host.query_selector("select").unwrap().unwrap().dyn_into().unwrap();
    select.set_value("fr");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(i18n.lang.get_untracked(), Lang::Fr);
    assert!(text(&host).contains("Sélectionner un utilisateur") && text(&host).contains("Langue"));
}

/// The bytes the portal's WebAssembly memory holds; it grows when what is kept outgrows it.
fn wasm_memory_bytes() -> u32 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length()
}

#[wasm_bindgen_test]
async fn opening_fifty_users_keeps_the_memory_of_the_last_ten() {
    // Mounting starts the task executor the sessions' loads run on.
    mount(Lang::En, || ());
    let portal = Owner::new();
    // Nothing listens on the discard port: each load fails at once, and is stopped anyway.
    let sessions = portal.with(|| Sessions::new(GraphClient::new("http://127.0.0.1:9")));
    // About 2 MB of devices a user, so a user kept by mistake shows in the memory's size.
    let device: ManagedDevice =
        serde_json::from_value(serde_json::json!({ "id": "d", "deviceName": "D".repeat(800) })).unwrap();
    let open = |n: usize| {
        let session = portal.with(|| sessions.open(&format!("user{n}@contoso.onmicrosoft.com")));
        session.cancel();
        let items = Arc::new(vec![device.clone(); 2_000]);
        session.devices.set(Section::Ready(Loaded {
            items,
            skipped: Arc::default(),
            complete: true,
            total: None,
            note: None,
            failed_parts: Arc::default(),
        }));
        session
    };
    let first = open(0);
    (1..20).for_each(|n| _ = open(n));
    settle().await;
    assert!(first.devices.try_with_untracked(|_| ()).is_none(), "the first user, dropped from the list, is freed");
    let before = wasm_memory_bytes();
    (20..70).for_each(|n| _ = open(n));
    settle().await;
    let grown = wasm_memory_bytes() - before;
    assert_eq!(sessions.recent().len(), 10);
    assert!(grown < 4 << 20, "memory grew by {grown} bytes over fifty users");
}

#[wasm_bindgen_test]
async fn a_user_opened_again_by_another_form_of_their_key_finds_the_same_session() {
    mount(Lang::En, || ());
    let portal = Owner::new();
    let sessions = portal.with(|| Sessions::new(GraphClient::new("http://127.0.0.1:9")));
    let adele = portal.with(|| sessions.open("AdeleV@contoso.onmicrosoft.com"));
    adele.cancel();
    let user: User =
        serde_json::from_value(serde_json::json!({ "id": "45e13907-b74f-468f-8d40-6b4c7ca41458" })).unwrap();
    adele.user.set(Section::Ready(Loaded::complete(vec![user])));
    adele.loaded_at.set(Some(js_sys::Date::now()));
    // Her name typed in another case, and her object id (the search's links) in capitals.
    for key in ["adelev@CONTOSO.onmicrosoft.com", "45E13907-B74F-468F-8D40-6B4C7CA41458"] {
        assert!(adele.answers_to(key), "{key}");
        let again = portal.with(|| sessions.open(key));
        assert_eq!(again.key.get_value(), "AdeleV@contoso.onmicrosoft.com", "{key}");
    }
    assert!(!adele.answers_to("AlexW@contoso.onmicrosoft.com"));
    assert_eq!(sessions.recent().len(), 1);
}

#[wasm_bindgen_test]
fn a_sign_out_time_that_cannot_be_read_counts_as_a_sign_out_now() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("helpdesk.signed-out-at", "1764707553123").unwrap();
    assert_eq!(helpdesk::browser::last_sign_out_ms(), 1_764_707_553_123.0);
    storage.set_item("helpdesk.signed-out-at", "yesterday").unwrap();
    let before = js_sys::Date::now();
    let read = helpdesk::browser::last_sign_out_ms();
    assert!(read >= before, "{read} is not a sign-out now");
    let written = storage.get_item("helpdesk.signed-out-at").unwrap().unwrap();
    assert_eq!(written.parse::<f64>().unwrap(), read, "written back as a sign-out now");
    storage.remove_item("helpdesk.signed-out-at").unwrap();
}

/// Whether `section` holds a complete list with items and nothing it could not read.
fn filled<T: Clone + Send + Sync + 'static>(section: RwSignal<Section<T>>) -> bool {
    section
        .with_untracked(|s| s.loaded().is_some_and(|l| l.complete && !l.items.is_empty() && l.failed_parts.is_empty()))
}

#[wasm_bindgen_test]
async fn the_warm_ups_made_up_user_fills_every_section_without_a_call_or_a_place_among_the_recent_users() {
    mount(Lang::En, || ());
    let portal = Owner::new();
    // Nothing listens on the discard port: a call would fail its section.
    let sessions = portal.with(|| Sessions::new(GraphClient::new("http://127.0.0.1:9")));
    let sample = portal.with(|| ScopedFuture::new(sample_session(&sessions))).await;
    let sections = [
        ("user", filled(sample.user)),
        ("licences", filled(sample.licences)),
        ("devices", filled(sample.devices)),
        ("app_protection", filled(sample.app_protection)),
        ("groups", filled(sample.groups)),
        ("direct_groups", filled(sample.direct_groups)),
        ("restrictions", filled(sample.restrictions)),
        ("apps", filled(sample.apps)),
        ("app_events", filled(sample.app_events)),
        ("failures", filled(sample.failures)),
    ];
    // Canned answers that no longer decode would only warm up the error paths.
    for (name, filled) in sections {
        assert!(filled, "{name} is not filled from the canned answers");
    }
    assert!(sample.loaded_at.get_untracked().is_none(), "never marked loaded: nothing that follows a load starts");
    assert!(sessions.recent().is_empty() && sessions.none_opened(), "the made-up user is not a recent user");
}

#[wasm_bindgen_test]
async fn the_search_box_has_the_keyboard_as_soon_as_it_is_shown_not_a_frame_later() {
    mount(Lang::En, || {
        // Nothing listens on the discard port: no search is typed here.
        let client = GraphClient::new("http://127.0.0.1:9");
        provide_context(Directory::new(client.clone()));
        provide_context(Sessions::new(client));
        view! { <Router><SelectUserPage/></Router> }
    });
    // Effects have run; no frame has been drawn since the page was built: keys typed now reach the box.
    leptos::task::tick().await;
    let focused = web_sys::window().unwrap().document().unwrap().active_element().map(|element| element.id());
    assert_eq!(focused.as_deref(), Some(SEARCH_INPUT_ID));
}
