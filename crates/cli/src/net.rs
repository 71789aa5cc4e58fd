//! Guarded outbound HTTP: the one way `hookcheck send` and `hookcheck relay` send a request,
//! and why a call failed, in plain words and as a stable kind.
//!
//! **The client** is hyper-util's client over hyper-rustls (rustls with ring, Mozilla's roots:
//! [`tls`]), speaking HTTP/1.1 as Node's `request` library (most likely testRTC's client)
//! does. Not reqwest: reqwest adds `Accept: */*` to every request, and the call must carry
//! exactly the headers the preview shows, in its order; hyper adds only `Host` and
//! `Content-Length`. Header names go out title-cased (`Content-Type`, `Ce-Specversion`):
//! hyper writes them lowercased or title-cased, never as given, and names are
//! case-insensitive (RFC 9110). Redirects are never followed (hyper has no redirect logic):
//! a 3xx is the reply.
//!
//! **What is reached is what was checked.** Each call resolves the URL's host once (the
//! system resolver), refuses the call if any address is reserved ([`address`]) unless
//! private targets are allowed, then hands the connector exactly those addresses through a
//! resolver that does no lookup: no second lookup can answer differently (DNS rebinding). A
//! host that is an IP literal is checked as written (the connector skips the resolver for
//! those). Each call makes its own connection, never pooled, so no connection opened for one
//! URL serves another.
//!
//! **Limits.** The whole call (lookup, connect, TLS, request, reply) runs within its timeout
//! (at most [`MAX_TIMEOUT`]); the reply body is read to at most [`MAX_REPLY_BYTES`] and marked
//! truncated past it.

pub mod address;
pub mod tls;

use std::error::Error as StdError;
use std::future::{ready, Ready};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use hookcheck_core::browser::relay::{self, kind, RelayReply, RelayRequest};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Method, Request, Uri};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::dns::Name;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use rustls::ClientConfig;

use self::address::Reserved;

/// The most reply body read; the rest is dropped and the reply marked truncated.
pub const MAX_REPLY_BYTES: usize = 1024 * 1024;

/// The longest a call may take (the relay protocol's limit, core's).
pub const MAX_TIMEOUT: Duration = Duration::from_millis(relay::MAX_TIMEOUT_MS);

/// How long `send` and the relay wait unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(relay::DEFAULT_TIMEOUT_MS);

/// Headers the connection itself writes (framing, routing, hop-by-hop): a request that sets
/// one is refused rather than sent with a value that could contradict the body or the host.
const CONNECTION_HEADERS: [&str; 10] = [
    "connection",
    "content-length",
    "expect",
    "host",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// Bytes of a path percent-encoded before sending, as browsers and Node's URL parser encode
/// them (WHATWG's path percent-encode set, less the `?` and `#` that end a path).
const PATH_ENCODED: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Bytes of a query percent-encoded before sending (WHATWG's special-query set, less `#`).
const QUERY_ENCODED: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'\'');

/// A reply, as far as it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    pub status: u16,
    /// `(name, value)` pairs as they arrived (names lowercased by hyper; values decoded
    /// lossily when not UTF-8).
    pub headers: Vec<(String, String)>,
    /// At most [`MAX_REPLY_BYTES`].
    pub body: Vec<u8>,
    /// Whether the body went on past [`MAX_REPLY_BYTES`].
    pub truncated: bool,
    /// From the start of the call to the last byte read.
    pub elapsed: Duration,
}

/// The reply as the JSON documents carry it (core's [`RelayReply`]): `send --json`'s
/// `response`, and the relay's answer. Header pairs as they arrived; the body as text
/// (lossily decoded when not UTF-8), at most `max_body` bytes of it.
pub fn reply_document(received: &Received, max_body: usize) -> RelayReply {
    let (body, cut) = body_text(&received.body, max_body);
    RelayReply {
        status: received.status,
        status_text: reason(received.status).to_owned(),
        headers: received.headers.clone(),
        body,
        ms: u64::try_from(received.elapsed.as_millis()).unwrap_or(u64::MAX),
        truncated: received.truncated || cut,
    }
}

