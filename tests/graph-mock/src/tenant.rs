//! The tenant the stand-in serves. Resources are kept as Graph-shaped JSON so that a
//! fixture can hold anything the real Graph might send, strange data included; only the
//! relations (who owns which device, who is in which group) are typed.

use std::collections::{HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    /// `deviceManagement.subscriptionState`: pending, active, warning, disabled, deleted, blocked, lockedOut.
    pub subscription_state: String,
    /// `deviceEnrollmentConfiguration` items, each with its `assignments` array (served with `$expand=assignments`).
    #[serde(default)]
    pub enrollment_configurations: Vec<Value>,
    #[serde(default)]
    pub directory_objects: Vec<DirectoryObject>,
    #[serde(default)]
    pub users: Vec<User>,
    /// Entra `device` objects (`/devices`), tied to managed devices by `deviceId` (their
    /// `azureADDeviceId`); a managed device may have none (deleted from Entra).
    #[serde(default)]
    pub entra_devices: Vec<EntraDevice>,
    /// Beta `windowsAutopilotDeviceIdentity` items.
    #[serde(default)]
    pub autopilot_device_identities: Vec<Value>,
    /// Beta `deviceManagementAutopilotEvent` items, each with its `policyStatusDetails`.
    #[serde(default)]
    pub autopilot_events: Vec<Value>,
    /// `signIn` items of every user (`userId` says whose), served by `auditLogs/signIns`.
    #[serde(default)]
    pub sign_ins: Vec<Value>,
    /// The tenant has Entra ID P1 or P2; without, Graph refuses sign-in logs.
    #[serde(default = "yes")]
    pub premium: bool,
    /// The tenant's Intune catalogue: what is assigned to whom. Each item is stored as beta
    /// sends it with `$expand=assignments` (v1.0 answers and unexpanded lists are derived).
    /// Its lists sit at the top of a fixture, under their Graph names.
    #[serde(flatten)]
    pub catalogue: Catalogue,
}

/// Intune's tenant-wide lists, read once by the portal to explain why a policy or an app
/// reaches a user or a device (GRAPH.md, "why a policy or app applies").
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    /// `deviceCompliancePolicy` items (`/deviceManagement/deviceCompliancePolicies`).
    #[serde(default)]
    pub device_compliance_policies: Vec<Value>,
    /// `deviceConfiguration` items, the legacy profiles (`/deviceManagement/deviceConfigurations`).
    #[serde(default)]
    pub device_configurations: Vec<Value>,
    /// Settings-catalog and endpoint-security `deviceManagementConfigurationPolicy` items (beta only).
    #[serde(default)]
    pub configuration_policies: Vec<Value>,
    /// `mobileApp` items (`/deviceAppManagement/mobileApps`).
    #[serde(default)]
    pub mobile_apps: Vec<Value>,
    #[serde(default)]
    pub ios_managed_app_protections: Vec<Value>,
    #[serde(default)]
    pub android_managed_app_protections: Vec<Value>,
    /// `deviceAndAppManagementAssignmentFilter` items (beta only).
    #[serde(default)]
    pub assignment_filters: Vec<Value>,
}

