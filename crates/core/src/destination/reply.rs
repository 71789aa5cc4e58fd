//! How destinations answer, from the catalog's replies: the answer to a request, for
//! `hookcheck receive --as`, and the meaning of a real answer ([`verdict_of_reply`]): in the
//! destination's terms when one is known, else by its status. The app's send panel (direct
//! or through the relay) and `hookcheck send` all show that one judgement, so that they word
//! a reply the same way.

use super::judge::{judge, Received};
use crate::catalog::{BodyMatch, Cors, Destination, DestinationId, Recognised, Reply};
use crate::syntax::json::stringify::write_escaped;
use crate::syntax::json::Json;

/// An HTTP answer: status, content type and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    /// `None` for an empty body.
    pub content_type: Option<&'static str>,
    pub body: String,
}

impl Answer {
    fn of(reply: &Reply) -> Answer {
        Answer {
            status: reply.status,
            content_type: reply.content_type,
            body: reply.body.to_string(),
        }
    }
}

/// How `id` answers a request with these headers and body: the reply of the first rule it
/// breaks that it refuses, or its answer to an accepted request.
pub fn answer(id: DestinationId, headers: &[(String, String)], body: &[u8]) -> Answer {
    let destination = id.destination();
    let text = String::from_utf8_lossy(body);
    let Some(json) = crate::syntax::json::read_strict(&text) else {
        return Answer::of(
            destination
                .not_json
                .and_then(|key| destination.reply(key))
                .unwrap_or_else(|| destination.accepted()),
        );
    };
    let received = Received {
        headers: headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect(),
        body: &json,
        body_bytes: body.len(),
        described_as: "the body",
    };
    let findings = judge(Recognised::main(id), &received);
    let Some((first, reply)) = findings.iter().find_map(|f| f.reply.map(|r| (f, r))) else {
        return Answer::of(destination.accepted());
    };
    let mut body = reply.body.to_string();
    if let Some(field) = &first.field {
        let mut escaped = String::new();
        write_escaped(&mut escaped, field);
        body = body.replace("{field}", &escaped);
    }
    if body.contains("{errors}") {
        let errors = findings
            .iter()
            .filter(|f| f.reply.is_some_and(|r| r.key == reply.key))
            .flat_map(|f| f.errors.iter().cloned().map(Json::String));
        body = body.replace("{errors}", &Json::Array(errors.collect()).to_compact());
    }
    Answer {
        status: reply.status,
        content_type: reply.content_type,
        body,
    }
}

/// A reply explained in the destination's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// Whether the destination took the message (queued counts as taken).
    pub delivered: bool,
    /// One sentence: "Slack found no text: …".
    pub summary: String,
}

/// What a reply from `id` means, in the destination's terms; `None` when the catalog has
/// nothing to add to the status line.
pub fn explain(id: DestinationId, status: u16, body: &str) -> Option<Explanation> {
    let destination = id.destination();
    let body = body.trim();
    let known = destination.replies.iter().find(|reply| {
        reply.status == status
            && !reply.meaning.is_empty()
            && match reply.matches {
                BodyMatch::Any => true,
                BodyMatch::Is(text) => body == text,
                BodyMatch::Contains(text) => body.contains(text),
            }
    });
    let (delivered, meaning) = match known {
        Some(reply) => (reply.delivered, reply.meaning),
        None if (200..300).contains(&status) => return None,
        None => (false, destination.refused_otherwise?),
    };
    Some(Explanation {
        delivered,
        summary: fill(meaning, status, body),
    })
}

