//! What the browser's test call can and cannot do, decided without a browser.
//!
//! testRTC calls the webhook server to server. hookcheck's "Send test call" runs `fetch` in
//! a page instead, so browser rules apply that testRTC never meets: CORS preflights,
//! headers a page may not set, mixed content. This module owns those rules (after the
//! Fetch standard), the guard rails that stop a send, and the one failure enum
//! ([`SendFailure`]) with the words the person reads. The wasm layer only gathers facts
//! ([`FetchFacts`]) and calls [`classify`].
//!
//! A failed `fetch` rejects with a bare `TypeError: Failed to fetch` whether CORS blocked
//! it, the port was closed or the name did not resolve. hookcheck tells them apart with a
//! second, harmless probe in `no-cors` mode (a `HEAD` without custom headers, which needs no
//! preflight): if the probe gets any (opaque) answer the host is reachable, so CORS blocked
//! the call; if the probe fails too, nothing answered.

use crate::headers::is_forbidden_in_browser;
use crate::request::{Destination, Request};
use crate::secrets;
use crate::url::{check_url, UrlParts};

/// The timeout of a test call when the person does not choose one.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// The shortest and longest timeouts the person may choose.
pub const TIMEOUT_RANGE_MS: (u32, u32) = (100, 300_000);
/// How long the reachability probe may take before hookcheck gives up on it.
pub const PROBE_TIMEOUT_MS: u32 = 5_000;

// ---- preflight prediction -------------------------------------------------------------------

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
            let essence = crate::headers::media_type_essence(value);
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
    let same_origin = check_url(&request.url)
        .parts
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
pub fn sent_headers<'r, 'c>(
    request: &'r Request<'c>,
) -> impl Iterator<Item = &'r crate::request::Header<'c>> {
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
fn scheme_of(origin: &str) -> &str {
    origin.split_once("://").map_or("", |(scheme, _)| scheme)
}

// ---- guard rails ----------------------------------------------------------------------------

/// Why hookcheck will not send the request at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The input has errors: there is no request to send.
    InvalidInput,
    /// `"provider": "aws-sns"`: a signed AWS call the browser must not make.
    Sns,
    /// `https://user:pass@host/`: `fetch` refuses URLs with credentials.
    CredentialsInUrl,
}

impl Refusal {
    pub fn explain(&self) -> Explanation {
        match self {
            Refusal::InvalidInput => Explanation::new(
                "Fix the errors first",
                "The input has errors, so there is no request to send.",
                "Fix the errors listed above; the Send button comes on when the input is valid.",
            ),
            Refusal::Sns => Explanation::new(
                "SNS is never sent from the browser",
                "An SNS Publish must be signed with AWS Signature Version 4 using your secret access key. A web page must not hold that key, so hookcheck only previews the call.",
                "Check delivery with the AWS CLI (aws sns publish --topic-arn … --message …) from a machine that holds the credentials.",
            ),
            Refusal::CredentialsInUrl => Explanation::new(
                "Browsers will not send a URL with a user name or password",
                "fetch refuses URLs of the form https://user:password@host/.",
                "Send it with the curl command, or move the credentials into an Authorization header.",
            ),
        }
    }
}

/// Whether the test call may go out. `request` is `None` (or `has_errors` true) when the
/// input is invalid; an SNS request is never sent.
pub fn send_guard(request: Option<&Request>, has_errors: bool) -> Result<(), Refusal> {
    let request = match request {
        Some(request) if !has_errors => request,
        _ => return Err(Refusal::InvalidInput),
    };
    if matches!(request.destination, Destination::Sns(_)) {
        return Err(Refusal::Sns);
    }
    if check_url(&request.url)
        .parts
        .is_some_and(|parts| parts.has_credentials)
    {
        return Err(Refusal::CredentialsInUrl);
    }
    Ok(())
}

/// A question to ask before sending credential-looking headers to a host other than this
/// machine (`localhost`, `127.0.0.1`, `::1`); `None` when there is nothing to ask. Names
/// the headers, never their values.
pub fn needs_confirmation(request: &Request) -> Option<String> {
    let parts = check_url(&request.url).parts?;
    if parts.is_this_machine() {
        return None;
    }
    let names: Vec<&str> = sent_headers(request)
        .filter(|h| h.secret || secrets::is_secret_header(&h.name))
        .map(|h| &*h.name)
        .collect();
    if names.is_empty() {
        return None;
    }
    Some(format!(
        "This call sends the real value of {} to {}. Send it?",
        join_words(&names),
        parts.host
    ))
}

