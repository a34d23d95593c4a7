//! The Graph resources the portal reads (GRAPH.md), answered from the tenant model.

use serde_json::{json, Value};

use crate::catalogue;
use crate::identity::Grant;
use crate::odata::{
    check_select, filter_matches, page, search_matches, select, PageRule, Query, BETA_ONLY_DEVICE_PROPERTIES,
};
use crate::permissions::may_read_directory_object;
use crate::response::GraphError;
use crate::tenant::{id_of, EntraDeviceKey, Tenant, User};

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

/// A managed device as this call sees it.
fn device_as_served(device: &Value, version: Version, single_select: Option<&Vec<String>>) -> Value {
    match version {
        Version::V1 => without(device, BETA_ONLY_DEVICE_PROPERTIES),
        Version::Beta if single_select.is_some_and(|fields| fields.iter().any(|f| f == "usersLoggedOn")) => {
            device.clone()
        }
        Version::Beta => {
            let mut device = device.clone();
            device["usersLoggedOn"] = json!([]);
            device
        }
    }
}

/// The one action the portal may call: a download link for collected logs. It only reads.
const DOWNLOAD_URL_ACTION: &str = "createDownloadUrl";

pub fn answer(tenant: &Tenant, base_url: &str, call: &GraphCall) -> Result<Value, GraphError> {
    let is_download_action = call.method == "POST" && call.path.trim_end_matches('/').ends_with(DOWNLOAD_URL_ACTION);
    if call.method != "GET" && !is_download_action {
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
    check_select(&segments, &query, call.version == Version::Beta)?;
    let version = call.version.segment();
    let metadata = format!("{base_url}/{version}/$metadata");
    let self_url = format!("{base_url}/{version}{}", call.path);
    if query.search.is_some() && !call.eventual {
        return Err(GraphError::bad_request(
            "Request_UnsupportedQuery",
            "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        ));
    }
    let expandable = matches!(
        segments.as_slice(),
        ["deviceManagement", "deviceEnrollmentConfigurations"] | ["deviceManagement", "autopilotEvents"]
    ) || catalogue::expandable(&segments);
    if query.expand.is_some() && !expandable {
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
        ["deviceManagement", "managedDevices", device_id, rest @ ..] => {
            device_resource(tenant, device_id, rest, call, &query, &metadata, &self_url)
        }
        ["deviceManagement", "windowsAutopilotDeviceIdentities"] if call.version == Version::Beta => {
            let serial = match &query.filter {
                None => None,
                Some(filter) => Some(contains_serial(filter).ok_or_else(|| {
                    GraphError::bad_request(
                        "BadRequest",
                        "Invalid filter clause: only contains(serialNumber,'…') is supported here.",
                    )
                })?),
            };
            let items: Vec<Value> = tenant
                .autopilot_device_identities
                .iter()
                .filter(|item| {
                    serial.as_ref().is_none_or(|serial| {
                        item["serialNumber"].as_str().is_some_and(|s| s.to_lowercase().contains(&serial.to_lowercase()))
                    })
                })
                .cloned()
                .collect();
            page(
                &items,
                &query,
                PageRule::Intune,
                &format!("{metadata}#deviceManagement/windowsAutopilotDeviceIdentities"),
                &self_url,
            )
        }
        ["deviceManagement", "autopilotEvents"] if call.version == Version::Beta => {
            let expand = match query.expand.as_deref() {
                None => false,
                Some("policyStatusDetails") => true,
                Some(other) => return Err(GraphError::bad_request("BadRequest", &format!("Could not find a property named '{other}' on type 'microsoft.graph.deviceManagementAutopilotEvent'."))),
            };
            let items: Vec<Value> = tenant
                .autopilot_events
                .iter()
                .map(|item| if expand { item.clone() } else { without(item, &["policyStatusDetails"]) })
                .collect();
            page(&items, &query, PageRule::Intune, &format!("{metadata}#deviceManagement/autopilotEvents"), &self_url)
        }
        ["auditLogs", "signIns"] => {
            if !tenant.premium {
                return Err(GraphError::new(
                    403,
                    "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                    "Neither tenant is B2C or tenant doesn't have premium license",
                ));
            }
            if call.caller.is_some_and(|grant| !grant.operator.reports_role) {
                return Err(GraphError::new(
                    403,
                    "Authorization_RequestDenied",
                    "Insufficient privileges to complete the operation.",
                ));
            }
            let filter = sign_in_filter(query.filter.as_deref())?;
            // Conditional Access details need Policy.Read.All (and a role that may read them).
            let may_read_policies = call.caller.is_none_or(|grant| grant.has_scope("Policy.Read.All"));
            let mut items: Vec<&Value> = tenant.sign_ins.iter().filter(|s| filter.matches(s)).collect();
            items.sort_by(|a, b| b["createdDateTime"].as_str().cmp(&a["createdDateTime"].as_str()));
            let items: Vec<Value> = items
                .into_iter()
                .map(|s| if may_read_policies { s.clone() } else { without(s, &["appliedConditionalAccessPolicies"]) })
                .collect();
            page(&items, &query, PageRule::Reports, &format!("{metadata}#auditLogs/signIns"), &self_url)
        }
        ["devices"] => {
            let mut items = Vec::new();
            for device in &tenant.entra_devices {
                let device = &device.object;
                if query.filter.as_ref().map(|filter| filter_matches(filter, device)).transpose()?.unwrap_or(true) {
                    items.push(select(device, &query.select));
                }
            }
            page(&items, &query, PageRule::Directory, &format!("{metadata}#devices"), &self_url)
        }
        ["devices", object_id, rest @ ..] => {
            let key = EntraDeviceKey::ObjectId(object_id.to_string());
            entra_device_resource(tenant, &key, rest, call, &query, &metadata, &self_url)
        }
        [addressed, rest @ ..] if addressed.starts_with("devices(") => {
            let key = alternate_device_key(addressed)?;
            entra_device_resource(tenant, &key, rest, call, &query, &metadata, &self_url)
        }
        [_, _, rest @ ..] if catalogue::collection(&segments).is_some() => {
            let collection = catalogue::collection(&segments).expect("matched above");
            catalogue::answer(&tenant.catalogue, collection, rest, call.version, &query, &metadata, &self_url)
        }
        // A group by id (its name, for an assignment to a group the user is not in).
        ["groups", id] => {
            let group = tenant
                .directory_objects
                .iter()
                .map(|object| &object.object)
                .find(|object| {
                    id_of(object).is_some_and(|i| i.eq_ignore_ascii_case(id))
                        && object["@odata.type"].as_str().is_some_and(|t| t.ends_with(".group"))
                })
                .ok_or_else(|| {
                    GraphError::not_found("Request_ResourceNotFound", &format!("Resource '{id}' does not exist or one of its queried reference-property objects are not present."))
                })?;
            let mut body = select(group, &query.select);
            body["@odata.context"] = Value::from(format!("{metadata}#groups/$entity"));
            Ok(body)
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

/// The sign-in filters the portal uses: `userId eq '…'` and `createdDateTime ge …`, joined by `and`.
struct SignInFilter {
    user_id: Option<String>,
    since: Option<time::OffsetDateTime>,
}

impl SignInFilter {
    fn matches(&self, sign_in: &Value) -> bool {
        let user = self
            .user_id
            .as_ref()
            .is_none_or(|id| sign_in["userId"].as_str().is_some_and(|u| u.eq_ignore_ascii_case(id)));
        let created = sign_in["createdDateTime"]
            .as_str()
            .and_then(|t| time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok());
        let recent = self.since.is_none_or(|since| created.is_some_and(|at| at >= since));
        user && recent
    }
}

fn sign_in_filter(filter: Option<&str>) -> Result<SignInFilter, GraphError> {
    let invalid = || GraphError::bad_request("Request_UnsupportedQuery", "Invalid filter clause");
    let mut parsed = SignInFilter { user_id: None, since: None };
    for clause in filter.unwrap_or_default().split(" and ").map(str::trim).filter(|c| !c.is_empty()) {
        if let Some(literal) = clause.strip_prefix("userId eq ") {
            let literal = literal.trim().strip_prefix('\'').and_then(|l| l.strip_suffix('\'')).ok_or_else(invalid)?;
            parsed.user_id = Some(literal.replace("''", "'"));
        } else if let Some(at) = clause.strip_prefix("createdDateTime ge ") {
            let at = time::OffsetDateTime::parse(at.trim(), &time::format_description::well_known::Rfc3339)
                .map_err(|_| invalid())?;
            parsed.since = Some(at);
        } else {
            return Err(invalid());
        }
    }
    Ok(parsed)
}

/// `contains(serialNumber,'…')`, the filter Intune documents for Autopilot identities.
fn contains_serial(filter: &str) -> Option<String> {
    let args = filter.trim().strip_prefix("contains(")?.strip_suffix(')')?;
    let (property, literal) = args.split_once(',')?;
    if property.trim() != "serialNumber" {
        return None;
    }
    Some(literal.trim().strip_prefix('\'')?.strip_suffix('\'')?.replace("''", "'"))
}

/// `/deviceManagement/managedDevices/{id}` and below: the device, its primary users, the logs
/// collected from it and a download link for one of them.
fn device_resource(
    tenant: &Tenant,
    device_id: &str,
    rest: &[&str],
    call: &GraphCall,
    query: &Query,
    metadata: &str,
    self_url: &str,
) -> Result<Value, GraphError> {
    let device = tenant.managed_device(device_id).ok_or_else(|| {
        GraphError::not_found("ResourceNotFound", &format!("Resource not found for the segment '{device_id}'."))
    })?;
    let context = format!("{metadata}#deviceManagement/managedDevices('{device_id}')");
    match rest {
        [] if call.method == "GET" => {
            Ok(select(&device_as_served(&device.object, call.version, query.select.as_ref()), &query.select))
        }
        ["users"] if call.method == "GET" => {
            let users: Vec<Value> = tenant.device_users(device_id).iter().map(|user| user.object.clone()).collect();
            page(&users, query, PageRule::Directory, &format!("{metadata}#users"), self_url)
        }
        ["logCollectionRequests"] if call.method == "GET" => page(
            &device.log_collection_requests,
            query,
            PageRule::Intune,
            &format!("{context}/logCollectionRequests"),
            self_url,
        ),
        ["logCollectionRequests", log_id, DOWNLOAD_URL_ACTION] if call.method == "POST" => {
            let log =
                device.log_collection_requests.iter().find(|log| id_of(log) == Some(*log_id)).ok_or_else(|| {
                    GraphError::not_found(
                        "ResourceNotFound",
                        &format!("Resource not found for the segment '{log_id}'."),
                    )
                })?;
            if log["status"] != "completed" {
                return Err(GraphError::bad_request(
                    "BadRequest",
                    "The logs of this request are not available for download.",
                ));
            }
            // A short-lived link to a storage blob, as Intune answers.
            Ok(json!({
                "@odata.context": format!("{metadata}#Edm.String"),
                "value": format!("https://intunelogs.blob.core.windows.net/diagnostics/{log_id}.zip?sv=2024-01-01&se=1h&sig=demo")
            }))
        }
        _ if call.method != "GET" => Err(GraphError::new(
            405,
            "Request_BadRequest",
            &format!("The requested resource does not support http method '{}'.", call.method),
        )),
        _ => Err(unknown_segment(rest.last().copied().unwrap_or(""))),
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
    let readable = |object: &Value| readable(call, object);
    let collection =
        |items: &[Value], rule: PageRule, name: &str| page(items, query, rule, &format!("{context}/{name}"), self_url);
    match rest {
        [] => Ok(select(&user.object, &query.select)),
        ["licenseDetails"] => collection(&user.license_details, PageRule::Directory, "licenseDetails"),
        ["managedDevices"] => {
            let devices: Vec<Value> =
                user.managed_devices.iter().map(|d| device_as_served(&d.object, version, None)).collect();
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
                [] => Ok(select(&device_as_served(&device.object, version, query.select.as_ref()), &query.select)),
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
        ["mobileAppTroubleshootingEvents"] if version == Version::Beta => {
            collection(&user.mobile_app_troubleshooting_events, PageRule::Intune, "mobileAppTroubleshootingEvents")
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

/// A directory object as the caller may see it in a membership list: whole, or (a role or unit
/// the caller may not read) its type and id only, every other property null.
fn readable(call: &GraphCall, object: &Value) -> Value {
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
}

/// `devices(deviceId='{deviceId}')`: an Entra device by its alternate key.
fn alternate_device_key(segment: &str) -> Result<EntraDeviceKey, GraphError> {
    let invalid = || GraphError::bad_request("Request_BadRequest", &format!("Invalid object identifier '{segment}'."));
    let inner = segment.strip_prefix("devices(").and_then(|rest| rest.strip_suffix(')')).ok_or_else(invalid)?;
    let (property, literal) = inner.split_once('=').ok_or_else(invalid)?;
    if property.trim() != "deviceId" {
        return Err(invalid());
    }
    let literal = literal.trim().strip_prefix('\'').and_then(|l| l.strip_suffix('\'')).ok_or_else(invalid)?;
    Ok(EntraDeviceKey::DeviceId(literal.replace("''", "'")))
}

/// `/devices/{id}` or `/devices(deviceId='…')`, and the groups it is in (directly or not).
fn entra_device_resource(
    tenant: &Tenant,
    key: &EntraDeviceKey,
    rest: &[&str],
    call: &GraphCall,
    query: &Query,
    metadata: &str,
    self_url: &str,
) -> Result<Value, GraphError> {
    let device = tenant.entra_device(key).ok_or_else(|| {
        let (EntraDeviceKey::ObjectId(id) | EntraDeviceKey::DeviceId(id)) = key;
        GraphError::not_found(
            "Request_ResourceNotFound",
            &format!(
                "Resource '{id}' does not exist or one of its queried reference-property objects are not present."
            ),
        )
    })?;
    let object_id = id_of(&device.object).unwrap_or_default();
    let memberships = |objects: Vec<&Value>| -> Vec<Value> { objects.into_iter().map(|o| readable(call, o)).collect() };
    match rest {
        [] => Ok(select(&device.object, &query.select)),
        ["memberOf"] => {
            let items = memberships(tenant.device_member_of(device));
            page(&items, query, PageRule::Directory, &format!("{metadata}#directoryObjects"), self_url)
        }
        ["transitiveMemberOf"] => {
            let items = memberships(tenant.device_transitive_member_of(device));
            page(&items, query, PageRule::Directory, &format!("{metadata}#directoryObjects"), self_url)
        }
        _ => Err(unknown_segment(rest.last().copied().unwrap_or(object_id))),
    }
}

fn unknown_segment(segment: &str) -> GraphError {
    GraphError::bad_request("BadRequest", &format!("Resource not found for the segment '{segment}'."))
}

pub(crate) fn without(item: &Value, properties: &[&str]) -> Value {
    let mut item = item.clone();
    if let Value::Object(object) = &mut item {
        for property in properties {
            object.remove(*property);
        }
    }
    item
}
