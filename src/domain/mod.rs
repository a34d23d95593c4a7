//! What the Graph data means for the operator: plain Rust, tested natively.

pub mod account;
