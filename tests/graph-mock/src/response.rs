//! What a Graph call answers, before it becomes HTTP (or an entry of a `$batch` answer).

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

#[derive(Debug, Clone)]
pub enum Body {
    Json(Value),
    /// Bytes that claim to be JSON but are not: the malformed-answer fault.
    Malformed(String),
    /// The connection drops once the headers are out.
    Dropped,
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Answer {
    pub fn ok(body: Value) -> Answer {
        Answer { status: 200, headers: vec![], body: Body::Json(body) }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Answer {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

/// A Graph error: status, `code` and `message`; the request ids are filled in when answered.
#[derive(Debug, Clone)]
pub struct GraphError {
    pub status: u16,
    pub code: String,
    pub message: String,
}

impl GraphError {
    pub fn new(status: u16, code: &str, message: &str) -> GraphError {
        GraphError { status, code: code.into(), message: message.into() }
    }

    pub fn bad_request(code: &str, message: &str) -> GraphError {
        GraphError::new(400, code, message)
    }

    pub fn not_found(code: &str, message: &str) -> GraphError {
        GraphError::new(404, code, message)
    }

    pub fn into_answer(self, request_id: &str, client_request_id: &str) -> Answer {
        Answer {
            status: self.status,
            headers: vec![],
            body: Body::Json(error_body(&self.code, &self.message, request_id, client_request_id)),
        }
    }
}

pub fn error_body(code: &str, message: &str, request_id: &str, client_request_id: &str) -> Value {
    json!({
        "error": {
            "code": code,
            "message": message,
            "innerError": {
                "date": OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or(OffsetDateTime::UNIX_EPOCH).format(&Rfc3339).unwrap_or_default(),
                "request-id": request_id,
                "client-request-id": client_request_id
            }
        }
    })
}
