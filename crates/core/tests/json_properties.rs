//! Properties of the JSON parser and writer over generated inputs: no input panics, every
//! span fits the input, valid JSON is silent, and the writer agrees with serde_json.

use hookcheck_core::syntax::json::{parse, stringify, Node, NodeValue, ParsedJson};
use proptest::prelude::*;

/// Asserts that every span in the parse (diagnostics, fixes, nodes, keys) lies within
/// `text` on character boundaries with start <= end, and that every fix applies.
fn assert_spans_fit(text: &str, parsed: &ParsedJson) {
    let fits = |start: usize, end: usize, what: &str| {
        assert!(
            start <= end,
            "{what} {start}..{end} is reversed in {text:?}"
        );
        assert!(end <= text.len(), "{what} {start}..{end} overruns {text:?}");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what} {start}..{end} splits a character in {text:?}"
        );
    };
    for diagnostic in &parsed.diagnostics {
        fits(diagnostic.span.start, diagnostic.span.end, "diagnostic");
        if let Some(fix) = &diagnostic.fix {
            fits(fix.span.start, fix.span.end, "fix");
            assert!(fix.apply(text).is_some());
        }
    }
    let mut stack: Vec<&Node> = parsed.root.iter().collect();
    while let Some(node) = stack.pop() {
        fits(node.span.start, node.span.end, "node");
        match &node.value {
            NodeValue::Array(items) => stack.extend(items),
            NodeValue::Object(members) => {
                for member in members {
                    fits(member.key_span.start, member.key_span.end, "key");
                    stack.push(&member.value);
                }
            }
            _ => {}
        }
    }
}

/// Fragments of JSON as people type it: real tokens, testRTC's habits, and accidents.
fn near_json_fragment() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\"url\"",
        "\"a\\n\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "\"\\u12\"",
        "\"\\x\"",
        "\"\\",
        "\"",
        "'",
        "`",
        "'single'",
        "'it\\'s'",
        "`back\ntick`",
        "`${x}`",
        "// note\n",
        "//",
        "/* block */",
        "/*",
        "*/",
        "...",
        "…",
        "01",
        ".5",
        "1.",
        "+1",
        "-",
        "1e",
        "1e400",
        "-0",
        "0x1F",
        "NaN",
        "-Infinity",
        "true",
        "True",
        "null",
        "undefined",
        "url",
        "Content-Type",
        "https://x.com/a?b=c",
        "json/text",
        "=",
        ";",
        "@",
        "\u{a0}",
        "\u{feff}",
        "\u{2028}",
        "“q”",
        "‘q’",
        "é",
        "😀",
        "\u{0}",
        "\u{1f}",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        8 => fixed,
        1 => any::<String>().prop_map(|s| s.chars().take(4).collect()),
        1 => "[ -~]{0,3}",
    ]
}

fn near_json() -> impl Strategy<Value = String> {
    prop::collection::vec(near_json_fragment(), 0..40).prop_map(|parts| parts.concat())
}

/// A JSON value whose keys are never integer-like (JavaScript would reorder those) and
/// whose numbers are integers a double holds exactly.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
        "[\\x00-\\x1f\"\\\\\u{7f}\u{2028}é😀a]{0,6}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec(("k\\PC{0,6}", inner), 0..6)
                .prop_map(|members| { serde_json::Value::Object(members.into_iter().collect()) }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_fit(text in any::<String>()) {
        let parsed = parse(&text);
        assert_spans_fit(&text, &parsed);
    }

    #[test]
    fn near_json_never_panics_and_spans_fit(text in near_json()) {
        let parsed = parse(&text);
        assert_spans_fit(&text, &parsed);
    }

    #[test]
    fn fixes_applied_to_near_json_still_parse_safely(text in near_json()) {
        for diagnostic in parse(&text).diagnostics.iter() {
            if let Some(repaired) = diagnostic.fix.as_ref().and_then(|fix| fix.apply(&text)) {
                let parsed = parse(&repaired);
                assert_spans_fit(&repaired, &parsed);
            }
        }
    }

    #[test]
    fn valid_json_has_no_diagnostics_and_writes_back_as_serde_json(value in json_value()) {
        let compact = serde_json::to_string(&value).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        for text in [&compact, &pretty] {
            let parsed = parse(text);
            prop_assert_eq!(&parsed.diagnostics, &[]);
            assert_spans_fit(text, &parsed);
            let json = parsed.root.expect("a root").to_json();
            prop_assert_eq!(&stringify::compact(&json), &compact);
            prop_assert_eq!(&stringify::pretty(&json), &pretty);
        }
    }

    #[test]
    fn finite_numbers_round_trip_through_their_text(
        n in any::<f64>().prop_filter("finite", |n| n.is_finite())
    ) {
        let text = stringify::compact(&hookcheck_core::syntax::json::Json::Number(n));
        let parsed = parse(&text);
        prop_assert_eq!(&parsed.diagnostics, &[]);
        let Some(NodeValue::Number(back)) = parsed.root.map(|node| node.value) else {
            panic!("{text} is not a number");
        };
        prop_assert_eq!(back, if n == 0.0 { 0.0 } else { n });
        prop_assert_eq!(text.parse::<f64>().ok(), Some(back));
    }
}
