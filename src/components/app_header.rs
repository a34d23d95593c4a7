//! The header on every route: title, account state, language, the signed-in operator.

use leptos::prelude::*;
use stylers::style;

use crate::components::account_state::AccountState;
use crate::components::language_switch::LanguageSwitch;
use crate::components::operator_menu::OperatorMenu;
use crate::components::route_link::RouteLink;
use crate::i18n::{use_i18n, Msg};
use crate::routes::SELECT_USER;

#[component]
pub fn AppHeader() -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"AppHeader",
        header {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            justify-content: space-between;
            gap: var(--space-2) var(--space-4);
            padding: var(--space-2) var(--space-4);
            background: var(--surface-raised);
            border-bottom: 1px solid var(--border);
        }
        .title {
            font-size: var(--font-large);
            font-weight: 600;
            color: inherit;
            text-decoration: none;
        }
        .tools {
            display: flex;
            align-items: center;
            gap: var(--space-4);
        }
    };
    view! { class=class,
        <header>
            <RouteLink route=SELECT_USER class=format!("title {class}")>{move || i18n.t(Msg::AppTitle)}</RouteLink>
            <div class="tools">
                <AccountState/>
                <LanguageSwitch/>
                <OperatorMenu/>
            </div>
        </header>
    }
}
