//! Real replies, explained in one place (`destination::reply::verdict_of_reply`): the words
//! the app's send panel (direct or through the relay) and `hookcheck send` show. One test per
//! refusal a destination is known to give, then the wording for replies no destination
//! explains. Facts and sources: docs/destinations.md; where a fact is unconfirmed the
//! sentence says "likely".

use hookcheck_core::catalog::DestinationId;
use hookcheck_core::destination::reply::{verdict_of_reply, ReplyVerdict, AS_HEADER};

const SLACK: &str = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";
const DISCORD: &str = "https://discord.com/api/webhooks/123456/token-abc";
const TEAMS: &str = "https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d";
const TEAMS_WORKFLOW: &str = "https://default0a1b.02.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SIGNATURE123";
const GOOGLE_CHAT: &str =
    "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=AIzaKEY&token=chat-token-123";
const PAGERDUTY: &str = "https://events.pagerduty.com/v2/enqueue";
const OPSGENIE: &str = "https://api.opsgenie.com/v2/alerts";

/// The destination the pipeline reads in `url`, as a request carries it.
fn named(url: &str) -> Option<DestinationId> {
    hookcheck_core::catalog::recognise(url).map(|found| found.id)
}

/// The verdict on a reply to a request for `url`, with no headers.
fn verdict(url: &str, status: u16, status_text: &str, body: &str) -> ReplyVerdict {
    verdict_of_reply(named(url), &[], status, status_text, body)
}

/// Asserts a refusal by `id` whose sentence starts with `start`.
fn assert_refused(verdict: &ReplyVerdict, id: DestinationId, start: &str) {
    assert_eq!(verdict.destination, Some(id), "{verdict:?}");
    assert!(!verdict.arrived, "{verdict:?}");
    assert!(verdict.sentence.starts_with(start), "{verdict:?}");
}

// Slack ------------------------------------------------------------------------------

#[test]
fn slack_200_ok_arrived() {
    let v = verdict(SLACK, 200, "OK", "ok");
    assert!(v.arrived);
    assert_eq!(v.sentence, "Slack posted the message.");
}

#[test]
fn slack_400_no_text_is_a_body_without_text() {
    let v = verdict(SLACK, 400, "Bad Request", "no_text");
    assert_refused(&v, DestinationId::Slack, "Slack found no text");
    assert!(v.sentence.contains("format json/text"), "{v:?}");
}

#[test]
fn slack_400_invalid_payload_is_a_body_it_cannot_read() {
    let v = verdict(SLACK, 400, "Bad Request", "invalid_payload");
    assert_refused(
        &v,
        DestinationId::Slack,
        "Slack could not read the body as a message",
    );
}

#[test]
fn slack_403_invalid_token_is_a_revoked_token() {
    let v = verdict(SLACK, 403, "Forbidden", "invalid_token");
    assert_refused(
        &v,
        DestinationId::Slack,
        "Slack refused the webhook's token",
    );
}

#[test]
fn slack_404_no_service_is_a_deleted_or_disabled_webhook() {
    let v = verdict(SLACK, 404, "Not Found", "no_service");
    assert_refused(&v, DestinationId::Slack, "Slack knows no such webhook");
    assert!(v.sentence.contains("deleted or disabled"), "{v:?}");
}

#[test]
fn slack_404_channel_not_found_is_a_missing_channel() {
    let v = verdict(SLACK, 404, "Not Found", "channel_not_found");
    assert_refused(
        &v,
        DestinationId::Slack,
        "Slack cannot find the webhook's channel",
    );
}

// Discord ----------------------------------------------------------------------------

#[test]
fn discord_400_code_50006_is_an_empty_message() {
    let v = verdict(
        DISCORD,
        400,
        "Bad Request",
        r#"{"message": "Cannot send an empty message", "code": 50006}"#,
    );
    assert_refused(&v, DestinationId::Discord, "Discord found nothing to post");
    assert!(
        v.sentence.contains("`text` is not a Discord field"),
        "{v:?}"
    );
}

#[test]
fn discord_400_code_50035_is_an_invalid_form_body_with_its_message() {
    let v = verdict(
        DISCORD,
        400,
        "Bad Request",
        r#"{"message": "Invalid Form Body", "code": 50035, "errors": {}}"#,
    );
    assert_refused(
        &v,
        DestinationId::Discord,
        "Discord refused the body's form",
    );
    assert!(v.sentence.contains("Invalid Form Body"), "{v:?}");
}

