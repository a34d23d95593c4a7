//! Typed, tolerant models of the Graph resources in GRAPH.md. Enums keep values they do not
//! know; missing and null properties are normal; one bad item of a page is reported and
//! skipped while the others are kept.

use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::error::{FailureKind, GraphError};

macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
            /// A value Graph added after this portal was written, kept as sent.
            Unknown(String),
        }

        impl $name {
            pub fn from_wire(text: &str) -> Self {
                match text {
                    $($wire => $name::$variant,)*
                    other => $name::Unknown(other.to_string()),
                }
            }

            pub fn as_wire(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(text) => text,
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(|text| $name::from_wire(&text))
            }
        }
    };
}

open_enum!(
    /// `deviceManagement.subscriptionState`.
    SubscriptionState {
        Pending => "pending", Active => "active", Warning => "warning", Disabled => "disabled",
        Deleted => "deleted", Blocked => "blocked", LockedOut => "lockedOut",
    }
);

open_enum!(
    /// `servicePlanInfo.provisioningStatus` (documented string values).
    ProvisioningStatus {
        Success => "Success", Disabled => "Disabled", PendingInput => "PendingInput",
        PendingActivation => "PendingActivation", PendingProvisioning => "PendingProvisioning",
    }
);

open_enum!(
    /// `managedDevice.complianceState`.
    ComplianceState {
        Unspecified => "unknown", Compliant => "compliant", Noncompliant => "noncompliant", Conflict => "conflict",
        Error => "error", InGracePeriod => "inGracePeriod", ConfigManager => "configManager",
    }
);

open_enum!(
    /// `managedDevice.managedDeviceOwnerType`.
    OwnerType { Unspecified => "unknown", Company => "company", Personal => "personal" }
);

open_enum!(
    /// `managedDevice.managementAgent`.
    ManagementAgent {
        Eas => "eas", Mdm => "mdm", EasMdm => "easMdm", IntuneClient => "intuneClient",
        EasIntuneClient => "easIntuneClient", ConfigurationManagerClient => "configurationManagerClient",
        ConfigurationManagerClientMdm => "configurationManagerClientMdm",
        ConfigurationManagerClientMdmEas => "configurationManagerClientMdmEas", Unspecified => "unknown",
        Jamf => "jamf", GoogleCloudDevicePolicyController => "googleCloudDevicePolicyController",
    }
);

open_enum!(
    /// `complianceStatus` of policy and setting states.
    ComplianceStatus {
        Unspecified => "unknown", NotApplicable => "notApplicable", Compliant => "compliant",
        Remediated => "remediated", NonCompliant => "nonCompliant", Error => "error",
        Conflict => "conflict", NotAssigned => "notAssigned",
    }
);

open_enum!(
    /// `mobileAppIntentAndStateDetail.installState` (`resultantAppState`).
    InstallState {
        Installed => "installed", Failed => "failed", NotInstalled => "notInstalled",
        UninstallFailed => "uninstallFailed", PendingInstall => "pendingInstall",
        Unspecified => "unknown", NotApplicable => "notApplicable",
    }
);

open_enum!(
    /// `mobileAppIntentAndStateDetail.mobileAppIntent`.
    MobileAppIntent {
        Available => "available", NotAvailable => "notAvailable", RequiredInstall => "requiredInstall",
        RequiredUninstall => "requiredUninstall", RequiredAndAvailableInstall => "requiredAndAvailableInstall",
        AvailableInstallWithoutEnrollment => "availableInstallWithoutEnrollment", Exclude => "exclude",
    }
);

open_enum!(
    /// `enrollmentTroubleshootingEvent.failureCategory` (`deviceEnrollmentFailureReason`).
    FailureCategory {
        Unspecified => "unknown", Authentication => "authentication", Authorization => "authorization",
        AccountValidation => "accountValidation", UserValidation => "userValidation",
        DeviceNotSupported => "deviceNotSupported", InMaintenance => "inMaintenance", BadRequest => "badRequest",
        FeatureNotSupported => "featureNotSupported", EnrollmentRestrictionsEnforced => "enrollmentRestrictionsEnforced",
        ClientDisconnected => "clientDisconnected", UserAbandonment => "userAbandonment",
    }
);

/// A Graph timestamp; one that does not parse is kept as sent rather than failing its item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Timestamp {
    At(OffsetDateTime),
    Unparsed(String),
}

impl Timestamp {
    pub fn parse(text: &str) -> Timestamp {
        OffsetDateTime::parse(text, &Rfc3339)
            .map(Timestamp::At)
            .unwrap_or_else(|_| Timestamp::Unparsed(text.to_string()))
    }

