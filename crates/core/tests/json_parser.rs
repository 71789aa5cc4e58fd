//! The lenient JSON parser (SPEC §2.2): strict JSON is silent, every error names its
//! span, testRTC's documentation habits get their own rules and fixes, and the parser
//! recovers so that several errors are all reported.

use hookcheck_core::syntax::json::{parse, Json, Node, NodeValue, ParsedJson, MAX_DEPTH};
use hookcheck_core::{Diagnostic, Rule, Severity, Span};

/// `(code, spanned text)` of every diagnostic, in order.
fn found(text: &str) -> Vec<(&'static str, String)> {
    parse(text)
        .diagnostics
        .iter()
        .map(|d| (d.code(), d.span.slice(text).to_string()))
        .collect()
}

fn only(text: &str) -> Diagnostic {
    let parsed = parse(text);
    assert_eq!(
        parsed.diagnostics.len(),
        1,
        "{text:?} gave {:#?}",
        parsed.diagnostics
    );
    parsed.diagnostics[0].clone()
}

fn root_json(text: &str) -> Json {
    parse(text).root.expect("a root value").to_json()
}

fn fixed(text: &str, diagnostic: &Diagnostic) -> String {
    diagnostic
        .fix
        .as_ref()
        .expect("a fix")
        .apply(text)
        .expect("the fix fits")
}

// ---- strict JSON ------------------------------------------------------------------------

#[test]
fn strict_json_parses_without_diagnostics() {
    let inputs = [
        "{}",
        "[]",
        r#"{"url": "https://example.com/hook"}"#,
        " \t\r\n{ \"a\" : [ 1 , -2.5e-3 , 0 , -0 , 1E+2 , true , false , null ] } \n",
        r#"{"headers": {"Authorization": "Bearer x"}, "body": {"n": "<%= this.testName %>"}}"#,
        r#""just a string""#,
        "42",
        "null",
        r#"{"esc": "\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00"}"#,
        r#"{"": ""}"#,
        "{\"unicode\": \"é€😀\u{2028}\"}",
        r#"[[[[[]]]], {"a": {"b": {}}}]"#,
    ];
    for text in inputs {
        let parsed = parse(text);
        assert_eq!(parsed.diagnostics, [], "{text:?}");
        assert!(parsed.root.is_some(), "{text:?}");
    }
}

