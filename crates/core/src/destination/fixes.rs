//! One-click fixes that give a config the destination accepts, as ordinary [`Fix`]es.
//!
//! A fix edits the webhook field's text as a person would: it turns a bare URL into the
//! advanced form, sets or replaces members (`format`, `body`, a header), removes the members
//! that would undo them (a `fieldname`, a `format` that would wrap a new body) and keeps
//! everything else byte for byte. The edits are planned on the tree the pipeline parsed, all
//! at once, and the [`Fix`] covers only the bytes that change.

use crate::catalog::{Cure, Endpoint, Recognised, MESSAGE_TEMPLATE};
use crate::diagnostic::Fix;
use crate::product::Product;
use crate::span::Span;
use crate::syntax::json::stringify::write_string;
use crate::syntax::json::{self, Json, Member, Node};
use crate::syntax::url::UrlPieces;
use crate::webhook::{Format, Target, WebhookConfig};

/// The fix the endpoint's cure gives the webhook field's `text`, whose checked config is
/// `config`; `root` is the advanced form's object as parsed (`None` for a bare URL).
/// `body_refused`: whether the body itself is refused (else only headers are missing, and
/// the person's body stays). A cure that writes a body template is offered only for a
/// product whose templates testRTC documents (its templates read testingRTC's variables).
pub fn fix(
    text: &str,
    root: Option<&Node>,
    config: &WebhookConfig,
    found: Recognised,
    product: Product,
    body_refused: bool,
) -> Option<Fix> {
    let Target::Http { url, parts, .. } = &config.target else {
        return None;
    };
    let endpoint = found.endpoint();
    let cure = endpoint.cure?;
    let (title, plan) = plan(*cure, endpoint, config, (url, parts.pieces), body_refused)?;
    let writes_template = (plan.set.iter().any(|(key, _)| *key == "body"))
        || plan.set_inside.iter().any(|(key, _, _)| *key == "body");
    if writes_template && !product.templates_documented() {
        return None;
    }
    let fixed = match root {
        Some(root) => apply(text, &plan.edits(text, root)?),
        None => bare_url_form(text, &plan),
    };
    Some(minimal(text, &fixed, title))
}

