//! When to try a failed Graph call again, and how long to wait: `Retry-After` when Graph
//! sends it, otherwise exponential backoff with jitter, within a retry count and a deadline.

use std::future::Future;

use super::error::{FailureKind, GraphError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first try (the official SDKs use 3).
    pub max_retries: u32,
    /// First backoff step without `Retry-After`; it doubles at each retry.
    pub base_delay_ms: u64,
    pub max_delay_ms: u64,
    /// No retry may end later than this after the first try started.
    pub deadline_ms: u64,
    /// One try that has not answered after this long is abandoned and counts as a lost
    /// connection (so it is retried): a stalled call must not hold a section forever.
    pub attempt_timeout_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay_ms: 1_000,
            max_delay_ms: 30_000,
            deadline_ms: 60_000,
            attempt_timeout_ms: 15_000,
        }
    }
}

/// Why the portal is waiting, so the operator sees it ("throttled, retrying in 4 s").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryNotice {
    pub retry: u32,
    pub wait_ms: u64,
    pub throttled: bool,
}

impl RetryPolicy {
    /// The wait before retry number `retry` (from 1) after `error`, or `None` to give up.
    /// `jitter` is a number in [0, 1) that spreads clients apart.
    pub fn wait_before(&self, retry: u32, error: &GraphError, elapsed_ms: u64, jitter: f64) -> Option<u64> {
        if !error.is_transient() || retry > self.max_retries {
            return None;
        }
        let wait = match error.retry_after {
            Some(seconds) => seconds.saturating_mul(1_000),
            None => {
                let step = self.base_delay_ms.saturating_mul(1 << (retry - 1).min(16)).min(self.max_delay_ms);
                step / 2 + (step as f64 / 2.0 * jitter.clamp(0.0, 1.0)) as u64
            }
        };
        (elapsed_ms.saturating_add(wait) <= self.deadline_ms).then_some(wait)
    }

    /// The error the operator gets when the policy stops trying: a transient failure whose
    /// next wait would pass the deadline is a timeout.
    pub fn give_up(&self, retry: u32, error: GraphError) -> GraphError {
        if error.is_transient() && retry <= self.max_retries {
            GraphError { kind: FailureKind::TimedOut, ..error }
        } else {
            error
        }
    }

    /// One round of `$batch` answers: when every transient step may be retried, the wait before
    /// resending them (the longest any of them asks for); `None` when the policy gives up.
    /// Only a 429 is called throttling.
    pub fn resend_after(
        &self,
        retry: u32,
        transient: &[GraphError],
        elapsed_ms: u64,
        jitter: f64,
    ) -> Option<RetryNotice> {
        let waits = transient
            .iter()
            .map(|error| self.wait_before(retry, error, elapsed_ms, jitter))
            .collect::<Option<Vec<u64>>>()?;
        let wait_ms = waits.into_iter().max()?;
        Some(RetryNotice {
            retry,
            wait_ms,
            throttled: transient.iter().any(|error| error.kind == FailureKind::Http(429)),
        })
    }
}

/// Time as the retry loop sees it: the browser's clock in the portal, a fake one in tests.
pub trait Clock {
    fn now_ms(&self) -> u64;
    fn sleep(&self, ms: u64) -> impl Future<Output = ()>;
    fn jitter(&self) -> f64;
}

