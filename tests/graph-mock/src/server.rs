//! HTTP: CORS as Graph answers it, request ids, faults, latency, `$batch`, and the
//! `/_mock` control endpoints (request log, fault rules).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body as HttpBody, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rand::seq::SliceRandom;
use serde::Serialize;
use serde_json::{json, Value};

use crate::entra;
use crate::faults::{self, Fault, FaultPlan, FaultRule};
use crate::graph::{self, GraphCall, Version};
use crate::identity::{Grant, Identity, Lifetimes, TokenProblem};
use crate::permissions;
use crate::response::{error_body, Answer, Body, GraphError};
use crate::tenant::Tenant;

#[derive(Debug, Clone)]
pub struct MockConfig {
    /// Where clients reach the stand-in; `@odata.nextLink` URLs start with it.
    pub public_url: String,
    /// Graph calls need a bearer token from the stand-in's sign-in, with the scopes of the call.
    pub require_auth: bool,
    /// Added to every Graph call (a `$batch` counts once).
    pub latency: Duration,
    /// The app registration's client id: the only one sign-in accepts.
    pub client_id: String,
    /// The app registration's redirect URIs (sign-in and sign-out return), matched as Entra
    /// matches them (see [`MockConfig::allows_redirect`]).
    pub redirect_uris: Vec<String>,
    pub lifetimes: Lifetimes,
}

/// The demo app registration (`public/config.json`).
pub const DEMO_CLIENT_ID: &str = "5f0f6a8e-3c41-4b7a-9d3e-2a1d7c9b8e10";

/// The demo app registration's redirect URIs: the portal at the root of a loopback address, on
/// any port (see [`MockConfig::allows_redirect`]), and its signed-out page.
pub const DEMO_REDIRECT_URIS: [&str; 4] =
    ["http://127.0.0.1/", "http://127.0.0.1/signed-out", "http://localhost/", "http://localhost/signed-out"];

