//! The tokens of a signed-in operator, what the ID token says about them, and when to
//! renew: plain Rust, kept in the page's memory only (never in Web Storage).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

/// Who is signed in, for the header.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}
