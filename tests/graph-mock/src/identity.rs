//! Who may call: the demo operators, and the codes and tokens the stand-in's sign-in issues.
//! Lifetimes follow Entra ID for a single-page app: codes live minutes and are single-use,
//! access tokens about an hour, refresh tokens are replaced on each use and all end 24 hours
//! after the sign-in that began them (a renewed one keeps that end).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Graph's resource prefix on scopes; requests may name scopes with or without it.
pub const GRAPH_RESOURCE: &str = "https://graph.microsoft.com/";

/// Every read scope the portal asks for (GRAPH.md), the optional ones last.
pub const READ_SCOPES: [&str; 11] = [
    "User.Read.All",
    "GroupMember.Read.All",
    "DeviceManagementManagedDevices.Read.All",
    "DeviceManagementConfiguration.Read.All",
    "DeviceManagementApps.Read.All",
    "DeviceManagementServiceConfig.Read.All",
    "Device.Read.All",
    "AuditLog.Read.All",
    "Policy.Read.All",
    "RoleManagement.Read.Directory",
    "AdministrativeUnit.Read.All",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    /// What the sign-in page posts back.
    pub key: &'static str,
    pub name: &'static str,
    pub upn: &'static str,
    pub object_id: &'static str,
    /// What the sign-in page says about this account.
    pub description: &'static str,
    /// Delegated Graph scopes consented for this operator.
    pub scopes: &'static [&'static str],
    /// Holds an Intune role (Help Desk Operator); without one, Intune answers 403.
    pub intune_role: bool,
    /// Holds an Entra role that may read sign-in logs (Reports Reader, Security Reader, Global Reader).
    pub reports_role: bool,
}

pub const OPERATORS: [Operator; 4] = [
    Operator {
        key: "helpdesk",
        name: "Isaiah Langer",
        upn: "IsaiahL@contoso.onmicrosoft.com",
        object_id: "6e7b768e-07e2-4810-8459-485f84f8f204",
        description: "Help Desk Operator: every read permission",
        scopes: &READ_SCOPES,
        intune_role: true,
        reports_role: true,
    },
    Operator {
        key: "limited",
        name: "Lidia Holloway",
        upn: "LidiaH@contoso.onmicrosoft.com",
        object_id: "2ed03dfd-01d8-4005-a9ef-fa8ee546dc6c",
        description: "Help Desk Operator without the apps and configuration permissions, nor those to name roles and administrative units",
        scopes: &["User.Read.All", "GroupMember.Read.All", "DeviceManagementManagedDevices.Read.All", "DeviceManagementServiceConfig.Read.All"],
        intune_role: true,
        reports_role: true,
    },
    Operator {
        key: "no-role",
        name: "Pradeep Gupta",
        upn: "PradeepG@contoso.onmicrosoft.com",
        object_id: "e3d0513b-449e-4198-ba6f-bd97ae7cae85",
        description: "Every read permission but Policy.Read.All (Conditional Access details), and no Intune role",
        scopes: &[
            "User.Read.All",
            "GroupMember.Read.All",
            "DeviceManagementManagedDevices.Read.All",
            "DeviceManagementConfiguration.Read.All",
            "DeviceManagementApps.Read.All",
            "DeviceManagementServiceConfig.Read.All",
            "Device.Read.All",
            "AuditLog.Read.All",
            "RoleManagement.Read.Directory",
            "AdministrativeUnit.Read.All",
        ],
        intune_role: false,
        reports_role: true,
    },
    Operator {
        key: "no-reports-role",
        name: "Miriam Graham",
        upn: "MiriamG@contoso.onmicrosoft.com",
        object_id: "08fa38e4-cbfa-4488-94ed-c834da6539df",
        description: "Every read permission and an Intune role, but no Entra role that may read sign-in logs",
        scopes: &READ_SCOPES,
        intune_role: true,
        reports_role: false,
    },
];

