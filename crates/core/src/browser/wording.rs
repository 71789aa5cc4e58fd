//! What the app's panels say, besides the send panel (whose words are
//! [`send::wording`](super::send::wording)): the two verdicts, the note on an SNS preview, the
//! memory and share panels and the sample editor. Components show these as they are, so
//! every sentence the person reads is written here once.

use crate::product::Product;
use crate::render::sample::Outcome;
use crate::words::plural;

// ---- The preview of an SNS Publish ----------------------------------------------------

/// The note above an SNS preview, in the three parts around the topic's ARN (which the app
/// shows as code): a bold title, then a sentence naming the topic.
pub const SNS_NOTE: [&str; 3] = [
    "Amazon SNS: never sent from here. ",
    "This is the SNS Publish call testRTC makes to topic ",
    ". It needs AWS request signing with your secret key, so hookcheck only previews it.",
];

/// The heading of the exact body: an SNS Publish is a form-encoded call.
pub const fn body_heading(sns: bool) -> &'static str {
    if sns {
        "Body (form-encoded Publish)"
    } else {
        "Body"
    }
}

/// The heading of the pretty view: for SNS, the message inside the Publish.
pub const fn pretty_heading(sns: bool) -> &'static str {
    if sns {
        "Message, pretty-printed"
    } else {
        "Pretty-printed"
    }
}

// ---- The memory panel -------------------------------------------------------------------

/// The memory panel's second switch: what is left out when it is off (the input's
/// [`Report::secrets`](crate::Report::secrets)).
pub const STORE_SECRETS: &str = "…secrets included (off: secret header values, the URL's tokens and user info, routing and SNS keys are left out before storing)";

// ---- The share panel --------------------------------------------------------------------

/// Under the share panel's title: where the state goes, and where it never goes.
pub const SHARE_HINT: &str = "Everything here runs in your browser. The link holds the state in its #fragment, which browsers never send to a server.";

/// The label before the share link: while it is being copied (`None`), once it was copied,
/// or when the clipboard refused it and the person must copy it by hand.
pub const fn share_link_status(copied: Option<bool>) -> &'static str {
    match copied {
        None => "The link:",
        Some(true) => "Copied. The link:",
        Some(false) => "Copy this link:",
    }
}

// ---- The sample editor ------------------------------------------------------------------

/// The sample editor's title for `outcome`: `Sample data (failure)`.
pub fn sample_heading(outcome: Outcome) -> String {
    format!("Sample data ({})", outcome.as_str())
}

/// Under the sample editor's title.
pub const SAMPLE_HINT: &str =
    "testRTC's documented sample values; edit any of them and the preview follows.";

/// Under the sample editor's title, for a product whose data is a payload: `The watchRTC
/// alert as JSON: …`.
pub fn payload_hint(product: Product) -> String {
    let data = product.data();
    let mut first = data.chars();
    let capital: String = first
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(first)
        .collect();
    format!("{capital} as JSON, shaped as testRTC's docs show it: edit it and the preview follows.")
}

/// The label of the product choice.
pub const PRODUCT_LABEL: &str = "Product";

/// The values the sample editor offers for `runType`, as testRTC documents them.
pub const RUN_TYPES: [&str; 2] = ["test", "monitor"];

/// The label of the choice that adds every documented variable to the default body.
pub const EVERY_VARIABLE: &str = "Include every variable in the default payload (assumed)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sns_note_names_the_topic_between_its_parts() {
        let note = format!(
            "{}{}{}{}",
            SNS_NOTE[0], SNS_NOTE[1], "arn:aws:sns:us-east-1:1:t", SNS_NOTE[2]
        );
        assert_eq!(
            note,
            "Amazon SNS: never sent from here. This is the SNS Publish call testRTC makes to topic arn:aws:sns:us-east-1:1:t. It needs AWS request signing with your secret key, so hookcheck only previews it."
        );
    }

    #[test]
    fn the_share_link_s_label_says_whether_it_was_copied() {
        assert_eq!(share_link_status(Some(true)), "Copied. The link:");
        assert_eq!(share_link_status(Some(false)), "Copy this link:");
        assert_eq!(share_link_status(None), "The link:");
    }

    #[test]
    fn the_sample_heading_names_the_outcome() {
        assert_eq!(sample_heading(Outcome::Warnings), "Sample data (warnings)");
        assert_eq!(sample_heading(Outcome::Alert), "Sample data (alert)");
    }

    #[test]
    fn a_payload_s_hint_names_it() {
        assert_eq!(
            payload_hint(Product::WatchRtc),
            "The watchRTC alert as JSON, shaped as testRTC's docs show it: edit it and the preview follows."
        );
    }

    #[test]
    fn an_sns_body_is_called_a_form_encoded_publish() {
        assert_eq!(body_heading(true), "Body (form-encoded Publish)");
        assert_eq!(pretty_heading(false), "Pretty-printed");
    }
}

