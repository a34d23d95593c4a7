//! Intune's tenant-wide lists that say what is assigned to whom (GRAPH.md, "why a policy or
//! app applies"): compliance policies, configuration profiles, settings-catalog policies, apps,
//! app protection policies and assignment filters, with their assignments on `$expand`.
//!
//! Items are stored as beta sends them with `$expand=assignments`; v1.0 answers leave out what
//! v1.0 does not have (beta-only kinds, properties, and the filter fields of targets).

use serde_json::Value;

use crate::graph::{without, Version};
use crate::odata::{page, select_keeping, PageRule, Query};
use crate::response::GraphError;
use crate::tenant::{id_of, Catalogue};

/// One of the lists.
pub struct Collection {
    pub parent: &'static str,
    pub name: &'static str,
    /// The entity type, for Graph's error messages.
    type_name: &'static str,
    beta_only: bool,
    /// Has an `assignments` navigation.
    assignable: bool,
    /// `@odata.type` values v1.0 has; `None`: every item is in v1.0.
    v1_types: Option<&'static [&'static str]>,
    /// Item properties only beta sends.
    beta_properties: &'static [&'static str],
    /// Assignment properties only beta sends.
    beta_assignment_properties: &'static [&'static str],
    items: fn(&Catalogue) -> &Vec<Value>,
}

const BETA_TARGET_PROPERTIES: [&str; 2] =
    ["deviceAndAppManagementAssignmentFilterId", "deviceAndAppManagementAssignmentFilterType"];

/// The v1.0 metadata's compliance policy kinds (beta adds Android device owner, AOSP and others).
const V1_COMPLIANCE_TYPES: &[&str] = &[
    "#microsoft.graph.androidCompliancePolicy",
    "#microsoft.graph.androidWorkProfileCompliancePolicy",
    "#microsoft.graph.iosCompliancePolicy",
    "#microsoft.graph.macOSCompliancePolicy",
    "#microsoft.graph.windows10CompliancePolicy",
    "#microsoft.graph.windows10MobileCompliancePolicy",
    "#microsoft.graph.windows81CompliancePolicy",
    "#microsoft.graph.windowsPhone81CompliancePolicy",
];

/// The v1.0 metadata's configuration profile kinds; Wi-Fi and VPN profiles are beta only.
const V1_CONFIGURATION_TYPES: &[&str] = &[
    "#microsoft.graph.androidCustomConfiguration",
    "#microsoft.graph.androidGeneralDeviceConfiguration",
    "#microsoft.graph.androidWorkProfileCustomConfiguration",
    "#microsoft.graph.androidWorkProfileGeneralDeviceConfiguration",
    "#microsoft.graph.appleDeviceFeaturesConfigurationBase",
    "#microsoft.graph.editionUpgradeConfiguration",
    "#microsoft.graph.iosCertificateProfile",
    "#microsoft.graph.iosCustomConfiguration",
    "#microsoft.graph.iosDeviceFeaturesConfiguration",
    "#microsoft.graph.iosGeneralDeviceConfiguration",
    "#microsoft.graph.iosUpdateConfiguration",
    "#microsoft.graph.macOSCustomConfiguration",
    "#microsoft.graph.macOSDeviceFeaturesConfiguration",
    "#microsoft.graph.macOSGeneralDeviceConfiguration",
    "#microsoft.graph.sharedPCConfiguration",
    "#microsoft.graph.windows10CustomConfiguration",
    "#microsoft.graph.windows10EndpointProtectionConfiguration",
    "#microsoft.graph.windows10EnterpriseModernAppManagementConfiguration",
    "#microsoft.graph.windows10GeneralConfiguration",
    "#microsoft.graph.windows10SecureAssessmentConfiguration",
    "#microsoft.graph.windows10TeamGeneralConfiguration",
    "#microsoft.graph.windows81GeneralConfiguration",
    "#microsoft.graph.windowsDefenderAdvancedThreatProtectionConfiguration",
    "#microsoft.graph.windowsPhone81CustomConfiguration",
    "#microsoft.graph.windowsPhone81GeneralConfiguration",
    "#microsoft.graph.windowsUpdateForBusinessConfiguration",
];