/// Host names that reach this machine only.
const LOOPBACK_HOSTS: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// An `http://` address as host, port and the rest (path and query); `None` for any other
/// scheme, and for an authority with user information, a fragment or a port that is not a
/// number: `http://127.0.0.1:1@evil.example/` goes to evil.example, not to loopback.
fn split_http(uri: &str) -> Option<(&str, Option<&str>, &str)> {
    let rest = uri.strip_prefix("http://")?;
    if rest.contains('#') {
        return None;
    }
    let (authority, path) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let (host, port) = match authority.rfind(':') {
        // A colon inside `[…]` belongs to an IPv6 address, not to a port.
        Some(colon) if !authority[colon..].contains(']') => (&authority[..colon], Some(&authority[colon + 1..])),
        _ => (authority, None),
    };
    let port_is_number = port.is_none_or(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
    let host_is_plain = !host.is_empty() && !host.contains(['@', '\\', ':']) || host == "[::1]";
    (port_is_number && host_is_plain).then_some((host, port, path))
}

/// `host` (a `Host` header: a name and an optional port) names this machine.
pub fn is_loopback_host(host: &str) -> bool {
    matches!(split_http(&format!("http://{host}/")), Some((name, _, "/")) if LOOPBACK_HOSTS.contains(&name))
}

impl MockConfig {
    pub fn new(public_url: &str) -> MockConfig {
        MockConfig {
            public_url: public_url.into(),
            require_auth: true,
            latency: Duration::ZERO,
            client_id: DEMO_CLIENT_ID.into(),
            redirect_uris: DEMO_REDIRECT_URIS.map(String::from).to_vec(),
            lifetimes: Lifetimes::default(),
        }
    }

    /// As Entra matches redirect URIs: exactly, character for character, except that for an
    /// `http://` loopback address (`127.0.0.1`, `localhost`, `[::1]`) the port is ignored; Entra
    /// documents that exception for native apps' ephemeral ports, and the stand-in applies it to
    /// this single-page app too, so the tests' portals on free ports need no registration each.
    /// Host, path and query must still match: the rest is the registered address's business.
    pub fn allows_redirect(&self, uri: &str) -> bool {
        self.redirect_uris.iter().any(|registered| {
            registered == uri
                || matches!(
                    (split_http(registered), split_http(uri)),
                    (Some((host, _, path)), Some((asked_host, _, asked_path)))
                        if LOOPBACK_HOSTS.contains(&host) && host == asked_host && path == asked_path
                )
        })
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    pub seq: u64,
    pub method: String,
    /// Path and query as received, e.g. `/v1.0/users/{id}/managedDevices?$top=5`.
    pub path: String,
    /// Milliseconds since the stand-in started, when the request arrived and when it was answered.
    pub started_ms: u64,
    pub finished_ms: u64,
    pub status: u16,
    /// `seq` of the `$batch` this request came in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
}

pub struct MockState {
    tenant: Tenant,
    pub(crate) config: MockConfig,
    identity: Mutex<Identity>,
    faults: Mutex<FaultPlan>,
    log: Mutex<Vec<LogEntry>>,
    started: Instant,
    /// When the sign-in reports were last read: Graph allows 5 requests per 10 s per app.
    report_calls: Mutex<std::collections::VecDeque<Instant>>,
}

/// The sign-in reports' limit: this many requests in this window, then 429.
const REPORT_LIMIT: (usize, Duration) = (5, Duration::from_secs(10));

impl MockState {
    pub fn new(tenant: Tenant, config: MockConfig, faults: FaultPlan) -> Arc<MockState> {
        let identity = Mutex::new(Identity::new(config.lifetimes));
        Arc::new(MockState {
            tenant,
            config,
            identity,
            faults: Mutex::new(faults),
            log: Mutex::new(vec![]),
            started: Instant::now(),
            report_calls: Mutex::new(Default::default()),
        })
    }

    pub(crate) fn identity(&self) -> MutexGuard<'_, Identity> {
        self.identity.lock().expect("identity lock")
    }

    /// Who the bearer token of a Graph request belongs to; `None` when sign-in is off.
    fn caller(&self, headers: &HashMap<String, String>) -> Result<Option<Grant>, GraphError> {
        if !self.config.require_auth {
            return Ok(None);
        }
        let token = headers.get("authorization").and_then(|value| value.strip_prefix("Bearer ")).map(str::trim);
        match self.identity().check_access(token) {
            Ok(grant) => Ok(Some(grant.clone())),
            Err(TokenProblem::Missing) => {
                Err(GraphError::new(401, "InvalidAuthenticationToken", "Access token is empty."))
            }
            Err(TokenProblem::Unknown) => Err(GraphError::new(
                401,
                "InvalidAuthenticationToken",
                "IDX14100: JWT is not well formed, there are no dots (.).",
            )),
            Err(TokenProblem::Expired) => Err(GraphError::new(
                401,
                "InvalidAuthenticationToken",
                "Lifetime validation failed, the token is expired.",
            )),
        }
    }

    /// A 429 with the seconds to wait (fractional, as Graph sends them) when the sign-in reports
    /// were read too often; otherwise the call is counted.
    fn report_throttle(&self, path: &str, request_id: &str, client_request_id: &str) -> Option<Answer> {
        if !path.trim_start_matches('/').starts_with("auditLogs/") {
            return None;
        }
        let now = Instant::now();
        let mut calls = self.report_calls.lock().expect("report calls lock");
        while calls.front().is_some_and(|at| now.duration_since(*at) >= REPORT_LIMIT.1) {
            calls.pop_front();
        }
        if calls.len() < REPORT_LIMIT.0 {
            calls.push_back(now);
            return None;
        }
        let wait = REPORT_LIMIT.1.saturating_sub(now.duration_since(*calls.front()?));
        let answer =
            GraphError::new(429, "TooManyRequests", "Too many requests.").into_answer(request_id, client_request_id);
        Some(answer.with_header("Retry-After", &format!("{:.3}", wait.as_secs_f64())))
    }

    pub fn user_count(&self) -> usize {
        self.tenant.users.len()
    }

    fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn record(&self, mut entry: LogEntry) -> u64 {
        let mut log = self.log.lock().expect("log lock");
        entry.seq = log.len() as u64 + 1;
        entry.finished_ms = self.now_ms();
        let seq = entry.seq;
        log.push(entry);
        seq
    }

    fn set_status(&self, seq: u64, status: u16) {
        if let Some(entry) = self.log.lock().expect("log lock").iter_mut().find(|entry| entry.seq == seq) {
            entry.status = status;
            entry.finished_ms = self.now_ms();
        }
    }

    fn pick_fault(&self, path: &str, header: Option<&str>) -> Option<Fault> {
        self.faults.lock().expect("fault lock").pick(path, header)
    }
}

pub fn app(state: Arc<MockState>) -> Router {
    let sign_in = Router::new()
        .route("/{tenant}/v2.0/.well-known/openid-configuration", get(entra::discovery))
        .route("/{tenant}/oauth2/v2.0/authorize", get(entra::authorize_page).post(entra::authorize_submit))
        .route("/{tenant}/oauth2/v2.0/token", post(entra::token).options(entra::token_preflight))
        .route("/{tenant}/oauth2/v2.0/logout", get(entra::logout))
        .route_layer(middleware::from_fn_with_state(state.clone(), log_sign_in));
    let control = Router::new()
        .route("/_mock/requests", get(list_requests).delete(clear_requests))
        .route("/_mock/faults", post(add_fault).delete(clear_faults))
        .route("/_mock/tokens/expire", post(entra::expire_tokens))
        .route_layer(middleware::from_fn(loopback_only));
    Router::new().merge(control).merge(sign_in).fallback(graph_endpoint).with_state(state)
}

/// The control endpoints answer only requests addressed to this machine by name: a web page
/// whose own host name resolves to 127.0.0.1 (DNS rebinding) sends that name as `Host` and
/// cannot inject faults, expire tokens or read the request log.
async fn loopback_only(request: Request, next: Next) -> Response {
    let host = request.headers().get("host").and_then(|value| value.to_str().ok()).unwrap_or("");
    if is_loopback_host(host) {
        next.run(request).await
    } else {
        (StatusCode::FORBIDDEN, "the stand-in's control endpoints answer loopback Host names only").into_response()
    }
}

/// Sign-in requests go in the request log too, by path only (their queries carry codes and tokens).
async fn log_sign_in(State(state): State<Arc<MockState>>, request: Request, next: Next) -> Response {
    let started_ms = state.now_ms();
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    state.record(LogEntry {
        seq: 0,
        method,
        path,
        started_ms,
        finished_ms: 0,
        status: response.status().as_u16(),
        batch: None,
        fault: None,
    });
    response
}

async fn list_requests(State(state): State<Arc<MockState>>) -> Response {
    let log = state.log.lock().expect("log lock").clone();
    with_cors(Json(json!({ "requests": log })).into_response(), &HeaderMap::new())
}

async fn clear_requests(State(state): State<Arc<MockState>>) -> StatusCode {
    state.log.lock().expect("log lock").clear();
    StatusCode::NO_CONTENT
}

async fn add_fault(State(state): State<Arc<MockState>>, Json(rule): Json<FaultRule>) -> Response {
    match state.faults.lock().expect("fault lock").add_rule(rule) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(message) => (StatusCode::BAD_REQUEST, message).into_response(),
    }
}

