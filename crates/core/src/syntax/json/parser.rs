//! The lenient JSON parser: strict RFC 8259 JSON parses without a word; everything else
//! is reported with its exact span and, where the repair is mechanical, a [`Fix`], and
//! the parser recovers so that one input yields every error it holds and still a tree.
//!
//! testRTC's documentation examples are JavaScript rather than JSON, so its habits
//! (comments, trailing commas, single-quoted and backtick strings, unquoted keys, `...`)
//! each have their own rule. When the parser is lost it reports once and skips to the
//! next `,`, `}` or `]` at the same depth.
//!
//! Nesting is kept on an explicit stack, never the call stack, so no input can overflow
//! it; the whole parse is linear in the input.

use crate::repeats::Diagnostics;
use std::borrow::Cow;

use super::keys::KeyIndex;
use super::lexer::{Lexer, TokenKind};
use super::stringify::quoted;
use super::{Member, Node, NodeValue};
use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::span::{Position, Span};

/// Objects and arrays may nest this deep; deeper is an error.
pub const MAX_DEPTH: usize = 128;

/// What [`parse`] found.
#[derive(Clone, Debug, Default)]
pub struct ParsedJson<'t> {
    /// The value, as far as it could be recovered; `None` when nothing usable was found.
    pub root: Option<Node<'t>>,
    /// Every problem found, in source order.
    pub diagnostics: Diagnostics,
}

/// Parses `text` as JSON, reporting every error it can recover from.
///
/// Recovery keeps what the person evidently meant: a comment is skipped, a single-quoted
/// or backtick string becomes a string, an unquoted key a key, a `...` placeholder is
/// dropped, a missing comma or closing bracket is assumed. Members and items too broken
/// to read are left out of the tree. Never panics; linear in the length of `text`.
pub fn parse(text: &str) -> ParsedJson<'_> {
    let mut parser = Parser::new(text);
    let root = parser.run();
    let mut diagnostics = parser.lexer.diagnostics;
    diagnostics.sort();
    ParsedJson { root, diagnostics }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Container {
    Object,
    Array,
}

impl Container {
    fn noun(self) -> &'static str {
        match self {
            Container::Object => "object",
            Container::Array => "array",
        }
    }

    fn closer(self) -> char {
        match self {
            Container::Object => '}',
            Container::Array => ']',
        }
    }
}

/// What an open container waits for next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Right after `{` or `[`.
    First,
    /// After a `,`: a `}` or `]` here makes that comma a trailing comma.
    AfterComma,
    /// After a key.
    Colon,
    /// After a key's `:`.
    Value,
    /// After a member or item.
    CommaOrClose,
}

/// An object or array being parsed.
struct Frame<'t> {
    container: Container,
    open: usize,
    /// Where `open` is, for messages: counted only when a message needs it (see
    /// [`Parser::top_opened`]), since counting lines for every container was a pass over
    /// the whole input.
    opened: Option<Position>,
    expect: Expect,
    items: Vec<Node<'t>>,
    members: Vec<Member<'t>>,
    keys: KeyIndex,
    /// The key waiting for its value.
    key: Option<(Cow<'t, str>, Span)>,
    /// The comma just read, while `expect` is [`Expect::AfterComma`].
    comma: Option<Span>,
}

impl<'t> Frame<'t> {
    fn new(container: Container, open: usize) -> Self {
        Frame {
            container,
            open,
            opened: None,
            expect: Expect::First,
            items: Vec::new(),
            members: Vec::new(),
            keys: KeyIndex::default(),
            key: None,
            comma: None,
        }
    }

    fn into_node(self, end: usize) -> Node<'t> {
        let value = match self.container {
            Container::Object => NodeValue::Object(self.members),
            Container::Array => NodeValue::Array(self.items),
        };
        Node {
            value,
            span: Span::new(self.open, end),
        }
    }
}

