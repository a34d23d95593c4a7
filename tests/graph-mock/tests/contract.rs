//! The stand-in answers as Graph does (GRAPH.md): paging, `$search`, `$batch`, errors,
//! CORS and faults, over real HTTP on loopback.

use std::time::Duration;

use graph_mock::faults::FaultPlan;
use graph_mock::generate::{demo_tenant, DemoSize};
use graph_mock::server::{app, MockConfig, MockState};
use serde_json::{json, Value};
use time::OffsetDateTime;

const ADELE: &str = "AdeleV@contoso.onmicrosoft.com";
const LEE: &str = "LeeG@contoso.onmicrosoft.com";

struct Mock {
    url: String,
    http: reqwest::Client,
}

async fn start(require_auth: bool, latency_ms: u64) -> Mock {
    let tenant = demo_tenant(1, &DemoSize::default(), OffsetDateTime::now_utc());
    serve(tenant, require_auth, latency_ms).await
}

async fn serve(tenant: graph_mock::tenant::Tenant, require_auth: bool, latency_ms: u64) -> Mock {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let config = MockConfig { require_auth, latency: Duration::from_millis(latency_ms), ..MockConfig::new(&url) };
    let state = MockState::new(tenant, config, FaultPlan::new(0.0, vec![], 1));
    tokio::spawn(async move { axum::serve(listener, app(state)).await.unwrap() });
    Mock { url, http: reqwest::Client::new() }
}

