//! `hookcheck send`, run for real against servers on 127.0.0.1 only: `hookcheck receive`
//! (answering as Slack, Discord or PagerDuty, slowly, or plainly), a closed port, a redirect,
//! a long reply and a TLS server with a test CA. Nothing here reaches another machine.

use std::process::Output;
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
mod receiver;
mod servers;

use common::{hookcheck, json, stderr, stdout};
use receiver::Receiver;
use servers::{closed_port, raw_reply, FixedReply, TempFile, TestCa};

const TEXT_FORMAT: &str = r#""format": "json/text""#;

/// `send --allow-private ARGS` with `config` on standard input.
fn send(args: &[&str], config: &str) -> Output {
    let mut all = vec!["send", "--allow-private"];
    all.extend_from_slice(args);
    hookcheck(&all, config)
}

/// A webhook config for `receiver`'s `/hook`, with these extra members.
fn config(receiver: &Receiver, members: &str) -> String {
    let url = format!("http://127.0.0.1:{}/hook", receiver.port);
    if members.is_empty() {
        format!(r#"{{"url": "{url}"}}"#)
    } else {
        format!(r#"{{"url": "{url}", {members}}}"#)
    }
}

#[test]
fn a_body_slack_refuses_is_sent_and_the_refusal_explained_in_slacks_terms() {
    let slack = Receiver::start(&["--as", "slack"]);
    let output = send(&[], &config(&slack, ""));
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("\n400 Bad Request in "), "{text}");
    assert!(text.contains("\nx-hookcheck-as: slack\n"), "{text}");
    assert!(text.contains("\n\nno_text\n"), "{text}");
    assert!(
        text.ends_with(
            "\nrefused: Slack found no text: the body needs `text` (use format json/text).\n"
        ),
        "{text}"
    );
    assert_eq!(slack.recorded_paths(), ["/hook"]);
}

#[test]
fn a_body_slack_accepts_arrives_and_exits_0() {
    let slack = Receiver::start(&["--as", "slack"]);
    let output = send(&[], &config(&slack, TEXT_FORMAT));
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("\n200 OK in "), "{text}");
    assert!(
        text.ends_with("\narrived: Slack posted the message.\n"),
        "{text}"
    );
}

#[test]
fn json_output_holds_the_preview_document_the_reply_and_the_verdict() {
    let slack = Receiver::start(&["--as", "slack"]);
    let config = config(&slack, "");
    let output = send(&["--json"], &config);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let document = json(&output);
    let preview: Value = serde_json::from_slice(&hookcheck(&["preview", "--json"], &config).stdout)
        .expect("preview --json");
    assert_eq!(document["request"], preview);
    let response = &document["response"];
    assert_eq!(response["status"], 400);
    assert_eq!(response["status_text"], "Bad Request");
    assert_eq!(response["body"], "no_text");
    assert_eq!(response["truncated"], false);
    assert!(response["ms"].is_u64());
    assert!(response["headers"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!(["x-hookcheck-as", "slack"])));
    assert_eq!(document["error"], Value::Null);
    assert_eq!(document["arrived"], false);
    assert_eq!(
        document["explanation"],
        "Slack found no text: the body needs `text` (use format json/text)."
    );
}

#[test]
fn json_output_of_an_accepted_call_says_arrived() {
    let slack = Receiver::start(&["--as", "slack"]);
    let output = send(&["--json"], &config(&slack, TEXT_FORMAT));
    assert_eq!(output.status.code(), Some(0));
    let document = json(&output);
    assert_eq!(document["arrived"], true);
    assert_eq!(document["response"]["body"], "ok");
    assert_eq!(document["explanation"], "Slack posted the message.");
}

#[test]
fn discord_refuses_a_body_without_content_and_accepts_one_with_it() {
    let discord = Receiver::start(&["--as", "discord"]);
    let refused = send(&[], &config(&discord, ""));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stdout(&refused).contains("\nrefused: Discord found nothing to post"),
        "{}",
        stdout(&refused)
    );
    let accepted = send(
        &[],
        &config(&discord, r#""body": {"content": "run <% this.status %>"}"#),
    );
    assert_eq!(accepted.status.code(), Some(0), "{}", stdout(&accepted));
    assert!(stdout(&accepted).contains("\n204 No Content in "));
    assert!(stdout(&accepted).ends_with("\narrived: Discord posted the message.\n"));
}