/// What a cure changes, in terms of members.
#[derive(Default)]
struct Plan {
    /// Top-level members to set.
    set: Vec<(&'static str, Json)>,
    /// Top-level members to remove.
    remove: Vec<&'static str>,
    /// Members to set inside a top-level object member (`body`, `headers`), created when
    /// absent; a key of another case in the object is replaced under its own spelling.
    set_inside: Vec<(&'static str, &'static str, Json)>,
}

fn plan(
    cure: Cure,
    endpoint: &Endpoint,
    config: &WebhookConfig,
    url: (&str, UrlPieces),
    body_refused: bool,
) -> Option<(&'static str, Plan)> {
    let mut plan = Plan::default();
    match cure {
        Cure::JsonText if config.body.is_some() && config.format != Format::JsonText => {
            plan.set_inside
                .push(("body", "text", Json::string(MESSAGE_TEMPLATE)));
            Some(("Add a `text` to the body", plan))
        }
        Cure::JsonText => {
            plan.set.push(("format", Json::string("json/text")));
            Some(("Use \"format\": \"json/text\"", plan))
        }
        Cure::Body {
            json_text_route: Some(route),
            ..
        } if config.format == Format::JsonText && config.body.is_none() => {
            plan.set
                .push(("url", Json::String(with_path_suffix(url, route.suffix))));
            Some((route.title, plan))
        }
        Cure::Body { title, body, .. } => {
            if body_refused {
                if config.format != Format::JsonObject {
                    plan.remove.push("format");
                }
                if config.fieldname.is_some() {
                    plan.remove.push("fieldname");
                }
                // The catalog's template: data of this crate, read once per fix.
                plan.set.push(("body", json::read(body)?));
            }
            for header in endpoint.headers {
                let present = (config.headers.iter()).any(|(name, value)| {
                    name.eq_ignore_ascii_case(header.name) && header.is_met_by(value)
                });
                if !present {
                    plan.set_inside.push((
                        "headers",
                        header.name,
                        Json::string(header.placeholder),
                    ));
                }
            }
            Some((title, plan))
        }
    }
}

fn quoted(text: &str) -> String {
    let mut out = String::new();
    write_string(&mut out, text);
    out
}

/// The URL (with its pieces) with `suffix` after its path (Discord's Slack-compatible
/// `/slack`).
fn with_path_suffix((url, pieces): (&str, UrlPieces), suffix: &str) -> String {
    let path = pieces.path.slice(url).trim_end_matches('/');
    format!(
        "{}{path}{suffix}{}",
        &url[..pieces.path.start],
        &url[pieces.path.end..]
    )
}

/// A bare URL as the advanced form with the plan's members, on one line:
/// `{"url": "…", "format": "json/text"}`.
fn bare_url_form(text: &str, plan: &Plan) -> String {
    let trimmed = text.trim();
    let start = text.len() - text.trim_start().len();
    let mut members = vec![("url", Json::string(trimmed))];
    for (key, value) in &plan.set {
        match members.iter_mut().find(|(k, _)| k == key) {
            Some(member) => member.1 = value.clone(),
            None => members.push((key, value.clone())),
        }
    }
    for (object, key, value) in &plan.set_inside {
        members.push((object, Json::object([(*key, value.clone())])));
    }
    let members: Vec<String> = members
        .iter()
        .map(|(key, value)| format!("{}: {}", quoted(key), value.to_compact()))
        .collect();
    format!(
        "{}{{{}}}{}",
        &text[..start],
        members.join(", "),
        &text[start + trimmed.len()..]
    )
}

impl Plan {
    /// The plan as edits of `text`, whose parsed advanced form is `root`.
    fn edits(&self, text: &str, root: &Node) -> Option<Vec<(Span, String)>> {
        let members = root.as_object()?;
        let mut set: Vec<(String, Json)> = (self.set.iter())
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        let mut edits = Vec::new();
        for (object, key, value) in &self.set_inside {
            let inner = (members.iter().rev())
                .find(|m| m.key == *object)
                .filter(|m| m.value.as_object().is_some());
            match inner {
                Some(member) => {
                    let spelled = (member.value.as_object()?.iter())
                        .find(|m| m.key.eq_ignore_ascii_case(key))
                        .map_or_else(|| key.to_string(), |m| m.key.to_string());
                    edits.extend(object_edits(
                        text,
                        &member.value,
                        &[(spelled, value.clone())],
                        &[],
                    )?);
                }
                None => set.push((object.to_string(), Json::object([(*key, value.clone())]))),
            }
        }
        edits.extend(object_edits(text, root, &set, &self.remove)?);
        Some(edits)
    }
}

/// The edits that set `set` and remove `remove` among the members of `object`, in the
/// object's layout: one line, or a member a line.
fn object_edits(
    text: &str,
    object: &Node,
    set: &[(String, Json)],
    remove: &[&str],
) -> Option<Vec<(Span, String)>> {
    let members: &[Member] = object.as_object()?;
    let removed: Vec<bool> = members.iter().map(|m| remove.contains(&&*m.key)).collect();
    let mut edits = Vec::new();
    // Each run of removed members goes with the separator on one side.
    let mut at = 0;
    while at < members.len() {
        if !removed[at] {
            at += 1;
            continue;
        }
        let first = at;
        while at < members.len() && removed[at] {
            at += 1;
        }
        let span = match (members.get(at), first.checked_sub(1).map(|i| &members[i])) {
            (Some(next), _) => Span::new(members[first].key_span.start, next.key_span.start),
            (None, Some(previous)) => {
                Span::new(previous.value.span.end, members[at - 1].value.span.end)
            }
            (None, None) => Span::new(
                members[first].key_span.start,
                members[at - 1].value.span.end,
            ),
        };
        edits.push((span, String::new()));
    }
    let kept: Vec<&Member> = (members.iter().zip(&removed))
        .filter(|(_, removed)| !**removed)
        .map(|(m, _)| m)
        .collect();
    let multi_line = kept
        .last()
        .is_some_and(|last| text[object.span.start..last.key_span.start].contains('\n'));
    let written = |value: &Json, indent: &str| {
        if multi_line {
            value.to_pretty().replace('\n', &format!("\n{indent}"))
        } else {
            value.to_compact()
        }
    };
    let mut inserted = String::new();
    for (key, value) in set {
        match kept.iter().rev().find(|m| m.key == *key) {
            Some(member) => {
                let indent = indentation(text, member.key_span.start);
                edits.push((member.value.span, written(value, &indent)));
            }
            None => match kept.last() {
                Some(last) if multi_line => {
                    let indent = indentation(text, last.key_span.start);
                    inserted.push_str(&format!(
                        ",\n{indent}{}: {}",
                        quoted(key),
                        written(value, &indent)
                    ));
                }
                Some(_) => inserted.push_str(&format!(", {}: {}", quoted(key), value.to_compact())),
                None => {
                    if !inserted.is_empty() {
                        inserted.push_str(", ");
                    }
                    inserted.push_str(&format!("{}: {}", quoted(key), value.to_compact()));
                }
            },
        }
    }
    if !inserted.is_empty() {
        let at = kept
            .last()
            .map_or(object.span.start + 1, |last| last.value.span.end);
        edits.push((Span::point(at), inserted));
    }
    Some(edits)
}

/// `text` with the edits made; edits are apart, and an insertion at a removal's start goes
/// before it.
fn apply(text: &str, edits: &[(Span, String)]) -> String {
    let mut edits: Vec<&(Span, String)> = edits.iter().collect();
    crate::sort::sort_by_key(&mut edits, |(span, _)| {
        [span.start as u64, span.end as u64, 0]
    });
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (span, replacement) in edits {
        if span.start < at {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(replacement);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The white space that starts the line holding `at`.
fn indentation(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// A fix from `before` to `after` covering only the bytes between their common prefix and
/// common suffix (on character boundaries).
fn minimal(before: &str, after: &str, title: &str) -> Fix {
    let prefix = before
        .char_indices()
        .zip(after.chars())
        .find(|((_, a), b)| a != b)
        .map_or(before.len().min(after.len()), |((i, _), _)| i);
    let prefix = (0..=prefix)
        .rev()
        .find(|&i| before.is_char_boundary(i) && after.is_char_boundary(i))
        .unwrap_or(0);
    let mut suffix = 0;
    for (a, b) in before[prefix..]
        .chars()
        .rev()
        .zip(after[prefix..].chars().rev())
    {
        if a != b {
            break;
        }
        suffix += a.len_utf8();
    }
    let suffix = suffix.min(before.len() - prefix).min(after.len() - prefix);
    Fix::new(
        title,
        Span::new(prefix, before.len() - suffix),
        &after[prefix..after.len() - suffix],
    )
}
