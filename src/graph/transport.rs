//! Graph over the browser's fetch: request ids, retries, paging and `$batch`.

use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::join;
use gloo_net::http::{Request, RequestBuilder};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use web_sys::AbortSignal;

use super::batch::{parse_batch_answer, plan_batches, step_url, BatchRequest, BatchStep, JsonText, StepAnswer};
use super::credentials::Credentials;
use super::error::{parse_retry_after, FailureKind, GraphError};
use super::models::{decode_one, Page, PageText};
use super::retry::{with_retries, Clock, RetryNotice, RetryPolicy};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiVersion {
    V1,
    Beta,
}

impl ApiVersion {
    fn segment(self) -> &'static str {
        match self {
            ApiVersion::V1 => "v1.0",
            ApiVersion::Beta => "beta",
        }
    }
}

/// What the operator is told while a call waits or pages arrive.
pub type Progress = Rc<dyn Fn(ProgressEvent)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressEvent {
    Retrying(RetryNotice),
    /// Items received so far, and the total when Graph said it.
    Paging {
        received: usize,
        total: Option<u64>,
    },
}

/// A page decoded from its text 200 items at a time, giving the browser back before each slice:
/// two long lists paging in together, or a `$batch` that brought a long first page beside the
/// view's other sections, must not hold each other (or the operator's typing) up. A page of
/// 200 items or fewer is decoded at once, in the task that read it.
async fn decode_in_slices<T: DeserializeOwned>(text: &PageText<'_>) -> Page<T> {
    const SLICE: usize = 200;
    let mut page = text.start();
    for start in (0..text.len()).step_by(SLICE) {
        // Before the first slice too when there are several: the page was split into its
        // items in the task before (see `decode_page_in_slices`).
        if text.len() > SLICE {
            BrowserClock.sleep(0).await;
        }
        text.decode_into(start..(start + SLICE).min(text.len()), &mut page);
    }
    page
}

/// A page's text split into its items, then decoded a slice at a time (`decode_in_slices`). A
/// large page is split in a task of its own: its answer was read, or split from a `$batch`, in
/// the task before (a page of 1,000 devices: 10–20 ms each).
pub async fn decode_page_in_slices<T: DeserializeOwned>(body: &str) -> Result<Page<T>, GraphError> {
    if body.len() > LARGE_ANSWER_BYTES {
        BrowserClock.sleep(0).await;
    }
    Ok(decode_in_slices(&PageText::split(body)?).await)
}

/// The browser's clock for the retry loop.
struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    async fn sleep(&self, ms: u64) {
        gloo_timers::future::TimeoutFuture::new(ms.min(u64::from(u32::MAX)) as u32).await;
    }

    fn jitter(&self) -> f64 {
        js_sys::Math::random()
    }
}

/// `scheme://host[:port]` of a URL, to name where a refused link pointed.
fn origin_of(url: &str) -> String {
    let host_start = url.find("://").map_or(0, |i| i + 3);
    let end = url[host_start..].find(['/', '?', '#']).map_or(url.len(), |i| host_start + i);
    url[..end].to_string()
}

/// Answers to the steps of `$batch`, by step id.
pub type BatchAnswers = HashMap<String, Result<JsonText, GraphError>>;

fn json_text(body: &str) -> Result<JsonText, GraphError> {
    RawValue::from_string(body.to_string()).map_err(|e| GraphError::new(FailureKind::Decode, e.to_string()))
}

#[derive(Clone)]
pub struct GraphClient {
    base: Arc<str>,
    policy: RetryPolicy,
    /// The browser is single-threaded; the wrapper lets the client live in Leptos' context.
    credentials: Option<SendWrapper<Rc<dyn Credentials>>>,
}

struct RawAnswer {
    body: String,
    request_id: Option<String>,
}

impl RawAnswer {
    /// An answer that cannot be read keeps its request id, for the operator to quote.
    fn unreadable(&self, error: GraphError) -> GraphError {
        GraphError { request_id: self.request_id.clone(), ..error }
    }

    fn decode<T>(&self, decode: impl FnOnce(&str) -> Result<T, GraphError>) -> Result<T, GraphError> {
        decode(&self.body).map_err(|error| self.unreadable(error))
    }
}

