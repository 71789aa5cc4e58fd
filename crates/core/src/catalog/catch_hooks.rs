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

/// A request bin's one reply.
const BIN_REPLIES: &[Reply] = &[plain_ok("")];

/// A request bin: takes anything, answers `200`, and keeps what it got for you to look at.
const fn request_bin(
    id: DestinationId,
    key: &'static str,
    name: &'static str,
    endpoints: &'static [Endpoint],
    cors: Cors,
) -> Destination {
    Destination {
        id,
        key,
        name,
        short_name: name,
        endpoints,
        credential: None,
        replies: BIN_REPLIES,
        not_json: None,
        refused_otherwise: None,
        cors,
        queued: None,
    }
}

pub const WEBHOOK_SITE: Destination = request_bin(
    DestinationId::WebhookSite,
    "webhook-site",
    "webhook.site",
    &[any_body(
        "webhook.site",
        &[Host::Is("webhook.site"), Host::Is("www.webhook.site")],
        &[Segment::SecretRest],
    )],
    Cors::Unknown,
);

pub const PIPEDREAM: Destination = request_bin(
    DestinationId::Pipedream,
    "pipedream",
    "Pipedream",
    &[any_body(
        "Pipedream",
        &[Host::SecretLabelUnder("m.pipedream.net")],
        &[Segment::Rest],
    )],
    Cors::Unknown,
);

pub const BEECEPTOR: Destination = request_bin(
    DestinationId::Beeceptor,
    "beeceptor",
    "Beeceptor",
    &[any_body(
        "Beeceptor",
        &[
            Host::SecretLabelUnder("free.beeceptor.com"),
            Host::SecretLabelUnder("proxy.beeceptor.com"),
        ],
        &[Segment::Rest],
    )],
    Cors::Allows,
);
