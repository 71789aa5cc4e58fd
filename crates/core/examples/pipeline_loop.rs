//! The benchmark's pipeline in a loop, for profilers: `check`, then for each outcome the
//! request and its curl command, on the benchmark's own input of a given size.
//!
//! ```sh
//! cargo build --profile bench -p hookcheck-core --example pipeline_loop
//! valgrind --tool=callgrind target/release/examples/pipeline_loop 200 2000
//! ```
//!
//! Instructions per pipeline are the count of a run of N less that of a run of 0, over N
//! (docs/performance.md, fifth round). Arguments: the input size (200), the runs (1000).

use std::hint::black_box;

#[path = "../benches/workload/mod.rs"]
mod workload;
use workload::{check_render_and_curl, webhook};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut number = |default: usize| {
        args.next()
            .map_or(default, |arg| arg.parse().expect("a number"))
    };
    let (size, runs) = (number(200), number(1000));
    let text = webhook(size);
    // The outcomes' shared sample data is made on first use: not part of a run.
    black_box(check_render_and_curl(&text));
    for _ in 0..runs {
        black_box(check_render_and_curl(black_box(&text)));
    }
}
