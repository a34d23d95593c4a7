//! The OData query options the stand-in understands, answered the way Graph answers them.

use serde_json::{Map, Value};

use crate::response::GraphError;

#[derive(Debug, Default, Clone)]
pub struct Query {
    pub select: Option<Vec<String>>,
    pub top: Option<usize>,
    pub skip_token: Option<usize>,
    pub search: Option<String>,
    pub filter: Option<String>,
    pub count: bool,
    pub expand: Option<String>,
    /// Every option as received, to rebuild `@odata.nextLink`.
    pub raw: Vec<(String, String)>,
}

impl Query {
    pub fn parse(query: &str) -> Result<Query, GraphError> {
        let mut parsed = Query::default();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key);
            let value = decode(value);
            match key.as_str() {
                "$select" => {
                    parsed.select =
                        Some(value.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
                }
                "$top" => {
                    let top: usize = value.parse().map_err(|_| {
                        GraphError::bad_request(
                            "BadRequest",
                            &format!("Invalid value '{value}' for $top query option found."),
                        )
                    })?;
                    parsed.top = Some(top);
                }
                "$skiptoken" => {
                    parsed.skip_token = Some(decode_skip_token(&value).ok_or_else(|| {
                        GraphError::bad_request(
                            "Directory_ExpiredPageToken",
                            "The specified page token value has expired and can no longer be included in your request.",
                        )
                    })?);
                    continue;
                }
                "$search" => parsed.search = Some(value.clone()),
                "$filter" => parsed.filter = Some(value.clone()),
                "$count" => parsed.count = value == "true",
                "$expand" => parsed.expand = Some(value.clone()),
                _ => {}
            }
            parsed.raw.push((key, value));
        }
        Ok(parsed)
    }
}

pub fn decode(text: &str) -> String {
    let plus_as_space = text.replace('+', " ");
    percent_encoding::percent_decode_str(&plus_as_space).decode_utf8_lossy().into_owned()
}

/// Characters left as they are in query values we write; the rest is percent-encoded.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'$')
    .remove(b',')
    .remove(b':');

pub fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, QUERY_VALUE).to_string()
}

/// Skip tokens are opaque to clients; this one carries the offset of the next page.
fn encode_skip_token(offset: usize) -> String {
    format!("RFNwdAIAAQAAA{offset:x}")
}

fn decode_skip_token(token: &str) -> Option<usize> {
    usize::from_str_radix(token.strip_prefix("RFNwdAIAAQAAA")?, 16).ok()
}

/// Page sizes: directory collections default to 100 and accept `$top` up to 999;
/// Intune collections answer up to 1,000 items a page, the tenant-wide catalogue 100.
#[derive(Debug, Clone, Copy)]
pub enum PageRule {
    Directory,
    Intune,
    /// Intune's tenant-wide lists (policies, apps, filters): Graph documents no page size, so
    /// the stand-in pages them at 100 whatever `$top` asks, and clients must follow nextLinks.
    Catalogue,
    /// Activity reports: `$top` up to 1,000.
    Reports,
}

impl PageRule {
    fn page_size(self, top: Option<usize>) -> Result<usize, GraphError> {
        match (self, top) {
            (PageRule::Directory, Some(top)) if top == 0 || top > 999 => Err(GraphError::bad_request(
                "Request_UnsupportedQuery",
                &format!("Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive."),
            )),
            (PageRule::Directory, Some(top)) => Ok(top),
            (PageRule::Directory, None) => Ok(100),
            (PageRule::Intune, Some(top)) => Ok(top.clamp(1, 1000)),
            (PageRule::Intune, None) => Ok(1000),
            (PageRule::Catalogue, Some(top)) => Ok(top.clamp(1, CATALOGUE_PAGE)),
            (PageRule::Catalogue, None) => Ok(CATALOGUE_PAGE),
            (PageRule::Reports, Some(top)) if top == 0 || top > 1000 => Err(GraphError::bad_request(
                "Request_UnsupportedQuery",
                &format!("Invalid page size specified: '{top}'. Must be between 1 and 1000 inclusive."),
            )),
            (PageRule::Reports, Some(top)) => Ok(top),
            (PageRule::Reports, None) => Ok(1000),
        }
    }
}

/// Items a page of the tenant-wide Intune lists.
pub const CATALOGUE_PAGE: usize = 100;

