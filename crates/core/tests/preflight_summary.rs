//! The preflight prediction's sentence stays a sentence however many headers need it.

use hookcheck_core::browser::send::predict_preflight;
use hookcheck_core::{check, render_request, Outcome, SampleData};

#[test]
fn the_preflight_summary_names_ten_reasons_and_counts_the_rest() {
    let headers: Vec<String> = (0..25).map(|i| format!(r#""X-H{i}":"v""#)).collect();
    let text = format!(
        r#"{{"url":"https://e.com/h","headers":{{{}}}}}"#,
        headers.join(",")
    );
    let report = check(&text, None);
    let request = render_request(
        report.config.as_ref().expect("valid"),
        &SampleData::for_outcome(Outcome::Success),
    );
    let preflight = predict_preflight(&request, "https://hookcheck.example");
    // Content-Type application/json and the 25 custom headers.
    assert_eq!(preflight.reasons.len(), 26);
    let summary = preflight.summary();
    assert!(summary.contains("X-H8 and 16 more."), "{summary}");
    assert!(!summary.contains("X-H9"), "{summary}");
}
