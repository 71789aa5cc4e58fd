//! The run-options tokenizer (stub; being written).
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// One `#name[:value]` option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOption {
    /// The name without `#`.
    pub name: String,
    /// From `#` to the end of the value.
    pub span: Span,
    /// The value after `:`, with its span (leading spaces before a JSON value excluded).
    pub value: Option<(String, Span)>,
}

/// What [`parse`] found.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub options: Vec<RunOption>,
    /// Span of the first `#webhook` value, when it has one.
    pub webhook: Option<Span>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Tokenizes a run-options string (SPEC §1.1) and checks every option but the webhook's value.
pub fn parse(_text: &str) -> RunOptions {
    RunOptions::default()
}