#[test]
fn spans_cover_values_and_keys_include_quotes() {
    let text = r#"{"url": "x", "n": [1, true]}"#;
    let root = parse(text).root.unwrap();
    assert_eq!(root.span, Span::new(0, text.len()));
    let members = root.as_object().unwrap();
    assert_eq!(members[0].key_span.slice(text), r#""url""#);
    assert_eq!(members[0].value.span.slice(text), r#""x""#);
    assert_eq!(members[1].key_span.slice(text), r#""n""#);
    assert_eq!(members[1].value.span.slice(text), "[1, true]");
    let NodeValue::Array(items) = &members[1].value.value else {
        panic!("an array")
    };
    assert_eq!(items[0].span.slice(text), "1");
    assert_eq!(items[1].span.slice(text), "true");
}

#[test]
fn string_escapes_and_surrogate_pairs_are_decoded() {
    let json = root_json(r#"["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00"]"#);
    assert_eq!(
        json,
        Json::Array(vec![
            Json::string("\"\\/\u{8}\u{c}\n\r\t"),
            Json::string("é€"),
            Json::string("😀"),
        ])
    );
}

#[test]
fn lone_surrogate_escape_decodes_to_replacement_character_with_a_warning() {
    let parsed = parse(r#"["\ud800", "\udc00x"]"#);
    let found: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.span))
        .collect();
    assert_eq!(
        found,
        [
            (Rule::JsonLoneSurrogate, Span::new(2, 8)),
            (Rule::JsonLoneSurrogate, Span::new(12, 18))
        ]
    );
    assert_eq!(
        parsed.root.unwrap().to_json(),
        Json::Array(vec![Json::string("\u{fffd}"), Json::string("\u{fffd}x")])
    );
}

#[test]
fn numbers_are_read_as_doubles() {
    assert_eq!(
        root_json("[1e400, -1e400, 0.1, 123456789012345678901234567890]"),
        Json::Array(vec![
            Json::Number(f64::INFINITY),
            Json::Number(f64::NEG_INFINITY),
            Json::Number(0.1),
            Json::Number(1.2345678901234568e29),
        ])
    );
}

#[test]
fn later_duplicate_wins_in_the_json_value() {
    assert_eq!(
        root_json(r#"{"a": 1, "b": 2, "a": 3}"#),
        Json::object([("a", Json::Number(3.0)), ("b", Json::Number(2.0))])
    );
}

// ---- testRTC's documentation habits ----------------------------------------------------

#[test]
fn trailing_comma_points_at_the_comma() {
    for text in [r#"{"a": 1,}"#, "[1, 2 ,\n]", r#"{"a": [1,], "b": 2}"#] {
        let diagnostic = only(text);
        assert_eq!(diagnostic.rule, Rule::JsonTrailingComma, "{text:?}");
        assert_eq!(diagnostic.span.slice(text), ",", "{text:?}");
        assert!(diagnostic
            .message
            .contains("testRTC's documentation examples"));
        let repaired = fixed(text, &diagnostic);
        assert_eq!(parse(&repaired).diagnostics, [], "{repaired:?}");
    }
}

#[test]
fn comment_and_trailing_comma_are_both_reported() {
    let text = "{\n  // where to send it\n  \"url\": \"https://example.com\",\n}";
    assert_eq!(
        found(text),
        [
            ("json-comment", "// where to send it".to_string()),
            ("json-trailing-comma", ",".to_string()),
        ]
    );
    assert_eq!(
        root_json(text),
        Json::object([("url", Json::string("https://example.com"))])
    );
}

#[test]
fn comments_are_reported_and_removed_by_their_fix() {
    for (text, comment) in [
        ("{\"a\": 1 // one\n}", "// one"),
        ("{/* lead */ \"a\": 1}", "/* lead */"),
        ("{\"a\": /* multi\nline */ 1}", "/* multi\nline */"),
        ("{\"a\": 1}\n// at the end", "// at the end"),
    ] {
        let diagnostic = only(text);
        assert_eq!(diagnostic.rule, Rule::JsonComment);
        assert_eq!(diagnostic.span.slice(text), comment);
        assert!(diagnostic.message.contains("not valid JSON"));
        assert_eq!(parse(&fixed(text, &diagnostic)).diagnostics, []);
        assert_eq!(root_json(text), Json::object([("a", Json::Number(1.0))]));
    }
}

#[test]
fn unterminated_block_comment_is_a_comment_error() {
    let text = "{\"a\": 1 /* never closed }";
    let diagnostic = only(text);
    assert_eq!(diagnostic.rule, Rule::JsonComment);
    assert_eq!(diagnostic.span.slice(text), "/* never closed }");
    assert!(diagnostic.message.contains("never closed"));
}

#[test]
fn single_quoted_strings_become_strings_and_fix_to_double_quotes() {
    let text = r#"{'url': 'say "hi" it\'s'}"#;
    let parsed = parse(text);
    let spans: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.span.slice(text)))
        .collect();
    assert_eq!(
        spans,
        [
            (Rule::JsonSingleQuotes, "'url'"),
            (Rule::JsonSingleQuotes, r#"'say "hi" it\'s'"#),
        ]
    );
    let value = &parsed.diagnostics[1];
    assert_eq!(
        value.fix.as_ref().unwrap().replacement,
        r#""say \"hi\" it's""#
    );
    assert_eq!(
        parsed.root.unwrap().to_json(),
        Json::object([("url", Json::string(r#"say "hi" it's"#))])
    );
}

#[test]
fn backtick_string_fix_is_a_json_string() {
    let text = "{\"body\": `line one\n\t\"two\"`}";
    let diagnostic = only(text);
    assert_eq!(diagnostic.rule, Rule::JsonBacktickString);
    assert_eq!(diagnostic.span.slice(text), "`line one\n\t\"two\"`");
    assert_eq!(
        diagnostic.fix.as_ref().unwrap().replacement,
        r#""line one\n\t\"two\"""#
    );
    let repaired = fixed(text, &diagnostic);
    assert_eq!(parse(&repaired).diagnostics, []);
    assert_eq!(root_json(&repaired), root_json(text));
    assert_eq!(
        root_json(text),
        Json::object([("body", Json::string("line one\n\t\"two\""))])
    );
}

#[test]
fn unquoted_keys_are_keys_and_fix_to_quoted_keys() {
    for (text, key) in [
        (r#"{url: "x"}"#, "url"),
        (r#"{Content-Type: "x"}"#, "Content-Type"),
        (r#"{$ref_1: "x"}"#, "$ref_1"),
    ] {
        let diagnostic = only(text);
        assert_eq!(diagnostic.rule, Rule::JsonUnquotedKey);
        assert_eq!(diagnostic.span.slice(text), key);
        assert_eq!(
            diagnostic.fix.as_ref().unwrap().replacement,
            format!("\"{key}\"")
        );
        assert_eq!(root_json(text), Json::object([(key, Json::string("x"))]));
    }
}

#[test]
fn placeholders_are_dropped_and_removed_with_their_comma() {
    // (input, what the fix leaves)
    let cases = [
        (r#"{"a": 1, ...}"#, r#"{"a": 1}"#),
        (r#"{..., "a": 1}"#, r#"{ "a": 1}"#),
        ("{...}", "{}"),
        ("[1, 2, ...]", "[1, 2]"),
        ("[..., 3]", "[ 3]"),
        ("[1, …]", "[1]"),
        (r#"{"a": 1 ...}"#, r#"{"a": 1 }"#),
    ];
    for (text, repaired) in cases {
        let diagnostic = only(text);
        assert_eq!(diagnostic.rule, Rule::JsonPlaceholder, "{text:?}");
        assert!(matches!(diagnostic.span.slice(text), "..." | "…"));
        assert_eq!(fixed(text, &diagnostic), repaired, "{text:?}");
        assert_eq!(parse(repaired).diagnostics, [], "{repaired:?}");
        assert_eq!(root_json(text), root_json(repaired), "{text:?}");
    }
}

#[test]
fn placeholder_as_a_value_has_no_fix_and_drops_the_member() {
    let text = r#"{"url": "x", "body": ...}"#;
    let diagnostic = only(text);
    assert_eq!(diagnostic.rule, Rule::JsonPlaceholder);
    assert_eq!(diagnostic.fix, None);
    assert_eq!(root_json(text), Json::object([("url", Json::string("x"))]));
}

#[test]
fn every_habit_in_one_input_is_reported_and_the_tree_survives() {
    let text = "{\n  // testRTC example\n  url: 'https://example.com/hook',\n  \"headers\": {\"X\": `a`, ...},\n  \"body\": [1, 2,],\n}";
    let rules: Vec<Rule> = parse(text).diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            Rule::JsonComment,
            Rule::JsonUnquotedKey,
            Rule::JsonSingleQuotes,
            Rule::JsonBacktickString,
            Rule::JsonPlaceholder,
            Rule::JsonTrailingComma,
            Rule::JsonTrailingComma,
        ]
    );
    assert_eq!(
        root_json(text),
        Json::object([
            ("url", Json::string("https://example.com/hook")),
            ("headers", Json::object([("X", Json::string("a"))])),
            (
                "body",
                Json::Array(vec![Json::Number(1.0), Json::Number(2.0)])
            ),
        ])
    );
}

#[test]
fn duplicate_key_warns_on_the_later_key() {
    let text = r#"{"url": "a", "x": {"url": 1}, "url": "b"}"#;
    let diagnostic = only(text);
    assert_eq!(diagnostic.rule, Rule::JsonDuplicateKey);
    assert_eq!(diagnostic.severity(), Severity::Warning);
    assert_eq!(diagnostic.span, Span::new(30, 35));
    assert!(diagnostic.message.contains("later value wins"));
    assert!(diagnostic.message.contains("JSON.parse"));
}

// ---- generic syntax errors ------------------------------------------------------------

#[test]
fn invalid_numbers_name_their_span_and_fix_where_mechanical() {
    // (number, replacement offered by the fix)
    let cases = [
        ("01", Some("1")),
        ("-007", Some("-7")),
        (".5", Some("0.5")),
        ("-.5", Some("-0.5")),
        ("1.", Some("1.0")),
        ("1.e3", Some("1.0e3")),
        ("+1", Some("1")),
        ("0x1F", Some("31")),
        ("1e", None),
        ("1e+", None),
        ("-", None),
        ("-Infinity", None),
        ("NaN", None),
        ("Infinity", None),
        ("1.2.3", Some("\"1.2.3\"")),
    ];
    for (number, replacement) in cases {
        let text = format!("[{number}]");
        let diagnostic = only(&text);
        assert_eq!(diagnostic.rule, Rule::JsonSyntax, "{number}");
        assert_eq!(diagnostic.span, Span::new(1, 1 + number.len()), "{number}");
        assert!(diagnostic.help.is_some(), "{number}");
        assert_eq!(
            diagnostic.fix.as_ref().map(|f| f.replacement.as_str()),
            replacement,
            "{number}"
        );
    }
}

#[test]
fn raw_line_break_in_a_string_says_write_backslash_n() {
    let text = "{\"body\": \"one\ntwo\r\nthree\"}";
    let diagnostic = only(text);
    assert_eq!(diagnostic.rule, Rule::JsonSyntax);
    assert_eq!(diagnostic.span.slice(text), "\n");
    assert!(diagnostic
        .message
        .contains("JSON strings cannot hold a raw line break; write \\n"));
    let repaired = fixed(text, &diagnostic);
    assert_eq!(repaired, r#"{"body": "one\ntwo\nthree"}"#);
    assert_eq!(root_json(text), root_json(&repaired));
}

#[test]
fn raw_tab_and_control_characters_are_reported() {
    for (text, escape) in [("[\"a\tb\"]", "\\t"), ("[\"a\u{1}b\"]", "\\u0001")] {
        let diagnostic = only(text);
        assert!(
            diagnostic.message.contains(escape),
            "{}",
            diagnostic.message
        );
        assert_eq!(
            fixed(text, &diagnostic),
            format!("[\"a{escape}b\"]"),
            "{text:?}"
        );
    }
}

#[test]
fn string_left_open_at_the_end_of_its_line_is_closed_there() {
    let text = "{\"url\": \"https://x\n}";
    let diagnostic = only(text);
    assert_eq!(diagnostic.span.slice(text), "\"https://x");
    assert!(diagnostic.message.contains("never closed"));
    assert_eq!(fixed(text, &diagnostic), "{\"url\": \"https://x\"\n}");
    assert_eq!(
        root_json(text),
        Json::object([("url", Json::string("https://x"))])
    );
}

#[test]
fn string_left_open_at_the_end_of_input_is_one_error() {
    let text = "{\"url\": \"https://x}";
    let diagnostic = only(text);
    assert_eq!(diagnostic.span.slice(text), "\"https://x}");
}

#[test]
fn invalid_escapes_are_reported_with_their_span() {
    let cases = [
        (r#"["C:\Users"]"#, r"\U", Some(r"\\U")),
        (r#"["it\'s"]"#, r"\'", Some("'")),
        (r#"["\u12"]"#, r"\u12", None),
        (r#"["\x41"]"#, r"\x", Some(r"\\x")),
    ];
    for (text, escape, replacement) in cases {
        let diagnostic = only(text);
        assert_eq!(diagnostic.span.slice(text), escape, "{text}");
        assert_eq!(
            diagnostic.fix.as_ref().map(|f| f.replacement.as_str()),
            replacement,
            "{text}"
        );
    }
}

#[test]
fn missing_comma_between_members_is_inserted_by_the_fix() {
    let text = "{\"a\": 1\n \"b\": 2}";
    let diagnostic = only(text);
    assert_eq!(diagnostic.span, Span::point(7));
    assert!(diagnostic.message.contains("Missing ','"));
    assert_eq!(fixed(text, &diagnostic), "{\"a\": 1,\n \"b\": 2}");
    assert_eq!(
        root_json(text),
        Json::object([("a", Json::Number(1.0)), ("b", Json::Number(2.0))])
    );
}

#[test]
fn missing_comma_between_items_is_inserted_by_the_fix() {
    let text = "[1 2 {}]";
    let parsed = parse(text);
    assert_eq!(parsed.diagnostics.len(), 2);
    assert_eq!(parsed.diagnostics[0].span, Span::point(2));
    assert_eq!(parsed.diagnostics[1].span, Span::point(4));
}

#[test]
fn missing_colon_is_inserted_by_the_fix() {
    let text = r#"{"a" 1}"#;
    let diagnostic = only(text);
    assert_eq!(diagnostic.span, Span::point(4));
    assert_eq!(fixed(text, &diagnostic), r#"{"a": 1}"#);
}

#[test]
fn missing_closing_brace_at_the_end_is_reported_and_closed() {
    let text = "{\"a\": {\"b\": [1";
    let diagnostic = only(text);
    assert_eq!(diagnostic.span, Span::point(text.len()));
    assert!(diagnostic.message.contains("line 1, column 13"));
    assert_eq!(fixed(text, &diagnostic), "{\"a\": {\"b\": [1]}}");
    assert_eq!(
        root_json(text),
        Json::object([(
            "a",
            Json::object([("b", Json::Array(vec![Json::Number(1.0)]))])
        )])
    );
}

#[test]
fn wrong_closing_bracket_closes_the_inner_container() {
    let text = r#"{"a": [1, 2}"#;
    let diagnostic = only(text);
    assert!(diagnostic.message.contains("Missing ']'"));
    assert_eq!(fixed(text, &diagnostic), r#"{"a": [1, 2]}"#);
}

#[test]
fn mistyped_closing_bracket_is_replaced_by_the_right_one() {
    let text = r#"{"a": {"b": 1}, "c": 2]"#;
    let diagnostic = only(text);
    assert_eq!(diagnostic.span.slice(text), "]");
    assert!(diagnostic.message.contains("line 1, column 1"));
    assert_eq!(fixed(text, &diagnostic), r#"{"a": {"b": 1}, "c": 2}"#);
}

#[test]
fn stray_closing_bracket_is_removed() {
    let text = "[1, 2}]";
    let diagnostic = only(text);
    assert_eq!(diagnostic.span.slice(text), "}");
    assert_eq!(fixed(text, &diagnostic), "[1, 2]");
    assert_eq!(
        root_json(text),
        Json::Array(vec![Json::Number(1.0), Json::Number(2.0)])
    );
}

#[test]
fn errors_that_follow_an_error_directly_are_not_reported() {
    // A lost closing quote: the key swallows `: `, and the rest is a consequence.
    let text = "{\"a\": \"x\",\n  \"b: \"y\"\n}";
    let messages: Vec<_> = parse(text)
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(
        messages,
        [
            "Missing ':' after the key.",
            "This string is never closed before the end of its line.",
        ]
    );
    // Independent errors, with sound text between them, are all reported.
    assert_eq!(parse("[1 2 3]").diagnostics.len(), 2);
}

#[test]
fn text_after_the_value_is_reported_once() {
    let text = "{\"a\": 1}}  ;\n";
    let diagnostic = only(text);
    assert_eq!(diagnostic.span.slice(text), "}  ;");
    assert_eq!(fixed(text, &diagnostic), "{\"a\": 1}\n");
    let text = r#"{"a": 1} {"b": 2}"#;
    assert_eq!(only(text).span.slice(text), r#"{"b": 2}"#);
}

#[test]
fn unexpected_characters_are_reported_once_and_parsing_resumes() {
    let text = r#"{"a": @@ 1 2 x [3, {}], "b": 2}"#;
    let diagnostic = only(text);
    assert_eq!(diagnostic.span.slice(text), "@");
    assert_eq!(root_json(text), Json::object([("b", Json::Number(2.0))]));
}

#[test]
fn unquoted_text_value_is_read_as_a_string() {
    let text = r#"{"url": https://example.com/hook?a=1, "format": json/text}"#;
    let parsed = parse(text);
    let spans: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| d.span.slice(text))
        .collect();
    assert_eq!(spans, ["https://example.com/hook?a=1", "json/text"]);
    assert_eq!(
        parsed.root.unwrap().to_json(),
        Json::object([
            ("url", Json::string("https://example.com/hook?a=1")),
            ("format", Json::string("json/text")),
        ])
    );
}

#[test]
fn javascript_literals_get_a_lower_case_fix() {
    for (word, replacement) in [
        ("True", "true"),
        ("FALSE", "false"),
        ("None", "null"),
        ("undefined", "null"),
    ] {
        let text = format!("[{word}]");
        let diagnostic = only(&text);
        assert_eq!(diagnostic.fix.unwrap().replacement, replacement);
    }
}

#[test]
fn copied_typography_is_reported() {
    let text = "{“url”:\u{a0}\"x\"}";
    let found = found(text);
    assert_eq!(
        found,
        [
            ("json-syntax", "“url”".to_string()),
            ("json-syntax", "\u{a0}".to_string()),
        ]
    );
    assert_eq!(root_json(text), Json::object([("url", Json::string("x"))]));
}

#[test]
fn text_before_the_value_is_skipped_to_the_first_brace() {
    let text = r#"webhook = {"url": "x"}"#;
    let diagnostic = only(text);
    assert_eq!(diagnostic.span.slice(text), "webhook =");
    assert_eq!(root_json(text), Json::object([("url", Json::string("x"))]));
}

#[test]
fn empty_input_has_no_root() {
    let parsed = parse("  \n");
    assert!(parsed.root.is_none());
    assert_eq!(parsed.diagnostics.len(), 1);
}

// ---- fixes ------------------------------------------------------------------------------

/// Applying any fix the parser offers gives text whose re-parse no longer has that error.
#[test]
fn each_fix_removes_its_error() {
    let corpus = [
        "{\n  // a comment\n  \"url\": \"x\",\n}",
        "{/* c */ \"a\": [1, 2,], 'b': `c\nd`, e: ...}",
        r#"{url: 'x', "a": [..., 1], "b": {...}, "c": [1, ...]}"#,
        r#"{"a": 01, "b": .5, "c": +1, "d": 1., "e": 0xff, "f": 1.2.3}"#,
        "{\"a\": \"one\ntwo\", \"b\": \"t\tab\"}",
        r#"{"a": "C:\Users", "b": "it\'s"}"#,
        "{\"a\": 1 \"b\": 2 \"c\" 3}",
        "{\"a\": [1, 2}",
        "{\"a\": {\"b\": 1",
        "{\"a\": 1}};",
        "{\"a\" = True, \"b\": None, \"c\": https://x.com}",
        "{“a”: ‘b’,\u{a0}\"c\": 1}\u{feff}",
        "[1,,2]",
        "{\"url\": \"x\n}",
        "[1 2]",
        "{\"a\": {\"b\": 1}]",
        "[1, 2}]",
    ];
    for text in corpus {
        let before = parse(text);
        let with_fixes: Vec<&Diagnostic> = before
            .diagnostics
            .iter()
            .filter(|d| d.fix.is_some())
            .collect();
        assert!(!with_fixes.is_empty(), "{text:?} offers no fix");
        for diagnostic in with_fixes {
            let repaired = fixed(text, diagnostic);
            let after = parse(&repaired);
            let still_there = after.diagnostics.iter().any(|d| {
                d.rule == diagnostic.rule
                    && d.span.start == diagnostic.span.start
                    && d.message == diagnostic.message
            });
            assert!(
                !still_there,
                "fix {:?} of {:?} in {text:?} left it in {repaired:?}",
                diagnostic.fix, diagnostic.message
            );
            let count = |p: &ParsedJson| {
                p.diagnostics
                    .iter()
                    .filter(|d| d.rule == diagnostic.rule)
                    .count()
            };
            assert!(
                count(&after) < count(&before),
                "fix of {:?} in {text:?} did not reduce {:?}: {repaired:?}",
                diagnostic.message,
                diagnostic.rule
            );
        }
    }
}

// ---- depth and size ---------------------------------------------------------------------

fn depth(node: &Node) -> usize {
    // Iterative, like the parser: the tree is at most MAX_DEPTH deep anyway.
    let mut deepest = 0;
    let mut stack = vec![(node, 1)];
    while let Some((node, level)) = stack.pop() {
        deepest = deepest.max(level);
        match &node.value {
            NodeValue::Array(items) => stack.extend(items.iter().map(|n| (n, level + 1))),
            NodeValue::Object(members) => {
                stack.extend(members.iter().map(|m| (&m.value, level + 1)))
            }
            _ => {}
        }
    }
    deepest
}

#[test]
fn nesting_to_max_depth_is_accepted() {
    let text = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    let parsed = parse(&text);
    assert_eq!(parsed.diagnostics, []);
    assert_eq!(depth(&parsed.root.unwrap()), MAX_DEPTH);
}

#[test]
fn nesting_deeper_than_max_depth_is_reported_once_at_the_bracket() {
    let inner = format!("{}{}", "{\"a\": [".repeat(100), "]}".repeat(100));
    let text = format!("[{inner}, {inner}]");
    let diagnostic = only(&text);
    assert_eq!(diagnostic.rule, Rule::JsonTooDeep);
    assert_eq!(diagnostic.span.len(), 1);
    let opening = text[..diagnostic.span.start]
        .bytes()
        .filter(|b| matches!(b, b'{' | b'['))
        .count();
    assert_eq!(opening, MAX_DEPTH);
    assert!(depth(&parse(&text).root.unwrap()) <= MAX_DEPTH);
}

#[test]
fn two_hundred_thousand_open_brackets_neither_panic_nor_overflow() {
    let text = "[".repeat(200_000);
    let parsed = parse(&text);
    assert!(parsed
        .diagnostics
        .iter()
        .any(|d| d.rule == Rule::JsonTooDeep));
    assert!(parsed.diagnostics.len() <= 2);
    let text = "{\"a\":".repeat(200_000);
    let parsed = parse(&text);
    assert!(parsed.diagnostics.len() <= 2);
}

#[test]
fn a_megabyte_of_input_parses_in_linear_time() {
    // Valid JSON, then the same size of broken JSON: both must finish promptly.
    let member = r#""key": ["value\n", 12.5e3, true, null, {"x": "é😀"}], "#;
    let mut text = String::from("{");
    let mut i = 0;
    while text.len() < 1_000_000 {
        text.push_str(&member.replace("key", &format!("k{i}")));
        i += 1;
    }
    text.push_str("\"end\": 0}");
    let parsed = parse(&text);
    assert_eq!(parsed.diagnostics, []);

    let broken = "{'a': `b`, c: [1,,], // x\n \"d\n\": 01, ...,\n".repeat(25_000);
    let parsed = parse(&broken);
    assert!(!parsed.diagnostics.is_empty());

    // One long line of errors whose messages name a line and column.
    let mismatched = format!("[{}]", "[{]".repeat(300_000));
    assert!(
        parse(&mismatched)
            .diagnostics
            .count(hookcheck_core::Severity::Error)
            >= 300_000
    );

    let quotes = "\"\n\\\"".repeat(250_000);
    parse(&quotes);
}