/// The standard reason phrase of `status` ("Not Found"); empty when it has none.
pub fn reason(status: u16) -> &'static str {
    hyper::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        .unwrap_or("")
}

/// At most `max` bytes of `body` as text, cut at a character boundary, and whether it was cut.
pub fn body_text(body: &[u8], max: usize) -> (String, bool) {
    let mut text = String::from_utf8_lossy(body).into_owned();
    if text.len() <= max {
        return (text, false);
    }
    let cut = (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text.truncate(cut);
    (text, true)
}

/// Why a call brought no reply. Its sentence names the host, never the URL's path or query
/// (where tokens live) nor a header's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The URL cannot be sent as written.
    Url(String),
    /// A header cannot be sent.
    Header { name: String, why: &'static str },
    /// The host is, or resolves to, a reserved address, and private targets are not allowed.
    PrivateTarget {
        host: String,
        address: IpAddr,
        range: Reserved,
    },
    /// The host name does not resolve.
    Dns { host: String, detail: String },
    /// No connection could be made.
    Connect {
        host: String,
        port: u16,
        refused: bool,
        detail: String,
    },
    /// The TLS handshake failed; the sentence says why.
    Tls { sentence: String, detail: String },
    /// No whole reply within the timeout.
    Timeout(Duration),
    /// The connection broke or the reply was not HTTP.
    Reply(String),
}

impl SendError {
    /// A stable name for the kind of failure, for scripts and the app: `url`, `header`,
    /// `private-target`, `dns`, `connect`, `tls`, `timeout` or `reply`.
    pub fn kind(&self) -> &'static str {
        match self {
            SendError::Url(_) => kind::URL,
            SendError::Header { .. } => kind::HEADER,
            SendError::PrivateTarget { .. } => kind::PRIVATE_TARGET,
            SendError::Dns { .. } => kind::DNS,
            SendError::Connect { .. } => kind::CONNECT,
            SendError::Tls { .. } => kind::TLS,
            SendError::Timeout(_) => kind::TIMEOUT,
            SendError::Reply(_) => kind::REPLY,
        }
    }

    /// What went wrong, in one sentence.
    pub fn sentence(&self) -> String {
        match self {
            SendError::Url(why) => format!("The URL cannot be sent: {why}."),
            SendError::Header { name, why } => {
                format!("The header `{name}` cannot be sent: {why}.")
            }
            SendError::PrivateTarget {
                host,
                address,
                range,
            } => {
                let what = if host.parse::<IpAddr>().is_ok() {
                    format!("`{host}` is {}", range.description())
                } else {
                    format!("`{host}` resolves to {address}, {}", range.description())
                };
                format!(
                    "{what}: hookcheck sends only to public addresses unless --allow-private is \
                     given (a local `hookcheck receive` needs it)."
                )
            }
            SendError::Dns { host, .. } => {
                format!("`{host}` does not resolve to an address: check the host name for typos.")
            }
            SendError::Connect {
                host,
                port,
                refused: true,
                ..
            } => format!(
                "Nothing answered at {host}:{port}: the connection was refused, so nothing \
                 listens on that port."
            ),
            SendError::Connect {
                host, port, detail, ..
            } => format!("{host}:{port} could not be reached ({detail})."),
            SendError::Tls { sentence, .. } => sentence.clone(),
            SendError::Timeout(limit) => format!(
                "No whole reply within {}: the server may still have received the call.",
                duration_words(*limit)
            ),
            SendError::Reply(detail) => {
                format!("The connection ended without a whole HTTP reply ({detail}).")
            }
        }
    }

    /// The underlying error as the libraries word it, for `--json`'s `error`; the sentence
    /// when there is none.
    pub fn detail(&self) -> String {
        match self {
            SendError::Dns { detail, .. }
            | SendError::Connect { detail, .. }
            | SendError::Tls { detail, .. }
            | SendError::Reply(detail) => detail.clone(),
            _ => self.sentence(),
        }
    }
}