#[test]
fn pagerduty_refuses_an_event_without_its_fields_and_queues_a_whole_one() {
    let pagerduty = Receiver::start(&["--as", "pagerduty"]);
    let refused = send(&[], &config(&pagerduty, ""));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stdout(&refused).contains("\nrefused: PagerDuty found the event invalid"),
        "{}",
        stdout(&refused)
    );
    let event = r#""body": {"routing_key": "0123456789abcdef0123456789abcdef", "event_action": "trigger", "payload": {"summary": "<% this.testName %>: <% this.status %>", "source": "testRTC", "severity": "error"}}"#;
    let accepted = send(&[], &config(&pagerduty, event));
    assert_eq!(accepted.status.code(), Some(0), "{}", stdout(&accepted));
    assert!(stdout(&accepted).contains("\narrived: PagerDuty queued the event"));
}

#[test]
fn the_request_arrives_exactly_as_preview_shows_it() {
    let receiver = Receiver::start(&[]);
    let config = config(
        &receiver,
        r#""headers": {"X-Team": "rtc", "Authorization": "Bearer abc"}, "format": "json/object""#,
    );
    assert_eq!(
        send(&["--outcome", "failure"], &config).status.code(),
        Some(0)
    );
    let preview: Value = serde_json::from_slice(
        &hookcheck(&["preview", "--json", "--outcome", "failure"], &config).stdout,
    )
    .unwrap();
    let recorded = &receiver.get_json("/_requests")[0];
    assert_eq!(recorded["method"], "POST");
    assert_eq!(recorded["path"], "/hook");
    assert_eq!(recorded["body"], preview["body"]);
    let sent: Vec<(String, String)> = serde_json::from_value(recorded["headers"].clone()).unwrap();
    let previewed: Vec<(String, String)> =
        serde_json::from_value(preview["headers"].clone()).unwrap();
    // The previewed headers, in order, then only what the connection itself adds.
    let lowercase = |pairs: &[(String, String)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
            .collect()
    };
    assert_eq!(lowercase(&sent[..previewed.len()]), lowercase(&previewed));
    let added: Vec<&str> = sent[previewed.len()..]
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(added, ["host", "content-length"]);
}

#[test]
fn the_request_line_masks_the_urls_secrets_and_the_reply_cannot_drive_the_terminal() {
    let server = FixedReply::start(raw_reply(
        "200 OK",
        &[("X-Note", "a\u{9b}b")],
        b"\x1b[2Jgone",
    ));
    let output = send(
        &[],
        &format!("http://127.0.0.1:{}/hook?token=SECRET-QUERY", server.port),
    );
    let text = stdout(&output);
    assert!(
        text.starts_with(&format!(
            "POST http://127.0.0.1:{}/hook?token=••••••••\n",
            server.port
        )),
        "{text}"
    );
    assert!(!text.contains("SECRET-QUERY"), "{text}");
    assert!(text.contains("\nx-note: a\\u{9b}b\n"), "{text}");
    assert!(text.contains("\n\\u{1b}[2Jgone\n"), "{text}");
    assert!(!text.contains(['\u{1b}', '\u{9b}']), "{text}");
}

#[test]
fn a_closed_port_is_explained_and_exits_1() {
    let port = closed_port();
    let output = send(&[], &format!("http://127.0.0.1:{port}/hook"));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).ends_with(&format!(
            "\nnot sent: Nothing answered at 127.0.0.1:{port}: the connection was refused, so \
             nothing listens on that port.\n"
        )),
        "{}",
        stdout(&output)
    );
    let document = json(&send(&["--json"], &format!("http://127.0.0.1:{port}/hook")));
    assert_eq!(document["response"], Value::Null);
    assert_eq!(document["arrived"], false);
    assert!(document["error"].as_str().unwrap().contains("refused"));
}

#[test]
fn a_slow_receiver_times_out_after_the_timeout_given() {
    let slow = Receiver::start(&["--delay-ms", "5000"]);
    let started = Instant::now();
    let output = send(&["--timeout", "1"], &config(&slow, ""));
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).ends_with(
            "\nfailed: No whole reply within 1 s: the server may still have received the call.\n"
        ),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_redirect_is_the_reply_with_its_location_and_is_not_followed() {
    let receiver = Receiver::start(&[]);
    let moved = format!("http://127.0.0.1:{}/moved", receiver.port);
    let redirect = FixedReply::start(raw_reply("302 Found", &[("Location", &moved)], b""));
    let output = send(&[], &format!("http://127.0.0.1:{}/hook", redirect.port));
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("\n302 Found in "), "{text}");
    assert!(text.contains(&format!("\nlocation: {moved}\n")), "{text}");
    assert!(
        text.contains(&format!(
            "\nrefused: The server answered 302 Found, a redirect to {moved}: hookcheck does \
             not follow it"
        )),
        "{text}"
    );
    assert_eq!(redirect.requests(), 1);
    assert!(
        receiver.recorded_paths().is_empty(),
        "the redirect was followed"
    );
}

