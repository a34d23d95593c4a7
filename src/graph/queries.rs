//! The Graph calls of GRAPH.md, as relative URLs (below the version segment).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Left as they are in query values; everything else is percent-encoded.
const QUERY_VALUE: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b',').remove(b':');

const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'@');

fn encode(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// An id or user principal name as one path segment (`#` of a guest's `#EXT#` included).
pub fn segment(id: &str) -> String {
    utf8_percent_encode(id, PATH_SEGMENT).to_string()
}

pub const SUBSCRIPTION_STATE: &str = "/deviceManagement?$select=subscriptionState";

pub const USER_FIELDS: &str = "id,displayName,mail,userPrincipalName";

/// Typeahead: users whose name, e-mail or user principal name starts with `text` (needs
/// `ConsistencyLevel: eventual`); users without a mailbox are found by the last. Quotes and
/// backslashes cannot be searched for and are dropped.
pub fn search_users(text: &str, top: u32) -> String {
    let term: String = text.chars().filter(|c| !matches!(c, '"' | '\\')).collect::<String>().trim().to_string();
    let search = format!("\"displayName:{term}\" OR \"mail:{term}\" OR \"userPrincipalName:{term}\"");
    format!("/users?$search={}&$select={USER_FIELDS}&$top={top}", encode(&search))
}

/// An object id (a GUID), as opposed to a user principal name.
pub fn is_object_id(key: &str) -> bool {
    let groups: Vec<&str> = key.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

pub fn user(id: &str) -> String {
    format!("/users/{}?$select={USER_FIELDS}", segment(id))
}

pub fn license_details(user: &str) -> String {
    format!("/users/{}/licenseDetails", segment(user))
}

/// What [`crate::graph::models::ManagedDevice`] reads: Intune sends some sixty properties of
/// a device otherwise, most of them empty, for every device of the list.
pub const DEVICE_FIELDS: &str = "id,deviceName,operatingSystem,osVersion,complianceState,managedDeviceOwnerType,\
managementAgent,lastSyncDateTime,enrolledDateTime,azureADRegistered,deviceEnrollmentType,model,manufacturer,\
deviceCategoryDisplayName,azureADDeviceId,serialNumber,userPrincipalName,isEncrypted,jailBroken,\
freeStorageSpaceInBytes,totalStorageSpaceInBytes,managementState,complianceGracePeriodExpirationDateTime,\
deviceActionResults";

pub fn managed_devices(user: &str) -> String {
    format!("/users/{}/managedDevices?$select={DEVICE_FIELDS}", segment(user))
}

pub fn managed_app_registrations(user: &str) -> String {
    format!("/users/{}/managedAppRegistrations", segment(user))
}

const GROUP_FIELDS: &str = "id,displayName,groupTypes,membershipRule,securityEnabled,mailEnabled";

/// Every group, role and administrative unit the user is in, through nesting too (999 a page).
pub fn transitive_member_of(user: &str) -> String {
    format!("/users/{}/transitiveMemberOf?$select={GROUP_FIELDS}&$top=999", segment(user))
}

/// Direct memberships only, to tell direct from inherited.
pub fn member_of(user: &str) -> String {
    format!("/users/{}/memberOf?$select=id&$top=999", segment(user))
}

pub const ENROLLMENT_CONFIGURATIONS: &str = "/deviceManagement/deviceEnrollmentConfigurations?$expand=assignments";

/// The tenant's assignable lists, each with its assignments (beta: only beta gives the
/// assignment filters). `$expand=assignments` is valid OData on these contained navigations,
/// though the Intune reference does not show it.
pub const COMPLIANCE_POLICIES: &str = "/deviceManagement/deviceCompliancePolicies?$expand=assignments";
pub const CONFIGURATION_PROFILES: &str = "/deviceManagement/deviceConfigurations?$expand=assignments";
pub const SETTINGS_CATALOG: &str = "/deviceManagement/configurationPolicies?$expand=assignments&$select=id,name,platforms,technologies,isAssigned,lastModifiedDateTime,templateReference";
/// Widely used, not in the reference: when Graph refuses the filter, every app is read ([`EVERY_APP`]).
pub const ASSIGNED_APPS: &str = "/deviceAppManagement/mobileApps?$filter=isAssigned%20eq%20true&$expand=assignments";
pub const EVERY_APP: &str = "/deviceAppManagement/mobileApps?$expand=assignments";
/// Not `managedAppPolicies`, whose base type has no `assignments`.
pub const IOS_APP_PROTECTION: &str = "/deviceAppManagement/iosManagedAppProtections?$expand=assignments";
pub const ANDROID_APP_PROTECTION: &str = "/deviceAppManagement/androidManagedAppProtections?$expand=assignments";
pub const ASSIGNMENT_FILTERS: &str = "/deviceManagement/assignmentFilters";

/// A group's name, for an assignment to a group the user is not in.
pub fn group(id: &str) -> String {
    format!("/groups/{}?$select=id,displayName", segment(id))
}

/// The groups an Entra device is in, through nesting too, by the Entra device id Intune knows
/// (`azureADDeviceId`, an alternate key of `devices`).
pub fn device_groups(azure_ad_device_id: &str) -> String {
    format!(
        "/devices(deviceId='{}')/transitiveMemberOf?$select=id,displayName&$top=999",
        encode(&azure_ad_device_id.replace('\'', "''"))
    )
}

/// Beta only.
pub fn mobile_app_intent_and_states(user: &str) -> String {
    format!("/users/{}/mobileAppIntentAndStates", segment(user))
}

/// Beta: the install history of the user's apps, each step with its error code.
pub fn mobile_app_troubleshooting_events(user: &str) -> String {
    format!("/users/{}/mobileAppTroubleshootingEvents", segment(user))
}

/// Beta: the drill-down details (`troubleshootingErrorDetails`) exist only there.
pub fn troubleshooting_events(user: &str) -> String {
    format!("/users/{}/deviceManagementTroubleshootingEvents", segment(user))
}

/// `deviceCompliancePolicyStates` or `deviceConfigurationStates` of one device.
pub fn device_policy_states(user: &str, device: &str, kind: PolicyKind) -> String {
    let name = match kind {
        PolicyKind::Compliance => "deviceCompliancePolicyStates",
        PolicyKind::Configuration => "deviceConfigurationStates",
    };
    format!("/users/{}/managedDevices/{}/{name}", segment(user), segment(device))
}

/// One managed device's address, which its details, users and logs are below.
pub fn managed_device(device: &str) -> String {
    format!("/deviceManagement/managedDevices/{}", segment(device))
}

/// One managed device (v1.0: health, storage, remote actions).
pub fn managed_device_record(device: &str) -> String {
    format!("{}?$select={DEVICE_FIELDS}", managed_device(device))
}

/// Beta: what only a single GET that selects them fills (who logged on, how it joined).
pub fn device_details(device: &str) -> String {
    format!(
        "{}?$select=id,joinType,usersLoggedOn,autopilotEnrolled,enrolledByUserPrincipalName",
        managed_device(device)
    )
}

/// The primary users of a managed device.
pub fn device_users(device: &str) -> String {
    format!("{}/users?$select={USER_FIELDS}", managed_device(device))
}

/// Logs collected from a device.
pub fn log_collection_requests(device: &str) -> String {
    format!("{}/logCollectionRequests", managed_device(device))
}

/// The action that returns a download link for collected logs (it only reads).
pub fn log_download_url(device: &str, log: &str) -> String {
    format!("{}/{}/createDownloadUrl", log_collection_requests(device), segment(log))
}

/// The Entra record of a device, by its Entra device id (needs `Device.Read.All`).
pub fn entra_device(azure_ad_device_id: &str) -> String {
    let filter = format!("deviceId eq '{}'", azure_ad_device_id.replace('\'', "''"));
    format!(
        "/devices?$filter={}&$select=id,deviceId,displayName,accountEnabled,isCompliant,isManaged,trustType,approximateLastSignInDateTime",
        encode(&filter)
    )
}

/// Beta: the Autopilot record of a device, by serial number.
pub fn autopilot_identities(serial: &str) -> String {
    let filter = format!("contains(serialNumber,'{}')", serial.replace('\'', "''"));
    format!("/deviceManagement/windowsAutopilotDeviceIdentities?$filter={}", encode(&filter))
}

/// Beta: Autopilot deployments of the tenant (no filter is documented: the portal narrows them
/// to the device itself), with the policies tracked during each.
pub const AUTOPILOT_EVENTS: &str = "/deviceManagement/autopilotEvents?$expand=policyStatusDetails";

/// The user's sign-ins since `since` (RFC 3339), newest first, 50 a page; `user` is the object id.
pub fn sign_ins(user: &str, since: &str) -> String {
    let filter = format!("userId eq '{}' and createdDateTime ge {since}", user.replace('\'', "''"));
    format!("/auditLogs/signIns?$filter={}&$top=50", encode(&filter))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    Compliance,
    Configuration,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_is_encoded_and_cannot_be_broken_by_quotes() {
        assert_eq!(
            search_users("ad", 10),
            "/users?$search=%22displayName:ad%22%20OR%20%22mail:ad%22%20OR%20%22userPrincipalName:ad%22&$select=id,displayName,mail,userPrincipalName&$top=10"
        );
        assert_eq!(search_users("a\"d & e", 5), search_users("ad & e", 5));
        assert!(search_users("a&b", 5).contains("a%20%26b") || search_users("a&b", 5).contains("a%26b"));
    }

    #[test]
    fn user_ids_and_principal_names_are_one_path_segment() {
        assert_eq!(
            user("AdeleV@contoso.onmicrosoft.com"),
            "/users/AdeleV@contoso.onmicrosoft.com?$select=id,displayName,mail,userPrincipalName"
        );
        assert!(user("a/b?c").starts_with("/users/a%2Fb%3Fc?"));
        assert!(user("grady_fabrikam.com#EXT#@contoso.onmicrosoft.com")
            .starts_with("/users/grady_fabrikam.com%23EXT%23@contoso.onmicrosoft.com?"));
    }

    #[test]
    fn device_lookups_quote_their_values() {
        assert_eq!(
            entra_device("a'b"),
            "/devices?$filter=deviceId%20eq%20%27a%27%27b%27&$select=id,deviceId,displayName,accountEnabled,isCompliant,isManaged,trustType,approximateLastSignInDateTime"
        );
        assert_eq!(
            autopilot_identities("SN 1"),
            "/deviceManagement/windowsAutopilotDeviceIdentities?$filter=contains%28serialNumber,%27SN%201%27%29"
        );
        assert_eq!(
            log_download_url("d/1", "l"),
            "/deviceManagement/managedDevices/d%2F1/logCollectionRequests/l/createDownloadUrl"
        );
    }

    #[test]
    fn object_ids_are_told_from_principal_names() {
        assert!(is_object_id("0b283420-ec8c-4b6c-a5a3-7a3aee3a9f9e"));
        assert!(!is_object_id("AdeleV@contoso.onmicrosoft.com"));
        assert!(!is_object_id("0b283420-ec8c-4b6c-a5a3-7a3aee3a9f9"));
        assert!(!is_object_id("0b283420-ec8c-4b6c-a5a3-7a3aee3a9fzz"));
    }
}
