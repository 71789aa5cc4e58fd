//! What every target asserts about what core returns for any input.

use hookcheck_core::{Diagnostic, Span};

/// A span lies within `text` and starts and ends on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} is outside the input of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} splits a character"
    );
}

/// Every diagnostic's span, and its fix's span, lies within `text`; every fix applies.
pub fn assert_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        assert_span(text, d.span, d.code());
        assert!(!d.message.is_empty(), "{} has no message", d.code());
        if let Some(fix) = &d.fix {
            assert_span(text, fix.span, "fix");
            assert!(
                fix.apply(text).is_some(),
                "the fix of {} does not apply",
                d.code()
            );
        }
    }
}
