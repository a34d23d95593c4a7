//! A device's Graph values in the operator's words: join type, management state, remote actions,
//! log collections and Autopilot states. A value this portal does not know is shown as sent.

use crate::components::labels::{unrecognised, Tone};
use crate::domain::device_health::duration_seconds;
use crate::graph::models::{
    ActionState, AutopilotEnrollmentState, DeploymentState, JoinType, LogStatus, ManagementState, ProfileAssignment,
    TrackedPolicyStatus,
};
use crate::i18n::{I18n, Text, ViewMsg};

fn known(i18n: &I18n, msg: impl Into<Text>, tone: Tone) -> (String, Tone) {
    (i18n.t(msg).to_string(), tone)
}

pub fn join_type(i18n: &I18n, join: Option<&JoinType>) -> String {
    match join {
        Some(JoinType::AzureAdJoined) => i18n.t(ViewMsg::JoinAzureAd).to_string(),
        Some(JoinType::AzureAdRegistered) => i18n.t(ViewMsg::JoinRegistered).to_string(),
        Some(JoinType::HybridAzureAdJoined) => i18n.t(ViewMsg::JoinHybrid).to_string(),
        Some(JoinType::Unspecified) | None => i18n.t(ViewMsg::StateUnknown).to_string(),
        Some(JoinType::Unknown(raw)) => unrecognised(i18n, raw),
    }
}

