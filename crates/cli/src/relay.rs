//! `hookcheck relay`: the app's test call, sent from this machine, so that it reaches
//! destinations a browser cannot (no CORS, a refused preflight), with the real reply.
//!
//! One route, `POST /_relay`, on 127.0.0.1 only: a request document
//! (`{"method", "url", "headers", "body", "timeout_ms"?}`, [`protocol`]) with
//! `Authorization: Bearer TOKEN` ([`token`]) is sent with `send`'s guarded sender
//! ([`crate::net`]) and answered `200 {"status", "status_text", "headers", "body", "ms",
//! "truncated"}`; every refusal is an error status with `{"error", "kind"}`. The documents
//! are core's (`hookcheck_core::browser::relay`), the ones the app reads and writes.
//!
//! What it guards, in the order it checks (docs/security.md names each test):
//! - the `Host` must be a loopback name (DNS rebinding), as for `receive`;
//! - a request with an `Origin` must come from the app's origin (`--app`) or an
//!   `--allow-origin` one, else `403` with no CORS header; only those get a preflight answer,
//!   which grants Chrome's Private Network Access. A request without `Origin` (curl, a script)
//!   relies on the token alone;
//! - the token, compared in constant time: `401` and nothing sent;
//! - a document of at most 1 MiB (`413`), `POST` only (`400`), a timeout of at most 60 s;
//! - at most [`MAX_CALLS`] calls at once (`429` past that);
//! - and in the sender: no target on this machine or the local network unless
//!   `--allow-private` (`403`), no redirect followed, the reply read to at most 1 MiB.
//!
//! The log names each call by its method, its URL with secrets masked, and how many headers
//! and bytes it had: never a header's value, a body or the token.

mod protocol;
mod token;

use std::process::ExitCode;
use std::sync::Arc;

use hyper::body::Incoming;
use hyper::header::{
    HeaderMap, HeaderValue, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_MAX_AGE, ALLOW, CACHE_CONTROL, ORIGIN, WWW_AUTHENTICATE,
};
use hyper::http::request::Parts;
use hyper::{Method, Request, StatusCode, Uri};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use hookcheck_core::browser::relay::{self as protocol_facts, kind};
use hookcheck_core::catalog::recognise;
use hookcheck_core::words::plural;

use self::protocol::{Call, Refusal};
use crate::explain;
use crate::net::{self, tls, Sender, MAX_REPLY_BYTES};
use crate::server::origin::{self, AllowedOrigins, Asker};
use crate::server::{
    accept_until_stopped, empty_reply, host, json_reply, read_body, say, start, BodyError, Reply,
    StopSignal,
};
use crate::terminal;

/// The relay's one path.
pub const RELAY_PATH: &str = protocol_facts::PATH;

/// Largest request document; a larger one is answered 413.
pub const MAX_DOCUMENT_BYTES: usize = protocol_facts::MAX_DOCUMENT_BYTES;

/// Calls sent at once; one more is answered 429.
pub const MAX_CALLS: usize = protocol_facts::MAX_CALLS;

/// Options of `hookcheck relay`.
#[derive(clap::Args, Debug)]
pub struct RelayArgs {
    /// Port on 127.0.0.1; 0 picks a free one (the first output line names it).
    #[arg(long, default_value_t = 8788)]
    pub port: u16,

    /// The token every call must carry (16 to 256 of A-Z a-z 0-9 - _ . ~); a random
    /// 128-bit one when absent.
    #[arg(long, value_parser = token::parse)]
    pub token: Option<String>,

    /// Let the web page at ORIGIN use the relay too (the app's own origin always may);
    /// repeat for more.
    #[arg(long = "allow-origin", value_name = "ORIGIN", value_parser = origin::parse_origin)]
    pub allow_origin: Vec<String>,

    /// Let calls reach this machine and the local network (loopback, private, link-local
    /// addresses...), such as a local `hookcheck receive`.
    #[arg(long)]
    pub allow_private: bool,

    /// Where the app is served: the pairing link opens it, and its origin may use the relay.
    #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8080/",
          value_parser = parse_app_url)]
    pub app: AppUrl,
}

/// The `--app` URL and its origin.
#[derive(Clone, Debug)]
pub struct AppUrl {
    url: String,
    origin: String,
}

/// Parses `--app`: an http(s) URL without user info or fragment.
fn parse_app_url(text: &str) -> Result<AppUrl, String> {
    if text.contains('#') {
        return Err("the app URL takes no #fragment: the pairing link adds one".into());
    }
    let uri: Uri = text
        .parse()
        .map_err(|_| "the app URL is a URL such as http://127.0.0.1:8080/".to_string())?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err("the app URL is a URL such as http://127.0.0.1:8080/".into());
    };
    let origin = origin::parse_origin(&format!("{scheme}://{authority}"))?;
    Ok(AppUrl {
        url: text.to_owned(),
        origin,
    })
}

