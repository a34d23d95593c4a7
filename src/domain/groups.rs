//! Group membership: what kind of group, and whether the user is in it directly.

use std::collections::HashSet;

use crate::graph::models::DirectoryObject;
use crate::graph::scopes::{Permission, ADMINISTRATIVE_UNITS, GROUPS, ROLES};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    Security,
    Microsoft365,
    /// Either kind, with members computed from a rule.
    DynamicSecurity,
    DynamicMicrosoft365,
    DirectoryRole,
    AdministrativeUnit,
    Other,
}

pub fn group_kind(object: &DirectoryObject) -> GroupKind {
    match object.odata_type.as_deref() {
        Some("#microsoft.graph.directoryRole") => return GroupKind::DirectoryRole,
        Some("#microsoft.graph.administrativeUnit") => return GroupKind::AdministrativeUnit,
        Some("#microsoft.graph.group") | None => {}
        Some(_) => return GroupKind::Other,
    }
    let unified = object.group_types.iter().any(|t| t == "Unified");
    let dynamic = object.group_types.iter().any(|t| t == "DynamicMembership") || object.membership_rule.is_some();
    match (unified, dynamic) {
        (true, true) => GroupKind::DynamicMicrosoft365,
        (true, false) => GroupKind::Microsoft365,
        (false, true) => GroupKind::DynamicSecurity,
        (false, false) => GroupKind::Security,
    }
}

/// Graph sends objects the app may not read with their type and id only ("limited
/// information"): the permission that would show the name, for a nameless object.
pub fn hidden_name_needs(object: &DirectoryObject) -> Option<Permission> {
    if object.display_name.as_deref().is_some_and(|name| !name.trim().is_empty()) {
        return None;
    }
    Some(match group_kind(object) {
        GroupKind::DirectoryRole => ROLES,
        GroupKind::AdministrativeUnit => ADMINISTRATIVE_UNITS,
        _ => GROUPS,
    })
}

#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub group: DirectoryObject,
    pub kind: GroupKind,
    pub direct: bool,
}

/// Every group of `transitive`, marked direct when it is also in `direct`.
pub fn memberships(transitive: &[DirectoryObject], direct: &[DirectoryObject]) -> Vec<Membership> {
    let direct_ids: HashSet<&str> = direct.iter().map(|group| group.id.as_str()).collect();
    transitive
        .iter()
        .map(|group| Membership {
            kind: group_kind(group),
            direct: direct_ids.contains(group.id.as_str()),
            group: group.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &str) -> DirectoryObject {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn kinds_follow_group_types_rules_and_odata_type() {
        let cases = [
            (r##"{"id":"1","@odata.type":"#microsoft.graph.group","groupTypes":[]}"##, GroupKind::Security),
            (
                r##"{"id":"2","@odata.type":"#microsoft.graph.group","groupTypes":["Unified"]}"##,
                GroupKind::Microsoft365,
            ),
            (
                r##"{"id":"3","@odata.type":"#microsoft.graph.group","groupTypes":["DynamicMembership"],"membershipRule":"x"}"##,
                GroupKind::DynamicSecurity,
            ),
            (
                r##"{"id":"4","@odata.type":"#microsoft.graph.group","groupTypes":["Unified","DynamicMembership"]}"##,
                GroupKind::DynamicMicrosoft365,
            ),
            (r##"{"id":"5","@odata.type":"#microsoft.graph.directoryRole"}"##, GroupKind::DirectoryRole),
            (r##"{"id":"6","@odata.type":"#microsoft.graph.administrativeUnit"}"##, GroupKind::AdministrativeUnit),
            (r##"{"id":"7","@odata.type":"#microsoft.graph.somethingNew"}"##, GroupKind::Other),
        ];
        for (json, kind) in cases {
            assert_eq!(group_kind(&object(json)), kind, "{json}");
        }
    }

    #[test]
    fn groups_in_the_direct_list_are_direct_and_the_rest_inherited() {
        let all = vec![object(r#"{"id":"a"}"#), object(r#"{"id":"b"}"#)];
        let direct = vec![object(r#"{"id":"a"}"#)];
        let flags: Vec<bool> = memberships(&all, &direct).iter().map(|m| m.direct).collect();
        assert_eq!(flags, vec![true, false]);
    }

    #[test]
    fn nameless_roles_and_units_name_the_permission_that_would_show_them() {
        let role = object(r##"{"id":"r","@odata.type":"#microsoft.graph.directoryRole","displayName":null}"##);
        assert_eq!(hidden_name_needs(&role), Some(ROLES));
        let unit = object(r##"{"id":"u","@odata.type":"#microsoft.graph.administrativeUnit"}"##);
        assert_eq!(hidden_name_needs(&unit), Some(ADMINISTRATIVE_UNITS));
        let group = object(r##"{"id":"g","@odata.type":"#microsoft.graph.group","displayName":"Sales"}"##);
        assert_eq!(hidden_name_needs(&group), None);
    }
}
