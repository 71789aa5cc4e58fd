//! Stage 3, rules: what the parsed input means as a testRTC webhook: every diagnostic of
//! testRTC's rules and, when nothing is an error, the [`WebhookConfig`](crate::WebhookConfig).
//!
//! - [`field`]: the Webhook field (a bare URL, or a JSON value that must be an object);
//! - [`advanced_form`]: the keys of the JSON object (`url`, `format`, `fieldname`, `body`,
//!   unknown keys and their suggestions);
//! - [`headers`]: header names, values and meanings;
//! - [`body`]: the placeholders of the body template;
//! - [`sns`]: `"provider": "aws-sns"` and its keys.

pub mod advanced_form;
pub mod body;
pub mod field;
pub mod headers;
pub mod sns;
