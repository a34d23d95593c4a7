//! Enrollment restrictions: which one Intune applies to a user, for each platform and for the
//! device limit, and why. Intune takes the restrictions assigned to the user (an exclusion
//! wins over an inclusion) in priority order, the lowest value first, and falls back on the
//! defaults, which apply to everyone last whatever their priority says.

use std::collections::HashSet;

use super::assignments::{resolve, Filters, Membership, Reach as Resolved, Subject, Via};
use crate::graph::models::{
    EnrollmentConfiguration, EnrollmentConfigurationType, PlatformRestriction, RestrictionPlatform,
};

/// The platforms a user enrolls, as the restrictions name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    Ios,
    Android,
    AndroidForWork,
    Windows,
    Mac,
}

impl Platform {
    pub const ALL: [Platform; 5] =
        [Platform::Ios, Platform::Android, Platform::AndroidForWork, Platform::Windows, Platform::Mac];
}

/// What a restriction is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// How many devices a user may enroll.
    Limit(Option<i64>),
    /// One restriction a platform (the default, or an older custom one).
    AllPlatforms,
    /// A restriction for one platform, the kind today's admin center creates.
    SinglePlatform(RestrictionPlatform),
    /// Another enrollment configuration (Windows Hello, enrollment status page…): not a restriction.
    Other,
}

fn odata_type(config: &EnrollmentConfiguration) -> &str {
    config.odata_type.as_deref().unwrap_or_default().trim_start_matches('#')
}

pub fn kind(config: &EnrollmentConfiguration) -> Kind {
    use EnrollmentConfigurationType as T;
    match (config.device_enrollment_configuration_type.as_ref(), odata_type(config)) {
        (Some(T::Limit | T::DefaultLimit), _) | (_, "microsoft.graph.deviceEnrollmentLimitConfiguration") => {
            Kind::Limit(config.limit)
        }
        (Some(T::SinglePlatformRestriction), _)
        | (_, "microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration") => {
            config.platform_type.clone().map_or(Kind::Other, Kind::SinglePlatform)
        }
        (Some(T::PlatformRestrictions | T::DefaultPlatformRestrictions), _)
        | (_, "microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration") => Kind::AllPlatforms,
        _ => Kind::Other,
    }
}

/// A default configuration: it applies to everyone, after every other one.
pub fn is_default(config: &EnrollmentConfiguration) -> bool {
    match &config.device_enrollment_configuration_type {
        Some(kind) => kind.as_wire().starts_with("default"),
        // Without the beta type, the defaults are known by their id's suffix.
        None => config.id.ends_with("_DefaultLimit") || config.id.ends_with("_DefaultPlatformRestrictions"),
    }
}

/// The configurations in the order Intune considers them: the lowest priority value first,
/// the defaults last.
pub fn in_priority_order(configs: &[EnrollmentConfiguration]) -> Vec<&EnrollmentConfiguration> {
    let mut ordered: Vec<&EnrollmentConfiguration> = configs.iter().collect();
    ordered.sort_by_key(|config| (is_default(config), config.priority.unwrap_or(i64::MAX)));
    ordered
}

/// The restriction a configuration sets for `platform`, if it covers it.
pub fn restriction_for(config: &EnrollmentConfiguration, platform: Platform) -> Option<&PlatformRestriction> {
    match kind(config) {
        Kind::SinglePlatform(RestrictionPlatform::AllPlatforms) => config.platform_restriction.as_ref(),
        Kind::SinglePlatform(covered) => {
            (covered == single_platform(platform)).then_some(config.platform_restriction.as_ref()).flatten()
        }
        Kind::AllPlatforms => match platform {
            Platform::Ios => config.ios_restriction.as_ref(),
            Platform::Android => config.android_restriction.as_ref(),
            Platform::AndroidForWork => config.android_for_work_restriction.as_ref(),
            Platform::Windows => config.windows_restriction.as_ref(),
            Platform::Mac => config.mac_os_restriction.as_ref().or(config.mac_restriction.as_ref()),
        },
        Kind::Limit(_) | Kind::Other => None,
    }
}

fn single_platform(platform: Platform) -> RestrictionPlatform {
    match platform {
        Platform::Ios => RestrictionPlatform::Ios,
        Platform::Android => RestrictionPlatform::Android,
        Platform::AndroidForWork => RestrictionPlatform::AndroidForWork,
        Platform::Windows => RestrictionPlatform::Windows,
        Platform::Mac => RestrictionPlatform::Mac,
    }
}

/// Why a configuration reaches the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Default,
    AllUsers,
    /// Through this group (the user is in it, directly or through nesting).
    Group(String),
}

/// Whether a configuration reaches the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    Applies(Why),
    /// Assigned to them, but an exclusion group they are in wins.
    Excluded(String),
    /// Only through targets the portal cannot resolve for a user (a Configuration Manager
    /// collection, a target type it does not know).
    CannotTell,
    NotAssigned,
}

