//! PagerDuty Events API v2: `events.pagerduty.com/v2/enqueue`, change events, and the
//! integration URLs that take a vendor's own payload (docs/destinations.md, PagerDuty).

use super::*;

const HOSTS: &[Host] = &[
    Host::Is("events.pagerduty.com"),
    Host::Is("events.eu.pagerduty.com"),
];

const ROUTING_KEY: Field = Field::new(
    "routing_key",
    "The integration key of the PagerDuty service; a secret.",
);

const HELP: &str = "PagerDuty Events v2 needs {\"routing_key\", \"event_action\": \"trigger\", \"payload\": {\"summary\", \"source\", \"severity\"}}: use a body template.";

const TRIGGER: Option<(&str, &str)> = Some(("event_action", "trigger"));

const SUMMARY_LIMIT: Limit = Limit {
    field: Some("payload.summary"),
    max: 1_024,
    rule: Rule::DestinationTruncated,
    reply: None,
    effect: "likely cut or refused",
};

/// A field of the event that PagerDuty refuses without.
const NEED: Need = Need {
    any_of: &[],
    when: None,
    rule: Rule::DestinationMissingField,
    reply: Some("invalid"),
    effect: "",
    help: HELP,
};

pub const PAGERDUTY: Destination = Destination {
    id: DestinationId::PagerDuty,
    key: "pagerduty",
    name: "PagerDuty Events API v2",
    short_name: "PagerDuty",
    endpoints: &[
        // Change events.
        Endpoint {
            name: "change events",
            fields: &[
                ROUTING_KEY,
                Field::new("payload", "The change: summary, source, timestamp."),
                Field::new("payload.summary", "What changed."),
                Field::new("links", "Links shown with the change."),
            ],
            invalid: Some("invalid"),
            needs: &[
                Need { any_of: &["routing_key"], ..NEED },
                Need { any_of: &["payload.summary"], ..NEED },
            ],
            limits: &[SUMMARY_LIMIT],
            ..Endpoint::new(
                "PagerDuty",
                HOSTS,
                &[Segment::Is("v2"), Segment::Is("change"), Segment::Is("enqueue")],
            )
        },
        // A vendor's own payload (CloudWatch, Azure, a Custom Event Transformer).
        Endpoint {
            name: "integration URLs, for a vendor's own payload",
            unchecked: true,
            ..Endpoint::new(
                "PagerDuty",
                HOSTS,
                &[
                    Segment::Is("integration"),
                    Segment::Secret(&Segment::Any),
                    Segment::Is("enqueue"),
                ],
            )
        },
        // Events v2, the main endpoint.
        Endpoint {
            fields: &[
                ROUTING_KEY,
                Field {
                    kind: Kind::OneOf(&["trigger", "acknowledge", "resolve"]),
                    ..Field::new("event_action", "What to do with the alert.")
                },
                Field::new("payload", "The event: summary, source, severity."),
                Field::new(
                    "dedup_key",
                    "Groups events into one alert; without it every trigger opens a new one.",
                ),
                Field::new("payload.summary", "The alert's title."),
                Field::new("payload.source", "Where the problem is."),
                Field {
                    kind: Kind::OneOf(&["critical", "error", "warning", "info"]),
                    ..Field::new("payload.severity", "How bad it is.")
                },
                Field::new("payload.component", "The affected part of the source."),
                Field::new("payload.custom_details", "Any extra data, as an object."),
                Field::new("links", "Links shown on the alert: `href` and `text`."),
            ],
            invalid: Some("invalid"),
            needs: &[
                Need { any_of: &["routing_key"], ..NEED },
                Need { any_of: &["event_action"], ..NEED },
                Need { any_of: &["payload.summary"], when: TRIGGER, ..NEED },
                Need { any_of: &["payload.source"], when: TRIGGER, ..NEED },
                Need { any_of: &["payload.severity"], when: TRIGGER, ..NEED },
            ],
            limits: &[SUMMARY_LIMIT],
            cure: Some(&Cure::Body {
                title: "Use a PagerDuty Events v2 body (fill in your routing key)",
                body: r#"{"routing_key": "YOUR_PAGERDUTY_ROUTING_KEY", "event_action": "trigger", "dedup_key": "<% this.testRunId %>", "payload": {"summary": "testRTC: <% this.testName %> finished with status <% this.status %>", "source": "testRTC", "severity": "error", "custom_details": {"run": "<% this.resultUrl %>"}}, "links": [{"href": "<% this.resultUrl %>", "text": "testRTC run"}]}"#,
                json_text_route: None,
            }),
            preview: Some(&Preview {
                title: Some("payload.summary"),
                labelled: &[
                    "payload.severity",
                    "payload.source",
                    "payload.component",
                    "payload.group",
                    "payload.class",
                    "dedup_key",
                ],
                extra: Some(links),
                ..Preview::new(PreviewKind::Incident, "PagerDuty", Markup::Plain)
            }),
            ..Endpoint::new("PagerDuty", HOSTS, &[Segment::Is("v2"), Segment::Is("enqueue")])
        },
    ],
    credential: Some("send events to its service"),
    replies: &[
        Reply {
            key: "queued",
            status: 202,
            content_type: Some("application/json"),
            body: r#"{"status":"success","message":"Event processed","dedup_key":"hookcheck"}"#,
            matches: BodyMatch::Any,
            quote: "`202`",
            meaning: "PagerDuty queued the event: 202 does not yet mean an incident.",
            delivered: true,
        },
        Reply::seen(
            400,
            BodyMatch::Contains("Invalid Routing Key"),
            "PagerDuty knows no such integration: the routing key is wrong, or its integration was removed.",
        ),
        Reply {
            key: "invalid",
            status: 400,
            content_type: Some("application/json"),
            body: r#"{"status":"invalid event","message":"Event object is invalid","errors":{errors}}"#,
            matches: BodyMatch::Any,
            quote: "`400 Event object is invalid`",
            meaning: "PagerDuty found the event invalid: {json:errors}.",
            delivered: false,
        },
        Reply::seen(
            429,
            BodyMatch::Any,
            "PagerDuty is rate-limiting this integration key (about 120 events a minute): try again later.",
        ),
    ],
    not_json: Some("invalid"),
    refused_otherwise: Some("PagerDuty refused the event ({status}: `{body}`)."),
    cors: Cors::Allows,
    queued: Some("PagerDuty answers `202` when the event is queued: `202` does not mean an incident was created."),
};

/// The alert's links: `links[]{href, text}`.
fn links(body: &Json) -> Vec<Shown> {
    let Some(Json::Array(links)) = body.get("links") else {
        return Vec::new();
    };
    links
        .iter()
        .filter_map(|link| {
            let href = link.text("href")?;
            Some(Shown::Link {
                label: link.text("text").unwrap_or(href).to_string(),
                url: href.to_string(),
            })
        })
        .collect()
}
