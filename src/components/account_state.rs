//! The tenant's account state (Active / Inactive) with the raw `subscriptionState`. Its call
//! and the view of its answer are a chunk of their own in the release build, asked for once
//! the first page is painted: the search box does not wait for that code.

use leptos::prelude::*;
use stylers::style;

use crate::browser::{after_next_paint, PartUnavailable};
use crate::components::section_error::{describe, refusal};
use crate::domain::account::{account_state, AccountState as State};
use crate::graph::models::DeviceManagement;
use crate::i18n::{use_i18n, Msg};
use crate::state::directory::{granted_scopes, use_directory};

#[component]
pub fn AccountState() -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"AccountState",
        div {
            display: flex;
            align-items: baseline;
            gap: var(--space-2);
            font-size: var(--font-small);
        }
    };
    let painted = RwSignal::new(false);
    after_next_paint(move || painted.set(true));
    let loading = move || view! { <span>{move || i18n.t(Msg::Loading)}</span> };
    let answer = move || {
        if !painted.get() {
            return loading().into_any();
        }
        Suspend::new(async move {
            account_answer().await.unwrap_or_else(|PartUnavailable| {
                let why = move || i18n.t(Msg::PartUnavailable);
                view! { <span title=why data-testid="account-state">{move || i18n.t(Msg::AccountStateUnavailable)}</span> }.into_any()
            })
        })
        .into_any()
    };
    view! { class=class,
        <div role="status" aria-live="polite">
            <span>{move || i18n.t(Msg::AccountState)}</span>
            <Suspense fallback=loading>{answer}</Suspense>
        </div>
    }
}

#[cfg(helpdesk_split)]
#[wasm_split_helpers::wasm_split(account_state, fallible)]
fn account_answer() -> Result<AnyView, PartUnavailable> {
    Ok(view! { <AccountAnswer/> }.into_any())
}

#[cfg(not(helpdesk_split))]
async fn account_answer() -> Result<AnyView, PartUnavailable> {
    Ok(view! { <AccountAnswer/> }.into_any())
}

/// The tenant's `subscriptionState` as read, or why it could not be, with a retry.
#[component]
fn AccountAnswer() -> impl IntoView {
    let i18n = use_i18n();
    let directory = use_directory();
    let answer = LocalResource::new(move || {
        let directory = directory.clone();
        async move { directory.account().await }
    });
    let class = style! {"AccountAnswer",
        .badge {
            font-weight: 600;
            padding: 0 var(--space-2);
            border-radius: var(--radius);
            border: 1px solid currentColor;
        }
        .active {
            color: var(--ok);
        }
        .inactive {
            color: var(--danger);
        }
        .raw {
            color: var(--muted);
        }
        button {
            font-size: var(--font-small);
        }
    };
    let body = move || {
        answer.get().map(|result| match result {
            Ok(DeviceManagement { subscription_state: Some(subscription) }) => {
                let (label, tone, mark) = match account_state(&subscription) {
                    State::Active => (Msg::AccountActive, "badge active", "●"),
                    State::Inactive => (Msg::AccountInactive, "badge inactive", "■"),
                    State::Unknown => (Msg::AccountUnknown, "badge", "?"),
                };
                let raw = subscription.as_wire().to_string();
                view! { class=class,
                    <span class=tone data-testid="account-state"><span aria-hidden="true">{mark}" "</span>{move || i18n.t(label)}</span>
                    <span class="raw">{move || i18n.fmt(Msg::AccountStateRaw, &[&raw])}</span>
                }
                .into_any()
            }
            Ok(DeviceManagement { subscription_state: None }) => view! { class=class,
                <span class="badge" data-testid="account-state">{move || i18n.t(Msg::AccountUnknown)}</span>
            }
            .into_any(),
            Err(error) => {
                let granted = granted_scopes();
                let title = move || refusal(&i18n, &error, &granted).unwrap_or_else(|| describe(&i18n, &error));
                view! { class=class,
                    <span class="badge inactive" title=title data-testid="account-state">{move || i18n.t(Msg::AccountStateUnavailable)}</span>
                    <button type="button" on:click=move |_| answer.refetch()>{move || i18n.t(Msg::Retry)}</button>
                }
                .into_any()
            }
        })
    };
    view! { <Suspense fallback=move || view! { <span>{move || i18n.t(Msg::Loading)}</span> }>{body}</Suspense> }
}