/// "10 s", or "1500 ms" when not whole seconds.
fn duration_words(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{} ms", duration.as_millis())
    }
}

/// Sends requests under one policy: the TLS roots, and whether private targets are allowed.
pub struct Sender {
    tls: Arc<ClientConfig>,
    allow_private: bool,
}

impl Sender {
    pub fn new(tls: ClientConfig, allow_private: bool) -> Self {
        Self {
            tls: Arc::new(tls),
            allow_private,
        }
    }

    /// Whether private targets (this machine, the local network) are allowed.
    pub fn allows_private(&self) -> bool {
        self.allow_private
    }

    /// Sends `outgoing` (core's request document: the relay's, or `send`'s own) and reads the
    /// reply, all within `timeout` (capped at [`MAX_TIMEOUT`]); the document's `timeout_ms`
    /// is the caller's to read.
    pub async fn send(
        &self,
        outgoing: &RelayRequest,
        timeout: Duration,
    ) -> Result<Received, SendError> {
        let target = Target::parse(&outgoing.url)?;
        let request = target.request(outgoing)?;
        let timeout = timeout.min(MAX_TIMEOUT);
        let started = Instant::now();
        tokio::time::timeout(timeout, self.exchange(&target, request, started))
            .await
            .unwrap_or(Err(SendError::Timeout(timeout)))
    }

    async fn exchange(
        &self,
        target: &Target,
        request: Request<Full<Bytes>>,
        started: Instant,
    ) -> Result<Received, SendError> {
        let addresses = self.checked_addresses(target).await?;
        self.exchange_with(addresses, target, request, started)
            .await
    }

    /// The exchange with a connection to one of `addresses`, whatever the URL's host: the
    /// connector looks nothing up.
    async fn exchange_with(
        &self,
        addresses: Vec<SocketAddr>,
        target: &Target,
        request: Request<Full<Bytes>>,
        started: Instant,
    ) -> Result<Received, SendError> {
        let mut http = HttpConnector::new_with_resolver(CheckedAddresses(addresses));
        http.enforce_http(false);
        http.set_nodelay(true);
        let connector = HttpsConnector::from((http, Arc::clone(&self.tls)));
        let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new())
            .http1_title_case_headers(true)
            .pool_max_idle_per_host(0)
            .build(connector);
        let response = client
            .request(request)
            .await
            .map_err(|error| failure(&error, target))?;
        let (parts, mut body) = response.into_parts();
        let mut bytes = Vec::new();
        let mut truncated = false;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|error| SendError::Reply(chain(&error)))?;
            let Ok(data) = frame.into_data() else {
                continue;
            };
            let room = MAX_REPLY_BYTES - bytes.len();
            if data.len() > room {
                bytes.extend_from_slice(&data[..room]);
                truncated = true;
                break;
            }
            bytes.extend_from_slice(&data);
        }
        Ok(Received {
            status: parts.status.as_u16(),
            headers: parts
                .headers
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_owned(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body: bytes,
            truncated,
            elapsed: started.elapsed(),
        })
    }

    /// The addresses to connect to: the literal, or every address the name resolves to, each
    /// one checked.
    async fn checked_addresses(&self, target: &Target) -> Result<Vec<SocketAddr>, SendError> {
        let addresses: Vec<SocketAddr> = match target.host.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, target.port)],
            Err(_) => tokio::net::lookup_host((target.host.as_str(), target.port))
                .await
                .map_err(|error| SendError::Dns {
                    host: target.host.clone(),
                    detail: error.to_string(),
                })?
                .collect(),
        };
        if addresses.is_empty() {
            return Err(SendError::Dns {
                host: target.host.clone(),
                detail: "no address".into(),
            });
        }
        if !self.allow_private {
            for socket in &addresses {
                if let Some(range) = address::reserved(socket.ip()) {
                    return Err(SendError::PrivateTarget {
                        host: target.host.clone(),
                        address: socket.ip(),
                        range,
                    });
                }
            }
        }
        Ok(addresses)
    }
}

