//! `/users/:id/devices`: the user's managed devices, each opening its device page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::format_timestamp;
use crate::components::data_table::{Column, DataTable, RowLink};
use crate::components::labels::{device_compliance, ownership};
use crate::components::user_tab::{use_user_address, user_section};
use crate::domain::table::{timestamp_key, Direction, SortKey};
use crate::graph::models::ManagedDevice;
use crate::i18n::ViewMsg;
use crate::routes::device_route;
use crate::state::section::Loaded;
use crate::state::user_session::SectionName;

fn columns() -> Vec<Column<ManagedDevice>> {
    vec![
        Column::<ManagedDevice>::new(
            ViewMsg::ColDeviceName,
            |d, _| d.device_name.clone().unwrap_or_default(),
            |d| SortKey::text(d.device_name.as_deref()),
        ),
        Column::<ManagedDevice>::new(
            ViewMsg::ColManagedBy,
            |d, _| d.management_agent.as_ref().map(|a| a.as_wire().to_string()).unwrap_or_default(),
            |d| SortKey::text(d.management_agent.as_ref().map(|a| a.as_wire())),
        ),
        Column::<ManagedDevice>::new(
            ViewMsg::ColOwnership,
            |d, i18n| ownership(i18n, d.managed_device_owner_type.as_ref()),
            |d| SortKey::text(d.managed_device_owner_type.as_ref().map(|o| o.as_wire())),
        ),
        Column::<ManagedDevice>::new(
            ViewMsg::ColCompliant,
            |d, i18n| device_compliance(i18n, d.compliance_state.as_ref()).0,
            |d| SortKey::text(d.compliance_state.as_ref().map(|c| c.as_wire())),
        )
        .toned(|d, i18n| device_compliance(i18n, d.compliance_state.as_ref()).1),
        Column::<ManagedDevice>::new(
            ViewMsg::ColOs,
            |d, _| d.operating_system.clone().unwrap_or_default(),
            |d| SortKey::text(d.operating_system.as_deref()),
        ),
        Column::<ManagedDevice>::new(
            ViewMsg::ColOsVersion,
            |d, _| d.os_version.clone().unwrap_or_default(),
            |d| SortKey::text(d.os_version.as_deref()),
        ),
        Column::<ManagedDevice>::new(
            ViewMsg::ColLastCheckIn,
            |d, i18n| {
                d.last_sync_date_time
                    .as_ref()
                    .map(|t| format_timestamp(t, i18n.lang.get_untracked()))
                    .unwrap_or_default()
            },
            |d| timestamp_key(d.last_sync_date_time.as_ref()),
        ),
    ]
}

/// The devices; a device's name opens its page (Enter on the focused name does too).
#[component]
pub fn DevicesPage() -> impl IntoView {
    let key = use_user_address().with_untracked(|a| a.key.clone());
    let link: RowLink<ManagedDevice> = Arc::new(move |device| Some(device_route(&key, &device.id)));
    user_section(
        |s| s.devices.into(),
        SectionName::Devices,
        ViewMsg::TabDevices,
        move |_, loaded: Loaded<ManagedDevice>| {
            view! { <DataTable rows=loaded.items columns=columns() caption=ViewMsg::TabDevices sort=(0, Direction::Ascending) links=vec![(0, link.clone())] csv_name="devices"/> }
        },
    )
}
