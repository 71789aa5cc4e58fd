//! `hookcheck receive --as ID`, run for real: the built binary answers each request as the
//! destination does, judging it by the destination's rules (core's `destination::reply`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `hookcheck receive --port 0 --quiet --as ID`, killed when dropped.
struct Receiver {
    child: Child,
    port: u16,
}

impl Receiver {
    fn start(destination: &str) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
            .args(["receive", "--port", "0", "--quiet", "--as", destination])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("hookcheck starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut first = String::new();
        stdout.read_line(&mut first).expect("a first line");
        let port = first
            .trim_end()
            .strip_prefix("hookcheck receive: listening on http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        // Keep reading so the receiver never blocks on a full pipe.
        std::thread::spawn(move || for _ in stdout.lines() {});
        Receiver { child, port }
    }

    /// POSTs `body` with `headers`; returns (status, lowercased headers, body).
    fn post(&self, headers: &[(&str, &str)], body: &str) -> (u16, Vec<(String, String)>, String) {
        let mut raw = format!(
            "POST /hook HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.port,
            body.len()
        );
        for (name, value) in headers {
            raw.push_str(&format!("{name}: {value}\r\n"));
        }
        raw.push_str("\r\n");
        raw.push_str(body);
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").expect("a header end");
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        (status, headers, body.to_string())
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const JSON: (&str, &str) = ("Content-Type", "application/json");
const OBJECT: &str = r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}"#;
const TEXT: &str = r#"{"username":"testRTC_bot","text":"{\"status\":\"completed\"}"}"#;

fn content_type(headers: &[(String, String)]) -> Option<&str> {
    headers
        .iter()
        .find(|(n, _)| n == "content-type")
        .map(|(_, v)| v.as_str())
}

#[test]
fn as_slack_a_json_object_body_gets_400_no_text_and_json_text_gets_ok() {
    let slack = Receiver::start("slack");
    let (status, headers, body) = slack.post(&[JSON], OBJECT);
    assert_eq!((status, body.as_str()), (400, "no_text"));
    assert_eq!(content_type(&headers), Some("text/html"));
    assert!(headers.contains(&("x-hookcheck-as".to_string(), "slack".to_string())));
    assert_eq!(slack.post(&[JSON], TEXT).0, 200);
    assert_eq!(slack.post(&[JSON], TEXT).2, "ok");
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
        let receiver = Receiver::start(id);
        let (got, _, reply) = receiver.post(headers, body);
        assert_eq!(got, *status, "{id}: {body} → {reply}");
        assert!(reply.contains(phrase), "{id}: {reply}");
    }
}

#[test]
fn as_destination_keeps_cors_so_the_app_can_read_the_reply() {
    let slack = Receiver::start("slack");
    let (_, headers, _) = slack.post(&[JSON, ("Origin", "http://localhost:8080")], OBJECT);
    assert!(headers
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
