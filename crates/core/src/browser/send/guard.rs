//! The guard rails: what stops a test call before it goes out, what to ask first, and the
//! timeout the person may choose.

use super::preflight::sent_headers;
use super::TIMEOUT_RANGE_MS;
use crate::render::request::Request;
use crate::secrets;

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

/// Whether the test call may go out. `request` is `None` (or `has_errors` true) when the
/// input is invalid; an SNS request is never sent.
pub fn send_guard(request: Option<&Request>, has_errors: bool) -> Result<(), Refusal> {
    let request = match request {
        Some(request) if !has_errors => request,
        _ => return Err(Refusal::InvalidInput),
    };
    let Some(parts) = request.url_parts() else {
        return Err(Refusal::Sns);
    };
    if parts.has_credentials {
        return Err(Refusal::CredentialsInUrl);
    }
    Ok(())
}

/// A question to ask before sending credential-looking headers to a host other than this
/// machine (`localhost`, `127.0.0.1`, `::1`); `None` when there is nothing to ask. Names
/// the headers, never their values.
pub fn needs_confirmation(request: &Request) -> Option<String> {
    let parts = request.url_parts()?;
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
    let seconds = crate::syntax::json::number::parse_f64(text.trim())
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

/// `ms` in seconds, exactly and without trailing zeros: `0.1`, `2.25`, `300`.
fn exact_seconds(ms: u32) -> String {
    let text = format!("{}.{:03}", ms / 1000, ms % 1000);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
