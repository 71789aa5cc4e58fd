//! `check`, `preview` and `curl`: read a text, run the core, print the result. `send` reads
//! and renders its request with the same [`RequestArgs`] and [`build_request`].

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use hookcheck_core::api::{CheckDocument, RequestDocument};
use hookcheck_core::destination::{Arrival, Recognised};
use hookcheck_core::pipeline::{self as core_check, Mode};
use hookcheck_core::render::curl;
use hookcheck_core::words::plural;
use hookcheck_core::{
    render_request, repeats, Date, LineIndex, LocatedDiagnostic, Options, Outcome, Product, Report,
    Request, SampleData, Severity, Span,
};
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

/// The testRTC products (SPEC §6).
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ProductArg {
    /// testingRTC tests and upRTC monitors (the default).
    Test,
    /// watchRTC custom alerts.
    Watchrtc,
    /// qualityRTC network-test results.
    Qualityrtc,
}

impl From<ProductArg> for Product {
    fn from(arg: ProductArg) -> Product {
        match arg {
            ProductArg::Test => Product::Test,
            ProductArg::Watchrtc => Product::WatchRtc,
            ProductArg::Qualityrtc => Product::QualityRtc,
        }
    }
}

/// Every product's outcomes.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum OutcomeArg {
    /// A test or monitor run that completed (test; the default).
    Success,
    /// A run that ended with warnings (test).
    Warnings,
    /// A run that failed (test).
    Failure,
    /// A room with custom alerts (watchrtc).
    Alert,
    /// A network test's result (qualityrtc).
    Result,
}

