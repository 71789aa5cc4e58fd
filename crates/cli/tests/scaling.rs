//! The binary's cost grows linearly with the input too: for the shapes where the CLI adds
//! work of its own (the text rendering of many diagnostics on one line or many lines, the
//! JSON of every diagnostic, long previews), each command on 4n items takes less than 10
//! times as long as on n items. The reasoning for the bound and the sizes is that of
//! `crates/core/tests/scaling.rs` (8 KB and 32 KB); here each time is the faster of two runs
//! of the (debug) process, and the core's own shapes are left to the core's test.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../../core/tests/shapes/mod.rs"]
mod shapes;

const MAX_RATIO: f64 = 10.0;

/// The shapes the CLI renders differently from the others.
const SHAPES: &[&str] = &[
    "double-commas",
    "many-lines-errors",
    "run-options-tags",
    "repeated-headers",
    "unknown-variables",
    "long-line",
];

const COMMANDS: &[&[&str]] = &[&["check"], &["check", "--json"], &["preview"], &["curl"]];

/// The time `hookcheck ARGS` takes on `input` given on standard input.
fn run(args: &[&str], input: &str) -> Duration {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(input.as_bytes())
        .expect("the binary reads its input");
    let status = child.wait().expect("the binary ends");
    assert!(
        status.code().is_some_and(|code| code <= 1),
        "{args:?}: {status}"
    );
    start.elapsed()
}

fn ratio(args: &[&str], small: &str, large: &str) -> f64 {
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..2 {
        best_small = best_small.min(run(args, small));
        best_large = best_large.min(run(args, large));
    }
    best_large.as_secs_f64() / best_small.as_secs_f64().max(1e-9)
}

#[test]
fn every_command_on_four_times_the_items_costs_at_most_ten_times_as_much() {
    let mut failures = Vec::new();
    for &name in SHAPES {
        let (_, make) = shapes::SHAPES
            .iter()
            .find(|(shape, _)| *shape == name)
            .expect("a shape of tests/shapes");
        let per_item = (make(1000).len() - make(0).len()).max(1000) / 1000;
        let n = 8_000 / per_item;
        let (small, large) = (make(n), make(4 * n));
        for &args in COMMANDS {
            let ratio = ratio(args, &small, &large);
            // Shown with `--nocapture`: the ratios of every shape and command.
            println!(
                "{name:20} {:14} {:>6} B  x{ratio:4.1}",
                args.join(" "),
                small.len()
            );
            if ratio >= MAX_RATIO && self::ratio(args, &small, &large) >= MAX_RATIO {
                failures.push(format!("{name} {args:?}: x{ratio:.1}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn text_output_shows_a_hundred_of_each_code_and_counts_the_rest() {
    let input = shapes::double_commas(1000);
    let output = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .arg("check")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .expect("piped")
                .write_all(input.as_bytes())?;
            child.wait_with_output()
        })
        .expect("the binary runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert_eq!(text.matches("error[json-syntax]").count(), 100);
    assert_eq!(text.matches("warning[json-duplicate-key]").count(), 100);
    let tail = &text[text.len().saturating_sub(600)..];
    assert!(
        tail.contains("note: 899 more [json-syntax] not shown"),
        "{tail}"
    );
    assert!(
        tail.contains("note: 899 more [json-duplicate-key] not shown"),
        "{tail}"
    );
    assert!(tail.ends_with("invalid: 1000 errors, 1999 warnings, 0 notes (webhook mode)\n"));
}

#[test]
fn a_long_line_is_shown_as_a_window_around_the_finding() {
    // A trailing comma after 50,000 bytes of one line.
    let input = format!(
        r#"{{"url":"https://e.com/h","body":"{}",}}"#,
        "x".repeat(50_000)
    );
    let output = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .arg("check")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .expect("piped")
                .write_all(input.as_bytes())?;
            child.wait_with_output()
        })
        .expect("the binary runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(text.len() < 1_000, "{} bytes of output", text.len());
    assert!(text.contains("--> <stdin>:1:50035"), "{text}");
    assert!(
        text.contains(r#"1 | ...xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",}"#),
        "{text}"
    );
}