async fn clear_faults(State(state): State<Arc<MockState>>) -> StatusCode {
    state.faults.lock().expect("fault lock").clear_rules();
    StatusCode::NO_CONTENT
}

/// Headers Graph lets browser code read.
const EXPOSED_HEADERS: &str = "ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id, ReadWriteConsistencyToken, SdkVersion, WWW-Authenticate, x-ms-client-gcc-tenant, Retry-After";
const JSON_CONTENT_TYPE: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

fn with_cors(mut response: Response, request_headers: &HeaderMap) -> Response {
    let headers = response.headers_mut();
    headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    headers.insert("access-control-expose-headers", HeaderValue::from_static(EXPOSED_HEADERS));
    if let Some(asked) = request_headers.get("access-control-request-headers") {
        headers.insert("access-control-allow-headers", asked.clone());
        headers
            .insert("access-control-allow-methods", HeaderValue::from_static("GET, POST, PUT, PATCH, DELETE, OPTIONS"));
        headers.insert("access-control-max-age", HeaderValue::from_static("3600"));
    }
    response
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

fn eventual(headers: &HashMap<String, String>) -> bool {
    headers.get("consistencylevel").is_some_and(|value| value.eq_ignore_ascii_case("eventual"))
}

async fn graph_endpoint(State(state): State<Arc<MockState>>, request: Request) -> Response {
    let request_headers = request.headers().clone();
    if request.method() == Method::OPTIONS {
        return with_cors(StatusCode::OK.into_response(), &request_headers);
    }
    let started_ms = state.now_ms();
    let method = request.method().to_string();
    let uri = request.uri().clone();
    let path_and_query = uri.path_and_query().map(|pq| pq.as_str().to_string()).unwrap_or_default();
    let request_id = uuid::Uuid::new_v4().to_string();
    let client_request_id = header(&request_headers, "client-request-id").unwrap_or(&request_id).to_string();
    let headers: HashMap<String, String> = request_headers
        .iter()
        .filter_map(|(name, value)| Some((name.as_str().to_ascii_lowercase(), value.to_str().ok()?.to_string())))
        .collect();
    let body = to_bytes(request.into_body(), 4 * 1024 * 1024).await.unwrap_or_default();

    let mut fault_label = None;
    // The network's round trip comes before any answer, a refusal included.
    tokio::time::sleep(state.config.latency).await;
    let caller = state.caller(&headers);
    let answer = if let Err(refused) = caller {
        refused.into_answer(&request_id, &client_request_id)
    } else {
        let caller = caller.ok().flatten();
        let path = uri.path();
        let query = uri.query().unwrap_or("");
        let mut segments = path.trim_start_matches('/').splitn(2, '/');
        let version = segments.next().and_then(Version::from_segment);
        let rest = format!("/{}", segments.next().unwrap_or(""));
        match version {
            None => GraphError::bad_request("BadRequest", "Invalid version: the first segment must be v1.0 or beta.")
                .into_answer(&request_id, &client_request_id),
            Some(version) if rest == "/$batch" && method == "POST" => {
                let fault = state.pick_fault(&path_and_query, headers.get("x-mock-fault").map(String::as_str));
                fault_label = fault.map(|f| f.label());
                match fault.and_then(|f| f.answer(&request_id, &client_request_id)) {
                    Some(faulty) => faulty,
                    None => {
                        if let Some(stall) = fault.and_then(|f| f.stall()) {
                            tokio::time::sleep(stall).await;
                        }
                        let outer_seq = state.record(LogEntry {
                            seq: 0,
                            method: method.clone(),
                            path: path_and_query.clone(),
                            started_ms,
                            finished_ms: 0,
                            status: 200,
                            batch: None,
                            fault: None,
                        });
                        let answer =
                            batch(&state, caller.as_ref(), version, &body, outer_seq, &request_id, &client_request_id)
                                .await;
                        state.set_status(outer_seq, answer.status);
                        return http_response(answer, &request_id, &client_request_id, &request_headers);
                    }
                }
            }
            Some(version) => {
                let fault = state.pick_fault(&path_and_query, headers.get("x-mock-fault").map(String::as_str));
                fault_label = fault.map(|f| f.label());
                if let Some(stall) = fault.and_then(|f| f.stall()) {
                    tokio::time::sleep(stall).await;
                }
                match fault.and_then(|f| f.answer(&request_id, &client_request_id)) {
                    Some(faulty) => faulty,
                    None => {
                        let call = GraphCall {
                            method: &method,
                            version,
                            path: &rest,
                            query,
                            eventual: eventual(&headers),
                            caller: caller.as_ref(),
                        };
                        let throttled = permitted(caller.as_ref(), &rest)
                            .ok()
                            .and_then(|()| state.report_throttle(&rest, &request_id, &client_request_id));
                        match throttled {
                            Some(answer) => answer,
                            None => match permitted(caller.as_ref(), &rest)
                                .and_then(|()| graph::answer(&state.tenant, &state.config.public_url, &call))
                            {
                                Ok(body) => Answer::ok(faults::altered(fault, body, &path_and_query)),
                                Err(error) => error.into_answer(&request_id, &client_request_id),
                            },
                        }
                    }
                }
            }
        }
    };
    state.record(LogEntry {
        seq: 0,
        method,
        path: path_and_query,
        started_ms,
        finished_ms: 0,
        status: answer.status,
        batch: None,
        fault: fault_label,
    });
    http_response(answer, &request_id, &client_request_id, &request_headers)
}

fn permitted(caller: Option<&Grant>, path: &str) -> Result<(), GraphError> {
    caller.map_or(Ok(()), |grant| permissions::check(grant, path))
}

fn http_response(answer: Answer, request_id: &str, client_request_id: &str, request_headers: &HeaderMap) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = match answer.body {
        Body::Json(value) => HttpBody::from(value.to_string()),
        Body::Malformed(text) => HttpBody::from(text),
        Body::Dropped => HttpBody::from_stream(futures_util::stream::once(async {
            Err::<Bytes, std::io::Error>(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "fault: connection dropped",
            ))
        })),
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert("content-type", HeaderValue::from_static(JSON_CONTENT_TYPE));
    headers.insert("cache-control", HeaderValue::from_static("no-cache"));
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert("request-id", value);
    }
    if let Ok(value) = HeaderValue::from_str(client_request_id) {
        headers.insert("client-request-id", value);
    }
    for (name, value) in answer.headers {
        if let (Ok(name), Ok(value)) =
            (axum::http::HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(&value))
        {
            headers.insert(name, value);
        }
    }
    with_cors(response, request_headers)
}

