//! The sign-in half of the stand-in: Entra ID's v2.0 endpoints for a single-page app
//! (OpenID discovery, authorize with a page listing the demo operators, token, logout).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

use crate::graph::TENANT_ID;
use crate::identity::{operator, short_scope, Grant, Operator, TokenError, Tokens, GRAPH_RESOURCE, OPERATORS};
use crate::server::MockState;

/// The tenant's initial domain; the authority may name it or the tenant id.
pub const TENANT_DOMAIN: &str = "contoso.onmicrosoft.com";
const SESSION_COOKIE: &str = "mock_entra_session";

fn known_tenant(tenant: &str) -> bool {
    tenant.eq_ignore_ascii_case(TENANT_DOMAIN) || tenant == TENANT_ID || tenant == "organizations"
}

fn tenant_not_found(tenant: &str) -> Response {
    let body = json!({
        "error": "invalid_tenant",
        "error_description": format!("AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."),
    });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

pub async fn discovery(State(state): State<Arc<MockState>>, Path(tenant): Path<String>) -> Response {
    if !known_tenant(&tenant) {
        return tenant_not_found(&tenant);
    }
    let base = format!("{}/{tenant}", state.config.public_url);
    let body = json!({
        "issuer": issuer(&state),
        "authorization_endpoint": format!("{base}/oauth2/v2.0/authorize"),
        "token_endpoint": format!("{base}/oauth2/v2.0/token"),
        "end_session_endpoint": format!("{base}/oauth2/v2.0/logout"),
        "jwks_uri": format!("{base}/discovery/v2.0/keys"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "code_challenge_methods_supported": ["S256"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["none"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "tenant_region_scope": "EU",
    });
    let mut response = Json(body).into_response();
    response.headers_mut().insert("access-control-allow-origin", HeaderValue::from_static("*"));
    response
}

fn issuer(state: &MockState) -> String {
    format!("{}/{TENANT_ID}/v2.0", state.config.public_url)
}

/// The parameters of an authorization request, as sent to the page and posted back by it.
type Params = HashMap<String, String>;

/// Checks what must hold before anything is sent back to `redirect_uri`.
fn check_client(state: &MockState, params: &Params) -> Result<String, String> {
    let client_id = params.get("client_id").map(String::as_str).unwrap_or("");
    if client_id != state.config.client_id {
        return Err(format!(
            "AADSTS700016: Application with identifier '{client_id}' was not found in the directory 'Contoso'."
        ));
    }
    let redirect_uri = params.get("redirect_uri").cloned().unwrap_or_default();
    if !state.config.allows_redirect(&redirect_uri) {
        return Err(format!("AADSTS50011: The redirect URI '{redirect_uri}' specified in the request does not match the redirect URIs configured for the application."));
    }
    Ok(redirect_uri)
}

/// Checks what is answered to `redirect_uri` as `error=`.
fn check_request(params: &Params) -> Result<(), (&'static str, String)> {
    if params.get("response_type").map(String::as_str) != Some("code") {
        return Err((
            "unsupported_response_type",
            "AADSTS700054: response_type must be 'code' for this application.".into(),
        ));
    }
    let challenge = params.get("code_challenge").map(String::as_str).unwrap_or("");
    if challenge.is_empty() || params.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return Err(("invalid_request", "AADSTS9002325: Proof Key for Code Exchange (S256) is required for cross-origin authorization code redemption.".into()));
    }
    if params.get("scope").is_none_or(|scope| scope.trim().is_empty()) {
        return Err((
            "invalid_request",
            "AADSTS900144: The request body must contain the following parameter: 'scope'.".into(),
        ));
    }
    Ok(())
}

/// Everything but RFC 3986's unreserved characters.
const QUERY_VALUE: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

fn redirect_with(redirect_uri: &str, pairs: &[(&str, &str)]) -> Response {
    let mut target = redirect_uri.to_string();
    for (index, (name, value)) in pairs.iter().enumerate() {
        let separator = if index == 0 && !redirect_uri.contains('?') { '?' } else { '&' };
        target.push(separator);
        target.push_str(name);
        target.push('=');
        target.push_str(&percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string());
    }
    Redirect::to(&target).into_response()
}

fn error_page(message: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in error</title></head>\
         <body><main><h1>Sorry, but we're having trouble signing you in.</h1><p>{}</p></main></body></html>",
        escape(message)
    );
    (StatusCode::BAD_REQUEST, Html(body)).into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    let cookies = headers.get("cookie")?.to_str().ok()?;
    cookies.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then(|| value.to_string())
    })
}

