//! Authorization code with PKCE against Entra ID, through the `oauth2` crate with the
//! browser's fetch (gloo-net) as its HTTP client. The protocol's code is a split point
//! ([`sign_in_protocol`]): a tab that resumes with the access token it kept starts without it.

use std::rc::Rc;

use futures::future::LocalBoxFuture;
use futures::FutureExt;

use oauth2::basic::{
    BasicErrorResponse, BasicErrorResponseType, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, Client, ClientId, CsrfToken, EndpointNotSet, EndpointSet, ExtraTokenFields,
    HttpRequest, HttpResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken, RequestTokenError,
    Scope, StandardRevocableToken, StandardTokenResponse, TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};

use super::tokens::{operator_from_id_token, Operator, TokenSet};

/// Entra adds the ID token to the standard token response.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IdTokenField {
    id_token: Option<String>,
}

impl ExtraTokenFields for IdTokenField {}

type EntraTokenResponse = StandardTokenResponse<IdTokenField, BasicTokenType>;
type EntraClient = Client<
    BasicErrorResponse,
    EntraTokenResponse,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// OpenID scopes asked beside the Graph ones: the operator's name, and a refresh token.
const OPENID_SCOPES: [&str; 3] = ["openid", "profile", "offline_access"];

/// Why a sign-in step failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInError {
    /// Entra refused: `error` and `error_description` (AADSTS code and text).
    Refused { error: String, description: String },
    /// No answer from the sign-in service.
    Network(String),
    /// An answer that is not a token response.
    Answer(String),
    /// The sign-in code could not be downloaded (offline, or a deployment replaced it).
    Unavailable,
}

#[cfg(helpdesk_split)]
impl From<wasm_split_helpers::SplitLoaderError> for SignInError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        SignInError::Unavailable
    }
}

impl SignInError {
    /// The grant itself is gone (expired, revoked, replayed): only signing in again helps.
    pub fn needs_interaction(&self) -> bool {
        matches!(self, SignInError::Refused { error, .. } if error == "invalid_grant" || error == "interaction_required")
    }
}

/// The three addresses of an authority such as `https://login.microsoftonline.com/{tenant}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub authorize: String,
    pub token: String,
    pub logout: String,
}

impl Endpoints {
    pub fn of_authority(authority: &str) -> Endpoints {
        let base = authority.trim_end_matches('/');
        Endpoints {
            authorize: format!("{base}/oauth2/v2.0/authorize"),
            token: format!("{base}/oauth2/v2.0/token"),
            logout: format!("{base}/oauth2/v2.0/logout"),
        }
    }
}

/// What must survive the trip to the sign-in page: kept in sessionStorage until the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: String,
    pub verifier: String,
    /// Path, query and fragment to return to.
    pub return_to: String,
    /// Asked with `prompt=none`: Entra answers from its session, or says it needs the operator.
    #[serde(default)]
    pub silent: bool,
}

/// Entra's answers to `prompt=none` that only the operator can resolve: sign in, pick an
/// account or consent on Entra's pages.
const NEEDS_THE_OPERATOR: [&str; 4] =
    ["login_required", "interaction_required", "consent_required", "account_selection_required"];

impl PendingSignIn {
    /// Entra answered this silent sign-in with `error`: the operator must sign in on its pages.
    pub fn needs_the_operator(&self, error: &str) -> bool {
        self.silent && NEEDS_THE_OPERATOR.contains(&error)
    }
}

/// What signing in needs from the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInSettings {
    pub authority: String,
    pub client_id: String,
    pub redirect_uri: String,
    pub graph_scopes: Vec<String>,
}

/// The steps of the sign-in, as the session uses them; implemented by [`SignInClient`], whose
/// code only [`sign_in_protocol`] reaches.
pub trait SignInProtocol {
    /// The authorize URL with a fresh `state` and S256 challenge, and what to keep for the
    /// answer; `silent` asks Entra to answer from its session without showing a page.
    fn begin(&self, return_to: &str, silent: bool) -> (String, PendingSignIn);
    fn redeem<'a>(&'a self, code: &'a str, verifier: &'a str, now_ms: f64) -> TokenAnswer<'a>;
    fn refresh<'a>(&'a self, refresh_token: &'a str, now_ms: f64, operator: &'a Operator) -> TokenAnswer<'a>;
}

pub type TokenAnswer<'a> = LocalBoxFuture<'a, Result<TokenSet, SignInError>>;

