//! Hostile fragments for the property tests of cost (`tests/scaling.rs`,
//! `tests/allocations.rs`): shapes no one wrote down, made of pieces a fuzzer looking for
//! slowness would put together.

use proptest::prelude::*;

/// Pieces a fuzzer looking for slowness would put together: syntax errors of every kind,
/// template holes, run options, nesting, lines, multi-byte characters.
pub const FRAGMENTS: &[&str] = &[
    r#""a":1"#,
    ",",
    ",,",
    ":",
    "[",
    "]",
    "{",
    "}",
    "'x'",
    "`y`",
    "/* c */",
    "// c\n",
    "\n",
    "...",
    "k:",
    r#""X-H":"v""#,
    "<%",
    "%>",
    "this.",
    "testName",
    "v1",
    " ",
    "\\u",
    "\\ud800",
    "\"",
    "#x ",
    "#webhook:",
    "https://e.com/h",
    "é",
    "\t",
    "\u{0}",
    "true",
    "-1e999",
    "0x1",
];

pub fn unit() -> impl Strategy<Value = (&'static str, String)> {
    let prefix = prop::sample::select(vec![
        "",
        r#"{"url":"https://e.com/h","#,
        r#"{"url":"https://e.com/h","headers":{"#,
        r#"{"url":"https://e.com/h","body":""#,
        "#webhook:https://e.com/h ",
        "https://e.com/h?",
    ]);
    let body = prop::collection::vec(prop::sample::select(FRAGMENTS), 1..8)
        .prop_map(|pieces| pieces.concat());
    (prefix, body)
}
