//! Why a Graph call failed, with what an operator quotes in a support ticket.

use serde::Deserialize;

use super::scopes::{permission_for, Permission};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    /// Graph answered with this HTTP status.
    Http(u16),
    /// No answer: the connection failed or dropped.
    Network,
    /// An answer that is not the JSON Graph documents.
    Decode,
    /// The overall deadline passed.
    TimedOut,
    /// The sign-in expired and could not be renewed: the operator is sent to sign in again.
    SignInRequired,
    /// Graph's answer pointed at another host (`message` holds its origin): not followed, so
    /// the bearer token never goes there.
    ForeignHost,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphError {
    pub kind: FailureKind,
    /// Graph's `error.code`, e.g. `Authorization_RequestDenied`.
    pub code: Option<String>,
    pub message: String,
    /// Graph's `request-id`, from the error body or the response header.
    pub request_id: Option<String>,
    /// The id the portal sent as `client-request-id`.
    pub client_request_id: Option<String>,
    /// `Retry-After`, in whole seconds (a fractional value rounded up), when Graph sent one.
    pub retry_after: Option<u64>,
    /// The permission the refused call needs (set on 401/403).
    pub needed: Option<Permission>,
}

#[derive(Deserialize)]
struct ErrorEnvelope {
    error: ErrorBody,
}

#[derive(Deserialize)]
struct ErrorBody {
    code: Option<String>,
    message: Option<String>,
    #[serde(rename = "innerError", alias = "innererror")]
    inner_error: Option<InnerError>,
}

/// What Intune often puts in `message`: a JSON object serialised as a string.
#[derive(Deserialize)]
struct IntuneMessage {
    #[serde(rename = "Message")]
    message: String,
}

/// Graph's `message`, or the `Message` inside it when Intune wrapped one there.
fn readable_message(message: String) -> String {
    match serde_json::from_str::<IntuneMessage>(message.trim()) {
        Ok(inner) if !inner.message.trim().is_empty() => inner.message,
        _ => message,
    }
}

/// `Retry-After` in whole seconds: Graph may send a fraction (`2.128`), which is rounded up so
/// the wait is never shorter than asked. Read as digits rather than as a float: the float
/// parser's tables alone would weigh about 10 KB of the first load.
pub fn parse_retry_after(value: &str) -> Option<u64> {
    let value = value.trim();
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    // Only digits are left: a number too large for u64 is a very long wait, not no hint.
    let whole = if whole.is_empty() { 0 } else { whole.parse::<u64>().unwrap_or(u64::MAX) };
    Some(if fraction.bytes().any(|b| b != b'0') { whole.saturating_add(1) } else { whole })
}

#[derive(Deserialize)]
struct InnerError {
    #[serde(rename = "request-id", alias = "requestId")]
    request_id: Option<String>,
}

impl GraphError {
    pub fn new(kind: FailureKind, message: impl Into<String>) -> GraphError {
        GraphError {
            kind,
            code: None,
            message: message.into(),
            request_id: None,
            client_request_id: None,
            retry_after: None,
            needed: None,
        }
    }

    /// Names the permission of the call at `url` when Graph refused it.
    pub fn for_call(mut self, url: &str) -> GraphError {
        if self.is_refusal() {
            self.needed = permission_for(url);
        }
        self
    }

    /// 401 or 403: not a fault of Graph, a question of who is asking.
    pub fn is_refusal(&self) -> bool {
        matches!(self.kind, FailureKind::Http(401 | 403))
    }

    pub fn is_unauthenticated(&self) -> bool {
        self.kind == FailureKind::Http(401)
    }

    /// A non-2xx answer: Graph's error body when there is one, else the status alone.
    pub fn from_status(status: u16, body: &str, request_id_header: Option<String>) -> GraphError {
        let parsed = serde_json::from_str::<ErrorEnvelope>(body).ok().map(|envelope| envelope.error);
        let (code, message, body_request_id) = match parsed {
            Some(error) => (error.code, error.message, error.inner_error.and_then(|inner| inner.request_id)),
            None => (None, None, None),
        };
        GraphError {
            kind: FailureKind::Http(status),
            code,
            message: message.map(readable_message).unwrap_or_default(),
            request_id: body_request_id.or(request_id_header),
            client_request_id: None,
            retry_after: None,
            needed: None,
        }
    }

