//! What the Graph data means for the operator: plain Rust, tested natively.

pub mod account;
pub mod app_install;
pub mod assignments;
pub mod catalogues;
pub mod compliance;
pub mod device_health;
pub mod diagnosis;
pub mod filter_rule;
pub mod groups;
pub mod licence;
pub mod permissions;
pub mod remediation;
pub mod restrictions;
pub mod sign_ins;
pub mod table;
pub mod ticket;
