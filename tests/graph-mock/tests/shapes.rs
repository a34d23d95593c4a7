//! Every property the stand-in sends is one Microsoft documents for that resource: the names
//! in `../shared/graph-shapes.json`, and for what revision 2 of GRAPH.md added, the beta
//! metadata it cites (listed below). A property that is in neither fails the test.

use std::collections::{BTreeSet, HashMap};

use graph_mock::generate::{demo_tenant, DemoSize};
use serde_json::Value;
use time::OffsetDateTime;

/// What GRAPH.md r2 relies on beyond the shapes file, from the beta metadata
/// (`clean_beta_metadata`, types of the same names) and the Graph reference.
const R2_PROPERTIES: &[(&str, &[&str])] = &[
    ("deviceEnrollmentConfiguration", &["deviceEnrollmentConfigurationType", "roleScopeTagIds", "assignments"]),
    (
        "deviceEnrollmentPlatformRestrictionsConfiguration",
        &["androidForWorkRestriction", "macRestriction", "windowsHomeSkuRestriction"],
    ),
    ("deviceEnrollmentPlatformRestrictionConfiguration", &["platformType", "platformRestriction"]),
    ("deviceEnrollmentWindowsHelloForBusinessConfiguration", &[]),
    ("deviceEnrollmentPlatformRestriction", &["blockedManufacturers", "blockedSkus"]),
    ("enrollmentConfigurationAssignment", &["source", "sourceId"]),
    (
        "deviceAndAppManagementAssignmentTarget",
        &[
            "groupId",
            "collectionId",
            "deviceAndAppManagementAssignmentFilterId",
            "deviceAndAppManagementAssignmentFilterType",
        ],
    ),
    ("directoryRole", &["id", "displayName", "description", "roleTemplateId", "deletedDateTime"]),
    ("administrativeUnit", &["id", "displayName", "description", "visibility", "deletedDateTime"]),
    ("deviceCompliancePolicySettingState", &["userId", "userPrincipalName", "sources"]),
    // v1.0 metadata (`managementState`, `enrollmentProfileName`); beta metadata for the rest.
    (
        "managedDevice",
        &[
            "managementState",
            "enrollmentProfileName",
            "joinType",
            "usersLoggedOn",
            "autopilotEnrolled",
            "enrolledByUserPrincipalName",
        ],
    ),
    ("loggedOnUser", &["userId", "lastLogOnDateTime"]),
    (
        "device",
        &[
            "id",
            "deviceId",
            "displayName",
            "accountEnabled",
            "isCompliant",
            "isManaged",
            "trustType",
            "approximateLastSignInDateTime",
            "operatingSystem",
            "operatingSystemVersion",
            "registrationDateTime",
        ],
    ),
    (
        "deviceLogCollectionResponse",
        &[
            "id",
            "status",
            "managedDeviceId",
            "requestedDateTimeUTC",
            "receivedDateTimeUTC",
            "expirationDateTimeUTC",
            "initiatedByUserPrincipalName",
            "sizeInKB",
            "enrolledByUser",
        ],
    ),
    (
        "windowsAutopilotDeviceIdentity",
        &[
            "id",
            "serialNumber",
            "model",
            "manufacturer",
            "groupTag",
            "enrollmentState",
            "deploymentProfileAssignmentStatus",
            "deploymentProfileAssignedDateTime",
            "lastContactedDateTime",
            "managedDeviceId",
            "azureActiveDirectoryDeviceId",
            "azureAdDeviceId",
        ],
    ),
    (
        "deviceManagementAutopilotEvent",
        &[
            "id",
            "eventDateTime",
            "deploymentStartDateTime",
            "deploymentEndDateTime",
            "deploymentDuration",
            "deviceId",
            "deviceSerialNumber",
            "managedDeviceName",
            "userPrincipalName",
            "osVersion",
            "windowsAutopilotDeploymentProfileDisplayName",
            "enrollmentType",
            "deploymentState",
            "deviceSetupStatus",
            "accountSetupStatus",
            "enrollmentFailureDetails",
            // A contained navigation in the older reference, read with `$expand`.
            "policyStatusDetails",
        ],
    ),
    // v1.0 metadata: the sign-in and its parts.
    (
        "signIn",
        &[
            "id",
            "createdDateTime",
            "userDisplayName",
            "userPrincipalName",
            "userId",
            "appId",
            "appDisplayName",
            "ipAddress",
            "clientAppUsed",
            "correlationId",
            "conditionalAccessStatus",
            "isInteractive",
            "status",
            "deviceDetail",
            "location",
            "appliedConditionalAccessPolicies",
        ],
    ),
    ("signInStatus", &["errorCode", "failureReason", "additionalDetails"]),
    (
        "deviceDetail",
        &["deviceId", "displayName", "operatingSystem", "browser", "isCompliant", "isManaged", "trustType"],
    ),
    ("signInLocation", &["city", "state", "countryOrRegion", "geoCoordinates"]),
    (
        "appliedConditionalAccessPolicy",
        &["id", "displayName", "enforcedGrantControls", "enforcedSessionControls", "result"],
    ),
    (
        "mobileAppTroubleshootingEvent",
        &[
            "id",
            "eventDateTime",
            "correlationId",
            "troubleshootingErrorDetails",
            "eventName",
            "additionalInformation",
            "managedDeviceIdentifier",
            "deviceId",
            "userId",
            "applicationId",
            "history",
        ],
    ),
    (
        "mobileAppTroubleshootingAppTargetHistory",
        &["occurrenceDateTime", "troubleshootingErrorDetails", "errorCode", "runState", "securityGroupId"],
    ),
    (
        "mobileAppTroubleshootingAppPolicyCreationHistory",
        &["occurrenceDateTime", "troubleshootingErrorDetails", "errorCode", "runState"],
    ),
    (
        "mobileAppTroubleshootingAppStateHistory",
        &["occurrenceDateTime", "troubleshootingErrorDetails", "actionType", "errorCode", "runState"],
    ),
    ("mobileAppTroubleshootingDeviceCheckinHistory", &["occurrenceDateTime", "troubleshootingErrorDetails"]),
    (
        "deviceManagementAutopilotPolicyStatusDetail",
        &[
            "id",
            "displayName",
            "policyType",
            "complianceStatus",
            "trackedOnEnrollmentStatus",
            "lastReportedDateTime",
            "errorCode",
        ],
    ),
];

