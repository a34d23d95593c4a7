//! The demo tenant: four named personas that documentation and tests rely on, plus
//! generated users. The same seed and sizes give the same tenant; timestamps are
//! counted back from `now`.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::tenant::{Device, DirectoryObject, EntraDevice, Tenant, User};

pub mod catalogue;

pub const DOMAIN: &str = "contoso.onmicrosoft.com";

/// Devices of the personas whose Entra record tells a story (README of the stand-in).
const PATTI_LAPTOP: &str = "PATTI-LAPTOP";
const JOHANNA_WORKSTATION: &str = "JOHANNA-WS01";
const NESTOR_IPAD: &str = "NESTOR-IPAD";
const ADELE_LAPTOP: &str = "DESKTOP-ADELE01";
const SHARED_PC: &str = "SHARED-PC-01";

/// Adele's apps that fail to install, one a platform, and one with a code Microsoft does not list.
const ADELE_WINDOWS_APP: &str = "Contoso VPN Client";
const ADELE_IOS_APP: &str = "Contoso Expenses";
const ADELE_ANDROID_APP: &str = "Contoso Field Service";
const ADELE_UNLISTED_CODE_APP: &str = "Label Printer Driver";

#[derive(Debug, Clone)]
pub struct DemoSize {
    /// Generated users beside the personas.
    pub users: usize,
    /// Lee Gu's transitive groups, devices and enrollment failures.
    pub large_groups: usize,
    pub large_devices: usize,
    pub large_failures: usize,
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize { users: 200, large_groups: 1500, large_devices: 150, large_failures: 5000 }
    }
}

/// The twenty enrollment errors the product description names, as the demo tenant
/// reports them: (failureReason, failureCategory, operating system).
pub const NAMED_ENROLLMENT_ERRORS: [(&str, &str, &str); 20] = [
    ("IosTimeoutOrFailure", "clientDisconnected", "iOS"),
    ("UserNotRecognizedOrLicensed", "userValidation", "Android"),
    ("DeviceAlreadyEnrolled", "badRequest", "Android"),
    ("NotOnboardedOntoIntune", "accountValidation", "Windows"),
    ("EnrollmentAuthorizationFailure", "authorization", "Android"),
    ("DeviceNotSupported", "deviceNotSupported", "Android"),
    ("EnrollmentRestrictionsNotMet", "enrollmentRestrictionsEnforced", "Windows"),
    ("DeviceVersionTooLow", "enrollmentRestrictionsEnforced", "iOS"),
    ("DeviceVersionTooHigh", "enrollmentRestrictionsEnforced", "Android"),
    ("DeviceCannotBeEnrolledAsPersonal", "enrollmentRestrictionsEnforced", "Android"),
    ("DevicePlatformBlocked", "enrollmentRestrictionsEnforced", "macOS"),
    ("BulkTokenExpired", "authentication", "Windows"),
    ("AutopilotDeviceOrDetailsNotFound", "badRequest", "Windows"),
    ("AutopilotProfileNotFoundOrNotAssigned", "badRequest", "Windows"),
    ("UnexpectedAutopilotEnrollmentMethod", "badRequest", "Windows"),
    ("AutopilotDeviceRemoved", "badRequest", "Windows"),
    ("DeviceCapReached", "enrollmentRestrictionsEnforced", "iOS"),
    ("AppleOnboardingPushCertificateMissingOrExpired", "accountValidation", "iOS"),
    ("DeviceNotPreregistered", "enrollmentRestrictionsEnforced", "iOS"),
    ("FeatureNotSupported", "featureNotSupported", "Android"),
];

const FIRST_NAMES: [&str; 24] = [
    "Aiden", "Brigitte", "Camille", "Diego", "Elena", "Farid", "Grace", "Hugo", "Inès", "Jonas", "Kenji", "Léa",
    "Malik", "Nora", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tess", "Ulrich", "Vera", "Wen", "Yasmine",
];
const LAST_NAMES: [&str; 20] = [
    "Adams", "Bernard", "Chen", "Dubois", "Evans", "Fontaine", "García", "Haddad", "Ito", "Jensen", "Kowalski",
    "Lefèvre", "Moreau", "Nakamura", "Okafor", "Petit", "Rossi", "Silva", "Tanaka", "Weber",
];

struct Generator {
    rng: ChaCha8Rng,
    now: OffsetDateTime,
}

impl Generator {
    fn id(&mut self) -> String {
        let bytes: [u8; 16] = self.rng.gen();
        uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
    }

    fn ago(&mut self, min_hours: i64, max_hours: i64) -> String {
        let minutes = self.rng.gen_range(min_hours * 60..=max_hours * 60);
        timestamp(self.now - Duration::minutes(minutes))
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        items.choose(&mut self.rng).expect("non-empty choice list")
    }
}

fn timestamp(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).expect("RFC 3339 formats every date in range")
}

/// Builds the demo tenant.
pub fn demo_tenant(seed: u64, size: &DemoSize, now: OffsetDateTime) -> Tenant {
    let mut gen = Generator { rng: ChaCha8Rng::seed_from_u64(seed), now };
    let mut directory_objects = shared_groups(&mut gen);
    let group_id = |objects: &[DirectoryObject], name: &str| -> String {
        objects
            .iter()
            .find(|object| object.object["displayName"] == name)
            .and_then(|object| object.object["id"].as_str())
            .expect("shared group exists")
            .to_string()
    };
    let all_users = group_id(&directory_objects, "All Company");
    let sales = group_id(&directory_objects, "Sales and Marketing");
    let sales_emea = group_id(&directory_objects, "Sales EMEA");
    let ios_users = group_id(&directory_objects, "All iOS users");
    let intune_users = group_id(&directory_objects, "Intune licensed users");
    let helpdesk_role = group_id(&directory_objects, "Helpdesk Administrator");
    let paris_unit = group_id(&directory_objects, "Paris office");
    let retail = group_id(&directory_objects, "Retail");
    let it_admins = group_id(&directory_objects, "IT administrators");

    let enrollment_configurations = enrollment_configurations(
        &mut gen,
        &RestrictionGroups { sales: &sales, ios_users: &ios_users, retail: &retail, it_admins: &it_admins },
    );

    let mut users = vec![
        adele(&mut gen, vec![sales_emea.clone(), ios_users.clone(), intune_users.clone(), paris_unit]),
        megan(&mut gen, vec![all_users.clone(), sales.clone()]),
    ];
    let alex = alex(&mut gen, vec![all_users.clone(), intune_users.clone(), helpdesk_role, it_admins], &users[0]);
    users.insert(1, alex);
    users.extend(licence_personas(&mut gen, &all_users));
    let (lee, lee_groups) = lee_gu(&mut gen, size, &all_users);
    directory_objects.extend(lee_groups);
    users.push(lee);

    let candidates = [all_users, sales, sales_emea, ios_users, intune_users, retail];
    for index in 0..size.users {
        users.push(generated_user(&mut gen, index, &candidates));
    }

    let (entra_devices, autopilot_device_identities, autopilot_events) = device_records(&mut gen, &users);
    let sign_ins = adele_sign_ins(&mut gen, &users[0]);
    let mut entra_devices: Vec<EntraDevice> =
        entra_devices.into_iter().map(|object| EntraDevice { object, member_of: vec![] }).collect();
    // The catalogue draws from a stream of its own: what came before stays as it was.
    let mut stream = ChaCha8Rng::seed_from_u64(seed);
    stream.set_stream(1);
    let mut catalogue_gen = Generator { rng: stream, now };
    let generated_from = users.len() - size.users;
    let catalogue = catalogue::catalogue(
        &mut catalogue_gen,
        &mut directory_objects,
        &mut users,
        generated_from,
        &mut entra_devices,
    );
    Tenant {
        subscription_state: "active".into(),
        enrollment_configurations,
        directory_objects,
        users,
        entra_devices,
        autopilot_device_identities,
        autopilot_events,
        sign_ins,
        premium: true,
        catalogue,
    }
}

fn shared_groups(gen: &mut Generator) -> Vec<DirectoryObject> {
    let mut objects = Vec::new();
    let mut push = |gen: &mut Generator, object: Value, member_of: Vec<String>| -> String {
        let id = gen.id();
        let mut object = object;
        object["id"] = json!(id);
        objects.push(DirectoryObject { object, member_of });
        id
    };
    let all = push(gen, group("All Company", &["Unified"], None, true), vec![]);
    let sales = push(gen, group("Sales and Marketing", &["Unified"], None, true), vec![all.clone()]);
    push(gen, group("Sales EMEA", &[], None, true), vec![sales]);
    push(
        gen,
        group(
            "All iOS users",
            &["DynamicMembership"],
            Some("(user.assignedPlans -any (assignedPlan.service -eq \"SCO\")) and (user.usageLocation -eq \"FR\")"),
            true,
        ),
        vec![],
    );
    push(
        gen,
        group(
            "Intune licensed users",
            &["DynamicMembership"],
            Some("user.assignedPlans -any (assignedPlan.servicePlanId -eq \"c1ec4a95-1f05-45b3-a911-aa3fa01094f5\")"),
            true,
        ),
        vec![],
    );
    push(gen, group("Retail", &[], None, true), vec![all]);
    push(gen, group("IT administrators", &[], None, true), vec![]);
    push(
        gen,
        json!({
            "@odata.type": "#microsoft.graph.directoryRole",
            "displayName": "Helpdesk Administrator",
            "description": "Can reset passwords for non-administrators and Helpdesk Administrators.",
            "roleTemplateId": "729827e3-9c14-49f7-bb1b-9608f156bbb8"
        }),
        vec![],
    );
    push(
        gen,
        json!({
            "@odata.type": "#microsoft.graph.administrativeUnit",
            "displayName": "Paris office",
            "description": "Users based in the Paris office",
            "visibility": null
        }),
        vec![],
    );
    objects
}

