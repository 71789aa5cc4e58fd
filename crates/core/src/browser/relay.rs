//! `hookcheck relay`, both sides of it: the documents the app and the relay exchange, the
//! pairing link's fragment `#relay=PORT:TOKEN`, the relay's address, the command the send
//! panel offers, and the words for every way a relayed call can fail.
//!
//! The documents are serde types, the one model of the protocol: the relay reads and writes
//! them with serde_json, and the app writes its request document through the same
//! `Serialize`. The app reads the relay's answers with core's own JSON parser
//! ([`RelayReply::from_json`], [`RelayError::from_json`]) instead of serde's `Deserialize`:
//! serde's deserializer words its errors with float formatting, which would add about 9 KB
//! (gzip) to the page for documents two functions read. A test holds the two readings equal.
//!
//! The app only ever calls `http://127.0.0.1:PORT/_relay`: a pairing names a port and a
//! token, never a host, so no link can send the token anywhere but this machine.

use serde::{Deserialize, Serialize};

use super::explanation::Explanation;
use crate::catalog::Cors;
use crate::render::curl::quote;
use crate::render::request::Request;
use crate::syntax::json::{read_strict, Json};

/// The relay's one route.
pub const PATH: &str = "/_relay";

/// What starts a pairing link's fragment: `#relay=PORT:TOKEN`.
pub const FRAGMENT: &str = "#relay=";

/// The largest request document the relay reads; a larger one is `413`.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// The calls the relay sends at once; one more is `429`.
pub const MAX_CALLS: usize = 4;

/// How long the relay waits for a reply when the document names no timeout.
pub const DEFAULT_TIMEOUT_MS: u64 = 10_000;

/// The longest timeout a document may name.
pub const MAX_TIMEOUT_MS: u64 = 60_000;

/// The shortest token: a guessable one would let any page use the relay.
pub const MIN_TOKEN_CHARS: usize = 16;

/// The longest token.
pub const MAX_TOKEN_CHARS: usize = 256;

/// What a token is, for messages.
pub const TOKEN_RULE: &str =
    "a token is 16 to 256 characters of A-Z, a-z, 0-9, `-`, `_`, `.` and `~`";

/// Whether `text` is a token: characters that go in a URL fragment unescaped.
pub fn is_token(text: &str) -> bool {
    (MIN_TOKEN_CHARS..=MAX_TOKEN_CHARS).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
}

/// The stable names of the relay's refusals (`{"kind": …}`), for the app to explain.
pub mod kind {
    /// The body is not a request document, or its timeout is out of range.
    pub const DOCUMENT: &str = "document";
    /// The document's method is not `POST`.
    pub const METHOD: &str = "method";
    /// The `Host` is not a loopback name.
    pub const HOST: &str = "host";
    /// No token, or a wrong one.
    pub const TOKEN: &str = "token";
    /// A page neither the app's nor an `--allow-origin` one.
    pub const ORIGIN: &str = "origin";
    /// A path other than `/_relay`.
    pub const ROUTE: &str = "route";
    /// An HTTP method other than `POST` (and `OPTIONS`).
    pub const HTTP_METHOD: &str = "http-method";
    /// A document over [`MAX_DOCUMENT_BYTES`](super::MAX_DOCUMENT_BYTES).
    pub const TOO_LARGE: &str = "too-large";
    /// [`MAX_CALLS`](super::MAX_CALLS) calls are already out.
    pub const BUSY: &str = "busy";
    /// The URL cannot be sent.
    pub const URL: &str = "url";
    /// A header cannot be sent.
    pub const HEADER: &str = "header";
    /// The target is on this machine or the local network, without `--allow-private`.
    pub const PRIVATE_TARGET: &str = "private-target";
    /// The host name does not resolve.
    pub const DNS: &str = "dns";
    /// No connection could be made.
    pub const CONNECT: &str = "connect";
    /// The TLS handshake failed.
    pub const TLS: &str = "tls";
    /// No whole HTTP reply came back.
    pub const REPLY: &str = "reply";
    /// No whole reply within the timeout.
    pub const TIMEOUT: &str = "timeout";
}

