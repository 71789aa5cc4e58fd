//! The advanced form: a JSON object of `url`, `format`, `headers`, `fieldname`, `body` and
//! the SNS keys (SPEC §2.3). Checks every key and extracts a [`WebhookConfig`].

use crate::body::BodyTemplate;
use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::headers;
use crate::json::{Member, Node, NodeValue};
use crate::sns::{self, SnsConfig};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::template::Template;
use crate::url::{self, UrlParts};

/// The payload format (SPEC §3 step 4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The data as a JSON object (also the bare URL's format and the default).
    #[default]
    JsonObject,
    /// `{"username":"testRTC_bot","text":"<data as JSON>"}` for Slack and Zapier.
    JsonText,
    /// The data as the body, with CloudEvents `ce-*` headers (HTTP binary mode).
    CloudEvent,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::JsonObject, Format::JsonText, Format::CloudEvent];

    pub const fn as_str(self) -> &'static str {
        match self {
            Format::JsonObject => "json/object",
            Format::JsonText => "json/text",
            Format::CloudEvent => "cloudevent",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Where the webhook goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Http { url: String, parts: UrlParts },
    Sns(SnsConfig),
}

/// A checked webhook, ready for the request pipeline.
#[derive(Clone, Debug, PartialEq)]
pub struct WebhookConfig {
    pub target: Target,
    pub format: Format,
    /// The user's headers, in their order.
    pub headers: Vec<(String, String)>,
    pub fieldname: Option<String>,
    /// The body template as JavaScript holds it after `JSON.parse`.
    pub body: Option<BodyTemplate>,
}

impl WebhookConfig {
    /// The bare-URL form: json/object, no headers.
    pub fn from_url(url: String, parts: UrlParts) -> Self {
        WebhookConfig {
            target: Target::Http { url, parts },
            format: Format::JsonObject,
            headers: Vec::new(),
            fieldname: None,
            body: None,
        }
    }
}

/// Keys testRTC documents for HTTP webhooks.
const HTTP_KEYS: [&str; 5] = ["url", "format", "headers", "fieldname", "body"];
/// Keys of the Node `request` library that testRTC's old docs pointed to; testRTC itself
/// documents none of them.
const REQUEST_LIBRARY_KEYS: [&str; 10] = [
    "method",
    "qs",
    "auth",
    "timeout",
    "json",
    "form",
    "gzip",
    "encoding",
    "followRedirect",
    "proxy",
];
const ALL_KEYS: [&str; 11] = [
    "url",
    "format",
    "headers",
    "fieldname",
    "body",
    "provider",
    "accessKeyId",
    "secretAccessKey",
    "region",
    "roleArn",
    "topicArn",
];

/// Checks the advanced form's root object. Returns the config when nothing in it is an
/// error (the caller decides validity from all diagnostics). With `unique_keys` the caller
/// knows that no object in the tree repeats a key, so the body compiles without looking
/// for repeats.
pub fn check_object(
    members: &[Member],
    root: &Node,
    source: &str,
    diagnostics: &mut Vec<Diagnostic>,
    unique_keys: bool,
) -> Option<WebhookConfig> {
    let errors_before = count_errors(diagnostics);
    // JSON.parse keeps the last of duplicate keys; so do we (the parser warned already).
    let get = |key: &str| members.iter().rev().find(|m| m.key == key);
    let provider = get("provider");

    for member in members {
        check_key_name(member, provider.is_some(), diagnostics);
    }

    let format = get("format").and_then(|m| check_format(m, diagnostics));
    let headers = get("headers")
        .map(|m| headers::check_headers(&m.value, source, format, diagnostics))
        .unwrap_or_default();
    let fieldname = get("fieldname").and_then(|m| check_fieldname(m, diagnostics));
    let body = get("body").filter(|m| check_body(m, source, diagnostics));

    let target = match provider {
        Some(provider) => sns::check_sns(provider, members, diagnostics).map(Target::Sns),
        None => {
            match get("url") {
                Some(member) => check_url_member(member, source, diagnostics),
                None => {
                    diagnostics.push(
                    Diagnostic::new(
                        Rule::UrlRequired,
                        Span::new(root.span.start, root.span.start + 1),
                        "The webhook has no `url`: testRTC has nowhere to send it.",
                    )
                    .with_help(r#"Add `"url": "https://…"`, or `"provider": "aws-sns"` for Amazon SNS."#),
                );
                    None
                }
            }
        }
    };
    let target = target?;
    // The body is compiled only for a config that is made.
    (count_errors(diagnostics) == errors_before).then(|| WebhookConfig {
        target,
        format: format.unwrap_or_default(),
        headers,
        fieldname,
        body: body.map(|m| BodyTemplate::from_node(&m.value, source, unique_keys)),
    })
}

fn count_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity() == crate::Severity::Error)
        .count()
}

