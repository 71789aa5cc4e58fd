//! The whole pipeline on realistic advanced-form webhooks of four sizes: check and render
//! the three outcomes, and the same with each request's curl command. The budget is
//! 100 µs at 4 KB, with cost linear in the size (docs/performance.md).
//! `serde_json::from_str::<Value>` on the same text is timed alongside as a reference for
//! the machine's speed, not as a target.
//!
//! `cargo bench -p hookcheck-core` runs criterion, then prints a markdown table (the one in
//! docs/performance.md) from criterion's estimates. The inputs are generated ([`webhook`]),
//! the same on every run: headers, a `format`, and a body template that grows with the size.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use hookcheck_core::render::curl::to_curl;
use hookcheck_core::{check, render_request, Product, SampleData};

/// The sizes of the table, with their labels.
const SIZES: [(&str, usize); 4] = [
    ("200 B", 200),
    ("4 KB", 4 * 1024),
    ("64 KB", 64 * 1024),
    ("1 MB", 1_000_000),
];

fn benches(c: &mut Criterion, inputs: &[(&str, String)]) {
    let mut group = c.benchmark_group("pipeline");
    for (label, text) in inputs {
        let big = text.len() > 100_000;
        group
            .sample_size(if big { 10 } else { 30 })
            .warm_up_time(Duration::from_millis(if big { 500 } else { 300 }))
            .measurement_time(Duration::from_secs(if big { 4 } else { 2 }))
            .throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("check+render", label), text, |b, text| {
            b.iter(|| check_and_render(black_box(text)))
        });
        group.bench_with_input(
            BenchmarkId::new("check+render+curl", label),
            text,
            |b, text| b.iter(|| check_render_and_curl(black_box(text))),
        );
        group.bench_with_input(BenchmarkId::new("serde_json", label), text, |b, text| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(text)).unwrap())
        });
    }
    group.finish();
}

/// Criterion's estimate of one benchmark, in nanoseconds (its slope when it has one, as
/// its own report prints, else the mean).
fn estimate(dir: &Path, bench: &str, label: &str) -> Option<f64> {
    let path = dir
        .join("pipeline")
        .join(bench)
        .join(label)
        .join("new/estimates.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let pick = |key: &str| json.get(key)?.get("point_estimate")?.as_f64();
    pick("slope").or_else(|| pick("mean"))
}

fn duration(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn print_table(dir: &Path, inputs: &[(&str, String)]) {
    println!(
        "\n| input | bytes | check + render | throughput | with curl | serde_json::Value (reference) |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (label, text) in inputs {
        let (Some(ours), Some(curl), Some(serde)) = (
            estimate(dir, "check+render", label),
            estimate(dir, "check+render+curl", label),
            estimate(dir, "serde_json", label),
        ) else {
            continue;
        };
        let mb_per_s = text.len() as f64 / ours * 1e3;
        println!(
            "| {label} | {} | {} | {mb_per_s:.0} MB/s | {} | {} |",
            text.len(),
            duration(ours),
            duration(curl),
            duration(serde),
        );
    }
}

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

/// Check, then render the request of every outcome (the app renders only the selected
/// outcome per keystroke).
pub fn check_and_render(text: &str) -> usize {
    pipeline(text, false)
}

/// [`check_and_render`], and each request's curl command too: more than the app does per
/// keystroke (it writes the curl command of the selected outcome, when it is shown).
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
    for &outcome in Product::Test.outcomes() {
        let request = render_request(config, &SampleData::for_outcome(outcome));
        bytes += request.body.len();
        if with_curl {
            bytes += to_curl(&request, false).len();
        }
    }
    bytes
}

fn main() {
    let inputs: Vec<(&str, String)> = SIZES
        .iter()
        .map(|&(label, size)| (label, webhook(size)))
        .collect();
    for (label, text) in &inputs {
        assert!(
            check(text, None).is_valid(),
            "the {label} input is not valid"
        );
    }
    let dir: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut criterion = Criterion::default()
        .output_directory(&dir)
        .configure_from_args();
    benches(&mut criterion, &inputs);
    criterion.final_summary();
    print_table(&dir, &inputs);
}
