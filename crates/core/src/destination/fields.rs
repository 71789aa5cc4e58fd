//! The body fields each destination reads, with one sentence on each, for completions and
//! hover in the body template (facts and sources: `docs/destinations.md`). One table: a
//! destination's fields are rows, not code.

use super::DestinationId;

/// One body field of a destination, from the destination's own documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyField {
    pub destination: DestinationId,
    /// The body key it sits under: `""` at the body's top level, `"payload"` for
    /// PagerDuty's payload.
    pub parent: &'static str,
    pub name: &'static str,
    /// What it is, in one sentence.
    pub doc: &'static str,
    /// The catalog rule that checks it.
    pub rule: &'static str,
}

/// A row of [`BODY_FIELDS`]: destination, parent, name, doc, rule.
const fn field(
    destination: DestinationId,
    parent: &'static str,
    name: &'static str,
    doc: &'static str,
    rule: &'static str,
) -> BodyField {
    BodyField {
        destination,
        parent,
        name,
        doc,
        rule,
    }
}

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
    field(
        Slack,
        "",
        "text",
        "The message (mrkdwn); required without blocks or attachments.",
        MISSING,
    ),
    field(
        Slack,
        "",
        "blocks",
        "Block Kit blocks; text is then the notification.",
        MISSING,
    ),
    field(
        Slack,
        "",
        "attachments",
        "Legacy attachments under the text.",
        MISSING,
    ),
    field(
        Slack,
        "",
        "username",
        "The sender name; app webhooks ignore it.",
        IGNORED,
    ),
    field(
        Slack,
        "",
        "icon_emoji",
        "An emoji as the sender picture; app webhooks ignore it.",
        IGNORED,
    ),
    field(
        Discord,
        "",
        "content",
        "The message, up to 2,000 characters; required without embeds.",
        MISSING,
    ),
    field(Discord, "", "embeds", "Up to 10 rich embeds.", MISSING),
    field(
        Discord,
        "",
        "username",
        "Overrides the webhook's name.",
        MISSING,
    ),
    field(
        Discord,
        "",
        "avatar_url",
        "Overrides the webhook's avatar.",
        MISSING,
    ),
    field(
        TeamsConnector,
        "",
        "text",
        "The message (Markdown); text or summary is required.",
        MISSING,
    ),
    field(
        TeamsConnector,
        "",
        "summary",
        "The notification; text or summary is required.",
        MISSING,
    ),
    field(
        TeamsConnector,
        "",
        "title",
        "A title above the text.",
        MISSING,
    ),
    field(
        TeamsWorkflow,
        "",
        "attachments",
        "The Adaptive Card, in attachments[0].content.",
        MISSING,
    ),
    field(
        TeamsWorkflow,
        "",
        "type",
        "\"message\" around an Adaptive Card.",
        MISSING,
    ),
    field(
        GoogleChat,
        "",
        "text",
        "The message; any field Chat does not know is refused.",
        UNKNOWN,
    ),
    field(
        GoogleChat,
        "",
        "cardsV2",
        "Cards, with or instead of the text.",
        UNKNOWN,
    ),
    field(
        Mattermost,
        "",
        "text",
        "The message (Markdown); required without attachments.",
        MISSING,
    ),
    field(
        Mattermost,
        "",
        "username",
        "The sender name, if the server allows it.",
        MISSING,
    ),
    field(
        Mattermost,
        "",
        "channel",
        "Another channel than the webhook's.",
        MISSING,
    ),
    field(
        RocketChat,
        "",
        "text",
        "The message; required without attachments.",
        MISSING,
    ),
    field(
        RocketChat,
        "",
        "alias",
        "The sender name shown on the message.",
        MISSING,
    ),
    field(
        PagerDuty,
        "",
        "routing_key",
        "The service's integration key; a secret.",
        MISSING,
    ),
    field(
        PagerDuty,
        "",
        "event_action",
        "trigger, acknowledge or resolve.",
        INVALID,
    ),
    field(
        PagerDuty,
        "",
        "payload",
        "The event: summary, source, severity.",
        MISSING,
    ),
    field(
        PagerDuty,
        "",
        "dedup_key",
        "Groups events into one alert.",
        MISSING,
    ),
    field(
        PagerDuty,
        "payload",
        "summary",
        "The alert's title, up to 1,024 characters.",
        MISSING,
    ),
    field(
        PagerDuty,
        "payload",
        "source",
        "Where the problem is.",
        MISSING,
    ),
    field(
        PagerDuty,
        "payload",
        "severity",
        "critical, error, warning or info.",
        INVALID,
    ),
    field(
        PagerDuty,
        "payload",
        "component",
        "The affected part of the source.",
        MISSING,
    ),
    field(
        PagerDuty,
        "payload",
        "custom_details",
        "Any extra data, as an object.",
        MISSING,
    ),
    field(
        Opsgenie,
        "",
        "message",
        "The alert's title, up to 130 characters.",
        MISSING,
    ),
    field(Opsgenie, "", "alias", "One open alert per alias.", MISSING),
    field(Opsgenie, "", "description", "The alert's details.", MISSING),
    field(
        Opsgenie,
        "",
        "priority",
        "P1 to P5 (P3 when absent).",
        MISSING,
    ),
    field(Opsgenie, "", "tags", "Up to 20 tags.", MISSING),
    field(
        Datadog,
        "",
        "title",
        "The event's title; required.",
        MISSING,
    ),
    field(
        Datadog,
        "",
        "text",
        "The event's body, up to 4,000 characters.",
        MISSING,
    ),
    field(
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
        .filter(move |f| f.destination == destination && f.parent == parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(destination: DestinationId, parent: &str) -> Vec<&'static str> {
        body_fields(destination, parent).map(|f| f.name).collect()
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
        for field in BODY_FIELDS {
            assert!(field.doc.ends_with('.'), "{}", field.name);
            assert!(
                catalog.contains(&format!("### `{}`", field.rule)),
                "{}",
                field.rule
            );
        }
    }

    #[test]
    fn destinations_that_take_any_body_offer_nothing() {
        assert!(names(DestinationId::Zapier, "").is_empty());
    }
}
