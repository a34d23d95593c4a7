//! Fault injection: by flags (a rate over every call), by rules posted to `/_mock/faults`
//! (a path fragment, so a browser test can target one section), and by the `x-mock-fault`
//! header of one request (also inside `$batch`).

use std::str::FromStr;
use std::time::Duration;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::response::{Answer, Body, GraphError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fault {
    /// 429 with `Retry-After`, kept in milliseconds: Graph sends fractions of a second (`2.128`).
    Throttle { retry_after_ms: u64 },
    /// 500, 503 or 504 with a Graph error body.
    Status(u16),
    /// 200 with a body that is not JSON.
    Malformed,
    /// The connection drops after the headers.
    Drop,
    /// No answer for this long, then the normal answer.
    Stall { ms: u64 },
    /// The normal answer, but its `@odata.nextLink` points at another host (as a hostile or
    /// misconfigured proxy could write it): a client must not send its token there.
    ForeignNextLink,
}

/// Where [`Fault::ForeignNextLink`] points: a reserved name that never resolves, so a client
/// that followed it would leak nothing.
pub const FOREIGN_HOST: &str = "https://graph.example.invalid";

impl FromStr for Fault {
    type Err = String;

    /// `429`, `429;retry-after=3`, `429;retry-after=2.128`, `500`, `503`, `504`, `malformed`,
    /// `drop`, `stall;ms=30000`, `foreign-next-link`.
    fn from_str(text: &str) -> Result<Fault, String> {
        let mut parts = text.split(';').map(str::trim);
        let kind = parts.next().unwrap_or("");
        let mut parameter = |name: &str, default: u64| -> Result<u64, String> {
            match parts.next().and_then(|p| p.strip_prefix(name)).and_then(|p| p.strip_prefix('=')) {
                Some(value) => value.parse().map_err(|_| format!("bad {name} in fault '{text}'")),
                None => Ok(default),
            }
        };
        match kind {
            "429" => {
                let seconds = match parts.next().and_then(|p| p.strip_prefix("retry-after=")) {
                    Some(value) => value
                        .parse::<f64>()
                        .ok()
                        .filter(|s| s.is_finite() && *s >= 0.0)
                        .ok_or_else(|| format!("bad retry-after in fault '{text}'"))?,
                    None => 1.0,
                };
                Ok(Fault::Throttle { retry_after_ms: (seconds * 1000.0).round() as u64 })
            }
            "500" | "503" | "504" => Ok(Fault::Status(kind.parse().expect("matched digits"))),
            "malformed" => Ok(Fault::Malformed),
            "drop" => Ok(Fault::Drop),
            "stall" => Ok(Fault::Stall { ms: parameter("ms", 30_000)? }),
            "foreign-next-link" => Ok(Fault::ForeignNextLink),
            _ => Err(format!(
                "unknown fault '{text}' (429[;retry-after=N], 500, 503, 504, malformed, drop, stall[;ms=N], foreign-next-link)"
            )),
        }
    }
}

/// Seconds as Graph writes them: whole, or with the fraction (`2.128`).
fn retry_after_text(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        (ms / 1000).to_string()
    } else {
        format!("{}", ms as f64 / 1000.0)
    }
}

impl Fault {
    pub fn label(&self) -> String {
        match self {
            Fault::Throttle { retry_after_ms } => format!("429;retry-after={}", retry_after_text(*retry_after_ms)),
            Fault::Status(status) => status.to_string(),
            Fault::Malformed => "malformed".into(),
            Fault::Drop => "drop".into(),
            Fault::Stall { ms } => format!("stall;ms={ms}"),
            Fault::ForeignNextLink => "foreign-next-link".into(),
        }
    }

    /// The answer this fault gives instead of the real one (`None`: answer normally, after a stall).
    pub fn answer(&self, request_id: &str, client_request_id: &str) -> Option<Answer> {
        let error = |status: u16, code: &str, message: &str| {
            GraphError::new(status, code, message).into_answer(request_id, client_request_id)
        };
        match *self {
            Fault::Throttle { retry_after_ms } => Some(
                error(
                    429,
                    "TooManyRequests",
                    "Too many requests from Identifier under tenant. Please try again later.",
                )
                .with_header("Retry-After", &retry_after_text(retry_after_ms)),
            ),
            Fault::Status(500) => Some(error(500, "InternalServerError", "An internal server error occurred.")),
            Fault::Status(503) => {
                Some(error(503, "serviceNotAvailable", "The service is temporarily unavailable. Try again later."))
            }
            Fault::Status(status) => {
                Some(error(status, "UnknownError", "The gateway timed out waiting for the service."))
            }
            Fault::Malformed => Some(Answer {
                status: 200,
                headers: vec![],
                body: Body::Malformed("{\"value\":[{\"id\":\"1\",\"displayName\":".into()),
            }),
            Fault::Drop => Some(Answer { status: 200, headers: vec![], body: Body::Dropped }),
            Fault::Stall { .. } | Fault::ForeignNextLink => None,
        }
    }

    pub fn stall(&self) -> Option<Duration> {
        match self {
            Fault::Stall { ms } => Some(Duration::from_millis(*ms)),
            _ => None,
        }
    }
}

