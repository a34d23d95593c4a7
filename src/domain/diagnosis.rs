//! The diagnosis of one user: every problem the loaded sections show, ranked by how likely it
//! is the reason for the call and how much it blocks, each with the problems it explains
//! grouped under it ("no licence" explains the enrollment failures that followed). Plain data:
//! the words are the view's (`components/findings.rs`).

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use time::OffsetDateTime;

use super::app_install::{failed_apps, FailedApp};
use super::assignments::{ItemKind, Reach, Via};
use super::compliance::{failing_settings, DevicePolicy};
use super::device_health::{days_since, entra_findings, stale_days, EntraFinding};
use super::filter_rule::version_order;
use super::licence::{licence_state, LicenceState};
use super::remediation::{recognise, EnrollmentError};
use super::restrictions::{effective, kind, restriction_for, Kind, Platform};
use super::sign_ins::{device_of, outcome, refused_for_compliance, Outcome};
use crate::graph::models::{
    AppIntent, AppTroubleshootingEvent, ComplianceState, EnrollmentConfiguration, EntraDevice, LicenseDetails,
    ManagedDevice, MobileAppIntentAndState, SignIn, Timestamp, TroubleshootingEvent,
};

/// A section as the diagnosis sees it.
#[derive(Debug, Clone, Copy)]
pub enum Known<T> {
    Loading,
    Unreadable,
    Ready(T),
    /// Read, but some of its parts could not be (one device's records…): what is there is used,
    /// and the section is still named as not fully read.
    Partial(T),
}

impl<T> Known<T> {
    /// The same knowledge of something taken from the value.
    pub fn map<'a, U>(&'a self, view: impl FnOnce(&'a T) -> U) -> Known<U> {
        match self {
            Known::Loading => Known::Loading,
            Known::Unreadable => Known::Unreadable,
            Known::Ready(value) => Known::Ready(view(value)),
            Known::Partial(value) => Known::Partial(view(value)),
        }
    }

    fn ready(&self) -> Option<&T> {
        match self {
            Known::Ready(value) | Known::Partial(value) => Some(value),
            Known::Loading | Known::Unreadable => None,
        }
    }
}

/// Where the diagnosis reads from, to say what is still loading or could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Licence,
    Devices,
    Compliance,
    Entra,
    SignIns,
    Apps,
    Enrollment,
    Failures,
    Assignments,
}

/// An item of the tenant that targets the user or one of their devices, but that an exclusion
/// group or an assignment filter keeps away (from the assignment engine).
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub item: String,
    pub kind: ItemKind,
    /// `None`: the user alone (app protection).
    pub device: Option<DeviceRef>,
    /// `Reach::Excluded` or `Reach::FilteredOut`.
    pub reach: Reach,
}

impl Gap {
    /// Whether a reach is one the user would not expect: assigned to them, yet kept away by an
    /// exclusion group, or by a filter on an assignment to a group they are in. A filter on All
    /// users or All devices is how a tenant narrows an item to some devices by design, and an
    /// app only made available is not expected on the device: neither is a problem.
    pub fn is_gap(reach: &Reach) -> bool {
        match reach {
            Reach::Excluded { .. } => true,
            Reach::FilteredOut { via: Via::UserGroup(..) | Via::DeviceGroup(..), intent, .. } => {
                matches!(intent, None | Some(AppIntent::Required))
            }
            _ => false,
        }
    }
}

/// What the diagnosis reads.
pub struct Facts<'a> {
    pub now: OffsetDateTime,
    pub licences: Known<&'a [LicenseDetails]>,
    /// Every page of them.
    pub devices: Known<&'a [ManagedDevice]>,
    /// The compliance policy states of the devices, with the user's settings (read only when a
    /// device is not compliant: `Ready(&[])` otherwise).
    pub compliance: Known<&'a [DevicePolicy]>,
    /// Managed device id → its Entra record (`None`: Entra has none); a device absent is unknown.
    pub entra: Known<&'a HashMap<String, Option<EntraDevice>>>,
    pub sign_ins: Known<&'a [SignIn]>,
    pub apps: Known<(&'a [MobileAppIntentAndState], &'a [AppTroubleshootingEvent])>,
    /// The restrictions, with the ids of every group the user is in.
    pub enrollment: Known<(&'a [EnrollmentConfiguration], &'a HashSet<String>)>,
    pub failures: Known<&'a RecentFailures>,
    pub gaps: Known<&'a [Gap]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRef {
    pub id: String,
    pub name: String,
}

impl DeviceRef {
    pub fn of(device: &ManagedDevice) -> DeviceRef {
        DeviceRef { id: device.id.clone(), name: device.device_name.clone().unwrap_or_else(|| device.id.clone()) }
    }
}

/// A setting that makes a compliance policy fail, with the value the device reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailingSetting {
    pub policy: String,
    pub setting: String,
    pub value: Option<String>,
}

