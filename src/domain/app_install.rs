//! Why an app failed on a device: the install states of `mobileAppIntentAndStates` joined on
//! (device, application) with the install history of `mobileAppTroubleshootingEvents`, the
//! latest error code read whatever form Graph sent it in, and explained from the catalogue of
//! the device's platform.

use std::collections::HashMap;

use super::catalogues::app_install::{lookup, AppInstallCode, AppPlatform};
use crate::graph::models::{
    AppTroubleshootingEvent, InstallState, ManagedDevice, MobileAppIntentAndState, RunState, Timestamp,
};

/// An error code from Graph's text: `0x87D1041C`, `87D1041C`, or a decimal (signed, as
/// `-2016345060`, or not). Intune writes codes as eight hexadecimal digits, so eight digits
/// without a sign are read as hexadecimal even when they are all decimal digits (`80070643`).
pub fn normalise_code(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return u32::from_str_radix(hex, 16).ok();
    }
    if text.len() == 8 && text.chars().all(|c| c.is_ascii_hexdigit()) {
        return u32::from_str_radix(text, 16).ok();
    }
    let value: i64 = text.parse().ok()?;
    match value {
        v if (i64::from(i32::MIN)..0).contains(&v) => Some(v as i32 as u32),
        v if (0..=i64::from(u32::MAX)).contains(&v) => Some(v as u32),
        _ => None,
    }
}

/// How much an install state needs the operator: failed first, then pending, then the rest,
/// installed and not applicable last.
pub fn attention_rank(state: Option<&InstallState>) -> u8 {
    match state {
        Some(InstallState::Failed | InstallState::UninstallFailed) => 0,
        Some(InstallState::PendingInstall) => 1,
        Some(InstallState::Unknown(_) | InstallState::Unspecified) | None => 2,
        Some(InstallState::NotInstalled) => 3,
        Some(InstallState::Installed) => 4,
        Some(InstallState::NotApplicable) => 5,
    }
}

/// A code as Intune shows it.
pub fn hex(code: u32) -> String {
    format!("0x{code:08X}")
}

/// What the device last reported when the app failed.
#[derive(Debug, Clone, PartialEq)]
pub struct AppFailure {
    /// The code as Graph sent it.
    pub raw: String,
    pub code: Option<u32>,
    pub at: Option<Timestamp>,
    /// Intune's own words for the failure, when it sent some.
    pub details: Option<String>,
}

/// How a failure reads for the operator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Explanation {
    Known(&'static AppInstallCode),
    /// A code none of Microsoft's tables lists for the platform.
    NotInCatalogue(u32),
    /// Text that is not a code at all, shown as sent.
    Unreadable,
}

impl AppFailure {
    pub fn explain(&self, platform: AppPlatform) -> Explanation {
        match self.code {
            Some(code) => lookup(platform, code).map_or(Explanation::NotInCatalogue(code), Explanation::Known),
            None => Explanation::Unreadable,
        }
    }
}

/// A code that says "no error".
fn is_error(text: &str) -> bool {
    !text.trim().is_empty() && normalise_code(text) != Some(0)
}

/// The latest failure of each (device, application), ids compared without case.
pub fn latest_failures(events: &[AppTroubleshootingEvent]) -> HashMap<(String, String), AppFailure> {
    let mut latest: HashMap<(String, String), AppFailure> = HashMap::new();
    for event in events {
        let key = (
            event.managed_device_identifier.clone().unwrap_or_default().to_lowercase(),
            event.application_id.clone().unwrap_or_default().to_lowercase(),
        );
        for step in &event.history {
            let failed = step.error_code.as_deref().is_some_and(is_error)
                || matches!(step.run_state, Some(RunState::Fail | RunState::ScriptError));
            if !failed {
                continue;
            }
            let at = step.occurrence_date_time.clone().or_else(|| event.event_date_time.clone());
            let details = step
                .troubleshooting_error_details
                .as_ref()
                .or(event.troubleshooting_error_details.as_ref())
                .and_then(|d| d.failure_details.clone().or(d.failure.clone()));
            let raw = step.error_code.clone().unwrap_or_default();
            let failure = AppFailure { code: normalise_code(&raw), raw, at, details };
            let newer = latest.get(&key).is_none_or(|known| sort_key(&failure.at) >= sort_key(&known.at));
            if newer {
                latest.insert(key.clone(), failure);
            }
        }
    }
    latest
}

