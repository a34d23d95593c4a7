//! The demo tenant's Intune catalogue: compliance policies, configuration profiles,
//! settings-catalog and endpoint-security policies, apps, app protection policies and
//! assignment filters, assigned to groups (nested), exclusion groups, device groups, all users
//! and all devices, with filters. Drawn from its own random stream, after the rest of the
//! tenant, so that adding it left every earlier user, device and id as it was.
//!
//! The personas' part is written out (README of the stand-in); the rest is filler that reaches
//! generated users only, so a persona gets no policy or app the rest of the tenant does not
//! show on their devices: filler targets filler groups, exclusion groups, or all users and all
//! devices through an include filter no persona's device matches (or a platform none has).

use std::collections::HashMap;

use rand::Rng;
use serde_json::{json, Value};

use super::{app_id, group, policy_id, Generator, ADELE_LAPTOP, SHARED_PC};
use crate::tenant::{Catalogue, DirectoryObject, EntraDevice, User};

/// Sizes of the demo catalogue.
pub const COMPLIANCE_POLICIES: usize = 150;
pub const CONFIGURATION_PROFILES: usize = 150;
pub const SETTINGS_CATALOG_POLICIES: usize = 300;
pub const ENDPOINT_SECURITY_POLICIES: usize = 60;
pub const APPS: usize = 2000;
pub const ASSIGNED_APPS: usize = 600;
pub const APP_PROTECTIONS_PER_PLATFORM: usize = 50;

/// The personas' groups and items (README of the stand-in).
pub const VPN_PROFILE: &str = "Contoso VPN (iOS)";
pub const VPN_EXCLUSIONS: &str = "VPN exclusions";
pub const SALES_LISBON: &str = "Sales Lisbon";
pub const WIFI_PROFILE: &str = "Wi-Fi Paris HQ";
pub const PARIS_OFFICE: &str = "Paris office";
pub const EXPENSES_APP: &str = "Contoso Expenses";
pub const WINDOWS_11_FILTER: &str = "Windows 11 23H2 and later";

const ALL_USERS_ID: &str = "acacacac-9df4-4c7d-9d50-4ef0226f57a9";
const ALL_DEVICES_ID: &str = "adadadad-808e-44e2-905a-0b7873a8a531";

/// Group ids by display name (the tenant's and the catalogue's).
struct Groups(HashMap<String, String>);

impl Groups {
    fn id(&self, name: &str) -> String {
        self.0.get(name).cloned().unwrap_or_else(|| panic!("group {name} exists"))
    }
}

/// An assignment target: a group, an exclusion, all users or all devices, with its filter.
#[derive(Clone)]
enum To {
    Group(String),
    Exclude(String),
    AllUsers,
    AllDevices,
}

#[derive(Clone)]
struct Target {
    to: To,
    /// Filter id and mode (`include` or `exclude`).
    filter: Option<(String, &'static str)>,
}

impl Target {
    fn group(id: String) -> Target {
        Target { to: To::Group(id), filter: None }
    }
    fn exclude(id: String) -> Target {
        Target { to: To::Exclude(id), filter: None }
    }
    fn all_users() -> Target {
        Target { to: To::AllUsers, filter: None }
    }
    fn all_devices() -> Target {
        Target { to: To::AllDevices, filter: None }
    }
    fn with_filter(mut self, filter: String, mode: &'static str) -> Target {
        self.filter = Some((filter, mode));
        self
    }

    /// The target as beta sends it.
    fn json(&self) -> Value {
        let (kind, group) = match &self.to {
            To::Group(id) => ("groupAssignmentTarget", Some(id)),
            To::Exclude(id) => ("exclusionGroupAssignmentTarget", Some(id)),
            To::AllUsers => ("allLicensedUsersAssignmentTarget", None),
            To::AllDevices => ("allDevicesAssignmentTarget", None),
        };
        let (filter_id, mode) = match &self.filter {
            Some((id, mode)) => (Value::from(id.as_str()), *mode),
            None => (Value::Null, "none"),
        };
        let mut target = json!({
            "@odata.type": format!("#microsoft.graph.{kind}"),
            "deviceAndAppManagementAssignmentFilterId": filter_id,
            "deviceAndAppManagementAssignmentFilterType": mode
        });
        if let Some(group) = group {
            target["groupId"] = json!(group);
        }
        target
    }

