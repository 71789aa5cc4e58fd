//! `hookcheck receive` (stub; being written).
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct ReceiveArgs {
    /// Port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
}

pub fn run(_args: ReceiveArgs) -> ExitCode {
    eprintln!("hookcheck receive: not built yet");
    ExitCode::from(2)
}
