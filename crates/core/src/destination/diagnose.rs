//! The destination's diagnostics of a checked config: what its URL says (a retired service,
//! a dated fact, a queued reply, a credential), then every rule the request of each outcome
//! breaks, each once, with a one-click fix where the endpoint's cure gives one; and the
//! destination's verdict.

use super::fixes;
use super::judge::{judge, Finding, Part, Received};
use super::verdict::{Arrival, Refusal};
use crate::catalog::recognise::{retired, UrlReading};
use crate::catalog::{Date, Recognised};
use crate::diagnostic::{Diagnostic, Rule};
use crate::product::Product;
use crate::render::request::render_request;
use crate::render::sample::{Outcome, SampleData};
use crate::repeats::Diagnostics;
use crate::span::Span;
use crate::syntax::json::Node;
use crate::syntax::url::UrlParts;
use crate::webhook::{Format, Target, WebhookConfig};

/// The sample data each rule is checked against: every outcome of `product`, and for
/// testingRTC's, with the default payload and with every variable in it.
pub fn samples(product: Product) -> Vec<SampleData> {
    let variants: &[bool] = match product {
        Product::Test => &[false, true],
        _ => &[false],
    };
    let mut samples = Vec::with_capacity(variants.len() * product.outcomes().len());
    for &every in variants {
        for &outcome in product.outcomes() {
            let mut sample = SampleData::for_outcome(outcome);
            sample.include_every_variable = every;
            samples.push(sample);
        }
    }
    samples
}

/// How a config's body is named in messages.
fn described(config: &WebhookConfig) -> &'static str {
    match (&config.body, config.format) {
        (_, Format::JsonText) => "the json/text body",
        (Some(_), _) => "the body template",
        (None, Format::CloudEvent) => "a cloudevent body",
        (None, Format::JsonObject) => "a json/object body",
    }
}

/// Findings about the URL alone: a retired service, a dated fact worded against `today`,
/// a reply that only means "queued", the URL as a credential. `parts` and `reading` are
/// what the pipeline read of `url`.
pub fn url_findings(
    url: &str,
    parts: &UrlParts,
    reading: &UrlReading,
    today: Option<Date>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let url_finding =
        |rule: Rule, key: &str, message: String| Finding::new(rule, key, Part::Url, message);
    if let Some(gone) = retired(url, parts.pieces) {
        let mut finding = url_finding(
            Rule::DestinationRetiring,
            "retired",
            gone.message.to_string(),
        );
        finding.help = Some(gone.help.to_string());
        out.push(finding);
    }
    let Some(found) = reading.destination else {
        return out;
    };
    let destination = found.id.destination();
    if let Some(dated) = &found.endpoint().dated {
        out.push(url_finding(
            Rule::DestinationRetiring,
            "retiring",
            dated.words(today).to_string(),
        ));
    }
    if let Some(queued) = destination.queued {
        out.push(url_finding(
            Rule::DestinationReplyQueued,
            "queued",
            queued.to_string(),
        ));
    }
    // User info alone is the `url-credentials` rule's; request bins' ids are masked
    // without a note (`credential` is `None`).
    let userinfo = parts.pieces.userinfo;
    let tokens = (reading.secrets.iter())
        .filter(|s| userinfo.is_none_or(|u| s.start != u.start))
        .count();
    if let (true, Some(credential)) = (tokens > 0, destination.credential) {
        let mut finding = url_finding(
            Rule::DestinationUrlSecret,
            "secret",
            format!(
                "This {} URL is a credential: anyone who has it can {credential}. The app masks its token on screen and leaves it out of share links.",
                destination.short_name
            ),
        );
        finding.help =
            Some("Don't paste it in tickets or chats; if it leaked, create a new webhook.".into());
        out.push(finding);
    }
    out
}