    /// The id Intune gives the assignment's target part (the all-users and all-devices ones are fixed).
    fn key(&self) -> &str {
        match &self.to {
            To::Group(id) | To::Exclude(id) => id,
            To::AllUsers => ALL_USERS_ID,
            To::AllDevices => ALL_DEVICES_ID,
        }
    }
}

/// A filter's id by name, and which may narrow all users or all devices in filler (no
/// persona's device matches them), per platform.
struct Filters {
    specs: Vec<FilterSpec>,
    by_name: HashMap<String, String>,
    /// (platform, id) of every filter, for filler.
    all: Vec<(&'static str, String)>,
    /// (platform, id) of the filters that match none of the personas' devices.
    matching_no_persona: Vec<(&'static str, String)>,
}

impl Filters {
    fn id(&self, name: &str) -> String {
        self.by_name.get(name).cloned().unwrap_or_else(|| panic!("filter {name} exists"))
    }
}

/// Builds the catalogue, adds its groups to the directory, Adele to *Sales Lisbon*, generated
/// users to the new user groups and every Entra device to its device groups.
pub(super) fn catalogue(
    gen: &mut Generator,
    directory: &mut Vec<DirectoryObject>,
    users: &mut [User],
    generated_from: usize,
    entra: &mut [EntraDevice],
) -> Catalogue {
    let mut groups = Groups(
        directory
            .iter()
            .filter_map(|o| Some((o.object["displayName"].as_str()?.to_string(), o.object["id"].as_str()?.to_string())))
            .collect(),
    );
    let filler_groups = add_groups(gen, directory, &mut groups);
    add_members(gen, &groups, users, generated_from, entra);
    let filters = filters(gen);
    let mut world = World { gen, groups: &groups, filler_groups: &filler_groups, filters: &filters };
    Catalogue {
        device_compliance_policies: world.compliance_policies(),
        device_configurations: world.configuration_profiles(),
        configuration_policies: world.settings_catalog(),
        mobile_apps: world.apps(),
        ios_managed_app_protections: world.app_protections(true),
        android_managed_app_protections: world.app_protections(false),
        assignment_filters: filters_json(world.gen, &filters),
    }
}

/// Groups no persona is in, for filler: (id, kind) where kind is `user` or `device`.
struct FillerGroups {
    include: Vec<String>,
    exclude: Vec<String>,
}

/// The catalogue's groups: user groups nested up to four deep, exclusion groups, device groups
/// (some dynamic), and the personas' three.
fn add_groups(gen: &mut Generator, directory: &mut Vec<DirectoryObject>, groups: &mut Groups) -> FillerGroups {
    let mut add = |gen: &mut Generator, name: &str, rule: Option<&str>, parents: &[&str], description: &str| {
        let mut object = group(name, if rule.is_some() { &["DynamicMembership"] } else { &[] }, rule, true);
        object["description"] = json!(description);
        let id = gen.id();
        object["id"] = json!(id);
        let member_of = parents.iter().map(|parent| groups.id(parent)).collect();
        directory.push(DirectoryObject { object, member_of });
        groups.0.insert(name.to_string(), id);
    };
    // The personas' groups: a nested exclusion, and a group Adele is not in.
    add(gen, VPN_EXCLUSIONS, None, &[], "Users who must not receive the iOS VPN profile.");
    add(gen, SALES_LISBON, None, &[VPN_EXCLUSIONS], "Sales staff of the Lisbon office (on a local VPN).");
    // Regions, nested three deep; the Paris office group is not the administrative unit of the same name.
    add(gen, "Region EMEA", None, &[], "Everyone in Europe, the Middle East and Africa.");
    add(gen, "Country France", None, &["Region EMEA"], "Everyone in France.");
    add(gen, "Country Portugal", None, &["Region EMEA"], "Everyone in Portugal.");
    add(gen, PARIS_OFFICE, None, &["Country France"], "Staff based at Paris headquarters.");
    add(gen, "Site Lyon", None, &["Country France"], "Staff based in Lyon.");
    add(gen, "Site Porto", None, &["Country Portugal"], "Staff based in Porto.");
    // Departments and teams, nested four deep.
    add(gen, "All staff (security)", None, &[], "Every employee, for security assignments.");
    add(gen, "Corporate functions", None, &["All staff (security)"], "Back-office departments.");
    let departments = ["Finance", "Human Resources", "Legal", "Engineering", "Customer Support"];
    for department in departments {
        add(gen, department, None, &["Corporate functions"], &format!("The {department} department."));
    }
    let teams = [
        ("Finance - Payroll", "Finance"),
        ("Engineering - Platform", "Engineering"),
        ("Engineering - Mobile", "Engineering"),
        ("Support - Tier 1", "Customer Support"),
        ("Legal - Contracts", "Legal"),
    ];
    for (team, department) in teams {
        add(gen, team, None, &[department], &format!("A team of {department}."));
    }
    // Rings and populations.
    add(gen, "Update ring - Pilot", None, &[], "Early Windows and app updates.");
    add(gen, "Update ring - Broad", None, &[], "Most users' Windows and app updates.");
    add(gen, "Windows 11 pilot users", None, &["Update ring - Pilot"], "Users testing Windows 11 builds.");
    add(gen, "Frontline workers", None, &[], "Shop and warehouse staff on shared devices.");
    add(gen, "Executives", None, &[], "Board members and directors.");
    add(gen, "Contractors", None, &[], "External staff with a Contoso account.");
    // Exclusion groups.
    add(gen, "Compliance exemptions", None, &[], "Accounts exempted from compliance policies.");
    add(gen, "Break-glass accounts", None, &["Compliance exemptions"], "Emergency access accounts.");
    add(gen, "MAM opt-out", None, &[], "Users excluded from app protection policies.");
    add(gen, "Legacy app exclusions", None, &[], "Users who keep older app versions.");
    // Device groups.
    add(gen, "Corporate devices", None, &[], "Devices Contoso owns.");
    add(
        gen,
        "Autopilot devices",
        Some("(device.devicePhysicalIDs -any (_ -startsWith \"[ZTDid]\"))"),
        &["Corporate devices"],
        "Every Windows Autopilot device.",
    );
    add(
        gen,
        "Autopilot - Retail Paris",
        Some("(device.devicePhysicalIds -any (_ -eq \"[OrderID]:Retail-Paris\"))"),
        &["Autopilot devices"],
        "Autopilot devices of the Paris shops.",
    );
    add(gen, "Shared PCs", None, &["Corporate devices"], "PCs several people sign in to.");
    add(gen, "Kiosk devices", None, &["Corporate devices"], "Single-app kiosks.");
    add(gen, "Lab devices", None, &[], "Test devices of the lab.");
    add(gen, "All Windows devices", Some("(device.deviceOSType -eq \"Windows\")"), &[], "Every Windows device.");
    add(
        gen,
        "All iOS devices",
        Some("(device.deviceOSType -eq \"iPhone\") or (device.deviceOSType -eq \"iPad\")"),
        &[],
        "Every iPhone and iPad.",
    );
    add(
        gen,
        "All Android devices",
        Some("(device.deviceOSType -eq \"Android\") or (device.deviceOSType -eq \"AndroidForWork\")"),
        &[],
        "Every Android device.",
    );
    add(gen, "Personal devices", Some("(device.deviceOwnership -eq \"Personal\")"), &[], "Devices users own.");
    // More generated security groups, under the departments and regions.
    let parents = ["Finance", "Human Resources", "Legal", "Engineering", "Customer Support", "Site Lyon", "Site Porto"];
    let purposes = ["app testers", "mobile users", "VPN users", "remote workers"];
    let mut generated = Vec::new();
    for (index, parent) in parents.iter().cycle().take(24).enumerate() {
        // Unique: the parent and purpose cycles meet again only after 28.
        let name = format!("{parent} {}", purposes[index % purposes.len()]);
        add(gen, &name, None, &[parent], "Generated for the demo.");
        generated.push(name);
    }
    let user_groups = [
        "Region EMEA",
        "Country France",
        "Country Portugal",
        PARIS_OFFICE,
        "Site Lyon",
        "Site Porto",
        "All staff (security)",
        "Corporate functions",
        "Update ring - Pilot",
        "Update ring - Broad",
        "Windows 11 pilot users",
        "Frontline workers",
        "Executives",
        "Contractors",
        "Kiosk devices",
    ];
    let include = user_groups
        .iter()
        .map(|s| s.to_string())
        .chain(departments.iter().map(|s| s.to_string()))
        .chain(teams.iter().map(|(team, _)| team.to_string()))
        .chain(generated)
        .map(|name| groups.id(&name))
        .collect();
    let exclude =
        ["Compliance exemptions", "Break-glass accounts", "MAM opt-out", "Legacy app exclusions", "Contractors"]
            .iter()
            .map(|name| groups.id(name))
            .collect();
    FillerGroups { include, exclude }
}

/// Adele joins *Sales Lisbon* (so *VPN exclusions* reaches her through it); generated users
/// join the new user groups; Entra devices join their device groups.
fn add_members(
    gen: &mut Generator,
    groups: &Groups,
    users: &mut [User],
    generated_from: usize,
    entra: &mut [EntraDevice],
) {
    if let Some(adele) = users.iter_mut().find(|u| u.object["userPrincipalName"] == "AdeleV@contoso.onmicrosoft.com") {
        adele.member_of.push(groups.id(SALES_LISBON));
    }
    let leaves = [
        "Finance - Payroll",
        "Engineering - Platform",
        "Engineering - Mobile",
        "Support - Tier 1",
        "Legal - Contracts",
        "Human Resources",
        "Finance",
    ];
    let places = [PARIS_OFFICE, PARIS_OFFICE, "Site Lyon", "Site Porto"];
    let populations =
        ["Update ring - Broad", "Windows 11 pilot users", "Frontline workers", "Executives", "Contractors"];
    for user in users.iter_mut().skip(generated_from) {
        if gen.rng.gen_bool(0.6) {
            user.member_of.push(groups.id(gen.pick(&leaves)));
        }
        if gen.rng.gen_bool(0.5) {
            user.member_of.push(groups.id(gen.pick(&places)));
        }
        if gen.rng.gen_bool(0.4) {
            user.member_of.push(groups.id(gen.pick(&populations)));
        }
        if gen.rng.gen_bool(0.05) {
            user.member_of.push(groups.id("MAM opt-out"));
        }
        if user.managed_devices.is_empty() && gen.rng.gen_bool(0.05) {
            user.member_of.push(groups.id("Break-glass accounts"));
        }
    }
    // Device groups, from what the managed device says.
    let managed: HashMap<String, &Value> = users
        .iter()
        .flat_map(|u| &u.managed_devices)
        .filter_map(|d| Some((d.object["azureADDeviceId"].as_str()?.to_string(), &d.object)))
        .collect();
    for device in entra.iter_mut() {
        let Some(object) = device.object["deviceId"].as_str().and_then(|id| managed.get(id)) else { continue };
        let name = object["deviceName"].as_str().unwrap_or_default();
        let mut member_of = vec![];
        member_of.push(match object["operatingSystem"].as_str() {
            Some("Windows") => "All Windows devices",
            Some("iOS") => "All iOS devices",
            _ => "All Android devices",
        });
        if object["managedDeviceOwnerType"] == "personal" {
            member_of.push("Personal devices");
        }
        if name == ADELE_LAPTOP {
            member_of.push("Autopilot - Retail Paris");
        } else if object["autopilotEnrolled"] == true {
            member_of.push("Autopilot devices");
        }
        if name == SHARED_PC {
            member_of.push("Shared PCs");
        }
        if name.starts_with("LAB-") {
            member_of.push("Lab devices");
        }
        device.member_of.extend(member_of.into_iter().map(|group| groups.id(group)));
    }
}

/// (name, platform, rule, description). Managed-app filters have a `…MobileApplicationManagement` platform.
const FILTERS: [(&str, &str, &str, &str); 41] = [
    (WINDOWS_11_FILTER, "windows10AndLater", "(device.operatingSystemVersion -ge 10.0.22631)", "Windows 11 version 23H2 (build 22631) and later."),
    ("Surface devices", "windows10AndLater", "(device.manufacturer -eq \"Microsoft\") and (device.model -startsWith \"Surface\")", "Microsoft Surface laptops and tablets."),
    ("Corporate Windows", "windows10AndLater", "(device.deviceOwnership -eq \"Corporate\")", "Windows devices Contoso owns."),
    ("Autopilot retail devices", "windows10AndLater", "(device.enrollmentProfileName -eq \"Autopilot-Retail\")", "Shop PCs deployed with the retail Autopilot profile."),
    ("Kiosks", "windows10AndLater", "(device.deviceName -in [\"KIOSK-01\",\"KIOSK-02\"])", "The two lobby kiosks."),
    ("Windows 10 devices", "windows10AndLater", "(device.operatingSystemVersion -lt 10.0.22000)", "Builds before Windows 11."),
    ("Hybrid joined PCs", "windows10AndLater", "(device.deviceTrustType -eq \"Hybrid Azure AD joined\")", "PCs joined to the on-premises domain too."),
    ("Arm64 PCs", "windows10AndLater", "(device.cpuArchitecture -eq \"arm64\")", "PCs with an Arm processor."),
    ("Windows Enterprise SKU", "windows10AndLater", "(device.operatingSystemSKU -in [\"Enterprise\",\"EnterpriseN\"])", "Windows Enterprise editions."),
    ("Dell or Lenovo", "windows10AndLater", "(device.manufacturer -eq \"Dell Inc.\") or (device.manufacturer -eq \"LENOVO\")", "PCs from the two main suppliers."),
    ("Not virtual machines", "windows10AndLater", "(device.model -notContains \"Virtual\") and (device.manufacturer -ne \"VMware, Inc.\")", "Physical PCs only."),
    ("Enrolled with a profile", "windows10AndLater", "(device.enrollmentProfileName -ne $null)", "PCs enrolled through an Autopilot profile."),
    ("Shared PCs by name", "windows10AndLater", "(device.deviceName -startsWith \"SHARED-\")", "PCs named SHARED-…"),
    ("Lab devices (nested)", "windows10AndLater", "((device.deviceName -startsWith \"LAB-\") and (device.deviceOwnership -eq \"Corporate\")) or (device.deviceCategory -eq \"Lab\")", "Lab PCs by name or category."),
    ("Scott's and Sara's devices", "windows10AndLater", "(device.deviceName -in [\"Scott's device\", \"Sara's device\"])", "Two named test devices."),
    ("iOS 17 devices", "iOS", "(device.osVersion -startsWith \"17.\")", "iPhones and iPads on iOS 17."),
    ("Corporate iPhones", "iOS", "(device.deviceOwnership -eq \"Corporate\") and (device.model -startsWith \"iPhone\")", "iPhones Contoso owns."),
    ("iPads", "iOS", "(device.model -contains \"iPad\")", "Every iPad."),
    ("iOS 18 and later", "iOS", "(device.operatingSystemVersion -ge 18.0)", "iOS 18 and later."),
    ("ADE enrolled iOS", "iOS", "(device.enrollmentProfileName -eq \"ADE - Corporate iPhone\")", "iPhones enrolled through Automated Device Enrollment."),
    ("Not jailbroken iOS", "iOS", "(device.isRooted -eq \"False\")", "iOS devices not reported jailbroken."),
    ("Apple silicon Macs", "macOS", "(device.cpuArchitecture -eq \"arm64\")", "Macs with Apple silicon."),
    ("macOS Sonoma and later", "macOS", "(device.operatingSystemVersion -ge 14.0)", "macOS 14 and later."),
    ("MacBook Pro", "macOS", "(device.model -startsWith \"MacBook Pro\")", "MacBook Pro laptops."),
    ("Samsung devices", "androidForWork", "(device.manufacturer -eq \"samsung\")", "Samsung phones and tablets."),
    ("Android 13 and later", "androidForWork", "(device.operatingSystemVersion -ge 13)", "Android 13 and later."),
    ("Fully managed Android", "androidForWork", "(device.deviceManagementType -eq \"Corporate-owned fully managed\")", "Corporate Android devices, fully managed."),
    ("Personally-owned work profile", "androidForWork", "(device.deviceManagementType -eq \"Personally-owned work profile\")", "Personal Android devices with a work profile."),
    ("Not Xiaomi or OnePlus", "androidForWork", "(device.manufacturer -notIn [\"Xiaomi\", \"OnePlus\"])", "Every maker but two."),
    ("AOSP headsets", "androidAOSP", "(device.deviceManagementType -eq \"AOSP userless devices\") and (device.model -startsWith \"Quest\")", "Shared AR/VR headsets."),
    ("Legacy Android (device administrator)", "android", "(device.osVersion -startsWith \"9\") or (device.osVersion -startsWith \"10\")", "Old device-administrator phones."),
    ("Unmanaged iOS devices", "iOSMobileApplicationManagement", "(app.deviceManagementType -eq \"Unmanaged\")", "iOS apps on devices Intune does not manage."),
    ("Outlook 4.24 on iOS", "iOSMobileApplicationManagement", "(app.appVersion -startsWith \"4.24\")", "Outlook builds 4.24.x."),
    ("iOS 17 and later (apps)", "iOSMobileApplicationManagement", "(app.operatingSystemVersion -ge 17.0)", "Apps on iOS 17 and later."),
    ("iPhone only (apps)", "iOSMobileApplicationManagement", "(app.deviceModel -startsWith \"iPhone\")", "Apps on iPhones, not iPads."),
    ("Unmanaged Android devices", "androidMobileApplicationManagement", "(app.deviceManagementType -eq \"Unmanaged\")", "Android apps on devices Intune does not manage."),
    ("Samsung phones (apps)", "androidMobileApplicationManagement", "(app.deviceManufacturer -eq \"samsung\")", "Apps on Samsung devices."),
    ("Android 12 and later (apps)", "androidMobileApplicationManagement", "(app.operatingSystemVersion -ge 12.0)", "Apps on Android 12 and later."),
    ("Work profile apps", "androidMobileApplicationManagement", "(app.deviceManagementType -in [\"Personally-owned work profile\",\"Corporate-owned with work profile\"])", "Apps in a work profile."),
    ("Unmanaged Windows (apps)", "windowsMobileApplicationManagement", "(app.deviceManagementType -eq \"Unmanaged\")", "Edge on personal Windows PCs."),
    ("Windows 11 (apps)", "windowsMobileApplicationManagement", "(app.operatingSystemVersion -ge 10.0.22000)", "Edge on Windows 11."),
];

/// Filters that match none of the personas' devices (their properties do not hold those values).
const MATCHING_NO_PERSONA: [&str; 8] = [
    "Kiosks",
    "Hybrid joined PCs",
    "Arm64 PCs",
    "Scott's and Sara's devices",
    "ADE enrolled iOS",
    "Fully managed Android",
    "Apple silicon Macs",
    "MacBook Pro",
];

/// Sites whose devices are named with a prefix: nine more filters, fifty in all.
const SITES: [(&str, &str); 9] = [
    ("Paris", "PAR"),
    ("Lyon", "LYO"),
    ("Lisbon", "LIS"),
    ("Porto", "OPO"),
    ("Berlin", "BER"),
    ("Madrid", "MAD"),
    ("Milan", "MIL"),
    ("Dublin", "DUB"),
    ("Oslo", "OSL"),
];

struct FilterSpec {
    id: String,
    name: String,
    platform: &'static str,
    rule: String,
    description: String,
}

fn filter_specs(gen: &mut Generator) -> Vec<FilterSpec> {
    let mut specs: Vec<FilterSpec> = FILTERS
        .iter()
        .map(|(name, platform, rule, description)| FilterSpec {
            id: gen.id(),
            name: name.to_string(),
            platform,
            rule: rule.to_string(),
            description: description.to_string(),
        })
        .collect();
    for (index, (site, code)) in SITES.iter().enumerate() {
        let platform = if index % 2 == 0 { "windows10AndLater" } else { "iOS" };
        specs.push(FilterSpec {
            id: gen.id(),
            name: format!("Site {site} devices"),
            platform,
            rule: format!("(device.deviceName -startsWith \"{code}-\")"),
            description: format!("Devices named after the {site} site."),
        });
    }
    specs
}

fn filters(gen: &mut Generator) -> Filters {
    let specs = filter_specs(gen);
    let by_name = specs.iter().map(|s| (s.name.clone(), s.id.clone())).collect();
    let all = specs.iter().map(|s| (s.platform, s.id.clone())).collect();
    let matching_no_persona = specs
        .iter()
        .filter(|s| MATCHING_NO_PERSONA.contains(&s.name.as_str()) || s.name.starts_with("Site "))
        .map(|s| (s.platform, s.id.clone()))
        .collect();
    Filters { specs, by_name, all, matching_no_persona }
}

fn filters_json(gen: &mut Generator, filters: &Filters) -> Vec<Value> {
    filters
        .specs
        .iter()
        .map(|spec| {
            let apps = spec.platform.ends_with("MobileApplicationManagement");
            let created = gen.ago(24 * 200, 24 * 700);
            json!({
                "@odata.type": "#microsoft.graph.deviceAndAppManagementAssignmentFilter",
                "id": spec.id,
                "displayName": spec.name,
                "description": spec.description,
                "platform": spec.platform,
                "rule": spec.rule,
                "assignmentFilterManagementType": if apps { "apps" } else { "devices" },
                "roleScopeTags": ["0"],
                "payloads": [],
                "createdDateTime": created,
                "lastModifiedDateTime": gen.ago(24, 24 * 150)
            })
        })
        .collect()
}

/// Draws the catalogue's items and their assignments.
struct World<'a> {
    gen: &'a mut Generator,
    groups: &'a Groups,
    filler_groups: &'a FillerGroups,
    filters: &'a Filters,
}

/// The filter platform of an item's platform (empty: filters do not apply).
fn filter_platform(platform: &str) -> &'static str {
    match platform {
        "Windows" | "windows10" => "windows10AndLater",
        "iOS" => "iOS",
        "macOS" => "macOS",
        "Android" | "android" => "androidForWork",
        "AOSP" => "androidAOSP",
        "iOSMAM" => "iOSMobileApplicationManagement",
        "androidMAM" => "androidMobileApplicationManagement",
        _ => "",
    }
}

const SCOPES: [&str; 12] = [
    "Finance",
    "HR",
    "Legal",
    "Engineering",
    "Support",
    "Lyon",
    "Porto",
    "Paris",
    "Frontline",
    "Executives",
    "Contractors",
    "Pilot",
];

/// Created some months ago, last changed since.
fn stamp(item: &mut Value, gen: &mut Generator) {
    item["createdDateTime"] = json!(gen.ago(24 * 200, 24 * 900));
    item["lastModifiedDateTime"] = json!(gen.ago(2, 24 * 180));
}

impl World<'_> {
    fn group(&self, name: &str) -> String {
        self.groups.id(name)
    }

