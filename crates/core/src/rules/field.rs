//! The Webhook field (or a `#webhook` value): a bare URL or the advanced form's JSON object.

use super::advanced_form;
use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::product::Product;
use crate::repeats::Diagnostics;
use crate::span::Span;
use crate::syntax::json::{self, Node, NodeValue};
use crate::syntax::url;
use crate::webhook::WebhookConfig;

/// What the field holds, as read.
pub struct Field<'t> {
    /// The checked webhook, when nothing in it is an error.
    pub config: Option<WebhookConfig>,
    /// The advanced form as parsed, for the stages that point into it or edit it; `None`
    /// for a bare URL.
    pub root: Option<Node<'t>>,
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
    Field {
        config: check
            .parts
            .map(|parts| WebhookConfig::from_url(trimmed, parts)),
        root: None,
    }
}

fn check_json<'t>(text: &'t str, product: Product, diagnostics: &mut Diagnostics) -> Field<'t> {
    let parsed = json::parse(text);
    diagnostics.append(parsed.diagnostics, |d| d);
    let Some(root) = parsed.root else {
        return Field {
            config: None,
            root: None,
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
    Field {
        config,
        root: Some(root),
    }
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
