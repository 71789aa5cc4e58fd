//! Failure classification: every way a test call can fail, named from the DOM-free facts
//! the wasm layer gathers about a call that produced no response.

use super::preflight::{mixed_content, scheme_of, Preflight};
use crate::browser::relay::RelayFailure;
use crate::syntax::url::UrlParts;

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
    pub target: Option<UrlParts>,
    /// [`predict_preflight`](super::predict_preflight) for the request.
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
    /// A call through the paired `hookcheck relay` brought no reply of the destination.
    Relay(RelayFailure),
}

impl SendFailure {
    /// A call that ended before any answer for a reason of the page's own, in this order:
    /// cancelled by the person, timed out, or refused by the browser (its `rejected` words);
    /// `None` when none of these holds. The direct call and the relayed one both end so.
    pub fn ended_early(
        cancelled: bool,
        timed_out: bool,
        elapsed_ms: u32,
        timeout_ms: u32,
        rejected: Option<&str>,
    ) -> Option<SendFailure> {
        if cancelled {
            return Some(SendFailure::Cancelled {
                after_ms: elapsed_ms,
            });
        }
        if timed_out {
            return Some(SendFailure::Timeout {
                after_ms: timeout_ms,
            });
        }
        rejected.map(|message| SendFailure::Rejected {
            message: message.to_owned(),
        })
    }
}

/// Names the failure from the facts of a call that produced no response.
pub fn classify(facts: &FetchFacts) -> SendFailure {
    if let Some(failure) = SendFailure::ended_early(
        facts.aborted_by_user,
        facts.timed_out,
        facts.elapsed_ms,
        facts.timeout_ms,
        facts.rejected.as_deref(),
    ) {
        return failure;
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