    /// Seconds since 1970, for sorting; unparsed timestamps sort first.
    pub fn sort_key(&self) -> i128 {
        match self {
            Timestamp::At(at) => at.unix_timestamp_nanos(),
            Timestamp::Unparsed(_) => i128::MIN,
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Timestamp::parse(&text))
    }
}

/// Null, or a missing array, as an empty list.
fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceManagement {
    pub subscription_state: Option<SubscriptionState>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub display_name: Option<String>,
    pub mail: Option<String>,
    pub user_principal_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LicenseDetails {
    pub sku_part_number: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub service_plans: Vec<ServicePlan>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServicePlan {
    pub service_plan_id: Option<String>,
    pub service_plan_name: Option<String>,
    pub provisioning_status: Option<ProvisioningStatus>,
}

open_enum!(
    /// `managedDevice.managementState`.
    ManagementState {
        Managed => "managed", RetirePending => "retirePending", RetireFailed => "retireFailed",
        WipePending => "wipePending", WipeFailed => "wipeFailed", Unhealthy => "unhealthy",
        DeletePending => "deletePending", RetireIssued => "retireIssued", WipeIssued => "wipeIssued",
        WipeCanceled => "wipeCanceled", RetireCanceled => "retireCanceled", Discovered => "discovered",
    }
);

open_enum!(
    /// `deviceActionResult.actionState`.
    ActionState {
        Nothing => "none", Pending => "pending", Canceled => "canceled", Active => "active", Done => "done",
        Failed => "failed", NotSupported => "notSupported",
    }
);

open_enum!(
    /// `managedDevice.joinType` (beta).
    JoinType {
        Unspecified => "unknown", AzureAdJoined => "azureADJoined", AzureAdRegistered => "azureADRegistered",
        HybridAzureAdJoined => "hybridAzureADJoined",
    }
);

open_enum!(
    /// `deviceLogCollectionResponse.status` (`appLogUploadState`).
    LogStatus { Pending => "pending", Completed => "completed", Failed => "failed" }
);

open_enum!(
    /// `windowsAutopilotDeploymentState`: a deployment and its device and account setup phases.
    DeploymentState {
        Unspecified => "unknown", Success => "success", InProgress => "inProgress", Failure => "failure",
        SuccessWithTimeout => "successWithTimeout", NotAttempted => "notAttempted", Disabled => "disabled",
        SuccessOnRetry => "successOnRetry",
    }
);

open_enum!(
    /// `windowsAutopilotProfileAssignmentStatus` (Graph spells one member `assignedUnkownSyncState`).
    ProfileAssignment {
        Unspecified => "unknown", AssignedInSync => "assignedInSync", AssignedOutOfSync => "assignedOutOfSync",
        AssignedUnknownSyncState => "assignedUnkownSyncState", NotAssigned => "notAssigned", Pending => "pending",
        Failed => "failed",
    }
);

open_enum!(
    /// `windowsAutopilotDeviceIdentity.enrollmentState`.
    AutopilotEnrollmentState {
        Unspecified => "unknown", Enrolled => "enrolled", PendingReset => "pendingReset", Failed => "failed",
        NotContacted => "notContacted", Blocked => "blocked",
    }
);

open_enum!(
    /// `deviceManagementAutopilotPolicyStatusDetail.complianceStatus`.
    TrackedPolicyStatus {
        Unspecified => "unknown", Compliant => "compliant", Installed => "installed", NotCompliant => "notCompliant",
        NotInstalled => "notInstalled", Error => "error",
    }
);

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagedDevice {
    pub id: String,
    pub device_name: Option<String>,
    pub operating_system: Option<String>,
    pub os_version: Option<String>,
    pub compliance_state: Option<ComplianceState>,
    pub managed_device_owner_type: Option<OwnerType>,
    pub management_agent: Option<ManagementAgent>,
    pub last_sync_date_time: Option<Timestamp>,
    pub enrolled_date_time: Option<Timestamp>,
    #[serde(rename = "azureADRegistered")]
    pub azure_ad_registered: Option<bool>,
    pub device_enrollment_type: Option<String>,
    pub model: Option<String>,
    pub manufacturer: Option<String>,
    pub device_category_display_name: Option<String>,
    /// The Entra device's `deviceId`: the key to its Entra record and to sign-ins.
    #[serde(rename = "azureADDeviceId")]
    pub azure_ad_device_id: Option<String>,
    pub serial_number: Option<String>,
    pub user_principal_name: Option<String>,
    pub is_encrypted: Option<bool>,
    /// A string in Graph: "True", "False" or "Unknown".
    pub jail_broken: Option<String>,
    pub free_storage_space_in_bytes: Option<i64>,
    pub total_storage_space_in_bytes: Option<i64>,
    pub management_state: Option<ManagementState>,
    pub compliance_grace_period_expiration_date_time: Option<Timestamp>,
    #[serde(default, deserialize_with = "list")]
    pub device_action_results: Vec<DeviceActionResult>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceActionResult {
    pub action_name: Option<String>,
    pub action_state: Option<ActionState>,
    pub start_date_time: Option<Timestamp>,
    pub last_updated_date_time: Option<Timestamp>,
}

/// What only beta's single GET of a managed device says.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceDetails {
    pub join_type: Option<JoinType>,
    pub autopilot_enrolled: Option<bool>,
    pub enrolled_by_user_principal_name: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub users_logged_on: Vec<LoggedOnUser>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedOnUser {
    pub user_id: Option<String>,
    pub last_log_on_date_time: Option<Timestamp>,
}

/// The Entra ID `device` object of a managed device.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntraDevice {
    pub id: String,
    pub display_name: Option<String>,
    pub account_enabled: Option<bool>,
    pub is_compliant: Option<bool>,
    pub is_managed: Option<bool>,
    /// Workplace, AzureAd or ServerAd.
    pub trust_type: Option<String>,
    pub approximate_last_sign_in_date_time: Option<Timestamp>,
}

/// A `deviceLogCollectionResponse`: logs Intune collected from a Windows device.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogCollectionRequest {
    pub id: String,
    pub status: Option<LogStatus>,
    #[serde(rename = "requestedDateTimeUTC")]
    pub requested: Option<Timestamp>,
    #[serde(rename = "receivedDateTimeUTC")]
    pub received: Option<Timestamp>,
    #[serde(rename = "expirationDateTimeUTC")]
    pub expires: Option<Timestamp>,
    pub initiated_by_user_principal_name: Option<String>,
    #[serde(rename = "sizeInKB")]
    pub size_in_kb: Option<f64>,
}

/// A `windowsAutopilotDeviceIdentity` (beta).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AutopilotIdentity {
    pub id: String,
    pub serial_number: Option<String>,
    pub group_tag: Option<String>,
    pub enrollment_state: Option<AutopilotEnrollmentState>,
    pub deployment_profile_assignment_status: Option<ProfileAssignment>,
    pub last_contacted_date_time: Option<Timestamp>,
}

