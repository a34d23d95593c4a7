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
}

/// What is wrong with a `config.json`, each problem told to the administrator.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigProblem {
    Unreachable(String),
    NotJson(String),
    Missing(&'static str),
    BadUrl { field: &'static str, value: String },
    BadLanguage(String),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawConfig {
    graph_base_url: Option<String>,
    authority: Option<String>,
    client_id: Option<String>,
    scopes: Option<Vec<String>>,
    default_language: Option<String>,
    redirect_uri: Option<String>,
}

/// Checks a `config.json` text and lists every problem at once, so an administrator
/// fixes them in one go.
pub fn parse_config(text: &str) -> Result<Config, Vec<ConfigProblem>> {
    let raw: RawConfig = serde_json::from_str(text).map_err(|error| vec![ConfigProblem::NotJson(error.to_string())])?;
    let mut problems = Vec::new();
    let graph_base_url = required_url(&mut problems, "graphBaseUrl", raw.graph_base_url);
    let authority = required_url(&mut problems, "authority", raw.authority);
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
    match (graph_base_url, authority, client_id) {
        (Some(graph_base_url), Some(authority), Some(client_id)) if problems.is_empty() => {
            Ok(Config { graph_base_url, authority, client_id, scopes, default_language, redirect_uri })
        }
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
    fn text_that_is_not_json_is_named_as_such() {
        assert!(matches!(parse_config("<html>").unwrap_err()[0], ConfigProblem::NotJson(_)));
    }
}