fn group(name: &str, group_types: &[&str], rule: Option<&str>, security: bool) -> Value {
    let unified = group_types.contains(&"Unified");
    json!({
        "@odata.type": "#microsoft.graph.group",
        "displayName": name,
        "groupTypes": group_types,
        "securityEnabled": security,
        "mailEnabled": unified,
        "mail": if unified { Value::from(format!("{}@{DOMAIN}", name.replace(' ', ""))) } else { Value::Null },
        "membershipRule": rule,
        "membershipRuleProcessingState": rule.map(|_| "On"),
        "description": null
    })
}

fn assignment(gen: &mut Generator, target: Value) -> Value {
    json!({
        "@odata.type": "#microsoft.graph.enrollmentConfigurationAssignment",
        "id": format!("{}_assignment", gen.id()),
        "target": target,
        "source": "direct",
        "sourceId": null
    })
}

fn target(kind: &str, group: Option<&str>) -> Value {
    let mut target = json!({
        "@odata.type": format!("#microsoft.graph.{kind}"),
        "deviceAndAppManagementAssignmentFilterId": null,
        "deviceAndAppManagementAssignmentFilterType": "none"
    });
    if let Some(group) = group {
        target["groupId"] = json!(group);
    }
    target
}

/// The groups the demo's restrictions are assigned to.
struct RestrictionGroups<'a> {
    sales: &'a str,
    ios_users: &'a str,
    retail: &'a str,
    it_admins: &'a str,
}

fn restriction(blocked: bool, personal_blocked: bool, min: Option<&str>, max: Option<&str>) -> Value {
    json!({
        "@odata.type": "microsoft.graph.deviceEnrollmentPlatformRestriction",
        "platformBlocked": blocked,
        "personalDeviceEnrollmentBlocked": personal_blocked,
        "osMinimumVersion": min,
        "osMaximumVersion": max,
        "blockedManufacturers": [],
        "blockedSkus": []
    })
}

/// Enrollment configurations as beta sends them: the defaults, device limits and the
/// per-platform restrictions of today's admin center at several priorities, assigned to
/// groups, all users, all devices and a Configuration Manager collection, with exclusions.
fn enrollment_configurations(gen: &mut Generator, groups: &RestrictionGroups) -> Vec<Value> {
    let created = gen.ago(24 * 300, 24 * 400);
    let modified = gen.ago(24 * 5, 24 * 30);
    let base = |gen: &mut Generator,
                odata_type: &str,
                id_suffix: &str,
                kind: &str,
                name: &str,
                description: &str,
                priority: i64,
                targets: Vec<Value>| {
        let assignments: Vec<Value> = targets.into_iter().map(|t| assignment(gen, t)).collect();
        json!({
            "@odata.type": format!("#microsoft.graph.{odata_type}"),
            "id": format!("{}_{id_suffix}", gen.id()),
            "displayName": name,
            "description": description,
            "priority": priority,
            "createdDateTime": created,
            "lastModifiedDateTime": modified,
            "version": 2,
            "roleScopeTagIds": ["0"],
            "deviceEnrollmentConfigurationType": kind,
            "assignments": assignments
        })
    };
    let all_users = || target("allLicensedUsersAssignmentTarget", None);
    let mut default_platforms = base(gen, "deviceEnrollmentPlatformRestrictionsConfiguration", "DefaultPlatformRestrictions", "defaultPlatformRestrictions", "All users and all devices",
        "This is the default Device Type Restriction applied with the lowest priority to all users regardless of group membership.", 0, vec![all_users()]);
    default_platforms["iosRestriction"] = restriction(false, false, Some("16.0"), None);
    default_platforms["windowsRestriction"] = restriction(false, false, Some("10.0.19041"), None);
    default_platforms["windowsHomeSkuRestriction"] = restriction(false, false, None, None);
    default_platforms["windowsMobileRestriction"] = restriction(true, false, None, None);
    default_platforms["androidRestriction"] = restriction(false, true, Some("11.0"), Some("15.0"));
    default_platforms["androidForWorkRestriction"] = restriction(false, false, Some("11.0"), None);
    default_platforms["macOSRestriction"] = restriction(false, false, None, None);
    default_platforms["macRestriction"] = restriction(false, false, None, None);
    let mut default_limit = base(gen, "deviceEnrollmentLimitConfiguration", "DefaultLimit", "defaultLimit", "All users and all devices",
        "This is the default Device Limit Restriction applied with the lowest priority to all users regardless of group membership.", 0, vec![all_users()]);
    default_limit["limit"] = json!(5);
    let mut sales_limit = base(
        gen,
        "deviceEnrollmentLimitConfiguration",
        "Limit",
        "limit",
        "Sales: up to 3 devices",
        "Field sales keep one phone, one tablet and one laptop.",
        1,
        vec![target("groupAssignmentTarget", Some(groups.sales))],
    );
    sales_limit["limit"] = json!(3);
    let mut kiosk_limit = base(
        gen,
        "deviceEnrollmentLimitConfiguration",
        "Limit",
        "limit",
        "Kiosks: one device",
        "Assigned to all devices by mistake: device limits are checked for the user who enrolls.",
        2,
        vec![target("allDevicesAssignmentTarget", None)],
    );
    kiosk_limit["limit"] = json!(1);
    let single = |gen: &mut Generator,
                  name: &str,
                  description: &str,
                  priority: i64,
                  platform: &str,
                  rule: Value,
                  targets: Vec<Value>| {
        let mut config = base(
            gen,
            "deviceEnrollmentPlatformRestrictionConfiguration",
            "SinglePlatformRestriction",
            "singlePlatformRestriction",
            name,
            description,
            priority,
            targets,
        );
        config["platformType"] = json!(platform);
        config["platformRestriction"] = rule;
        config
    };
    let mut android_rule = restriction(false, true, Some("12.0"), None);
    android_rule["blockedManufacturers"] = json!(["Xiaomi", "OnePlus"]);
    let android = single(
        gen,
        "Android: no personal devices",
        "Personal Android phones go through app protection instead.",
        1,
        "android",
        android_rule,
        vec![all_users(), target("exclusionGroupAssignmentTarget", Some(groups.it_admins))],
    );
    let ios = single(
        gen,
        "iOS: 17.0 and later",
        "Older iOS versions lack the VPN profile settings we use.",
        2,
        "ios",
        restriction(false, false, Some("17.0"), None),
        vec![target("groupAssignmentTarget", Some(groups.ios_users))],
    );
    let mut windows_rule = restriction(false, true, Some("10.0.22621"), None);
    windows_rule["blockedSkus"] = json!(["Windows 11 Home"]);
    let windows = single(
        gen,
        "Windows: corporate PCs for retail",
        "Shop-floor PCs are company owned.",
        3,
        "windows",
        windows_rule,
        vec![target("groupAssignmentTarget", Some(groups.retail))],
    );
    let mac = single(
        gen,
        "macOS: blocked for sales",
        "Sales use Windows laptops.",
        4,
        "mac",
        restriction(true, false, None, None),
        vec![target("groupAssignmentTarget", Some(groups.sales))],
    );
    let comanaged = single(
        gen,
        "Windows: co-managed PCs",
        "PCs already in Configuration Manager.",
        5,
        "windows",
        restriction(false, false, Some("10.0.19045"), None),
        vec![
            json!({"@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget", "collectionId": "SMS00001", "deviceAndAppManagementAssignmentFilterId": null, "deviceAndAppManagementAssignmentFilterType": "none"}),
        ],
    );
    let hello = base(gen, "deviceEnrollmentWindowsHelloForBusinessConfiguration", "DefaultWindowsHelloForBusiness", "defaultWindowsHelloForBusiness", "All users and all devices",
        "This is the default Windows Hello for Business configuration applied with the lowest priority to all users regardless of group membership.", 0, vec![all_users()]);
    vec![default_platforms, default_limit, sales_limit, kiosk_limit, android, ios, windows, mac, comanaged, hello]
}

fn user_object(gen: &mut Generator, display_name: &str, alias: &str, job: Option<&str>) -> Value {
    let (given, surname) = display_name.split_once(' ').unwrap_or((display_name, ""));
    json!({
        "businessPhones": [],
        "displayName": display_name,
        "givenName": given,
        "jobTitle": job,
        "mail": format!("{alias}@{DOMAIN}"),
        "mobilePhone": null,
        "officeLocation": null,
        "preferredLanguage": "en-US",
        "surname": surname,
        "userPrincipalName": format!("{alias}@{DOMAIN}"),
        "id": gen.id()
    })
}

fn service_plan(name: &str, id: &str, status: &str) -> Value {
    json!({ "servicePlanId": id, "servicePlanName": name, "provisioningStatus": status, "appliesTo": "User" })
}

const INTUNE_A_PLAN_ID: &str = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5";

