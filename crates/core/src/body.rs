//! The body template, and its rendering as compact JSON text.
//!
//! The request needs the rendered body only as text, for each of the three outcomes.
//! Building a rendered [`Json`] tree (every key and string copied) and printing it, per
//! outcome, cost more than anything else in the pipeline. Instead the template's compact
//! text is written once, with a hole at each string that holds a placeholder; each render
//! copies that text and fills the holes. The result is the text that
//! `render_template(template, sample).to_compact()` gives (a property test holds them
//! together).

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use crate::json::stringify::{
    is_shortest_spelling, needs_escape, write_compact, write_escaped, write_string,
};
use crate::json::value::array_index;
use crate::json::{Json, Node, NodeValue};
use crate::sample::SampleData;
use crate::span::Span;
use crate::template::{Part, Template};
use crate::variables::DOCUMENTED;

/// The `body` of a webhook: the template as JavaScript holds it after `JSON.parse` (what
/// it dereferences to), and its compact text split at its placeholder strings.
/// Immutable, so that the two cannot disagree.
///
/// [`check`](crate::check()) compiles the body straight from the parse tree and keeps the
/// body's source text, not a [`Json`] copy of the tree: rendering needs only the compiled
/// text, and building (then freeing) a tree of owned strings cost more than the compiling.
/// The [`Json`] is read from that source text the first time it is asked for.
#[derive(Clone)]
pub struct BodyTemplate {
    /// The template as `JSON.parse` holds it: given, or read from `source` on first use.
    json: OnceLock<Json>,
    /// The body's source text, strict JSON (`check` makes a config only when the JSON has
    /// no error), when the body came from `check`; empty when the [`Json`] was given.
    source: Box<str>,
    /// Made with the template. A plain field, not a cell: filling a `OnceLock` goes through
    /// its synchronization (even `OnceLock::from` does), which cost more than compiling a
    /// small body.
    compiled: Compiled,
}

/// A template's compact text with a hole at each `<% this.NAME %>` placeholder. JSON
/// escapes one character at a time, so a string's escaped text is the escaped text of its
/// literal parts and of the values put between them: only the values are left to write.
#[derive(Clone, Debug, Default)]
struct Compiled {
    /// Everything else, escaped and quoted: keys, punctuation, numbers, text.
    literal: String,
    /// Where each value goes in `literal`, in order, and the variable it is (its index
    /// in [`DOCUMENTED`]). Placeholders of names that are not documented variables render
    /// as "" whatever the sample holds (it holds only documented ones): they leave no hole.
    holes: Vec<(usize, u8)>,
}

impl BodyTemplate {
    pub fn new(json: Json) -> Self {
        BodyTemplate {
            compiled: Compiled::from_json(&json),
            json: OnceLock::from(json),
            source: Box::default(),
        }
    }

    /// The body of a checked webhook, compiled from its parse tree. `source` is the text
    /// `node`'s spans index. `unique_keys`: no object in the tree repeats a key (the
    /// parser reported none), so the tree's member order is JavaScript's unless an object
    /// has an integer-like key.
    pub(crate) fn from_node(node: &Node, source: &str, unique_keys: bool) -> Self {
        let (json, compiled) = if unique_keys {
            let compiled = Compiled::new(node, source, false, node.span.len());
            (OnceLock::new(), compiled)
        } else {
            // Rare (a warning was given): let `JSON.parse`'s semantics sort the repeats
            // out once, and keep the tree that made.
            let json = node.to_json();
            let compiled = Compiled::from_json(&json);
            (OnceLock::from(json), compiled)
        };
        BodyTemplate {
            json,
            source: node.span.slice(source).into(),
            compiled,
        }
    }

    pub fn json(&self) -> &Json {
        self.json.get_or_init(|| read_source(&self.source))
    }

    pub fn into_json(self) -> Json {
        let BodyTemplate { json, source, .. } = self;
        json.into_inner().unwrap_or_else(|| read_source(&source))
    }

