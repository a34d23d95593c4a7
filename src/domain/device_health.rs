//! One device's health as an operator reads it: how long since it checked in, whether Intune and
//! Entra ID agree about it, and what its remote actions and deployments say, newest first.

use time::OffsetDateTime;

use crate::graph::models::{
    AutopilotEvent, ComplianceState, DeviceActionResult, EntraDevice, ManagedDevice, Timestamp,
};

/// A device that has not checked in for a week is worth a word: Intune expects a check-in about
/// every eight hours, and policies and apps wait for the next one.
pub const STALE_AFTER_DAYS: i64 = 7;

/// Whole days from `then` to `now`; `None` when the time did not parse.
pub fn days_since(then: Option<&Timestamp>, now: OffsetDateTime) -> Option<i64> {
    match then? {
        Timestamp::At(at) => Some((now - *at).whole_days().max(0)),
        Timestamp::Unparsed(_) => None,
    }
}

/// Days since the last check-in, when that is long enough to warn about.
pub fn stale_days(device: &ManagedDevice, now: OffsetDateTime) -> Option<i64> {
    days_since(device.last_sync_date_time.as_ref(), now).filter(|days| *days >= STALE_AFTER_DAYS)
}

/// Intune marks "no end to the grace period" with the year 9999.
pub fn grace_period_end(device: &ManagedDevice) -> Option<&Timestamp> {
    device.compliance_grace_period_expiration_date_time.as_ref().filter(|end| match end {
        Timestamp::At(at) => at.year() < 9999,
        Timestamp::Unparsed(_) => true,
    })
}

/// Free storage as a share of the total, in percent.
pub fn free_storage_percent(device: &ManagedDevice) -> Option<u8> {
    let total = device.total_storage_space_in_bytes.filter(|t| *t > 0)?;
    let free = device.free_storage_space_in_bytes?.clamp(0, total);
    Some(((free as f64 / total as f64) * 100.0).round() as u8)
}

/// What the Entra record says against Intune: what Conditional Access reads is Entra's side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntraFinding {
    /// Intune knows no Entra id for the device, or Entra has no object for it.
    Missing,
    /// The Entra object is disabled: the device cannot sign in, whatever Intune says.
    Disabled,
    /// The compliance flags differ.
    ComplianceDiffers { intune_compliant: bool, entra_compliant: bool },
    /// Entra does not see the device as managed although Intune manages it.
    NotManaged,
}

/// Where the two records disagree; nothing when they agree. A flag Entra leaves out is not a
/// disagreement (it cannot be told).
pub fn entra_findings(device: &ManagedDevice, entra: Option<&EntraDevice>) -> Vec<EntraFinding> {
    let Some(entra) = entra else { return vec![EntraFinding::Missing] };
    let mut findings = Vec::new();
    if entra.account_enabled == Some(false) {
        findings.push(EntraFinding::Disabled);
    }
    let intune_compliant = match device.compliance_state {
        Some(ComplianceState::Compliant) => Some(true),
        Some(ComplianceState::Noncompliant) => Some(false),
        _ => None,
    };
    if let (Some(intune_compliant), Some(entra_compliant)) = (intune_compliant, entra.is_compliant) {
        if intune_compliant != entra_compliant {
            findings.push(EntraFinding::ComplianceDiffers { intune_compliant, entra_compliant });
        }
    }
    if entra.is_managed == Some(false) {
        findings.push(EntraFinding::NotManaged);
    }
    findings
}

fn newest_first<T>(items: &mut [T], when: impl Fn(&T) -> Option<&Timestamp>) {
    items.sort_by_key(|item| std::cmp::Reverse(when(item).map_or(i128::MIN, Timestamp::sort_key)));
}

/// Remote actions, the latest change first.
pub fn recent_actions(device: &ManagedDevice) -> Vec<DeviceActionResult> {
    let mut actions = device.device_action_results.clone();
    newest_first(&mut actions, |a| a.last_updated_date_time.as_ref().or(a.start_date_time.as_ref()));
    actions
}

/// Deployments, the latest first.
pub fn recent_deployments(events: &[AutopilotEvent]) -> Vec<AutopilotEvent> {
    let mut events = events.to_vec();
    newest_first(&mut events, |e| e.event_date_time.as_ref());
    events
}

