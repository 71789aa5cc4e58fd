//! How often the keystroke pipeline allocates, on the benchmark's own inputs.
//!
//! Allocations are most of what separates the pipeline from serde_json on small inputs
//! (docs/performance.md, "Where the time goes now"), and unlike times they are exact: the
//! same on every machine and every run. These bounds are today's counts, so that a change
//! that adds an allocation to every check or render says so here. If it is meant, raise the
//! bound and give the reason in docs/performance.md.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use hookcheck_core::curl::to_curl;
use hookcheck_core::{check, render_request, Outcome, SampleData};

#[path = "../benches/workload/mod.rs"]
mod workload;

/// The system allocator, counting the allocations of each thread (the test harness runs
/// tests on threads of their own).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation() {
    // `try_with`: a thread being torn down has no counter left, and is not measured.
    let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What `work` returns, and how many allocations it made on this thread.
fn allocations<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = work();
    (result, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn the_200_byte_pipeline_allocates_no_more_than_it_did_when_measured() {
    let text = workload::webhook(200);
    // The outcomes' shared sample data is built on first use: not part of a keystroke.
    drop(SampleData::for_outcome(Outcome::Success));

    let (report, in_check) = allocations(|| check(&text, None));
    let config = report
        .config
        .as_ref()
        .expect("the benchmark input is valid");
    assert_eq!(config.headers.len(), 1);
    // The parse 3 (the members of three objects: strict JSON is read without a stack of
    // open containers); the config 1 (its header list: the URL and its host, the header's
    // name and value and the body's source borrow the text); the body 2 (its compiled
    // text and holes); the warning about the credential header 3 (the list of
    // diagnostics, the message, the help).
    assert!(
        in_check <= 9,
        "check allocated {in_check} times (9 when measured)"
    );

    for outcome in Outcome::ALL {
        let (request, in_render) =
            allocations(|| render_request(config, &SampleData::for_outcome(outcome)));
        // The header list and the body: the URL and the user's header borrow the config's.
        assert!(
            in_render <= 2,
            "rendering {outcome:?} allocated {in_render} times (2 when measured)"
        );
        let (_, in_curl) = allocations(|| to_curl(&request, false));
        assert_eq!(in_curl, 1, "the curl command is written into one string");
    }
}

#[test]
fn a_render_allocates_as_often_whatever_the_number_of_headers() {
    let text = workload::webhook(4 * 1024);
    drop(SampleData::for_outcome(Outcome::Success));
    let config = check(&text, None)
        .config
        .expect("the benchmark input is valid");
    let headers = config.headers.len();
    assert!(headers > 5);
    for outcome in Outcome::ALL {
        let (_, in_render) =
            allocations(|| render_request(&config, &SampleData::for_outcome(outcome)));
        // The header list and the body (the headers borrow the config's names and values);
        // the text of each number variable the body uses (`score` and `concurrentUsers`).
        assert!(
            in_render <= 4,
            "rendering {outcome:?} with {headers} headers allocated {in_render} times (4 when measured)"
        );
    }
}
