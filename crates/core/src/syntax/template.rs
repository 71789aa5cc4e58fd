//! Body templates: `<% this.NAME %>` placeholders inside the strings of `body` (SPEC §2.4).
//!
//! testRTC renders them like lodash/EJS interpolation with the run's data bound as `this`;
//! the value is inserted as a string, and anything absent renders as `""`. What a name may
//! be is the product's [`Vocabulary`]: testingRTC's documented variables, or dotted paths
//! into another product's payload.

use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::repeats::Diagnostics;
use crate::span::Span;
use crate::syntax::variables::{self, Vocabulary, DOCUMENTED, FAILURE_ONLY};

const OPEN: &str = "<%";
const CLOSE: &str = "%>";

/// A piece of a template string as rendering sees it ([`Template::render_names`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part<'t> {
    Text(&'t str),
    /// The `PATH` of a `this.PATH` placeholder: a name, or names joined by dots.
    Name(&'t str),
}

/// The placeholder syntax of body strings: checking a string's placeholders, and rendering
/// it with the run's values.
#[derive(Clone, Copy, Debug)]
pub struct Template;

impl Template {
    /// What is wrong with the placeholders of `text` (spans relative to the decoded
    /// string), its names read against `vocabulary`.
    pub(crate) fn check(text: &str, vocabulary: Vocabulary) -> Diagnostics {
        let mut diagnostics = Diagnostics::default();
        let mut at = 0;
        while let Some(found) = find(&text[at..], OPEN) {
            let open = at + found;
            let inner_start = open + OPEN.len();
            let Some(close) = find(&text[inner_start..], CLOSE).map(|i| inner_start + i) else {
                diagnostics.push(unclosed(text, open));
                return diagnostics;
            };
            let span = Span::new(open, close + CLOSE.len());
            // Nothing to report for a plain reference (the common case by far): no need to
            // split its path.
            if !is_plain_reference(&text[inner_start..close], vocabulary) {
                check_expression(
                    text,
                    Span::new(inner_start, close),
                    span,
                    vocabulary,
                    &mut diagnostics,
                );
            }
            at = span.end;
        }
        diagnostics
    }

    /// `text` with each `<% this.PATH %>` replaced by what `write(PATH, out)` appends to the
    /// output (PATH is a name, or a dotted path; nothing for an unknown one, which renders
    /// as `""`); an invalid expression renders as `""`, and an unclosed `<%` is text. Checks
    /// nothing. Writing into the output spares a copy of each value.
    pub fn render_names(text: &str, mut write: impl FnMut(&str, &mut String)) -> String {
        let mut out = String::with_capacity(text.len());
        Template::visit_names(text, |part| match part {
            Part::Text(text) => out.push_str(text),
            Part::Name(name) => write(name, &mut out),
        });
        out
    }

    /// What rendering sees in `text`, in order: literal text, and the path of each
    /// `this.PATH` placeholder. Invalid expressions render as "", as in
    /// [`Template::render_names`]; an unclosed `<%` is text.
    fn visit_names<'t>(text: &'t str, mut visit: impl FnMut(Part<'t>)) {
        let mut at = 0;
        while let Some(found) = find(&text[at..], OPEN) {
            let open = at + found;
            if open > at {
                visit(Part::Text(&text[at..open]));
            }
            let inner_start = open + OPEN.len();
            let Some(close) = find(&text[inner_start..], CLOSE).map(|i| inner_start + i) else {
                // Never closed: the rest is text.
                visit(Part::Text(&text[open..]));
                return;
            };
            let name = trim(&text[inner_start..close]).strip_prefix("this.");
            // A documented name is an identifier: most placeholders are found so.
            if let Some(name) = name.filter(|n| variables::index(n).is_some() || is_path(n)) {
                visit(Part::Name(name));
            }
            at = close + CLOSE.len();
        }
        if at < text.len() {
            visit(Part::Text(&text[at..]));
        }
    }
}

/// Checks the expression between `<%` and `%>` against `vocabulary` and returns its
/// `this.` path (empty when it is not a `this.<path>` expression).
fn check_expression<'t>(
    text: &'t str,
    inner: Span,
    whole: Span,
    vocabulary: Vocabulary,
    diagnostics: &mut Diagnostics,
) -> Vec<&'t str> {
    let raw = inner.slice(text);
    let expression = trim(raw);
    let expression_start = inner.start + (raw.len() - trim_start(raw).len());
    let expression_span = Span::new(expression_start, expression_start + expression.len());

    let path = expression
        .strip_prefix("this.")
        .map(|rest| rest.split('.').collect::<Vec<&str>>());
    let valid = path
        .as_ref()
        .is_some_and(|p| p.iter().all(|segment| is_identifier(segment)));
    if !valid {
        let mut diagnostic = Diagnostic::new(
            Rule::TemplateInvalidExpression,
            whole,
            format!(
                "`{}` is not a variable reference; placeholders hold `this.NAME`.",
                whole.slice(text)
            ),
        )
        .with_help(
            "Write the variable as `<% this.testName %>`; see the list of documented variables.",
        );
        // `<%= this.x %>` (EJS output tag) and a missing `this.` have mechanical fixes.
        let guess = expression.trim_start_matches(['=', '-']).trim();
        let guess = guess.strip_prefix("this.").unwrap_or(guess);
        if is_path(guess) && vocabulary.knows(guess) {
            diagnostic = diagnostic.with_fix(Fix::new(
                format!("Use `this.{guess}`"),
                expression_span,
                format!("this.{guess}"),
            ));
        }
        diagnostics.push(diagnostic);
        return Vec::new();
    }
    let path = path.unwrap_or_default();
    let name_span = Span::new(expression_span.start + "this.".len(), expression_span.end);
    if let Vocabulary::Payload { paths, what } = vocabulary {
        let name = name_span.slice(text);
        if !vocabulary.knows(name) {
            diagnostics.push(unknown_path(name, name_span, paths, what));
        }
        return path;
    }
    if path.len() > 1 {
        let last = path.last().copied().unwrap_or_default();
        let mut diagnostic = Diagnostic::new(
            Rule::TemplateLegacyPath,
            expression_span,
            format!(
                "`{expression}` is a dotted path from testRTC's older documentation; today's variables are flat."
            ),
        )
        .with_help("Use one of the documented flat variables, such as `this.resultUrl`.");
        if variables::is_documented(last) {
            diagnostic =
                diagnostic.with_fix(Fix::new(format!("Use `this.{last}`"), name_span, last));
        }
        diagnostics.push(diagnostic);
    } else if let Some(name) = path.first() {
        if !variables::is_documented(name) {
            let mut diagnostic = Diagnostic::new(
                Rule::TemplateUnknownVariable,
                name_span,
                format!("`{name}` is not a variable testRTC documents; it will render as an empty string."),
            );
            match crate::suggest::did_you_mean(name, &DOCUMENTED) {
                Some(suggestion) => {
                    diagnostic = diagnostic
                        .with_help(format!("Did you mean `{suggestion}`?"))
                        .with_fix(Fix::new(
                            format!("Use `{suggestion}`"),
                            name_span,
                            suggestion,
                        ));
                }
                None => {
                    diagnostic = diagnostic.with_help(format!(
                        "The documented variables are: {}.",
                        DOCUMENTED.join(", ")
                    ));
                }
            }
            diagnostics.push(diagnostic);
        } else if FAILURE_ONLY.contains(name) {
            diagnostics.push(
                Diagnostic::new(
                    Rule::TemplateFailureOnlyVariable,
                    name_span,
                    format!("`{name}` is empty when the run succeeds; it carries something only on failure."),
                )
                .with_help("Check the failure preview to see it filled in."),
            );
        }
    }
    path
}

