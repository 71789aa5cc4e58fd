//! Microsoft Teams: the retiring Office 365 connectors and Workflows (Power Automate)
//! webhooks (docs/destinations.md, Teams).

use super::*;

/// A connector: `outlook.office.com/webhook/…` or `<tenant>.webhook.office.com/webhookb2/…`.
pub const CONNECTOR: Destination = Destination {
    id: DestinationId::TeamsConnector,
    key: "teams-connector",
    name: "Microsoft Teams connector (Office 365)",
    short_name: "Teams",
    endpoints: &[Endpoint {
        fields: &[
            Field::new("text", "The message, in Markdown."),
            Field::new("summary", "The notification text."),
            Field::new("title", "A title above the text."),
            Field::new("sections", "MessageCard sections, below the text."),
            Field::new("attachments", "Cards, as attachments."),
        ],
        needs: &[Need {
            any_of: &["text", "summary", "attachments", "sections"],
            when: None,
            rule: Rule::DestinationMissingField,
            reply: Some("no_text"),
            effect: "",
            help: "Use \"format\": \"json/text\", or a body with `text`.",
        }],
        cure: Some(&Cure::JsonText),
        preview: Some(&Preview {
            title: Some("title"),
            text: Some("text"),
            ..Preview::new(PreviewKind::Message, "Incoming Webhook", Markup::Markdown)
        }),
        dated: Some(&Dated {
            date: Date::new(2026, 3, 31),
            before: "Microsoft is retiring Office 365 connectors (connector URLs had to be updated by 31 Dec 2024; full retirement is reported for 31 Mar 2026): move to a Teams Workflows webhook.",
            after: "Microsoft has retired Office 365 connectors (reported for 31 Mar 2026): this URL likely no longer posts; move to a Teams Workflows webhook.",
        }),
        ..Endpoint::new(
            "Teams",
            &[
                Host::Is("outlook.office.com"),
                Host::Is("outlook.office365.com"),
                Host::Under("webhook.office.com"),
            ],
            &[Segment::OneOf(&["webhook", "webhookb2"]), Segment::SecretRest],
        )
    }],
    credential: Some("post to its channel"),
    replies: &[
        Reply {
            key: "posted",
            status: 200,
            content_type: Some("text/plain; charset=utf-8"),
            body: "1",
            matches: BodyMatch::Is("1"),
            quote: "`200 1`",
            meaning: "Teams posted the message.",
            delivered: true,
        },
        Reply {
            key: "no_text",
            status: 200,
            content_type: Some("text/plain; charset=utf-8"),
            body: "Summary or Text is required.",
            matches: BodyMatch::Any,
            quote: "`200` with \"Summary or Text is required.\" and posts nothing",
            meaning: "Teams answered 200 with an error and posted nothing: {body}",
            delivered: false,
        },
        Reply::seen(400, BodyMatch::Any, "Teams refused the body: {body}"),
        Reply::seen(
            404,
            BodyMatch::Any,
            "Teams likely knows no such webhook: it was removed, or its connector is retired.",
        ),
    ],
    not_json: None,
    refused_otherwise: Some("Teams refused the message ({status}: `{body}`)."),
    cors: Cors::Unknown,
    queued: None,
};

const WORKFLOW_PATH: &[Segment] = &[Segment::Skip, Segment::Is("workflows"), Segment::Rest];

/// What both kinds of Workflows URL take.
const WORKFLOW: Endpoint = Endpoint {
    fields: &[
        Field::new("type", "\"message\", around the card."),
        Field::new(
            "attachments",
            "The Adaptive Card, in `attachments[0].content`.",
        ),
    ],
    limits: &[Limit {
        field: None,
        max: 28_672,
        rule: Rule::DestinationTooLong,
        reply: Some("fails"),
        effect: "",
    }],
    special: Some(&SpecialRule {
        doc: "an Adaptive Card in `attachments[0].content`, else `202` and a flow run that fails",
        rule: Rule::DestinationMissingField,
        check: adaptive_card,
    }),
    cure: Some(&Cure::Body {
        title: "Use an Adaptive Card body",
        body: r#"{"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": null, "content": {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard", "version": "1.4", "body": [{"type": "TextBlock", "size": "Medium", "weight": "Bolder", "text": "testRTC: <% this.testName %>"}, {"type": "TextBlock", "text": "Finished with status <% this.status %>.", "wrap": true}], "actions": [{"type": "Action.OpenUrl", "title": "Open the run", "url": "<% this.resultUrl %>"}]}}]}"#,
        json_text_route: None,
    }),
    preview: Some(&Preview {
        extra: Some(card),
        ..Preview::new(PreviewKind::Card, "Workflows", Markup::Markdown)
    }),
    ..Endpoint::new("Teams Workflows", &[], WORKFLOW_PATH)
};

