//! `hookcheck receive --as ID`, run for real: the built binary answers each request as the
//! destination does, judging it by the destination's rules (core's `destination::reply`).

use std::process::Command;

mod receiver;
use receiver::Receiver;

const JSON: (&str, &str) = ("Content-Type", "application/json");
const OBJECT: &str = r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}"#;
const TEXT: &str = r#"{"username":"testRTC_bot","text":"{\"status\":\"completed\"}"}"#;

/// A receiver answering as the destination `id`.
fn receiver_as(id: &str) -> Receiver {
    Receiver::start(&["--as", id])
}

#[test]
fn as_slack_a_json_object_body_gets_400_no_text_and_json_text_gets_ok() {
    let slack = receiver_as("slack");
    let reply = slack.post("/hook", &[JSON], OBJECT);
    assert_eq!((reply.status, reply.text().as_str()), (400, "no_text"));
    assert_eq!(reply.header("content-type"), Some("text/html"));
    assert!(reply
        .headers
        .contains(&("x-hookcheck-as".to_string(), "slack".to_string())));
    assert_eq!(slack.post("/hook", &[JSON], TEXT).status, 200);
    assert_eq!(slack.post("/hook", &[JSON], TEXT).text(), "ok");
}

/// (id, headers, body, status, a phrase of the reply body)
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str, u16, &'a str);

#[test]
fn each_required_destination_answers_its_acceptance_and_its_rejection() {
    let pagerduty_ok = r#"{"routing_key":"k","event_action":"trigger","payload":{"summary":"s","source":"testRTC","severity":"info"}}"#;
    let card = r#"{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[]}}]}"#;
    let table: &[Case] = &[
        ("discord", &[JSON], TEXT, 400, "50006"),
        ("discord", &[JSON], r#"{"content":"hi"}"#, 204, ""),
        ("google-chat", &[JSON], TEXT, 400, "Unknown name"),
        ("google-chat", &[JSON], r#"{"text":"hi"}"#, 200, "spaces/"),
        ("teams-workflow", &[JSON], OBJECT, 202, ""),
        ("teams-workflow", &[JSON], card, 202, ""),
        ("pagerduty", &[JSON], OBJECT, 400, "Event object is invalid"),
        ("pagerduty", &[JSON], pagerduty_ok, 202, "Event processed"),
        (
            "opsgenie",
            &[JSON],
            r#"{"message":"m"}"#,
            401,
            "Could not authenticate",
        ),
        (
            "opsgenie",
            &[JSON, ("Authorization", "GenieKey k")],
            "{}",
            422,
            "processable",
        ),
        (
            "opsgenie",
            &[JSON, ("Authorization", "GenieKey k")],
            r#"{"message":"m"}"#,
            202,
            "requestId",
        ),
        ("mattermost", &[JSON], OBJECT, 400, "No text specified"),
        ("mattermost", &[JSON], TEXT, 200, "ok"),
    ];
    for (id, headers, body, status, phrase) in table {
        let reply = receiver_as(id).post("/hook", headers, body);
        let (got, reply) = (reply.status, reply.text());
        assert_eq!(got, *status, "{id}: {body} → {reply}");
        assert!(reply.contains(phrase), "{id}: {reply}");
    }
}

#[test]
fn as_destination_keeps_cors_so_the_app_can_read_the_reply() {
    let slack = receiver_as("slack");
    let reply = slack.post(
        "/hook",
        &[JSON, ("Origin", "http://localhost:8080")],
        OBJECT,
    );
    assert!(reply
        .headers
        .iter()
        .any(|(n, v)| n == "access-control-allow-origin" && v == "http://localhost:8080"));
}

#[test]
fn an_unknown_destination_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args(["receive", "--port", "0", "--as", "myspace"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("slack"));
}
