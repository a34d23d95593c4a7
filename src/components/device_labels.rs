//! A device's Graph values in the operator's words: join type, management state, remote actions,
//! log collections and Autopilot states. A value this portal does not know is shown as sent.

use crate::components::labels::{unrecognised, Tone};
use crate::domain::device_health::duration_seconds;
use crate::graph::models::{
    ActionState, AutopilotEnrollmentState, DeploymentState, JoinType, LogStatus, ManagementState, ProfileAssignment,
    TrackedPolicyStatus,
};
use crate::i18n::{I18n, Msg};

fn known(i18n: &I18n, msg: Msg, tone: Tone) -> (String, Tone) {
    (i18n.t(msg).to_string(), tone)
}

pub fn join_type(i18n: &I18n, join: Option<&JoinType>) -> String {
    match join {
        Some(JoinType::AzureAdJoined) => i18n.t(Msg::JoinAzureAd).to_string(),
        Some(JoinType::AzureAdRegistered) => i18n.t(Msg::JoinRegistered).to_string(),
        Some(JoinType::HybridAzureAdJoined) => i18n.t(Msg::JoinHybrid).to_string(),
        Some(JoinType::Unspecified) | None => i18n.t(Msg::StateUnknown).to_string(),
        Some(JoinType::Unknown(raw)) => unrecognised(i18n, raw),
    }
}