/// A `deviceManagementAutopilotEvent` (beta): one deployment of a device.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AutopilotEvent {
    pub id: String,
    pub device_id: Option<String>,
    pub device_serial_number: Option<String>,
    pub event_date_time: Option<Timestamp>,
    pub deployment_state: Option<DeploymentState>,
    pub device_setup_status: Option<DeploymentState>,
    pub account_setup_status: Option<DeploymentState>,
    pub enrollment_failure_details: Option<String>,
    pub windows_autopilot_deployment_profile_display_name: Option<String>,
    pub deployment_duration: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub policy_status_details: Vec<TrackedPolicy>,
}

/// A policy or app the enrollment status page tracked during a deployment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackedPolicy {
    pub display_name: Option<String>,
    pub policy_type: Option<String>,
    pub compliance_status: Option<TrackedPolicyStatus>,
    pub error_code: Option<i64>,
}

/// A `deviceCompliancePolicyState` or `deviceConfigurationState`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyState {
    pub id: String,
    pub display_name: Option<String>,
    pub platform_type: Option<String>,
    pub state: Option<ComplianceStatus>,
    pub setting_count: Option<i64>,
    #[serde(default, deserialize_with = "list")]
    pub setting_states: Vec<SettingState>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingState {
    pub setting: Option<String>,
    pub setting_name: Option<String>,
    pub instance_display_name: Option<String>,
    pub state: Option<ComplianceStatus>,
    pub error_code: Option<i64>,
    pub error_description: Option<String>,
    pub current_value: Option<String>,
    /// Setting states are per user: on a shared device, each user who signed in has their own.
    pub user_id: Option<String>,
    pub user_principal_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MobileAppIntentAndState {
    pub managed_device_identifier: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub mobile_app_list: Vec<MobileApp>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MobileApp {
    pub application_id: Option<String>,
    pub display_name: Option<String>,
    pub display_version: Option<String>,
    pub mobile_app_intent: Option<MobileAppIntent>,
    pub install_state: Option<InstallState>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagedAppRegistration {
    pub id: String,
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub app_identifier: Option<AppIdentifier>,
    pub application_version: Option<String>,
    pub device_name: Option<String>,
    pub device_type: Option<String>,
    pub platform_version: Option<String>,
    pub last_sync_date_time: Option<Timestamp>,
    #[serde(default, deserialize_with = "list")]
    pub flagged_reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppIdentifier {
    pub bundle_id: Option<String>,
    pub package_id: Option<String>,
}

impl AppIdentifier {
    pub fn name(&self) -> Option<&str> {
        self.bundle_id.as_deref().or(self.package_id.as_deref())
    }
}

open_enum!(
    /// `deviceEnrollmentConfiguration.deviceEnrollmentConfigurationType` (beta).
    EnrollmentConfigurationType {
        Limit => "limit", PlatformRestrictions => "platformRestrictions", SinglePlatformRestriction => "singlePlatformRestriction",
        WindowsHelloForBusiness => "windowsHelloForBusiness", DefaultLimit => "defaultLimit",
        DefaultPlatformRestrictions => "defaultPlatformRestrictions", DefaultWindowsHelloForBusiness => "defaultWindowsHelloForBusiness",
        DefaultWindows10EnrollmentCompletionPageConfiguration => "defaultWindows10EnrollmentCompletionPageConfiguration",
        Windows10EnrollmentCompletionPageConfiguration => "windows10EnrollmentCompletionPageConfiguration",
        DeviceComanagementAuthorityConfiguration => "deviceComanagementAuthorityConfiguration",
        EnrollmentNotificationsConfiguration => "enrollmentNotificationsConfiguration",
    }
);

open_enum!(
    /// `enrollmentRestrictionPlatformType` of a single-platform restriction (beta).
    RestrictionPlatform {
        AllPlatforms => "allPlatforms", Ios => "ios", Windows => "windows", WindowsPhone => "windowsPhone",
        Android => "android", AndroidForWork => "androidForWork", Mac => "mac", Linux => "linux",
    }
);

/// A `deviceEnrollmentConfiguration` from beta: the default and per-platform restrictions and
/// device limits, told apart by `@odata.type` and `deviceEnrollmentConfigurationType`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnrollmentConfiguration {
    pub id: String,
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub priority: Option<i64>,
    pub device_enrollment_configuration_type: Option<EnrollmentConfigurationType>,
    pub limit: Option<i64>,
    /// Single-platform restriction.
    pub platform_type: Option<RestrictionPlatform>,
    pub platform_restriction: Option<PlatformRestriction>,
    /// The default (all platforms) restriction, one property a platform.
    pub ios_restriction: Option<PlatformRestriction>,
    pub windows_restriction: Option<PlatformRestriction>,
    pub windows_mobile_restriction: Option<PlatformRestriction>,
    pub android_restriction: Option<PlatformRestriction>,
    pub android_for_work_restriction: Option<PlatformRestriction>,
    #[serde(rename = "macOSRestriction")]
    pub mac_os_restriction: Option<PlatformRestriction>,
    /// Beta's newer name for the macOS restriction, beside `macOSRestriction`.
    pub mac_restriction: Option<PlatformRestriction>,
    #[serde(default, deserialize_with = "list")]
    pub assignments: Vec<EnrollmentAssignment>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlatformRestriction {
    pub platform_blocked: Option<bool>,
    pub personal_device_enrollment_blocked: Option<bool>,
    pub os_minimum_version: Option<String>,
    pub os_maximum_version: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub blocked_manufacturers: Vec<String>,
    #[serde(default, deserialize_with = "list")]
    pub blocked_skus: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnrollmentAssignment {
    pub target: Option<AssignmentTarget>,
}

/// `deviceAndAppManagementAssignmentTarget`, told apart by `@odata.type`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentTarget {
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub group_id: Option<String>,
    pub collection_id: Option<String>,
    /// Beta only: the assignment filter that narrows this target, if any.
    #[serde(rename = "deviceAndAppManagementAssignmentFilterId")]
    pub filter_id: Option<String>,
    #[serde(rename = "deviceAndAppManagementAssignmentFilterType")]
    pub filter_mode: Option<FilterMode>,
}

open_enum!(
    /// `deviceAndAppManagementAssignmentFilterType` (beta): how an assignment's filter narrows it.
    FilterMode { NoFilter => "none", Include => "include", Exclude => "exclude" }
);

open_enum!(
    /// `mobileAppAssignment.intent`.
    AppIntent {
        Available => "available", Required => "required", Uninstall => "uninstall",
        AvailableWithoutEnrollment => "availableWithoutEnrollment",
    }
);

/// One assignment of a policy, profile or app (`…Assignment`): its target and, for an app, its intent.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignment {
    pub intent: Option<AppIntent>,
    pub target: Option<AssignmentTarget>,
}

/// A settings-catalog policy's template: endpoint-security policies and baselines are told
/// apart from plain profiles by its `templateFamily`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateReference {
    pub template_family: Option<String>,
    pub template_display_name: Option<String>,
}

/// An item of one of the tenant's assignable lists (compliance policies, configuration
/// profiles, settings-catalog policies, apps, app protection policies) with its assignments.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignable {
    pub id: String,
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub display_name: Option<String>,
    /// Settings-catalog policies are named by `name`, not `displayName`.
    pub name: Option<String>,
    /// Settings catalog: `deviceManagementConfigurationPlatforms` flags, such as `windows10` or `iOS,macOS`.
    pub platforms: Option<String>,
    pub template_reference: Option<TemplateReference>,
    #[serde(default, deserialize_with = "list")]
    pub assignments: Vec<Assignment>,
}

impl Assignable {
    pub fn title(&self) -> &str {
        self.display_name.as_deref().or(self.name.as_deref()).unwrap_or(&self.id)
    }
}

/// `deviceAndAppManagementAssignmentFilter` (beta).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentFilter {
    pub id: String,
    pub display_name: Option<String>,
    /// `devicePlatformType`: windows10AndLater, iOS, macOS, androidForWork, … (kept as sent).
    pub platform: Option<String>,
    pub rule: Option<String>,
}

