//! Tokens of JSON as people type it: strict JSON tokens, plus the JavaScript habits of
//! testRTC's documentation (comments, single-quoted and backtick strings, `...`) and the
//! accidents of copying from web pages (typographic quotes, no-break spaces).
//!
//! The lexer reports what is wrong with a token by itself (a bad escape, a raw line break
//! in a string, `01`, a comment); the parser reports what is wrong with where it stands.

use crate::repeats::Diagnostics;
use std::borrow::Cow;

use super::stringify::{plain_run, quoted};
use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::span::Span;

/// How a string token was quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Quote {
    Double,
    Single,
    Backtick,
    /// `“...”`, as word processors and web pages write double quotes.
    CurlyDouble,
    /// `‘...’`.
    CurlySingle,
}

impl Quote {
    fn closes(self, c: char) -> bool {
        match self {
            Quote::Double => c == '"',
            Quote::Single => c == '\'',
            Quote::Backtick => c == '`',
            Quote::CurlyDouble => matches!(c, '”' | '“' | '"'),
            Quote::CurlySingle => matches!(c, '’' | '‘' | '\''),
        }
    }
}

/// Plain data: a string's value waits in [`Lexer::value`] and a number's in
/// [`Lexer::number`], so that a token is a few scalars written straight into
/// [`Lexer::tok`]. A token that carried its string was returned through memory and
/// copied, and reading back what had just been stored in pieces stalled on every token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum TokenKind {
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Comma,
    Colon,
    /// A string, decoded into [`Lexer::value`]; a bad spelling has been reported already.
    String,
    /// A number, read into [`Lexer::number`].
    Number,
    /// An identifier-like word: `true`, `url`, `NaN` ...
    Word,
    /// `...` or `…`.
    Ellipsis,
    /// A character that starts no token.
    Junk(char),
    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// An unterminated string or an unreadable number: the parser does not count it as
    /// a sign that it is back on track after an error.
    pub broken: bool,
}

pub(crate) struct Lexer<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// Where the next token (or the trivia before it) starts. Right after a token is lexed
    /// this is its end: trivia is skipped lazily, so the parser may extend a word.
    pos: usize,
    pub diagnostics: Diagnostics,
    /// The current token, written by [`Lexer::advance`].
    pub tok: Token,
    /// The value of the last string token: borrowed from the input when the source spells
    /// it as it is (no escapes), which is most strings, and no copy.
    pub value: Cow<'t, str>,
    /// The value of the last number token; `None` when it was too broken to read
    /// (reported already).
    pub number: Option<f64>,
    /// While set, nothing is reported: the parser is skipping text it already reported.
    pub quiet: bool,
    /// A reported unterminated string or comment ran to the end of the input, so the
    /// brackets still open there need no report of their own.
    pub ran_off_the_end: bool,
}

impl<'t> Lexer<'t> {
    pub fn new(text: &'t str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            diagnostics: Diagnostics::new(),
            tok: Token {
                kind: TokenKind::Eof,
                span: Span::point(0),
                broken: false,
            },
            value: Cow::Borrowed(""),
            number: None,
            quiet: false,
            ran_off_the_end: false,
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        if !self.quiet {
            self.diagnostics.push(diagnostic);
        }
    }

    fn char_at(&self, at: usize) -> Option<char> {
        match self.bytes.get(at) {
            // An ASCII byte is a whole character (and a boundary): no UTF-8 decoding.
            Some(&b) if b < 0x80 => Some(char::from(b)),
            Some(_) => self.text.get(at..)?.chars().next(),
            None => None,
        }
    }

