//! The body template's rules: the placeholders of every string in `body` (SPEC §2.4), and
//! the template read as `JSON.parse` reads it.

use crate::repeats::Diagnostics;
use crate::syntax::json::{Node, NodeValue};
use crate::syntax::template::Template;
use crate::syntax::variables::Vocabulary;
use crate::webhook::BodyTemplate;

/// The body of a checked webhook, from its parse tree (`JSON.parse`'s reading of repeated
/// and integer-like keys), with its placeholders checked against `vocabulary` into
/// `diagnostics`. `source` is the text `node`'s spans index.
pub(crate) fn read_body(
    node: &Node,
    source: &str,
    vocabulary: Vocabulary,
    diagnostics: &mut Diagnostics,
) -> BodyTemplate {
    check_templates(node, source, vocabulary, diagnostics);
    BodyTemplate::new(node.to_json())
}

/// Checks the placeholders in every string value inside `node`, iteratively (the parser
/// bounds depth, but a stack keeps this safe whatever the tree). Strings are checked where
/// they are met and only containers wait on the stack.
fn check_templates<'a, 't>(
    node: &'a Node<'t>,
    source: &str,
    vocabulary: Vocabulary,
    diagnostics: &mut Diagnostics,
) {
    let mut stack: Vec<&'a Node<'t>> = Vec::new();
    let mut next = Some(node);
    while let Some(node) = next.take().or_else(|| stack.pop()) {
        let mut visit = |child: &'a Node<'t>| match &child.value {
            NodeValue::String(text) => {
                child.report_within(source, Template::check(text, vocabulary), diagnostics)
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

#[cfg(test)]
pub(crate) mod tests {
    use crate::render::body::render_template;
    use crate::render::sample::{Outcome, SampleData};
    use crate::syntax::json::Json;
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

        /// The body of a checked webhook is its parse tree read as `JSON.parse` reads it
        /// (repeated and integer-like keys), and renders as that tree does.
        #[test]
        fn the_body_of_a_checked_webhook_is_its_parse_tree_as_json(
            template in template_with_keys(),
            pretty in any::<bool>(),
            outcome in prop::sample::select(Outcome::EVERY.to_vec()),
        ) {
            let text = webhook_text(&template, pretty);
            let report = crate::check(&text, None);
            // A `<%` from the random text can still leave a placeholder open.
            let Some(config) = report.config else {
                prop_assert!(report.diagnostics.iter().any(|d| d.rule.code().starts_with("template")));
                return Ok(());
            };
            let root = crate::syntax::json::parse(&text).root.expect("parsed");
            let members = root.as_object().expect("an object");
            let expected = members.iter().rev().find(|m| m.key == "body").unwrap().value.to_json();
            let body = config.body.expect("a body");
            prop_assert_eq!(body.json(), &expected);
            let sample = SampleData::for_outcome(outcome);
            prop_assert_eq!(render_template(&body, &sample), render_template(&expected, &sample));
            prop_assert_eq!(body.into_json(), expected);
        }
    }
}
