//! Where the client gets its bearer token; the sign-in layer provides it.

use futures::future::LocalBoxFuture;

use super::GraphError;

pub trait Credentials {
    /// A token for the next call, renewed first when it is about to expire.
    fn token(&self) -> LocalBoxFuture<'_, Result<String, GraphError>>;
    /// Graph answered 401 to `rejected`: a fresh token, or an error when none can be had.
    fn renew(&self, rejected: String) -> LocalBoxFuture<'_, Result<String, GraphError>>;
    /// Renewal did not help: the operator signs in again, back to where they were.
    fn sign_in_again(&self);
}