    fn byte_at(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// Reads the next token into [`Lexer::tok`].
    pub fn advance(&mut self) {
        self.skip_trivia();
        let start = self.pos;
        let Some(c) = self.char_at(start) else {
            self.emit(TokenKind::Eof, Span::point(self.text.len()), false);
            return;
        };
        let punctuation = match c {
            '{' => Some(TokenKind::LBrace),
            '}' => Some(TokenKind::RBrace),
            '[' => Some(TokenKind::LBracket),
            ']' => Some(TokenKind::RBracket),
            ',' => Some(TokenKind::Comma),
            ':' => Some(TokenKind::Colon),
            _ => None,
        };
        if let Some(kind) = punctuation {
            self.pos += 1;
            self.emit(kind, Span::new(start, start + 1), false);
            return;
        }
        let next = self.byte_at(start + c.len_utf8());
        match c {
            '"' => self.string(start, Quote::Double),
            '\'' => self.string(start, Quote::Single),
            '`' => self.string(start, Quote::Backtick),
            '“' | '”' | '„' => self.string(start, Quote::CurlyDouble),
            '‘' | '’' => self.string(start, Quote::CurlySingle),
            '.' if self.text[start..].starts_with("...") => {
                let end = start
                    + self.text[start..]
                        .bytes()
                        .take_while(|&b| b == b'.')
                        .count();
                self.token_to(TokenKind::Ellipsis, start, end)
            }
            '…' => self.token_to(TokenKind::Ellipsis, start, start + c.len_utf8()),
            '0'..='9' => self.number(start),
            '-' | '+' if matches!(next, Some(b'0'..=b'9' | b'.' | b'I' | b'N')) => {
                self.number(start)
            }
            '.' if matches!(next, Some(b'0'..=b'9')) => self.number(start),
            c if is_word_start(c) => {
                let end = self.word_end(start);
                self.token_to(TokenKind::Word, start, end)
            }
            c => self.token_to(TokenKind::Junk(c), start, start + c.len_utf8()),
        }
    }

    fn token_to(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.pos = end;
        self.emit(kind, Span::new(start, end), false);
    }

    /// Makes the current token: scalars stored in place.
    #[inline]
    fn emit(&mut self, kind: TokenKind, span: Span, broken: bool) {
        self.tok = Token { kind, span, broken };
    }

    /// Extends the word token that ends at the current position into an unquoted key as
    /// people write them (`Content-Type`, `a.b`); returns the new end.
    pub fn extend_key(&mut self) -> usize {
        let mut at = self.pos;
        while let Some(c) = self.char_at(at) {
            if is_word_char(c) || c == '-' || (c == '.' && !self.text[at..].starts_with("..")) {
                at += c.len_utf8();
            } else {
                break;
            }
        }
        self.pos = at;
        at
    }

    /// Extends the word token that ends at the current position into an unquoted value
    /// (`https://example.com/hook`, `json/text`): up to white space or JSON punctuation.
    pub fn extend_bare_value(&mut self) -> usize {
        let mut at = self.pos;
        while let Some(c) = self.char_at(at) {
            if c.is_whitespace() || matches!(c, ',' | '}' | ']' | '{' | '[' | '"' | '\'' | '`') {
                break;
            }
            at += c.len_utf8();
        }
        self.pos = at;
        at
    }

    fn word_end(&self, start: usize) -> usize {
        let mut at = start;
        while let Some(c) = self.char_at(at) {
            if !is_word_char(c) {
                break;
            }
            at += c.len_utf8();
        }
        at
    }

    // ---- trivia -------------------------------------------------------------------------

    fn skip_trivia(&mut self) {
        loop {
            // JSON's own white space, byte by byte.
            while matches!(self.byte_at(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                self.pos += 1;
            }
            let Some(c) = self.char_at(self.pos) else {
                break;
            };
            match c {
                '/' if self.byte_at(self.pos + 1) == Some(b'/') => self.line_comment(),
                '/' if self.byte_at(self.pos + 1) == Some(b'*') => self.block_comment(),
                // No printable ASCII character is white space.
                c if !c.is_ascii_graphic() && is_foreign_space(c) => self.foreign_spaces(),
                _ => break,
            }
        }
    }

    fn line_comment(&mut self) {
        let start = self.pos;
        let len = self.text[start..]
            .find(['\n', '\r'])
            .unwrap_or(self.text.len() - start);
        self.pos = start + len;
        self.report_comment(Span::new(start, self.pos));
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        match self.text[start + 2..].find("*/") {
            Some(at) => {
                self.pos = start + 2 + at + 2;
                self.report_comment(Span::new(start, self.pos));
            }
            None => {
                self.pos = self.text.len();
                if !self.quiet {
                    self.ran_off_the_end = true;
                }
                self.report(
                    Diagnostic::new(
                        Rule::JsonComment,
                        Span::new(start, self.pos),
                        "This /* comment is never closed; comments appear in testRTC's \
                         documentation examples but are not valid JSON.",
                    )
                    .with_help("Remove the comment; JSON has no comments."),
                );
            }
        }
    }

    fn report_comment(&mut self, span: Span) {
        self.report(
            Diagnostic::new(
                Rule::JsonComment,
                span,
                "Comments appear in testRTC's documentation examples but are not valid JSON.",
            )
            .with_help("Remove the comment; JSON has no comments.")
            .with_fix(Fix::new("Remove the comment", span, "")),
        );
    }

    /// A run of white space JSON does not allow (no-break spaces from a web page, a byte
    /// order mark, zero-width spaces): one report for the run.
    fn foreign_spaces(&mut self) {
        let start = self.pos;
        let mut replacement = String::new();
        let mut first = None;
        while let Some(c) = self.char_at(self.pos) {
            if !is_foreign_space(c) {
                break;
            }
            first.get_or_insert(c);
            if c.is_whitespace() {
                replacement.push(if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                    '\n'
                } else {
                    ' '
                });
            }
            self.pos += c.len_utf8();
        }
        let first = first.unwrap_or(' ');
        let name = match first {
            '\u{a0}' => "a no-break space (U+00A0)".to_string(),
            '\u{feff}' => "a byte order mark (U+FEFF)".to_string(),
            '\u{200b}' => "a zero-width space (U+200B)".to_string(),
            c => format!("the character U+{:04X}", u32::from(c)),
        };
        let span = Span::new(start, self.pos);
        let title = if replacement.is_empty() {
            "Remove it"
        } else {
            "Replace it with ordinary spaces"
        };
        self.report(
            Diagnostic::new(
                Rule::JsonSyntax,
                span,
                format!("This is {name}, which JSON does not accept as white space."),
            )
            .with_help(
                "Text copied from a web page or word processor often carries such \
                 characters; use ordinary spaces and line breaks.",
            )
            .with_fix(Fix::new(title, span, replacement)),
        );
    }

    // ---- strings ------------------------------------------------------------------------

    fn string(&mut self, start: usize, quote: Quote) {
        if quote != Quote::Double || !self.plain_string(start) {
            self.general_string(start, quote);
        }
    }

    /// Any string token: every quote style, escape and mistake.
    fn general_string(&mut self, start: usize, quote: Quote) {
        let open_len = self.char_at(start).map_or(1, char::len_utf8);
        let mut at = start + open_len;
        // Room for a string of a few dozen bytes: no regrowing from empty, run by run.
        let mut value = String::with_capacity(64);
        // Raw control characters of a double-quoted string: (span, escaped spelling).
        let mut raw_controls: Vec<(Span, &'static str)> = Vec::new();
        // The string is known to go on past line breaks up to here.
        let mut continues_to = 0;
        let (end, terminated) = loop {
            // Fast path: a run of plain text (no quote, backslash or control character)
            // is copied as is, which is what the per-character arms below would do. In
            // double quotes only `"` closes, so the run goes on through `'`, `` ` `` and
            // non-ASCII text ([`plain_run`]).
            let rest = &self.bytes[at.min(self.bytes.len())..];
            let run = if quote == Quote::Double {
                plain_run(rest)
            } else {
                rest.iter()
                    .take_while(|&&b| {
                        (0x20..0x80).contains(&b) && !matches!(b, b'"' | b'\\' | b'\'' | b'`')
                    })
                    .count()
            };
            if run > 0 {
                value.push_str(&self.text[at..at + run]);
                at += run;
            }
            let Some(c) = self.char_at(at) else {
                break (at, false);
            };
            if quote.closes(c) {
                break (at + c.len_utf8(), true);
            }
            match c {
                '\\' => at = self.escape(at, quote, &mut value),
                '\n' | '\r' if quote != Quote::Backtick => {
                    if at >= continues_to {
                        match self.closing_quote_after_line_break(at, quote) {
                            Some(close) => continues_to = close,
                            None => break (at, false),
                        }
                    }
                    let crlf = c == '\r' && self.byte_at(at + 1) == Some(b'\n');
                    let width = if crlf { 2 } else { 1 };
                    let (decoded, escaped) = if c == '\r' && !crlf {
                        ('\r', "\\r")
                    } else {
                        ('\n', "\\n")
                    };
                    raw_controls.push((Span::new(at, at + width), escaped));
                    value.push(decoded);
                    at += width;
                }
                c if u32::from(c) < 0x20 => {
                    let escaped = if c == '\t' { "\\t" } else { "" };
                    raw_controls.push((Span::new(at, at + 1), escaped));
                    value.push(c);
                    at += 1;
                }
                c => {
                    value.push(c);
                    at += c.len_utf8();
                }
            }
        };
        self.pos = end;
        let span = Span::new(start, end);

        if !terminated {
            self.report_unterminated(span, quote);
        } else if quote != Quote::Double {
            self.report_quote_style(span, quote, &value);
        }
        if quote == Quote::Double && !raw_controls.is_empty() {
            self.report_raw_controls(span, terminated, &raw_controls);
        }
        self.value = Cow::Owned(value);
        self.emit(TokenKind::String, span, !terminated);
    }

    /// The common case of [`Lexer::string`]: a double-quoted string without escapes or
    /// control characters, closed on its line. Its value is its source text, borrowed: no
    /// allocation or copy (the general path builds an owned string run by run). `false`
    /// leaves everything else to the general path.
    fn plain_string(&mut self, start: usize) -> bool {
        let body = start + 1;
        let Some(rest) = self.bytes.get(body..) else {
            return false;
        };
        let len = plain_run(rest);
        if rest.get(len) != Some(&b'"') {
            return false;
        }
        // Stopped at an ASCII byte, so `body + len` is a character boundary.
        let end = body + len + 1;
        self.pos = end;
        self.value = Cow::Borrowed(&self.text[body..body + len]);
        self.emit(TokenKind::String, Span::new(start, end), false);
        true
    }

    /// At a raw line break inside a string: whether the string goes on to a closing quote
    /// on a later line (a multi-line string) or was simply never closed. Returns the
    /// position of that closing quote when it goes on.
    fn closing_quote_after_line_break(&self, at: usize, quote: Quote) -> Option<usize> {
        let quote_char = match quote {
            Quote::Double => '"',
            Quote::Single => '\'',
            _ => return None,
        };
        let close = at + self.text[at..].find(quote_char)?;
        if !self.text[at..close].trim().is_empty() {
            return Some(close);
        }
        // Only white space before the next quote: it closes this string if what follows
        // it could follow a string, and opens the next key otherwise.
        let after = self.text[close + 1..].trim_start();
        match after.chars().next() {
            None | Some(',' | '}' | ']' | ':') => Some(close),
            _ => None,
        }
    }

    /// Decodes the escape at `at` (a backslash) into `value`; returns where the string
    /// goes on.
    fn escape(&mut self, at: usize, quote: Quote, value: &mut String) -> usize {
        let Some(c) = self.char_at(at + 1) else {
            return at + 1;
        };
        if quote != Quote::Double {
            return self.javascript_escape(at, c, value);
        }
        let simple = match c {
            '"' => Some('"'),
            '\\' => Some('\\'),
            '/' => Some('/'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            _ => None,
        };
        if let Some(decoded) = simple {
            value.push(decoded);
            return at + 2;
        }
        match c {
            'u' => match self.unicode_escape(at) {
                Some((decoded, end)) => {
                    if decoded == '\u{fffd}' && self.hex_unit(at + 2) != Some(0xfffd) {
                        self.report(
                            Diagnostic::new(
                                Rule::JsonLoneSurrogate,
                                Span::new(at, end),
                                "This \\u escape is half of a surrogate pair: JavaScript sends it \
                                 as it is, but hookcheck shows it as U+FFFD.",
                            )
                            .with_help(
                                "Write the whole character (or both \\u escapes of its pair); \
                                 a lone surrogate is not valid Unicode text.",
                            ),
                        );
                    }
                    value.push(decoded);
                    end
                }
                None => {
                    let digits = self.bytes[at + 2..]
                        .iter()
                        .take(4)
                        .take_while(|b| b.is_ascii_hexdigit())
                        .count();
                    let span = Span::new(at, at + 2 + digits);
                    self.report(
                        Diagnostic::new(
                            Rule::JsonSyntax,
                            span,
                            "A \\u escape needs exactly four hex digits.",
                        )
                        .with_help(
                            "Write the character as \\u followed by four hex digits, \
                             like \\u00e9, or type it directly.",
                        ),
                    );
                    value.push('\u{fffd}');
                    span.end
                }
            },
            '\'' => {
                let span = Span::new(at, at + 2);
                self.report(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        span,
                        "\\' is not a JSON escape; inside double quotes a ' needs no backslash.",
                    )
                    .with_help("Write ' without the backslash.")
                    .with_fix(Fix::new("Remove the backslash", span, "'")),
                );
                value.push('\'');
                at + 2
            }
            '\n' | '\r' => {
                // A JavaScript line continuation; the line break itself is reported as
                // a raw line break by the caller.
                self.report(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        Span::new(at, at + 1),
                        "A backslash cannot continue a JSON string on the next line.",
                    )
                    .with_help(
                        "Remove the backslash and the line break, or write \\n for a line break.",
                    ),
                );
                at + 1
            }
            c => {
                let span = Span::new(at, at + 1 + c.len_utf8());
                let mut diagnostic = Diagnostic::new(
                    Rule::JsonSyntax,
                    span,
                    format!("\\{c} is not a JSON escape."),
                )
                .with_help(
                    "JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a \
                     backslash itself as \\\\.",
                );
                if u32::from(c) >= 0x20 {
                    diagnostic = diagnostic.with_fix(Fix::new(
                        "Escape the backslash",
                        span,
                        format!("\\\\{c}"),
                    ));
                }
                self.report(diagnostic);
                value.push('\\');
                value.push(c);
                span.end
            }
        }
    }

    /// A `\uXXXX` escape at `at`, with a following low surrogate escape when it is a high
    /// surrogate. A lone surrogate decodes to U+FFFD (a Rust string cannot hold it).
    fn unicode_escape(&self, at: usize) -> Option<(char, usize)> {
        let unit = self.hex_unit(at + 2)?;
        if (0xd800..0xdc00).contains(&unit) && self.text[at + 6..].starts_with("\\u") {
            if let Some(low) = self.hex_unit(at + 8) {
                if (0xdc00..0xe000).contains(&low) {
                    let code = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                    return Some((char::from_u32(code).unwrap_or('\u{fffd}'), at + 12));
                }
            }
        }
        Some((char::from_u32(unit).unwrap_or('\u{fffd}'), at + 6))
    }

    fn hex_unit(&self, at: usize) -> Option<u32> {
        let digits = self.bytes.get(at..at + 4)?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        // All four bytes are ASCII, so these are character boundaries.
        u32::from_str_radix(&self.text[at..at + 4], 16).ok()
    }

    /// An escape inside a JavaScript string (single quotes, backticks, curly quotes),
    /// decoded as JavaScript would: such strings are reported as a whole and re-encoded.
    fn javascript_escape(&mut self, at: usize, c: char, value: &mut String) -> usize {
        let after = at + 1 + c.len_utf8();
        let simple = match c {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'v' => Some('\u{b}'),
            '0' if !matches!(self.byte_at(after), Some(b'0'..=b'9')) => Some('\0'),
            _ => None,
        };
        if let Some(decoded) = simple {
            value.push(decoded);
            return after;
        }
        match c {
            'u' => {
                if let Some((decoded, end)) = self.unicode_escape(at) {
                    value.push(decoded);
                    return end;
                }
                if self.byte_at(at + 2) == Some(b'{') {
                    if let Some(close) = self.text[at + 3..].find('}') {
                        let hex = &self.text[at + 3..at + 3 + close];
                        if let Some(decoded) = (hex.len() <= 6)
                            .then(|| u32::from_str_radix(hex, 16).ok())
                            .flatten()
                            .and_then(char::from_u32)
                        {
                            value.push(decoded);
                            return at + 3 + close + 1;
                        }
                    }
                }
                value.push('u');
                after
            }
            'x' => {
                let hex = self.bytes.get(at + 2..at + 4);
                match hex.filter(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                    Some(_) => {
                        let code =
                            u32::from_str_radix(&self.text[at + 2..at + 4], 16).unwrap_or(0xfffd);
                        value.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        at + 4
                    }
                    None => {
                        value.push('x');
                        after
                    }
                }
            }
            // A line continuation: the backslash and the line break vanish.
            '\r' if self.byte_at(after) == Some(b'\n') => after + 1,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => after,
            c => {
                value.push(c);
                after
            }
        }
    }

    fn report_unterminated(&mut self, span: Span, quote: Quote) {
        let at_end = span.end == self.text.len();
        if at_end && !self.quiet {
            self.ran_off_the_end = true;
        }
        let close = match quote {
            Quote::Double => "\"",
            Quote::Single => "'",
            Quote::Backtick => "`",
            Quote::CurlyDouble => "”",
            Quote::CurlySingle => "’",
        };
        let mut diagnostic = Diagnostic::new(
            Rule::JsonSyntax,
            span,
            if at_end {
                "This string is never closed: the input ends inside it."
            } else {
                "This string is never closed before the end of its line."
            },
        )
        .with_help(format!(
            "Add the closing {close} where the string should end."
        ));
        if !at_end && matches!(quote, Quote::Double | Quote::Single) {
            diagnostic = diagnostic.with_fix(Fix::new(
                format!("Close the string with {close}"),
                Span::point(span.end),
                close,
            ));
        }
        self.report(diagnostic);
    }

    fn report_quote_style(&mut self, span: Span, quote: Quote, value: &str) {
        let (rule, message, title) = match quote {
            Quote::Single => (
                Rule::JsonSingleQuotes,
                "Single-quoted strings appear in testRTC's documentation examples but are \
                 not valid JSON.",
                "Use double quotes",
            ),
            Quote::Backtick => (
                Rule::JsonBacktickString,
                "Backtick strings (JavaScript template literals) appear in testRTC's \
                 documentation examples but are not valid JSON.",
                "Convert to a JSON string",
            ),
            _ => (
                Rule::JsonSyntax,
                "Typographic quotes (“ ” ‘ ’) are not JSON quotes; they usually come from \
                 copying out of a web page or word processor.",
                "Use straight double quotes",
            ),
        };
        let help = if quote == Quote::Backtick {
            "Use a double-quoted string, with line breaks written as \\n."
        } else {
            "JSON strings are written in straight double quotes: \"like this\"."
        };
        self.report(
            Diagnostic::new(rule, span, message)
                .with_help(help)
                .with_fix(Fix::new(title, span, quoted(value))),
        );
    }

    fn report_raw_controls(&mut self, string: Span, terminated: bool, raw: &[(Span, &str)]) {
        let (first, first_escape) = raw[0];
        let count = raw.len();
        let more = if count > 1 {
            format!(" (this string holds {count} raw control characters)")
        } else {
            String::new()
        };
        let message = match first_escape {
            "\\n" => format!("JSON strings cannot hold a raw line break; write \\n{more}."),
            "\\t" => format!("JSON strings cannot hold a raw tab; write \\t{more}."),
            _ => {
                let code = self.bytes[first.start];
                format!(
                    "JSON strings cannot hold a raw control character; write \\u{:04x}{more}.",
                    code
                )
            }
        };
        let mut diagnostic = Diagnostic::new(Rule::JsonSyntax, first, message)
            .with_help("Control characters inside a JSON string must be written as escapes.");
        if terminated {
            // Rewrite the string's body with only its raw control characters escaped.
            let body = Span::new(string.start + 1, string.end - 1);
            let mut replacement = String::new();
            let mut copied = body.start;
            for &(span, escaped) in raw {
                replacement.push_str(&self.text[copied..span.start]);
                if escaped.is_empty() {
                    replacement.push_str(&format!("\\u{:04x}", self.bytes[span.start]));
                } else {
                    replacement.push_str(escaped);
                }
                copied = span.end;
            }
            replacement.push_str(&self.text[copied..body.end]);
            let title = if count > 1 {
                "Escape the control characters"
            } else {
                "Escape it"
            };
            diagnostic = diagnostic.with_fix(Fix::new(title, body, replacement));
        }
        self.report(diagnostic);
    }

    // ---- numbers ------------------------------------------------------------------------

    fn number(&mut self, start: usize) {
        let mut at = start + 1;
        while let Some(b) = self.byte_at(at) {
            let exponent_sign =
                matches!(b, b'+' | b'-') && matches!(self.bytes[at - 1], b'e' | b'E');
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || exponent_sign {
                at += 1;
            } else {
                break;
            }
        }
        // Every byte taken is ASCII, so `at` is a character boundary.
        let span = Span::new(start, at);
        let raw = &self.text[start..at];
        let value = match read_number(raw) {
            NumberReading::Valid(value) => Some(value),
            NumberReading::Invalid {
                value,
                message,
                help,
                fix,
            } => {
                let mut diagnostic =
                    Diagnostic::new(Rule::JsonSyntax, span, message).with_help(help);
                if let Some((title, replacement)) = fix {
                    diagnostic = diagnostic.with_fix(Fix::new(title, span, replacement));
                }
                self.report(diagnostic);
                value
            }
        };
        self.number = value;
        self.pos = at;
        self.emit(TokenKind::Number, span, value.is_none());
    }
}

enum NumberReading {
    Valid(f64),
    Invalid {
        /// What the number most likely means, when that is clear.
        value: Option<f64>,
        message: String,
        help: String,
        /// A fix title and replacement text.
        fix: Option<(String, String)>,
    },
}

/// Reads a number-like token against RFC 8259's grammar
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, saying what is wrong when it fails.
fn read_number(raw: &str) -> NumberReading {
    let invalid = |value, message: &str, help: &str, fix| NumberReading::Invalid {
        value,
        message: message.to_string(),
        help: help.to_string(),
        fix,
    };
    let unsigned = raw.trim_start_matches(['-', '+']);
    let negative = raw.starts_with('-');
    if raw.len() - unsigned.len() <= 1 {
        if unsigned == "Infinity" || unsigned == "NaN" {
            let value = if unsigned == "NaN" {
                f64::NAN
            } else if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            return invalid(
                Some(value),
                &format!("{raw} is not a JSON number."),
                "JSON has no NaN or Infinity; use an ordinary number, null, or a string.",
                None,
            );
        }
        if let Some(hex) = unsigned
            .strip_prefix("0x")
            .or_else(|| unsigned.strip_prefix("0X"))
        {
            if let Ok(n) = u64::from_str_radix(hex, 16) {
                let decimal = format!("{}{n}", if negative { "-" } else { "" });
                let value = super::number::parse_f64(&decimal);
                return invalid(
                    value,
                    "Hexadecimal numbers are not valid JSON.",
                    &format!("Write it in decimal: {decimal}."),
                    Some((format!("Write {decimal}"), decimal)),
                );
            }
        }
    }

    // Split into sign, integer digits, fraction and exponent, noting each problem.
    let bytes = raw.as_bytes();
    let mut i = 0;
    let plus = bytes.first() == Some(&b'+');
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let int = &raw[int_start..i];
    let mut fraction = None;
    if bytes.get(i) == Some(&b'.') {
        let frac_start = i + 1;
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        fraction = Some(&raw[frac_start..i]);
    }
    let mut exponent = None;
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let exp_start = i;
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let digits_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        exponent = Some((&raw[exp_start..i], i > digits_start));
    }
    if i < bytes.len() || (int.is_empty() && fraction.is_none()) {
        let quote_it = Some(("Put it in double quotes".to_string(), quoted(raw)));
        if int.is_empty() && fraction.is_none() && i == bytes.len() {
            return invalid(
                None,
                "A minus sign must be followed by digits.",
                "Write the number's digits after the '-'.",
                None,
            );
        }
        return invalid(
            None,
            &format!("{raw} is not a valid JSON number."),
            "JSON numbers are written like 42, -3.5 or 1e6; put other text in double quotes.",
            quote_it,
        );
    }
    if let Some((_, false)) = exponent {
        return invalid(
            None,
            "The exponent of this number has no digits.",
            "Write digits after the 'e', or remove the 'e'.",
            None,
        );
    }

