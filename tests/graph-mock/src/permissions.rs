//! What each Graph call needs: one of its documented delegated scopes, and for Intune
//! resources an Intune role. Answers a refused call the way Graph does (403).

use crate::identity::{short_scope, Grant};
use crate::response::GraphError;

struct Need {
    /// Any one of these (read or read-write) is enough.
    any_of: &'static [&'static str],
    intune: bool,
}

const USERS: Need = Need {
    any_of: &["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
    intune: false,
};
const GROUPS: Need = Need {
    any_of: &["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"],
    intune: false,
};
const DEVICES: Need = Need {
    any_of: &["DeviceManagementManagedDevices.Read.All", "DeviceManagementManagedDevices.ReadWrite.All"],
    intune: true,
};
const CONFIGURATION: Need = Need {
    any_of: &["DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"],
    intune: true,
};
const APPS: Need =
    Need { any_of: &["DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All"], intune: true };
/// `mobileAppIntentAndStates`: the current reference lists the configuration permissions, older
/// versions the managed-devices ones; not the apps permission.
const APP_STATES: Need = Need {
    any_of: &[
        "DeviceManagementConfiguration.Read.All",
        "DeviceManagementConfiguration.ReadWrite.All",
        "DeviceManagementManagedDevices.Read.All",
        "DeviceManagementManagedDevices.ReadWrite.All",
    ],
    intune: true,
};
const SERVICE_CONFIG: Need = Need {
    any_of: &["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"],
    intune: true,
};
/// `GET /deviceManagement` is documented under every Intune workload, each with its own scope.
const ANY_INTUNE: Need = Need {
    any_of: &[
        "DeviceManagementConfiguration.Read.All",
        "DeviceManagementServiceConfig.Read.All",
        "DeviceManagementManagedDevices.Read.All",
        "DeviceManagementApps.Read.All",
        "DeviceManagementRBAC.Read.All",
    ],
    intune: true,
};

/// Sign-in logs: optional for the portal, which explains their absence.
const SIGN_IN_LOGS: Need = Need { any_of: &["AuditLog.Read.All"], intune: false };
/// Entra device records: optional for the portal, which explains their absence.
const DIRECTORY_DEVICES: Need =
    Need { any_of: &["Device.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"], intune: false };

fn need(path: &str) -> Option<&'static Need> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    Some(match segments.as_slice() {
        ["deviceManagement"] => &ANY_INTUNE,
        ["deviceManagement", "managedDevices", ..] | ["deviceManagement", "autopilotEvents"] => &DEVICES,
        // The tenant's catalogue: policies, profiles and filters; apps and app protection.
        ["deviceManagement", "deviceCompliancePolicies" | "deviceConfigurations" | "configurationPolicies" | "assignmentFilters", ..] => {
            &CONFIGURATION
        }
        ["deviceAppManagement", "mobileApps" | "iosManagedAppProtections" | "androidManagedAppProtections", ..] => {
            &APPS
        }
        ["devices", ..] => &DIRECTORY_DEVICES,
        // The alternate key, `devices(deviceId='…')`, its parenthesis sent as is or encoded.
        [addressed, ..] if addressed.starts_with("devices(") || addressed.starts_with("devices%28") => {
            &DIRECTORY_DEVICES
        }
        ["auditLogs", "signIns"] => &SIGN_IN_LOGS,
        ["deviceManagement", ..] => &SERVICE_CONFIG,
        ["users"] | ["users", _] | ["users", _, "licenseDetails"] => &USERS,
        ["users", _, "memberOf" | "transitiveMemberOf"] | ["groups", _] => &GROUPS,
        ["users", _, "managedDevices", _, "deviceCompliancePolicyStates" | "deviceConfigurationStates", ..] => {
            &CONFIGURATION
        }
        ["users", _, "managedDevices", ..] | ["users", _, "deviceManagementTroubleshootingEvents"] => &DEVICES,
        ["users", _, "mobileAppIntentAndStates"] => &APP_STATES,
        ["users", _, "mobileAppTroubleshootingEvents"] => &CONFIGURATION,
        ["users", _, "managedAppRegistrations"] => &APPS,
        _ => return None,
    })
}