impl Mock {
    async fn get(&self, path: &str, headers: &[(&str, &str)]) -> (u16, reqwest::header::HeaderMap, String) {
        let url = if path.starts_with("http") { path.to_string() } else { format!("{}{path}", self.url) };
        let mut request = self.http.get(url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        (status, headers, response.text().await.unwrap_or_default())
    }

    async fn json(&self, path: &str, headers: &[(&str, &str)]) -> (u16, Value) {
        let (status, _, body) = self.get(path, headers).await;
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    async fn batch(&self, version: &str, body: Value) -> (u16, Value) {
        let response = self.http.post(format!("{}/{version}/$batch", self.url)).json(&body).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
    }

    async fn log(&self) -> Vec<Value> {
        self.json("/_mock/requests", &[]).await.1["requests"].as_array().cloned().unwrap_or_default()
    }
}

const EVENTUAL: (&str, &str) = ("ConsistencyLevel", "eventual");

#[tokio::test]
async fn paging_follows_next_links_to_every_item_and_keeps_the_query() {
    let mock = start(false, 0).await;
    let mut next = Some(format!("/v1.0/users/{LEE}/transitiveMemberOf?$select=id,displayName&$top=999"));
    let mut ids = std::collections::HashSet::new();
    let mut pages = 0;
    while let Some(url) = next {
        let (status, body) = mock.json(&url, &[]).await;
        assert_eq!(status, 200);
        for item in body["value"].as_array().unwrap() {
            assert!(item.get("mail").is_none(), "$select is kept on every page");
            ids.insert(item["id"].as_str().unwrap().to_string());
        }
        next = body["@odata.nextLink"].as_str().map(str::to_string);
        pages += 1;
    }
    assert_eq!((ids.len(), pages), (1500, 2));

    let (status, body) = mock.json(&format!("/beta/users/{LEE}/deviceManagementTroubleshootingEvents"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body["value"].as_array().unwrap().len(), 1000, "Intune pages hold 1,000 items");
    let (status, _) = mock.json(&format!("/v1.0/users/{LEE}/transitiveMemberOf?$top=1000"), &[]).await;
    assert_eq!(status, 400, "directory $top stops at 999");
}

#[tokio::test]
async fn search_needs_consistency_level_on_every_page() {
    let mock = start(false, 0).await;
    let url = "/v1.0/users?$search=%22displayName:a%22%20OR%20%22mail:a%22&$select=id,displayName&$top=5&$count=true";
    let (status, body) = mock.json(url, &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("Request_UnsupportedQuery")));
    let (status, first) = mock.json(url, &[EVENTUAL]).await;
    assert_eq!(status, 200);
    assert!(first["@odata.count"].as_u64().unwrap() > 5);
    let next = first["@odata.nextLink"].as_str().unwrap();
    assert_eq!(mock.json(next, &[]).await.0, 400, "the next page needs the header again");
    let (status, second) = mock.json(next, &[EVENTUAL]).await;
    assert_eq!(status, 200);
    assert!(second.get("@odata.count").is_none(), "@odata.count is only on the first page");

    let (_, adele) = mock.json("/v1.0/users?$search=%22displayName:adele%22&$select=displayName", &[EVENTUAL]).await;
    assert_eq!(adele["value"], json!([{ "displayName": "Adele Vance" }]));
}

#[tokio::test]
async fn users_are_found_by_id_or_principal_name_and_unknown_ones_are_404() {
    let mock = start(false, 0).await;
    let (_, adele) = mock.json(&format!("/v1.0/users/{}", ADELE.to_lowercase()), &[]).await;
    let id = adele["id"].as_str().unwrap();
    let (status, by_id) = mock.json(&format!("/v1.0/users/{id}?$select=displayName"), &[]).await;
    assert_eq!((status, by_id["displayName"].as_str()), (200, Some("Adele Vance")));
    let (status, headers, body) =
        mock.get("/v1.0/users/nobody@contoso.onmicrosoft.com", &[("client-request-id", "abc-123")]).await;
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "Request_ResourceNotFound");
    assert_eq!(body["error"]["innerError"]["request-id"], headers["request-id"].to_str().unwrap());
    assert_eq!(body["error"]["innerError"]["client-request-id"], "abc-123");
}

#[tokio::test]
async fn beta_only_resources_and_properties_stay_in_beta() {
    let mock = start(false, 0).await;
    let (status, _) = mock.json(&format!("/v1.0/users/{ADELE}/mobileAppIntentAndStates"), &[]).await;
    assert_eq!(status, 400);
    let (status, apps) = mock.json(&format!("/beta/users/{ADELE}/mobileAppIntentAndStates"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(apps["value"].as_array().unwrap().len(), 3);
    let (_, v1) = mock.json(&format!("/v1.0/users/{ADELE}/deviceManagementTroubleshootingEvents"), &[]).await;
    assert!(v1["value"].as_array().unwrap().iter().all(|e| e.get("troubleshootingErrorDetails").is_none()));
    let (_, beta) = mock.json(&format!("/beta/users/{ADELE}/deviceManagementTroubleshootingEvents"), &[]).await;
    assert!(beta["value"].as_array().unwrap().iter().any(|e| e["troubleshootingErrorDetails"].is_object()));
}

#[tokio::test]
async fn enrollment_configurations_carry_assignments_only_when_expanded() {
    let mock = start(false, 0).await;
    let (_, plain) = mock.json("/v1.0/deviceManagement/deviceEnrollmentConfigurations", &[]).await;
    assert!(plain["value"].as_array().unwrap().iter().all(|c| c.get("assignments").is_none()));
    let (_, expanded) =
        mock.json("/v1.0/deviceManagement/deviceEnrollmentConfigurations?$expand=assignments", &[]).await;
    assert!(expanded["value"].as_array().unwrap().iter().all(|c| c["assignments"].is_array()));
}

#[tokio::test]
async fn failing_settings_explain_a_non_compliant_device() {
    let mock = start(false, 0).await;
    let (_, devices) = mock.json(&format!("/v1.0/users/{ADELE}/managedDevices"), &[]).await;
    let laptop = devices["value"].as_array().unwrap().iter().find(|d| d["complianceState"] == "noncompliant").unwrap();
    let base =
        format!("/v1.0/users/{ADELE}/managedDevices/{}/deviceCompliancePolicyStates", laptop["id"].as_str().unwrap());
    let (_, states) = mock.json(&base, &[]).await;
    let failing = states["value"].as_array().unwrap().iter().find(|s| s["state"] == "nonCompliant").unwrap();
    // Setting states come inline: Graph has no `settingStates` path below a policy state.
    assert!(failing["settingStates"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["state"] == "nonCompliant" && s["settingName"] == "Require BitLocker"));
    let (status, _) = mock.json(&format!("{base}/{}/settingStates", failing["id"].as_str().unwrap()), &[]).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn per_platform_restrictions_and_beta_properties_come_from_beta_only() {
    let mock = start(false, 0).await;
    let path = "deviceManagement/deviceEnrollmentConfigurations?$expand=assignments";
    let (_, beta) = mock.json(&format!("/beta/{path}"), &[]).await;
    let (_, v1) = mock.json(&format!("/v1.0/{path}"), &[]).await;
    let single = |body: &Value| {
        body["value"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["@odata.type"] == "#microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration")
            .count()
    };
    assert!(single(&beta) >= 4);
    assert_eq!(single(&v1), 0);
    let text = v1.to_string();
    for beta_only in [
        "deviceEnrollmentConfigurationType",
        "blockedManufacturers",
        "deviceAndAppManagementAssignmentFilterType",
        "\"source\"",
    ] {
        assert!(!text.contains(beta_only), "v1.0 sends {beta_only}");
    }
    assert!(beta.to_string().contains("exclusionGroupAssignmentTarget"));
}

#[tokio::test]
async fn batch_dependencies_follow_one_of_graphs_three_patterns() {
    let mock = start(false, 0).await;
    let step = |id: &str, depends: &[&str]| json!({"id": id, "method": "GET", "url": "/deviceManagement", "dependsOn": depends});
    for (requests, accepted) in [
        (vec![step("1", &[]), step("2", &[]), step("3", &[])], true),
        (vec![step("1", &[]), step("2", &["1"]), step("3", &["2"])], true),
        (vec![step("1", &[]), step("2", &["1"]), step("3", &["1"])], true),
        (vec![step("1", &[]), step("2", &["1"]), step("3", &[])], true),
        (vec![step("1", &[]), step("2", &[]), step("3", &["1", "2"])], false),
        (vec![step("1", &[]), step("2", &["1"]), step("3", &["2"]), step("4", &["1"])], false),
    ] {
        let (status, _) = mock.batch("v1.0", json!({ "requests": requests })).await;
        assert_eq!(status == 200, accepted, "{requests:?}");
    }
}

#[tokio::test]
async fn an_unknown_select_property_is_refused_as_graph_does() {
    let mock = start(false, 0).await;
    let (status, body) = mock.json(&format!("/v1.0/users/{ADELE}?$select=id,displayName,shoeSize"), &[]).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["message"], "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
}

#[tokio::test]
async fn users_without_a_mailbox_are_found_by_user_principal_name() {
    let mock = start(false, 0).await;
    let search = r#"$search="displayName:grady_fab" OR "mail:grady_fab" OR "userPrincipalName:grady_fab""#;
    let (status, body) = mock.json(&format!("/v1.0/users?{search}"), &[EVENTUAL]).await;
    assert_eq!(status, 200);
    assert_eq!(body["value"][0]["displayName"], "Grady Archie");
    let (_, guest) = mock.json("/v1.0/users/grady_fabrikam.com%23EXT%23@contoso.onmicrosoft.com", &[]).await;
    assert_eq!(guest["displayName"], "Grady Archie");
}

#[tokio::test]
async fn batch_answers_each_step_with_dependencies_and_limits() {
    let mock = start(false, 0).await;
    let (status, body) = mock
        .batch("v1.0", json!({"requests": [
            {"id": "licence", "method": "GET", "url": format!("/users/{ADELE}/licenseDetails")},
            {"id": "missing", "method": "GET", "url": "/users/nobody/managedDevices"},
            {"id": "after-missing", "method": "GET", "url": "/deviceManagement", "dependsOn": ["missing"]},
            {"id": "throttled", "method": "GET", "url": "/deviceManagement", "headers": {"x-mock-fault": "429;retry-after=5"}},
            {"id": "search", "method": "GET", "url": "/users?$search=\"displayName:lee\"", "headers": {"ConsistencyLevel": "eventual"}}
        ]}))
        .await;
    assert_eq!(status, 200);
    let status_of = |id: &str| {
        body["responses"].as_array().unwrap().iter().find(|r| r["id"] == id).map(|r| r["status"].as_u64().unwrap())
    };
    assert_eq!(status_of("licence"), Some(200));
    assert_eq!(status_of("missing"), Some(404));
    assert_eq!(status_of("after-missing"), Some(424));
    assert_eq!(status_of("throttled"), Some(429));
    assert_eq!(status_of("search"), Some(200));
    let throttled = body["responses"].as_array().unwrap().iter().find(|r| r["id"] == "throttled").unwrap();
    assert_eq!(throttled["headers"]["Retry-After"], "5");

    let too_many: Vec<Value> =
        (0..21).map(|i| json!({"id": i.to_string(), "method": "GET", "url": "/deviceManagement"})).collect();
    assert_eq!(mock.batch("v1.0", json!({ "requests": too_many })).await.0, 400);
    let log = mock.log().await;
    assert_eq!(log.iter().filter(|e| e["batch"].is_u64()).count(), 5, "inner steps are logged with their batch");
}

#[tokio::test]
async fn cors_preflight_and_exposed_headers_match_graph() {
    let mock = start(true, 0).await;
    let response = mock
        .http
        .request(reqwest::Method::OPTIONS, format!("{}/v1.0/users", mock.url))
        .header("Origin", "http://127.0.0.1:8080")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization,consistencylevel,client-request-id")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["access-control-allow-headers"], "authorization,consistencylevel,client-request-id");
    let (status, headers, body) = mock.get("/v1.0/deviceManagement", &[]).await;
    assert_eq!(status, 401, "no token, no data");
    assert!(body.contains("InvalidAuthenticationToken"));
    let exposed = headers["access-control-expose-headers"].to_str().unwrap();
    assert!(exposed.contains("request-id") && exposed.contains("Retry-After"));
}

#[tokio::test]
async fn faults_by_header_and_by_rule_then_recovery() {
    let mock = start(false, 0).await;
    let path = format!("/v1.0/users/{ADELE}/licenseDetails");
    let (status, headers, _) = mock.get(&path, &[("x-mock-fault", "429;retry-after=2")]).await;
    assert_eq!((status, headers["retry-after"].to_str().unwrap()), (429, "2"));
    for code in ["500", "503", "504"] {
        assert_eq!(mock.get(&path, &[("x-mock-fault", code)]).await.0.to_string(), code);
    }
    let (status, _, body) = mock.get(&path, &[("x-mock-fault", "malformed")]).await;
    assert_eq!(status, 200);
    assert!(serde_json::from_str::<Value>(&body).is_err());
    let dropped = match mock.http.get(format!("{}{path}", mock.url)).header("x-mock-fault", "drop").send().await {
        Ok(response) => response.text().await.is_err(),
        Err(_) => true,
    };
    assert!(dropped, "the connection drops before a whole answer arrives");
    let (status, body) = mock.json(&path, &[("x-mock-fault", "foreign-next-link")]).await;
    assert_eq!(status, 200);
    assert!(!body["value"].as_array().unwrap().is_empty(), "the answer itself is the normal one");
    assert_eq!(body["@odata.nextLink"], format!("https://graph.example.invalid{path}"));

    mock.http
        .post(format!("{}/_mock/faults", mock.url))
        .json(&json!({"match": "licenseDetails", "fault": "503", "times": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(mock.get(&path, &[]).await.0, 503);
    assert_eq!(mock.get(&path, &[]).await.0, 200, "the rule fires once, then Graph recovers");
    let log = mock.log().await;
    assert_eq!(log.last().unwrap()["status"], 200);
    assert_eq!(log[log.len() - 2]["fault"], "503");
}

#[tokio::test]
async fn injected_latency_delays_every_call() {
    let mock = start(false, 120).await;
    let started = std::time::Instant::now();
    mock.get("/v1.0/deviceManagement", &[]).await;
    assert!(started.elapsed() >= Duration::from_millis(120));
}

/// Signs `operator` in as a browser would: the authorize form, then the token endpoint with an Origin.
async fn sign_in(mock: &Mock, operator: &str) -> Value {
    sign_in_asking(
        mock,
        operator,
        "openid offline_access https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/DeviceManagementApps.Read.All",
    )
    .await
}

/// [`sign_in`], asking for these scopes.
async fn sign_in_asking(mock: &Mock, operator: &str, scope: &str) -> Value {
    // RFC 7636, appendix B.
    let (verifier, challenge) =
        ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    let redirect = "http://127.0.0.1:8080/";
    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let form = [
        ("client_id", graph_mock::server::DEMO_CLIENT_ID),
        ("response_type", "code"),
        ("redirect_uri", redirect),
        ("scope", scope),
        ("state", "s-42"),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
        ("operator", operator),
    ];
    let answer = no_redirects
        .post(format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/authorize", mock.url))
        .form(&form)
        .send()
        .await
        .unwrap();
    let location = answer.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(redirect) && location.contains("state=s-42"), "{location}");
    let code = location.split("code=").nth(1).unwrap().split('&').next().unwrap().to_string();
    let token_form = [
        ("grant_type", "authorization_code"),
        ("client_id", graph_mock::server::DEMO_CLIENT_ID),
        ("code", &code),
        ("redirect_uri", redirect),
        ("code_verifier", verifier),
    ];
    let response = mock
        .http
        .post(format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/token", mock.url))
        .header("Origin", "http://127.0.0.1:8080")
        .form(&token_form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "http://127.0.0.1:8080");
    response.json().await.unwrap()
}

#[tokio::test]
async fn sign_in_gives_tokens_whose_scopes_decide_each_call() {
    let mock = start(true, 0).await;
    let (status, discovery) = mock.json("/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration", &[]).await;
    assert_eq!(status, 200);
    assert!(discovery["token_endpoint"].as_str().unwrap().ends_with("/contoso.onmicrosoft.com/oauth2/v2.0/token"));
    let page = mock.get(&format!("/contoso.onmicrosoft.com/oauth2/v2.0/authorize?client_id={}&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&scope=openid&state=x&code_challenge=abc&code_challenge_method=S256", graph_mock::server::DEMO_CLIENT_ID), &[]).await.2;
    assert!(page.contains("Isaiah Langer") && page.contains("Lidia Holloway") && page.contains("Pradeep Gupta"));

    let limited = sign_in(&mock, "limited").await;
    assert_eq!(limited["scope"], "https://graph.microsoft.com/User.Read.All", "only what was asked and consented");
    let bearer = format!("Bearer {}", limited["access_token"].as_str().unwrap());
    assert_eq!(mock.get(&format!("/v1.0/users/{ADELE}"), &[("Authorization", &bearer)]).await.0, 200);
    let batch = json!({ "requests": [{ "id": "apps", "method": "GET", "url": format!("/users/{ADELE}/managedAppRegistrations") }] });
    let response = mock
        .http
        .post(format!("{}/v1.0/$batch", mock.url))
        .header("Authorization", &bearer)
        .json(&batch)
        .send()
        .await
        .unwrap();
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["responses"][0]["status"], 403, "a missing scope refuses that call only");
    assert_eq!(answer["responses"][0]["body"]["error"]["code"], "Forbidden");

    let refreshed: Value = mock
        .http
        .post(format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/token", mock.url))
        .header("Origin", "http://127.0.0.1:8080")
        .form(&[
            ("grant_type", "refresh_token"),
            ("client_id", graph_mock::server::DEMO_CLIENT_ID),
            ("refresh_token", limited["refresh_token"].as_str().unwrap()),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(refreshed["refresh_token"], limited["refresh_token"], "refresh tokens rotate");
    mock.http.post(format!("{}/_mock/tokens/expire", mock.url)).send().await.unwrap();
    let (status, body) = mock
        .json(
            "/v1.0/deviceManagement",
            &[("Authorization", &format!("Bearer {}", refreshed["access_token"].as_str().unwrap()))],
        )
        .await;
    assert_eq!(
        (status, body["error"]["message"].as_str().unwrap()),
        (401, "Lifetime validation failed, the token is expired.")
    );
}

#[tokio::test]
async fn the_token_endpoint_serves_browsers_only() {
    let mock = start(true, 0).await;
    let response = mock
        .http
        .post(format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/token", mock.url))
        .form(&[("grant_type", "refresh_token"), ("refresh_token", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(response.text().await.unwrap().contains("AADSTS9002327"));
}

/// The authorize page's answer to a sign-in request returning to `redirect_uri`.
async fn authorize_to(mock: &Mock, redirect_uri: &str) -> (u16, String) {
    let query = [
        ("client_id", graph_mock::server::DEMO_CLIENT_ID),
        ("response_type", "code"),
        ("redirect_uri", redirect_uri),
        ("scope", "openid"),
        ("state", "x"),
        ("code_challenge", "abc"),
        ("code_challenge_method", "S256"),
    ];
    let response = mock
        .http
        .get(format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/authorize", mock.url))
        .query(&query)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn redirect_uris_are_matched_exactly_with_any_port_on_loopback() {
    let mock = start(true, 0).await;
    for registered in ["http://127.0.0.1:8080/", "http://127.0.0.1:53124/signed-out", "http://localhost:8080/"] {
        let (status, page) = authorize_to(&mock, registered).await;
        assert_eq!(status, 200, "{registered}");
        assert!(page.contains("Pick an account"), "{registered}");
    }
    for foreign in [
        "http://127.0.0.1:1@evil.example/",
        "http://127.0.0.1.evil.example/",
        "http://127.0.0.1:8080/other/",
        "https://evil.example/",
    ] {
        let (status, page) = authorize_to(&mock, foreign).await;
        assert_eq!(status, 400, "{foreign}");
        assert!(page.contains("AADSTS50011") && !page.contains("Pick an account"), "{foreign}");
    }
    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let logout = |uri: &str| {
        no_redirects
            .get(format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/logout", mock.url))
            .query(&[("post_logout_redirect_uri", uri)])
            .send()
    };
    let back = logout("http://127.0.0.1:8080/signed-out").await.unwrap();
    assert_eq!(back.headers()["location"], "http://127.0.0.1:8080/signed-out");
    let stays = logout("http://127.0.0.1:1@evil.example/signed-out").await.unwrap();
    assert_eq!(stays.status().as_u16(), 200, "not sent to an unregistered address");
    assert!(stays.headers().get("location").is_none());
}

#[tokio::test]
async fn prompt_none_answers_from_the_sign_in_session_without_a_page() {
    let mock = start(true, 0).await;
    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let authorize = format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/authorize", mock.url);
    let mut query = vec![
        ("client_id", graph_mock::server::DEMO_CLIENT_ID),
        ("response_type", "code"),
        ("redirect_uri", "http://127.0.0.1:8080/"),
        ("scope", "openid https://graph.microsoft.com/User.Read.All"),
        ("state", "s-1"),
        ("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
        ("code_challenge_method", "S256"),
    ];
    let picked = no_redirects
        .post(&authorize)
        .form(&[query.clone(), vec![("operator", "helpdesk")]].concat())
        .send()
        .await
        .unwrap();
    let cookie = picked.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    query.push(("prompt", "none"));
    let silent = |cookie: Option<String>| {
        let request = no_redirects.get(&authorize).query(&query);
        async move {
            let answer = match cookie {
                Some(cookie) => request.header("Cookie", cookie),
                None => request,
            }
            .send()
            .await
            .unwrap();
            (answer.status().as_u16(), answer.headers()["location"].to_str().unwrap().to_string())
        }
    };
    let (status, location) = silent(Some(cookie.clone())).await;
    assert_eq!(status, 303);
    assert!(location.starts_with("http://127.0.0.1:8080/?code=") && location.contains("state=s-1"), "{location}");
    let (_, location) = silent(None).await;
    assert!(
        location.contains("error=login_required") && location.contains("AADSTS50058") && location.contains("state=s-1")
    );
    no_redirects
        .get(format!("{}/contoso.onmicrosoft.com/oauth2/v2.0/logout", mock.url))
        .header("Cookie", &cookie)
        .send()
        .await
        .unwrap();
    let (_, location) = silent(Some(cookie)).await;
    assert!(location.contains("error=login_required"), "the session ended with sign-out: {location}");
}

#[tokio::test]
async fn control_endpoints_answer_loopback_host_names_only() {
    let mock = start(true, 0).await;
    let port = mock.url.rsplit(':').next().unwrap().to_string();
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), "[::1]".to_string()] {
        let response =
            mock.http.get(format!("{}/_mock/requests", mock.url)).header("Host", &host).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "{host}");
    }
    for host in [format!("evil.example:{port}"), "rebound.example".to_string()] {
        for (method, path) in
            [("GET", "/_mock/requests"), ("POST", "/_mock/tokens/expire"), ("DELETE", "/_mock/faults")]
        {
            let response = mock
                .http
                .request(method.parse().unwrap(), format!("{}{path}", mock.url))
                .header("Host", &host)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 403, "{method} {path} with Host {host}");
        }
    }
    let fault = json!({ "match": "managedDevices", "fault": "503" });
    let refused = mock
        .http
        .post(format!("{}/_mock/faults", mock.url))
        .header("Host", "evil.example")
        .json(&fault)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 403);
}

/// The id of one of Adele's devices, by name.
async fn adele_device(mock: &Mock, name: &str) -> Value {
    let (_, devices) = mock.json(&format!("/v1.0/users/{ADELE}/managedDevices"), &[]).await;
    devices["value"].as_array().unwrap().iter().find(|d| d["deviceName"] == name).cloned().expect("Adele's device")
}

#[tokio::test]
async fn one_device_answers_with_its_records_its_users_logs_and_autopilot() {
    let mock = start(false, 0).await;
    let laptop = adele_device(&mock, "DESKTOP-ADELE01").await;
    let id = laptop["id"].as_str().unwrap();
    assert!(laptop.get("joinType").is_none(), "v1.0 lists leave out beta's properties");

    let (status, v1) = mock.json(&format!("/v1.0/deviceManagement/managedDevices/{id}"), &[]).await;
    assert_eq!(status, 200);
    assert!(v1.get("usersLoggedOn").is_none());
    assert_eq!(v1["deviceActionResults"].as_array().unwrap().len(), 3);
    let (_, beta) = mock.json(&format!("/beta/deviceManagement/managedDevices/{id}"), &[]).await;
    assert_eq!(beta["usersLoggedOn"], json!([]), "filled only when selected");
    let (_, selected) =
        mock.json(&format!("/beta/deviceManagement/managedDevices/{id}?$select=id,joinType,usersLoggedOn"), &[]).await;
    assert_eq!(selected["joinType"], "azureADJoined");
    assert_eq!(selected["usersLoggedOn"].as_array().unwrap().len(), 1);

    let (_, users) = mock.json(&format!("/beta/deviceManagement/managedDevices/{id}/users"), &[]).await;
    assert_eq!(users["value"][0]["userPrincipalName"], ADELE);

    let aad = laptop["azureADDeviceId"].as_str().unwrap();
    let (status, entra) =
        mock.json(&format!("/v1.0/devices?$filter=deviceId%20eq%20%27{aad}%27&$select=id,isCompliant"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(entra["value"].as_array().unwrap().len(), 1);
    assert_eq!(entra["value"][0]["isCompliant"], false);

    let (_, logs) = mock.json(&format!("/v1.0/deviceManagement/managedDevices/{id}/logCollectionRequests"), &[]).await;
    let logs = logs["value"].as_array().unwrap().clone();
    let statuses: Vec<&str> = logs.iter().map(|l| l["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["completed", "failed"]);
    let action = |log: &Value| {
        format!(
            "{}/v1.0/deviceManagement/managedDevices/{id}/logCollectionRequests/{}/createDownloadUrl",
            mock.url,
            log["id"].as_str().unwrap()
        )
    };
    let response = mock.http.post(action(&logs[0])).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let link: Value = response.json().await.unwrap();
    assert!(link["value"].as_str().unwrap().starts_with("https://"));
    assert_eq!(
        mock.http.post(action(&logs[1])).send().await.unwrap().status().as_u16(),
        400,
        "a failed collection has no file"
    );
    let refused =
        mock.http.post(format!("{}/v1.0/deviceManagement/managedDevices/{id}", mock.url)).send().await.unwrap();
    assert_eq!(refused.status().as_u16(), 405, "no other action is accepted");

    let serial = laptop["serialNumber"].as_str().unwrap();
    let (_, identities) = mock
        .json(
            &format!(
                "/beta/deviceManagement/windowsAutopilotDeviceIdentities?$filter=contains(serialNumber,'{serial}')"
            ),
            &[],
        )
        .await;
    assert_eq!(identities["value"][0]["groupTag"], "Retail-Paris");
    let (_, plain) = mock.json("/beta/deviceManagement/autopilotEvents", &[]).await;
    assert!(plain["value"][0].get("policyStatusDetails").is_none(), "a navigation, read with $expand");
    let (_, expanded) = mock.json("/beta/deviceManagement/autopilotEvents?$expand=policyStatusDetails", &[]).await;
    let failed: Vec<&Value> = expanded["value"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["deviceId"] == id && e["deploymentState"] == "failure")
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["policyStatusDetails"][0]["errorCode"], -2016345060i64);
    let (status, _) = mock.json("/v1.0/deviceManagement/autopilotEvents", &[]).await;
    assert_eq!(status, 400, "Autopilot events are beta only");
}

#[tokio::test]
async fn the_personas_devices_differ_between_intune_and_entra() {
    let mock = start(false, 0).await;
    let entra_of = |device: &Value| device["azureADDeviceId"].as_str().unwrap().to_string();
    let record = |aad: String| {
        let mock = &mock;
        async move {
            let (_, body) = mock.json(&format!("/v1.0/devices?$filter=deviceId%20eq%20%27{aad}%27"), &[]).await;
            body["value"].as_array().unwrap().first().cloned()
        }
    };
    let device_of = |upn: &'static str| {
        let mock = &mock;
        async move {
            let (_, body) = mock.json(&format!("/v1.0/users/{upn}/managedDevices"), &[]).await;
            body["value"][0].clone()
        }
    };
    let patti = device_of("PattiF@contoso.onmicrosoft.com").await;
    let patti_record = record(entra_of(&patti)).await.unwrap();
    assert_eq!(
        (patti["complianceState"].as_str(), patti_record["isCompliant"].as_bool()),
        (Some("compliant"), Some(false))
    );
    let johanna = record(entra_of(&device_of("JohannaL@contoso.onmicrosoft.com").await)).await.unwrap();
    assert_eq!(johanna["accountEnabled"], false);
    assert!(record(entra_of(&device_of("NestorW@contoso.onmicrosoft.com").await)).await.is_none());
}

#[tokio::test]
async fn app_install_histories_are_beta_only_and_hold_a_code_from_each_platform() {
    let mock = start(false, 0).await;
    let (status, _) = mock.json(&format!("/v1.0/users/{ADELE}/mobileAppTroubleshootingEvents"), &[]).await;
    assert_eq!(status, 400);
    let (status, body) = mock.json(&format!("/beta/users/{ADELE}/mobileAppTroubleshootingEvents"), &[]).await;
    assert_eq!(status, 200);
    let codes: Vec<String> = body["value"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|event| {
            event["history"].as_array()?.iter().find_map(|step| step["errorCode"].as_str().map(str::to_string))
        })
        .collect();
    assert_eq!(codes, ["0x87D1041C", "87D13B64", "-942583886", "0x80070643", "-2016345060"]);
    let (_, states) = mock.json(&format!("/beta/users/{ADELE}/mobileAppIntentAndStates"), &[]).await;
    let assigned: Vec<&str> = states["value"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["mobileAppList"].as_array().unwrap())
        .filter_map(|app| app["applicationId"].as_str())
        .collect();
    let unassigned = body["value"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !assigned.contains(&e["applicationId"].as_str().unwrap()))
        .count();
    assert_eq!(unassigned, 1, "one event is for an app no longer assigned");
}

#[tokio::test]
async fn sign_ins_are_filtered_by_user_and_time_newest_first_and_paged() {
    let mock = start(false, 0).await;
    let (_, adele) = mock.json(&format!("/v1.0/users/{ADELE}?$select=id"), &[]).await;
    let id = adele["id"].as_str().unwrap();
    let since = "2020-01-01T00:00:00Z";
    let url = format!(
        "/v1.0/auditLogs/signIns?$filter=userId%20eq%20%27{id}%27%20and%20createdDateTime%20ge%20{since}&$top=50"
    );
    let (status, page) = mock.json(&url, &[]).await;
    assert_eq!(status, 200);
    let items = page["value"].as_array().unwrap();
    assert_eq!(items.len(), 50);
    assert_eq!(items[0]["status"]["errorCode"], 53000, "newest first: the blocked Outlook sign-in");
    let (_, rest) = mock.json(page["@odata.nextLink"].as_str().unwrap(), &[]).await;
    assert_eq!(rest["value"].as_array().unwrap().len(), 9);
    let (_, none) = mock.json("/v1.0/auditLogs/signIns?$filter=userId%20eq%20%27nobody%27", &[]).await;
    assert_eq!(none["value"].as_array().unwrap().len(), 0);
    let (status, _) = mock.json("/v1.0/auditLogs/signIns?$filter=appId%20eq%20%27x%27", &[]).await;
    assert_eq!(status, 400, "a filter the stand-in does not know is refused");
}

/// Every item of a list, following `@odata.nextLink` to the end; also the size of each page.
async fn all_pages(mock: &Mock, first: &str) -> (Vec<Value>, Vec<usize>) {
    let mut next = Some(first.to_string());
    let (mut items, mut pages) = (Vec::new(), Vec::new());
    while let Some(url) = next {
        let (status, body) = mock.json(&url, &[]).await;
        assert_eq!(status, 200, "{url}: {body}");
        let page = body["value"].as_array().unwrap();
        pages.push(page.len());
        items.extend(page.iter().cloned());
        next = body["@odata.nextLink"].as_str().map(str::to_string);
        assert!(pages.len() < 100, "{first}: too many pages");
    }
    (items, pages)
}

const COMPLIANCE: &str = "/beta/deviceManagement/deviceCompliancePolicies?$expand=assignments";
const CONFIGURATIONS: &str = "/beta/deviceManagement/deviceConfigurations?$expand=assignments";
const SETTINGS_CATALOG: &str = "/beta/deviceManagement/configurationPolicies?$expand=assignments&$select=id,name,platforms,technologies,isAssigned,lastModifiedDateTime,templateReference";
const ASSIGNED_APPS: &str = "/beta/deviceAppManagement/mobileApps?$filter=isAssigned%20eq%20true&$expand=assignments";
const FILTERS: &str = "/beta/deviceManagement/assignmentFilters";

#[tokio::test]
async fn the_catalogue_comes_in_pages_of_100_that_hold_the_whole_tenant() {
    let mock = start(false, 0).await;
    let mut counts = std::collections::HashMap::new();
    for (name, url) in [
        ("compliance", COMPLIANCE.to_string()),
        ("configurations", CONFIGURATIONS.to_string()),
        ("settings", SETTINGS_CATALOG.to_string()),
        ("assigned apps", ASSIGNED_APPS.to_string()),
        ("apps", "/beta/deviceAppManagement/mobileApps".to_string()),
        ("ios protection", "/beta/deviceAppManagement/iosManagedAppProtections?$expand=assignments".to_string()),
        (
            "android protection",
            "/beta/deviceAppManagement/androidManagedAppProtections?$expand=assignments".to_string(),
        ),
        ("filters", FILTERS.to_string()),
    ] {
        let (items, pages) = all_pages(&mock, &url).await;
        assert!(pages.iter().all(|size| *size <= 100), "{name}: {pages:?}");
        let ids: std::collections::HashSet<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
        assert_eq!(ids.len(), items.len(), "{name}: each item once");
        counts.insert(name, items.len());
    }
    assert!(counts["compliance"] + counts["configurations"] >= 300, "{counts:?}");
    assert_eq!(counts["settings"], 300);
    assert_eq!(counts["assigned apps"], 600);
    assert_eq!(counts["apps"], 2000);
    assert_eq!((counts["ios protection"], counts["android protection"]), (50, 50));
    assert_eq!(counts["filters"], 50);

    let (status, page) = mock.json(&format!("{COMPLIANCE}&$top=999"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(page["value"].as_array().unwrap().len(), 100, "$top does not lift the page size");
    assert!(page["@odata.nextLink"].as_str().unwrap().contains("$expand=assignments"), "the query is kept");
}

#[tokio::test]
async fn settings_catalog_policies_are_named_selected_and_some_are_endpoint_security() {
    let mock = start(false, 0).await;
    let (policies, _) = all_pages(&mock, SETTINGS_CATALOG).await;
    let keys: std::collections::BTreeSet<&str> =
        policies.iter().flat_map(|p| p.as_object().unwrap().keys().map(String::as_str)).collect();
    let expected: std::collections::BTreeSet<&str> = [
        "id",
        "name",
        "platforms",
        "technologies",
        "isAssigned",
        "lastModifiedDateTime",
        "templateReference",
        "assignments",
    ]
    .into();
    assert_eq!(keys, expected, "$select keeps these, and $expand adds assignments");
    let family = |p: &Value| p["templateReference"]["templateFamily"].as_str().unwrap().to_string();
    let security = policies.iter().filter(|p| family(p).starts_with("endpointSecurity")).count();
    assert!((55..=70).contains(&security), "{security} endpoint-security policies");
    assert!(policies.iter().any(|p| family(p) == "baseline"));
    for wanted in ["endpointSecurityAntivirus", "endpointSecurityDiskEncryption", "endpointSecurityFirewall"] {
        assert!(policies.iter().any(|p| family(p) == wanted), "{wanted}");
    }
    let platforms: std::collections::HashSet<&str> = policies.iter().filter_map(|p| p["platforms"].as_str()).collect();
    assert!(platforms.is_superset(&["windows10", "iOS", "macOS", "android"].into()), "{platforms:?}");
    assert!(policies.iter().any(|p| p["isAssigned"] == false && p["assignments"] == json!([])));

    let (status, body) = mock.json("/beta/deviceManagement/configurationPolicies?$select=id,displayName", &[]).await;
    assert_eq!(status, 400, "settings-catalog policies have a name, not a displayName");
    assert_eq!(
        body["error"]["message"],
        "Could not find a property named 'displayName' on type 'microsoft.graph.deviceManagementConfigurationPolicy'."
    );
    let (status, _) = mock.json("/v1.0/deviceManagement/configurationPolicies", &[]).await;
    assert_eq!(status, 400, "beta only");
}

#[tokio::test]
async fn assignment_targets_carry_filters_in_beta_only() {
    let mock = start(false, 0).await;
    let (beta, _) = all_pages(&mock, COMPLIANCE).await;
    let (v1, _) = all_pages(&mock, &COMPLIANCE.replace("/beta/", "/v1.0/")).await;
    let targets = |items: &[Value]| -> Vec<Value> {
        items.iter().flat_map(|i| i["assignments"].as_array().unwrap().clone()).map(|a| a["target"].clone()).collect()
    };
    let kinds: std::collections::HashSet<String> =
        targets(&beta).iter().map(|t| t["@odata.type"].as_str().unwrap().to_string()).collect();
    for kind in [
        "groupAssignmentTarget",
        "exclusionGroupAssignmentTarget",
        "allLicensedUsersAssignmentTarget",
        "allDevicesAssignmentTarget",
    ] {
        assert!(kinds.contains(&format!("#microsoft.graph.{kind}")), "{kind}");
    }
    let modes: std::collections::HashSet<&str> = beta
        .iter()
        .flat_map(|i| i["assignments"].as_array().unwrap())
        .map(|a| a["target"]["deviceAndAppManagementAssignmentFilterType"].as_str().unwrap())
        .collect();
    assert_eq!(modes, ["none", "include", "exclude"].into());
    assert!(beta.iter().flat_map(|i| i["assignments"].as_array().unwrap()).all(|a| a["source"] == "direct"));

    let text = serde_json::to_string(&v1).unwrap();
    for beta_only in ["deviceAndAppManagementAssignmentFilter", "\"source\"", "sourceId", "roleScopeTagIds"] {
        assert!(!text.contains(beta_only), "v1.0 sends {beta_only}");
    }
    assert!(v1.len() < beta.len(), "v1.0 lists only the kinds it has");
    assert!(!text.contains("androidDeviceOwnerCompliancePolicy"));
    assert_eq!(
        targets(&v1).len(),
        targets(&beta).len() - {
            let beta_only: Vec<Value> = beta
                .iter()
                .filter(|i| {
                    let kind = i["@odata.type"].as_str().unwrap();
                    kind.contains("androidDeviceOwner") || kind.contains("aospDeviceOwner")
                })
                .cloned()
                .collect();
            targets(&beta_only).len()
        }
    );

    let (_, protection) =
        mock.json("/v1.0/deviceAppManagement/iosManagedAppProtections?$expand=assignments", &[]).await;
    let text = protection.to_string();
    assert!(text.contains("groupAssignmentTarget") && !text.contains("FilterType") && !text.contains("sourceId"));
    let (_, protection) =
        mock.json("/beta/deviceAppManagement/androidManagedAppProtections?$expand=assignments", &[]).await;
    assert!(protection.to_string().contains("\"deviceAndAppManagementAssignmentFilterType\":\"include\""));

    let (_, configurations) = mock.json("/v1.0/deviceManagement/deviceConfigurations?$top=100", &[]).await;
    let text = configurations.to_string();
    assert!(!text.contains("VpnConfiguration") && !text.contains("WifiConfiguration"), "Wi-Fi and VPN are beta only");
    assert!(configurations["value"].as_array().unwrap().iter().all(|c| c.get("assignments").is_none()));
}

#[tokio::test]
async fn only_assignments_expand_and_only_is_assigned_filters_apps() {
    let mock = start(false, 0).await;
    let (status, body) =
        mock.json("/beta/deviceManagement/deviceCompliancePolicies?$expand=scheduledActionsForRule", &[]).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["error"]["message"],
        "Could not find a property named 'scheduledActionsForRule' on type 'microsoft.graph.deviceCompliancePolicy'."
    );
    let (status, _) = mock.json("/beta/deviceManagement/assignmentFilters?$expand=assignments", &[]).await;
    assert_eq!(status, 400, "filters have no assignments");
    let (status, _) = mock.json(&format!("/v1.0/users/{ADELE}/managedDevices?$expand=assignments"), &[]).await;
    assert_eq!(status, 400);

    let (status, body) =
        mock.json("/beta/deviceAppManagement/mobileApps?$filter=startswith(displayName,'Contoso')", &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("BadRequest")));
    let (status, _) = mock.json("/v1.0/deviceAppManagement/mobileApps?$filter=isAssigned%20eq%20true", &[]).await;
    assert_eq!(status, 400, "v1.0 has no isAssigned");
    let (status, page) = mock.json("/beta/deviceAppManagement/mobileApps?$filter=isAssigned%20eq%20false", &[]).await;
    assert_eq!(status, 200);
    assert!(page["value"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["isAssigned"] == false && a.get("assignments").is_none()));
    let (_, v1) = mock.json("/v1.0/deviceAppManagement/mobileApps?$top=100", &[]).await;
    let text = v1.to_string();
    assert!(!text.contains("isAssigned") && !text.contains("winGetApp") && text.contains("win32LobApp"));

    // One app, and its assignments on their own (listing with $expand is deprecated for apps).
    let (_, apps) = mock.json(ASSIGNED_APPS, &[]).await;
    let app = &apps["value"][0];
    let id = app["id"].as_str().unwrap();
    let (status, one) = mock.json(&format!("/beta/deviceAppManagement/mobileApps/{id}?$expand=assignments"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(one["assignments"], app["assignments"]);
    let (_, assignments) = mock.json(&format!("/beta/deviceAppManagement/mobileApps/{id}/assignments"), &[]).await;
    assert_eq!(assignments["value"], app["assignments"]);
    let (status, _) = mock.json("/beta/deviceAppManagement/mobileApps/nope", &[]).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_catalogue_needs_its_permissions_and_device_groups_theirs() {
    let mock = start(true, 0).await;
    let apps_only = sign_in(&mock, "helpdesk").await;
    let bearer = format!("Bearer {}", apps_only["access_token"].as_str().unwrap());
    let auth = [("Authorization", bearer.as_str())];
    assert_eq!(mock.json(ASSIGNED_APPS, &auth).await.0, 200);
    assert_eq!(mock.json("/beta/deviceAppManagement/iosManagedAppProtections", &auth).await.0, 200);
    for path in [COMPLIANCE, CONFIGURATIONS, SETTINGS_CATALOG, FILTERS] {
        let (status, body) = mock.json(path, &auth).await;
        assert_eq!((status, body["error"]["code"].as_str()), (403, Some("Forbidden")), "{path}");
        assert!(body["error"]["message"].as_str().unwrap().contains("DeviceManagementConfiguration.Read.All"));
    }
    let (status, body) = mock.json("/v1.0/devices/x/transitiveMemberOf", &auth).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("Authorization_RequestDenied")));

    let everything = "openid https://graph.microsoft.com/DeviceManagementConfiguration.Read.All https://graph.microsoft.com/DeviceManagementApps.Read.All https://graph.microsoft.com/Device.Read.All";
    let limited = sign_in_asking(&mock, "limited", everything).await;
    let bearer = format!("Bearer {}", limited["access_token"].as_str().unwrap());
    let auth = [("Authorization", bearer.as_str())];
    for path in [COMPLIANCE, ASSIGNED_APPS] {
        assert_eq!(mock.json(path, &auth).await.0, 403, "{path}");
    }
    let no_role = sign_in_asking(&mock, "no-role", everything).await;
    let bearer = format!("Bearer {}", no_role["access_token"].as_str().unwrap());
    let (status, body) = mock.json(FILTERS, &[("Authorization", bearer.as_str())]).await;
    assert_eq!(status, 403);
    assert!(body["error"]["message"].as_str().unwrap().contains("Intune role"));
}

/// Adele's laptop: its Entra object id and device id.
async fn adele_laptop_entra(mock: &Mock) -> (Value, String, String) {
    let laptop = adele_device(mock, "DESKTOP-ADELE01").await;
    let aad = laptop["azureADDeviceId"].as_str().unwrap().to_string();
    let (_, entra) = mock.json(&format!("/v1.0/devices?$filter=deviceId%20eq%20%27{aad}%27&$select=id"), &[]).await;
    let object_id = entra["value"][0]["id"].as_str().unwrap().to_string();
    (laptop, object_id, aad)
}

fn names(list: &Value) -> Vec<String> {
    list["value"].as_array().unwrap().iter().map(|g| g["displayName"].as_str().unwrap_or("").to_string()).collect()
}

#[tokio::test]
async fn device_groups_come_by_object_id_and_by_device_id_nested_and_paged() {
    let mock = start(false, 0).await;
    let (_, object_id, aad) = adele_laptop_entra(&mock).await;
    let (status, by_id) =
        mock.json(&format!("/v1.0/devices/{object_id}/transitiveMemberOf?$select=id,displayName"), &[]).await;
    assert_eq!(status, 200);
    let groups = names(&by_id);
    for wanted in ["All Windows devices", "Autopilot - Retail Paris", "Autopilot devices", "Corporate devices"] {
        assert!(groups.iter().any(|g| g == wanted), "{wanted} in {groups:?}");
    }
    assert!(by_id["value"].as_array().unwrap().iter().all(|g| g.get("groupTypes").is_none()), "$select is honoured");
    let (status, by_device_id) =
        mock.json(&format!("/v1.0/devices(deviceId='{aad}')/transitiveMemberOf?$select=id,displayName"), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(by_device_id["value"], by_id["value"]);
    let (_, encoded) = mock.json(&format!("/v1.0/devices(deviceId=%27{aad}%27)/transitiveMemberOf"), &[]).await;
    assert_eq!(encoded["value"].as_array().unwrap().len(), groups.len());
    let (_, direct) = mock.json(&format!("/v1.0/devices/{object_id}/memberOf"), &[]).await;
    assert!(!names(&direct).contains(&"Autopilot devices".to_string()), "reached through a nested group only");
    assert_eq!(by_id["value"][0]["@odata.type"], "#microsoft.graph.group", "each item keeps its type");

    let (items, pages) = all_pages(&mock, &format!("/v1.0/devices/{object_id}/transitiveMemberOf?$top=2")).await;
    assert_eq!((items.len(), pages.len()), (groups.len(), groups.len().div_ceil(2)));
    let (status, _) = mock.json(&format!("/v1.0/devices/{object_id}/transitiveMemberOf?$top=1000"), &[]).await;
    assert_eq!(status, 400, "directory $top stops at 999");
    let (status, body) =
        mock.json("/v1.0/devices(deviceId='00000000-0000-0000-0000-000000000000')/transitiveMemberOf", &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("Request_ResourceNotFound")));
    let (status, _) = mock.json(&format!("/v1.0/devices/{object_id}/transitiveMemberOf?$select=shoeSize"), &[]).await;
    assert_eq!(status, 400);
}

/// One item of a list by display name (or name).
fn named<'a>(items: &'a [Value], name: &str) -> Vec<&'a Value> {
    items.iter().filter(|i| i["displayName"] == name || i["name"] == name).collect()
}

#[tokio::test]
async fn adele_is_excluded_from_the_ios_vpn_through_a_nested_group() {
    let mock = start(false, 0).await;
    let (profiles, _) = all_pages(&mock, CONFIGURATIONS).await;
    let vpn = named(&profiles, "Contoso VPN (iOS)");
    assert_eq!(vpn.len(), 1);
    let vpn = vpn[0];
    assert_eq!(vpn["@odata.type"], "#microsoft.graph.iosVpnConfiguration");
    let target = |kind: &str| {
        vpn["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["target"]["@odata.type"] == format!("#microsoft.graph.{kind}"))
            .map(|a| a["target"]["groupId"].as_str().unwrap().to_string())
            .unwrap()
    };
    let (included, excluded) = (target("groupAssignmentTarget"), target("exclusionGroupAssignmentTarget"));
    let ids = |list: &Value| -> Vec<String> {
        list["value"].as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap().to_string()).collect()
    };
    let (_, direct) = mock.json(&format!("/v1.0/users/{ADELE}/memberOf"), &[]).await;
    let (_, transitive) = mock.json(&format!("/v1.0/users/{ADELE}/transitiveMemberOf"), &[]).await;
    assert!(ids(&direct).contains(&included), "assigned to a group she is in (All iOS users)");
    assert!(!ids(&direct).contains(&excluded), "not excluded directly");
    assert!(ids(&transitive).contains(&excluded), "but through a nested group");
    assert!(names(&direct).contains(&"Sales Lisbon".to_string()));
    let exclusion = transitive["value"].as_array().unwrap().iter().find(|g| g["id"] == excluded.as_str()).unwrap();
    assert_eq!(exclusion["displayName"], "VPN exclusions");

    let phone = adele_device(&mock, "Adele's iPhone").await;
    let (_, states) = mock
        .json(
            &format!("/v1.0/users/{ADELE}/managedDevices/{}/deviceConfigurationStates", phone["id"].as_str().unwrap()),
            &[],
        )
        .await;
    assert!(!names(&states).contains(&"Contoso VPN (iOS)".to_string()), "the profile did not reach her iPhone");
}

#[tokio::test]
async fn adele_misses_contoso_expenses_for_windows_by_an_os_version_filter() {
    let mock = start(false, 0).await;
    let (apps, _) = all_pages(&mock, ASSIGNED_APPS).await;
    let app = named(&apps, "Contoso Expenses")
        .into_iter()
        .find(|a| a["@odata.type"] == "#microsoft.graph.win32LobApp")
        .expect("the Windows app");
    let assignment = &app["assignments"][0];
    assert_eq!(assignment["intent"], "required");
    assert_eq!(assignment["target"]["deviceAndAppManagementAssignmentFilterType"], "include");
    let group = assignment["target"]["groupId"].as_str().unwrap();
    let (_, direct) = mock.json(&format!("/v1.0/users/{ADELE}/memberOf"), &[]).await;
    let group_name =
        direct["value"].as_array().unwrap().iter().find(|g| g["id"] == group).map(|g| g["displayName"].clone());
    assert_eq!(group_name, Some(json!("Sales EMEA")), "assigned to a group she is in");

    let (filters, _) = all_pages(&mock, FILTERS).await;
    let filter_id = assignment["target"]["deviceAndAppManagementAssignmentFilterId"].as_str().unwrap();
    let filter = filters.iter().find(|f| f["id"] == filter_id).unwrap();
    assert_eq!(filter["displayName"], "Windows 11 23H2 and later");
    assert_eq!(filter["rule"], "(device.operatingSystemVersion -ge 10.0.22631)");
    assert_eq!(
        (filter["platform"].as_str(), filter["assignmentFilterManagementType"].as_str()),
        (Some("windows10AndLater"), Some("devices"))
    );

    let laptop = adele_device(&mock, "DESKTOP-ADELE01").await;
    assert_eq!(laptop["osVersion"], "10.0.17763.1", "older than the filter's 10.0.22631");
    let (_, states) = mock.json(&format!("/beta/users/{ADELE}/mobileAppIntentAndStates"), &[]).await;
    let on_laptop =
        states["value"].as_array().unwrap().iter().find(|s| s["managedDeviceIdentifier"] == laptop["id"]).unwrap();
    assert!(on_laptop["mobileAppList"].as_array().unwrap().iter().all(|a| a["applicationId"] != app["id"]));
}

#[tokio::test]
async fn the_paris_wifi_goes_to_a_group_adele_is_not_in() {
    let mock = start(false, 0).await;
    let (profiles, _) = all_pages(&mock, CONFIGURATIONS).await;
    let wifi = named(&profiles, "Wi-Fi Paris HQ")[0];
    assert_eq!(wifi["@odata.type"], "#microsoft.graph.windowsWifiConfiguration");
    let assignments = wifi["assignments"].as_array().unwrap();
    assert_eq!(assignments.len(), 1);
    assert_eq!(assignments[0]["target"]["@odata.type"], "#microsoft.graph.groupAssignmentTarget");
    let group = assignments[0]["target"]["groupId"].as_str().unwrap();
    let (_, transitive) = mock.json(&format!("/v1.0/users/{ADELE}/transitiveMemberOf"), &[]).await;
    assert!(transitive["value"].as_array().unwrap().iter().all(|g| g["id"] != group));
    // Her administrative unit has the same name; the group is another object.
    assert!(names(&transitive).contains(&"Paris office".to_string()));
}

#[tokio::test]
async fn the_states_devices_report_name_policies_and_apps_of_the_catalogue() {
    let mock = start(false, 0).await;
    let (compliance, _) = all_pages(&mock, COMPLIANCE).await;
    let (profiles, _) = all_pages(&mock, CONFIGURATIONS).await;
    let (apps, _) = all_pages(&mock, ASSIGNED_APPS).await;
    let find = |list: &[Value], id: &str| list.iter().find(|i| i["id"] == id).cloned();
    let (_, devices) = mock.json(&format!("/v1.0/users/{ADELE}/managedDevices"), &[]).await;
    for device in devices["value"].as_array().unwrap() {
        let base = format!("/v1.0/users/{ADELE}/managedDevices/{}", device["id"].as_str().unwrap());
        for (kind, list) in [("deviceCompliancePolicyStates", &compliance), ("deviceConfigurationStates", &profiles)] {
            let (_, states) = mock.json(&format!("{base}/{kind}"), &[]).await;
            for state in states["value"].as_array().unwrap() {
                let policy = find(list, state["id"].as_str().unwrap()).unwrap_or_else(|| panic!("{state}"));
                assert_eq!(policy["displayName"], state["displayName"]);
            }
        }
    }
    let (_, states) = mock.json(&format!("/beta/users/{ADELE}/mobileAppIntentAndStates"), &[]).await;
    for app in states["value"].as_array().unwrap().iter().flat_map(|s| s["mobileAppList"].as_array().unwrap()) {
        let listed = find(&apps, app["applicationId"].as_str().unwrap()).unwrap_or_else(|| panic!("{app}"));
        assert_eq!(listed["displayName"], app["displayName"]);
    }
}

#[tokio::test]
async fn the_hostile_fixture_serves_its_catalogue_as_it_is() {
    let text = include_str!("../fixtures/hostile.json");
    let tenant = graph_mock::tenant::Tenant::from_json(text).expect("the hostile fixture loads");
    let mock = serve(tenant, false, 0).await;
    for version in ["beta", "v1.0"] {
        for path in [
            "deviceManagement/deviceCompliancePolicies?$expand=assignments",
            "deviceManagement/deviceConfigurations?$expand=assignments",
            "deviceAppManagement/mobileApps?$expand=assignments",
            "deviceAppManagement/iosManagedAppProtections?$expand=assignments",
            "deviceAppManagement/androidManagedAppProtections?$expand=assignments",
        ] {
            let (status, body) = mock.json(&format!("/{version}/{path}"), &[]).await;
            assert_eq!(status, 200, "{version}/{path}: {body}");
        }
    }
    let (_, filters) = mock.json(FILTERS, &[]).await;
    assert!(filters.to_string().contains("window.__pwned='list'"), "served as stored");
    let (_, settings) = mock.json(SETTINGS_CATALOG, &[]).await;
    assert_eq!(settings["value"].as_array().unwrap().len(), 3);
    let (status, groups) = mock.json("/v1.0/devices(deviceId='hostile-aad')/transitiveMemberOf", &[]).await;
    assert_eq!(status, 200);
    let ids: Vec<&str> = groups["value"].as_array().unwrap().iter().filter_map(|g| g["id"].as_str()).collect();
    assert_eq!(ids, ["g-device-hostile", "g-script", "g-exclude-hostile", "g-long"], "unknown ids are skipped");
}

#[tokio::test]
async fn a_group_is_read_by_id_and_an_administrative_unit_is_not_a_group() {
    let mock = start(false, 0).await;
    let (profiles, _) = all_pages(&mock, CONFIGURATIONS).await;
    let wifi = named(&profiles, "Wi-Fi Paris HQ");
    let group_id = wifi[0]["assignments"][0]["target"]["groupId"].as_str().unwrap().to_string();
    let (status, group) = mock.json(&format!("/v1.0/groups/{group_id}?$select=id,displayName"), &[]).await;
    assert_eq!((status, group["displayName"].as_str()), (200, Some("Paris office")));
    assert!(group.get("groupTypes").is_none(), "$select is honoured");
    let (status, body) = mock.json("/v1.0/groups/00000000-0000-0000-0000-000000000000", &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("Request_ResourceNotFound")));
}