/// Runs the relay until Ctrl-C: exit 0 when stopped, 2 when it cannot start.
pub fn run(args: RelayArgs) -> ExitCode {
    let token = match args.token {
        Some(token) => token,
        None => match token::random() {
            Ok(token) => token,
            Err(message) => return cannot_start(&message),
        },
    };
    let tls = match tls::client_config(&[]) {
        Ok(tls) => tls,
        Err(message) => return cannot_start(&message),
    };
    let (runtime, listener) = match start("relay", args.port) {
        Ok(started) => started,
        Err(code) => return code,
    };
    let mut origins = vec![args.app.origin.clone()];
    origins.extend(args.allow_origin);
    origins.dedup();
    let relay = Arc::new(Relay {
        token,
        origins: AllowedOrigins::new(origins),
        sender: Sender::new(tls, args.allow_private),
        slots: Semaphore::new(MAX_CALLS),
    });
    match runtime.block_on(serve(listener, &args.app, relay)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hookcheck relay: {error}");
            ExitCode::from(2)
        }
    }
}

fn cannot_start(message: &str) -> ExitCode {
    eprintln!("hookcheck relay: cannot start: {message}");
    ExitCode::from(2)
}

/// Prints where it listens and the pairing link, then serves until a stop signal.
async fn serve(listener: TcpListener, app: &AppUrl, relay: Arc<Relay>) -> std::io::Result<()> {
    let port = listener.local_addr()?.port();
    let mut stop = StopSignal::install()?;
    say(&format!(
        "hookcheck relay: listening on http://127.0.0.1:{port}/\n"
    ));
    say(&format!(
        "pair the app by opening {}#relay={port}:{}\n",
        app.url, relay.token
    ));
    say(&format!(
        "pages that may use it: {}\n",
        relay.origins.as_slice().join(", ")
    ));
    say(if relay.sender.allows_private() {
        "sends to any address, this machine and the local network included (--allow-private); \
         Ctrl-C stops\n"
    } else {
        "sends to public addresses only (--allow-private also lets it reach this machine and \
         the local network); Ctrl-C stops\n"
    });
    accept_until_stopped(
        listener,
        "relay",
        &mut stop,
        relay,
        |relay, request| async move { relay.answer(request).await },
    )
    .await;
    say("hookcheck relay: stopped\n");
    Ok(())
}

/// The relay's settings.
struct Relay {
    token: String,
    /// The app's origin and the `--allow-origin` ones.
    origins: AllowedOrigins,
    sender: Sender,
    /// One permit per call being sent.
    slots: Semaphore,
}

impl Relay {
    async fn answer(&self, request: Request<Incoming>) -> Reply {
        let (parts, body) = request.into_parts();
        if let Err(refusal) = host::check(&parts) {
            say(&refusal.log_line(&parts));
            let kind = Refusal::new(refusal.status(), kind::HOST, refusal.reason().trim_end());
            return refusal_reply(&kind);
        }
        let origin = match self.origins.asker(&parts.headers) {
            Asker::Refused => {
                say(&format!(
                    "refused {} {} from the page at {}: not the app's origin nor an \
                     --allow-origin ({})\n",
                    parts.method,
                    terminal::shortened(parts.uri.path()),
                    terminal::shortened(&lossy(parts.headers.get(ORIGIN))),
                    StatusCode::FORBIDDEN.as_u16()
                ));
                return refusal_reply(&Refusal::new(
                    StatusCode::FORBIDDEN,
                    kind::ORIGIN,
                    "hookcheck relay serves no web page but the app's and those named with \
                     --allow-origin.",
                ));
            }
            Asker::Allowed(origin) => Some(origin.clone()),
            Asker::Local => None,
        };
        let mut reply = self.answer_allowed(&parts, body).await;
        if let Some(origin) = origin {
            origin::grant_origin(&origin, reply.headers_mut());
        }
        reply
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        reply
    }

