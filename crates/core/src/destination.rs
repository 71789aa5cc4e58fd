//! Where the webhook goes, beyond testRTC: Slack, Discord, Teams, Google Chat, PagerDuty,
//! Opsgenie and the rest, recognised from the URL, with what each of them accepts.
//!
//! testRTC's side can be perfect and the webhook still never post: Slack answers
//! `400 no_text` to testRTC's default body. This module judges the request against the
//! destination's own rules (facts and sources: `docs/destinations.md`):
//!
//! - [`recognise`]: the destination from the URL's host and path shape;
//! - [`rules`]: the destination diagnostics of a config, over every outcome;
//! - [`fields`]: the body fields each destination reads, for completions and hover;
//! - [`fixes`]: one-click edits that give a config the destination accepts;
//! - [`secrets`]: the credential parts of URLs and bodies, for masking;
//! - [`preview`]: the message as the destination shows it, as plain data;
//! - [`reply`]: how the destination answers, and what its answers mean.

pub mod fields;
pub mod fixes;
pub mod preview;
pub mod recognise;
pub mod reply;
pub mod rules;
pub mod secrets;

pub use recognise::{recognise, DestinationId, Recognised};

/// The destination a config's URL names (none for Amazon SNS).
pub fn of_config(config: &crate::WebhookConfig) -> Option<Recognised> {
    match &config.target {
        crate::Target::Http { url, .. } => recognise(url),
        crate::Target::Sns(_) => None,
    }
}
