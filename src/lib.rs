//! helpdesk: a troubleshooting portal for IT help-desk operators on Microsoft Intune.
//!
//! Layers: `graph` (the Graph client), `auth` (sign-in and tokens), `domain` (what the data means), `components` and
//! `pages` (rendering only); `text` (every string, plain data), `i18n` (its view-side context), `config` and `browser` serve them all.

pub mod app;
pub mod auth;
pub mod browser;
pub mod components;
pub mod config;
pub mod domain;
pub mod graph;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod state;
pub mod text;
