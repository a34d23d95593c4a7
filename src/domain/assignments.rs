//! Why a policy, profile or app reaches a user and their device, and why not: its assignments
//! resolved against the groups they are in (directly or through nesting), All users and All
//! devices, exclusion groups, the platform, and assignment filters evaluated on what the portal
//! knows of the device.
//!
//! Intune's rules (Microsoft Learn, "Include and exclude app assignments", "Assignment filters:
//! troubleshoot"): an exclusion group wins over any inclusion; when several assignments reach a
//! device, one with an exclude-mode filter decides first (excluded if its rule matches), then
//! one without a filter, then include-mode filters (any match applies).

use std::collections::{HashMap, HashSet};

use super::filter_rule::{self, Evaluation, Fact, ParseError, Rule};
use crate::graph::models::{
    AppIntent, Assignable, AssignmentFilter, AssignmentTarget, FilterMode, ManagedDevice, OwnerType,
};

/// Whom an assignment targets, by its `@odata.type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    AllUsers,
    AllDevices,
    Group(String),
    ExcludedGroup(String),
    ConfigurationManagerCollection(String),
    /// A target type this portal does not know, as Graph named it.
    Unknown(String),
}

pub fn target(assignment: &AssignmentTarget) -> Target {
    match target_ref(assignment) {
        TargetRef::AllUsers => Target::AllUsers,
        TargetRef::AllDevices => Target::AllDevices,
        TargetRef::Group(id) => Target::Group(id.to_string()),
        TargetRef::ExcludedGroup(id) => Target::ExcludedGroup(id.to_string()),
        TargetRef::Collection(id) => Target::ConfigurationManagerCollection(id.to_string()),
        TargetRef::Unknown(raw) => Target::Unknown(raw.to_string()),
    }
}

/// Whether an assignment of the item can keep someone it targets away: an exclusion group or
/// an assignment filter (the only items the diagnosis resolves for what does not arrive).
pub fn can_keep_away(item: &Assignable) -> bool {
    item.assignments.iter().filter_map(|a| a.target.as_ref()).any(|t| {
        matches!(target_ref(t), TargetRef::ExcludedGroup(_)) || t.filter_id.as_deref().is_some_and(|id| !id.is_empty())
    })
}

/// [`Target`] borrowed from its assignment: resolving a whole catalogue allocates nothing for
/// the many items that do not reach the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TargetRef<'a> {
    AllUsers,
    AllDevices,
    Group(&'a str),
    ExcludedGroup(&'a str),
    Collection(&'a str),
    Unknown(&'a str),
}

fn target_ref(assignment: &AssignmentTarget) -> TargetRef<'_> {
    let group = assignment.group_id.as_deref().unwrap_or_default();
    match assignment.odata_type.as_deref().unwrap_or_default().trim_start_matches('#') {
        "microsoft.graph.allLicensedUsersAssignmentTarget" => TargetRef::AllUsers,
        "microsoft.graph.allDevicesAssignmentTarget" => TargetRef::AllDevices,
        "microsoft.graph.groupAssignmentTarget" => TargetRef::Group(group),
        "microsoft.graph.exclusionGroupAssignmentTarget" => TargetRef::ExcludedGroup(group),
        "microsoft.graph.configurationManagerCollectionAssignmentTarget" => {
            TargetRef::Collection(assignment.collection_id.as_deref().unwrap_or_default())
        }
        other => TargetRef::Unknown(other),
    }
}

/// The list of the tenant an item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Compliance,
    Configuration,
    SettingsCatalog,
    /// A settings-catalog policy made from an endpoint-security template.
    EndpointSecurity,
    App,
    AppProtection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    Windows,
    Ios,
    MacOs,
    Android,
    Linux,
}

/// A settings-catalog policy is endpoint security when its template family says so.
pub fn settings_kind(item: &Assignable) -> ItemKind {
    let family = item.template_reference.as_ref().and_then(|t| t.template_family.as_deref()).unwrap_or_default();
    if family.starts_with("endpointSecurity") {
        ItemKind::EndpointSecurity
    } else {
        ItemKind::SettingsCatalog
    }
}

fn platform_of_name(name: &str) -> Option<Platform> {
    let name = name.trim_start_matches('#').trim_start_matches("microsoft.graph.").to_ascii_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| name.starts_with(p));
    if starts(&["windows", "win32", "winget", "officesuite", "microsoftstore", "microsoftedge", "edgewindows"]) {
        Some(Platform::Windows)
    } else if starts(&["ios", "managedios", "ipados"]) {
        Some(Platform::Ios)
    } else if starts(&["macos", "mac"]) {
        Some(Platform::MacOs)
    } else if starts(&["android", "managedandroid", "aosp"]) {
        Some(Platform::Android)
    } else if starts(&["linux"]) {
        Some(Platform::Linux)
    } else {
        None
    }
}

