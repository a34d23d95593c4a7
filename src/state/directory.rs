//! The tenant-wide reads the shell makes outside any user: the account state and the user
//! search; and the scopes the signed-in operator was granted. Views get this from the context
//! and never call Graph or read the sign-in session themselves.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

use crate::auth::{AuthHandle, AuthSession};
use crate::browser::PartUnavailable;
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
}

/// A user search under way (see [`search_users`]).
pub type UserSearch = Pin<Box<dyn Future<Output = Result<Page<User>, GraphError>>>>;

/// Users whose name, e-mail or user principal name starts with `text`. The call and the
/// decoding of its answer are a chunk of their own in the release build, fetched once the
/// selection page is painted (`fetch_user_search`): the search box takes input before that
/// code arrives.
#[cfg(helpdesk_split)]
#[wasm_split_helpers::wasm_split(user_search, fallible, preload(fetch_user_search))]
pub fn search_users(directory: Directory, text: String, max: u32) -> Result<UserSearch, PartUnavailable> {
    Ok(user_search(directory, text, max))
}

#[cfg(not(helpdesk_split))]
pub async fn search_users(directory: Directory, text: String, max: u32) -> Result<UserSearch, PartUnavailable> {
    Ok(user_search(directory, text, max))
}

/// Fetches the search's chunk ahead of need, so the first answer does not wait for it.
#[cfg(not(helpdesk_split))]
pub async fn fetch_user_search() -> Result<(), PartUnavailable> {
    Ok(())
}

fn user_search(directory: Directory, text: String, max: u32) -> UserSearch {
    Box::pin(async move {
        let url = queries::search_users(&text, max);
        directory.client.first_page(ApiVersion::V1, &url, true, None, &quiet()).await
    })
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
