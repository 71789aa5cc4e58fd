//! Prints one of the scaling guards' input shapes (`tests/shapes`), for the browser test and
//! for timing the CLI by hand:
//!
//! ```sh
//! cargo run -p hookcheck-core --example shape -- double-commas 4000 > commas.json
//! cargo run -p hookcheck-core --example shape -- --list
//! ```

#[path = "../tests/shapes/mod.rs"]
mod shapes;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for (name, _) in shapes::SHAPES {
            println!("{name}");
        }
        return;
    }
    let (Some(name), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: shape NAME N | shape --list");
        std::process::exit(2);
    };
    let Some((_, make)) = shapes::SHAPES.iter().find(|(shape, _)| shape == name) else {
        eprintln!("no shape `{name}` (see --list)");
        std::process::exit(2);
    };
    print!("{}", make(n));
}
