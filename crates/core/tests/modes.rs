//! The two input modes (SPEC §1): auto-detection, forcing a mode, the `#webhook` value
//! checked as a webhook field with spans in the whole text, empty input, oversized input.

mod common;

use common::*;
use hookcheck_core::pipeline::MAX_INPUT_BYTES;
use hookcheck_core::{check, Mode, Outcome, Severity, Target};

// ---- auto-detection -----------------------------------------------------------------------

#[test]
fn text_starting_with_hash_after_trimming_is_run_options() {
    for text in [
        "#webhook:https://example.com/hook",
        "#vnc",
        "  \n\t#timeout:80, #webhook:https://example.com/hook",
        "#",
    ] {
        assert_eq!(Mode::detect(text), Mode::RunOptions, "{text:?}");
        assert_eq!(check(text, None).mode, Mode::RunOptions, "{text:?}");
    }
}

#[test]
fn anything_else_is_the_webhook_field() {
    for text in [
        "https://example.com/hook",
        "  https://example.com/hook#x",
        r#"{"url": "https://example.com/hook"}"#,
        "webhook:https://example.com/hook #vnc",
        "",
        "   ",
    ] {
        assert_eq!(Mode::detect(text), Mode::Webhook, "{text:?}");
        assert_eq!(check(text, None).mode, Mode::Webhook, "{text:?}");
    }
}

#[test]
fn a_forced_mode_overrides_detection() {
    let report = check(URL, Some(Mode::RunOptions));
    assert_eq!(report.mode, Mode::RunOptions);
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.code() == "run-option-webhook-absent"));

    let text = "#webhook:https://example.com/hook";
    let report = check(text, Some(Mode::Webhook));
    assert_eq!(report.mode, Mode::Webhook);
    assert!(!report.is_valid());
}

#[test]
fn mode_names_round_trip() {
    for mode in [Mode::Webhook, Mode::RunOptions] {
        assert_eq!(Mode::parse(mode.as_str()), Some(mode));
    }
    assert_eq!(Mode::parse("auto"), None);
}

// ---- the #webhook value -------------------------------------------------------------------

#[test]
fn run_options_url_value_becomes_the_webhook() {
    let text = "#timeout:80, #webhook:https://example.com/hook #vnc";
    assert_clean(text);
    let Target::Http { url, .. } = config(text).target else {
        panic!("not an HTTP target");
    };
    assert_eq!(url, URL);
}

#[test]
fn run_options_url_diagnostics_point_into_the_whole_text() {
    let text = "#timeout:80, #webhook:http://localhost/hook #vnc";
    let d = diag(text, "url-insecure-http");
    assert_eq!((d.start, spanned(text, &d)), (22, "http"));
    let d = diag(text, "url-unreachable-host");
    assert_eq!(spanned(text, &d), "localhost");
}

#[test]
fn run_options_url_fix_applies_to_the_whole_text() {
    let text = "#vnc #webhook:http://example.com/hook #timeout:5";
    let fixed = assert_fix_clears(text, "url-insecure-http");
    assert_eq!(fixed, "#vnc #webhook:https://example.com/hook #timeout:5");
}

#[test]
fn url_fragment_is_part_of_the_run_options_value() {
    let text = "#webhook:https://example.com/hook#frag #vnc";
    let Target::Http { url, .. } = config(text).target else {
        panic!("not an HTTP target");
    };
    assert_eq!(url, "https://example.com/hook#frag");
}

#[test]
fn run_options_json_value_is_checked_as_the_advanced_form() {
    let text = r##"#vnc #webhook:{"url": "https://example.com/a#b", "headers": {"X-List": "a, b #c"}} #timeout:5"##;
    assert_clean(text);
    let config = config(text);
    assert_eq!(
        config.headers,
        [("X-List".to_string(), "a, b #c".to_string())]
    );
}