    fn filter(&self, name: &str) -> String {
        self.filters.id(name)
    }

    /// Filler assignments: one or two inclusions (a filler group, maybe filtered; or all users
    /// or all devices through a filter no persona's device matches, or on a platform none has),
    /// and sometimes an exclusion. `everyone`: all users and all devices may be targeted.
    fn filler_targets(&mut self, platform: &str, everyone: bool) -> Vec<Target> {
        let filter_platform = filter_platform(platform);
        let safe: Vec<String> = self
            .filters
            .matching_no_persona
            .iter()
            .filter(|(p, _)| *p == filter_platform)
            .map(|(_, id)| id.clone())
            .collect();
        let usable: Vec<String> =
            self.filters.all.iter().filter(|(p, _)| *p == filter_platform).map(|(_, id)| id.clone()).collect();
        let no_persona_platform = platform == "macOS" || platform == "linux";
        let mut targets: Vec<Target> = Vec::new();
        for _ in 0..self.gen.rng.gen_range(1..=2) {
            let roll: f64 = self.gen.rng.gen();
            let target = if everyone && roll < 0.15 && (no_persona_platform || !safe.is_empty()) {
                let all = if self.gen.rng.gen_bool(0.5) { Target::all_users() } else { Target::all_devices() };
                match safe.is_empty() || (no_persona_platform && self.gen.rng.gen_bool(0.5)) {
                    true => all,
                    false => all.with_filter(self.gen.pick(&safe).clone(), "include"),
                }
            } else {
                let group = Target::group(self.gen.pick(&self.filler_groups.include).clone());
                let mode: f64 = self.gen.rng.gen();
                if usable.is_empty() || mode < 0.55 {
                    group
                } else {
                    let filter = self.gen.pick(&usable).clone();
                    group.with_filter(filter, if mode < 0.85 { "include" } else { "exclude" })
                }
            };
            if targets.iter().all(|t| t.key() != target.key()) {
                targets.push(target);
            }
        }
        if self.gen.rng.gen_bool(0.3) {
            let exclusion = Target::exclude(self.gen.pick(&self.filler_groups.exclude).clone());
            if targets.iter().all(|t| t.key() != exclusion.key()) {
                targets.push(exclusion);
            }
        }
        targets
    }

