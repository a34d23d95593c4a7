//! Whether the user holds an Intune licence.

use crate::graph::models::{LicenseDetails, ProvisioningStatus};

/// The service plan of an Intune licence (part of EMS, Microsoft 365 E3/E5, Intune Plan 1).
pub const INTUNE_PLAN: &str = "INTUNE_A";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LicenceState {
    Licensed { sku: String },
    NotLicensed,
    /// The Intune plan is assigned but not working: its provisioning status as Graph sent it.
    ProvisioningError { sku: String, status: String },
}

pub fn licence_state(licences: &[LicenseDetails]) -> LicenceState {
    let mut problem = None;
    for licence in licences {
        let sku = licence.sku_part_number.clone().unwrap_or_default();
        for plan in &licence.service_plans {
            if plan.service_plan_name.as_deref() != Some(INTUNE_PLAN) {
                continue;
            }
            match &plan.provisioning_status {
                Some(ProvisioningStatus::Success) => return LicenceState::Licensed { sku },
                Some(ProvisioningStatus::Disabled) => {}
                Some(status) => problem = Some(LicenceState::ProvisioningError { sku: sku.clone(), status: status.as_wire().to_string() }),
                None => problem = Some(LicenceState::ProvisioningError { sku: sku.clone(), status: String::new() }),
            }
        }
    }
    problem.unwrap_or(LicenceState::NotLicensed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn licences(json: &str) -> Vec<LicenseDetails> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn an_active_intune_plan_in_any_licence_counts() {
        let state = licence_state(&licences(r#"[
            {"skuPartNumber":"ENTERPRISEPACK","servicePlans":[{"servicePlanName":"INTUNE_O365","provisioningStatus":"Success"}]},
            {"skuPartNumber":"EMS","servicePlans":[{"servicePlanName":"INTUNE_A","provisioningStatus":"Success"}]}
        ]"#));
        assert_eq!(state, LicenceState::Licensed { sku: "EMS".into() });
    }

    #[test]
    fn intune_for_office_365_alone_is_not_an_intune_licence() {
        let state = licence_state(&licences(r#"[{"skuPartNumber":"ENTERPRISEPACK","servicePlans":[{"servicePlanName":"INTUNE_O365","provisioningStatus":"Success"}]}]"#));
        assert_eq!(state, LicenceState::NotLicensed);
        assert_eq!(licence_state(&[]), LicenceState::NotLicensed);
    }

    #[test]
    fn a_pending_or_unknown_status_is_a_provisioning_error_and_disabled_is_none() {
        let pending = licence_state(&licences(r#"[{"skuPartNumber":"EMS","servicePlans":[{"servicePlanName":"INTUNE_A","provisioningStatus":"PendingInput"}]}]"#));
        assert_eq!(pending, LicenceState::ProvisioningError { sku: "EMS".into(), status: "PendingInput".into() });
        let disabled = licence_state(&licences(r#"[{"skuPartNumber":"EMS","servicePlans":[{"servicePlanName":"INTUNE_A","provisioningStatus":"Disabled"}]}]"#));
        assert_eq!(disabled, LicenceState::NotLicensed);
    }
}
