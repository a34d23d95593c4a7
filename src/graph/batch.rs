//! JSON batching: the independent calls behind one view go out as `$batch` requests of at
//! most 20; the answers come back in any order and are matched by id.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::error::{parse_retry_after, FailureKind, GraphError};

pub const MAX_BATCH: usize = 20;

/// One call inside a batch. `url` is relative to the version: `/users/{id}/licenseDetails`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchStep {
    pub id: String,
    pub method: &'static str,
    pub url: String,
}

impl BatchStep {
    pub fn get(id: impl Into<String>, url: impl Into<String>) -> BatchStep {
        BatchStep { id: id.into(), method: "GET", url: url.into() }
    }
}

/// A `$batch` request's body.
#[derive(Serialize)]
pub struct BatchRequest<'a> {
    pub requests: &'a [BatchStep],
}

/// An `@odata.nextLink` (a whole URL below `base`, Graph's root) as a step URL, relative to
/// its version, so the next pages of several lists can go out in one `$batch`; `None` for a
/// link that is not below `base` and a version.
pub fn step_url(base: &str, next_link: &str) -> Option<String> {
    let below = next_link.strip_prefix(base)?;
    ["/v1.0/", "/beta/"].iter().find_map(|version| below.strip_prefix(version).map(|rest| format!("/{rest}")))
}

/// Splits steps into `$batch` bodies of at most 20, Graph's limit.
pub fn plan_batches(steps: &[BatchStep]) -> Vec<Vec<BatchStep>> {
    steps.chunks(MAX_BATCH).map(<[BatchStep]>::to_vec).collect()
}

/// A step's body as the text Graph sent, not decoded yet: each page is decoded once, by the
/// section that shows it, straight from this text.
pub type JsonText = Box<RawValue>;

/// The answer to one step.
#[derive(Debug, Clone)]
pub struct StepAnswer {
    pub id: String,
    pub status: u16,
    pub retry_after: Option<u64>,
    pub request_id: Option<String>,
    pub body: JsonText,
}

impl StepAnswer {
    /// The step's result: its body, or the Graph error it carries.
    pub fn into_result(self) -> Result<JsonText, GraphError> {
        if (200..300).contains(&self.status) {
            // Every call the portal batches answers a JSON object; anything else is unreadable,
            // and the operator still gets the request id to quote.
            return if self.body.get().starts_with('{') {
                Ok(self.body)
            } else {
                Err(GraphError {
                    request_id: self.request_id,
                    ..GraphError::new(FailureKind::Decode, "the answer is not a JSON object")
                })
            };
        }
        let mut error = GraphError::from_status(self.status, self.body.get(), self.request_id);
        error.retry_after = self.retry_after;
        Err(error)
    }

    pub fn is_transient(&self) -> bool {
        matches!(self.status, 429 | 503 | 504)
    }
}

/// A `$batch` answer as sent: the small fields read, each body kept as text.
#[derive(Deserialize)]
struct Envelope {
    responses: Option<Vec<Response>>,
}

#[derive(Deserialize)]
struct Response {
    id: Option<Value>,
    status: Option<Value>,
    headers: Option<serde_json::Map<String, Value>>,
    body: Option<JsonText>,
}

/// Reads a `$batch` answer (responses in any order).
pub fn parse_batch_answer(body: &str) -> Result<Vec<StepAnswer>, GraphError> {
    let decode = |reason: &str| GraphError::new(FailureKind::Decode, reason.to_string());
    let envelope: Envelope = serde_json::from_str(body).map_err(|e| decode(&e.to_string()))?;
    let responses = envelope.responses.ok_or_else(|| decode("the $batch answer has no \"responses\" list"))?;
    let mut answers = Vec::with_capacity(responses.len());
    for response in responses {
        let Some(Value::String(id)) = response.id else { continue };
        let header = |name: &str| {
            response.headers.as_ref().and_then(|map| {
                map.iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(name))
                    .and_then(|(_, value)| value.as_str().map(str::to_string))
            })
        };
        answers.push(StepAnswer {
            status: response.status.as_ref().and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok()).unwrap_or(0),
            retry_after: header("Retry-After").as_deref().and_then(parse_retry_after),
            request_id: header("request-id"),
            id,
            body: response.body.unwrap_or_else(null),
        });
    }
    Ok(answers)
}