/// The v1.0 metadata's app kinds; winGetApp, officeSuiteApp, androidManagedStoreApp and
/// others are beta only.
const V1_APP_TYPES: &[&str] = &[
    "#microsoft.graph.androidLobApp",
    "#microsoft.graph.androidStoreApp",
    "#microsoft.graph.iosLobApp",
    "#microsoft.graph.iosStoreApp",
    "#microsoft.graph.iosVppApp",
    "#microsoft.graph.iosiPadOSWebClip",
    "#microsoft.graph.macOSDmgApp",
    "#microsoft.graph.macOSLobApp",
    "#microsoft.graph.macOSMicrosoftDefenderApp",
    "#microsoft.graph.macOSMicrosoftEdgeApp",
    "#microsoft.graph.macOSOfficeSuiteApp",
    "#microsoft.graph.managedAndroidLobApp",
    "#microsoft.graph.managedAndroidStoreApp",
    "#microsoft.graph.managedIOSLobApp",
    "#microsoft.graph.managedIOSStoreApp",
    "#microsoft.graph.microsoftStoreForBusinessApp",
    "#microsoft.graph.webApp",
    "#microsoft.graph.win32LobApp",
    "#microsoft.graph.windowsAppX",
    "#microsoft.graph.windowsMicrosoftEdgeApp",
    "#microsoft.graph.windowsMobileMSI",
    "#microsoft.graph.windowsUniversalAppX",
    "#microsoft.graph.windowsWebApp",
];

const SOURCE: &[&str] = &["source", "sourceId"];

pub static COLLECTIONS: [Collection; 7] = [
    Collection {
        parent: "deviceManagement",
        name: "deviceCompliancePolicies",
        type_name: "deviceCompliancePolicy",
        beta_only: false,
        assignable: true,
        v1_types: Some(V1_COMPLIANCE_TYPES),
        beta_properties: &["roleScopeTagIds"],
        beta_assignment_properties: SOURCE,
        items: |c| &c.device_compliance_policies,
    },
    Collection {
        parent: "deviceManagement",
        name: "deviceConfigurations",
        type_name: "deviceConfiguration",
        beta_only: false,
        assignable: true,
        v1_types: Some(V1_CONFIGURATION_TYPES),
        beta_properties: &[
            "roleScopeTagIds",
            "supportsScopeTags",
            "deviceManagementApplicabilityRuleOsEdition",
            "deviceManagementApplicabilityRuleOsVersion",
            "deviceManagementApplicabilityRuleDeviceMode",
        ],
        beta_assignment_properties: &["source", "sourceId", "intent"],
        items: |c| &c.device_configurations,
    },
    Collection {
        parent: "deviceManagement",
        name: "configurationPolicies",
        type_name: "deviceManagementConfigurationPolicy",
        beta_only: true,
        assignable: true,
        v1_types: None,
        beta_properties: &[],
        beta_assignment_properties: &[],
        items: |c| &c.configuration_policies,
    },
    Collection {
        parent: "deviceManagement",
        name: "assignmentFilters",
        type_name: "deviceAndAppManagementAssignmentFilter",
        beta_only: true,
        assignable: false,
        v1_types: None,
        beta_properties: &[],
        beta_assignment_properties: &[],
        items: |c| &c.assignment_filters,
    },
    Collection {
        parent: "deviceAppManagement",
        name: "mobileApps",
        type_name: "mobileApp",
        beta_only: false,
        assignable: true,
        v1_types: Some(V1_APP_TYPES),
        beta_properties: &[
            "isAssigned",
            "roleScopeTagIds",
            "uploadState",
            "dependentAppCount",
            "supersedingAppCount",
            "supersededAppCount",
        ],
        beta_assignment_properties: SOURCE,
        items: |c| &c.mobile_apps,
    },
    Collection {
        parent: "deviceAppManagement",
        name: "iosManagedAppProtections",
        type_name: "iosManagedAppProtection",
        beta_only: false,
        assignable: true,
        v1_types: None,
        beta_properties: &["roleScopeTagIds", "appGroupType", "targetedAppManagementLevels"],
        beta_assignment_properties: SOURCE,
        items: |c| &c.ios_managed_app_protections,
    },
    Collection {
        parent: "deviceAppManagement",
        name: "androidManagedAppProtections",
        type_name: "androidManagedAppProtection",
        beta_only: false,
        assignable: true,
        v1_types: None,
        beta_properties: &["roleScopeTagIds", "appGroupType", "targetedAppManagementLevels"],
        beta_assignment_properties: SOURCE,
        items: |c| &c.android_managed_app_protections,
    },
];

/// The list a path starts with, if it is one of the catalogue's.
pub fn collection(segments: &[&str]) -> Option<&'static Collection> {
    match segments {
        [parent, name, ..] => COLLECTIONS.iter().find(|c| c.parent == *parent && c.name == *name),
        _ => None,
    }
}

/// Whether `$expand` may be sent on this path (the list or one item); an unknown navigation is
/// refused later, naming the type.
pub fn expandable(segments: &[&str]) -> bool {
    collection(segments).is_some() && segments.len() <= 3
}

