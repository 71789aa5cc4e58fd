//! Stage 5, the destination: what the service behind the URL does with the request testRTC
//! sends, judged by the catalog's declarations ([`crate::catalog`]).
//!
//! testRTC's side can be perfect and the webhook still never post: Slack answers
//! `400 no_text` to testRTC's default body. This stage renders the request of every outcome
//! and applies the endpoint's rules to it:
//!
//! - [`judge`]: the interpreter: one request against the endpoint's declarations;
//! - [`diagnose`]: every outcome's findings as diagnostics, with fixes, and the verdict;
//! - [`verdict`]: the destination's verdict, apart from testRTC's;
//! - [`fixes`]: the one-click edits that give a config the destination accepts;
//! - [`preview`]: the message as the destination shows it, as plain data;
//! - [`reply`]: how the destination answers, and what its answers mean.

pub mod diagnose;
pub mod fixes;
pub mod judge;
pub mod preview;
pub mod reply;
pub mod verdict;

pub use crate::catalog::{recognise, DestinationId, Recognised};
pub use verdict::{Arrival, Refusal};