/// One problem with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    NoLicence,
    LicenceNotProvisioned {
        sku: String,
        status: String,
    },
    /// `settings`: `None` while the policy states are not read.
    NotCompliant {
        device: DeviceRef,
        settings: Option<Vec<FailingSetting>>,
    },
    NotCheckedIn {
        device: DeviceRef,
        days: i64,
    },
    EntraDisagrees {
        device: DeviceRef,
        finding: EntraFinding,
    },
    /// The newest sign-in to an app failed (routine interrupts left out).
    SignInFailed {
        sign_in: Box<SignIn>,
        device: Option<DeviceRef>,
    },
    AppFailed(Box<FailedApp>),
    LimitReached {
        limit: i64,
        restriction: String,
        enrolled: usize,
    },
    /// One more enrollment reaches the limit: the one after it will fail.
    OneEnrollmentLeft {
        limit: i64,
        restriction: String,
        enrolled: usize,
    },
    PlatformBlocked {
        platform: Platform,
        restriction: String,
    },
    /// An enrolled device whose OS version the restriction that applies would refuse today:
    /// enrolling it again (after a reset) will fail.
    OsVersionRefused {
        device: DeviceRef,
        version: String,
        minimum: Option<String>,
        maximum: Option<String>,
        restriction: String,
    },
    /// Recent enrollment failures of one kind (`None`: not in the catalogue), the newest kept.
    EnrollmentFailures {
        error: Option<EnrollmentError>,
        count: usize,
        latest: Box<TroubleshootingEvent>,
    },
    NotReaching(Box<Gap>),
}

/// A problem, how much it weighs in the ranking, and the problems it explains.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub problem: Problem,
    pub weight: u8,
    pub explains: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagnosis {
    /// Heaviest first.
    pub findings: Vec<Finding>,
    pub loading: Vec<Source>,
    pub unreadable: Vec<Source>,
}

impl Diagnosis {
    /// Said only when every section was read and nothing was found.
    pub fn all_clear(&self) -> bool {
        self.findings.is_empty() && self.loading.is_empty() && self.unreadable.is_empty()
    }
}

/// How far back enrollment failures count as recent.
pub const RECENT_FAILURE_DAYS: i64 = 30;

/// Sign-in codes Entra logs as interrupts of a sign-in that then goes on (multifactor asked,
/// "stay signed in?", a device sign-in step): routine, not a problem, even when last.
const INTERRUPTS: [i64; 9] = [16000, 50058, 50072, 50074, 50076, 50079, 50097, 50125, 50140];

pub fn diagnose(facts: &Facts) -> Diagnosis {
    let mut diagnosis = Diagnosis::default();
    let statuses = [
        (Source::Licence, status(&facts.licences)),
        (Source::Devices, status(&facts.devices)),
        (Source::Compliance, status(&facts.compliance)),
        (Source::Entra, status(&facts.entra)),
        (Source::SignIns, status(&facts.sign_ins)),
        (Source::Apps, status(&facts.apps)),
        (Source::Enrollment, status(&facts.enrollment)),
        (Source::Failures, status(&facts.failures)),
        (Source::Assignments, status(&facts.gaps)),
    ];
    for (source, status) in statuses {
        match status {
            Status::Loading => diagnosis.loading.push(source),
            Status::Unreadable => diagnosis.unreadable.push(source),
            Status::Read => {}
        }
    }
    let problems: Vec<Problem> = [
        licence(facts),
        devices(facts),
        sign_ins(facts),
        apps(facts),
        enrollment(facts),
        failures(facts),
        facts.gaps.ready().map(|gaps| gaps.iter().cloned().map(|gap| Problem::NotReaching(Box::new(gap))).collect()),
    ]
    .into_iter()
    .flatten()
    .flatten()
    .collect();
    diagnosis.findings = rank(problems, facts.now);
    diagnosis
}

enum Status {
    Loading,
    Unreadable,
    Read,
}

fn status<T>(known: &Known<T>) -> Status {
    match known {
        Known::Loading => Status::Loading,
        Known::Unreadable | Known::Partial(_) => Status::Unreadable,
        Known::Ready(_) => Status::Read,
    }
}

fn licence(facts: &Facts) -> Option<Vec<Problem>> {
    Some(match licence_state(facts.licences.ready()?) {
        LicenceState::Licensed { .. } => vec![],
        LicenceState::NotLicensed => vec![Problem::NoLicence],
        LicenceState::ProvisioningError { sku, status } => vec![Problem::LicenceNotProvisioned { sku, status }],
    })
}

fn devices(facts: &Facts) -> Option<Vec<Problem>> {
    let devices = facts.devices.ready()?;
    let mut problems = Vec::new();
    for device in devices.iter() {
        if device.compliance_state == Some(ComplianceState::Noncompliant) {
            let settings = facts.compliance.ready().map(|policies| {
                policies
                    .iter()
                    .filter(|p| p.device_id == device.id)
                    .flat_map(|p| {
                        let policy = p.policy.display_name.clone().unwrap_or_else(|| p.policy.id.clone());
                        failing_settings(&p.policy).into_iter().map(move |s| FailingSetting {
                            policy: policy.clone(),
                            setting: s.setting_name.clone().or(s.setting.clone()).unwrap_or_default(),
                            value: s.current_value.clone(),
                        })
                    })
                    .collect()
            });
            problems.push(Problem::NotCompliant { device: DeviceRef::of(device), settings });
        }
        if let Some(days) = stale_days(device, facts.now) {
            problems.push(Problem::NotCheckedIn { device: DeviceRef::of(device), days });
        }
        if let Some(Some(record)) = facts.entra.ready().map(|entra| entra.get(&device.id)) {
            problems.extend(
                entra_findings(device, record.as_ref())
                    .into_iter()
                    .map(|finding| Problem::EntraDisagrees { device: DeviceRef::of(device), finding }),
            );
        }
    }
    Some(problems)
}