pub fn operator(key: &str) -> Option<&'static Operator> {
    OPERATORS.iter().find(|operator| operator.key == key)
}

/// `User.Read.All` from `https://graph.microsoft.com/User.Read.All` or `user.read.all`.
pub fn short_scope(scope: &str) -> &str {
    scope.strip_prefix(GRAPH_RESOURCE).unwrap_or(scope)
}

#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    pub code: Duration,
    pub access: Duration,
    pub refresh: Duration,
}

impl Default for Lifetimes {
    fn default() -> Lifetimes {
        Lifetimes {
            code: Duration::from_secs(300),
            access: Duration::from_secs(3600),
            refresh: Duration::from_secs(24 * 3600),
        }
    }
}

/// What a code, access token or refresh token stands for.
#[derive(Debug, Clone)]
pub struct Grant {
    pub operator: &'static Operator,
    /// Granted Graph scopes, short form.
    pub scopes: Vec<String>,
    pub client_id: String,
    /// The browser sign-in session it came from, ended by logout.
    pub session: String,
}

impl Grant {
    pub fn has_scope(&self, wanted: &str) -> bool {
        self.scopes.iter().any(|scope| short_scope(scope).eq_ignore_ascii_case(wanted))
    }
}

#[derive(Debug, Clone)]
pub struct PendingCode {
    pub grant: Grant,
    pub redirect_uri: String,
    pub code_challenge: String,
    pub expires: Instant,
    /// Set once redeemed: a second redemption is refused and revokes what the first got.
    pub redeemed_into: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
struct Issued {
    grant: Grant,
    expires: Instant,
}

/// Why a token request is refused, as Entra's `error` and `error_description`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenError {
    pub error: &'static str,
    pub description: String,
}

impl TokenError {
    fn grant(description: &str) -> TokenError {
        TokenError { error: "invalid_grant", description: description.into() }
    }
}

#[derive(Debug, Clone)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in: u64,
    pub grant: Grant,
}

/// Why Graph refuses a bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Missing,
    Unknown,
    Expired,
}

#[derive(Default)]
pub struct Identity {
    pub lifetimes: Lifetimes,
    codes: HashMap<String, PendingCode>,
    access: HashMap<String, Issued>,
    refresh: HashMap<String, Issued>,
    /// Browser sign-in sessions (the cookie's value) and who signed in.
    sessions: HashMap<String, &'static Operator>,
}

fn random_token(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buffer);
    URL_SAFE_NO_PAD.encode(buffer)
}

/// RFC 7636: BASE64URL(SHA256(verifier)) must equal the S256 challenge.
pub fn verifier_matches(verifier: &str, challenge: &str) -> bool {
    let well_formed = (43..=128).contains(&verifier.len())
        && verifier.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
    well_formed && URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == challenge
}

impl Identity {
    pub fn new(lifetimes: Lifetimes) -> Identity {
        Identity { lifetimes, ..Identity::default() }
    }

    pub fn issue_code(&mut self, grant: Grant, redirect_uri: &str, code_challenge: &str) -> String {
        let code = random_token(32);
        let pending = PendingCode {
            grant,
            redirect_uri: redirect_uri.into(),
            code_challenge: code_challenge.into(),
            expires: Instant::now() + self.lifetimes.code,
            redeemed_into: None,
        };
        self.codes.insert(code.clone(), pending);
        code
    }

    /// `refresh_expires`: a refresh token issued to a single-page app ends 24 hours after the
    /// sign-in, however often it is renewed.
    fn issue_tokens(&mut self, grant: Grant, refresh_expires: Instant) -> Tokens {
        let access_token = random_token(32);
        let refresh_token = random_token(48);
        let now = Instant::now();
        self.access.insert(access_token.clone(), Issued { grant: grant.clone(), expires: now + self.lifetimes.access });
        self.refresh.insert(refresh_token.clone(), Issued { grant: grant.clone(), expires: refresh_expires });
        Tokens { access_token, refresh_token, expires_in: self.lifetimes.access.as_secs(), grant }
    }

