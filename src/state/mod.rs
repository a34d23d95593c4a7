//! What the portal holds between renders: the users an operator looked at recently, each
//! section with its own loading state, kept in memory only.

pub mod catalogue;
pub mod device_session;
pub mod directory;
pub mod loads;
pub mod section;
pub mod sessions;
pub mod user_session;
pub mod warm_up;
