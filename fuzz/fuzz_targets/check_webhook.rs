//! Arbitrary text through the whole pipeline in each mode: check, every outcome's
//! request, the curl command and the pretty body. Nothing panics, every span lies within
//! the input on character boundaries, and an owned report equals the borrowing one.
#![no_main]

use hookcheck_core::Mode;
use hookcheck_core::render::curl::to_curl;
use hookcheck_core::{check, render_request, Outcome, SampleData};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|text: &str| {
    for mode in [None, Some(Mode::Webhook), Some(Mode::RunOptions)] {
        let report = check(text, mode);
        common::assert_diagnostics(text, &report.diagnostics);
        let located = report.located(text);
        assert_eq!(located.len(), report.diagnostics.len());
        for d in &located {
            assert!(d.line >= 1 && d.column >= 1);
            assert!((d.line, d.column) <= (d.end_line, d.end_column));
        }
        assert!(
            report.config.is_none() || report.is_valid(),
            "a config came with errors"
        );
        if let Some(config) = &report.config {
            for outcome in Outcome::EVERY {
                let mut sample = SampleData::for_outcome(outcome);
                for every in [false, true] {
                    sample.include_every_variable = every;
                    let request = render_request(config, &sample);
                    let _ = to_curl(&request, false);
                    let _ = to_curl(&request, true);
                    let _ = request.pretty_body();
                }
            }
        }
    }
});