pub fn management_state(i18n: &I18n, state: Option<&ManagementState>) -> (String, Tone) {
    let action = |template: ViewMsg, action: ViewMsg, tone: Tone| (i18n.fmt(template, &[i18n.t(action)]), tone);
    match state {
        Some(ManagementState::Managed) => known(i18n, ViewMsg::ManagementManaged, Tone::Good),
        Some(ManagementState::RetirePending | ManagementState::RetireIssued) => {
            action(ViewMsg::ManagementPending, ViewMsg::ActionRetire, Tone::Warn)
        }
        Some(ManagementState::WipePending | ManagementState::WipeIssued) => {
            action(ViewMsg::ManagementPending, ViewMsg::ActionWipe, Tone::Warn)
        }
        Some(ManagementState::DeletePending) => action(ViewMsg::ManagementPending, ViewMsg::ActionDelete, Tone::Warn),
        Some(ManagementState::RetireFailed) => action(ViewMsg::ManagementFailed, ViewMsg::ActionRetire, Tone::Bad),
        Some(ManagementState::WipeFailed) => action(ViewMsg::ManagementFailed, ViewMsg::ActionWipe, Tone::Bad),
        Some(ManagementState::RetireCanceled) => {
            action(ViewMsg::ManagementCanceled, ViewMsg::ActionRetire, Tone::Neutral)
        }
        Some(ManagementState::WipeCanceled) => action(ViewMsg::ManagementCanceled, ViewMsg::ActionWipe, Tone::Neutral),
        Some(ManagementState::Unhealthy) => known(i18n, ViewMsg::ManagementUnhealthy, Tone::Bad),
        Some(ManagementState::Discovered) => known(i18n, ViewMsg::ManagementDiscovered, Tone::Warn),
        None => known(i18n, ViewMsg::StateUnknown, Tone::Neutral),
        Some(ManagementState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

/// A remote action's name (`actionName` is free text in Graph; the usual ones are translated).
pub fn action_name(i18n: &I18n, name: Option<&str>) -> String {
    let msg = match name.unwrap_or_default() {
        "syncDevice" => ViewMsg::ActionSync,
        "rebootNow" => ViewMsg::ActionRestart,
        "wipe" => ViewMsg::ActionWipe,
        "retire" => ViewMsg::ActionRetire,
        "remoteLock" => ViewMsg::ActionLock,
        "resetPasscode" => ViewMsg::ActionResetPasscode,
        "windowsDefenderScan" => ViewMsg::ActionDefenderScan,
        "collectDiagnostics" | "createDeviceLogCollectionRequest" => ViewMsg::ActionCollectLogs,
        "cleanWindowsDevice" => ViewMsg::ActionFreshStart,
        "autopilotReset" => ViewMsg::ActionAutopilotReset,
        "delete" => ViewMsg::ActionDelete,
        "" => return i18n.t(ViewMsg::StateUnknown).to_string(),
        other => return other.to_string(),
    };
    i18n.t(msg).to_string()
}

pub fn action_state(i18n: &I18n, state: Option<&ActionState>) -> (String, Tone) {
    match state {
        Some(ActionState::Done) => known(i18n, ViewMsg::ActionDone, Tone::Good),
        Some(ActionState::Failed) => known(i18n, ViewMsg::ActionFailed, Tone::Bad),
        Some(ActionState::Pending) => known(i18n, ViewMsg::ActionPending, Tone::Warn),
        Some(ActionState::Active) => known(i18n, ViewMsg::ActionActive, Tone::Warn),
        Some(ActionState::Canceled) => known(i18n, ViewMsg::ActionCanceled, Tone::Neutral),
        Some(ActionState::NotSupported) => known(i18n, ViewMsg::ActionNotSupported, Tone::Bad),
        Some(ActionState::Nothing) => known(i18n, ViewMsg::ActionNone, Tone::Neutral),
        None => known(i18n, ViewMsg::StateUnknown, Tone::Neutral),
        Some(ActionState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn log_status(i18n: &I18n, status: Option<&LogStatus>) -> (String, Tone) {
    match status {
        Some(LogStatus::Completed) => known(i18n, ViewMsg::LogCompleted, Tone::Good),
        Some(LogStatus::Failed) => known(i18n, ViewMsg::LogFailed, Tone::Bad),
        Some(LogStatus::Pending) => known(i18n, ViewMsg::LogPending, Tone::Warn),
        None => known(i18n, ViewMsg::StateUnknown, Tone::Neutral),
        Some(LogStatus::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn deployment_state(i18n: &I18n, state: Option<&DeploymentState>) -> (String, Tone) {
    match state {
        Some(DeploymentState::Success) => known(i18n, ViewMsg::DeploySuccess, Tone::Good),
        Some(DeploymentState::SuccessOnRetry) => known(i18n, ViewMsg::DeploySuccessOnRetry, Tone::Good),
        Some(DeploymentState::SuccessWithTimeout) => known(i18n, ViewMsg::DeploySuccessWithTimeout, Tone::Warn),
        Some(DeploymentState::InProgress) => known(i18n, ViewMsg::DeployInProgress, Tone::Warn),
        Some(DeploymentState::Failure) => known(i18n, ViewMsg::DeployFailure, Tone::Bad),
        Some(DeploymentState::NotAttempted) => known(i18n, ViewMsg::DeployNotAttempted, Tone::Neutral),
        Some(DeploymentState::Disabled) => known(i18n, ViewMsg::DeployDisabled, Tone::Neutral),
        Some(DeploymentState::Unspecified) | None => known(i18n, ViewMsg::StateUnknown, Tone::Neutral),
        Some(DeploymentState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn profile_assignment(i18n: &I18n, status: Option<&ProfileAssignment>) -> (String, Tone) {
    match status {
        Some(ProfileAssignment::AssignedInSync) => known(i18n, ViewMsg::ProfileAssignedInSync, Tone::Good),
        Some(ProfileAssignment::AssignedUnknownSyncState) => {
            known(i18n, ViewMsg::ProfileAssignedUnknownSync, Tone::Good)
        }
        Some(ProfileAssignment::AssignedOutOfSync) => known(i18n, ViewMsg::ProfileAssignedOutOfSync, Tone::Warn),
        Some(ProfileAssignment::Pending) => known(i18n, ViewMsg::ProfilePending, Tone::Warn),
        Some(ProfileAssignment::NotAssigned) => known(i18n, ViewMsg::ProfileNotAssigned, Tone::Bad),
        Some(ProfileAssignment::Failed) => known(i18n, ViewMsg::ProfileFailed, Tone::Bad),
        Some(ProfileAssignment::Unspecified) | None => known(i18n, ViewMsg::StateUnknown, Tone::Neutral),
        Some(ProfileAssignment::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn tracked_status(i18n: &I18n, status: Option<&TrackedPolicyStatus>) -> (String, Tone) {
    match status {
        Some(TrackedPolicyStatus::Compliant) => known(i18n, ViewMsg::TrackedCompliant, Tone::Good),
        Some(TrackedPolicyStatus::Installed) => known(i18n, ViewMsg::TrackedInstalled, Tone::Good),
        Some(TrackedPolicyStatus::NotCompliant) => known(i18n, ViewMsg::TrackedNotCompliant, Tone::Bad),
        Some(TrackedPolicyStatus::NotInstalled) => known(i18n, ViewMsg::TrackedNotInstalled, Tone::Warn),
        Some(TrackedPolicyStatus::Error) => known(i18n, ViewMsg::TrackedError, Tone::Bad),
        Some(TrackedPolicyStatus::Unspecified) | None => known(i18n, ViewMsg::StateUnknown, Tone::Neutral),
        Some(TrackedPolicyStatus::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

/// A yes/no flag Graph may leave out.
pub fn yes_no(i18n: &I18n, flag: Option<bool>) -> String {
    i18n.t(match flag {
        Some(true) => ViewMsg::Yes,
        Some(false) => ViewMsg::No,
        None => ViewMsg::NotReported,
    })
    .to_string()
}

/// Entra's `trustType` (free text in Graph) in the words of the join types.
pub fn trust_type(i18n: &I18n, trust: Option<&str>) -> String {
    match trust {
        Some("AzureAd") => i18n.t(ViewMsg::JoinAzureAd).to_string(),
        Some("Workplace") => i18n.t(ViewMsg::JoinRegistered).to_string(),
        Some("ServerAd") => i18n.t(ViewMsg::JoinHybrid).to_string(),
        Some(other) if !other.is_empty() => unrecognised(i18n, other),
        _ => i18n.t(ViewMsg::NotReported).to_string(),
    }
}

pub fn autopilot_enrollment(i18n: &I18n, state: Option<&AutopilotEnrollmentState>) -> (String, Tone) {
    match state {
        Some(AutopilotEnrollmentState::Enrolled) => known(i18n, ViewMsg::AutopilotEnrolled, Tone::Good),
        Some(AutopilotEnrollmentState::PendingReset) => known(i18n, ViewMsg::AutopilotPendingReset, Tone::Warn),
        Some(AutopilotEnrollmentState::Failed) => known(i18n, ViewMsg::AutopilotFailed, Tone::Bad),
        Some(AutopilotEnrollmentState::NotContacted) => known(i18n, ViewMsg::AutopilotNotContacted, Tone::Neutral),
        Some(AutopilotEnrollmentState::Blocked) => known(i18n, ViewMsg::AutopilotBlocked, Tone::Bad),
        Some(AutopilotEnrollmentState::Unspecified) | None => known(i18n, ViewMsg::StateUnknown, Tone::Neutral),
        Some(AutopilotEnrollmentState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

/// What the enrollment status page tracked: an app or a policy (free text in Graph).
pub fn tracked_type(i18n: &I18n, kind: Option<&str>) -> String {
    match kind {
        Some("application" | "appModel") => i18n.t(ViewMsg::TrackedApp).to_string(),
        Some("configurationPolicy" | "configuration" | "policy") => i18n.t(ViewMsg::TrackedPolicy).to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A deployment's duration; shown as sent when it is not a duration the portal reads.
pub fn duration(i18n: &I18n, text: Option<&str>) -> String {
    let Some(text) = text else { return String::new() };
    match duration_seconds(text) {
        Some(seconds) => i18n.fmt(ViewMsg::DurationValue, &[&(seconds / 60).to_string(), &(seconds % 60).to_string()]),
        None => text.to_string(),
    }
}

/// A size Graph gives in kilobytes, in the unit that reads best; one beyond belief (or not a
/// number) in scientific notation rather than a line of digits.
pub fn size_from_kb(i18n: &I18n, kb: f64) -> String {
    const KB_PER_MB: f64 = 1024.0;
    const KB_PER_GB: f64 = 1024.0 * 1024.0;
    if !(0.0..KB_PER_GB * 1e6).contains(&kb) {
        return i18n.fmt(ViewMsg::SizeKb, &[&format!("{kb:.2e}")]);
    }
    if kb < KB_PER_MB {
        i18n.fmt(ViewMsg::SizeKb, &[&format!("{kb:.0}")])
    } else if kb < KB_PER_GB {
        i18n.fmt(ViewMsg::SizeMb, &[&format!("{:.1}", kb / KB_PER_MB)])
    } else {
        i18n.fmt(ViewMsg::SizeGb, &[&format!("{:.1}", kb / KB_PER_GB)])
    }
}