/// `a`, `a and b`, `a, b and c`.
fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Reads the timeout field (seconds, decimals allowed) into milliseconds.
pub fn parse_timeout_seconds(text: &str) -> Result<u32, String> {
    let (min, max) = TIMEOUT_RANGE_MS;
    // core's parser, not `str::parse`: the standard one costs the wasm build its tables.
    let seconds = crate::json::number::parse_f64(text.trim())
        .ok_or_else(|| "The timeout is a number of seconds, such as 10 or 2.5.".to_string())?;
    let ms = seconds * 1000.0;
    if !ms.is_finite() || ms < f64::from(min) || ms > f64::from(max) {
        return Err(format!(
            "The timeout must be between {} and {} seconds.",
            exact_seconds(min),
            exact_seconds(max)
        ));
    }
    Ok(ms.round() as u32)
}

// ---- failures -------------------------------------------------------------------------------

/// What the reachability probe found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Probe {
    /// Not sent (mixed content, offline, or the call did not fail at the network level).
    #[default]
    NotRun,
    /// The `no-cors` probe got an (opaque) answer: something listens at the origin.
    Reachable,
    /// The probe failed too: refused, not resolved, or no route.
    Unreachable,
    /// The probe neither answered nor failed in time.
    Inconclusive,
}

/// Whether a probe can tell anything after a failed call: not when the browser blocks the
/// URL outright (mixed content), nor when it is offline and the URL is not this machine.
pub fn probe_helps(page_origin: &str, target: &UrlParts, online: bool) -> bool {
    !mixed_content(scheme_of(page_origin), target) && (online || target.is_this_machine())
}

/// The DOM-free facts the wasm layer gathers about a call that did not produce a response.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FetchFacts {
    /// The person pressed Cancel.
    pub aborted_by_user: bool,
    /// hookcheck's timer aborted the call.
    pub timed_out: bool,
    /// Milliseconds from the start of the call to its end.
    pub elapsed_ms: u32,
    /// The timeout in force.
    pub timeout_ms: u32,
    /// `navigator.onLine`.
    pub online: bool,
    /// `location.origin` of the page.
    pub page_origin: String,
    /// The request's URL, read by core.
    pub target: Option<UrlParts<'static>>,
    /// [`predict_preflight`] for the request.
    pub preflight: Preflight,
    /// The browser refused to build the request (the error's message).
    pub rejected: Option<String>,
    /// What the `no-cors` probe found.
    pub probe: Probe,
    /// The error as the browser reported it (`TypeError: Failed to fetch`), kept for detail.
    pub error: String,
}

/// Every way a test call can fail, each with the words the person reads ([`SendFailure::explain`]).
#[derive(Clone, Debug, PartialEq)]
pub enum SendFailure {
    /// The host answers, but CORS kept the call (or its reply) from the page.
    Cors {
        page_origin: String,
        target_origin: String,
        preflight: Preflight,
    },
    /// An `http:` URL from an `https:` page.
    MixedContent { url: String },
    /// Nothing answered at the URL's origin: refused, not resolved, no route.
    Unreachable {
        target_origin: String,
        this_machine: bool,
    },
    /// The call failed before any reply and hookcheck could not tell why.
    Network { detail: String },
    /// The browser is offline.
    Offline,
    /// No reply within the timeout.
    Timeout { after_ms: u32 },
    /// The person pressed Cancel.
    Cancelled { after_ms: u32 },
    /// The server answered with a status outside 200–299.
    Http { status: u16, status_text: String },
    /// The browser refused to build the request.
    Rejected { message: String },
}

/// What the person reads about a failure or refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub message: String,
    pub what_to_do: String,
}

impl Explanation {
    fn new(
        title: impl Into<String>,
        message: impl Into<String>,
        what_to_do: impl Into<String>,
    ) -> Self {
        Explanation {
            title: title.into(),
            message: message.into(),
            what_to_do: what_to_do.into(),
        }
    }
}

/// Names the failure from the facts of a call that produced no response.
pub fn classify(facts: &FetchFacts) -> SendFailure {
    if facts.aborted_by_user {
        return SendFailure::Cancelled {
            after_ms: facts.elapsed_ms,
        };
    }
    if facts.timed_out {
        return SendFailure::Timeout {
            after_ms: facts.timeout_ms,
        };
    }
    if let Some(message) = &facts.rejected {
        return SendFailure::Rejected {
            message: message.clone(),
        };
    }
    let Some(target) = &facts.target else {
        return SendFailure::Network {
            detail: facts.error.clone(),
        };
    };
    if mixed_content(scheme_of(&facts.page_origin), target) {
        return SendFailure::MixedContent {
            url: target.origin(),
        };
    }
    if !facts.online && !target.is_this_machine() {
        return SendFailure::Offline;
    }
    match facts.probe {
        Probe::Reachable if !facts.preflight.same_origin => SendFailure::Cors {
            page_origin: facts.page_origin.clone(),
            target_origin: target.origin(),
            preflight: facts.preflight.clone(),
        },
        Probe::Unreachable => SendFailure::Unreachable {
            target_origin: target.origin(),
            this_machine: target.is_this_machine(),
        },
        _ => SendFailure::Network {
            detail: facts.error.clone(),
        },
    }
}

