//! Syntax colouring: what each token of the editor's text is (a key, a string, a number, a
//! literal, punctuation, a `<% … %>` hole in a string, a run option's `#name`), read by the
//! JSON lexer the checker uses, so that colours and diagnostics see the same tokens. One pass,
//! linear in the text; the app only maps each kind to a CSS class.

use crate::span::Span;
use crate::syntax::json::lexer::{Lexer, TokenKind};
use crate::syntax::run_options;

/// What a coloured token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    /// An object key (a string or a word before `:`).
    Key,
    String,
    Number,
    /// `true`, `false`, `null` and other bare words.
    Literal,
    /// `{ } [ ] , :`
    Punctuation,
    /// A `<% … %>` placeholder inside a string.
    Template,
    /// A run option's `#name`.
    RunOption,
}

impl TokenClass {
    /// The CSS class the editor gives the token.
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenClass::Key => "t-key",
            TokenClass::String => "t-str",
            TokenClass::Number => "t-num",
            TokenClass::Literal => "t-lit",
            TokenClass::Punctuation => "t-punct",
            TokenClass::Template => "t-tpl",
            TokenClass::RunOption => "t-opt",
        }
    }
}

/// The coloured tokens of `text`, in text order and not overlapping; what lies between them
/// (white space, comments, stray characters) is plain. Run options (text starting with `#`)
/// get their `#name`s coloured and a `#webhook:{…}` value read as JSON.
pub fn highlight(text: &str) -> Vec<(Span, TokenClass)> {
    let mut out = Vec::new();
    if !text.trim_start().starts_with('#') {
        json(text, 0, &mut out);
        return out;
    }
    for option in run_options::parse(text).options {
        out.push((
            Span::new(option.span.start, option.name.end),
            TokenClass::RunOption,
        ));
        let Some(span) = option.value else {
            continue;
        };
        match text.get(span.start..span.end) {
            Some(value) if value.starts_with('{') => json(value, span.start, &mut out),
            Some(value) if !value.is_empty() => out.push((span, TokenClass::String)),
            _ => {}
        }
    }
    out
}

/// The tokens of JSON `text`, which starts at `offset` of the whole text.
fn json(text: &str, offset: usize, out: &mut Vec<(Span, TokenClass)>) {
    let mut lexer = Lexer::new(text);
    lexer.quiet = true;
    // Where the entries of the last token start in `out`, when it was a string or a word:
    // a `:` right after it makes it a key.
    let mut keyable: Option<usize> = None;
    loop {
        lexer.advance();
        let token = lexer.tok;
        let span = token.span.shifted(offset);
        let was_keyable = keyable.take();
        let class = match token.kind {
            TokenKind::Eof => break,
            TokenKind::Colon => {
                for entry in out.iter_mut().skip(was_keyable.unwrap_or(usize::MAX)) {
                    if entry.1 != TokenClass::Template {
                        entry.1 = TokenClass::Key;
                    }
                }
                TokenClass::Punctuation
            }
            TokenKind::String => {
                keyable = Some(out.len());
                string(text, token.span, offset, out);
                continue;
            }
            TokenKind::Word => {
                keyable = Some(out.len());
                TokenClass::Literal
            }
            TokenKind::Number => TokenClass::Number,
            TokenKind::LBrace
            | TokenKind::RBrace
            | TokenKind::LBracket
            | TokenKind::RBracket
            | TokenKind::Comma => TokenClass::Punctuation,
            TokenKind::Ellipsis | TokenKind::Junk(_) => continue,
        };
        out.push((span, class));
    }
}

/// A string token cut around its `<% … %>` placeholders (an unclosed one runs to the end of
/// the string).
fn string(text: &str, span: Span, offset: usize, out: &mut Vec<(Span, TokenClass)>) {
    let mut piece = |start: usize, end: usize, class| {
        if start < end {
            out.push((Span::new(start + offset, end + offset), class));
        }
    };
    let mut at = span.start;
    let source = &text[..span.end];
    while let Some(open) = source[at..].find("<%").map(|i| at + i) {
        let close = source[open + 2..]
            .find("%>")
            .map_or(span.end, |i| open + 2 + i + 2);
        piece(at, open, TokenClass::String);
        piece(open, close, TokenClass::Template);
        at = close;
    }
    piece(at, span.end, TokenClass::String);
}

#[cfg(test)]
mod tests {
    use super::TokenClass::*;
    use super::*;

    /// Each coloured token as (its text, its class).
    fn tokens(text: &str) -> Vec<(&str, TokenClass)> {
        highlight(text)
            .into_iter()
            .map(|(span, class)| (&text[span.start..span.end], class))
            .collect()
    }

    #[test]
    fn keys_values_and_punctuation_each_get_their_class() {
        assert_eq!(
            tokens(r#"{"url": "https://e.com", "n": -1.5e3, "ok": true, "x": null}"#),
            [
                ("{", Punctuation),
                ("\"url\"", Key),
                (":", Punctuation),
                ("\"https://e.com\"", String),
                (",", Punctuation),
                ("\"n\"", Key),
                (":", Punctuation),
                ("-1.5e3", Number),
                (",", Punctuation),
                ("\"ok\"", Key),
                (":", Punctuation),
                ("true", Literal),
                (",", Punctuation),
                ("\"x\"", Key),
                (":", Punctuation),
                ("null", Literal),
                ("}", Punctuation),
            ]
        );
    }

    #[test]
    fn a_placeholder_is_cut_out_of_its_string() {
        assert_eq!(
            tokens(r#"["Run <% this.testName %> done"]"#),
            [
                ("[", Punctuation),
                ("\"Run ", String),
                ("<% this.testName %>", Template),
                (" done\"", String),
                ("]", Punctuation),
            ]
        );
    }

    #[test]
    fn an_unclosed_placeholder_runs_to_the_end_of_its_string() {
        assert_eq!(
            tokens(r#""a <% this.x""#),
            [("\"a ", String), ("<% this.x\"", Template)]
        );
    }

    #[test]
    fn a_bare_word_before_a_colon_is_a_key() {
        assert_eq!(
            tokens("{url: 1}"),
            [
                ("{", Punctuation),
                ("url", Key),
                (":", Punctuation),
                ("1", Number),
                ("}", Punctuation),
            ]
        );
    }

    #[test]
    fn comments_and_stray_characters_stay_plain() {
        assert_eq!(
            tokens("// note\n{ @ }"),
            [("{", Punctuation), ("}", Punctuation)]
        );
    }

    #[test]
    fn run_options_colour_their_names_and_read_the_webhook_json() {
        assert_eq!(
            tokens(r#"#timeout:80 #webhook:{"url": "u"}"#),
            [
                ("#timeout", RunOption),
                ("80", String),
                ("#webhook", RunOption),
                ("{", Punctuation),
                ("\"url\"", Key),
                (":", Punctuation),
                ("\"u\"", String),
                ("}", Punctuation),
            ]
        );
    }

    #[test]
    fn tokens_are_in_order_and_never_overlap() {
        let text = "#webhook:{\"a\": \"<% x %><%\", 'b': [1, …]} #vnc";
        let spans = highlight(text);
        for pair in spans.windows(2) {
            assert!(pair[0].0.end <= pair[1].0.start, "{spans:?}");
        }
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "",
            "\"",
            "{\"",
            "#",
            "#webhook:{",
            "<%",
            "\"<%\"",
            "“a”: ‘b’",
            "{\"a\":\"é<%ü",
            "#webhook:",
            "# #",
        ] {
            highlight(text);
        }
    }
}