/// An Entra `device` and the groups it is a direct member of. A fixture may give the Graph
/// object alone (no groups) or `{"object": …, "memberOf": […]}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "EntraDeviceForm")]
pub struct EntraDevice {
    pub object: Value,
    /// Ids of the directory objects (device groups) the device is a direct member of.
    #[serde(default)]
    pub member_of: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum EntraDeviceForm {
    Typed {
        object: Value,
        #[serde(default, rename = "memberOf")]
        member_of: Vec<String>,
    },
    Bare(Value),
}

impl From<EntraDeviceForm> for EntraDevice {
    fn from(form: EntraDeviceForm) -> EntraDevice {
        match form {
            EntraDeviceForm::Typed { object, member_of } => EntraDevice { object, member_of },
            EntraDeviceForm::Bare(object) => EntraDevice { object, member_of: vec![] },
        }
    }
}

fn yes() -> bool {
    true
}

/// A group, directory role or administrative unit (`@odata.type` in `object`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryObject {
    pub object: Value,
    /// Ids of the directory objects this one is a direct member of (nested groups).
    #[serde(default)]
    pub member_of: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// The `user` resource: `id`, `displayName`, `mail`, `userPrincipalName`, ...
    pub object: Value,
    #[serde(default)]
    pub license_details: Vec<Value>,
    #[serde(default)]
    pub managed_devices: Vec<Device>,
    /// Beta `mobileAppIntentAndState` items.
    #[serde(default)]
    pub mobile_app_intent_and_states: Vec<Value>,
    /// Beta `mobileAppTroubleshootingEvent` items: the install history of an app on a device.
    #[serde(default)]
    pub mobile_app_troubleshooting_events: Vec<Value>,
    #[serde(default)]
    pub managed_app_registrations: Vec<Value>,
    /// Ids of the directory objects the user is a direct member of.
    #[serde(default)]
    pub member_of: Vec<String>,
    /// Beta `enrollmentTroubleshootingEvent` items; v1.0 answers drop the beta-only properties.
    #[serde(default)]
    pub troubleshooting_events: Vec<Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Device {
    pub object: Value,
    /// `deviceCompliancePolicyState` items, each with its `settingStates`.
    #[serde(default)]
    pub compliance_policy_states: Vec<Value>,
    /// `deviceConfigurationState` items, each with its `settingStates`.
    #[serde(default)]
    pub configuration_states: Vec<Value>,
    /// `deviceLogCollectionResponse` items (`logCollectionRequests`).
    #[serde(default)]
    pub log_collection_requests: Vec<Value>,
}

/// The `id` of a Graph-shaped object, when it has a string one.
pub fn id_of(object: &Value) -> Option<&str> {
    object.get("id").and_then(Value::as_str)
}

impl Tenant {
    pub fn from_json(text: &str) -> Result<Tenant, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// A user by object id or user principal name (case-insensitive, as Graph does).
    pub fn user(&self, key: &str) -> Option<&User> {
        self.users.iter().find(|user| {
            id_of(&user.object).is_some_and(|id| id.eq_ignore_ascii_case(key))
                || user
                    .object
                    .get("userPrincipalName")
                    .and_then(Value::as_str)
                    .is_some_and(|upn| upn.eq_ignore_ascii_case(key))
        })
    }

    /// The directory objects a user belongs to, directly or through nested groups,
    /// each once, in breadth-first order.
    pub fn transitive_member_of(&self, user: &User) -> Vec<&Value> {
        self.transitive(&user.member_of)
    }

    /// The groups an Entra device belongs to, directly or through nested groups.
    pub fn device_transitive_member_of(&self, device: &EntraDevice) -> Vec<&Value> {
        self.transitive(&device.member_of)
    }

    /// The directory objects reached from these direct memberships, each once, breadth first.
    fn transitive(&self, direct: &[String]) -> Vec<&Value> {
        let by_id: HashMap<&str, &DirectoryObject> =
            self.directory_objects.iter().filter_map(|object| id_of(&object.object).map(|id| (id, object))).collect();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut queue: VecDeque<&str> = direct.iter().map(String::as_str).collect();
        let mut found = Vec::new();
        while let Some(id) = queue.pop_front() {
            if !seen.insert(id) {
                continue;
            }
            if let Some(object) = by_id.get(id) {
                found.push(&object.object);
                queue.extend(object.member_of.iter().map(String::as_str));
            }
        }
        found
    }

    /// A managed device by id, whoever's list it is in.
    pub fn managed_device(&self, id: &str) -> Option<&Device> {
        self.users.iter().find_map(|user| user.device(id))
    }

    /// The primary users of a managed device: the users whose lists hold it.
    pub fn device_users(&self, id: &str) -> Vec<&User> {
        self.users.iter().filter(|user| user.device(id).is_some()).collect()
    }

    pub fn member_of(&self, user: &User) -> Vec<&Value> {
        self.direct(&user.member_of)
    }

    pub fn device_member_of(&self, device: &EntraDevice) -> Vec<&Value> {
        self.direct(&device.member_of)
    }

    /// An Entra device by object id, or by `deviceId` (Intune's `azureADDeviceId`).
    pub fn entra_device(&self, key: &EntraDeviceKey) -> Option<&EntraDevice> {
        let (property, wanted) = match key {
            EntraDeviceKey::ObjectId(id) => ("id", id),
            EntraDeviceKey::DeviceId(id) => ("deviceId", id),
        };
        self.entra_devices.iter().find(|device| {
            device.object.get(property).and_then(Value::as_str).is_some_and(|value| value.eq_ignore_ascii_case(wanted))
        })
    }

    fn direct(&self, ids: &[String]) -> Vec<&Value> {
        ids.iter()
            .filter_map(|id| self.directory_objects.iter().find(|object| id_of(&object.object) == Some(id.as_str())))
            .map(|object| &object.object)
            .collect()
    }
}

/// How a request names an Entra device: `/devices/{id}` or `/devices(deviceId='{deviceId}')`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntraDeviceKey {
    ObjectId(String),
    DeviceId(String),
}

impl User {
    pub fn device(&self, key: &str) -> Option<&Device> {
        self.managed_devices.iter().find(|device| id_of(&device.object) == Some(key))
    }
}