    /// Appends the compact JSON text of the template with every placeholder string
    /// rendered from `sample`: keys, order and the other values unchanged.
    pub(crate) fn write_rendered(&self, out: &mut String, sample: &SampleData) {
        let compiled = &self.compiled;
        // Each variable's value as a template inserts it, escaped as the string around it
        // is, once per render rather than once per placeholder, and only for the variables
        // the template uses; borrowed when it needs no escape (the sample's strings are
        // plain text).
        let mut values: [Option<Cow<str>>; DOCUMENTED.len()] = Default::default();
        // Sized exactly: the literal text and every value at each of its holes.
        let mut length = compiled.literal.len();
        for &(_, variable) in &compiled.holes {
            let variable = usize::from(variable);
            length += values[variable]
                .get_or_insert_with(|| inserted_text(sample, variable))
                .len();
        }
        out.reserve(length);
        let mut copied = 0;
        for &(at, variable) in &compiled.holes {
            out.push_str(&compiled.literal[copied..at]);
            out.push_str(values[usize::from(variable)].as_deref().unwrap_or_default());
            copied = at;
        }
        out.push_str(&compiled.literal[copied..]);
    }
}

/// The text a placeholder of documented variable `variable` puts in a JSON string: the
/// sample's string escaped, or a number's text; borrowed when nothing needs escaping.
fn inserted_text<'s>(sample: &'s SampleData, variable: usize) -> Cow<'s, str> {
    match sample.documented(variable) {
        Some(Json::String(value)) if !needs_escape(value) => Cow::Borrowed(value),
        Some(Json::String(value)) => {
            let mut escaped = String::with_capacity(value.len() + 8);
            write_escaped(&mut escaped, value);
            Cow::Owned(escaped)
        }
        Some(other) => {
            let mut text = String::new();
            write_compact(&mut text, other);
            // A number's text needs no escape.
            if !needs_escape(&text) {
                return Cow::Owned(text);
            }
            let mut escaped = String::with_capacity(text.len() + 8);
            write_escaped(&mut escaped, &text);
            Cow::Owned(escaped)
        }
        None => Cow::Borrowed(""),
    }
}

impl From<Json> for BodyTemplate {
    fn from(json: Json) -> Self {
        BodyTemplate::new(json)
    }
}

impl Deref for BodyTemplate {
    type Target = Json;

    fn deref(&self) -> &Json {
        self.json()
    }
}

/// Two bodies are equal when their templates are (the compiled text follows from them).
impl PartialEq for BodyTemplate {
    fn eq(&self, other: &Self) -> bool {
        // The same source text reads as the same template, without reading either.
        (!self.source.is_empty() && self.source == other.source) || self.json() == other.json()
    }
}

/// The template, as [`Json`].
impl fmt::Debug for BodyTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodyTemplate")
            .field("json", self.json())
            .finish_non_exhaustive()
    }
}

impl Compiled {
    /// Compiles `template`, whose spans index `source` ("" for a tree made from a
    /// [`Json`]). `ordered`: its objects are in JavaScript's key order already (it was
    /// made from a [`Json`]); otherwise they are in source order, with no repeated key.
    /// `capacity`: about the length of the compact text.
    fn new(template: &Node, source: &str, ordered: bool, capacity: usize) -> Self {
        let mut compiled = Compiled {
            literal: String::with_capacity(capacity),
            holes: Vec::new(),
        };
        compiled.write(template, source, ordered);
        compiled
    }

    /// A template given as [`Json`]: compiled through a tree that borrows its strings, so
    /// that one writer serves both.
    fn from_json(template: &Json) -> Self {
        Compiled::new(&Node::borrowing(template), "", true, 0)
    }