    let leading_zero = int.len() > 1 && int.starts_with('0');
    let problem = if plus {
        Some("JSON numbers cannot start with '+'.")
    } else if int.is_empty() {
        Some("A JSON number needs a digit before the decimal point.")
    } else if leading_zero {
        Some("JSON numbers cannot have leading zeros.")
    } else if fraction == Some("") {
        Some("A JSON number needs a digit after the decimal point.")
    } else {
        None
    };
    // Strict JSON (no '+', a digit before any point, no leading zero, a digit after the
    // point): the corrected spelling below would be `raw` itself, so read it directly.
    let Some(message) = problem else {
        return match super::number::parse_f64(raw) {
            Some(value) => NumberReading::Valid(value),
            None => invalid(
                None,
                &format!("{raw} is not a valid JSON number."),
                "",
                None,
            ),
        };
    };

    let int_fixed = if int.is_empty() {
        "0"
    } else {
        let trimmed = int.trim_start_matches('0');
        if trimmed.is_empty() {
            "0"
        } else {
            trimmed
        }
    };
    let mut fixed = String::new();
    if negative {
        fixed.push('-');
    }
    fixed.push_str(int_fixed);
    if let Some(fraction) = fraction {
        fixed.push('.');
        fixed.push_str(if fraction.is_empty() { "0" } else { fraction });
    }
    if let Some((exp, _)) = exponent {
        fixed.push_str(exp);
    }
    let value: Option<f64> = super::number::parse_f64(&fixed);
    let help = if leading_zero {
        format!(
            "Write {fixed}, or put the value in double quotes if the zeros matter \
             (a phone number, a ZIP code)."
        )
    } else {
        format!("Write {fixed}.")
    };
    invalid(
        value,
        message,
        &help,
        Some((format!("Write {fixed}"), fixed)),
    )
}