/// EMS E3 with Intune (`INTUNE_A`) in the given provisioning status.
fn ems_licence(gen: &mut Generator, intune_status: &str) -> Value {
    json!({
        "id": gen.id().replace('-', ""),
        "skuId": "efccb6f7-5641-4e0e-bd10-b4976e1bf68e",
        "skuPartNumber": "EMS",
        "servicePlans": [
            service_plan("INTUNE_A", INTUNE_A_PLAN_ID, intune_status),
            service_plan("AAD_PREMIUM", "41781fb2-bc02-4b7c-bd55-b576c07bb09d", "Success"),
            service_plan("RMS_S_ENTERPRISE", "bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "Success")
        ]
    })
}

/// Office 365 E3: mail and files, and Intune for Office 365 only, which is not an Intune licence.
fn office_licence(gen: &mut Generator) -> Value {
    json!({
        "id": gen.id().replace('-', ""),
        "skuId": "6fd2c87f-b296-42f0-b197-1e91e994b900",
        "skuPartNumber": "ENTERPRISEPACK",
        "servicePlans": [
            service_plan("EXCHANGE_S_ENTERPRISE", "efb87545-963c-4e0d-99df-69c6916d9eb0", "Success"),
            service_plan("SHAREPOINTENTERPRISE", "5dbe027f-2339-4123-9542-606e4d348a72", "Success"),
            service_plan("INTUNE_O365", "882e1d05-acd1-4ccb-8708-6ee03664b117", "PendingActivation")
        ]
    })
}

/// The part of the user principal name before `@`, as Intune names devices after it.
fn upn_alias(user: &Value) -> &str {
    user["userPrincipalName"].as_str().and_then(|upn| upn.split('@').next()).unwrap_or("user")
}

struct DeviceSpec<'a> {
    name: &'a str,
    os: &'a str,
    os_version: &'a str,
    compliance: &'a str,
    owner: &'a str,
    enrollment: &'a str,
    model: &'a str,
    manufacturer: &'a str,
}

fn device(gen: &mut Generator, user: &Value, spec: &DeviceSpec) -> Device {
    let id = gen.id();
    let enrolled = gen.ago(24 * 30, 24 * 500);
    let synced = gen.ago(0, 72);
    let object = json!({
        "@odata.type": "#microsoft.graph.managedDevice",
        "id": id,
        "userId": user["id"],
        "deviceName": spec.name,
        "managedDeviceOwnerType": spec.owner,
        "enrolledDateTime": enrolled,
        "lastSyncDateTime": synced,
        "operatingSystem": spec.os,
        "complianceState": spec.compliance,
        "jailBroken": "False",
        "managementAgent": "mdm",
        "osVersion": spec.os_version,
        "azureADRegistered": true,
        "deviceEnrollmentType": spec.enrollment,
        "azureADDeviceId": gen.id(),
        "deviceRegistrationState": "registered",
        "isEncrypted": spec.compliance == "compliant",
        "userPrincipalName": user["userPrincipalName"],
        "model": spec.model,
        "manufacturer": spec.manufacturer,
        "serialNumber": format!("SN{}", gen.rng.gen_range(100_000_000u64..999_999_999)),
        "userDisplayName": user["displayName"],
        "emailAddress": user["mail"],
        "complianceGracePeriodExpirationDateTime": "9999-12-31T23:59:59Z",
        "managementState": "managed",
        "totalStorageSpaceInBytes": 256_060_514_304u64,
        "freeStorageSpaceInBytes": gen.rng.gen_range(8_000_000_000u64..200_000_000_000),
        // What real lists hold beside: mostly empty, as Intune sends it without `$select`.
        "managedDeviceName": format!("{}_{}_{}", upn_alias(user), spec.os, &enrolled[..10]),
        "activationLockBypassCode": null,
        "androidSecurityPatchLevel": if spec.os == "Android" { "2024-06-01" } else { "" },
        "configurationManagerClientEnabledFeatures": null,
        "deviceHealthAttestationState": null,
        "easActivated": spec.os != "Windows",
        "easActivationDateTime": "0001-01-01T00:00:00Z",
        "easDeviceId": "",
        "enrollmentProfileName": null,
        "ethernetMacAddress": null,
        "exchangeAccessState": "none",
        "exchangeAccessStateReason": "none",
        "exchangeLastSuccessfulSyncDateTime": "0001-01-01T00:00:00Z",
        "iccid": null,
        "imei": "",
        "meid": "",
        "phoneNumber": "",
        "subscriberCarrier": "",
        "isSupervised": false,
        "managementCertificateExpirationDate": "2027-05-14T08:01:00Z",
        "notes": null,
        "partnerReportedThreatState": "unknown",
        "physicalMemoryInBytes": 0,
        "remoteAssistanceSessionErrorDetails": null,
        "remoteAssistanceSessionUrl": null,
        "requireUserEnrollmentApproval": null,
        "udid": null,
        "wiFiMacAddress": format!("{:012X}", gen.rng.gen_range(0x1000_0000_0000u64..0xFFFF_FFFF_FFFF)),
        "deviceActionResults": [{
            "actionName": "syncDevice",
            "actionState": "done",
            "startDateTime": synced,
            "lastUpdatedDateTime": synced
        }],
        // Beta only; `usersLoggedOn` is filled on a single GET that selects it.
        "joinType": if spec.enrollment == "windowsAzureADJoin" { "azureADJoined" } else { "azureADRegistered" },
        "autopilotEnrolled": spec.enrollment == "windowsAzureADJoin",
        "enrolledByUserPrincipalName": user["userPrincipalName"],
        "usersLoggedOn": if spec.os == "Windows" { json!([{ "userId": user["id"], "lastLogOnDateTime": synced }]) } else { json!([]) }
    });
    let compliant = spec.compliance == "compliant";
    let compliance_policy_states = vec![policy_state(
        gen,
        "deviceCompliancePolicyState",
        &format!("{} compliance baseline", spec.os),
        spec.os,
        compliance_settings(spec.os, compliant),
    )];
    let configuration_states = vec![
        policy_state(
            gen,
            "deviceConfigurationState",
            "Corporate Wi-Fi",
            spec.os,
            vec![setting("Wifi.Ssid", "SSID", "compliant", Some("CONTOSO-CORP"))],
        ),
        policy_state(
            gen,
            "deviceConfigurationState",
            "Always-on VPN",
            spec.os,
            vec![setting(
                "Vpn.Server",
                "VPN server",
                if compliant { "compliant" } else { "error" },
                Some("vpn.contoso.com"),
            )],
        ),
    ];
    Device { object, compliance_policy_states, configuration_states, log_collection_requests: vec![] }
}

fn setting(key: &str, name: &str, state: &str, current: Option<&str>) -> Value {
    json!({
        "@odata.type": "microsoft.graph.deviceCompliancePolicySettingState",
        "setting": key,
        "settingName": name,
        "instanceDisplayName": null,
        "state": state,
        "errorCode": 0,
        "errorDescription": if state == "nonCompliant" { "The device does not meet this requirement." } else { "No error" },
        "currentValue": current,
        "sources": []
    })
}

fn compliance_settings(os: &str, compliant: bool) -> Vec<Value> {
    let state = if compliant { "compliant" } else { "nonCompliant" };
    match os {
        "Windows" => vec![
            setting(
                "Windows10CompliancePolicy.BitLockerEnabled",
                "Require BitLocker",
                state,
                Some(if compliant { "true" } else { "false" }),
            ),
            setting(
                "Windows10CompliancePolicy.OsMinimumVersion",
                "Minimum OS version",
                state,
                Some(if compliant { "10.0.22631" } else { "10.0.17763" }),
            ),
            setting("Windows10CompliancePolicy.PasswordRequired", "Require a password", "compliant", Some("true")),
        ],
        _ => vec![
            setting(
                "CompliancePolicy.PasscodeRequired",
                "Require a passcode",
                state,
                Some(if compliant { "true" } else { "false" }),
            ),
            setting(
                "CompliancePolicy.SecurityBlockJailbrokenDevices",
                "Block jailbroken devices",
                "compliant",
                Some("false"),
            ),
        ],
    }
}

fn policy_state(gen: &mut Generator, kind: &str, name: &str, os: &str, settings: Vec<Value>) -> Value {
    let state = if settings.iter().any(|s| s["state"] == "nonCompliant") {
        "nonCompliant"
    } else if settings.iter().any(|s| s["state"] == "error") {
        "error"
    } else {
        "compliant"
    };
    let platform = match os {
        "iOS" => "iOS",
        "Android" => "android",
        "macOS" => "macOS",
        _ => "windows10AndLater",
    };
    // A policy's state has the policy's id, the same on every device (the catalogue's). The
    // draw is kept so that what is generated after it stays as it was.
    let _ = gen.id();
    json!({
        "@odata.type": format!("#microsoft.graph.{kind}"),
        "id": policy_id(kind, name, os),
        "displayName": name,
        "version": 3,
        "platformType": platform,
        "state": state,
        "settingCount": settings.len(),
        "settingStates": settings
    })
}

fn app(name: &str, version: &str, intent: &str, state: &str) -> Value {
    json!({
        "@odata.type": "microsoft.graph.mobileAppIntentAndStateDetail",
        "applicationId": uuid_from_name(name),
        "displayName": name,
        "mobileAppIntent": intent,
        "displayVersion": version,
        "installState": state,
        "supportedDeviceTypes": []
    })
}

/// The id of the policy behind a state (`deviceCompliancePolicyState` or
/// `deviceConfigurationState`) of this name on this operating system: the catalogue's.
fn policy_id(kind: &str, name: &str, os: &str) -> String {
    uuid_from_name(&format!("{kind}/{name}/{os}"))
}