    /// The compact text of `template` as `JSON.parse` would hold it ([`write_compact`] of
    /// its [`Json`]), with the placeholders left as holes.
    fn write(&mut self, template: &Node, source: &str, ordered: bool) {
        let literal = &mut self.literal;
        match &template.value {
            // One pass over each string: without placeholders it is one piece of text, and
            // this writes what `write_string` writes.
            NodeValue::String(text) => {
                let plain = verbatim(text, template.span, source).is_some();
                literal.push('"');
                Template::visit_names(text, |part| match part {
                    Part::Text(text) if plain => literal.push_str(text),
                    Part::Text(text) => write_escaped(literal, text),
                    Part::Name(name) => {
                        if let Some(variable) = DOCUMENTED.iter().position(|&d| d == name) {
                            self.holes.push((literal.len(), variable as u8));
                        }
                    }
                });
                literal.push('"');
            }
            NodeValue::Array(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    self.literal.push_str(if i > 0 { "," } else { "[" });
                    self.write(item, source, ordered);
                }
                self.literal.push(']');
            }
            NodeValue::Object(members)
                if !ordered && members.iter().any(|m| array_index(&m.key).is_some()) =>
            {
                // `JSON.parse` moves integer-like keys first: let `to_json` order them (rare).
                let json = template.to_json();
                self.write(&Node::borrowing(&json), "", true);
            }
            NodeValue::Object(members) if !members.is_empty() => {
                for (i, member) in members.iter().enumerate() {
                    self.literal.push(if i > 0 { ',' } else { '{' });
                    match verbatim(&member.key, member.key_span, source) {
                        Some(quoted) => self.literal.push_str(quoted),
                        None => write_string(&mut self.literal, &member.key),
                    }
                    self.literal.push(':');
                    self.write(&member.value, source, ordered);
                }
                self.literal.push('}');
            }
            NodeValue::Array(_) => literal.push_str("[]"),
            NodeValue::Object(_) => literal.push_str("{}"),
            NodeValue::Null => literal.push_str("null"),
            NodeValue::Bool(b) => literal.push_str(if *b { "true" } else { "false" }),
            NodeValue::Number(n) => {
                // Most numbers are written as JavaScript prints them: copied, not printed.
                let spelled = template.span.slice(source);
                if is_shortest_spelling(spelled) {
                    literal.push_str(spelled);
                } else {
                    write_compact(literal, &Json::Number(*n));
                }
            }
        }
    }
}

/// The [`Json`] of a body's kept source text: the same tree `check` parsed it into, since
/// strict JSON reads the same wherever it stands.
fn read_source(source: &str) -> Json {
    crate::json::read(source).unwrap_or(Json::Null)
}

