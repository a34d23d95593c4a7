//! Sign-in with Microsoft Entra ID: authorization code with PKCE (`oidc`), the tokens and
//! what they say (`tokens`), and the session in the browser tab (`session`).

pub mod oidc;
pub mod session;
pub mod tokens;

pub use session::{Arrival, AuthHandle, AuthSession, SignInProblem};
