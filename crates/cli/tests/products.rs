//! `--product test|watchrtc|qualityrtc` on `check`, `preview`, `curl` and `send` (SPEC §6):
//! each command checks and renders the product's webhook, an outcome alone picks its own
//! product, and an unknown product or another product's outcome is a usage error (exit 2).
//! `send` goes to `hookcheck receive` on 127.0.0.1 only.

use serde_json::Value;

mod common;
mod receiver;

use common::{hookcheck, json, stderr, stdout};
use receiver::Receiver;

const SLACK: &str = "https://hooks.slack.com/services/T000/B000/XXXX";

#[test]
fn check_judges_a_watchrtc_alert_to_a_bare_slack_url_as_wont_arrive() {
    let output = hookcheck(&["check", "--product", "watchrtc"], SLACK);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("won't arrive: Slack answers 400 no_text"),
        "{}",
        stdout(&output)
    );
    let fixed = format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#);
    let output = hookcheck(&["check", "--json", "--product", "watchrtc"], &fixed);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(json(&output)["arrives"], true);
}

#[test]
fn check_warns_of_a_body_template_for_qualityrtc_only() {
    let text = r#"{"url": "https://example.com/hook", "body": {"rtt": "<% this.testResult.testCall.avgRtt %>"}}"#;
    let codes = |product: &str| -> Vec<String> {
        let output = hookcheck(&["check", "--json", "--product", product], text);
        let document = json(&output);
        assert_eq!(document["valid"], true, "{product}");
        (document["diagnostics"].as_array().unwrap().iter())
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes("qualityrtc"), ["template-product-undocumented"]);
    let test = codes("test");
    assert!(!test.contains(&"template-product-undocumented".to_string()));
    assert!(
        test.contains(&"template-legacy-path".to_string()),
        "{test:?}"
    );
}

#[test]
fn preview_of_watchrtc_prints_the_alert_sample() {
    let output = hookcheck(
        &["preview", "--json", "--product", "watchrtc"],
        "https://example.com/hook",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let body: Value = serde_json::from_str(json(&output)["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["room_id"], "testrtclongmachineroom1");
    assert_eq!(
        body["peers"][0]["notifications"][0]["calculation"],
        "Score 7.70 > 7"
    );
}

#[test]
fn preview_of_an_outcome_alone_uses_its_product() {
    let output = hookcheck(
        &["preview", "--json", "--outcome", "result"],
        "https://example.com/hook",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        json(&output)["body"]
            .as_str()
            .unwrap()
            .starts_with(r#"{"testResult":{"#),
        "{}",
        stdout(&output)
    );
}

#[test]
fn preview_sets_a_value_of_the_payload_by_its_dotted_path() {
    let output = hookcheck(
        &[
            "preview",
            "--product",
            "watchrtc",
            "--set",
            "project.name=Shop",
        ],
        "https://example.com/hook",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(r#""project":{"id":"6229b1f04fd1ae0017f1d2a4","name":"Shop"}"#),
        "{}",
        stdout(&output)
    );
    let output = hookcheck(
        &["preview", "--product", "watchrtc", "--set", "testName=x"],
        "https://example.com/hook",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`testName` is not a value of the watchRTC alert"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn curl_of_a_qualityrtc_cloudevent_has_its_ce_type() {
    let output = hookcheck(
        &["curl", "--product", "qualityrtc"],
        r#"{"url": "https://example.com/hook", "format": "cloudevent"}"#,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("-H 'ce-type: qualityrtc'"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn send_of_watchrtc_delivers_the_alert_slack_accepts() {
    let slack = Receiver::start(&["--as", "slack"]);
    let config = format!(
        r#"{{"url": "http://127.0.0.1:{}/hook", "format": "json/text"}}"#,
        slack.port
    );
    let output = hookcheck(
        &["send", "--allow-private", "--product", "watchrtc"],
        &config,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("\narrived: Slack posted the message.\n"));
    let recorded = &slack.get_json("/_requests")[0];
    let body: Value = serde_json::from_str(recorded["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["username"], "testRTC_bot");
    assert!(
        body["text"]
            .as_str()
            .unwrap()
            .contains(r#""room_id":"testrtclongmachineroom1""#),
        "{body}"
    );
}

#[test]
fn an_unknown_product_is_a_usage_error_that_lists_the_three() {
    for command in ["check", "preview", "curl", "send"] {
        // No input: a usage error ends the process before it reads any.
        let output = hookcheck(&[command, "--product", "probertc"], "");
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(
            stderr(&output).contains("[possible values: test, watchrtc, qualityrtc]"),
            "{command}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn an_outcome_of_another_product_is_a_usage_error() {
    for command in ["preview", "curl", "send"] {
        let output = hookcheck(
            &[command, "--product", "watchrtc", "--outcome", "failure"],
            "",
        );
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert_eq!(
            stderr(&output),
            "hookcheck: --outcome failure is not an outcome of --product watchrtc (its outcomes: alert)\n",
            "{command}"
        );
    }
}