const MAX_BATCH: usize = 20;

struct BatchStep {
    id: String,
    method: String,
    url: String,
    headers: HashMap<String, String>,
    depends_on: Vec<String>,
}

fn parse_batch(body: &[u8]) -> Result<Vec<BatchStep>, GraphError> {
    let invalid = |message: &str| GraphError::bad_request("BadRequest", message);
    let payload: Value = serde_json::from_slice(body).map_err(|_| invalid("Invalid batch payload format."))?;
    let requests =
        payload.get("requests").and_then(Value::as_array).ok_or_else(|| invalid("Invalid batch payload format."))?;
    if requests.len() > MAX_BATCH {
        return Err(invalid(&format!("The number of batch requests exceeds the maximum of {MAX_BATCH}.")));
    }
    let mut steps = Vec::new();
    let mut ids = HashSet::new();
    for request in requests {
        let text = |name: &str| request.get(name).and_then(Value::as_str).map(str::to_string);
        let id = text("id").ok_or_else(|| invalid("A batch request is missing its 'id'."))?;
        let method = text("method").ok_or_else(|| invalid("A batch request is missing its 'method'."))?;
        let url = text("url").ok_or_else(|| invalid("A batch request is missing its 'url'."))?;
        if !ids.insert(id.clone()) {
            return Err(invalid(&format!("Batch request ids must be unique; '{id}' is repeated.")));
        }
        let headers = request
            .get("headers")
            .and_then(Value::as_object)
            .map(|map| {
                map.iter().filter_map(|(k, v)| Some((k.to_ascii_lowercase(), v.as_str()?.to_string()))).collect()
            })
            .unwrap_or_default();
        let depends_on = request
            .get("dependsOn")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default();
        steps.push(BatchStep { id, method: method.to_ascii_uppercase(), url, headers, depends_on });
    }
    for step in &steps {
        if let Some(missing) = step.depends_on.iter().find(|dep| !ids.contains(dep.as_str())) {
            return Err(invalid(&format!("Request '{}' depends on '{missing}', which is not in the batch.", step.id)));
        }
    }
    if !dependencies_follow_a_pattern(&steps) {
        return Err(invalid("The dependsOn of the batch requests must follow one pattern: none depends on another (parallel), each depends on the one before it (serial), or all that depend name the same one (same)."));
    }
    Ok(steps)
}

