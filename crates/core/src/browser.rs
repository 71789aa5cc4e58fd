//! Stage 7, what the browser needs besides the request: whether and how the test call can
//! be sent from a page, the embed protocol, share links, and the ready-made examples.
//!
//! - [`send`]: preflight prediction, send guards, failure classification and its wording;
//! - [`relay`]: `hookcheck relay`'s documents, the pairing link, and the words for a relayed
//!   call's failures;
//! - [`explanation`]: the title, message and what to do that both explain;
//! - [`embed`]: the embed widget's options and the messages it exchanges with its host;
//! - [`share`]: share links and the state they carry;
//! - [`examples`]: the configurations of the Examples menu;
//! - [`wording`]: the two verdicts (badge and arrival line), the preview's SNS note, the
//!   share panel and the sample editor.

pub mod embed;
pub mod examples;
pub mod explanation;
pub mod relay;
pub mod send;
pub mod share;
pub mod wording;
