//! The run-options tokenizer (SPEC §1.1): splits a run-options string such as
//! `#timeout:80, #webhook:https://example.com/hook #vnc` into options, checks the value of
//! every known option but `#webhook`, and finds the `#webhook` value for the caller, who
//! checks it as a webhook field (shifting its spans by the value's start).
//!
//! Decisions where the spec is silent:
//! - `#webhook:` may be followed by spaces or tabs before its value (`#webhook: https://x`
//!   is accepted): people type a space after a colon, and nothing is lost by allowing it.
//!   Other options take their value right after `:`, as testRTC's examples write them.
//! - A `#webhook:{...}` whose braces never close is reported, and its value is recorded as
//!   running from `{` to the end of the (right-trimmed) text, so the caller's JSON parser can
//!   point at the exact problem inside it.
//! - [`RunOptions::webhook`] is the first `#webhook` that has a value, so the URL in
//!   `#webhook #webhook:https://x` is still checked (both options are errors anyway).
//! - Option names are case-sensitive; a near miss (`#Webhook`, `#web-hook`, `#timout`) is an
//!   unknown option with "did you mean" and a fix. A near miss of `webhook` still gets its
//!   JSON value read whole, so one typo does not also split the JSON into stray text.
//! - An empty value (`#timeout:`) is recorded as no value.
//! - Every pass over the text is single and forward: linear time on any input.

use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::repeats::Diagnostics;
use crate::span::Span;

/// One `#name[:value]` option, as places in the text (a paste can hold 100,000 options: a
/// copy of each name and value would cost more than the text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunOption {
    /// The name, without `#`.
    pub name: Span,
    /// From `#` to the end of the value.
    pub span: Span,
    /// The value after `:` (leading spaces before a JSON value excluded).
    pub value: Option<Span>,
}

/// What [`parse`] found.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Every option, in text order (unknown and duplicate ones included).
    pub options: Vec<RunOption>,
    /// Span of the first `#webhook` value, when it has one.
    pub webhook: Option<Span>,
    /// Findings about the options, in text order; none about the webhook value itself.
    pub diagnostics: Diagnostics,
}

/// The options hookcheck knows, as named in testRTC's docs and data.
pub const KNOWN_OPTIONS: &[&str] = &[
    "timeout",
    "getstats",
    "getstats-frequency",
    "vnc",
    "session",
    "webhook",
];

/// Tokenizes a run-options string (SPEC §1.1) and checks every option but the webhook's value.
pub fn parse(text: &str) -> RunOptions {
    let mut parser = Parser {
        text,
        trimmed_end: text.trim_end().len(),
        out: RunOptions::default(),
        webhook_seen: false,
    };
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        pos = if is_separator(c) {
            pos + c.len_utf8()
        } else if c == '#' {
            parser.option(pos)
        } else {
            parser.stray(pos)
        };
    }
    if !parser.webhook_seen {
        let start = text.len() - text.trim_start().len();
        let span = if start < parser.trimmed_end {
            Span::new(start, parser.trimmed_end)
        } else {
            Span::point(0)
        };
        parser.out.diagnostics.push(
            Diagnostic::new(
                Rule::RunOptionWebhookAbsent,
                span,
                "These run options set no `#webhook`, so testRTC sends no webhook from them.",
            )
            .with_help(
                "Add #webhook:https://your-endpoint/path, or set the URL in the dedicated webhook field.",
            ),
        );
    }
    parser.out
}

/// White space or a comma: what separates options.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == ','
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// What follows an option's name.
struct ValueScan {
    /// Whether a `:` follows the name.
    colon: bool,
    /// The non-empty value.
    value: Option<Span>,
    /// The `{` of a JSON value whose braces never close.
    unbalanced: Option<usize>,
    /// End of the option.
    end: usize,
}

struct Parser<'a> {
    text: &'a str,
    trimmed_end: usize,
    out: RunOptions,
    webhook_seen: bool,
}

