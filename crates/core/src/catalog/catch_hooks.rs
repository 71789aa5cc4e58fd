//! Services that take any body: the catch hooks of Zapier and Make, and the request bins
//! people test with (docs/destinations.md, Zapier, Make, test receivers).

use super::*;

/// A catch hook gets json/text's data as one string.
fn data_as_string(body: &Json, who: &str) -> Option<Special> {
    let is_json_text = matches!(body, Json::Object(members) if members.len() == 2)
        && body.text("username") == Some("testRTC_bot")
        && body.text("text").is_some();
    is_json_text.then(|| Special {
        key: "text",
        message: format!(
            "{who} gets the run as one `text` string (json/text stringifies the data), which it must parse again."
        ),
        help: "With \"format\": \"json/object\" each field arrives on its own. (testRTC's docs suggest json/text for Zapier; either works.)",
        reply: None,
        cured: false,
    })
}

fn zap_gets_a_string(body: &Json) -> Option<Special> {
    data_as_string(body, "The Zap")
}

fn scenario_gets_a_string(body: &Json) -> Option<Special> {
    data_as_string(body, "The Make scenario")
}

/// Takes anything and shows nothing of its own.
const fn any_body(
    subject: &'static str,
    hosts: &'static [Host],
    path: &'static [Segment],
) -> Endpoint {
    Endpoint::new(subject, hosts, path)
}

/// A reply that says nothing more than its status.
const fn plain_ok(meaning: &'static str) -> Reply {
    Reply {
        key: "ok",
        status: 200,
        content_type: Some("text/plain; charset=utf-8"),
        body: "",
        matches: BodyMatch::Any,
        quote: "`200`",
        meaning,
        delivered: true,
    }
}

pub const ZAPIER: Destination = Destination {
    id: DestinationId::Zapier,
    key: "zapier",
    name: "Zapier catch hook",
    short_name: "Zapier",
    endpoints: &[Endpoint {
        special: Some(&SpecialRule {
            doc: "with json/text, the run arrives as one `text` string",
            rule: Rule::DestinationDataAsString,
            check: zap_gets_a_string,
        }),
        ..any_body(
            "Zapier",
            &[Host::Is("hooks.zapier.com")],
            &[
                Segment::Is("hooks"),
                Segment::Is("catch"),
                Segment::SecretRest,
            ],
        )
    }],
    credential: Some("start the Zap"),
    replies: &[Reply {
        key: "ok",
        status: 200,
        content_type: Some("application/json"),
        body: r#"{"attempt":"hookcheck","id":"hookcheck","request_id":"hookcheck","status":"success"}"#,
        matches: BodyMatch::Any,
        quote: "`200`",
        meaning: "Zapier took the request (it answers success even when no Zap is on).",
        delivered: true,
    }],
    not_json: None,
    refused_otherwise: None,
    cors: Cors::Unknown,
    queued: None,
};

pub const MAKE: Destination = Destination {
    id: DestinationId::Make,
    key: "make",
    name: "Make custom webhook",
    short_name: "Make",
    endpoints: &[Endpoint {
        special: Some(&SpecialRule {
            doc: "with json/text, the run arrives as one `text` string",
            rule: Rule::DestinationDataAsString,
            check: scenario_gets_a_string,
        }),
        ..any_body(
            "Make",
            &[
                Host::Is("hook.integromat.com"),
                Host::Around("hook.", ".make.com"),
            ],
            &[Segment::SecretRest],
        )
    }],
    credential: Some("start the scenario"),
    replies: &[plain_ok("Make took the request: the scenario runs it.")],
    not_json: None,
    refused_otherwise: None,
    cors: Cors::Unknown,
    queued: None,
};

pub const WEBHOOK_SITE: Destination = Destination {
    id: DestinationId::WebhookSite,
    key: "webhook-site",
    name: "webhook.site",
    short_name: "webhook.site",
    endpoints: &[any_body(
        "webhook.site",
        &[Host::Is("webhook.site"), Host::Is("www.webhook.site")],
        &[Segment::SecretRest],
    )],
    credential: None,
    replies: &[plain_ok("")],
    not_json: None,
    refused_otherwise: None,
    cors: Cors::Unknown,
    queued: None,
};

pub const PIPEDREAM: Destination = Destination {
    id: DestinationId::Pipedream,
    key: "pipedream",
    name: "Pipedream",
    short_name: "Pipedream",
    endpoints: &[any_body(
        "Pipedream",
        &[Host::SecretLabelUnder("m.pipedream.net")],
        &[Segment::Rest],
    )],
    credential: None,
    replies: &[plain_ok("")],
    not_json: None,
    refused_otherwise: None,
    cors: Cors::Unknown,
    queued: None,
};

pub const BEECEPTOR: Destination = Destination {
    id: DestinationId::Beeceptor,
    key: "beeceptor",
    name: "Beeceptor",
    short_name: "Beeceptor",
    endpoints: &[any_body(
        "Beeceptor",
        &[
            Host::SecretLabelUnder("free.beeceptor.com"),
            Host::SecretLabelUnder("proxy.beeceptor.com"),
        ],
        &[Segment::Rest],
    )],
    credential: None,
    replies: &[plain_ok("")],
    not_json: None,
    refused_otherwise: None,
    cors: Cors::Allows,
    queued: None,
};
