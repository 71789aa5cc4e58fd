//! Discord webhooks: `/api[/vN]/webhooks/<id>/<token>`, with the Slack-compatible `/slack`
//! and GitHub `/github` endpoints (docs/destinations.md, Discord).

use super::*;

const HOSTS: &[Host] = &[
    Host::Is("discord.com"),
    Host::Is("discordapp.com"),
    Host::Is("www.discord.com"),
    Host::Is("ptb.discord.com"),
    Host::Is("canary.discord.com"),
    Host::Is("www.discordapp.com"),
    Host::Is("ptb.discordapp.com"),
    Host::Is("canary.discordapp.com"),
];

/// `/api[/v<N>]/webhooks/<id>/<token>`, then the endpoint's own tail.
macro_rules! webhook_path {
    ($($tail:expr),*) => {
        &[
            Segment::Is("api"),
            Segment::Optional(&Segment::Version),
            Segment::Is("webhooks"),
            Segment::Digits,
            Segment::Secret(&Segment::Any),
            $($tail,)*
        ]
    };
}

const SENDER: (&str, bool) = ("username", true);

pub const DISCORD: Destination = Destination {
    id: DestinationId::Discord,
    key: "discord",
    name: "Discord webhook",
    short_name: "Discord",
    endpoints: &[
        // `/slack`: Slack's format, `text` becomes the message.
        Endpoint {
            name: "the Slack-compatible `/slack` endpoint",
            fields: &[
                Field::new("text", "The message, in Slack's format."),
                Field::new("attachments", "Slack-style attachments, shown as embeds."),
                Field::new("username", "Overrides the webhook's name."),
            ],
            needs: &[Need {
                any_of: &["text", "attachments"],
                when: None,
                rule: Rule::DestinationMissingField,
                reply: Some("empty"),
                effect: "",
                help: "Discord's Slack-compatible endpoint posts `text`: use \"format\": \"json/text\", or a body with `text`.",
            }],
            limits: &[Limit {
                field: Some("text"),
                max: 2_000,
                rule: Rule::DestinationTooLong,
                reply: Some("too_long"),
                effect: "",
            }],
            cure: Some(&Cure::JsonText),
            preview: Some(&Preview {
                sender_field: Some(SENDER),
                text: Some("text"),
                ..Preview::new(PreviewKind::Message, "The webhook's name (set in Discord)", Markup::Markdown)
            }),
            ..Endpoint::new(
                "Discord's Slack-compatible endpoint",
                HOSTS,
                webhook_path!(Segment::Is("slack"), Segment::Rest),
            )
        },
        // `/github`: GitHub's event format, not checked.
        Endpoint {
            name: "the GitHub-compatible `/github` endpoint",
            unchecked: true,
            ..Endpoint::new(
                "Discord's GitHub endpoint",
                HOSTS,
                webhook_path!(Segment::Is("github"), Segment::Rest),
            )
        },
        // Execute Webhook, the main endpoint.
        Endpoint {
            fields: &[
                Field {
                    kind: Kind::Text,
                    ..Field::new("content", "The message, in Discord's Markdown.")
                },
                Field::new("embeds", "Up to 10 rich embeds, each with a title and a description."),
                Field::new("username", "Overrides the webhook's name."),
                Field::new("avatar_url", "Overrides the webhook's avatar."),
                Field::new("components", "Buttons and menus (webhooks owned by an application only)."),
                Field::new("poll", "A poll instead of a message."),
            ],
            invalid: Some("too_long"),
            needs: &[Need {
                any_of: &["content", "embeds", "components", "poll"],
                when: None,
                rule: Rule::DestinationMissingField,
                reply: Some("empty"),
                effect: "",
                help: "Discord posts `content` or `embeds`: use a body template with `content`, or send json/text to the webhook's `/slack` endpoint.",
            }],
            limits: &[Limit {
                field: Some("content"),
                max: 2_000,
                rule: Rule::DestinationTooLong,
                reply: Some("too_long"),
                effect: "",
            }],
            cure: Some(&Cure::Body {
                title: "Use a Discord {\"content\": …} body",
                body: r#"{"content": "**testRTC: <% this.testName %>** finished with status **<% this.status %>**\n<% this.resultUrl %>"}"#,
                json_text_route: Some(JsonTextRoute {
                    suffix: "/slack",
                    title: "Send the json/text body to the webhook's `/slack` endpoint",
                }),
            }),
            preview: Some(&Preview {
                sender_field: Some(SENDER),
                text: Some("content"),
                extra: Some(embeds),
                ..Preview::new(PreviewKind::Message, "The webhook's name (set in Discord)", Markup::Markdown)
            }),
            ..Endpoint::new("Discord", HOSTS, webhook_path!(Segment::Rest))
        },
    ],
    credential: Some("post (and rename or delete the webhook)"),
    replies: &[
        Reply {
            key: "posted",
            status: 204,
            content_type: None,
            body: "",
            matches: BodyMatch::Any,
            quote: "`204`",
            meaning: "Discord posted the message.",
            delivered: true,
        },
        Reply {
            delivered: true,
            ..Reply::seen(200, BodyMatch::Any, "Discord posted the message.")
        },
        Reply {
            key: "empty",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"message": "Cannot send an empty message", "code": 50006}"#,
            matches: BodyMatch::Contains("50006"),
            quote: "`400` code 50006 \"Cannot send an empty message\"",
            meaning: "Discord found nothing to post: the body needs `content` or `embeds` (`text` is not a Discord field).",
            delivered: false,
        },
        Reply {
            key: "too_long",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"message": "Invalid Form Body", "code": 50035, "errors": {"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]}}}"#,
            matches: BodyMatch::Contains("50035"),
            quote: "`400` code 50035 (Invalid Form Body)",
            meaning: "Discord refused the body's form: {json:message}.",
            delivered: false,
        },
        Reply {
            key: "not_json",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"message": "The request body contains invalid JSON.", "code": 50109}"#,
            matches: BodyMatch::Contains("50109"),
            quote: "`400` code 50109",
            meaning: "Discord could not read the body as JSON.",
            delivered: false,
        },
        Reply::seen(404, BodyMatch::Contains("10015"), "Discord knows no such webhook (code 10015, Unknown Webhook): it was deleted."),
        Reply::seen(401, BodyMatch::Contains("50027"), "Discord refused the webhook's token: it was reset."),
    ],
    not_json: Some("not_json"),
    refused_otherwise: Some("Discord refused the message ({status}: {json:message})."),
    cors: Cors::Allows,
    queued: None,
};

/// Discord's embeds: a title and a description each, at most ten.
fn embeds(body: &Json) -> Vec<Shown> {
    let Some(Json::Array(embeds)) = body.get("embeds") else {
        return Vec::new();
    };
    embeds
        .iter()
        .take(10)
        .map(|embed| Shown::Embed {
            title: embed.text("title").unwrap_or_default().to_string(),
            description: embed.text("description").unwrap_or_default().to_string(),
        })
        .collect()
}