/// `this.PATH` where PATH is not in a product's payload.
fn unknown_path(name: &str, span: Span, paths: &[String], what: &str) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Rule::TemplateUnknownVariable,
        span,
        format!("`{name}` is not in {what}; it will render as an empty string."),
    );
    let candidates: Vec<&str> = paths.iter().map(String::as_str).collect();
    match crate::suggest::did_you_mean(name, &candidates) {
        Some(suggestion) => diagnostic
            .with_help(format!("Did you mean `{suggestion}`?"))
            .with_fix(Fix::new(format!("Use `{suggestion}`"), span, suggestion)),
        None => diagnostic.with_help(format!(
            "Read a path of {what} as the sample data shows it, such as `this.{}`.",
            candidates.first().copied().unwrap_or("NAME")
        )),
    }
}

/// Whether a placeholder's expression is `this.PATH` for a documented variable that is
/// not failure-only, or a path of the product's payload: what [`check_expression`] passes
/// without a word, found without splitting the path.
fn is_plain_reference(inner: &str, vocabulary: Vocabulary) -> bool {
    let Some(path) = trim(inner).strip_prefix("this.") else {
        return false;
    };
    match vocabulary {
        Vocabulary::Testrtc => variables::index(path).is_some_and(is_plain_variable),
        Vocabulary::Payload { .. } => vocabulary.knows(path),
    }
}