/// An item of `memberOf` / `transitiveMemberOf`: a group, directory role or administrative unit.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryObject {
    pub id: String,
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub group_types: Vec<String>,
    pub membership_rule: Option<String>,
    pub security_enabled: Option<bool>,
    pub mail_enabled: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TroubleshootingEvent {
    pub id: String,
    /// The list mixes kinds of events; only enrollment failures belong to the failures tab.
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub event_date_time: Option<Timestamp>,
    pub correlation_id: Option<String>,
    pub operating_system: Option<String>,
    pub os_version: Option<String>,
    pub enrollment_type: Option<String>,
    pub failure_category: Option<FailureCategory>,
    pub failure_reason: Option<String>,
    pub managed_device_identifier: Option<String>,
    /// Beta only.
    pub troubleshooting_error_details: Option<TroubleshootingErrorDetails>,
}

impl TroubleshootingEvent {
    /// An enrollment failure (an item without a type is taken as one, the list's base kind).
    pub fn is_enrollment_failure(&self) -> bool {
        self.odata_type.as_deref().is_none_or(|kind| kind == "#microsoft.graph.enrollmentTroubleshootingEvent")
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TroubleshootingErrorDetails {
    pub context: Option<String>,
    pub failure: Option<String>,
    pub failure_details: Option<String>,
    pub remediation: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub resources: Vec<ErrorResource>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorResource {
    pub text: Option<String>,
    pub link: Option<String>,
}

open_enum!(
    /// `runState` of a step of an app's install history.
    RunState {
        Unspecified => "unknown", Success => "success", Fail => "fail", ScriptError => "scriptError",
        Pending => "pending", NotApplicable => "notApplicable",
    }
);

open_enum!(
    /// `mobileAppActionType` of an app state step.
    AppActionType {
        Unspecified => "unknown", InstallCommandSent => "installCommandSent", Installed => "installed",
        Uninstalled => "uninstalled", UserRequestedInstall => "userRequestedInstall",
    }
);

/// An error code as text: the reference documents a string, in practice a number also comes.
fn code_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(deserializer)? {
        Some(Value::String(text)) => Some(text),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    })
}

/// The install history of one app on one device (beta `mobileAppTroubleshootingEvent`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppTroubleshootingEvent {
    pub id: String,
    pub event_date_time: Option<Timestamp>,
    pub correlation_id: Option<String>,
    pub managed_device_identifier: Option<String>,
    pub application_id: Option<String>,
    pub troubleshooting_error_details: Option<TroubleshootingErrorDetails>,
    #[serde(default, deserialize_with = "list")]
    pub history: Vec<AppHistoryItem>,
}

