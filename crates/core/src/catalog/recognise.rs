//! Reading a URL against the catalog: which destination and endpoint it names, and which of
//! its parts are secrets.
//!
//! The host decides: an unknown host is no destination, whatever its path, and a known host
//! with a path of no known shape is none either. The self-hosted tools (Mattermost,
//! Rocket.Chat) run on anyone's host, so they are recognised from the path alone, and only
//! as probable. Unexpected tails after a known shape are accepted where the shape ends in
//! `Rest`: vendors change their URLs.

use super::{DestinationId, Endpoint, Host, Segment, CATALOG};
use crate::ascii::{ends_with_ignoring_case, starts_with_ignoring_case};
use crate::secrets::SECRET_QUERY_NAMES;
use crate::span::Span;
use crate::syntax::url::UrlPieces;

/// A recognised destination: the service and which of its endpoints the URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recognised {
    pub id: DestinationId,
    /// Recognised from the path alone on a host that could be anyone's (self-hosted tools):
    /// "probably Mattermost".
    pub probable: bool,
    /// The index of the endpoint in its destination's list.
    endpoint: usize,
}

impl Recognised {
    /// The endpoint the URL names.
    pub fn endpoint(&self) -> &'static Endpoint {
        &self.id.destination().endpoints[self.endpoint]
    }

    /// The main endpoint of `id` (for a reply read without a URL, as `receive --as` reads).
    pub fn main(id: DestinationId) -> Recognised {
        let destination = id.destination();
        Recognised {
            id,
            probable: false,
            endpoint: destination.endpoints.len() - 1,
        }
    }

    /// "Slack incoming webhook", or "probably Mattermost incoming webhook".
    pub fn label(&self) -> String {
        if self.probable {
            format!("probably {}", self.id.name())
        } else {
            self.id.name().to_string()
        }
    }
}

/// What a URL text says to the catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlReading {
    pub destination: Option<Recognised>,
    /// The spans of the URL that are credentials, sorted and apart: the user info, the
    /// values of secret query parameters, and the token parts of the destination's shape.
    pub secrets: Vec<Span>,
}

/// The destination `url` names, if the catalog knows it.
pub fn recognise(url: &str) -> Option<Recognised> {
    let url = url.trim();
    read_pieces(url, UrlPieces::of(url)?).destination
}

/// The credential spans of `url` (see [`UrlReading::secrets`]).
pub fn url_secret_spans(url: &str) -> Vec<Span> {
    UrlPieces::of(url).map_or_else(Vec::new, |pieces| read_pieces(url, pieces).secrets)
}

/// Reads a URL text already split into `pieces`: the destination and the secrets.
pub fn read_pieces(url: &str, pieces: UrlPieces) -> UrlReading {
    let mut secrets = Vec::new();
    // `user:pass`, without the `@`: the mask keeps the URL's shape.
    if let Some(userinfo) = pieces.userinfo.filter(|s| s.len() > 1) {
        secrets.push(Span::new(userinfo.start, userinfo.end - 1));
    }
    let host = pieces.host.slice(url).trim_end_matches('.');
    let host_span = Span::new(pieces.host.start, pieces.host.start + host.len());
    let segments = pieces.segments(url);
    let destination = find(host, host_span, &segments, pieces.path.end, &mut secrets);
    for (name, value) in pieces.query_pairs(url) {
        if !value.is_empty()
            && SECRET_QUERY_NAMES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name))
        {
            secrets.push(value);
        }
    }
    // core's one sort: std's `sort_by_key` would compile another driftsort into the wasm.
    crate::sort::sort_by_key(&mut secrets, |s| [s.start as u64, s.end as u64, 0]);
    secrets.dedup_by(|later, earlier| later.start < earlier.end);
    UrlReading {
        destination,
        secrets,
    }
}

/// The first endpoint whose host and path match; the self-hosted ones only when the host is
/// none of a known service.
fn find(
    host: &str,
    host_span: Span,
    segments: &[(&str, Span)],
    path_end: usize,
    secrets: &mut Vec<Span>,
) -> Option<Recognised> {
    let mut known_host = false;
    for self_hosted in [false, true] {
        if self_hosted && known_host {
            return None;
        }
        for destination in CATALOG {
            for (index, endpoint) in destination.endpoints.iter().enumerate() {
                if endpoint.is_self_hosted() != self_hosted {
                    continue;
                }
                let Some(host_secret) = matching_host(endpoint, host, host_span) else {
                    continue;
                };
                known_host = true;
                let kept = secrets.len();
                secrets.extend(host_secret);
                if matches(endpoint.path, segments, path_end, secrets) {
                    return Some(Recognised {
                        id: destination.id,
                        probable: self_hosted,
                        endpoint: index,
                    });
                }
                secrets.truncate(kept);
            }
        }
    }
    None
}

