//! Google Chat webhooks: `chat.googleapis.com/v1/spaces/…/messages?key=…&token=…`
//! (docs/destinations.md, Google Chat).

use super::*;

pub const GOOGLE_CHAT: Destination = Destination {
    id: DestinationId::GoogleChat,
    key: "google-chat",
    name: "Google Chat webhook",
    short_name: "Google Chat",
    endpoints: &[Endpoint {
        // The fields of Chat's `Message` resource people send; the body may hold no other.
        fields: &[
            Field::new("text", "The message, in Chat's text format."),
            Field::new("cardsV2", "Cards, with or instead of the text."),
            Field::new("cards", "Cards in the older format."),
            Field::new("thread", "The thread to reply in."),
            Field::new("fallbackText", "The notification text of a card message."),
            Field::new("accessoryWidgets", "Buttons under the message."),
            Field::new("privateMessageViewer", "The one user who sees the message."),
            Field::new("clientAssignedMessageId", "An id of your own for the message."),
        ],
        closed: Some(&Closed {
            reply: "unknown_field",
            help: "Google Chat takes only its own message fields: use a body with just `text` (or `cardsV2`).",
            // Set by Chat, but part of the resource.
            also: &[
                "name",
                "sender",
                "space",
                "formattedText",
                "annotations",
                "argumentText",
                "slashCommand",
                "attachment",
                "matchedUrl",
                "threadReply",
                "actionResponse",
                "quotedMessageMetadata",
            ],
        }),
        needs: &[Need {
            any_of: &["text", "cardsV2", "cards"],
            when: None,
            rule: Rule::DestinationMissingFieldLikely,
            reply: None,
            effect: "likely refuses it",
            help: "Google Chat shows `text` or cards: use a body with `text`.",
        }],
        limits: &[Limit {
            field: None,
            max: 32_000,
            rule: Rule::DestinationTooLong,
            reply: Some("too_large"),
            effect: "",
        }],
        cure: Some(&Cure::Body {
            title: "Use a Google Chat {\"text\": …} body",
            body: concat!(r#"{"text": ""#, message_line!(), r#""}"#),
            json_text_route: None,
        }),
        preview: Some(&Preview {
            text: Some("text"),
            ..Preview::new(PreviewKind::Message, "The webhook's name (set in Google Chat)", Markup::Mrkdwn)
        }),
        ..Endpoint::new(
            "Google Chat",
            &[Host::Is("chat.googleapis.com")],
            &[Segment::Is("v1"), Segment::Is("spaces"), Segment::Rest],
        )
    }],
    credential: Some("post to its space"),
    replies: &[
        Reply {
            key: "posted",
            status: 200,
            content_type: Some("application/json"),
            body: r#"{"name":"spaces/AAAA/messages/hookcheck.hookcheck","sender":{"type":"BOT"},"text":""}"#,
            matches: BodyMatch::Any,
            quote: "`200`",
            meaning: "Google Chat posted the message.",
            delivered: true,
        },
        Reply {
            key: "unknown_field",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"error": {"code": 400, "message": "Invalid JSON payload received. Unknown name \"{field}\" at 'message': Cannot find field.", "status": "INVALID_ARGUMENT"}}"#,
            matches: BodyMatch::Contains("Unknown name"),
            quote: "`400 INVALID_ARGUMENT` (\"Invalid JSON payload received. Unknown name \"{field}\" at 'message': Cannot find field.\")",
            meaning: "Google Chat refused the body: {json:error.message}",
            delivered: false,
        },
        Reply {
            key: "too_large",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"error": {"code": 400, "message": "Message too large.", "status": "INVALID_ARGUMENT"}}"#,
            matches: BodyMatch::Any,
            quote: "`400 INVALID_ARGUMENT` (\"Message too large.\")",
            meaning: "Google Chat refused the body: {json:error.message}",
            delivered: false,
        },
        Reply {
            key: "not_json",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"error": {"code": 400, "message": "Invalid JSON payload received.", "status": "INVALID_ARGUMENT"}}"#,
            matches: BodyMatch::Any,
            quote: "`400 INVALID_ARGUMENT`",
            meaning: "Google Chat refused the body: {json:error.message}",
            delivered: false,
        },
        Reply::seen(403, BodyMatch::Any, "Google Chat refused the URL's key or token: {json:error.message}"),
        Reply::seen(404, BodyMatch::Any, "Google Chat likely knows no such space or webhook: it was deleted, or the URL is wrong."),
    ],
    not_json: Some("not_json"),
    refused_otherwise: Some("Google Chat refused the message ({status}: {json:error.message})."),
    cors: Cors::Unknown,
    queued: None,
};