struct Parser<'t> {
    text: &'t str,
    lexer: Lexer<'t>,
    /// The end of the last consumed token.
    prev_end: usize,
    stack: Vec<Frame<'t>>,
    root: Option<Node<'t>>,
    too_deep_reported: bool,
    /// Tokens consumed on the parser's normal path (not skipped, not broken).
    clean_tokens: usize,
    /// `clean_tokens` when the last syntax error was reported: a further one before any
    /// clean token is most likely a consequence of it, and stays unreported.
    clean_at_error: Option<usize>,
    /// A byte offset and its position: containers open in source order, and their
    /// positions are counted in that order, so moving this forward keeps it linear.
    cursor: (usize, Position),
}

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Self {
        let mut lexer = Lexer::new(text);
        lexer.advance();
        Parser {
            text,
            lexer,
            prev_end: 0,
            stack: Vec::new(),
            root: None,
            too_deep_reported: false,
            clean_tokens: 0,
            clean_at_error: None,
            cursor: (0, Position { line: 1, column: 1 }),
        }
    }

    /// Consumes the current token ([`Lexer::tok`], read in place).
    fn bump(&mut self) {
        if !self.lexer.quiet && !self.lexer.tok.broken {
            self.clean_tokens += 1;
        }
        self.prev_end = self.lexer.tok.span.end;
        self.lexer.advance();
    }

    /// Consumes the current token, a string, and returns its value.
    fn bump_string(&mut self) -> Cow<'t, str> {
        let value = std::mem::take(&mut self.lexer.value);
        self.bump();
        value
    }

    /// Consumes a token that was just reported as wrong.
    fn bump_erroneous(&mut self) {
        self.bump();
        self.clean_at_error = Some(self.clean_tokens);
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.lexer.diagnostics.push(diagnostic);
    }

    /// Reports a generic syntax error, unless it directly follows another one with
    /// nothing sound in between (a cascade of the first).
    fn report_syntax(&mut self, diagnostic: Diagnostic) {
        if self.clean_at_error != Some(self.clean_tokens) {
            self.lexer.diagnostics.push(diagnostic);
        }
        self.clean_at_error = Some(self.clean_tokens);
    }

    fn top(&mut self) -> &mut Frame<'t> {
        self.stack
            .last_mut()
            .expect("called with an open container")
    }

    fn set_expect(&mut self, expect: Expect) {
        self.top().expect = expect;
    }

    /// Where the innermost open container was opened. Every open container not yet
    /// located is located now, outermost first: they opened in that order, after every
    /// container located before, so the cursor only moves forward.
    fn top_opened(&mut self) -> Position {
        let mut position = Position { line: 1, column: 1 };
        for i in 0..self.stack.len() {
            position = match self.stack[i].opened {
                Some(position) => position,
                None => {
                    let position = self.locate(self.stack[i].open);
                    self.stack[i].opened = Some(position);
                    position
                }
            };
        }
        position
    }

    /// The line and column of `at`, which must not be before any offset asked before.
    fn locate(&mut self, at: usize) -> Position {
        let (from, mut position) = self.cursor;
        // Bytes, not chars: every character has exactly one byte that is not a UTF-8
        // continuation byte, and a byte loop is several times faster.
        let bytes = self.text.get(from..at).unwrap_or("").as_bytes();
        for &b in bytes {
            if b == b'\n' {
                position.line += 1;
                position.column = 1;
            } else if b & 0xC0 != 0x80 {
                position.column += 1;
            }
        }
        self.cursor = (at.max(from), position);
        position
    }

    fn run(&mut self) -> Option<Node<'t>> {
        if !self.at_root_value() {
            self.skip_text_before_root()?;
        }
        // A leaf becomes the root at once; a container, when it closes.
        self.begin_value();
        while !self.stack.is_empty() {
            self.step();
        }
        if !matches!(self.lexer.tok.kind, TokenKind::Eof) {
            self.report_text_after_root();
        }
        self.root.take()
    }

    fn at_root_value(&self) -> bool {
        match &self.lexer.tok.kind {
            TokenKind::LBrace | TokenKind::LBracket | TokenKind::String => true,
            TokenKind::Number => self.lexer.number.is_some(),
            TokenKind::Word => matches!(self.tok_text(), "true" | "false" | "null"),
            _ => false,
        }
    }

    fn tok_text(&self) -> &'t str {
        self.lexer.tok.span.slice(self.text)
    }

    /// Text before the first value (`webhook = {`, a stray word): reported once, then
    /// parsing starts at the first `{` or `[`, if any.
    fn skip_text_before_root(&mut self) -> Option<()> {
        if matches!(self.lexer.tok.kind, TokenKind::Eof) {
            self.report(
                Diagnostic::new(
                    Rule::JsonSyntax,
                    Span::point(self.text.len()),
                    "Expected a JSON value, but there is none.",
                )
                .with_help("Write a JSON object such as {\"url\": \"https://example.com/hook\"}."),
            );
            return None;
        }
        let start = self.lexer.tok.span.start;
        self.lexer.quiet = true;
        while !matches!(
            self.lexer.tok.kind,
            TokenKind::LBrace | TokenKind::LBracket | TokenKind::Eof
        ) {
            self.bump();
        }
        self.lexer.quiet = false;
        let found = !matches!(self.lexer.tok.kind, TokenKind::Eof);
        let end = if found {
            self.text[..self.lexer.tok.span.start]
                .trim_end()
                .len()
                .max(start)
        } else {
            self.prev_end
        };
        let message = if found {
            "This text before the JSON value is not JSON."
        } else {
            "This is not JSON."
        };
        self.report(
            Diagnostic::new(Rule::JsonSyntax, Span::new(start, end), message)
                .with_help("The webhook's JSON starts with { and ends with }."),
        );
        found.then_some(())
    }

    fn report_text_after_root(&mut self) {
        let start = self.lexer.tok.span.start;
        let rest = self.text[start..].trim_end();
        let end = start + rest.len();
        let mut diagnostic = Diagnostic::new(
            Rule::JsonSyntax,
            Span::new(start, end),
            "Unexpected text after the end of the JSON value.",
        )
        .with_help("Remove it, or check that the brackets before it are balanced.");
        if rest
            .chars()
            .all(|c| matches!(c, '}' | ']' | ',' | ';') || c.is_whitespace())
        {
            diagnostic = diagnostic.with_fix(Fix::new(
                "Remove the extra text",
                Span::new(self.prev_end, end),
                "",
            ));
        }
        self.report(diagnostic);
    }

    /// Reads a value at the current token: a leaf is delivered at once (see
    /// [`Parser::deliver`]; handing it back first copied every node once more), an object
    /// or array is pushed on the stack.
    fn begin_value(&mut self) {
        let span = self.lexer.tok.span;
        match &self.lexer.tok.kind {
            TokenKind::LBrace | TokenKind::LBracket => {
                let container = if matches!(self.lexer.tok.kind, TokenKind::LBrace) {
                    Container::Object
                } else {
                    Container::Array
                };
                if self.stack.len() >= MAX_DEPTH {
                    self.too_deep();
                    return self.deliver(None);
                }
                self.stack.push(Frame::new(container, span.start));
                self.bump();
            }
            TokenKind::String => {
                let value = NodeValue::String(self.bump_string());
                self.deliver(Some(Node { value, span }));
            }
            TokenKind::Number => {
                let value = self.lexer.number.map(|n| Node {
                    value: NodeValue::Number(n),
                    span,
                });
                self.bump();
                self.deliver(value);
            }
            TokenKind::Word => {
                let value = self.word_value();
                self.deliver(value);
            }
            TokenKind::Ellipsis => {
                self.report_placeholder(span, None);
                self.bump();
                self.deliver(None);
            }
            TokenKind::Junk(c) => {
                let c = *c;
                self.report_unexpected_char(c, span);
                self.sync();
                self.deliver(None);
            }
            TokenKind::Colon => {
                self.report_syntax(
                    Diagnostic::new(Rule::JsonSyntax, span, "Expected a value, found ':'.")
                        .with_help("A ':' only follows a key inside an object."),
                );
                self.sync();
                self.deliver(None);
            }
            TokenKind::Comma | TokenKind::RBrace | TokenKind::RBracket | TokenKind::Eof => {
                self.report_syntax(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        Span::point(self.prev_end),
                        "Expected a value here.",
                    )
                    .with_help(
                        "Write a value: a string, number, object, array, true, false or null.",
                    ),
                );
                self.deliver(None);
            }
        }
    }

    /// A word in value position: `true`, `false`, `null`, or a mistake.
    fn word_value(&mut self) -> Option<Node<'t>> {
        let span = self.lexer.tok.span;
        let word = self.tok_text();
        let value = match word {
            "true" => Some(NodeValue::Bool(true)),
            "false" => Some(NodeValue::Bool(false)),
            "null" => Some(NodeValue::Null),
            _ => None,
        };
        if let Some(value) = value {
            self.bump();
            return Some(Node { value, span });
        }
        if word == "NaN" || word == "Infinity" {
            self.report(
                Diagnostic::new(
                    Rule::JsonSyntax,
                    span,
                    format!("{word} is not a JSON number."),
                )
                .with_help(
                    "JSON has no NaN or Infinity; use an ordinary number, null, or a string.",
                ),
            );
            self.bump();
            let n = if word == "NaN" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            return Some(Node {
                value: NodeValue::Number(n),
                span,
            });
        }
        let meant = match word.to_ascii_lowercase().as_str() {
            "true" => Some(("true", NodeValue::Bool(true))),
            "false" => Some(("false", NodeValue::Bool(false))),
            "null" | "none" | "nil" | "undefined" => Some(("null", NodeValue::Null)),
            _ => None,
        };
        if let Some((spelling, value)) = meant {
            self.report(
                Diagnostic::new(
                    Rule::JsonSyntax,
                    span,
                    format!("{word} is not a JSON value; JSON writes {spelling}, in lower case."),
                )
                .with_help(format!("Write {spelling}."))
                .with_fix(Fix::new(format!("Write {spelling}"), span, spelling)),
            );
            self.bump();
            return Some(Node { value, span });
        }
        // Text without quotes (a URL, `json/text`): take it up to white space or JSON
        // punctuation and read it as the string it was meant to be.
        let end = self.lexer.extend_bare_value();
        let span = Span::new(span.start, end);
        self.lexer.tok.span = span;
        let text = span.slice(self.text);
        self.report_syntax(
            Diagnostic::new(
                Rule::JsonSyntax,
                span,
                "Text values need double quotes in JSON.",
            )
            .with_help(format!("Write {}.", quoted(text)))
            .with_fix(Fix::new("Put it in double quotes", span, quoted(text))),
        );
        self.bump_erroneous();
        Some(Node {
            value: NodeValue::String(Cow::Borrowed(text)),
            span,
        })
    }

    /// Gives a finished value to the container on top of the stack, or makes it the root.
    fn deliver(&mut self, value: Option<Node<'t>>) {
        let Some(frame) = self.stack.last_mut() else {
            self.root = value;
            return;
        };
        frame.expect = Expect::CommaOrClose;
        match frame.container {
            Container::Array => frame.items.extend(value),
            Container::Object => {
                let Some((key, key_span)) = frame.key.take() else {
                    return;
                };
                let Some(value) = value else {
                    return;
                };
                // Small objects are scanned; the set of keys is only built (from the
                // members so far) once an object has `SCAN_BELOW` (16) members.
                let members = &frame.members;
                let repeated = frame
                    .keys
                    .find_or_insert_among(&key, members.len(), |i| &*members[i].key)
                    .is_some();
                frame.members.push(Member {
                    key,
                    key_span,
                    value,
                });
                if repeated {
                    let message = format!(
                        "The key {} appears more than once in this object; the later \
                         value wins, as testRTC reads it with JSON.parse.",
                        quoted(&frame.members[frame.members.len() - 1].key)
                    );
                    self.report(
                        Diagnostic::new(Rule::JsonDuplicateKey, key_span, message)
                            .with_help("Keep only the member you mean."),
                    );
                }
            }
        }
    }

    /// Closes the container on top of the stack, its text ending at `end`.
    fn close_top(&mut self, end: usize) {
        if let Some(frame) = self.stack.pop() {
            let node = frame.into_node(end);
            self.deliver(Some(node));
        }
    }

    fn step(&mut self) {
        if matches!(self.lexer.tok.kind, TokenKind::Eof) {
            self.close_all_at_end();
            return;
        }
        let frame = self.top();
        let (container, expect) = (frame.container, frame.expect);
        match container {
            Container::Object => self.object_step(expect),
            Container::Array => self.array_step(expect),
        }
    }

    fn object_step(&mut self, expect: Expect) {
        let span = self.lexer.tok.span;
        match (expect, &self.lexer.tok.kind) {
            (Expect::First | Expect::AfterComma, TokenKind::String) => {
                let key = self.bump_string();
                self.accept_key(key, span);
            }
            (Expect::First | Expect::AfterComma, TokenKind::Word | TokenKind::Number)
                if self.lexer.tok.kind == TokenKind::Word || self.lexer.number.is_some() =>
            {
                let end = if matches!(self.lexer.tok.kind, TokenKind::Word) {
                    self.lexer.extend_key()
                } else {
                    span.end
                };
                let span = Span::new(span.start, end);
                self.lexer.tok.span = span;
                let key = Cow::Borrowed(span.slice(self.text));
                self.report(
                    Diagnostic::new(
                        Rule::JsonUnquotedKey,
                        span,
                        "Keys without quotes appear in testRTC's documentation examples but \
                         are not valid JSON.",
                    )
                    .with_help(format!("Put the key in double quotes: {}.", quoted(&key)))
                    .with_fix(Fix::new("Quote the key", span, quoted(&key))),
                );
                self.bump();
                self.accept_key(key, span);
            }
            (Expect::First | Expect::AfterComma, TokenKind::RBrace) => {
                self.report_trailing_comma_if_any();
                self.bump();
                self.close_top(span.end);
            }
            (Expect::First | Expect::AfterComma, TokenKind::Comma) => self.extra_comma(),
            (Expect::First | Expect::AfterComma, TokenKind::Ellipsis) => self.placeholder_entry(),
            (_, TokenKind::RBracket) if expect != Expect::Colon && expect != Expect::Value => {
                self.mismatched_closer();
            }
            (Expect::First | Expect::AfterComma, _) => {
                self.report_syntax(
                    Diagnostic::new(Rule::JsonSyntax, span, "Expected a key in double quotes.")
                        .with_help("Each member of an object is written \"key\": value."),
                );
                self.sync();
                self.set_expect(Expect::CommaOrClose);
            }

            (Expect::Colon, TokenKind::Colon) => {
                self.bump();
                self.set_expect(Expect::Value);
            }
            (Expect::Colon, TokenKind::Junk('=')) => {
                self.report_syntax(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        span,
                        "JSON separates a key from its value with ':', not '='.",
                    )
                    .with_help("Write ':' after the key.")
                    .with_fix(Fix::new("Write ':'", span, ":")),
                );
                self.bump_erroneous();
                self.set_expect(Expect::Value);
            }
            (
                Expect::Colon,
                TokenKind::String
                | TokenKind::Number
                | TokenKind::Word
                | TokenKind::LBrace
                | TokenKind::LBracket,
            ) => {
                let at = Span::point(self.prev_end);
                self.report_syntax(
                    Diagnostic::new(Rule::JsonSyntax, at, "Missing ':' after the key.")
                        .with_help("Write ':' between a key and its value.")
                        .with_fix(Fix::new("Insert ':'", at, ":")),
                );
                self.set_expect(Expect::Value);
            }
            (Expect::Colon, TokenKind::Comma | TokenKind::RBrace) => {
                let (key, key_span) = self.top().key.take().unwrap_or_default();
                self.report_syntax(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        key_span,
                        format!("The key {} has no value.", quoted(&key)),
                    )
                    .with_help("Write ': value' after the key, or remove the key."),
                );
                self.set_expect(Expect::CommaOrClose);
            }
            (Expect::Colon, _) => {
                self.report_syntax(
                    Diagnostic::new(Rule::JsonSyntax, span, "Expected ':' after the key.")
                        .with_help("Each member of an object is written \"key\": value."),
                );
                self.sync();
                self.top().key = None;
                self.set_expect(Expect::CommaOrClose);
            }

            (Expect::Value, TokenKind::Ellipsis) => {
                self.report_placeholder(span, None);
                self.bump();
                self.top().key = None;
                self.set_expect(Expect::CommaOrClose);
            }
            (Expect::Value, TokenKind::Comma | TokenKind::RBrace | TokenKind::RBracket) => {
                self.report_syntax(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        Span::point(self.prev_end),
                        "Expected a value after ':'.",
                    )
                    .with_help("Write the key's value, or remove the key."),
                );
                self.top().key = None;
                self.set_expect(Expect::CommaOrClose);
            }
            (Expect::Value, _) => self.begin_value(),

            (Expect::CommaOrClose, TokenKind::Comma) => self.accept_comma(span),
            (Expect::CommaOrClose, TokenKind::RBrace) => {
                self.bump();
                self.close_top(span.end);
            }
            (Expect::CommaOrClose, TokenKind::String | TokenKind::Word) => {
                self.missing_comma("members");
            }
            (Expect::CommaOrClose, TokenKind::Ellipsis) => {
                self.report_placeholder(span, Some(span));
                self.bump();
            }
            (Expect::CommaOrClose, _) => {
                self.report_syntax(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        span,
                        "Expected ',' or '}' after this member.",
                    )
                    .with_help("Separate members with commas and close the object with '}'."),
                );
                self.sync();
            }
        }
    }

    fn array_step(&mut self, expect: Expect) {
        let span = self.lexer.tok.span;
        match (expect, &self.lexer.tok.kind) {
            (_, TokenKind::RBracket) if expect != Expect::CommaOrClose => {
                self.report_trailing_comma_if_any();
                self.bump();
                self.close_top(span.end);
            }
            (_, TokenKind::RBrace) => self.mismatched_closer(),
            (Expect::CommaOrClose, TokenKind::Comma) => self.accept_comma(span),
            (Expect::CommaOrClose, TokenKind::RBracket) => {
                self.bump();
                self.close_top(span.end);
            }
            (
                Expect::CommaOrClose,
                TokenKind::String
                | TokenKind::Number
                | TokenKind::Word
                | TokenKind::LBrace
                | TokenKind::LBracket,
            ) => self.missing_comma("items"),
            (Expect::CommaOrClose, TokenKind::Ellipsis) => {
                self.report_placeholder(span, Some(span));
                self.bump();
            }
            (Expect::CommaOrClose, _) => {
                self.report_syntax(
                    Diagnostic::new(
                        Rule::JsonSyntax,
                        span,
                        "Expected ',' or ']' after this item.",
                    )
                    .with_help("Separate items with commas and close the array with ']'."),
                );
                self.sync();
            }
            (_, TokenKind::Comma) => self.extra_comma(),
            (_, TokenKind::Ellipsis) => self.placeholder_entry(),
            _ => self.begin_value(),
        }
    }

    /// The comma after a member or item: the next one may follow (or, if a closer does, the
    /// comma was a trailing one).
    fn accept_comma(&mut self, span: Span) {
        self.bump();
        let frame = self.top();
        frame.comma = Some(span);
        frame.expect = Expect::AfterComma;
    }

    fn accept_key(&mut self, key: Cow<'t, str>, key_span: Span) {
        let frame = self.top();
        frame.key = Some((key, key_span));
        frame.comma = None;
        frame.expect = Expect::Colon;
    }

    fn report_trailing_comma_if_any(&mut self) {
        let frame = self.top();
        let (Expect::AfterComma, Some(comma)) = (frame.expect, frame.comma) else {
            return;
        };
        let entry = match frame.container {
            Container::Object => "member",
            Container::Array => "item",
        };
        self.report(
            Diagnostic::new(
                Rule::JsonTrailingComma,
                comma,
                "Trailing commas appear in testRTC's documentation examples but are not \
                 valid JSON.",
            )
            .with_help(format!("Remove the comma after the last {entry}."))
            .with_fix(Fix::new("Remove the trailing comma", comma, "")),
        );
    }

    /// A `,` where a member or item should start: `[1,,2]`, `{,"a": 1}`.
    fn extra_comma(&mut self) {
        let span = self.lexer.tok.span;
        self.report_syntax(
            Diagnostic::new(Rule::JsonSyntax, span, "There is an extra ',' here.")
                .with_help("Remove it; commas only separate members or items.")
                .with_fix(Fix::new("Remove the comma", span, "")),
        );
        self.bump_erroneous();
        let frame = self.top();
        if frame.expect == Expect::First {
            // Nothing precedes it, so a closer next is no trailing comma.
            return;
        }
        frame.comma = Some(span);
    }

    /// A member or item starts without the comma that should precede it.
    fn missing_comma(&mut self, entries: &str) {
        let at = Span::point(self.prev_end);
        self.report_syntax(
            Diagnostic::new(
                Rule::JsonSyntax,
                at,
                format!("Missing ',' between {entries}."),
            )
            .with_help(format!("Put a comma between {entries}."))
            .with_fix(Fix::new("Insert ','", at, ",")),
        );
        let frame = self.top();
        frame.comma = None;
        frame.expect = Expect::AfterComma;
    }

    /// A `...` where a member or item should start; it is dropped, and its fix takes an
    /// adjacent comma with it when that leaves the list well formed.
    fn placeholder_entry(&mut self) {
        let dots = self.lexer.tok.span;
        self.bump();
        let (container, comma) = {
            let frame = self.top();
            (frame.container, frame.comma)
        };
        let closer = match container {
            Container::Object => TokenKind::RBrace,
            Container::Array => TokenKind::RBracket,
        };
        let removal = if matches!(self.lexer.tok.kind, TokenKind::Comma) {
            // `..., next`: remove the placeholder and its comma.
            let next_comma = self.lexer.tok.span;
            self.bump();
            let frame = self.top();
            frame.comma = Some(next_comma);
            frame.expect = Expect::AfterComma;
            Span::new(dots.start, next_comma.end)
        } else if self.lexer.tok.kind == closer {
            // `a, ...}`: remove the comma before it too; the list then simply ends.
            self.top().comma = None;
            comma.map_or(dots, |comma| Span::new(comma.start, dots.end))
        } else {
            dots
        };
        self.report_placeholder(dots, Some(removal));
    }

    fn report_placeholder(&mut self, span: Span, removal: Option<Span>) {
        let mut diagnostic = Diagnostic::new(
            Rule::JsonPlaceholder,
            span,
            "'...' placeholders appear in testRTC's documentation examples but are not \
             valid JSON.",
        )
        .with_help("Replace it with the real values, or remove it.");
        if let Some(removal) = removal {
            diagnostic = diagnostic.with_fix(Fix::new("Remove the placeholder", removal, ""));
        }
        self.report(diagnostic);
    }

    /// A `}` closing an array or a `]` closing an object.
    fn mismatched_closer(&mut self) {
        let span = self.lexer.tok.span;
        let (wanted, found) = match self.lexer.tok.kind {
            TokenKind::RBrace => (Container::Array, Container::Object),
            _ => (Container::Object, Container::Array),
        };
        let (right, wrong) = (wanted.closer(), found.closer());
        let opened = where_opened(self.top_opened());
        let depth = self.stack.len();
        let encloses = self.stack[..depth.saturating_sub(1)]
            .iter()
            .any(|frame| frame.container == found);
        if encloses {
            // The closer belongs to an outer container: this one was never closed.
            let at = Span::point(self.prev_end);
            let mut diagnostic = Diagnostic::new(
                Rule::JsonSyntax,
                at,
                format!(
                    "Missing '{right}' to close the {} opened at {opened}.",
                    wanted.noun()
                ),
            )
            .with_help(format!("Close the {} with '{right}'.", wanted.noun()));
            if matches!(self.top().expect, Expect::First | Expect::CommaOrClose) {
                diagnostic = diagnostic.with_fix(Fix::new(
                    format!("Insert '{right}'"),
                    at,
                    right.to_string(),
                ));
            }
            self.report_syntax(diagnostic);
            self.top().key = None;
            self.close_top(at.end);
            return;
        }
        // Nothing to close with it: either a typo for the right closer, or a stray one.
        // What follows tells them apart: a stray one is followed by the right closer.
        self.bump();
        let own_closer = match wanted {
            Container::Object => TokenKind::RBrace,
            Container::Array => TokenKind::RBracket,
        };
        let mistyped = self.lexer.tok.kind != own_closer
            && matches!(
                self.lexer.tok.kind,
                TokenKind::Eof | TokenKind::Comma | TokenKind::RBrace | TokenKind::RBracket
            );
        if mistyped {
            self.report_syntax(
                Diagnostic::new(
                    Rule::JsonSyntax,
                    span,
                    format!(
                        "The {} opened at {opened} must be closed with '{right}', not '{wrong}'.",
                        wanted.noun()
                    ),
                )
                .with_help(format!("Write '{right}'."))
                .with_fix(Fix::new(
                    format!("Write '{right}'"),
                    span,
                    right.to_string(),
                )),
            );
            self.report_trailing_comma_if_any();
            self.close_top(span.end);
        } else {
            self.report_syntax(
                Diagnostic::new(
                    Rule::JsonSyntax,
                    span,
                    format!("Unexpected '{wrong}': no {} is open here.", found.noun()),
                )
                .with_help(format!(
                    "Remove it, or close the {} with '{right}'.",
                    wanted.noun()
                ))
                .with_fix(Fix::new(format!("Remove the '{wrong}'"), span, "")),
            );
            self.clean_at_error = Some(self.clean_tokens);
        }
    }

    /// The input ended with containers still open: one report, then every container is
    /// closed where the text ends.
    fn close_all_at_end(&mut self) {
        if !self.lexer.ran_off_the_end {
            let opened = self.top_opened();
            let innermost = self.top();
            let (container, expect) = (innermost.container, innermost.expect);
            let closers: String = self
                .stack
                .iter()
                .rev()
                .map(|f| f.container.closer())
                .collect();
            let opened = where_opened(opened);
            let at = Span::point(self.prev_end);
            let mut diagnostic = Diagnostic::new(
                Rule::JsonSyntax,
                at,
                format!(
                    "The input ends before the {} opened at {opened} is closed.",
                    container.noun()
                ),
            )
            .with_help(format!("Add the missing {closers} at the end."));
            if matches!(expect, Expect::First | Expect::CommaOrClose) {
                diagnostic = diagnostic.with_fix(Fix::new(format!("Add {closers}"), at, closers));
            }
            self.report(diagnostic);
        }
        while !self.stack.is_empty() {
            self.top().key = None;
            self.close_top(self.prev_end);
        }
    }

    fn too_deep(&mut self) {
        let span = self.lexer.tok.span;
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            self.report(
                Diagnostic::new(
                    Rule::JsonTooDeep,
                    span,
                    format!("Objects and arrays nest more than {MAX_DEPTH} deep here."),
                )
                .with_help(format!(
                    "Flatten the structure to at most {MAX_DEPTH} levels."
                )),
            );
        }
        // Skip the whole too-deep value, counting brackets only.
        self.lexer.quiet = true;
        let mut depth = 0usize;
        loop {
            match self.lexer.tok.kind {
                TokenKind::Eof => break,
                TokenKind::LBrace | TokenKind::LBracket => depth += 1,
                TokenKind::RBrace | TokenKind::RBracket => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump();
            if depth == 0 {
                break;
            }
        }
        self.lexer.quiet = false;
    }

    fn report_unexpected_char(&mut self, c: char, span: Span) {
        let help = match c {
            ';' => "JSON separates members with ',', and needs nothing after the last one.",
            '=' => "JSON separates a key from its value with ':'.",
            _ => "Strings need double quotes, and members and items are separated by commas.",
        };
        self.report_syntax(
            Diagnostic::new(
                Rule::JsonSyntax,
                span,
                format!("Unexpected character {}.", describe_char(c)),
            )
            .with_help(help),
        );
    }

    /// Skips, without reporting, to the next `,`, `}` or `]` at the current depth (or the
    /// end). Called after an error has been reported for the current token.
    fn sync(&mut self) {
        self.lexer.quiet = true;
        let mut depth = 0usize;
        loop {
            match self.lexer.tok.kind {
                TokenKind::Eof => break,
                TokenKind::Comma | TokenKind::RBrace | TokenKind::RBracket if depth == 0 => break,
                TokenKind::LBrace | TokenKind::LBracket => depth += 1,
                TokenKind::RBrace | TokenKind::RBracket => depth -= 1,
                _ => {}
            }
            self.bump();
        }
        self.lexer.quiet = false;
    }
}

fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}'")
    }
}

fn where_opened(position: Position) -> String {
    format!("line {}, column {}", position.line, position.column)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time line counting against a character-by-character count, at every
    /// character boundary of a text mixing long lines, line breaks and multi-byte characters.
    #[test]
    fn locate_counts_lines_and_characters() {
        let text = "{\"caf\u{e9}\": \"\u{2713}\u{2713} long line of plain text \u{1f600}\",\n\
                    \n  \"k\u{e9}y\": [1, 2, 3],\r\n\t\"\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\": \
                    \"12345678\n123456789abcdef\u{2713}\"}";
        let mut expected = Vec::new();
        let (mut line, mut column) = (1, 1);
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            expected.push((at, Position { line, column }));
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        // Asked at every boundary, and in jumps of several characters.
        for step in [1, 3, 7, 13] {
            let mut parser = Parser::new(text);
            for &(at, position) in expected.iter().step_by(step) {
                assert_eq!(parser.locate(at), position, "at byte {at}, step {step}");
            }
        }
        let mut parser = Parser::new(text);
        assert_eq!(parser.locate(text.len()), expected[expected.len() - 1].1);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Positions are counted only for messages, and then for every open container at
        /// once: each "opened at" still names the `{` or `[` of the container it speaks of.
        #[test]
        fn opened_at_names_the_opening_bracket(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "{", "[", "}", "]", "\"a\": ", "1", ", ", "\n", "\u{e9}", "\"\u{2713}\"", "  ",
                ]),
                0..40,
            ),
        ) {
            let text = parts.concat();
            for diagnostic in parse(&text).diagnostics.iter() {
                let Some((_, rest)) = diagnostic.message.split_once(" opened at line ") else {
                    continue;
                };
                let noun = if diagnostic.message.contains("object opened") { '{' } else { '[' };
                let (line, rest) = rest.split_once(", column ").unwrap();
                let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let (line, column): (usize, usize) = (line.parse().unwrap(), column.parse().unwrap());
                let found = text.split('\n').nth(line - 1).and_then(|l| l.chars().nth(column - 1));
                proptest::prop_assert_eq!(found, Some(noun), "{}", diagnostic.message);
            }
        }
    }
}
