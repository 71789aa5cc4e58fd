//! Opsgenie's alert API, and Jira Service Management Operations, its successor
//! (docs/destinations.md, Opsgenie).

use super::*;

/// What both endpoints take.
const ALERTS: Endpoint = Endpoint {
    fields: &[
        Field::new("message", "The alert's title."),
        Field::new("alias", "One open alert per alias: later alerts with it are counted, not opened."),
        Field::new("description", "The alert's details."),
        Field::new("priority", "P1 to P5 (P3 when absent)."),
        Field::new("tags", "Up to 20 tags."),
        Field::new("source", "Where the alert comes from."),
    ],
    headers: &[HeaderNeed {
        name: "Authorization",
        prefix: "GenieKey ",
        placeholder: "GenieKey YOUR_OPSGENIE_API_KEY",
        reply: "unauthenticated",
        help: "Add the header `Authorization: GenieKey <key>`, with the key of an Opsgenie API integration.",
    }],
    needs: &[Need {
        any_of: &["message"],
        when: None,
        rule: Rule::DestinationMissingField,
        reply: Some("no_message"),
        effect: "",
        help: "Use a body template with `message`, which every alert needs.",
    }],
    limits: &[Limit {
        field: Some("message"),
        max: 130,
        rule: Rule::DestinationTruncated,
        reply: None,
        effect: "likely cut",
    }],
    cure: Some(&Cure::Body {
        title: "Use an Opsgenie alert body and GenieKey header (fill in your key)",
        body: r#"{"message": "testRTC: <% this.testName %> finished with status <% this.status %>", "alias": "<% this.testRunId %>", "description": "<% this.resultUrl %>", "source": "testRTC", "priority": "P3"}"#,
        json_text_route: None,
    }),
    preview: Some(&Preview {
        title: Some("message"),
        text: Some("description"),
        labelled: &["priority", "alias", "source", "entity"],
        ..Preview::new(PreviewKind::Alert, "Opsgenie", Markup::Plain)
    }),
    ..Endpoint::new("Opsgenie", &[], &[])
};

pub const OPSGENIE: Destination = Destination {
    id: DestinationId::Opsgenie,
    key: "opsgenie",
    name: "Opsgenie alerts API",
    short_name: "Opsgenie",
    endpoints: &[
        // Jira Service Management Operations.
        Endpoint {
            name: "Jira Service Management Operations",
            hosts: &[Host::Is("api.atlassian.com")],
            path: &[
                Segment::Is("jsm"),
                Segment::Is("ops"),
                Segment::Is("integration"),
                Segment::Is("v2"),
                Segment::Is("alerts"),
                Segment::Rest,
            ],
            ..ALERTS
        },
        Endpoint {
            hosts: &[Host::Is("api.opsgenie.com"), Host::Is("api.eu.opsgenie.com")],
            path: &[Segment::Is("v2"), Segment::Is("alerts"), Segment::Rest],
            dated: Some(&Dated {
                date: Date::new(2027, 4, 5),
                before: "Opsgenie is end of sale, and support (with its REST API) ends on 5 Apr 2027: plan the move to Jira Service Management Operations (`api.atlassian.com/jsm/ops/integration/v2/alerts`).",
                after: "Opsgenie's support, with its REST API, ended on 5 Apr 2027: move to Jira Service Management Operations (`api.atlassian.com/jsm/ops/integration/v2/alerts`).",
            }),
            ..ALERTS
        },
    ],
    credential: None,
    replies: &[
        Reply {
            key: "queued",
            status: 202,
            content_type: Some("application/json"),
            body: r#"{"result":"Request will be processed","took":0.0,"requestId":"hookcheck"}"#,
            matches: BodyMatch::Any,
            quote: "`202`",
            meaning: "Opsgenie queued the alert: 202 does not yet mean the alert exists.",
            delivered: true,
        },
        Reply {
            key: "unauthenticated",
            status: 401,
            content_type: Some("application/json"),
            body: r#"{"message": "Could not authenticate", "took": 0.0, "requestId": "hookcheck"}"#,
            matches: BodyMatch::Any,
            quote: "`401 Could not authenticate`",
            meaning: "Opsgenie refused the key: send `Authorization: GenieKey <key>` with the key of an API integration.",
            delivered: false,
        },
        Reply::seen(
            403,
            BodyMatch::Any,
            "Opsgenie refused the key: send `Authorization: GenieKey <key>` with the key of an API integration.",
        ),
        Reply::seen(
            422,
            BodyMatch::Contains("Key format"),
            "Opsgenie refused the key's format: copy the key of an API integration again.",
        ),
        Reply {
            key: "no_message",
            status: 422,
            content_type: Some("application/json"),
            body: r#"{"message": "Request body is not processable. Please check the errors.", "errors": {"message": "Message can not be empty."}, "took": 0.0, "requestId": "hookcheck"}"#,
            matches: BodyMatch::Contains("Message can not be empty"),
            quote: "`422`",
            meaning: "Opsgenie could not process the alert: it needs a `message`.",
            delivered: false,
        },
    ],
    not_json: Some("no_message"),
    refused_otherwise: Some("Opsgenie refused the alert ({status}: {json:message})."),
    cors: Cors::Unknown,
    queued: Some("Opsgenie answers `202` with a `requestId` when the alert is queued: `202` does not mean the alert was created."),
};
