//! One section of a user's picture: loading (with what it waits for), loaded (maybe still
//! paging), or failed with the error to show.

use std::sync::Arc;

use crate::graph::models::SkippedItem;
use crate::graph::{GraphError, ProgressEvent};

#[derive(Debug, Clone)]
pub enum Section<T> {
    Loading(Option<ProgressEvent>),
    Ready(Loaded<T>),
    Failed(GraphError),
}

#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// Shared, so a render never copies a long list.
    pub items: Arc<Vec<T>>,
    /// Items Graph sent that could not be read.
    pub skipped: Arc<Vec<SkippedItem>>,
    /// False while later pages are still arriving.
    pub complete: bool,
    /// `@odata.count` when Graph sent it.
    pub total: Option<u64>,
    pub note: Option<ProgressEvent>,
    /// Parts of the section that could not be read (one device's policies, say), while the
    /// rest is shown.
    pub failed_parts: Arc<Vec<PartFailure>>,
}

/// One part of a section that failed: what it was about, and why.
#[derive(Debug, Clone)]
pub struct PartFailure {
    pub label: String,
    pub error: GraphError,
}

impl<T> Section<T> {
    pub fn loaded(&self) -> Option<&Loaded<T>> {
        match self {
            Section::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<Arc<Vec<T>>> {
        self.loaded().map(|loaded| loaded.items.clone())
    }
}