/// The normal answer's body as the call's fault changes it (only [`Fault::ForeignNextLink`]
/// does): `path_and_query` is the call's, put on [`FOREIGN_HOST`].
pub fn altered(fault: Option<Fault>, mut body: serde_json::Value, path_and_query: &str) -> serde_json::Value {
    if let (Some(Fault::ForeignNextLink), Some(object)) = (fault, body.as_object_mut()) {
        object.insert("@odata.nextLink".into(), format!("{FOREIGN_HOST}{path_and_query}").into());
    }
    body
}

/// A fault for every call whose path contains `path` (or, for a `path` ending in `$`, ends with
/// the rest), `times` times (forever without).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FaultRule {
    #[serde(rename = "match")]
    pub path: String,
    pub fault: String,
    #[serde(default)]
    pub times: Option<u32>,
}

impl FaultRule {
    fn matches(&self, path: &str) -> bool {
        match self.path.strip_suffix('$') {
            Some(end) => path.ends_with(end),
            None => path.contains(&self.path),
        }
    }
}

pub struct FaultPlan {
    rate: f64,
    kinds: Vec<Fault>,
    rng: ChaCha8Rng,
    rules: Vec<(FaultRule, Fault)>,
    /// Random faults in a row for one path before it is let through (`None`: no limit), so a
    /// test can hold a client to its retry policy without depending on luck.
    streak_limit: Option<u32>,
    streaks: std::collections::HashMap<String, u32>,
}

impl FaultPlan {
    pub fn new(rate: f64, kinds: Vec<Fault>, seed: u64) -> FaultPlan {
        FaultPlan {
            rate,
            kinds,
            rng: ChaCha8Rng::seed_from_u64(seed),
            rules: vec![],
            streak_limit: None,
            streaks: Default::default(),
        }
    }

    pub fn with_streak_limit(mut self, limit: Option<u32>) -> FaultPlan {
        self.streak_limit = limit;
        self
    }

    pub fn add_rule(&mut self, rule: FaultRule) -> Result<(), String> {
        let fault = rule.fault.parse()?;
        self.rules.push((rule, fault));
        Ok(())
    }

    pub fn clear_rules(&mut self) {
        self.rules.clear();
    }

    /// The fault for one call: its own header first, then the first matching rule, then chance.
    pub fn pick(&mut self, path: &str, header: Option<&str>) -> Option<Fault> {
        if let Some(fault) = header.and_then(|h| h.parse().ok()) {
            return Some(fault);
        }
        if let Some(index) = self.rules.iter().position(|(rule, _)| rule.matches(path)) {
            let (rule, fault) = &mut self.rules[index];
            let fault = *fault;
            match &mut rule.times {
                Some(1) => {
                    self.rules.remove(index);
                }
                Some(times) => *times -= 1,
                None => {}
            }
            return Some(fault);
        }
        let streak = self.streaks.get(path).copied().unwrap_or(0);
        let allowed = self.streak_limit.is_none_or(|limit| streak < limit);
        if allowed && self.rate > 0.0 && !self.kinds.is_empty() && self.rng.gen_bool(self.rate.min(1.0)) {
            let index = self.rng.gen_range(0..self.kinds.len());
            self.streaks.insert(path.to_string(), streak + 1);
            return Some(self.kinds[index]);
        }
        self.streaks.remove(path);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_parse_from_their_labels() {
        for text in [
            "429;retry-after=4",
            "429;retry-after=2.128",
            "500",
            "503",
            "504",
            "malformed",
            "drop",
            "stall;ms=250",
            "foreign-next-link",
        ] {
            assert_eq!(text.parse::<Fault>().unwrap().label(), text);
        }
        assert!("418".parse::<Fault>().is_err());
    }

    #[test]
    fn a_streak_limit_lets_a_path_through_after_that_many_faults() {
        let mut plan = FaultPlan::new(1.0, vec![Fault::Status(503)], 1).with_streak_limit(Some(2));
        let faults: Vec<bool> = (0..6).map(|_| plan.pick("/v1.0/x", None).is_some()).collect();
        assert_eq!(faults, vec![true, true, false, true, true, false]);
    }

    #[test]
    fn a_rule_fires_the_given_number_of_times() {
        let mut plan = FaultPlan::new(0.0, vec![], 1);
        plan.add_rule(FaultRule { path: "managedDevices".into(), fault: "503".into(), times: Some(2) }).unwrap();
        assert_eq!(plan.pick("/v1.0/users/a/managedDevices", None), Some(Fault::Status(503)));
        assert_eq!(plan.pick("/v1.0/users/a/licenseDetails", None), None);
        assert_eq!(plan.pick("/v1.0/users/a/managedDevices", None), Some(Fault::Status(503)));
        assert_eq!(plan.pick("/v1.0/users/a/managedDevices", None), None);
    }

    #[test]
    fn a_rule_ending_in_a_dollar_matches_the_end_of_the_path_only() {
        let mut plan = FaultPlan::new(0.0, vec![], 1);
        plan.add_rule(FaultRule { path: "managedDevices/d1$".into(), fault: "500".into(), times: None }).unwrap();
        assert_eq!(plan.pick("/deviceManagement/managedDevices/d1/users", None), None);
        assert_eq!(plan.pick("/deviceManagement/managedDevices/d1", None), Some(Fault::Status(500)));
    }
}
