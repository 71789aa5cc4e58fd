//! The fast path of [`parse`](super::parse): strict RFC 8259 JSON, about which the lenient
//! parser would have nothing to say, read by plain recursive descent over the bytes.
//!
//! Most checks are of JSON that is fine, and the lenient parser pays for its recovery on
//! every token: a token struct, an explicit stack of frames, state per container. This
//! reader makes the same tree (the same values, spans and borrowed strings) and gives up
//! with `None` at the first byte that the lenient parser might report on or read in its
//! own way: any error, a comment, foreign white space, a repeated key, an escape it
//! would warn about, nesting deeper than [`MAX_DEPTH`]. `parse` then starts over with the
//! lenient parser, so a `None` costs a partial pass and never changes a result. A property
//! test and the fuzz target hold the two to the same tree on every input this one accepts.
//!
//! Nesting is bounded by [`MAX_DEPTH`], so the recursion is too.
//!
//! Native builds only (the CLI, the benchmarks): in the web app's wasm it would cost
//! 1.3 KB gzip of the first load for microseconds per keystroke.

use std::borrow::Cow;

use super::keys::KeyIndex;
use super::lexer::strict_string;
use super::number::parse_f64;
use super::stringify::plain_run;
use super::{Member, Node, NodeValue, MAX_DEPTH};
use crate::span::Span;

/// The tree of `text` when it is strict JSON without a repeated key or lone surrogate,
/// exactly as [`parse`](super::parse) builds it; `None` otherwise.
pub(super) fn parse_strict(text: &str) -> Option<Node<'_>> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    reader.skip_space();
    let root = reader.value()?;
    reader.skip_space();
    (reader.pos == text.len()).then_some(root)
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    /// Containers open around the current position.
    depth: usize,
}