impl From<OutcomeArg> for Outcome {
    fn from(arg: OutcomeArg) -> Outcome {
        match arg {
            OutcomeArg::Success => Outcome::Success,
            OutcomeArg::Warnings => Outcome::Warnings,
            OutcomeArg::Failure => Outcome::Failure,
            OutcomeArg::Alert => Outcome::Alert,
            OutcomeArg::Result => Outcome::Result,
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
    /// The testRTC product whose webhook the text is [default: test, or the outcome's].
    #[arg(long, value_enum)]
    product: Option<ProductArg>,
}

impl InputArgs {
    /// The product asked for, `test` unless another is.
    fn product(&self) -> Product {
        self.product.map_or(Product::Test, Product::from)
    }
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
    /// Which outcome to render [default: the product's first].
    #[arg(long, value_enum)]
    outcome: Option<OutcomeArg>,
    /// Set a sample variable, e.g. `--set runType=monitor`, or a value of another
    /// product's payload by its dotted path, e.g. `--set project.name=Shop` (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// Put every documented variable in the default payload, not only the four
    /// testRTC documents (an assumption; test only).
    #[arg(long)]
    every_variable: bool,
}

impl RequestArgs {
    /// The product and outcome asked for: an outcome without `--product` is its own
    /// product's; an outcome of another product than `--product` is a usage error.
    fn product_and_outcome(&self) -> Result<(Product, Outcome), String> {
        let outcome = self.outcome.map(Outcome::from);
        match (self.input.product.map(Product::from), outcome) {
            (Some(product), Some(outcome)) if outcome.product() != product => Err(format!(
                "--outcome {} is not an outcome of --product {} (its outcomes: {})",
                outcome.as_str(),
                product.as_str(),
                (product.outcomes().iter())
                    .map(|o| o.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            (product, Some(outcome)) => Ok((product.unwrap_or(outcome.product()), outcome)),
            (product, None) => {
                let product = product.unwrap_or_default();
                Ok((product, product.first_outcome()))
            }
        }
    }
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

/// Today, by the system clock: dated facts (retirements, end of support) are worded
/// against it.
fn today() -> Option<Date> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(Date::from_unix_ms(since_epoch.as_millis() as f64))
}

/// The check of `text` as the input arguments ask, as `product`'s webhook.
fn check_input(text: &str, args: &InputArgs, product: Product) -> Report {
    core_check::check_with(
        text,
        &Options {
            mode: args.mode.mode(),
            product,
            today: today(),
        },
    )
}

pub fn check(args: CheckArgs) -> ExitCode {
    let (name, text) = match read_input(&args.input) {
        Ok(input) => input,
        Err(message) => return fail(&message),
    };
    let report = check_input(&text, &args.input, args.input.product());
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
    // A CI gate fails on a webhook that won't arrive, as on one testRTC cannot use.
    let usable = report.is_valid() && report.arrives() != Some(false);
    ExitCode::from(if usable { VALID } else { INVALID })
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
        if let Some(line) = destination_line(request.destination()) {
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
pub fn build_request(args: &RequestArgs) -> Result<Request, ExitCode> {
    let (product, outcome) = args.product_and_outcome().map_err(|m| fail(&m))?;
    let (name, text) = read_input(&args.input).map_err(|m| fail(&m))?;
    let mut sample = SampleData::for_outcome(outcome);
    sample.include_every_variable = args.every_variable;
    for assignment in &args.set {
        let Some((variable, value)) = assignment.split_once('=') else {
            return Err(fail(&format!("--set takes NAME=VALUE, got `{assignment}`")));
        };
        sample
            .set_path(variable, value)
            .map_err(|m| fail(&format!("--set: {m}")))?;
    }
    let report = check_input(&text, &args.input, product);
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
    let request = render_request(config, &sample);
    // testRTC sends it all the same: the request is printed, the verdict said apart.
    if let Some(Arrival::Refused(refusal)) = Arrival::of(&request) {
        eprintln!("hookcheck: won't arrive: {}", printable(&refusal.message));
    }
    Ok(request)
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

/// Prints `hookcheck: MESSAGE` to stderr: a usage or I/O error (exit 2).
pub fn fail(message: &str) -> ExitCode {
    eprintln!("hookcheck: {message}");
    ExitCode::from(USAGE_OR_IO)
}

/// Prints `value` as one line of JSON.
pub fn print_json(value: &impl Serialize) {
    // Serializing these plain structs cannot fail.
    let text = serde_json::to_string(value).unwrap_or_default();
    println!("{text}");
}

fn summary(report: &Report) -> String {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let infos = report.count(Severity::Info);
    let counts = format!(
        "{}, {}, {}",
        plural(errors as u64, "error"),
        plural(warnings as u64, "warning"),
        plural(infos as u64, "note"),
    );
    let mode = report.mode.as_str();
    match (report.is_valid(), &report.arrival) {
        (false, _) => format!("invalid: {counts} ({mode} mode)"),
        // The two verdicts apart: testRTC can use the config; the destination refuses it.
        (true, Some(Arrival::Refused(refusal))) => format!(
            "won't arrive: {} (valid for testRTC; {counts}; {mode} mode)",
            refusal.summary()
        ),
        (true, _) => format!("valid: {counts} ({mode} mode)"),
    }
}

/// How many characters of the source line the snippet shows on each side of the span, and
/// of the span itself: a long line (a minified config) is shown as a window around the
/// finding, as rustc and ruff show it, never whole.
const CONTEXT_CHARS: usize = 40;
const SPAN_CHARS: usize = 80;
/// Lines up to this long are shown whole.
const WHOLE_LINE_BYTES: usize = 120;

/// Diagnostics in the compiler style (annotate-snippets, the renderer rustc uses): severity
/// and code, location, a window of the source line with the span underlined, then help and
/// fix. At most 100 of each code ([`repeats`]); then one line per code with the count left.
fn render_diagnostics(name: &str, text: &str, report: &Report) -> String {
    let renderer = annotate_snippets::Renderer::plain();
    // Only the diagnostics shown get lines and columns (and copies of their messages).
    let index = LineIndex::new(text);
    let shown = report.shown(repeats::KEPT_PER_CODE);
    let mut out = String::new();
    for &i in &shown.indices {
        let located = LocatedDiagnostic::new(&report.diagnostics[i], &index);
        let line = index.line(located.line);
        out.push_str(&render_one(&renderer, name, text, line, &located));
        out.push_str("\n\n");
    }
    for (code, count) in shown.more {
        out.push_str(&format!("note: {count} more [{code}] not shown\n\n"));
    }
    out
}

fn render_one(
    renderer: &annotate_snippets::Renderer,
    name: &str,
    text: &str,
    line: Span,
    d: &LocatedDiagnostic,
) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Snippet};

    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let (line_start, line_end) = (line.start, line.end);
    let line = line.slice(text);
    let (window, span) = window(line, d.start - line_start, d.end.min(line_end) - line_start);
    let snippet = Snippet::source(window)
        .line_start(d.line)
        .annotation(AnnotationKind::Primary.span(span));
    let mut group = Group::with_level(level).element(snippet);
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(fix) = &d.fix {
        group = group.element(Level::HELP.with_name("fix").message(fix.title.as_str()));
    }
    // The title and location are written here: annotate-snippets would take the column
    // from the window rather than from the line.
    format!(
        "{}[{}]: {}\n{} --> {name}:{}:{}\n{}",
        d.severity.as_str(),
        d.code,
        printable(&d.message),
        // Aligned with the gutter of line numbers, as rustc aligns it.
        " ".repeat(d.line.to_string().len() - 1),
        d.line,
        d.column,
        renderer.render(&[group])
    )
}

/// The part of `line` to show for the span `start..end` (byte offsets in the line): up to
/// [`CONTEXT_CHARS`] characters on each side and [`SPAN_CHARS`] of the span, with `...`
/// where the line goes on, control characters as `?` and tabs as spaces (so nothing reaches
/// the terminal as an escape sequence); and the span's offsets in that text.
fn window(line: &str, start: usize, end: usize) -> (String, std::ops::Range<usize>) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.len() <= WHOLE_LINE_BYTES {
        return (printable(line), char_span(line, start, end));
    }
    let start = start.min(line.len());
    let end = end.clamp(start, line.len());
    let before = line[..start]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let span_end = line[start..end]
        .char_indices()
        .nth(SPAN_CHARS)
        .map_or(end, |(i, _)| start + i);
    let after = line[span_end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(line.len(), |(i, _)| span_end + i);
    let mut out = String::new();
    if before > 0 {
        out.push_str("...");
    }
    let mut span = 0..0;
    for (i, c) in line[before..after].char_indices() {
        if before + i == start {
            span.start = out.len();
        }
        if before + i == span_end {
            span.end = out.len();
        }
        out.push(if c == '\t' {
            ' '
        } else if c.is_control() {
            '?'
        } else {
            c
        });
    }
    if span_end == after {
        span.end = out.len();
    }
    if start == after {
        span.start = out.len();
    }
    if after < line.len() {
        out.push_str("...");
    }
    (out, span)
}

/// The span `start..end` of `line` in [`printable`]`(line)`, which may be shorter: a control
/// character of two bytes becomes a one-byte `?`.
fn char_span(line: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let shown = |at: usize| {
        let at = at.min(line.len());
        let at = (0..=at)
            .rev()
            .find(|&i| line.is_char_boundary(i))
            .unwrap_or(0);
        printable(&line[..at]).len()
    };
    shown(start)..shown(end.max(start))
}

/// Text safe to print: control characters shown as `?` and tabs as spaces, so carets stay
/// aligned and nothing reaches the terminal as an escape sequence.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '?',
            c => c,
        })
        .collect()
}
