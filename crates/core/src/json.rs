//! JSON as the advanced webhook field holds it: a lenient, span-keeping parser for what
//! people type ([`parser`]), the value model JavaScript sees after `JSON.parse`
//! ([`value`]), and `JSON.stringify`-exact output ([`stringify`]).

mod keys;
mod lexer;
pub mod number;
pub mod parser;
pub mod stringify;
pub mod value;

use crate::span::Span;

pub use parser::{parse, ParsedJson, MAX_DEPTH};
pub use value::Json;

/// A parsed JSON value with the span of its source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: NodeValue,
    /// The whole value in the source: a string's span includes its quotes.
    pub span: Span,
}

/// The value of a [`Node`]. Objects keep every member in source order, duplicates included,
/// so rules can point at each; [`Node::to_json`] applies `JSON.parse`'s semantics.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeValue {
    Null,
    Bool(bool),
    /// The number as JavaScript holds it (an IEEE double).
    Number(f64),
    /// The decoded string.
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// One `"key": value` of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The decoded key.
    pub key: String,
    /// The key in the source, quotes included.
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
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
            NodeValue::String(s) => Json::String(s.clone()),
            NodeValue::Array(items) => Json::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Object(members) => {
                Json::object_from_parsed(members.iter().map(|m| (m.key.clone(), m.value.to_json())))
            }
        }
    }

    /// [`Node::to_json`], moving the strings out of the tree instead of copying them.
    pub fn into_json(self) -> Json {
        self.into_json_with(false)
    }

    /// [`Node::into_json`]; with `unique_keys` the caller knows that no object in the tree
    /// repeats a key, so none is looked for.
    pub(crate) fn into_json_with(self, unique_keys: bool) -> Json {
        match self.value {
            NodeValue::Null => Json::Null,
            NodeValue::Bool(b) => Json::Bool(b),
            NodeValue::Number(n) => Json::Number(n),
            NodeValue::String(s) => Json::String(s),
            NodeValue::Array(items) => Json::Array(
                items
                    .into_iter()
                    .map(|item| item.into_json_with(unique_keys))
                    .collect(),
            ),
            NodeValue::Object(members) => {
                let members = members
                    .into_iter()
                    .map(|m| (m.key, m.value.into_json_with(unique_keys)));
                if unique_keys {
                    Json::object_from_unique(members.collect())
                } else {
                    Json::object_from_parsed(members)
                }
            }
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

    fn raw_string_body<'s>(&self, source: &'s str) -> Option<&'s str> {
        let token = self.span.slice(source);
        token.strip_prefix('"')?.strip_suffix('"')
    }
}
