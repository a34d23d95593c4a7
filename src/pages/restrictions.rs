//! `/users/:id/enrollment-restrictions`: the tenant's enrollment restrictions by priority,
//! with what each blocks and whom it targets.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_table::{Column, DataTable};
use crate::domain::table::{Direction, SortKey};
use crate::graph::models::{EnrollmentConfiguration, PlatformRestriction};
use crate::i18n::{I18n, Msg};
use crate::pages::user::user_section;
use crate::state::section::Loaded;
use crate::state::user_session::SectionName;

/// A restriction with the names of the groups it is assigned to.
pub struct RestrictionRow {
    config: EnrollmentConfiguration,
    assigned_to: String,
}

fn platforms(config: &EnrollmentConfiguration) -> [(&'static str, Option<&PlatformRestriction>); 5] {
    [
        ("iOS", config.ios_restriction.as_ref()),
        ("Android", config.android_restriction.as_ref()),
        ("Windows", config.windows_restriction.as_ref()),
        ("Windows Mobile", config.windows_mobile_restriction.as_ref()),
        ("macOS", config.mac_os_restriction.as_ref()),
    ]
}

fn rules(config: &EnrollmentConfiguration, i18n: &I18n) -> String {
    if let Some(limit) = config.limit {
        return i18n.fmt(Msg::DeviceLimit, &[&limit.to_string()]);
    }
    platforms(config)
        .iter()
        .filter_map(|(name, restriction)| restriction.map(|r| (name, r)))
        .map(|(name, r)| {
            if r.platform_blocked == Some(true) {
                return format!("{name}: {}", i18n.t(Msg::Blocked));
            }
            let mut parts = vec![i18n.t(Msg::Allowed).to_string()];
            match (&r.os_minimum_version, &r.os_maximum_version) {
                (Some(min), Some(max)) => parts.push(format!("{min}–{max}")),
                (Some(min), None) => parts.push(format!("≥ {min}")),
                (None, Some(max)) => parts.push(format!("≤ {max}")),
                (None, None) => {}
            }
            if r.personal_device_enrollment_blocked == Some(true) {
                parts.push(i18n.t(Msg::PersonalBlocked).to_string());
            }
            format!("{name}: {}", parts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn columns() -> Vec<Column<RestrictionRow>> {
    vec![
        Column::<RestrictionRow>::new(Msg::ColName, |r, _| r.config.display_name.clone().unwrap_or_default(), |r| SortKey::text(r.config.display_name.as_deref())),
        Column::<RestrictionRow>::new(Msg::ColPriority, |r, _| r.config.priority.map(|p| p.to_string()).unwrap_or_default(), |r| r.config.priority.map_or(SortKey::Missing, |p| SortKey::Number(p.into()))),
        Column::<RestrictionRow>::new(Msg::ColRule, |r, i18n| rules(&r.config, i18n), |_| SortKey::Missing),
        Column::<RestrictionRow>::new(Msg::ColAssignedTo, |r, _| r.assigned_to.clone(), |r| SortKey::text(Some(&r.assigned_to))),
    ]
}

#[component]
pub fn RestrictionsPage() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    user_section(|s| s.restrictions.into(), SectionName::Restrictions, Msg::TabRestrictions, move |session, loaded: Loaded<EnrollmentConfiguration>| {
        let groups = session.groups.with(|g| g.items());
        let group_name = |id: &String| {
            groups.as_ref().and_then(|g| g.iter().find(|g| &g.id == id)).and_then(|g| g.display_name.clone()).unwrap_or_else(|| i18n.fmt(Msg::GroupId, &[id]))
        };
        let rows: Vec<RestrictionRow> = loaded
            .items
            .iter()
            .map(|config| {
                let targets = config.assignments.iter().filter_map(|a| a.target.as_ref());
                let assigned_to = targets.map(|t| t.group_id.as_ref().map_or_else(|| i18n.t(Msg::AllUsers).to_string(), group_name)).collect::<Vec<_>>().join(", ");
                RestrictionRow { config: config.clone(), assigned_to }
            })
            .collect();
        view! { <DataTable rows=Arc::new(rows) columns=columns() caption=Msg::TabRestrictions sort=(1, Direction::Descending) csv_name="enrollment-restrictions"/> }
    })
}
