//! Client apps as table rows, one app on one device: the apps tab lists every device's, the
//! device page one device's.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_table::{Column, DataTable, RowLink};
use crate::components::labels::install_state;
use crate::domain::table::{Direction, SortKey};
use crate::graph::models::{InstallState, ManagedDevice, MobileAppIntent, MobileAppIntentAndState};
use crate::i18n::Msg;
use crate::routes::device_route;

/// One app on one device.
pub struct AppRow {
    device_id: String,
    device: String,
    name: String,
    version: String,
    intent: Option<MobileAppIntent>,
    state: Option<InstallState>,
}

/// The apps of `states`, on the devices `keep` accepts; devices are named from `devices` when
/// it has them.
pub fn app_rows(
    states: &[MobileAppIntentAndState],
    devices: Option<&[ManagedDevice]>,
    keep: impl Fn(&str) -> bool,
) -> Vec<AppRow> {
    let device_name = |id: &str| -> String {
        devices
            .and_then(|list| list.iter().find(|d| d.id == id))
            .and_then(|d| d.device_name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    states
        .iter()
        .filter(|state| keep(state.managed_device_identifier.as_deref().unwrap_or_default()))
        .flat_map(|state| {
            let device_id = state.managed_device_identifier.clone().unwrap_or_default();
            let device = device_name(&device_id);
            state.mobile_app_list.iter().map(move |app| AppRow {
                device_id: device_id.clone(),
                device: device.clone(),
                name: app.display_name.clone().unwrap_or_default(),
                version: app.display_version.clone().unwrap_or_default(),
                intent: app.mobile_app_intent.clone(),
                state: app.install_state.clone(),
            })
        })
        .collect()
}

fn columns(with_device: bool) -> Vec<Column<AppRow>> {
    let mut columns =
        vec![Column::<AppRow>::new(Msg::ColName, |r, _| r.name.clone(), |r| SortKey::text(Some(&r.name)))];
    if with_device {
        columns.push(Column::<AppRow>::new(
            Msg::ColDevice,
            |r, _| r.device.clone(),
            |r| SortKey::text(Some(&r.device)),
        ));
    }
    columns.extend([
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
    ]);
    columns
}

/// The apps; with `user_key`, each row's device links to its device page.
#[component]
pub fn AppTable(rows: Vec<AppRow>, caption: Msg, #[prop(optional)] user_key: Option<String>) -> impl IntoView {
    let with_device = user_key.is_some();
    let link: Option<RowLink<AppRow>> = user_key.map(|key| {
        let link: RowLink<AppRow> =
            Arc::new(move |row| (!row.device_id.is_empty()).then(|| device_route(&key, &row.device_id)));
        link
    });
    match link {
        Some(link) => view! { <DataTable rows=Arc::new(rows) columns=columns(with_device) caption=caption sort=(0, Direction::Ascending) link=link link_column=1 csv_name="apps"/> }.into_any(),
        None => view! { <DataTable rows=Arc::new(rows) columns=columns(with_device) caption=caption sort=(0, Direction::Ascending) csv_name="apps"/> }.into_any(),
    }
}