/// The sign-in protocol for `settings`, its code fetched the first time (release builds).
#[cfg(helpdesk_split)]
#[wasm_split_helpers::wasm_split(sign_in, fallible, preload(fetch_sign_in))]
pub fn sign_in_protocol(settings: &SignInSettings) -> Result<Rc<dyn SignInProtocol>, SignInError> {
    protocol_for(settings)
}

#[cfg(not(helpdesk_split))]
pub async fn sign_in_protocol(settings: &SignInSettings) -> Result<Rc<dyn SignInProtocol>, SignInError> {
    protocol_for(settings)
}

/// Fetches the sign-in code ahead of need, so a renewal does not wait for it.
#[cfg(not(helpdesk_split))]
pub async fn fetch_sign_in() -> Result<(), SignInError> {
    Ok(())
}

fn protocol_for(settings: &SignInSettings) -> Result<Rc<dyn SignInProtocol>, SignInError> {
    let client =
        SignInClient::new(&settings.authority, &settings.client_id, &settings.redirect_uri, &settings.graph_scopes)
            // The addresses were checked when the configuration was read.
            .map_err(SignInError::Answer)?;
    Ok(Rc::new(client))
}

#[derive(Clone)]
pub struct SignInClient {
    client: EntraClient,
    scopes: Vec<String>,
    pub endpoints: Endpoints,
    pub redirect_uri: String,
}

impl SignInClient {
    pub fn new(
        authority: &str,
        client_id: &str,
        redirect_uri: &str,
        graph_scopes: &[String],
    ) -> Result<SignInClient, String> {
        let endpoints = Endpoints::of_authority(authority);
        let client = Client::new(ClientId::new(client_id.into()))
            .set_auth_uri(AuthUrl::new(endpoints.authorize.clone()).map_err(|e| e.to_string())?)
            .set_token_uri(TokenUrl::new(endpoints.token.clone()).map_err(|e| e.to_string())?)
            .set_redirect_uri(RedirectUrl::new(redirect_uri.into()).map_err(|e| e.to_string())?)
            // A single-page app is a public client: the client id goes in the body, no secret.
            .set_auth_type(AuthType::RequestBody);
        let scopes = graph_scopes.iter().cloned().chain(OPENID_SCOPES.iter().map(|s| s.to_string())).collect();
        Ok(SignInClient { client, scopes, endpoints, redirect_uri: redirect_uri.into() })
    }

    fn scopes(&self) -> impl Iterator<Item = Scope> + '_ {
        self.scopes.iter().map(|scope| Scope::new(scope.clone()))
    }
}

impl SignInProtocol for SignInClient {
    fn begin(&self, return_to: &str, silent: bool) -> (String, PendingSignIn) {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request =
            self.client.authorize_url(CsrfToken::new_random).add_scopes(self.scopes()).set_pkce_challenge(challenge);
        if silent {
            request = request.add_extra_param("prompt", "none");
        }
        let (url, state) = request.url();
        let pending = PendingSignIn {
            state: state.secret().clone(),
            verifier: verifier.secret().clone(),
            return_to: return_to.into(),
            silent,
        };
        (url.to_string(), pending)
    }

    fn redeem<'a>(&'a self, code: &'a str, verifier: &'a str, now_ms: f64) -> TokenAnswer<'a> {
        async move {
            let answer = self
                .client
                .exchange_code(AuthorizationCode::new(code.into()))
                .set_pkce_verifier(PkceCodeVerifier::new(verifier.into()))
                .request_async(&fetch)
                .await;
            token_set(answer, now_ms, None)
        }
        .boxed_local()
    }

    fn refresh<'a>(&'a self, refresh_token: &'a str, now_ms: f64, operator: &'a Operator) -> TokenAnswer<'a> {
        async move {
            let token = RefreshToken::new(refresh_token.into());
            let answer =
                self.client.exchange_refresh_token(&token).add_scopes(self.scopes()).request_async(&fetch).await;
            token_set(answer, now_ms, Some(operator))
        }
        .boxed_local()
    }
}

