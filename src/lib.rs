//! The hookcheck browser app: a thin Yew layer over `hookcheck-core`.
//! Components present what core returns; no webhook logic lives here.

mod app;
pub mod boot;
pub mod components;
pub mod embed;
pub mod js_api;
pub mod services;
pub mod state;
pub mod web;

pub use app::App;