    /// Policy assignments as beta sends them (`{policy}_{target}` ids, direct), with `intent`
    /// for configuration profiles.
    fn policy_assignments(policy: &str, targets: &[Target], intent: Option<&str>) -> Value {
        let list: Vec<Value> = targets
            .iter()
            .map(|target| {
                let mut assignment = json!({
                    "id": format!("{policy}_{}", target.key()),
                    "source": "direct",
                    "sourceId": policy,
                    "target": target.json()
                });
                if let Some(intent) = intent {
                    assignment["intent"] = json!(intent);
                }
                assignment
            })
            .collect();
        Value::Array(list)
    }

    fn policy_name(&mut self, label: &str, purposes: &[&str]) -> String {
        let purpose = *self.gen.pick(purposes);
        let scope = *self.gen.pick(&SCOPES);
        format!("{label} - {purpose} ({scope})")
    }

    // ---------------------------------------------------------------- compliance policies

    fn compliance_settings(&mut self, kind: &str) -> Value {
        let gen = &mut self.gen;
        match kind {
            "windows10CompliancePolicy" => json!({
                "passwordRequired": gen.rng.gen_bool(0.8),
                "osMinimumVersion": gen.pick(&["10.0.19045", "10.0.22621", "10.0.22631", "10.0.26100"]),
                "bitLockerEnabled": gen.rng.gen_bool(0.7),
                "secureBootEnabled": gen.rng.gen_bool(0.7)
            }),
            "iosCompliancePolicy" => json!({
                "passcodeRequired": true,
                "osMinimumVersion": gen.pick(&["16.0", "17.0", "17.4", "18.0"]),
                "securityBlockJailbrokenDevices": true
            }),
            "macOSCompliancePolicy" => json!({
                "passwordRequired": true,
                "osMinimumVersion": gen.pick(&["13.0", "14.0", "15.0"]),
                "systemIntegrityProtectionEnabled": true,
                "storageRequireEncryption": gen.rng.gen_bool(0.8)
            }),
            "androidWorkProfileCompliancePolicy" => json!({
                "passwordRequired": true,
                "osMinimumVersion": gen.pick(&["12.0", "13.0", "14.0"]),
                "securityBlockJailbrokenDevices": true,
                "storageRequireEncryption": true
            }),
            _ => json!({
                "passwordRequired": true,
                "osMinimumVersion": gen.pick(&["12.0", "13.0", "14.0"]),
                "storageRequireEncryption": true
            }),
        }
    }