/// Apps of one name on several platforms are several apps in Intune: the first platform
/// keeps the plain id, the others get their own.
const APP_FIRST_PLATFORM: [(&str, &str); 2] = [("Microsoft Outlook", "iOS"), (ADELE_IOS_APP, "iOS")];

/// The catalogue id of the app of this name on this operating system.
fn app_id(name: &str, os: &str) -> String {
    match APP_FIRST_PLATFORM.iter().find(|(app, _)| *app == name) {
        Some((_, first)) if *first != os => uuid_from_name(&format!("{name} ({os})")),
        _ => uuid_from_name(name),
    }
}

/// Stable application ids, so one app has the same id on every device.
fn uuid_from_name(name: &str) -> String {
    let mut hash: u128 = 0x6c62272e07bb014262b821756295c58d;
    for byte in name.bytes() {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(0x0000000001000000000000000000013b);
    }
    uuid::Builder::from_random_bytes(hash.to_be_bytes()).into_uuid().to_string()
}

fn app_states(gen: &mut Generator, user: &Value, device: &Device, apps: Vec<Value>) -> Value {
    let os = device.object["operatingSystem"].as_str().unwrap_or_default();
    let apps: Vec<Value> = apps
        .into_iter()
        .map(|mut app| {
            app["applicationId"] = json!(app_id(app["displayName"].as_str().unwrap_or_default(), os));
            app
        })
        .collect();
    json!({
        "@odata.type": "#microsoft.graph.mobileAppIntentAndState",
        "id": gen.id(),
        "managedDeviceIdentifier": device.object["id"],
        "userId": user["id"],
        "mobileAppList": apps
    })
}

/// The history of one app on one device (beta `mobileAppTroubleshootingEvent`): targeted
/// through a group, a policy created, the install command sent, then the failure with its code
/// (as sent) and Intune's details; `hours` is how long ago, oldest first.
fn app_event(
    gen: &mut Generator,
    user: &Value,
    device: &Device,
    app_name: &str,
    error_code: &str,
    group_id: &str,
    hours: (i64, i64),
) -> Value {
    let (from, to) = hours;
    let step = (to - from).max(4) / 4;
    let at = |gen: &mut Generator, k: i64| gen.ago(to - step * k, to - step * k);
    let (targeted, created, sent, failed) = (at(gen, 0), at(gen, 1), at(gen, 2), at(gen, 3));
    let checkin = at(gen, 4);
    json!({
        "@odata.type": "#microsoft.graph.mobileAppTroubleshootingEvent",
        "id": gen.id(),
        "eventDateTime": failed,
        "correlationId": gen.id(),
        "troubleshootingErrorDetails": null,
        "eventName": null,
        "additionalInformation": [],
        "managedDeviceIdentifier": device.object["id"],
        "deviceId": device.object["azureADDeviceId"],
        "userId": user["id"],
        "applicationId": app_id(app_name, device.object["operatingSystem"].as_str().unwrap_or_default()),
        "history": [
            { "@odata.type": "#microsoft.graph.mobileAppTroubleshootingAppTargetHistory", "occurrenceDateTime": targeted, "troubleshootingErrorDetails": null, "errorCode": null, "runState": "success", "securityGroupId": group_id },
            { "@odata.type": "#microsoft.graph.mobileAppTroubleshootingAppPolicyCreationHistory", "occurrenceDateTime": created, "troubleshootingErrorDetails": null, "errorCode": null, "runState": "success" },
            { "@odata.type": "#microsoft.graph.mobileAppTroubleshootingAppStateHistory", "occurrenceDateTime": sent, "troubleshootingErrorDetails": null, "actionType": "installCommandSent", "errorCode": null, "runState": "success" },
            {
                "@odata.type": "#microsoft.graph.mobileAppTroubleshootingAppStateHistory",
                "occurrenceDateTime": failed,
                "actionType": "installed",
                "errorCode": error_code,
                "runState": "fail",
                "troubleshootingErrorDetails": {
                    "@odata.type": "microsoft.graph.deviceManagementTroubleshootingErrorDetails",
                    "context": null,
                    "failure": format!("The installation of {app_name} did not complete."),
                    "failureDetails": format!("The device reported error {error_code} for {app_name}."),
                    "remediation": null,
                    "resources": []
                }
            },
            { "@odata.type": "#microsoft.graph.mobileAppTroubleshootingDeviceCheckinHistory", "occurrenceDateTime": checkin, "troubleshootingErrorDetails": null }
        ]
    })
}

fn app_registration(
    gen: &mut Generator,
    user: &Value,
    ios: bool,
    app_id: &str,
    device_name: &str,
    flagged: &[&str],
) -> Value {
    let (odata_type, identifier) = if ios {
        (
            "#microsoft.graph.iosManagedAppRegistration",
            json!({"@odata.type": "microsoft.graph.iosMobileAppIdentifier", "bundleId": app_id}),
        )
    } else {
        (
            "#microsoft.graph.androidManagedAppRegistration",
            json!({"@odata.type": "microsoft.graph.androidMobileAppIdentifier", "packageId": app_id}),
        )
    };
    json!({
        "@odata.type": odata_type,
        "id": gen.id(),
        "createdDateTime": gen.ago(24 * 60, 24 * 200),
        "lastSyncDateTime": gen.ago(0, 48),
        "applicationVersion": "16.0.1",
        "managementSdkVersion": "19.6.0",
        "platformVersion": if ios { "17.5" } else { "14" },
        "deviceType": if ios { "iPhone" } else { "Pixel 8" },
        "deviceTag": null,
        "deviceName": device_name,
        "flaggedReasons": flagged,
        "userId": user["id"],
        "appIdentifier": identifier,
        "version": "1"
    })
}

/// An enrollment failure for one of the named errors. With `details`, it carries the
/// beta `troubleshootingErrorDetails` the real service sends for some failures.
fn failure_event(gen: &mut Generator, user: &Value, error: usize, at: String, details: bool) -> Value {
    let (reason, category, os) = NAMED_ENROLLMENT_ERRORS[error % NAMED_ENROLLMENT_ERRORS.len()];
    let os_version = match os {
        "iOS" => "15.7.2",
        "Android" => "10",
        "macOS" => "13.6",
        _ => "10.0.19045",
    };
    let error_details = if details {
        json!({
            "@odata.type": "microsoft.graph.deviceManagementTroubleshootingErrorDetails",
            "context": format!("{os} enrollment through the Company Portal"),
            "failure": reason,
            "failureDetails": format!("The service refused the enrollment: {reason}."),
            "remediation": "Check the user's licence and the enrollment restrictions that apply to them, then ask them to enroll again.",
            "resources": [
                {"@odata.type": "microsoft.graph.deviceManagementTroubleshootingErrorResource", "text": "Troubleshoot device enrollment", "link": "https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-device-enrollment-in-intune"}
            ]
        })
    } else {
        Value::Null
    };
    json!({
        "@odata.type": "#microsoft.graph.enrollmentTroubleshootingEvent",
        "id": gen.id(),
        "eventDateTime": at,
        "correlationId": gen.id(),
        "troubleshootingErrorDetails": error_details,
        "eventName": "Enrollment failure",
        "additionalInformation": [],
        "managedDeviceIdentifier": format!("{:032x}", gen.rng.gen::<u128>()),
        "operatingSystem": os,
        "osVersion": os_version,
        "userId": user["id"],
        "deviceId": null,
        "enrollmentType": if os == "Windows" { "windowsAzureADJoin" } else { "userEnrollment" },
        "failureCategory": category,
        "failureReason": reason
    })
}

/// The Entra record of every managed device, the Autopilot identity of every Windows device
/// joined with Autopilot, and one deployment event each; the personas' devices differ: Patti's
/// laptop is compliant in Intune but not in Entra, Johanna's workstation is disabled in Entra,
/// Nestor's iPad was deleted from Entra, and Adele's laptop failed its last deployment.
fn device_records(gen: &mut Generator, users: &[User]) -> (Vec<Value>, Vec<Value>, Vec<Value>) {
    let mut entra = Vec::new();
    let mut identities = Vec::new();
    let mut events = Vec::new();
    for device in users.iter().flat_map(|user| &user.managed_devices) {
        let object = &device.object;
        let name = object["deviceName"].as_str().unwrap_or_default();
        if name != NESTOR_IPAD {
            let trust = if object["joinType"] == "azureADJoined" { "AzureAd" } else { "Workplace" };
            entra.push(json!({
                "@odata.type": "#microsoft.graph.device",
                "id": gen.id(),
                "deviceId": object["azureADDeviceId"],
                "displayName": name,
                "accountEnabled": name != JOHANNA_WORKSTATION,
                "isCompliant": object["complianceState"] == "compliant" && name != PATTI_LAPTOP,
                "isManaged": true,
                "trustType": trust,
                "approximateLastSignInDateTime": object["lastSyncDateTime"],
                "operatingSystem": object["operatingSystem"],
                "operatingSystemVersion": object["osVersion"],
                "registrationDateTime": object["enrolledDateTime"]
            }));
        }
        if object["autopilotEnrolled"] != true {
            continue;
        }
        identities.push(json!({
            "@odata.type": "#microsoft.graph.windowsAutopilotDeviceIdentity",
            "id": gen.id(),
            "serialNumber": object["serialNumber"],
            "model": object["model"],
            "manufacturer": object["manufacturer"],
            "groupTag": if name == ADELE_LAPTOP { "Retail-Paris" } else { "Corporate" },
            "enrollmentState": "enrolled",
            "deploymentProfileAssignmentStatus": "assignedUnkownSyncState",
            "deploymentProfileAssignedDateTime": object["enrolledDateTime"],
            "lastContactedDateTime": object["lastSyncDateTime"],
            "managedDeviceId": object["id"],
            "azureActiveDirectoryDeviceId": object["azureADDeviceId"],
            "azureAdDeviceId": object["azureADDeviceId"]
        }));
        // Adele's laptop deployed well once, then failed after an Autopilot reset.
        let failed = name == ADELE_LAPTOP;
        if failed {
            let earlier = gen.ago(30 * 24, 31 * 24);
            events.push(autopilot_event(gen, object, true, earlier));
        }
        let at = gen.ago(1, 48);
        events.push(autopilot_event(gen, object, !failed, at));
    }
    (entra, identities, events)
}

