//! One-click fixes that give a config the destination accepts, as ordinary [`Fix`]es.
//!
//! A fix edits the webhook field's text as a person would: it turns a bare URL into the
//! advanced form, sets or replaces one member (`format`, `body`, a header), removes
//! members that would undo it (a `fieldname`, a json/text `format` around a new body) and
//! keeps everything else byte for byte. The [`Fix`] covers only the bytes that change.

use super::recognise::{recognise, Endpoint, UrlPieces};
use crate::diagnostic::Fix;
use crate::span::Span;
use crate::syntax::json::stringify::write_string;
use crate::syntax::json::{self, Json, Member};
use crate::webhook::{Format, Target, WebhookConfig};

use super::rules::Part;

/// What cures a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cure {
    /// A `text` message: `"format": "json/text"`, or `text` added to the body template.
    Text,
    /// A Discord `{"content": …}` body, or the `/slack` endpoint for json/text.
    DiscordContent,
    /// A Google Chat `{"text": …}` body.
    GoogleChatText,
    /// A Teams Workflows Adaptive Card body.
    TeamsCard,
    /// A PagerDuty Events v2 body, with a placeholder routing key.
    PagerDuty,
    /// An Opsgenie body and `Authorization: GenieKey` header, with a placeholder key.
    Opsgenie,
    /// A Datadog event body and `DD-API-KEY` header, with a placeholder key.
    Datadog,
}

/// The placeholder keys the fixes write: the person replaces them with their own.
pub const PAGERDUTY_KEY_PLACEHOLDER: &str = "YOUR_PAGERDUTY_ROUTING_KEY";
pub const OPSGENIE_KEY_PLACEHOLDER: &str = "GenieKey YOUR_OPSGENIE_API_KEY";
pub const DATADOG_KEY_PLACEHOLDER: &str = "YOUR_DATADOG_API_KEY";

/// The message line every template writes: the test, its result and a link to the run.
const TEXT_TEMPLATE: &str =
    "testRTC: <% this.testName %> finished with status <% this.status %>. <% this.resultUrl %>";

/// The body template a cure writes, as JSON.
pub fn template(cure: Cure) -> Json {
    let s = Json::string;
    match cure {
        Cure::Text | Cure::GoogleChatText => Json::object([("text", s(TEXT_TEMPLATE))]),
        Cure::DiscordContent => Json::object([(
            "content",
            s("**testRTC: <% this.testName %>** finished with status **<% this.status %>**\n<% this.resultUrl %>"),
        )]),
        Cure::TeamsCard => Json::object([
            ("type", s("message")),
            (
                "attachments",
                Json::Array(vec![Json::object([
                    ("contentType", s("application/vnd.microsoft.card.adaptive")),
                    ("contentUrl", Json::Null),
                    (
                        "content",
                        Json::object([
                            ("$schema", s("http://adaptivecards.io/schemas/adaptive-card.json")),
                            ("type", s("AdaptiveCard")),
                            ("version", s("1.4")),
                            (
                                "body",
                                Json::Array(vec![
                                    Json::object([
                                        ("type", s("TextBlock")),
                                        ("size", s("Medium")),
                                        ("weight", s("Bolder")),
                                        ("text", s("testRTC: <% this.testName %>")),
                                    ]),
                                    Json::object([
                                        ("type", s("TextBlock")),
                                        ("text", s("Finished with status <% this.status %>.")),
                                        ("wrap", Json::Bool(true)),
                                    ]),
                                ]),
                            ),
                            (
                                "actions",
                                Json::Array(vec![Json::object([
                                    ("type", s("Action.OpenUrl")),
                                    ("title", s("Open the run")),
                                    ("url", s("<% this.resultUrl %>")),
                                ])]),
                            ),
                        ]),
                    ),
                ])]),
            ),
        ]),
        Cure::PagerDuty => Json::object([
            ("routing_key", s(PAGERDUTY_KEY_PLACEHOLDER)),
            ("event_action", s("trigger")),
            ("dedup_key", s("<% this.testRunId %>")),
            (
                "payload",
                Json::object([
                    (
                        "summary",
                        s("testRTC: <% this.testName %> finished with status <% this.status %>"),
                    ),
                    ("source", s("testRTC")),
                    ("severity", s("error")),
                    ("custom_details", Json::object([("run", s("<% this.resultUrl %>"))])),
                ]),
            ),
            (
                "links",
                Json::Array(vec![Json::object([
                    ("href", s("<% this.resultUrl %>")),
                    ("text", s("testRTC run")),
                ])]),
            ),
        ]),
        Cure::Opsgenie => Json::object([
            (
                "message",
                s("testRTC: <% this.testName %> finished with status <% this.status %>"),
            ),
            ("alias", s("<% this.testRunId %>")),
            ("description", s("<% this.resultUrl %>")),
            ("source", s("testRTC")),
            ("priority", s("P3")),
        ]),
        Cure::Datadog => Json::object([
            ("title", s("testRTC: <% this.testName %>")),
            ("text", s("Finished with status <% this.status %>. <% this.resultUrl %>")),
            ("alert_type", s("info")),
            ("source_type_name", s("testRTC")),
        ]),
    }
}

