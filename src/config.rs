//! Runtime configuration, read from `config.json` at start-up so one build serves any tenant.

use crate::text::Lang;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Graph's root, without the version or a trailing slash: `https://graph.microsoft.com`.
    pub graph_base_url: String,
    /// The sign-in authority: `https://login.microsoftonline.com/{tenant}`.
    pub authority: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub default_language: Lang,
    /// The redirect URI registered for the app; by default the portal's own address.
    pub redirect_uri: Option<String>,
    /// Minutes without the operator's hand on any tab of the portal before it signs out.
    pub idle_timeout_minutes: f64,
}

/// The inactivity timeout when `config.json` sets none: a working day.
pub const DEFAULT_IDLE_TIMEOUT_MINUTES: f64 = 8.0 * 60.0;

/// What is wrong with a `config.json`, each problem told to the administrator.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigProblem {
    Unreachable(String),
    NotJson(String),
    Missing(&'static str),
    BadUrl {
        field: &'static str,
        value: String,
    },
    BadLanguage(String),
    /// `idleTimeoutMinutes` is not a number of minutes above zero.
    BadIdleTimeout(String),
    /// The authority is not on one of Entra's sign-in hosts and the configuration does not
    /// name its origin in `trustedAuthorityOrigin`.
    UnknownAuthority(String),
}

/// Microsoft Entra ID's sign-in hosts: the global service, US Government, and the China cloud
/// operated by 21Vianet (Microsoft's national-cloud endpoints; Azure Germany's closed in 2021).
pub const ENTRA_HOSTS: [&str; 3] =
    ["login.microsoftonline.com", "login.microsoftonline.us", "login.partner.microsoftonline.cn"];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawConfig {
    graph_base_url: Option<String>,
    authority: Option<String>,
    client_id: Option<String>,
    scopes: Option<Vec<String>>,
    default_language: Option<String>,
    redirect_uri: Option<String>,
    trusted_authority_origin: Option<String>,
    /// Kept as written, to quote it back when it is not a number of minutes.
    idle_timeout_minutes: Option<Box<serde_json::value::RawValue>>,
}

/// Checks a `config.json` text and lists every problem at once, so an administrator
/// fixes them in one go.
pub fn parse_config(text: &str) -> Result<Config, Vec<ConfigProblem>> {
    let raw: RawConfig = serde_json::from_str(text).map_err(|error| vec![ConfigProblem::NotJson(error.to_string())])?;
    let mut problems = Vec::new();
    let graph_base_url = required_url(&mut problems, "graphBaseUrl", raw.graph_base_url);
    let authority = required_url(&mut problems, "authority", raw.authority);
    if let Some(authority) = &authority {
        if !trusted_authority(authority, raw.trusted_authority_origin.as_deref()) {
            problems.push(ConfigProblem::UnknownAuthority(authority.clone()));
        }
    }
    let client_id = raw.client_id.filter(|id| !id.trim().is_empty());
    if client_id.is_none() {
        problems.push(ConfigProblem::Missing("clientId"));
    }
    let scopes: Vec<String> = raw.scopes.unwrap_or_default().into_iter().filter(|s| !s.trim().is_empty()).collect();
    if scopes.is_empty() {
        problems.push(ConfigProblem::Missing("scopes"));
    }
    let default_language = match raw.default_language.as_deref() {
        None | Some("") => Lang::En,
        Some(tag) => Lang::from_tag(tag).unwrap_or_else(|| {
            problems.push(ConfigProblem::BadLanguage(tag.to_string()));
            Lang::En
        }),
    };
    let redirect_uri = match raw.redirect_uri.filter(|uri| !uri.trim().is_empty()) {
        None => None,
        Some(uri) => {
            let parsed = web_origin_url(&uri).map(|_| uri.trim().to_string());
            if parsed.is_none() {
                problems.push(ConfigProblem::BadUrl { field: "redirectUri", value: uri });
            }
            parsed
        }
    };
    let idle_timeout_minutes = match raw.idle_timeout_minutes {
        None => DEFAULT_IDLE_TIMEOUT_MINUTES,
        Some(value) => serde_json::from_str::<f64>(value.get())
            .ok()
            .filter(|minutes| minutes.is_finite() && *minutes > 0.0)
            .unwrap_or_else(|| {
                problems.push(ConfigProblem::BadIdleTimeout(value.get().to_string()));
                DEFAULT_IDLE_TIMEOUT_MINUTES
            }),
    };
    match (graph_base_url, authority, client_id) {
        (Some(graph_base_url), Some(authority), Some(client_id)) if problems.is_empty() => Ok(Config {
            graph_base_url,
            authority,
            client_id,
            scopes,
            default_language,
            redirect_uri,
            idle_timeout_minutes,
        }),
        _ => Err(problems),
    }
}

