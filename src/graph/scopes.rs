//! The delegated permission each Graph call of the portal needs (GRAPH.md), so a 403 can
//! name what is missing.

/// The Graph permissions that allow a call, short form (`DeviceManagementApps.Read.All`): any
/// one of them is enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    pub scopes: &'static [&'static str],
    /// An Intune resource: besides the scope, the operator needs an Intune role.
    pub intune: bool,
}

pub const USERS: Permission = Permission { scopes: &["User.Read.All"], intune: false };
pub const GROUPS: Permission = Permission { scopes: &["GroupMember.Read.All"], intune: false };
pub const DEVICES: Permission = Permission { scopes: &["DeviceManagementManagedDevices.Read.All"], intune: true };
pub const CONFIGURATION: Permission = Permission { scopes: &["DeviceManagementConfiguration.Read.All"], intune: true };
pub const APPS: Permission = Permission { scopes: &["DeviceManagementApps.Read.All"], intune: true };
/// Install states of client apps: the current reference names the configuration permission,
/// older versions the managed-devices one; the apps permission is not among them.
pub const APP_STATES: Permission = Permission {
    scopes: &["DeviceManagementConfiguration.Read.All", "DeviceManagementManagedDevices.Read.All"],
    intune: true,
};
pub const SERVICE_CONFIG: Permission = Permission { scopes: &["DeviceManagementServiceConfig.Read.All"], intune: true };
/// Optional: sign-in logs (with an Entra role that may read them, in a tenant with Entra ID P1/P2).
pub const SIGN_IN_LOGS: Permission = Permission { scopes: &["AuditLog.Read.All"], intune: false };
/// Optional: the Entra record of a device.
pub const DIRECTORY_DEVICES: Permission = Permission { scopes: &["Device.Read.All"], intune: false };
/// Optional: without them, membership lists name roles and administrative units by id only.
pub const ROLES: Permission = Permission { scopes: &["RoleManagement.Read.Directory"], intune: false };
pub const ADMINISTRATIVE_UNITS: Permission = Permission { scopes: &["AdministrativeUnit.Read.All"], intune: false };

/// The permission behind a call, from its URL (relative, below the version, or whole).
pub fn permission_for(url: &str) -> Option<Permission> {
    let path = url.split('?').next().unwrap_or(url);
    let path =
        ["/v1.0/", "/beta/"].iter().find_map(|version| path.split_once(version).map(|(_, rest)| rest)).unwrap_or(path);
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    Some(match segments.as_slice() {
        ["deviceManagement", "managedDevices", ..] | ["deviceManagement", "autopilotEvents"] => DEVICES,
        ["deviceManagement", "deviceCompliancePolicies" | "deviceConfigurations" | "configurationPolicies" | "assignmentFilters"] => {
            CONFIGURATION
        }
        ["deviceAppManagement", ..] => APPS,
        ["deviceManagement"] | ["deviceManagement", ..] => SERVICE_CONFIG,
        ["devices", ..] => DIRECTORY_DEVICES,
        [by_key, ..] if by_key.starts_with("devices(") => DIRECTORY_DEVICES,
        ["auditLogs", "signIns"] => SIGN_IN_LOGS,
        ["users"] | ["users", _] | ["users", _, "licenseDetails"] => USERS,
        ["users", _, "memberOf" | "transitiveMemberOf"] | ["groups", _] => GROUPS,
        ["users", _, "managedDevices", _, "deviceCompliancePolicyStates" | "deviceConfigurationStates", ..] => {
            CONFIGURATION
        }
        ["users", _, "managedDevices", ..] | ["users", _, "deviceManagementTroubleshootingEvents"] => DEVICES,
        ["users", _, "mobileAppIntentAndStates"] => APP_STATES,
        ["users", _, "mobileAppTroubleshootingEvents"] => CONFIGURATION,
        ["users", _, "managedAppRegistrations"] => APPS,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::queries;

    #[test]
    fn each_call_of_the_portal_names_its_permission() {
        assert_eq!(permission_for(&queries::managed_app_registrations("a@b.c")), Some(APPS));
        assert_eq!(permission_for(&queries::mobile_app_intent_and_states("a")), Some(APP_STATES));
        assert_eq!(permission_for(&queries::mobile_app_troubleshooting_events("a")), Some(CONFIGURATION));
        assert_eq!(permission_for(&queries::transitive_member_of("a")), Some(GROUPS));
        assert_eq!(permission_for(&queries::license_details("a")), Some(USERS));
        assert_eq!(
            permission_for(
                "https://graph.microsoft.com/beta/users/a/deviceManagementTroubleshootingEvents?$skiptoken=x"
            ),
            Some(DEVICES)
        );
        assert_eq!(permission_for("/users/a/managedDevices/d/deviceConfigurationStates"), Some(CONFIGURATION));
        assert_eq!(permission_for(queries::ENROLLMENT_CONFIGURATIONS), Some(SERVICE_CONFIG));
        assert_eq!(permission_for(&queries::entra_device("x")), Some(DIRECTORY_DEVICES));
        assert_eq!(permission_for(&queries::log_collection_requests("d")), Some(DEVICES));
        assert_eq!(permission_for(&queries::autopilot_identities("s")), Some(SERVICE_CONFIG));
        assert_eq!(permission_for(queries::SETTINGS_CATALOG), Some(CONFIGURATION));
        assert_eq!(permission_for(queries::ASSIGNMENT_FILTERS), Some(CONFIGURATION));
        assert_eq!(permission_for(queries::ASSIGNED_APPS), Some(APPS));
        assert_eq!(permission_for(queries::IOS_APP_PROTECTION), Some(APPS));
        assert_eq!(permission_for(&queries::device_groups("x")), Some(DIRECTORY_DEVICES));
        assert_eq!(permission_for(&queries::group("g")), Some(GROUPS));
        assert_eq!(permission_for("/me/photo"), None);
    }
}