/// Properties `$select` may name, for the resources the stand-in checks (Graph answers 400 for
/// one the type does not have). Membership lists mix groups, roles and units: any of theirs.
const USER_PROPERTIES: &[&str] = &[
    "id",
    "displayName",
    "givenName",
    "surname",
    "mail",
    "userPrincipalName",
    "businessPhones",
    "jobTitle",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "accountEnabled",
    "userType",
    "usageLocation",
    "department",
    "companyName",
    "createdDateTime",
    "employeeId",
    "onPremisesSyncEnabled",
    "otherMails",
    "proxyAddresses",
    "assignedLicenses",
    "assignedPlans",
];
const DIRECTORY_OBJECT_PROPERTIES: &[&str] = &[
    "id",
    "deletedDateTime",
    "displayName",
    "description",
    "groupTypes",
    "securityEnabled",
    "mailEnabled",
    "membershipRule",
    "membershipRuleProcessingState",
    "mail",
    "mailNickname",
    "createdDateTime",
    "visibility",
    "onPremisesSyncEnabled",
    "proxyAddresses",
    "securityIdentifier",
    "isAssignableToRole",
    "roleTemplateId",
    "isMemberManagementRestricted",
];
/// `deviceManagementConfigurationPolicy` (beta), its navigations included.
const CONFIGURATION_POLICY_PROPERTIES: &[&str] = &[
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
    "disableEntraGroupPolicyAssignment",
    "assignments",
    "settings",
];
/// `deviceAndAppManagementAssignmentFilter` (beta).
const ASSIGNMENT_FILTER_PROPERTIES: &[&str] = &[
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
];
/// `managedDevice` in v1.0 (cleanMetadata); beta adds [`BETA_ONLY_DEVICE_PROPERTIES`].
const MANAGED_DEVICE_PROPERTIES: &[&str] = &[
    "id",
    "activationLockBypassCode",
    "androidSecurityPatchLevel",
    "azureADDeviceId",
    "azureADRegistered",
    "complianceGracePeriodExpirationDateTime",
    "complianceState",
    "configurationManagerClientEnabledFeatures",
    "deviceActionResults",
    "deviceCategoryDisplayName",
    "deviceEnrollmentType",
    "deviceHealthAttestationState",
    "deviceName",
    "deviceRegistrationState",
    "easActivated",
    "easActivationDateTime",
    "easDeviceId",
    "emailAddress",
    "enrolledDateTime",
    "enrollmentProfileName",
    "ethernetMacAddress",
    "exchangeAccessState",
    "exchangeAccessStateReason",
    "exchangeLastSuccessfulSyncDateTime",
    "freeStorageSpaceInBytes",
    "iccid",
    "imei",
    "isEncrypted",
    "isSupervised",
    "jailBroken",
    "lastSyncDateTime",
    "managedDeviceName",
    "managedDeviceOwnerType",
    "managementAgent",
    "managementCertificateExpirationDate",
    "managementState",
    "manufacturer",
    "meid",
    "model",
    "notes",
    "operatingSystem",
    "osVersion",
    "partnerReportedThreatState",
    "phoneNumber",
    "physicalMemoryInBytes",
    "remoteAssistanceSessionErrorDetails",
    "remoteAssistanceSessionUrl",
    "requireUserEnrollmentApproval",
    "serialNumber",
    "subscriberCarrier",
    "totalStorageSpaceInBytes",
    "udid",
    "userDisplayName",
    "userId",
    "userPrincipalName",
    "wiFiMacAddress",
];
/// Managed device properties only beta sends; `usersLoggedOn` is filled only on a single GET
/// that selects it.
pub const BETA_ONLY_DEVICE_PROPERTIES: &[&str] =
    &["joinType", "usersLoggedOn", "autopilotEnrolled", "enrolledByUserPrincipalName", "hardwareInformation"];
const DEVICE_MANAGEMENT_PROPERTIES: &[&str] =
    &["id", "subscriptionState", "intuneAccountId", "settings", "intuneBrand", "deviceProtectionOverview"];

/// `$select` of a property the resource's type does not have (in this version) is a 400, as
/// Graph answers it.
pub fn check_select(segments: &[&str], query: &Query, beta: bool) -> Result<(), GraphError> {
    let Some(fields) = &query.select else { return Ok(()) };
    let device_properties: &[&[&str]] =
        if beta { &[MANAGED_DEVICE_PROPERTIES, BETA_ONLY_DEVICE_PROPERTIES] } else { &[MANAGED_DEVICE_PROPERTIES] };
    let (known, type_name): (&[&[&str]], &str) = match segments {
        ["users"] | ["users", _] => (&[USER_PROPERTIES], "microsoft.graph.user"),
        ["users" | "devices", _, "memberOf" | "transitiveMemberOf"] => {
            (&[DIRECTORY_OBJECT_PROPERTIES], "microsoft.graph.directoryObject")
        }
        [device, "memberOf" | "transitiveMemberOf"] if device.starts_with("devices(") => {
            (&[DIRECTORY_OBJECT_PROPERTIES], "microsoft.graph.directoryObject")
        }
        ["deviceManagement", "configurationPolicies", ..] => {
            (&[CONFIGURATION_POLICY_PROPERTIES], "microsoft.graph.deviceManagementConfigurationPolicy")
        }
        ["deviceManagement", "assignmentFilters", ..] => {
            (&[ASSIGNMENT_FILTER_PROPERTIES], "microsoft.graph.deviceAndAppManagementAssignmentFilter")
        }
        ["deviceManagement"] => (&[DEVICE_MANAGEMENT_PROPERTIES], "microsoft.graph.deviceManagement"),
        ["users", _, "managedDevices"]
        | ["users", _, "managedDevices", _]
        | ["deviceManagement", "managedDevices"]
        | ["deviceManagement", "managedDevices", _] => (device_properties, "microsoft.graph.managedDevice"),
        _ => return Ok(()),
    };
    match fields.iter().find(|field| !known.iter().any(|list| list.contains(&field.as_str()))) {
        Some(unknown) => Err(GraphError::bad_request(
            "BadRequest",
            &format!("Could not find a property named '{unknown}' on type '{type_name}'."),
        )),
        None => Ok(()),
    }
}