fn sort_key(at: &Option<Timestamp>) -> i128 {
    at.as_ref().map_or(i128::MIN, Timestamp::sort_key)
}

/// An app that failed on a device, with what the history says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedApp {
    pub name: String,
    /// The app's id, lower-cased: with `device_id`, the key of its install history.
    pub app_id: String,
    pub device_id: String,
    pub device: String,
    pub platform: AppPlatform,
    pub failure: Option<AppFailure>,
}

/// The apps of `states` that failed, each with its device's name and platform (from `devices`)
/// and its latest failure (from `events`).
pub fn failed_apps(
    states: &[MobileAppIntentAndState],
    devices: &[ManagedDevice],
    events: &[AppTroubleshootingEvent],
) -> Vec<FailedApp> {
    let failures = latest_failures(events);
    let mut failed = Vec::new();
    for state in states {
        let device_id = state.managed_device_identifier.clone().unwrap_or_default();
        let device = devices.iter().find(|d| d.id.eq_ignore_ascii_case(&device_id));
        for app in &state.mobile_app_list {
            if attention_rank(app.install_state.as_ref()) != 0 {
                continue;
            }
            let app_id = app.application_id.clone().unwrap_or_default().to_lowercase();
            failed.push(FailedApp {
                name: app.display_name.clone().unwrap_or(app_id.clone()),
                app_id: app_id.clone(),
                device_id: device_id.clone(),
                device: device.and_then(|d| d.device_name.clone()).unwrap_or(device_id.clone()),
                platform: AppPlatform::of_os(device.and_then(|d| d.operating_system.as_deref())),
                failure: failures.get(&(device_id.to_lowercase(), app_id)).cloned(),
            });
        }
    }
    failed
}