/// An ISO 8601 duration as Graph sends it (`PT3M21.5S`, `P1DT2H`), in whole seconds; `None`
/// for a text that is not one (a negative one included: some deployments report them).
pub fn duration_seconds(text: &str) -> Option<u64> {
    let rest = text.trim().strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((days, time)) => (days, time),
        None => (rest, ""),
    };
    let mut seconds = 0.0;
    let mut add = |part: &str, units: &[(char, f64)]| -> Option<()> {
        let mut number = String::new();
        for c in part.chars() {
            match units.iter().find(|(unit, _)| *unit == c) {
                Some((_, factor)) => {
                    seconds += number.parse::<f64>().ok().filter(|n| *n >= 0.0)? * factor;
                    number.clear();
                }
                None if c.is_ascii_digit() || c == '.' => number.push(c),
                None => return None,
            }
        }
        number.is_empty().then_some(())
    };
    add(days, &[('W', 604_800.0), ('D', 86_400.0)])?;
    add(time, &[('H', 3_600.0), ('M', 60.0), ('S', 1.0)])?;
    Some(seconds.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::models::decode_one;

    fn device(json: &str) -> ManagedDevice {
        decode_one(json).expect("a device")
    }

    fn entra(json: &str) -> EntraDevice {
        decode_one(json).expect("an Entra device")
    }

    fn at(text: &str) -> OffsetDateTime {
        match Timestamp::parse(text) {
            Timestamp::At(at) => at,
            Timestamp::Unparsed(_) => panic!("a time"),
        }
    }

    #[test]
    fn a_device_is_stale_after_a_week_without_check_in() {
        let now = at("2026-12-01T12:00:00Z");
        let seen = |when: &str| device(&format!(r#"{{"id":"d","lastSyncDateTime":"{when}"}}"#));
        assert_eq!(stale_days(&seen("2026-11-19T11:00:00Z"), now), Some(12));
        assert_eq!(stale_days(&seen("2026-11-25T12:00:00Z"), now), None, "six days is not stale");
        assert_eq!(stale_days(&seen("not a date"), now), None, "an unreadable time is not called stale");
        assert_eq!(stale_days(&seen("2026-12-02T12:00:00Z"), now), None, "a clock ahead is not negative");
    }

    #[test]
    fn the_year_9999_means_no_grace_period() {
        let end = |when: &str| device(&format!(r#"{{"id":"d","complianceGracePeriodExpirationDateTime":"{when}"}}"#));
        assert!(grace_period_end(&end("9999-12-31T23:59:59Z")).is_none());
        assert!(grace_period_end(&end("2026-12-03T00:00:00Z")).is_some());
    }

    #[test]
    fn free_storage_is_a_share_of_the_total() {
        let d = device(r#"{"id":"d","totalStorageSpaceInBytes":200,"freeStorageSpaceInBytes":50}"#);
        assert_eq!(free_storage_percent(&d), Some(25));
        assert_eq!(free_storage_percent(&device(r#"{"id":"d","totalStorageSpaceInBytes":0}"#)), None);
        let more_free_than_total = device(r#"{"id":"d","totalStorageSpaceInBytes":10,"freeStorageSpaceInBytes":50}"#);
        assert_eq!(free_storage_percent(&more_free_than_total), Some(100));
    }

    #[test]
    fn entra_and_intune_disagreeing_is_called_out() {
        let compliant = device(r#"{"id":"d","complianceState":"compliant"}"#);
        let record = entra(r#"{"id":"e","accountEnabled":true,"isCompliant":false,"isManaged":true}"#);
        assert_eq!(
            entra_findings(&compliant, Some(&record)),
            [EntraFinding::ComplianceDiffers { intune_compliant: true, entra_compliant: false }]
        );
        let agreeing = entra(r#"{"id":"e","accountEnabled":true,"isCompliant":true,"isManaged":true}"#);
        assert!(entra_findings(&compliant, Some(&agreeing)).is_empty());
        let disabled = entra(r#"{"id":"e","accountEnabled":false,"isCompliant":true,"isManaged":false}"#);
        assert_eq!(entra_findings(&compliant, Some(&disabled)), [EntraFinding::Disabled, EntraFinding::NotManaged]);
        assert_eq!(entra_findings(&compliant, None), [EntraFinding::Missing]);
        let grace = device(r#"{"id":"d","complianceState":"inGracePeriod"}"#);
        assert!(entra_findings(&grace, Some(&record)).is_empty(), "a state that is neither is not compared");
        let silent = entra(r#"{"id":"e"}"#);
        assert!(entra_findings(&compliant, Some(&silent)).is_empty(), "missing flags are not a disagreement");
    }

    #[test]
    fn durations_are_read_from_iso_8601() {
        assert_eq!(duration_seconds("PT42M"), Some(2520));
        assert_eq!(duration_seconds("PT3M21.5S"), Some(202));
        assert_eq!(duration_seconds("P1DT2H"), Some(93_600));
        assert_eq!(duration_seconds("-PT5M"), None, "a negative duration is not shown as one");
        assert_eq!(duration_seconds("PT-5M"), None);
        assert_eq!(duration_seconds("42 minutes"), None);
        assert_eq!(duration_seconds("PT5X"), None);
    }

    #[test]
    fn actions_come_newest_first_and_undated_last() {
        let d = device(
            r#"{"id":"d","deviceActionResults":[
                {"actionName":"old","lastUpdatedDateTime":"2026-11-01T00:00:00Z"},
                {"actionName":"undated"},
                {"actionName":"new","startDateTime":"2026-11-30T00:00:00Z"}]}"#,
        );
        let names: Vec<_> = recent_actions(&d).into_iter().filter_map(|a| a.action_name).collect();
        assert_eq!(names, ["new", "old", "undated"]);
    }
}