/// One step of an app's install history; its kind is told by `@odata.type`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppHistoryItem {
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub occurrence_date_time: Option<Timestamp>,
    pub run_state: Option<RunState>,
    pub action_type: Option<AppActionType>,
    #[serde(default, deserialize_with = "code_text")]
    pub error_code: Option<String>,
    pub security_group_id: Option<String>,
    pub troubleshooting_error_details: Option<TroubleshootingErrorDetails>,
}

/// The kinds of history steps Graph documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryKind {
    Targeted,
    PolicyCreated,
    AppState,
    Updated,
    DeviceCheckIn,
    /// A kind added after this portal was written, or none given: kept as sent.
    Unknown(String),
}

impl AppHistoryItem {
    pub fn kind(&self) -> HistoryKind {
        let name = self.odata_type.as_deref().unwrap_or_default();
        match name.trim_start_matches('#').trim_start_matches("microsoft.graph.") {
            "mobileAppTroubleshootingAppTargetHistory" => HistoryKind::Targeted,
            "mobileAppTroubleshootingAppPolicyCreationHistory" => HistoryKind::PolicyCreated,
            "mobileAppTroubleshootingAppStateHistory" => HistoryKind::AppState,
            "mobileAppTroubleshootingAppUpdateHistory" => HistoryKind::Updated,
            "mobileAppTroubleshootingDeviceCheckinHistory" => HistoryKind::DeviceCheckIn,
            _ => HistoryKind::Unknown(name.to_string()),
        }
    }
}