pub fn management_state(i18n: &I18n, state: Option<&ManagementState>) -> (String, Tone) {
    let action = |template: Msg, action: Msg, tone: Tone| (i18n.fmt(template, &[i18n.t(action)]), tone);
    match state {
        Some(ManagementState::Managed) => known(i18n, Msg::ManagementManaged, Tone::Good),
        Some(ManagementState::RetirePending | ManagementState::RetireIssued) => {
            action(Msg::ManagementPending, Msg::ActionRetire, Tone::Warn)
        }
        Some(ManagementState::WipePending | ManagementState::WipeIssued) => {
            action(Msg::ManagementPending, Msg::ActionWipe, Tone::Warn)
        }
        Some(ManagementState::DeletePending) => action(Msg::ManagementPending, Msg::ActionDelete, Tone::Warn),
        Some(ManagementState::RetireFailed) => action(Msg::ManagementFailed, Msg::ActionRetire, Tone::Bad),
        Some(ManagementState::WipeFailed) => action(Msg::ManagementFailed, Msg::ActionWipe, Tone::Bad),
        Some(ManagementState::RetireCanceled) => action(Msg::ManagementCanceled, Msg::ActionRetire, Tone::Neutral),
        Some(ManagementState::WipeCanceled) => action(Msg::ManagementCanceled, Msg::ActionWipe, Tone::Neutral),
        Some(ManagementState::Unhealthy) => known(i18n, Msg::ManagementUnhealthy, Tone::Bad),
        Some(ManagementState::Discovered) => known(i18n, Msg::ManagementDiscovered, Tone::Warn),
        None => known(i18n, Msg::StateUnknown, Tone::Neutral),
        Some(ManagementState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

/// A remote action's name (`actionName` is free text in Graph; the usual ones are translated).
pub fn action_name(i18n: &I18n, name: Option<&str>) -> String {
    let msg = match name.unwrap_or_default() {
        "syncDevice" => Msg::ActionSync,
        "rebootNow" => Msg::ActionRestart,
        "wipe" => Msg::ActionWipe,
        "retire" => Msg::ActionRetire,
        "remoteLock" => Msg::ActionLock,
        "resetPasscode" => Msg::ActionResetPasscode,
        "windowsDefenderScan" => Msg::ActionDefenderScan,
        "collectDiagnostics" | "createDeviceLogCollectionRequest" => Msg::ActionCollectLogs,
        "cleanWindowsDevice" => Msg::ActionFreshStart,
        "autopilotReset" => Msg::ActionAutopilotReset,
        "delete" => Msg::ActionDelete,
        "" => return i18n.t(Msg::StateUnknown).to_string(),
        other => return other.to_string(),
    };
    i18n.t(msg).to_string()
}

pub fn action_state(i18n: &I18n, state: Option<&ActionState>) -> (String, Tone) {
    match state {
        Some(ActionState::Done) => known(i18n, Msg::ActionDone, Tone::Good),
        Some(ActionState::Failed) => known(i18n, Msg::ActionFailed, Tone::Bad),
        Some(ActionState::Pending) => known(i18n, Msg::ActionPending, Tone::Warn),
        Some(ActionState::Active) => known(i18n, Msg::ActionActive, Tone::Warn),
        Some(ActionState::Canceled) => known(i18n, Msg::ActionCanceled, Tone::Neutral),
        Some(ActionState::NotSupported) => known(i18n, Msg::ActionNotSupported, Tone::Bad),
        Some(ActionState::Nothing) => known(i18n, Msg::ActionNone, Tone::Neutral),
        None => known(i18n, Msg::StateUnknown, Tone::Neutral),
        Some(ActionState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn log_status(i18n: &I18n, status: Option<&LogStatus>) -> (String, Tone) {
    match status {
        Some(LogStatus::Completed) => known(i18n, Msg::LogCompleted, Tone::Good),
        Some(LogStatus::Failed) => known(i18n, Msg::LogFailed, Tone::Bad),
        Some(LogStatus::Pending) => known(i18n, Msg::LogPending, Tone::Warn),
        None => known(i18n, Msg::StateUnknown, Tone::Neutral),
        Some(LogStatus::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn deployment_state(i18n: &I18n, state: Option<&DeploymentState>) -> (String, Tone) {
    match state {
        Some(DeploymentState::Success) => known(i18n, Msg::DeploySuccess, Tone::Good),
        Some(DeploymentState::SuccessOnRetry) => known(i18n, Msg::DeploySuccessOnRetry, Tone::Good),
        Some(DeploymentState::SuccessWithTimeout) => known(i18n, Msg::DeploySuccessWithTimeout, Tone::Warn),
        Some(DeploymentState::InProgress) => known(i18n, Msg::DeployInProgress, Tone::Warn),
        Some(DeploymentState::Failure) => known(i18n, Msg::DeployFailure, Tone::Bad),
        Some(DeploymentState::NotAttempted) => known(i18n, Msg::DeployNotAttempted, Tone::Neutral),
        Some(DeploymentState::Disabled) => known(i18n, Msg::DeployDisabled, Tone::Neutral),
        Some(DeploymentState::Unspecified) | None => known(i18n, Msg::StateUnknown, Tone::Neutral),
        Some(DeploymentState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn profile_assignment(i18n: &I18n, status: Option<&ProfileAssignment>) -> (String, Tone) {
    match status {
        Some(ProfileAssignment::AssignedInSync) => known(i18n, Msg::ProfileAssignedInSync, Tone::Good),
        Some(ProfileAssignment::AssignedUnknownSyncState) => known(i18n, Msg::ProfileAssignedUnknownSync, Tone::Good),
        Some(ProfileAssignment::AssignedOutOfSync) => known(i18n, Msg::ProfileAssignedOutOfSync, Tone::Warn),
        Some(ProfileAssignment::Pending) => known(i18n, Msg::ProfilePending, Tone::Warn),
        Some(ProfileAssignment::NotAssigned) => known(i18n, Msg::ProfileNotAssigned, Tone::Bad),
        Some(ProfileAssignment::Failed) => known(i18n, Msg::ProfileFailed, Tone::Bad),
        Some(ProfileAssignment::Unspecified) | None => known(i18n, Msg::StateUnknown, Tone::Neutral),
        Some(ProfileAssignment::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

pub fn tracked_status(i18n: &I18n, status: Option<&TrackedPolicyStatus>) -> (String, Tone) {
    match status {
        Some(TrackedPolicyStatus::Compliant) => known(i18n, Msg::TrackedCompliant, Tone::Good),
        Some(TrackedPolicyStatus::Installed) => known(i18n, Msg::TrackedInstalled, Tone::Good),
        Some(TrackedPolicyStatus::NotCompliant) => known(i18n, Msg::TrackedNotCompliant, Tone::Bad),
        Some(TrackedPolicyStatus::NotInstalled) => known(i18n, Msg::TrackedNotInstalled, Tone::Warn),
        Some(TrackedPolicyStatus::Error) => known(i18n, Msg::TrackedError, Tone::Bad),
        Some(TrackedPolicyStatus::Unspecified) | None => known(i18n, Msg::StateUnknown, Tone::Neutral),
        Some(TrackedPolicyStatus::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

/// A yes/no flag Graph may leave out.
pub fn yes_no(i18n: &I18n, flag: Option<bool>) -> String {
    i18n.t(match flag {
        Some(true) => Msg::Yes,
        Some(false) => Msg::No,
        None => Msg::NotReported,
    })
    .to_string()
}

/// Entra's `trustType` (free text in Graph) in the words of the join types.
pub fn trust_type(i18n: &I18n, trust: Option<&str>) -> String {
    match trust {
        Some("AzureAd") => i18n.t(Msg::JoinAzureAd).to_string(),
        Some("Workplace") => i18n.t(Msg::JoinRegistered).to_string(),
        Some("ServerAd") => i18n.t(Msg::JoinHybrid).to_string(),
        Some(other) if !other.is_empty() => unrecognised(i18n, other),
        _ => i18n.t(Msg::NotReported).to_string(),
    }
}

pub fn autopilot_enrollment(i18n: &I18n, state: Option<&AutopilotEnrollmentState>) -> (String, Tone) {
    match state {
        Some(AutopilotEnrollmentState::Enrolled) => known(i18n, Msg::AutopilotEnrolled, Tone::Good),
        Some(AutopilotEnrollmentState::PendingReset) => known(i18n, Msg::AutopilotPendingReset, Tone::Warn),
        Some(AutopilotEnrollmentState::Failed) => known(i18n, Msg::AutopilotFailed, Tone::Bad),
        Some(AutopilotEnrollmentState::NotContacted) => known(i18n, Msg::AutopilotNotContacted, Tone::Neutral),
        Some(AutopilotEnrollmentState::Blocked) => known(i18n, Msg::AutopilotBlocked, Tone::Bad),
        Some(AutopilotEnrollmentState::Unspecified) | None => known(i18n, Msg::StateUnknown, Tone::Neutral),
        Some(AutopilotEnrollmentState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}

/// What the enrollment status page tracked: an app or a policy (free text in Graph).
pub fn tracked_type(i18n: &I18n, kind: Option<&str>) -> String {
    match kind {
        Some("application" | "appModel") => i18n.t(Msg::TrackedApp).to_string(),
        Some("configurationPolicy" | "configuration" | "policy") => i18n.t(Msg::TrackedPolicy).to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A deployment's duration; shown as sent when it is not a duration the portal reads.
pub fn duration(i18n: &I18n, text: Option<&str>) -> String {
    let Some(text) = text else { return String::new() };
    match duration_seconds(text) {
        Some(seconds) => i18n.fmt(Msg::DurationValue, &[&(seconds / 60).to_string(), &(seconds % 60).to_string()]),
        None => text.to_string(),
    }
}

/// A size Graph gives in kilobytes, in the unit that reads best; one beyond belief (or not a
/// number) in scientific notation rather than a line of digits.
pub fn size_from_kb(i18n: &I18n, kb: f64) -> String {
    const KB_PER_MB: f64 = 1024.0;
    const KB_PER_GB: f64 = 1024.0 * 1024.0;
    if !(0.0..KB_PER_GB * 1e6).contains(&kb) {
        return i18n.fmt(Msg::SizeKb, &[&format!("{kb:.2e}")]);
    }
    if kb < KB_PER_MB {
        i18n.fmt(Msg::SizeKb, &[&format!("{kb:.0}")])
    } else if kb < KB_PER_GB {
        i18n.fmt(Msg::SizeMb, &[&format!("{:.1}", kb / KB_PER_MB)])
    } else {
        i18n.fmt(Msg::SizeGb, &[&format!("{:.1}", kb / KB_PER_GB)])
    }
}
