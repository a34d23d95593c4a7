//! The selected user (`/users/:id`, by object id or user principal name).

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stylers::style;

use crate::components::section_error::SectionError;
use crate::graph::models::User;
use crate::graph::{queries, ApiVersion, GraphClient, Progress};
use crate::i18n::{use_i18n, Msg};

#[component]
pub fn UserPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<GraphClient>();
    let params = use_params_map();
    let user_key = move || params.with(|p| p.get("id").unwrap_or_default());
    let user = LocalResource::new(move || {
        let key = user_key();
        let client = client.clone();
        async move {
            let quiet: Progress = Rc::new(|_| {});
            client.get::<User>(ApiVersion::V1, &queries::user(&key), None, &quiet).await
        }
    });
    let class = style! {"UserPage",
        .selection {
            display: flex;
            align-items: baseline;
            gap: var(--space-3);
            flex-wrap: wrap;
        }
        h1 {
            margin: 0;
        }
        .mail {
            color: var(--muted);
        }
    };
    let body = move || {
        user.get().map(|result| match result {
            Ok(user) => {
                let name = user.display_name.clone().unwrap_or_else(|| user.id.clone());
                let mail = user.mail.clone().or(user.user_principal_name.clone()).unwrap_or_default();
                view! { class=class,
                    <div class="selection">
                        <h1>{name}</h1>
                        <span class="mail">{mail}</span>
                        <a href="/">{move || i18n.t(Msg::ChangeUser)}</a>
                    </div>
                }
                .into_any()
            }
            Err(error) => view! { <SectionError error=error on_retry=move |_| user.refetch()/> }.into_any(),
        })
    };
    view! {
        <section aria-label=move || i18n.t(Msg::UserTitle)>
            <Suspense fallback=move || view! { <p aria-busy="true">{move || i18n.t(Msg::Loading)}</p> }>{body}</Suspense>
        </section>
    }
}
