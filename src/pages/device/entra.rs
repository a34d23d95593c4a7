//! Intune and Entra ID side by side: Conditional Access reads Entra's flags, so where the two
//! disagree (or Entra has no record, or a disabled one) the operator is told what to do.

use leptos::prelude::*;
use stylers::style;

use crate::components::device_labels::{trust_type, yes_no};
use crate::components::fact_list::{Fact, FactList};
use crate::components::labels::{date_text, device_compliance, Tone};
use crate::components::section_view::SectionView;
use crate::domain::device_health::{entra_findings, EntraFinding};
use crate::graph::models::{EntraDevice, ManagedDevice};
use crate::i18n::{use_i18n, I18n, ViewMsg};
use crate::state::device_session::{DeviceSectionName, DeviceSession};
use crate::state::section::Loaded;

fn finding_text(i18n: &I18n, finding: &EntraFinding) -> String {
    let compliance =
        |compliant: bool| i18n.t(if compliant { ViewMsg::CompliantWord } else { ViewMsg::NotCompliantWord });
    match finding {
        EntraFinding::Missing => i18n.t(ViewMsg::EntraMissing).to_string(),
        EntraFinding::Disabled => i18n.t(ViewMsg::EntraDisabled).to_string(),
        EntraFinding::ComplianceDiffers { intune_compliant, entra_compliant } => {
            i18n.fmt(ViewMsg::EntraComplianceDiffers, &[compliance(*intune_compliant), compliance(*entra_compliant)])
        }
        EntraFinding::NotManaged => i18n.t(ViewMsg::EntraNotManaged).to_string(),
    }
}

fn intune_facts(i18n: &I18n, device: &ManagedDevice) -> Vec<Fact> {
    vec![
        Fact::toned(ViewMsg::ComplianceLabel, device_compliance(i18n, device.compliance_state.as_ref())),
        Fact::new(ViewMsg::LastCheckIn, date_text(i18n, device.last_sync_date_time.as_ref())),
    ]
}

fn entra_facts(i18n: &I18n, entra: &EntraDevice) -> Vec<Fact> {
    let flag = |value: Option<bool>| {
        let tone = match value {
            Some(true) => Tone::Good,
            Some(false) => Tone::Bad,
            None => Tone::Neutral,
        };
        (yes_no(i18n, value), tone)
    };
    vec![
        Fact::toned(ViewMsg::AccountEnabled, flag(entra.account_enabled)),
        Fact::toned(ViewMsg::Compliant, flag(entra.is_compliant)),
        Fact::toned(ViewMsg::Managed, flag(entra.is_managed)),
        Fact::new(ViewMsg::TrustType, trust_type(i18n, entra.trust_type.as_deref())),
        Fact::new(ViewMsg::LastSignIn, date_text(i18n, entra.approximate_last_sign_in_date_time.as_ref())),
    ]
}

#[component]
pub fn IntuneAndEntra(session: DeviceSession) -> impl IntoView {
    let i18n = use_i18n();
    let class = style! {"IntuneAndEntra",
        .sides {
            display: grid;
            grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
            gap: var(--space-3);
        }
        h4 {
            margin: 0 0 var(--space-1) 0;
        }
        .finding {
            padding: var(--space-2) var(--space-3);
            border-left: 4px solid var(--warning);
        }
    };
    let device = move || session.device.with(|d| d.loaded().and_then(|l| l.items.first().cloned()));
    view! { class=class,
        <SectionView section=session.entra on_retry=move |_| session.retry(DeviceSectionName::Entra) label=ViewMsg::IntuneAndEntra
            content={move |loaded: Loaded<EntraDevice>| {
                let entra = loaded.items.first().cloned();
                move || {
                    let device = device();
                    let findings = device.as_ref().map(|d| entra_findings(d, entra.as_ref())).unwrap_or_default();
                    view! { class=class,
                        {findings.iter().map(|finding| view! { class=class, <p class="finding" role="note" data-testid="entra-finding">{finding_text(&i18n, finding)}</p> }).collect_view()}
                        {(device.is_some() && findings.is_empty()).then(|| view! { class=class, <p>{i18n.t(ViewMsg::EntraAgrees)}</p> })}
                        <div class="sides">
                            <div>
                                <h4>{i18n.t(ViewMsg::IntuneSide)}</h4>
                                {device.map(|d| view! { <FactList facts=intune_facts(&i18n, &d)/> })}
                            </div>
                            <div>
                                <h4>{i18n.t(ViewMsg::EntraSide)}</h4>
                                {entra.as_ref().map(|e| view! { <FactList facts=entra_facts(&i18n, e)/> })}
                            </div>
                        </div>
                    }
                }
            }}
        />
    }
}
