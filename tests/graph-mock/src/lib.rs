//! A stand-in for Microsoft Graph (the Intune parts the helpdesk portal reads), for the demo
//! and the tests. It follows `shared/GRAPH.md`: paging, `$search`, `$batch`, CORS, error
//! bodies, throttling, and sign-in (Entra ID endpoints, scopes per call); see README.md for flags, fault injection and the tenant fixture schema.
// A managed device as Intune serves it is one `json!` literal of some sixty properties.
#![recursion_limit = "256"]

pub mod catalogue;
pub mod entra;
pub mod faults;
pub mod generate;
pub mod graph;
pub mod identity;
pub mod odata;
pub mod permissions;
pub mod response;
pub mod server;
pub mod tenant;
