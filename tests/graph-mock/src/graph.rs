//! The Graph resources the portal reads (GRAPH.md), answered from the tenant model.

use serde_json::{json, Value};

use crate::identity::Grant;
use crate::odata::{check_select, filter_matches, page, search_matches, select, PageRule, Query};
use crate::permissions::may_read_directory_object;
use crate::response::GraphError;
use crate::tenant::{id_of, Tenant, User};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V1,
    Beta,
}

impl Version {
    pub fn from_segment(segment: &str) -> Option<Version> {
        match segment {
            "v1.0" => Some(Version::V1),
            "beta" => Some(Version::Beta),
            _ => None,
        }
    }

    pub fn segment(self) -> &'static str {
        match self {
            Version::V1 => "v1.0",
            Version::Beta => "beta",
        }
    }
}

/// One Graph call, already split from its transport (HTTP or an entry of `$batch`).
pub struct GraphCall<'a> {
    pub method: &'a str,
    pub version: Version,
    /// The path below the version, e.g. `/users/{id}/managedDevices`.
    pub path: &'a str,
    pub query: &'a str,
    /// `ConsistencyLevel: eventual` was sent.
    pub eventual: bool,
    /// Who calls (`None` when sign-in is off): directory objects they may not read come back
    /// with limited information.
    pub caller: Option<&'a Grant>,
}

/// The stand-in serves one tenant.
pub const TENANT_ID: &str = "0b283420-ec8c-4b6c-a5a3-7a3aee3a9f9e";

/// Properties only the beta endpoint sends on troubleshooting events.
const BETA_ONLY_EVENT_PROPERTIES: [&str; 3] = ["troubleshootingErrorDetails", "eventName", "additionalInformation"];

/// Properties only the beta endpoint sends on enrollment configurations and their parts.
const BETA_ONLY_CONFIGURATION_PROPERTIES: [&str; 5] = [
    "deviceEnrollmentConfigurationType",
    "roleScopeTagIds",
    "androidForWorkRestriction",
    "macRestriction",
    "windowsHomeSkuRestriction",
];
const BETA_ONLY_RESTRICTION_PROPERTIES: [&str; 2] = ["blockedManufacturers", "blockedSkus"];
const BETA_ONLY_ASSIGNMENT_PROPERTIES: [&str; 2] = ["source", "sourceId"];
const BETA_ONLY_TARGET_PROPERTIES: [&str; 2] =
    ["deviceAndAppManagementAssignmentFilterId", "deviceAndAppManagementAssignmentFilterType"];

/// An enrollment configuration as v1.0 sends it: the kinds v1.0 knows, without beta's
/// properties; the single-platform restrictions of today's admin center are beta only.
fn v1_configuration(item: &Value) -> Option<Value> {
    if item["@odata.type"] == "#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration" {
        return None;
    }
    let mut item = without(item, &BETA_ONLY_CONFIGURATION_PROPERTIES);
    if let Value::Object(object) = &mut item {
        for (key, value) in object.iter_mut() {
            if key.ends_with("Restriction") {
                *value = without(value, &BETA_ONLY_RESTRICTION_PROPERTIES);
            }
        }
        if let Some(Value::Array(assignments)) = object.get_mut("assignments") {
            for assignment in assignments {
                *assignment = without(assignment, &BETA_ONLY_ASSIGNMENT_PROPERTIES);
                assignment["target"] = without(&assignment["target"], &BETA_ONLY_TARGET_PROPERTIES);
            }
        }
    }
    Some(item)
}