fn token_set(
    answer: Result<EntraTokenResponse, RequestTokenError<gloo_net::Error, BasicErrorResponse>>,
    now_ms: f64,
    known: Option<&Operator>,
) -> Result<TokenSet, SignInError> {
    let response = answer.map_err(|error| match error {
        RequestTokenError::ServerResponse(refusal) => SignInError::Refused {
            error: match refusal.error() {
                BasicErrorResponseType::Extension(other) => other.clone(),
                standard => standard.to_string(),
            },
            description: refusal.error_description().cloned().unwrap_or_default(),
        },
        RequestTokenError::Request(network) => SignInError::Network(network.to_string()),
        RequestTokenError::Parse(parse, _) => SignInError::Answer(parse.to_string()),
        RequestTokenError::Other(other) => SignInError::Answer(other),
    })?;
    let operator = response
        .extra_fields()
        .id_token
        .as_deref()
        .and_then(operator_from_id_token)
        .or_else(|| known.cloned())
        .ok_or_else(|| SignInError::Answer("the token response carries no ID token".into()))?;
    let lifetime_ms = response.expires_in().map_or(3_600_000.0, |d| d.as_millis() as f64);
    Ok(TokenSet {
        access_token: response.access_token().secret().clone(),
        refresh_token: response.refresh_token().map(|t| t.secret().clone()),
        expires_at_ms: now_ms + lifetime_ms,
        lifetime_ms,
        scopes: response.scopes().map(|scopes| scopes.iter().map(|s| s.to_string()).collect()).unwrap_or_default(),
        operator,
    })
}

/// The `oauth2` crate's HTTP client: one browser fetch.
async fn fetch(request: HttpRequest) -> Result<HttpResponse, gloo_net::Error> {
    // Token answers are never kept in the browser's HTTP cache.
    let mut builder = gloo_net::http::RequestBuilder::new(&request.uri().to_string())
        .method(request.method().clone())
        .cache(web_sys::RequestCache::NoStore);
    for (name, value) in request.headers() {
        builder = builder.header(name.as_str(), value.to_str().unwrap_or_default());
    }
    let body = String::from_utf8_lossy(request.body()).into_owned();
    let response = builder.body(body)?.send().await?;
    // oauth2 reads the content type only; naming it by constant keeps header-name parsing out of the download.
    let mut answer = http::Response::builder().status(response.status());
    if let Some(content_type) = response.headers().get("content-type") {
        answer = answer.header(http::header::CONTENT_TYPE, content_type);
    }
    let bytes = response.binary().await?;
    answer.body(bytes).map_err(|error| gloo_net::Error::GlooError(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoints_follow_the_authority() {
        let endpoints = Endpoints::of_authority("https://login.microsoftonline.com/contoso.onmicrosoft.com/");
        assert_eq!(endpoints.token, "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assert_eq!(endpoints.logout, "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/logout");
    }

    #[test]
    fn the_authorize_url_carries_a_fresh_state_and_an_s256_challenge() {
        let scopes = vec!["https://graph.microsoft.com/User.Read.All".to_string()];
        let client =
            SignInClient::new("https://login.example.com/t", "app-id", "https://portal.example.com/helpdesk/", &scopes)
                .unwrap();
        let (url, pending) = client.begin("/users/a", false);
        let (second_url, second) = client.begin("/users/a", false);
        assert_ne!(pending.state, second.state);
        assert_ne!(url, second_url);
        assert!(url.starts_with("https://login.example.com/t/oauth2/v2.0/authorize?"));
        for part in [
            "response_type=code",
            "client_id=app-id",
            "code_challenge_method=S256",
            "redirect_uri=https%3A%2F%2Fportal.example.com%2Fhelpdesk%2F",
            "offline_access",
        ] {
            assert!(url.contains(part), "{part} in {url}");
        }
        assert!(url.contains(&format!("state={}", pending.state)));
        assert!(pending.verifier.len() >= 43);
        assert!(!url.contains("prompt="));
    }

    #[test]
    fn a_silent_sign_in_asks_for_no_page_and_hands_over_only_what_needs_the_operator() {
        let scopes = vec!["https://graph.microsoft.com/User.Read.All".to_string()];
        let client =
            SignInClient::new("https://login.example.com/t", "app-id", "https://portal.example.com/", &scopes).unwrap();
        let (url, pending) = client.begin("/", true);
        assert!(url.contains("prompt=none") && pending.silent);
        for error in ["login_required", "interaction_required", "consent_required", "account_selection_required"] {
            assert!(pending.needs_the_operator(error), "{error}");
        }
        assert!(!pending.needs_the_operator("access_denied"), "a refusal is shown, not retried");
        let (_, interactive) = client.begin("/", false);
        assert!(!interactive.needs_the_operator("login_required"), "an interactive sign-in is not tried again");
    }
}