/// The platforms an item is made for; `None` when it is for any (a web link) or the portal
/// cannot tell from its type.
pub fn item_platforms(item: &Assignable) -> Option<Vec<Platform>> {
    if let Some(flags) = item.platforms.as_deref() {
        let platforms: Vec<Platform> = flags.split(',').filter_map(|flag| platform_of_name(flag.trim())).collect();
        return (!platforms.is_empty()).then_some(platforms);
    }
    item.odata_type.as_deref().and_then(platform_of_name).map(|p| vec![p])
}

/// The device's platform, from the operating system Intune reports.
pub fn device_platform(device: &ManagedDevice) -> Option<Platform> {
    let os = device.operating_system.as_deref()?;
    let is = |names: &[&str]| names.iter().any(|name| os.eq_ignore_ascii_case(name));
    [
        (Platform::Windows, &["windows"][..]),
        (Platform::Ios, &["ios", "ipados"][..]),
        (Platform::MacOs, &["macos", "mac os x"][..]),
        (Platform::Android, &["android"][..]),
        (Platform::Linux, &["linux"][..]),
    ]
    .into_iter()
    .find_map(|(platform, names)| is(names).then_some(platform))
}

/// The groups of a user or a device, as far as the portal knows them.
#[derive(Debug, Clone, Copy)]
pub struct Membership<'a> {
    /// Every group, through nesting too.
    pub groups: &'a HashSet<String>,
    /// The groups it is a direct member of, when known.
    pub direct: Option<&'a HashSet<String>>,
}

impl Membership<'_> {
    fn path(&self, group: &str) -> Option<Path> {
        self.groups.contains(group).then(|| match self.direct {
            Some(direct) if direct.contains(group) => Path::Direct,
            Some(_) => Path::Nested,
            None => Path::Member,
        })
    }
}

/// How the user or device is in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    Direct,
    /// Through one or more nested groups.
    Nested,
    /// A member, directly or not (the direct memberships are not known).
    Member,
}

/// Who is checked: a user, and one of their devices when the question is about a device.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub user: Membership<'a>,
    pub device: Option<DeviceSubject<'a>>,
}

#[derive(Debug, Clone, Copy)]
pub struct DeviceSubject<'a> {
    pub device: &'a ManagedDevice,
    /// `None` while the device's groups are not known (not loaded, or no Entra record).
    pub groups: Option<Membership<'a>>,
}

/// What brought an assignment to the subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    AllUsers,
    AllDevices,
    UserGroup(String, Path),
    DeviceGroup(String, Path),
}

/// An assignment filter as checked for the subject.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterCheck {
    pub filter_id: String,
    pub mode: FilterMode,
    pub result: FilterResult,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FilterResult {
    /// The rule matches the device.
    Match,
    NoMatch,
    /// The rule depends on values the portal does not know for this device.
    CannotTell,
    /// The question is about the user alone: a filter is evaluated on a device.
    NoDevice,
    /// The assignment names a filter the tenant's list does not hold.
    Missing,
    /// The rule could not be read; it is reported, never guessed.
    Unreadable(ParseError),
}

