//! `hookcheck receive`: a local receiver on 127.0.0.1, the offline stand-in for a request bin.
//!
//! It answers webhook calls from any page (CORS preflight included), prints each request as it
//! arrives and lists what it received as JSON at `GET /_requests`. Options make it answer a
//! chosen status, answer slowly or refuse CORS, so that each way a test call can fail
//! (preflight refused, timeout, HTTP error status) can be seen for real.
//!
//! What it captured (`Authorization` headers included) stays on this machine: every request
//! must be addressed to a loopback name ([`host`]), and the captured-data routes grant no web
//! page but those named with `--allow-origin` ([`cors`]). `docs/security.md` has the model.
//!
//! Routes, once the Host check has passed (every other method and path is a request to
//! record):
//! - `OPTIONS` with `Access-Control-Request-Method`: a CORS preflight, answered 204 (403 with
//!   `--no-cors`) and listed at `GET /_preflights`;
//! - `GET /_requests`: the recorded requests as a JSON array, oldest first;
//! - `DELETE /_requests`: forget every recorded request and preflight.
//!
//! The last two, `GET /_preflights` and preflights for them answer only requests without an
//! `Origin` or from an `--allow-origin` page.
//!
//! The server is hyper's HTTP/1.1 connection on a current-thread tokio runtime; Ctrl-C (or
//! SIGTERM) stops accepting and exits 0.

mod as_destination;
mod cors;
mod log;
mod print;

use std::process::ExitCode;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use hookcheck_core::destination::DestinationId;
use hookcheck_core::words::plural;
use hyper::body::Incoming;
use hyper::header::{HeaderMap, HeaderName, HeaderValue, CACHE_CONTROL, X_CONTENT_TYPE_OPTIONS};
use hyper::http::request::Parts;
use hyper::{Method, Request, StatusCode};
use serde::Serialize;
use tokio::net::TcpListener;

use self::log::{Bounds, RecordedRequest, RequestLog};
use crate::server::origin::{self, AllowedOrigins, Asker};
use crate::server::{
    accept_until_stopped, empty_reply, host, json_reply, read_body, say, start, text_reply,
    BodyError, Reply, StopSignal,
};

/// Largest request body recorded; a larger one is answered 413 and not recorded.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How many requests (and, separately, preflights) are kept; older ones are dropped.
pub const MAX_STORED_REQUESTS: usize = 1000;

/// How many bytes the kept requests (and, separately, preflights) may hold; past it the oldest
/// are dropped, so that a flood of large bodies cannot take the machine's memory.
pub const MAX_STORED_BYTES: usize = 64 * 1024 * 1024;

/// Options of `hookcheck receive`.
#[derive(clap::Args, Debug)]
pub struct ReceiveArgs {
    /// Port on 127.0.0.1; 0 picks a free one (the first output line names it).
    #[arg(long, default_value_t = 8787)]
    pub port: u16,

    /// HTTP status to answer every request with (preflights excepted).
    #[arg(long, value_name = "CODE", default_value_t = 200,
          value_parser = clap::value_parser!(u16).range(200..=599))]
    pub status: u16,

    /// Answer each request (preflights excepted) this many milliseconds after it arrives.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub delay_ms: u64,

    /// Refuse CORS on the webhook paths: send no Access-Control-* headers and answer
    /// preflights 403, so a browser call fails with a CORS error.
    #[arg(long)]
    pub no_cors: bool,

    /// Let the web page at ORIGIN (e.g. http://localhost:8080) read and clear what was
    /// captured at /_requests and /_preflights; repeat for more. By default no page may,
    /// only tools on this machine that send no Origin (curl, scripts, the address bar).
    #[arg(long = "allow-origin", value_name = "ORIGIN", value_parser = origin::parse_origin)]
    pub allow_origin: Vec<String>,

    /// Don't print the requests as they arrive.
    #[arg(long)]
    pub quiet: bool,

    /// Answer as this destination does (status, headers, body), judging each request by
    /// its rules: e.g. `--as slack` answers `400 no_text` to a body without `text`.
    #[arg(long = "as", value_name = "ID",
          value_parser = clap::builder::PossibleValuesParser::new(as_destination::ids()))]
    pub as_destination: Option<String>,
}