impl GraphClient {
    pub fn new(base: &str) -> GraphClient {
        GraphClient { base: base.trim_end_matches('/').into(), policy: RetryPolicy::default(), credentials: None }
    }

    /// Calls carry a bearer token from `credentials`.
    pub fn with_credentials(self, credentials: Rc<dyn Credentials>) -> GraphClient {
        GraphClient { credentials: Some(SendWrapper::new(credentials)), ..self }
    }

    /// Refuses a URL outside the configured Graph root (an `@odata.nextLink` Graph, or whatever
    /// stands in its way, pointed elsewhere): the bearer token goes to Graph and nowhere else.
    fn check_graph(&self, url: &str) -> Result<(), GraphError> {
        if url.strip_prefix(&*self.base).is_some_and(|rest| rest.starts_with('/')) {
            Ok(())
        } else {
            Err(GraphError::new(FailureKind::ForeignHost, origin_of(url)))
        }
    }

    /// An `@odata.nextLink` as a `$batch` step URL (see [`step_url`]), refused off Graph's root.
    pub fn step_url(&self, next_link: &str) -> Result<String, GraphError> {
        self.check_graph(next_link)?;
        step_url(&self.base, next_link).ok_or_else(|| GraphError::new(FailureKind::Decode, "unusable nextLink"))
    }

    /// Runs `call` with a token; on 401 renews the token once and tries again, and if Graph
    /// still refuses, has the operator sign in again. A URL off Graph's root is refused first.
    async fn authorized<T, Call, Fut>(&self, url: &str, call: Call) -> Result<T, GraphError>
    where
        Call: Fn(Option<String>) -> Fut,
        Fut: Future<Output = Result<T, GraphError>>,
    {
        self.check_graph(url)?;
        let Some(credentials) = &self.credentials else {
            return call(None).await.map_err(|error| error.for_call(url));
        };
        let token = credentials.token().await?;
        let answer = match call(Some(token.clone())).await {
            Err(error) if error.is_unauthenticated() => {
                let fresh = credentials.renew(token).await?;
                let again = call(Some(fresh)).await;
                if again.as_ref().is_err_and(GraphError::is_unauthenticated) {
                    credentials.sign_in_again();
                }
                again
            }
            other => other,
        };
        answer.map_err(|error| error.for_call(url))
    }

    /// The whole URL of a call such as `/users/{id}/managedDevices`.
    pub fn url(&self, version: ApiVersion, path: &str) -> String {
        format!("{}/{}{}", self.base, version.segment(), path)
    }

    fn client_request_id() -> String {
        web_sys::window().and_then(|window| window.crypto().ok()).map(|crypto| crypto.random_uuid()).unwrap_or_default()
    }