    /// `grant_type=authorization_code`.
    pub fn redeem_code(
        &mut self,
        code: &str,
        client_id: &str,
        redirect_uri: &str,
        verifier: &str,
    ) -> Result<Tokens, TokenError> {
        let Some(pending) = self.codes.get(code).cloned() else {
            return Err(TokenError::grant("AADSTS9002313: Invalid request. The authorization code is malformed or was not issued by this authority."));
        };
        if let Some(issued) = pending.redeemed_into {
            for token in issued {
                self.access.remove(&token);
                self.refresh.remove(&token);
            }
            return Err(TokenError::grant("AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."));
        }
        if Instant::now() > pending.expires {
            return Err(TokenError::grant("AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."));
        }
        if pending.grant.client_id != client_id {
            return Err(TokenError {
                error: "invalid_client",
                description: "AADSTS700016: The authorization code was issued to another application.".into(),
            });
        }
        if pending.redirect_uri != redirect_uri {
            return Err(TokenError::grant(
                "AADSTS50148: The redirect_uri does not match the one in the authorization request.",
            ));
        }
        if !verifier_matches(verifier, &pending.code_challenge) {
            return Err(TokenError::grant("AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request."));
        }
        let tokens = self.issue_tokens(pending.grant, Instant::now() + self.lifetimes.refresh);
        if let Some(entry) = self.codes.get_mut(code) {
            entry.redeemed_into = Some(vec![tokens.access_token.clone(), tokens.refresh_token.clone()]);
        }
        Ok(tokens)
    }

    /// `grant_type=refresh_token`: the old refresh token is spent, a new pair is issued.
    pub fn redeem_refresh(&mut self, refresh_token: &str, client_id: &str) -> Result<Tokens, TokenError> {
        let Some(issued) = self.refresh.remove(refresh_token) else {
            return Err(TokenError::grant(
                "AADSTS700082: The refresh token has expired, was already used or was revoked. Sign in again.",
            ));
        };
        if Instant::now() > issued.expires {
            return Err(TokenError::grant("AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. Sign in again."));
        }
        if issued.grant.client_id != client_id {
            return Err(TokenError {
                error: "invalid_client",
                description: "AADSTS700016: The refresh token was issued to another application.".into(),
            });
        }
        Ok(self.issue_tokens(issued.grant, issued.expires))
    }

    /// What Graph knows of a bearer token.
    pub fn check_access(&self, token: Option<&str>) -> Result<&Grant, TokenProblem> {
        let token = token.filter(|t| !t.is_empty()).ok_or(TokenProblem::Missing)?;
        let issued = self.access.get(token).ok_or(TokenProblem::Unknown)?;
        if Instant::now() >= issued.expires {
            return Err(TokenProblem::Expired);
        }
        Ok(&issued.grant)
    }

    /// Every access token expires now (tests of the refresh path).
    pub fn expire_access_tokens(&mut self) {
        let now = Instant::now();
        for issued in self.access.values_mut() {
            issued.expires = now;
        }
    }

    pub fn start_session(&mut self, operator: &'static Operator) -> String {
        let session = random_token(16);
        self.sessions.insert(session.clone(), operator);
        session
    }