/// Runs the receiver until Ctrl-C: exit 0 when stopped, 2 when it cannot listen.
pub fn run(args: ReceiveArgs) -> ExitCode {
    let Ok(status) = StatusCode::from_u16(args.status) else {
        eprintln!("hookcheck receive: {} is not an HTTP status", args.status);
        return ExitCode::from(2);
    };
    let (runtime, listener) = match start("receive", args.port) {
        Ok(started) => started,
        Err(code) => return code,
    };
    let receiver = Arc::new(Receiver {
        status,
        delay: Duration::from_millis(args.delay_ms),
        cors: !args.no_cors,
        origins: AllowedOrigins::new(args.allow_origin),
        quiet: args.quiet,
        destination: (args.as_destination.as_deref()).and_then(DestinationId::parse),
        log: Mutex::new(RequestLog::new(Bounds {
            entries: MAX_STORED_REQUESTS,
            bytes: MAX_STORED_BYTES,
        })),
    });
    match runtime.block_on(serve(listener, Arc::clone(&receiver))) {
        Ok(()) => {
            let log = receiver.log();
            say(&format!(
                "hookcheck receive: stopped after {}\n",
                plural(log.total_requests(), "request")
            ));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hookcheck receive: {error}");
            ExitCode::from(2)
        }
    }
}

/// Accepts connections until a stop signal arrives.
async fn serve(listener: TcpListener, receiver: Arc<Receiver>) -> std::io::Result<()> {
    let port = listener.local_addr()?.port();
    // Signal handlers go in before the first line is printed: whoever reads that line may
    // send SIGINT at once, and it must not meet the default handler.
    let mut stop = StopSignal::install()?;
    let base = format!("http://127.0.0.1:{port}/");
    say(&format!("hookcheck receive: listening on {base}\n"));
    say(&format!(
        "paste this URL into hookcheck and press Send; requests are listed at {base}_requests; \
         Ctrl-C stops\n"
    ));
    if let Some(mode) = receiver.describe_mode() {
        say(&format!("answering {mode}\n"));
    }
    if !receiver.origins.as_slice().is_empty() {
        say(&format!(
            "pages that may read and clear what was captured: {}\n",
            receiver.origins.as_slice().join(", ")
        ));
    }
    accept_until_stopped(
        listener,
        "receive",
        &mut stop,
        receiver,
        |receiver, request| async move { receiver.answer(request).await },
    )
    .await;
    Ok(())
}

/// The receiver's settings and what it has received so far.
struct Receiver {
    status: StatusCode,
    delay: Duration,
    /// CORS on the webhook paths (`--no-cors` turns it off).
    cors: bool,
    /// The pages that may read what was captured (`--allow-origin`).
    origins: AllowedOrigins,
    quiet: bool,
    /// `--as`: answer as this destination.
    destination: Option<DestinationId>,
    log: Mutex<RequestLog>,
}

/// The routes that show or clear what was captured; every other request is a webhook call.
#[derive(Debug, Clone, Copy)]
enum Captured {
    ListRequests,
    ClearRequests,
    ListPreflights,
    /// A CORS preflight for one of the above.
    Preflight,
}

impl Captured {
    fn route(parts: &Parts) -> Option<Self> {
        let preflight = origin::is_preflight(&parts.method, &parts.headers);
        match (parts.uri.path(), &parts.method) {
            ("/_requests" | "/_preflights", _) if preflight => Some(Self::Preflight),
            ("/_requests", &Method::GET) => Some(Self::ListRequests),
            ("/_requests", &Method::DELETE) => Some(Self::ClearRequests),
            ("/_preflights", &Method::GET) => Some(Self::ListPreflights),
            _ => None,
        }
    }
}

/// The body of the reply to a recorded request. It describes that request only: no id, no
/// count, nothing a page could learn about earlier requests from.
#[derive(Serialize)]
struct Acknowledgement<'a> {
    ok: bool,
    status: u16,
    received: AcknowledgedRequest<'a>,
}

#[derive(Serialize)]
struct AcknowledgedRequest<'a> {
    method: &'a str,
    path: &'a str,
    bytes: usize,
}