/// Whether an item reaches the subject, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Reach {
    Applies {
        via: Via,
        intent: Option<AppIntent>,
        filter: Option<FilterCheck>,
    },
    /// Assigned to them, but an exclusion group they are in wins.
    Excluded {
        group: String,
        path: Path,
        by_device: bool,
    },
    /// Assigned to them, but the assignment filter leaves the device out.
    FilteredOut {
        via: Via,
        intent: Option<AppIntent>,
        filter: FilterCheck,
    },
    /// Assigned to them with a filter the portal cannot evaluate here.
    FilterUndecided {
        via: Via,
        intent: Option<AppIntent>,
        filter: FilterCheck,
    },
    /// Made for another platform than the device's.
    WrongPlatform {
        made_for: Vec<Platform>,
    },
    /// Assigned only to groups the subject is not in (named), or to devices only.
    OtherGroups {
        groups: Vec<String>,
        all_devices: bool,
    },
    /// Assigned to groups the subject may be in through the device, whose groups are not known.
    DeviceGroupsUnknown {
        groups: Vec<String>,
    },
    /// Assigned through targets the portal cannot resolve (a Configuration Manager collection…).
    UnknownTargets,
    NotAssigned,
}

impl Reach {
    /// The intent of the assignment that decided, for an app.
    pub fn intent(&self) -> Option<&AppIntent> {
        match self {
            Reach::Applies { intent, .. }
            | Reach::FilteredOut { intent, .. }
            | Reach::FilterUndecided { intent, .. } => intent.as_ref(),
            _ => None,
        }
    }

    /// An item the subject gets, or would get but for an exclusion or a filter: what the
    /// assignments view lists.
    pub fn is_targeted(&self) -> bool {
        matches!(
            self,
            Reach::Applies { .. } | Reach::Excluded { .. } | Reach::FilteredOut { .. } | Reach::FilterUndecided { .. }
        )
    }
}

/// The tenant's assignment filters, each rule parsed once.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// By lower-cased id.
    filters: HashMap<String, (AssignmentFilter, Result<Rule, ParseError>)>,
}

impl Filters {
    pub fn new(filters: Vec<AssignmentFilter>) -> Filters {
        let filters = filters
            .into_iter()
            .map(|filter| {
                let rule = filter_rule::parse(filter.rule.as_deref().unwrap_or_default());
                (filter.id.to_lowercase(), (filter, rule))
            })
            .collect();
        Filters { filters }
    }

    pub fn get(&self, id: &str) -> Option<&AssignmentFilter> {
        self.find(id).map(|(filter, _)| filter)
    }

    pub fn rule(&self, id: &str) -> Option<&Result<Rule, ParseError>> {
        self.find(id).map(|(_, rule)| rule)
    }

    fn find(&self, id: &str) -> Option<&(AssignmentFilter, Result<Rule, ParseError>)> {
        self.filters.get(&id.to_lowercase())
    }

    pub fn len(&self) -> usize {
        self.filters.len()
    }

    pub fn is_empty(&self) -> bool {
        self.filters.is_empty()
    }

    fn check(&self, target: &AssignmentTarget, device: Option<&ManagedDevice>) -> Option<FilterCheck> {
        let mode = target.filter_mode.clone().unwrap_or(FilterMode::NoFilter);
        let filter_id = target.filter_id.as_deref().filter(|id| !id.is_empty() && mode != FilterMode::NoFilter)?;
        let result = match (self.rule(filter_id), device) {
            (None, _) => FilterResult::Missing,
            (Some(Err(error)), _) => FilterResult::Unreadable(error.clone()),
            (Some(Ok(_)), None) => FilterResult::NoDevice,
            (Some(Ok(rule)), Some(device)) => match rule.evaluate(&|property| device_fact(device, property)) {
                Evaluation::Match => FilterResult::Match,
                Evaluation::NoMatch => FilterResult::NoMatch,
                Evaluation::CannotTell => FilterResult::CannotTell,
            },
        };
        Some(FilterCheck { filter_id: filter_id.to_string(), mode, result })
    }
}