fn is_word_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// White space (or invisible padding) that is not one of JSON's four white space
/// characters.
fn is_foreign_space(c: char) -> bool {
    !matches!(c, ' ' | '\t' | '\n' | '\r')
        && (c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text after an opening `"`: plain runs, escapes, controls, quotes, line breaks.
    fn string_body() -> impl Strategy<Value = String> {
        let fragment = prop_oneof![
            "[a-z ]{0,6}",
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("\\n".to_string()),
            Just("\\u00e9".to_string()),
            Just("\n".to_string()),
            Just("\t".to_string()),
            Just("é✓".to_string()),
            Just("'`”".to_string()),
            "\\PC{0,3}",
        ];
        prop::collection::vec(fragment, 0..6).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn plain_runs_end_at_the_first_quote_backslash_or_control(body in string_body()) {
            let bytes = body.as_bytes();
            let simple = bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(bytes.len());
            prop_assert_eq!(plain_run(bytes), simple);
        }

        /// Strict JSON strings decode as serde_json decodes them, through the general path
        /// (whose plain runs cross `'`, `` ` `` and non-ASCII text in double quotes).
        #[test]
        fn double_quoted_strings_decode_as_serde_json_decodes_them(value in "\\PC{0,12}|['`é✓\"\\\\\n\t\u{1}a-z]{0,12}") {
            let text = serde_json::to_string(&value).unwrap();
            let mut lexer = Lexer::new(&text);
            lexer.general_string(0, Quote::Double);
            prop_assert_eq!(&*lexer.value, value.as_str());
            prop_assert_eq!(lexer.pos, text.len());
            prop_assert!(lexer.diagnostics.is_empty());
        }

        #[test]
        fn plain_strings_lex_as_the_general_path_lexes_them(body in string_body()) {
            let text = format!("\"{body}");
            let mut fast = Lexer::new(&text);
            let mut general = Lexer::new(&text);
            fast.string(0, Quote::Double);
            general.general_string(0, Quote::Double);
            prop_assert_eq!(fast.tok, general.tok);
            prop_assert_eq!(&fast.value, &general.value);
            prop_assert_eq!(fast.pos, general.pos);
            prop_assert_eq!(fast.diagnostics, general.diagnostics);
        }
    }
}
