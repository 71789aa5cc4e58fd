//! The documents hookcheck gives to programs. `hookcheck check --json` and
//! `hookcheck preview --json` print them, and the JS API's `validate` and `preview` return
//! them as JS objects, so the two cannot drift apart. `static/hookcheck-api.d.ts` declares
//! them for TypeScript, and an end-to-end test holds the declarations to what the API returns.

use serde::Serialize;

use crate::destination::{Arrival, Recognised};
use crate::diagnostic::{LocatedDiagnostic, Severity};
use crate::pipeline::Report;
use crate::render::request::Request;
use crate::repeats::Omitted;

/// What `check --json` prints and `validate()` returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckDocument {
    /// No error (warnings never make a text invalid).
    pub valid: bool,
    /// `"webhook"` or `"run-options"`: the mode the text was checked in.
    pub mode: &'static str,
    /// Sorted by position, then severity: every distinct problem, but at most
    /// [`KEPT_PER_CODE`](crate::repeats::KEPT_PER_CODE) of one code.
    pub diagnostics: Vec<LocatedDiagnostic>,
    /// For each code with more findings than `diagnostics` lists, how many more.
    pub omitted: Vec<OmittedDocument>,
    /// The service the URL names, when hookcheck recognises it.
    pub destination: Option<DestinationDocument>,
    /// The destination's verdict, apart from `valid` (testRTC's): whether it accepts every
    /// outcome's request; `null` when no destination is recognised.
    pub arrives: Option<bool>,
}

impl CheckDocument {
    /// The document of `report`, made from `text`, the text it checked.
    pub fn new(report: &Report, text: &str) -> Self {
        CheckDocument {
            valid: report.is_valid(),
            mode: report.mode.as_str(),
            diagnostics: report.located(text),
            omitted: report.omitted.iter().map(OmittedDocument::new).collect(),
            destination: report.destination.as_ref().map(DestinationDocument::new),
            arrives: report.arrives(),
        }
    }
}

/// `{"code": "json-trailing-comma", "severity": "error", "count": 4}`: findings of one code
/// past the first [`KEPT_PER_CODE`](crate::repeats::KEPT_PER_CODE), which a check counts but
/// does not list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OmittedDocument {
    pub code: &'static str,
    pub severity: Severity,
    pub count: usize,
}

impl OmittedDocument {
    pub fn new(omitted: &Omitted) -> Self {
        OmittedDocument {
            code: omitted.rule.code(),
            severity: omitted.rule.severity(),
            count: omitted.count,
        }
    }
}

/// What `preview --json` prints and `preview()` returns: the request as it is sent, header
/// values included (the text came from whoever asks), and the exact body bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RequestDocument {
    pub method: String,
    pub url: String,
    /// `[name, value]` pairs in the order they are sent.
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The service the URL names, when hookcheck recognises it.
    pub destination: Option<DestinationDocument>,
    /// Whether that destination accepts this request; `null` when none is recognised.
    pub arrival: Option<ArrivalDocument>,
}

impl RequestDocument {
    pub fn new(request: &Request) -> Self {
        RequestDocument {
            method: request.method.to_string(),
            url: request.url.to_string(),
            headers: request.header_pairs(),
            body: request.body.clone(),
            destination: request.destination().as_ref().map(DestinationDocument::new),
            arrival: Arrival::of(request).as_ref().map(ArrivalDocument::new),
        }
    }
}

/// `{"arrives": false, "reply": "400 no_text"}`: the destination's verdict on one request,
/// and the reply it refuses it with (`null` when it arrives).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArrivalDocument {
    pub arrives: bool,
    pub reply: Option<String>,
}

impl ArrivalDocument {
    pub fn new(arrival: &Arrival) -> Self {
        ArrivalDocument {
            arrives: arrival.arrives(),
            reply: arrival.reply().map(str::to_string),
        }
    }
}

/// `{"id": "slack", "name": "Slack incoming webhook"}`: a recognised destination. `id` is
/// one of the ids listed in docs/destinations.md; `name` says "probably" for self-hosted tools.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DestinationDocument {
    pub id: &'static str,
    pub name: String,
}

impl DestinationDocument {
    pub fn new(found: &Recognised) -> Self {
        DestinationDocument {
            id: found.id.id(),
            name: found.label(),
        }
    }
}
