//! Arbitrary text through the run-options tokenizer: nothing panics, every option and
//! diagnostic span lies within the input on character boundaries, and the `#webhook` value
//! is a slice of the input.
#![no_main]

use hookcheck_core::syntax::run_options;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|text: &str| {
    let options = run_options::parse(text);
    common::assert_diagnostics(text, &options.diagnostics);
    for option in &options.options {
        common::assert_span(text, option.span, "option");
        if let Some((value, span)) = &option.value {
            common::assert_span(text, *span, "option value");
            assert!(span.start >= option.span.start && span.end <= option.span.end);
            let _ = value;
        }
    }
    if let Some(span) = options.webhook {
        common::assert_span(text, span, "webhook value");
    }
});
