//! hookcheck-core: everything hookcheck knows about testRTC's end-of-run webhook.
//!
//! DOM-free and I/O-free: it parses the webhook field (or run options), diagnoses it, and
//! renders the exact HTTP request testRTC would send. The browser app, its JS API and the
//! CLI only present what this crate returns.
//!
//! ```
//! use hookcheck_core::{check, render_request, SampleData, Outcome};
//! let report = check("https://example.com/hook", None);
//! assert!(report.is_valid());
//! let request = render_request(report.config.as_ref().unwrap(), &SampleData::for_outcome(Outcome::Success));
//! assert_eq!(request.body, r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}"#);
//! ```

pub mod api;
mod ascii;
pub mod assist;
pub mod before_send;
pub mod body;
pub mod check;
pub mod config;
pub mod cors;
pub mod curl;
pub mod diagnostic;
pub mod embed;
pub mod examples;
pub mod headers;
pub mod json;
pub mod request;
pub mod run_options;
pub mod sample;
pub mod secrets;
pub mod share;
pub mod sns;
pub mod sort;
pub mod span;
pub mod suggest;
pub mod template;
pub mod url;
pub mod variables;
mod words;

pub use body::BodyTemplate;
pub use check::{check, Mode, Report};
pub use config::{Format, Target, WebhookConfig};
pub use diagnostic::{Diagnostic, Fix, LocatedDiagnostic, Rule, Severity};
pub use request::{render_request, Header, Provenance, Request};
pub use sample::{Outcome, SampleData};
pub use share::ShareState;
pub use span::{LineIndex, Position, Span};