/// A meaning with `{status}`, `{body}` (shortened) and `{json:path}` (a member of the JSON
/// body, or the shortened body without one) filled in.
fn fill(meaning: &str, status: u16, body: &str) -> String {
    if !meaning.contains('{') {
        return meaning.to_string();
    }
    let json = crate::syntax::json::read_strict(body);
    let mut out = String::with_capacity(meaning.len() + 64);
    let mut rest = meaning;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        let value = match name {
            "status" => status.to_string(),
            "body" => short(body),
            _ => match name.strip_prefix("json:") {
                Some(path) => json
                    .as_ref()
                    .and_then(|j| j.at(path))
                    .map_or_else(|| short(body), shown),
                None => String::new(),
            },
        };
        out.push_str(&value);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// A member of a reply as words: a string as it is, an array's items joined by `; `.
fn shown(value: &Json) -> String {
    match value {
        Json::String(s) => short(s),
        Json::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join("; "),
        other => short(&other.to_compact()),
    }
}

/// At most 200 characters of `text`, with `…` where it was cut.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(200).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// What the send panel says before a test call to a destination a page may not reach:
/// why a browser cannot send it (Slack), or that reading the reply may not work.
pub fn browser_send_warning(destination: &Destination) -> Option<&'static str> {
    match destination.cors {
        Cors::RefusesJson => Some(
            "Slack's CORS preflight refuses `Content-Type: application/json`, so a browser cannot send this request: the browser blocks it, not Slack. Copy the curl command and run it in a terminal instead.",
        ),
        Cors::Allows => None,
        Cors::Unknown => Some(
            "Whether this destination lets a browser page read its reply is not known: if the test call fails without a status, use the curl command.",
        ),
    }
}

/// The response header with which `hookcheck receive --as ID` says whom it answers as, so
/// that a reply is explained in that destination's terms.
pub const AS_HEADER: &str = "x-hookcheck-as";

/// The destination that answered a call: the one its request's URL names (`named`, as the
/// pipeline recognised it), or the one a local `hookcheck receive --as ID` answered as.
pub fn replying_destination(
    named: Option<DestinationId>,
    headers: &[(String, String)],
) -> Option<DestinationId> {
    named.or_else(|| {
        headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(AS_HEADER))
            .and_then(|(_, id)| DestinationId::parse(id.trim()))
    })
}

/// Whether a reply means the request arrived, and why, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyVerdict {
    /// The destination that answered, by the URL or `x-hookcheck-as`, when one is known.
    pub destination: Option<DestinationId>,
    /// Whether the destination took the request (queued counts as taken).
    pub arrived: bool,
    /// "Slack found no text: …", "The server refused the request (404 Not Found)."
    pub sentence: String,
}

/// What a reply means, to a request whose URL names `named` (the request's
/// [`destination`](crate::Request::destination), or `None`). A destination's reply is worded
/// in its terms (the catalog's); otherwise, or when the catalog has nothing to add: 2xx
/// arrived, a 3xx is a redirect not followed (naming its `Location`, masked), anything else
/// was refused. `status_text` is the reason phrase ("Not Found"); empty when unknown.
pub fn verdict_of_reply(
    named: Option<DestinationId>,
    headers: &[(String, String)],
    status: u16,
    status_text: &str,
    body: &str,
) -> ReplyVerdict {
    let destination = replying_destination(named, headers);
    if let Some(explained) = destination.and_then(|id| explain(id, status, body)) {
        return ReplyVerdict {
            destination,
            arrived: explained.delivered,
            sentence: explained.summary,
        };
    }
    let who = destination.map_or("The server", DestinationId::short_name);
    let line = format!("{status} {status_text}");
    let line = line.trim_end();
    let (arrived, sentence) = match status {
        200..=299 => (true, format!("{who} accepted the request ({line}).")),
        300..=399 => {
            let to = headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case("location"))
                .map(|(_, to)| format!(" to {}", crate::catalog::recognise::masked_url(to)))
                .unwrap_or_default();
            (
                false,
                format!(
                    "{who} answered {line}, a redirect{to}: hookcheck does not follow it, and \
                     testRTC likely does not either (Node's request library follows only GET \
                     redirects unless told to)."
                ),
            )
        }
        _ => (false, format!("{who} refused the request ({line}).")),
    };
    ReplyVerdict {
        destination,
        arrived,
        sentence,
    }
}
