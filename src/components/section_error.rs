//! A failed section: what went wrong, Graph's code and the request id to quote, and Retry.

use leptos::prelude::*;
use stylers::style;

use crate::domain::permissions::{explain, Refusal};
use crate::graph::{FailureKind, GraphError};
use crate::i18n::{use_i18n, I18n, Msg};
use crate::state::directory::granted_scopes;

/// For a 403: which permission or role the operator lacks, in words to forward to an administrator.
pub fn refusal(i18n: &I18n, error: &GraphError, granted: &[String]) -> Option<String> {
    Some(match explain(error, granted)? {
        Refusal::MissingPermission(scopes) => i18n.fmt(Msg::RefusalMissingPermission, &[&scopes.join(i18n.t(Msg::Or))]),
        Refusal::MissingIntuneRole => i18n.t(Msg::RefusalNoIntuneRole).to_string(),
        Refusal::Denied(Some(scopes)) => i18n.fmt(Msg::RefusalDenied, &[&scopes.join(i18n.t(Msg::Or))]),
        Refusal::Denied(None) => i18n.t(Msg::RefusalUnknown).to_string(),
    })
}

/// The sentence an operator reads for a failure.
pub fn describe(i18n: &I18n, error: &GraphError) -> String {
    match &error.kind {
        FailureKind::Http(status) => {
            let message = if error.message.is_empty() { status.to_string() } else { error.message.clone() };
            i18n.fmt(Msg::ErrorHttp, &[&status.to_string(), &message])
        }
        FailureKind::Network => i18n.fmt(Msg::ErrorNetwork, &[&error.message]),
        FailureKind::Decode => i18n.fmt(Msg::ErrorDecode, &[&error.message]),
        FailureKind::TimedOut => i18n.t(Msg::ErrorTimedOut).to_string(),
        FailureKind::SignInRequired => i18n.t(Msg::ErrorSignInRequired).to_string(),
        FailureKind::ForeignHost => i18n.fmt(Msg::ErrorForeignHost, &[&error.message]),
    }
}

#[component]
pub fn SectionError(error: GraphError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"SectionError",
        div {
            border-left: 4px solid var(--danger);
            background: var(--danger-surface);
            padding: var(--space-2) var(--space-3);
            border-radius: var(--radius);
        }
        p {
            margin: 0 0 var(--space-1) 0;
        }
        dl {
            display: grid;
            grid-template-columns: max-content 1fr;
            gap: 0 var(--space-2);
            margin: 0 0 var(--space-2) 0;
            font-size: var(--font-small);
        }
        dd {
            margin: 0;
            font-family: var(--font-mono);
            overflow-wrap: anywhere;
        }
    };
    let code = error.code.clone();
    let request_id = error.request_id.clone().or(error.client_request_id.clone());
    let description = {
        let error = error.clone();
        move || describe(&i18n, &error)
    };
    let granted = granted_scopes();
    let refused = {
        let error = error.clone();
        move || refusal(&i18n, &error, &granted).map(|text| view! { class=class, <p><strong>{text}</strong></p> })
    };
    view! { class=class,
        <div role="alert">
            {refused}
            <p>{description}</p>
            <dl>
                {code.map(|code| view! { class=class, <dt>{move || i18n.t(Msg::ErrorCode)}</dt><dd>{code}</dd> })}
                {request_id.map(|id| view! { class=class, <dt>{move || i18n.t(Msg::ErrorRequestId)}</dt><dd>{id}</dd> })}
            </dl>
            <button type="button" on:click=move |_| on_retry.run(())>{move || i18n.t(Msg::Retry)}</button>
        </div>
    }
}
