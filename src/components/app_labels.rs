//! An app's install history in the operator's words: the kind of each step, its action and its
//! result. A value this portal does not know is shown as sent.

use crate::components::labels::{unrecognised, Tone};
use crate::graph::models::{AppActionType, AppHistoryItem, HistoryKind, RunState};
use crate::i18n::{I18n, Text, ViewMsg};

/// What a step was; `group_name` names the group a targeting step went through, when known.
pub fn step_text(i18n: &I18n, step: &AppHistoryItem, group_name: Option<String>) -> String {
    match step.kind() {
        HistoryKind::Targeted => match group_name.or(step.security_group_id.clone()) {
            Some(group) => i18n.fmt(ViewMsg::StepTargetedGroup, &[&group]),
            None => i18n.t(ViewMsg::StepTargeted).to_string(),
        },
        HistoryKind::PolicyCreated => i18n.t(ViewMsg::StepPolicyCreated).to_string(),
        HistoryKind::AppState => match &step.action_type {
            Some(action) => action_text(i18n, action),
            None => i18n.t(ViewMsg::StepAppState).to_string(),
        },
        HistoryKind::Updated => i18n.t(ViewMsg::StepUpdated).to_string(),
        HistoryKind::DeviceCheckIn => i18n.t(ViewMsg::StepCheckIn).to_string(),
        HistoryKind::Unknown(name) => i18n.fmt(ViewMsg::StepUnknown, &[&name]),
    }
}

fn action_text(i18n: &I18n, action: &AppActionType) -> String {
    match action {
        AppActionType::InstallCommandSent => i18n.t(ViewMsg::AppActionInstallCommandSent).to_string(),
        AppActionType::Installed => i18n.t(ViewMsg::AppActionInstalled).to_string(),
        AppActionType::Uninstalled => i18n.t(ViewMsg::AppActionUninstalled).to_string(),
        AppActionType::UserRequestedInstall => i18n.t(ViewMsg::AppActionUserRequested).to_string(),
        AppActionType::Unspecified => i18n.t(ViewMsg::StepAppState).to_string(),
        AppActionType::Unknown(raw) => unrecognised(i18n, raw),
    }
}

pub fn run_state(i18n: &I18n, state: Option<&RunState>) -> (String, Tone) {
    let known = |msg: Text, tone: Tone| (i18n.t(msg).to_string(), tone);
    match state {
        Some(RunState::Success) => known(ViewMsg::RunSuccess.into(), Tone::Good),
        Some(RunState::Fail) => known(ViewMsg::RunFail.into(), Tone::Bad),
        Some(RunState::ScriptError) => known(ViewMsg::RunScriptError.into(), Tone::Bad),
        Some(RunState::Pending) => known(ViewMsg::RunPending.into(), Tone::Warn),
        Some(RunState::NotApplicable) => known(ViewMsg::StateNotApplicable.into(), Tone::Neutral),
        Some(RunState::Unspecified) | None => known(ViewMsg::StateUnknown.into(), Tone::Neutral),
        Some(RunState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}
