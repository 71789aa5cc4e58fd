//! The benchmark's work: realistic advanced-form webhooks of a given size, generated the
//! same on every run, and what is done with each. Shared by the benchmark
//! (`benches/pipeline.rs`), the profiling loop (`examples/pipeline_loop.rs`) and the
//! allocation test (`tests/allocations.rs`), so all three measure the same thing.

use hookcheck_core::curl::to_curl;
use hookcheck_core::{check, render_request, Outcome, SampleData};

/// An advanced-form webhook of about `target` bytes, as a person would paste it: pretty
/// printed, with headers, and a body template of placeholders, numbers, arrays and nesting.
pub fn webhook(target: usize) -> String {
    let mut text =
        String::from("{\n  \"url\": \"https://hooks.example.com/testrtc/end-of-run\",\n");
    if target < 1024 {
        text.push_str("  \"headers\": {\"Authorization\": \"Bearer 9f8e7d\"},\n");
        text.push_str("  \"body\": {\"run\": \"<% this.testName %> is <% this.status %>\"}\n}\n");
        return text;
    }
    text.push_str("  \"format\": \"json/object\",\n  \"headers\": {\n");
    text.push_str("    \"Authorization\": \"Bearer 9f8e7d6c5b4a\",\n");
    for i in 0..8 {
        text.push_str(&format!("    \"X-Team-{i}\": \"monitoring-{i}\",\n"));
    }
    text.push_str("    \"Content-Type\": \"application/json\"\n  },\n  \"body\": {\n");
    text.push_str(
        "    \"summary\": \"<% this.testName %> (<% this.runType %>) ended <% this.status %>\"",
    );
    let mut i = 0;
    // Leave room for the closing braces.
    while text.len() + 200 < target {
        let entry = match i % 4 {
            0 => format!(
                "    \"message{i}\": \"Run <% this.runName %> of <% this.projectName %>: <% this.status %>, score <% this.score %>\""
            ),
            1 => format!(
                "    \"run{i}\": {{\"id\": \"<% this.testRunId %>\", \"link\": \"<% this.resultUrl %>\", \"tags\": [\"webrtc\", \"nightly\", {i}], \"weight\": {}.25}}",
                i % 97
            ),
            2 => format!("    \"users{i}\": \"<%this.concurrentUsers%>\", \"notify{i}\": true, \"ratio{i}\": 0.{i}"),
            _ => format!(
                "    \"note{i}\": \"plain text with \\\"quotes\\\", a tab\\t and caf\u{e9} \u{2713}\""
            ),
        };
        text.push_str(",\n");
        text.push_str(&entry);
        i += 1;
    }
    text.push_str("\n  }\n}\n");
    text
}

/// What issue #6 measures: check, then render the request of every outcome (the app
/// renders only the selected outcome per keystroke).
#[allow(dead_code)] // the allocation test times the steps one by one
pub fn check_and_render(text: &str) -> usize {
    pipeline(text, false)
}

/// [`check_and_render`], and each request's curl command too: more than the app does per
/// keystroke (it writes the curl command of the selected outcome, when it is shown).
#[allow(dead_code)]
pub fn check_render_and_curl(text: &str) -> usize {
    pipeline(text, true)
}

fn pipeline(text: &str, with_curl: bool) -> usize {
    let report = check(text, None);
    let config = report
        .config
        .as_ref()
        .expect("the benchmark input is valid");
    let mut bytes = report.diagnostics.len();
    for outcome in Outcome::ALL {
        let request = render_request(config, &SampleData::for_outcome(outcome));
        bytes += request.body.len();
        if with_curl {
            bytes += to_curl(&request, false).len();
        }
    }
    bytes
}