#[test]
fn run_options_json_diagnostics_point_into_the_whole_text() {
    let text = r#"#timeout:80 #webhook:{"url": "https://example.com/hook", "Format": "json"} #vnc"#;
    let d = diag(text, "key-unknown");
    assert_eq!(spanned(text, &d), r#""Format""#);
    assert_eq!(d.start, text.find(r#""Format""#).unwrap());
    assert_eq!(fix_of(text, &d).1, r#""format""#);
    let fixed = apply_fix(text, &d);
    let d = diag(&fixed, "format-unknown");
    assert_eq!(spanned(&fixed, &d), r#""json""#);
    assert_clean(&assert_fix_clears(&fixed, "format-unknown"));
}

#[test]
fn run_options_json_value_may_follow_spaces_after_the_colon() {
    let text = r#"#webhook: {"url": "https://example.com/hook", "format": "json/text"}"#;
    assert_clean(text);
}

#[test]
fn run_options_and_webhook_field_render_the_same_request() {
    let field =
        r#"{"url": "https://example.com/hook", "format": "cloudevent", "headers": {"X-A": "1"}}"#;
    let options = format!("#vnc #webhook:{field} #timeout:80");
    for outcome in [Outcome::Success, Outcome::Warnings, Outcome::Failure] {
        assert_eq!(request(&options, outcome), request(field, outcome));
    }
}

#[test]
fn run_option_findings_and_webhook_findings_are_reported_together() {
    let text = "#timeout:soon #webhook:http://example.com/hook";
    assert_eq!(
        codes(text),
        ["run-option-invalid-value", "url-insecure-http"]
    );
}

#[test]
fn run_options_warnings_and_info_keep_the_input_valid() {
    let text = "#chrome-cli #webhook:https://example.com/hook stray";
    let report = check(text, None);
    assert!(report.is_valid(), "{:?}", codes(text));
    assert!(report.config.is_some());
}

#[test]
fn run_options_without_a_webhook_give_no_config() {
    let report = check("#timeout:80 #vnc", None);
    assert!(report.is_valid());
    assert!(report.config.is_none());
}

// ---- empty input --------------------------------------------------------------------------

#[test]
fn empty_input_is_an_error() {
    for text in ["", "   ", "\n\t \n"] {
        for mode in [None, Some(Mode::Webhook), Some(Mode::RunOptions)] {
            let report = check(text, mode);
            let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code()).collect();
            assert_eq!(codes, ["empty-input"], "{text:?} {mode:?}");
            assert!(!report.is_valid());
            assert_eq!(report.diagnostics[0].span.len(), text.len());
        }
    }
}

#[test]
fn webhook_colon_followed_by_another_option_has_no_value() {
    assert_eq!(
        codes("#webhook: #vnc"),
        ["run-option-webhook-missing-value"]
    );
}

// ---- oversized input ----------------------------------------------------------------------

#[test]
fn input_over_one_mebibyte_is_refused_unparsed() {
    let text = format!(
        "{{\"url\": \"{URL}\", \"x\": \"{}\"}}",
        "a".repeat(MAX_INPUT_BYTES)
    );
    let report = check(&text, None);
    let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code()).collect();
    assert_eq!(codes, ["input-too-large"]);
    assert_eq!(report.diagnostics[0].severity(), Severity::Error);
    assert_eq!(report.diagnostics[0].span.start, 0);
    assert_eq!(report.diagnostics[0].span.end, MAX_INPUT_BYTES);
    assert!(report.config.is_none());
}

#[test]
fn input_of_exactly_one_mebibyte_is_checked() {
    let head = format!("{{\"url\": \"{URL}\", \"x\": \"");
    let filler = "a".repeat(MAX_INPUT_BYTES - head.len() - 2);
    let text = format!("{head}{filler}\"}}");
    assert_eq!(text.len(), MAX_INPUT_BYTES);
    let report = check(&text, None);
    assert!(!raises(&text, "input-too-large"));
    assert!(report.diagnostics.iter().any(|d| d.code() == "key-unknown"));
}

#[test]
fn oversized_input_span_ends_on_a_character_boundary() {
    let text = format!("a{}", "é".repeat(MAX_INPUT_BYTES / 2));
    let report = check(&text, None);
    let span = report.diagnostics[0].span;
    assert_eq!(report.diagnostics[0].code(), "input-too-large");
    assert!(text.is_char_boundary(span.end));
    assert_eq!(span.end, MAX_INPUT_BYTES - 1);
}

#[test]
fn oversized_run_options_are_refused_too() {
    let text = format!("#webhook:{URL} {}", "#vnc ".repeat(MAX_INPUT_BYTES / 5 + 1));
    let report = check(&text, None);
    assert_eq!(report.mode, Mode::RunOptions);
    let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code()).collect();
    assert_eq!(codes, ["input-too-large"]);
}

// ---- the bare URL -------------------------------------------------------------------------

#[test]
fn bare_url_diagnostics_are_shifted_past_leading_white_space() {
    let text = "  \n http://example.com/hook";
    let d = diag(text, "url-insecure-http");
    assert_eq!((d.start, d.line, d.column), (4, 2, 2));
    assert_eq!(spanned(text, &d), "http");
}

#[test]
fn quoted_url_is_not_an_object_and_the_fix_unquotes_it() {
    let text = r#""https://example.com/hook""#;
    let d = diag(text, "json-not-object");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(spanned(text, &d), text);
    assert_eq!(apply_fix(text, &d), URL);
}

#[test]
fn byte_order_mark_before_a_json_object_is_reported_by_the_json_parser() {
    let report = hookcheck_core::check("\u{feff}{\"url\": \"https://example.com/hook\"}", None);
    let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code()).collect();
    assert_eq!(codes, ["json-syntax"]);
    assert!(report.diagnostics[0].fix.is_some());
}