/// Where a finding's diagnostic points in the webhook field's text.
pub struct Places {
    url: Span,
    body: Option<Span>,
    format: Option<Span>,
    headers: Option<Span>,
}

impl Places {
    /// The places of `text`: member values of the advanced form, or the bare URL.
    pub fn of(text: &str) -> Places {
        let start = text.len() - text.trim_start().len();
        let whole = Span::new(start, start + text.trim().len());
        let parsed = json::parse(text);
        let members = parsed.root.as_ref().and_then(|r| r.as_object());
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

    pub fn span(&self, part: Part) -> Span {
        match part {
            Part::Url => self.url,
            Part::Body => self.body.or(self.format).unwrap_or(self.url),
            Part::Headers => self.headers.unwrap_or(self.url),
        }
    }
}

/// The fix for `cure` on the webhook field's `text`, whose checked config is `config`.
pub fn fix(text: &str, config: &WebhookConfig, cure: Cure) -> Option<Fix> {
    let Target::Http { url, .. } = &config.target else {
        return None;
    };
    let (title, fixed) = fixed_text(text, config, url, cure)?;
    Some(minimal(text, &fixed, title))
}

fn fixed_text(
    text: &str,
    config: &WebhookConfig,
    url: &str,
    cure: Cure,
) -> Option<(&'static str, String)> {
    let form = as_form(text);
    let found = recognise(url);
    match cure {
        Cure::Text if config.body.is_some() && config.format != Format::JsonText => Some((
            "Add a `text` to the body",
            set_member(&form, &["body"], "text", &quoted(TEXT_TEMPLATE))?,
        )),
        Cure::Text => Some((
            "Use \"format\": \"json/text\"",
            set_member(&form, &[], "format", "\"json/text\"")?,
        )),
        Cure::DiscordContent
            if config.format == Format::JsonText
                && config.body.is_none()
                && found.is_some_and(|f| f.endpoint == Endpoint::Main) =>
        {
            Some((
                "Send to Discord's Slack-compatible `/slack` endpoint",
                set_member(&form, &[], "url", &quoted(&with_slack_suffix(url)?))?,
            ))
        }
        Cure::DiscordContent => Some((
            "Use a Discord {\"content\": …} body",
            new_body(&form, cure)?,
        )),
        Cure::GoogleChatText => Some((
            "Use a Google Chat {\"text\": …} body",
            new_body(&form, cure)?,
        )),
        Cure::TeamsCard => Some(("Use an Adaptive Card body", new_body(&form, cure)?)),
        Cure::PagerDuty => Some((
            "Use a PagerDuty Events v2 body (fill in your routing key)",
            new_body(&form, cure)?,
        )),
        Cure::Opsgenie => {
            let mut fixed = form.clone();
            if !has_message(config) {
                fixed = new_body(&fixed, cure)?;
            }
            let has_key = config.headers.iter().any(|(n, v)| {
                n.eq_ignore_ascii_case("authorization")
                    && v.get(..9)
                        .is_some_and(|p| p.eq_ignore_ascii_case("GenieKey "))
            });
            if !has_key {
                fixed = set_header(&fixed, "Authorization", OPSGENIE_KEY_PLACEHOLDER)?;
            }
            Some((
                "Use an Opsgenie alert body and GenieKey header (fill in your key)",
                fixed,
            ))
        }
        Cure::Datadog => {
            let mut fixed = new_body(&form, cure)?;
            if !config
                .headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case("DD-API-KEY"))
            {
                fixed = set_header(&fixed, "DD-API-KEY", DATADOG_KEY_PLACEHOLDER)?;
            }
            Some((
                "Use a Datadog event body and DD-API-KEY header (fill in your key)",
                fixed,
            ))
        }
    }
}

fn has_message(config: &WebhookConfig) -> bool {
    config.format == Format::JsonObject
        && config.fieldname.is_none()
        && matches!(
            config
                .body
                .as_ref()
                .and_then(|b| super::rules::get(b.json(), "message")),
            Some(Json::String(_))
        )
}

fn quoted(text: &str) -> String {
    let mut out = String::new();
    write_string(&mut out, text);
    out
}

/// The URL with `/slack` after its path (Discord's Slack-compatible endpoint).
fn with_slack_suffix(url: &str) -> Option<String> {
    let pieces = UrlPieces::of(url)?;
    let end = pieces.path.end;
    let path = pieces.path.slice(url).trim_end_matches('/');
    let start = pieces.path.start;
    Some(format!("{}{path}/slack{}", &url[..start], &url[end..]))
}

