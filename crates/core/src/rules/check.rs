//! The entry point: check a text in one of the two input modes (SPEC §1) and report
//! every diagnostic, plus the [`WebhookConfig`] when the input is valid.

use super::advanced_form;
use crate::diagnostic::{Diagnostic, Fix, LocatedDiagnostic, Rule, Severity};
use crate::repeats::{self, Diagnostics, Omitted, Shown};
use crate::span::{LineIndex, Span};
use crate::syntax::json::{self, NodeValue};
use crate::syntax::{run_options, url};
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
    /// The webhook, when the input is valid and names a target hookcheck can render.
    pub config: Option<WebhookConfig>,
    /// The service behind the URL, when hookcheck recognises it (valid or not).
    pub destination: Option<crate::destination::Recognised>,
}

impl Report {
    /// Valid means no error; warnings never make it invalid.
    pub fn is_valid(&self) -> bool {
        self.count(Severity::Error) == 0
    }

    /// How many findings of `severity` the check made, kept or not.
    pub fn count(&self, severity: Severity) -> usize {
        let kept = self.diagnostics.iter().filter(|d| d.severity() == severity);
        let omitted = self
            .omitted
            .iter()
            .filter(|o| o.rule.severity() == severity);
        kept.count() + omitted.map(|o| o.count).sum::<usize>()
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

/// Checks `text`; `mode: None` auto-detects.
pub fn check(text: &str, mode: Option<Mode>) -> Report {
    let mode = mode.unwrap_or_else(|| Mode::detect(text));
    let mut diagnostics = Diagnostics::new();
    let config = if text.len() > MAX_INPUT_BYTES {
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
            Mode::Webhook => check_webhook_field(text, &mut diagnostics),
            Mode::RunOptions => check_run_options(text, &mut diagnostics),
        }
    };
    diagnostics.sort();
    let valid = diagnostics.count(Severity::Error) == 0;
    let destination = config.as_ref().and_then(crate::destination::of_config);
    let (diagnostics, omitted) = diagnostics.into_parts();
    Report {
        mode,
        diagnostics,
        omitted,
        config: config.filter(|_| valid),
        destination,
    }
}

fn check_run_options(text: &str, diagnostics: &mut Diagnostics) -> Option<WebhookConfig> {
    if text.trim().is_empty() {
        diagnostics.push(empty_input(text));
        return None;
    }
    let options = run_options::parse(text);
    diagnostics.append(options.diagnostics, |d| d);
    let span = options.webhook?;
    let value = span.slice(text);
    let mut inner = Diagnostics::new();
    let config = check_webhook_field(value, &mut inner);
    diagnostics.append(inner, |d| d.shifted(span.start));
    config
}

/// Checks the Webhook field's text (or a `#webhook` value): a bare URL or a JSON object.
pub fn check_webhook_field(text: &str, diagnostics: &mut Diagnostics) -> Option<WebhookConfig> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        diagnostics.push(empty_input(text));
        return None;
    }
    let offset = text.len() - text.trim_start().len();
    // A byte order mark or zero-width space pasted in front does not hide a JSON object
    // (the JSON parser reports it, with a fix).
    let first = trimmed.trim_start_matches(['\u{feff}', '\u{200b}']);
    if first.starts_with(['{', '[', '"', '\'', '`']) {
        return check_json(text, diagnostics);
    }
    let check = url::check_url(trimmed);
    diagnostics.append(check.diagnostics, |d| d.shifted(offset));
    let config = check
        .parts
        .map(|parts| WebhookConfig::from_url(trimmed, parts));
    // Destination rules (Slack, Discord, …): see `destination::rules`.
    if let Some(config) = &config {
        crate::destination::rules::diagnose(text, config, diagnostics);
    }
    config
}

fn check_json(text: &str, diagnostics: &mut Diagnostics) -> Option<WebhookConfig> {
    let parsed = json::parse(text);
    diagnostics.append(parsed.diagnostics, |d| d);
    let root = parsed.root?;
    match &root.value {
        NodeValue::Object(members) => {
            let config = advanced_form::check_object(members, &root, text, diagnostics);
            // Destination rules (Slack, Discord, …): see `destination::rules`.
            if let Some(config) = &config {
                crate::destination::rules::diagnose(text, config, diagnostics);
            }
            config
        }
        other => {
            let mut diagnostic = Diagnostic::new(
                Rule::JsonNotObject,
                root.span,
                format!(
                    "The advanced webhook is a JSON object, not {}.",
                    root.type_name()
                ),
            )
            .with_help(r#"Write `{"url": "https://…"}`, or just the URL without quotes."#);
            if let NodeValue::String(s) = other {
                if url::check_url(s.trim()).parts.is_some() {
                    diagnostic =
                        diagnostic.with_fix(Fix::new("Use the bare URL", root.span, s.trim()));
                }
            }
            diagnostics.push(diagnostic);
            None
        }
    }
}

fn empty_input(text: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::EmptyInput,
        Span::new(0, text.len()),
        "There is nothing to check.",
    )
    .with_help("Paste the webhook URL, or a JSON object such as {\"url\": \"https://…\"}.")
}
