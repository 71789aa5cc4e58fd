//! Preflight prediction: whether the browser sends an `OPTIONS` preflight before the test
//! call and why, which headers a page may not set, and mixed content (after the Fetch
//! standard).

use crate::render::request::{Header, Request};
use crate::rules::headers::is_forbidden_in_browser;
use crate::syntax::url::UrlParts;

/// Whether the browser sends an `OPTIONS` preflight before the call, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preflight {
    pub needed: bool,
    /// The page and the URL share an origin: CORS does not apply at all.
    pub same_origin: bool,
    /// What causes the preflight, in request order, in words: `method PUT`,
    /// `Content-Type application/json`, `Authorization`.
    pub reasons: Vec<String>,
    /// The header names the preflight asks for in `Access-Control-Request-Headers`:
    /// lower-cased, sorted, without duplicates (as the Fetch standard lists them).
    pub request_headers: Vec<String>,
}

impl Preflight {
    /// One sentence for the page, said before sending.
    pub fn summary(&self) -> String {
        if self.same_origin {
            "No preflight: the URL has this page's origin, so CORS does not apply.".into()
        } else if self.needed {
            // A sentence, not a list: the first reasons, then how many more.
            const LISTED: usize = 10;
            let mut reasons = self.reasons[..self.reasons.len().min(LISTED)].join(", ");
            if self.reasons.len() > LISTED {
                reasons.push_str(&format!(" and {} more", self.reasons.len() - LISTED));
            }
            format!(
                "This call will be preflighted because of: {reasons}. The browser first sends OPTIONS and sends the call only if the server allows it."
            )
        } else {
            "No preflight: this is a simple request. The server still has to answer with Access-Control-Allow-Origin for the page to read the reply.".into()
        }
    }
}

/// The CORS-safelisted methods (after the Fetch standard's case normalization).
fn is_safelisted_method(method: &str) -> bool {
    ["GET", "HEAD", "POST"]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(method))
}

/// The Fetch standard's "CORS-unsafe request-header byte".
fn is_cors_unsafe_byte(b: u8) -> bool {
    (b < 0x20 && b != b'\t')
        || matches!(
            b,
            b'"' | b'('
                | b')'
                | b':'
                | b'<'
                | b'>'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'{'
                | b'}'
                | 0x7f
        )
}

/// Content types a page may send without a preflight.
const SAFELISTED_CONTENT_TYPES: [&str; 3] = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
];

/// Why a header is not CORS-safelisted, or `None` when it is.
fn unsafe_reason(name: &str, value: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let value = value.trim_matches([' ', '\t', '\r', '\n']);
    let safelisted_name = matches!(
        lower.as_str(),
        "accept" | "accept-language" | "content-language" | "content-type" | "range"
    );
    if !safelisted_name {
        return Some(name.to_string());
    }
    if value.len() > 128 {
        return Some(format!("{name} (value longer than 128 bytes)"));
    }
    let ok = match lower.as_str() {
        "accept" => !value.bytes().any(is_cors_unsafe_byte),
        "accept-language" | "content-language" => value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" *,-.;=".contains(&b)),
        "content-type" => {
            let essence = crate::rules::headers::media_type_essence(value);
            if !value.bytes().any(is_cors_unsafe_byte)
                && SAFELISTED_CONTENT_TYPES.contains(&essence.as_str())
            {
                true
            } else {
                return Some(format!("{name} {value}"));
            }
        }
        _ => is_simple_range(value),
    };
    (!ok).then(|| format!("{name} (its value needs a preflight)"))
}

/// `bytes=START-[END]`, the only Range a page may send without a preflight.
fn is_simple_range(value: &str) -> bool {
    let Some(range) = value.strip_prefix("bytes=") else {
        return false;
    };
    let Some((start, end)) = range.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(start) || !(end.is_empty() || digits(end)) {
        return false;
    }
    match (start.parse::<u64>(), end.parse::<u64>()) {
        (Ok(start), Ok(end)) => start <= end,
        (Ok(_), Err(_)) => end.is_empty(),
        _ => false,
    }
}

/// Predicts whether `fetch` in `mode: "cors"` from a page at `page_origin` (as
/// `location.origin` writes it, `null` for opaque origins) preflights `request`.
/// Headers the browser drops ([`dropped_headers`]) do not count: they are never sent.
pub fn predict_preflight(request: &Request, page_origin: &str) -> Preflight {
    let same_origin = request
        .url_parts()
        .is_some_and(|parts| parts.origin() == page_origin);
    if same_origin {
        return Preflight {
            same_origin: true,
            ..Preflight::default()
        };
    }
    let mut reasons = Vec::new();
    let mut request_headers: Vec<String> = Vec::new();
    if !is_safelisted_method(&request.method) {
        reasons.push(format!("method {}", request.method));
    }
    // Values of safelisted headers count towards a 1024-byte budget; past it, they need a
    // preflight too.
    let mut safelisted: Vec<&str> = Vec::new();
    let mut safelisted_bytes = 0;
    for header in sent_headers(request) {
        match unsafe_reason(&header.name, &header.value) {
            Some(reason) => {
                reasons.push(reason);
                request_headers.push(header.name.to_ascii_lowercase());
            }
            None => {
                safelisted_bytes += header.value.trim().len();
                safelisted.push(&header.name);
            }
        }
    }
    if safelisted_bytes > 1024 {
        for name in safelisted {
            reasons.push(format!("{name} (safelisted values over 1024 bytes in all)"));
            request_headers.push(name.to_ascii_lowercase());
        }
    }
    request_headers.sort_unstable();
    request_headers.dedup();
    Preflight {
        needed: !reasons.is_empty(),
        same_origin: false,
        reasons,
        request_headers,
    }
}

/// Method-override headers are forbidden when they name a method a page may not use.
fn is_forbidden_method_override(name: &str, value: &str) -> bool {
    let name = name.to_ascii_lowercase();
    matches!(
        name.as_str(),
        "x-http-method" | "x-http-method-override" | "x-method-override"
    ) && value.split(',').any(|m| {
        let m = m.trim();
        ["CONNECT", "TRACE", "TRACK"]
            .iter()
            .any(|f| f.eq_ignore_ascii_case(m))
    })
}

fn is_dropped(name: &str, value: &str) -> bool {
    is_forbidden_in_browser(name) || is_forbidden_method_override(name, value)
}

/// The headers a page may not set (forbidden request headers): testRTC sends them, the
/// browser's test call goes without them. Names as written, in request order.
pub fn dropped_headers(request: &Request) -> Vec<String> {
    request
        .headers
        .iter()
        .filter(|h| is_dropped(&h.name, &h.value))
        .map(|h| h.name.to_string())
        .collect()
}

/// The headers the test call sets: the request's, less the dropped ones.
pub fn sent_headers(request: &Request) -> impl Iterator<Item = &Header> {
    request
        .headers
        .iter()
        .filter(|h| !is_dropped(&h.name, &h.value))
}

/// Whether a page with scheme `page_scheme` (`https` or `https:`) may not fetch `target`:
/// an `http:` URL from an `https:` page is blocked, except for this machine
/// (`localhost`, loopback), which browsers count as potentially trustworthy.
pub fn mixed_content(page_scheme: &str, target: &UrlParts) -> bool {
    page_scheme
        .trim_end_matches(':')
        .eq_ignore_ascii_case("https")
        && target.scheme == "http"
        && !target.is_this_machine()
}

/// The scheme of an origin such as `https://example.com` (`""` for `null`).
pub(super) fn scheme_of(origin: &str) -> &str {
    origin.split_once("://").map_or("", |(scheme, _)| scheme)
}
