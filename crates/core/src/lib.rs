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
//! The folders are the pipeline, in order, and the order of the imports: each stage uses
//! only earlier ones and the shared pieces below, never a later one.
//!
//! | stage | module | what it owns | rule codes raised there |
//! |---|---|---|---|
//! | 1. syntax | [`syntax::json`] | the lenient JSON parser (`lexer.rs`, `parser.rs`), `JSON.parse`'s values, `JSON.stringify` output | `json-*` (but `json-not-object`) |
//! | | [`syntax::url`] | the webhook URL | `url-*` (but `url-required`) |
//! | | [`syntax::run_options`] | the Run Options field and `#webhook` | `run-option-*` |
//! | | [`syntax::template`] | `<% this.NAME %>` placeholders ([`syntax::variables`]: the names) | `template-*` |
//! | 2. catalog | [`catalog`] | what hookcheck knows about each destination, as data (one file per service), and reading a URL against it | |
//! | | [`product`] | the testRTC products whose webhooks share the field, as data (one file per product): their outcomes, samples, `ce-type`, templates | |
//! | 3. rules | [`rules::field`] | the Webhook field: a bare URL or a JSON object | `empty-input`, `json-not-object` |
//! | | [`rules::advanced_form`] | the keys of the JSON object | `url-required`, `key-*`, `format-unknown`, `fieldname-empty` |
//! | | [`rules::headers`] | the `headers` object | `header-*` |
//! | | [`rules::body`] | the body template's placeholders, against the product's variables | `template-product-undocumented` (and the `template-*` rules, per string) |
//! | | [`rules::sns`] | `"provider": "aws-sns"` | `provider-unknown`, `sns-*` |
//! | → | [`webhook`] | the checked [`WebhookConfig`]: what rules produce and render consumes | |
//! | 4. render | [`render::sample`] | the data of each [`Outcome`]: testingRTC's variables, or a product's payload | |
//! | | [`render::body`], [`render::request`] | the [`Request`] of SPEC §3: its exact bytes, the tree they are the text of, the checked URL | |
//! | | [`render::sns`], [`render::curl`] | the SNS Publish call; the curl command | |
//! | 5. destination | [`destination`] | the catalog's rules over every outcome's request, fixes, the verdict, the preview, replies | `destination-*` |
//! | 6. pipeline | [`pipeline`] | the entry point [`check()`]: the input modes and size, the stages in order | `input-too-large` |
//! | 7. browser | [`browser::send`] | the test call: preflight, guards, failures, wording | |
//! | | [`browser::relay`] | `hookcheck relay`: its documents (serde, for the CLI and the app), the pairing link, the words for a relayed call's failures | |
//! | | [`browser::embed`], [`browser::share`], [`browser::examples`] | the widget protocol, share links, the Examples menu | |
//! | 8. output | [`api`] | the JSON documents of `check --json`/`preview --json` and the JS API, and the widget's messages to its host | |
//! | beside | [`assist`] | help while typing: syntax colours, the bracket pair at the caret, the template variables offered at the caret, Format | |
//!
//! Shared: [`diagnostic`] (the [`Diagnostic`] type and the catalog of every [`Rule`]: code,
//! severity, one line each; docs/rules.md has an example per rule), [`span`] (byte spans,
//! lines and columns), [`secrets`] (what is masked), [`suggest`] ("did you mean"),
//! [`sort`] (the one stable sort), [`repeats`] (at most so many of each code, for text and
//! the page), [`words`] (counts and lists in messages), and `ascii` (case-insensitive
//! header names).
//!
//! To find a rule: take its code from the output (`header-duplicate`), find its variant in
//! [`Rule`] (`HeaderDuplicate`), and the table above names the file that raises it; each
//! rule has a test named for its behaviour in `crates/core/tests/`. To find what hookcheck
//! knows about a destination, open its file under `catalog/`.

pub mod api;
mod ascii;
pub mod assist;
pub mod browser;
pub mod catalog;
pub mod destination;
pub mod diagnostic;
pub mod pipeline;
pub mod product;
pub mod render;
pub mod repeats;
pub mod rules;
pub mod secrets;
pub mod sort;
pub mod span;
pub mod suggest;
pub mod syntax;
pub mod webhook;
pub mod words;

pub use browser::share::ShareState;
pub use catalog::Date;
pub use destination::{Arrival, Refusal};
pub use diagnostic::{Diagnostic, Fix, LocatedDiagnostic, Rule, Severity};
pub use pipeline::{check, check_with, Mode, Options, Report};
pub use product::Product;
pub use render::request::{render_request, Header, Provenance, Request};
pub use render::sample::{Outcome, SampleData};
pub use span::{LineIndex, Position, Span};
pub use webhook::{BodyTemplate, Format, Target, WebhookConfig};
