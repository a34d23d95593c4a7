//! Identity and health: what the device is, who enrolled it, and whether it is well: check-in,
//! compliance with its grace period, encryption, jailbreak, storage.

use leptos::prelude::*;
use stylers::style;

use crate::browser::now;
use crate::components::device_labels::{join_type, management_state, yes_no};
use crate::components::fact_list::{Fact, FactList};
use crate::components::labels::{date_text, device_compliance, ownership, Tone};
use crate::components::section_view::SectionView;
use crate::domain::device_health::{free_storage_percent, grace_period_end, stale_days};
use crate::graph::models::{DeviceDetails, ManagedDevice};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::state::device_session::{DeviceSectionName, DeviceSession};
use crate::state::section::Loaded;

const GB: f64 = 1_000_000_000.0;

fn device_facts(i18n: &I18n, device: &ManagedDevice) -> Vec<Fact> {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let os = [device.operating_system.clone(), device.os_version.clone()].into_iter().flatten().collect::<Vec<_>>();
    let (compliance, tone) = device_compliance(i18n, device.compliance_state.as_ref());
    let compliance = match grace_period_end(device) {
        Some(end) => format!("{compliance} ({})", i18n.fmt(ViewMsg::GracePeriodEnds, &[&date_text(i18n, Some(end))])),
        None => compliance,
    };
    let encryption = match device.is_encrypted {
        Some(true) => (i18n.t(ViewMsg::Encrypted).to_string(), Tone::Good),
        Some(false) => (i18n.t(ViewMsg::NotEncrypted).to_string(), Tone::Bad),
        None => (i18n.t(ViewMsg::NotReported).to_string(), Tone::Neutral),
    };
    // Graph sends "True", "False" or "Unknown" as text.
    let jailbroken = match device.jail_broken.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("true") => (i18n.t(ViewMsg::Yes).to_string(), Tone::Bad),
        Some("false") => (i18n.t(ViewMsg::No).to_string(), Tone::Good),
        _ => (i18n.t(ViewMsg::NotReported).to_string(), Tone::Neutral),
    };
    let storage =
        match (free_storage_percent(device), device.free_storage_space_in_bytes, device.total_storage_space_in_bytes) {
            (Some(percent), Some(free), Some(total)) => i18n.fmt(
                ViewMsg::FreeStorageValue,
                &[&format!("{:.1}", free as f64 / GB), &format!("{:.0}", total as f64 / GB), &percent.to_string()],
            ),
            _ => i18n.t(ViewMsg::NotReported).to_string(),
        };
    vec![
        Fact::new(ViewMsg::Model, text(&device.model)),
        Fact::new(ViewMsg::Manufacturer, text(&device.manufacturer)),
        Fact::new(ViewMsg::SerialNumber, text(&device.serial_number)),
        Fact::new(ViewMsg::OperatingSystem, os.join(" ")),
        Fact::new(ViewMsg::Ownership, ownership(i18n, device.managed_device_owner_type.as_ref())),
        Fact::new(ViewMsg::EnrolledOn, date_text(i18n, device.enrolled_date_time.as_ref())),
        Fact::toned(ViewMsg::ManagementState, management_state(i18n, device.management_state.as_ref())),
        Fact::toned(ViewMsg::ComplianceLabel, (compliance, tone)),
        Fact::toned(ViewMsg::Encryption, encryption),
        Fact::toned(ViewMsg::JailBroken, jailbroken),
        Fact::new(ViewMsg::FreeStorage, storage),
        Fact::new(ViewMsg::LastCheckIn, date_text(i18n, device.last_sync_date_time.as_ref())),
    ]
}

fn details_facts(i18n: &I18n, details: &DeviceDetails) -> Vec<Fact> {
    vec![
        Fact::new(ViewMsg::JoinType, join_type(i18n, details.join_type.as_ref())),
        Fact::new(ViewMsg::EnrolledBy, details.enrolled_by_user_principal_name.clone().unwrap_or_default()),
        Fact::new(ViewMsg::Autopilot, yes_no(i18n, details.autopilot_enrolled)),
    ]
}

#[component]
pub fn Identity(session: DeviceSession) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"Identity",
        .stale {
            padding: var(--space-2) var(--space-3);
            border-left: 4px solid var(--warning);
            margin: 0 0 var(--space-2) 0;
        }
        .details {
            margin-top: var(--space-2);
        }
    };
    view! { class=class,
        <SectionView section=session.device on_retry=move |_| session.retry(DeviceSectionName::Device) label=ViewMsg::DeviceIdentity
            content={move |loaded: Loaded<ManagedDevice>| loaded.items.first().cloned().map(|device| {
                let stale = stale_days(&device, now());
                view! { class=class,
                    {stale.map(|days| view! { class=class, <p class="stale" role="note" data-testid="stale">{move || i18n.fmt(ViewMsg::StaleDevice, &[&days.to_string()])}</p> })}
                    {move || view! { <FactList facts=device_facts(&i18n, &device)/> }}
                }
            })}
        />
        <div class="details">
            <SectionView section=session.details on_retry=move |_| session.retry(DeviceSectionName::Details) label=ViewMsg::JoinType
                content={move |loaded: Loaded<DeviceDetails>| loaded.items.first().cloned().map(|details| {
                    move || view! { <FactList facts=details_facts(&i18n, &details)/> }
                })}
            />
        </div>
    }
}
