//! Datadog's events API: `api.<site>/api/v1/events` (docs/destinations.md, Datadog).

use super::*;

pub const DATADOG: Destination = Destination {
    id: DestinationId::Datadog,
    key: "datadog",
    name: "Datadog events API",
    short_name: "Datadog",
    endpoints: &[Endpoint {
        fields: &[
            Field::new("title", "The event's title."),
            Field::new("text", "The event's body, in Markdown."),
            Field::new("alert_type", "error, warning, info or success."),
            Field::new("tags", "Tags, as `key:value` strings."),
        ],
        headers: &[HeaderNeed {
            name: "DD-API-KEY",
            prefix: "",
            placeholder: "YOUR_DATADOG_API_KEY",
            reply: "forbidden",
            help: "Add the header `DD-API-KEY` with a Datadog API key.",
        }],
        needs: &[
            Need {
                any_of: &["title"],
                when: None,
                rule: Rule::DestinationMissingField,
                reply: Some("bad_request"),
                effect: "",
                help: "A Datadog event needs `title` and `text`.",
            },
            Need {
                any_of: &["text"],
                when: None,
                rule: Rule::DestinationMissingField,
                reply: Some("bad_request"),
                effect: "",
                help: "A Datadog event needs `title` and `text`.",
            },
        ],
        limits: &[Limit {
            field: Some("text"),
            max: 4_000,
            rule: Rule::DestinationTruncated,
            reply: None,
            effect: "the rest is cut",
        }],
        cure: Some(&Cure::Body {
            title: "Use a Datadog event body and DD-API-KEY header (fill in your key)",
            body: r#"{"title": "testRTC: <% this.testName %>", "text": "Finished with status <% this.status %>. <% this.resultUrl %>", "alert_type": "info", "source_type_name": "testRTC"}"#,
            json_text_route: None,
        }),
        preview: Some(&Preview {
            title: Some("title"),
            text: Some("text"),
            labelled: &["alert_type"],
            ..Preview::new(PreviewKind::Event, "Datadog", Markup::Markdown)
        }),
        ..Endpoint::new(
            "Datadog",
            &[
                Host::Is("api.datadoghq.com"),
                Host::Is("api.datadoghq.eu"),
                Host::Is("api.us3.datadoghq.com"),
                Host::Is("api.us5.datadoghq.com"),
                Host::Is("api.ap1.datadoghq.com"),
                Host::Is("api.ap2.datadoghq.com"),
                Host::Is("api.ddog-gov.com"),
            ],
            &[
                Segment::Is("api"),
                Segment::Is("v1"),
                Segment::Is("events"),
                Segment::Rest,
            ],
        )
    }],
    credential: Some("post events"),
    replies: &[
        Reply {
            key: "accepted",
            status: 202,
            content_type: Some("application/json"),
            body: r#"{"status":"ok"}"#,
            matches: BodyMatch::Any,
            quote: "`202`",
            meaning: "Datadog took the event.",
            delivered: true,
        },
        Reply {
            key: "forbidden",
            status: 403,
            content_type: Some("application/json"),
            body: r#"{"errors": ["Forbidden"]}"#,
            matches: BodyMatch::Any,
            quote: "`403 Forbidden`",
            meaning: "Datadog refused the API key: send a valid `DD-API-KEY` header.",
            delivered: false,
        },
        Reply {
            key: "bad_request",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"errors": ["Bad Request"]}"#,
            matches: BodyMatch::Any,
            quote: "`400 Bad Request`",
            meaning: "Datadog refused the event: {json:errors}.",
            delivered: false,
        },
    ],
    not_json: Some("bad_request"),
    refused_otherwise: Some("Datadog refused the event ({status}: {json:errors})."),
    cors: Cors::Unknown,
    queued: None,
};
