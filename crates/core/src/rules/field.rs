//! The Webhook field (or a `#webhook` value): a bare URL or the advanced form's JSON object.

use super::advanced_form;
use crate::catalog::recognise::url_secret_spans;
use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::product::Product;
use crate::repeats::Diagnostics;
use crate::secrets::{self, SECRET_BODY_KEYS};
use crate::span::Span;
use crate::syntax::json::{self, Node, NodeValue};
use crate::syntax::url;
use crate::webhook::{Target, WebhookConfig};

/// What the field holds, as read.
pub struct Field<'t> {
    /// The checked webhook, when nothing in it is an error.
    pub config: Option<WebhookConfig>,
    /// The advanced form as parsed, for the stages that point into it or edit it; `None`
    /// for a bare URL.
    pub root: Option<Node<'t>>,
    /// The spans of the text that are credentials ([`secret_spans`]), in order.
    pub secrets: Vec<Span>,
}

/// Checks the Webhook field's text (or a `#webhook` value) as `product`'s webhook: a bare
/// URL or a JSON object.
pub fn check_field<'t>(
    text: &'t str,
    product: Product,
    diagnostics: &mut Diagnostics,
) -> Field<'t> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        diagnostics.push(empty_input(text));
        return Field {
            config: None,
            root: None,
            secrets: Vec::new(),
        };
    }
    let offset = text.len() - text.trim_start().len();
    // A byte order mark or zero-width space pasted in front does not hide a JSON object
    // (the JSON parser reports it, with a fix).
    let first = trimmed.trim_start_matches(['\u{feff}', '\u{200b}']);
    if first.starts_with(['{', '[', '"', '\'', '`']) {
        return check_json(text, product, diagnostics);
    }
    let check = url::check_url(trimmed);
    diagnostics.append(check.diagnostics, |d| d.shifted(offset));
    let config = check
        .parts
        .map(|parts| WebhookConfig::from_url(trimmed, parts));
    let secrets = url_secrets(trimmed, config.as_ref())
        .into_iter()
        .map(|s| s.shifted(offset))
        .collect();
    Field {
        config,
        root: None,
        secrets,
    }
}

fn check_json<'t>(text: &'t str, product: Product, diagnostics: &mut Diagnostics) -> Field<'t> {
    let parsed = json::parse(text);
    diagnostics.append(parsed.diagnostics, |d| d);
    let Some(root) = parsed.root else {
        return Field {
            config: None,
            root: None,
            secrets: Vec::new(),
        };
    };
    let config = match &root.value {
        NodeValue::Object(members) => {
            advanced_form::check_object(members, &root, text, product, diagnostics)
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
    };
    let secrets = secret_spans(text, &root, config.as_ref());
    Field {
        config,
        root: Some(root),
        secrets,
    }
}

/// The credential spans of a URL (its user info, secret query values and destination
/// tokens): as the checked webhook read it, or, when the URL did not pass its check, as
/// far as it can be read.
fn url_secrets(url: &str, config: Option<&WebhookConfig>) -> Vec<Span> {
    match config.map(|c| &c.target) {
        Some(Target::Http { reading, .. }) => reading.secrets.clone(),
        _ => url_secret_spans(url),
    }
}

/// The spans of the advanced form's credentials, read from its parsed tree: secret-looking
/// header values and SNS secret keys (whole string tokens, quotes included), the credential
/// parts of the URL and of the body (`routing_key`), without quotes. A URL written with
/// escapes goes whole when it holds a credential (its offsets differ from the text's).
fn secret_spans(text: &str, root: &Node, config: Option<&WebhookConfig>) -> Vec<Span> {
    let mut out = Vec::new();
    let NodeValue::Object(members) = &root.value else {
        return out;
    };
    // JavaScript keeps the last of repeated keys: the config's URL is the last `url`.
    let last_url = members.iter().rposition(|m| m.key == "url");
    for (i, member) in members.iter().enumerate() {
        match &*member.key {
            key if secrets::SECRET_KEYS.contains(&key) && member.value.as_str().is_some() => {
                out.push(member.value.span);
            }
            "url" => {
                let Some(url) = member.value.as_str() else {
                    continue;
                };
                let spans = url_secrets(url, config.filter(|_| Some(i) == last_url));
                if member.value.is_verbatim_string(text) {
                    let at = member.value.span.start + 1;
                    out.extend(spans.into_iter().map(|s| s.shifted(at)));
                } else if !spans.is_empty() {
                    out.push(member.value.span);
                }
            }
            "body" => {
                for field in member.value.as_object().unwrap_or_default() {
                    let span = field.value.span;
                    if SECRET_BODY_KEYS.contains(&&*field.key)
                        && field.value.is_verbatim_string(text)
                        && span.len() > 2
                    {
                        out.push(Span::new(span.start + 1, span.end - 1));
                    }
                }
            }
            "headers" => {
                for header in member.value.as_object().unwrap_or_default() {
                    if secrets::is_secret_header(&header.key) && header.value.as_str().is_some() {
                        out.push(header.value.span);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Nothing but white space.
pub fn empty_input(text: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::EmptyInput,
        Span::new(0, text.len()),
        "There is nothing to check.",
    )
    .with_help("Paste the webhook URL, or a JSON object such as {\"url\": \"https://…\"}.")
}
