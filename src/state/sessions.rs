//! The users looked at recently, kept in memory so going back to one is instant; opening a
//! user stops what is still loading for the others, and a user dropped from the list is freed.

use leptos::prelude::*;

use super::device_session::{starting_point, DeviceKeys, DeviceSession};
use super::user_session::UserSession;
use crate::graph::GraphClient;

/// How many users stay in memory.
const KEPT: usize = 10;

/// How long a device session started by a press waits for its page (ms): the click follows
/// the press at once; an older one is from a press that was dragged away.
const PRESS_KEPT_MS: f64 = 3_000.0;

#[derive(Clone, Copy)]
pub struct Sessions {
    /// Most recent first.
    recent: RwSignal<Vec<Kept>, LocalStorage>,
    /// Sessions outlive the page that opened them, so each has an owner under the portal's.
    owner: StoredValue<Owner, LocalStorage>,
    client: StoredValue<GraphClient>,
    /// The device session a press on a link to its page started, until the page takes it.
    pressed_device: StoredValue<Option<PressedDevice>, LocalStorage>,
}

struct PressedDevice {
    user_id: String,
    device_id: String,
    pressed_at: f64,
    session: DeviceSession,
    owner: Owner,
}

impl PressedDevice {
    fn drop_session(self) {
        self.session.cancel();
        self.owner.cleanup();
    }
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
            pressed_device: StoredValue::new_local(None),
        }
    }

    /// The session of the user at `key`: the cached one (loaded again only if its load was
    /// interrupted), or a new one that starts loading.
    pub fn open(&self, key: &str) -> UserSession {
        let found =
            self.recent.with_untracked(|recent| recent.iter().find(|kept| kept.session.answers_to(key)).cloned());
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

    /// Starts loading a device of `user` on the press of a link to its page, before the page
    /// is built; the page then takes this session (`open_device`). Nothing starts while the
    /// user or their device list is still loading.
    pub fn start_device(&self, user: UserSession, device_id: &str) {
        let Some((user_id, device_id, keys)) = untrack(|| starting_point(user, device_id.to_string())) else {
            return;
        };
        let owner = self.owner.with_value(Owner::child);
        let session = owner.with(|| DeviceSession::new(&user_id, &device_id, self.client.get_value()));
        session.load(keys);
        let pressed = PressedDevice { user_id, device_id, pressed_at: js_sys::Date::now(), session, owner };
        if let Some(earlier) = self.pressed_device.try_update_value(|slot| slot.replace(pressed)).flatten() {
            earlier.drop_session();
        }
    }

    /// A session for one device of a user, loading: the one a press just started, or a new
    /// one. It belongs to the caller's scope (the device page's), which frees it.
    pub fn open_device(&self, user_id: &str, device_id: &str, keys: Option<DeviceKeys>) -> DeviceSession {
        let pressed = self.pressed_device.try_update_value(Option::take).flatten();
        let fresh = |p: &PressedDevice| {
            p.user_id == user_id && p.device_id == device_id && js_sys::Date::now() - p.pressed_at < PRESS_KEPT_MS
        };
        match pressed {
            Some(pressed) if fresh(&pressed) => {
                let owner = pressed.owner;
                on_cleanup(move || owner.cleanup());
                pressed.session
            }
            other => {
                if let Some(stale) = other {
                    stale.drop_session();
                }
                let session = DeviceSession::new(user_id, device_id, self.client.get_value());
                session.load(keys);
                session
            }
        }
    }

    /// Whether no user was opened yet in this portal (not once it is gone).
    pub fn none_opened(&self) -> bool {
        self.recent.try_with_untracked(Vec::is_empty).unwrap_or(false)
    }

    /// A session that is not kept among the recent users and loads nothing by itself: the
    /// warm-up's made-up user (`state::warm_up`).
    pub fn unlisted(&self, key: &str) -> UserSession {
        UserSession::new(key, self.client.get_value())
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