/// The request document the app posts to the relay: what to send, and optionally how long
/// to wait. The shape of `preview --json` (its other members are ignored).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayRequest {
    pub method: String,
    pub url: String,
    /// `[name, value]` pairs, sent in this order.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    #[serde(default)]
    pub body: String,
    /// Milliseconds, 1 to [`MAX_TIMEOUT_MS`]; [`DEFAULT_TIMEOUT_MS`] when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u64>,
}

impl RelayRequest {
    /// The document of `request`, to be waited for `timeout_ms` (at most [`MAX_TIMEOUT_MS`]).
    pub fn of(request: &Request, timeout_ms: u32) -> Self {
        RelayRequest {
            method: request.method.clone(),
            url: request.url.clone(),
            headers: request.header_pairs(),
            body: request.body.clone(),
            timeout_ms: Some(u64::from(timeout_ms).clamp(1, MAX_TIMEOUT_MS)),
        }
    }

    /// Whether the relay sends it: `POST` (as testRTC), a timeout in range. `Ok` is the
    /// timeout in milliseconds; `Err` the refusal's document (status `400`).
    pub fn check(&self) -> Result<u64, RelayError> {
        if self.method != "POST" {
            return Err(RelayError::new(
                kind::METHOD,
                "The relay sends POST only, as testRTC does.",
            ));
        }
        match self.timeout_ms {
            None => Ok(DEFAULT_TIMEOUT_MS),
            Some(ms) if (1..=MAX_TIMEOUT_MS).contains(&ms) => Ok(ms),
            Some(_) => Err(RelayError::new(
                kind::DOCUMENT,
                format!("timeout_ms is from 1 to {MAX_TIMEOUT_MS}."),
            )),
        }
    }
}

/// The relay's answer when the destination replied, whatever the status; also
/// `send --json`'s `response`. The body is text (decoded lossily when not UTF-8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayReply {
    pub status: u16,
    /// The status's standard reason ("Bad Request"); empty when it has none.
    #[serde(default)]
    pub status_text: String,
    /// `[name, value]` pairs as they arrived.
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Milliseconds from the start of the call to the last byte read.
    pub ms: u64,
    /// Whether the body is cut short.
    #[serde(default)]
    pub truncated: bool,
}

impl RelayReply {
    /// Reads a reply document as serde does (extra members ignored), with core's parser.
    pub fn from_json(text: &str) -> Option<RelayReply> {
        let json = read_strict(text)?;
        let headers = match json.get("headers")? {
            Json::Array(pairs) => pairs.iter().map(pair).collect::<Option<_>>()?,
            _ => return None,
        };
        Some(RelayReply {
            status: u16::try_from(whole(json.get("status")?)?).ok()?,
            status_text: optional(&json, "status_text", |v| string(v).map(str::to_string))?
                .unwrap_or_default(),
            headers,
            body: json.text("body")?.to_string(),
            ms: whole(json.get("ms")?)?,
            truncated: optional(&json, "truncated", |v| match v {
                Json::Bool(b) => Some(*b),
                _ => None,
            })?
            .unwrap_or_default(),
        })
    }
}

/// A non-negative whole number below 2^53 (what JSON carries exactly).
fn whole(value: &Json) -> Option<u64> {
    match value {
        Json::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 9_007_199_254_740_992.0 => {
            Some(*n as u64)
        }
        _ => None,
    }
}

fn string(value: &Json) -> Option<&str> {
    match value {
        Json::String(s) => Some(s),
        _ => None,
    }
}

/// `[name, value]`.
fn pair(value: &Json) -> Option<(String, String)> {
    match value {
        Json::Array(items) => match items.as_slice() {
            [name, value] => Some((string(name)?.to_string(), string(value)?.to_string())),
            _ => None,
        },
        _ => None,
    }
}

/// An optional member read by `read`: `Some(None)` when absent, `None` when present but not
/// of its type.
fn optional<T>(json: &Json, key: &str, read: impl Fn(&Json) -> Option<T>) -> Option<Option<T>> {
    match json.get(key) {
        None => Some(None),
        Some(value) => read(value).map(Some),
    }
}

