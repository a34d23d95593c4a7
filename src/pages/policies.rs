//! `/users/:id/compliance` and `/users/:id/configuration`: the policies that target the
//! user's devices, their state on each, and why a device fails one.

use leptos::prelude::*;
use stylers::style;

use crate::components::data_table::{Column, DataTable};
use crate::components::labels::policy_status;
use crate::components::section_view::SectionView;
use crate::components::user_tab::use_session;
use crate::domain::compliance::failing_settings;
use crate::domain::table::{Direction, SortKey};
use crate::graph::queries::PolicyKind;
use crate::i18n::{use_i18n, Msg};
use crate::state::section::{Loaded, Section};
use crate::state::user_session::{DevicePolicy, SectionName};

fn columns() -> Vec<Column<DevicePolicy>> {
    vec![
        Column::<DevicePolicy>::new(
            Msg::ColPolicy,
            |r, _| r.policy.display_name.clone().unwrap_or_default(),
            |r| SortKey::text(r.policy.display_name.as_deref()),
        ),
        Column::<DevicePolicy>::new(
            Msg::ColDevice,
            |r, _| r.device_name.clone(),
            |r| SortKey::text(Some(&r.device_name)),
        ),
        Column::<DevicePolicy>::new(
            Msg::ColPlatform,
            |r, _| r.policy.platform_type.clone().unwrap_or_default(),
            |r| SortKey::text(r.policy.platform_type.as_deref()),
        ),
        Column::<DevicePolicy>::new(
            Msg::ColState,
            |r, i18n| policy_status(i18n, r.policy.state.as_ref()).0,
            |r| SortKey::text(r.policy.state.as_ref().map(|s| s.as_wire())),
        )
        .toned(|r, i18n| policy_status(i18n, r.policy.state.as_ref()).1),
        Column::<DevicePolicy>::new(
            Msg::ColSettings,
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
        PolicyKind::Compliance => Msg::TabCompliance,
        PolicyKind::Configuration => Msg::TabConfiguration,
    };
    let class = style! {"PoliciesPage",
        .why {
            margin-top: var(--space-4);
        }
        .why h3 {
            font-size: var(--font-normal);
            margin: var(--space-3) 0 var(--space-1) 0;
        }
        .why li {
            margin-bottom: var(--space-1);
        }
        .scope {
            color: var(--muted);
            margin: 0 0 var(--space-2) 0;
        }
        .value {
            color: var(--muted);
            font-family: var(--font-mono);
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
    move || {
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
                        let failing: Vec<DevicePolicy> = loaded.items.iter().filter(|p| !failing_settings(&p.policy).is_empty()).cloned().collect();
                        let other_users: usize = loaded.items.iter().map(|p| p.other_users_settings).sum();
                        view! { class=class,
                            {(kind == PolicyKind::Configuration).then(|| view! { class=class, <p class="scope" role="note">{move || i18n.t(Msg::ConfigurationListScope)}</p> })}
                            {(other_users > 0).then(|| view! { class=class, <p class="scope" role="note">{move || i18n.fmt(Msg::OtherUsersSettings, &[&other_users.to_string()])}</p> })}
                            <DataTable rows=loaded.items.clone() columns=columns() caption=title sort=(0, Direction::Ascending) csv_name="policies"/>
                            {(!failing.is_empty()).then(|| view! { class=class,
                                <section class="why" aria-labelledby="why-title">
                                    <h2 id="why-title">{move || i18n.t(Msg::WhyNonCompliant)}</h2>
                                    {failing.into_iter().map(|entry| {
                                        let heading = format!("{} — {}", entry.device_name, entry.policy.display_name.clone().unwrap_or_default());
                                        let settings: Vec<(String, Option<String>, Option<String>)> = failing_settings(&entry.policy).into_iter().map(|s| (
                                            s.setting_name.clone().or(s.setting.clone()).unwrap_or_default(),
                                            s.current_value.clone(),
                                            s.error_description.clone(),
                                        )).collect();
                                        view! { class=class,
                                            <h3>{heading}</h3>
                                            <ul>
                                                {settings.into_iter().map(|(name, value, description)| view! { class=class,
                                                    <li>
                                                        <strong class="tone-bad"><span aria-hidden="true">"✕ "</span>{name}</strong>
                                                        {value.map(|v| view! { class=class, " " <span class="value">{move || i18n.fmt(Msg::CurrentValue, &[&v])}</span> })}
                                                        {description.map(|d| view! { class=class, <div>{d}</div> })}
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }
                                    }).collect_view()}
                                </section>
                            })}
                        }
                    }}
                />
            }
        })
    }
}