/// `Ok` when the grant may make this call; otherwise Graph's 403 for it.
pub fn check(grant: &Grant, path: &str) -> Result<(), GraphError> {
    let Some(need) = need(path) else { return Ok(()) };
    let granted = |wanted: &str| grant.scopes.iter().any(|scope| short_scope(scope).eq_ignore_ascii_case(wanted));
    if !need.any_of.iter().any(|scope| granted(scope)) {
        return Err(if need.intune {
            GraphError::new(403, "Forbidden", &format!(
                "Application is not authorized to perform this operation. Application must have one of the following scopes: {}",
                need.any_of.join(", ")
            ))
        } else {
            GraphError::new(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
        });
    }
    if need.intune && !grant.operator.intune_role {
        return Err(GraphError::new(403, "Forbidden", &intune_message("User is not authorized to perform this operation: the account has no Intune role assignment that allows it.")));
    }
    Ok(())
}

/// Intune writes its error messages as a JSON object serialised into `message`.
fn intune_message(text: &str) -> String {
    serde_json::json!({
        "_version": 3,
        "Message": format!("{text} - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000"),
        "CustomApiErrorPhrase": "",
        "RetryAfter": null,
        "ErrorSourceService": "",
        "HttpHeaders": "{}"
    })
    .to_string()
}

/// Whether a membership list shows this object whole to the caller: directory roles need
/// `RoleManagement.Read.Directory`, administrative units `AdministrativeUnit.Read.All` (or a
/// directory-wide read); without, Graph sends their type and id only.
pub fn may_read_directory_object(grant: &Grant, object: &serde_json::Value) -> bool {
    let needed: &[&str] = match object.get("@odata.type").and_then(serde_json::Value::as_str) {
        Some("#microsoft.graph.directoryRole") => {
            &["RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory", "Directory.Read.All"]
        }
        Some("#microsoft.graph.administrativeUnit") => {
            &["AdministrativeUnit.Read.All", "AdministrativeUnit.ReadWrite.All", "Directory.Read.All"]
        }
        _ => return true,
    };
    needed.iter().any(|wanted| grant.scopes.iter().any(|scope| short_scope(scope).eq_ignore_ascii_case(wanted)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::OPERATORS;

    fn grant(operator: usize) -> Grant {
        let operator = &OPERATORS[operator];
        Grant {
            operator,
            scopes: operator.scopes.iter().map(|s| s.to_string()).collect(),
            client_id: "app".into(),
            session: "s".into(),
        }
    }

    #[test]
    fn the_help_desk_operator_reads_everything() {
        for path in [
            "/deviceManagement",
            "/users",
            "/users/a/managedDevices/d/deviceConfigurationStates",
            "/users/a/mobileAppIntentAndStates",
            "/users/a/transitiveMemberOf",
        ] {
            assert!(check(&grant(0), path).is_ok(), "{path}");
        }
    }

    #[test]
    fn the_limited_operator_is_refused_apps_and_configuration_only() {
        let limited = grant(1);
        let refused = check(&limited, "/users/a/managedAppRegistrations").unwrap_err();
        assert_eq!((refused.status, refused.code.as_str()), (403, "Forbidden"));
        assert!(refused.message.contains("DeviceManagementApps.Read.All"));
        assert!(check(&limited, "/users/a/managedDevices/d/deviceCompliancePolicyStates").is_err());
        assert!(check(&limited, "/users/a/managedDevices").is_ok());
        assert!(check(&limited, "/users/a/mobileAppIntentAndStates").is_ok(), "install states need no apps permission");
        assert!(check(&limited, "/deviceManagement").is_ok());
    }

    #[test]
    fn without_an_intune_role_only_directory_calls_pass() {
        let no_role = grant(2);
        assert!(check(&no_role, "/users/a/licenseDetails").is_ok());
        assert!(check(&no_role, "/users/a/memberOf").is_ok());
        let refused = check(&no_role, "/users/a/managedDevices").unwrap_err();
        let inner: serde_json::Value =
            serde_json::from_str(&refused.message).expect("Intune's message is JSON in a string");
        assert!(inner["Message"].as_str().unwrap().contains("Intune role"));
    }

    #[test]
    fn the_catalogue_needs_the_configuration_or_the_apps_permission() {
        let limited = grant(1);
        for path in [
            "/deviceManagement/deviceCompliancePolicies",
            "/deviceManagement/deviceConfigurations",
            "/deviceManagement/configurationPolicies",
            "/deviceManagement/assignmentFilters",
        ] {
            let refused = check(&limited, path).unwrap_err();
            assert!(refused.message.contains("DeviceManagementConfiguration.Read.All"), "{path}");
        }
        for path in ["/deviceAppManagement/mobileApps", "/deviceAppManagement/iosManagedAppProtections/T_1"] {
            let refused = check(&limited, path).unwrap_err();
            assert!(refused.message.contains("DeviceManagementApps.Read.All"), "{path}");
        }
        assert!(check(&grant(0), "/deviceAppManagement/androidManagedAppProtections").is_ok());
        assert!(check(&grant(2), "/deviceManagement/assignmentFilters").is_err(), "no Intune role");
    }

    #[test]
    fn device_groups_need_a_device_or_directory_scope_by_either_address() {
        let limited = grant(1);
        for path in ["/devices/x/transitiveMemberOf", "/devices(deviceId='x')/transitiveMemberOf"] {
            let refused = check(&limited, path).unwrap_err();
            assert_eq!(refused.code, "Authorization_RequestDenied", "{path}");
            assert!(check(&grant(0), path).is_ok(), "{path}");
        }
    }

    #[test]
    fn a_directory_scope_missing_is_authorization_request_denied() {
        let mut no_groups = grant(0);
        no_groups.scopes.retain(|s| s != "GroupMember.Read.All");
        assert_eq!(check(&no_groups, "/users/a/transitiveMemberOf").unwrap_err().code, "Authorization_RequestDenied");
    }
}
