//! Slack: incoming webhooks and Workflow Builder triggers (docs/destinations.md, Slack).

use super::*;

const HOSTS: &[Host] = &[Host::Is("hooks.slack.com"), Host::Is("hooks.slack-gov.com")];

const APP_ICON: &str = "Set the name and icon in the Slack app's settings instead.";

/// An incoming webhook: `hooks.slack.com/services/T…/B…/<secret>`.
pub const INCOMING: Destination = Destination {
    id: DestinationId::Slack,
    key: "slack",
    name: "Slack incoming webhook",
    short_name: "Slack",
    endpoints: &[Endpoint {
        fields: &[
            Field {
                kind: Kind::Text,
                ..Field::new("text", "The message, in Slack's mrkdwn.")
            },
            Field::new("blocks", "Block Kit blocks; `text` is then the notification."),
            Field::new("attachments", "Legacy attachments under the text."),
            Field {
                ignored: Some(&(
                    "Slack app webhooks ignore `username`: the message shows the app's name, not the one sent (only legacy custom integrations honour it).",
                    APP_ICON,
                )),
                ..Field::new("username", "The sender's name, for legacy custom integrations.")
            },
            Field {
                ignored: Some(&(
                    "Slack app webhooks ignore `icon_emoji`: the message shows the app's icon (only legacy custom integrations honour it).",
                    APP_ICON,
                )),
                ..Field::new("icon_emoji", "An emoji as the sender's picture, for legacy custom integrations.")
            },
            Field {
                ignored: Some(&(
                    "Slack app webhooks ignore `icon_url`: the message shows the app's icon (only legacy custom integrations honour it).",
                    APP_ICON,
                )),
                ..Field::new("icon_url", "An image as the sender's picture, for legacy custom integrations.")
            },
            Field {
                ignored: Some(&(
                    "Slack app webhooks ignore `channel`: the message goes to the channel the webhook was made for.",
                    "Make a webhook for the other channel instead.",
                )),
                ..Field::new("channel", "Another channel, for legacy custom integrations.")
            },
        ],
        invalid: Some("invalid_payload"),
        needs: &[Need {
            any_of: &["text", "blocks", "attachments"],
            when: None,
            rule: Rule::DestinationMissingField,
            reply: Some("no_text"),
            effect: "",
            help: "Slack needs a `text` message: use \"format\": \"json/text\" (as testRTC's docs say for Slack), or a body with `text`.",
        }],
        limits: &[Limit {
            field: Some("text"),
            max: 40_000,
            rule: Rule::DestinationTruncated,
            reply: None,
            effect: "the rest is cut",
        }],
        cure: Some(&Cure::JsonText),
        preview: Some(&Preview {
            sender_field: Some(("username", false)),
            sender_note: Some("Slack shows the app's name: app webhooks ignore \"username\": \"{name}\"."),
            text: Some("text"),
            ..Preview::new(PreviewKind::Message, "Your Slack app", Markup::Mrkdwn)
        }),
        ..Endpoint::new("Slack", HOSTS, &[Segment::Is("services"), Segment::SecretRest])
    }],
    credential: Some("post to its channel"),
    replies: &[
        Reply {
            key: "ok",
            status: 200,
            content_type: Some("text/html"),
            body: "ok",
            matches: BodyMatch::Is("ok"),
            quote: "`200 ok`",
            meaning: "Slack posted the message.",
            delivered: true,
        },
        Reply::seen(200, BodyMatch::Any, "Slack answered 200 but not `ok` (`{body}`): it likely did not post."),
        Reply {
            key: "no_text",
            status: 400,
            content_type: Some("text/html"),
            body: "no_text",
            matches: BodyMatch::Is("no_text"),
            quote: "`400 no_text`",
            meaning: "Slack found no text: the body needs `text` (use format json/text).",
            delivered: false,
        },
        Reply::seen(
            400,
            BodyMatch::Is("missing_text_or_fallback_or_attachments"),
            "Slack found no text: the body needs `text` (use format json/text).",
        ),
        Reply {
            key: "invalid_payload",
            status: 400,
            content_type: Some("text/html"),
            body: "invalid_payload",
            matches: BodyMatch::Is("invalid_payload"),
            quote: "`400 invalid_payload`",
            meaning: "Slack could not read the body as a message.",
            delivered: false,
        },
        Reply::seen(400, BodyMatch::Is("user_not_found"), "Slack cannot find the user the message is for."),
        Reply::seen(403, BodyMatch::Is("invalid_token"), "Slack refused the webhook's token: it was revoked."),
        Reply::seen(403, BodyMatch::Is("action_prohibited"), "A Slack admin has restricted posting to this channel."),
        Reply::seen(404, BodyMatch::Is("no_service"), "Slack knows no such webhook: it was deleted or disabled."),
        Reply::seen(404, BodyMatch::Is("channel_not_found"), "Slack cannot find the webhook's channel."),
        Reply::seen(410, BodyMatch::Is("channel_is_archived"), "The webhook's Slack channel is archived."),
        Reply::seen(500, BodyMatch::Is("rollup_error"), "Slack failed on its side (`rollup_error`): try again later."),
    ],
    not_json: Some("invalid_payload"),
    refused_otherwise: Some("Slack refused the message (`{body}`)."),
    cors: Cors::RefusesJson,
    queued: None,
};

/// A Workflow Builder trigger: `hooks.slack.com/triggers/…` (older: `/workflows/…`).
pub const WORKFLOW: Destination = Destination {
    id: DestinationId::SlackWorkflow,
    key: "slack-workflow",
    name: "Slack Workflow Builder trigger",
    short_name: "The Slack workflow",
    endpoints: &[Endpoint {
        special: Some(&SpecialRule {
            doc: "only top-level string values, which likely get `400` otherwise",
            rule: Rule::DestinationValuesNotStrings,
            check: flat_strings,
        }),
        preview: Some(&Preview {
            text: Some("text"),
            ..Preview::new(PreviewKind::Message, "Your Slack workflow", Markup::Plain)
        }),
        ..Endpoint::new(
            "The Slack workflow",
            HOSTS,
            &[Segment::OneOf(&["triggers", "workflows"]), Segment::SecretRest],
        )
    }],
    credential: Some("start the workflow"),
    replies: &[
        Reply {
            key: "ok",
            status: 200,
            content_type: Some("application/json"),
            body: r#"{"ok":true}"#,
            matches: BodyMatch::Any,
            quote: "`200`",
            meaning: "The Slack workflow took the request.",
            delivered: true,
        },
        Reply::seen(
            400,
            BodyMatch::Any,
            "The Slack workflow refused the body: its keys must be the workflow's variables, each with a string value.",
        ),
    ],
    not_json: None,
    refused_otherwise: Some("The Slack workflow refused the request ({status}: `{body}`)."),
    cors: Cors::RefusesJson,
    queued: None,
};

/// A workflow takes only top-level string values, named as its variables.
fn flat_strings(body: &Json) -> Option<Special> {
    let Json::Object(members) = body else {
        return None;
    };
    let not_strings: Vec<&str> = members
        .iter()
        .filter(|(_, v)| !matches!(v, Json::String(_)))
        .map(|(k, _)| k.as_str())
        .collect();
    if not_strings.is_empty() {
        return None;
    }
    Some(Special {
        key: "values",
        message: format!(
            "A Slack workflow takes only top-level string values, so {} likely gets `400`.",
            crate::words::code_list(&not_strings, "and")
        ),
        help: "Use a body of flat string values whose keys match the workflow's variables.",
        reply: None,
        cured: false,
    })
}
