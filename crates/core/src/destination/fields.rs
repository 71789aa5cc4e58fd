//! The body fields each destination reads, with one sentence on each, for completions and
//! hover in the body template (facts and sources: `docs/destinations.md`). One table: a
//! destination's fields are rows, not code.

use super::DestinationId;

/// One body field: its destination, the body key it sits under (`""` at the body's top
/// level, `"payload"` for PagerDuty's payload), its name, what it is, and the catalog rule
/// that checks it. Every row is from the destination's own documentation.
pub type BodyField = (
    DestinationId,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

use DestinationId::{
    Datadog, Discord, GoogleChat, Mattermost, Opsgenie, PagerDuty, RocketChat, Slack,
    TeamsConnector, TeamsWorkflow,
};

const MISSING: &str = "destination-missing-field";
const INVALID: &str = "destination-invalid-value";
const UNKNOWN: &str = "destination-unknown-field";
const IGNORED: &str = "destination-field-ignored";

/// Required fields first within each destination, as completions list them.
pub const BODY_FIELDS: &[BodyField] = &[
    (
        Slack,
        "",
        "text",
        "The message (mrkdwn); required without blocks or attachments.",
        MISSING,
    ),
    (
        Slack,
        "",
        "blocks",
        "Block Kit blocks; text is then the notification.",
        MISSING,
    ),
    (
        Slack,
        "",
        "attachments",
        "Legacy attachments under the text.",
        MISSING,
    ),
    (
        Slack,
        "",
        "username",
        "The sender name; app webhooks ignore it.",
        IGNORED,
    ),
    (
        Slack,
        "",
        "icon_emoji",
        "An emoji as the sender picture; app webhooks ignore it.",
        IGNORED,
    ),
    (
        Discord,
        "",
        "content",
        "The message, up to 2,000 characters; required without embeds.",
        MISSING,
    ),
    (Discord, "", "embeds", "Up to 10 rich embeds.", MISSING),
    (
        Discord,
        "",
        "username",
        "Overrides the webhook's name.",
        MISSING,
    ),
    (
        Discord,
        "",
        "avatar_url",
        "Overrides the webhook's avatar.",
        MISSING,
    ),
    (
        TeamsConnector,
        "",
        "text",
        "The message (Markdown); text or summary is required.",
        MISSING,
    ),
    (
        TeamsConnector,
        "",
        "summary",
        "The notification; text or summary is required.",
        MISSING,
    ),
    (
        TeamsConnector,
        "",
        "title",
        "A title above the text.",
        MISSING,
    ),
    (
        TeamsWorkflow,
        "",
        "attachments",
        "The Adaptive Card, in attachments[0].content.",
        MISSING,
    ),
    (
        TeamsWorkflow,
        "",
        "type",
        "\"message\" around an Adaptive Card.",
        MISSING,
    ),
    (
        GoogleChat,
        "",
        "text",
        "The message; any field Chat does not know is refused.",
        UNKNOWN,
    ),
    (
        GoogleChat,
        "",
        "cardsV2",
        "Cards, with or instead of the text.",
        UNKNOWN,
    ),
    (
        Mattermost,
        "",
        "text",
        "The message (Markdown); required without attachments.",
        MISSING,
    ),
    (
        Mattermost,
        "",
        "username",
        "The sender name, if the server allows it.",
        MISSING,
    ),
    (
        Mattermost,
        "",
        "channel",
        "Another channel than the webhook's.",
        MISSING,
    ),
    (
        RocketChat,
        "",
        "text",
        "The message; required without attachments.",
        MISSING,
    ),
    (
        RocketChat,
        "",
        "alias",
        "The sender name shown on the message.",
        MISSING,
    ),
    (
        PagerDuty,
        "",
        "routing_key",
        "The service's integration key; a secret.",
        MISSING,
    ),
    (
        PagerDuty,
        "",
        "event_action",
        "trigger, acknowledge or resolve.",
        INVALID,
    ),
    (
        PagerDuty,
        "",
        "payload",
        "The event: summary, source, severity.",
        MISSING,
    ),
    (
        PagerDuty,
        "",
        "dedup_key",
        "Groups events into one alert.",
        MISSING,
    ),
    (
        PagerDuty,
        "payload",
        "summary",
        "The alert's title, up to 1,024 characters.",
        MISSING,
    ),
    (
        PagerDuty,
        "payload",
        "source",
        "Where the problem is.",
        MISSING,
    ),
    (
        PagerDuty,
        "payload",
        "severity",
        "critical, error, warning or info.",
        INVALID,
    ),
    (
        PagerDuty,
        "payload",
        "component",
        "The affected part of the source.",
        MISSING,
    ),
    (
        PagerDuty,
        "payload",
        "custom_details",
        "Any extra data, as an object.",
        MISSING,
    ),
    (
        Opsgenie,
        "",
        "message",
        "The alert's title, up to 130 characters.",
        MISSING,
    ),
    (Opsgenie, "", "alias", "One open alert per alias.", MISSING),
    (Opsgenie, "", "description", "The alert's details.", MISSING),
    (
        Opsgenie,
        "",
        "priority",
        "P1 to P5 (P3 when absent).",
        MISSING,
    ),
    (Opsgenie, "", "tags", "Up to 20 tags.", MISSING),
    (
        Datadog,
        "",
        "title",
        "The event's title; required.",
        MISSING,
    ),
    (
        Datadog,
        "",
        "text",
        "The event's body, up to 4,000 characters.",
        MISSING,
    ),
    (
        Datadog,
        "",
        "alert_type",
        "error, warning, info or success.",
        MISSING,
    ),
];

/// The body fields of `destination` under the body key `parent` (`""` for the body itself).
pub fn body_fields(
    destination: DestinationId,
    parent: &str,
) -> impl Iterator<Item = &'static BodyField> + '_ {
    BODY_FIELDS
        .iter()
        .filter(move |f| f.0 == destination && f.1 == parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(destination: DestinationId, parent: &str) -> Vec<&'static str> {
        body_fields(destination, parent).map(|f| f.2).collect()
    }

    #[test]
    fn each_chat_destination_offers_its_message_field_first() {
        for (destination, field) in [
            (Slack, "text"),
            (Discord, "content"),
            (TeamsConnector, "text"),
            (GoogleChat, "text"),
            (Mattermost, "text"),
            (Opsgenie, "message"),
            (PagerDuty, "routing_key"),
        ] {
            assert_eq!(
                names(destination, "").first(),
                Some(&field),
                "{destination:?}"
            );
        }
    }

    #[test]
    fn pagerduty_payload_fields_sit_under_payload() {
        let payload = names(PagerDuty, "payload");
        for field in ["summary", "source", "severity"] {
            assert!(payload.contains(&field), "{payload:?}");
        }
        assert!(!names(PagerDuty, "").contains(&"summary"));
    }

    #[test]
    fn every_sentence_is_one_sentence_and_every_rule_is_in_the_catalog() {
        let catalog = include_str!("../../../../docs/rules.md");
        for (_, _, name, sentence, rule) in BODY_FIELDS {
            assert!(sentence.ends_with('.'), "{name}");
            assert!(catalog.contains(&format!("### `{rule}`")), "{rule}");
        }
    }

    #[test]
    fn destinations_that_take_any_body_offer_nothing() {
        assert!(names(DestinationId::Zapier, "").is_empty());
    }
}
