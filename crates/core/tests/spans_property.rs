//! Whatever the text, every span check() reports (and every fix's span) lies within the
//! input and on character boundaries, in every mode, so the app can slice and highlight
//! it without a panic; and every fix applies.

use hookcheck_core::Mode;
use hookcheck_core::{check, Span};
use proptest::prelude::*;

/// Pieces of webhooks and run options, mixed with arbitrary characters, so that the
/// generated text reaches deep into the parsers rather than failing at the first byte.
fn webhookish() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"url\"".to_string()),
        Just("\"https://exämple.com/hook?foo=bar&foo=baz\"".to_string()),
        Just("\"headers\": {\"Authorization\": \"Bearer é\"}".to_string()),
        Just("\"body\": {\"t\": \"<% this.testName %> <% this.\u{1F600} %>\"}".to_string()),
        Just("\"format\": \"JSON/Object\"".to_string()),
        Just("\"provider\": \"aws-sns\"".to_string()),
        Just("'single'".to_string()),
        Just("`backtick`".to_string()),
        Just("// comment\n".to_string()),
        Just("/* block".to_string()),
        Just("...".to_string()),
        Just("\\u12".to_string()),
        Just("\\ud83d".to_string()),
        Just("-01.e+".to_string()),
        Just("#webhook:".to_string()),
        Just("#timeout:80 ".to_string()),
        Just("http://[::1]:99999/".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\r\n".to_string()),
        any::<char>().prop_map(String::from),
        "\\PC{0,8}",
    ];
    prop::collection::vec(fragment, 0..40).prop_map(|parts| parts.concat())
}

fn assert_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside {} bytes of {text:?}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character of {text:?}"
    );
    Ok(())
}

fn check_every_mode(text: &str) -> Result<(), TestCaseError> {
    for mode in [None, Some(Mode::Webhook), Some(Mode::RunOptions)] {
        let report = check(text, mode);
        for d in &report.diagnostics {
            assert_span(text, d.span, d.code())?;
            if let Some(fix) = &d.fix {
                assert_span(text, fix.span, "fix")?;
                prop_assert!(fix.apply(text).is_some());
            }
        }
        for located in report.located(text) {
            prop_assert!(located.line >= 1 && located.column >= 1);
            prop_assert!((located.line, located.column) <= (located.end_line, located.end_column));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_diagnostic_span_is_within_the_input_on_char_boundaries(text in "\\PC{0,200}") {
        check_every_mode(&text)?;
    }

    #[test]
    fn every_diagnostic_span_of_webhook_like_text_is_within_the_input_on_char_boundaries(text in webhookish()) {
        check_every_mode(&text)?;
    }

    #[test]
    fn every_diagnostic_span_of_arbitrary_chars_is_within_the_input_on_char_boundaries(
        chars in prop::collection::vec(any::<char>(), 0..120)
    ) {
        let text: String = chars.into_iter().collect();
        check_every_mode(&text)?;
    }
}