/// Adele's sign-ins of the last week, newest first: Outlook blocked by "Require compliant device"
/// from her non-compliant laptop (53000) ten minutes ago, a success from her iPhone, an MFA
/// interruption (50074), a sign-in blocked by location (53003), and older successes enough for
/// a second page.
fn adele_sign_ins(gen: &mut Generator, adele: &User) -> Vec<Value> {
    let device = |name: &str| adele.managed_devices.iter().find(|d| d.object["deviceName"] == name).map(|d| &d.object);
    let detail = |device: Option<&Value>, browser: &str| match device {
        Some(d) => json!({
            "deviceId": d["azureADDeviceId"], "displayName": d["deviceName"], "operatingSystem": d["operatingSystem"],
            "browser": browser, "isCompliant": d["complianceState"] == "compliant", "isManaged": true,
            "trustType": if d["joinType"] == "azureADJoined" { "Azure AD joined" } else { "Azure AD registered" }
        }),
        None => {
            json!({ "deviceId": "", "displayName": null, "operatingSystem": "Windows10", "browser": browser, "isCompliant": false, "isManaged": false, "trustType": null })
        }
    };
    let policy = |name: &str, controls: &[&str], result: &str, gen: &mut Generator| {
        json!({
            "id": gen.id(), "displayName": name, "enforcedGrantControls": controls, "enforcedSessionControls": [], "result": result
        })
    };
    let sign_in = |gen: &mut Generator,
                   minutes_ago: i64,
                   app: &str,
                   device: Value,
                   code: i64,
                   reason: &str,
                   ca: &str,
                   policies: Vec<Value>,
                   city: &str| {
        json!({
            "id": gen.id(),
            "createdDateTime": timestamp(gen.now - Duration::minutes(minutes_ago)),
            "userDisplayName": adele.object["displayName"],
            "userPrincipalName": adele.object["userPrincipalName"],
            "userId": adele.object["id"],
            "appId": uuid_from_name(app),
            "appDisplayName": app,
            "ipAddress": "203.0.113.24",
            "clientAppUsed": "Mobile Apps and Desktop clients",
            "correlationId": gen.id(),
            "conditionalAccessStatus": ca,
            "isInteractive": true,
            "status": { "errorCode": code, "failureReason": reason, "additionalDetails": null },
            "deviceDetail": device,
            "location": { "city": city, "state": null, "countryOrRegion": if city == "Lisbon" { "PT" } else { "FR" } },
            "appliedConditionalAccessPolicies": policies
        })
    };
    let laptop = device("DESKTOP-ADELE01");
    let phone = device("Adele's iPhone");
    let mut items = Vec::new();
    let p = policy("Require compliant device", &["RequireCompliantDevice"], "failure", gen);
    items.push(sign_in(gen, 10, "Microsoft Outlook", detail(laptop, "Rich Client"), 53000, "Device is not in required device state: {state}. Conditional Access policy requires a compliant device, and the device is not compliant. The user must enroll their device with an approved MDM provider like Intune.", "failure", vec![p], "Paris"));
    let p = policy("Require compliant device", &["RequireCompliantDevice"], "success", gen);
    items.push(sign_in(
        gen,
        120,
        "Microsoft Outlook",
        detail(phone, "Mobile Safari"),
        0,
        "Other.",
        "success",
        vec![p],
        "Paris",
    ));
    let p = policy("Require compliant device", &["RequireCompliantDevice"], "notApplied", gen);
    items.push(sign_in(
        gen,
        300,
        "Microsoft Teams",
        detail(laptop, "Rich Client"),
        50074,
        "Strong Authentication is required.",
        "notApplied",
        vec![p],
        "Paris",
    ));
    let p = policy("Block sign-ins outside France", &["Block"], "failure", gen);
    items.push(sign_in(
        gen,
        24 * 60 + 30,
        "Office 365 SharePoint Online",
        detail(None, "Chrome 131.0.0"),
        53003,
        "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
        "failure",
        vec![p],
        "Lisbon",
    ));
    for k in 0..55 {
        let p = policy("Require compliant device", &["RequireCompliantDevice"], "success", gen);
        items.push(sign_in(
            gen,
            26 * 60 + k * 140,
            "Microsoft Outlook",
            detail(phone, "Mobile Safari"),
            0,
            "Other.",
            "success",
            vec![p],
            "Paris",
        ));
    }
    items
}

/// One Autopilot deployment of a device: a success, or Adele's failure at device setup.
fn autopilot_event(gen: &mut Generator, device: &Value, success: bool, at: String) -> Value {
    let (state, device_setup, failure, app_status, error) = if success {
        ("success", "success", Value::Null, "compliant", 0)
    } else {
        (
            "failure",
            "failure",
            json!("The app Contoso VPN Client did not install during device setup (0x87D1041C)."),
            "error",
            -2016345060i64,
        )
    };
    json!({
        "@odata.type": "#microsoft.graph.deviceManagementAutopilotEvent",
        "id": gen.id(),
        "eventDateTime": at,
        "deploymentStartDateTime": at,
        "deploymentEndDateTime": at,
        "deploymentDuration": "PT42M",
        "deviceId": device["id"],
        "deviceSerialNumber": device["serialNumber"],
        "managedDeviceName": device["deviceName"],
        "userPrincipalName": device["userPrincipalName"],
        "osVersion": device["osVersion"],
        "windowsAutopilotDeploymentProfileDisplayName": "Contoso user-driven",
        "enrollmentType": "azureADJoinedWithAutopilotProfile",
        "deploymentState": state,
        "deviceSetupStatus": device_setup,
        "accountSetupStatus": if success { "success" } else { "notAttempted" },
        "enrollmentFailureDetails": failure,
        "policyStatusDetails": [
            {
                "id": gen.id(),
                "displayName": "Contoso VPN Client",
                "policyType": "application",
                "complianceStatus": app_status,
                "trackedOnEnrollmentStatus": true,
                "lastReportedDateTime": at,
                "errorCode": error
            },
            {
                "id": gen.id(),
                "displayName": "Windows compliance baseline",
                "policyType": "configuration",
                "complianceStatus": "compliant",
                "trackedOnEnrollmentStatus": true,
                "lastReportedDateTime": at,
                "errorCode": 0
            }
        ]
    })
}

/// A `deviceLogCollectionResponse` (v1.0 shape): received and kept 28 days when completed.
fn log_collection(gen: &mut Generator, device_id: &Value, status: &str, requested: &str, size_kb: f64) -> Value {
    let requested_at = OffsetDateTime::parse(requested, &Rfc3339).unwrap_or(gen.now);
    let completed = status == "completed";
    let later = |minutes: i64| {
        if completed {
            json!(timestamp(requested_at + Duration::minutes(minutes)))
        } else {
            Value::Null
        }
    };
    json!({
        "@odata.type": "#microsoft.graph.deviceLogCollectionResponse",
        "id": gen.id(),
        "status": status,
        "managedDeviceId": device_id,
        "requestedDateTimeUTC": requested,
        "receivedDateTimeUTC": later(7),
        "expirationDateTimeUTC": later(28 * 24 * 60),
        "initiatedByUserPrincipalName": format!("IsaiahL@{DOMAIN}"),
        "sizeInKB": size_kb
    })
}