/// A resolver that answers every name with the addresses already resolved and checked.
#[derive(Clone)]
struct CheckedAddresses(Vec<SocketAddr>);

impl tower_service::Service<Name> for CheckedAddresses {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = std::io::Error;
    type Future = Ready<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _: Name) -> Self::Future {
        ready(Ok(self.0.clone().into_iter()))
    }
}

/// Where a URL points, read once.
struct Target {
    uri: Uri,
    /// Without the brackets of an IPv6 literal.
    host: String,
    port: u16,
}

impl Target {
    fn parse(url: &str) -> Result<Target, SendError> {
        let uri: Uri = on_the_wire(url)
            .parse()
            .map_err(|error| SendError::Url(format!("it is not a URL ({error})")))?;
        let port = match uri.scheme_str() {
            Some("http") => 80,
            Some("https") => 443,
            _ => {
                return Err(SendError::Url(
                    "only http and https URLs can be sent".into(),
                ))
            }
        };
        let Some(authority) = uri.authority() else {
            return Err(SendError::Url("it names no host".into()));
        };
        if authority.as_str().contains('@') {
            return Err(SendError::Url(
                "it holds a user name or password, which hookcheck does not send; put the \
                 credential in an Authorization header"
                    .into(),
            ));
        }
        let host = authority.host();
        let host = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host)
            .to_owned();
        if host.is_empty() {
            return Err(SendError::Url("it names no host".into()));
        }
        let port = authority.port_u16().unwrap_or(port);
        Ok(Target { uri, host, port })
    }

    fn request(&self, outgoing: &RelayRequest) -> Result<Request<Full<Bytes>>, SendError> {
        let method = Method::from_bytes(outgoing.method.as_bytes())
            .map_err(|_| SendError::Url(format!("`{}` is not an HTTP method", outgoing.method)))?;
        let mut request = Request::new(Full::new(Bytes::from(outgoing.body.clone())));
        *request.method_mut() = method;
        *request.uri_mut() = self.uri.clone();
        for (name, value) in &outgoing.headers {
            let header = |why: &'static str| SendError::Header {
                name: crate::terminal::shortened(name),
                why,
            };
            let header_name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| header("its name is not a header name"))?;
            if CONNECTION_HEADERS.contains(&header_name.as_str()) {
                return Err(header(
                    "the connection writes it itself (it frames or routes the request)",
                ));
            }
            let header_value = HeaderValue::from_str(value)
                .map_err(|_| header("its value holds a line break or a control character"))?;
            request.headers_mut().append(header_name, header_value);
        }
        Ok(request)
    }
}

/// The URL as it goes on the wire: without its fragment (never sent), with the path and
/// query percent-encoded as browsers and Node encode them (non-ASCII, spaces, quotes...).
fn on_the_wire(url: &str) -> String {
    let url = url.split_once('#').map_or(url, |(before, _)| before);
    let after_scheme = url.find("://").map_or(0, |at| at + 3);
    let path_start = url[after_scheme..]
        .find(['/', '?'])
        .map_or(url.len(), |at| after_scheme + at);
    let (head, rest) = url.split_at(path_start);
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    let mut wire = format!("{head}{}", utf8_percent_encode(path, PATH_ENCODED));
    if let Some(query) = query {
        wire.push('?');
        wire.extend(utf8_percent_encode(query, QUERY_ENCODED));
    }
    wire
}

