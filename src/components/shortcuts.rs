//! The keyboard on a user's pages: a key for each tab (by the key's place, so a French keyboard
//! uses the same row of digits), `f` for the findings, `j`/`k` or the arrows through rows,
//! Enter to open one, Esc back, `c` to copy the ticket summary, and `?` for the list of them.
//! None fires while the operator types in a field or holds Ctrl, Alt or ⌘.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use stylers::style;
use wasm_bindgen::JsCast;

use crate::browser::{app_href, is_typing};
use crate::components::findings::FINDINGS_ID;
use crate::components::route_link::use_route;
use crate::i18n::{use_i18n, ViewMsg};
use crate::routes::{parent_route, user_route};

/// The key of the tab at `index`: 1 to 9, then 0.
pub fn tab_key(index: usize) -> String {
    ((index + 1) % 10).to_string()
}

/// The tab a digit key opens, by the key's place (`Digit1`, `Numpad1`).
fn tab_of(code: &str) -> Option<usize> {
    let digit = code.strip_prefix("Digit").or_else(|| code.strip_prefix("Numpad"))?.parse::<usize>().ok()?;
    Some(if digit == 0 { 9 } else { digit - 1 })
}

/// Where the findings are, and where a tab shows its rows.
pub const TAB_CONTENT_ID: &str = "user-tab";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The rows `j`/`k` move through: the findings when focus is in them (or no tab shows rows),
/// otherwise the open tab's table.
fn rows() -> Vec<web_sys::HtmlElement> {
    let Some(document) = document() else { return vec![] };
    let select = |selector: &str| -> Vec<web_sys::HtmlElement> {
        let Ok(list) = document.query_selector_all(selector) else { return vec![] };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect()
    };
    let findings = select("[data-testid=findings] [data-keyrow]");
    let in_findings =
        document.active_element().and_then(|e| e.closest("[data-testid=findings]").ok().flatten()).is_some();
    let tab = select(&format!("#{TAB_CONTENT_ID} tbody tr, #{TAB_CONTENT_ID} [data-keyrow]"));
    if in_findings || tab.is_empty() {
        findings
    } else {
        tab
    }
}

/// Focuses a row: its first link, or the row itself.
fn focus_row(row: &web_sys::HtmlElement) {
    let link = row.query_selector("a, button").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let target = link.unwrap_or_else(|| {
        _ = row.set_attribute("tabindex", "-1");
        row.clone()
    });
    _ = target.focus();
    target.scroll_into_view_with_bool(false);
}

/// Moves focus `step` rows from the focused one (to the first when none is).
fn move_through_rows(step: i32) -> bool {
    let rows = rows();
    if rows.is_empty() {
        return false;
    }
    let active = document().and_then(|d| d.active_element());
    let current = rows.iter().position(|row| active.as_ref().is_some_and(|a| row.contains(Some(a))));
    let next = match current {
        None => 0,
        Some(at) => (at as i32 + step).clamp(0, rows.len() as i32 - 1) as usize,
    };
    focus_row(&rows[next]);
    true
}

