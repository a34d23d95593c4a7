//! User selection: typeahead by name or e-mail, keyboard first.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use stylers::style;

use crate::browser::{after_next_paint, focus_soon, is_plain_mouse_press, prepare_date_format, PartUnavailable};
use crate::components::route_link::RouteLink;
use crate::components::section_error::SectionError;
use crate::graph::models::{Page, User};
use crate::graph::GraphError;
use crate::i18n::{use_i18n, Msg};
use crate::pages::user_parts::start_loading;
use crate::routes::user_route;
use crate::state::directory::{fetch_user_search, search_users, use_directory};
use crate::state::sessions::Sessions;

/// Typing pauses shorter than this send no request.
const DEBOUNCE: Duration = Duration::from_millis(250);
const MAX_RESULTS: u32 = 10;
pub const SEARCH_INPUT_ID: &str = "user-search";

/// Search results together with the text they answer, so an answer to older text is never
/// shown. The outer error: the search's code could not be fetched.
#[derive(Clone)]
struct Answer {
    text: String,
    result: Result<Result<Page<User>, GraphError>, PartUnavailable>,
}

#[component]
pub fn SelectUserPage() -> impl IntoView {
    let i18n = use_i18n();
    let directory = StoredValue::new_local(use_directory());
    let navigate = use_navigate();
    let typed = RwSignal::new(String::new());
    let highlighted = RwSignal::new(None::<usize>);
    let pending_timer = StoredValue::new(None::<TimeoutHandle>);
    let asked = StoredValue::new(String::new());
    // Filled by the searches below, not by a resource: see `browser::once_done`.
    let answer = RwSignal::new_local(None::<Answer>);

    let search = move |text: String| {
        asked.set_value(text.clone());
        let Some(directory) = directory.try_get_value() else { return };
        if text.chars().count() < 2 {
            return;
        }
        leptos::task::spawn_local(async move {
            let result = match search_users(directory, text.clone(), MAX_RESULTS).await {
                Ok(search) => Ok(search.await),
                Err(unavailable) => Err(unavailable),
            };
            // A slower answer to older text never replaces the answer to the text asked last.
            if asked.try_with_value(|last| *last == text) == Some(true) {
                _ = answer.try_set(Some(Answer { text, result }));
            }
        });
    };
    Effect::new(move |_| {
        let text = typed.get().trim().to_string();
        highlighted.set(None);
        if let Some(timer) = pending_timer.get_value() {
            timer.clear();
        }
        let timer = set_timeout_with_handle(move || search(text), DEBOUNCE).ok();
        pending_timer.set_value(timer);
    });
    // Once the page is in the document (an effect runs after it is mounted): a reload's first
    // keys reach the box without waiting for a frame.
    Effect::new(|_| focus_soon(SEARCH_INPUT_ID));
    after_next_paint(|| leptos::task::spawn_local(async { _ = fetch_user_search().await }));
    prepare_date_format(i18n.lang.get_untracked());

    let current = move || answer.get().filter(|a| a.text == typed.get().trim());
    let users = move || current().and_then(|a| a.result.ok()?.ok()).map(|page| page.items).unwrap_or_default();

    let open = {
        let navigate = navigate.clone();
        move |user: &User| navigate(&user_route(&user.id, ""), Default::default())
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let found = users();
        match event.key().as_str() {
            "ArrowDown" if !found.is_empty() => {
                event.prevent_default();
                highlighted.update(|h| *h = Some(h.map_or(0, |i| (i + 1) % found.len())));
            }
            "ArrowUp" if !found.is_empty() => {
                event.prevent_default();
                highlighted.update(|h| *h = Some(h.map_or(found.len() - 1, |i| (i + found.len() - 1) % found.len())));
            }
            "Enter" => {
                if let Some(user) = found.get(highlighted.get().unwrap_or(0)) {
                    event.prevent_default();
                    open(user);
                }
            }
            "Escape" => {
                typed.set(String::new());
            }
            _ => {}
        }
    };

    let class = style! {"SelectUserPage",
        section {
            max-width: 40rem;
            margin: var(--space-6) auto;
        }
        input {
            width: 100%;
            font-size: var(--font-large);
            padding: var(--space-2) var(--space-3);
        }
        ul {
            list-style: none;
            margin: var(--space-2) 0 0 0;
            padding: 0;
            border: 1px solid var(--border);
            border-radius: var(--radius);
        }
        li {
            padding: var(--space-2) var(--space-3);
            border-bottom: 1px solid var(--border);
        }
        li[aria-selected="true"] {
            background: var(--highlight);
            outline: 2px solid var(--focus);
        }
        a {
            display: block;
            color: inherit;
            text-decoration: none;
        }
        .mail {
            color: var(--muted);
            font-size: var(--font-small);
        }
        .hint {
            color: var(--muted);
        }
        h2 {
            font-size: var(--font-normal);
            margin: var(--space-6) 0 var(--space-1) 0;
        }
        .recent {
            border: none;
            display: flex;
            flex-wrap: wrap;
            gap: var(--space-2);
        }
        .recent li {
            border: none;
            padding: 0;
        }
    };

    let sessions = expect_context::<Sessions>();
    let retry = Callback::new(move |()| search(asked.get_value()));
    let unavailable = move || {
        view! { class=class,
            <p class="hint" role="alert">{move || i18n.t(Msg::PartUnavailable)}" "
                <button type="button" on:click=move |_| retry.run(())>{move || i18n.t(Msg::Retry)}</button>
            </p>
        }
        .into_any()
    };
    let results = move || {
        let text = typed.get().trim().to_string();
        if text.chars().count() < 2 {
            return view! { class=class, <p class="hint">{move || i18n.t(Msg::TypeToSearch)}</p> }.into_any();
        }
        match current().map(|a| a.result) {
            None => {
                view! { class=class, <p class="hint" aria-busy="true">{move || i18n.t(Msg::Loading)}</p> }.into_any()
            }
            Some(Err(PartUnavailable)) => unavailable(),
            Some(Ok(result)) => {
                let shown = Shown { text, result, highlighted, retry, class };
                Suspend::new(async move { search_results(shown).await.unwrap_or_else(|PartUnavailable| unavailable()) })
                    .into_any()
            }
        }
    };

    let recent = move || {
        let users: Vec<(String, String)> = sessions
            .recent()
            .iter()
            .filter_map(|session| session.user.with(|u| u.loaded().and_then(|l| l.items.first().cloned())))
            .map(|user| (user.id.clone(), user.display_name.clone().unwrap_or(user.id)))
            .collect();
        (!users.is_empty()).then(|| view! { class=class,
            <nav aria-labelledby="recent-users-title">
                <h2 id="recent-users-title">{move || i18n.t(Msg::RecentUsers)}</h2>
                <ul class="recent">
                    {users.into_iter().map(|(id, name)| view! { class=class, <li><RouteLink route=user_route(&id, "") class=class>{name}</RouteLink></li> }).collect_view()}
                </ul>
            </nav>
        })
    };

    view! { class=class,
        <section aria-labelledby="select-user-title">
            <h1 id="select-user-title">{move || i18n.t(Msg::SelectUserTitle)}</h1>
            <p class="hint">{move || i18n.t(Msg::SelectUserHint)}</p>
            <label for=SEARCH_INPUT_ID>{move || i18n.t(Msg::SearchLabel)}</label>
            <input
                id=SEARCH_INPUT_ID
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="user-results"
                aria-expanded=move || (!users().is_empty()).to_string()
                aria-activedescendant=move || highlighted.get().map(|i| format!("user-option-{i}"))
                prop:value=move || typed.get()
                on:input=move |event| typed.set(event_target_value(&event))
                on:keydown=on_keydown
            />
            <div aria-live="polite">{results}</div>
            {recent}
        </section>
    }
}