    /// A compliance policy or configuration profile: the base properties (a version drawn from
    /// `versions`), those of its kind (`extra`), its settings and its assignments.
    #[allow(clippy::too_many_arguments)]
    fn device_policy(
        &mut self,
        kind: &str,
        id: String,
        name: &str,
        description: &str,
        versions: std::ops::Range<i32>,
        extra: Value,
        settings: Value,
        targets: &[Target],
        intent: Option<&str>,
    ) -> Value {
        let mut item = json!({
            "@odata.type": format!("#microsoft.graph.{kind}"),
            "id": id,
            "displayName": name,
            "description": description,
            "version": self.gen.rng.gen_range(versions),
            "roleScopeTagIds": ["0"]
        });
        stamp(&mut item, self.gen);
        for more in [extra, settings] {
            if let (Value::Object(item), Value::Object(more)) = (&mut item, more) {
                item.extend(more);
            }
        }
        item["assignments"] = Self::policy_assignments(&id, targets, intent);
        item
    }

    fn compliance_policy(
        &mut self,
        kind: &str,
        id: String,
        name: &str,
        description: &str,
        settings: Value,
        targets: &[Target],
    ) -> Value {
        self.device_policy(kind, id, name, description, 1..9, json!({}), settings, targets, None)
    }

    fn compliance_policies(&mut self) -> Vec<Value> {
        let everyone = [Target::all_users(), Target::exclude(self.group("Compliance exemptions"))];
        // The shared PC has its own policy: the Windows baseline leaves it out by a filter.
        let not_shared = Target::all_users().with_filter(self.filter("Shared PCs by name"), "exclude");
        let windows = [not_shared, Target::exclude(self.group("Compliance exemptions"))];
        let named = [
            (
                "windows10CompliancePolicy",
                "Windows compliance baseline",
                "Windows",
                json!({"passwordRequired": true, "osMinimumVersion": "10.0.22631", "bitLockerEnabled": true, "secureBootEnabled": true}),
            ),
            (
                "iosCompliancePolicy",
                "iOS compliance baseline",
                "iOS",
                json!({"passcodeRequired": true, "osMinimumVersion": "17.0", "securityBlockJailbrokenDevices": true}),
            ),
            (
                "androidWorkProfileCompliancePolicy",
                "Android compliance baseline",
                "Android",
                json!({"passwordRequired": true, "securityBlockJailbrokenDevices": true}),
            ),
        ];
        let mut items = Vec::new();
        for (kind, name, os, settings) in named {
            let id = policy_id("deviceCompliancePolicyState", name, os);
            let targets = if os == "Windows" { &windows } else { &everyone };
            items.push(self.compliance_policy(kind, id, name, "Every user's devices.", settings, targets));
        }
        let shared = [Target::group(self.group("Shared PCs"))];
        let id = policy_id("deviceCompliancePolicyState", "Shared PC password policy", "Windows");
        let settings = json!({"passwordRequired": true, "passwordMinimumLength": 12});
        items.push(self.compliance_policy(
            "windows10CompliancePolicy",
            id,
            "Shared PC password policy",
            "PCs in the Shared PCs device group.",
            settings,
            &shared,
        ));
        let kinds = [
            ("windows10CompliancePolicy", "Windows", "Windows"),
            ("windows10CompliancePolicy", "Windows", "Windows"),
            ("iosCompliancePolicy", "iOS", "iOS"),
            ("macOSCompliancePolicy", "macOS", "macOS"),
            ("androidWorkProfileCompliancePolicy", "Android", "Android work profile"),
            ("androidDeviceOwnerCompliancePolicy", "Android", "Android fully managed"),
            ("aospDeviceOwnerCompliancePolicy", "AOSP", "Android AOSP"),
        ];
        let purposes = [
            "Minimum OS",
            "Encryption required",
            "Password policy",
            "Jailbreak detection",
            "Defender risk score",
            "Strict baseline",
            "Grace period 3 days",
            "Legacy devices",
        ];
        while items.len() < COMPLIANCE_POLICIES {
            let (kind, platform, label) = *self.gen.pick(&kinds);
            let name = self.policy_name(label, &purposes);
            let settings = self.compliance_settings(kind);
            let targets = if self.gen.rng.gen_bool(0.1) { vec![] } else { self.filler_targets(platform, true) };
            let id = self.gen.id();
            items.push(self.compliance_policy(kind, id, &name, "", settings, &targets));
        }
        items
    }

    // ---------------------------------------------------------------- configuration profiles

    fn configuration_profile(
        &mut self,
        kind: &str,
        id: String,
        name: &str,
        description: &str,
        settings: Value,
        targets: &[Target],
    ) -> Value {
        let applicability = json!({
            "supportsScopeTags": true,
            "deviceManagementApplicabilityRuleOsEdition": null,
            "deviceManagementApplicabilityRuleOsVersion": null,
            "deviceManagementApplicabilityRuleDeviceMode": null
        });
        self.device_policy(kind, id, name, description, 1..12, applicability, settings, targets, Some("apply"))
    }