/// Keeps only the selected properties (and the `@odata` annotations Graph always sends).
pub fn select(item: &Value, select: &Option<Vec<String>>) -> Value {
    select_keeping(item, select, None)
}

/// Like [`select`], keeping also an expanded navigation (`$expand` adds to `$select`).
pub fn select_keeping(item: &Value, select: &Option<Vec<String>>, expanded: Option<&str>) -> Value {
    match (item, select) {
        (Value::Object(object), Some(fields)) => {
            let kept: Map<String, Value> = object
                .iter()
                .filter(|(key, _)| {
                    key.starts_with("@odata.")
                        || fields.iter().any(|field| field == *key)
                        || expanded.is_some_and(|nav| nav == key.as_str())
                })
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            Value::Object(kept)
        }
        _ => item.clone(),
    }
}

/// One page of a collection, with `@odata.nextLink` (a whole URL) when more remain and
/// `@odata.count` on the first page when asked for.
pub fn page(
    items: &[Value],
    query: &Query,
    rule: PageRule,
    context: &str,
    self_url: &str,
) -> Result<Value, GraphError> {
    let size = rule.page_size(query.top)?;
    let start = query.skip_token.unwrap_or(0).min(items.len());
    let end = (start + size).min(items.len());
    let mut body = Map::new();
    body.insert("@odata.context".into(), Value::from(context));
    if query.count && query.skip_token.is_none() {
        body.insert("@odata.count".into(), Value::from(items.len()));
    }
    if end < items.len() {
        let mut options: Vec<String> =
            query.raw.iter().map(|(key, value)| format!("{}={}", encode(key), encode(value))).collect();
        options.push(format!("$skiptoken={}", encode_skip_token(end)));
        body.insert("@odata.nextLink".into(), Value::from(format!("{self_url}?{}", options.join("&"))));
    }
    let value: Vec<Value> =
        items[start..end].iter().map(|item| select_keeping(item, &query.select, query.expand.as_deref())).collect();
    body.insert("value".into(), Value::Array(value));
    Ok(Value::Object(body))
}

/// `$search="displayName:ad" OR "mail:ad"`: every clause is a quoted `property:words`;
/// a clause matches when each of its words starts a word of the property, as Graph's
/// tokenized search does. AND binds tighter than OR.
pub fn search_matches(search: &str, item: &Value) -> Result<bool, GraphError> {
    let syntax = || {
        GraphError::bad_request(
            "Request_UnsupportedQuery",
            &format!("Syntax error: character '{search}' is not valid at position 0 in '$search'."),
        )
    };
    let mut any = false;
    for alternative in split_keyword(search, " OR ") {
        let mut all = true;
        for clause in split_keyword(&alternative, " AND ") {
            let clause = clause.trim();
            let inner = clause.strip_prefix('"').and_then(|rest| rest.strip_suffix('"')).ok_or_else(syntax)?;
            let (property, words) = inner.split_once(':').ok_or_else(syntax)?;
            if !matches!(
                property,
                "displayName" | "mail" | "userPrincipalName" | "givenName" | "surname" | "description"
            ) {
                return Err(GraphError::bad_request(
                    "Request_UnsupportedQuery",
                    &format!("Unsupported property '{property}' in $search."),
                ));
            }
            let value = item.get(property).and_then(Value::as_str).unwrap_or("");
            // Only display names are tokenized; mail and user principal name match as prefixes.
            all &= match property {
                "mail" | "userPrincipalName" => value.to_lowercase().starts_with(&words.to_lowercase()),
                _ => tokenized_prefix_match(value, words),
            };
        }
        any |= all;
    }
    Ok(any)
}

fn split_keyword(text: &str, keyword: &str) -> Vec<String> {
    text.split(keyword).map(str::to_string).collect()
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|token| !token.is_empty()).map(str::to_lowercase).collect()
}