/// The source text of a string, quotes included, when it is the string as
/// [`write_string`] writes it: the lexer borrows a double-quoted string from the source
/// only when it holds nothing that JSON escapes (no `"`, `\` or control character), and
/// then its span is the string and its two quotes.
#[allow(clippy::ptr_arg)] // Whether it is borrowed is the point.
fn verbatim<'s>(text: &Cow<str>, span: Span, source: &'s str) -> Option<&'s str> {
    let quoted = span.slice(source);
    (matches!(text, Cow::Borrowed(_)) && quoted.len() == text.len() + 2).then_some(quoted)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::request::render_template;
    use crate::sample::Outcome;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        fragments(true)
    }

    /// Template text; `unclosed`: with a `<%` that is never closed (an error in `check`).
    fn fragments(unclosed: bool) -> impl Strategy<Value = String> {
        let open = if unclosed { "<%" } else { "%" };
        let fragment = prop_oneof![
            Just("<% this.testName %>".to_string()),
            Just("<%this.score%>".to_string()),
            Just("<% this.error %>".to_string()),
            Just("<% this.a.b %>".to_string()),
            Just("<% this.nope %>".to_string()),
            Just("<%this.resultUrl %>".to_string()),
            Just("<% this.failureReasons%>".to_string()),
            Just(open.to_string()),
            Just("%>".to_string()),
            Just("\"\\\n\u{1}é✓".to_string()),
            "\\PC{0,5}",
        ];
        prop::collection::vec(fragment, 0..5).prop_map(|parts| parts.concat())
    }

    /// Keys as people write them, and integer-like ones, which `JSON.parse` moves first.
    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => fragments(false),
            1 => "[0-9]{1,3}",
            1 => prop::sample::select(vec!["0", "01", "4294967295", "a", "b"]).prop_map(String::from),
        ]
    }

    /// Objects that may repeat keys and hold integer-like keys, at any depth; every
    /// placeholder is closed, so that `check` accepts most.
    fn template_with_keys() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<f64>().prop_map(Json::Number),
            fragments(false).prop_map(Json::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::vec((key(), inner), 0..6).prop_map(Json::Object),
            ]
        })
    }

    /// Body templates: nesting, placeholders (valid, unknown, dotted, unclosed), escapes.
    pub(crate) fn template() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<f64>().prop_map(Json::Number),
            (-1e6f64..1e6).prop_map(Json::Number),
            text().prop_map(Json::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::vec((text(), inner), 0..6).prop_map(Json::Object),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn rendered_body_text_is_the_compact_text_of_the_rendered_tree(
            template in template(),
            outcome in prop::sample::select(Outcome::ALL.to_vec()),
            name in prop::option::of("[a-z\"\\\\\n\u{1}é]{0,5}"),
            score in prop::option::of("-?[0-9]{1,3}(\\.[0-9]{1,2})?(e[0-9]{1,2})?|x\"y"),
        ) {
            let mut sample = SampleData::for_outcome(outcome);
            if let Some(name) = name {
                sample.set("testName", &name).unwrap();
            }
            if let Some(score) = score {
                sample.set("score", &score).unwrap();
            }
            let body = BodyTemplate::new(template.clone());
            // Twice: a render leaves the compiled template as it was.
            for _ in 0..2 {
                let mut ours = String::new();
                body.write_rendered(&mut ours, &sample);
                prop_assert_eq!(ours, render_template(&template, &sample).to_compact());
            }
        }
    }

    /// The text of a webhook whose `body` is `template` (wrapped in an object when it is
    /// not one), written compact or indented. Repeated keys are written as repeated members.
    fn webhook_text(template: &Json, pretty: bool) -> String {
        let body = match template {
            Json::Object(_) => template.clone(),
            other => Json::Object(vec![("k".to_string(), other.clone())]),
        };
        let body = if pretty {
            body.to_pretty()
        } else {
            body.to_compact()
        };
        format!("{{\n  \"url\": \"https://example.com/hook\",\n  \"body\": {body}\n}}\n")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// `check` compiles the body from its parse tree and keeps only its source text;
        /// what it renders, and the `Json` it gives when asked, are those of the body's
        /// parse tree converted as `JSON.parse` would (repeated and integer-like keys).
        #[test]
        fn body_compiled_from_the_parse_tree_renders_as_its_json(
            template in template_with_keys(),
            pretty in any::<bool>(),
            outcome in prop::sample::select(Outcome::ALL.to_vec()),
        ) {
            let text = webhook_text(&template, pretty);
            let report = crate::check(&text, None);
            // A `<%` from the random text can still leave a placeholder open.
            let Some(config) = report.config else {
                prop_assert!(report.diagnostics.iter().any(|d| d.rule.code().starts_with("template")));
                return Ok(());
            };
            let root = crate::json::parse(&text).root.expect("parsed");
            let members = root.as_object().expect("an object");
            let expected = members.iter().rev().find(|m| m.key == "body").unwrap().value.to_json();
            let body = config.body.expect("a body");
            let sample = SampleData::for_outcome(outcome);
            // Rendered before the `Json` is asked for, then after.
            for _ in 0..2 {
                let mut ours = String::new();
                body.write_rendered(&mut ours, &sample);
                prop_assert_eq!(ours, render_template(&expected, &sample).to_compact());
                prop_assert_eq!(body.json(), &expected);
            }
            prop_assert_eq!(body.clone().into_json(), expected.clone());
            prop_assert_eq!(BodyTemplate::from_node(&members[1].value, &text, false).into_json(), expected);
        }
    }
}
