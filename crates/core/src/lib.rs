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
//!
//! # Map
//!
//! The folders are the pipeline, in order. Each depends only on earlier stages, on
//! [`webhook`] (the hand-off from rules to render) and on the shared pieces below; nothing
//! depends on a later stage, with two exceptions: the entry point [`check()`] runs the whole
//! pipeline (it renders every outcome to judge it by the destination's rules), and what
//! masks secrets (the curl command, share links) asks [`destination::secrets`] which parts of
//! a URL or body are credentials.
//!
//! | stage | module | what it owns | rule codes raised there |
//! |---|---|---|---|
//! | 1. syntax | [`syntax::json`] | the lenient JSON parser (`lexer.rs`, `parser.rs`), `JSON.parse`'s values, `JSON.stringify` output | `json-*` (but `json-not-object`) |
//! | | [`syntax::url`] | the webhook URL | `url-*` (but `url-required`) |
//! | | [`syntax::run_options`] | the Run Options field and `#webhook` | `run-option-*` |
//! | | [`syntax::template`] | `<% this.NAME %>` placeholders ([`syntax::variables`]: the names) | `template-*` |
//! | 2. rules | [`rules::check`] | the entry point [`check()`]: input modes and size | `empty-input`, `input-too-large`, `json-not-object` |
//! | | [`rules::advanced_form`] | the keys of the JSON object | `url-required`, `key-*`, `format-unknown`, `fieldname-empty` |
//! | | [`rules::headers`] | the `headers` object | `header-*` |
//! | | [`rules::body`] | the body template's placeholders | (the `template-*` rules, per string) |
//! | | [`rules::sns`] | `"provider": "aws-sns"` | `provider-unknown`, `sns-*` |
//! | → | [`webhook`] | the checked [`WebhookConfig`]: what rules produce and render consumes | |
//! | 3. render | [`render::sample`] | the run's variables per [`Outcome`] | |
//! | | [`render::body`], [`render::request`] | the [`Request`] of SPEC §3, steps 1–3 and 4–5 | |
//! | | [`render::sns`], [`render::curl`] | the SNS Publish call; the curl command | |
//! | 4. destination | [`destination`] | where the URL goes (Slack, Discord, …): recognition, its rules over every outcome's rendered request, fixes, URL secrets, its preview and replies | `destination-*` |
//! | 5. browser | [`browser::send`] | the test call: preflight, guards, failures, wording | |
//! | | [`browser::embed`], [`browser::share`], [`browser::examples`] | the widget protocol, share links, the Examples menu | |
//! | 6. output | [`api`] | the JSON documents of `check --json`/`preview --json` and the JS API | |
//! | beside | [`assist`] | help while typing: completions, docs at the caret, bracket pairs, Format | |
//!
//! Shared: [`diagnostic`] (the [`Diagnostic`] type and the catalog of every [`Rule`]: code,
//! severity, one line each; docs/rules.md has an example per rule), [`span`] (byte spans,
//! lines and columns), [`secrets`] (what is masked), [`suggest`] ("did you mean"),
//! [`sort`] (the one stable sort), [`repeats`] (at most so many of each code, for text and
//! the page), and `ascii` (case-insensitive header names).
//!
//! To find a rule: take its code from the output (`header-duplicate`), find its variant in
//! [`Rule`] (`HeaderDuplicate`), and the table above names the file that raises it; each
//! rule has a test named for its behaviour in `crates/core/tests/`.

pub mod api;
mod ascii;
pub mod assist;
pub mod browser;
pub mod destination;
pub mod diagnostic;
pub mod render;
pub mod repeats;
pub mod rules;
pub mod secrets;
pub mod sort;
pub mod span;
pub mod suggest;
pub mod syntax;
pub mod webhook;

pub use browser::share::ShareState;
pub use diagnostic::{Diagnostic, Fix, LocatedDiagnostic, Rule, Severity};
pub use render::request::{render_request, Header, Provenance, Request};
pub use render::sample::{Outcome, SampleData};
pub use rules::check::{check, Mode, Report};
pub use span::{LineIndex, Position, Span};
pub use webhook::{BodyTemplate, Format, Target, WebhookConfig};