/// Whether a placeholder of documented variable `variable` (its index in [`DOCUMENTED`];
/// every documented name is an identifier, a test holds them to it) is a plain reference:
/// one that is not failure-only.
fn is_plain_variable(variable: usize) -> bool {
    !FAILURE_ONLY.contains(&DOCUMENTED[variable])
}

/// An `<%` at `open` that is never closed.
fn unclosed(text: &str, open: usize) -> Diagnostic {
    Diagnostic::new(
        Rule::TemplateUnclosed,
        Span::new(open, text.len()),
        "This `<%` placeholder is never closed with `%>`.",
    )
    .with_help("End the placeholder with `%>`, as in `<% this.testName %>`.")
    .with_fix(Fix::new(
        "Close the placeholder",
        Span::point(text.len()),
        " %>",
    ))
}

/// White space as `str::trim` sees it, for ASCII bytes.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `s.trim_start()`, with ASCII white space skipped without decoding.
fn trim_start(s: &str) -> &str {
    let skip = s.bytes().take_while(|&b| is_ascii_space(b)).count();
    let rest = &s[skip..];
    if rest.as_bytes().first().is_some_and(|&b| b >= 0x80) {
        rest.trim_start()
    } else {
        rest
    }
}

/// `s.trim()`, with ASCII white space skipped without decoding.
fn trim(s: &str) -> &str {
    let rest = trim_start(s);
    let keep = rest.len()
        - rest
            .bytes()
            .rev()
            .take_while(|&b| is_ascii_space(b))
            .count();
    let rest = &rest[..keep];
    if rest.as_bytes().last().is_some_and(|&b| b >= 0x80) {
        rest.trim_end()
    } else {
        rest
    }
}

/// Where `marker` (`<%` or `%>`) first occurs in `text`. A plain byte comparison: on the
/// short strings of a body, setting up the general substring search costs more than the
/// search, and every string of every render is searched.
fn find(text: &str, marker: &str) -> Option<usize> {
    let marker = marker.as_bytes();
    text.as_bytes()
        .windows(marker.len())
        .position(|w| w == marker)
}

/// Identifiers joined by dots: `project.name`.
fn is_path(s: &str) -> bool {
    s.split('.').all(is_identifier)
}