/// A filter property's value on the device, as far as the user's device list tells it
/// (property names lower-cased, without `device.`). The others (enrollment profile, join type,
/// processor, SKU…) exist only in beta's device record: the portal says it cannot tell.
pub fn device_fact(device: &ManagedDevice, property: &str) -> Fact {
    let known = |value: Option<&String>| match value.map(|v| v.trim()) {
        Some("") => Fact::Null,
        Some(value) => Fact::Known(value.to_string()),
        None => Fact::Unknown,
    };
    match property {
        "devicename" => known(device.device_name.as_ref()),
        "manufacturer" => known(device.manufacturer.as_ref()),
        "model" => known(device.model.as_ref()),
        "osversion" | "operatingsystemversion" => known(device.os_version.as_ref()),
        "deviceownership" => match &device.managed_device_owner_type {
            Some(OwnerType::Company) => Fact::Known("Corporate".into()),
            Some(OwnerType::Personal) => Fact::Known("Personal".into()),
            _ => Fact::Unknown,
        },
        "devicecategory" => known(device.device_category_display_name.as_ref()),
        "isrooted" => match device.jail_broken.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("true") => Fact::Known("True".into()),
            Some("false") => Fact::Known("False".into()),
            _ => Fact::Unknown,
        },
        _ => Fact::Unknown,
    }
}

/// Whether `item`, made for `made_for` ([`item_platforms`], worked out once an item), reaches `subject`.
pub fn reach(item: &Assignable, made_for: Option<&[Platform]>, subject: &Subject, filters: &Filters) -> Reach {
    let device = subject.device.map(|d| d.device);
    if let (Some(made_for), Some(platform)) = (made_for, device.and_then(device_platform)) {
        if !made_for.contains(&platform) {
            return Reach::WrongPlatform { made_for: made_for.to_vec() };
        }
    }
    resolve(item.assignments.iter().filter_map(|a| a.target.as_ref().map(|t| (t, a.intent.as_ref()))), subject, filters)
}

/// What `targets` (with their apps' intents) decide for `subject`: exclusions, groups, All
/// users / All devices, filters. Policies, apps and enrollment restrictions share it.
pub fn resolve<'a, I>(targets: I, subject: &Subject, filters: &Filters) -> Reach
where
    I: Iterator<Item = (&'a AssignmentTarget, Option<&'a AppIntent>)> + Clone,
{
    let device = subject.device.map(|d| d.device);
    let device_groups = subject.device.and_then(|d| d.groups);
    let targets = || targets.clone().map(|(t, intent)| (target_ref(t), t, intent));
    // An exclusion group the user or the device is in wins over every inclusion.
    for (target, _, _) in targets() {
        if let TargetRef::ExcludedGroup(group) = target {
            if let Some(path) = subject.user.path(group) {
                return Reach::Excluded { group: group.to_string(), path, by_device: false };
            }
            if let Some(path) = device_groups.and_then(|m| m.path(group)) {
                return Reach::Excluded { group: group.to_string(), path, by_device: true };
            }
        }
    }
    let checked: Vec<(Via, Option<AppIntent>, Option<FilterCheck>)> = targets()
        .filter_map(|(target, raw, intent)| {
            let via = match target {
                TargetRef::AllUsers => Some(Via::AllUsers),
                TargetRef::AllDevices if device.is_some() => Some(Via::AllDevices),
                TargetRef::Group(group) => {
                    subject.user.path(group).map(|path| Via::UserGroup(group.to_string(), path)).or_else(|| {
                        device_groups.and_then(|m| m.path(group)).map(|path| Via::DeviceGroup(group.to_string(), path))
                    })
                }
                _ => None,
            };
            via.map(|via| (via, intent.cloned(), filters.check(raw, device)))
        })
        .collect();
    if checked.is_empty() {
        return not_reaching(targets().map(|(target, _, _)| target), subject);
    }
    decide(checked)
}

