//! `hookcheck send`: the request `preview` shows, sent from this machine through the guarded
//! sender ([`crate::net`], the relay's too), and the reply explained in the destination's terms.
//!
//! Exit 0 when the destination accepted the request; 1 when it refused it, when the call
//! failed or timed out, or when testRTC's verdict is invalid (nothing is sent); 2 for usage
//! and I/O errors.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use hookcheck_core::api::RequestDocument;
use hookcheck_core::Request;
use serde::Serialize;

use crate::commands::{self, RequestArgs};
use hookcheck_core::browser::relay::{RelayReply, RelayRequest};
use hookcheck_core::destination::reply::ReplyVerdict;

use crate::explain;
use crate::net::{self, tls, Received, SendError, Sender};
use crate::terminal;

/// The most reply body printed; the rest is cut and the cut marked.
pub const SHOWN_BODY_BYTES: usize = 64 * 1024;

/// Options of `hookcheck send`.
#[derive(clap::Args, Debug)]
pub struct SendArgs {
    #[command(flatten)]
    request: RequestArgs,
    /// Give up when no whole reply has come within this many seconds (1 to 60).
    #[arg(long, value_name = "SECONDS", default_value_t = net::DEFAULT_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=net::MAX_TIMEOUT.as_secs()))]
    timeout: u64,
    /// Also trust the certificates in this PEM file as roots (a corporate or private CA).
    #[arg(long, value_name = "PEM")]
    ca_file: Option<PathBuf>,
    /// Allow a target on this machine or the local network (loopback, private, link-local
    /// addresses...), such as a local `hookcheck receive`.
    #[arg(long)]
    allow_private: bool,
    /// Print `{"request", "response", "error", "arrived", "explanation"}` as JSON.
    #[arg(long)]
    json: bool,
}

/// What became of the call.
enum Outcome {
    Replied(Received, ReplyVerdict),
    Failed(SendError),
    /// Amazon SNS: never sent.
    Sns,
}

/// The sentence for SNS, which hookcheck never sends.
const SNS_NOT_SENT: &str = "Amazon SNS is not sent: a Publish must be signed with AWS Signature \
    Version 4 using the secret access key, which hookcheck never does; try it with the AWS CLI \
    (`aws sns publish`).";

pub fn run(args: SendArgs) -> ExitCode {
    let extra_roots = match args.ca_file.as_deref().map(tls::read_ca_file).transpose() {
        Ok(roots) => roots.unwrap_or_default(),
        Err(message) => return commands::fail(&message),
    };
    let tls = match tls::client_config(&extra_roots) {
        Ok(tls) => tls,
        Err(message) => return commands::fail(&message),
    };
    let request = match commands::build_request(&args.request) {
        Ok(request) => request,
        Err(code) => return code,
    };
    let outcome = if request.is_sendable() {
        let sender = Sender::new(tls, args.allow_private);
        match send(&sender, &request, Duration::from_secs(args.timeout)) {
            Ok(outcome) => outcome,
            Err(message) => return commands::fail(&message),
        }
    } else {
        Outcome::Sns
    };
    let arrived = matches!(&outcome, Outcome::Replied(_, verdict) if verdict.arrived);
    if args.json {
        commands::print_json(&document(&request, &outcome));
    } else {
        print_text(&request, &outcome);
    }
    ExitCode::from(if arrived { 0 } else { 1 })
}

/// Sends on a runtime of its own; `Err` only when the runtime cannot start.
fn send(sender: &Sender, request: &Request, timeout: Duration) -> Result<Outcome, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start: {error}"))?;
    let outgoing = RelayRequest::of(
        request,
        u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX),
    );
    Ok(match runtime.block_on(sender.send(&outgoing, timeout)) {
        Ok(received) => {
            let verdict = explain::reply(request.destination().map(|found| found.id), &received);
            Outcome::Replied(received, verdict)
        }
        Err(error) => Outcome::Failed(error),
    })
}

/// What `send --json` prints.
#[derive(Serialize)]
struct SendDocument {
    request: RequestDocument,
    /// The relay's reply document.
    response: Option<RelayReply>,
    error: Option<String>,
    arrived: bool,
    explanation: String,
}

fn document(request: &Request, outcome: &Outcome) -> SendDocument {
    let request = RequestDocument::new(request);
    match outcome {
        Outcome::Replied(received, verdict) => SendDocument {
            request,
            response: Some(net::reply_document(received, SHOWN_BODY_BYTES)),
            error: None,
            arrived: verdict.arrived,
            explanation: verdict.sentence.clone(),
        },
        Outcome::Failed(error) => SendDocument {
            request,
            response: None,
            error: Some(error.detail()),
            arrived: false,
            explanation: error.sentence(),
        },
        Outcome::Sns => SendDocument {
            request,
            response: None,
            error: Some(SNS_NOT_SENT.into()),
            arrived: false,
            explanation: SNS_NOT_SENT.into(),
        },
    }
}

/// The request line, then the reply (status and time, headers, body) and the verdict; or
/// why there is no reply.
fn print_text(request: &Request, outcome: &Outcome) {
    let mut out = io::stdout().lock();
    let _ = writeln!(
        out,
        "{} {}",
        request.method,
        terminal::safe(&request.masked_url())
    );
    let _ = match outcome {
        Outcome::Replied(received, verdict) => {
            let _ = write!(out, "{}", reply_text(received));
            let word = if verdict.arrived {
                "arrived"
            } else {
                "refused"
            };
            writeln!(out, "\n{word}: {}", terminal::safe(&verdict.sentence))
        }
        Outcome::Failed(error) => {
            let word = if nothing_sent(error) {
                "not sent"
            } else {
                "failed"
            };
            writeln!(out, "{word}: {}", terminal::safe(&error.sentence()))
        }
        Outcome::Sns => writeln!(out, "not sent: {SNS_NOT_SENT}"),
    };
}

/// Whether the request never left this machine (checked and refused, or no connection).
fn nothing_sent(error: &SendError) -> bool {
    !matches!(error, SendError::Timeout(_) | SendError::Reply(_))
}

/// `400 Bad Request in 12 ms`, the headers, a blank line and the body (cut and marked past
/// [`SHOWN_BODY_BYTES`]).
fn reply_text(received: &Received) -> String {
    let mut text = format!(
        "{} in {} ms\n",
        explain::status_line(received.status),
        received.elapsed.as_millis()
    );
    for (name, value) in &received.headers {
        text.push_str(&format!("{name}: {}\n", terminal::safe(value)));
    }
    let (body, cut) = net::body_text(&received.body, SHOWN_BODY_BYTES);
    if !body.is_empty() {
        text.push('\n');
        text.push_str(&terminal::safe(&body));
        text.push('\n');
    }
    if cut || received.truncated {
        text.push_str(&format!(
            "[body cut: the first {} bytes are shown]\n",
            body.len()
        ));
    }
    text
}
