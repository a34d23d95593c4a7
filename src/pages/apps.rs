//! `/users/:id/apps`: client apps on each device, with their install state.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_table::{Column, DataTable};
use crate::components::labels::install_state;
use crate::components::user_tab::user_section;
use crate::domain::table::{Direction, SortKey};
use crate::graph::models::{InstallState, MobileAppIntent, MobileAppIntentAndState};
use crate::i18n::Msg;
use crate::state::section::Loaded;
use crate::state::user_session::SectionName;

/// One app on one device.
pub struct AppRow {
    device: String,
    name: String,
    version: String,
    intent: Option<MobileAppIntent>,
    state: Option<InstallState>,
}

fn columns() -> Vec<Column<AppRow>> {
    vec![
        Column::<AppRow>::new(Msg::ColName, |r, _| r.name.clone(), |r| SortKey::text(Some(&r.name))),
        Column::<AppRow>::new(Msg::ColDevice, |r, _| r.device.clone(), |r| SortKey::text(Some(&r.device))),
        Column::<AppRow>::new(Msg::ColVersion, |r, _| r.version.clone(), |r| SortKey::text(Some(&r.version))),
        Column::<AppRow>::new(
            Msg::ColAssignment,
            |r, _| r.intent.as_ref().map(|i| i.as_wire().to_string()).unwrap_or_default(),
            |r| SortKey::text(r.intent.as_ref().map(|i| i.as_wire())),
        ),
        Column::<AppRow>::new(
            Msg::ColInstallState,
            |r, i18n| install_state(i18n, r.state.as_ref()).0,
            |r| SortKey::text(r.state.as_ref().map(|s| s.as_wire())),
        )
        .toned(|r, i18n| install_state(i18n, r.state.as_ref()).1),
    ]
}

#[component]
pub fn AppsPage() -> impl IntoView {
    user_section(
        |s| s.apps.into(),
        SectionName::Apps,
        Msg::TabApps,
        |session, loaded: Loaded<MobileAppIntentAndState>| {
            // Device names come from the devices section when it has them.
            let devices = session.devices.with(|d| d.items());
            let device_name = |id: &Option<String>| -> String {
                let id = id.clone().unwrap_or_default();
                devices
                    .as_ref()
                    .and_then(|list| list.iter().find(|d| d.id == id))
                    .and_then(|d| d.device_name.clone())
                    .unwrap_or(id)
            };
            let rows: Vec<AppRow> = loaded
                .items
                .iter()
                .flat_map(|state| {
                    let device = device_name(&state.managed_device_identifier);
                    state.mobile_app_list.iter().map(move |app| AppRow {
                        device: device.clone(),
                        name: app.display_name.clone().unwrap_or_default(),
                        version: app.display_version.clone().unwrap_or_default(),
                        intent: app.mobile_app_intent.clone(),
                        state: app.install_state.clone(),
                    })
                })
                .collect();
            view! { <DataTable rows=Arc::new(rows) columns=columns() caption=Msg::TabApps sort=(0, Direction::Ascending) csv_name="apps"/> }
        },
    )
}
