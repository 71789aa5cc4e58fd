//! hookcheck-core: everything hookcheck knows about testRTC's end-of-run webhook.
//!
//! DOM-free and I/O-free: it parses the webhook field (or run options), diagnoses it, and
//! renders the exact HTTP request testRTC would send. The browser app, its JS API and the
//! CLI only present what this crate returns.

pub mod diagnostic;
pub mod json;
pub mod run_options;
pub mod span;
pub mod url;

pub use diagnostic::{Diagnostic, Fix, LocatedDiagnostic, Rule, Severity};
pub use span::{LineIndex, Position, Span};
