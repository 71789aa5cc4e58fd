//! `hookcheck receive`, run for real: the built binary on a free port, spoken to over raw
//! HTTP/1.1 on a plain TCP socket, so every byte on the wire is the test's own.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);

// ---- harness ---------------------------------------------------------------------------

/// A running `hookcheck receive --port 0 ...`, killed when dropped.
struct Receiver {
    child: Child,
    port: u16,
    first_lines: Vec<String>,
    output: Arc<Mutex<Vec<String>>>,
}

impl Receiver {
    fn start(options: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
            .args(["receive", "--port", "0"])
            .args(options)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("hookcheck starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut receiver = Self {
            child,
            port: 0,
            first_lines: Vec::new(),
            output: Arc::default(),
        };
        let first = read_line(&mut stdout);
        let port = first
            .strip_prefix("hookcheck receive: listening on http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        receiver.port = port;
        receiver.first_lines = vec![first, read_line(&mut stdout)];
        let output = Arc::clone(&receiver.output);
        thread::spawn(move || {
            for line in stdout.lines() {
                let Ok(line) = line else { break };
                output.lock().unwrap().push(line);
            }
        });
        receiver
    }

    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n",
            self.port
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !body.is_empty() || method == "POST" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut raw = head.into_bytes();
        raw.extend_from_slice(body);
        self.send_raw(&raw)
    }

    fn send_raw(&self, raw: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        stream.set_read_timeout(Some(WAIT)).unwrap();
        stream.write_all(raw).expect("request written");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("response read");
        Reply::parse(&response)
    }

    fn post(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        self.send("POST", path, headers, body.as_bytes())
    }

    fn get_json(&self, path: &str) -> Value {
        let reply = self.send("GET", path, &[], b"");
        assert_eq!(reply.status, 200, "GET {path}");
        reply.json()
    }

    fn pid(&self) -> String {
        self.child.id().to_string()
    }

    /// Waits until some printed line contains `needle`; returns all lines printed so far.
    fn wait_for_output(&self, needle: &str) -> Vec<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let lines = self.output.lock().unwrap().clone();
            if lines.iter().any(|line| line.contains(needle)) {
                return lines;
            }
            assert!(
                Instant::now() < deadline,
                "no line with {needle:?} in {lines:#?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_line(stdout: &mut BufReader<ChildStdout>) -> String {
    let mut line = String::new();
    stdout.read_line(&mut line).expect("stdout readable");
    line.trim_end_matches(['\r', '\n']).to_owned()
}

fn wait_for_exit(child: &mut Child) -> Option<ExitStatus> {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("child waitable") {
            return Some(status);
        }
        thread::sleep(Duration::from_millis(20));
    }
    None
}

/// A parsed HTTP/1.1 response; header names lowercased.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn parse(raw: &[u8]) -> Self {
        let split = raw
            .windows(4)
            .position(|window| window == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
        let head = std::str::from_utf8(&raw[..split]).expect("ASCII head");
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
        let headers = lines
            .map(|line| {
                let (name, value) = line.split_once(':').expect("header line");
                (name.to_ascii_lowercase(), value.trim().to_owned())
            })
            .collect();
        Self {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn cors_headers(&self) -> Vec<&(String, String)> {
        self.headers
            .iter()
            .filter(|(name, _)| name.starts_with("access-control-"))
            .collect()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("{error}: {:?}", String::from_utf8_lossy(&self.body)))
    }
}

const PAGE: &str = "http://localhost:8080";

fn preflight_headers<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut headers = vec![
        ("Origin", PAGE),
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "content-type,x-token"),
    ];
    headers.extend_from_slice(extra);
    headers
}

// ---- start-up and shutdown -------------------------------------------------------------

#[test]
fn first_line_names_the_real_port_and_the_hint_names_the_list() {
    let receiver = Receiver::start(&[]);
    assert_ne!(receiver.port, 0);
    assert_eq!(
        receiver.first_lines[0],
        format!(
            "hookcheck receive: listening on http://127.0.0.1:{}/",
            receiver.port
        )
    );
    let hint = &receiver.first_lines[1];
    assert!(
        hint.contains(&format!("http://127.0.0.1:{}/_requests", receiver.port)),
        "{hint}"
    );
    assert!(hint.contains("Ctrl-C"), "{hint}");
}

#[test]
fn sigint_stops_it_with_exit_0_and_the_count() {
    let mut receiver = Receiver::start(&[]);
    assert_eq!(receiver.post("/hook", &[], "{}").status, 200);
    let killed = Command::new("kill")
        .args(["-INT", &receiver.pid()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = wait_for_exit(&mut receiver.child).expect("exits after SIGINT");
    assert!(status.success(), "{status:?}");
    receiver.wait_for_output("hookcheck receive: stopped after 1 request");
}

#[test]
fn port_in_use_is_a_one_line_error_and_exit_2() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args(["receive", "--port", &port])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_for_exit(&mut child);
    if status.is_none() {
        let _ = child.kill();
    }
    assert_eq!(status.and_then(|status| status.code()), Some(2));
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&format!("127.0.0.1:{port}")), "{stderr}");
}