/// Intune's precedence among the assignments that reach a device: exclude-mode filters, then
/// no filter, then include-mode filters.
fn decide(checked: Vec<(Via, Option<AppIntent>, Option<FilterCheck>)>) -> Reach {
    let mode = |c: &Option<FilterCheck>| c.as_ref().map(|c| c.mode.clone());
    let excluding: Vec<_> = checked.iter().filter(|(_, _, c)| mode(c) == Some(FilterMode::Exclude)).collect();
    if !excluding.is_empty() {
        if let Some((via, intent, Some(filter))) = excluding.iter().find(|(_, _, c)| is(c, &FilterResult::Match)) {
            return Reach::FilteredOut { via: via.clone(), intent: intent.clone(), filter: filter.clone() };
        }
        if let Some((via, intent, Some(filter))) = excluding.iter().find(|(_, _, c)| !is(c, &FilterResult::NoMatch)) {
            return Reach::FilterUndecided { via: via.clone(), intent: intent.clone(), filter: filter.clone() };
        }
        let (via, intent, filter) = excluding[0].clone();
        return Reach::Applies { via, intent, filter };
    }
    if let Some((via, intent, _)) = checked.iter().find(|(_, _, c)| c.is_none()) {
        return Reach::Applies { via: via.clone(), intent: intent.clone(), filter: None };
    }
    if let Some((via, intent, filter)) = checked.iter().find(|(_, _, c)| is(c, &FilterResult::Match)) {
        return Reach::Applies { via: via.clone(), intent: intent.clone(), filter: filter.clone() };
    }
    match checked.iter().find(|(_, _, c)| !is(c, &FilterResult::NoMatch)) {
        Some((via, intent, Some(filter))) => {
            Reach::FilterUndecided { via: via.clone(), intent: intent.clone(), filter: filter.clone() }
        }
        _ => {
            let (via, intent, filter) = checked.into_iter().next().expect("an assignment reaches the subject");
            Reach::FilteredOut { via, intent, filter: filter.expect("every remaining assignment has a filter") }
        }
    }
}

fn is(check: &Option<FilterCheck>, result: &FilterResult) -> bool {
    check.as_ref().is_some_and(|c| &c.result == result)
}