/// Runs `attempt` until it succeeds, fails for good, or the policy gives up; calls
/// `notice` before each wait.
pub async fn with_retries<T, F, Fut>(
    policy: &RetryPolicy,
    clock: &impl Clock,
    mut notice: impl FnMut(RetryNotice),
    mut attempt: F,
) -> Result<T, GraphError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, GraphError>>,
{
    let started = clock.now_ms();
    let mut retry = 0;
    loop {
        let error = match attempt().await {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        retry += 1;
        let elapsed = clock.now_ms().saturating_sub(started);
        match policy.wait_before(retry, &error, elapsed, clock.jitter()) {
            Some(wait_ms) => {
                notice(RetryNotice { retry, wait_ms, throttled: error.kind == FailureKind::Http(429) });
                clock.sleep(wait_ms).await;
            }
            None => return Err(policy.give_up(retry, error)),
        }
    }
}

/// A clock for tests: sleeping moves time on at once; jitter is always half.
#[cfg(test)]
pub(crate) struct FakeClock {
    pub now: std::cell::Cell<u64>,
}

#[cfg(test)]
impl Clock for FakeClock {
    fn now_ms(&self) -> u64 {
        self.now.get()
    }
    async fn sleep(&self, ms: u64) {
        self.now.set(self.now.get() + ms);
    }
    fn jitter(&self) -> f64 {
        0.5
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;

    fn throttled(retry_after: Option<u64>) -> GraphError {
        GraphError { retry_after, ..GraphError::from_status(429, "", None) }
    }

    fn run(
        policy: RetryPolicy,
        answers: Vec<Result<u32, GraphError>>,
    ) -> (Result<u32, GraphError>, Vec<RetryNotice>, u64) {
        let clock = FakeClock { now: Cell::new(0) };
        let answers = RefCell::new(answers.into_iter());
        let mut notices = Vec::new();
        let result = futures::executor::block_on(with_retries(
            &policy,
            &clock,
            |n| notices.push(n),
            || {
                let next = answers.borrow_mut().next().expect("no more answers scripted");
                async move { next }
            },
        ));
        (result, notices, clock.now.get())
    }

    #[test]
    fn retry_after_is_honoured_to_the_second() {
        let (result, notices, elapsed) = run(RetryPolicy::default(), vec![Err(throttled(Some(4))), Ok(7)]);
        assert_eq!(result, Ok(7));
        assert_eq!(notices, vec![RetryNotice { retry: 1, wait_ms: 4_000, throttled: true }]);
        assert_eq!(elapsed, 4_000);
    }

    #[test]
    fn without_retry_after_the_backoff_doubles() {
        let answers = vec![
            Err(GraphError::from_status(503, "", None)),
            Err(GraphError::from_status(504, "", None)),
            Err(GraphError::from_status(503, "", None)),
            Ok(1),
        ];
        let (result, notices, _) = run(RetryPolicy::default(), answers);
        assert_eq!(result, Ok(1));
        let waits: Vec<u64> = notices.iter().map(|n| n.wait_ms).collect();
        assert_eq!(waits, vec![750, 1_500, 3_000]);
    }

    #[test]
    fn after_three_retries_the_error_is_given_to_the_operator() {
        let answers = (0..4).map(|_| Err(throttled(Some(1)))).collect();
        let (result, notices, _) = run(RetryPolicy::default(), answers);
        assert_eq!(notices.len(), 3);
        assert_eq!(result.unwrap_err().kind, FailureKind::Http(429));
    }

    #[test]
    fn other_client_errors_and_500_are_never_retried() {
        for status in [400, 401, 403, 404, 500] {
            let (result, notices, _) =
                run(RetryPolicy::default(), vec![Err(GraphError::from_status(status, "", None))]);
            assert!(notices.is_empty());
            assert_eq!(result.unwrap_err().kind, FailureKind::Http(status));
        }
    }

    #[test]
    fn a_batch_round_waits_for_its_slowest_step_and_names_throttling_only_for_429() {
        let policy = RetryPolicy::default();
        let throttled_and_busy = [throttled(Some(3)), GraphError::from_status(503, "", None)];
        assert_eq!(
            policy.resend_after(1, &throttled_and_busy, 0, 0.5),
            Some(RetryNotice { retry: 1, wait_ms: 3_000, throttled: true })
        );
        let busy = [GraphError::from_status(503, "", None)];
        assert_eq!(
            policy.resend_after(2, &busy, 0, 0.5),
            Some(RetryNotice { retry: 2, wait_ms: 1_500, throttled: false })
        );
        assert_eq!(policy.resend_after(4, &busy, 0, 0.5), None, "past the retry count");
        assert_eq!(policy.resend_after(1, &[throttled(Some(90))], 0, 0.5), None, "past the deadline");
        assert_eq!(policy.resend_after(1, &[], 0, 0.5), None);
    }

    #[test]
    fn a_wait_past_the_deadline_ends_in_a_timeout() {
        let policy = RetryPolicy { deadline_ms: 10_000, ..RetryPolicy::default() };
        let (result, notices, _) = run(policy, vec![Err(throttled(Some(30)))]);
        assert!(notices.is_empty());
        assert_eq!(result.unwrap_err().kind, FailureKind::TimedOut);
    }
}
