//! `hookcheck`: check, preview and send testRTC webhooks from the command line.
//! A thin shell over hookcheck-core; `receive` is a local stand-in for a request bin, and
//! `relay` sends the app's test calls from this machine.

mod commands;
mod explain;
mod net;
mod receive;
mod relay;
mod send;
mod server;
mod terminal;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Check testRTC end-of-run webhooks before a single test runs.
#[derive(Parser, Debug)]
#[command(name = "hookcheck", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a webhook field or run options; exit 0 when valid, 1 when invalid.
    Check(commands::CheckArgs),
    /// Print the exact request testRTC would send for one outcome.
    Preview(commands::PreviewArgs),
    /// Print the request as a curl command (POSIX shell quoting).
    Curl(commands::CurlArgs),
    /// Send the request from this machine and explain the reply; exit 0 when it arrived.
    Send(send::SendArgs),
    /// Run a local receiver on 127.0.0.1 that records every request it gets.
    Receive(receive::ReceiveArgs),
    /// Run a relay on 127.0.0.1 that sends the app's test calls from this machine.
    Relay(relay::RelayArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            // Help and version are not errors; everything else is a usage error (exit 2).
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => commands::check(args),
        Command::Preview(args) => commands::preview(args),
        Command::Curl(args) => commands::curl(args),
        Command::Send(args) => send::run(args),
        Command::Receive(args) => receive::run(args),
        Command::Relay(args) => relay::run(args),
    }
}
