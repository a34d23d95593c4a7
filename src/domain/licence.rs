//! Whether the user holds an Intune licence.

use crate::graph::models::{LicenseDetails, ProvisioningStatus, ServicePlan};

/// The service plans that are Intune Plan 1, by id (names can be localised or renamed; ids
/// cannot): `INTUNE_A` (EMS, Microsoft 365 E3/E5, Intune Plan 1), `INTUNE_EDU`, `INTUNE_SMBIZ`
/// (Microsoft 365 Business Premium), `INTUNE_A_VL` (volume licensing) and `INTUNE_A_GOV`.
/// `INTUNE_O365` (basic mobility and security) is not one.
pub const INTUNE_PLANS: [(&str, &str); 5] = [
    ("c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A"),
    ("da24caf9-af8e-485c-b7c8-e73336da2693", "INTUNE_EDU"),
    ("8e9ff0ff-aa7a-4b20-83c1-2f636b600ac2", "INTUNE_SMBIZ"),
    ("3e170737-c728-4eae-bbb9-3f3360f7184c", "INTUNE_A_VL"),
    ("d216f254-796f-4dab-bbfa-710686e646b9", "INTUNE_A_GOV"),
];

/// An Intune plan by its id; by its name only when Graph left the id out.
fn is_intune_plan(plan: &ServicePlan) -> bool {
    match plan.service_plan_id.as_deref() {
        Some(id) => INTUNE_PLANS.iter().any(|(plan_id, _)| plan_id.eq_ignore_ascii_case(id.trim())),
        None => plan
            .service_plan_name
            .as_deref()
            .is_some_and(|name| INTUNE_PLANS.iter().any(|(_, plan_name)| *plan_name == name)),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LicenceState {
    Licensed {
        sku: String,
    },
    NotLicensed,
    /// The Intune plan is assigned but not working: its provisioning status as Graph sent it.
    ProvisioningError {
        sku: String,
        status: String,
    },
}

pub fn licence_state(licences: &[LicenseDetails]) -> LicenceState {
    let mut problem = None;
    for licence in licences {
        let sku = licence.sku_part_number.clone().unwrap_or_default();
        for plan in licence.service_plans.iter().filter(|plan| is_intune_plan(plan)) {
            match &plan.provisioning_status {
                Some(ProvisioningStatus::Success) => return LicenceState::Licensed { sku },
                Some(ProvisioningStatus::Disabled) => {}
                Some(status) => {
                    problem =
                        Some(LicenceState::ProvisioningError { sku: sku.clone(), status: status.as_wire().to_string() })
                }
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

    fn one_plan(sku: &str, id: &str, name: &str, status: &str) -> Vec<LicenseDetails> {
        licences(&format!(
            r#"[{{"skuPartNumber":"{sku}","servicePlans":[{{"servicePlanId":"{id}","servicePlanName":"{name}","provisioningStatus":"{status}"}}]}}]"#
        ))
    }

    #[test]
    fn an_active_intune_plan_in_any_licence_counts() {
        let state = licence_state(&licences(
            r#"[
            {"skuPartNumber":"ENTERPRISEPACK","servicePlans":[{"servicePlanId":"882e1d05-acd1-4ccb-8708-6ee03664b117","servicePlanName":"INTUNE_O365","provisioningStatus":"Success"}]},
            {"skuPartNumber":"EMS","servicePlans":[{"servicePlanId":"c1ec4a95-1f05-45b3-a911-aa3fa01094f5","servicePlanName":"INTUNE_A","provisioningStatus":"Success"}]}
        ]"#,
        ));
        assert_eq!(state, LicenceState::Licensed { sku: "EMS".into() });
    }

    #[test]
    fn education_business_volume_and_government_plans_are_intune() {
        for (sku, id, name) in [
            ("M365EDU_A3_FACULTY", "da24caf9-af8e-485c-b7c8-e73336da2693", "INTUNE_EDU"),
            ("SPB", "8e9ff0ff-aa7a-4b20-83c1-2f636b600ac2", "INTUNE_SMBIZ"),
            ("INTUNE_A_VL", "3e170737-c728-4eae-bbb9-3f3360f7184c", "INTUNE_A_VL"),
            ("EMS_GOV", "D216F254-796F-4DAB-BBFA-710686E646B9", "INTUNE_A_GOV"),
        ] {
            assert_eq!(
                licence_state(&one_plan(sku, id, name, "Success")),
                LicenceState::Licensed { sku: sku.into() },
                "{name}"
            );
        }
    }

    #[test]
    fn the_plan_id_decides_not_the_name() {
        let renamed = one_plan("EMS", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "Microsoft Intune", "Success");
        assert_eq!(licence_state(&renamed), LicenceState::Licensed { sku: "EMS".into() });
        let impostor = one_plan("X", "00000000-0000-0000-0000-000000000000", "INTUNE_A", "Success");
        assert_eq!(licence_state(&impostor), LicenceState::NotLicensed);
        let no_id = licences(
            r#"[{"skuPartNumber":"EMS","servicePlans":[{"servicePlanName":"INTUNE_A","provisioningStatus":"Success"}]}]"#,
        );
        assert_eq!(licence_state(&no_id), LicenceState::Licensed { sku: "EMS".into() });
    }

    #[test]
    fn intune_for_office_365_alone_is_not_an_intune_licence() {
        let state = licence_state(&one_plan(
            "ENTERPRISEPACK",
            "882e1d05-acd1-4ccb-8708-6ee03664b117",
            "INTUNE_O365",
            "Success",
        ));
        assert_eq!(state, LicenceState::NotLicensed);
        assert_eq!(licence_state(&[]), LicenceState::NotLicensed);
    }

    #[test]
    fn a_pending_or_unknown_status_is_a_provisioning_error_and_disabled_is_none() {
        let pending =
            licence_state(&one_plan("EMS", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A", "PendingInput"));
        assert_eq!(pending, LicenceState::ProvisioningError { sku: "EMS".into(), status: "PendingInput".into() });
        let disabled = licence_state(&one_plan("EMS", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A", "Disabled"));
        assert_eq!(disabled, LicenceState::NotLicensed);
    }
}
