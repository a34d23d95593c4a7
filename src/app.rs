//! The shell: configuration, language, header and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::browser::{load_config, set_document_language, starting_language};
use crate::components::app_header::AppHeader;
use crate::config::Config;
use crate::graph::GraphClient;
use crate::i18n::{I18n, Lang, Msg};
use crate::pages::not_found::NotFound;
use crate::pages::select_user::SelectUserPage;
use crate::pages::setup::SetupPage;
use crate::pages::user::UserPage;

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n { lang: RwSignal::new(starting_language(Lang::En)) };
    provide_context(i18n);
    Effect::new(move |_| set_document_language(i18n.lang.get()));

    let config = LocalResource::new(load_config);
    let shell = move || {
        config.get().map(|loaded| match loaded {
            Ok(config) => {
                i18n.lang.set(starting_language(config.default_language));
                view! { <Portal config=config/> }.into_any()
            }
            Err(problems) => view! { <SetupPage problems=problems/> }.into_any(),
        })
    };
    view! {
        <Suspense fallback=move || view! { <p aria-busy="true">{move || i18n.t(Msg::Loading)}</p> }>{shell}</Suspense>
    }
}

#[component]
fn Portal(config: Config) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    provide_context(GraphClient::new(&config.graph_base_url));
    view! {
        <Router>
            <a class="skip-link" href="#main">{move || i18n.t(Msg::SkipToContent)}</a>
            <AppHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=SelectUserPage/>
                    <Route path=path!("/users/:id") view=UserPage/>
                </Routes>
            </main>
        </Router>
    }
}