open_enum!(
    /// `signIn.conditionalAccessStatus`.
    ConditionalAccessStatus { Success => "success", Failure => "failure", NotApplied => "notApplied" }
);

open_enum!(
    /// `appliedConditionalAccessPolicy.result`.
    PolicyResult {
        Success => "success", Failure => "failure", NotApplied => "notApplied", NotEnabled => "notEnabled",
        Unspecified => "unknown", ReportOnlySuccess => "reportOnlySuccess", ReportOnlyFailure => "reportOnlyFailure",
        ReportOnlyNotApplied => "reportOnlyNotApplied", ReportOnlyInterrupted => "reportOnlyInterrupted",
    }
);

/// One sign-in of the user (`auditLogs/signIns`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignIn {
    pub id: String,
    pub created_date_time: Option<Timestamp>,
    pub app_display_name: Option<String>,
    pub client_app_used: Option<String>,
    pub ip_address: Option<String>,
    pub correlation_id: Option<String>,
    pub location: Option<SignInLocation>,
    pub status: Option<SignInStatus>,
    pub conditional_access_status: Option<ConditionalAccessStatus>,
    /// `None` when Graph left it out: the operator may not read Conditional Access data.
    pub applied_conditional_access_policies: Option<Vec<AppliedPolicy>>,
    pub device_detail: Option<SignInDevice>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInLocation {
    pub city: Option<String>,
    pub country_or_region: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInStatus {
    /// 0 for a success.
    pub error_code: Option<i64>,
    pub failure_reason: Option<String>,
    pub additional_details: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedPolicy {
    pub id: Option<String>,
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "list")]
    pub enforced_grant_controls: Vec<String>,
    pub result: Option<PolicyResult>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInDevice {
    /// The Entra device id: a managed device's `azureADDeviceId`.
    pub device_id: Option<String>,
    pub display_name: Option<String>,
    pub operating_system: Option<String>,
    pub browser: Option<String>,
    pub is_compliant: Option<bool>,
    pub is_managed: Option<bool>,
    pub trust_type: Option<String>,
}

/// An item of a page that could not be read, reported instead of failing the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedItem {
    pub index: usize,
    pub id: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub skipped: Vec<SkippedItem>,
    pub next_link: Option<String>,
    pub count: Option<u64>,
}

fn decode_error(reason: impl std::fmt::Display) -> GraphError {
    GraphError::new(FailureKind::Decode, reason.to_string())
}

/// Graph answers a resource or a page with a JSON object. serde would also fill a struct from
/// a list of its fields in order, so `[[], "", null]` would read as an empty page: refuse it.
fn an_object(body: &str) -> Result<&str, GraphError> {
    if body.trim_start_matches([' ', '\t', '\n', '\r']).starts_with('{') {
        Ok(body)
    } else {
        Err(decode_error("the answer is not a JSON object"))
    }
}

#[derive(Deserialize)]
struct RawPage<'a> {
    #[serde(borrow)]
    value: Option<Vec<&'a serde_json::value::RawValue>>,
    #[serde(rename = "@odata.nextLink")]
    next_link: Option<String>,
    #[serde(rename = "@odata.count")]
    count: Option<u64>,
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<Value>,
}

/// A page split into the text of each item, not decoded yet.
pub struct PageText<'a> {
    values: Vec<&'a serde_json::value::RawValue>,
    next_link: Option<String>,
    count: Option<u64>,
}