fn adele(gen: &mut Generator, member_of: Vec<String>) -> User {
    let object = user_object(gen, "Adele Vance", "AdeleV", Some("Retail Manager"));
    let phone = device(
        gen,
        &object,
        &DeviceSpec {
            name: "Adele's iPhone",
            os: "iOS",
            os_version: "17.5.1",
            compliance: "compliant",
            owner: "company",
            enrollment: "appleBulkWithUser",
            model: "iPhone 15",
            manufacturer: "Apple",
        },
    );
    let laptop = device(
        gen,
        &object,
        &DeviceSpec {
            name: ADELE_LAPTOP,
            os: "Windows",
            os_version: "10.0.17763.1",
            compliance: "noncompliant",
            owner: "company",
            enrollment: "windowsAzureADJoin",
            model: "Surface Laptop 5",
            manufacturer: "Microsoft Corporation",
        },
    );
    let tablet = device(
        gen,
        &object,
        &DeviceSpec {
            name: "Adele's Galaxy Tab",
            os: "Android",
            os_version: "14",
            compliance: "compliant",
            owner: "personal",
            enrollment: "userEnrollment",
            model: "SM-X710",
            manufacturer: "samsung",
        },
    );
    let mut tablet = tablet;
    // Not seen for twelve days: still compliant, the validity period is thirty.
    tablet.object["lastSyncDateTime"] = json!(gen.ago(12 * 24, 12 * 24 + 6));
    let mut laptop = laptop;
    let (restarted, collected, failed_collection) = (gen.ago(3, 4), gen.ago(26, 28), gen.ago(50, 52));
    laptop.object["deviceActionResults"] = json!([
        { "actionName": "syncDevice", "actionState": "done", "startDateTime": laptop.object["lastSyncDateTime"], "lastUpdatedDateTime": laptop.object["lastSyncDateTime"] },
        { "actionName": "rebootNow", "actionState": "pending", "startDateTime": restarted, "lastUpdatedDateTime": restarted },
        { "actionName": "windowsDefenderScan", "actionState": "failed", "startDateTime": collected, "lastUpdatedDateTime": collected }
    ]);
    laptop.log_collection_requests = vec![
        log_collection(gen, &laptop.object["id"], "completed", &collected, 5_731.0),
        log_collection(gen, &laptop.object["id"], "failed", &failed_collection, 0.0),
    ];
    let apps = vec![
        app_states(
            gen,
            &object,
            &phone,
            vec![
                app("Microsoft Outlook", "4.2418.0", "requiredInstall", "installed"),
                app("Microsoft Teams", "6.10.0", "requiredInstall", "installed"),
                app(ADELE_IOS_APP, "2.3.0", "requiredInstall", "failed"),
            ],
        ),
        app_states(
            gen,
            &object,
            &laptop,
            vec![
                app("Microsoft 365 Apps", "16.0.17531", "requiredInstall", "installed"),
                app(ADELE_WINDOWS_APP, "3.4.1", "requiredInstall", "failed"),
                app("Company Portal", "11.2.1", "available", "pendingInstall"),
                app(ADELE_UNLISTED_CODE_APP, "5.0.2", "requiredInstall", "failed"),
            ],
        ),
        app_states(
            gen,
            &object,
            &tablet,
            vec![
                app("Microsoft Outlook", "4.2418.0", "available", "notInstalled"),
                app(ADELE_ANDROID_APP, "1.8.4", "requiredInstall", "failed"),
            ],
        ),
    ];
    // Why they failed: a code from each platform's table, in each of the forms Graph may use,
    // one code no table lists, and an app no longer assigned that failed before.
    // Targeted through her first group (Sales EMEA).
    let group = member_of.first().cloned().unwrap_or_default();
    let app_events = vec![
        app_event(gen, &object, &laptop, ADELE_WINDOWS_APP, "0x87D1041C", &group, (26, 30)),
        app_event(gen, &object, &phone, ADELE_IOS_APP, "87D13B64", &group, (5, 8)),
        app_event(gen, &object, &tablet, ADELE_ANDROID_APP, "-942583886", &group, (50, 54)),
        app_event(gen, &object, &laptop, ADELE_UNLISTED_CODE_APP, "0x80070643", &group, (70, 75)),
        app_event(gen, &object, &laptop, "Contoso VPN Client (legacy)", "-2016345060", &group, (24 * 40, 24 * 41)),
    ];
    let registrations = vec![
        app_registration(gen, &object, true, "com.microsoft.Office.Outlook", "Adele's iPhone", &[]),
        app_registration(gen, &object, true, "com.microsoft.skype.teams", "Adele's iPhone", &[]),
        app_registration(gen, &object, false, "com.microsoft.office.outlook", "Adele's Galaxy Tab", &["rootedDevice"]),
    ];
    let mut events = Vec::new();
    for error in 0..NAMED_ENROLLMENT_ERRORS.len() {
        let at = gen.ago(error as i64 * 30 + 1, error as i64 * 30 + 20);
        events.push(failure_event(gen, &object, error, at, error % 3 == 0));
    }
    // The beta list mixes kinds of events; this one is not an enrollment failure.
    events.push(json!({
        "@odata.type": "#microsoft.graph.deviceManagementTroubleshootingEvent",
        "id": gen.id(),
        "eventDateTime": gen.ago(2, 3),
        "correlationId": gen.id(),
        "troubleshootingErrorDetails": null,
        "eventName": "Device check-in",
        "additionalInformation": []
    }));
    User {
        object,
        license_details: vec![ems_licence(gen, "Success")],
        managed_devices: vec![phone, laptop, tablet],
        mobile_app_intent_and_states: apps,
        mobile_app_troubleshooting_events: app_events,
        managed_app_registrations: registrations,
        member_of,
        troubleshooting_events: events,
    }
}

/// Alex: all well, and the primary user of a shared PC that Adele also signs in to: its
/// setting states are per user, Adele's failing and Alex's not.
fn alex(gen: &mut Generator, member_of: Vec<String>, adele: &User) -> User {
    let object = user_object(gen, "Alex Wilber", "AlexW", Some("Marketing Assistant"));
    let phone = device(
        gen,
        &object,
        &DeviceSpec {
            name: "Alex's iPhone",
            os: "iOS",
            os_version: "17.5.1",
            compliance: "compliant",
            owner: "company",
            enrollment: "appleBulkWithUser",
            model: "iPhone 14",
            manufacturer: "Apple",
        },
    );
    let laptop = device(
        gen,
        &object,
        &DeviceSpec {
            name: "DESKTOP-ALEX01",
            os: "Windows",
            os_version: "10.0.22631.3737",
            compliance: "compliant",
            owner: "company",
            enrollment: "windowsAzureADJoin",
            model: "Surface Pro 9",
            manufacturer: "Microsoft Corporation",
        },
    );
    let mut shared = device(
        gen,
        &object,
        &DeviceSpec {
            name: SHARED_PC,
            os: "Windows",
            os_version: "10.0.22631.3737",
            compliance: "compliant",
            owner: "company",
            enrollment: "windowsAzureADJoin",
            model: "OptiPlex 7010",
            manufacturer: "Dell Inc.",
        },
    );
    let for_user = |mut setting: Value, user: &Value| {
        setting["userId"] = user["id"].clone();
        setting["userPrincipalName"] = user["userPrincipalName"].clone();
        setting
    };
    let settings = vec![
        for_user(
            setting("Windows10CompliancePolicy.PasswordRequired", "Require a password", "compliant", Some("true")),
            &object,
        ),
        for_user(
            setting(
                "Windows10CompliancePolicy.PasswordMinimumLength",
                "Minimum password length",
                "compliant",
                Some("12"),
            ),
            &object,
        ),
        for_user(
            setting("Windows10CompliancePolicy.PasswordRequired", "Require a password", "nonCompliant", Some("false")),
            &adele.object,
        ),
        for_user(
            setting(
                "Windows10CompliancePolicy.PasswordMinimumLength",
                "Minimum password length",
                "nonCompliant",
                Some("4"),
            ),
            &adele.object,
        ),
    ];
    let mut policy = policy_state(gen, "deviceCompliancePolicyState", "Shared PC password policy", "Windows", settings);
    // The state read below Alex's user is his own.
    policy["state"] = json!("compliant");
    shared.compliance_policy_states = vec![policy];
    shared.object["usersLoggedOn"] = json!([
        { "userId": object["id"], "lastLogOnDateTime": gen.ago(20, 30) },
        { "userId": adele.object["id"], "lastLogOnDateTime": gen.ago(1, 2) }
    ]);
    let apps = vec![
        app_states(gen, &object, &phone, vec![app("Microsoft Outlook", "4.2418.0", "requiredInstall", "installed")]),
        app_states(
            gen,
            &object,
            &laptop,
            vec![app("Microsoft 365 Apps", "16.0.17531", "requiredInstall", "installed")],
        ),
    ];
    let registrations =
        vec![app_registration(gen, &object, true, "com.microsoft.Office.Outlook", "Alex's iPhone", &[])];
    User {
        object,
        license_details: vec![ems_licence(gen, "Success")],
        managed_devices: vec![phone, laptop, shared],
        mobile_app_intent_and_states: apps,
        mobile_app_troubleshooting_events: vec![],
        managed_app_registrations: registrations,
        member_of,
        troubleshooting_events: vec![],
    }
}

/// A licence with one Intune plan (education, business or volume licensing).
fn intune_licence(gen: &mut Generator, sku: &str, sku_id: &str, plan: &str, plan_id: &str) -> Value {
    json!({
        "id": gen.id().replace('-', ""),
        "skuId": sku_id,
        "skuPartNumber": sku,
        "servicePlans": [
            service_plan(plan, plan_id, "Success"),
            service_plan("EXCHANGE_S_STANDARD", "9aaf7827-d63c-4b61-89c3-182f06f82e5c", "Success")
        ]
    })
}