fn check_key_name(member: &Member, has_provider: bool, diagnostics: &mut Vec<Diagnostic>) {
    let key = &*member.key;
    if ALL_KEYS.contains(&key) {
        if !has_provider && sns::SNS_KEYS.contains(&key) {
            diagnostics.push(
                Diagnostic::new(
                    Rule::KeyUnknown,
                    member.key_span,
                    format!("`{key}` is an Amazon SNS key, but there is no `\"provider\": \"aws-sns\"`; it is ignored."),
                )
                .with_help(r#"Add `"provider": "aws-sns"` to publish to SNS, or remove the key."#),
            );
        }
        return;
    }
    if REQUEST_LIBRARY_KEYS.contains(&key) {
        diagnostics.push(
            Diagnostic::new(
                Rule::KeyUnknown,
                member.key_span,
                format!("`{key}` is not documented by testRTC; it may be passed through to its HTTP client, or ignored."),
            )
            .with_help("testRTC documents `url`, `format`, `headers`, `fieldname` and `body`."),
        );
        return;
    }
    let candidates: &[&str] = if has_provider { &ALL_KEYS } else { &HTTP_KEYS };
    let extra_candidates = ["header", "fieldName", "field_name", "field"];
    let suggestion = did_you_mean(key, candidates).or_else(|| {
        // Common near misses that edit distance alone rates too far.
        extra_candidates.contains(&key).then(|| {
            if key == "header" {
                "headers"
            } else {
                "fieldname"
            }
        })
    });
    let mut diagnostic = Diagnostic::new(
        Rule::KeyUnknown,
        member.key_span,
        format!(
            "`{key}` is not a key testRTC documents; it is ignored or passed through unchecked."
        ),
    );
    match suggestion {
        Some(suggestion) => {
            let mut quoted = String::new();
            crate::json::stringify::write_string(&mut quoted, suggestion);
            diagnostic = diagnostic
                .with_help(format!("Did you mean `{suggestion}`?"))
                .with_fix(Fix::new(
                    format!("Rename to `{suggestion}`"),
                    member.key_span,
                    quoted,
                ));
        }
        None => {
            diagnostic = diagnostic.with_help(format!(
                "The documented keys are: {}.",
                HTTP_KEYS.join(", ")
            ))
        }
    }
    diagnostics.push(diagnostic);
}

fn wrong_type(member: &Member, expected: &str, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.push(Diagnostic::new(
        Rule::KeyWrongType,
        member.value.span,
        format!(
            "`{}` must be {expected}, not {}.",
            member.key,
            member.value.type_name()
        ),
    ));
}

fn check_url_member(
    member: &Member,
    source: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Target> {
    let Some(text) = member.value.as_str() else {
        wrong_type(
            member,
            "a string holding the webhook's address",
            diagnostics,
        );
        return None;
    };
    let check = url::check_url(text);
    let verbatim = member.value.is_verbatim_string(source);
    for mut diagnostic in check.diagnostics {
        diagnostic.span = member.value.source_span_within(source, diagnostic.span);
        diagnostic.fix = diagnostic.fix.filter(|_| verbatim).map(|mut fix| {
            fix.span = member.value.source_span_within(source, fix.span);
            fix
        });
        diagnostics.push(diagnostic);
    }
    check.parts.map(|parts| Target::Http {
        url: text.to_string(),
        parts,
    })
}

fn check_format(member: &Member, diagnostics: &mut Vec<Diagnostic>) -> Option<Format> {
    let Some(text) = member.value.as_str() else {
        wrong_type(
            member,
            "one of \"json/object\", \"json/text\", \"cloudevent\"",
            diagnostics,
        );
        return None;
    };
    if let Some(format) = Format::parse(text) {
        return Some(format);
    }
    let names = Format::ALL.map(Format::as_str);
    let lower = text.trim().to_ascii_lowercase();
    let suggestion = match lower.as_str() {
        "json" | "object" | "json/obj" | "application/json" => Some("json/object"),
        "text" | "slack" | "string" => Some("json/text"),
        "cloudevents" | "cloud-event" | "cloud-events" | "cloud_event" | "ce" => Some("cloudevent"),
        _ => did_you_mean(&lower, &names),
    };
    let mut diagnostic = Diagnostic::new(
        Rule::FormatUnknown,
        member.value.span,
        format!("`{text}` is not a format testRTC knows; formats are exact and case-sensitive."),
    );
    diagnostic = match suggestion {
        Some(s) => diagnostic
            .with_help(format!("Did you mean \"{s}\"?"))
            .with_fix(Fix::new(
                format!("Use \"{s}\""),
                member.value.span,
                format!("\"{s}\""),
            )),
        None => diagnostic
            .with_help("Use \"json/object\", \"json/text\" (Slack, Zapier) or \"cloudevent\"."),
    };
    diagnostics.push(diagnostic);
    None
}

fn check_fieldname(member: &Member, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match member.value.as_str() {
        None => {
            wrong_type(
                member,
                "a string naming the field that wraps the data",
                diagnostics,
            );
            None
        }
        Some("") => {
            diagnostics.push(
                Diagnostic::new(
                    Rule::FieldnameEmpty,
                    member.value.span,
                    "`fieldname` is empty.",
                )
                .with_help("Name the field that should wrap the data, or remove `fieldname`."),
            );
            None
        }
        Some(name) => Some(name.to_string()),
    }
}

/// Whether the body is an object (the body template); its placeholders are checked.
fn check_body(member: &Member, source: &str, diagnostics: &mut Vec<Diagnostic>) -> bool {
    if member.value.as_object().is_none() {
        wrong_type(member, "an object (the body template)", diagnostics);
        return false;
    }
    check_templates(&member.value, source, diagnostics);
    true
}

/// Checks the placeholders in every string value inside `node`, iteratively (the parser
/// bounds depth, but a stack keeps this safe whatever the tree). Strings are checked where
/// they are met and only containers wait on the stack: a flat body needs no stack at all.
fn check_templates<'a, 't>(node: &'a Node<'t>, source: &str, diagnostics: &mut Vec<Diagnostic>) {
    let mut stack: Vec<&'a Node<'t>> = Vec::new();
    let mut next = Some(node);
    while let Some(node) = next.take().or_else(|| stack.pop()) {
        let mut visit = |child: &'a Node<'t>| match &child.value {
            NodeValue::String(text) => check_template(child, text, source, diagnostics),
            NodeValue::Array(_) | NodeValue::Object(_) => stack.push(child),
            _ => {}
        };
        match &node.value {
            NodeValue::Array(items) => items.iter().for_each(visit),
            NodeValue::Object(members) => members.iter().for_each(|m| visit(&m.value)),
            _ => visit(node),
        }
    }
}

/// The placeholders of one string value.
fn check_template(node: &Node, text: &str, source: &str, diagnostics: &mut Vec<Diagnostic>) {
    // `check` makes one pass over a string without placeholders, as the search for one
    // would.
    let found = Template::check(text);
    if found.is_empty() {
        return;
    }
    let verbatim = node.is_verbatim_string(source);
    for mut diagnostic in found {
        diagnostic.span = node.source_span_within(source, diagnostic.span);
        diagnostic.fix = diagnostic.fix.filter(|_| verbatim).map(|mut fix| {
            fix.span = node.source_span_within(source, fix.span);
            fix
        });
        diagnostics.push(diagnostic);
    }
}