    /// One try: no retry, no decoding beyond telling success from a Graph error.
    async fn send_once(
        &self,
        builder: RequestBuilder,
        token: Option<&str>,
        signal: Option<&AbortSignal>,
        body: Option<&str>,
    ) -> Result<RawAnswer, GraphError> {
        let client_request_id = Self::client_request_id();
        let timeout = AbortSignal::timeout_with_u32(self.policy.attempt_timeout_ms);
        let signal = match signal {
            Some(cancel) => AbortSignal::any(&js_sys::Array::of2(cancel, &timeout)),
            None => timeout.clone(),
        };
        // Graph's answers hold tenant data: never kept in the browser's HTTP cache.
        let mut builder = builder
            .header("client-request-id", &client_request_id)
            .cache(web_sys::RequestCache::NoStore)
            .abort_signal(Some(&signal));
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => builder.header("Content-Type", "application/json").body(body.to_string()),
            None => builder.build(),
        };
        let network = |error: gloo_net::Error| {
            let message = if timeout.aborted() {
                format!("no answer within {} s", self.policy.attempt_timeout_ms / 1_000)
            } else {
                error.to_string()
            };
            GraphError {
                client_request_id: Some(client_request_id.clone()),
                ..GraphError::new(FailureKind::Network, message)
            }
        };
        let response = request.map_err(network)?.send().await.map_err(network)?;
        let request_id = response.headers().get("request-id");
        let retry_after = response.headers().get("Retry-After").as_deref().and_then(parse_retry_after);
        // Bytes, not text: a JS string would be decoded from UTF-8 and encoded back into wasm
        // memory, which for a page of a thousand devices is most of a frame.
        let bytes = response.binary().await.map_err(network)?;
        let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        if response.ok() {
            return Ok(RawAnswer { body: text, request_id });
        }
        let mut error = GraphError::from_status(response.status(), &text, request_id);
        error.retry_after = retry_after;
        error.client_request_id = Some(client_request_id);
        Err(error)
    }

    async fn get_raw(
        &self,
        url: &str,
        eventual: bool,
        signal: Option<&AbortSignal>,
        progress: &Progress,
    ) -> Result<RawAnswer, GraphError> {
        self.authorized(url, |token| async move {
            let notice = |n: RetryNotice| progress(ProgressEvent::Retrying(n));
            with_retries(&self.policy, &BrowserClock, notice, || {
                let mut builder = Request::get(url);
                if eventual {
                    builder = builder.header("ConsistencyLevel", "eventual");
                }
                self.send_once(builder, token.as_deref(), signal, None)
            })
            .await
        })
        .await
    }

    /// A single resource.
    pub async fn get<T: DeserializeOwned>(
        &self,
        version: ApiVersion,
        path: &str,
        signal: Option<&AbortSignal>,
        progress: &Progress,
    ) -> Result<T, GraphError> {
        self.get_raw(&self.url(version, path), false, signal, progress).await?.decode(decode_one)
    }

    /// A documented action that only reads (a log download link): `POST` without a body,
    /// answered with `{"value": …}`.
    pub async fn read_action<T: DeserializeOwned>(
        &self,
        version: ApiVersion,
        path: &str,
        progress: &Progress,
    ) -> Result<T, GraphError> {
        #[derive(serde::Deserialize)]
        struct Value<T> {
            value: T,
        }
        let url = self.url(version, path);
        let raw = self
            .authorized(&url, |token| {
                let url = &url;
                async move {
                    let notice = |n: RetryNotice| progress(ProgressEvent::Retrying(n));
                    with_retries(&self.policy, &BrowserClock, notice, || {
                        self.send_once(Request::post(url), token.as_deref(), None, None)
                    })
                    .await
                }
            })
            .await?;
        raw.decode(decode_one::<Value<T>>).map(|answer| answer.value)
    }

    /// The first page of a collection.
    pub async fn first_page<T: DeserializeOwned>(
        &self,
        version: ApiVersion,
        path: &str,
        eventual: bool,
        signal: Option<&AbortSignal>,
        progress: &Progress,
    ) -> Result<Page<T>, GraphError> {
        self.page_at(&self.url(version, path), eventual, signal, progress).await
    }

    /// The page an `@odata.nextLink` points to (a whole URL), resending `ConsistencyLevel`.
    pub async fn next_page<T: DeserializeOwned>(
        &self,
        next_link: &str,
        eventual: bool,
        signal: Option<&AbortSignal>,
        progress: &Progress,
    ) -> Result<Page<T>, GraphError> {
        self.page_at(next_link, eventual, signal, progress).await
    }

    /// One page, decoded a slice at a time (see [`decode_page_in_slices`]).
    async fn page_at<T: DeserializeOwned>(
        &self,
        url: &str,
        eventual: bool,
        signal: Option<&AbortSignal>,
        progress: &Progress,
    ) -> Result<Page<T>, GraphError> {
        let raw = self.get_raw(url, eventual, signal, progress).await?;
        decode_page_in_slices(&raw.body).await.map_err(|error| raw.unreadable(error))
    }

    /// Sends independent calls as `$batch` requests of at most 20; throttled steps are
    /// resent after the longest `Retry-After`; if `$batch` itself keeps failing, each call
    /// goes out on its own. Answers are keyed by step id.
    pub async fn batch(
        &self,
        version: ApiVersion,
        steps: Vec<BatchStep>,
        signal: Option<&AbortSignal>,
        progress: &Progress,
    ) -> BatchAnswers {
        let mut results = HashMap::new();
        for chunk in plan_batches(&steps) {
            self.run_batch(version, chunk, signal, progress, &mut results).await;
        }
        results
    }

    /// The v1.0 and the beta steps as two `$batch` requests side by side; `then` gets each
    /// version's answers as soon as they arrive, so what one brought is shown while the other
    /// is still out.
    pub async fn batch_each_version<Then, Shown>(
        &self,
        steps: impl Fn(ApiVersion) -> Vec<BatchStep>,
        signal: Option<&AbortSignal>,
        progress: &Progress,
        then: Then,
    ) where
        Then: Fn(ApiVersion, BatchAnswers) -> Shown,
        Shown: Future<Output = ()>,
    {
        let then = &then;
        let each = |version: ApiVersion| {
            let steps = steps(version);
            async move { then(version, self.batch(version, steps, signal, progress).await).await }
        };
        join(each(ApiVersion::V1), each(ApiVersion::Beta)).await;
    }

    async fn run_batch(
        &self,
        version: ApiVersion,
        pending: Vec<BatchStep>,
        signal: Option<&AbortSignal>,
        progress: &Progress,
        results: &mut BatchAnswers,
    ) {
        let url = self.url(version, "/$batch");
        let send = |body: String| {
            let url = &url;
            async move {
                let raw = self
                    .authorized(url, |token| {
                        let body = &body;
                        async move {
                            let notice = |n: RetryNotice| progress(ProgressEvent::Retrying(n));
                            with_retries(&self.policy, &BrowserClock, notice, || {
                                self.send_once(Request::post(url), token.as_deref(), signal, Some(body))
                            })
                            .await
                        }
                    })
                    .await?;
                Ok(raw.body)
            }
        };
        let alone = |steps| self.one_by_one(version, steps, signal, progress);
        batch_rounds(&self.policy, &BrowserClock, pending, progress, send, alone, results).await;
    }

    async fn one_by_one(
        &self,
        version: ApiVersion,
        steps: Vec<BatchStep>,
        signal: Option<&AbortSignal>,
        progress: &Progress,
    ) -> BatchAnswers {
        let calls = steps.into_iter().map(|step| async move {
            let result = self
                .get_raw(&self.url(version, &step.url), false, signal, progress)
                .await
                .and_then(|raw| raw.decode(json_text));
            (step.id, result)
        });
        futures::future::join_all(calls).await.into_iter().collect()
    }
}

