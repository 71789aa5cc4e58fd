//! Shared by the CLI's integration tests: the `hookcheck` binary run as a script runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `hookcheck ARGS` with `stdin` as its standard input, and waits for it.
pub fn hookcheck(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hookcheck starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}
