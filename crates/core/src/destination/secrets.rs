//! The credentials inside a webhook URL and body (docs/destinations.md §3.6).
//!
//! Anyone holding a Slack or Discord webhook URL can post to the channel (and, for Discord,
//! delete the webhook), so the URL's token parts are secrets, treated like secret headers:
//! masked in the preview and the curl command until revealed, and kept out of share links
//! and remembered input unless the person opts in.

use std::borrow::Cow;

use super::recognise::{recognise, DestinationId, Endpoint, UrlPieces};
use crate::span::Span;
use crate::syntax::json::{self, NodeValue};

/// Query parameters that carry a credential, whatever the host (compared without case).
pub const SECRET_QUERY_NAMES: [&str; 8] = [
    "token",
    "sig",
    "key",
    "api_key",
    "apikey",
    "code",
    "secret",
    "access_token",
];

/// Top-level body keys that carry a credential (PagerDuty's `routing_key`, and the
/// generic names).
pub const SECRET_BODY_KEYS: [&str; 6] = [
    "routing_key",
    "token",
    "secret",
    "api_key",
    "apikey",
    "access_token",
];

/// What a masked part shows.
pub const MASK: &str = "••••••••";

/// What a removed part becomes in share links and remembered input: a word the reader
/// sees as a placeholder to fill in, which keeps the URL's shape (and its destination).
pub const PLACEHOLDER: &str = "SECRET";

/// The spans of `url` that are credentials, sorted, not overlapping: the user info
/// (`user:pass@`), secret query values, and the token parts of recognised destinations.
pub fn url_secret_spans(url: &str) -> Vec<Span> {
    let Some(pieces) = UrlPieces::of(url) else {
        return Vec::new();
    };
    let mut spans = Vec::new();
    // `user:pass`, without the `@`: the mask keeps the URL's shape.
    if let Some(userinfo) = pieces.userinfo.filter(|s| s.len() > 1) {
        spans.push(Span::new(userinfo.start, userinfo.end - 1));
    }
    if let Some(found) = recognise(url) {
        let segments = pieces.segments(url);
        // Everything after the first `skip` segments.
        let after = |skip: usize| -> Option<Span> {
            let first = segments.get(skip)?;
            Some(Span::new(first.1.start, pieces.path.end))
        };
        use DestinationId as D;
        let token = match found.id {
            D::Slack | D::SlackWorkflow => after(1),
            D::Discord => {
                // The token follows the numeric id after `webhooks`.
                let at = segments.iter().position(|(s, _)| *s == "webhooks");
                at.and_then(|at| segments.get(at + 2))
                    .map(|(_, span)| *span)
            }
            D::TeamsConnector => after(1),
            D::Mattermost | D::RocketChat => after(1),
            D::PagerDuty if found.endpoint == Endpoint::PagerDutyIntegration => {
                segments.get(1).map(|(_, span)| *span)
            }
            D::Zapier => after(2),
            D::Make | D::WebhookSite => after(0),
            D::Pipedream | D::Beeceptor => {
                // The endpoint id is the host's first label.
                let host = pieces.host.slice(url);
                host.find('.')
                    .map(|dot| Span::new(pieces.host.start, pieces.host.start + dot))
            }
            _ => None,
        };
        spans.extend(token.filter(|s| !s.is_empty()));
    }
    for (name, value) in pieces.query_pairs(url) {
        if !value.is_empty()
            && SECRET_QUERY_NAMES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name))
        {
            spans.push(value);
        }
    }
    // core's one sort: std's `sort_by_key` would compile another driftsort into the wasm.
    crate::sort::sort_by_key(&mut spans, |s| [s.start as u64, s.end as u64, 0]);
    spans.dedup_by(|later, earlier| later.start < earlier.end);
    spans
}

/// The spans of secret values in a JSON body: the inside of the string value of each
/// top-level [`SECRET_BODY_KEYS`] member (without its quotes), sorted.
pub fn body_secret_spans(body: &str) -> Vec<Span> {
    // Most bodies hold none of the keys: no need to parse them.
    if !SECRET_BODY_KEYS.iter().any(|key| body.contains(key)) {
        return Vec::new();
    }
    let Some(root) = json::parse(body).root else {
        return Vec::new();
    };
    let NodeValue::Object(members) = &root.value else {
        return Vec::new();
    };
    members
        .iter()
        .filter(|m| SECRET_BODY_KEYS.contains(&&*m.key))
        .filter(|m| matches!(m.value.value, NodeValue::String(_)) && m.value.span.len() > 2)
        .map(|m| Span::new(m.value.span.start + 1, m.value.span.end - 1))
        .collect()
}

/// `text` with each span replaced by `with`. Spans must be sorted and within `text`.
pub fn replace_spans<'t>(text: &'t str, spans: &[Span], with: &str) -> Cow<'t, str> {
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        if span.start < at || text.get(span.start..span.end).is_none() {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(with);
        at = span.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// The URL as the preview shows it before the secrets are revealed.
pub fn masked_url(url: &str) -> Cow<'_, str> {
    replace_spans(url, &url_secret_spans(url), MASK)
}

/// The body as the preview shows it before the secrets are revealed.
pub fn masked_body(body: &str) -> Cow<'_, str> {
    replace_spans(body, &body_secret_spans(body), MASK)
}

/// Whether the request's URL or body holds a credential that the preview masks.
pub fn request_has_secrets(request: &crate::render::request::Request) -> bool {
    !url_secret_spans(&request.url).is_empty() || !body_secret_spans(&request.body).is_empty()
}

/// The request's pretty-printed body with its credentials masked.
pub fn masked_pretty_body(request: &crate::render::request::Request) -> String {
    if body_secret_spans(&request.body).is_empty() {
        return request.pretty_body();
    }
    crate::syntax::json::read(&masked_body(&request.body)).map_or_else(
        || masked_body(&request.body).into_owned(),
        |json| json.to_pretty(),
    )
}
