//! Stage 6, the pipeline: [`check`] runs the stages in order over one text (SPEC §1) and
//! reports every diagnostic, the [`WebhookConfig`] when testRTC can use it, and the
//! destination's verdict, apart from testRTC's.
//!
//! syntax (the run options, the JSON, the URL) → rules (testRTC's) → render (each
//! outcome's request) → destination (its rules over those requests). Each stage hands the
//! next what it read (the parsed tree, the checked URL, the rendered body's tree), so
//! nothing is read twice.

use crate::catalog::Date;
use crate::destination::{diagnose, Arrival};
use crate::diagnostic::{Diagnostic, LocatedDiagnostic, Rule, Severity};
use crate::product::Product;
use crate::repeats::{self, Diagnostics, Omitted, Shown};
use crate::rules::field::{check_field, empty_input};
use crate::span::{LineIndex, Span};
use crate::syntax::run_options;
use crate::webhook::WebhookConfig;

/// Inputs larger than this are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// Where the text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The dedicated Webhook field: a bare URL or a JSON object.
    Webhook,
    /// The Run Options field, holding a `#webhook` option.
    RunOptions,
}

impl Mode {
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Webhook => "webhook",
            Mode::RunOptions => "run-options",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "webhook" => Some(Mode::Webhook),
            "run-options" => Some(Mode::RunOptions),
            _ => None,
        }
    }

    /// Auto-detection: after trimming, text starting with `#` is run options.
    pub fn detect(text: &str) -> Mode {
        if text.trim_start().starts_with('#') {
            Mode::RunOptions
        } else {
            Mode::Webhook
        }
    }
}

/// What [`check`] found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub mode: Mode,
    /// Sorted by position, then severity.
    pub diagnostics: Vec<Diagnostic>,
    /// For each code with more than [`repeats::KEPT_PER_CODE`] findings, how many more: a
    /// check keeps only the first of each code.
    pub omitted: Vec<Omitted>,
    /// The webhook, when testRTC can use it: what the request is rendered from.
    pub config: Option<WebhookConfig>,
    /// The service behind the URL, when hookcheck recognises it.
    pub destination: Option<crate::catalog::Recognised>,
    /// The destination's verdict over every outcome's request; `None` when no destination
    /// is recognised (or testRTC cannot use the config).
    pub arrival: Option<Arrival>,
    /// The spans of the text that are credentials, in order, as the check read them (the
    /// URL's tokens and user info, secret headers, the body's `routing_key`, SNS keys): what
    /// share links and the remembered input leave out
    /// ([`strip_secrets`](crate::browser::share::strip_secrets)). An input too large to
    /// check is one span, whole.
    pub secrets: Vec<Span>,
}

impl Report {
    /// testRTC's verdict: no error of testRTC's rules (warnings never make a text invalid,
    /// and neither does the destination: that is [`Report::arrives`]).
    pub fn is_valid(&self) -> bool {
        self.testrtc_errors() == 0
    }

    /// How many errors of testRTC's rules the check found (the destination's excluded).
    pub fn testrtc_errors(&self) -> usize {
        self.count_where(|rule| rule.severity() == Severity::Error && !rule.judges_destination())
    }

    /// The destination's verdict: whether it accepts every outcome's request; `None` when
    /// no destination is recognised.
    pub fn arrives(&self) -> Option<bool> {
        self.arrival.as_ref().map(Arrival::arrives)
    }

    /// How many findings of `severity` the check made, kept or not.
    pub fn count(&self, severity: Severity) -> usize {
        self.count_where(|rule| rule.severity() == severity)
    }

    /// How many findings of the rules `which` selects the check made, kept or not.
    fn count_where(&self, which: impl Fn(Rule) -> bool) -> usize {
        let kept = self.diagnostics.iter().filter(|d| which(d.rule)).count();
        let omitted = (self.omitted.iter()).filter(|o| which(o.rule));
        kept + omitted.map(|o| o.count).sum::<usize>()
    }

    /// The diagnostics a person is shown: the first `limit` of each code, and for each code
    /// with more (kept or not), how many more.
    pub fn shown(&self, limit: usize) -> Shown {
        let mut shown = repeats::first_of_each_code(&self.diagnostics, Diagnostic::code, limit);
        for omitted in &self.omitted {
            let code = omitted.rule.code();
            match shown.more.iter_mut().find(|(c, _)| *c == code) {
                Some((_, more)) => *more += omitted.count,
                None => shown.more.push((code, omitted.count)),
            }
        }
        shown
    }

