//! The users looked at recently, kept in memory so going back to one is instant; opening a
//! user stops what is still loading for the others, and a user dropped from the list is freed.

use leptos::prelude::*;

use super::device_session::DeviceSession;
use super::user_session::UserSession;
use crate::graph::GraphClient;

/// How many users stay in memory.
const KEPT: usize = 10;

#[derive(Clone, Copy)]
pub struct Sessions {
    /// Most recent first.
    recent: RwSignal<Vec<Kept>, LocalStorage>,
    /// Sessions outlive the page that opened them, so each has an owner under the portal's.
    owner: StoredValue<Owner, LocalStorage>,
    client: StoredValue<GraphClient>,
}

/// A session with the owner of its signals, which frees them when the session is dropped.
#[derive(Clone)]
struct Kept {
    session: UserSession,
    owner: Owner,
}

impl Kept {
    fn is(&self, session: &UserSession) -> bool {
        self.session.key.get_value() == session.key.get_value()
    }
}

impl Sessions {
    /// Created inside the portal: its sessions live under the current owner and call Graph
    /// through `client`.
    pub fn new(client: GraphClient) -> Sessions {
        Sessions {
            recent: RwSignal::new_local(Vec::new()),
            owner: StoredValue::new_local(Owner::current().expect("created inside the portal")),
            client: StoredValue::new(client),
        }
    }

    /// The session of the user at `key`: the cached one (loaded again only if its load was
    /// interrupted), or a new one that starts loading.
    pub fn open(&self, key: &str) -> UserSession {
        let wanted = key.to_lowercase();
        let found = self.recent.with_untracked(|recent| {
            recent
                .iter()
                .find(|kept| {
                    kept.session.key.with_value(|k| k.to_lowercase() == wanted)
                        || kept.session.user_id().is_some_and(|id| id.to_lowercase() == wanted)
                })
                .cloned()
        });
        self.recent.with_untracked(|recent| {
            for other in recent.iter().map(|kept| kept.session) {
                if found.as_ref().is_none_or(|f| !f.is(&other)) && other.is_loading() {
                    other.cancel();
                    other.loaded_at.set(None);
                }
            }
        });
        let kept = found.unwrap_or_else(|| {
            let owner = self.owner.with_value(Owner::child);
            let session = owner.with(|| UserSession::new(key, self.client.get_value()));
            Kept { session, owner }
        });
        let session = kept.session;
        if session.loaded_at.get_untracked().is_none() && !session.is_loading() {
            session.load();
        }
        let mut dropped = Vec::new();
        self.recent.update(|recent| {
            recent.retain(|other| !other.is(&session));
            recent.insert(0, kept);
            dropped = recent.split_off(recent.len().min(KEPT));
        });
        for gone in dropped {
            gone.session.cancel();
            gone.owner.cleanup();
        }
        session
    }

    /// A session for one device of a user, owned by the caller (the device page), which frees it.
    pub fn open_device(&self, user_id: &str, device_id: &str) -> DeviceSession {
        DeviceSession::new(user_id, device_id, self.client.get_value())
    }

    /// Whether the signed-in portal that held these sessions is gone (signed out).
    pub fn are_gone(&self) -> bool {
        self.recent.is_disposed()
    }

    /// Users opened recently, most recent first (for the user selection page).
    pub fn recent(&self) -> Vec<UserSession> {
        self.recent.with(|recent| recent.iter().map(|kept| kept.session).collect())
    }
}
