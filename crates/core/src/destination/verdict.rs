//! The destination's verdict, apart from testRTC's: will the recognised destination accept
//! the request testRTC sends? testRTC's verdict (is the config usable?) is the report's
//! validity; a request the destination refuses is still the request testRTC sends.

use super::judge::{judge, Finding, Received};
use crate::catalog::{DestinationId, Recognised};
use crate::diagnostic::Rule;
use crate::render::request::Request;
use crate::render::sample::Outcome;

/// Whether the destination accepts a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// It takes it (a queued `202` counts).
    Arrives,
    /// It refuses it.
    Refused(Refusal),
}

impl Arrival {
    /// The verdict on one request; `None` when its URL names no destination.
    pub fn of(request: &Request) -> Option<Arrival> {
        let found = request.destination()?;
        let findings = judge(found, &Received::of(request, "the body"));
        Some(
            findings
                .iter()
                .find_map(|finding| Refusal::of(found, finding))
                .map_or(Arrival::Arrives, Arrival::Refused),
        )
    }

    pub fn arrives(&self) -> bool {
        matches!(self, Arrival::Arrives)
    }

    /// The reply of a refusal: "400 no_text".
    pub fn reply(&self) -> Option<&str> {
        match self {
            Arrival::Arrives => None,
            Arrival::Refused(refusal) => Some(&refusal.reply),
        }
    }
}

/// How a destination refuses a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub destination: DestinationId,
    /// Its reply, as messages quote it without the code marks: `400 no_text`.
    pub reply: String,
    /// Whether the refusal is likely rather than documented (a self-hosted tool recognised
    /// as probable, an unconfirmed rule).
    pub likely: bool,
    /// The finding's message: what is wrong and why.
    pub message: String,
    /// The outcomes refused, when a check judged all of them (empty for one request).
    pub outcomes: Vec<Outcome>,
}

impl Refusal {
    /// The refusal a finding stands for, if its reply refuses.
    pub fn of(found: Recognised, finding: &Finding) -> Option<Refusal> {
        let reply = finding.reply.filter(|reply| !reply.delivered)?;
        let quote = reply.quote.replace('`', "");
        Some(Refusal {
            destination: found.id,
            reply: match &finding.field {
                Some(field) => quote.replace("{field}", field),
                None => quote,
            },
            likely: found.probable || finding.rule == Rule::DestinationMissingFieldLikely,
            message: finding.message.clone(),
            outcomes: Vec::new(),
        })
    }

    /// "Slack answers 400 no_text", "Mattermost likely answers 400 No text specified".
    pub fn summary(&self) -> String {
        format!(
            "{} {}answers {}",
            self.destination.short_name(),
            if self.likely { "likely " } else { "" },
            self.reply
        )
    }
}