impl Collection {
    /// An item as this version sends it, with or without its assignments.
    fn served(&self, item: &Value, version: Version, expand: bool) -> Option<Value> {
        let item = match version {
            Version::Beta => item.clone(),
            Version::V1 => {
                let known = self
                    .v1_types
                    .is_none_or(|types| item["@odata.type"].as_str().is_some_and(|kind| types.contains(&kind)));
                if !known {
                    return None;
                }
                let mut item = without(item, self.beta_properties);
                if let Some(Value::Array(assignments)) = item.get_mut("assignments") {
                    for assignment in assignments {
                        *assignment = self.v1_assignment(assignment);
                    }
                }
                item
            }
        };
        Some(if expand { item } else { without(&item, &["assignments"]) })
    }

    fn v1_assignment(&self, assignment: &Value) -> Value {
        let mut assignment = without(assignment, self.beta_assignment_properties);
        if assignment.get("target").is_some_and(Value::is_object) {
            assignment["target"] = without(&assignment["target"], &BETA_TARGET_PROPERTIES);
        }
        assignment
    }

    fn expand(&self, query: &Query) -> Result<bool, GraphError> {
        match query.expand.as_deref() {
            None => Ok(false),
            Some("assignments") if self.assignable => Ok(true),
            Some(other) => Err(GraphError::bad_request(
                "BadRequest",
                &format!("Could not find a property named '{other}' on type 'microsoft.graph.{}'.", self.type_name),
            )),
        }
    }

    /// `$filter`: on apps, beta's `isAssigned eq true|false` only (v1.0 has no `isAssigned`);
    /// the stand-in knows no other filter on these lists and refuses it rather than ignore it.
    fn filter(&self, query: &Query, version: Version) -> Result<Option<bool>, GraphError> {
        let Some(filter) = query.filter.as_deref() else { return Ok(None) };
        let words: Vec<&str> = filter.split_whitespace().collect();
        match (self.name, version, words.as_slice()) {
            ("mobileApps", Version::Beta, ["isAssigned", "eq", literal]) => match *literal {
                "true" => Ok(Some(true)),
                "false" => Ok(Some(false)),
                _ => Err(GraphError::bad_request(
                    "BadRequest",
                    &format!("Invalid filter clause: '{literal}' is not a Boolean literal."),
                )),
            },
            ("mobileApps", Version::V1, [property, ..]) if property.starts_with("isAssigned") => {
                Err(GraphError::bad_request(
                    "BadRequest",
                    "Invalid filter clause: Could not find a property named 'isAssigned' on type 'microsoft.graph.mobileApp'.",
                ))
            }
            _ => Err(GraphError::bad_request(
                "BadRequest",
                &format!("Invalid filter clause: the filter '{filter}' is not supported on {}.", self.name),
            )),
        }
    }
}

/// `GET /{parent}/{list}`, `…/{id}` and `…/{id}/assignments`.
pub fn answer(
    catalogue: &Catalogue,
    collection: &Collection,
    rest: &[&str],
    version: Version,
    query: &Query,
    metadata: &str,
    self_url: &str,
) -> Result<Value, GraphError> {
    if collection.beta_only && version == Version::V1 {
        return Err(GraphError::bad_request(
            "BadRequest",
            &format!("Resource not found for the segment '{}'.", collection.name),
        ));
    }
    let items = (collection.items)(catalogue);
    let context = format!("{metadata}#{}/{}", collection.parent, collection.name);
    let find = |id: &str| {
        items.iter().find(|item| id_of(item) == Some(id)).ok_or_else(|| {
            GraphError::not_found("ResourceNotFound", &format!("Resource not found for the segment '{id}'."))
        })
    };
    match rest {
        [] => {
            let expand = collection.expand(query)?;
            let assigned = collection.filter(query, version)?;
            let served: Vec<Value> = items
                .iter()
                .filter(|item| assigned.is_none_or(|wanted| item["isAssigned"].as_bool() == Some(wanted)))
                .filter_map(|item| collection.served(item, version, expand))
                .collect();
            page(&served, query, PageRule::Catalogue, &context, self_url)
        }
        [id] => {
            let expand = collection.expand(query)?;
            let item = collection.served(find(id)?, version, expand).ok_or_else(|| {
                GraphError::not_found("ResourceNotFound", &format!("Resource not found for the segment '{id}'."))
            })?;
            let mut body = select_keeping(&item, &query.select, query.expand.as_deref());
            body["@odata.context"] = Value::from(format!("{context}/$entity"));
            Ok(body)
        }
        [id, "assignments"] if collection.assignable => {
            let item = find(id)?;
            let assignments: Vec<Value> = item["assignments"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|assignment| match version {
                    Version::Beta => assignment.clone(),
                    Version::V1 => collection.v1_assignment(assignment),
                })
                .collect();
            page(&assignments, query, PageRule::Catalogue, &format!("{context}('{id}')/assignments"), self_url)
        }
        _ => Err(GraphError::bad_request(
            "BadRequest",
            &format!("Resource not found for the segment '{}'.", rest.last().copied().unwrap_or("")),
        )),
    }
}