// ---- CORS ------------------------------------------------------------------------------

#[test]
fn preflight_is_answered_204_granting_what_it_asked() {
    let receiver = Receiver::start(&[]);
    let reply = receiver.send("OPTIONS", "/hook", &preflight_headers(&[]), b"");
    assert_eq!(reply.status, 204);
    assert_eq!(reply.header("access-control-allow-origin"), Some(PAGE));
    assert_eq!(reply.header("access-control-allow-methods"), Some("POST"));
    assert_eq!(
        reply.header("access-control-allow-headers"),
        Some("content-type,x-token")
    );
    assert_eq!(reply.header("access-control-max-age"), Some("0"));
    assert_eq!(reply.header("access-control-allow-private-network"), None);
}

#[test]
fn private_network_preflight_is_granted_when_asked() {
    let receiver = Receiver::start(&[]);
    let headers = preflight_headers(&[("Access-Control-Request-Private-Network", "true")]);
    let reply = receiver.send("OPTIONS", "/hook", &headers, b"");
    assert_eq!(reply.status, 204);
    assert_eq!(
        reply.header("access-control-allow-private-network"),
        Some("true")
    );
}

#[test]
fn preflights_are_listed_apart_from_requests() {
    let receiver = Receiver::start(&[]);
    receiver.send("OPTIONS", "/hook", &preflight_headers(&[]), b"");
    assert_eq!(receiver.get_json("/_requests"), json!([]));
    let preflights = receiver.get_json("/_preflights");
    assert_eq!(preflights.as_array().map(Vec::len), Some(1));
    assert_eq!(preflights[0]["method"], "OPTIONS");
    assert_eq!(preflights[0]["path"], "/hook");
    receiver.wait_for_output("preflight OPTIONS /hook  for POST with content-type,x-token");
}

#[test]
fn post_reply_carries_cors_headers_and_a_json_acknowledgement() {
    let receiver = Receiver::start(&[]);
    let reply = receiver.post("/hook?run=7", &[("Origin", PAGE)], "{\"a\":1}");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), Some(PAGE));
    assert_eq!(reply.header("access-control-expose-headers"), Some("*"));
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        json!({"ok": true, "id": 1, "status": 200,
               "received": {"method": "POST", "path": "/hook?run=7", "bytes": 7}})
    );
}

#[test]
fn request_without_origin_is_allowed_any_origin() {
    let receiver = Receiver::start(&[]);
    let reply = receiver.send("PUT", "/x", &[], b"body");
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
}

#[test]
fn request_list_itself_is_readable_cross_origin() {
    let receiver = Receiver::start(&[]);
    let reply = receiver.send("GET", "/_requests", &[("Origin", PAGE)], b"");
    assert_eq!(reply.header("access-control-allow-origin"), Some(PAGE));
}

#[test]
fn no_cors_sends_no_cors_headers_and_refuses_preflights() {
    let receiver = Receiver::start(&["--no-cors"]);
    let preflight = receiver.send("OPTIONS", "/hook", &preflight_headers(&[]), b"");
    assert_eq!(preflight.status, 403);
    assert!(preflight.cors_headers().is_empty(), "{preflight:?}");
    let post = receiver.post("/hook", &[("Origin", PAGE)], "{}");
    assert_eq!(post.status, 200);
    assert!(post.cors_headers().is_empty(), "{post:?}");
    // The request still arrived; only the browser would refuse to show the answer.
    assert_eq!(
        receiver.get_json("/_requests").as_array().map(Vec::len),
        Some(1)
    );
}

// ---- what is recorded ------------------------------------------------------------------

#[test]
fn request_list_has_method_path_headers_and_the_exact_body() {
    let receiver = Receiver::start(&[]);
    let body = "{\"text\":\"caf\u{e9} \u{2713} \u{1f600} line\u{2028}sep \\u2028\"}";
    let length = body.len().to_string();
    receiver.post(
        "/hook?run=1&x=%20",
        &[
            ("Content-Type", "application/json"),
            ("X-Token", "Secret Value"),
        ],
        body,
    );
    let list = receiver.get_json("/_requests");
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    let entry = &list[0];
    assert_eq!(entry["id"], 1);
    assert_eq!(entry["method"], "POST");
    assert_eq!(entry["path"], "/hook?run=1&x=%20");
    let host = format!("127.0.0.1:{}", receiver.port);
    assert_eq!(
        entry["headers"],
        json!([
            ["host", host],
            ["connection", "close"],
            ["content-type", "application/json"],
            ["x-token", "Secret Value"],
            ["content-length", length],
        ])
    );
    assert_eq!(entry["body"], body);
    assert_eq!(entry["body_bytes_len"], body.len());
    assert_eq!(entry["body_is_utf8"], true);
    let received_at = entry["received_at"].as_str().unwrap();
    assert!(
        received_at.len() == 24 && received_at.ends_with('Z'),
        "{received_at}"
    );
}

