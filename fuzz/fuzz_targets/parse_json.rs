//! Arbitrary bytes (as UTF-8, lossily) through the JSON parser: it never panics, every
//! span lies within the input on character boundaries, and a parsed tree prints.
#![no_main]

use hookcheck_core::syntax::json::{self, Node, NodeValue};
use hookcheck_core::Severity;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn assert_tree(text: &str, node: &Node) {
    common::assert_span(text, node.span, "node");
    match &node.value {
        NodeValue::Array(items) => items.iter().for_each(|item| assert_tree(text, item)),
        NodeValue::Object(members) => {
            for member in members {
                common::assert_span(text, member.key_span, "key");
                assert_tree(text, &member.value);
            }
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = json::parse(&text);
    common::assert_diagnostics(&text, &parsed.diagnostics);
    if let Some(root) = &parsed.root {
        assert_tree(&text, root);
        let value = root.to_json();
        let compact = value.to_compact();
        // What core prints is strict JSON that reads back as the same text.
        let again = json::parse(&compact);
        assert!(
            again
                .diagnostics
                .iter()
                .all(|d| d.severity() != Severity::Error),
            "{compact} does not parse cleanly: {:?}",
            again.diagnostics
        );
        assert_eq!(again.root.map(|r| r.to_json().to_compact()), Some(compact));
        let _ = value.to_pretty();
    }
});