impl<'a> PageText<'a> {
    pub fn split(body: &'a str) -> Result<PageText<'a>, GraphError> {
        let page: RawPage = serde_json::from_str(an_object(body)?).map_err(decode_error)?;
        let values = page.value.ok_or_else(|| decode_error("the answer has no \"value\" list"))?;
        Ok(PageText { values, next_link: page.next_link, count: page.count })
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// An empty page with this page's links, to fill with `decode_into`.
    pub fn start<T>(&self) -> Page<T> {
        Page {
            items: Vec::with_capacity(self.values.len()),
            skipped: Vec::new(),
            next_link: self.next_link.clone(),
            count: self.count,
        }
    }

    /// Decodes the items in `range` into `page`: each one read, or reported with the reason.
    pub fn decode_into<T: DeserializeOwned>(&self, range: std::ops::Range<usize>, page: &mut Page<T>) {
        for index in range {
            let raw = self.values[index].get();
            match decode_one::<T>(raw) {
                Ok(item) => page.items.push(item),
                Err(error) => {
                    let id = decode_one::<IdOnly>(raw)
                        .ok()
                        .and_then(|i| i.id)
                        .and_then(|id| id.as_str().map(str::to_string));
                    page.skipped.push(SkippedItem { index, id, reason: error.message });
                }
            }
        }
    }
}

/// One page of a collection: `value`, `@odata.nextLink`, `@odata.count`. Each item is decoded
/// from its own text, without building a JSON tree of the whole page first.
pub fn decode_page<T: DeserializeOwned>(body: &str) -> Result<Page<T>, GraphError> {
    let text = PageText::split(body)?;
    let mut page = text.start();
    text.decode_into(0..text.len(), &mut page);
    Ok(page)
}

/// A single resource.
pub fn decode_one<T: DeserializeOwned>(body: &str) -> Result<T, GraphError> {
    serde_json::from_str(an_object(body)?).map_err(decode_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list sample of the Graph reference (intune-devices-manageddevice-list.md), trimmed.
    const MANAGED_DEVICES_SAMPLE: &str = r##"{
      "value": [{
        "@odata.type": "#microsoft.graph.managedDevice",
        "id": "705c034c-034c-705c-4c03-5c704c035c70",
        "userId": "User Id value",
        "deviceName": "Device Name value",
        "managedDeviceOwnerType": "company",
        "deviceActionResults": [{"@odata.type": "microsoft.graph.deviceActionResult", "actionName": "Action Name value", "actionState": "pending", "startDateTime": "2016-12-31T23:59:43.797191-08:00", "lastUpdatedDateTime": "2017-01-01T00:03:30.2730295-08:00"}],
        "enrolledDateTime": "2016-12-31T23:59:43.797191-08:00",
        "lastSyncDateTime": "2017-01-01T00:02:49.3205976-08:00",
        "operatingSystem": "Operating System value",
        "complianceState": "compliant",
        "jailBroken": "Jail Broken value",
        "managementAgent": "mdm",
        "osVersion": "Os Version value",
        "azureADRegistered": true,
        "deviceEnrollmentType": "userEnrollment",
        "totalStorageSpaceInBytes": 8,
        "partnerReportedThreatState": "activated"
      }]
    }"##;

    /// serde fills a struct from a list of its fields in order; Graph never answers with one.
    #[test]
    fn a_list_is_neither_a_page_nor_a_resource_nor_an_item() {
        let page = decode_page::<ManagedDevice>(r#"[[], "", null]"#).unwrap_err();
        assert_eq!(page.kind, FailureKind::Decode);
        assert_eq!(decode_one::<ManagedDevice>(r#"["d1", "user"]"#).unwrap_err().kind, FailureKind::Decode);
        let page = decode_page::<ManagedDevice>(r#" {"value": [["d1"], {"id": "d2"}]}"#).unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.skipped[0].index, 0);
    }

    #[test]
    fn the_reference_sample_decodes() {
        let page: Page<ManagedDevice> = decode_page(MANAGED_DEVICES_SAMPLE).unwrap();
        let device = &page.items[0];
        assert_eq!(device.compliance_state, Some(ComplianceState::Compliant));
        assert_eq!(device.managed_device_owner_type, Some(OwnerType::Company));
        assert!(matches!(device.last_sync_date_time, Some(Timestamp::At(_))));
        assert!(page.skipped.is_empty());
    }

    /// The device list asks only for [`crate::graph::queries::DEVICE_FIELDS`]: a field the
    /// model reads but the list leaves out would always be empty.
    #[test]
    fn the_device_fields_asked_for_are_every_field_the_model_reads() {
        let full = serde_json::json!({
            "id": "d1", "deviceName": "LAB-001", "operatingSystem": "Windows", "osVersion": "10.0.22631",
            "complianceState": "noncompliant", "managedDeviceOwnerType": "company", "managementAgent": "mdm",
            "lastSyncDateTime": "2024-05-01T10:00:00Z", "enrolledDateTime": "2024-01-01T10:00:00Z",
            "azureADRegistered": true, "deviceEnrollmentType": "windowsAzureADJoin", "model": "Surface",
            "manufacturer": "Microsoft", "deviceCategoryDisplayName": "Lab", "azureADDeviceId": "e1",
            "serialNumber": "SN1", "userPrincipalName": "a@b.c", "isEncrypted": false, "jailBroken": "False",
            "freeStorageSpaceInBytes": 1, "totalStorageSpaceInBytes": 2, "managementState": "managed",
            "complianceGracePeriodExpirationDateTime": "2024-05-02T10:00:00Z",
            "deviceActionResults": [{
                "actionName": "syncDevice", "actionState": "done",
                "startDateTime": "2024-05-01T10:00:00Z", "lastUpdatedDateTime": "2024-05-01T10:00:00Z"
            }],
            "notes": null, "imei": "", "partnerReportedThreatState": "unknown"
        });
        let every: ManagedDevice = serde_json::from_value(full.clone()).unwrap();
        let shown = format!("{every:?}");
        assert!(!shown.contains("None") && !every.device_action_results.is_empty(), "{shown}");
        let fields: Vec<&str> = crate::graph::queries::DEVICE_FIELDS.split(',').collect();
        let selected: serde_json::Map<String, serde_json::Value> = full
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| fields.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(serde_json::from_value::<ManagedDevice>(selected.into()).unwrap(), every);
    }

    #[test]
    fn unknown_enum_values_are_kept_not_fatal() {
        let body = r#"{"value":[{"id":"1","complianceState":"unknownFutureValue","managementAgent":"quantumAgent"}]}"#;
        let page: Page<ManagedDevice> = decode_page(body).unwrap();
        assert_eq!(page.items[0].compliance_state, Some(ComplianceState::Unknown("unknownFutureValue".into())));
        assert_eq!(page.items[0].management_agent.as_ref().map(ManagementAgent::as_wire), Some("quantumAgent"));
    }

    #[test]
    fn nulls_extra_annotations_and_odd_dates_are_normal() {
        let body = r#"{"@odata.context":"x","@odata.count":2,"value":[
            {"id":"e1","eventDateTime":"2024-05-01T10:00:00","failureCategory":null,"troubleshootingErrorDetails":{"resources":null},"@odata.etag":"W/1"},
            {"id":"e2","eventDateTime":"2016-12-31T23:59:23.3984029-08:00","unexpected":{"nested":true}}
        ],"@odata.nextLink":"https://graph.microsoft.com/beta/next"}"#;
        let page: Page<TroubleshootingEvent> = decode_page(body).unwrap();
        assert_eq!(page.items.len(), 2);
        assert_eq!(page.items[0].event_date_time, Some(Timestamp::Unparsed("2024-05-01T10:00:00".into())));
        assert_eq!(page.items[0].troubleshooting_error_details.as_ref().unwrap().resources, vec![]);
        assert!(matches!(page.items[1].event_date_time, Some(Timestamp::At(_))));
        assert_eq!(page.count, Some(2));
        assert_eq!(page.next_link.as_deref(), Some("https://graph.microsoft.com/beta/next"));
    }

    #[test]
    fn one_malformed_item_is_reported_and_the_rest_kept() {
        let body = r#"{"value":[{"id":"g1","displayName":"Sales"},{"id":"g2","displayName":42},{"displayName":"no id"},{"id":"g4","groupTypes":null}]}"#;
        let page: Page<DirectoryObject> = decode_page(body).unwrap();
        assert_eq!(page.items.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), vec!["g1", "g4"]);
        assert_eq!(page.skipped.iter().map(|s| s.index).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(page.skipped[0].id.as_deref(), Some("g2"));
    }

    #[test]
    fn an_answer_that_is_not_a_collection_is_a_decode_error() {
        for body in ["{\"value\":[{\"id\":\"1\",\"displayName\":", "{\"error\":1}", "[]"] {
            assert_eq!(decode_page::<User>(body).unwrap_err().kind, FailureKind::Decode);
        }
    }
}