/// Checks an authorization request as Entra does: problems before the redirect URI is known
/// get an error page, later ones go back to the app as `error=`. Gives the redirect URI and `state`.
fn check_authorization(state: &MockState, tenant: &str, params: &Params) -> Result<(String, String), Response> {
    if !known_tenant(tenant) {
        return Err(error_page(&format!("AADSTS90002: Tenant '{tenant}' not found.")));
    }
    let redirect_uri = check_client(state, params).map_err(|message| error_page(&message))?;
    let state_param = params.get("state").cloned().unwrap_or_default();
    if let Err((error, description)) = check_request(params) {
        return Err(redirect_with(
            &redirect_uri,
            &[("error", error), ("error_description", &description), ("state", &state_param)],
        ));
    }
    Ok((redirect_uri, state_param))
}

/// `GET …/authorize`: the account picker, or with `prompt=none` an answer from the sign-in
/// session alone.
pub async fn authorize_page(
    State(state): State<Arc<MockState>>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Response {
    let (redirect_uri, state_param) = match check_authorization(&state, &tenant, &params) {
        Ok(checked) => checked,
        Err(refusal) => return refusal,
    };
    let session = cookie(&headers, SESSION_COOKIE);
    let remembered = session.as_deref().and_then(|session| state.identity().session_operator(session));
    // `prompt=none`: Entra answers from its session without showing anything, or says no one is signed in.
    if params.get("prompt").map(String::as_str) == Some("none") {
        return match remembered {
            Some(operator) => grant_code(&state, operator, session, &params, &redirect_uri, &state_param),
            None => redirect_with(
                &redirect_uri,
                &[
                    ("error", "login_required"),
                    ("error_description", "AADSTS50058: A silent sign-in request was sent but no user is signed in."),
                    ("state", &state_param),
                ],
            ),
        };
    }
    let hidden: String = params
        .iter()
        .map(|(name, value)| format!("<input type=\"hidden\" name=\"{}\" value=\"{}\">", escape(name), escape(value)))
        .collect();
    let accounts: String = OPERATORS
        .iter()
        .map(|operator| {
            let note = if remembered.is_some_and(|r| r.key == operator.key) { " (signed in)" } else { "" };
            format!(
                "<li><button type=\"submit\" name=\"operator\" value=\"{}\"><strong>{}</strong>{note}<br><span>{}</span><br><small>{}</small></button></li>",
                operator.key, escape(operator.name), escape(operator.upn), escape(operator.description)
            )
        })
        .collect();
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in to your account</title>\
         <meta name=\"viewport\" content=\"width=device-width\"></head>\
         <body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto\"><main>\
         <h1>Pick an account</h1><p>Contoso ({TENANT_DOMAIN}): stand-in for Microsoft Entra ID, demo operators only.</p>\
         <form method=\"post\">{hidden}<ul style=\"list-style:none;padding:0\">{accounts}</ul>\
         <button type=\"submit\" name=\"operator\" value=\"\">Cancel</button></form></main></body></html>"
    );
    Html(body).into_response()
}

/// `POST …/authorize`: the operator picked an account (or cancelled); back to the app with a code.
pub async fn authorize_submit(
    State(state): State<Arc<MockState>>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    Form(params): Form<Params>,
) -> Response {
    let (redirect_uri, state_param) = match check_authorization(&state, &tenant, &params) {
        Ok(checked) => checked,
        Err(refusal) => return refusal,
    };
    let Some(operator) = params.get("operator").and_then(|key| operator(key)) else {
        return redirect_with(
            &redirect_uri,
            &[
                ("error", "access_denied"),
                ("error_description", "AADSTS50126: The user cancelled the sign-in."),
                ("state", &state_param),
            ],
        );
    };
    grant_code(&state, operator, cookie(&headers, SESSION_COOKIE), &params, &redirect_uri, &state_param)
}

/// Back to the app with a code for `operator` (the scopes asked for that they have), in the
/// browser's sign-in session when it is theirs, else in a new one.
fn grant_code(
    state: &MockState,
    operator: &'static Operator,
    session: Option<String>,
    params: &Params,
    redirect_uri: &str,
    state_param: &str,
) -> Response {
    let requested: Vec<&str> = params.get("scope").map(String::as_str).unwrap_or("").split_whitespace().collect();
    let scopes = requested
        .iter()
        .map(|scope| short_scope(scope))
        .filter(|scope| operator.scopes.iter().any(|granted| granted.eq_ignore_ascii_case(scope)))
        .map(str::to_string)
        .collect();
    let mut identity = state.identity();
    let session = match session {
        Some(existing) if identity.session_operator(&existing).is_some_and(|o| o.key == operator.key) => existing,
        _ => identity.start_session(operator),
    };
    let grant = Grant { operator, scopes, client_id: state.config.client_id.clone(), session: session.clone() };
    let code = identity.issue_code(grant, redirect_uri, params.get("code_challenge").map(String::as_str).unwrap_or(""));
    drop(identity);
    let mut response =
        redirect_with(redirect_uri, &[("code", &code), ("state", state_param), ("session_state", &session)]);
    if let Ok(value) = HeaderValue::from_str(&format!("{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax")) {
        response.headers_mut().insert("set-cookie", value);
    }
    response
}