    fn configuration_profiles(&mut self) -> Vec<Value> {
        let mut items = Vec::new();
        let vpn_server = json!({"description": "Contoso", "address": "vpn.contoso.com", "isDefaultServer": true});
        // The states every device carries: "Corporate Wi-Fi" to all devices, "Always-on VPN" to all users.
        for (os, kind, settings) in [
            (
                "Windows",
                "windowsWifiConfiguration",
                json!({"ssid": "CONTOSO-CORP", "connectAutomatically": true, "wifiSecurityType": "wpa2Enterprise"}),
            ),
            (
                "iOS",
                "iosWiFiConfiguration",
                json!({"ssid": "CONTOSO-CORP", "connectAutomatically": true, "wiFiSecurityType": "wpaEnterprise"}),
            ),
            (
                "Android",
                "androidWorkProfileWiFiConfiguration",
                json!({"ssid": "CONTOSO-CORP", "connectAutomatically": true, "wiFiSecurityType": "wpaEnterprise"}),
            ),
        ] {
            let id = policy_id("deviceConfigurationState", "Corporate Wi-Fi", os);
            let targets = [Target::all_devices()];
            items.push(self.configuration_profile(kind, id, "Corporate Wi-Fi", "Office Wi-Fi.", settings, &targets));
        }
        for (os, kind, settings) in [
            (
                "Windows",
                "windows10VpnConfiguration",
                json!({"connectionName": "Contoso VPN", "connectionType": "ciscoAnyConnect", "servers": [vpn_server.clone()]}),
            ),
            (
                "iOS",
                "iosVpnConfiguration",
                json!({"connectionName": "Contoso VPN", "connectionType": "ciscoAnyConnect", "server": vpn_server.clone()}),
            ),
            (
                "Android",
                "androidWorkProfileVpnConfiguration",
                json!({"connectionName": "Contoso VPN", "connectionType": "ciscoAnyConnect", "servers": [vpn_server.clone()]}),
            ),
        ] {
            let id = policy_id("deviceConfigurationState", "Always-on VPN", os);
            let targets = [Target::all_users()];
            items.push(self.configuration_profile(
                kind,
                id,
                "Always-on VPN",
                "VPN on every device.",
                settings,
                &targets,
            ));
        }
        // Adele: excluded through a nested group; a profile for a group she is not in.
        let id = self.gen.id();
        let targets = [Target::group(self.group("All iOS users")), Target::exclude(self.group(VPN_EXCLUSIONS))];
        let settings = json!({"connectionName": "Contoso VPN (per-app)", "connectionType": "ciscoAnyConnect", "server": vpn_server});
        items.push(self.configuration_profile(
            "iosVpnConfiguration",
            id,
            VPN_PROFILE,
            "Per-app VPN for iOS; offices on a local VPN are excluded.",
            settings,
            &targets,
        ));
        let id = self.gen.id();
        let targets = [Target::group(self.group(PARIS_OFFICE))];
        let settings =
            json!({"ssid": "CONTOSO-PARIS-HQ", "connectAutomatically": true, "wifiSecurityType": "wpa2Enterprise"});
        items.push(self.configuration_profile(
            "windowsWifiConfiguration",
            id,
            WIFI_PROFILE,
            "Wi-Fi of the Paris headquarters.",
            settings,
            &targets,
        ));
        let kinds = [
            ("windows10GeneralConfiguration", "Windows", "Windows - Device restrictions"),
            ("windows10EndpointProtectionConfiguration", "Windows", "Windows - Endpoint protection"),
            ("windows10CustomConfiguration", "Windows", "Windows - Custom OMA-URI"),
            ("windowsUpdateForBusinessConfiguration", "Windows", "Windows - Update ring"),
            ("windowsWifiConfiguration", "Windows", "Windows - Wi-Fi"),
            ("windows10VpnConfiguration", "Windows", "Windows - VPN"),
            ("iosGeneralDeviceConfiguration", "iOS", "iOS - Device restrictions"),
            ("iosDeviceFeaturesConfiguration", "iOS", "iOS - Device features"),
            ("iosCustomConfiguration", "iOS", "iOS - Custom"),
            ("iosVpnConfiguration", "iOS", "iOS - VPN"),
            ("iosWiFiConfiguration", "iOS", "iOS - Wi-Fi"),
            ("macOSGeneralDeviceConfiguration", "macOS", "macOS - Device restrictions"),
            ("macOSCustomConfiguration", "macOS", "macOS - Custom"),
            ("macOSWiFiConfiguration", "macOS", "macOS - Wi-Fi"),
            ("androidWorkProfileGeneralDeviceConfiguration", "Android", "Android - Work profile restrictions"),
            ("androidWorkProfileWiFiConfiguration", "Android", "Android - Wi-Fi"),
            ("androidWorkProfileVpnConfiguration", "Android", "Android - VPN"),
            ("androidDeviceOwnerGeneralDeviceConfiguration", "Android", "Android - Fully managed restrictions"),
        ];
        let purposes = ["Standard", "Strict", "Pilot", "Site", "Shared devices", "Executives", "Legacy", "Test"];
        while items.len() < CONFIGURATION_PROFILES {
            let (kind, platform, label) = *self.gen.pick(&kinds);
            let name = self.policy_name(label, &purposes);
            let code = self.gen.rng.gen_range(100..999);
            let settings = if kind.ends_with("WifiConfiguration") {
                json!({"ssid": format!("CONTOSO-{code}"), "connectAutomatically": true, "wifiSecurityType": "wpa2Personal"})
            } else if kind.ends_with("WiFiConfiguration") {
                json!({"ssid": format!("CONTOSO-{code}"), "connectAutomatically": true, "wiFiSecurityType": "wpaPersonal"})
            } else if kind.ends_with("VpnConfiguration") {
                json!({"connectionName": format!("Contoso VPN {code}"), "connectionType": "ciscoAnyConnect"})
            } else {
                json!({})
            };
            let targets = if self.gen.rng.gen_bool(0.1) { vec![] } else { self.filler_targets(platform, true) };
            let id = self.gen.id();
            items.push(self.configuration_profile(kind, id, &name, "", settings, &targets));
        }
        items
    }

    // ---------------------------------------------------------------- settings catalog

    fn settings_policy(
        &mut self,
        name: &str,
        description: &str,
        platforms: &str,
        technologies: &str,
        template: Option<(&str, &str)>,
        targets: &[Target],
    ) -> Value {
        let id = self.gen.id();
        let template = match template {
            Some((family, display)) => json!({
                "templateId": format!("{}_1", super::uuid_from_name(&format!("{family}/{display}/{platforms}"))),
                "templateFamily": family,
                "templateDisplayName": display,
                "templateDisplayVersion": "Version 1"
            }),
            None => json!({
                "templateId": "",
                "templateFamily": "none",
                "templateDisplayName": null,
                "templateDisplayVersion": null
            }),
        };
        let mut item = json!({
            "id": id,
            "name": name,
            "description": description,
            "platforms": platforms,
            "technologies": technologies,
            "settingCount": self.gen.rng.gen_range(1..60),
            "creationSource": null,
            "roleScopeTagIds": ["0"],
            "isAssigned": !targets.is_empty(),
            "templateReference": template,
            "priorityMetaData": null
        });
        stamp(&mut item, self.gen);
        item["assignments"] = Self::policy_assignments(&id, targets, None);
        item
    }

    fn settings_catalog(&mut self) -> Vec<Value> {
        let windows = |w: &Self| Target::group(w.group("All Windows devices"));
        let mut items = vec![];
        let targets = [windows(self)];
        items.push(self.settings_policy(
            "Windows - Security baseline 24H2",
            "Microsoft's baseline, unchanged.",
            "windows10",
            "mdm",
            Some(("baseline", "Security Baseline for Windows 10 and later")),
            &targets,
        ));
        let targets = [windows(self), Target::exclude(self.group("Lab devices"))];
        items.push(self.settings_policy(
            "ES - Defender Antivirus (Windows)",
            "Real-time protection, cloud protection, daily quick scan.",
            "windows10",
            "mdm,microsoftSense",
            Some(("endpointSecurityAntivirus", "Microsoft Defender Antivirus")),
            &targets,
        ));
        let targets = [Target::all_devices().with_filter(self.filter("Corporate Windows"), "include")];
        items.push(self.settings_policy(
            "ES - BitLocker (Windows)",
            "XTS-AES 256 on the OS drive, recovery key escrowed to Entra ID.",
            "windows10",
            "mdm",
            Some(("endpointSecurityDiskEncryption", "BitLocker")),
            &targets,
        ));
        let targets = [Target::group(self.group("Corporate devices"))];
        items.push(self.settings_policy(
            "ES - Windows Firewall",
            "Domain, private and public profiles on.",
            "windows10",
            "mdm,microsoftSense",
            Some(("endpointSecurityFirewall", "Windows Firewall")),
            &targets,
        ));
        let targets = [Target::all_users()];
        items.push(self.settings_policy(
            "Edge - Browser settings",
            "Home page, SmartScreen, sync.",
            "windows10",
            "mdm",
            None,
            &targets,
        ));
        let targets = [Target::group(self.group("All iOS users"))];
        items.push(self.settings_policy(
            "iOS - Passcode and restrictions",
            "Six-digit passcode, no AirDrop to unmanaged.",
            "iOS",
            "mdm,appleRemoteManagement",
            None,
            &targets,
        ));
        const SECURITY: [(&str, &str, &str, &str); 12] = [
            ("endpointSecurityAntivirus", "Microsoft Defender Antivirus", "windows10", "mdm,microsoftSense"),
            ("endpointSecurityAntivirus", "Microsoft Defender Antivirus", "macOS", "mdm,microsoftSense"),
            ("endpointSecurityAntivirus", "Microsoft Defender Antivirus", "linux", "microsoftSense"),
            ("endpointSecurityDiskEncryption", "BitLocker", "windows10", "mdm"),
            ("endpointSecurityDiskEncryption", "FileVault", "macOS", "mdm"),
            ("endpointSecurityFirewall", "Windows Firewall", "windows10", "mdm,microsoftSense"),
            ("endpointSecurityFirewall", "Windows Firewall Rules", "windows10", "mdm,microsoftSense"),
            (
                "endpointSecurityEndpointDetectionAndResponse",
                "Endpoint detection and response",
                "windows10",
                "mdm,microsoftSense",
            ),
            (
                "endpointSecurityAttackSurfaceReduction",
                "Attack Surface Reduction Rules",
                "windows10",
                "mdm,microsoftSense",
            ),
            ("endpointSecurityAccountProtection", "Account protection", "windows10", "mdm"),
            ("endpointSecurityApplicationControl", "App Control for Business", "windows10", "mdm"),
            (
                "endpointSecurityEndpointPrivilegeManagement",
                "Elevation settings policy",
                "windows10",
                "mdm,endpointPrivilegeManagement",
            ),
        ];
        const BASELINES: [(&str, &str); 4] = [
            ("Security Baseline for Windows 10 and later", "mdm"),
            ("Microsoft Defender for Endpoint Security Baseline", "mdm,microsoftSense"),
            ("Security Baseline for Microsoft Edge", "mdm"),
            ("Windows 365 Security Baseline", "mdm"),
        ];
        const PLAIN: [(&str, &str, &str); 6] = [
            ("windows10", "mdm", "Windows"),
            ("windows10", "mdm", "Windows"),
            ("windows10", "mdm", "Office"),
            ("iOS", "mdm,appleRemoteManagement", "iOS"),
            ("macOS", "mdm,appleRemoteManagement", "macOS"),
            ("android", "mdm", "Android"),
        ];
        let purposes =
            ["Hardening", "Pilot", "Standard", "Kiosk", "Shared devices", "Privacy", "Performance", "Legacy"];
        fn platform_of(platforms: &str) -> &str {
            match platforms {
                "windows10" => "Windows",
                "iOS" => "iOS",
                "macOS" => "macOS",
                "android" => "Android",
                other => other,
            }
        }
        let endpoint_security = items.iter().filter(|i| i["templateReference"]["templateFamily"] != "none").count() - 1; // the baseline above
        for index in 0..ENDPOINT_SECURITY_POLICIES - endpoint_security {
            let (family, display, platforms, technologies) = SECURITY[index % SECURITY.len()];
            let label = format!("ES - {display} ({})", platform_of(platforms));
            let name = self.policy_name(&label, &purposes);
            let targets = self.filler_targets(platform_of(platforms), true);
            items.push(self.settings_policy(&name, "", platforms, technologies, Some((family, display)), &targets));
        }
        for &(display, technologies) in BASELINES.iter().cycle().take(5) {
            let name = self.policy_name("Baseline", &purposes);
            let targets = self.filler_targets("Windows", true);
            items.push(self.settings_policy(
                &name,
                "",
                "windows10",
                technologies,
                Some(("baseline", display)),
                &targets,
            ));
        }
        while items.len() < SETTINGS_CATALOG_POLICIES {
            let (platforms, technologies, label) = *self.gen.pick(&PLAIN);
            let name = self.policy_name(&format!("{label} - Settings"), &purposes);
            let targets =
                if self.gen.rng.gen_bool(0.15) { vec![] } else { self.filler_targets(platform_of(platforms), true) };
            items.push(self.settings_policy(&name, "", platforms, technologies, None, &targets));
        }
        items
    }

