//! The CLI names the destination behind the URL: `"destination"` in `check --json` and
//! `preview --json`, a line in the text output, and destination diagnostics with their codes.

mod common;

use common::{hookcheck, json};

const SLACK: &str = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

#[test]
fn check_json_names_the_destination_and_its_diagnostic() {
    let output = hookcheck(&["check", "--json"], SLACK);
    // Valid for testRTC, but it won't arrive: a CI gate fails all the same.
    assert_eq!(output.status.code(), Some(1));
    let value = json(&output);
    assert_eq!(value["valid"], true);
    assert_eq!(value["arrives"], false);
    assert_eq!(
        value["destination"],
        serde_json::json!({"id": "slack", "name": "Slack incoming webhook"})
    );
    let codes: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"destination-missing-field"), "{codes:?}");
}

#[test]
fn check_json_says_probably_for_self_hosted_tools() {
    let output = hookcheck(
        &["check", "--json"],
        "https://chat.example.org/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx",
    );
    let value = json(&output);
    assert_eq!(value["destination"]["id"], "mattermost");
    assert_eq!(
        value["destination"]["name"],
        "probably Mattermost incoming webhook"
    );
}

#[test]
fn check_text_output_names_the_destination() {
    let output = hookcheck(&["check"], SLACK);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("destination: Slack incoming webhook (slack)"),
        "{text}"
    );
    assert!(text.contains("error[destination-missing-field]: Slack answers `400 no_text`"));
}

#[test]
fn preview_json_names_the_destination() {
    let input = format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#);
    let output = hookcheck(&["preview", "--json"], &input);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["destination"]["id"], "slack");
    let output = hookcheck(&["preview"], &input);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("POST "), "{text}");
    assert!(
        text.ends_with("\n(destination: Slack incoming webhook (slack))\n"),
        "{text}"
    );
}

#[test]
fn check_says_wont_arrive_apart_from_valid_and_exits_1() {
    let output = hookcheck(&["check"], SLACK);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("won't arrive: Slack answers 400 no_text (valid for testRTC;"),
        "{text}"
    );
    let fixed = format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#);
    let output = hookcheck(&["check", "--json"], &fixed);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["arrives"], true);
}

#[test]
fn preview_and_curl_print_a_request_the_destination_refuses_with_its_verdict_on_stderr() {
    for command in ["preview", "curl"] {
        let output = hookcheck(&[command], SLACK);
        assert_eq!(output.status.code(), Some(0), "{command}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            stdout.contains(r#""status":"completed""#),
            "{command}: {stdout}"
        );
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with("hookcheck: won't arrive: Slack answers `400 no_text`"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn preview_json_gives_the_arrival_of_the_request() {
    let output = hookcheck(&["preview", "--json"], SLACK);
    assert_eq!(
        json(&output)["arrival"],
        serde_json::json!({"arrives": false, "reply": "400 no_text"})
    );
    let fixed = format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#);
    let output = hookcheck(&["preview", "--json"], &fixed);
    assert_eq!(
        json(&output)["arrival"],
        serde_json::json!({"arrives": true, "reply": null})
    );
}