/// Graph accepts a request that depends on one other only, in one of three patterns: parallel
/// (no `dependsOn`), serial (each depends on the one before it), same (every `dependsOn` names
/// the same request).
fn dependencies_follow_a_pattern(steps: &[BatchStep]) -> bool {
    if steps.iter().any(|step| step.depends_on.len() > 1) {
        return false;
    }
    let parallel = steps.iter().all(|step| step.depends_on.is_empty());
    let serial = steps.iter().skip(1).zip(steps).all(|(step, before)| step.depends_on == [before.id.clone()])
        && steps.first().is_some_and(|s| s.depends_on.is_empty());
    let mut named = steps.iter().flat_map(|step| step.depends_on.iter());
    let same = named.next().is_some_and(|first| named.all(|other| other == first));
    parallel || serial || same
}

/// Runs the steps of a `$batch` in dependency order and answers them in shuffled order.
/// Throttled steps are answered 429 and not retried, as Graph does.
async fn batch(
    state: &MockState,
    caller: Option<&Grant>,
    version: Version,
    body: &[u8],
    outer_seq: u64,
    request_id: &str,
    client_request_id: &str,
) -> Answer {
    let steps = match parse_batch(body) {
        Ok(steps) => steps,
        Err(error) => return error.into_answer(request_id, client_request_id),
    };
    let mut statuses: HashMap<String, u16> = HashMap::new();
    let mut responses = Vec::new();
    let mut pending: Vec<&BatchStep> = steps.iter().collect();
    while !pending.is_empty() {
        let ready = pending.iter().position(|step| step.depends_on.iter().all(|dep| statuses.contains_key(dep)));
        let Some(index) = ready else {
            return GraphError::bad_request("BadRequest", "The dependsOn references of the batch form a cycle.")
                .into_answer(request_id, client_request_id);
        };
        let step = pending.remove(index);
        let started_ms = state.now_ms();
        let inner_request_id = uuid::Uuid::new_v4().to_string();
        let relative = step.url.trim_start_matches('/');
        let path_and_query = format!("/{}/{relative}", version.segment());
        let (path, query) = relative.split_once('?').unwrap_or((relative, ""));
        let path = format!("/{path}");
        let failed_dependency = step.depends_on.iter().any(|dep| !(200..300).contains(&statuses[dep]));
        let mut fault_label = None;
        let (status, headers, body) = if step.url.starts_with("http") {
            error_step(400, "BadRequest", "Batch request URLs must be relative.", &inner_request_id, client_request_id)
        } else if failed_dependency {
            error_step(
                424,
                "FailedDependency",
                "The request could not be completed because a request it depends on failed.",
                &inner_request_id,
                client_request_id,
            )
        } else {
            let fault = state.pick_fault(&path_and_query, step.headers.get("x-mock-fault").map(String::as_str));
            fault_label = fault.map(|f| f.label());
            if let Some(stall) = fault.and_then(|f| f.stall()) {
                tokio::time::sleep(stall).await;
            }
            match fault.and_then(|f| f.answer(&inner_request_id, client_request_id)) {
                Some(Answer { body: Body::Dropped, .. }) => {
                    return Answer { status: 200, headers: vec![], body: Body::Dropped };
                }
                Some(Answer { status, headers, body: Body::Malformed(text) }) => (status, headers, Value::from(text)),
                Some(Answer { status, headers, body: Body::Json(value) }) => (status, headers, value),
                None => {
                    let call = GraphCall {
                        method: &step.method,
                        version,
                        path: &path,
                        query,
                        eventual: eventual(&step.headers),
                        caller,
                    };
                    match permitted(caller, &path)
                        .and_then(|()| graph::answer(&state.tenant, &state.config.public_url, &call))
                    {
                        Ok(body) => (200, vec![], faults::altered(fault, body, &path_and_query)),
                        Err(error) => {
                            error_step(error.status, &error.code, &error.message, &inner_request_id, client_request_id)
                        }
                    }
                }
            }
        };
        state.record(LogEntry {
            seq: 0,
            method: step.method.clone(),
            path: path_and_query,
            started_ms,
            finished_ms: 0,
            status,
            batch: Some(outer_seq),
            fault: fault_label,
        });
        statuses.insert(step.id.clone(), status);
        let mut header_map = serde_json::Map::new();
        header_map.insert("Content-Type".into(), Value::from(JSON_CONTENT_TYPE));
        header_map.insert("request-id".into(), Value::from(inner_request_id));
        for (name, value) in headers {
            header_map.insert(name, Value::from(value));
        }
        responses.push(json!({ "id": step.id, "status": status, "headers": header_map, "body": body }));
    }
    responses.shuffle(&mut rand::thread_rng());
    Answer::ok(json!({ "responses": responses }))
}

