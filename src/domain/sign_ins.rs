//! What a user's sign-ins say: the result of each explained from the catalogue, the managed
//! device it came from, whether the last one was blocked by Conditional Access, and why Graph
//! would not give the sign-ins at all.

use super::catalogues::signin::{lookup, SignInCode};
use crate::graph::models::{ComplianceState, ConditionalAccessStatus, ManagedDevice, SignIn};
use crate::graph::{FailureKind, GraphError};

/// How a sign-in ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Success,
    Known(&'static SignInCode),
    /// A code the catalogue does not hold: shown with Entra's `failureReason`.
    NotInCatalogue(i64),
}

pub fn outcome(sign_in: &SignIn) -> Outcome {
    match sign_in.status.as_ref().and_then(|s| s.error_code) {
        None | Some(0) => Outcome::Success,
        Some(code) => u32::try_from(code).ok().and_then(lookup).map_or(Outcome::NotInCatalogue(code), Outcome::Known),
    }
}

/// The managed device a sign-in came from, by its Entra device id.
pub fn device_of<'a>(sign_in: &SignIn, devices: &'a [ManagedDevice]) -> Option<&'a ManagedDevice> {
    let id = sign_in.device_detail.as_ref()?.device_id.as_deref()?.trim();
    if id.is_empty() || id.chars().all(|c| c == '0' || c == '-') {
        return None;
    }
    devices.iter().find(|d| d.azure_ad_device_id.as_deref().is_some_and(|aad| aad.eq_ignore_ascii_case(id)))
}

/// AADSTS53000: Conditional Access wanted a compliant device and this one was not.
const DEVICE_NOT_COMPLIANT: i64 = 53000;

/// Refused because the device was not compliant: its failing settings explain the refusal.
pub fn refused_for_compliance(sign_in: &SignIn) -> bool {
    sign_in.status.as_ref().and_then(|s| s.error_code) == Some(DEVICE_NOT_COMPLIANT)
}

/// Whether a sign-in of this user may be refused for compliance: one of the user's devices is
/// not known to be compliant (non-compliant, in its grace period, in conflict, unknown…).
pub fn compliance_may_refuse(devices: &[ManagedDevice]) -> bool {
    devices.iter().any(|d| d.compliance_state != Some(ComplianceState::Compliant))
}

/// The newest sign-in, when Conditional Access blocked it.
pub fn last_blocked(sign_ins: &[SignIn]) -> Option<&SignIn> {
    let newest = sign_ins.iter().max_by_key(|s| s.created_date_time.as_ref().map_or(i128::MIN, |t| t.sort_key()))?;
    let blocked = newest.conditional_access_status == Some(ConditionalAccessStatus::Failure)
        && !matches!(outcome(newest), Outcome::Success);
    blocked.then_some(newest)
}

/// Why Graph refused the sign-ins, in terms an operator can forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The tenant has no Entra ID P1 or P2: Graph gives no sign-in logs to it.
    NoPremiumLicence,
    /// The portal was not granted `AuditLog.Read.All`.
    MissingPermission,
    /// The permission is there, but the operator holds no Entra role that may read sign-in logs.
    NoRole,
}

