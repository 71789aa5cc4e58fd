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

use crate::diagnostic::Diagnostic;
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
pub struct BodyTemplate<'t> {
    /// The template as `JSON.parse` holds it: given, or read from `source` on first use.
    json: OnceLock<Json>,
    /// The body's source text, strict JSON (`check` makes a config only when the JSON has
    /// no error), when the body came from `check`, borrowed from the checked text; empty
    /// when the [`Json`] was given.
    source: Cow<'t, str>,
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

impl BodyTemplate<'static> {
    pub fn new(json: Json) -> Self {
        BodyTemplate {
            compiled: Compiled::from_json(&json),
            json: OnceLock::from(json),
            source: Cow::Borrowed(""),
        }
    }
}

impl<'t> BodyTemplate<'t> {
    /// The body of a checked webhook, compiled from its parse tree, with its placeholders
    /// checked (SPEC §2.4) into `diagnostics`. `source` is the text `node`'s spans index.
    /// `unique_keys`: no object in the tree repeats a key (the parser reported none), so
    /// the tree's member order is JavaScript's unless an object has an integer-like key.
    pub(crate) fn from_node(
        node: &Node,
        source: &'t str,
        unique_keys: bool,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let (json, compiled) = if unique_keys {
            // Compiling reads every placeholder, so it checks them in the same scan.
            let compiled = Compiled::new(node, source, node.span.len(), Some(diagnostics));
            (OnceLock::new(), compiled)
        } else {
            // Rare (a warning was given): let `JSON.parse`'s semantics sort the repeats
            // out once, and keep the tree that made. Every string is checked, the ones
            // a repeat hides too.
            check_templates(node, source, diagnostics);
            let json = node.to_json();
            let compiled = Compiled::from_json(&json);
            (OnceLock::from(json), compiled)
        };
        BodyTemplate {
            json,
            source: Cow::Borrowed(node.span.slice(source)),
            compiled,
        }
    }

    pub fn json(&self) -> &Json {
        self.json.get_or_init(|| read_source(&self.source))
    }

    /// The template with its own copy of the source text it borrowed.
    pub fn into_owned(self) -> BodyTemplate<'static> {
        BodyTemplate {
            json: self.json,
            source: Cow::Owned(self.source.into_owned()),
            compiled: self.compiled,
        }
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

impl From<Json> for BodyTemplate<'static> {
    fn from(json: Json) -> Self {
        BodyTemplate::new(json)
    }
}

impl Deref for BodyTemplate<'_> {
    type Target = Json;

    fn deref(&self) -> &Json {
        self.json()
    }
}

/// Two bodies are equal when their templates are (the compiled text follows from them).
impl PartialEq for BodyTemplate<'_> {
    fn eq(&self, other: &Self) -> bool {
        // The same source text reads as the same template, without reading either.
        (!self.source.is_empty() && self.source == other.source) || self.json() == other.json()
    }
}

/// The template, as [`Json`].
impl fmt::Debug for BodyTemplate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodyTemplate")
            .field("json", self.json())
            .finish_non_exhaustive()
    }
}

impl Compiled {
    /// Compiles `template`, a parse tree whose spans index `source`, with its objects in
    /// source order and no repeated key. `capacity`: about the length of the compact text.
    /// With `checks`, the template's placeholders are checked as they are read, and what
    /// is found goes there.
    fn new(
        template: &Node,
        source: &str,
        capacity: usize,
        checks: Option<&mut Vec<Diagnostic>>,
    ) -> Self {
        let mut compiled = Compiled {
            literal: String::with_capacity(capacity),
            holes: Vec::new(),
        };
        compiled.write(template, source, false, checks);
        compiled
    }

    /// A template given as [`Json`]: compiled through a tree that borrows its strings, so
    /// that one writer serves both.
    fn from_json(template: &Json) -> Self {
        let mut compiled = Compiled::default();
        compiled.write(&Node::borrowing(template), "", true, None);
        compiled
    }

