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
        "The message, in Slack's mrkdwn; required unless blocks or attachments are given.",
        MISSING,
    ),
    (
        Slack,
        "",
        "blocks",
        "Block Kit layout blocks; text then becomes the notification fallback.",
        MISSING,
    ),
    (
        Slack,
        "",
        "attachments",
        "Legacy coloured attachments, shown under the text.",
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
        "An emoji as the sender picture, such as :robot_face:; app webhooks ignore it.",
        IGNORED,
    ),
    (
        Discord,
        "",
        "content",
        "The message, up to 2,000 characters; required unless embeds are given.",
        MISSING,
    ),
    (
        Discord,
        "",
        "embeds",
        "Up to 10 rich embeds (title, description, fields).",
        MISSING,
    ),
    (
        Discord,
        "",
        "username",
        "Overrides the webhook's name for this message.",
        MISSING,
    ),
    (
        Discord,
        "",
        "avatar_url",
        "Overrides the webhook's avatar for this message.",
        MISSING,
    ),
    (
        TeamsConnector,
        "",
        "text",
        "The message, in basic Markdown; text or summary is required.",
        MISSING,
    ),
    (
        TeamsConnector,
        "",
        "summary",
        "The notification summary; text or summary is required.",
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
        "The Adaptive Card, in attachments[0].content; the flow reads it.",
        MISSING,
    ),
    (
        TeamsWorkflow,
        "",
        "type",
        "\"message\", for the Adaptive Card wrapper.",
        MISSING,
    ),
    (
        GoogleChat,
        "",
        "text",
        "The message, in Chat's *bold* _italic_ formatting; any non-Message field is refused.",
        UNKNOWN,
    ),
    (
        GoogleChat,
        "",
        "cardsV2",
        "Cards to show instead of, or with, the text.",
        UNKNOWN,
    ),
    (
        Mattermost,
        "",
        "text",
        "The message, in Markdown; required unless attachments are given.",
        MISSING,
    ),
    (
        Mattermost,
        "",
        "username",
        "The sender name, if the server allows overrides.",
        MISSING,
    ),
    (
        Mattermost,
        "",
        "channel",
        "Posts to another channel than the webhook's own.",
        MISSING,
    ),
    (
        RocketChat,
        "",
        "text",
        "The message; required unless attachments are given.",
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
        "The integration key of the service; a secret.",
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
        "The event: summary, source and severity are required to trigger.",
        MISSING,
    ),
    (
        PagerDuty,
        "",
        "dedup_key",
        "Groups events into one alert; without it every trigger opens a new one.",
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
        "Where the problem is, such as a host or test name.",
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
        "The part of the source that is affected.",
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
        "The alert's title, up to 130 characters; required.",
        MISSING,
    ),
    (
        Opsgenie,
        "",
        "alias",
        "Groups alerts: one open alert per alias.",
        MISSING,
    ),
    (
        Opsgenie,
        "",
        "description",
        "The alert's details, up to 15,000 characters.",
        MISSING,
    ),
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
        "The event's body, up to 4,000 characters; required.",
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
