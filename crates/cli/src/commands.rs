//! `check`, `preview` and `curl`: read a text, run the core, print the result.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use hookcheck_core::api::{CheckDocument, RequestDocument};
use hookcheck_core::destination::{recognise, Recognised};
use hookcheck_core::render::curl;
use hookcheck_core::rules::check::{self as core_check, Mode};
use hookcheck_core::{render_request, Outcome, Report, Request, SampleData, Severity};
use serde::Serialize;

/// Exit codes (SPEC §4.3).
const VALID: u8 = 0;
const INVALID: u8 = 1;
const USAGE_OR_IO: u8 = 2;

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default)]
pub enum ModeArg {
    /// Run options when the text starts with `#`, the Webhook field otherwise.
    #[default]
    Auto,
    /// The Webhook field: a URL or a JSON object.
    Webhook,
    /// The Run Options field, with a `#webhook` option.
    RunOptions,
}

impl ModeArg {
    fn mode(self) -> Option<Mode> {
        match self {
            ModeArg::Auto => None,
            ModeArg::Webhook => Some(Mode::Webhook),
            ModeArg::RunOptions => Some(Mode::RunOptions),
        }
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default)]
pub enum OutcomeArg {
    #[default]
    Success,
    Warnings,
    Failure,
}

impl From<OutcomeArg> for Outcome {
    fn from(arg: OutcomeArg) -> Outcome {
        match arg {
            OutcomeArg::Success => Outcome::Success,
            OutcomeArg::Warnings => Outcome::Warnings,
            OutcomeArg::Failure => Outcome::Failure,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// The file to read; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
    /// How to read the text.
    #[arg(long, value_enum, default_value_t)]
    mode: ModeArg,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Print `{"valid", "mode", "diagnostics"}` as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args, Debug)]
pub struct RequestArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Which run ending to render.
    #[arg(long, value_enum, default_value_t)]
    outcome: OutcomeArg,
    /// Set a sample variable, e.g. `--set runType=monitor` (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Put every documented variable in the default payload, not only the four
    /// testRTC documents (an assumption).
    #[arg(long)]
    every_variable: bool,
}

