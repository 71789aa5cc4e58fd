//! The hookcheck browser app: a thin Yew layer over `hookcheck-core`.
//! Components present what core returns; no webhook logic lives here.
//!
//! Two pages, two wasm modules built from this crate: [`App`], the full page (`src/main.rs`),
//! and [`Widget`], the embed widget, whose module also exports the JS API
//! (`src/bin/hookcheck-widget`). Both draw the input and the preview from one workbench
//! (`src/workbench.rs`).

mod app;
pub mod boot;
pub mod components;
pub mod embed;
pub mod services;
pub mod state;
pub mod web;
mod widget;
mod workbench;

pub use app::App;
pub use widget::Widget;

/// Talc instead of Rust's default wasm allocator (dlmalloc): about 1.6 KB gzip smaller on each
/// page, and faster at the many small allocations a keystroke makes.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
