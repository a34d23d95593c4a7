//! Compliance at a glance: devices by compliance state, apps by install state, and the
//! settings that make a policy fail.

use crate::graph::models::{
    ComplianceState, ComplianceStatus, InstallState, ManagedDevice, MobileAppIntentAndState, PolicyState, SettingState,
};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceSummary {
    pub total: usize,
    pub compliant: usize,
    pub noncompliant: usize,
    /// In grace period, unknown, conflict, error, managed by Configuration Manager, or a new state.
    pub other: usize,
}

pub fn device_summary(devices: &[ManagedDevice]) -> DeviceSummary {
    let mut summary = DeviceSummary { total: devices.len(), ..DeviceSummary::default() };
    for device in devices {
        match device.compliance_state {
            Some(ComplianceState::Compliant) => summary.compliant += 1,
            Some(ComplianceState::Noncompliant) => summary.noncompliant += 1,
            _ => summary.other += 1,
        }
    }
    summary
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppSummary {
    pub total: usize,
    pub installed: usize,
    pub failed: usize,
    pub pending: usize,
    /// Not installed, not applicable, unknown, or a new state.
    pub other: usize,
}

pub fn app_summary(states: &[MobileAppIntentAndState]) -> AppSummary {
    let mut summary = AppSummary::default();
    for app in states.iter().flat_map(|state| &state.mobile_app_list) {
        summary.total += 1;
        match app.install_state {
            Some(InstallState::Installed) => summary.installed += 1,
            Some(InstallState::Failed | InstallState::UninstallFailed) => summary.failed += 1,
            Some(InstallState::PendingInstall) => summary.pending += 1,
            _ => summary.other += 1,
        }
    }
    summary
}

/// A policy state together with the device it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct DevicePolicy {
    pub device_id: String,
    pub device_name: String,
    /// With the selected user's setting states only.
    pub policy: PolicyState,
    /// Setting states of other users of a shared device, left out.
    pub other_users_settings: usize,
}

/// Why a policy fails on a device: its settings that are not compliant, in error or in conflict.
pub fn failing_settings(policy: &PolicyState) -> Vec<&SettingState> {
    policy
        .setting_states
        .iter()
        .filter(|setting| {
            matches!(
                setting.state,
                Some(ComplianceStatus::NonCompliant | ComplianceStatus::Error | ComplianceStatus::Conflict)
            )
        })
        .collect()
}

/// A policy state with only `user_id`'s setting states (and those that name no user): on a
/// shared device each user who signed in has their own. Also returns how many were left out.
pub fn for_user(mut policy: PolicyState, user_id: &str) -> (PolicyState, usize) {
    let before = policy.setting_states.len();
    policy
        .setting_states
        .retain(|setting| setting.user_id.as_deref().is_none_or(|id| id.eq_ignore_ascii_case(user_id)));
    let left_out = before - policy.setting_states.len();
    (policy, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_counted_by_compliance_with_unknown_states_apart() {
        let devices: Vec<ManagedDevice> = serde_json::from_str(
            r#"[
            {"id":"1","complianceState":"compliant"},{"id":"2","complianceState":"noncompliant"},
            {"id":"3","complianceState":"inGracePeriod"},{"id":"4","complianceState":"somethingNew"},{"id":"5"}
        ]"#,
        )
        .unwrap();
        assert_eq!(device_summary(&devices), DeviceSummary { total: 5, compliant: 1, noncompliant: 1, other: 3 });
    }

    #[test]
    fn apps_are_counted_across_devices_by_install_state() {
        let states: Vec<MobileAppIntentAndState> = serde_json::from_str(r#"[
            {"mobileAppList":[{"installState":"installed"},{"installState":"failed"}]},
            {"mobileAppList":[{"installState":"pendingInstall"},{"installState":"uninstallFailed"},{"installState":"notInstalled"}]},
            {"mobileAppList":null}
        ]"#).unwrap();
        assert_eq!(app_summary(&states), AppSummary { total: 5, installed: 1, failed: 2, pending: 1, other: 1 });
    }

    #[test]
    fn only_failing_settings_explain_non_compliance() {
        let policy: PolicyState = serde_json::from_str(
            r#"{"id":"p","state":"nonCompliant","settingStates":[
            {"settingName":"Require BitLocker","state":"nonCompliant","currentValue":"false"},
            {"settingName":"Require a password","state":"compliant"},
            {"settingName":"Minimum OS","state":"error"}
        ]}"#,
        )
        .unwrap();
        let names: Vec<_> = failing_settings(&policy).iter().filter_map(|s| s.setting_name.as_deref()).collect();
        assert_eq!(names, vec!["Require BitLocker", "Minimum OS"]);
    }

    #[test]
    fn on_a_shared_device_only_the_selected_users_settings_are_kept() {
        let policy: PolicyState = serde_json::from_value(serde_json::json!({
            "id": "p", "settingStates": [
                {"setting": "a", "state": "nonCompliant", "userId": "ADELE"},
                {"setting": "b", "state": "compliant", "userId": "alex"},
                {"setting": "c", "state": "compliant"}
            ]
        }))
        .unwrap();
        let (mine, left_out) = for_user(policy, "adele");
        let kept: Vec<_> = mine.setting_states.iter().filter_map(|s| s.setting.as_deref()).collect();
        assert_eq!((kept, left_out), (vec!["a", "c"], 1));
    }
}
