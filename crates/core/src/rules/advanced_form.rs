//! The advanced form: a JSON object of `url`, `format`, `headers`, `fieldname`, `body` and
//! the SNS keys (SPEC §2.3). Checks every key and extracts a [`WebhookConfig`].

use crate::repeats::Diagnostics;
use std::borrow::Cow;

use super::{body, headers, sns};
use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::product::{Product, TEMPLATES_CONFLICT};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::syntax::json::{Member, Node, NodeValue};
use crate::syntax::url;
use crate::webhook::{BodyTemplate, Format, Target, WebhookConfig};

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

/// Checks the advanced form's root object as `product`'s webhook. Returns the config when
/// nothing in it is an error (the caller decides validity from all diagnostics).
pub fn check_object(
    members: &[Member],
    root: &Node,
    source: &str,
    product: Product,
    diagnostics: &mut Diagnostics,
) -> Option<WebhookConfig> {
    let errors_before = diagnostics.count(Severity::Error);
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
    let body = get("body").and_then(|m| check_body(m, source, product, diagnostics));

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
    (diagnostics.count(Severity::Error) == errors_before).then(|| WebhookConfig {
        target,
        format: format.unwrap_or_default(),
        headers,
        fieldname,
        body,
    })
}

fn check_key_name(member: &Member, has_provider: bool, diagnostics: &mut Diagnostics) {
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
            crate::syntax::json::stringify::write_string(&mut quoted, suggestion);
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

fn wrong_type(member: &Member, expected: &str, diagnostics: &mut Diagnostics) {
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

/// The member's string, or a wrong-type error saying what it must be.
fn string_value<'m, 't>(
    member: &'m Member<'t>,
    expected: &str,
    diagnostics: &mut Diagnostics,
) -> Option<&'m Cow<'t, str>> {
    match &member.value.value {
        NodeValue::String(text) => Some(text),
        _ => {
            wrong_type(member, expected, diagnostics);
            None
        }
    }
}

fn check_url_member(
    member: &Member,
    source: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Target> {
    let text = string_value(
        member,
        "a string holding the webhook's address",
        diagnostics,
    )?;
    let check = url::check_url(text);
    member
        .value
        .report_within(source, check.diagnostics, diagnostics);
    check
        .parts
        .map(|parts| Target::http(text.to_string(), parts))
}

fn check_format(member: &Member, diagnostics: &mut Diagnostics) -> Option<Format> {
    let text = string_value(
        member,
        "one of \"json/object\", \"json/text\", \"cloudevent\"",
        diagnostics,
    )?;
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

fn check_fieldname(member: &Member, diagnostics: &mut Diagnostics) -> Option<String> {
    let name = string_value(
        member,
        "a string naming the field that wraps the data",
        diagnostics,
    )?;
    if name.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Rule::FieldnameEmpty,
                member.value.span,
                "`fieldname` is empty.",
            )
            .with_help("Name the field that should wrap the data, or remove `fieldname`."),
        );
        return None;
    }
    Some(name.to_string())
}

/// The body template, compiled with its placeholders checked against `product`'s
/// variables, when the body is an object.
fn check_body(
    member: &Member,
    source: &str,
    product: Product,
    diagnostics: &mut Diagnostics,
) -> Option<BodyTemplate> {
    if member.value.as_object().is_none() {
        wrong_type(member, "an object (the body template)", diagnostics);
        return None;
    }
    if !product.templates_documented() {
        diagnostics.push(
            Diagnostic::new(
                Rule::TemplateProductUndocumented,
                member.key_span,
                format!(
                    "testRTC's docs disagree on body templates for {}: {}; {}.",
                    product.name(),
                    TEMPLATES_CONFLICT[0],
                    TEMPLATES_CONFLICT[1]
                ),
            )
            .with_help(format!(
                "If {} arrives without your template, remove `body` and pick a `format` instead; hookcheck previews the template as testingRTC renders it.",
                product.data()
            )),
        );
    }
    Some(body::read_body(
        &member.value,
        source,
        product.vocabulary(),
        diagnostics,
    ))
}