fn sign_ins(facts: &Facts) -> Option<Vec<Problem>> {
    let sign_ins = facts.sign_ins.ready()?;
    let devices = facts.devices.ready().copied().unwrap_or_default();
    // The newest sign-in to each app: an app the user signed in to again since is fine.
    let mut newest: HashMap<&str, &SignIn> = HashMap::new();
    for sign_in in sign_ins.iter() {
        let app = sign_in.app_display_name.as_deref().unwrap_or_default();
        let newer =
            newest.get(app).is_none_or(|seen| time_key(&sign_in.created_date_time) > time_key(&seen.created_date_time));
        if newer {
            newest.insert(app, sign_in);
        }
    }
    let mut failed: Vec<&SignIn> = newest
        .into_values()
        .filter(|s| match outcome(s) {
            Outcome::Success => false,
            _ => !INTERRUPTS.contains(&s.status.as_ref().and_then(|x| x.error_code).unwrap_or_default()),
        })
        .collect();
    failed.sort_by_key(|s| std::cmp::Reverse(time_key(&s.created_date_time)));
    Some(
        failed
            .into_iter()
            .map(|s| Problem::SignInFailed {
                sign_in: Box::new(s.clone()),
                device: device_of(s, devices).map(DeviceRef::of),
            })
            .collect(),
    )
}

fn apps(facts: &Facts) -> Option<Vec<Problem>> {
    let (apps, events) = facts.apps.ready()?;
    let devices = facts.devices.ready().copied().unwrap_or_default();
    Some(failed_apps(apps, devices, events).into_iter().map(|app| Problem::AppFailed(Box::new(app))).collect())
}

fn enrollment(facts: &Facts) -> Option<Vec<Problem>> {
    let (configs, groups) = facts.enrollment.ready()?;
    let devices = facts.devices.ready()?;
    let applies = effective(configs, groups);
    let name = |config: &EnrollmentConfiguration| config.display_name.clone().unwrap_or_else(|| config.id.clone());
    let tried = facts.failures.ready().into_iter().flat_map(|failures| failures.tried.iter().copied());
    let used: HashSet<Platform> = devices
        .iter()
        .flat_map(|d| restriction_platforms(d.operating_system.as_deref()).iter().copied())
        .chain(tried)
        .collect();
    let mut problems = Vec::new();
    if let Some(applied) = &applies.limit {
        if let Kind::Limit(Some(limit)) = kind(applied.config) {
            let enrolled = devices.len();
            let restriction = name(applied.config);
            if enrolled as i64 >= limit {
                problems.push(Problem::LimitReached { limit, restriction, enrolled });
            } else if enrolled as i64 + 1 == limit {
                problems.push(Problem::OneEnrollmentLeft { limit, restriction, enrolled });
            }
        }
    }
    for (platform, applied) in &applies.platforms {
        let Some(applied) = applied else { continue };
        let Some(rule) = restriction_for(applied.config, *platform) else { continue };
        if rule.platform_blocked == Some(true) {
            // A platform the tenant blocks on purpose is a problem only for a user who has or
            // tried a device of it.
            if used.contains(platform) {
                problems.push(Problem::PlatformBlocked { platform: *platform, restriction: name(applied.config) });
            }
            continue;
        }
        let (minimum, maximum) = (rule.os_minimum_version.clone(), rule.os_maximum_version.clone());
        for device in
            devices.iter().filter(|d| restriction_platforms(d.operating_system.as_deref()).first() == Some(platform))
        {
            let Some(version) = device.os_version.clone() else { continue };
            let below = minimum.as_deref().and_then(|min| version_order(&version, min)) == Some(Ordering::Less);
            let above = maximum.as_deref().and_then(|max| version_order(&version, max)) == Some(Ordering::Greater);
            if below || above {
                problems.push(Problem::OsVersionRefused {
                    device: DeviceRef::of(device),
                    version,
                    minimum: minimum.clone(),
                    maximum: maximum.clone(),
                    restriction: name(applied.config),
                });
            }
        }
    }
    Some(problems)
}

/// The restriction platforms an operating system enrolls as (Android either way: the device
/// administrator or the work profile).
fn restriction_platforms(os: Option<&str>) -> &'static [Platform] {
    // Without allocating: called for each of a user's failures (50,000 in a large tenant).
    let os = os.unwrap_or_default();
    let is = |names: &[&str]| names.iter().any(|name| os.eq_ignore_ascii_case(name));
    if is(&["ios", "ipados"]) {
        &[Platform::Ios]
    } else if is(&["android", "androidforwork", "androidenterprise"]) {
        &[Platform::Android, Platform::AndroidForWork]
    } else if is(&["windows"]) {
        &[Platform::Windows]
    } else if is(&["macos", "mac os", "macmdm"]) {
        &[Platform::Mac]
    } else {
        &[]
    }
}