fn tokenized_prefix_match(value: &str, words: &str) -> bool {
    let value_tokens = tokens(value);
    let whole = value.to_lowercase();
    let needle = words.to_lowercase();
    whole.starts_with(&needle)
        || tokens(words).iter().all(|word| value_tokens.iter().any(|token| token.starts_with(word.as_str())))
}

/// The `$filter` forms the portal uses on users: `startswith(prop,'x')` and
/// `prop eq 'x'`, joined by `or`.
pub fn filter_matches(filter: &str, item: &Value) -> Result<bool, GraphError> {
    let unsupported = || {
        GraphError::bad_request(
            "Request_UnsupportedQuery",
            "Unsupported or invalid query filter clause specified for property.",
        )
    };
    let mut any = false;
    for clause in filter.split(" or ") {
        let clause = clause.trim();
        let matched = if let Some(args) = clause.strip_prefix("startswith(").and_then(|rest| rest.strip_suffix(')')) {
            let (property, literal) = args.split_once(',').ok_or_else(unsupported)?;
            let literal = string_literal(literal.trim()).ok_or_else(unsupported)?;
            property_text(item, property.trim()).to_lowercase().starts_with(&literal.to_lowercase())
        } else if let Some((property, literal)) = clause.split_once(" eq ") {
            let literal = string_literal(literal.trim()).ok_or_else(unsupported)?;
            property_text(item, property.trim()).eq_ignore_ascii_case(&literal)
        } else {
            return Err(unsupported());
        };
        any |= matched;
    }
    Ok(any)
}

fn string_literal(text: &str) -> Option<String> {
    text.strip_prefix('\'')?.strip_suffix('\'').map(|inner| inner.replace("''", "'"))
}

fn property_text<'a>(item: &'a Value, property: &str) -> &'a str {
    item.get(property).and_then(Value::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn search_matches_word_prefixes_of_the_named_property() {
        let adele = json!({"displayName": "Adele Vance", "mail": "AdeleV@contoso.onmicrosoft.com"});
        assert!(search_matches("\"displayName:vanc\" OR \"mail:zz\"", &adele).unwrap());
        assert!(search_matches("\"mail:adelev@contoso\"", &adele).unwrap());
        assert!(!search_matches("\"mail:contoso\"", &adele).unwrap(), "mail matches as a prefix only");
        assert!(!search_matches("\"displayName:ance\"", &adele).unwrap());
        assert!(search_matches("displayName:ad", &adele).is_err());
    }

    #[test]
    fn selecting_a_property_the_type_lacks_is_a_bad_request() {
        let query = Query::parse("$select=id,displayName,nonsense").unwrap();
        let refused = check_select(&["users", "a"], &query, false).unwrap_err();
        assert_eq!(
            (refused.status, refused.message.as_str()),
            (400, "Could not find a property named 'nonsense' on type 'microsoft.graph.user'.")
        );
        assert!(check_select(
            &["users", "a", "transitiveMemberOf"],
            &Query::parse("$select=id,displayName,groupTypes,membershipRule").unwrap(),
            false
        )
        .is_ok());
    }

    #[test]
    fn a_managed_device_property_only_beta_has_is_refused_in_v1() {
        let join_type = Query::parse("$select=id,joinType").unwrap();
        assert!(check_select(&["deviceManagement", "managedDevices", "d"], &join_type, true).is_ok());
        let refused = check_select(&["users", "a", "managedDevices"], &join_type, false).unwrap_err();
        assert_eq!(
            refused.message,
            "Could not find a property named 'joinType' on type 'microsoft.graph.managedDevice'."
        );
    }

    #[test]
    fn filter_supports_startswith_and_eq() {
        let user = json!({"displayName": "Lee Gu", "userPrincipalName": "LeeG@contoso.onmicrosoft.com"});
        assert!(filter_matches("startswith(displayName,'lee')", &user).unwrap());
        assert!(filter_matches("userPrincipalName eq 'leeg@contoso.onmicrosoft.com'", &user).unwrap());
        assert!(filter_matches("contains(displayName,'e')", &user).is_err());
    }

    #[test]
    fn a_query_survives_the_round_trip_through_next_link() {
        let items: Vec<Value> =
            (0..250).map(|n| json!({"id": n.to_string(), "displayName": format!("G{n}")})).collect();
        let query = Query::parse("$select=id&$top=100").unwrap();
        let first = page(&items, &query, PageRule::Directory, "ctx", "http://h/v1.0/x").unwrap();
        let next = first["@odata.nextLink"].as_str().unwrap();
        let next_query = Query::parse(next.split_once('?').unwrap().1).unwrap();
        let second = page(&items, &next_query, PageRule::Directory, "ctx", "http://h/v1.0/x").unwrap();
        assert_eq!(second["value"][0], json!({"id": "100"}));
    }
}