    pub fn session_operator(&self, session: &str) -> Option<&'static Operator> {
        self.sessions.get(session).copied()
    }

    /// Logout: the session's refresh tokens stop working; its access tokens run out on their own, as with Entra.
    pub fn end_session(&mut self, session: &str) {
        self.sessions.remove(session);
        self.refresh.retain(|_, issued| issued.grant.session != session);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 7636, appendix B.
    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    fn grant() -> Grant {
        Grant {
            operator: &OPERATORS[0],
            scopes: vec!["User.Read.All".into()],
            client_id: "app".into(),
            session: "s1".into(),
        }
    }

    #[test]
    fn the_rfc_example_verifier_matches_its_challenge_and_nothing_else_does() {
        assert!(verifier_matches(VERIFIER, CHALLENGE));
        assert!(!verifier_matches(&VERIFIER.replace('d', "e"), CHALLENGE));
        assert!(!verifier_matches("short", CHALLENGE));
    }

    #[test]
    fn a_code_is_redeemed_once_and_a_replay_revokes_what_it_gave() {
        let mut identity = Identity::new(Lifetimes::default());
        let code = identity.issue_code(grant(), "http://127.0.0.1:1/", CHALLENGE);
        let tokens = identity.redeem_code(&code, "app", "http://127.0.0.1:1/", VERIFIER).unwrap();
        assert!(identity.check_access(Some(&tokens.access_token)).is_ok());
        let replay = identity.redeem_code(&code, "app", "http://127.0.0.1:1/", VERIFIER).unwrap_err();
        assert!(replay.description.starts_with("AADSTS54005"));
        assert_eq!(identity.check_access(Some(&tokens.access_token)).unwrap_err(), TokenProblem::Unknown);
    }

    #[test]
    fn a_wrong_verifier_or_redirect_uri_gets_no_token() {
        let mut identity = Identity::new(Lifetimes::default());
        let code = identity.issue_code(grant(), "http://127.0.0.1:1/", CHALLENGE);
        let wrong = "x".repeat(43);
        assert!(identity
            .redeem_code(&code, "app", "http://127.0.0.1:1/", &wrong)
            .unwrap_err()
            .description
            .starts_with("AADSTS501481"));
        assert!(identity
            .redeem_code(&code, "app", "http://127.0.0.1:2/", VERIFIER)
            .unwrap_err()
            .description
            .starts_with("AADSTS50148"));
    }

    #[test]
    fn refresh_tokens_rotate_and_end_with_the_session() {
        let mut identity = Identity::new(Lifetimes::default());
        let code = identity.issue_code(grant(), "r", CHALLENGE);
        let first = identity.redeem_code(&code, "app", "r", VERIFIER).unwrap();
        let second = identity.redeem_refresh(&first.refresh_token, "app").unwrap();
        assert!(identity.redeem_refresh(&first.refresh_token, "app").is_err(), "a spent refresh token is refused");
        identity.end_session("s1");
        assert!(identity.redeem_refresh(&second.refresh_token, "app").is_err(), "logout ends the refresh tokens");
    }

    #[test]
    fn a_renewed_refresh_token_keeps_the_end_of_the_first_sign_in() {
        let mut identity = Identity::new(Lifetimes::default());
        let code = identity.issue_code(grant(), "r", CHALLENGE);
        let first = identity.redeem_code(&code, "app", "r", VERIFIER).unwrap();
        let first_end = identity.refresh[&first.refresh_token].expires;
        let second = identity.redeem_refresh(&first.refresh_token, "app").unwrap();
        let third = identity.redeem_refresh(&second.refresh_token, "app").unwrap();
        assert_eq!(identity.refresh[&third.refresh_token].expires, first_end);
        identity.refresh.get_mut(&third.refresh_token).unwrap().expires = Instant::now();
        let refused = identity.redeem_refresh(&third.refresh_token, "app").unwrap_err();
        assert!(refused.description.starts_with("AADSTS700084"), "{}", refused.description);
    }

    #[test]
    fn expired_access_tokens_are_told_apart_from_unknown_ones() {
        let mut identity = Identity::new(Lifetimes::default());
        let code = identity.issue_code(grant(), "r", CHALLENGE);
        let tokens = identity.redeem_code(&code, "app", "r", VERIFIER).unwrap();
        identity.expire_access_tokens();
        assert_eq!(identity.check_access(Some(&tokens.access_token)).unwrap_err(), TokenProblem::Expired);
        assert_eq!(identity.check_access(Some("forged")).unwrap_err(), TokenProblem::Unknown);
        assert_eq!(identity.check_access(None).unwrap_err(), TokenProblem::Missing);
    }
}
