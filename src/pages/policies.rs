//! `/users/:id/compliance` and `/users/:id/configuration`: the policies that target the
//! user's devices, their state on each, and why a device fails one.

use std::sync::Arc;

use leptos::prelude::*;
use stylers::style;

use crate::components::assigned_items::{Inputs, TargetedItems, WithAssignments};
use crate::components::data_table::{Column, DataTable, RowLink};
use crate::components::failing_settings::FailingSettings;
use crate::components::labels::policy_status;
use crate::components::section_view::SectionView;
use crate::components::user_tab::{use_session, use_user_address};
use crate::domain::assignments::ItemKind;
use crate::domain::compliance::failing_settings;
use crate::domain::compliance::DevicePolicy;
use crate::domain::table::{Direction, SortKey};
use crate::graph::models::PolicyState;
use crate::graph::queries::PolicyKind;
use crate::i18n::{use_i18n, ViewMsg};
use crate::routes::device_route;
use crate::state::section::{Loaded, Section};
use crate::state::user_session::SectionName;

fn columns() -> Vec<Column<DevicePolicy>> {
    vec![
        Column::<DevicePolicy>::new(
            ViewMsg::ColPolicy,
            |r, _| r.policy.display_name.clone().unwrap_or_default(),
            |r| SortKey::text(r.policy.display_name.as_deref()),
        ),
        Column::<DevicePolicy>::new(
            ViewMsg::ColDevice,
            |r, _| r.device_name.clone(),
            |r| SortKey::text(Some(&r.device_name)),
        ),
        Column::<DevicePolicy>::new(
            ViewMsg::ColPlatform,
            |r, _| r.policy.platform_type.clone().unwrap_or_default(),
            |r| SortKey::text(r.policy.platform_type.as_deref()),
        ),
        Column::<DevicePolicy>::new(
            ViewMsg::ColState,
            |r, i18n| policy_status(i18n, r.policy.state.as_ref()).0,
            |r| SortKey::text(r.policy.state.as_ref().map(|s| s.as_wire())),
        )
        .toned(|r, i18n| policy_status(i18n, r.policy.state.as_ref()).1),
        Column::<DevicePolicy>::new(
            ViewMsg::ColSettings,
            |r, _| r.policy.setting_count.map(|n| n.to_string()).unwrap_or_default(),
            |r| r.policy.setting_count.map_or(SortKey::Missing, |n| SortKey::Number(n.into())),
        ),
    ]
}

#[component]
pub fn PoliciesPage(kind: PolicyKind) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let title = match kind {
        PolicyKind::Compliance => ViewMsg::TabCompliance,
        PolicyKind::Configuration => ViewMsg::TabConfiguration,
    };
    let class = style! {"PoliciesPage",
        .why {
            margin-top: var(--space-4);
        }
        .scope {
            color: var(--muted);
            margin: 0 0 var(--space-2) 0;
        }
    };
    // Policy states need the device ids: load them once the devices are in.
    Effect::new(move |_| {
        let Some(session) = session.get() else { return };
        let target = match kind {
            PolicyKind::Compliance => session.compliance,
            PolicyKind::Configuration => session.configuration,
        };
        let devices_ready = session.devices.with(|d| d.loaded().is_some_and(|l| l.complete));
        if devices_ready && target.with_untracked(Option::is_none) {
            session.load_policies(kind);
        }
    });
    let key = use_user_address().with_untracked(|a| a.key.clone());
    let device_link: RowLink<DevicePolicy> = Arc::new(move |row| Some(device_route(&key, &row.device_id)));
    move || {
        let device_link = device_link.clone();
        session.get().map(|session| {
            let target = match kind {
                PolicyKind::Compliance => session.compliance,
                PolicyKind::Configuration => session.configuration,
            };
            let section = Signal::derive(move || match (target.get(), session.devices.get()) {
                (Some(section), _) => section,
                (None, Section::Failed(error)) => Section::Failed(error),
                (None, _) => Section::Loading(None),
            });
            let retry = move |_| match session.devices.get_untracked() {
                Section::Failed(_) => session.retry(SectionName::Devices),
                _ => session.load_policies(kind),
            };
            view! { class=class,
                <SectionView section=section on_retry=retry label=title
                    content={move |loaded: Loaded<DevicePolicy>| {
                        let failing: Vec<(String, PolicyState)> = loaded.items.iter()
                            .filter(|p| !failing_settings(&p.policy).is_empty())
                            .map(|entry| (format!("{} — {}", entry.device_name, entry.policy.display_name.clone().unwrap_or_default()), entry.policy.clone()))
                            .collect();
                        let other_users: usize = loaded.items.iter().map(|p| p.other_users_settings).sum();
                        view! { class=class,
                            {(kind == PolicyKind::Configuration).then(|| view! { class=class, <p class="scope" role="note">{move || i18n.t(ViewMsg::ConfigurationListScope)}</p> })}
                            {(other_users > 0).then(|| view! { class=class, <p class="scope" role="note">{move || i18n.fmt(ViewMsg::OtherUsersSettings, &[&other_users.to_string()])}</p> })}
                            <DataTable rows=loaded.items.clone() columns=columns() caption=title sort=(0, Direction::Ascending) links=vec![(1, device_link.clone())] csv_name="policies"/>
                            {(!failing.is_empty()).then(|| view! { class=class,
                                <section class="why" aria-labelledby="why-title">
                                    <h2 id="why-title">{move || i18n.t(ViewMsg::WhyNonCompliant)}</h2>
                                    <FailingSettings entries=failing/>
                                </section>
                            })}
                        }
                    }}
                />
                // Policies Graph keeps no per-device state for here, from their assignments.
                {(kind == PolicyKind::Configuration).then(|| view! { class=class,
                    <section class="why" aria-labelledby="catalogue-profiles-title" data-testid="catalogue-profiles">
                        <h2 id="catalogue-profiles-title">{move || i18n.t(ViewMsg::CatalogueProfilesTitle)}</h2>
                        <WithAssignments content=|session, inputs: Inputs| view! {
                            <TargetedItems session=session inputs=inputs kinds=vec![ItemKind::SettingsCatalog, ItemKind::EndpointSecurity] stateless=true/>
                        }/>
                    </section>
                })}
            }
        })
    }
}