/// The catalogue (GRAPH.md r2, "why a policy or app applies"): the beta reference pages of each
/// type (`api-reference/beta/resources/intune-*`, microsoft-graph-docs-contrib).
const CATALOGUE_PROPERTIES: &[(&str, &[&str])] = &[
    (
        "deviceCompliancePolicy",
        &[
            "id",
            "createdDateTime",
            "description",
            "displayName",
            "lastModifiedDateTime",
            "version",
            "roleScopeTagIds",
            "assignments",
        ],
    ),
    (
        "windows10CompliancePolicy",
        &["passwordRequired", "passwordMinimumLength", "osMinimumVersion", "bitLockerEnabled", "secureBootEnabled"],
    ),
    ("iosCompliancePolicy", &["passcodeRequired", "osMinimumVersion", "securityBlockJailbrokenDevices"]),
    (
        "macOSCompliancePolicy",
        &["passwordRequired", "osMinimumVersion", "systemIntegrityProtectionEnabled", "storageRequireEncryption"],
    ),
    (
        "androidWorkProfileCompliancePolicy",
        &["passwordRequired", "osMinimumVersion", "securityBlockJailbrokenDevices", "storageRequireEncryption"],
    ),
    ("androidDeviceOwnerCompliancePolicy", &["passwordRequired", "osMinimumVersion", "storageRequireEncryption"]),
    ("aospDeviceOwnerCompliancePolicy", &["passwordRequired", "osMinimumVersion", "storageRequireEncryption"]),
    ("deviceCompliancePolicyAssignment", &["id", "target", "source", "sourceId"]),
    (
        "deviceConfiguration",
        &[
            "id",
            "createdDateTime",
            "description",
            "displayName",
            "lastModifiedDateTime",
            "version",
            "roleScopeTagIds",
            "supportsScopeTags",
            "deviceManagementApplicabilityRuleOsEdition",
            "deviceManagementApplicabilityRuleOsVersion",
            "deviceManagementApplicabilityRuleDeviceMode",
            "assignments",
        ],
    ),
    ("windowsWifiConfiguration", &["ssid", "connectAutomatically", "wifiSecurityType"]),
    ("iosWiFiConfiguration", &["ssid", "connectAutomatically", "wiFiSecurityType"]),
    ("macOSWiFiConfiguration", &["ssid", "connectAutomatically", "wiFiSecurityType"]),
    ("androidWorkProfileWiFiConfiguration", &["ssid", "connectAutomatically", "wiFiSecurityType"]),
    ("iosVpnConfiguration", &["connectionName", "connectionType", "server"]),
    ("windows10VpnConfiguration", &["connectionName", "connectionType", "servers"]),
    ("androidWorkProfileVpnConfiguration", &["connectionName", "connectionType", "servers"]),
    ("windows10GeneralConfiguration", &[]),
    ("windows10EndpointProtectionConfiguration", &[]),
    ("windows10CustomConfiguration", &[]),
    ("windowsUpdateForBusinessConfiguration", &[]),
    ("iosGeneralDeviceConfiguration", &[]),
    ("iosDeviceFeaturesConfiguration", &[]),
    ("iosCustomConfiguration", &[]),
    ("macOSGeneralDeviceConfiguration", &[]),
    ("macOSCustomConfiguration", &[]),
    ("androidWorkProfileGeneralDeviceConfiguration", &[]),
    ("androidDeviceOwnerGeneralDeviceConfiguration", &[]),
    ("deviceConfigurationAssignment", &["id", "target", "source", "sourceId", "intent"]),
    (
        "deviceManagementConfigurationPolicy",
        &[
            "id",
            "name",
            "description",
            "platforms",
            "technologies",
            "createdDateTime",
            "lastModifiedDateTime",
            "settingCount",
            "creationSource",
            "roleScopeTagIds",
            "isAssigned",
            "templateReference",
            "priorityMetaData",
            "assignments",
        ],
    ),
    (
        "deviceManagementConfigurationPolicyTemplateReference",
        &["templateId", "templateFamily", "templateDisplayName", "templateDisplayVersion"],
    ),
    ("deviceManagementConfigurationPolicyAssignment", &["id", "target", "source", "sourceId"]),
    (
        "mobileApp",
        &[
            "id",
            "displayName",
            "description",
            "publisher",
            "largeIcon",
            "createdDateTime",
            "lastModifiedDateTime",
            "isFeatured",
            "privacyInformationUrl",
            "informationUrl",
            "owner",
            "developer",
            "notes",
            "publishingState",
            "isAssigned",
            "roleScopeTagIds",
            "uploadState",
            "dependentAppCount",
            "supersedingAppCount",
            "supersededAppCount",
            "assignments",
        ],
    ),
    (
        "win32LobApp",
        &["fileName", "size", "setupFilePath", "installCommandLine", "uninstallCommandLine", "applicableArchitectures"],
    ),
    ("winGetApp", &["packageIdentifier", "installExperience", "manifestHash"]),
    ("officeSuiteApp", &["productIds", "updateChannel", "officePlatformArchitecture"]),
    (
        "iosVppApp",
        &["bundleId", "vppTokenOrganizationName", "usedLicenseCount", "totalLicenseCount", "applicableDeviceType"],
    ),
    ("iosStoreApp", &["bundleId", "appStoreUrl", "applicableDeviceType"]),
    ("iosLobApp", &["bundleId", "fileName", "size", "versionNumber", "buildNumber", "applicableDeviceType"]),
    ("androidManagedStoreApp", &["packageId", "appIdentifier", "appStoreUrl"]),
    ("macOSLobApp", &["bundleId", "fileName", "size", "versionNumber", "buildNumber"]),
    ("webApp", &["appUrl", "useManagedBrowser"]),
    ("mobileAppAssignment", &["id", "intent", "target", "settings", "source", "sourceId"]),
    (
        "win32LobAppAssignmentSettings",
        &["notifications", "restartSettings", "installTimeSettings", "deliveryOptimizationPriority"],
    ),
    (
        "targetedManagedAppProtection",
        &[
            "id",
            "displayName",
            "description",
            "createdDateTime",
            "lastModifiedDateTime",
            "version",
            "roleScopeTagIds",
            "isAssigned",
            "pinRequired",
            "minimumRequiredOsVersion",
            "appGroupType",
            "targetedAppManagementLevels",
            "assignments",
        ],
    ),
    ("iosManagedAppProtection", &["appDataEncryptionType", "faceIdBlocked", "deployedAppCount"]),
    ("androidManagedAppProtection", &["encryptAppData", "screenCaptureBlocked", "deployedAppCount"]),
    ("targetedManagedAppPolicyAssignment", &["id", "target", "source", "sourceId"]),
    (
        "deviceAndAppManagementAssignmentFilter",
        &[
            "id",
            "displayName",
            "description",
            "platform",
            "rule",
            "roleScopeTags",
            "assignmentFilterManagementType",
            "payloads",
            "createdDateTime",
            "lastModifiedDateTime",
        ],
    ),
];