fn error_step(
    status: u16,
    code: &str,
    message: &str,
    request_id: &str,
    client_request_id: &str,
) -> (u16, Vec<(String, String)>, Value) {
    (status, vec![], error_body(code, message, request_id, client_request_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_match_exactly_except_a_loopback_port() {
        let config = MockConfig {
            redirect_uris: vec!["http://127.0.0.1/".into(), "https://intranet.contoso.com/helpdesk/".into()],
            ..MockConfig::new("http://127.0.0.1:8081")
        };
        for allowed in ["http://127.0.0.1/", "http://127.0.0.1:8080/", "https://intranet.contoso.com/helpdesk/"] {
            assert!(config.allows_redirect(allowed), "{allowed}");
        }
        for refused in [
            "http://127.0.0.1:1@evil.example/",
            "http://evil.example@127.0.0.1:8080/",
            "http://127.0.0.1:8080\\@evil.example/",
            "http://127.0.0.1.evil.example/",
            "http://127.0.0.1:8080/other",
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/#x",
            "http://127.0.0.1:/",
            "http://localhost:8080/",
            "https://127.0.0.1:8080/",
            "https://intranet.contoso.com/helpdesk/x",
            "https://intranet.contoso.com:8443/helpdesk/",
            "https://INTRANET.contoso.com/helpdesk/",
        ] {
            assert!(!config.allows_redirect(refused), "{refused}");
        }
    }

    #[test]
    fn loopback_hosts_with_any_port_and_nothing_else() {
        for host in ["127.0.0.1", "127.0.0.1:8081", "localhost", "localhost:1", "[::1]", "[::1]:8081"] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "evil.example:8081",
            "127.0.0.1.evil.example",
            "[::2]:80",
            "127.0.0.1:x",
            "127.0.0.1/x",
            "a@127.0.0.1",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