pub fn answer(tenant: &Tenant, base_url: &str, call: &GraphCall) -> Result<Value, GraphError> {
    if call.method != "GET" {
        return Err(GraphError::new(
            405,
            "Request_BadRequest",
            &format!("The requested resource does not support http method '{}'.", call.method),
        ));
    }
    let query = Query::parse(call.query)?;
    // Each segment decoded once: a guest's user principal name arrives as `…%23EXT%23@…`.
    let decoded: Vec<String> = call
        .path
        .trim_matches('/')
        .split('/')
        .map(|segment| percent_encoding::percent_decode_str(segment).decode_utf8_lossy().into_owned())
        .collect();
    let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
    check_select(&segments, &query)?;
    let version = call.version.segment();
    let metadata = format!("{base_url}/{version}/$metadata");
    let self_url = format!("{base_url}/{version}{}", call.path);
    if query.search.is_some() && !call.eventual {
        return Err(GraphError::bad_request(
            "Request_UnsupportedQuery",
            "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        ));
    }
    if query.expand.is_some() && segments != ["deviceManagement", "deviceEnrollmentConfigurations"] {
        return Err(GraphError::bad_request(
            "BadRequest",
            "Parsing OData Select and Expand failed: Could not find a property named in $expand.",
        ));
    }
    match segments.as_slice() {
        ["deviceManagement"] => {
            let singleton = json!({ "id": TENANT_ID, "subscriptionState": tenant.subscription_state });
            let mut body = select(&singleton, &query.select);
            let context = match &query.select {
                Some(fields) => format!("{metadata}#deviceManagement({})", fields.join(",")),
                None => format!("{metadata}#deviceManagement"),
            };
            body["@odata.context"] = Value::from(context);
            Ok(body)
        }
        ["deviceManagement", "deviceEnrollmentConfigurations"] => {
            let expand = match query.expand.as_deref() {
                None => false,
                Some("assignments") => true,
                Some(other) => return Err(GraphError::bad_request("BadRequest", &format!("Could not find a property named '{other}' on type 'microsoft.graph.deviceEnrollmentConfiguration'."))),
            };
            let items: Vec<Value> = tenant
                .enrollment_configurations
                .iter()
                .filter_map(|item| match call.version {
                    Version::Beta => Some(item.clone()),
                    Version::V1 => v1_configuration(item),
                })
                .map(|item| if expand { item } else { without(&item, &["assignments"]) })
                .collect();
            page(
                &items,
                &query,
                PageRule::Intune,
                &format!("{metadata}#deviceManagement/deviceEnrollmentConfigurations"),
                &self_url,
            )
        }
        ["users"] => {
            if query.count && !call.eventual {
                return Err(GraphError::bad_request(
                    "Request_BadRequest",
                    "$count is only supported with the 'ConsistencyLevel: eventual' header.",
                ));
            }
            let mut items = Vec::new();
            for user in &tenant.users {
                let searched = match &query.search {
                    Some(search) => search_matches(search.trim_matches(' '), &user.object)?,
                    None => true,
                };
                let filtered = match &query.filter {
                    Some(filter) => filter_matches(filter, &user.object)?,
                    None => true,
                };
                if searched && filtered {
                    items.push(user.object.clone());
                }
            }
            page(&items, &query, PageRule::Directory, &format!("{metadata}#users"), &self_url)
        }
        ["users", key, rest @ ..] => {
            let user = tenant.user(key).ok_or_else(|| {
                GraphError::not_found("Request_ResourceNotFound", &format!("Resource '{key}' does not exist or one of its queried reference-property objects are not present."))
            })?;
            let user_id = id_of(&user.object).unwrap_or(key);
            let context = format!("{metadata}#users('{user_id}')");
            user_resource(tenant, user, rest, call, &query, &context, &self_url)
        }
        _ => Err(unknown_segment(segments.last().copied().unwrap_or(""))),
    }
}

fn user_resource(
    tenant: &Tenant,
    user: &User,
    rest: &[&str],
    call: &GraphCall,
    query: &Query,
    context: &str,
    self_url: &str,
) -> Result<Value, GraphError> {
    let version = call.version;
    // Objects the caller may not read: type and id only, every other property null.
    let readable = |object: &Value| -> Value {
        if call.caller.is_none_or(|grant| may_read_directory_object(grant, object)) {
            return object.clone();
        }
        let mut limited = object.clone();
        if let Value::Object(map) = &mut limited {
            for (key, value) in map.iter_mut() {
                if key != "id" && !key.starts_with("@odata.") {
                    *value = Value::Null;
                }
            }
        }
        limited
    };
    let collection =
        |items: &[Value], rule: PageRule, name: &str| page(items, query, rule, &format!("{context}/{name}"), self_url);
    match rest {
        [] => Ok(select(&user.object, &query.select)),
        ["licenseDetails"] => collection(&user.license_details, PageRule::Directory, "licenseDetails"),
        ["managedDevices"] => {
            let devices: Vec<Value> = user.managed_devices.iter().map(|d| d.object.clone()).collect();
            collection(&devices, PageRule::Intune, "managedDevices")
        }
        ["managedDevices", device_id, tail @ ..] => {
            let device = user.device(device_id).ok_or_else(|| {
                GraphError::not_found("ResourceNotFound", &format!("Resource not found for the segment '{device_id}'."))
            })?;
            let device_context = format!("{context}/managedDevices('{device_id}')");
            let states = |name: &str| match name {
                "deviceCompliancePolicyStates" => Some(&device.compliance_policy_states),
                "deviceConfigurationStates" => Some(&device.configuration_states),
                _ => None,
            };
            match tail {
                [] => Ok(select(&device.object, &query.select)),
                [name] => {
                    let items = states(name).ok_or_else(|| unknown_segment(name))?;
                    page(items, query, PageRule::Intune, &format!("{device_context}/{name}"), self_url)
                }
                _ => Err(unknown_segment(tail.last().copied().unwrap_or(""))),
            }
        }
        ["mobileAppIntentAndStates"] if version == Version::Beta => {
            collection(&user.mobile_app_intent_and_states, PageRule::Intune, "mobileAppIntentAndStates")
        }
        ["managedAppRegistrations"] => {
            collection(&user.managed_app_registrations, PageRule::Intune, "managedAppRegistrations")
        }
        ["memberOf"] => {
            let items: Vec<Value> = tenant.member_of(user).into_iter().map(readable).collect();
            collection(&items, PageRule::Directory, "memberOf")
        }
        ["transitiveMemberOf"] => {
            let items: Vec<Value> = tenant.transitive_member_of(user).into_iter().map(readable).collect();
            collection(&items, PageRule::Directory, "transitiveMemberOf")
        }
        ["deviceManagementTroubleshootingEvents"] => {
            let items: Vec<Value> = match version {
                Version::Beta => user.troubleshooting_events.clone(),
                // v1.0 lists enrollment failures only.
                Version::V1 => user
                    .troubleshooting_events
                    .iter()
                    .filter(|event| event["@odata.type"] == "#microsoft.graph.enrollmentTroubleshootingEvent")
                    .map(|event| without(event, &BETA_ONLY_EVENT_PROPERTIES))
                    .collect(),
            };
            collection(&items, PageRule::Intune, "deviceManagementTroubleshootingEvents")
        }
        _ => Err(unknown_segment(rest.last().copied().unwrap_or(""))),
    }
}

fn unknown_segment(segment: &str) -> GraphError {
    GraphError::bad_request("BadRequest", &format!("Resource not found for the segment '{segment}'."))
}

fn without(item: &Value, properties: &[&str]) -> Value {
    let mut item = item.clone();
    if let Value::Object(object) = &mut item {
        for property in properties {
            object.remove(*property);
        }
    }
    item
}