    /// The diagnostics with lines and columns, for output.
    pub fn located(&self, text: &str) -> Vec<LocatedDiagnostic> {
        let index = LineIndex::new(text);
        self.diagnostics
            .iter()
            .map(|d| LocatedDiagnostic::new(d, &index))
            .collect()
    }
}

/// What a check is told besides the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `None` auto-detects.
    pub mode: Option<Mode>,
    /// The product whose webhook the text is: its template variables and rules, and the
    /// outcomes the destination judges (SPEC §6).
    pub product: Product,
    /// Today's date, against which dated facts are worded (`None`: as if before them).
    pub today: Option<Date>,
}

/// Checks `text`; `mode: None` auto-detects. Dated facts are worded as if before their
/// date: [`check_with`] takes today's.
pub fn check(text: &str, mode: Option<Mode>) -> Report {
    check_with(
        text,
        &Options {
            mode,
            ..Options::default()
        },
    )
}

/// Checks `text` with `options`.
pub fn check_with(text: &str, options: &Options) -> Report {
    let mode = options.mode.unwrap_or_else(|| Mode::detect(text));
    let mut diagnostics = Diagnostics::new();
    let mut arrival = None;
    let mut secrets = Vec::new();
    let config = if text.len() > MAX_INPUT_BYTES {
        secrets.push(Span::new(0, text.len()));
        diagnostics.push(
            Diagnostic::new(
                Rule::InputTooLarge,
                Span::new(0, crate::span::floor_char_boundary(text, MAX_INPUT_BYTES)),
                format!(
                    "The input is {} bytes; hookcheck checks at most 1 MiB ({MAX_INPUT_BYTES} bytes).",
                    text.len()
                ),
            )
            .with_help("A webhook configuration is a few hundred bytes; check that the right text was pasted."),
        );
        None
    } else {
        match mode {
            Mode::Webhook => webhook_field(
                text,
                0,
                options,
                &mut diagnostics,
                &mut arrival,
                &mut secrets,
            ),
            Mode::RunOptions => {
                run_options_field(text, options, &mut diagnostics, &mut arrival, &mut secrets)
            }
        }
    };
    diagnostics.sort();
    let (diagnostics, omitted) = diagnostics.into_parts();
    let mut report = Report {
        mode,
        diagnostics,
        omitted,
        destination: config.as_ref().and_then(WebhookConfig::destination),
        config,
        arrival,
        secrets,
    };
    if !report.is_valid() {
        report.config = None;
        report.arrival = None;
    }
    report
}

/// The Run Options field: its options, then its `#webhook` value as a Webhook field.
fn run_options_field(
    text: &str,
    options: &Options,
    diagnostics: &mut Diagnostics,
    arrival: &mut Option<Arrival>,
    secrets: &mut Vec<Span>,
) -> Option<WebhookConfig> {
    if text.trim().is_empty() {
        diagnostics.push(empty_input(text));
        return None;
    }
    let found = run_options::parse(text);
    diagnostics.append(found.diagnostics, |d| d);
    let span = found.webhook?;
    webhook_field(
        span.slice(text),
        span.start,
        options,
        diagnostics,
        arrival,
        secrets,
    )
}

/// The Webhook field's `text` (at `offset` in the whole input): testRTC's rules, then the
/// destination's over every outcome's request.
fn webhook_field(
    text: &str,
    offset: usize,
    options: &Options,
    diagnostics: &mut Diagnostics,
    arrival: &mut Option<Arrival>,
    secrets: &mut Vec<Span>,
) -> Option<WebhookConfig> {
    let mut found = Diagnostics::new();
    let field = check_field(text, options.product, &mut found);
    if let Some(config) = &field.config {
        *arrival = diagnose::diagnose(
            text,
            field.root.as_ref(),
            config,
            options.product,
            options.today,
            &mut found,
        );
    }
    diagnostics.append(found, |d| d.shifted(offset));
    secrets.extend(field.secrets.iter().map(|s| s.shifted(offset)));
    field.config
}