impl Parser<'_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.out.diagnostics.push(diagnostic);
    }

    /// The next separator at or after `from`, or the end of the text.
    fn next_separator(&self, from: usize) -> usize {
        self.text[from..]
            .char_indices()
            .find(|&(_, c)| is_separator(c))
            .map_or(self.text.len(), |(i, _)| from + i)
    }

    fn name_end(&self, from: usize) -> usize {
        from + self.text.as_bytes()[from..]
            .iter()
            .take_while(|&&b| is_name_byte(b))
            .count()
    }

    /// Reads `:value` after a name ending at `at`.
    fn value(&self, at: usize, json_allowed: bool) -> ValueScan {
        let bytes = self.text.as_bytes();
        if bytes.get(at) != Some(&b':') {
            return ValueScan {
                colon: false,
                value: None,
                unbalanced: None,
                end: at,
            };
        }
        let after_colon = at + 1;
        let mut start = after_colon;
        if json_allowed {
            let spaces = bytes[start..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            if bytes.get(start + spaces) == Some(&b'{') {
                let open = start + spaces;
                return match matching_brace(bytes, open) {
                    Some(close) => ValueScan {
                        colon: true,
                        value: Some(Span::new(open, close + 1)),
                        unbalanced: None,
                        end: close + 1,
                    },
                    None => ValueScan {
                        colon: true,
                        value: Some(Span::new(open, self.trimmed_end)),
                        unbalanced: Some(open),
                        end: self.trimmed_end,
                    },
                };
            }
            // After spaces, a `#` starts the next option (SPEC §1.1), not the value.
            let spaced_hash = spaces > 0 && bytes.get(start + spaces) == Some(&b'#');
            if !spaced_hash
                && bytes
                    .get(start + spaces)
                    .is_some_and(|&b| b != b',' && !b.is_ascii_whitespace())
            {
                start += spaces;
            }
        }
        let end = self.next_separator(start);
        ValueScan {
            colon: true,
            value: (end > start).then(|| Span::new(start, end)),
            unbalanced: None,
            end: if end > start { end } else { after_colon },
        }
    }

    /// An option starting with `#` at `start`; returns where it ends.
    fn option(&mut self, start: usize) -> usize {
        let name_start = start + 1;
        let name_end = self.name_end(name_start);
        if name_end == name_start {
            let end = self.next_separator(start);
            let span = Span::new(start, end);
            self.push(
                Diagnostic::new(
                    Rule::RunOptionStrayText,
                    span,
                    format!(
                        "`{}` is not an option: `#` must be followed by an option name.",
                        span.slice(self.text)
                    ),
                )
                .with_help("Option names use letters, digits, `-` and `_`, as in #timeout:80."),
            );
            return end;
        }
        let name = &self.text[name_start..name_end];
        let suggestion = if KNOWN_OPTIONS.contains(&name) {
            None
        } else {
            suggest(name)
        };
        let scan = self.value(name_end, name == "webhook" || suggestion == Some("webhook"));
        let span = Span::new(start, scan.end);
        let name_span = Span::new(name_start, name_end);
        self.out.options.push(RunOption {
            name: name_span,
            span,
            value: scan.value,
        });

        match name {
            "webhook" => self.webhook(span, &scan),
            "timeout" => self.whole_number(
                span,
                scan.value,
                "the timeout in whole minutes, such as #timeout:80",
            ),
            "session" => self.whole_number(
                span,
                scan.value,
                "a whole number greater than 0, such as #session:10",
            ),
            "getstats-frequency" => self.positive_number(span, scan.value),
            "getstats" | "vnc" => self.no_value(name, name_end, &scan),
            _ => self.unknown(name, name_span, suggestion),
        }

        self.trailing_text(scan.end, scan.colon)
    }

    /// Text glued to the end of an option (`#vnc#session`, `#timeout=5`): stray text.
    fn trailing_text(&mut self, at: usize, had_colon: bool) -> usize {
        let Some(c) = self.text[at..].chars().next() else {
            return at;
        };
        if is_separator(c) {
            return at;
        }
        let end = self.next_separator(at);
        let span = Span::new(at, end);
        let written = span.slice(self.text);
        let diagnostic = Diagnostic::new(
            Rule::RunOptionStrayText,
            span,
            format!("`{written}` is glued to the option before it and is not part of it."),
        );
        let diagnostic = if c == '#' {
            diagnostic
                .with_help("Separate options with a space or a comma.")
                .with_fix(Fix::new("Insert a space", Span::point(at), " "))
        } else if c == '=' && !had_colon {
            diagnostic
                .with_help("An option's value follows `:`, as in #timeout:80.")
                .with_fix(Fix::new(
                    "Write `:` instead of `=`",
                    Span::new(at, at + 1),
                    ":",
                ))
        } else {
            diagnostic.with_help("Separate options with a space or a comma.")
        };
        self.push(diagnostic);
        end
    }

    fn webhook(&mut self, span: Span, scan: &ValueScan) {
        if self.webhook_seen {
            self.push(
                Diagnostic::new(
                    Rule::RunOptionWebhookDuplicate,
                    span,
                    "`#webhook` is given a second time.",
                )
                .with_help("Keep one #webhook option."),
            );
        }
        self.webhook_seen = true;
        match (scan.value, scan.unbalanced) {
            (None, _) => self.push(
                Diagnostic::new(
                    Rule::RunOptionWebhookMissingValue,
                    span,
                    "`#webhook` has no value.",
                )
                .with_help(
                    "Write the URL after a colon, #webhook:https://example.com/hook, or a JSON object, #webhook:{\"url\": \"https://example.com/hook\"}.",
                ),
            ),
            (Some(value), unbalanced) => {
                if let Some(open) = unbalanced {
                    self.push(
                        Diagnostic::new(
                            Rule::RunOptionUnbalancedJson,
                            Span::new(open, value.end),
                            "The JSON value of `#webhook` opens `{` but never closes it.",
                        )
                        .with_help("Close every `{` with `}`; braces inside JSON strings do not count."),
                    );
                }
                if self.out.webhook.is_none() {
                    self.out.webhook = Some(value);
                }
            }
        }
    }

    /// `#timeout` and `#session`: a whole number greater than 0.
    fn whole_number(&mut self, span: Span, value: Option<Span>, expected: &str) {
        let Some(value) = value else {
            self.push(Diagnostic::new(
                Rule::RunOptionInvalidValue,
                span,
                format!(
                    "`{}` needs a value: {expected}.",
                    span.slice(self.text).trim_end_matches(':')
                ),
            ));
            return;
        };
        let written = value.slice(self.text);
        let digits = !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit());
        if !digits || written.bytes().all(|b| b == b'0') {
            self.push(Diagnostic::new(
                Rule::RunOptionInvalidValue,
                value,
                format!("`{written}` is not valid here: expected {expected}."),
            ));
        }
    }

    /// `#getstats-frequency`: a number greater than 0 (a decimal fraction allowed).
    fn positive_number(&mut self, span: Span, value: Option<Span>) {
        let expected = "a number greater than 0, such as #getstats-frequency:5";
        let Some(value) = value else {
            self.push(Diagnostic::new(
                Rule::RunOptionInvalidValue,
                span,
                format!("`#getstats-frequency` needs a value: {expected}."),
            ));
            return;
        };
        let written = value.slice(self.text);
        let (whole, fraction) = written.split_once('.').unwrap_or((written, ""));
        let is_number = !(whole.is_empty() && fraction.is_empty())
            && whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit());
        let positive = written.bytes().any(|b| (b'1'..=b'9').contains(&b));
        if !is_number || !positive {
            self.push(Diagnostic::new(
                Rule::RunOptionInvalidValue,
                value,
                format!("`{written}` is not valid here: expected {expected}."),
            ));
        }
    }

    /// `#getstats` and `#vnc` take no value.
    fn no_value(&mut self, name: &str, name_end: usize, scan: &ValueScan) {
        if !scan.colon {
            return;
        }
        let span = Span::new(name_end, scan.end);
        self.push(
            Diagnostic::new(
                Rule::RunOptionInvalidValue,
                span,
                format!("`#{name}` takes no value."),
            )
            .with_help(format!("Write #{name} alone."))
            .with_fix(Fix::new("Remove the value", span, "")),
        );
    }

    fn unknown(&mut self, name: &str, name_span: Span, suggestion: Option<&str>) {
        let diagnostic = match suggestion {
            Some(known) => Diagnostic::new(
                Rule::RunOptionUnknown,
                name_span,
                format!("`#{name}` is not an option hookcheck knows; did you mean `#{known}`?"),
            )
            .with_help("Option names are matched exactly; if this is another option, testRTC gets it unchecked.")
            .with_fix(Fix::new(format!("Change to #{known}"), name_span, known)),
            None => Diagnostic::new(
                Rule::RunOptionUnknown,
                name_span,
                format!("`#{name}` is not an option hookcheck knows; it is passed to testRTC as is, not checked by hookcheck."),
            ),
        };
        self.push(diagnostic);
    }

    /// Text at `start` that does not start with `#`; returns where it ends.
    fn stray(&mut self, start: usize) -> usize {
        let name_end = self.name_end(start);
        let name = &self.text[start..name_end];
        let followed_by = self.text[name_end..].chars().next();
        let looks_like_option = KNOWN_OPTIONS.contains(&name)
            && followed_by.is_none_or(|c| c == ':' || is_separator(c));
        let end = if looks_like_option {
            // Find its end as if it were an option, so that a JSON value stays whole.
            let scan = self.value(name_end, name == "webhook");
            self.next_separator(scan.end)
        } else {
            self.next_separator(start)
        };
        let span = Span::new(start, end);
        let written = span.slice(self.text);
        let diagnostic = if looks_like_option {
            Diagnostic::new(
                Rule::RunOptionStrayText,
                span,
                format!("`{written}` is not an option: it is missing `#`."),
            )
            .with_fix(Fix::new("Insert `#`", Span::point(start), "#"))
        } else {
            Diagnostic::new(
                Rule::RunOptionStrayText,
                span,
                format!("`{written}` is not a run option."),
            )
            .with_help("Run options start with `#`, as in #timeout:80; remove other text.")
        };
        self.push(diagnostic);
        end
    }
}

/// The index of the `}` matching the `{` at `open`, skipping JSON strings and their escapes.
fn matching_brace(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The known option an unknown name most likely means: same letters ignoring case, `-` and
/// `_`, or one edit away (two for names longer than four letters).
fn suggest(name: &str) -> Option<&'static str> {
    if name.len() > 32 {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let squashed: String = lower.chars().filter(|&c| c != '-' && c != '_').collect();
    let mut best: Option<(usize, &'static str)> = None;
    for &known in KNOWN_OPTIONS {
        let distance = if squashed.chars().eq(known.chars().filter(|&c| c != '-')) {
            0
        } else {
            crate::suggest::edit_distance(&lower, known, 3)
        };
        let limit = if known.len() <= 4 { 1 } else { 2 };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, known));
        }
    }
    best.map(|(_, known)| known)
}
