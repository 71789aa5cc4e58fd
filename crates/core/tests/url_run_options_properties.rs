//! Properties of the URL checker and the run-options tokenizer on arbitrary input: no
//! panic, every span inside the input and on character boundaries, and linear time on
//! large inputs.

use hookcheck_core::syntax::run_options::parse;
use hookcheck_core::syntax::url::check_url;
use hookcheck_core::{Diagnostic, Severity, Span};
use proptest::prelude::*;

fn assert_span_fits(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what} {span:?} is reversed in {text:?}"
    );
    assert!(span.end <= text.len(), "{what} {span:?} runs past {text:?}");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character of {text:?}"
    );
}

fn assert_diagnostics_fit(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        assert_span_fits(text, d.span, d.code());
        if let Some(fix) = &d.fix {
            assert_span_fits(text, fix.span, "fix");
            // Applying copies the text: only on small inputs, to stay linear on large ones.
            if text.len() < 10_000 {
                assert!(fix.apply(text).is_some());
            }
        }
    }
}

fn check_url_properties(url: &str) {
    let check = check_url(url);
    assert_diagnostics_fit(url, &check.diagnostics);
    let has_error = check
        .diagnostics
        .iter()
        .any(|d| d.severity() == Severity::Error);
    assert_eq!(
        check.parts.is_some(),
        !has_error && !url.is_empty(),
        "{url:?}"
    );
    if let Some(parts) = check.parts {
        assert!(parts.scheme == "http" || parts.scheme == "https");
        if let Some(query) = parts.query {
            assert_span_fits(url, query, "query");
            assert!(query.slice(url).starts_with('?'));
        }
    }
}

fn check_run_options_properties(text: &str) {
    let parsed = parse(text);
    assert_diagnostics_fit(text, &parsed.diagnostics);
    for option in &parsed.options {
        assert_span_fits(text, option.span, "option");
        assert!(option.span.slice(text).starts_with('#'));
        assert_span_fits(text, option.name, "name");
        assert!(option.span.start < option.name.start && option.name.end <= option.span.end);
        if let Some(span) = option.value {
            assert_span_fits(text, span, "value");
            assert!(option.name.end < span.start && span.end <= option.span.end);
        }
    }
    if let Some(webhook) = parsed.webhook {
        assert_span_fits(text, webhook, "webhook");
        assert!(parsed
            .options
            .iter()
            .any(|o| o.name.slice(text) == "webhook" && o.value == Some(webhook)));
    }
    for pair in parsed.options.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "options overlap");
    }
}

/// URL-shaped text: pieces that exercise every branch, glued at random.
fn url_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("https://".to_owned()),
        Just("http:".to_owned()),
        Just("htps".to_owned()),
        Just("//".to_owned()),
        Just("/".to_owned()),
        Just("\\".to_owned()),
        Just(":".to_owned()),
        Just("@".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("::ffff:".to_owned()),
        Just("127.0.0.1".to_owned()),
        Just("0x7f".to_owned()),
        Just(".".to_owned()),
        Just("%".to_owned()),
        Just("%6c".to_owned()),
        Just("?foo=bar&foo=baz".to_owned()),
        Just("#".to_owned()),
        Just(" ".to_owned()),
        Just("\t".to_owned()),
        Just("localhost".to_owned()),
        Just("é".to_owned()),
        Just("１".to_owned()),
        "[a-z0-9]{0,6}",
        "\\PC{0,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// Run-options-shaped text.
fn run_options_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("#".to_owned()),
        Just("#webhook".to_owned()),
        Just("#Webhook".to_owned()),
        Just("webhook".to_owned()),
        Just("#timeout".to_owned()),
        Just("#vnc".to_owned()),
        Just("#getstats-frequency".to_owned()),
        Just(":".to_owned()),
        Just("=".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just(",".to_owned()),
        Just(" ".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("\n".to_owned()),
        Just("https://x.io/#f".to_owned()),
        "[a-z0-9]{0,4}",
        "\\PC{0,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn url_checker_never_panics_and_spans_fit_any_string(text in any::<String>()) {
        check_url_properties(&text);
    }

    #[test]
    fn url_checker_never_panics_and_spans_fit_url_like_text(text in url_like()) {
        check_url_properties(&text);
    }

    #[test]
    fn run_options_never_panic_and_spans_fit_any_string(text in any::<String>()) {
        check_run_options_properties(&text);
    }

    #[test]
    fn run_options_never_panic_and_spans_fit_option_like_text(text in run_options_like()) {
        check_run_options_properties(&text);
    }

    #[test]
    fn url_fixes_keep_spans_fitting_after_they_are_applied(text in url_like()) {
        for d in check_url(&text).diagnostics.iter() {
            if let Some(fix) = &d.fix {
                check_url_properties(&fix.apply(&text).unwrap());
            }
        }
    }
}

// ---- linear time: these must simply finish quickly; no timing asserts ------------------

#[test]
fn a_megabyte_of_run_options_with_100k_options_is_fast() {
    let text = "#timeout:80 ".repeat(100_000);
    assert!(text.len() > 1_000_000);
    let parsed = parse(&text);
    assert_eq!(parsed.options.len(), 100_000);

    let text = "#webhook:{\"a\":1} ".repeat(60_000);
    let parsed = parse(&text);
    assert_eq!(parsed.options.len(), 60_000);
    assert_eq!(
        parsed.diagnostics.count(hookcheck_core::Severity::Error),
        59_999
    );
}

#[test]
fn pathological_run_options_are_linear() {
    let inputs = [
        format!("#webhook:{}", "{".repeat(1_000_000)),
        format!("#webhook:{{\"{}", "\\\"".repeat(500_000)),
        "#a".repeat(500_000),
        "#".repeat(1_000_000),
        "webhook:{ ".repeat(100_000),
        "x ".repeat(500_000),
        format!("#{}", "a".repeat(1_000_000)),
        "#Webhook:{} ".repeat(80_000),
    ];
    for text in &inputs {
        check_run_options_properties(text);
    }
}

#[test]
fn pathological_urls_are_linear() {
    let inputs = [
        format!("https://example.com/{}", "a b".repeat(300_000)),
        format!("https://{}example.com/", "@".repeat(1_000_000)),
        format!("https://{}/", "a.".repeat(500_000)),
        format!("https://[{}]/", ":".repeat(1_000_000)),
        format!("https://1{}/", "0".repeat(1_000_000)),
        format!("https://example.com:{}/", "9".repeat(1_000_000)),
        format!("{}://x", "h".repeat(1_000_000)),
        "/".repeat(1_000_000),
        format!("https:{}", "/".repeat(1_000_000)),
        format!("https://x/?{}", "%".repeat(1_000_000)),
    ];
    for url in &inputs {
        check_url_properties(url);
    }
}
