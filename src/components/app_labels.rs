//! An app's install history in the operator's words: the kind of each step, its action and its
//! result. A value this portal does not know is shown as sent.

use crate::components::labels::{unrecognised, Tone};
use crate::graph::models::{AppActionType, AppHistoryItem, HistoryKind, RunState};
use crate::i18n::{I18n, Msg};

/// What a step was; `group_name` names the group a targeting step went through, when known.
pub fn step_text(i18n: &I18n, step: &AppHistoryItem, group_name: Option<String>) -> String {
    match step.kind() {
        HistoryKind::Targeted => match group_name.or(step.security_group_id.clone()) {
            Some(group) => i18n.fmt(Msg::StepTargetedGroup, &[&group]),
            None => i18n.t(Msg::StepTargeted).to_string(),
        },
        HistoryKind::PolicyCreated => i18n.t(Msg::StepPolicyCreated).to_string(),
        HistoryKind::AppState => match &step.action_type {
            Some(action) => action_text(i18n, action),
            None => i18n.t(Msg::StepAppState).to_string(),
        },
        HistoryKind::Updated => i18n.t(Msg::StepUpdated).to_string(),
        HistoryKind::DeviceCheckIn => i18n.t(Msg::StepCheckIn).to_string(),
        HistoryKind::Unknown(name) => i18n.fmt(Msg::StepUnknown, &[&name]),
    }
}

fn action_text(i18n: &I18n, action: &AppActionType) -> String {
    match action {
        AppActionType::InstallCommandSent => i18n.t(Msg::AppActionInstallCommandSent).to_string(),
        AppActionType::Installed => i18n.t(Msg::AppActionInstalled).to_string(),
        AppActionType::Uninstalled => i18n.t(Msg::AppActionUninstalled).to_string(),
        AppActionType::UserRequestedInstall => i18n.t(Msg::AppActionUserRequested).to_string(),
        AppActionType::Unspecified => i18n.t(Msg::StepAppState).to_string(),
        AppActionType::Unknown(raw) => unrecognised(i18n, raw),
    }
}

pub fn run_state(i18n: &I18n, state: Option<&RunState>) -> (String, Tone) {
    let known = |msg: Msg, tone: Tone| (i18n.t(msg).to_string(), tone);
    match state {
        Some(RunState::Success) => known(Msg::RunSuccess, Tone::Good),
        Some(RunState::Fail) => known(Msg::RunFail, Tone::Bad),
        Some(RunState::ScriptError) => known(Msg::RunScriptError, Tone::Bad),
        Some(RunState::Pending) => known(Msg::RunPending, Tone::Warn),
        Some(RunState::NotApplicable) => known(Msg::StateNotApplicable, Tone::Neutral),
        Some(RunState::Unspecified) | None => known(Msg::StateUnknown, Tone::Neutral),
        Some(RunState::Unknown(raw)) => (unrecognised(i18n, raw), Tone::Neutral),
    }
}