    /// The compact text of `template` as `JSON.parse` would hold it ([`write_compact`] of
    /// its [`Json`]), with the placeholders left as holes. `source` is what its spans
    /// index ("" for a tree made from a [`Json`]); `ordered`: its objects are in
    /// JavaScript's key order already (it was made from a [`Json`]). `checks`: as in
    /// [`Compiled::new`].
    fn write(
        &mut self,
        template: &Node,
        source: &str,
        ordered: bool,
        mut checks: Option<&mut Vec<Diagnostic>>,
    ) {
        let literal = &mut self.literal;
        match &template.value {
            // One pass over each string: without placeholders it is one piece of text, and
            // this writes what `write_string` writes.
            NodeValue::String(text) => {
                let plain = verbatim(text, template.span, source).is_some();
                literal.push('"');
                // Found in the string's decoded text; no allocation unless there is any.
                let mut found = Vec::new();
                let found_in = checks.is_some().then_some(&mut found);
                Template::visit_names(text, found_in, |part| match part {
                    Part::Text(text) if plain => literal.push_str(text),
                    Part::Text(text) => write_escaped(literal, text),
                    Part::Name(_, Some(variable)) => {
                        self.holes.push((literal.len(), variable as u8));
                    }
                    // Not a documented variable: nothing to fill in.
                    Part::Name(_, None) => {}
                });
                literal.push('"');
                if let Some(checks) = checks {
                    template.report_within(source, found, checks);
                }
            }
            NodeValue::Array(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    self.literal.push_str(if i > 0 { "," } else { "[" });
                    self.write(item, source, ordered, checks.as_deref_mut());
                }
                self.literal.push(']');
            }
            NodeValue::Object(members)
                if !ordered && members.iter().any(|m| array_index(&m.key).is_some()) =>
            {
                // `JSON.parse` moves integer-like keys first: let `to_json` order them (rare).
                // Its tree has no spans in the source: the strings are checked here.
                if let Some(checks) = checks {
                    check_templates(template, source, checks);
                }
                let json = template.to_json();
                self.write(&Node::borrowing(&json), "", true, None);
            }
            NodeValue::Object(members) if !members.is_empty() => {
                for (i, member) in members.iter().enumerate() {
                    self.literal.push(if i > 0 { ',' } else { '{' });
                    match verbatim(&member.key, member.key_span, source) {
                        Some(quoted) => self.literal.push_str(quoted),
                        None => write_string(&mut self.literal, &member.key),
                    }
                    self.literal.push(':');
                    self.write(&member.value, source, ordered, checks.as_deref_mut());
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

/// Checks the placeholders in every string value inside `node`, iteratively (the parser
/// bounds depth, but a stack keeps this safe whatever the tree): for the trees the
/// compiler does not read string by string. Strings are checked where they are met and
/// only containers wait on the stack.
fn check_templates<'a, 't>(node: &'a Node<'t>, source: &str, diagnostics: &mut Vec<Diagnostic>) {
    let mut stack: Vec<&'a Node<'t>> = Vec::new();
    let mut next = Some(node);
    while let Some(node) = next.take().or_else(|| stack.pop()) {
        let mut visit = |child: &'a Node<'t>| match &child.value {
            NodeValue::String(text) => {
                child.report_within(source, Template::check(text), diagnostics)
            }
            NodeValue::Array(_) | NodeValue::Object(_) => stack.push(child),
            _ => {}
        };
        match &node.value {
            NodeValue::Array(items) => items.iter().for_each(visit),
            NodeValue::Object(members) => members.iter().for_each(|m| visit(&m.value)),
            _ => visit(node),
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

    /// The diagnostics in one order, whatever order a walk found them in.
    fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, a.code(), &a.message).cmp(&(
                b.span.start,
                b.span.end,
                b.code(),
                &b.message,
            ))
        });
        diagnostics
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Compiling a body checks its placeholders in the same scan: it reports exactly
        /// what checking every string on its own reports, spans and fixes mapped into the
        /// source alike, and compiles the same text as a compile without checks.
        #[test]
        fn a_body_compiled_with_its_checks_reports_what_checking_each_string_reports(
            template in prop_oneof![template(), template_with_keys()],
            pretty in any::<bool>(),
        ) {
            let source = if pretty { template.to_pretty() } else { template.to_compact() };
            let parsed = crate::json::parse(&source);
            let root = parsed.root.expect("a serialized template parses");
            let unique_keys = !parsed
                .diagnostics
                .iter()
                .any(|d| d.rule == crate::diagnostic::Rule::JsonDuplicateKey);

            let mut in_one_scan = Vec::new();
            let body = BodyTemplate::from_node(&root, &source, unique_keys, &mut in_one_scan);
            let mut string_by_string = Vec::new();
            check_templates(&root, &source, &mut string_by_string);
            prop_assert_eq!(sorted(in_one_scan), sorted(string_by_string));

            let unchecked = if unique_keys {
                Compiled::new(&root, &source, 0, None)
            } else {
                Compiled::from_json(&root.to_json())
            };
            prop_assert_eq!(&body.compiled.literal, &unchecked.literal);
            prop_assert_eq!(&body.compiled.holes, &unchecked.holes);
        }

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
            prop_assert_eq!(BodyTemplate::from_node(&members[1].value, &text, false, &mut Vec::new()).into_json(), expected);
        }
    }
}