/// The cause most of `failures` share, and how many: the catalogue entry of the most frequent
/// known code (the first seen wins a tie).
pub fn most_common_cause<'a>(
    failures: impl Iterator<Item = (AppPlatform, &'a AppFailure)>,
) -> Option<(&'static AppInstallCode, usize)> {
    let mut counts: Vec<(&'static AppInstallCode, usize)> = Vec::new();
    for (platform, failure) in failures {
        if let Explanation::Known(entry) = failure.explain(platform) {
            match counts.iter_mut().find(|(known, _)| std::ptr::eq(*known, entry)) {
                Some((_, count)) => *count += 1,
                None => counts.push((entry, 1)),
            }
        }
    }
    counts.into_iter().fold(None, |best, candidate| match best {
        Some((_, count)) if count >= candidate.1 => best,
        _ => Some(candidate),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::models::decode_page;

    #[test]
    fn codes_are_read_in_every_form_graph_may_send() {
        for text in ["0x87D1041C", "0x87d1041c", "87D1041C", "-2016345060", "2278622236", " 0X87D1041C "] {
            assert_eq!(normalise_code(text), Some(0x87D1041C), "{text}");
        }
        assert_eq!(normalise_code("80070643"), Some(0x80070643), "eight digits are Intune's hexadecimal");
        assert_eq!(normalise_code("0"), Some(0));
        assert_eq!(normalise_code("1603"), Some(1603));
        for text in ["", "abc", "0xZZ", "99999999999", "-99999999999", "<script>"] {
            assert_eq!(normalise_code(text), None, "{text}");
        }
        assert_eq!(hex(0x87D1041C), "0x87D1041C");
        assert_eq!(hex(1603), "0x00000643");
    }

    fn events(json: &str) -> Vec<AppTroubleshootingEvent> {
        decode_page::<AppTroubleshootingEvent>(json).expect("a page").items
    }

    #[test]
    fn the_latest_failing_step_of_each_app_on_each_device_is_kept() {
        let page = events(
            r#"{"value":[
                {"id":"e1","managedDeviceIdentifier":"D1","applicationId":"A1","history":[
                    {"occurrenceDateTime":"2026-11-01T00:00:00Z","runState":"success"},
                    {"occurrenceDateTime":"2026-11-02T00:00:00Z","runState":"fail","errorCode":"0x87D1041C",
                     "troubleshootingErrorDetails":{"failureDetails":"from Intune"}}]},
                {"id":"e2","managedDeviceIdentifier":"d1","applicationId":"a1","history":[
                    {"occurrenceDateTime":"2026-11-03T00:00:00Z","runState":"fail","errorCode":-942583886}]},
                {"id":"e3","managedDeviceIdentifier":"d2","applicationId":"a1","history":[
                    {"occurrenceDateTime":"2026-11-03T00:00:00Z","runState":"success","errorCode":"0"}]}
            ]}"#,
        );
        let failures = latest_failures(&page);
        let d1 = &failures[&("d1".to_string(), "a1".to_string())];
        assert_eq!((d1.raw.as_str(), d1.code), ("-942583886", Some(0xC7D14FB2)), "the newer step wins");
        assert!(!failures.contains_key(&("d2".to_string(), "a1".to_string())), "a zero code is no failure");
    }

    #[test]
    fn a_code_is_explained_from_its_platforms_table_or_shown_as_not_in_it() {
        let failure = |raw: &str| AppFailure { raw: raw.into(), code: normalise_code(raw), at: None, details: None };
        let known = failure("0x87D1041C");
        let android = known.explain(AppPlatform::Android);
        let windows = known.explain(AppPlatform::Windows);
        assert!(matches!(android, Explanation::Known(e) if e.platform == AppPlatform::Android));
        assert!(matches!(windows, Explanation::Known(e) if e.platform == AppPlatform::Windows));
        assert_eq!(failure("0x80070643").explain(AppPlatform::Windows), Explanation::NotInCatalogue(0x80070643));
        assert_eq!(failure("<b>").explain(AppPlatform::Ios), Explanation::Unreadable);
    }

    #[test]
    fn failed_apps_carry_their_device_platform_and_latest_failure() {
        let states = decode_page::<MobileAppIntentAndState>(
            r#"{"value":[{"managedDeviceIdentifier":"d1","mobileAppList":[
                {"applicationId":"A1","displayName":"VPN","installState":"failed"},
                {"applicationId":"a2","displayName":"Mail","installState":"installed"}]}]}"#,
        )
        .unwrap()
        .items;
        let devices =
            decode_page::<ManagedDevice>(r#"{"value":[{"id":"D1","deviceName":"Tab","operatingSystem":"Android"}]}"#)
                .unwrap()
                .items;
        let history = events(
            r#"{"value":[{"id":"e","managedDeviceIdentifier":"d1","applicationId":"a1","history":[{"runState":"fail","errorCode":"0xC7D14FB2"}]}]}"#,
        );
        let failed = failed_apps(&states, &devices, &history);
        assert_eq!(failed.len(), 1);
        assert_eq!(
            (failed[0].name.as_str(), failed[0].device.as_str(), failed[0].platform),
            ("VPN", "Tab", AppPlatform::Android)
        );
        assert_eq!(failed[0].failure.as_ref().and_then(|f| f.code), Some(0xC7D14FB2));
        assert_eq!(failed_apps(&states, &[], &[])[0].failure, None, "no history: failed without a code");
    }

    #[test]
    fn failed_and_pending_apps_come_first() {
        let mut states = [
            Some(InstallState::Installed),
            Some(InstallState::PendingInstall),
            None,
            Some(InstallState::Failed),
            Some(InstallState::NotApplicable),
            Some(InstallState::UninstallFailed),
        ];
        states.sort_by_key(|s| attention_rank(s.as_ref()));
        assert_eq!(
            states[..3],
            [Some(InstallState::Failed), Some(InstallState::UninstallFailed), Some(InstallState::PendingInstall)]
        );
        assert_eq!(states.last(), Some(&Some(InstallState::NotApplicable)));
    }

    #[test]
    fn the_most_common_known_cause_is_named_with_its_count() {
        let failure = |raw: &str| AppFailure { raw: raw.into(), code: normalise_code(raw), at: None, details: None };
        let (a, b, c, d) = (failure("0xC7D14FB2"), failure("-942583886"), failure("0x87D1041C"), failure("0x1"));
        let list = [
            (AppPlatform::Android, &a),
            (AppPlatform::Windows, &c),
            (AppPlatform::Android, &b),
            (AppPlatform::Ios, &d),
        ];
        let (entry, count) = most_common_cause(list.into_iter()).expect("a cause");
        assert_eq!((entry.code, count), (0xC7D14FB2, 2));
        assert!(most_common_cause([(AppPlatform::Ios, &d)].into_iter()).is_none(), "an unknown code names no cause");
    }
}