fn not_reaching<'a>(targets: impl Iterator<Item = TargetRef<'a>>, subject: &Subject) -> Reach {
    let targets: Vec<TargetRef> = targets.collect();
    let groups: Vec<String> = targets
        .iter()
        .filter_map(|target| match target {
            TargetRef::Group(group) => Some(group.to_string()),
            _ => None,
        })
        .collect();
    let all_devices = targets.contains(&TargetRef::AllDevices);
    let device_groups_unknown = subject.device.is_some_and(|d| d.groups.is_none());
    if device_groups_unknown && !groups.is_empty() {
        return Reach::DeviceGroupsUnknown { groups };
    }
    if !groups.is_empty() || all_devices {
        return Reach::OtherGroups { groups, all_devices };
    }
    if targets.iter().any(|t| matches!(t, TargetRef::Collection(_) | TargetRef::Unknown(_))) {
        return Reach::UnknownTargets;
    }
    Reach::NotAssigned
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;

    fn item(value: Value) -> Assignable {
        serde_json::from_value(value).unwrap()
    }

    fn device(value: Value) -> ManagedDevice {
        let mut base = json!({"id": "d1", "operatingSystem": "Windows", "osVersion": "10.0.19045.4170",
            "manufacturer": "Microsoft", "model": "Surface Laptop 5", "managedDeviceOwnerType": "company"});
        base.as_object_mut().unwrap().extend(value.as_object().unwrap().clone());
        serde_json::from_value(base).unwrap()
    }

    fn group(id: &str) -> Value {
        json!({"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": id})
    }

    fn filtered(id: &str, filter: &str, mode: &str) -> Value {
        json!({"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": id,
            "deviceAndAppManagementAssignmentFilterId": filter, "deviceAndAppManagementAssignmentFilterType": mode})
    }

    fn excluded(id: &str) -> Value {
        json!({"@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": id})
    }

    fn all_users() -> Value {
        json!({"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"})
    }

    fn all_devices() -> Value {
        json!({"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"})
    }

    fn policy(odata_type: &str, targets: Vec<Value>) -> Assignable {
        item(json!({"id": "p", "@odata.type": odata_type, "displayName": "P",
            "assignments": targets.into_iter().map(|t| json!({"target": t})).collect::<Vec<_>>()}))
    }

    fn windows(targets: Vec<Value>) -> Assignable {
        policy("#microsoft.graph.windows10CompliancePolicy", targets)
    }

    fn set(ids: &[&str]) -> HashSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn filters() -> Filters {
        let filter = |id: &str, rule: &str| -> AssignmentFilter {
            serde_json::from_value(json!({"id": id, "displayName": id, "platform": "windows10AndLater", "rule": rule}))
                .unwrap()
        };
        Filters::new(vec![
            filter("win11", "(device.operatingSystemVersion -ge 10.0.22631)"),
            filter("surface", r#"(device.model -startsWith "Surface")"#),
            filter("profile", r#"(device.enrollmentProfileName -eq "Autopilot")"#),
            filter("broken", r#"(device.model -match "x")"#),
        ])
    }

    /// `reach` for a user in `user_groups` (`direct` of them directly) on `device`, whose groups are `device_groups`.
    fn check(item: &Assignable, user_groups: &[&str], direct: &[&str], device_groups: Option<&[&str]>) -> Reach {
        let laptop = device(json!({}));
        let (groups, direct) = (set(user_groups), set(direct));
        let device_set = device_groups.map(set);
        let subject = Subject {
            user: Membership { groups: &groups, direct: Some(&direct) },
            device: Some(DeviceSubject {
                device: &laptop,
                groups: device_set.as_ref().map(|g| Membership { groups: g, direct: None }),
            }),
        };
        reach(item, item_platforms(item).as_deref(), &subject, &filters())
    }

    #[test]
    fn only_an_exclusion_or_a_filter_can_keep_a_target_away() {
        assert!(!can_keep_away(&windows(vec![group("g"), all_users()])));
        assert!(can_keep_away(&windows(vec![group("g"), excluded("x")])));
        assert!(can_keep_away(&windows(vec![filtered("g", "f", "include")])));
    }

    #[test]
    fn targets_are_read_from_their_odata_type() {
        let cases = [
            (json!({"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}), Target::AllUsers),
            (json!({"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"}), Target::AllDevices),
            (
                json!({"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "g"}),
                Target::Group("g".into()),
            ),
            (
                json!({"@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": "g"}),
                Target::ExcludedGroup("g".into()),
            ),
            (
                json!({"@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget", "collectionId": "SMS00001"}),
                Target::ConfigurationManagerCollection("SMS00001".into()),
            ),
            (
                json!({"@odata.type": "#microsoft.graph.somethingNew"}),
                Target::Unknown("microsoft.graph.somethingNew".into()),
            ),
        ];
        for (json, expected) in cases {
            assert_eq!(target(&serde_json::from_value(json).unwrap()), expected);
        }
    }

    #[test]
    fn a_group_reaches_its_direct_and_nested_members_and_all_users_everyone() {
        let by_group = windows(vec![group("g")]);
        assert!(matches!(check(&by_group, &["g"], &["g"], Some(&[])),
            Reach::Applies { via: Via::UserGroup(g, Path::Direct), .. } if g == "g"));
        assert!(matches!(
            check(&by_group, &["g", "parent"], &["parent"], Some(&[])),
            Reach::Applies { via: Via::UserGroup(_, Path::Nested), .. }
        ));
        assert!(matches!(
            check(&by_group, &[], &[], Some(&["g"])),
            Reach::Applies { via: Via::DeviceGroup(_, Path::Member), .. }
        ));
        assert!(matches!(
            check(&windows(vec![all_users()]), &[], &[], Some(&[])),
            Reach::Applies { via: Via::AllUsers, .. }
        ));
        assert!(matches!(
            check(&windows(vec![all_devices()]), &[], &[], None),
            Reach::Applies { via: Via::AllDevices, .. }
        ));
    }

    #[test]
    fn an_exclusion_wins_over_every_inclusion_through_nesting_too() {
        let item = windows(vec![all_users(), group("g"), excluded("x")]);
        assert_eq!(
            check(&item, &["g", "x", "sales"], &["g", "sales"], Some(&[])),
            Reach::Excluded { group: "x".into(), path: Path::Nested, by_device: false }
        );
        assert_eq!(
            check(&item, &["g"], &["g"], Some(&["x"])),
            Reach::Excluded { group: "x".into(), path: Path::Member, by_device: true }
        );
        assert!(matches!(check(&item, &["g"], &["g"], Some(&[])), Reach::Applies { .. }), "not in the excluded group");
    }

    #[test]
    fn what_does_not_reach_says_why() {
        let item = windows(vec![group("paris")]);
        assert_eq!(
            check(&item, &["lisbon"], &["lisbon"], Some(&[])),
            Reach::OtherGroups { groups: vec!["paris".into()], all_devices: false }
        );
        assert_eq!(check(&item, &[], &[], None), Reach::DeviceGroupsUnknown { groups: vec!["paris".into()] });
        assert_eq!(check(&windows(vec![]), &[], &[], Some(&[])), Reach::NotAssigned);
        let collection = windows(vec![
            json!({"@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget", "collectionId": "SMS1"}),
        ]);
        assert_eq!(check(&collection, &[], &[], Some(&[])), Reach::UnknownTargets);
        let ios = policy("#microsoft.graph.iosCompliancePolicy", vec![all_users()]);
        assert_eq!(check(&ios, &[], &[], Some(&[])), Reach::WrongPlatform { made_for: vec![Platform::Ios] });
    }

    #[test]
    fn all_devices_does_not_reach_a_user_asked_about_alone() {
        let (groups, direct) = (set(&[]), set(&[]));
        let subject = Subject { user: Membership { groups: &groups, direct: Some(&direct) }, device: None };
        assert_eq!(
            reach(&windows(vec![all_devices()]), Some(&[Platform::Windows]), &subject, &filters()),
            Reach::OtherGroups { groups: vec![], all_devices: true }
        );
        let with_filter = windows(vec![filtered("g", "win11", "include"), all_users()]);
        assert!(matches!(
            reach(&with_filter, Some(&[Platform::Windows]), &subject, &filters()),
            Reach::Applies { filter: None, .. }
        ));
    }

    #[test]
    fn an_include_filter_applies_only_when_its_rule_matches() {
        let item = windows(vec![filtered("g", "win11", "include")]);
        let reach = check(&item, &["g"], &["g"], Some(&[]));
        assert!(
            matches!(&reach, Reach::FilteredOut { filter, .. } if filter.result == FilterResult::NoMatch && filter.filter_id == "win11"),
            "Windows 10 is below 10.0.22631: {reach:?}"
        );
        let surface = windows(vec![filtered("g", "surface", "include")]);
        assert!(
            matches!(check(&surface, &["g"], &["g"], Some(&[])), Reach::Applies { filter: Some(f), .. } if f.result == FilterResult::Match)
        );
    }

    #[test]
    fn an_app_left_out_by_its_filter_keeps_the_intent_it_was_assigned_with() {
        let app = item(json!({"id": "a", "@odata.type": "#microsoft.graph.win32LobApp", "displayName": "A",
            "assignments": [{"intent": "required", "target": filtered("g", "win11", "include")}]}));
        let reach = check(&app, &["g"], &["g"], Some(&[]));
        assert!(matches!(reach, Reach::FilteredOut { .. }));
        assert_eq!(reach.intent(), Some(&AppIntent::Required));
    }

    #[test]
    fn an_exclude_filter_leaves_out_what_its_rule_matches_and_decides_first() {
        let item = windows(vec![filtered("g", "surface", "exclude"), all_users()]);
        assert!(
            matches!(check(&item, &["g"], &["g"], Some(&[])), Reach::FilteredOut { filter, .. } if filter.mode == FilterMode::Exclude)
        );
        let not_matching = windows(vec![filtered("g", "win11", "exclude")]);
        assert!(matches!(check(&not_matching, &["g"], &["g"], Some(&[])), Reach::Applies { filter: Some(_), .. }));
    }

    #[test]
    fn no_filter_wins_over_include_filters_and_any_matching_include_applies() {
        let item = windows(vec![filtered("g", "win11", "include"), group("h")]);
        assert!(matches!(check(&item, &["g", "h"], &["g", "h"], Some(&[])), Reach::Applies { filter: None, .. }));
        let two = windows(vec![filtered("g", "win11", "include"), filtered("h", "surface", "include")]);
        assert!(
            matches!(check(&two, &["g", "h"], &["g", "h"], Some(&[])), Reach::Applies { filter: Some(f), .. } if f.filter_id == "surface")
        );
    }

    #[test]
    fn a_filter_the_portal_cannot_evaluate_or_read_is_said_so() {
        let unknown = windows(vec![filtered("g", "profile", "include")]);
        assert!(
            matches!(check(&unknown, &["g"], &["g"], Some(&[])), Reach::FilterUndecided { filter, .. } if filter.result == FilterResult::CannotTell)
        );
        let broken = windows(vec![filtered("g", "broken", "include")]);
        assert!(
            matches!(check(&broken, &["g"], &["g"], Some(&[])), Reach::FilterUndecided { filter, .. } if matches!(filter.result, FilterResult::Unreadable(_)))
        );
        let missing = windows(vec![filtered("g", "gone", "exclude")]);
        assert!(
            matches!(check(&missing, &["g"], &["g"], Some(&[])), Reach::FilterUndecided { filter, .. } if filter.result == FilterResult::Missing)
        );
        let none_mode = windows(vec![filtered("g", "win11", "none")]);
        assert!(
            matches!(check(&none_mode, &["g"], &["g"], Some(&[])), Reach::Applies { filter: None, .. }),
            "mode none has no filter"
        );
    }

    #[test]
    fn platforms_come_from_the_type_or_the_settings_catalog_flags() {
        let of = |value: Value| item_platforms(&item(value));
        assert_eq!(
            of(json!({"id": "a", "@odata.type": "#microsoft.graph.win32LobApp"})),
            Some(vec![Platform::Windows])
        );
        assert_eq!(of(json!({"id": "a", "@odata.type": "#microsoft.graph.iosVppApp"})), Some(vec![Platform::Ios]));
        assert_eq!(
            of(json!({"id": "a", "@odata.type": "#microsoft.graph.androidManagedStoreApp"})),
            Some(vec![Platform::Android])
        );
        assert_eq!(of(json!({"id": "a", "@odata.type": "#microsoft.graph.macOSLobApp"})), Some(vec![Platform::MacOs]));
        assert_eq!(of(json!({"id": "a", "@odata.type": "#microsoft.graph.webApp"})), None);
        assert_eq!(of(json!({"id": "a", "platforms": "iOS,macOS"})), Some(vec![Platform::Ios, Platform::MacOs]));
        assert_eq!(of(json!({"id": "a", "platforms": "windows10"})), Some(vec![Platform::Windows]));
        let endpoint = item(json!({"id": "a", "templateReference": {"templateFamily": "endpointSecurityAntivirus"}}));
        assert_eq!(settings_kind(&endpoint), ItemKind::EndpointSecurity);
    }

    #[test]
    fn device_facts_map_graph_values_to_the_filter_vocabulary() {
        let d = device(json!({"jailBroken": "Unknown", "deviceName": ""}));
        assert_eq!(device_fact(&d, "deviceownership"), Fact::Known("Corporate".into()));
        assert_eq!(device_fact(&d, "isrooted"), Fact::Unknown);
        assert_eq!(device_fact(&d, "devicename"), Fact::Null);
        assert_eq!(device_fact(&d, "operatingsystemversion"), Fact::Known("10.0.19045.4170".into()));
        assert_eq!(device_fact(&d, "enrollmentprofilename"), Fact::Unknown);
    }
}