/// A user's recent enrollment failures summed up: worked out once for a list of failures (50,000
/// in a large tenant), not at each new section of the findings.
#[derive(Debug, Clone, Default)]
pub struct RecentFailures {
    /// Each kind (`None`: not in the catalogue), in the order first seen: how many, the newest.
    kinds: Vec<(Option<EnrollmentError>, usize, TroubleshootingEvent)>,
    /// The platforms they tried to enroll.
    tried: HashSet<Platform>,
}

impl RecentFailures {
    pub fn of(events: &[TroubleshootingEvent], now: OffsetDateTime) -> RecentFailures {
        let mut kinds: Vec<(Option<EnrollmentError>, usize, &TroubleshootingEvent)> = Vec::new();
        let mut tried = HashSet::new();
        let recent = events
            .iter()
            .filter(|e| days_since(e.event_date_time.as_ref(), now).is_some_and(|days| days <= RECENT_FAILURE_DAYS));
        for event in recent {
            tried.extend(restriction_platforms(event.operating_system.as_deref()));
            let error = recognise(event).map(|r| r.error());
            match kinds.iter_mut().find(|(known, _, _)| *known == error) {
                Some((_, count, latest)) => {
                    *count += 1;
                    if time_key(&event.event_date_time) > time_key(&latest.event_date_time) {
                        *latest = event;
                    }
                }
                None => kinds.push((error, 1, event)),
            }
        }
        let kinds = kinds.into_iter().map(|(error, count, latest)| (error, count, latest.clone())).collect();
        RecentFailures { kinds, tried }
    }
}

fn failures(facts: &Facts) -> Option<Vec<Problem>> {
    Some(
        facts
            .failures
            .ready()?
            .kinds
            .iter()
            .map(|(error, count, latest)| Problem::EnrollmentFailures {
                error: *error,
                count: *count,
                latest: Box::new(latest.clone()),
            })
            .collect(),
    )
}

fn time_key(at: &Option<Timestamp>) -> i128 {
    at.as_ref().map_or(i128::MIN, Timestamp::sort_key)
}

/// How much a problem blocks: 4 nothing works, 3 access or enrollment refused, 2 one thing
/// fails, 1 a risk or a surprise.
fn blocks(problem: &Problem) -> u8 {
    match problem {
        Problem::NoLicence | Problem::LicenceNotProvisioned { .. } => 4,
        Problem::NotCompliant { .. } | Problem::SignInFailed { .. } | Problem::LimitReached { .. } => 3,
        Problem::EntraDisagrees {
            finding: EntraFinding::Disabled | EntraFinding::ComplianceDiffers { .. }, ..
        } => 3,
        Problem::EntraDisagrees { .. } | Problem::AppFailed(_) | Problem::EnrollmentFailures { .. } => 2,
        Problem::PlatformBlocked { .. } => 2,
        Problem::OneEnrollmentLeft { .. }
        | Problem::OsVersionRefused { .. }
        | Problem::NotCheckedIn { .. }
        | Problem::NotReaching(_) => 1,
    }
}

/// When a problem happened, for what happens at a time; `None` for a state that holds now.
fn happened_at(problem: &Problem) -> Option<Option<&Timestamp>> {
    match problem {
        Problem::SignInFailed { sign_in, .. } => Some(sign_in.created_date_time.as_ref()),
        Problem::AppFailed(app) => Some(app.failure.as_ref().and_then(|f| f.at.as_ref())),
        Problem::EnrollmentFailures { latest, .. } => Some(latest.event_date_time.as_ref()),
        _ => None,
    }
}

/// How likely it is the reason for the call: a state that holds now, or an event by its age.
fn recency(problem: &Problem, now: OffsetDateTime) -> u8 {
    match happened_at(problem) {
        None => 4,
        Some(at) => match days_since(at, now) {
            Some(0..=1) => 5,
            Some(2..=7) => 3,
            Some(8..=RECENT_FAILURE_DAYS) => 1,
            _ => 0,
        },
    }
}

pub fn weight(problem: &Problem, now: OffsetDateTime) -> u8 {
    blocks(problem) * 10 + recency(problem, now)
}

/// Whether `cause` explains `effect`.
fn explains(cause: &Problem, effect: &Problem) -> bool {
    use EnrollmentError::{DeviceCapReached, DevicePlatformBlocked, UserNotRecognizedOrLicensed};
    match (cause, effect) {
        (Problem::NoLicence | Problem::LicenceNotProvisioned { .. }, Problem::EnrollmentFailures { error, .. }) => {
            *error == Some(UserNotRecognizedOrLicensed)
        }
        (Problem::NoLicence | Problem::LicenceNotProvisioned { .. }, Problem::AppFailed(_)) => true,
        (Problem::LimitReached { .. }, Problem::EnrollmentFailures { error, .. }) => *error == Some(DeviceCapReached),
        (Problem::PlatformBlocked { platform, .. }, Problem::EnrollmentFailures { error, latest, .. }) => {
            *error == Some(DevicePlatformBlocked)
                && restriction_platforms(latest.operating_system.as_deref()).contains(platform)
        }
        (
            Problem::NotCompliant { device, .. }
            | Problem::EntraDisagrees {
                device,
                finding: EntraFinding::ComplianceDiffers { .. } | EntraFinding::Disabled,
            },
            Problem::SignInFailed { sign_in, device: Some(from) },
        ) => refused_for_compliance(sign_in) && from.id == device.id,
        _ => false,
    }
}