    // ---------------------------------------------------------------- apps

    /// An app as beta lists it; `kind` decides its own properties.
    fn app(&mut self, kind: &str, id: String, name: &str, publisher: &str, assignments: Vec<Value>) -> Value {
        let slug: String = name.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
        let version = format!(
            "{}.{}.{}",
            self.gen.rng.gen_range(1..30),
            self.gen.rng.gen_range(0..20),
            self.gen.rng.gen_range(0..999)
        );
        let size = self.gen.rng.gen_range(2_000_000u64..900_000_000);
        let own = match kind {
            "win32LobApp" => json!({
                "fileName": format!("{slug}.intunewin"), "size": size, "setupFilePath": "setup.exe",
                "installCommandLine": "setup.exe /quiet /norestart", "uninstallCommandLine": "setup.exe /uninstall /quiet",
                "applicableArchitectures": "x64"
            }),
            "winGetApp" => json!({
                "packageIdentifier": format!("9N{:010X}", self.gen.rng.gen::<u64>() % 0xFF_FFFF_FFFF),
                "installExperience": {"runAsAccount": "user"}
            }),
            "officeSuiteApp" => {
                json!({"productIds": ["o365ProPlusRetail"], "updateChannel": "current", "officePlatformArchitecture": "x64"})
            }
            "iosVppApp" => json!({
                "bundleId": format!("com.{slug}.ios"), "vppTokenOrganizationName": "Contoso",
                "usedLicenseCount": self.gen.rng.gen_range(0..400), "totalLicenseCount": 500,
                "applicableDeviceType": {"iPad": true, "iPhoneAndIPod": true}
            }),
            "iosStoreApp" => json!({
                "bundleId": format!("com.{slug}.ios"), "appStoreUrl": format!("https://apps.apple.com/app/{slug}/id{}", self.gen.rng.gen_range(100_000_000u64..999_999_999)),
                "applicableDeviceType": {"iPad": true, "iPhoneAndIPod": true}
            }),
            "iosLobApp" => json!({
                "bundleId": format!("com.contoso.{slug}"), "fileName": format!("{slug}.ipa"), "size": size,
                "versionNumber": version, "buildNumber": version,
                "applicableDeviceType": {"iPad": true, "iPhoneAndIPod": true}
            }),
            "androidManagedStoreApp" => json!({
                "packageId": format!("com.{slug}.android"), "appIdentifier": format!("com.{slug}.android"),
                "appStoreUrl": format!("https://play.google.com/store/apps/details?id=com.{slug}.android")
            }),
            "macOSLobApp" => json!({
                "bundleId": format!("com.{slug}.mac"), "fileName": format!("{slug}.pkg"), "size": size,
                "versionNumber": version, "buildNumber": version
            }),
            _ => json!({"appUrl": format!("https://{slug}.contoso.com/"), "useManagedBrowser": true}),
        };
        let mut item = json!({
            "@odata.type": format!("#microsoft.graph.{kind}"),
            "id": id,
            "displayName": name,
            "description": name,
            "publisher": publisher,
            "largeIcon": null,
            "isFeatured": false,
            "privacyInformationUrl": null,
            "informationUrl": null,
            "owner": "",
            "developer": "",
            "notes": "",
            "publishingState": "published",
            "isAssigned": !assignments.is_empty(),
            "roleScopeTagIds": ["0"],
            "uploadState": 1,
            "dependentAppCount": 0,
            "supersedingAppCount": 0,
            "supersededAppCount": 0
        });
        stamp(&mut item, self.gen);
        if let (Value::Object(item), Value::Object(own)) = (&mut item, own) {
            item.extend(own);
        }
        item["assignments"] = Value::Array(assignments);
        item
    }

    /// App assignments as beta sends them; Win32 apps carry their assignment settings.
    fn app_assignments(app: &str, kind: &str, targets: &[(&str, Target)]) -> Vec<Value> {
        targets
            .iter()
            .enumerate()
            .map(|(index, (intent, target))| {
                let settings = match kind {
                    "win32LobApp" => json!({
                        "@odata.type": "#microsoft.graph.win32LobAppAssignmentSettings",
                        "notifications": "showAll", "restartSettings": null, "installTimeSettings": null,
                        "deliveryOptimizationPriority": "notConfigured"
                    }),
                    _ => Value::Null,
                };
                json!({
                    "id": format!("{app}_{index}_0"),
                    "intent": intent,
                    "source": "direct",
                    "sourceId": null,
                    "target": target.json(),
                    "settings": settings
                })
            })
            .collect()
    }