/// A missing body reads as `null`.
fn null() -> JsonText {
    RawValue::from_string("null".into()).expect("null is JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_next_link_becomes_a_step_url_below_its_version() {
        let base = "https://graph.microsoft.com";
        assert_eq!(
            step_url(base, "https://graph.microsoft.com/beta/deviceManagement/configurationPolicies?$skiptoken=x")
                .as_deref(),
            Some("/deviceManagement/configurationPolicies?$skiptoken=x")
        );
        assert_eq!(step_url(base, "https://graph.microsoft.com/other"), None);
        assert_eq!(step_url(base, "https://example.com/v1.0/users"), None, "another host is not Graph");
    }

    fn steps(n: usize) -> Vec<BatchStep> {
        (0..n).map(|i| BatchStep::get(i.to_string(), format!("/users/{i}"))).collect()
    }

    #[test]
    fn batches_hold_at_most_twenty_steps() {
        let sizes: Vec<usize> = plan_batches(&steps(45)).iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![20, 20, 5]);
        assert!(plan_batches(&[]).is_empty());
    }

    #[test]
    fn answers_in_any_order_are_matched_by_id_with_their_errors() {
        let body = r#"{"responses":[
            {"id":"2","status":429,"headers":{"Retry-After":"7","request-id":"r2"},"body":{"error":{"code":"TooManyRequests","message":"slow down"}}},
            {"id":"1","status":200,"headers":{},"body":{"value":[]}},
            {"id":"3","status":503,"headers":{"retry-after":"2.128"},"body":null}
        ]}"#;
        let answers = parse_batch_answer(body).unwrap();
        let by_id = |id: &str| answers.iter().find(|a| a.id == id).unwrap().clone();
        assert!(by_id("1").into_result().is_ok());
        let throttled = by_id("2").into_result().unwrap_err();
        assert_eq!(
            (throttled.kind, throttled.retry_after, throttled.request_id.as_deref()),
            (FailureKind::Http(429), Some(7), Some("r2"))
        );
        assert_eq!(
            by_id("3").into_result().unwrap_err().retry_after,
            Some(3),
            "a fractional Retry-After is rounded up"
        );
    }

    #[test]
    fn a_step_page_is_decoded_from_the_text_graph_sent() {
        let body = r#"{"responses":[{"id":"g","status":200,"body":  {"value":[{"id":"a","displayName":"Sales"}, {"id":7}],
            "@odata.nextLink":"https://graph.microsoft.com/v1.0/next"}}]}"#;
        let text = parse_batch_answer(body).unwrap().remove(0).into_result().unwrap();
        let page = crate::graph::models::decode_page::<crate::graph::models::DirectoryObject>(text.get()).unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!((page.skipped.len(), page.next_link.as_deref()), (1, Some("https://graph.microsoft.com/v1.0/next")));
    }

    #[test]
    fn an_unreadable_step_answer_keeps_its_request_id() {
        let body =
            r#"{"responses":[{"id":"1","status":200,"headers":{"request-id":"r1"},"body":"{\"value\": [ oops"}]}"#;
        let error = parse_batch_answer(body).unwrap().remove(0).into_result().unwrap_err();
        assert_eq!((error.kind, error.request_id.as_deref()), (FailureKind::Decode, Some("r1")));
    }

    #[test]
    fn the_request_body_is_graph_shaped() {
        let steps = [BatchStep::get("1", "/users/a/licenseDetails")];
        let body = serde_json::to_string(&BatchRequest { requests: &steps }).unwrap();
        assert_eq!(body, r#"{"requests":[{"id":"1","method":"GET","url":"/users/a/licenseDetails"}]}"#);
    }
}