fn token_cors(mut response: Response, headers: &HeaderMap) -> Response {
    let origin = headers.get("origin").cloned().unwrap_or(HeaderValue::from_static("*"));
    let out = response.headers_mut();
    out.insert("access-control-allow-origin", origin);
    out.insert("access-control-allow-methods", HeaderValue::from_static("POST, OPTIONS"));
    if let Some(asked) = headers.get("access-control-request-headers") {
        out.insert("access-control-allow-headers", asked.clone());
    }
    out.insert("cache-control", HeaderValue::from_static("no-store"));
    response
}

pub async fn token_preflight(headers: HeaderMap) -> Response {
    token_cors(StatusCode::NO_CONTENT.into_response(), &headers)
}

fn token_error(error: TokenError) -> Response {
    let body =
        json!({ "error": error.error, "error_description": error.description, "error_codes": [], "timestamp": "" });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

/// Unsigned (`alg: none`): the portal reads the operator's name from it, received straight
/// from the token endpoint, and never sends it anywhere.
fn id_token(state: &MockState, tokens: &Tokens) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let operator = tokens.grant.operator;
    let header = json!({ "typ": "JWT", "alg": "none" });
    let claims = json!({
        "aud": tokens.grant.client_id, "iss": issuer(state), "iat": now, "nbf": now, "exp": now + 3600,
        "name": operator.name, "preferred_username": operator.upn, "oid": operator.object_id, "tid": TENANT_ID,
        "sid": tokens.grant.session, "ver": "2.0",
    });
    format!("{}.{}.", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()))
}

/// `POST …/token`: `authorization_code` (PKCE) and `refresh_token`, from the browser only.
pub async fn token(
    State(state): State<Arc<MockState>>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    Form(params): Form<Params>,
) -> Response {
    if !known_tenant(&tenant) {
        return token_cors(tenant_not_found(&tenant), &headers);
    }
    let field = |name: &str| params.get(name).map(String::as_str).unwrap_or("");
    if !headers.contains_key("origin") {
        let error = TokenError { error: "invalid_request", description: "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.".into() };
        return token_cors(token_error(error), &headers);
    }
    let result = match field("grant_type") {
        "authorization_code" => state.identity().redeem_code(
            field("code"),
            field("client_id"),
            field("redirect_uri"),
            field("code_verifier"),
        ),
        "refresh_token" => state.identity().redeem_refresh(field("refresh_token"), field("client_id")),
        other => Err(TokenError {
            error: "unsupported_grant_type",
            description: format!("AADSTS70003: The app requested an unsupported grant type '{other}'."),
        }),
    };
    let response = match result {
        Ok(tokens) => {
            let scope: Vec<String> = tokens.grant.scopes.iter().map(|s| format!("{GRAPH_RESOURCE}{s}")).collect();
            let body: Value = json!({
                "token_type": "Bearer",
                "scope": scope.join(" "),
                "expires_in": tokens.expires_in,
                "ext_expires_in": tokens.expires_in,
                "access_token": tokens.access_token,
                "refresh_token": tokens.refresh_token,
                "refresh_token_expires_in": state.identity().lifetimes.refresh.as_secs(),
                "id_token": id_token(&state, &tokens),
            });
            Json(body).into_response()
        }
        Err(error) => token_error(error),
    };
    token_cors(response, &headers)
}

/// `GET …/logout`: ends the sign-in session, then back to the app if its address is registered.
pub async fn logout(State(state): State<Arc<MockState>>, headers: HeaderMap, Query(params): Query<Params>) -> Response {
    if let Some(session) = cookie(&headers, SESSION_COOKIE) {
        state.identity().end_session(&session);
    }
    let mut response = match params.get("post_logout_redirect_uri") {
        Some(uri) if state.config.allows_redirect(uri) => Redirect::to(uri).into_response(),
        _ => Html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed out</title></head><body><main><h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p></main></body></html>").into_response(),
    };
    response.headers_mut().insert(
        "set-cookie",
        HeaderValue::from_static("mock_entra_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"),
    );
    response
}

/// `POST /_mock/tokens/expire`: every access token expires now (tests of the refresh path).
pub async fn expire_tokens(State(state): State<Arc<MockState>>) -> StatusCode {
    state.identity().expire_access_tokens();
    StatusCode::NO_CONTENT
}
