//! Help while writing the webhook, read from the text as typed, however unfinished: what
//! colour each token gets ([`highlight`](mod@highlight)), which bracket partners the one at
//! the caret ([`brackets`]), which template variables to offer at the caret ([`variables`]),
//! and the "Format" action ([`format`]).
//! DOM-free; the app only draws what these return and inserts the formatted text.

pub mod brackets;
pub mod format;
pub mod highlight;
pub mod variables;

pub use brackets::bracket_pair;
pub use format::formatted;
pub use highlight::{highlight, TokenClass};
pub use variables::{variables_at, Offer};