/// The destination diagnostics of a checked config of `product`'s webhook, and its
/// verdict. `text` is the text the config was read from (the Webhook field, or a `#webhook`
/// value), `root` its advanced form as parsed (`None` for a bare URL). `None` when the URL
/// names no destination.
pub fn diagnose(
    text: &str,
    root: Option<&Node>,
    config: &WebhookConfig,
    product: Product,
    today: Option<Date>,
    diagnostics: &mut Diagnostics,
) -> Option<Arrival> {
    let Target::Http {
        url,
        parts,
        reading,
    } = &config.target
    else {
        return None;
    };
    let mut findings: Vec<(Finding, Vec<(Outcome, bool)>)> =
        url_findings(url, parts, reading, today)
            .into_iter()
            .map(|f| (f, Vec::new()))
            .collect();
    let found = reading.destination;
    let url_count = findings.len();
    let samples = samples(product);
    if let Some(found) = found {
        for sample in &samples {
            let request = render_request(config, sample);
            let variant = (sample.outcome, sample.include_every_variable);
            for finding in judge(found, &Received::of(&request, described(config))) {
                match (findings[url_count..].iter_mut())
                    .find(|(f, _)| f.rule == finding.rule && f.key == finding.key)
                {
                    Some((_, seen)) => seen.push(variant),
                    None => findings.push((finding, vec![variant])),
                }
            }
        }
    }
    let arrival = found.map(|found| verdict(found, product, &findings));
    let places = Places::of(text, root);
    let fix = found
        .filter(|_| findings.iter().any(|(f, _)| f.cured))
        .and_then(|found| {
            let body_refused = (findings.iter()).any(|(f, _)| f.cured && f.part == Part::Body);
            fixes::fix(text, root, config, found, product, body_refused)
        });
    let all = samples.len();
    for (finding, seen) in findings {
        let mut message = finding.message;
        if !seen.is_empty() && seen.len() < all {
            message.push_str(&when(product, &seen));
        }
        let mut diagnostic = Diagnostic::new(finding.rule, places.span(finding.part), message);
        if let Some(help) = finding.help {
            diagnostic = diagnostic.with_help(help);
        }
        if let Some(fix) = fix.as_ref().filter(|_| finding.cured) {
            diagnostic = diagnostic.with_fix(fix.clone());
        }
        diagnostics.push(diagnostic);
    }
    arrival
}

/// The verdict the findings give: refused by the first finding whose reply refuses, on the
/// outcomes of `product` it was seen on.
fn verdict(
    found: Recognised,
    product: Product,
    findings: &[(Finding, Vec<(Outcome, bool)>)],
) -> Arrival {
    for (finding, seen) in findings {
        if let Some(mut refusal) = Refusal::of(found, finding) {
            refusal.outcomes = (product.outcomes().iter())
                .filter(|o| seen.iter().any(|(s, _)| s == *o))
                .copied()
                .collect();
            return Arrival::Refused(refusal);
        }
    }
    Arrival::Arrives
}

/// " (Seen on failure.)", " (Seen with every variable in the payload.)", …: the variants a
/// finding was seen in, when not all of `product`'s.
fn when(product: Product, seen: &[(Outcome, bool)]) -> String {
    let outcomes: Vec<&str> = (product.outcomes().iter())
        .filter(|o| seen.iter().any(|(s, _)| s == *o))
        .map(|o| o.as_str())
        .collect();
    let default = seen.iter().any(|(_, every)| !every);
    let every = seen.iter().any(|(_, every)| *every);
    let mut parts = Vec::new();
    if outcomes.len() < product.outcomes().len() {
        parts.push(format!("on {}", outcomes.join(" and ")));
    }
    if every && !default {
        parts.push("with every variable in the payload".to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" (Seen {}.)", parts.join(", "))
    }
}

/// Where a finding's diagnostic points in the webhook field's text: the member values of
/// the advanced form, or the bare URL.
struct Places {
    url: Span,
    body: Option<Span>,
    format: Option<Span>,
    headers: Option<Span>,
}

impl Places {
    fn of(text: &str, root: Option<&Node>) -> Places {
        let start = text.len() - text.trim_start().len();
        let whole = Span::new(start, start + text.trim().len());
        let members = root.and_then(Node::as_object);
        let find = |key: &str| {
            members.and_then(|m| m.iter().rev().find(|m| m.key == key).map(|m| m.value.span))
        };
        Places {
            url: find("url").unwrap_or(whole),
            body: find("body"),
            format: find("format"),
            headers: find("headers"),
        }
    }

    fn span(&self, part: Part) -> Span {
        match part {
            Part::Url => self.url,
            Part::Body => self.body.or(self.format).unwrap_or(self.url),
            Part::Headers => self.headers.unwrap_or(self.url),
        }
    }
}