/// `groups`: the ids of every group the user is in, through nesting too. Restrictions are
/// checked for the user who enrolls, before there is a device: a device target does not reach
/// them, and a filter (evaluated on the enrolling device) cannot be told.
pub fn reach(config: &EnrollmentConfiguration, groups: &HashSet<String>) -> Reach {
    if is_default(config) {
        return Reach::Applies(Why::Default);
    }
    let subject = Subject { user: Membership { groups, direct: None }, device: None };
    let targets = config.assignments.iter().filter_map(|a| a.target.as_ref().map(|t| (t, None)));
    match resolve(targets, &subject, &Filters::default()) {
        Resolved::Applies { via: Via::UserGroup(group, _), filter: None, .. } => Reach::Applies(Why::Group(group)),
        Resolved::Applies { filter: None, .. } => Reach::Applies(Why::AllUsers),
        Resolved::Excluded { group, .. } => Reach::Excluded(group),
        Resolved::OtherGroups { .. } | Resolved::NotAssigned => Reach::NotAssigned,
        _ => Reach::CannotTell,
    }
}

/// The configuration that applies, with the ones before it in priority order that would have
/// applied but did not reach the user (excluded, or cannot tell).
#[derive(Debug, Clone, PartialEq)]
pub struct Applied<'a> {
    pub config: &'a EnrollmentConfiguration,
    pub why: Why,
    pub passed_over: Vec<(&'a EnrollmentConfiguration, Reach)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Effective<'a> {
    pub limit: Option<Applied<'a>>,
    pub platforms: Vec<(Platform, Option<Applied<'a>>)>,
}

fn first_applying<'a>(
    ordered: &[&'a EnrollmentConfiguration],
    groups: &HashSet<String>,
    covers: impl Fn(&EnrollmentConfiguration) -> bool,
) -> Option<Applied<'a>> {
    let mut passed_over = Vec::new();
    for config in ordered.iter().copied().filter(|config| covers(config)) {
        match reach(config, groups) {
            Reach::Applies(why) => return Some(Applied { config, why, passed_over }),
            Reach::NotAssigned => {}
            other => passed_over.push((config, other)),
        }
    }
    None
}

/// What applies to a user in `groups`: the device limit and each platform's restriction.
pub fn effective<'a>(configs: &'a [EnrollmentConfiguration], groups: &HashSet<String>) -> Effective<'a> {
    let ordered = in_priority_order(configs);
    Effective {
        limit: first_applying(&ordered, groups, |config| matches!(kind(config), Kind::Limit(_))),
        platforms: Platform::ALL
            .iter()
            .map(|&platform| {
                (platform, first_applying(&ordered, groups, |config| restriction_for(config, platform).is_some()))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;

    fn config(value: Value) -> EnrollmentConfiguration {
        serde_json::from_value(value).unwrap()
    }

    fn group(id: &str) -> Value {
        json!({"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": id}})
    }

    fn excluded(id: &str) -> Value {
        json!({"target": {"@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", "groupId": id}})
    }

    fn all_users() -> Value {
        json!({"target": {"@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget"}})
    }

    fn limit(id: &str, priority: i64, limit: i64, kind: &str, assignments: Vec<Value>) -> EnrollmentConfiguration {
        config(
            json!({"@odata.type": "#microsoft.graph.deviceEnrollmentLimitConfiguration", "id": id, "priority": priority, "limit": limit, "deviceEnrollmentConfigurationType": kind, "assignments": assignments}),
        )
    }

    fn single(
        id: &str,
        priority: i64,
        platform: &str,
        blocked: bool,
        assignments: Vec<Value>,
    ) -> EnrollmentConfiguration {
        config(json!({
            "@odata.type": "#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration", "id": id, "priority": priority,
            "deviceEnrollmentConfigurationType": "singlePlatformRestriction", "platformType": platform,
            "platformRestriction": {"platformBlocked": blocked, "blockedManufacturers": ["Xiaomi"], "blockedSkus": []},
            "assignments": assignments
        }))
    }

    fn default_platforms() -> EnrollmentConfiguration {
        let allowed = json!({"platformBlocked": false, "personalDeviceEnrollmentBlocked": false});
        config(json!({
            "@odata.type": "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration", "id": "t_DefaultPlatformRestrictions", "priority": 0,
            "deviceEnrollmentConfigurationType": "defaultPlatformRestrictions",
            "iosRestriction": allowed, "androidRestriction": allowed, "androidForWorkRestriction": allowed, "windowsRestriction": allowed,
            "macOSRestriction": {"platformBlocked": true},
            "assignments": [all_users()]
        }))
    }

    fn groups(ids: &[&str]) -> HashSet<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    fn applied_id<'a>(effective: &'a Effective, platform: Platform) -> Option<&'a str> {
        effective
            .platforms
            .iter()
            .find(|(p, _)| *p == platform)
            .and_then(|(_, a)| a.as_ref())
            .map(|a| a.config.id.as_str())
    }

    #[test]
    fn the_lowest_priority_value_wins_and_the_default_comes_last_despite_its_priority_zero() {
        let configs = vec![
            limit("t_DefaultLimit", 0, 15, "defaultLimit", vec![all_users()]),
            limit("loose", 2, 10, "limit", vec![group("sales")]),
            limit("strict", 1, 3, "limit", vec![group("sales")]),
        ];
        let ordered: Vec<&str> = in_priority_order(&configs).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ordered, ["strict", "loose", "t_DefaultLimit"]);
        let applied = effective(&configs, &groups(&["sales"])).limit.unwrap();
        assert_eq!((applied.config.id.as_str(), applied.why), ("strict", Why::Group("sales".into())));
        assert_eq!(effective(&configs, &groups(&["other"])).limit.unwrap().why, Why::Default);
    }

    #[test]
    fn an_exclusion_wins_over_an_inclusion_and_is_reported() {
        let configs = vec![
            limit("t_DefaultLimit", 0, 15, "defaultLimit", vec![all_users()]),
            limit("strict", 1, 3, "limit", vec![all_users(), excluded("it")]),
        ];
        let applied = effective(&configs, &groups(&["it"])).limit.unwrap();
        assert_eq!(applied.config.id, "t_DefaultLimit");
        assert_eq!(applied.passed_over, vec![(&configs[1], Reach::Excluded("it".into()))]);
        assert_eq!(effective(&configs, &groups(&[])).limit.unwrap().config.id, "strict");
    }

    #[test]
    fn a_filtered_restriction_cannot_be_told_before_the_device_enrolls() {
        let filtered = json!({"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": "sales",
            "deviceAndAppManagementAssignmentFilterId": "f", "deviceAndAppManagementAssignmentFilterType": "include"}});
        let configs = vec![
            limit("t_DefaultLimit", 0, 15, "defaultLimit", vec![all_users()]),
            limit("sales", 1, 5, "limit", vec![filtered]),
        ];
        let applied = effective(&configs, &groups(&["sales"])).limit.unwrap();
        assert_eq!(applied.config.id, "t_DefaultLimit");
        assert_eq!(applied.passed_over, vec![(&configs[1], Reach::CannotTell)]);
    }

    #[test]
    fn single_platform_restrictions_cover_their_platform_only() {
        let configs = vec![
            default_platforms(),
            single("android-block", 1, "android", true, vec![all_users()]),
            single("ios-sales", 2, "ios", false, vec![group("sales")]),
        ];
        let sales = effective(&configs, &groups(&["sales"]));
        assert_eq!(applied_id(&sales, Platform::Android), Some("android-block"));
        assert_eq!(applied_id(&sales, Platform::Ios), Some("ios-sales"));
        assert_eq!(applied_id(&sales, Platform::AndroidForWork), Some("t_DefaultPlatformRestrictions"));
        assert_eq!(applied_id(&sales, Platform::Mac), Some("t_DefaultPlatformRestrictions"));
        assert_eq!(
            applied_id(&effective(&configs, &groups(&[])), Platform::Ios),
            Some("t_DefaultPlatformRestrictions")
        );
        assert_eq!(restriction_for(&configs[1], Platform::Android).unwrap().blocked_manufacturers, ["Xiaomi"]);
        let everything = single("all", 1, "allPlatforms", true, vec![all_users()]);
        assert!(Platform::ALL.iter().all(|&p| restriction_for(&everything, p).is_some()));
    }

    #[test]
    fn all_devices_does_not_reach_a_user_and_collections_cannot_be_told() {
        let all_devices = limit(
            "kiosk",
            1,
            1,
            "limit",
            vec![json!({"target": {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"}})],
        );
        assert_eq!(reach(&all_devices, &groups(&[])), Reach::NotAssigned);
        let collection = limit(
            "sccm",
            1,
            1,
            "limit",
            vec![
                json!({"target": {"@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget", "collectionId": "SMS00001"}}),
            ],
        );
        assert_eq!(reach(&collection, &groups(&[])), Reach::CannotTell);
    }

    #[test]
    fn without_the_beta_type_the_odata_type_and_default_ids_still_tell_kinds_apart() {
        let old = config(
            json!({"@odata.type": "#microsoft.graph.deviceEnrollmentLimitConfiguration", "id": "x_DefaultLimit", "priority": 0, "limit": 5}),
        );
        assert_eq!((kind(&old), is_default(&old)), (Kind::Limit(Some(5)), true));
        let hello = config(
            json!({"@odata.type": "#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration", "id": "h", "deviceEnrollmentConfigurationType": "windowsHelloForBusiness"}),
        );
        assert_eq!(kind(&hello), Kind::Other);
        let unknown = config(json!({"id": "u", "deviceEnrollmentConfigurationType": "somethingNew"}));
        assert_eq!((kind(&unknown), is_default(&unknown)), (Kind::Other, false));
    }
}
