//! Autopilot (Windows): the device's Autopilot record and its recent deployments, with the
//! policies and apps the enrollment status page tracked and their error codes.

use leptos::prelude::*;
use stylers::style;

use crate::components::device_labels::{
    autopilot_enrollment, deployment_state, duration, profile_assignment, tracked_status, tracked_type,
};
use crate::components::fact_list::{Fact, FactList};
use crate::components::labels::date_text;
use crate::components::section_view::SectionView;
use crate::domain::device_health::recent_deployments;
use crate::graph::models::{AutopilotEvent, AutopilotIdentity};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::state::device_session::{DeviceSectionName, DeviceSession};
use crate::state::section::Loaded;

fn identity_facts(i18n: &I18n, identity: &AutopilotIdentity) -> Vec<Fact> {
    vec![
        Fact::new(ViewMsg::SerialNumber, identity.serial_number.clone().unwrap_or_default()),
        Fact::new(ViewMsg::GroupTag, identity.group_tag.clone().unwrap_or_default()),
        Fact::toned(
            ViewMsg::ProfileAssignment,
            profile_assignment(i18n, identity.deployment_profile_assignment_status.as_ref()),
        ),
        Fact::toned(ViewMsg::AutopilotEnrollmentState, autopilot_enrollment(i18n, identity.enrollment_state.as_ref())),
        Fact::new(ViewMsg::LastContact, date_text(i18n, identity.last_contacted_date_time.as_ref())),
    ]
}

/// An error code as Intune shows them: hexadecimal for the negative HRESULTs.
fn error_code(code: i64) -> String {
    if code < 0 {
        format!("0x{:08X}", code as i32 as u32)
    } else {
        code.to_string()
    }
}

fn deployment_facts(i18n: &I18n, event: &AutopilotEvent) -> Vec<Fact> {
    vec![
        Fact::toned(ViewMsg::ColState, deployment_state(i18n, event.deployment_state.as_ref())),
        Fact::toned(ViewMsg::DeviceSetup, deployment_state(i18n, event.device_setup_status.as_ref())),
        Fact::toned(ViewMsg::AccountSetup, deployment_state(i18n, event.account_setup_status.as_ref())),
        Fact::new(
            ViewMsg::DeploymentProfile,
            event.windows_autopilot_deployment_profile_display_name.clone().unwrap_or_default(),
        ),
        Fact::new(ViewMsg::Duration, duration(i18n, event.deployment_duration.as_deref())),
    ]
}

#[component]
fn Deployment(event: AutopilotEvent) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"Deployment",
        article {
            border: 1px solid var(--border);
            border-radius: var(--radius);
            padding: var(--space-2) var(--space-3);
            margin-bottom: var(--space-2);
        }
        h5 {
            font-size: var(--font-normal);
            margin: 0 0 var(--space-1) 0;
        }
        .failure {
            border-left: 4px solid var(--danger);
            padding-left: var(--space-2);
        }
    };
    let when = event.event_date_time.clone();
    let failure = event.enrollment_failure_details.clone().filter(|d| !d.trim().is_empty());
    let tracked = event.policy_status_details.clone();
    view! { class=class,
        <article data-testid="deployment">
            <h5>{move || date_text(&i18n, when.as_ref())}</h5>
            {failure.map(|details| view! { class=class, <p class="failure">{details}</p> })}
            {move || view! { <FactList facts=deployment_facts(&i18n, &event)/> }}
            {(!tracked.is_empty()).then(|| view! { class=class,
                <table class="plain">
                    <caption>{move || i18n.t(ViewMsg::TrackedDuringSetup)}</caption>
                    <thead><tr>
                        <th scope="col">{move || i18n.t(ViewMsg::ColName)}</th>
                        <th scope="col">{move || i18n.t(ViewMsg::ColType)}</th>
                        <th scope="col">{move || i18n.t(ViewMsg::ColState)}</th>
                        <th scope="col">{move || i18n.t(ViewMsg::ColErrorCode)}</th>
                    </tr></thead>
                    <tbody>
                        {tracked.into_iter().map(|policy| view! { class=class,
                            <tr>
                                <td>{policy.display_name.clone()}</td>
                                <td>{move || tracked_type(&i18n, policy.policy_type.as_deref())}</td>
                                <td>{move || { let (text, tone) = tracked_status(&i18n, policy.compliance_status.as_ref()); view! { class=class, <span class=tone.class()><span aria-hidden="true">{tone.mark()}" "</span>{text}</span> } }}</td>
                                <td>{policy.error_code.filter(|c| *c != 0).map(error_code)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </article>
    }
}

#[component]
pub fn Autopilot(session: DeviceSession) -> impl IntoView {
    let i18n = use_i18n();
    let windows = move || {
        session.device.with(|d| {
            d.loaded().and_then(|l| {
                l.items
                    .first()
                    .map(|d| d.operating_system.as_deref().is_some_and(|os| os.eq_ignore_ascii_case("windows")))
            })
        })
    };
    move || {
        match windows() {
        Some(false) => view! { <p>{i18n.t(ViewMsg::AutopilotWindowsOnly)}</p> }.into_any(),
        _ => view! {
            <SectionView section=session.autopilot on_retry=move |_| session.retry(DeviceSectionName::Autopilot) label=ViewMsg::Autopilot
                content={move |loaded: Loaded<AutopilotIdentity>| match loaded.items.first() {
                    None => view! { <p>{move || i18n.t(ViewMsg::AutopilotNotRegistered)}</p> }.into_any(),
                    Some(identity) => {
                        let identity = identity.clone();
                        (move || view! { <FactList facts=identity_facts(&i18n, &identity)/> }).into_any()
                    }
                }}
            />
            <h4>{move || i18n.t(ViewMsg::Deployments)}</h4>
            <SectionView section=session.deployments on_retry=move |_| session.retry(DeviceSectionName::Deployments) label=ViewMsg::Deployments
                content={move |loaded: Loaded<AutopilotEvent>| {
                    let events = recent_deployments(&loaded.items);
                    if events.is_empty() {
                        view! { <p>{move || i18n.t(ViewMsg::NoDeployments)}</p> }.into_any()
                    } else {
                        events.into_iter().take(5).map(|event| view! { <Deployment event=event/> }).collect_view().into_any()
                    }
                }}
            />
        }
        .into_any(),
    }
    }
}
