//! The words the person reads about each failure and refusal: a title, what happened,
//! and what to do.

use super::failure::SendFailure;
use super::guard::Refusal;
use crate::browser::explanation::Explanation;

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

/// Why CORS does not matter to testRTC, said in every CORS-related explanation.
const SERVER_TO_SERVER: &str = "testRTC calls your webhook server to server, where CORS does not apply, so this does not mean the webhook is broken.";

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
            SendFailure::Relay(failure) => failure.kind(),
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
            SendFailure::Relay(failure) => failure.short(),
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
            SendFailure::Relay(failure) => failure.explain(),
        }
    }
}