    fn apps(&mut self) -> Vec<Value> {
        let group = |w: &Self, name: &str| Target::group(w.group(name));
        let sales_emea = group(self, "Sales EMEA");
        let lab = group(self, "Lab devices");
        let sales = group(self, "Sales and Marketing");
        // The apps the personas' devices report (their install states use these ids).
        let named = vec![
            (
                "iosStoreApp",
                "Microsoft Outlook",
                "iOS",
                "Microsoft Corporation",
                vec![("required", Target::all_users())],
            ),
            (
                "androidManagedStoreApp",
                "Microsoft Outlook",
                "Android",
                "Microsoft Corporation",
                vec![("available", sales.clone()), ("required", lab.clone())],
            ),
            ("winGetApp", "Microsoft Outlook", "Windows", "Microsoft Corporation", vec![("required", lab)]),
            (
                "iosVppApp",
                "Microsoft Teams",
                "iOS",
                "Microsoft Corporation",
                vec![("required", group(self, "All iOS users"))],
            ),
            ("iosLobApp", EXPENSES_APP, "iOS", "Contoso", vec![("required", sales_emea.clone())]),
            (
                "win32LobApp",
                EXPENSES_APP,
                "Windows",
                "Contoso",
                vec![("required", sales_emea.clone().with_filter(self.filter(WINDOWS_11_FILTER), "include"))],
            ),
            (
                "officeSuiteApp",
                "Microsoft 365 Apps",
                "Windows",
                "Microsoft",
                vec![("required", group(self, "Intune licensed users"))],
            ),
            ("win32LobApp", "Contoso VPN Client", "Windows", "Contoso", vec![("required", sales_emea.clone())]),
            ("winGetApp", "Company Portal", "Windows", "Microsoft Corporation", vec![("available", sales)]),
            (
                "win32LobApp",
                "Label Printer Driver",
                "Windows",
                "Brother Industries",
                vec![("required", sales_emea.clone())],
            ),
            ("androidManagedStoreApp", "Contoso Field Service", "Android", "Contoso", vec![("required", sales_emea)]),
            ("win32LobApp", "Contoso VPN Client (legacy)", "Windows", "Contoso", vec![]),
        ];
        let mut items = Vec::new();
        for (kind, name, os, publisher, targets) in named {
            let id = app_id(name, os);
            let assignments = Self::app_assignments(&id, kind, &targets);
            items.push(self.app(kind, id, name, publisher, assignments));
        }
        const PRODUCTS: [(&str, &str); 30] = [
            ("Adobe", "Acrobat Reader"),
            ("Google", "Chrome"),
            ("Mozilla", "Firefox"),
            ("Zoom", "Zoom Workplace"),
            ("Slack", "Slack"),
            ("Cisco", "Secure Client"),
            ("Notepad++", "Notepad++"),
            ("Igor Pavlov", "7-Zip"),
            ("VideoLAN", "VLC media player"),
            ("Citrix", "Workspace"),
            ("SAP", "SAP GUI"),
            ("Salesforce", "Salesforce"),
            ("ServiceNow", "Now Mobile"),
            ("Workday", "Workday"),
            ("DocuSign", "DocuSign eSignature"),
            ("Box", "Box Drive"),
            ("Dropbox", "Dropbox"),
            ("Atlassian", "Jira Cloud"),
            ("Microsoft Corporation", "Power BI"),
            ("Microsoft Corporation", "Authenticator"),
            ("Microsoft Corporation", "Edge"),
            ("Microsoft Corporation", "OneDrive"),
            ("Microsoft Corporation", "Visual Studio Code"),
            ("Contoso", "Timesheets"),
            ("Contoso", "Field Inspector"),
            ("Contoso", "Badge Reader"),
            ("Fabrikam", "Route Planner"),
            ("Tailspin", "Inventory Scanner"),
            ("Northwind", "Order Desk"),
            ("Wide World Importers", "Customs Forms"),
        ];
        const KINDS: [(&str, &str, &[&str]); 9] = [
            ("win32LobApp", "Windows", &["required", "available", "uninstall"]),
            ("win32LobApp", "Windows", &["required", "available", "uninstall"]),
            ("winGetApp", "Windows", &["required", "available", "uninstall"]),
            ("iosVppApp", "iOS", &["required", "available", "availableWithoutEnrollment", "uninstall"]),
            ("iosStoreApp", "iOS", &["required", "available", "availableWithoutEnrollment"]),
            ("iosLobApp", "iOS", &["required", "available", "uninstall"]),
            (
                "androidManagedStoreApp",
                "Android",
                &["required", "available", "availableWithoutEnrollment", "uninstall"],
            ),
            ("macOSLobApp", "macOS", &["required", "uninstall"]),
            ("webApp", "web", &["available", "required"]),
        ];
        let assigned_already = items.iter().filter(|a| a["isAssigned"] == true).count();
        let mut assigned_left = ASSIGNED_APPS - assigned_already;
        while items.len() < APPS {
            let (publisher, product) = *self.gen.pick(&PRODUCTS);
            let (kind, platform, intents) = *self.gen.pick(&KINDS);
            let name = match kind {
                "win32LobApp" | "macOSLobApp" | "iosLobApp" => {
                    format!("{product} {}.{}", self.gen.rng.gen_range(1..30), self.gen.rng.gen_range(0..10))
                }
                "webApp" => format!("{product} (web)"),
                _ => product.to_string(),
            };
            let remaining = APPS - items.len();
            let assign = assigned_left > 0 && self.gen.rng.gen_range(0..remaining) < assigned_left;
            let id = self.gen.id();
            let mut targets = Vec::new();
            if assign {
                assigned_left -= 1;
                let intent = *self.gen.pick(intents);
                for mut target in self.filler_targets(platform, platform == "macOS") {
                    if intent == "availableWithoutEnrollment" {
                        target.filter = None;
                    }
                    if intent == "available" && matches!(target.to, To::AllDevices) {
                        target.to = To::AllUsers;
                    }
                    targets.push((intent, target));
                }
            }
            let assignments = Self::app_assignments(&id, kind, &targets);
            items.push(self.app(kind, id, &name, publisher, assignments));
        }
        items
    }

    // ---------------------------------------------------------------- app protection

    fn app_protections(&mut self, ios: bool) -> Vec<Value> {
        let (kind, platform, label) = if ios {
            ("iosManagedAppProtection", "iOSMAM", "iOS")
        } else {
            ("androidManagedAppProtection", "androidMAM", "Android")
        };
        let named_targets =
            [Target::group(self.group("Intune licensed users")), Target::exclude(self.group("MAM opt-out"))];
        let named = if ios { "iOS - Outlook/Teams APP" } else { "Android - Outlook APP" };
        let mut items =
            vec![self.app_protection(kind, named, "Outlook and Teams on every licensed user's phone.", &named_targets)];
        let purposes = [
            "Outlook/Teams",
            "Office apps",
            "Edge",
            "Line-of-business apps",
            "All Microsoft apps",
            "Core Microsoft apps",
        ];
        while items.len() < APP_PROTECTIONS_PER_PLATFORM {
            let name = self.policy_name(&format!("{label} APP"), &purposes);
            let targets = if self.gen.rng.gen_bool(0.1) { vec![] } else { self.filler_targets(platform, false) };
            items.push(self.app_protection(kind, &name, "", &targets));
        }
        items
    }

    fn app_protection(&mut self, kind: &str, name: &str, description: &str, targets: &[Target]) -> Value {
        let id = format!("T_{}", self.gen.id());
        let assignments: Vec<Value> = targets
            .iter()
            .map(|target| {
                let suffix = if matches!(target.to, To::Exclude(_)) { "excl" } else { "incl" };
                json!({
                    "id": format!("{}_{suffix}", target.key()),
                    "source": "direct",
                    "sourceId": null,
                    "target": target.json()
                })
            })
            .collect();
        let own = if kind == "iosManagedAppProtection" {
            json!({"appDataEncryptionType": "whenDeviceLocked", "minimumRequiredOsVersion": "16.0", "faceIdBlocked": false})
        } else {
            json!({"encryptAppData": true, "screenCaptureBlocked": true, "minimumRequiredOsVersion": "12.0"})
        };
        let mut item = json!({
            "@odata.type": format!("#microsoft.graph.{kind}"),
            "id": id,
            "displayName": name,
            "description": description,
            "version": format!("\"{:08x}-0000-0d00-0000-{:012x}\"", self.gen.rng.gen::<u32>(), self.gen.rng.gen::<u64>() & 0xffff_ffff_ffff),
            "roleScopeTagIds": ["0"],
            "isAssigned": !assignments.is_empty(),
            "deployedAppCount": self.gen.rng.gen_range(1..12),
            "pinRequired": true,
            "appGroupType": *self.gen.pick(&["selectedPublicApps", "allMicrosoftApps", "allCoreMicrosoftApps", "allApps"]),
            "targetedAppManagementLevels": *self.gen.pick(&["unspecified", "unmanaged", "mdm"]),
            "assignments": assignments
        });
        stamp(&mut item, self.gen);
        if let (Value::Object(item), Value::Object(own)) = (&mut item, own) {
            item.extend(own);
        }
        item
    }
}
