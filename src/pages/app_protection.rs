//! `/users/:id/app-protection`: apps registered with app protection, per device.

use leptos::prelude::*;

use crate::browser::format_timestamp;
use crate::components::data_table::{Column, DataTable};
use crate::components::labels::Tone;
use crate::components::user_tab::user_section;
use crate::domain::table::{timestamp_key, Direction, SortKey};
use crate::graph::models::ManagedAppRegistration;
use crate::i18n::ViewMsg;
use crate::state::section::Loaded;
use crate::state::user_session::SectionName;

fn app_name(r: &ManagedAppRegistration) -> String {
    r.app_identifier.as_ref().and_then(|a| a.name()).unwrap_or_default().to_string()
}

fn flags(r: &ManagedAppRegistration) -> String {
    r.flagged_reasons.iter().filter(|f| f.as_str() != "none").cloned().collect::<Vec<_>>().join(", ")
}

fn columns() -> Vec<Column<ManagedAppRegistration>> {
    vec![
        Column::<ManagedAppRegistration>::new(
            ViewMsg::ColApp,
            |r, _| app_name(r),
            |r| SortKey::text(Some(&app_name(r))),
        ),
        Column::<ManagedAppRegistration>::new(
            ViewMsg::ColDeviceName,
            |r, _| r.device_name.clone().unwrap_or_default(),
            |r| SortKey::text(r.device_name.as_deref()),
        ),
        Column::<ManagedAppRegistration>::new(
            ViewMsg::ColDeviceType,
            |r, _| r.device_type.clone().unwrap_or_default(),
            |r| SortKey::text(r.device_type.as_deref()),
        ),
        Column::<ManagedAppRegistration>::new(
            ViewMsg::ColOsVersion,
            |r, _| r.platform_version.clone().unwrap_or_default(),
            |r| SortKey::text(r.platform_version.as_deref()),
        ),
        Column::<ManagedAppRegistration>::new(
            ViewMsg::ColVersion,
            |r, _| r.application_version.clone().unwrap_or_default(),
            |r| SortKey::text(r.application_version.as_deref()),
        ),
        Column::<ManagedAppRegistration>::new(
            ViewMsg::ColLastSync,
            |r, i18n| {
                r.last_sync_date_time
                    .as_ref()
                    .map(|t| format_timestamp(t, i18n.lang.get_untracked()))
                    .unwrap_or_default()
            },
            |r| timestamp_key(r.last_sync_date_time.as_ref()),
        ),
        Column::<ManagedAppRegistration>::new(ViewMsg::ColFlags, |r, _| flags(r), |r| SortKey::text(Some(&flags(r))))
            .toned(|r, _| if flags(r).is_empty() { Tone::Neutral } else { Tone::Bad }),
    ]
}

#[component]
pub fn AppProtectionPage() -> impl IntoView {
    user_section(
        |s| s.app_protection.into(),
        SectionName::AppProtection,
        ViewMsg::TabAppProtection,
        |_, loaded: Loaded<ManagedAppRegistration>| {
            view! { <DataTable rows=loaded.items columns=columns() caption=ViewMsg::TabAppProtection sort=(0, Direction::Ascending) csv_name="app-protection"/> }
        },
    )
}
