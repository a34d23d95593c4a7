//! The tenant-wide reads the shell makes outside any user: the account state and the user
//! search; and the scopes the signed-in operator was granted. Views get this from the context
//! and never call Graph or read the sign-in session themselves.

use std::rc::Rc;

use leptos::prelude::*;

use crate::auth::{AuthHandle, AuthSession};
use crate::graph::models::{DeviceManagement, Page, User};
use crate::graph::{queries, ApiVersion, GraphClient, GraphError, Progress};

#[derive(Clone)]
pub struct Directory {
    client: GraphClient,
}

impl Directory {
    pub fn new(client: GraphClient) -> Directory {
        Directory { client }
    }

    /// The tenant's Intune account (its `subscriptionState`).
    pub async fn account(&self) -> Result<DeviceManagement, GraphError> {
        self.client.get(ApiVersion::V1, queries::SUBSCRIPTION_STATE, None, &quiet()).await
    }

    /// Users whose name, e-mail or user principal name starts with `text`.
    pub async fn search_users(&self, text: &str, max: u32) -> Result<Page<User>, GraphError> {
        let url = queries::search_users(text, max);
        self.client.first_page(ApiVersion::V1, &url, true, None, &quiet()).await
    }
}

/// These reads show no progress: a typeahead or a badge has no room for it.
fn quiet() -> Progress {
    Rc::new(|_| {})
}

pub fn use_directory() -> Directory {
    expect_context::<Directory>()
}

/// The scopes of the signed-in operator's token (none outside a signed-in portal).
pub fn granted_scopes() -> Vec<String> {
    use_context::<AuthHandle>().map(|auth| auth.with_value(AuthSession::granted)).unwrap_or_default()
}