/// The failure a response stands for: `None` for 200–299.
pub fn http_failure(status: u16, status_text: &str) -> Option<SendFailure> {
    (!(200..300).contains(&status)).then(|| SendFailure::Http {
        status,
        status_text: status_text.to_string(),
    })
}

/// Why CORS does not matter to testRTC, said in every CORS-related explanation.
const SERVER_TO_SERVER: &str = "testRTC calls your webhook server to server, where CORS does not apply, so this does not mean the webhook is broken.";

/// `ms` in seconds, exactly and without trailing zeros: `0.1`, `2.25`, `300`.
fn exact_seconds(ms: u32) -> String {
    let text = format!("{}.{:03}", ms / 1000, ms % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `850 ms`, `1 s`, `2.5 s`.
fn seconds(ms: u32) -> String {
    // In whole numbers: formatting a float would pull its machinery into the wasm build.
    if ms < 1000 {
        format!("{ms} ms")
    } else if (ms / 1000) * 1000 == ms {
        format!("{} s", ms / 1000)
    } else {
        let tenths = (u64::from(ms) + 50) / 100;
        format!("{}.{} s", tenths / 10, tenths % 10)
    }
}

impl SendFailure {
    /// A stable kebab-case name, for `data-kind` and the history.
    pub const fn kind(&self) -> &'static str {
        match self {
            SendFailure::Cors { .. } => "cors",
            SendFailure::MixedContent { .. } => "mixed-content",
            SendFailure::Unreachable { .. } => "unreachable",
            SendFailure::Network { .. } => "network",
            SendFailure::Offline => "offline",
            SendFailure::Timeout { .. } => "timeout",
            SendFailure::Cancelled { .. } => "cancelled",
            SendFailure::Http { .. } => "http",
            SendFailure::Rejected { .. } => "rejected",
        }
    }

    /// A few words for the history list.
    pub fn short(&self) -> String {
        match self {
            SendFailure::Cors { preflight, .. } if preflight.needed => {
                "blocked by CORS (preflight not allowed)".into()
            }
            SendFailure::Cors { .. } => "blocked by CORS (reply not readable)".into(),
            SendFailure::MixedContent { .. } => "blocked: mixed content".into(),
            SendFailure::Unreachable { .. } => "unreachable".into(),
            SendFailure::Network { .. } => "network error".into(),
            SendFailure::Offline => "offline".into(),
            SendFailure::Timeout { after_ms } => format!("timed out after {}", seconds(*after_ms)),
            SendFailure::Cancelled { .. } => "cancelled".into(),
            SendFailure::Http {
                status,
                status_text,
            } => format!("HTTP {status} {status_text}")
                .trim_end()
                .to_string(),
            SendFailure::Rejected { .. } => "refused by the browser".into(),
        }
    }

    /// Whether the server may have received the call even though the page saw no reply.
    pub fn may_have_arrived(&self) -> bool {
        match self {
            SendFailure::Cors { preflight, .. } => !preflight.needed,
            SendFailure::Timeout { .. } | SendFailure::Cancelled { .. } => true,
            SendFailure::Http { .. } => true,
            _ => false,
        }
    }

    /// The title, what happened and what to do, in plain words.
    pub fn explain(&self) -> Explanation {
        match self {
            SendFailure::Cors {
                page_origin,
                target_origin,
                preflight,
            } if preflight.needed => Explanation::new(
                "Blocked by CORS: the preflight was not allowed",
                format!(
                    "{target_origin} is reachable (a plain probe got an answer), but it did not allow this page to call it. Because of {}, the browser first asked with an OPTIONS preflight, and the answer did not allow the origin {page_origin}{}. The browser then never sent the call itself.",
                    preflight.reasons.join(", "),
                    if preflight.request_headers.is_empty() {
                        String::new()
                    } else {
                        format!(" with the headers {}", preflight.request_headers.join(", "))
                    }
                ),
                format!(
                    "{SERVER_TO_SERVER} To send the exact request anyway, run the curl command below. To make the test call work from the browser, have the endpoint answer OPTIONS with Access-Control-Allow-Origin: {page_origin}, Access-Control-Allow-Methods: POST and Access-Control-Allow-Headers: {}.",
                    if preflight.request_headers.is_empty() { "*".to_string() } else { preflight.request_headers.join(", ") }
                ),
            ),
            SendFailure::Cors {
                page_origin,
                target_origin,
                ..
            } => Explanation::new(
                "Blocked by CORS: the reply is not readable",
                format!(
                    "{target_origin} is reachable and no preflight was needed, so the server most likely received the call. Its reply had no Access-Control-Allow-Origin header for {page_origin}, so the browser hid it from this page."
                ),
                format!(
                    "{SERVER_TO_SERVER} Check the endpoint's own log or history to see the call, or run the curl command below to see the reply."
                ),
            ),
            SendFailure::MixedContent { url } => Explanation::new(
                "Blocked: an http:// URL from an https:// page",
                format!(
                    "This page was loaded over https, and browsers block its calls to plain-http addresses such as {url} (mixed content). Nothing was sent."
                ),
                "Use the endpoint's https:// URL (testRTC requires TLS 1.2 or later anyway), or run the curl command below.",
            ),
            SendFailure::Unreachable {
                target_origin,
                this_machine: true,
            } => Explanation::new(
                "Nothing answered on this machine",
                format!(
                    "Nothing is listening at {target_origin}: the connection was refused (a second, plain probe failed too, so this is not CORS)."
                ),
                "Start the server, for example `hookcheck receive`, and check that the port in the URL is the one it prints. Remember that testRTC's cloud cannot reach localhost: use a public URL for the real webhook.",
            ),
            SendFailure::Unreachable { target_origin, .. } => Explanation::new(
                "The server could not be reached",
                format!(
                    "Nothing answered at {target_origin}: the connection was refused, the name does not resolve, or a firewall dropped it (a second, plain probe failed too, so this is not CORS)."
                ),
                "Check the host name and port for typos and that the server is up. Run the curl command below from a terminal to see the exact network error.",
            ),
            SendFailure::Network { detail } => Explanation::new(
                "The call failed before any reply",
                format!(
                    "The browser reported only \"{}\", and hookcheck could not tell whether CORS, the network or the server caused it.",
                    if detail.is_empty() { "Failed to fetch" } else { detail }
                ),
                "Run the curl command below from a terminal: it shows the exact error, and it sends the request as testRTC would, without browser rules.",
            ),
            SendFailure::Offline => Explanation::new(
                "The browser is offline",
                "The browser reports no network connection, so the call could not go out.",
                "Reconnect and send again. A receiver on this machine (hookcheck receive) works offline.",
            ),
            SendFailure::Timeout { after_ms } => Explanation::new(
                format!("No reply within {}", seconds(*after_ms)),
                format!(
                    "The server did not answer within the timeout of {}, so hookcheck stopped waiting. The server may still have received the call.",
                    seconds(*after_ms)
                ),
                "Raise the timeout and send again, or check why the endpoint is slow. testRTC does not document how long it waits for a webhook, so keep its answer quick.",
            ),
            SendFailure::Cancelled { after_ms } => Explanation::new(
                "Cancelled",
                format!(
                    "You cancelled the call after {}. The server may already have received it.",
                    seconds(*after_ms)
                ),
                "Send again when you are ready.",
            ),
            SendFailure::Http {
                status,
                status_text,
            } => {
                let what = match status {
                    300..=399 => "a redirect the browser did not follow",
                    401 | 403 => "it refused the credentials or the access",
                    404 => "it has nothing at this path",
                    405 => "it does not accept POST at this path",
                    413 => "the body is too large for it",
                    415 => "it does not accept this Content-Type",
                    400..=499 => "it rejected the request",
                    _ => "it failed while handling the request",
                };
                Explanation::new(
                    format!("The server answered {status} {status_text}").trim_end().to_string(),
                    format!(
                        "The call arrived, and the server said {what}. testRTC would get the same answer; it does not document retrying."
                    ),
                    match status {
                        401 | 403 => "Check the Authorization or API key header against what the endpoint expects.",
                        404 | 405 => "Check the URL's path against the endpoint's documentation.",
                        415 => "Check the Content-Type header: testRTC sends application/json.",
                        400..=499 => "Read the response body below: endpoints usually say what they disliked.",
                        _ => "Read the response body below and the endpoint's logs.",
                    },
                )
            }
            SendFailure::Rejected { message } => Explanation::new(
                "The browser refused to build this request",
                format!("The browser said: {message}"),
                "Run the curl command below instead; it has no browser rules.",
            ),
        }
    }
}