/// A JavaScript-style identifier of ASCII letters, digits, `_` and `$`, not starting with a digit.
fn is_identifier(s: &str) -> bool {
    // Over bytes: a non-ASCII character fails either way (none of its bytes is ASCII).
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if first.is_ascii_digit() {
        return false;
    }
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if !(b.is_ascii_alphanumeric() || b == b'_' || b == b'$') {
            return false;
        }
        at += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One piece of a template string, spans relative to the string.
    enum Piece {
        Text(Span),
        /// `<% this.a.b %>`: `path` is `["a", "b"]` (empty when invalid).
        Placeholder(Vec<String>),
    }

    /// The reference reading of a template: every placeholder's expression checked in full
    /// (no shortcut for plain references), and the string split into its pieces.
    fn parse(text: &str, vocabulary: Vocabulary) -> (Vec<Piece>, Diagnostics) {
        let (mut pieces, mut diagnostics) = (Vec::new(), Diagnostics::default());
        let mut at = 0;
        while let Some(found) = find(&text[at..], OPEN) {
            let open = at + found;
            if open > at {
                pieces.push(Piece::Text(Span::new(at, open)));
            }
            let inner_start = open + OPEN.len();
            let Some(close) = find(&text[inner_start..], CLOSE).map(|i| inner_start + i) else {
                diagnostics.push(unclosed(text, open));
                pieces.push(Piece::Text(Span::new(open, text.len())));
                return (pieces, diagnostics);
            };
            let span = Span::new(open, close + CLOSE.len());
            let path = check_expression(
                text,
                Span::new(inner_start, close),
                span,
                vocabulary,
                &mut diagnostics,
            );
            pieces.push(Piece::Placeholder(
                path.into_iter().map(str::to_string).collect(),
            ));
            at = span.end;
        }
        if at < text.len() {
            pieces.push(Piece::Text(Span::new(at, text.len())));
        }
        (pieces, diagnostics)
    }

    /// The pieces rendered: each placeholder replaced by `lookup(path)`, else `""`.
    fn render(
        pieces: &[Piece],
        text: &str,
        lookup: impl Fn(&[String]) -> Option<String>,
    ) -> String {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(span) => out.push_str(span.slice(text)),
                Piece::Placeholder(path) => out.push_str(&lookup(path).unwrap_or_default()),
            }
        }
        out
    }

    fn templateish() -> impl Strategy<Value = String> {
        let fragment = prop_oneof![
            Just("<%".to_string()),
            Just("%>".to_string()),
            Just("<% this.testName %>".to_string()),
            Just("<% this.error %>".to_string()),
            Just("<%this.resultUrl%>".to_string()),
            Just("<% this.testname %>".to_string()),
            Just("<% this.failureScreenshot\t%>".to_string()),
            Just("<% this.run.resultUrl %>".to_string()),
            Just("<%= this.score %>".to_string()),
            Just("<%\u{a0}this.status\u{a0}%>".to_string()),
            Just("<% this.é %>".to_string()),
            Just("this.".to_string()),
            "\\PC{0,4}",
        ];
        prop::collection::vec(fragment, 0..8).prop_map(|parts| parts.concat())
    }

    /// What rendering meets: the variables (one rendering to a placeholder of its own) and
    /// text that looks like a placeholder's parts.
    fn renderable() -> impl Strategy<Value = String> {
        let fragment = prop_oneof![
            Just("<%".to_string()),
            Just("%>".to_string()),
            Just("<% this.testName %>".to_string()),
            Just("<%this.status%>".to_string()),
            Just("<%= this.score %>".to_string()),
            Just("this.".to_string()),
            Just("testRun.usage_report.resultUrl".to_string()),
            Just(" ".to_string()),
            Just(".".to_string()),
            Just("$_x9".to_string()),
            "\\PC{0,6}",
        ];
        prop::collection::vec(fragment, 0..16).prop_map(|parts| parts.concat())
    }

    fn lookup(name: &str) -> Option<String> {
        match name {
            "testName" => Some("AppRTC".into()),
            "status" => Some("<% this.status %>".into()),
            "score" => Some("8.7".into()),
            _ => None,
        }
    }

    #[test]
    fn every_documented_variable_is_an_identifier() {
        assert!(DOCUMENTED.iter().all(|name| is_identifier(name)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// `check` passes plain `this.NAME` references without the full expression check;
        /// it must still report exactly what checking every placeholder in full reports.
        #[test]
        fn check_reports_what_a_full_check_reports(text in templateish()) {
            let paths = ["testName".to_string(), "run.resultUrl".to_string()];
            for vocabulary in [
                Vocabulary::Testrtc,
                Vocabulary::Payload { paths: &paths, what: "the alert" },
            ] {
                prop_assert_eq!(Template::check(&text, vocabulary), parse(&text, vocabulary).1);
            }
        }

        /// The render path's substitution (`render_names`, which checks nothing) gives
        /// exactly what splitting the template into pieces and rendering them gives.
        #[test]
        fn render_names_matches_parse_then_render(text in renderable()) {
            let (pieces, _) = parse(&text, Vocabulary::Testrtc);
            let parsed = render(&pieces, &text, |path| lookup(&path.join(".")));
            let rendered = Template::render_names(&text, |name, out| {
                out.push_str(&lookup(name).unwrap_or_default())
            });
            prop_assert_eq!(rendered, parsed);
        }
    }
}
