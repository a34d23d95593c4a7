//! One module a route; pages only render what the domain and the Graph client give them.

pub mod app_history;
pub mod app_protection;
pub mod apps;
pub mod assignments;
pub mod device;
pub mod devices;
pub mod failure_detail;
pub mod failures;
pub mod groups;
pub mod not_found;
pub mod policies;
pub mod restrictions;
pub mod select_user;
pub mod setup;
pub mod sign_in;
pub mod sign_ins;
pub mod user;
pub mod user_parts;
