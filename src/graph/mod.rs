//! The Microsoft Graph client: transport, retry, paging, batching and models. It knows
//! nothing of views.

pub mod batch;
pub mod credentials;
pub mod error;
pub mod models;
pub mod queries;
pub mod retry;
pub mod scopes;
pub mod transport;

pub use credentials::Credentials;
pub use error::{FailureKind, GraphError};
pub use transport::{ApiVersion, BatchAnswers, GraphClient, Progress, ProgressEvent};