#[test]
fn a_long_reply_body_is_cut_and_marked() {
    let long = FixedReply::start(raw_reply("200 OK", &[], &vec![b'x'; 100 * 1024]));
    let url = format!("http://127.0.0.1:{}/hook", long.port);
    let text = stdout(&send(&[], &url));
    assert!(
        text.contains(&format!(
            "\n{}\n[body cut: the first 65536 bytes are shown]\n",
            "x".repeat(64 * 1024)
        )),
        "{}",
        &text[..200]
    );
    let document = json(&send(&["--json"], &url));
    assert_eq!(document["response"]["truncated"], true);
    assert_eq!(
        document["response"]["body"].as_str().unwrap().len(),
        64 * 1024
    );
}

#[test]
fn sns_is_refused_and_nothing_is_sent() {
    let sns = r#"{"provider": "aws-sns", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}"#;
    let output = send(&[], sns);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("\nnot sent: Amazon SNS is not sent: a Publish must be signed"),
        "{}",
        stdout(&output)
    );
    let document = json(&send(&["--json"], sns));
    assert_eq!(document["response"], Value::Null);
    assert_eq!(document["arrived"], false);
    assert!(document["explanation"]
        .as_str()
        .unwrap()
        .contains("AWS Signature Version 4"));
}

#[test]
fn an_invalid_config_sends_nothing_and_prints_its_diagnostics() {
    let receiver = Receiver::start(&[]);
    let invalid = format!(r#"{{"url": "http://127.0.0.1:{}/hook",}}"#, receiver.port);
    let output = send(&[], &invalid);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("error[json-trailing-comma]"),
        "{}",
        stderr(&output)
    );
    assert!(receiver.recorded_paths().is_empty());
}

#[test]
fn usage_and_io_errors_exit_2() {
    let not_pem = TempFile::with(b"not a certificate");
    for args in [
        &["send", "--timeout", "0"][..],
        &["send", "--timeout", "61"],
        &["send", "--timeout", "soon"],
        &["send", "--outcome", "maybe"],
        &["send", "--ca-file", "/nonexistent/ca.pem"],
        &["send", "--ca-file", not_pem.path()],
        &["send", "/nonexistent/webhook.json"],
    ] {
        // No standard input: the command stops before reading it.
        let output = hookcheck(args, "");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stdout(&output), "", "{args:?}");
    }
}

#[test]
fn a_loopback_target_is_refused_without_allow_private_and_nothing_arrives() {
    let receiver = Receiver::start(&[]);
    for host in ["127.0.0.1", "localhost"] {
        let url = format!("http://{host}:{}/hook", receiver.port);
        let output = hookcheck(&["send"], &url);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(text.contains("\nnot sent: `"), "{text}");
        assert!(text.contains("a loopback address (this machine)"), "{text}");
        assert!(text.contains("unless --allow-private is given"), "{text}");
    }
    assert!(receiver.recorded_paths().is_empty());
}

#[test]
fn tls_to_a_server_of_a_private_ca_succeeds_with_its_ca_file() {
    let ca = TestCa::new();
    let server = FixedReply::start_tls(raw_reply("200 OK", &[], b"accepted"), &ca);
    let ca_file = ca.write_ca_file();
    for host in ["localhost", "127.0.0.1"] {
        let url = format!("https://{host}:{}/hook", server.port);
        let output = send(&["--ca-file", ca_file.path()], &url);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(0), "{text}{}", stderr(&output));
        assert!(text.contains("\n\naccepted\n"), "{text}");
        assert!(
            text.ends_with("\narrived: The server accepted the request (200 OK).\n"),
            "{text}"
        );
    }
}

#[test]
fn tls_to_a_server_of_an_unknown_ca_is_explained_and_names_ca_file() {
    let ca = TestCa::new();
    let server = FixedReply::start_tls(raw_reply("200 OK", &[], b"accepted"), &ca);
    let url = format!("https://localhost:{}/hook", server.port);
    let output = send(&[], &url);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.ends_with(
            "\nnot sent: The certificate of localhost is not signed by an authority hookcheck \
             trusts (Mozilla's roots). If localhost uses your organisation's own CA, pass that \
             CA's certificate with --ca-file.\n"
        ),
        "{text}"
    );
    assert_eq!(server.requests(), 0);
}