/// What the results list shows: an answer to the text still in the box.
struct Shown {
    text: String,
    result: Result<Page<User>, GraphError>,
    highlighted: RwSignal<Option<usize>>,
    retry: Callback<()>,
    /// The page's scoped style, which the list shares.
    class: &'static str,
}

/// The answer's view, in the search's chunk with its call (`search_users`).
#[cfg(helpdesk_split)]
#[wasm_split_helpers::wasm_split(user_search, fallible)]
fn search_results(shown: Shown) -> Result<AnyView, PartUnavailable> {
    Ok(view! { <SearchResults shown=shown/> }.into_any())
}

#[cfg(not(helpdesk_split))]
async fn search_results(shown: Shown) -> Result<AnyView, PartUnavailable> {
    Ok(view! { <SearchResults shown=shown/> }.into_any())
}

#[component]
fn SearchResults(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let Shown { text, result, highlighted, retry, class } = shown;
    let sessions = expect_context::<Sessions>();
    // On the press, not the click: the user's calls leave while the button is still down.
    let start_on_press = move |id: String| {
        move |event: leptos::ev::PointerEvent| {
            if is_plain_mouse_press(&event) {
                let id = id.clone();
                leptos::task::spawn_local(async move { _ = start_loading(sessions, id).await });
            }
        }
    };
    match result {
        Err(error) => view! { <SectionError error=error on_retry=retry/> }.into_any(),
        Ok(page) if page.items.is_empty() => {
            view! { class=class, <p class="hint">{move || i18n.fmt(Msg::NoUserMatches, &[&text])}</p> }.into_any()
        }
        Ok(page) => view! { class=class,
            <ul role="listbox" id="user-results" aria-label=move || i18n.t(Msg::SelectUserTitle)>
                {page.items.into_iter().enumerate().map(|(index, user)| {
                    let name = user.display_name.clone().unwrap_or_else(|| user.id.clone());
                    let mail = user.mail.clone().or(user.user_principal_name.clone()).unwrap_or_default();
                    view! { class=class,
                        <li role="option" id=format!("user-option-{index}") aria-selected=move || (highlighted.get() == Some(index)).to_string() on:pointerdown=start_on_press(user.id.clone())>
                            <RouteLink route=user_route(&user.id, "") tabindex="-1" class=class>
                                <div>{name}</div>
                                <div class="mail">{mail}</div>
                            </RouteLink>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}