impl<'t> Reader<'t> {
    /// JSON's four white space characters; anything else the lenient parser skips (a
    /// comment, a no-break space) it also reports.
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte` when it is next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    /// A value at the current byte. Only white space, `,`, `}`, `]` or the end of the text
    /// may follow a value, so a longer token (`nullable`, `1.5.3`, `01`) never gets
    /// through: its rest is the next byte and is refused.
    fn value(&mut self) -> Option<Node<'t>> {
        let start = self.pos;
        let value = match self.peek()? {
            b'{' => self.object()?,
            b'[' => self.array()?,
            b'"' => NodeValue::String(self.string()?),
            b'-' | b'0'..=b'9' => NodeValue::Number(self.number()?),
            b't' => self.word("true", NodeValue::Bool(true))?,
            b'f' => self.word("false", NodeValue::Bool(false))?,
            b'n' => self.word("null", NodeValue::Null)?,
            _ => return None,
        };
        Some(Node {
            value,
            span: Span::new(start, self.pos),
        })
    }

    /// Opens a container at the current `{` or `[`, as deep as the lenient parser allows.
    fn open(&mut self) -> Option<()> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        self.pos += 1;
        self.skip_space();
        Some(())
    }

    fn object(&mut self) -> Option<NodeValue<'t>> {
        self.open()?;
        let mut members: Vec<Member<'t>> = Vec::new();
        let mut keys = KeyIndex::default();
        if !self.eat(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return None;
                }
                let key_start = self.pos;
                let key = self.string()?;
                let key_span = Span::new(key_start, self.pos);
                // A repeated key is reported (the later value wins).
                if (keys.find_or_insert_among(&key, members.len(), |i| &*members[i].key)).is_some()
                {
                    return None;
                }
                self.skip_space();
                if !self.eat(b':') {
                    return None;
                }
                self.skip_space();
                let value = self.value()?;
                members.push(Member {
                    key,
                    key_span,
                    value,
                });
                if self.closes_after_item(b'}')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Some(NodeValue::Object(members))
    }

    fn array(&mut self) -> Option<NodeValue<'t>> {
        self.open()?;
        let mut items = Vec::new();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                if self.closes_after_item(b']')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Some(NodeValue::Array(items))
    }

    /// After a member or item: `true` at the container's `close`, `false` after a `,`
    /// (and the white space after it), `None` at anything else.
    fn closes_after_item(&mut self, close: u8) -> Option<bool> {
        self.skip_space();
        if self.eat(close) {
            return Some(true);
        }
        if !self.eat(b',') {
            return None;
        }
        self.skip_space();
        Some(false)
    }

    /// The string at the current `"`: borrowed when it has no escape; with escapes,
    /// decoded by the lexer itself, unless the lexer reports on them.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        let body = self.pos + 1;
        let rest = self.bytes.get(body..)?;
        let len = plain_run(rest);
        match rest.get(len) {
            Some(b'"') => {
                // Stopped at an ASCII byte: a character boundary.
                self.pos = body + len + 1;
                Some(Cow::Borrowed(&self.text[body..body + len]))
            }
            Some(b'\\') => {
                let (value, end) = strict_string(self.text, self.pos)?;
                self.pos = end;
                Some(value)
            }
            // A raw control character or line break, or no closing quote.
            _ => None,
        }
    }

    /// A number of RFC 8259's grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Option<f64> {
        let start = self.pos;
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.') {
            self.at_least_one_digit()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.at_least_one_digit()?;
        }
        // Only ASCII was consumed: `start..pos` is a character range.
        parse_f64(&self.text[start..self.pos])
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn at_least_one_digit(&mut self) -> Option<()> {
        let start = self.pos;
        self.digits();
        (self.pos > start).then_some(())
    }

    /// `true`, `false` or `null`.
    fn word(&mut self, word: &str, value: NodeValue<'t>) -> Option<NodeValue<'t>> {
        if !self.bytes[self.pos..].starts_with(word.as_bytes()) {
            return None;
        }
        self.pos += word.len();
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_lenient;
    use proptest::prelude::*;

    /// Whether both trees borrow (or own) the same strings: the fast path must not copy
    /// what the lenient parser borrows.
    fn same_borrowing(a: &Node, b: &Node) -> bool {
        let borrowed = |s: &Cow<str>| matches!(s, Cow::Borrowed(_));
        match (&a.value, &b.value) {
            (NodeValue::String(x), NodeValue::String(y)) => borrowed(x) == borrowed(y),
            (NodeValue::Array(x), NodeValue::Array(y)) => {
                x.iter().zip(y).all(|(x, y)| same_borrowing(x, y))
            }
            (NodeValue::Object(x), NodeValue::Object(y)) => x.iter().zip(y).all(|(x, y)| {
                borrowed(&x.key) == borrowed(&y.key) && same_borrowing(&x.value, &y.value)
            }),
            _ => true,
        }
    }

    /// The contract: the fast path reads exactly the texts the lenient parser has nothing
    /// to say about, into the same tree.
    fn assert_agrees(text: &str) -> Result<(), TestCaseError> {
        let fast = parse_strict(text);
        let lenient = parse_lenient(text);
        let clean = lenient.diagnostics.is_empty() && lenient.root.is_some();
        prop_assert_eq!(
            fast.is_some(),
            clean,
            "{:?}: {:?}",
            text,
            lenient.diagnostics
        );
        if let (Some(fast), Some(lenient)) = (fast, lenient.root) {
            prop_assert!(same_borrowing(&fast, &lenient), "{:?}", text);
            prop_assert_eq!(fast, lenient, "{:?}", text);
        }
        Ok(())
    }

    /// JSON-like text: mostly strict JSON, with the mistakes and near-misses people type
    /// (and the lenient parser reports) mixed in.
    fn json_like() -> impl Strategy<Value = String> {
        let space = prop::sample::select(vec![
            "", "", "", " ", "\n  ", "\t", "\r\n", "\u{a0}", "/* c */", "// c\n",
        ]);
        let number = prop_oneof![
            "-?(0|[1-9][0-9]{0,3})(\\.[0-9]{1,3})?([eE][+-]?[0-9]{1,3})?",
            "[0-9]{16,20}(\\.[0-9]{1,20})?",
            prop::sample::select(vec![
                "01",
                "1.",
                ".5",
                "+1",
                "-",
                "1e",
                "1e+",
                "0x1F",
                "NaN",
                "-Infinity",
                "1e400",
                "-0",
                "1_000",
                "1.5.3",
            ])
            .prop_map(String::from),
        ];
        let string_body = prop::collection::vec(
            prop_oneof![
                "[a-z é✓'`]{0,4}",
                prop::sample::select(vec![
                    "\\\"",
                    "\\\\",
                    "\\/",
                    "\\b",
                    "\\f",
                    "\\n",
                    "\\r",
                    "\\t",
                    "\\u00e9",
                    "\\ud83d\\ude00",
                    "\\ud800",
                    "\\udc00x",
                    "\\u12",
                    "\\x",
                    "\\'",
                    "\n",
                    "\t",
                    "\u{1}",
                    "<% this.status %>",
                ])
                .prop_map(String::from),
            ],
            0..4,
        )
        .prop_map(|parts| parts.concat());
        let string = prop_oneof![
            8 => string_body.clone().prop_map(|body| format!("\"{body}\"")),
            1 => string_body.clone().prop_map(|body| format!("'{body}'")),
            1 => string_body.prop_map(|body| format!("\"{body}")),
        ];
        let word = prop::sample::select(vec![
            "true",
            "false",
            "null",
            "nul",
            "truex",
            "True",
            "undefined",
            "null1",
            "...",
        ])
        .prop_map(String::from);
        let leaf = prop_oneof![number, string, word];
        let key = prop_oneof![
            4 => prop::sample::select(vec!["\"a\"", "\"b\"", "\"url\"", "\"\\u0061\"", "\"c\\nd\""])
                .prop_map(String::from),
            1 => prop::sample::select(vec!["a", "'b'", "\"\"", "1"]).prop_map(String::from),
        ];
        let separator = prop::sample::select(vec![",", ",", ",", ", ", ",\n  ", ",,", " ", ""]);
        leaf.prop_recursive(4, 48, 6, move |inner| {
            let member = (
                key.clone(),
                space.clone(),
                prop::sample::select(vec![":", ":", ":", " : ", "="]),
                inner.clone(),
            )
                .prop_map(|(k, s, colon, v)| format!("{k}{s}{colon}{v}"));
            let join = |parts: Vec<(String, &str)>| {
                let mut text = String::new();
                for (i, (part, separator)) in parts.iter().enumerate() {
                    if i > 0 {
                        text.push_str(separator);
                    }
                    text.push_str(part);
                }
                text
            };
            prop_oneof![
                prop::collection::vec((member, separator.clone()), 0..5)
                    .prop_map(move |parts| format!("{{{}}}", join(parts))),
                prop::collection::vec((inner, separator.clone()), 0..5)
                    .prop_map(move |parts| format!("[{}]", join(parts))),
            ]
        })
        .prop_flat_map(move |value| {
            (
                Just(value),
                prop::sample::select(vec!["", " ", "\n", "x", "}", ","]),
            )
        })
        .prop_map(|(value, after)| format!("{value}{after}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn the_fast_path_reads_exactly_the_text_the_lenient_parser_passes_into_its_tree(
            text in json_like()
        ) {
            assert_agrees(&text)?;
        }

        #[test]
        fn the_fast_path_agrees_on_any_prefix_of_json(text in json_like(), cut in 0usize..200) {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            assert_agrees(&text[..cut])?;
        }

        #[test]
        fn the_fast_path_reads_what_serde_json_writes(value in any_json()) {
            for text in [
                serde_json::to_string(&value).unwrap(),
                serde_json::to_string_pretty(&value).unwrap(),
            ] {
                prop_assert!(parse_strict(&text).is_some(), "{}", text);
                assert_agrees(&text)?;
            }
        }
    }

    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            proptest::num::f64::NORMAL.prop_map(serde_json::Value::from),
            "\\PC{0,8}|[\"\\\\\n\t\u{1}é✓]{0,4}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
                prop::collection::btree_map("[a-z\\\\\"é]{0,3}", inner, 0..5)
                    .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn nesting_is_read_to_the_lenient_parsers_depth_and_no_deeper() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse_strict(&nested(MAX_DEPTH)).is_some());
        assert!(parse_strict(&nested(MAX_DEPTH + 1)).is_none());
        for depth in [1, MAX_DEPTH, MAX_DEPTH + 1] {
            assert_agrees(&nested(depth)).unwrap();
        }
    }

    #[test]
    fn repeated_keys_are_left_to_the_lenient_parser_in_small_and_large_objects() {
        assert!(parse_strict(r#"{"a": 1, "b": 2, "a": 3}"#).is_none());
        let members: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let distinct = format!("{{{}}}", members.join(","));
        assert!(parse_strict(&distinct).is_some());
        let repeated = format!("{{{}, \"k7\": 0}}", members.join(","));
        assert!(parse_strict(&repeated).is_none());
        for text in [distinct, repeated] {
            assert_agrees(&text).unwrap();
        }
    }

    #[test]
    fn a_typical_webhook_takes_the_fast_path_and_borrows_its_plain_strings() {
        let text = "{\n  \"url\": \"https://example.com/hook\",\n  \"headers\": {\"X-Key\": \"abc\"},\n  \"body\": {\"text\": \"<% this.status %>\", \"n\": [1, 2.5, -3e2, true, null]}\n}\n";
        let root = parse_strict(text).expect("strict JSON");
        assert_eq!(root.span, Span::new(0, text.len() - 1));
        assert_agrees(text).unwrap();
        let escaped = r#"{"text": "say \"hi\"\tnow \u00e9"}"#;
        let members = parse_strict(escaped).expect("strict JSON");
        assert_eq!(
            members.as_object().unwrap()[0].value.as_str(),
            Some("say \"hi\"\tnow é")
        );
        assert_agrees(escaped).unwrap();
    }
}