impl Receiver {
    fn log(&self) -> MutexGuard<'_, RequestLog> {
        // A panic while holding the lock cannot leave the log half-updated in a way that
        // matters for a test receiver: keep serving.
        self.log.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn describe_mode(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.status != StatusCode::OK {
            parts.push(format!("status {}", self.status.as_u16()));
        }
        if !self.delay.is_zero() {
            parts.push(format!("after {} ms", self.delay.as_millis()));
        }
        if let Some(destination) = self.destination {
            parts.push(format!("as {}", destination.name()));
        }
        if !self.cors {
            parts.push("refusing CORS (no Access-Control-* headers, preflights 403)".into());
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    async fn answer(&self, request: Request<Incoming>) -> Reply {
        let (parts, body) = request.into_parts();
        if let Err(refusal) = host::check(&parts) {
            if !self.quiet {
                say(&refusal.log_line(&parts));
            }
            return text_reply(refusal.status(), refusal.reason());
        }
        match Captured::route(&parts) {
            Some(route) => self.answer_captured(&parts, route),
            None => self.answer_webhook(&parts, body).await,
        }
    }

    /// What was captured: for tools on this machine and the `--allow-origin` pages only.
    fn answer_captured(&self, parts: &Parts, route: Captured) -> Reply {
        let asker = self.origins.asker(&parts.headers);
        let mut reply = match (&asker, route) {
            (Asker::Refused, _) => {
                if !self.quiet {
                    say(&print::origin_refused(parts));
                }
                text_reply(
                    StatusCode::FORBIDDEN,
                    "hookcheck receive shows what it captured to no web page but those named \
                     with --allow-origin\n",
                )
            }
            (_, Captured::Preflight) => {
                let mut reply = empty_reply(StatusCode::NO_CONTENT);
                cors::grant_preflight(&parts.headers, reply.headers_mut());
                reply
            }
            (_, Captured::ListRequests) => json_reply(StatusCode::OK, self.log().requests()),
            (_, Captured::ClearRequests) => self.clear(),
            (_, Captured::ListPreflights) => json_reply(StatusCode::OK, self.log().preflights()),
        };
        if let Asker::Allowed(origin) = asker {
            origin::grant_origin(origin, reply.headers_mut());
        }
        keep_private(reply.headers_mut());
        reply
    }

    /// A webhook call (or its preflight): recorded, and answered to any page.
    async fn answer_webhook(&self, parts: &Parts, body: Incoming) -> Reply {
        let mut reply = if origin::is_preflight(&parts.method, &parts.headers) {
            self.answer_preflight(parts)
        } else {
            self.record(parts, body).await
        };
        if self.cors {
            cors::grant_any_origin(&parts.headers, reply.headers_mut());
        }
        reply
    }

    fn answer_preflight(&self, parts: &Parts) -> Reply {
        let entry = self
            .log()
            .record_preflight(&parts.method, &path_of(parts), &parts.headers);
        if !self.quiet {
            say(&print::preflight(&entry, self.cors));
        }
        if self.cors {
            let mut reply = empty_reply(StatusCode::NO_CONTENT);
            cors::grant_preflight(&parts.headers, reply.headers_mut());
            reply
        } else {
            text_reply(
                StatusCode::FORBIDDEN,
                "CORS refused: hookcheck receive runs with --no-cors\n",
            )
        }
    }

    fn clear(&self) -> Reply {
        let cleared = self.log().clear();
        json_reply(
            StatusCode::OK,
            serde_json::json!({ "ok": true, "cleared": cleared }),
        )
    }

    async fn record(&self, parts: &Parts, body: Incoming) -> Reply {
        let path = path_of(parts);
        let bytes = match read_body(parts, body, MAX_BODY_BYTES).await {
            Ok(bytes) => bytes,
            Err(BodyError::TooLarge) => {
                if !self.quiet {
                    say(&format!(
                        "refused {} {path}: body over {MAX_BODY_BYTES} bytes (413)\n",
                        parts.method
                    ));
                }
                return text_reply(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    &format!("hookcheck receive records bodies up to {MAX_BODY_BYTES} bytes\n"),
                );
            }
            Err(BodyError::Broken) => {
                return text_reply(StatusCode::BAD_REQUEST, "the request body broke off\n");
            }
        };
        let entry: RecordedRequest =
            self.log()
                .record_request(&parts.method, &path, &parts.headers, &bytes);
        if !self.quiet {
            say(&print::request(&entry, &bytes));
        }
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
        if let Some(destination) = self.destination {
            return as_destination::reply(destination, &parts.headers, &bytes);
        }
        json_reply(
            self.status,
            Acknowledgement {
                ok: self.status.is_success(),
                status: self.status.as_u16(),
                received: AcknowledgedRequest {
                    method: &entry.method,
                    path: &entry.path,
                    bytes: entry.body_bytes_len,
                },
            },
        )
    }
}

/// The request target as sent: path and query for the usual origin form.
fn path_of(parts: &Parts) -> String {
    match parts.uri.path_and_query() {
        Some(path_and_query) if parts.uri.scheme().is_none() => path_and_query.as_str().into(),
        _ => parts.uri.to_string(),
    }
}

/// Headers for a reply that shows what was captured: never cached, and never handed to
/// another origin's `<script>` or `<img>` (which send no `Origin` and ignore CORS).
fn keep_private(headers: &mut HeaderMap) {
    const CROSS_ORIGIN_RESOURCE_POLICY: HeaderName =
        HeaderName::from_static("cross-origin-resource-policy");
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        CROSS_ORIGIN_RESOURCE_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
}
