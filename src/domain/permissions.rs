//! Why Graph refused a section, in terms an operator can forward to an Intune administrator.

use crate::graph::scopes::Permission;
use crate::graph::GraphError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The operator's token lacks these delegated permissions (any one would do): an
    /// administrator grants one (admin consent).
    MissingPermission(&'static [&'static str]),
    /// The permission is there, but Intune's role-based access refuses the account.
    MissingIntuneRole,
    /// Refused for a reason the portal cannot tell; the permissions it needs are named.
    Denied(Option<&'static [&'static str]>),
}

/// `granted`: the scopes the token response listed, with or without Graph's resource prefix.
pub fn explain(error: &GraphError, granted: &[String]) -> Option<Refusal> {
    if error.kind != crate::graph::FailureKind::Http(403) {
        return None;
    }
    let Some(Permission { scopes, intune }) = error.needed else {
        return Some(Refusal::Denied(None));
    };
    let has = scopes.iter().any(|scope| {
        granted.iter().any(|g| g.rsplit('/').next().is_some_and(|short| short.eq_ignore_ascii_case(scope)))
    });
    Some(match (has, intune) {
        (false, _) => Refusal::MissingPermission(scopes),
        (true, true) => Refusal::MissingIntuneRole,
        (true, false) => Refusal::Denied(Some(scopes)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::scopes::{APPS, APP_STATES, GROUPS};

    fn forbidden(needed: Permission) -> GraphError {
        GraphError::from_status(403, r#"{"error":{"code":"Forbidden","message":"no"}}"#, None)
            .for_call(&format!("/users/a/{}", if needed == APPS { "managedAppRegistrations" } else { "memberOf" }))
    }

    #[test]
    fn a_scope_not_granted_is_named() {
        let granted = vec!["https://graph.microsoft.com/User.Read.All".to_string()];
        assert_eq!(
            explain(&forbidden(APPS), &granted),
            Some(Refusal::MissingPermission(&["DeviceManagementApps.Read.All"]))
        );
    }

    #[test]
    fn app_install_states_name_both_permissions_that_allow_them_and_either_is_enough() {
        let refused = GraphError::from_status(403, "", None).for_call("/beta/users/a/mobileAppIntentAndStates");
        let apps_only = vec!["DeviceManagementApps.Read.All".to_string()];
        assert_eq!(explain(&refused, &apps_only), Some(Refusal::MissingPermission(APP_STATES.scopes)));
        let managed_devices = vec!["https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All".to_string()];
        assert_eq!(explain(&refused, &managed_devices), Some(Refusal::MissingIntuneRole));
    }

    #[test]
    fn a_granted_intune_scope_refused_means_no_intune_role() {
        let granted = vec!["DeviceManagementApps.Read.All".to_string()];
        assert_eq!(explain(&forbidden(APPS), &granted), Some(Refusal::MissingIntuneRole));
        let directory = vec!["GroupMember.Read.All".to_string()];
        assert_eq!(explain(&forbidden(GROUPS), &directory), Some(Refusal::Denied(Some(&["GroupMember.Read.All"]))));
    }

    #[test]
    fn other_failures_are_not_refusals() {
        assert_eq!(explain(&GraphError::from_status(500, "", None), &[]), None);
    }
}
