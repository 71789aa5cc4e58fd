//! The work and memory of a check per byte of input, counted rather than timed: this test
//! binary's allocator counts the allocations the pipeline makes, the bytes it asks for in all,
//! and the most it holds at once. Each must stay under a fixed amount per byte of input, for
//! every shape of `tests/shapes` and for any mix of hostile fragments.
//!
//! Counts are exact and the same on every run, so unlike the timing guards of
//! `tests/scaling.rs` this one cannot be made to fail by load, and it catches what timing at
//! two sizes can miss: a finding that copies the rest of a line (bytes asked for grow with
//! findings × length), or a check that keeps a copy per finding (held memory grows with
//! findings). Work that only reads (a scan repeated per finding) allocates nothing; the
//! timing guards are there for it.
//!
//! The bounds are per byte, with a constant for the fixed cost of any check (tables, the
//! sample data, the three requests): a few times what the worst shape needs, so a change of
//! wording does not fail them, but a cost that grows faster than the input does.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use hookcheck_core::api::CheckDocument;
use hookcheck_core::assist::highlight;
use hookcheck_core::render::curl::to_curl;
use hookcheck_core::{check, render_request, Product, SampleData};
use proptest::prelude::*;

mod fragments;
mod shapes;

/// What a run of the pipeline cost.
#[derive(Clone, Copy, Debug, Default)]
struct Cost {
    /// Calls to `alloc` and `realloc`.
    allocations: u64,
    /// Bytes asked for, in all (a `realloc` counts its new size).
    bytes: u64,
    /// The most bytes held at once.
    peak: u64,
}

/// Allocations per byte of input.
const ALLOCATIONS_PER_BYTE: u64 = 12;
/// Bytes asked for per byte of input.
const BYTES_PER_BYTE: u64 = 600;
/// Bytes held at once per byte of input.
const PEAK_PER_BYTE: u64 = 80;
/// What any check costs, whatever its size.
const FIXED: Cost = Cost {
    allocations: 2_000,
    bytes: 400_000,
    peak: 100_000,
};

struct Counting;

thread_local! {
    /// Counted per thread: the test harness runs tests on several threads at once.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static COST: Cell<Cost> = const { Cell::new(Cost { allocations: 0, bytes: 0, peak: 0 }) };
    static HELD: Cell<u64> = const { Cell::new(0) };
}

fn record(allocated: u64, freed: u64) {
    // `try_with`: the allocator also runs while a thread's locals are torn down.
    let _ = COUNTING.try_with(|counting| {
        if !counting.get() {
            return;
        }
        let held = HELD.with(|held| {
            let now = held.get() + allocated - freed.min(held.get());
            held.set(now);
            now
        });
        COST.with(|cost| {
            let mut c = cost.get();
            if allocated > 0 {
                c.allocations += 1;
                c.bytes += allocated;
            }
            c.peak = c.peak.max(held);
            cost.set(c);
        });
    });
}

// SAFETY: every call is passed to the system allocator unchanged; counting only reads sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size() as u64, 0);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        record(0, layout.size() as u64);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(new_size as u64, layout.size() as u64);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What the app, the JS API and `check --json` do with a text: check it, locate every kept
/// diagnostic in its document, colour it (the editor), render each outcome's request and its
/// curl command.
fn pipeline(text: &str) {
    let report = check(text, None);
    std::hint::black_box(CheckDocument::new(&report, text));
    std::hint::black_box(highlight(text));
    if let Some(config) = &report.config {
        for &outcome in Product::Test.outcomes() {
            let request = render_request(config, &SampleData::for_outcome(outcome));
            std::hint::black_box(to_curl(&request, false));
        }
    }
}

/// The cost of the pipeline on `text`; memory held before it (the text) is not counted.
fn cost_of(text: &str) -> Cost {
    COST.with(|cost| cost.set(Cost::default()));
    HELD.with(|held| held.set(0));
    COUNTING.with(|counting| counting.set(true));
    pipeline(text);
    COUNTING.with(|counting| counting.set(false));
    COST.with(Cell::get)
}

/// Why `cost` is too much for `text`, if it is.
fn excess(text: &str, cost: Cost) -> Option<String> {
    let n = text.len() as u64;
    let limits = [
        (
            "allocations",
            cost.allocations,
            FIXED.allocations + ALLOCATIONS_PER_BYTE * n,
        ),
        (
            "bytes asked for",
            cost.bytes,
            FIXED.bytes + BYTES_PER_BYTE * n,
        ),
        (
            "bytes held at once",
            cost.peak,
            FIXED.peak + PEAK_PER_BYTE * n,
        ),
    ];
    let over: Vec<String> = limits
        .iter()
        .filter(|(_, spent, limit)| spent > limit)
        .map(|(what, spent, limit)| format!("{what}: {spent} > {limit}"))
        .collect();
    (!over.is_empty()).then(|| format!("{n} B: {}", over.join(", ")))
}

#[test]
fn every_shape_costs_a_bounded_amount_per_byte() {
    let mut failures = Vec::new();
    for (name, make) in shapes::SHAPES {
        // About 1 KB, 16 KB and 256 KB: a cost per finding × length shows at the largest.
        for items in [40, 640, 10_240] {
            let text = make(items);
            let cost = cost_of(&text);
            let n = text.len() as f64;
            // Shown with `--nocapture`: the cost per byte of every shape.
            println!(
                "{name:28} {:>7} B  {:5.2} allocations/B  {:6.1} B asked/B  {:5.1} B held/B",
                text.len(),
                cost.allocations as f64 / n,
                cost.bytes as f64 / n,
                cost.peak as f64 / n,
            );
            if let Some(why) = excess(&text, cost) {
                failures.push(format!("{name} × {items}: {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any unit of hostile fragments, repeated to about 64 KB, costs a bounded amount per byte.
    #[test]
    fn any_repeated_unit_costs_a_bounded_amount_per_byte((prefix, unit) in fragments::unit()) {
        let text = format!("{prefix}{}", unit.repeat(64_000 / unit.len().max(1)));
        let cost = cost_of(&text);
        prop_assert!(excess(&text, cost).is_none(), "{prefix:?} + {unit:?}: {:?}", excess(&text, cost));
    }

    /// Any sequence of fragments (not a repeat) costs a bounded amount per byte.
    #[test]
    fn any_mix_of_fragments_costs_a_bounded_amount_per_byte(
        pieces in prop::collection::vec(prop::sample::select(fragments::FRAGMENTS), 1..2_000)
    ) {
        let text = pieces.concat();
        let cost = cost_of(&text);
        prop_assert!(excess(&text, cost).is_none(), "{text:?}: {:?}", excess(&text, cost));
    }
}
