//! Codes Microsoft publishes, each explained in the project's own words in English and French.

pub mod app_install;
pub mod signin;
