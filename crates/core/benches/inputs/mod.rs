//! The benchmark's inputs: realistic advanced-form webhooks of a given size, generated the
//! same on every run. Shared by the benchmark (`benches/pipeline.rs`) and the allocation
//! test (`tests/allocations.rs`), so the test guards the inputs the table is measured on.

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