#[test]
fn non_utf8_body_is_flagged_with_its_byte_length() {
    let receiver = Receiver::start(&[]);
    receiver.send("POST", "/bin", &[], b"\xff\xfeok");
    let entry = &receiver.get_json("/_requests")[0];
    assert_eq!(entry["body_is_utf8"], false);
    assert_eq!(entry["body_bytes_len"], 4);
    assert_eq!(entry["body"], "\u{fffd}\u{fffd}ok");
}

#[test]
fn every_method_and_path_is_recorded_in_order() {
    let receiver = Receiver::start(&[]);
    receiver.send("GET", "/a", &[], b"");
    receiver.send("DELETE", "/b", &[], b"");
    receiver.send("PATCH", "/_requests", &[], b"p");
    let list = receiver.get_json("/_requests");
    let seen: Vec<(&str, &str, u64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["method"].as_str().unwrap(),
                entry["path"].as_str().unwrap(),
                entry["id"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("GET", "/a", 1),
            ("DELETE", "/b", 2),
            ("PATCH", "/_requests", 3)
        ]
    );
}

#[test]
fn delete_requests_clears_the_list() {
    let receiver = Receiver::start(&[]);
    receiver.post("/one", &[], "1");
    receiver.post("/two", &[], "2");
    let reply = receiver.send("DELETE", "/_requests", &[], b"");
    assert_eq!(reply.json(), json!({"ok": true, "cleared": 2}));
    assert_eq!(receiver.get_json("/_requests"), json!([]));
}

#[test]
fn body_over_one_mebibyte_is_refused_with_413_and_not_recorded() {
    let receiver = Receiver::start(&[]);
    let head = format!(
        "POST /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        1024 * 1024 + 1
    );
    let reply = receiver.send_raw(head.as_bytes());
    assert_eq!(reply.status, 413);
    assert_eq!(receiver.get_json("/_requests"), json!([]));
}

#[test]
fn arriving_request_is_printed_with_headers_and_reindented_json() {
    let receiver = Receiver::start(&[]);
    receiver.post(
        "/hook",
        &[("X-Token", "abc")],
        "{\"b\":{\"c\":[1,2]},\"a\":true}",
    );
    let lines = receiver.wait_for_output("#1 POST /hook  (26 bytes)");
    let start = lines
        .iter()
        .position(|line| line.starts_with("#1 POST"))
        .unwrap();
    let printed = lines[start..].join("\n");
    assert!(printed.contains("\n    x-token: abc\n"), "{printed}");
    let lines = receiver.wait_for_output("    }");
    let printed = lines[start..].join("\n");
    let expected_body = "  body (JSON):\n    {\n      \"b\": {\n        \"c\": [\n          1,\n          2\n        ]\n      },\n      \"a\": true\n    }";
    assert!(printed.contains(expected_body), "{printed}");
}

#[test]
fn quiet_prints_no_requests() {
    let receiver = Receiver::start(&["--quiet"]);
    receiver.post("/hook", &[], "{}");
    receiver.get_json("/_requests");
    thread::sleep(Duration::from_millis(200));
    assert!(receiver.output.lock().unwrap().is_empty());
}

// ---- failure modes on demand -----------------------------------------------------------

#[test]
fn status_option_sets_the_reply_status_and_still_records() {
    let receiver = Receiver::start(&["--status", "500"]);
    let reply = receiver.post("/hook", &[("Origin", PAGE)], "{}");
    assert_eq!(reply.status, 500);
    assert_eq!(reply.json()["ok"], false);
    assert_eq!(reply.header("access-control-allow-origin"), Some(PAGE));
    // Preflights and the list are not affected.
    let preflight = receiver.send("OPTIONS", "/hook", &preflight_headers(&[]), b"");
    assert_eq!(preflight.status, 204);
    assert_eq!(
        receiver.get_json("/_requests").as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn status_outside_200_to_599_is_a_usage_error() {
    let status = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args(["receive", "--port", "0", "--status", "99"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

#[test]
fn delay_option_answers_after_the_delay() {
    let receiver = Receiver::start(&["--delay-ms", "600"]);
    let started = Instant::now();
    let reply = receiver.post("/slow", &[], "{}");
    let elapsed = started.elapsed();
    assert_eq!(reply.status, 200);
    assert!(elapsed >= Duration::from_millis(600), "{elapsed:?}");
}

#[test]
fn delayed_request_is_listed_and_printed_before_it_is_answered() {
    let receiver = Receiver::start(&["--delay-ms", "30000"]);
    let port = receiver.port;
    let sender = thread::spawn(move || {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let _ = stream.write_all(
            b"POST /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
        );
        let mut sink = Vec::new();
        let _ = stream.read_to_end(&mut sink);
    });
    receiver.wait_for_output("#1 POST /slow");
    assert_eq!(receiver.get_json("/_requests")[0]["path"], "/slow");
    assert!(!sender.is_finished(), "answered before the delay");
    // Dropping the receiver kills it, which ends the sender's read.
    drop(receiver);
    sender.join().unwrap();
}