#[test]
fn discord_404_code_10015_is_an_unknown_webhook() {
    let v = verdict(
        DISCORD,
        404,
        "Not Found",
        r#"{"message": "Unknown Webhook", "code": 10015}"#,
    );
    assert_refused(&v, DestinationId::Discord, "Discord knows no such webhook");
    assert!(v.sentence.contains("10015, Unknown Webhook"), "{v:?}");
}

// Teams ------------------------------------------------------------------------------

#[test]
fn teams_400_is_a_refused_body_quoting_it() {
    let v = verdict(
        TEAMS,
        400,
        "Bad Request",
        "Bad payload received by generic incoming webhook.",
    );
    assert_refused(&v, DestinationId::TeamsConnector, "Teams refused the body");
    assert!(v.sentence.contains("Bad payload received"), "{v:?}");
}

#[test]
fn teams_404_is_likely_a_removed_webhook() {
    let v = verdict(TEAMS, 404, "Not Found", "");
    assert_refused(
        &v,
        DestinationId::TeamsConnector,
        "Teams likely knows no such webhook",
    );
}

#[test]
fn teams_workflows_400_invalid_argument_quotes_its_error_message() {
    let v = verdict(
        TEAMS_WORKFLOW,
        400,
        "Bad Request",
        r#"{"error": {"code": "InvalidRequestContent", "message": "The input body for trigger 'manual' of type 'Request' must be of type JSON, but was of type 'application/octet-stream'."}}"#,
    );
    assert_refused(
        &v,
        DestinationId::TeamsWorkflow,
        "Teams Workflows refused the request: The input body for trigger",
    );
}

#[test]
fn teams_workflows_404_is_likely_a_deleted_flow() {
    let v = verdict(TEAMS_WORKFLOW, 404, "Not Found", "");
    assert_refused(
        &v,
        DestinationId::TeamsWorkflow,
        "Teams Workflows likely knows no such flow",
    );
}

// Google Chat ------------------------------------------------------------------------

