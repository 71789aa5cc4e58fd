//! Stage 2, rules: what the parsed input means as a testRTC webhook. [`check`] is the entry
//! point; it runs the readers of [`crate::syntax`] and the rules here, and returns a
//! [`Report`](check::Report) of every diagnostic and, when the input is valid, the
//! [`WebhookConfig`](crate::WebhookConfig).
//!
//! - [`check`]: the two input modes, the input size, a JSON value that is not an object;
//! - [`advanced_form`]: the keys of the JSON object (`url`, `format`, `fieldname`, `body`,
//!   unknown keys and their suggestions);
//! - [`headers`]: header names, values and meanings;
//! - [`body`]: the placeholders of the body template;
//! - [`sns`]: `"provider": "aws-sns"` and its keys.

pub mod advanced_form;
pub mod body;
pub mod check;
pub mod headers;
pub mod sns;