/// Types whose documented properties include those of another.
const BASES: &[(&str, &str)] = &[
    ("deviceEnrollmentPlatformRestrictionsConfiguration", "deviceEnrollmentConfiguration"),
    ("deviceEnrollmentPlatformRestrictionConfiguration", "deviceEnrollmentConfiguration"),
    ("deviceEnrollmentLimitConfiguration", "deviceEnrollmentConfiguration"),
    ("deviceEnrollmentWindowsHelloForBusinessConfiguration", "deviceEnrollmentConfiguration"),
    ("iosManagedAppRegistration", "managedAppRegistration"),
    ("androidManagedAppRegistration", "managedAppRegistration"),
    ("enrollmentTroubleshootingEvent_beta", "deviceManagementTroubleshootingEvent"),
    ("group", "directoryObject"),
    ("windows10CompliancePolicy", "deviceCompliancePolicy"),
    ("iosCompliancePolicy", "deviceCompliancePolicy"),
    ("macOSCompliancePolicy", "deviceCompliancePolicy"),
    ("androidWorkProfileCompliancePolicy", "deviceCompliancePolicy"),
    ("androidDeviceOwnerCompliancePolicy", "deviceCompliancePolicy"),
    ("aospDeviceOwnerCompliancePolicy", "deviceCompliancePolicy"),
    ("windowsWifiConfiguration", "deviceConfiguration"),
    ("iosWiFiConfiguration", "deviceConfiguration"),
    ("macOSWiFiConfiguration", "deviceConfiguration"),
    ("androidWorkProfileWiFiConfiguration", "deviceConfiguration"),
    ("iosVpnConfiguration", "deviceConfiguration"),
    ("windows10VpnConfiguration", "deviceConfiguration"),
    ("androidWorkProfileVpnConfiguration", "deviceConfiguration"),
    ("windows10GeneralConfiguration", "deviceConfiguration"),
    ("windows10EndpointProtectionConfiguration", "deviceConfiguration"),
    ("windows10CustomConfiguration", "deviceConfiguration"),
    ("windowsUpdateForBusinessConfiguration", "deviceConfiguration"),
    ("iosGeneralDeviceConfiguration", "deviceConfiguration"),
    ("iosDeviceFeaturesConfiguration", "deviceConfiguration"),
    ("iosCustomConfiguration", "deviceConfiguration"),
    ("macOSGeneralDeviceConfiguration", "deviceConfiguration"),
    ("macOSCustomConfiguration", "deviceConfiguration"),
    ("androidWorkProfileGeneralDeviceConfiguration", "deviceConfiguration"),
    ("androidDeviceOwnerGeneralDeviceConfiguration", "deviceConfiguration"),
    ("win32LobApp", "mobileApp"),
    ("winGetApp", "mobileApp"),
    ("officeSuiteApp", "mobileApp"),
    ("iosVppApp", "mobileApp"),
    ("iosStoreApp", "mobileApp"),
    ("iosLobApp", "mobileApp"),
    ("androidManagedStoreApp", "mobileApp"),
    ("macOSLobApp", "mobileApp"),
    ("webApp", "mobileApp"),
    ("iosManagedAppProtection", "targetedManagedAppProtection"),
    ("androidManagedAppProtection", "targetedManagedAppProtection"),
];