/// A Workflows (Power Automate) webhook.
pub const WORKFLOWS: Destination = Destination {
    id: DestinationId::TeamsWorkflow,
    key: "teams-workflow",
    name: "Microsoft Teams Workflows (Power Automate)",
    short_name: "Teams Workflows",
    endpoints: &[
        // The old host, retired.
        Endpoint {
            name: "the old `logic.azure.com` host",
            hosts: &[Host::Under("logic.azure.com")],
            dated: Some(&Dated {
                date: Date::new(2025, 11, 30),
                before: "Teams Workflows URLs on `logic.azure.com` stop working after 30 Nov 2025: copy the flow's new `environment.api.powerplatform.com` URL.",
                after: "Teams Workflows URLs on `logic.azure.com` stopped working on 30 Nov 2025: copy the flow's new `environment.api.powerplatform.com` URL.",
            }),
            ..WORKFLOW
        },
        Endpoint {
            hosts: &[
                Host::Is("api.powerplatform.com"),
                Host::Is("api.powerautomate.com"),
                Host::Is("flow.microsoft.com"),
                Host::Under("api.powerplatform.com"),
            ],
            ..WORKFLOW
        },
    ],
    credential: Some("post to its channel"),
    replies: &[
        Reply {
            key: "queued",
            status: 202,
            content_type: None,
            body: "",
            matches: BodyMatch::Any,
            quote: "`202 Accepted`",
            meaning: "Teams Workflows queued the request: whether the card posts shows only in the flow's run history.",
            delivered: true,
        },
        Reply {
            key: "fails",
            status: 202,
            content_type: None,
            body: "",
            matches: BodyMatch::Any,
            quote: "`202 Accepted`, then the flow run fails where nobody sees it",
            meaning: "Teams Workflows queued the request; the flow run then fails.",
            delivered: false,
        },
        Reply::seen(400, BodyMatch::Any, "Teams Workflows refused the request: {json:error.message}"),
        Reply::seen(401, BodyMatch::Any, "Teams Workflows likely refused the URL's signature (`sig`): copy the flow's URL again."),
        Reply::seen(404, BodyMatch::Any, "Teams Workflows likely knows no such flow: it was deleted, or its URL is retired."),
    ],
    not_json: None,
    refused_otherwise: Some("Teams Workflows refused the request ({status}: `{body}`)."),
    cors: Cors::Unknown,
    queued: Some("Teams Workflows answers `202 Accepted` when the request is queued: the card is posted (or fails) later, in the flow run."),
};

/// Workflows post Adaptive Cards only: `attachments[0].content` must be one.
fn adaptive_card(body: &Json) -> Option<Special> {
    let card = match body.get("attachments") {
        Some(Json::Array(items)) => items.first().and_then(|first| first.get("content")),
        _ => None,
    };
    if card.and_then(|c| c.text("type")) == Some("AdaptiveCard") {
        return None;
    }
    Some(Special {
        key: "attachments",
        message: "Teams Workflows answers `202 Accepted`, then the flow run fails where nobody sees it: {body} has no Adaptive Card in `attachments` (Workflows post Adaptive Cards only).".to_string(),
        help: "Use a body of the form {\"type\": \"message\", \"attachments\": [{\"contentType\": \"application/vnd.microsoft.card.adaptive\", \"content\": {…AdaptiveCard…}}]}.",
        reply: Some("fails"),
        cured: true,
    })
}

/// An Adaptive Card's text blocks (the first bold one as the title) and its URL actions.
fn card(body: &Json) -> Vec<Shown> {
    let card = match body.get("attachments") {
        Some(Json::Array(items)) => items.first().and_then(|first| first.get("content")),
        _ => None,
    };
    let Some(card) = card else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut titled = false;
    if let Some(Json::Array(blocks)) = card.get("body") {
        for block in blocks {
            let Some(text) = block.text("text") else {
                continue;
            };
            let bold = block
                .text("weight")
                .is_some_and(|w| w.eq_ignore_ascii_case("bolder"));
            if bold && !titled {
                titled = true;
                out.push(Shown::Title(text.to_string()));
            } else {
                out.push(Shown::Text(text.to_string()));
            }
        }
    }
    if let Some(Json::Array(actions)) = card.get("actions") {
        for action in actions {
            if let (Some(label), Some(url)) = (action.text("title"), action.text("url")) {
                out.push(Shown::Link {
                    label: label.to_string(),
                    url: url.to_string(),
                });
            }
        }
    }
    out
}
