//! One module a route; pages only render what the domain and the Graph client give them.

pub mod not_found;
pub mod select_user;
pub mod setup;
pub mod user;