/// https anywhere; http only on the operator's own machine (the demo and tests).
fn required_url(problems: &mut Vec<ConfigProblem>, field: &'static str, value: Option<String>) -> Option<String> {
    let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
        problems.push(ConfigProblem::Missing(field));
        return None;
    };
    let parsed = web_origin_url(&value);
    if parsed.is_none() {
        problems.push(ConfigProblem::BadUrl { field, value });
    }
    parsed
}

/// The operator's password is typed on the authority's pages and the tokens come from it: it
/// must be one of Entra's hosts over https on the default port, unless the configuration names
/// its origin on purpose (`trustedAuthorityOrigin`, the demo's stand-in).
fn trusted_authority(authority: &str, trusted_origin: Option<&str>) -> bool {
    let on_entra = authority.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or_default();
        ENTRA_HOSTS.iter().any(|entra| host.eq_ignore_ascii_case(entra))
    });
    let named = trusted_origin
        .map(|origin| origin.trim().trim_end_matches('/'))
        .filter(|origin| !origin.is_empty())
        .is_some_and(|origin| authority.strip_prefix(origin).is_some_and(|rest| rest.starts_with('/')));
    on_entra || named
}

/// `https://host[:port][/path]` (or http on loopback), without a trailing slash. A full URL
/// parser would weigh a third of the download for the two URLs the portal reads.
fn web_origin_url(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('/');
    let (secure, rest) = match text.split_once("://")? {
        ("https", rest) => (true, rest),
        ("http", rest) => (false, rest),
        _ => return None,
    };
    let host_and_port = rest.split('/').next()?;
    let host = match host_and_port.strip_prefix('[') {
        Some(v6) => &host_and_port[..v6.find(']')? + 2],
        None => host_and_port.split(':').next()?,
    };
    let port = host_and_port[host.len()..].strip_prefix(':');
    let host_ok =
        !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    let path_ok = rest.chars().all(|c| c.is_ascii_graphic()) && !rest.contains(['?', '#', '@']);
    let place_ok = secure || matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    (host_ok && port_ok && path_ok && place_ok).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../public/config.json");

    #[test]
    fn the_shipped_demo_config_is_valid() {
        let config = parse_config(DEMO).expect("public/config.json is valid");
        assert_eq!(config.graph_base_url, "http://127.0.0.1:8081");
        assert!(config.scopes.iter().any(|s| s.ends_with("DeviceManagementManagedDevices.Read.All")));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let problems =
            parse_config(r#"{"graphBaseUrl":"http://graph.example.com","scopes":[],"defaultLanguage":"de"}"#)
                .unwrap_err();
        assert_eq!(
            problems,
            vec![
                ConfigProblem::BadUrl { field: "graphBaseUrl", value: "http://graph.example.com".into() },
                ConfigProblem::Missing("authority"),
                ConfigProblem::Missing("clientId"),
                ConfigProblem::Missing("scopes"),
                ConfigProblem::BadLanguage("de".into()),
            ]
        );
    }

    #[test]
    fn urls_must_be_https_or_loopback_http() {
        assert_eq!(web_origin_url("https://graph.microsoft.com/"), Some("https://graph.microsoft.com".into()));
        assert_eq!(
            web_origin_url("https://login.microsoftonline.com/contoso.onmicrosoft.com"),
            Some("https://login.microsoftonline.com/contoso.onmicrosoft.com".into())
        );
        assert_eq!(web_origin_url("http://[::1]:8081"), Some("http://[::1]:8081".into()));
        for bad in [
            "http://graph.example.com",
            "ftp://x",
            "https://",
            "https://a b",
            "https://user@host",
            "https://host:port",
            "javascript:alert(1)",
        ] {
            assert_eq!(web_origin_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_authority_must_be_an_entra_host() {
        for entra in [
            "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            "https://login.microsoftonline.us/contoso.onmicrosoft.us",
            "https://login.partner.microsoftonline.cn/contoso.partner.onmschina.cn",
            "https://LOGIN.microsoftonline.com/organizations",
        ] {
            assert!(trusted_authority(entra, None), "{entra}");
        }
        for other in [
            "https://login.microsoftonline.com.evil.example/contoso",
            "https://login.microsoftonline.com:8443/contoso",
            "https://evil.example/login.microsoftonline.com/contoso",
            "https://login.microsoftonline.de/contoso",
            "http://127.0.0.1:8081/contoso.onmicrosoft.com",
        ] {
            assert!(!trusted_authority(other, None), "{other}");
        }
    }

    #[test]
    fn another_authority_only_when_the_config_names_its_origin() {
        let stand_in = "http://127.0.0.1:8081/contoso.onmicrosoft.com";
        assert!(trusted_authority(stand_in, Some("http://127.0.0.1:8081")));
        assert!(trusted_authority(stand_in, Some("http://127.0.0.1:8081/")));
        assert!(!trusted_authority(stand_in, Some("http://127.0.0.1:80")), "the port is part of the origin");
        assert!(!trusted_authority(stand_in, Some("http://127.0.0.1:8081/other")));
        assert!(!trusted_authority(stand_in, Some("")));
        let text = |trusted: &str| {
            format!(
                r#"{{"graphBaseUrl":"https://graph.microsoft.com","authority":"https://sts.example.com/t","clientId":"c","scopes":["s"]{trusted}}}"#
            )
        };
        assert_eq!(
            parse_config(&text("")).unwrap_err(),
            vec![ConfigProblem::UnknownAuthority("https://sts.example.com/t".into())]
        );
        assert!(parse_config(&text(r#","trustedAuthorityOrigin":"https://sts.example.com""#)).is_ok());
    }

    #[test]
    fn the_idle_timeout_is_a_working_day_unless_set_to_some_minutes() {
        let with = |extra: &str| {
            parse_config(&format!(
                r#"{{"graphBaseUrl":"https://graph.microsoft.com","authority":"https://login.microsoftonline.com/t","clientId":"c","scopes":["s"]{extra}}}"#
            ))
        };
        assert_eq!(with("").unwrap().idle_timeout_minutes, 480.0);
        assert_eq!(with(r#","idleTimeoutMinutes":15"#).unwrap().idle_timeout_minutes, 15.0);
        assert_eq!(with(r#","idleTimeoutMinutes":0.1"#).unwrap().idle_timeout_minutes, 0.1);
        assert_eq!(with(r#","idleTimeoutMinutes":null"#).unwrap().idle_timeout_minutes, 480.0, "null is not set");
        for bad in ["0", "-5", r#""15""#, "[]"] {
            assert_eq!(
                with(&format!(r#","idleTimeoutMinutes":{bad}"#)).unwrap_err(),
                vec![ConfigProblem::BadIdleTimeout(bad.to_string())],
                "{bad}"
            );
        }
    }

    #[test]
    fn text_that_is_not_json_is_named_as_such() {
        assert!(matches!(parse_config("<html>").unwrap_err()[0], ConfigProblem::NotJson(_)));
    }
}
