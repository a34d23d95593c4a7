//! Graph values in the operator's words: enum values (one this portal does not know is shown
//! as sent, marked as unrecognised) and a failed enrollment's title and date.

use leptos::prelude::*;

use crate::browser::format_timestamp;
use crate::domain::remediation::{entry, recognise, Recognised};
use crate::graph::models::{ComplianceState, ComplianceStatus, InstallState, OwnerType, TroubleshootingEvent};
use crate::i18n::{I18n, ViewMsg};

/// How a state reads at a glance; always shown with words and a mark, never colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Warn,
    Neutral,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Good => "tone-good",
            Tone::Bad => "tone-bad",
            Tone::Warn => "tone-warn",
            Tone::Neutral => "tone-neutral",
        }
    }

    pub fn mark(self) -> &'static str {
        match self {
            Tone::Good => "✓",
            Tone::Bad => "✕",
            Tone::Warn => "!",
            Tone::Neutral => "–",
        }
    }
}

pub fn unrecognised(i18n: &I18n, raw: &str) -> String {
    i18n.fmt(ViewMsg::StateNew, &[raw])
}

pub fn device_compliance(i18n: &I18n, state: Option<&ComplianceState>) -> (String, Tone) {
    let known = |msg: ViewMsg, tone: Tone| (i18n.t(msg).to_string(), tone);
    match state {
        Some(ComplianceState::Compliant) => known(ViewMsg::StateCompliant, Tone::Good),
        Some(ComplianceState::Noncompliant) => known(ViewMsg::StateNoncompliant, Tone::Bad),
        Some(ComplianceState::InGracePeriod) => known(ViewMsg::StateInGrace, Tone::Warn),
        Some(ComplianceState::Error) => known(ViewMsg::StateError, Tone::Bad),
        Some(ComplianceState::Conflict) => known(ViewMsg::StateConflict, Tone::Warn),
        Some(ComplianceState::ConfigManager) => known(ViewMsg::StateConfigManager, Tone::Neutral),
        Some(ComplianceState::Unspecified) | None => known(ViewMsg::StateUnknown, Tone::Neutral),
        Some(ComplianceState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn policy_status(i18n: &I18n, state: Option<&ComplianceStatus>) -> (String, Tone) {
    let known = |msg: ViewMsg, tone: Tone| (i18n.t(msg).to_string(), tone);
    match state {
        Some(ComplianceStatus::Compliant) => known(ViewMsg::StateCompliant, Tone::Good),
        Some(ComplianceStatus::NonCompliant) => known(ViewMsg::StateNoncompliant, Tone::Bad),
        Some(ComplianceStatus::Remediated) => known(ViewMsg::StateRemediated, Tone::Good),
        Some(ComplianceStatus::Error) => known(ViewMsg::StateError, Tone::Bad),
        Some(ComplianceStatus::Conflict) => known(ViewMsg::StateConflict, Tone::Warn),
        Some(ComplianceStatus::NotApplicable) => known(ViewMsg::StateNotApplicable, Tone::Neutral),
        Some(ComplianceStatus::NotAssigned) => known(ViewMsg::StateNotAssigned, Tone::Neutral),
        Some(ComplianceStatus::Unspecified) | None => known(ViewMsg::StateUnknown, Tone::Neutral),
        Some(ComplianceStatus::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn install_state(i18n: &I18n, state: Option<&InstallState>) -> (String, Tone) {
    let known = |msg: ViewMsg, tone: Tone| (i18n.t(msg).to_string(), tone);
    match state {
        Some(InstallState::Installed) => known(ViewMsg::InstallInstalled, Tone::Good),
        Some(InstallState::Failed) => known(ViewMsg::InstallFailed, Tone::Bad),
        Some(InstallState::UninstallFailed) => known(ViewMsg::InstallUninstallFailed, Tone::Bad),
        Some(InstallState::PendingInstall) => known(ViewMsg::InstallPending, Tone::Warn),
        Some(InstallState::NotInstalled) => known(ViewMsg::InstallNotInstalled, Tone::Neutral),
        Some(InstallState::NotApplicable) => known(ViewMsg::StateNotApplicable, Tone::Neutral),
        Some(InstallState::Unspecified) | None => known(ViewMsg::StateUnknown, Tone::Neutral),
        Some(InstallState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn ownership(i18n: &I18n, owner: Option<&OwnerType>) -> String {
    match owner {
        Some(OwnerType::Company) => i18n.t(ViewMsg::OwnerCompany).to_string(),
        Some(OwnerType::Personal) => i18n.t(ViewMsg::OwnerPersonal).to_string(),
        Some(OwnerType::Unspecified) | None => i18n.t(ViewMsg::StateUnknown).to_string(),
        Some(OwnerType::Unknown(raw)) => unrecognised(i18n, raw),
    }
}

/// What failed, in the operator's words when the catalogue knows it, else as Intune said it.
pub fn failure_title(event: &TroubleshootingEvent, i18n: &I18n) -> String {
    match recognise(event) {
        Some(Recognised::ByReason(error)) => entry(error).title.template(i18n.lang.get_untracked()).to_string(),
        _ => event
            .failure_reason
            .clone()
            .filter(|r| !r.trim().is_empty())
            .or_else(|| event.failure_category.as_ref().map(|c| c.as_wire().to_string()))
            .unwrap_or_else(|| i18n.t(ViewMsg::StateUnknown).to_string()),
    }
}

/// When a failed enrollment started, in the operator's language.
pub fn event_date(event: &TroubleshootingEvent, i18n: &I18n) -> String {
    event.event_date_time.as_ref().map(|t| format_timestamp(t, i18n.lang.get_untracked())).unwrap_or_default()
}

/// A time Graph may leave out, in the operator's language.
pub fn date_text(i18n: &I18n, timestamp: Option<&crate::graph::models::Timestamp>) -> String {
    timestamp.map(|t| format_timestamp(t, i18n.lang.get_untracked())).unwrap_or_default()
}
