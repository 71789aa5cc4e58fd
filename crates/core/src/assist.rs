//! Help while writing the webhook: what to complete at the caret ([`completion`]), what a
//! key, value or variable means ([`docs`]), what colour each token gets
//! ([`highlight`](mod@highlight)) and which character the pointer is on ([`position`]), read
//! from the text as typed, however unfinished; and [`session`], the state machine that
//! decides, event by event, what the editor shows of them.
//! DOM-free; the app only shows the list and inserts what is chosen.

pub mod brackets;
pub mod completion;
pub mod context;
pub mod docs;
pub mod format;
pub mod highlight;
pub mod position;
pub mod session;

pub use brackets::matching_bracket;
pub use completion::{complete, Completion, Completions};
pub use context::{context_at, Context, Place};
pub use docs::{hover, Doc, DocSource};
pub use format::formatted;
pub use highlight::{highlight, TokenClass};
pub use position::offset_at;
pub use session::{Anchor, AssistView, CompletionSession, DocKind, Edit, KeyDown, OpenList};
