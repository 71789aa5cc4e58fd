//! The self-hosted chat servers, recognised from the path alone: Mattermost and Rocket.Chat
//! (docs/destinations.md, Mattermost and Rocket.Chat).

use super::*;

pub const MATTERMOST: Destination = Destination {
    id: DestinationId::Mattermost,
    key: "mattermost",
    name: "Mattermost incoming webhook",
    short_name: "Mattermost",
    endpoints: &[Endpoint {
        fields: &[
            Field::new("text", "The message, in Markdown."),
            Field::new("attachments", "Slack-style attachments."),
            Field::new("username", "The sender's name, if the server lets integrations override it."),
            Field::new("channel", "Another channel than the webhook's."),
        ],
        needs: &[Need {
            any_of: &["text", "attachments"],
            when: None,
            rule: Rule::DestinationMissingFieldLikely,
            reply: Some("no_text"),
            effect: "",
            help: "Use \"format\": \"json/text\", or a body with `text`.",
        }],
        limits: &[Limit {
            field: Some("text"),
            max: 16_383,
            rule: Rule::DestinationTruncated,
            reply: None,
            effect: "split into several posts",
        }],
        cure: Some(&Cure::JsonText),
        preview: Some(&Preview {
            sender_field: Some(("username", true)),
            sender_note: Some("Mattermost shows this name only if the server lets integrations override usernames."),
            text: Some("text"),
            ..Preview::new(PreviewKind::Message, "The webhook's name", Markup::Markdown)
        }),
        ..Endpoint::new(
            "If this is Mattermost (the `/hooks/<key>` path suggests it), it",
            &[Host::Any],
            &[Segment::Is("hooks"), Segment::Secret(&Segment::Alphanumeric(26))],
        )
    }],
    credential: Some("post to its channel"),
    replies: &[
        Reply {
            key: "ok",
            status: 200,
            content_type: Some("text/plain; charset=utf-8"),
            body: "ok",
            matches: BodyMatch::Is("ok"),
            quote: "`200 ok`",
            meaning: "Mattermost posted the message.",
            delivered: true,
        },
        Reply {
            key: "no_text",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"id": "web.incoming_webhook.text.app_error", "message": "No text specified", "detailed_error": "", "request_id": "hookcheck", "status_code": 400}"#,
            matches: BodyMatch::Contains("No text specified"),
            quote: "`400 No text specified`",
            meaning: "Mattermost found no text: the body needs `text` (use format json/text).",
            delivered: false,
        },
        Reply {
            key: "not_json",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"id": "web.incoming_webhook.parse.app_error", "message": "Unable to parse incoming data", "status_code": 400}"#,
            matches: BodyMatch::Contains("Unable to parse"),
            quote: "`400 Unable to parse incoming data`",
            meaning: "Mattermost could not read the body.",
            delivered: false,
        },
    ],
    not_json: Some("not_json"),
    refused_otherwise: Some("Mattermost refused the message: {json:message}."),
    cors: Cors::Unknown,
    queued: None,
};

pub const ROCKET_CHAT: Destination = Destination {
    id: DestinationId::RocketChat,
    key: "rocket-chat",
    name: "Rocket.Chat incoming webhook",
    short_name: "Rocket.Chat",
    endpoints: &[Endpoint {
        fields: &[
            Field::new("text", "The message."),
            Field::new("attachments", "Slack-style attachments."),
            Field::new("alias", "The sender name shown on the message."),
        ],
        needs: &[Need {
            any_of: &["text", "attachments"],
            when: None,
            rule: Rule::DestinationMissingFieldLikely,
            reply: None,
            effect: "likely posts nothing, unless an incoming script reshapes the body",
            help: "Use \"format\": \"json/text\", or a body with `text`.",
        }],
        cure: Some(&Cure::JsonText),
        preview: Some(&Preview {
            sender_field: Some(("alias", true)),
            text: Some("text"),
            ..Preview::new(PreviewKind::Message, "The webhook's name", Markup::Markdown)
        }),
        ..Endpoint::new(
            "If this is Rocket.Chat (the `/hooks/<id>/<token>` path suggests it), it",
            &[Host::Any],
            &[
                Segment::Is("hooks"),
                Segment::Secret(&Segment::Any),
                Segment::Secret(&Segment::Any),
                Segment::Optional(&Segment::Secret(&Segment::Any)),
            ],
        )
    }],
    credential: Some("post to its channel"),
    replies: &[
        Reply {
            key: "ok",
            status: 200,
            content_type: Some("application/json"),
            body: r#"{"success":true}"#,
            matches: BodyMatch::Contains("true"),
            quote: "`200`",
            meaning: "Rocket.Chat posted the message.",
            delivered: true,
        },
        Reply::seen(
            200,
            BodyMatch::Any,
            "Rocket.Chat answered 200 without success: {json:error}",
        ),
        Reply::seen(
            503,
            BodyMatch::Any,
            "The Rocket.Chat integration is disabled.",
        ),
        Reply::seen(
            400,
            BodyMatch::Contains("Invalid integration"),
            "Rocket.Chat knows no such integration: its id or token is wrong.",
        ),
    ],
    not_json: None,
    refused_otherwise: Some("Rocket.Chat refused the message ({status}: {json:error})."),
    cors: Cors::Allows,
    queued: None,
};