/// The reference documents only the message for a tenant without P1/P2; the code is commonly
/// reported as `Authentication_RequestFromNonPremiumTenantOrB2CTenant`: either is matched.
pub fn refusal(error: &GraphError, granted: &[String]) -> Option<Refusal> {
    if error.kind != FailureKind::Http(403) {
        return None;
    }
    let code = error.code.as_deref().unwrap_or_default();
    let message = error.message.to_ascii_lowercase();
    if code.eq_ignore_ascii_case("Authentication_RequestFromNonPremiumTenantOrB2CTenant")
        || message.contains("doesn't have premium license")
        || message.contains("does not have premium license")
    {
        return Some(Refusal::NoPremiumLicence);
    }
    let has_scope = granted
        .iter()
        .any(|scope| scope.rsplit('/').next().is_some_and(|s| s.eq_ignore_ascii_case("AuditLog.Read.All")));
    Some(if has_scope { Refusal::NoRole } else { Refusal::MissingPermission })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::models::decode_page;

    fn sign_ins(json: &str) -> Vec<SignIn> {
        decode_page::<SignIn>(json).expect("a page").items
    }

    #[test]
    fn a_result_is_a_success_a_known_code_or_a_code_shown_as_it_came() {
        let page = sign_ins(
            r#"{"value":[
                {"id":"a","status":{"errorCode":0}},
                {"id":"b","status":{"errorCode":53000,"failureReason":"Device is not in required device state"}},
                {"id":"c","status":{"errorCode":99999,"failureReason":"Something new"}},
                {"id":"d"}]}"#,
        );
        assert_eq!(outcome(&page[0]), Outcome::Success);
        assert!(matches!(outcome(&page[1]), Outcome::Known(entry) if entry.name == "DeviceNotCompliant"));
        assert_eq!(outcome(&page[2]), Outcome::NotInCatalogue(99999));
        assert_eq!(outcome(&page[3]), Outcome::Success, "no status is no error");
    }

    #[test]
    fn a_sign_in_is_tied_to_the_managed_device_with_its_entra_id() {
        let devices = decode_page::<ManagedDevice>(
            r#"{"value":[{"id":"m1","deviceName":"LAPTOP","azureADDeviceId":"AAD-1"},{"id":"m2","azureADDeviceId":"00000000-0000-0000-0000-000000000000"}]}"#,
        )
        .unwrap()
        .items;
        let page = sign_ins(
            r#"{"value":[
                {"id":"a","deviceDetail":{"deviceId":"aad-1"}},
                {"id":"b","deviceDetail":{"deviceId":"00000000-0000-0000-0000-000000000000"}},
                {"id":"c","deviceDetail":{"deviceId":""}},
                {"id":"d"}]}"#,
        );
        assert_eq!(device_of(&page[0], &devices).map(|d| d.id.as_str()), Some("m1"));
        assert!(page[1..].iter().all(|s| device_of(s, &devices).is_none()), "no id, or a zero one, ties to nothing");
    }

    #[test]
    fn only_a_user_with_a_device_not_known_compliant_may_be_refused_for_compliance() {
        let devices = |json: &str| decode_page::<ManagedDevice>(json).unwrap().items;
        let compliant = devices(r#"{"value":[{"id":"a","complianceState":"compliant"}]}"#);
        assert!(!compliance_may_refuse(&compliant));
        assert!(!compliance_may_refuse(&[]));
        for state in ["noncompliant", "inGracePeriod", "unknown", "somethingNew"] {
            let mixed = devices(&format!(
                r#"{{"value":[{{"id":"a","complianceState":"compliant"}},{{"id":"b","complianceState":"{state}"}}]}}"#
            ));
            assert!(compliance_may_refuse(&mixed), "{state}");
        }
        let page =
            sign_ins(r#"{"value":[{"id":"a","status":{"errorCode":53000}},{"id":"b","status":{"errorCode":53003}}]}"#);
        assert!(refused_for_compliance(&page[0]));
        assert!(!refused_for_compliance(&page[1]), "a location block is not a compliance one");
    }

    #[test]
    fn the_last_sign_in_counts_as_blocked_only_when_conditional_access_failed_it() {
        let blocked = sign_ins(
            r#"{"value":[
                {"id":"old","createdDateTime":"2026-11-30T10:00:00Z","status":{"errorCode":0},"conditionalAccessStatus":"success"},
                {"id":"new","createdDateTime":"2026-12-01T10:00:00Z","status":{"errorCode":53000},"conditionalAccessStatus":"failure"}]}"#,
        );
        assert_eq!(last_blocked(&blocked).map(|s| s.id.as_str()), Some("new"));
        let mfa = sign_ins(
            r#"{"value":[{"id":"m","createdDateTime":"2026-12-01T10:00:00Z","status":{"errorCode":50074},"conditionalAccessStatus":"notApplied"}]}"#,
        );
        assert!(last_blocked(&mfa).is_none(), "an MFA interruption is not a Conditional Access block");
        assert!(last_blocked(&[]).is_none());
    }

    #[test]
    fn refusals_tell_a_tenant_without_premium_from_a_missing_permission_and_a_missing_role() {
        let refused = |code: &str, message: &str| {
            GraphError::from_status(403, &format!(r#"{{"error":{{"code":"{code}","message":"{message}"}}}}"#), None)
        };
        let premium = refused(
            "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
            "Neither tenant is B2C or tenant doesn't have premium license",
        );
        assert_eq!(refusal(&premium, &[]), Some(Refusal::NoPremiumLicence));
        let by_message = refused("Forbidden", "Neither tenant is B2C or tenant doesn't have premium license");
        assert_eq!(refusal(&by_message, &[]), Some(Refusal::NoPremiumLicence));
        let denied = refused("Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        assert_eq!(refusal(&denied, &["User.Read.All".into()]), Some(Refusal::MissingPermission));
        assert_eq!(refusal(&denied, &["https://graph.microsoft.com/AuditLog.Read.All".into()]), Some(Refusal::NoRole));
        assert_eq!(refusal(&GraphError::from_status(500, "", None), &[]), None);
    }
}