/// Groups each problem under the first cause that explains it, then ranks the groups by their
/// heaviest member (then by how much each explains, then in the order the rules found them).
fn rank(problems: Vec<Problem>, now: OffsetDateTime) -> Vec<Finding> {
    let is_effect = |problem: &Problem| problems.iter().any(|cause| explains(cause, problem));
    let cause_of: Vec<Option<usize>> = problems
        .iter()
        .map(|effect| problems.iter().position(|cause| explains(cause, effect) && !is_effect(cause)))
        .collect();
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for (index, problem) in problems.iter().enumerate() {
        if cause_of[index].is_none() {
            slot.insert(index, findings.len());
            findings
                .push((index, Finding { problem: problem.clone(), weight: weight(problem, now), explains: vec![] }));
        }
    }
    for (index, problem) in problems.into_iter().enumerate() {
        if let Some(&at) = cause_of[index].and_then(|cause| slot.get(&cause)) {
            let finding = &mut findings[at].1;
            finding.weight = finding.weight.max(weight(&problem, now));
            finding.explains.push(problem);
        }
    }
    // Among equals, the cause that explains most comes first.
    findings.sort_by_key(|(index, finding)| {
        (std::cmp::Reverse(finding.weight), std::cmp::Reverse(finding.explains.len()), *index)
    });
    findings.into_iter().map(|(_, finding)| finding).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::graph::models::PolicyState;

    const NOW_TEXT: &str = "2026-12-01T12:00:00Z";
    const INTUNE_A: &str = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5";

    fn now() -> OffsetDateTime {
        OffsetDateTime::parse(NOW_TEXT, &time::format_description::well_known::Rfc3339).unwrap()
    }

    fn from<T: serde::de::DeserializeOwned>(value: Value) -> T {
        serde_json::from_value(value).unwrap()
    }

    fn licensed() -> Vec<LicenseDetails> {
        from(
            json!([{"skuPartNumber": "EMS", "servicePlans": [{"servicePlanId": INTUNE_A, "servicePlanName": "INTUNE_A", "provisioningStatus": "Success"}]}]),
        )
    }

    fn device(id: &str, os: &str, version: &str, compliance: &str, synced: &str) -> ManagedDevice {
        from(json!({"id": id, "deviceName": format!("{id}-name"), "operatingSystem": os, "osVersion": version,
            "complianceState": compliance, "lastSyncDateTime": synced, "azureADDeviceId": format!("{id}-aad")}))
    }

    fn sign_in(app: &str, at: &str, code: i64, device: Option<&str>) -> SignIn {
        from(json!({"id": format!("{app}-{at}"), "appDisplayName": app, "createdDateTime": at,
            "status": {"errorCode": code}, "conditionalAccessStatus": if code == 53000 { "failure" } else { "notApplied" },
            "deviceDetail": {"deviceId": device.map(|d| format!("{d}-aad")).unwrap_or_default()}}))
    }

    fn failure(id: &str, reason: &str, os: &str, at: &str) -> TroubleshootingEvent {
        from(json!({"@odata.type": "#microsoft.graph.enrollmentTroubleshootingEvent", "id": id, "eventDateTime": at,
            "failureReason": reason, "operatingSystem": os, "failureCategory": "unknown"}))
    }

    fn limit(limit: i64) -> EnrollmentConfiguration {
        from(json!({"@odata.type": "#microsoft.graph.deviceEnrollmentLimitConfiguration", "id": "t_DefaultLimit",
            "displayName": "All users and all devices", "priority": 0, "limit": limit,
            "deviceEnrollmentConfigurationType": "defaultLimit",
            "assignments": [{"target": {"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}}]}))
    }

    fn platforms(ios: Value) -> EnrollmentConfiguration {
        let allowed = json!({"platformBlocked": false});
        from(json!({"@odata.type": "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration",
            "id": "t_DefaultPlatformRestrictions", "displayName": "Default platforms", "priority": 0,
            "deviceEnrollmentConfigurationType": "defaultPlatformRestrictions", "iosRestriction": ios,
            "androidRestriction": allowed, "androidForWorkRestriction": allowed, "windowsRestriction": allowed,
            "macOSRestriction": {"platformBlocked": true},
            "assignments": [{"target": {"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}}]}))
    }

    /// The data of a user with nothing wrong, every section read.
    struct Data {
        licences: Vec<LicenseDetails>,
        devices: Vec<ManagedDevice>,
        compliance: Vec<DevicePolicy>,
        entra: HashMap<String, Option<EntraDevice>>,
        sign_ins: Vec<SignIn>,
        apps: Vec<MobileAppIntentAndState>,
        events: Vec<AppTroubleshootingEvent>,
        configs: Vec<EnrollmentConfiguration>,
        groups: HashSet<String>,
        failures: RecentFailures,
        gaps: Vec<Gap>,
    }

    impl Data {
        fn well() -> Data {
            Data {
                licences: licensed(),
                devices: vec![device("phone", "iOS", "17.5", "compliant", "2026-12-01T08:00:00Z")],
                compliance: vec![],
                entra: HashMap::new(),
                sign_ins: vec![sign_in("Outlook", "2026-12-01T09:00:00Z", 0, Some("phone"))],
                apps: vec![],
                events: vec![],
                configs: vec![limit(5), platforms(json!({"platformBlocked": false}))],
                groups: HashSet::new(),
                failures: RecentFailures::default(),
                gaps: vec![],
            }
        }

        fn facts(&self) -> Facts<'_> {
            Facts {
                now: now(),
                licences: Known::Ready(&self.licences),
                devices: Known::Ready(&self.devices),
                compliance: Known::Ready(&self.compliance),
                entra: Known::Ready(&self.entra),
                sign_ins: Known::Ready(&self.sign_ins),
                apps: Known::Ready((&self.apps, &self.events)),
                enrollment: Known::Ready((&self.configs, &self.groups)),
                failures: Known::Ready(&self.failures),
                gaps: Known::Ready(&self.gaps),
            }
        }

        fn problems(&self) -> Vec<Problem> {
            diagnose(&self.facts()).findings.into_iter().map(|f| f.problem).collect()
        }
    }

    #[test]
    fn all_clear_only_when_every_section_was_read_and_nothing_found() {
        let data = Data::well();
        assert!(diagnose(&data.facts()).all_clear());
        let mut facts = data.facts();
        facts.sign_ins = Known::Loading;
        let diagnosis = diagnose(&facts);
        assert!(!diagnosis.all_clear(), "a section still loading is not called fine");
        assert_eq!(diagnosis.loading, [Source::SignIns]);
        let mut facts = data.facts();
        facts.entra = Known::Unreadable;
        facts.apps = Known::Partial((&data.apps, &data.events));
        let diagnosis = diagnose(&facts);
        assert!(!diagnosis.all_clear());
        assert_eq!(diagnosis.unreadable, [Source::Entra, Source::Apps], "a partly read section is named too");
    }

    #[test]
    fn no_licence_and_a_plan_not_provisioned() {
        let mut data = Data::well();
        data.licences = vec![];
        assert_eq!(data.problems(), [Problem::NoLicence]);
        data.licences = from(
            json!([{"skuPartNumber": "EMS", "servicePlans": [{"servicePlanId": INTUNE_A, "servicePlanName": "INTUNE_A", "provisioningStatus": "PendingProvisioning"}]}]),
        );
        assert_eq!(
            data.problems(),
            [Problem::LicenceNotProvisioned { sku: "EMS".into(), status: "PendingProvisioning".into() }]
        );
    }

    #[test]
    fn a_device_not_compliant_with_its_failing_settings_once_read() {
        let mut data = Data::well();
        data.devices = vec![device("laptop", "Windows", "10.0.22631", "noncompliant", "2026-12-01T08:00:00Z")];
        let mut facts = data.facts();
        facts.compliance = Known::Loading;
        assert_eq!(
            diagnose(&facts).findings[0].problem,
            Problem::NotCompliant {
                device: DeviceRef { id: "laptop".into(), name: "laptop-name".into() },
                settings: None
            }
        );
        let policy: PolicyState = from(json!({"id": "p", "displayName": "Windows baseline", "state": "nonCompliant",
            "settingStates": [{"settingName": "BitLocker", "state": "nonCompliant", "currentValue": "Off"},
                              {"settingName": "Firewall", "state": "compliant", "currentValue": "On"}]}));
        data.compliance = vec![DevicePolicy {
            device_id: "laptop".into(),
            device_name: "laptop-name".into(),
            policy,
            other_users_settings: 0,
        }];
        let Problem::NotCompliant { settings: Some(settings), .. } = &data.problems()[0] else { panic!() };
        assert_eq!(
            settings,
            &[FailingSetting {
                policy: "Windows baseline".into(),
                setting: "BitLocker".into(),
                value: Some("Off".into())
            }]
        );
    }

    #[test]
    fn a_device_not_seen_for_a_week_and_entra_disagreeing() {
        let mut data = Data::well();
        data.devices.push(device("tablet", "Android", "14", "compliant", "2026-11-19T12:00:00Z"));
        let record: EntraDevice = from(
            json!({"id": "e", "deviceId": "phone-aad", "accountEnabled": false, "isCompliant": true, "isManaged": true}),
        );
        data.entra.insert("phone".into(), Some(record));
        let problems = data.problems();
        assert!(problems.contains(&Problem::NotCheckedIn {
            device: DeviceRef { id: "tablet".into(), name: "tablet-name".into() },
            days: 12
        }));
        assert!(problems.contains(&Problem::EntraDisagrees {
            device: DeviceRef { id: "phone".into(), name: "phone-name".into() },
            finding: EntraFinding::Disabled
        }));
        assert_eq!(problems.len(), 2, "the tablet, absent from the Entra records read, is not called missing");
        data.entra.insert("tablet".into(), None);
        assert!(data
            .problems()
            .iter()
            .any(|p| matches!(p, Problem::EntraDisagrees { finding: EntraFinding::Missing, .. })));
    }

    #[test]
    fn the_newest_sign_in_to_each_app_decides_and_interrupts_are_routine() {
        let mut data = Data::well();
        data.sign_ins = vec![
            sign_in("Outlook", "2026-12-01T08:00:00Z", 53003, None),
            sign_in("Outlook", "2026-12-01T09:00:00Z", 0, None),
            sign_in("Teams", "2026-12-01T10:00:00Z", 50074, None),
            sign_in("SharePoint", "2026-11-30T10:00:00Z", 53003, None),
        ];
        let problems = data.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        let Problem::SignInFailed { sign_in, .. } = &problems[0] else { panic!() };
        assert_eq!(sign_in.app_display_name.as_deref(), Some("SharePoint"));
    }

    #[test]
    fn a_failed_app_with_its_code() {
        let mut data = Data::well();
        data.apps = from(json!([{"managedDeviceIdentifier": "phone", "mobileAppList": [
            {"applicationId": "APP1", "displayName": "Contoso CRM", "installState": "failed"},
            {"applicationId": "app2", "displayName": "Teams", "installState": "installed"}]}]));
        data.events = from(json!([{"id": "1", "managedDeviceIdentifier": "phone", "applicationId": "app1",
            "history": [{"@odata.type": "#microsoft.graph.mobileAppTroubleshootingAppStateHistory", "occurrenceDateTime": "2026-12-01T07:00:00Z", "errorCode": "0x87D1041C"}]}]));
        let problems = data.problems();
        let [Problem::AppFailed(app)] = problems.as_slice() else { panic!("{problems:?}") };
        assert_eq!((app.name.as_str(), app.device_id.as_str(), app.app_id.as_str()), ("Contoso CRM", "phone", "app1"));
    }

    #[test]
    fn the_device_limit_reached_or_one_enrollment_away() {
        let mut data = Data::well();
        data.configs = vec![limit(1)];
        let restriction = "All users and all devices".to_string();
        assert_eq!(
            data.problems(),
            [Problem::LimitReached { limit: 1, restriction: restriction.clone(), enrolled: 1 }]
        );
        data.configs = vec![limit(2)];
        assert_eq!(data.problems(), [Problem::OneEnrollmentLeft { limit: 2, restriction, enrolled: 1 }]);
        data.configs = vec![limit(3)];
        assert!(data.problems().is_empty());
    }

    #[test]
    fn a_blocked_platform_counts_for_a_user_who_has_or_tried_it_and_an_os_outside_the_range() {
        let mut data = Data::well();
        assert!(data.problems().is_empty(), "macOS is blocked, but this user has no Mac");
        data.failures =
            RecentFailures::of(&[failure("f1", "DevicePlatformBlocked", "macOS", "2026-11-30T10:00:00Z")], now());
        let findings = diagnose(&data.facts()).findings;
        assert_eq!(findings.len(), 1, "the failure is explained by the blocked platform: {findings:?}");
        assert_eq!(
            findings[0].problem,
            Problem::PlatformBlocked { platform: Platform::Mac, restriction: "Default platforms".into() }
        );
        assert!(matches!(findings[0].explains[..], [Problem::EnrollmentFailures { count: 1, .. }]));
        data.failures = RecentFailures::default();
        data.configs = vec![limit(5), platforms(json!({"platformBlocked": false, "osMinimumVersion": "18.0"}))];
        assert_eq!(
            data.problems(),
            [Problem::OsVersionRefused {
                device: DeviceRef { id: "phone".into(), name: "phone-name".into() },
                version: "17.5".into(),
                minimum: Some("18.0".into()),
                maximum: None,
                restriction: "Default platforms".into()
            }]
        );
    }

    #[test]
    fn recent_enrollment_failures_are_counted_by_kind_the_newest_kept() {
        let mut data = Data::well();
        data.failures = RecentFailures::of(
            &[
                failure("old", "DeviceNotSupported", "iOS", "2026-09-01T10:00:00Z"),
                failure("a", "DeviceNotSupported", "iOS", "2026-11-28T10:00:00Z"),
                failure("b", "DeviceNotSupported", "iOS", "2026-11-30T10:00:00Z"),
                failure("c", "Something new", "iOS", "2026-11-29T10:00:00Z"),
            ],
            now(),
        );
        let problems = data.problems();
        let counts: Vec<(Option<EnrollmentError>, usize, &str)> = problems
            .iter()
            .map(|p| match p {
                Problem::EnrollmentFailures { error, count, latest } => (*error, *count, latest.id.as_str()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(counts, [(Some(EnrollmentError::DeviceNotSupported), 2, "b"), (None, 1, "c")]);
    }

    #[test]
    fn no_licence_explains_the_enrollment_failures_that_followed_and_comes_first() {
        let mut data = Data::well();
        data.licences = vec![];
        data.devices = vec![];
        data.failures = RecentFailures::of(
            &[
                failure("a", "UserNotLicensed", "iOS", "2026-12-01T10:00:00Z"),
                failure("b", "DeviceNotSupported", "Android", "2026-12-01T11:00:00Z"),
            ],
            now(),
        );
        let findings = diagnose(&data.facts()).findings;
        assert_eq!(findings[0].problem, Problem::NoLicence);
        assert!(matches!(
            findings[0].explains[..],
            [Problem::EnrollmentFailures { error: Some(EnrollmentError::UserNotRecognizedOrLicensed), .. }]
        ));
        assert_eq!(findings.len(), 2, "the unrelated failure stands on its own");
    }

    #[test]
    fn the_limit_explains_device_cap_failures_and_a_non_compliant_device_its_refused_sign_ins() {
        let mut data = Data::well();
        data.configs = vec![limit(1)];
        data.devices = vec![device("laptop", "Windows", "10.0.22631", "noncompliant", "2026-12-01T08:00:00Z")];
        data.failures = RecentFailures::of(&[failure("cap", "DeviceCapReached", "iOS", "2026-12-01T10:00:00Z")], now());
        data.sign_ins = vec![
            sign_in("Outlook", "2026-12-01T11:00:00Z", 53000, Some("laptop")),
            sign_in("Teams", "2026-12-01T11:00:00Z", 53000, Some("elsewhere")),
        ];
        let findings = diagnose(&data.facts()).findings;
        let cause = |wanted: fn(&Problem) -> bool| findings.iter().find(|f| wanted(&f.problem)).unwrap();
        let limit = cause(|p| matches!(p, Problem::LimitReached { .. }));
        assert!(matches!(
            limit.explains[..],
            [Problem::EnrollmentFailures { error: Some(EnrollmentError::DeviceCapReached), .. }]
        ));
        let laptop = cause(|p| matches!(p, Problem::NotCompliant { .. }));
        let [Problem::SignInFailed { sign_in, .. }] = &laptop.explains[..] else { panic!("{laptop:?}") };
        assert_eq!(sign_in.app_display_name.as_deref(), Some("Outlook"));
        assert!(
            findings.iter().any(|f| matches!(&f.problem, Problem::SignInFailed { sign_in, .. } if sign_in.app_display_name.as_deref() == Some("Teams"))),
            "a refusal from another device is not the laptop's"
        );
    }

    #[test]
    fn ranking_puts_what_blocks_most_and_what_just_happened_first() {
        let mut data = Data::well();
        data.devices.push(device("tablet", "Android", "14", "compliant", "2026-11-19T12:00:00Z"));
        data.failures = RecentFailures::of(
            &[
                failure("old", "DeviceNotSupported", "iOS", "2026-11-05T10:00:00Z"),
                failure("new", "EnrollmentAuthorizationFailure", "iOS", "2026-12-01T10:00:00Z"),
            ],
            now(),
        );
        data.sign_ins = vec![sign_in("Outlook", "2026-12-01T11:00:00Z", 53003, None)];
        data.licences = vec![];
        let findings = diagnose(&data.facts()).findings;
        let order: Vec<&str> = findings
            .iter()
            .map(|f| match &f.problem {
                Problem::NoLicence => "licence",
                Problem::SignInFailed { .. } => "sign-in",
                Problem::EnrollmentFailures { latest, .. } => latest.id.as_str(),
                Problem::NotCheckedIn { .. } => "stale",
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(order, ["licence", "sign-in", "new", "old", "stale"]);
        assert!(
            weight(&Problem::NoLicence, now())
                > weight(&Problem::LimitReached { limit: 1, restriction: String::new(), enrolled: 1 }, now())
        );
    }

    #[test]
    fn items_kept_away_from_the_user_are_findings() {
        let mut data = Data::well();
        let excluded =
            Reach::Excluded { group: "g".into(), path: crate::domain::assignments::Path::Nested, by_device: false };
        assert!(Gap::is_gap(&excluded));
        assert!(!Gap::is_gap(&Reach::NotAssigned));
        let filtered = |via: Via, intent: Option<AppIntent>| Reach::FilteredOut {
            via,
            intent,
            filter: crate::domain::assignments::FilterCheck {
                filter_id: "f".into(),
                mode: crate::graph::models::FilterMode::Include,
                result: crate::domain::assignments::FilterResult::NoMatch,
            },
        };
        let in_group = || Via::UserGroup("g".into(), crate::domain::assignments::Path::Direct);
        assert!(Gap::is_gap(&filtered(in_group(), Some(AppIntent::Required))));
        assert!(Gap::is_gap(&filtered(in_group(), None)), "a policy filtered out of a group's device");
        assert!(!Gap::is_gap(&filtered(in_group(), Some(AppIntent::Available))), "an available app is not expected");
        assert!(!Gap::is_gap(&filtered(Via::AllDevices, None)), "a filter on all devices narrows by design");
        data.gaps =
            vec![Gap { item: "Contoso VPN".into(), kind: ItemKind::Configuration, device: None, reach: excluded }];
        assert!(matches!(&data.problems()[..], [Problem::NotReaching(gap)] if gap.item == "Contoso VPN"));
    }
}