/// Users licensed for Intune through education, small-business and volume-licensing plans,
/// and a guest whose user principal name carries `#EXT#` and who has no mailbox.
fn licence_personas(gen: &mut Generator, all_users: &str) -> Vec<User> {
    let person = |object: Value, licence: Value| User {
        object,
        license_details: vec![licence],
        managed_devices: vec![],
        mobile_app_intent_and_states: vec![],
        mobile_app_troubleshooting_events: vec![],
        managed_app_registrations: vec![],
        member_of: vec![all_users.to_string()],
        troubleshooting_events: vec![],
    };
    let nestor = user_object(gen, "Nestor Wilke", "NestorW", Some("Teacher"));
    let education = intune_licence(
        gen,
        "M365EDU_A3_FACULTY",
        "4b590615-0888-425a-a965-b3bf7789848d",
        "INTUNE_EDU",
        "da24caf9-af8e-485c-b7c8-e73336da2693",
    );
    let patti = user_object(gen, "Patti Fernandez", "PattiF", Some("President"));
    let business = intune_licence(
        gen,
        "SPB",
        "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
        "INTUNE_SMBIZ",
        "8e9ff0ff-aa7a-4b20-83c1-2f636b600ac2",
    );
    let johanna = user_object(gen, "Johanna Lorenz", "JohannaL", Some("Senior Engineer"));
    let volume = intune_licence(
        gen,
        "INTUNE_A_VL",
        "2b317a4a-77a6-4188-9437-b68a77b4e2c6",
        "INTUNE_A_VL",
        "3e170737-c728-4eae-bbb9-3f3360f7184c",
    );
    let mut grady = user_object(gen, "Grady Archie", "grady_fabrikam.com#EXT#", Some("Consultant (Fabrikam)"));
    grady["mail"] = Value::Null;
    let guest_licence = ems_licence(gen, "Success");
    // Entra ID allows an apostrophe in a user principal name.
    let dana = user_object(gen, "Dana O'Neil", "dana.o'neil", Some("Account Manager"));
    let dana_licence = ems_licence(gen, "Success");
    let spec = |name, os, os_version, enrollment, model, manufacturer| DeviceSpec {
        name,
        os,
        os_version,
        compliance: "compliant",
        owner: "company",
        enrollment,
        model,
        manufacturer,
    };
    // Their devices show what the Entra side can hold (see `device_records`).
    let nestor_ipad = device(
        gen,
        &nestor,
        &spec(NESTOR_IPAD, "iOS", "17.5.1", "appleBulkWithUser", "iPad (10th generation)", "Apple"),
    );
    let patti_laptop = device(
        gen,
        &patti,
        &spec(
            PATTI_LAPTOP,
            "Windows",
            "10.0.22631.3737",
            "windowsAzureADJoin",
            "Surface Laptop 6",
            "Microsoft Corporation",
        ),
    );
    let johanna_ws = device(
        gen,
        &johanna,
        &spec(JOHANNA_WORKSTATION, "Windows", "10.0.19045.4529", "windowsAzureADJoin", "ThinkStation P360", "LENOVO"),
    );
    let with_device = |mut user: User, device: Device| {
        user.managed_devices.push(device);
        user
    };
    vec![
        with_device(person(nestor, education), nestor_ipad),
        with_device(person(patti, business), patti_laptop),
        with_device(person(johanna, volume), johanna_ws),
        person(grady, guest_licence),
        person(dana, dana_licence),
    ]
}

/// Megan Bowen: no Intune licence, and the two enrollments she tried since were refused for it.
fn megan(gen: &mut Generator, member_of: Vec<String>) -> User {
    let object = user_object(gen, "Megan Bowen", "MeganB", Some("Marketing Manager"));
    let licence = office_licence(gen);
    let unlicensed = NAMED_ENROLLMENT_ERRORS.iter().position(|(reason, ..)| *reason == "UserNotRecognizedOrLicensed");
    let troubleshooting_events = [(2, 3), (26, 28)]
        .into_iter()
        .map(|(from, to)| {
            let at = gen.ago(from, to);
            failure_event(gen, &object, unlicensed.unwrap_or_default(), at, false)
        })
        .collect();
    User {
        object,
        license_details: vec![licence],
        managed_devices: vec![],
        mobile_app_intent_and_states: vec![],
        mobile_app_troubleshooting_events: vec![],
        managed_app_registrations: vec![],
        member_of,
        troubleshooting_events,
    }
}

/// Lee Gu: a very large user. Direct member of a fifth of their groups; each of those
/// sits in up to four parent groups, which brings the rest in transitively.
fn lee_gu(gen: &mut Generator, size: &DemoSize, all_company: &str) -> (User, Vec<DirectoryObject>) {
    let object = user_object(gen, "Lee Gu", "LeeG", Some("Director"));
    let total = size.large_groups.saturating_sub(1);
    let direct = total.div_ceil(5);
    let mut groups: Vec<DirectoryObject> = (0..total)
        .map(|index| {
            let kind: &[&str] = match index % 3 {
                0 => &[],
                1 => &["Unified"],
                _ => &["DynamicMembership"],
            };
            let rule = (index % 3 == 2).then_some("user.department -eq \"Engineering\"");
            let mut object = group(&format!("Project {:04}", index + 1), kind, rule, true);
            object["id"] = json!(gen.id());
            DirectoryObject { object, member_of: vec![] }
        })
        .collect();
    let ids: Vec<String> = groups.iter().map(|g| g.object["id"].as_str().unwrap_or_default().to_string()).collect();
    for (index, child) in groups.iter_mut().enumerate().take(direct) {
        child.member_of = (0..4)
            .map(|k| direct + index * 4 + k)
            .filter(|parent| *parent < total)
            .map(|parent| ids[parent].clone())
            .collect();
    }
    let mut member_of: Vec<String> = ids[..direct].to_vec();
    member_of.push(all_company.to_string());

    let oses = [
        ("iOS", "17.5.1", "iPhone 15", "Apple"),
        ("Android", "14", "Pixel 8", "Google"),
        ("Windows", "10.0.22631.3737", "Surface Laptop 5", "Microsoft Corporation"),
    ];
    let mut devices = Vec::new();
    for index in 0..size.large_devices {
        let (os, version, model, maker) = oses[index % oses.len()];
        let compliance = if index % 7 == 0 { "noncompliant" } else { "compliant" };
        devices.push(device(
            gen,
            &object,
            &DeviceSpec {
                name: &format!("LAB-{:03}", index + 1),
                os,
                os_version: version,
                compliance,
                owner: "company",
                enrollment: "deviceEnrollmentManager",
                model,
                manufacturer: maker,
            },
        ));
    }
    let mut events = Vec::with_capacity(size.large_failures);
    for index in 0..size.large_failures {
        let at = gen.ago(1, 24 * 365);
        events.push(failure_event(gen, &object, index, at, index % 4 == 0));
    }
    let apps = devices
        .iter()
        .take(20)
        .map(|device| {
            app_states(gen, &object, device, vec![app("Microsoft Outlook", "4.2418.0", "requiredInstall", "installed")])
        })
        .collect();
    let user = User {
        object,
        license_details: vec![ems_licence(gen, "Success")],
        managed_devices: devices,
        mobile_app_intent_and_states: apps,
        mobile_app_troubleshooting_events: vec![],
        managed_app_registrations: vec![],
        member_of,
        troubleshooting_events: events,
    };
    (user, groups)
}

