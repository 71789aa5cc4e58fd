//! What the browser's test call can and cannot do, decided without a browser.
//!
//! testRTC calls the webhook server to server. hookcheck's "Send test call" runs `fetch` in
//! a page instead, so browser rules apply that testRTC never meets. This module owns them,
//! in four parts:
//!
//! - [`preflight`]: whether the browser preflights the call, which headers it drops, mixed
//!   content (after the Fetch standard);
//! - [`guard`]: the guard rails that stop a send or ask first, and the timeout field;
//! - [`failure`]: the one failure enum ([`SendFailure`]), named from the facts the wasm layer
//!   gathers ([`FetchFacts`]) by [`classify`];
//! - [`wording`]: the words the person reads about each failure and refusal;
//! - [`notes`]: what the send panel says before a call (dropped headers, mixed content,
//!   offline).
//!
//! A failed `fetch` rejects with a bare `TypeError: Failed to fetch` whether CORS blocked
//! it, the port was closed or the name did not resolve. hookcheck tells them apart with a
//! second, harmless probe in `no-cors` mode (a `HEAD` without custom headers, which needs no
//! preflight): if the probe gets any (opaque) answer the host is reachable, so CORS blocked
//! the call; if the probe fails too, nothing answered.

pub mod failure;
pub mod guard;
pub mod notes;
pub mod preflight;
pub mod wording;

pub use crate::browser::explanation::Explanation;
pub use failure::{classify, http_failure, probe_helps, FetchFacts, Probe, SendFailure};
pub use guard::{needs_confirmation, parse_timeout_seconds, send_guard, Refusal};
pub use preflight::{dropped_headers, mixed_content, predict_preflight, sent_headers, Preflight};

/// The timeout of a test call when the person does not choose one.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// The shortest and longest timeouts the person may choose.
pub const TIMEOUT_RANGE_MS: (u32, u32) = (100, 300_000);
/// How long the reachability probe may take before hookcheck gives up on it.
pub const PROBE_TIMEOUT_MS: u32 = 5_000;