/// Whether `host` is one of the endpoint's; with the span of a secret label, if any.
fn matching_host(endpoint: &Endpoint, host: &str, span: Span) -> Option<Option<Span>> {
    endpoint.hosts.iter().find_map(|pattern| match *pattern {
        Host::Is(name) => host.eq_ignore_ascii_case(name).then_some(None),
        Host::Under(name) => is_under(host, name).then_some(None),
        Host::SecretLabelUnder(name) => is_under(host, name).then(|| {
            let label = host.find('.').unwrap_or(host.len());
            Some(Span::new(span.start, span.start + label))
        }),
        Host::Around(prefix, suffix) => (host.len() > prefix.len() + suffix.len()
            && starts_with_ignoring_case(host, prefix)
            && ends_with_ignoring_case(host, suffix))
        .then_some(None),
        Host::Any => Some(None),
    })
}

/// `host` is a name under `name` (not `name` itself).
fn is_under(host: &str, name: &str) -> bool {
    host.len() > name.len() + 1
        && ends_with_ignoring_case(host, name)
        && host.as_bytes()[host.len() - name.len() - 1] == b'.'
}

/// Whether the path's segments match `pattern`, pushing the spans of its secret parts.
fn matches(
    pattern: &[Segment],
    segments: &[(&str, Span)],
    path_end: usize,
    secrets: &mut Vec<Span>,
) -> bool {
    let Some((first, rest)) = pattern.split_first() else {
        return segments.is_empty();
    };
    match first {
        Segment::Rest => true,
        Segment::SecretRest => {
            if let Some((_, span)) = segments.first() {
                secrets.push(Span::new(span.start, path_end));
            }
            true
        }
        Segment::Skip => (0..=segments.len()).any(|skipped| {
            let kept = secrets.len();
            let found = matches(rest, &segments[skipped..], path_end, secrets);
            if !found {
                secrets.truncate(kept);
            }
            found
        }),
        Segment::Optional(inner) => {
            let kept = secrets.len();
            let with = !segments.is_empty()
                && matches(&[**inner], &segments[..1], path_end, secrets)
                && matches(rest, &segments[1..], path_end, secrets);
            if with {
                return true;
            }
            secrets.truncate(kept);
            matches(rest, segments, path_end, secrets)
        }
        single => {
            let Some(((text, span), others)) = segments.split_first() else {
                return false;
            };
            if !is_one(single, text) {
                return false;
            }
            if let Segment::Secret(_) = single {
                secrets.push(*span);
            }
            matches(rest, others, path_end, secrets)
        }
    }
}

/// Whether one segment matches a single-segment pattern.
fn is_one(pattern: &Segment, text: &str) -> bool {
    match *pattern {
        Segment::Is(word) => text.eq_ignore_ascii_case(word),
        Segment::OneOf(words) => words.iter().any(|w| text.eq_ignore_ascii_case(w)),
        Segment::Version => text
            .strip_prefix('v')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        Segment::Digits => !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()),
        Segment::Alphanumeric(len) => {
            text.len() == len && text.bytes().all(|b| b.is_ascii_alphanumeric())
        }
        Segment::Any => true,
        Segment::Secret(inner) | Segment::Optional(inner) => is_one(inner, text),
        Segment::Skip | Segment::Rest | Segment::SecretRest => false,
    }
}

/// The retired service `url` (split into `pieces`) names, if any.
pub fn retired(url: &str, pieces: UrlPieces) -> Option<&'static super::RetiredHost> {
    let host = pieces.host.slice(url).trim_end_matches('.');
    super::RETIRED_HOSTS
        .iter()
        .find(|r| host.eq_ignore_ascii_case(r.host) || is_under(host, r.host))
}

/// `url` with its credential parts masked, as the preview and logs show it. For a URL the
/// pipeline checked, [`Request::masked_url`](crate::Request::masked_url) has the spans
/// already.
pub fn masked_url(url: &str) -> std::borrow::Cow<'_, str> {
    crate::secrets::replace_spans(url, &url_secret_spans(url), crate::secrets::MASK)
}