fn generated_user(gen: &mut Generator, index: usize, groups: &[String]) -> User {
    let first = *gen.pick(&FIRST_NAMES);
    let last = *gen.pick(&LAST_NAMES);
    let display_name = format!("{first} {last}");
    let alias: String = format!("{first}.{last}{}", index + 1).chars().filter(char::is_ascii_alphanumeric).collect();
    let object = user_object(gen, &display_name, &alias, None);
    let roll: f64 = gen.rng.gen();
    let licence = if roll < 0.85 {
        ems_licence(gen, "Success")
    } else if roll < 0.9 {
        ems_licence(gen, "PendingInput")
    } else {
        office_licence(gen)
    };
    let device_count = if roll < 0.9 { gen.rng.gen_range(0..=3) } else { 0 };
    let mut devices = Vec::new();
    for n in 0..device_count {
        let (os, version, model, maker) = *gen.pick(&[
            ("iOS", "17.5.1", "iPhone 13", "Apple"),
            ("Android", "13", "Galaxy S23", "samsung"),
            ("Windows", "10.0.22631.3737", "Latitude 7440", "Dell Inc."),
        ]);
        let compliance = *gen.pick(&["compliant", "compliant", "compliant", "noncompliant", "inGracePeriod"]);
        devices.push(device(
            gen,
            &object,
            &DeviceSpec {
                name: &format!("{}-{}", alias.to_uppercase(), n + 1),
                os,
                os_version: version,
                compliance,
                owner: if n == 0 { "company" } else { "personal" },
                enrollment: "userEnrollment",
                model,
                manufacturer: maker,
            },
        ));
    }
    let failures = if gen.rng.gen_bool(0.3) { gen.rng.gen_range(1..=3) } else { 0 };
    let mut events = Vec::new();
    for _ in 0..failures {
        let error = gen.rng.gen_range(0..NAMED_ENROLLMENT_ERRORS.len());
        let at = gen.ago(1, 24 * 90);
        let details = gen.rng.gen_bool(0.5);
        events.push(failure_event(gen, &object, error, at, details));
    }
    let member_of: Vec<String> = groups.iter().filter(|_| gen.rng.gen_bool(0.4)).cloned().collect();
    User {
        object,
        license_details: vec![licence],
        managed_devices: devices,
        mobile_app_intent_and_states: vec![],
        mobile_app_troubleshooting_events: vec![],
        managed_app_registrations: vec![],
        member_of,
        troubleshooting_events: events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant() -> Tenant {
        demo_tenant(7, &DemoSize::default(), OffsetDateTime::UNIX_EPOCH + Duration::days(20_000))
    }

    #[test]
    fn the_same_seed_gives_the_same_tenant() {
        let a = serde_json::to_string(&tenant()).unwrap();
        let b = serde_json::to_string(&tenant()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn personas_have_what_the_documentation_promises() {
        let tenant = tenant();
        let adele = tenant.user("AdeleV@contoso.onmicrosoft.com").expect("Adele");
        assert_eq!(adele.managed_devices.len(), 3);
        assert_eq!(adele.managed_devices.iter().filter(|d| d.object["complianceState"] == "noncompliant").count(), 1);
        let reasons: std::collections::HashSet<&str> =
            adele.troubleshooting_events.iter().filter_map(|e| e["failureReason"].as_str()).collect();
        assert_eq!(reasons.len(), 20);

        let lee = tenant.user("LeeG@contoso.onmicrosoft.com").expect("Lee Gu");
        assert_eq!(tenant.transitive_member_of(lee).len(), 1500);
        assert_eq!(lee.managed_devices.len(), 150);
        assert_eq!(lee.troubleshooting_events.len(), 5000);

        let megan = tenant.user("MeganB@contoso.onmicrosoft.com").expect("Megan");
        assert!(!serde_json::to_string(&megan.license_details).unwrap().contains("INTUNE_A"));
        assert_eq!(tenant.users.len(), 209);
    }

    #[test]
    fn the_tenant_holds_what_real_tenants_hold() {
        let tenant = tenant();
        let kinds: std::collections::HashSet<&str> = tenant
            .enrollment_configurations
            .iter()
            .filter_map(|c| c["deviceEnrollmentConfigurationType"].as_str())
            .collect();
        assert!(kinds.is_superset(
            &["singlePlatformRestriction", "limit", "defaultLimit", "defaultPlatformRestrictions"].into()
        ));
        let targets: std::collections::HashSet<&str> = tenant
            .enrollment_configurations
            .iter()
            .flat_map(|c| c["assignments"].as_array().into_iter().flatten())
            .filter_map(|a| a["target"]["@odata.type"].as_str())
            .collect();
        for kind in [
            "exclusionGroupAssignmentTarget",
            "allDevicesAssignmentTarget",
            "configurationManagerCollectionAssignmentTarget",
            "groupAssignmentTarget",
            "allLicensedUsersAssignmentTarget",
        ] {
            assert!(targets.contains(format!("#microsoft.graph.{kind}").as_str()), "{kind}");
        }
        let plans: std::collections::HashSet<&str> = tenant
            .users
            .iter()
            .flat_map(|u| &u.license_details)
            .flat_map(|l| l["servicePlans"].as_array().into_iter().flatten())
            .filter_map(|p| p["servicePlanName"].as_str())
            .collect();
        assert!(plans.is_superset(&["INTUNE_A", "INTUNE_EDU", "INTUNE_SMBIZ", "INTUNE_A_VL", "INTUNE_O365"].into()));
        let alex = tenant.user("AlexW@contoso.onmicrosoft.com").unwrap();
        let shared_users: std::collections::HashSet<&str> = alex.managed_devices[2].compliance_policy_states[0]
            ["settingStates"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["userId"].as_str())
            .collect();
        assert_eq!(shared_users.len(), 2, "the shared PC holds two users' setting states");
        assert!(tenant
            .user("grady_fabrikam.com#EXT#@contoso.onmicrosoft.com")
            .is_some_and(|g| g.object["mail"].is_null()));
    }

    /// The platform a catalogue item is for, from its kind; `None`: every platform (web links).
    fn platform_of(item: &Value) -> Option<&'static str> {
        let kind = item["@odata.type"].as_str().unwrap_or_default().trim_start_matches("#microsoft.graph.");
        Some(match kind {
            k if k.starts_with("windows") || k.starts_with("win") || k == "officeSuiteApp" => "Windows",
            k if k.starts_with("ios") => "iOS",
            k if k.starts_with("android") => "Android",
            k if k.starts_with("macOS") => "macOS",
            k if k.starts_with("aosp") => "AOSP",
            _ => return None,
        })
    }

    /// Whether an item reaches a device without a filter: an unfiltered inclusion (all users,
    /// all devices, or a group of the user or device) and no exclusion of those groups.
    fn reaches(item: &Value, groups: &std::collections::HashSet<&str>) -> bool {
        let assignments = item["assignments"].as_array().cloned().unwrap_or_default();
        let target = |a: &Value| a["target"].clone();
        let in_groups = |t: &Value| t["groupId"].as_str().is_some_and(|g| groups.contains(g));
        let excluded = assignments
            .iter()
            .map(target)
            .any(|t| t["@odata.type"] == "#microsoft.graph.exclusionGroupAssignmentTarget" && in_groups(&t));
        let included = assignments.iter().map(target).any(|t| {
            let unfiltered = t["deviceAndAppManagementAssignmentFilterType"] == "none";
            let kind = t["@odata.type"].as_str().unwrap_or_default();
            unfiltered
                && (kind.ends_with("allLicensedUsersAssignmentTarget")
                    || kind.ends_with("allDevicesAssignmentTarget")
                    || (kind.ends_with(".groupAssignmentTarget") && in_groups(&t)))
        });
        included && !excluded
    }

    #[test]
    fn what_the_catalogue_sends_the_personas_devices_is_what_they_report() {
        let tenant = tenant();
        let catalogue = &tenant.catalogue;
        let mut checked = 0;
        for upn in ["AdeleV@contoso.onmicrosoft.com", "AlexW@contoso.onmicrosoft.com"] {
            let user = tenant.user(upn).unwrap();
            let user_groups: Vec<&Value> = tenant.transitive_member_of(user);
            for device in &user.managed_devices {
                let os = device.object["operatingSystem"].as_str().unwrap();
                let mut groups: std::collections::HashSet<&str> =
                    user_groups.iter().filter_map(|g| g["id"].as_str()).collect();
                let key = crate::tenant::EntraDeviceKey::DeviceId(
                    device.object["azureADDeviceId"].as_str().unwrap().to_string(),
                );
                if let Some(entra) = tenant.entra_device(&key) {
                    groups
                        .extend(tenant.device_transitive_member_of(entra).into_iter().filter_map(|g| g["id"].as_str()));
                }
                let ids = |states: &[Value]| -> Vec<String> {
                    states.iter().filter_map(|s| s["id"].as_str().map(str::to_string)).collect()
                };
                let apps: Option<Vec<String>> = user
                    .mobile_app_intent_and_states
                    .iter()
                    .find(|s| s["managedDeviceIdentifier"] == device.object["id"])
                    .map(|s| {
                        s["mobileAppList"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|a| a["applicationId"].as_str().unwrap().to_string())
                            .collect()
                    });
                let lists = [
                    ("compliance", &catalogue.device_compliance_policies, Some(ids(&device.compliance_policy_states))),
                    ("configuration", &catalogue.device_configurations, Some(ids(&device.configuration_states))),
                    ("app", &catalogue.mobile_apps, apps),
                ];
                for (what, items, reported) in lists {
                    let Some(reported) = reported else { continue };
                    for item in items {
                        let platform = platform_of(item);
                        if platform.is_some_and(|p| p != os) || !reaches(item, &groups) {
                            continue;
                        }
                        checked += 1;
                        let id = item["id"].as_str().unwrap().to_string();
                        assert!(
                            reported.contains(&id),
                            "{upn}'s {} gets the {what} {} but does not report it",
                            device.object["deviceName"],
                            item["displayName"]
                        );
                    }
                }
            }
        }
        // Wi-Fi and VPN on each of their six devices, their apps, the iOS and Android baselines.
        assert!(checked >= 25, "{checked} items checked");
    }

    #[test]
    fn the_catalogue_has_its_sizes_and_the_personas_their_groups() {
        let tenant = tenant();
        let catalogue = &tenant.catalogue;
        assert_eq!(catalogue.device_compliance_policies.len(), catalogue::COMPLIANCE_POLICIES);
        assert_eq!(catalogue.device_configurations.len(), catalogue::CONFIGURATION_PROFILES);
        assert_eq!(catalogue.configuration_policies.len(), catalogue::SETTINGS_CATALOG_POLICIES);
        assert_eq!(catalogue.mobile_apps.len(), catalogue::APPS);
        assert_eq!(catalogue.mobile_apps.iter().filter(|a| a["isAssigned"] == true).count(), catalogue::ASSIGNED_APPS);
        assert!(catalogue.mobile_apps.iter().all(|a| (a["isAssigned"] == true) == (a["assignments"] != json!([]))));
        assert_eq!(catalogue.assignment_filters.len(), 50);
        let adele = tenant.user("AdeleV@contoso.onmicrosoft.com").unwrap();
        // Her Groups tab gains two: Sales Lisbon (direct) and VPN exclusions (through it).
        let names: Vec<&str> =
            tenant.transitive_member_of(adele).into_iter().filter_map(|g| g["displayName"].as_str()).collect();
        assert_eq!(
            names,
            [
                "Sales EMEA",
                "All iOS users",
                "Intune licensed users",
                "Paris office",
                "Sales Lisbon",
                "Sales and Marketing",
                "VPN exclusions",
                "All Company"
            ]
        );
        let lee = tenant.user("LeeG@contoso.onmicrosoft.com").unwrap();
        assert_eq!(tenant.transitive_member_of(lee).len(), 1500, "Lee Gu is in no catalogue group");
        // The Windows baseline leaves the shared PC to its own policy, by an exclude filter.
        let baseline = catalogue
            .device_compliance_policies
            .iter()
            .find(|p| p["displayName"] == "Windows compliance baseline")
            .unwrap();
        let filter = baseline["assignments"][0]["target"]["deviceAndAppManagementAssignmentFilterId"].as_str().unwrap();
        let filter = catalogue.assignment_filters.iter().find(|f| f["id"] == filter).unwrap();
        assert_eq!(filter["rule"], "(device.deviceName -startsWith \"SHARED-\")");
        assert_eq!(baseline["assignments"][0]["target"]["deviceAndAppManagementAssignmentFilterType"], "exclude");
    }
}
