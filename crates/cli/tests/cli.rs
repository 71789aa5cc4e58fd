//! The `hookcheck` binary as scripts use it: SPEC §4.3's commands, JSON shapes and exit codes.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::hookcheck;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const SUCCESS_BODY: &str = r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}"#;

#[test]
fn preview_json_of_a_bare_url_prints_the_documented_success_body_byte_for_byte() {
    let output = hookcheck(&["preview", "--json"], "https://example.com/hook\n");
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["method"], "POST");
    assert_eq!(value["url"], "https://example.com/hook");
    assert_eq!(
        value["headers"],
        serde_json::json!([["Content-Type", "application/json"]])
    );
    assert_eq!(value["body"].as_str().unwrap(), SUCCESS_BODY);
}

#[test]
fn preview_json_has_exactly_the_specified_keys() {
    let output = hookcheck(&["preview", "--json"], "https://example.com/hook");
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json sorts keys
    assert_eq!(
        keys,
        ["arrival", "body", "destination", "headers", "method", "url"]
    );
    assert_eq!(value["destination"], serde_json::Value::Null);
    assert_eq!(value["arrival"], serde_json::Value::Null);
}

#[test]
fn check_json_of_a_valid_url_is_valid_with_no_diagnostics() {
    let output = hookcheck(&["check", "--json"], "https://example.com/hook");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output).trim(),
        r#"{"valid":true,"mode":"webhook","arrives":null,"diagnostics":[],"omitted":[],"destination":null}"#
    );
}

#[test]
fn check_json_reports_each_diagnostic_with_the_specified_fields_and_its_fix() {
    let output = hookcheck(
        &["check", "--json"],
        "{\"url\": \"https://example.com/hook\",}",
    );
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["valid"], false);
    assert_eq!(value["mode"], "webhook");
    let diagnostic = &value["diagnostics"][0];
    let keys: Vec<&str> = diagnostic
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "code",
            "column",
            "end",
            "end_column",
            "end_line",
            "fix",
            "help",
            "line",
            "message",
            "severity",
            "start"
        ]
    );
    assert_eq!(diagnostic["code"], "json-trailing-comma");
    assert_eq!(diagnostic["severity"], "error");
    assert_eq!(diagnostic["start"], 34);
    assert_eq!(diagnostic["end"], 35);
    assert_eq!(diagnostic["line"], 1);
    assert_eq!(diagnostic["column"], 35);
    assert_eq!(diagnostic["fix"]["start"], 34);
    assert_eq!(diagnostic["fix"]["end"], 35);
    assert_eq!(diagnostic["fix"]["replacement"], "");
    assert!(diagnostic["fix"]["title"].is_string());
}

#[test]
fn check_json_leaves_fix_out_of_a_diagnostic_without_one() {
    let output = hookcheck(&["check", "--json"], r#"{"url": 5}"#);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(value["diagnostics"][0].get("fix").is_none(), "{value}");
}

#[test]
fn check_detects_run_options_and_reports_the_mode() {
    let output = hookcheck(
        &["check", "--json"],
        "#timeout:80, #webhook:https://example.com/hook #vnc",
    );
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["mode"], "run-options");
}

#[test]
fn check_mode_flag_forces_a_mode() {
    let output = hookcheck(
        &["check", "--json", "--mode", "run-options"],
        "https://example.com/hook",
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["mode"], "run-options");
}

#[test]
fn check_without_json_prints_the_source_line_and_a_summary() {
    let output = hookcheck(&["check"], "ftp://example.com/hook");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("error[url-scheme]"), "{text}");
    assert!(text.contains("--> <stdin>:1:1"), "{text}");
    assert!(text.contains("1 | ftp://example.com/hook"), "{text}");
    assert!(text.trim_end().ends_with("(webhook mode)"), "{text}");
}

#[test]
fn warnings_alone_keep_the_exit_code_zero() {
    let output = hookcheck(&["check"], "http://example.com/hook");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("warning[url-insecure-http]"));
}

#[test]
fn preview_of_invalid_input_prints_diagnostics_on_stderr_and_exits_1() {
    let output = hookcheck(&["preview", "--json"], "{\"url\": 42}");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("key-wrong-type"));
}

#[test]
fn preview_outcome_and_set_change_the_body() {
    let output = hookcheck(
        &[
            "preview",
            "--json",
            "--outcome",
            "failure",
            "--set",
            "runType=monitor",
        ],
        "https://example.com/hook",
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        value["body"],
        r#"{"testRunId":"56fd3d617c458d1400baee6f","testName":"AppRTC","runType":"monitor","status":"failure"}"#
    );
}

#[test]
fn set_with_an_unknown_variable_is_a_usage_error() {
    let output = hookcheck(&["preview", "--set", "nope=1"], "https://example.com/hook");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("hookcheck: --set: `nope` is not a documented variable"));
}

#[test]
fn curl_quotes_for_posix_shells() {
    let output = hookcheck(
        &["curl"],
        r#"{"url": "https://example.com/hook", "headers": {"X-Note": "it's"}}"#,
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!(
            "curl -X POST 'https://example.com/hook' \\\n  -H 'Content-Type: application/json' \\\n  -H 'X-Note: it'\\''s' \\\n  --data-raw '{SUCCESS_BODY}'\n"
        )
    );
}

#[test]
fn curl_output_run_by_a_shell_sends_the_exact_body() {
    // The quoting round-trips through a real POSIX shell: `printf %s` of the quoted body.
    let body = "it's $HOME `x` \\ \"q\" é\u{2028}";
    let quoted = hookcheck_core::render::curl::quote(body);
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("printf %s {quoted}"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), body);
}

#[test]
fn missing_file_is_an_io_error_with_exit_2() {
    let output = hookcheck(&["check", "/nonexistent/webhook.json"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("hookcheck: cannot read /nonexistent/webhook.json"));
}

#[test]
fn non_utf8_input_is_an_io_error_with_exit_2() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"https://\xff")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not UTF-8"));
}

#[test]
fn unknown_flag_is_a_usage_error_with_exit_2() {
    let output = hookcheck(&["check", "--nope"], "");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn sns_preview_shows_the_publish_call_and_says_it_is_never_sent() {
    let output = hookcheck(
        &["preview"],
        r#"{"provider": "aws-sns", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}"#,
    );
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("POST https://sns.us-east-1.amazonaws.com/\n"),
        "{text}"
    );
    assert!(text.contains(
        "Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aalerts&Message="
    ));
    assert!(
        !text.contains("wJalrXUtnFEMI"),
        "the secret key never appears"
    );
    assert!(
        !text.contains("AKIAIOSFODNN7EXAMPLE"),
        "the key id is masked"
    );
    assert!(text.contains("never sent by hookcheck"));
}
