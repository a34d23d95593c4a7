//! A made-up user whose view the portal builds once, while the browser is idle after
//! start-up, then drops. The browser compiles each wasm function on its first call (V8's lazy
//! compilation): without this, an operator's first user waits for the user view's code to be
//! compiled, about a fifth of that view's time here. The answers are a trimmed copy of the
//! demo tenant's `$batch` answers for one user; nothing of them is ever shown or kept.

use super::sessions::Sessions;
use super::user_session::UserSession;
use crate::graph::ApiVersion;

const V1_ANSWERS: &str = include_str!("v1.json");
const BETA_ANSWERS: &str = include_str!("beta.json");

/// The made-up user's session, its sections filled from the canned answers as a load fills
/// them, under the current owner: each version in a task of its own, so that a keystroke
/// typed meanwhile waits for one at most.
pub async fn sample_session(sessions: &Sessions) -> UserSession {
    let session = sessions.unlisted("warm-up");
    for (version, answer) in [(ApiVersion::V1, V1_ANSWERS), (ApiVersion::Beta, BETA_ANSWERS)] {
        gloo_timers::future::TimeoutFuture::new(0).await;
        session.show_batch_answer(version, answer).await;
    }
    session
}