#[derive(clap::Args, Debug)]
pub struct PreviewArgs {
    #[command(flatten)]
    request: RequestArgs,
    /// Print `{"method", "url", "headers", "body"}` as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args, Debug)]
pub struct CurlArgs {
    #[command(flatten)]
    request: RequestArgs,
}

/// "destination: Slack incoming webhook (slack)", for the text output.
fn destination_line(found: Option<Recognised>) -> Option<String> {
    found.map(|f| format!("destination: {} ({})", f.label(), f.id.id()))
}

pub fn check(args: CheckArgs) -> ExitCode {
    let (name, text) = match read_input(&args.input) {
        Ok(input) => input,
        Err(message) => return fail(&message),
    };
    let report = core_check::check(&text, args.input.mode.mode());
    if args.json {
        print_json(&CheckDocument::new(&report, &text));
    } else {
        let mut out = io::stdout().lock();
        let _ = write!(out, "{}", render_diagnostics(&name, &text, &report));
        if let Some(line) = destination_line(report.destination) {
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "{}", summary(&report));
    }
    ExitCode::from(if report.is_valid() { VALID } else { INVALID })
}

pub fn preview(args: PreviewArgs) -> ExitCode {
    let request = match build_request(&args.request) {
        Ok(request) => request,
        Err(code) => return code,
    };
    if args.json {
        print_json(&RequestDocument::new(&request));
    } else {
        let mut out = io::stdout().lock();
        let _ = writeln!(out, "{} {}", request.method, request.url);
        for header in &request.headers {
            let _ = writeln!(out, "{}: {}", header.name, header.value);
        }
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", request.body);
        if let Some(line) = destination_line(recognise(&request.url)) {
            let _ = writeln!(out, "\n({line})");
        }
        if !request.is_sendable() {
            let _ = writeln!(
                out,
                "\n(Amazon SNS: shown as the Publish call it stands for; it needs AWS request signing and is never sent by hookcheck.)"
            );
        }
    }
    ExitCode::from(VALID)
}

pub fn curl(args: CurlArgs) -> ExitCode {
    match build_request(&args.request) {
        Ok(request) => {
            println!("{}", curl::to_curl(&request, true));
            ExitCode::from(VALID)
        }
        Err(code) => code,
    }
}

/// Reads, checks and renders; on invalid input prints the diagnostics to stderr.
fn build_request(args: &RequestArgs) -> Result<Request, ExitCode> {
    let (name, text) = read_input(&args.input).map_err(|m| fail(&m))?;
    let mut sample = SampleData::for_outcome(args.outcome.into());
    sample.include_every_variable = args.every_variable;
    for assignment in &args.set {
        let Some((variable, value)) = assignment.split_once('=') else {
            return Err(fail(&format!("--set takes NAME=VALUE, got `{assignment}`")));
        };
        sample
            .set(variable, value)
            .map_err(|m| fail(&format!("--set: {m}")))?;
    }
    let report = core_check::check(&text, args.input.mode.mode());
    if !report.is_valid() {
        let mut err = io::stderr().lock();
        let _ = write!(err, "{}", render_diagnostics(&name, &text, &report));
        let _ = writeln!(err, "{}", summary(&report));
        return Err(ExitCode::from(INVALID));
    }
    let Some(config) = &report.config else {
        let mut err = io::stderr().lock();
        let _ = write!(err, "{}", render_diagnostics(&name, &text, &report));
        let _ = writeln!(
            err,
            "hookcheck: nothing to preview: the input names no webhook hookcheck can render"
        );
        return Err(ExitCode::from(INVALID));
    };
    Ok(render_request(config, &sample))
}

/// The text to check and a name for it in messages.
fn read_input(args: &InputArgs) -> Result<(String, String), String> {
    let (name, bytes) = match args.file.as_deref() {
        None => ("<stdin>".to_string(), read_stdin()?),
        Some(path) if path.as_os_str() == "-" => ("<stdin>".to_string(), read_stdin()?),
        Some(path) => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
            (name, bytes)
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => Err(format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )),
    }
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(bytes)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("hookcheck: {message}");
    ExitCode::from(USAGE_OR_IO)
}

fn print_json(value: &impl Serialize) {
    // Serializing these plain structs cannot fail.
    let text = serde_json::to_string(value).unwrap_or_default();
    println!("{text}");
}

fn summary(report: &Report) -> String {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let infos = report.count(Severity::Info);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}: {}, {}, {} ({} mode)",
        if errors == 0 { "valid" } else { "invalid" },
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "note"),
        report.mode.as_str()
    )
}

/// Diagnostics in the compiler style: severity and code, location, the source line with
/// a caret under the span, then help and fix.
fn render_diagnostics(name: &str, text: &str, report: &Report) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.split('\n').collect();
    for d in report.located(text) {
        out.push_str(&format!(
            "{}[{}]: {}\n",
            d.severity.as_str(),
            d.code,
            d.message
        ));
        out.push_str(&format!("  --> {name}:{}:{}\n", d.line, d.column));
        if let Some(line) = lines.get(d.line - 1) {
            let line = line.trim_end_matches('\r');
            let gutter = d.line.to_string();
            let pad = " ".repeat(gutter.len());
            let width = if d.end_line == d.line {
                (d.end_column - d.column).max(1)
            } else {
                (line.chars().count() + 1).saturating_sub(d.column).max(1)
            };
            out.push_str(&format!("{pad} |\n{gutter} | {}\n", printable(line)));
            out.push_str(&format!(
                "{pad} | {}{}\n",
                " ".repeat(d.column - 1),
                "^".repeat(width)
            ));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  = help: {help}\n"));
        }
        if let Some(fix) = &d.fix {
            out.push_str(&format!("  = fix: {}\n", fix.title));
        }
        out.push('\n');
    }
    out
}

/// A source line safe to print: control characters shown as `?` so carets stay aligned
/// and nothing reaches the terminal as an escape sequence.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '?'
            } else if c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}
