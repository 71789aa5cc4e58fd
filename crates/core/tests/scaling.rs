//! Cost grows linearly with the input in every shape: for each shape of `tests/shapes`, the
//! pipeline (check, lines and columns of every diagnostic, the editor's colours, the request
//! of every outcome and its curl command) on 4n items costs less than 10 times what it costs
//! on n items.
//!
//! Why these numbers: linear work gives about 4 (a sort, n log n, about 4.6), quadratic work
//! about 16. The bound of 10 sits between, far enough from 4 that a loaded machine cannot
//! fail it: each time is the minimum of several runs (noise only ever adds time), and the
//! runs of n and 4n alternate so a burst of load slows both. The inputs are about 8 KB and
//! 32 KB in a debug build (the whole file runs in about 20 seconds), 64 KB and 256 KB in a
//! release build (see [`BYTES`]).
//!
//! The property test does the same for shapes no one wrote down: a random unit of hostile
//! fragments, repeated.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use hookcheck_core::assist::highlight;
use hookcheck_core::render::curl::to_curl;
use hookcheck_core::{check_with, render_request, Options, Product, SampleData};
use proptest::prelude::*;

mod fragments;
mod shapes;

/// The most that 4n items may cost, in multiples of n items.
const MAX_RATIO: f64 = 10.0;

/// The size of n items. A debug build runs hookcheck's code slowly and the standard
/// library's (precompiled, optimized) quickly, which hides a quadratic step made of library
/// calls (counting characters, searching) behind the linear rest at small sizes: the release
/// build (`cargo test --release -p hookcheck-core --test scaling`) runs larger inputs, where
/// such a step shows.
const BYTES: usize = if cfg!(debug_assertions) {
    8_000
} else {
    64_000
};

/// Timing tests run one at a time: the test harness would otherwise run them side by side
/// on the same cores.
static TIMING: Mutex<()> = Mutex::new(());

/// Everything the app and the CLI do with a text as `product`'s webhook: the app also
/// colours it.
fn pipeline(text: &str, product: Product) -> usize {
    let options = Options {
        product,
        ..Options::default()
    };
    let report = check_with(text, &options);
    let mut size = report.located(text).len() + highlight(text).len();
    if let Some(config) = &report.config {
        for &outcome in product.outcomes() {
            let request = render_request(config, &SampleData::for_outcome(outcome));
            size += to_curl(&request, false).len();
        }
    }
    size
}

/// The time of the pipeline on `small` and on `large`: the fastest of `runs` runs each,
/// alternating.
fn times(small: &str, large: &str, runs: usize, product: Product) -> (Duration, Duration) {
    let time = |text: &str| {
        let start = Instant::now();
        std::hint::black_box(pipeline(std::hint::black_box(text), product));
        start.elapsed()
    };
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        best_small = best_small.min(time(small));
        best_large = best_large.min(time(large));
    }
    (best_small, best_large)
}

/// How much more 4n items cost than n items, for a shape made by `make`, checked as
/// testingRTC's webhook; the number of items is chosen so that n items are about `bytes`
/// long.
fn ratio(make: impl Fn(usize) -> String, bytes: usize) -> (f64, usize) {
    ratio_as(make, bytes, Product::Test)
}

/// [`ratio`], checked as `product`'s webhook.
fn ratio_as(make: impl Fn(usize) -> String, bytes: usize, product: Product) -> (f64, usize) {
    let per_item = (make(1000).len() - make(0).len()).max(1000) / 1000;
    let n = (bytes / per_item).max(1);
    let (small, large) = (make(n), make(4 * n));
    let (t_small, t_large) = times(&small, &large, 5, product);
    (
        t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9),
        small.len(),
    )
}

#[test]
fn four_times_the_items_cost_at_most_ten_times_as_much_in_every_shape() {
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let mut failures = Vec::new();
    for (name, make) in shapes::SHAPES {
        let started = Instant::now();
        let (ratio, bytes) = ratio(make, BYTES);
        // Shown with `--nocapture`: the ratios of every shape.
        println!(
            "{name:28} {bytes:>6} B  x{ratio:4.1}  ({:?})",
            started.elapsed()
        );
        if ratio >= MAX_RATIO {
            // Once more before calling it: a single burst of load can still land on the
            // large runs only.
            let (again, _) = self::ratio(make, BYTES);
            if again >= MAX_RATIO {
                failures.push(format!("{name}: x{ratio:.1}, then x{again:.1} ({bytes} B)"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "4n items cost more than {MAX_RATIO} times n items: {failures:?}"
    );
}

/// A product's templates read dotted paths against its payload, with "did you mean" among
/// all of them: the same shapes stay linear for the product with the most paths.
#[test]
fn a_product_s_templates_cost_linear_in_every_template_shape() {
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let known = |n: usize| shapes::body_with(&"<% this.testResult.testCall.avgRtt %> ".repeat(n));
    let mut failures = Vec::new();
    for (name, make) in shapes::SHAPES
        .iter()
        .filter(|(name, _)| {
            name.contains("variable") || name.contains("template") || name.contains("expression")
        })
        .map(|&(name, make)| (name, Box::new(make) as Box<dyn Fn(usize) -> String>))
        .chain([(
            "known-paths",
            Box::new(known) as Box<dyn Fn(usize) -> String>,
        )])
    {
        let (ratio, bytes) = ratio_as(&make, BYTES, Product::QualityRtc);
        println!("{name:28} {bytes:>6} B  x{ratio:4.1}  (qualityrtc)");
        if ratio >= MAX_RATIO {
            let (again, _) = ratio_as(&make, BYTES, Product::QualityRtc);
            if again >= MAX_RATIO {
                failures.push(format!("{name}: x{ratio:.1}, then x{again:.1} ({bytes} B)"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "4n items cost more than {MAX_RATIO} times n items: {failures:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any unit of fragments, repeated to about 4 KB and to four times that, costs at most
    /// ten times as much at four times the size.
    #[test]
    fn any_repeated_unit_costs_at_most_ten_times_as_much_at_four_times_the_size(
        (prefix, unit) in fragments::unit()
    ) {
        let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
        let make = |n: usize| format!("{prefix}{}", unit.repeat(n));
        let (ratio, bytes) = ratio(make, 4_000);
        if ratio >= MAX_RATIO {
            let (again, _) = self::ratio(make, 4_000);
            prop_assert!(
                again < MAX_RATIO,
                "{prefix:?} + {unit:?} repeated ({bytes} B): x{ratio:.1}, then x{again:.1}"
            );
        }
    }
}