#[test]
fn google_chat_400_invalid_argument_quotes_the_unknown_field() {
    let v = verdict(
        GOOGLE_CHAT,
        400,
        "Bad Request",
        r#"{"error": {"code": 400, "message": "Invalid JSON payload received. Unknown name \"testRunId\" at 'message': Cannot find field.", "status": "INVALID_ARGUMENT"}}"#,
    );
    assert_refused(
        &v,
        DestinationId::GoogleChat,
        "Google Chat refused the body",
    );
    assert!(v.sentence.contains(r#"Unknown name "testRunId""#), "{v:?}");
}

#[test]
fn google_chat_404_is_likely_a_deleted_space_or_webhook() {
    let v = verdict(GOOGLE_CHAT, 404, "Not Found", "");
    assert_refused(
        &v,
        DestinationId::GoogleChat,
        "Google Chat likely knows no such space or webhook",
    );
}

// PagerDuty and Opsgenie -------------------------------------------------------------

#[test]
fn pagerduty_400_invalid_routing_key_is_an_unknown_integration() {
    let v = verdict(
        PAGERDUTY,
        400,
        "Bad Request",
        r#"{"status":"invalid event","message":"Event object is invalid","errors":["Invalid Routing Key"]}"#,
    );
    assert_refused(
        &v,
        DestinationId::PagerDuty,
        "PagerDuty knows no such integration",
    );
    assert!(v.sentence.contains("routing key is wrong"), "{v:?}");
}

#[test]
fn pagerduty_400_for_a_missing_field_names_it() {
    let v = verdict(
        PAGERDUTY,
        400,
        "Bad Request",
        r#"{"status":"invalid event","message":"Event object is invalid","errors":["'payload.severity' is missing or blank"]}"#,
    );
    assert_refused(
        &v,
        DestinationId::PagerDuty,
        "PagerDuty found the event invalid",
    );
    assert!(
        v.sentence.contains("'payload.severity' is missing"),
        "{v:?}"
    );
}

#[test]
fn opsgenie_401_is_a_refused_key() {
    let v = verdict(
        OPSGENIE,
        401,
        "Unauthorized",
        r#"{"message": "Could not authenticate", "took": 0.0}"#,
    );
    assert_refused(&v, DestinationId::Opsgenie, "Opsgenie refused the key");
    assert!(v.sentence.contains("GenieKey"), "{v:?}");
}

#[test]
fn opsgenie_422_key_format_is_a_malformed_key() {
    let v = verdict(
        OPSGENIE,
        422,
        "Unprocessable Entity",
        r#"{"message": "Key format is not valid!", "took": 0.0}"#,
    );
    assert_refused(
        &v,
        DestinationId::Opsgenie,
        "Opsgenie refused the key's format",
    );
}

#[test]
fn opsgenie_422_for_an_empty_message_says_it_needs_one() {
    let v = verdict(
        OPSGENIE,
        422,
        "Unprocessable Entity",
        r#"{"message": "Request body is not processable. Please check the errors.", "errors": {"message": "Message can not be empty."}}"#,
    );
    assert_refused(
        &v,
        DestinationId::Opsgenie,
        "Opsgenie could not process the alert",
    );
    assert!(v.sentence.contains("needs a `message`"), "{v:?}");
}

#[test]
fn opsgenie_422_for_another_reason_quotes_it_without_guessing() {
    let v = verdict(
        OPSGENIE,
        422,
        "Unprocessable Entity",
        r#"{"message": "Request body is not processable. Please check the errors.", "errors": {"priority": "should be one of [P1, P2, P3, P4, P5]"}}"#,
    );
    assert_refused(
        &v,
        DestinationId::Opsgenie,
        "Opsgenie refused the alert (422",
    );
    assert!(!v.sentence.contains("needs a `message`"), "{v:?}");
}

// Who answered -----------------------------------------------------------------------

#[test]
fn a_local_receive_as_is_explained_in_the_terms_of_the_destination_it_names() {
    let headers = [(AS_HEADER.to_string(), "slack".to_string())];
    let v = verdict_of_reply(
        named("http://127.0.0.1:8787/hook"),
        &headers,
        400,
        "",
        "no_text",
    );
    assert_refused(&v, DestinationId::Slack, "Slack found no text");
}

#[test]
fn the_urls_destination_wins_over_the_header() {
    let headers = [(AS_HEADER.to_string(), "discord".to_string())];
    let v = verdict_of_reply(named(SLACK), &headers, 400, "", "no_text");
    assert_eq!(v.destination, Some(DestinationId::Slack));
}

// Replies no destination explains ----------------------------------------------------

#[test]
fn without_a_destination_a_2xx_arrived_with_its_status_line() {
    let v = verdict("https://example.com/hook", 201, "Created", "");
    assert_eq!(
        v,
        ReplyVerdict {
            destination: None,
            arrived: true,
            sentence: "The server accepted the request (201 Created).".into(),
        }
    );
}

#[test]
fn without_a_destination_anything_but_2xx_and_3xx_was_refused() {
    for (status, text) in [
        (404, "Not Found"),
        (500, "Internal Server Error"),
        (100, ""),
    ] {
        let v = verdict("https://example.com/hook", status, text, "nope");
        assert!(!v.arrived, "{v:?}");
        let line = format!("{status} {text}");
        assert_eq!(
            v.sentence,
            format!("The server refused the request ({}).", line.trim_end())
        );
    }
}

#[test]
fn a_redirect_did_not_arrive_and_names_where_it_points_masked() {
    let headers = [(
        "Location".to_string(),
        "https://example.com/new?token=abc".to_string(),
    )];
    let v = verdict_of_reply(
        named("https://example.com/hook"),
        &headers,
        302,
        "Found",
        "",
    );
    assert!(!v.arrived);
    assert!(
        v.sentence
            .contains("302 Found, a redirect to https://example.com/new?token=••••••••"),
        "{v:?}"
    );
    assert!(v.sentence.contains("does not follow it"), "{v:?}");
    assert!(!v.sentence.contains("abc"));
}

#[test]
fn a_destination_reply_the_catalog_does_not_know_is_worded_with_its_name() {
    let v = verdict(
        "https://webhook.site/0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
        200,
        "OK",
        "",
    );
    assert_eq!(v.destination, Some(DestinationId::WebhookSite));
    assert!(v.arrived);
    assert!(
        v.sentence.ends_with("accepted the request (200 OK)."),
        "{v:?}"
    );
}

#[test]
fn a_status_without_a_reason_phrase_is_its_number_alone() {
    let v = verdict("https://example.com/hook", 599, "", "");
    assert_eq!(v.sentence, "The server refused the request (599).");
}