struct Documented {
    by_resource: HashMap<String, BTreeSet<String>>,
}

impl Documented {
    fn load() -> Documented {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/graph-shapes.json");
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("the contract file {path} is needed beside the repository: {e}"));
        let shapes: Value = serde_json::from_str(&text).expect("graph-shapes.json is JSON");
        let mut by_resource: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (name, shape) in shapes.as_object().expect("an object of resources") {
            let names = by_resource.entry(name.clone()).or_default();
            if let Some(properties) = shape["properties"].as_object() {
                names.extend(properties.keys().cloned());
            }
            if let Some(sample) = shape["sample_response_properties"].as_array() {
                names.extend(sample.iter().filter_map(Value::as_str).map(str::to_string));
            }
        }
        for (name, extra) in R2_PROPERTIES.iter().chain(CATALOGUE_PROPERTIES) {
            by_resource.entry(name.to_string()).or_default().extend(extra.iter().map(|p| p.to_string()));
        }
        Documented { by_resource }
    }

    fn allowed(&self, resource: &str) -> BTreeSet<String> {
        let mut names =
            self.by_resource.get(resource).cloned().unwrap_or_else(|| panic!("no documented shape for {resource}"));
        for (derived, base) in BASES {
            if *derived == resource {
                names.extend(self.allowed(base));
            }
        }
        names
    }
}