    /// A request from this machine or an allowed page.
    async fn answer_allowed(&self, parts: &Parts, body: Incoming) -> Reply {
        if parts.uri.path() != RELAY_PATH {
            return self.refuse(
                parts,
                Refusal::new(
                    StatusCode::NOT_FOUND,
                    kind::ROUTE,
                    "hookcheck relay answers POST /_relay only.",
                ),
            );
        }
        if origin::is_preflight(&parts.method, &parts.headers) {
            let mut reply = empty_reply(StatusCode::NO_CONTENT);
            grant_preflight(reply.headers_mut());
            return reply;
        }
        if parts.method != Method::POST {
            let mut reply = self.refuse(
                parts,
                Refusal::new(
                    StatusCode::METHOD_NOT_ALLOWED,
                    kind::HTTP_METHOD,
                    "hookcheck relay takes POST /_relay only.",
                ),
            );
            reply
                .headers_mut()
                .insert(ALLOW, HeaderValue::from_static("POST, OPTIONS"));
            return reply;
        }
        if !token::is_presented(&parts.headers, &self.token) {
            let mut reply = self.refuse(
                parts,
                Refusal::new(
                    StatusCode::UNAUTHORIZED,
                    kind::TOKEN,
                    "The relay's token is missing or wrong: pair the app again with the link \
                     the relay printed.",
                ),
            );
            reply
                .headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return reply;
        }
        let bytes = match read_body(parts, body, MAX_DOCUMENT_BYTES).await {
            Ok(bytes) => bytes,
            Err(BodyError::TooLarge) => {
                return self.refuse(
                    parts,
                    Refusal::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        kind::TOO_LARGE,
                        format!("The request document is over {MAX_DOCUMENT_BYTES} bytes."),
                    ),
                )
            }
            Err(BodyError::Broken) => {
                return self.refuse(
                    parts,
                    Refusal::new(
                        StatusCode::BAD_REQUEST,
                        kind::DOCUMENT,
                        "The request document broke off.",
                    ),
                )
            }
        };
        let call = match Call::parse(&bytes) {
            Ok(call) => call,
            Err(refusal) => return self.refuse(parts, refusal),
        };
        let Ok(_slot) = self.slots.try_acquire() else {
            return self.refuse(
                parts,
                Refusal::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    kind::BUSY,
                    format!("The relay is already sending {MAX_CALLS} calls: try again when one has ended."),
                ),
            );
        };
        let result = self.sender.send(&call.outgoing, call.timeout).await;
        let outgoing = &call.outgoing;
        let summary = format!(
            "{} {} ({}, {} bytes)",
            terminal::safe(&outgoing.method),
            // A relayed URL was never checked by core: its secrets are read from the text.
            terminal::shortened(&recognise::masked_url(&outgoing.url)),
            plural(outgoing.headers.len() as u64, "header"),
            outgoing.body.len()
        );
        match result {
            Ok(received) => {
                say(&format!(
                    "relayed {summary} -> {} in {} ms\n",
                    explain::status_line(received.status),
                    received.elapsed.as_millis()
                ));
                json_reply(
                    StatusCode::OK,
                    net::reply_document(&received, MAX_REPLY_BYTES),
                )
            }
            Err(error) => {
                let refusal = Refusal::from_send(&error);
                say(&format!(
                    "relayed {summary} -> {} ({})\n",
                    refusal.status.as_u16(),
                    error.kind()
                ));
                refusal_reply(&refusal)
            }
        }
    }

    /// Logs a refusal (by its kind: never what was sent) and answers it.
    fn refuse(&self, parts: &Parts, refusal: Refusal) -> Reply {
        say(&format!(
            "refused {} {} with {} ({})\n",
            parts.method,
            terminal::shortened(parts.uri.path()),
            refusal.status.as_u16(),
            refusal.document.kind
        ));
        refusal_reply(&refusal)
    }
}

fn refusal_reply(refusal: &Refusal) -> Reply {
    json_reply(refusal.status, &refusal.document)
}

/// What an allowed page's preflight is granted: POST with the token and a JSON body, from a
/// page on the public internet too (Private Network Access).
fn grant_preflight(headers: &mut HeaderMap) {
    headers.insert(
        ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    );
    headers.insert(
        ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("authorization, content-type"),
    );
    headers.insert(
        origin::ALLOW_PRIVATE_NETWORK,
        HeaderValue::from_static("true"),
    );
    headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
}

fn lossy(value: Option<&HeaderValue>) -> String {
    value.map_or_else(String::new, |value| {
        String::from_utf8_lossy(value.as_bytes()).into_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_url_gives_its_origin() {
        let app = parse_app_url("https://Hookcheck.Example.com/app/").unwrap();
        assert_eq!(app.origin, "https://hookcheck.example.com");
        assert_eq!(app.url, "https://Hookcheck.Example.com/app/");
        assert_eq!(
            parse_app_url("http://127.0.0.1:8080/").unwrap().origin,
            "http://127.0.0.1:8080"
        );
    }

    #[test]
    fn an_app_url_with_a_fragment_user_info_or_no_scheme_is_refused() {
        for bad in [
            "http://127.0.0.1:8080/#x",
            "http://user@127.0.0.1:8080/",
            "127.0.0.1:8080",
            "ftp://example.com/",
        ] {
            assert!(parse_app_url(bad).is_err(), "{bad}");
        }
    }
}