/// Every other answer of the relay: `{"error": "<one sentence>", "kind": "<stable name>"}`
/// (the names are in [`kind`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayError {
    pub error: String,
    pub kind: String,
}

impl RelayError {
    pub fn new(kind: &str, error: impl Into<String>) -> Self {
        RelayError {
            error: error.into(),
            kind: kind.to_string(),
        }
    }

    /// Reads an error document as serde does (extra members ignored), with core's parser.
    pub fn from_json(text: &str) -> Option<RelayError> {
        let json = read_strict(text)?;
        Some(RelayError::new(json.text("kind")?, json.text("error")?))
    }
}

/// The app paired with a relay: where it listens on 127.0.0.1, and its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairing {
    pub port: u16,
    pub token: String,
}

/// Why a pairing link's fragment is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairingError {
    /// No `:` between the port and the token.
    Shape,
    /// The port is not a number from 1 to 65535.
    Port,
    /// The token is not a token ([`TOKEN_RULE`]).
    Token,
}

impl PairingError {
    /// One sentence, which never repeats the token.
    pub fn message(self) -> String {
        let why = match self {
            PairingError::Shape => "it is not #relay=PORT:TOKEN",
            PairingError::Port => "its port is not a number from 1 to 65535",
            PairingError::Token => TOKEN_RULE,
        };
        format!(
            "The relay's pairing link is damaged ({why}), so the app is not paired: open the \
             link `hookcheck relay` printed, whole."
        )
    }
}

impl Pairing {
    /// The pairing of a page's fragment (`location.hash`): `None` when it is not a pairing
    /// link's (`#relay=…`), else the pairing or why it is damaged.
    pub fn from_fragment(fragment: &str) -> Option<Result<Pairing, PairingError>> {
        fragment.strip_prefix(FRAGMENT).map(Pairing::parse)
    }

    /// Reads `PORT:TOKEN`, the form of the fragment and of [`Pairing::stored`].
    pub fn parse(text: &str) -> Result<Pairing, PairingError> {
        let (port, token) = text.split_once(':').ok_or(PairingError::Shape)?;
        let port =
            (!port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()))
                .then(|| port.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')))
                .and_then(|n| u16::try_from(n).ok())
                .filter(|&n| n != 0)
                .ok_or(PairingError::Port)?;
        if !is_token(token) {
            return Err(PairingError::Token);
        }
        Ok(Pairing {
            port,
            token: token.to_string(),
        })
    }

    /// `PORT:TOKEN`, what the app keeps in `sessionStorage`.
    pub fn stored(&self) -> String {
        format!("{}:{}", self.port, self.token)
    }

    /// `127.0.0.1:PORT`.
    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Where the app posts its calls: `http://127.0.0.1:PORT/_relay`.
    pub fn url(&self) -> String {
        format!("http://{}{PATH}", self.address())
    }

    /// The `Authorization` header's value: `Bearer TOKEN`.
    pub fn authorization(&self) -> String {
        format!("Bearer {}", self.token)
    }

    /// What the send panel says while paired: "via relay on 127.0.0.1:PORT".
    pub fn via(&self) -> String {
        format!("via relay on {}", self.address())
    }
}

/// The command that starts a relay this page may use, and whose pairing link opens this
/// page: `hookcheck relay --app '<page>'`, the page's address without query or fragment.
/// Without `--app` when the page is not served over http(s) (a relay serves no such page).
pub fn relay_command(page_address: &str) -> String {
    let page = page_address.split(['?', '#']).next().unwrap_or_default();
    if page.starts_with("http://") || page.starts_with("https://") {
        format!("hookcheck relay --app {}", quote(page))
    } else {
        "hookcheck relay".to_string()
    }
}

/// Whether the send panel offers `hookcheck relay` before a call: the browser cannot send to
/// the destination (Slack refuses the preflight) or it is not known whether it may (no
/// destination recognised, or its CORS unknown). Not for this machine, which
/// `hookcheck receive` answers with CORS, nor for what is never sent (SNS).
pub fn offers_relay(request: &Request) -> bool {
    match request.url_parts() {
        Some(parts) if !parts.is_this_machine() => request
            .destination()
            .is_none_or(|found| found.id.destination().cors != Cors::Allows),
        _ => false,
    }
}

