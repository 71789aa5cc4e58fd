//! The README's console examples, run as written. Each ```console block holds commands in
//! the shape trycmd reads: a `$ hookcheck ARGS` line, then `? failed` when the command exits
//! non-zero, then exactly what it prints (standard output, then standard error). Each command
//! runs from the repository root with no standard input, and must print and end as shown.
//!
//! Not trycmd itself: it turns every `\` of the output into `/` (Windows paths), and this
//! output has real backslashes (the curl command's line continuations, escaped JSON).

use std::path::Path;
use std::process::{Command, Stdio};

/// One `$` line of a console block and what the README says it does.
struct Example {
    line: usize,
    args: Vec<String>,
    fails: bool,
    output: String,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut in_console = false;
    for (index, line) in readme.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            in_console = !in_console && info == "console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            assert!(
                !command.contains(['\'', '"', '|', '<', '>']),
                "README.md:{}: the runner splits commands on spaces only",
                index + 1
            );
            let mut words = command.split_whitespace().map(str::to_owned);
            assert_eq!(
                words.next().as_deref(),
                Some("hookcheck"),
                "README.md:{}",
                index + 1
            );
            examples.push(Example {
                line: index + 1,
                args: words.collect(),
                fails: false,
                output: String::new(),
            });
        } else if let Some(example) = examples.last_mut() {
            if line == "? failed" && example.output.is_empty() {
                example.fails = true;
            } else {
                example.output.push_str(line);
                example.output.push('\n');
            }
        }
    }
    examples
}

#[test]
fn the_readme_console_examples_print_what_they_show() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md is readable");
    let examples = examples(&readme);
    assert!(examples.len() >= 4, "the README's examples were not found");
    for example in examples {
        let run = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
            .args(&example.args)
            .current_dir(&root)
            .stdin(Stdio::null())
            .output()
            .expect("hookcheck runs");
        let printed = String::from_utf8_lossy(&run.stdout).into_owned()
            + &String::from_utf8_lossy(&run.stderr);
        // A blank line separates one example from the next in the README.
        let expected = example.output.trim_end_matches('\n');
        assert_eq!(
            printed.trim_end_matches('\n'),
            expected,
            "README.md:{}: `hookcheck {}` printed something else",
            example.line,
            example.args.join(" ")
        );
        assert_eq!(
            !run.status.success(),
            example.fails,
            "README.md:{}: `hookcheck {}` exited {}",
            example.line,
            example.args.join(" "),
            run.status
        );
    }
}