// ---- The verdicts -----------------------------------------------------------------------

/// Which verdict the badge shows, for its look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadgeKind {
    /// testRTC cannot use the config.
    Invalid,
    /// testRTC sends it; the destination refuses at least one outcome's request.
    WontArrive,
    Valid,
}

impl BadgeKind {
    /// The CSS class of the badge.
    pub const fn class(self) -> &'static str {
        match self {
            BadgeKind::Invalid => "invalid",
            BadgeKind::WontArrive => "wont-arrive",
            BadgeKind::Valid => "valid",
        }
    }
}

/// The validity badge: `Invalid · 2 errors · 1 warning`, `Won't arrive · Slack answers 400
/// no_text`, or `Valid · 1 warning`. The two verdicts are never merged: an invalid config
/// says only why testRTC cannot use it.
pub fn badge(report: &crate::pipeline::Report) -> (BadgeKind, String) {
    use crate::diagnostic::Severity;
    let warnings = plural(report.count(Severity::Warning) as u64, "warning");
    match &report.arrival {
        _ if !report.is_valid() => (
            BadgeKind::Invalid,
            format!(
                "Invalid · {} · {warnings}",
                plural(report.testrtc_errors() as u64, "error")
            ),
        ),
        Some(crate::destination::Arrival::Refused(refusal)) => (
            BadgeKind::WontArrive,
            format!("Won't arrive · {}", refusal.summary()),
        ),
        _ => (BadgeKind::Valid, format!("Valid · {warnings}")),
    }
}

/// The destination's verdict on the selected outcome's request, above it, from its
/// [`Arrival`](crate::destination::Arrival): `None` when no destination is recognised.
pub fn arrival(
    request: &crate::render::request::Request,
    arrival: Option<&crate::destination::Arrival>,
) -> Option<(bool, String)> {
    Some(match arrival? {
        crate::destination::Arrival::Arrives => (
            true,
            format!(
                "Arrives: {} accepts this request.",
                request.destination()?.id.short_name()
            ),
        ),
        crate::destination::Arrival::Refused(refusal) => (
            false,
            format!(
                "Won't arrive: {}. testRTC sends this request all the same.",
                refusal.summary()
            ),
        ),
    })
}

#[cfg(test)]
mod verdict_tests {
    use super::*;
    use crate::destination::Arrival;
    use crate::{check, render_request, Outcome, SampleData};

    const SLACK: &str = "https://hooks.slack.com/services/T000/B000/XXXX";

    #[test]
    fn the_badge_says_invalid_wont_arrive_or_valid() {
        assert_eq!(
            badge(&check(r#"{"url": "https://example.com/h",}"#, None)),
            (BadgeKind::Invalid, "Invalid · 1 error · 0 warnings".into())
        );
        assert_eq!(
            badge(&check(SLACK, None)),
            (
                BadgeKind::WontArrive,
                "Won't arrive · Slack answers 400 no_text".into()
            )
        );
        assert_eq!(
            badge(&check("http://example.com/h", None)),
            (BadgeKind::Valid, "Valid · 1 warning".into())
        );
    }

    #[test]
    fn an_invalid_config_says_only_why_testrtc_cannot_use_it() {
        // A destination error beside a testRTC error: the badge counts testRTC's only.
        let text = format!(r#"{{"url": "{SLACK}", "format": "JSON/Object"}}"#);
        let (kind, words) = badge(&check(&text, None));
        assert_eq!(kind, BadgeKind::Invalid);
        assert!(words.starts_with("Invalid · 1 error"), "{words}");
    }

    #[test]
    fn the_arrival_line_names_the_reply_of_the_selected_request() {
        let line = |text: &str| {
            let request = render_request(
                check(text, None).config.as_ref().unwrap(),
                &SampleData::for_outcome(Outcome::Success),
            );
            arrival(&request, Arrival::of(&request).as_ref())
        };
        let (arrives, words) = line(SLACK).unwrap();
        assert!(!arrives);
        assert!(words.contains("400 no_text"), "{words}");
        let fixed = format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#);
        assert_eq!(
            line(&fixed),
            Some((true, "Arrives: Slack accepts this request.".into()))
        );
        assert_eq!(line("https://example.com/h"), None);
    }
}