/// What the send panel says beside the relay command it offers.
pub const OFFER: &str = "To get past the browser's rules, `hookcheck relay` sends this request from this machine, server to server as testRTC does, and shows the destination's real reply: run this command, then open the pairing link it prints.";

/// What the send panel says while paired.
pub const PAIRED: &str = "Test calls go to the relay, which sends them from this machine, server to server as testRTC does: no CORS, no browser headers, and the destination's real reply.";

/// Every way a call through the relay can fail, each with the words the person reads
/// ([`RelayFailure::explain`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RelayFailure {
    /// Nothing answers at the relay's address.
    NotRunning { address: String, command: String },
    /// The relay answers, but not to pages of this origin.
    PageRefused {
        address: String,
        origin: String,
        command: String,
    },
    /// `401`: the pairing's token is not the relay's.
    WrongToken { address: String },
    /// `403`: the target is on this machine or the local network; `why` is the relay's
    /// sentence.
    PrivateTarget { why: String },
    /// `429`: [`MAX_CALLS`] calls are already out.
    Busy,
    /// `413`: the document is over [`MAX_DOCUMENT_BYTES`].
    TooLarge,
    /// `504`: no whole reply within the timeout.
    Timeout { why: String },
    /// `502`: the destination could not be reached (name, connection, TLS, no HTTP reply).
    Unreachable { why: String },
    /// The answer at the relay's address is not the relay's.
    NotARelay { address: String },
    /// Any other refusal: its status and sentence.
    Refused { status: u16, why: String },
}

impl RelayFailure {
    /// The failure of a call the page saw no answer to: `answers` is whether a plain
    /// `no-cors` probe of the relay's URL got one. If it did, the relay runs but refuses this
    /// page's origin (its refusals carry no CORS header, so the page cannot read them).
    pub fn no_answer(pairing: &Pairing, answers: bool, page_address: &str) -> Self {
        let address = pairing.address();
        let command = relay_command(page_address);
        if answers {
            RelayFailure::PageRefused {
                address,
                origin: origin_of(page_address),
                command,
            }
        } else {
            RelayFailure::NotRunning { address, command }
        }
    }

    /// The failure an answer of the relay other than a reply document stands for: its
    /// status and, when it is one, its error document.
    pub fn refused(pairing: &Pairing, status: u16, error: Option<RelayError>) -> Self {
        let Some(RelayError { error: why, kind }) = error else {
            return RelayFailure::NotARelay {
                address: pairing.address(),
            };
        };
        match kind.as_str() {
            kind::TOKEN => RelayFailure::WrongToken {
                address: pairing.address(),
            },
            kind::PRIVATE_TARGET => RelayFailure::PrivateTarget { why },
            kind::BUSY => RelayFailure::Busy,
            kind::TOO_LARGE => RelayFailure::TooLarge,
            kind::TIMEOUT => RelayFailure::Timeout { why },
            kind::DNS | kind::CONNECT | kind::TLS | kind::REPLY => {
                RelayFailure::Unreachable { why }
            }
            _ => RelayFailure::Refused { status, why },
        }
    }