/// Undocumented properties found, as `resource.property (where)`.
struct Check<'a> {
    documented: &'a Documented,
    problems: BTreeSet<String>,
}

impl Check<'_> {
    fn object(&mut self, resource: &str, value: &Value, place: &str) {
        let Some(object) = value.as_object() else { return };
        let allowed = self.documented.allowed(resource);
        for key in object.keys().filter(|key| !key.starts_with("@odata.")) {
            if !allowed.contains(key) {
                self.problems.insert(format!("{resource}.{key} ({place})"));
            }
        }
    }

    fn each(&mut self, resource: &str, list: &Value, place: &str) {
        for item in list.as_array().into_iter().flatten() {
            self.object(resource, item, place);
        }
    }
}

fn type_name(value: &Value) -> &str {
    value["@odata.type"].as_str().unwrap_or_default().trim_start_matches('#').trim_start_matches("microsoft.graph.")
}

#[test]
fn every_property_the_stand_in_sends_is_documented_for_its_resource() {
    let documented = Documented::load();
    let tenant = demo_tenant(
        3,
        &DemoSize { users: 40, large_groups: 30, large_devices: 6, large_failures: 30 },
        OffsetDateTime::now_utc(),
    );
    let mut check = Check { documented: &documented, problems: BTreeSet::new() };
    for config in &tenant.enrollment_configurations {
        let name = type_name(config);
        check.object(name, config, name);
        for (key, value) in config.as_object().into_iter().flatten() {
            if key.ends_with("Restriction") {
                check.object("deviceEnrollmentPlatformRestriction", value, key);
            }
        }
        for assignment in config["assignments"].as_array().into_iter().flatten() {
            check.object("enrollmentConfigurationAssignment", assignment, name);
            check.object("deviceAndAppManagementAssignmentTarget", &assignment["target"], name);
        }
    }
    for object in &tenant.directory_objects {
        let name = type_name(&object.object);
        check.object(name, &object.object, "directory object");
    }
    for user in &tenant.users {
        check.object("user", &user.object, "user");
        for licence in &user.license_details {
            check.object("licenseDetails", licence, "licenseDetails");
            check.each("servicePlanInfo", &licence["servicePlans"], "licenseDetails");
        }
        for device in &user.managed_devices {
            check.object("managedDevice", &device.object, "managedDevices");
            check.each("loggedOnUser", &device.object["usersLoggedOn"], "managedDevices");
            for log in &device.log_collection_requests {
                check.object("deviceLogCollectionResponse", log, "logCollectionRequests");
            }
            for (states, policy, setting) in [
                (&device.compliance_policy_states, "deviceCompliancePolicyState", "deviceCompliancePolicySettingState"),
                (&device.configuration_states, "deviceConfigurationState", "deviceConfigurationSettingState"),
            ] {
                for state in states {
                    check.object(policy, state, policy);
                    check.each(setting, &state["settingStates"], policy);
                }
            }
        }
        for states in &user.mobile_app_intent_and_states {
            check.object("mobileAppIntentAndState", states, "mobileAppIntentAndStates");
            check.each("mobileAppIntentAndStateDetail", &states["mobileAppList"], "mobileAppIntentAndStates");
        }
        for event in &user.mobile_app_troubleshooting_events {
            check.object("mobileAppTroubleshootingEvent", event, "mobileAppTroubleshootingEvents");
            for step in event["history"].as_array().into_iter().flatten() {
                check.object(type_name(step), step, "mobileAppTroubleshootingEvents");
                check.object(
                    "deviceManagementTroubleshootingErrorDetails",
                    &step["troubleshootingErrorDetails"],
                    "history",
                );
            }
        }
        for registration in &user.managed_app_registrations {
            check.object(type_name(registration), registration, "managedAppRegistrations");
        }
        for event in &user.troubleshooting_events {
            let name = match type_name(event) {
                "enrollmentTroubleshootingEvent" => "enrollmentTroubleshootingEvent_beta",
                other => other,
            };
            check.object(name, event, "deviceManagementTroubleshootingEvents");
            check.object("deviceManagementTroubleshootingErrorDetails", &event["troubleshootingErrorDetails"], name);
            check.each(
                "deviceManagementTroubleshootingErrorResource",
                &event["troubleshootingErrorDetails"]["resources"],
                name,
            );
        }
    }
    for sign_in in &tenant.sign_ins {
        check.object("signIn", sign_in, "signIns");
        check.object("signInStatus", &sign_in["status"], "signIns");
        check.object("deviceDetail", &sign_in["deviceDetail"], "signIns");
        check.object("signInLocation", &sign_in["location"], "signIns");
        check.each("appliedConditionalAccessPolicy", &sign_in["appliedConditionalAccessPolicies"], "signIns");
    }
    for device in &tenant.entra_devices {
        check.object("device", &device.object, "devices");
    }
    let catalogue = &tenant.catalogue;
    for (list, assignment) in [
        (&catalogue.device_compliance_policies, "deviceCompliancePolicyAssignment"),
        (&catalogue.device_configurations, "deviceConfigurationAssignment"),
        (&catalogue.mobile_apps, "mobileAppAssignment"),
        (&catalogue.ios_managed_app_protections, "targetedManagedAppPolicyAssignment"),
        (&catalogue.android_managed_app_protections, "targetedManagedAppPolicyAssignment"),
    ] {
        for item in list {
            let name = type_name(item);
            check.object(name, item, name);
            for step in item["assignments"].as_array().into_iter().flatten() {
                check.object(assignment, step, name);
                check.object("deviceAndAppManagementAssignmentTarget", &step["target"], name);
                if step["settings"].is_object() {
                    check.object(type_name(&step["settings"]), &step["settings"], name);
                }
            }
        }
    }
    for policy in &catalogue.configuration_policies {
        check.object("deviceManagementConfigurationPolicy", policy, "configurationPolicies");
        check.object(
            "deviceManagementConfigurationPolicyTemplateReference",
            &policy["templateReference"],
            "configurationPolicies",
        );
        for step in policy["assignments"].as_array().into_iter().flatten() {
            check.object("deviceManagementConfigurationPolicyAssignment", step, "configurationPolicies");
            check.object("deviceAndAppManagementAssignmentTarget", &step["target"], "configurationPolicies");
        }
    }
    for filter in &catalogue.assignment_filters {
        check.object("deviceAndAppManagementAssignmentFilter", filter, "assignmentFilters");
    }
    for identity in &tenant.autopilot_device_identities {
        check.object("windowsAutopilotDeviceIdentity", identity, "windowsAutopilotDeviceIdentities");
    }
    for event in &tenant.autopilot_events {
        check.object("deviceManagementAutopilotEvent", event, "autopilotEvents");
        check.each("deviceManagementAutopilotPolicyStatusDetail", &event["policyStatusDetails"], "autopilotEvents");
    }
    assert!(
        check.problems.is_empty(),
        "properties the stand-in sends that are not documented for their resource:\n{}",
        check.problems.iter().cloned().collect::<Vec<_>>().join("\n")
    );
}
