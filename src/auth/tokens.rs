//! The tokens of a signed-in operator, what the ID token says about them, and when to
//! renew: plain Rust. The refresh token stays in the page's memory; the access token is also
//! kept for this tab ([`TabAccess`], README: Security), so that a reload needs no sign-in.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// Who is signed in, for the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operator {
    pub name: String,
    pub username: String,
    pub tenant_id: String,
}

impl Operator {
    /// The tenant as operators know it: the domain of their sign-in name, else its id.
    pub fn tenant(&self) -> &str {
        self.username.rsplit_once('@').map_or(self.tenant_id.as_str(), |(_, domain)| domain)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TokenSet {
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// Milliseconds since the epoch.
    pub expires_at_ms: f64,
    pub lifetime_ms: f64,
    /// Granted scopes as the token endpoint listed them.
    pub scopes: Vec<String>,
    pub operator: Operator,
}

/// Renew this long before expiry: a fifth of the lifetime, at most five minutes.
const MAX_MARGIN_MS: f64 = 5.0 * 60.0 * 1000.0;

impl TokenSet {
    pub fn renew_at_ms(&self) -> f64 {
        self.expires_at_ms - (self.lifetime_ms / 5.0).min(MAX_MARGIN_MS)
    }

    pub fn needs_renewal(&self, now_ms: f64) -> bool {
        now_ms >= self.renew_at_ms()
    }

    /// How long to wait before renewing in the background; none without a refresh token (the
    /// operator then signs in again when the token ends). A renewal already due waits 0 ms.
    pub fn renewal_timer_ms(&self, now_ms: f64) -> Option<u32> {
        self.refresh_token.as_ref()?;
        Some((self.renew_at_ms() - now_ms).clamp(0.0, f64::from(i32::MAX)) as u32)
    }
}

/// The access token as this tab keeps it across a reload (sessionStorage): never the refresh
/// or ID token, so what a script could take from storage ends with the access token's hour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TabAccess {
    access_token: String,
    #[serde(serialize_with = "whole_ms")]
    expires_at_ms: f64,
    #[serde(serialize_with = "whole_ms")]
    lifetime_ms: f64,
    scopes: Vec<String>,
    operator: Operator,
}

/// Milliseconds are whole here (the clock's and `expires_in`'s): written as integers, so that
/// keeping the token needs no float formatting in the first load. Read back as floats, which
/// also reads what earlier versions wrote.
fn whole_ms<S: serde::Serializer>(ms: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64(ms.max(0.0) as u64)
}

impl TabAccess {
    pub fn of(tokens: &TokenSet) -> TabAccess {
        TabAccess {
            access_token: tokens.access_token.clone(),
            expires_at_ms: tokens.expires_at_ms,
            lifetime_ms: tokens.lifetime_ms,
            scopes: tokens.scopes.clone(),
            operator: tokens.operator.clone(),
        }
    }

    fn issued_at_ms(&self) -> f64 {
        self.expires_at_ms - self.lifetime_ms
    }

