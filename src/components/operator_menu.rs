//! The signed-in operator and their tenant, with sign-out.

use leptos::prelude::*;
use stylers::style;

use crate::auth::AuthHandle;
use crate::i18n::{use_i18n, Msg};

#[component]
pub fn OperatorMenu() -> impl IntoView {
    let i18n = use_i18n();
    let auth = expect_context::<AuthHandle>();
    let operator = auth.with_value(|auth| auth.operator());
    let class = style! {"OperatorMenu",
        div {
            display: inline-flex;
            align-items: center;
            gap: var(--space-2);
            font-size: var(--font-small);
        }
        .tenant {
            color: var(--muted);
        }
    };
    view! { class=class,
        <div data-testid="operator">
            {move || operator.get().map(|operator| {
                let label = i18n.fmt(Msg::SignedInAs, &[&operator.name, operator.tenant()]);
                view! { class=class,
                    <span aria-label=label>
                        <span>{operator.name.clone()}</span>" "
                        <span class="tenant">{operator.tenant().to_string()}</span>
                    </span>
                }
            })}
            <button type="button" on:click=move |_| auth.with_value(|auth| auth.sign_out())>{move || i18n.t(Msg::SignOut)}</button>
        </div>
    }
}
