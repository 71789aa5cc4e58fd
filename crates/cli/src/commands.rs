//! `check`, `preview`, `curl` (stub; being written).
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {}
#[derive(clap::Args, Debug)]
pub struct PreviewArgs {}
#[derive(clap::Args, Debug)]
pub struct CurlArgs {}

pub fn check(_: CheckArgs) -> ExitCode {
    ExitCode::from(2)
}
pub fn preview(_: PreviewArgs) -> ExitCode {
    ExitCode::from(2)
}
pub fn curl(_: CurlArgs) -> ExitCode {
    ExitCode::from(2)
}
