//! The whole pipeline on realistic advanced-form webhooks of four sizes, against
//! `serde_json::from_str::<Value>` on the same text as the yardstick: check and render the
//! three outcomes (what issue #6 measures), and the same with each request's curl command.
//!
//! `cargo bench -p hookcheck-core` runs criterion, then prints a markdown table (the one in
//! docs/performance.md) from criterion's estimates. The inputs are generated (`workload`), the
//! same on every run: headers, a `format`, and a body template that grows with the size.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use hookcheck_core::check;

/// The inputs and the pipeline, shared with the profiling loop and the allocation test.
mod workload;
use workload::{check_and_render, check_render_and_curl, webhook};

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
        "\n| input | bytes | check + render | throughput | serde_json::Value | ratio | \
         with curl | ratio with curl |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
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
            "| {label} | {} | {} | {mb_per_s:.0} MB/s | {} | {:.2}x | {} | {:.2}x |",
            text.len(),
            duration(ours),
            duration(serde),
            ours / serde,
            duration(curl),
            curl / serde
        );
    }
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
