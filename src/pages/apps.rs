//! `/users/:id/apps`: client apps on each device, with their install state.

use leptos::prelude::*;

use crate::components::app_table::{app_rows, AppTable};
use crate::components::user_tab::{use_user_address, user_section};
use crate::graph::models::MobileAppIntentAndState;
use crate::i18n::Msg;
use crate::state::section::Loaded;
use crate::state::user_session::SectionName;

#[component]
pub fn AppsPage() -> impl IntoView {
    let key = use_user_address().with_untracked(|a| a.key.clone());
    user_section(
        |s| s.apps.into(),
        SectionName::Apps,
        Msg::TabApps,
        move |session, loaded: Loaded<MobileAppIntentAndState>| {
            // Device names come from the devices section when it has them.
            let devices = session.devices.with(|d| d.items());
            let rows = app_rows(&loaded.items, devices.as_deref().map(Vec::as_slice), |_| true);
            view! { <AppTable rows=rows caption=Msg::TabApps user_key=key.clone()/> }
        },
    )
}
