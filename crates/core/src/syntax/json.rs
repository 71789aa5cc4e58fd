//! JSON as the advanced webhook field holds it: a lenient, span-keeping parser for what
//! people type ([`parser`]), the value model JavaScript sees after `JSON.parse`
//! ([`value`]), and `JSON.stringify`-exact output ([`stringify`](mod@stringify)).

pub(crate) mod keys;
pub(crate) mod lexer;
pub mod number;
pub mod parser;
pub mod stringify;
pub mod value;

use crate::repeats::Diagnostics;
use std::borrow::Cow;

use crate::span::Span;

pub use parser::{parse, ParsedJson, MAX_DEPTH};
pub use value::Json;

/// The value `JSON.parse` makes of `text`, as [`parse`] reads it; `None` when there is no
/// value at all. For text known to be JSON (what the pipeline wrote, a checked body).
pub fn read(text: &str) -> Option<Json> {
    parse(text).root.map(Node::into_json)
}

/// [`read`] for text from outside (a share code, a host's message, a server's reply):
/// `None` unless the text is JSON without a single diagnostic.
pub fn read_strict(text: &str) -> Option<Json> {
    let parsed = parse(text);
    if !parsed.diagnostics.is_empty() {
        return None;
    }
    parsed.root.map(Node::into_json)
}

/// A parsed JSON value with the span of its source text. Its strings borrow from the
/// parsed text (`'t`) where the source spells them without escapes, so that parsing does
/// not allocate and copy every key and string.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'t> {
    pub value: NodeValue<'t>,
    /// The whole value in the source: a string's span includes its quotes.
    pub span: Span,
}

/// The value of a [`Node`]. Objects keep every member in source order, duplicates included,
/// so rules can point at each; [`Node::to_json`] applies `JSON.parse`'s semantics.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeValue<'t> {
    Null,
    Bool(bool),
    /// The number as JavaScript holds it (an IEEE double).
    Number(f64),
    /// The decoded string: borrowed from the source when it has no escapes.
    String(Cow<'t, str>),
    Array(Vec<Node<'t>>),
    Object(Vec<Member<'t>>),
}

/// One `"key": value` of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'t> {
    /// The decoded key: borrowed from the source when it has no escapes.
    pub key: Cow<'t, str>,
    /// The key in the source, quotes included.
    pub key_span: Span,
    pub value: Node<'t>,
}

impl<'t> Node<'t> {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member<'t>]> {
        match &self.value {
            NodeValue::Object(members) => Some(members),
            _ => None,
        }
    }

    /// A word for the value's JSON type, for messages: "a string", "an object" ...
    pub fn type_name(&self) -> &'static str {
        match self.value {
            NodeValue::Null => "null",
            NodeValue::Bool(_) => "a boolean",
            NodeValue::Number(_) => "a number",
            NodeValue::String(_) => "a string",
            NodeValue::Array(_) => "an array",
            NodeValue::Object(_) => "an object",
        }
    }

    /// The value JavaScript's `JSON.parse` would make of this node: a later duplicate key
    /// replaces the earlier value but keeps the earlier position, and integer-like keys
    /// ("0", "42") come first in ascending order, as in every JavaScript object.
    pub fn to_json(&self) -> Json {
        match &self.value {
            NodeValue::Null => Json::Null,
            NodeValue::Bool(b) => Json::Bool(*b),
            NodeValue::Number(n) => Json::Number(*n),
            NodeValue::String(s) => Json::String(s.to_string()),
            NodeValue::Array(items) => Json::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Object(members) => Json::object_from_parsed(
                members
                    .iter()
                    .map(|m| (m.key.to_string(), m.value.to_json())),
            ),
        }
    }

    /// [`Node::to_json`], moving the owned strings out of the tree instead of copying them.
    pub fn into_json(self) -> Json {
        match self.value {
            NodeValue::Null => Json::Null,
            NodeValue::Bool(b) => Json::Bool(b),
            NodeValue::Number(n) => Json::Number(n),
            NodeValue::String(s) => Json::String(s.into_owned()),
            NodeValue::Array(items) => {
                Json::Array(items.into_iter().map(Node::into_json).collect())
            }
            NodeValue::Object(members) => Json::object_from_parsed(
                members
                    .into_iter()
                    .map(|m| (m.key.into_owned(), m.value.into_json())),
            ),
        }
    }

    /// Maps a span inside a string's decoded value to a span in the source. When the
    /// source spells the string without escapes the mapping is exact; otherwise the
    /// whole string token is the best honest answer.
    pub fn source_span_within(&self, source: &str, inner: Span) -> Span {
        let (Some(decoded), Some(raw)) = (self.as_str(), self.raw_string_body(source)) else {
            return self.span;
        };
        if raw == decoded && inner.end <= decoded.len() {
            inner.shifted(self.span.start + 1)
        } else {
            self.span
        }
    }

    /// For a string node: whether the source spells it in double quotes without escapes,
    /// so that byte offsets in the decoded value are offsets in the source too.
    pub fn is_verbatim_string(&self, source: &str) -> bool {
        matches!((self.as_str(), self.raw_string_body(source)), (Some(d), Some(r)) if d == r)
    }

    /// Adds to `diagnostics` the findings of a check of this string's decoded value,
    /// their spans mapped into the source. A fix is kept only where the mapping is exact
    /// (the string is spelled without escapes); elsewhere it would edit the wrong bytes.
    pub(crate) fn report_within(
        &self,
        source: &str,
        found: Diagnostics,
        diagnostics: &mut Diagnostics,
    ) {
        if found.is_empty() {
            return;
        }
        // What `source_span_within` does, with the string compared to its source once
        // rather than once per finding (a long string can hold thousands).
        let verbatim = self.is_verbatim_string(source);
        let decoded_len = self.as_str().map_or(0, str::len);
        let map = |inner: Span| {
            if verbatim && inner.end <= decoded_len {
                inner.shifted(self.span.start + 1)
            } else {
                self.span
            }
        };
        diagnostics.append(found, |mut diagnostic| {
            diagnostic.span = map(diagnostic.span);
            diagnostic.fix = diagnostic.fix.filter(|_| verbatim).map(|mut fix| {
                fix.span = map(fix.span);
                fix
            });
            diagnostic
        });
    }

    fn raw_string_body<'s>(&self, source: &'s str) -> Option<&'s str> {
        let token = self.span.slice(source);
        token.strip_prefix('"')?.strip_suffix('"')
    }
}
