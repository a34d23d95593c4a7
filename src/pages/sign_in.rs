//! Shown instead of the portal when sign-in did not complete, or after sign-out.

use leptos::prelude::*;
use stylers::style;

use crate::auth::oidc::SignInError;
use crate::auth::{AuthHandle, AuthSession, SignInProblem};
use crate::i18n::{use_i18n, I18n, Msg};

fn explain(i18n: &I18n, problem: &SignInProblem) -> String {
    match problem {
        SignInProblem::Refused { error, description } => i18n.fmt(Msg::SignInRefused, &[error, description]),
        SignInProblem::UnexpectedAnswer => i18n.t(Msg::SignInUnexpected).to_string(),
        SignInProblem::Exchange(SignInError::Refused { error, description }) => {
            i18n.fmt(Msg::SignInExchangeRefused, &[error, description])
        }
        SignInProblem::Exchange(SignInError::Network(reason) | SignInError::Answer(reason)) => {
            i18n.fmt(Msg::SignInUnreachable, &[reason])
        }
        SignInProblem::Exchange(SignInError::Unavailable) => i18n.t(Msg::PartUnavailable).to_string(),
        SignInProblem::SignedOut => i18n.t(Msg::SignedOutBody).to_string(),
        SignInProblem::SignedOutIdle(minutes) => i18n.fmt(Msg::SignedOutIdle, &[&i18n.lang.get().decimal(*minutes)]),
    }
}

#[component]
pub fn SignInPage(problem: SignInProblem, auth: AuthHandle) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"SignInPage",
        main {
            max-width: 40rem;
            margin: var(--space-6) auto;
            padding: 0 var(--space-4);
        }
    };
    let signed_out = matches!(problem, SignInProblem::SignedOut | SignInProblem::SignedOutIdle(_));
    let title = move || i18n.t(if signed_out { Msg::SignedOutTitle } else { Msg::SignInProblemTitle });
    let action = move || i18n.t(if signed_out { Msg::SignIn } else { Msg::SignInAgain });
    let role = if signed_out { "status" } else { "alert" };
    view! { class=class,
        <main id="main">
            <h1>{title}</h1>
            <p role=role>{move || explain(&i18n, &problem)}</p>
            <button type="button" autofocus on:click=move |_| auth.with_value(AuthSession::retry_sign_in)>{action}</button>
        </main>
    }
}