#[component]
pub fn UserShortcuts(
    /// The user's key, for the tabs' addresses.
    key: Signal<String>,
    /// Each tab's path below the user and its label, in order.
    tabs: &'static [(&'static str, ViewMsg)],
    on_copy: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let navigate = use_navigate();
    let route = use_route();
    let go = move |to: String| navigate(&app_href(&to), NavigateOptions { resolve: false, ..Default::default() });
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || is_typing(&event) {
            return;
        }
        let key_pressed = event.key();
        if open.get_untracked() {
            if key_pressed == "Escape" || key_pressed == "?" {
                event.prevent_default();
                open.set(false);
            }
            return;
        }
        let handled = match key_pressed.as_str() {
            "?" => {
                open.set(true);
                true
            }
            "j" | "J" | "ArrowDown" => move_through_rows(1),
            "k" | "K" | "ArrowUp" => move_through_rows(-1),
            "f" | "F" => {
                match rows_of_findings() {
                    Some(first) => focus_row(&first),
                    None => _ = crate::browser::focus(FINDINGS_ID),
                }
                true
            }
            "c" | "C" => {
                on_copy.run(());
                true
            }
            "Escape" => match route.with_untracked(|here| parent_route(here)) {
                Some(parent) => {
                    go(parent);
                    true
                }
                None => false,
            },
            _ => match tab_of(&event.code()).and_then(|index| tabs.get(index)) {
                Some((segment, _)) if !event.shift_key() => {
                    go(user_route(&key.get_untracked(), &format!("/{segment}")));
                    true
                }
                _ => false,
            },
        };
        if handled {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());

    let class = style! {"UserShortcuts",
        .overlay {
            position: fixed;
            inset: 0;
            background: rgba(0, 0, 0, 0.4);
            display: flex;
            align-items: center;
            justify-content: center;
            z-index: 10;
        }
        .panel {
            background: var(--surface-raised);
            color: var(--text);
            border: 1px solid var(--border);
            border-radius: var(--radius);
            padding: var(--space-3) var(--space-4);
            max-width: 36rem;
            max-height: 90vh;
            overflow: auto;
        }
        dl {
            display: grid;
            grid-template-columns: max-content 1fr;
            gap: var(--space-1) var(--space-3);
        }
        dt {
            text-align: right;
        }
        dd {
            margin: 0;
        }
        button {
            min-height: 24px;
            min-width: 24px;
        }
    };
    let rows = move || {
        let mut rows: Vec<(String, String)> = tabs
            .iter()
            .enumerate()
            .map(|(index, (_, label))| (tab_key(index), i18n.fmt(ViewMsg::ShortcutTab, &[i18n.t(*label)])))
            .collect();
        for (keys, what) in [
            ("f", ViewMsg::ShortcutFindings),
            ("j ↓", ViewMsg::ShortcutNextRow),
            ("k ↑", ViewMsg::ShortcutPreviousRow),
            ("Enter", ViewMsg::ShortcutOpen),
            ("", ViewMsg::ShortcutBack),
            ("c", ViewMsg::ShortcutCopy),
            ("/", ViewMsg::ShortcutChangeUser),
            ("?", ViewMsg::ShortcutHelp),
        ] {
            let keys = if keys.is_empty() { i18n.t(ViewMsg::EscapeKey).to_string() } else { keys.to_string() };
            rows.push((keys, i18n.t(what).to_string()));
        }
        rows.into_iter()
            .map(|(keys, what)| view! { class=class, <dt><kbd>{keys}</kbd></dt><dd>{what}</dd> })
            .collect_view()
    };
    let dialog = move || {
        open.get().then(|| {
            crate::browser::focus_soon("shortcuts-close");
            view! { class=class,
                <div class="overlay" on:click=move |_| open.set(false)>
                    <div class="panel" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" on:click=|e| e.stop_propagation()>
                        <h2 id="shortcuts-title">{move || i18n.t(ViewMsg::ShortcutsTitle)}</h2>
                        <p>{move || i18n.t(ViewMsg::ShortcutsNote)}</p>
                        <dl>{rows}</dl>
                        <button type="button" id="shortcuts-close" on:click=move |_| open.set(false)>{move || i18n.t(ViewMsg::ShortcutsClose)}</button>
                    </div>
                </div>
            }
        })
    };
    view! { class=class,
        <button type="button" aria-keyshortcuts="?" aria-haspopup="dialog" on:click=move |_| open.set(true)>
            {move || i18n.t(ViewMsg::ShortcutsButton)}" "<kbd>"?"</kbd>
        </button>
        {dialog}
    }
}

/// The first finding's row, if any.
fn rows_of_findings() -> Option<web_sys::HtmlElement> {
    document()?.query_selector("[data-testid=findings] [data-keyrow]").ok()??.dyn_into().ok()
}