    /// The tokens a reloaded page may use without signing in, if any: not due for renewal
    /// (there is no refresh token to renew them with), issued after the last sign-out of any
    /// tab (a tab asleep then never heard of it), and less than `idle_timeout_ms` ago (an
    /// operator idle that long would have been signed out).
    pub fn resume(self, now_ms: f64, last_sign_out_ms: f64, idle_timeout_ms: f64) -> Option<TokenSet> {
        let issued = self.issued_at_ms();
        let tokens = TokenSet {
            access_token: self.access_token,
            refresh_token: None,
            expires_at_ms: self.expires_at_ms,
            lifetime_ms: self.lifetime_ms,
            scopes: self.scopes,
            operator: self.operator,
        };
        let fresh = issued > last_sign_out_ms && now_ms - issued < idle_timeout_ms && !tokens.needs_renewal(now_ms);
        fresh.then_some(tokens)
    }
}

#[derive(Deserialize)]
struct IdClaims {
    name: Option<String>,
    preferred_username: Option<String>,
    tid: Option<String>,
}

/// The operator named by an ID token received straight from the token endpoint (so TLS,
/// not the signature, vouches for it: OpenID Connect Core 3.1.3.7).
pub fn operator_from_id_token(id_token: &str) -> Option<Operator> {
    let payload = id_token.split('.').nth(1)?;
    let claims: IdClaims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?).ok()?;
    let username = claims.preferred_username.unwrap_or_default();
    Some(Operator {
        name: claims.name.unwrap_or_else(|| username.clone()),
        username,
        tenant_id: claims.tid.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_token(claims: &str) -> String {
        format!("eyJhbGciOiJub25lIn0.{}.", URL_SAFE_NO_PAD.encode(claims))
    }

    #[test]
    fn the_id_token_gives_name_and_tenant() {
        let operator = operator_from_id_token(&id_token(
            r#"{"name":"Isaiah Langer","preferred_username":"IsaiahL@contoso.onmicrosoft.com","tid":"0b28"}"#,
        ))
        .unwrap();
        assert_eq!(operator.name, "Isaiah Langer");
        assert_eq!(operator.tenant(), "contoso.onmicrosoft.com");
        let bare = operator_from_id_token(&id_token(r#"{"tid":"0b28"}"#)).unwrap();
        assert_eq!(bare.tenant(), "0b28");
        assert_eq!(operator_from_id_token("not-a-token"), None);
        assert_eq!(operator_from_id_token("a.!!!.b"), None);
    }

    #[test]
    fn renewal_comes_before_expiry() {
        let hour = TokenSet {
            access_token: "a".into(),
            refresh_token: None,
            expires_at_ms: 3_600_000.0,
            lifetime_ms: 3_600_000.0,
            scopes: vec![],
            operator: Operator { name: String::new(), username: String::new(), tenant_id: String::new() },
        };
        assert_eq!(hour.renew_at_ms(), 3_300_000.0, "five minutes before an hour-long token ends");
        assert!(!hour.needs_renewal(3_000_000.0));
        assert!(hour.needs_renewal(3_300_000.0));
        let short = TokenSet { expires_at_ms: 10_000.0, lifetime_ms: 10_000.0, ..hour.clone() };
        assert_eq!(short.renew_at_ms(), 8_000.0, "a fifth of a short lifetime");
        assert_eq!(short.renewal_timer_ms(0.0), None, "no refresh token, no background renewal");
        let renewable = TokenSet { refresh_token: Some("r".into()), ..short };
        assert_eq!(renewable.renewal_timer_ms(1_000.0), Some(7_000));
        assert_eq!(renewable.renewal_timer_ms(9_000.0), Some(0), "already due: at once");
        let far = TokenSet { expires_at_ms: 1e13, lifetime_ms: 1e13, ..renewable };
        assert_eq!(far.renewal_timer_ms(0.0), Some(i32::MAX as u32), "a timer cannot wait longer");
    }

    #[test]
    fn a_reload_resumes_only_a_fresh_access_token_issued_since_the_last_sign_out() {
        let issued_at_1000 = TokenSet {
            access_token: "a".into(),
            refresh_token: Some("r".into()),
            expires_at_ms: 3_601_000.0,
            lifetime_ms: 3_600_000.0,
            scopes: vec!["User.Read.All".into()],
            operator: Operator { name: "I".into(), username: "i@c".into(), tenant_id: "t".into() },
        };
        let kept = TabAccess::of(&issued_at_1000);
        let text = serde_json::to_string(&kept).unwrap();
        assert!(!text.contains("\"r\""), "the refresh token is never kept: {text}");
        let kept: TabAccess = serde_json::from_str(&text).unwrap();
        let eight_hours = 8.0 * 3_600_000.0;

        let resumed = kept.clone().resume(60_000.0, 0.0, eight_hours).unwrap();
        assert_eq!(resumed.access_token, "a");
        assert_eq!(resumed.refresh_token, None);
        assert_eq!(resumed.scopes, issued_at_1000.scopes);
        assert_eq!(kept.clone().resume(60_000.0, 2_000.0, eight_hours), None, "signed out after it was issued");
        assert_eq!(kept.clone().resume(3_400_000.0, 0.0, eight_hours), None, "due for renewal");
        assert_eq!(kept.resume(700_000.0, 0.0, 600_000.0), None, "older than the idle timeout");
    }
}