/// An answer's size above which it is split into its steps in a task of its own.
const LARGE_ANSWER_BYTES: usize = 256 * 1024;

/// The rounds of one `$batch` of at most 20 steps: `send` posts a request body and returns
/// the answer's text (retrying the whole request under the policy); steps Graph throttles are
/// resent together after the longest `Retry-After`; a refusal fails every step; a `$batch`
/// that keeps failing hands its steps to `one_by_one`.
async fn batch_rounds<Send, Sent, Alone, Answered>(
    policy: &RetryPolicy,
    clock: &impl Clock,
    mut pending: Vec<BatchStep>,
    progress: &Progress,
    send: Send,
    one_by_one: Alone,
    results: &mut BatchAnswers,
) where
    Send: Fn(String) -> Sent,
    Sent: Future<Output = Result<String, GraphError>>,
    Alone: FnOnce(Vec<BatchStep>) -> Answered,
    Answered: Future<Output = BatchAnswers>,
{
    let started = clock.now_ms();
    let mut retry = 0;
    while !pending.is_empty() {
        // Strings and lists only: writing them cannot fail.
        let body = serde_json::to_string(&BatchRequest { requests: &pending }).unwrap_or_default();
        let answer = send(body).await;
        // Reading a large answer (a page of 1,000 devices) and splitting it into its steps
        // take 20–30 ms each here: two tasks, not one that holds a keystroke.
        if answer.as_ref().is_ok_and(|text| text.len() > LARGE_ANSWER_BYTES) {
            clock.sleep(0).await;
        }
        let answers = match answer.and_then(|text| parse_batch_answer(&text)) {
            Ok(answers) => answers,
            Err(error) if error.is_refusal() => {
                for step in pending {
                    results.insert(step.id, Err(error.clone()));
                }
                return;
            }
            Err(_) => {
                results.extend(one_by_one(pending).await);
                return;
            }
        };
        // Transient steps are resent together, under the same policy as single calls.
        retry += 1;
        let (transient, settled): (Vec<StepAnswer>, Vec<StepAnswer>) =
            answers.into_iter().partition(StepAnswer::is_transient);
        let url_of = |id: &str| pending.iter().find(|s| s.id == id).map(|s| s.url.clone()).unwrap_or_default();
        for answer in settled {
            let url = url_of(&answer.id);
            results.insert(answer.id.clone(), answer.into_result().map_err(|error| error.for_call(&url)));
        }
        let errors: Vec<(String, GraphError)> = transient
            .into_iter()
            .map(|a| (a.id.clone(), a.into_result().expect_err("a transient answer is an error")))
            .collect();
        let elapsed = clock.now_ms().saturating_sub(started);
        let plan = policy.resend_after(
            retry,
            &errors.iter().map(|(_, e)| e.clone()).collect::<Vec<_>>(),
            elapsed,
            clock.jitter(),
        );
        let mut again = Vec::new();
        for (id, error) in errors {
            match (&plan, pending.iter().find(|s| s.id == id)) {
                (Some(_), Some(step)) => again.push(step.clone()),
                _ => {
                    let url = url_of(&id);
                    results.insert(id, Err(policy.give_up(retry, error).for_call(&url)));
                }
            }
        }
        for step in &pending {
            if !results.contains_key(&step.id) && !again.iter().any(|s| s.id == step.id) {
                results.insert(
                    step.id.clone(),
                    Err(GraphError::new(FailureKind::Decode, "the $batch answer left this call out")),
                );
            }
        }
        if let (Some(notice), false) = (plan, again.is_empty()) {
            let wait_ms = notice.wait_ms;
            progress(ProgressEvent::Retrying(notice));
            clock.sleep(wait_ms).await;
        }
        pending = again;
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;
    use crate::graph::retry::FakeClock;

    #[test]
    fn the_token_goes_to_the_configured_graph_root_only() {
        let client = GraphClient::new("https://graph.microsoft.com/");
        assert_eq!(client.check_graph("https://graph.microsoft.com/v1.0/users?$skiptoken=x"), Ok(()));
        for foreign in [
            "https://graph.example.invalid/v1.0/users",
            "https://graph.microsoft.com.example.invalid/v1.0/users",
            "https://graph.microsoft.com@example.invalid/v1.0/users",
            "https://graph.microsoft.com:8443/v1.0/users",
            "http://graph.microsoft.com/v1.0/users",
            "/v1.0/users",
        ] {
            let refused = client.check_graph(foreign).unwrap_err();
            assert_eq!(refused.kind, FailureKind::ForeignHost, "{foreign}");
        }
        assert_eq!(
            client.check_graph("https://evil.example:444/v1.0/x?y").unwrap_err().message,
            "https://evil.example:444"
        );
        assert_eq!(
            client.step_url("https://graph.microsoft.com/beta/deviceManagement/x?$skiptoken=1").as_deref(),
            Ok("/deviceManagement/x?$skiptoken=1")
        );
        assert_eq!(client.step_url("https://evil.example/beta/x").unwrap_err().kind, FailureKind::ForeignHost);
    }

    fn steps(ids: &[&str]) -> Vec<BatchStep> {
        ids.iter().map(|id| BatchStep::get(*id, format!("/users/{id}"))).collect()
    }

    fn step(id: &str, status: u16, retry_after: Option<&str>) -> String {
        let headers = retry_after.map_or(String::new(), |s| format!(r#""Retry-After":"{s}""#));
        let body = if status == 200 {
            r#"{"value":[]}"#.to_string()
        } else {
            format!(r#"{{"error":{{"code":"E{status}","message":"m"}}}}"#)
        };
        format!(r#"{{"id":"{id}","status":{status},"headers":{{{headers}}},"body":{body}}}"#)
    }

    fn answer(steps: &[String]) -> Result<String, GraphError> {
        Ok(format!(r#"{{"responses":[{}]}}"#, steps.join(",")))
    }

    /// What a run of the rounds did.
    struct Outcome {
        results: BatchAnswers,
        /// The step ids each `$batch` request held.
        rounds: Vec<Vec<String>>,
        notices: Vec<ProgressEvent>,
        waited_ms: u64,
        /// The steps sent one by one, if it came to that.
        alone: Option<Vec<String>>,
    }

    /// Runs the rounds against scripted `$batch` answers.
    fn run(ids: &[&str], script: Vec<Result<String, GraphError>>) -> Outcome {
        let clock = FakeClock { now: Cell::new(0) };
        let script = RefCell::new(script.into_iter());
        let rounds = RefCell::new(Vec::new());
        let notices = Rc::new(RefCell::new(Vec::new()));
        let seen = notices.clone();
        let progress: Progress = Rc::new(move |event| seen.borrow_mut().push(event));
        let alone = RefCell::new(None);
        let send = |body: String| {
            let sent: serde_json::Value = serde_json::from_str(&body).unwrap();
            let ids = sent["requests"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string());
            rounds.borrow_mut().push(ids.collect());
            let next = script.borrow_mut().next().expect("no more answers scripted");
            async move { next }
        };
        let one_by_one = |steps: Vec<BatchStep>| {
            *alone.borrow_mut() = Some(steps.iter().map(|s| s.id.clone()).collect());
            async move { steps.into_iter().map(|s| (s.id, Err(GraphError::new(FailureKind::Network, "alone")))).collect() }
        };
        let mut results = BatchAnswers::new();
        let policy = RetryPolicy::default();
        futures::executor::block_on(batch_rounds(
            &policy,
            &clock,
            steps(ids),
            &progress,
            send,
            one_by_one,
            &mut results,
        ));
        let notices = notices.borrow().clone();
        Outcome { results, rounds: rounds.into_inner(), notices, waited_ms: clock.now.get(), alone: alone.into_inner() }
    }

    #[test]
    fn throttled_steps_are_resent_together_after_the_longest_retry_after() {
        let Outcome { results, rounds, notices, waited_ms, .. } = run(
            &["a", "b", "c"],
            vec![
                answer(&[step("a", 200, None), step("b", 429, Some("3")), step("c", 503, Some("1.2"))]),
                answer(&[step("b", 200, None), step("c", 200, None)]),
            ],
        );
        assert_eq!(rounds, vec![vec!["a", "b", "c"], vec!["b", "c"]]);
        assert!(results.values().all(Result::is_ok), "{results:?}");
        assert_eq!(waited_ms, 3_000);
        assert!(matches!(
            notices[..],
            [ProgressEvent::Retrying(RetryNotice { retry: 1, wait_ms: 3_000, throttled: true })]
        ));
    }

    #[test]
    fn a_step_still_throttled_after_the_last_retry_gets_its_error() {
        let throttled = || answer(&[step("a", 429, Some("1"))]);
        let Outcome { results, rounds, .. } = run(&["a"], vec![throttled(), throttled(), throttled(), throttled()]);
        assert_eq!(rounds.len(), 4);
        let error = results["a"].as_ref().unwrap_err();
        assert_eq!((error.kind.clone(), error.code.as_deref()), (FailureKind::Http(429), Some("E429")));
    }

    #[test]
    fn a_refused_batch_fails_every_step_with_the_refusal() {
        let refused = GraphError::from_status(403, r#"{"error":{"code":"Forbidden","message":"no"}}"#, None);
        let Outcome { results, rounds, alone, .. } = run(&["a", "b"], vec![Err(refused)]);
        assert_eq!((rounds.len(), alone), (1, None));
        assert!(results.values().all(|r| r.as_ref().is_err_and(|e| e.kind == FailureKind::Http(403))));
    }

    #[test]
    fn an_unreadable_or_failing_batch_sends_each_call_on_its_own() {
        let Outcome { results, alone, .. } = run(&["a", "b"], vec![Ok("<html>gateway</html>".into())]);
        assert_eq!(alone, Some(vec!["a".to_string(), "b".to_string()]));
        assert_eq!(results.len(), 2);
    }

    #[test]
    fn a_step_the_answer_leaves_out_is_reported_not_lost() {
        let Outcome { results, .. } = run(&["a", "b"], vec![answer(&[step("a", 200, None)])]);
        assert!(results["a"].is_ok());
        assert!(results["b"].as_ref().is_err_and(|e| e.message.contains("left this call out")));
    }
}