/// The text as an advanced-form object: a bare URL becomes `{"url": "…"}`.
fn as_form(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.starts_with('{') {
        return text.to_string();
    }
    let start = text.len() - text.trim_start().len();
    format!(
        "{}{{\"url\": {}}}{}",
        &text[..start],
        quoted(trimmed),
        &text[start + trimmed.len()..]
    )
}

/// The form with `body` set to the cure's template, and the members that would wrap or
/// restringify it (`format` other than json/object, `fieldname`) removed.
fn new_body(form: &str, cure: Cure) -> Option<String> {
    let template = template(cure);
    let mut fixed = form.to_string();
    if let Some(format) = top_member(&fixed, "format") {
        if format != "\"json/object\"" {
            fixed = remove_member(&fixed, "format")?;
        }
    }
    if top_member(&fixed, "fieldname").is_some() {
        fixed = remove_member(&fixed, "fieldname")?;
    }
    let multi_line = fixed.contains('\n');
    let value = if multi_line {
        template.to_pretty()
    } else {
        template.to_compact()
    };
    set_member(&fixed, &[], "body", &value)
}

/// The source text of a top-level member's value.
fn top_member(text: &str, key: &str) -> Option<String> {
    let parsed = json::parse(text);
    let root = parsed.root?;
    let member = root.as_object()?.iter().rev().find(|m| m.key == key)?;
    Some(member.value.span.slice(text).to_string())
}

/// Sets a header, replacing one of the same name in any case.
fn set_header(text: &str, name: &str, value: &str) -> Option<String> {
    let parsed = json::parse(text);
    let root = parsed.root?;
    let existing = root
        .as_object()?
        .iter()
        .rev()
        .find(|m| m.key == "headers")
        .and_then(|h| h.value.as_object())
        .and_then(|headers| headers.iter().find(|h| h.key.eq_ignore_ascii_case(name)))
        .map(|h| h.key.to_string());
    let key = existing.unwrap_or_else(|| name.to_string());
    set_member(text, &["headers"], &key, &quoted(value))
}

/// `text` with the member `key` of the object at `path` (keys from the root) set to the
/// JSON text `value`: replaced when present, added after the last member otherwise;
/// objects missing along the path are created.
pub fn set_member(text: &str, path: &[&str], key: &str, value: &str) -> Option<String> {
    let parsed = json::parse(text);
    let root = parsed.root?;
    let mut object = &root;
    for (depth, step) in path.iter().enumerate() {
        let members = object.as_object()?;
        match members.iter().rev().find(|m| m.key == *step) {
            Some(member) if member.value.as_object().is_some() => object = &member.value,
            Some(_) => return None,
            None => {
                // Create the rest of the path around the member.
                let mut inner = format!("{{{}: {value}}}", quoted(key));
                for step in path[depth + 1..].iter().rev() {
                    inner = format!("{{{}: {inner}}}", quoted(step));
                }
                return set_member(text, &path[..depth], step, &inner);
            }
        }
    }
    let members = object.as_object()?;
    if let Some(member) = members.iter().rev().find(|m| m.key == key) {
        let indent = indentation(text, member.key_span.start);
        let value = value.replace('\n', &format!("\n{indent}"));
        return Some(splice(text, member.value.span, &value));
    }
    let key_text = quoted(key);
    match members.last() {
        Some(last) => {
            let multi_line = text[object.span.start..last.key_span.start].contains('\n');
            let indent = indentation(text, last.key_span.start);
            let (separator, value) = if multi_line {
                (
                    format!(",\n{indent}"),
                    value.replace('\n', &format!("\n{indent}")),
                )
            } else {
                (", ".to_string(), value.to_string())
            };
            let at = last.value.span.end;
            Some(splice(
                text,
                Span::point(at),
                &format!("{separator}{key_text}: {value}"),
            ))
        }
        None => {
            // `{}`: the member goes between the braces.
            let at = object.span.start + 1;
            Some(splice(
                text,
                Span::new(at, object.span.end - 1),
                &format!("{key_text}: {value}"),
            ))
        }
    }
}

/// `text` without the top-level member `key` (and its comma).
fn remove_member(text: &str, key: &str) -> Option<String> {
    let parsed = json::parse(text);
    let root = parsed.root?;
    let members: &[Member] = root.as_object()?;
    let at = members.iter().rposition(|m| m.key == key)?;
    let member = &members[at];
    let span = match (at.checked_sub(1).map(|i| &members[i]), members.get(at + 1)) {
        (_, Some(next)) => Span::new(member.key_span.start, next.key_span.start),
        (Some(previous), None) => Span::new(previous.value.span.end, member.value.span.end),
        (None, None) => Span::new(member.key_span.start, member.value.span.end),
    };
    Some(splice(text, span, ""))
}

/// The white space that starts the line holding `at`.
fn indentation(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

fn splice(text: &str, span: Span, with: &str) -> String {
    format!("{}{with}{}", &text[..span.start], &text[span.end..])
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
