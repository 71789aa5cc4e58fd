//! The lenient JSON parser (stub; being written).
use super::Node;
use crate::diagnostic::Diagnostic;

/// Objects and arrays may nest this deep; deeper is an error.
pub const MAX_DEPTH: usize = 128;

/// What [`parse`] found.
#[derive(Clone, Debug, Default)]
pub struct ParsedJson {
    /// The value, as far as it could be recovered; `None` when nothing usable was found.
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `text` as JSON, reporting every error it can recover from.
pub fn parse(_text: &str) -> ParsedJson {
    ParsedJson::default()
}
