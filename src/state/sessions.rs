//! The users looked at recently, kept in memory so going back to one is instant; opening a
//! user stops what is still loading for the others.

use leptos::prelude::*;

use super::user_session::UserSession;
use crate::graph::GraphClient;

/// How many users stay in memory.
const KEPT: usize = 10;

#[derive(Clone, Copy)]
pub struct Sessions {
    /// Most recent first.
    recent: RwSignal<Vec<UserSession>, LocalStorage>,
    /// Sessions outlive the page that opened them, so they belong to the portal's owner.
    owner: StoredValue<Owner, LocalStorage>,
}

impl Sessions {
    pub fn new() -> Sessions {
        Sessions { recent: RwSignal::new_local(Vec::new()), owner: StoredValue::new_local(Owner::current().expect("created inside the portal")) }
    }

    /// The session of the user at `key`: the cached one (loaded again only if its load was
    /// interrupted), or a new one that starts loading.
    pub fn open(&self, key: &str, client: &GraphClient) -> UserSession {
        let wanted = key.to_lowercase();
        let found = self.recent.with_untracked(|recent| {
            recent.iter().copied().find(|s| s.key.with_value(|k| k.to_lowercase() == wanted) || s.user_id().is_some_and(|id| id.to_lowercase() == wanted))
        });
        for other in self.recent.get_untracked() {
            if Some(other.key.get_value()) != found.map(|f| f.key.get_value()) && other.is_loading() {
                other.cancel();
                other.loaded_at.set(None);
            }
        }
        let session = match found {
            Some(session) => session,
            None => self.owner.with_value(|owner| owner.with(|| UserSession::new(key))),
        };
        if session.loaded_at.get_untracked().is_none() && !session.is_loading() {
            session.load(client.clone());
        }
        self.recent.update(|recent| {
            recent.retain(|s| s.key.get_value() != session.key.get_value());
            recent.insert(0, session);
            recent.truncate(KEPT);
        });
        session
    }

    /// Users opened recently, most recent first (for the user selection page).
    pub fn recent(&self) -> Vec<UserSession> {
        self.recent.get()
    }
}