/// Why the client brought no reply.
fn failure(error: &hyper_util::client::legacy::Error, target: &Target) -> SendError {
    if let Some(tls) = find::<rustls::Error>(error) {
        return SendError::Tls {
            sentence: tls::explain(tls, &target.host),
            detail: chain(error),
        };
    }
    if error.is_connect() {
        let refused = find::<std::io::Error>(error)
            .is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused);
        let detail =
            find::<std::io::Error>(error).map_or_else(|| chain(error), |io| io.to_string());
        return SendError::Connect {
            host: target.host.clone(),
            port: target.port,
            refused,
            detail,
        };
    }
    SendError::Reply(chain(error))
}

/// The first error of type `T` in `error`'s chain, looking inside I/O errors too (their
/// `source` skips the error they wrap).
fn find<'a, T: StdError + 'static>(error: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut next = Some(error);
    while let Some(current) = next {
        if let Some(found) = current.downcast_ref::<T>() {
            return Some(found);
        }
        next = inner(current);
    }
    None
}

fn inner<'a>(error: &'a (dyn StdError + 'static)) -> Option<&'a (dyn StdError + 'static)> {
    match error.downcast_ref::<std::io::Error>() {
        Some(io) => match io.get_ref() {
            Some(wrapped) => Some(wrapped as &(dyn StdError + 'static)),
            None => error.source(),
        },
        None => error.source(),
    }
}

/// `error` and its causes, joined with `: `.
fn chain(error: &(dyn StdError + 'static)) -> String {
    let mut words = error.to_string();
    let mut next = inner(error);
    while let Some(current) = next {
        let text = current.to_string();
        if !words.ends_with(&text) {
            words.push_str(": ");
            words.push_str(&text);
        }
        next = inner(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// The connector dials the checked address and never resolves the URL's host again: the
    /// host here is under `.invalid`, which no resolver answers (RFC 6761), and the call still
    /// reaches the listener on 127.0.0.1 that it was handed, with the URL's host as `Host`.
    #[tokio::test]
    async fn the_call_connects_to_the_checked_address_and_looks_the_name_up_no_more() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let checked = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut head = Vec::new();
            let mut buffer = [0; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                let read = stream.read(&mut buffer).unwrap();
                assert!(
                    read > 0,
                    "the connection closed before a whole request head"
                );
                head.extend_from_slice(&buffer[..read]);
            }
            stream
                .write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
                .unwrap();
            String::from_utf8(head).unwrap()
        });
        let sender = Sender::new(tls::client_config(&[]).unwrap(), false);
        let outgoing = RelayRequest {
            method: "POST".into(),
            url: format!("http://never-resolved.invalid:{}/hook", checked.port()),
            headers: Vec::new(),
            body: "{}".into(),
            timeout_ms: None,
        };
        let target = Target::parse(&outgoing.url).unwrap();
        let request = target.request(&outgoing).unwrap();
        let received = sender
            .exchange_with(vec![checked], &target, request, Instant::now())
            .await
            .unwrap();
        assert_eq!(received.status, 204);
        let head = server.join().unwrap();
        assert!(head.starts_with("POST /hook HTTP/1.1\r\n"), "{head}");
        assert!(
            head.contains(&format!(
                "Host: never-resolved.invalid:{}\r\n",
                checked.port()
            )),
            "{head}"
        );
    }

    #[test]
    fn the_fragment_is_dropped_and_unsafe_bytes_are_percent_encoded() {
        for (url, wire) in [
            ("https://example.com/hook", "https://example.com/hook"),
            ("https://example.com", "https://example.com"),
            ("https://example.com/a#frag", "https://example.com/a"),
            (
                "https://example.com/é b?q=é b",
                "https://example.com/%C3%A9%20b?q=%C3%A9%20b",
            ),
            (
                "https://example.com/{x}?a='1'",
                "https://example.com/%7Bx%7D?a=%271%27",
            ),
            (
                "https://example.com/a%20b?x=%41",
                "https://example.com/a%20b?x=%41",
            ),
            ("https://example.com?q=1", "https://example.com?q=1"),
        ] {
            assert_eq!(on_the_wire(url), wire, "{url}");
        }
    }

    #[test]
    fn a_body_is_cut_at_a_character_boundary_and_says_so() {
        assert_eq!(body_text("abc".as_bytes(), 3), ("abc".into(), false));
        assert_eq!(body_text("aéb".as_bytes(), 2), ("a".into(), true));
        assert_eq!(body_text(b"a\xffb", 10), ("a\u{fffd}b".into(), false));
    }

    #[test]
    fn a_target_is_read_with_its_default_or_written_port() {
        let target = Target::parse("https://Example.com/hook?x=1").unwrap();
        assert_eq!((target.host.as_str(), target.port), ("Example.com", 443));
        let target = Target::parse("http://[::1]:8787/hook").unwrap();
        assert_eq!((target.host.as_str(), target.port), ("::1", 8787));
        assert_eq!(target.uri.path_and_query().unwrap().as_str(), "/hook");
    }

    #[test]
    fn urls_that_cannot_be_sent_are_refused_without_echoing_them() {
        for url in [
            "ftp://example.com/hook",
            "https://user:secret-pass@example.com/hook",
            "not a url",
            "https:///hook",
        ] {
            let error = Target::parse(url).err().unwrap_or_else(|| panic!("{url}"));
            assert_eq!(error.kind(), "url", "{url}");
            assert!(!error.sentence().contains("secret-pass"), "{url}");
        }
    }

    #[test]
    fn headers_the_connection_writes_are_refused() {
        let target = Target::parse("https://example.com/hook").unwrap();
        for name in ["Content-Length", "Host", "Transfer-Encoding", "connection"] {
            let outgoing = RelayRequest {
                method: "POST".into(),
                url: "https://example.com/hook".into(),
                headers: vec![(name.into(), "1".into())],
                body: String::new(),
                timeout_ms: None,
            };
            let error = target.request(&outgoing).unwrap_err();
            assert_eq!(error.kind(), "header", "{name}");
        }
    }

    #[test]
    fn headers_go_out_in_the_order_given() {
        let target = Target::parse("https://example.com/hook").unwrap();
        let outgoing = RelayRequest {
            method: "POST".into(),
            url: "https://example.com/hook".into(),
            headers: vec![
                ("Content-Type".into(), "application/json".into()),
                ("X-B".into(), "2".into()),
                ("X-A".into(), "1".into()),
            ],
            body: "{}".into(),
            timeout_ms: None,
        };
        let request = target.request(&outgoing).unwrap();
        let names: Vec<&str> = request.headers().keys().map(|n| n.as_str()).collect();
        assert_eq!(names, ["content-type", "x-b", "x-a"]);
    }

    #[test]
    fn a_value_with_a_line_break_is_refused_and_not_echoed() {
        let target = Target::parse("https://example.com/hook").unwrap();
        let outgoing = RelayRequest {
            method: "POST".into(),
            url: "https://example.com/hook".into(),
            headers: vec![("Authorization".into(), "Bearer s3cret\r\nX: y".into())],
            body: String::new(),
            timeout_ms: None,
        };
        let error = target.request(&outgoing).unwrap_err();
        assert_eq!(error.kind(), "header");
        assert!(!error.sentence().contains("s3cret"));
    }

    #[test]
    fn a_private_target_names_the_range_and_the_way_to_allow_it() {
        let error = SendError::PrivateTarget {
            host: "localhost".into(),
            address: "127.0.0.1".parse().unwrap(),
            range: Reserved::Loopback,
        };
        assert_eq!(
            error.sentence(),
            "`localhost` resolves to 127.0.0.1, a loopback address (this machine): hookcheck \
             sends only to public addresses unless --allow-private is given (a local \
             `hookcheck receive` needs it)."
        );
    }
}
