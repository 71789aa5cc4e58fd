//! `JSON.stringify`-exact output (SPEC §3 step 5): the expected strings below are what
//! JavaScript writes for the same values.

use hookcheck_core::syntax::json::stringify::{compact, pretty, write_string};
use hookcheck_core::syntax::json::Json;

fn n(value: f64) -> Json {
    Json::Number(value)
}

fn s(value: &str) -> Json {
    Json::string(value)
}

#[test]
fn integers_print_without_fraction() {
    for (value, text) in [
        (0.0, "0"),
        (1.0, "1"),
        (-42.0, "-42"),
        (1e20, "100000000000000000000"),
        (9007199254740991.0, "9007199254740991"),
        (123456789012345680000.0, "123456789012345680000"),
    ] {
        assert_eq!(compact(&n(value)), text);
    }
}

#[test]
fn numbers_follow_ecmascript_number_to_string() {
    for (value, text) in [
        (-0.0, "0"),
        (0.5, "0.5"),
        (-1.25, "-1.25"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e21, "1e+21"),
        (1.5e21, "1.5e+21"),
        (1.5e300, "1.5e+300"),
        (1e-7, "1e-7"),
        (1.5e-7, "1.5e-7"),
        (0.000001, "0.000001"),
        (0.0000012345, "0.0000012345"),
        (123.456, "123.456"),
        (5e-324, "5e-324"),
        (f64::MAX, "1.7976931348623157e+308"),
        (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
    ] {
        assert_eq!(compact(&n(value)), text, "{value:e}");
    }
}

#[test]
fn nan_and_infinities_print_as_null() {
    let value = Json::Array(vec![n(f64::NAN), n(f64::INFINITY), n(f64::NEG_INFINITY)]);
    assert_eq!(compact(&value), "[null,null,null]");
}

#[test]
fn strings_escape_quotes_backslashes_and_named_controls() {
    assert_eq!(compact(&s("\"\\/\u{8}\u{c}\n\r\t")), r#""\"\\/\b\f\n\r\t""#);
}

#[test]
fn other_control_characters_are_lowercase_unicode_escapes() {
    assert_eq!(
        compact(&s("\u{0}\u{1}\u{b}\u{1f}")),
        r#""\u0000\u0001\u000b\u001f""#
    );
}

#[test]
fn non_ascii_and_del_are_written_raw() {
    assert_eq!(compact(&s("é€😀\u{7f}")), "\"é€😀\u{7f}\"");
}

#[test]
fn unicode_line_separator_is_written_raw() {
    assert_eq!(
        compact(&s("a\u{2028}b\u{2029}c")),
        "\"a\u{2028}b\u{2029}c\""
    );
}

#[test]
fn write_string_appends_a_quoted_string() {
    let mut out = String::from("x=");
    write_string(&mut out, "say \"hi\"\n");
    assert_eq!(out, r#"x="say \"hi\"\n""#);
}

#[test]
fn object_keys_keep_their_order() {
    let value = Json::object([("z", n(1.0)), ("a", n(2.0)), ("m", n(3.0))]);
    assert_eq!(compact(&value), r#"{"z":1,"a":2,"m":3}"#);
}

#[test]
fn nested_values_are_compact_without_white_space() {
    let value = Json::object([
        ("testRunId", s("56fd35107c458d1400baee63")),
        (
            "data",
            Json::Array(vec![
                Json::Null,
                Json::Bool(true),
                Json::Bool(false),
                Json::object::<&str>([]),
                Json::Array(vec![]),
                Json::object([("k\"ey", s("v"))]),
            ]),
        ),
    ]);
    assert_eq!(
        compact(&value),
        r#"{"testRunId":"56fd35107c458d1400baee63","data":[null,true,false,{},[],{"k\"ey":"v"}]}"#
    );
}

#[test]
fn the_default_success_body_is_byte_exact() {
    let value = Json::object([
        ("testRunId", s("56fd35107c458d1400baee63")),
        ("testName", s("AppRTC")),
        ("runType", s("test")),
        ("status", s("completed")),
    ]);
    assert_eq!(
        value.to_compact(),
        r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}"#
    );
}

#[test]
fn pretty_indents_by_two_spaces_like_stringify_null_2() {
    let value = Json::object([
        ("a", n(1.0)),
        (
            "b",
            Json::Array(vec![s("x"), Json::object([("c", Json::Null)])]),
        ),
        ("empty", Json::object::<&str>([])),
        ("none", Json::Array(vec![])),
    ]);
    let expected = "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    {\n      \"c\": null\n    }\n  ],\n  \"empty\": {},\n  \"none\": []\n}";
    assert_eq!(pretty(&value), expected);
    assert_eq!(value.to_pretty(), expected);
}

#[test]
fn pretty_scalars_are_as_compact() {
    assert_eq!(pretty(&s("é\n")), "\"é\\n\"");
    assert_eq!(pretty(&n(1e21)), "1e+21");
    assert_eq!(pretty(&Json::Array(vec![])), "[]");
}