    /// A stable kebab-case name, for `data-kind`.
    pub const fn kind(&self) -> &'static str {
        match self {
            RelayFailure::NotRunning { .. } => "relay-not-running",
            RelayFailure::PageRefused { .. } => "relay-page-refused",
            RelayFailure::WrongToken { .. } => "relay-token",
            RelayFailure::PrivateTarget { .. } => "relay-private-target",
            RelayFailure::Busy => "relay-busy",
            RelayFailure::TooLarge => "relay-too-large",
            RelayFailure::Timeout { .. } => "relay-timeout",
            RelayFailure::Unreachable { .. } => "relay-unreachable",
            RelayFailure::NotARelay { .. } => "not-a-relay",
            RelayFailure::Refused { .. } => "relay-refused",
        }
    }

    /// A few words for the history list.
    pub fn short(&self) -> String {
        match self {
            RelayFailure::NotRunning { .. } => "relay not running".into(),
            RelayFailure::PageRefused { .. } => "relay refused this page".into(),
            RelayFailure::WrongToken { .. } => "relay: wrong token".into(),
            RelayFailure::PrivateTarget { .. } => "relay refused the target".into(),
            RelayFailure::Busy => "relay busy".into(),
            RelayFailure::TooLarge => "too large for the relay".into(),
            RelayFailure::Timeout { .. } => "timed out (relay)".into(),
            RelayFailure::Unreachable { .. } => "unreachable (relay)".into(),
            RelayFailure::NotARelay { .. } => "no relay at that port".into(),
            RelayFailure::Refused { status, .. } => format!("relay refused ({status})"),
        }
    }

    /// The title, what happened and what to do, in plain words.
    pub fn explain(&self) -> Explanation {
        match self {
            RelayFailure::NotRunning { address, command } => Explanation::new(
                "The relay is not running",
                format!(
                    "Nothing answered at {address}, where the paired hookcheck relay listened: it was stopped, or it listens on another port now. Nothing was sent."
                ),
                format!(
                    "Start it again with `{command}` and open the pairing link it prints, or Unpair to send from the browser."
                ),
            ),
            RelayFailure::PageRefused {
                address,
                origin,
                command,
            } => Explanation::new(
                "The relay does not serve this page",
                format!(
                    "The relay at {address} answers, but not to pages from {origin}: it serves the app's origin (--app) and those named with --allow-origin only. Nothing was sent."
                ),
                format!("Start it again with `{command}` and open the pairing link it prints."),
            ),
            RelayFailure::WrongToken { address } => Explanation::new(
                "The relay refused the token",
                format!(
                    "The relay at {address} answered 401: this pairing's token is not the relay's (each start without --token makes a new one). Nothing was sent."
                ),
                "Open the pairing link the relay printed when it started (…#relay=PORT:TOKEN), or Unpair to send from the browser.",
            ),
            RelayFailure::PrivateTarget { why } => Explanation::new(
                "The relay refused the target",
                format!("{why} Nothing was sent."),
                "To reach this machine or the local network (a local hookcheck receive), start the relay again with --allow-private. testRTC's cloud cannot reach such an address: the real webhook needs a public one.",
            ),
            RelayFailure::Busy => Explanation::new(
                "The relay is busy",
                format!(
                    "The relay is already sending {MAX_CALLS} calls, its most at once, so it refused this one. Nothing was sent."
                ),
                "Send again when one of them has ended.",
            ),
            RelayFailure::TooLarge => Explanation::new(
                "The request is too large for the relay",
                "The relay takes request documents of at most 1 MiB, and this one is larger. Nothing was sent.",
                "Send it with the curl command below, or with hookcheck send.",
            ),
            RelayFailure::Timeout { why } => Explanation::new(
                "No reply within the timeout",
                why.clone(),
                format!(
                    "Raise the timeout (the relay waits at most {} s) and send again, or find out why the destination is slow.",
                    MAX_TIMEOUT_MS / 1000
                ),
            ),
            RelayFailure::Unreachable { why } => Explanation::new(
                "The relay could not reach the destination",
                format!(
                    "{why} The relay sends from this machine with no browser rules, so this is not CORS."
                ),
                "Check the URL's host and port. hookcheck send shows the same call's error in a terminal.",
            ),
            RelayFailure::NotARelay { address } => Explanation::new(
                "Something else answers at the relay's address",
                format!(
                    "The answer at {address} is not hookcheck relay's: the relay may have stopped, and another program taken its port. Nothing was sent."
                ),
                "Start hookcheck relay again and open the pairing link it prints.",
            ),
            RelayFailure::Refused { status, why } => Explanation::new(
                format!("The relay refused the call ({status})"),
                format!("{why} Nothing was sent."),
                "Its terminal has a line about the call. If the app and the relay are of different versions, update the one that is older.",
            ),
        }
    }
}

/// The origin of a page address: `http://127.0.0.1:8080` of `http://127.0.0.1:8080/app/`.
fn origin_of(address: &str) -> String {
    let after_scheme = address.find("://").map_or(0, |i| i + 3);
    let end = address[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(address.len(), |i| after_scheme + i);
    address[..end].to_string()
}
