//! Property tests (proptest, a short run in the test command): whatever Graph sends, the
//! decoders and the remediation matcher answer without panicking, and lose no item silently.
//! The corpus in `tests/corpus/` (hostile pages, and any input a long run found interesting)
//! is replayed through every decoder. A long run: `PROPTEST_CASES=20000 cargo test --release --test decoders`.
#![cfg(not(target_arch = "wasm32"))]

use helpdesk::domain::remediation::{recognise, Recognised, CATALOGUE};
use helpdesk::graph::models::{
    decode_page, AppTroubleshootingEvent, Assignable, AssignmentFilter, AutopilotEvent, AutopilotIdentity,
    DeviceDetails, DirectoryObject, EnrollmentConfiguration, EntraDevice, LicenseDetails, LogCollectionRequest,
    ManagedAppRegistration, ManagedDevice, MobileAppIntentAndState, Page, PolicyState, SignIn, TroubleshootingEvent,
    User,
};
use helpdesk::graph::FailureKind;
use proptest::prelude::*;
use serde_json::{json, Value};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z@.]{1,20}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An item shaped like a Graph resource, with any value in any of its known properties.
fn graph_like_item() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(vec![
        "id",
        "displayName",
        "complianceState",
        "lastSyncDateTime",
        "eventDateTime",
        "failureCategory",
        "failureReason",
        "groupTypes",
        "troubleshootingErrorDetails",
        "operatingSystem",
        "@odata.type",
        "history",
        "errorCode",
        "runState",
        "deviceActionResults",
        "usersLoggedOn",
        "sizeInKB",
        "policyStatusDetails",
        "deploymentState",
    ]);
    prop::collection::vec((names, any_json()), 0..8)
        .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

fn accounted<T>(page: &Page<T>, sent: usize) -> bool {
    page.items.len() + page.skipped.len() == sent
}

/// Decodes `body` as a page of every resource the portal reads; with `sent` items, checks
/// that each one is shown or reported.
fn decodes_as_every_resource(body: &str, sent: Option<usize>) -> Result<(), String> {
    fn check<T: serde::de::DeserializeOwned>(name: &str, body: &str, sent: Option<usize>) -> Result<(), String> {
        match (decode_page::<T>(body), sent) {
            (Ok(page), Some(sent)) if !accounted(&page, sent) => {
                Err(format!("{name}: {} shown + {} reported of {sent}", page.items.len(), page.skipped.len()))
            }
            (Err(error), Some(_)) => Err(format!("{name}: the page was refused: {}", error.message)),
            _ => Ok(()),
        }
    }
    check::<User>("user", body, sent)?;
    check::<LicenseDetails>("licenseDetails", body, sent)?;
    check::<ManagedDevice>("managedDevice", body, sent)?;
    check::<PolicyState>("policyState", body, sent)?;
    check::<MobileAppIntentAndState>("mobileAppIntentAndState", body, sent)?;
    check::<ManagedAppRegistration>("managedAppRegistration", body, sent)?;
    check::<EnrollmentConfiguration>("enrollmentConfiguration", body, sent)?;
    check::<DirectoryObject>("directoryObject", body, sent)?;
    check::<TroubleshootingEvent>("troubleshootingEvent", body, sent)?;
    check::<AppTroubleshootingEvent>("mobileAppTroubleshootingEvent", body, sent)?;
    check::<DeviceDetails>("managedDevice (beta details)", body, sent)?;
    check::<EntraDevice>("device", body, sent)?;
    check::<LogCollectionRequest>("deviceLogCollectionResponse", body, sent)?;
    check::<AutopilotIdentity>("windowsAutopilotDeviceIdentity", body, sent)?;
    check::<AutopilotEvent>("deviceManagementAutopilotEvent", body, sent)?;
    check::<SignIn>("signIn", body, sent)?;
    check::<Assignable>("policy, profile or app with assignments", body, sent)?;
    check::<AssignmentFilter>("deviceAndAppManagementAssignmentFilter", body, sent)
}

#[test]
fn the_corpus_decodes_and_every_item_is_shown_or_reported() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("corpus");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&folder).expect("tests/corpus") {
        let path = entry.unwrap().path();
        let body = std::fs::read_to_string(&path).unwrap();
        let sent = serde_json::from_str::<Value>(&body).ok().and_then(|v| v.get("value")?.as_array().map(Vec::len));
        if let Err(problem) = decodes_as_every_resource(&body, sent) {
            panic!("{}: {problem}", path.display());
        }
        replayed += 1;
    }
    assert!(replayed >= 9, "the corpus is there");
}

proptest! {
    #[test]
    fn any_text_is_a_page_or_refused_as_unreadable(body in prop_oneof![
        ".{0,200}".prop_map(String::from),
        any_json().prop_map(|v| v.to_string()),
        (prop::collection::vec(any_json(), 0..4), any_json()).prop_map(|(items, link)| json!({ "value": items, "@odata.nextLink": link }).to_string()),
    ]) {
        // A page is an object with a `value` list and, if any, a text `@odata.nextLink`.
        let is_page = serde_json::from_str::<Value>(&body).ok().is_some_and(|v| {
            v.get("value").is_some_and(Value::is_array)
                && v.get("@odata.nextLink").is_none_or(|link| link.is_null() || link.is_string())
        });
        match decode_page::<ManagedDevice>(&body) {
            Ok(_) => prop_assert!(is_page, "a page was made of {}", body),
            Err(error) => {
                prop_assert!(!is_page, "a page was refused: {}: {}", body, error.message);
                prop_assert_eq!(error.kind, FailureKind::Decode);
            }
        }
    }

    #[test]
    fn every_item_of_a_page_is_shown_or_reported(items in prop::collection::vec(graph_like_item(), 0..20)) {
        let body = json!({ "value": items }).to_string();
        prop_assert_eq!(decodes_as_every_resource(&body, Some(items.len())), Ok(()));
    }

    #[test]
    fn the_matcher_takes_any_reason_and_knows_each_error_however_it_is_written(
        reason in ".{0,80}", entry in 0..CATALOGUE.len(), upper in any::<bool>(), sep in prop::sample::select(vec!["", " ", "-", "_", ". "]),
    ) {
        let event = |reason: &str| serde_json::from_value::<TroubleshootingEvent>(json!({ "id": "e", "failureReason": reason })).unwrap();
        let _ = recognise(&event(&reason));
        let alias = CATALOGUE[entry].aliases[0];
        let mut written = String::new();
        for (i, c) in alias.chars().enumerate() {
            if i > 0 && c.is_uppercase() {
                written.push_str(sep);
            }
            written.extend(if upper { c.to_uppercase().collect::<Vec<_>>() } else { c.to_lowercase().collect() });
        }
        prop_assert_eq!(recognise(&event(&written)), Some(Recognised::ByReason(CATALOGUE[entry].error)));
    }
}