    /// Worth another try: throttling, a busy or timed-out gateway, or a lost connection.
    pub fn is_transient(&self) -> bool {
        matches!(self.kind, FailureKind::Network | FailureKind::Http(429 | 503 | 504))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_error_bodies_give_code_message_and_request_id() {
        let body = r#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"date":"2024-05-01T10:00:00","request-id":"5e1c-req","client-request-id":"5e1c-client"}}}"#;
        let error = GraphError::from_status(403, body, Some("header-id".into()));
        assert_eq!(error.kind, FailureKind::Http(403));
        assert_eq!(error.code.as_deref(), Some("Authorization_RequestDenied"));
        assert_eq!(error.message, "Insufficient privileges to complete the operation.");
        assert_eq!(error.request_id.as_deref(), Some("5e1c-req"));
        assert!(!error.is_transient());
    }

    #[test]
    fn an_older_error_shape_or_no_body_still_keeps_the_request_id() {
        let older = r#"{"error":{"code":"invalidRange","message":"m","innererror":{"requestId":"old-id"}}}"#;
        assert_eq!(GraphError::from_status(400, older, None).request_id.as_deref(), Some("old-id"));
        let html = GraphError::from_status(502, "<html>Bad gateway</html>", Some("hdr".into()));
        assert_eq!(html.request_id.as_deref(), Some("hdr"));
        assert_eq!(html.code, None);
    }

    #[test]
    fn the_message_intune_wraps_in_json_is_unwrapped_and_the_request_id_kept() {
        let body = r#"{"error":{"code":"Forbidden","message":"{\"_version\":3,\"Message\":\"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000\",\"CustomApiErrorPhrase\":\"\",\"RetryAfter\":null}","innerError":{"request-id":"r-9"}}}"#;
        let error = GraphError::from_status(403, body, None);
        assert_eq!(
            error.message,
            "An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000"
        );
        assert_eq!(error.request_id.as_deref(), Some("r-9"));
        for plain in ["{not json", "{\"Other\":1}", "Plain text."] {
            let body = serde_json::json!({"error": {"code": "x", "message": plain}}).to_string();
            assert_eq!(GraphError::from_status(400, &body, None).message, plain);
        }
    }

    #[test]
    fn retry_after_fractions_round_up_and_nonsense_is_ignored() {
        assert_eq!(parse_retry_after("2.128"), Some(3));
        assert_eq!(parse_retry_after(" 4 "), Some(4));
        assert_eq!(parse_retry_after("0"), Some(0));
        assert_eq!(parse_retry_after("0.5"), Some(1));
        assert_eq!(parse_retry_after(".5"), Some(1));
        assert_eq!(parse_retry_after("5."), Some(5));
        assert_eq!(parse_retry_after("2.000"), Some(2));
        // Beyond u64: the longest wait, which the retry policy's deadline turns into giving up.
        assert_eq!(parse_retry_after("99999999999999999999999"), Some(u64::MAX));
        assert_eq!(parse_retry_after("18446744073709551615.5"), Some(u64::MAX));
        for bad in ["", ".", "soon", "-1", "NaN", "inf", "1e3", "1.2.3", "Wed, 21 Oct 2015 07:28:00 GMT"] {
            assert_eq!(parse_retry_after(bad), None, "{bad}");
        }
    }

    #[test]
    fn throttling_and_gateway_failures_are_transient() {
        for status in [429, 503, 504] {
            assert!(GraphError::from_status(status, "", None).is_transient());
        }
        assert!(!GraphError::from_status(500, "", None).is_transient());
        assert!(GraphError::new(FailureKind::Network, "reset").is_transient());
    }
}
