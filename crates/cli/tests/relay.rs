//! `hookcheck relay`, run for real: each security invariant of docs/security.md, spoken to over
//! raw HTTP/1.1, with a recording `hookcheck receive` as the target so that "nothing was sent"
//! is a fact read back from the target. Every target is on 127.0.0.1 (or `localhost`).

use std::net::TcpStream;
use std::process::{Child, Command};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

mod receiver;
mod servers;

use receiver::{exchange, request_bytes, spawn, wait_until, Receiver, Reply, WAIT};
use servers::{raw_reply, FixedReply};

const TOKEN: &str = "0123456789abcdef0123456789abcdef";
const APP: &str = "http://127.0.0.1:8080";

/// A running `hookcheck relay --port 0 --token TOKEN ...`, killed when dropped.
struct Relay {
    child: Child,
    port: u16,
    first_lines: Vec<String>,
    log: Arc<Mutex<Vec<String>>>,
}

impl Relay {
    fn start(options: &[&str]) -> Self {
        Self::start_with(&[&["--token", TOKEN], options].concat())
    }

    fn start_with(options: &[&str]) -> Self {
        // Its start-up lines: where it listens, the pairing link, the pages, the targets.
        let (child, port, first_lines, log) = spawn("relay", options, 4);
        Self {
            child,
            port,
            first_lines,
            log,
        }
    }

    /// `METHOD path` with these headers and body, addressed to `Host: 127.0.0.1:PORT`.
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let host = format!("127.0.0.1:{}", self.port);
        self.raw(request_bytes(method, path, Some(&host), headers, body))
    }

    /// [`exchange`] with the relay.
    fn raw(&self, raw: Vec<u8>) -> Reply {
        exchange(self.port, raw)
    }

    /// `POST /_relay` with the token and `document`, plus `headers`.
    fn relay(&self, document: &Value, headers: &[(&str, &str)]) -> Reply {
        let bearer = format!("Bearer {TOKEN}");
        let mut all = vec![
            ("Authorization", bearer.as_str()),
            ("Content-Type", "application/json"),
        ];
        all.extend_from_slice(headers);
        self.request("POST", "/_relay", &all, document.to_string().as_bytes())
    }

    /// Waits until the log has `count` lines; returns them.
    fn wait_for_log(&self, count: usize) -> Vec<String> {
        wait_until(&self.log, &format!("{count} log lines"), |lines| {
            lines.len() >= count
        })
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A request document to `url` as the app sends it.
fn document(url: &str) -> Value {
    json!({
        "method": "POST",
        "url": url,
        "headers": [["Content-Type", "application/json"]],
        "body": r#"{"status":"completed"}"#,
    })
}

fn hook(receiver: &Receiver) -> String {
    format!("http://127.0.0.1:{}/hook", receiver.port)
}

fn kind(reply: &Reply) -> String {
    reply.json()["kind"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn it_prints_where_it_listens_and_a_pairing_link_with_the_token() {
    let relay = Relay::start(&[]);
    assert_eq!(
        relay.first_lines[1],
        format!(
            "pair the app by opening {APP}/#relay={}:{TOKEN}",
            relay.port
        )
    );
    assert_eq!(
        relay.first_lines[2],
        format!("pages that may use it: {APP}")
    );
}

#[test]
fn it_listens_on_127_0_0_1_only() {
    let relay = Relay::start(&[]);
    assert_eq!(relay.request("POST", "/_relay", &[], b"{}").status, 401);
    // Another loopback address of this machine: a listener on every address would take it.
    let elsewhere = TcpStream::connect_timeout(
        &(std::net::Ipv4Addr::new(127, 0, 0, 2), relay.port).into(),
        Duration::from_secs(2),
    );
    assert!(elsewhere.is_err(), "reachable at 127.0.0.2");
}

#[test]
fn without_token_it_makes_a_random_128_bit_one() {
    let relay = Relay::start_with(&[]);
    let link = &relay.first_lines[1];
    let token = link
        .rsplit_once(':')
        .map(|(_, token)| token)
        .expect("a PORT:TOKEN fragment");
    assert_eq!(token.len(), 32, "{link}");
    assert!(token.chars().all(|c| c.is_ascii_hexdigit()), "{link}");
    assert_ne!(
        Relay::start_with(&[]).first_lines[1]
            .rsplit_once(':')
            .unwrap()
            .1,
        token
    );
}

#[test]
fn a_document_with_the_token_is_sent_and_the_reply_relayed() {
    let slack = Receiver::start(&["--as", "slack"]);
    let relay = Relay::start(&["--allow-private"]);
    let reply = relay.relay(&document(&hook(&slack)), &[]);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let answer = reply.json();
    assert_eq!(answer["status"], 400);
    assert_eq!(answer["status_text"], "Bad Request");
    assert_eq!(answer["body"], "no_text");
    assert_eq!(answer["truncated"], false);
    assert!(answer["ms"].is_u64());
    assert!(answer["headers"]
        .as_array()
        .unwrap()
        .contains(&json!(["x-hookcheck-as", "slack"])));
    let recorded = &slack.get_json("/_requests")[0];
    assert_eq!(recorded["path"], "/hook");
    assert_eq!(recorded["body"], r#"{"status":"completed"}"#);
    assert_eq!(
        recorded["headers"][0],
        json!(["content-type", "application/json"])
    );
}

#[test]
fn no_token_or_a_wrong_one_is_401_and_nothing_is_sent() {
    let receiver = Receiver::start(&[]);
    let relay = Relay::start(&["--allow-private"]);
    let body = document(&hook(&receiver)).to_string();
    let wrong_token = format!("Bearer {}", &TOKEN[..31]);
    let longer_token = format!("Bearer {TOKEN}0");
    let basic = format!("Basic {TOKEN}");
    for authorization in [
        None,
        Some("Bearer "),
        Some(wrong_token.as_str()),
        Some(longer_token.as_str()),
        Some(basic.as_str()),
        Some(TOKEN),
    ] {
        let headers: Vec<(&str, &str)> = authorization
            .map(|value| ("Authorization", value))
            .into_iter()
            .collect();
        let reply = relay.request("POST", "/_relay", &headers, body.as_bytes());
        assert_eq!(reply.status, 401, "{authorization:?}");
        assert_eq!(kind(&reply), "token");
        assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
    }
    assert!(receiver.recorded_paths().is_empty());
}

#[test]
fn an_origin_neither_the_apps_nor_allowed_is_403_without_cors_and_nothing_is_sent() {
    let receiver = Receiver::start(&[]);
    let relay = Relay::start(&["--allow-private", "--allow-origin", "http://localhost:3000"]);
    for origin in ["https://evil.example", "http://localhost:8080", "null"] {
        let reply = relay.relay(&document(&hook(&receiver)), &[("Origin", origin)]);
        assert_eq!(reply.status, 403, "{origin}");
        assert_eq!(kind(&reply), "origin");
        assert!(
            reply.cors_headers().is_empty(),
            "{origin}: {:?}",
            reply.headers
        );
        let preflight = relay.request(
            "OPTIONS",
            "/_relay",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Private-Network", "true"),
            ],
            b"",
        );
        assert_eq!(preflight.status, 403, "{origin}");
        assert!(preflight.cors_headers().is_empty(), "{origin}");
    }
    assert!(receiver.recorded_paths().is_empty());
}

#[test]
fn the_apps_origin_and_allowed_origins_get_a_preflight_answer_with_private_network_access() {
    let relay = Relay::start(&[
        "--app",
        "https://hookcheck.example/app/",
        "--allow-origin",
        "http://localhost:3000",
    ]);
    for origin in ["https://hookcheck.example", "http://localhost:3000"] {
        let preflight = relay.request(
            "OPTIONS",
            "/_relay",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "POST"),
                (
                    "Access-Control-Request-Headers",
                    "authorization,content-type",
                ),
                ("Access-Control-Request-Private-Network", "true"),
            ],
            b"",
        );
        assert_eq!(preflight.status, 204, "{origin}");
        assert_eq!(
            preflight.header("access-control-allow-origin"),
            Some(origin)
        );
        assert_eq!(
            preflight.header("access-control-allow-methods"),
            Some("POST")
        );
        assert_eq!(
            preflight.header("access-control-allow-headers"),
            Some("authorization, content-type")
        );
        assert_eq!(
            preflight.header("access-control-allow-private-network"),
            Some("true")
        );
        assert_eq!(preflight.header("access-control-allow-credentials"), None);
    }
    assert!(relay.first_lines[1]
        .starts_with("pair the app by opening https://hookcheck.example/app/#relay="));
}

#[test]
fn the_apps_page_reads_the_reply_and_the_refusals_it_must_explain() {
    let slack = Receiver::start(&["--as", "slack"]);
    let relay = Relay::start(&["--allow-private"]);
    let reply = relay.relay(&document(&hook(&slack)), &[("Origin", APP)]);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("access-control-allow-origin"), Some(APP));
    let unpaired = relay.request(
        "POST",
        "/_relay",
        &[("Origin", APP), ("Authorization", "Bearer nope")],
        b"{}",
    );
    assert_eq!(unpaired.status, 401);
    assert_eq!(unpaired.header("access-control-allow-origin"), Some(APP));
}

#[test]
fn a_host_that_is_not_a_loopback_name_is_403_and_nothing_is_sent() {
    let receiver = Receiver::start(&[]);
    let relay = Relay::start(&["--allow-private"]);
    let body = document(&hook(&receiver)).to_string();
    let bearer = format!("Bearer {TOKEN}");
    for host in [
        "rebound.example",
        &format!("rebound.example:{}", relay.port),
        "127.0.0.2",
    ] {
        let reply = relay.raw(request_bytes(
            "POST",
            "/_relay",
            Some(host),
            &[("Authorization", &bearer)],
            body.as_bytes(),
        ));
        assert_eq!(reply.status, 403, "{host}");
        assert_eq!(kind(&reply), "host");
    }
    assert!(receiver.recorded_paths().is_empty());
}

#[test]
fn a_method_other_than_post_in_the_document_is_400_and_nothing_is_sent() {
    let receiver = Receiver::start(&[]);
    let relay = Relay::start(&["--allow-private"]);
    for method in ["GET", "PUT", "DELETE", "post"] {
        let mut document = document(&hook(&receiver));
        document["method"] = json!(method);
        let reply = relay.relay(&document, &[]);
        assert_eq!(reply.status, 400, "{method}");
        assert_eq!(kind(&reply), "method");
    }
    assert!(receiver.recorded_paths().is_empty());
}

#[test]
fn other_routes_are_404_and_other_http_methods_405() {
    let relay = Relay::start(&[]);
    let bearer = format!("Bearer {TOKEN}");
    let auth = [("Authorization", bearer.as_str())];
    for (method, path, status) in [
        ("POST", "/", 404),
        ("POST", "/_relay/", 404),
        ("GET", "/_requests", 404),
        ("GET", "/_relay", 405),
        ("PUT", "/_relay", 405),
    ] {
        let reply = relay.request(method, path, &auth, b"");
        assert_eq!(reply.status, status, "{method} {path}");
    }
}

#[test]
fn a_target_on_this_machine_is_403_unless_allow_private_and_nothing_arrives() {
    let receiver = Receiver::start(&[]);
    let relay = Relay::start(&[]);
    let port = receiver.port;
    for url in [
        format!("http://127.0.0.1:{port}/hook"),
        format!("http://localhost:{port}/hook"),
        format!("http://[::ffff:127.0.0.1]:{port}/hook"),
        format!("http://2130706433:{port}/hook"),
    ] {
        let reply = relay.relay(&document(&url), &[]);
        assert_eq!(reply.status, 403, "{url}: {}", reply.text());
        assert_eq!(kind(&reply), "private-target", "{url}");
        let error = reply.json()["error"].as_str().unwrap().to_owned();
        assert!(
            error.contains("a loopback address (this machine)"),
            "{error}"
        );
        assert!(error.contains("--allow-private"), "{error}");
    }
    let reply = relay.relay(&document(&format!("http://localhost:{port}/hook")), &[]);
    assert!(
        reply.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("`localhost` resolves to "),
        "{}",
        reply.text()
    );
    assert!(receiver.recorded_paths().is_empty());

    let allowing = Relay::start(&["--allow-private"]);
    for host in ["127.0.0.1", "localhost"] {
        let url = format!("http://{host}:{port}/{host}");
        assert_eq!(allowing.relay(&document(&url), &[]).status, 200, "{url}");
    }
    assert_eq!(receiver.recorded_paths(), ["/127.0.0.1", "/localhost"]);
}

#[test]
fn a_redirect_is_relayed_as_the_reply_and_not_followed() {
    let receiver = Receiver::start(&[]);
    let moved = hook(&receiver);
    let redirect = FixedReply::start(raw_reply(
        "307 Temporary Redirect",
        &[("Location", &moved)],
        b"",
    ));
    let relay = Relay::start(&["--allow-private"]);
    let reply = relay.relay(
        &document(&format!("http://127.0.0.1:{}/", redirect.port)),
        &[],
    );
    assert_eq!(reply.status, 200);
    let answer = reply.json();
    assert_eq!(answer["status"], 307);
    assert!(answer["headers"]
        .as_array()
        .unwrap()
        .contains(&json!(["location", moved])));
    assert!(
        receiver.recorded_paths().is_empty(),
        "the redirect was followed"
    );
}

#[test]
fn a_request_document_over_one_mebibyte_is_413_and_nothing_is_sent() {
    let receiver = Receiver::start(&[]);
    let relay = Relay::start(&["--allow-private"]);
    let mut document = document(&hook(&receiver));
    document["body"] = json!("x".repeat(1024 * 1024));
    let reply = relay.relay(&document, &[]);
    assert_eq!(reply.status, 413);
    assert_eq!(kind(&reply), "too-large");
    assert!(receiver.recorded_paths().is_empty());
}

#[test]
fn a_reply_is_read_to_at_most_one_mebibyte() {
    let long = FixedReply::start(raw_reply("200 OK", &[], &vec![b'x'; 2 * 1024 * 1024]));
    let relay = Relay::start(&["--allow-private"]);
    let reply = relay.relay(&document(&format!("http://127.0.0.1:{}/", long.port)), &[]);
    assert_eq!(reply.status, 200);
    let answer = reply.json();
    assert_eq!(answer["body"].as_str().unwrap().len(), 1024 * 1024);
    assert_eq!(answer["truncated"], true);
}

#[test]
fn a_timeout_over_sixty_seconds_is_400_and_a_slow_target_is_504() {
    let slow = Receiver::start(&["--delay-ms", "5000"]);
    let relay = Relay::start(&["--allow-private"]);
    let mut document = document(&hook(&slow));
    document["timeout_ms"] = json!(60_001);
    let reply = relay.relay(&document, &[]);
    assert_eq!((reply.status, kind(&reply)), (400, "document".to_string()));
    assert!(slow.recorded_paths().is_empty());

    document["timeout_ms"] = json!(300);
    let started = Instant::now();
    let reply = relay.relay(&document, &[]);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!((reply.status, kind(&reply)), (504, "timeout".to_string()));
}

#[test]
fn a_fifth_call_at_once_is_429() {
    let slow = Receiver::start(&["--delay-ms", "2000"]);
    let relay = Arc::new(Relay::start(&["--allow-private"]));
    let calls: Vec<_> = (0..4)
        .map(|_| {
            let (relay, url) = (Arc::clone(&relay), hook(&slow));
            thread::spawn(move || relay.relay(&document(&url), &[]).status)
        })
        .collect();
    // The four are being answered once the receiver has recorded them.
    let deadline = Instant::now() + WAIT;
    while slow.recorded_paths().len() < 4 {
        assert!(Instant::now() < deadline, "the four calls did not arrive");
        thread::sleep(Duration::from_millis(20));
    }
    let fifth = relay.relay(&document(&hook(&slow)), &[]);
    assert_eq!((fifth.status, kind(&fifth)), (429, "busy".to_string()));
    for call in calls {
        assert_eq!(call.join().unwrap(), 200);
    }
    assert_eq!(slow.recorded_paths().len(), 4);
}

#[test]
fn the_log_never_prints_header_values_the_body_the_token_or_the_urls_secrets() {
    let receiver = Receiver::start(&[]);
    let relay = Relay::start(&["--allow-private"]);
    let port = receiver.port;
    let sent = json!({
        "method": "POST",
        "url": format!("http://127.0.0.1:{port}/hook?token=SECRET-QUERY"),
        "headers": [["Authorization", "Bearer SECRET-HEADER"], ["X-Api-Key", "SECRET-KEY"]],
        "body": "{\"routing_key\":\"SECRET-BODY\"}",
    });
    assert_eq!(relay.relay(&sent, &[]).status, 200);
    let with_user = json!({
        "method": "POST",
        "url": format!("http://user:SECRET-USER@127.0.0.1:{port}/hook"),
        "headers": [],
        "body": "",
    });
    assert_eq!(relay.relay(&with_user, &[]).status, 400);
    let mut not_post = sent.clone();
    not_post["method"] = json!("GET");
    assert_eq!(relay.relay(&not_post, &[]).status, 400);
    let log = relay.wait_for_log(3).join("\n");
    assert!(log.contains("/hook?token=••••••••"), "{log}");
    assert!(log.contains("(2 headers, 29 bytes)"), "{log}");
    for secret in [
        "SECRET-QUERY",
        "SECRET-HEADER",
        "SECRET-KEY",
        "SECRET-BODY",
        "SECRET-USER",
        TOKEN,
    ] {
        assert!(!log.contains(secret), "{secret} in {log}");
    }
}

#[test]
fn bad_options_exit_2() {
    for options in [
        &["--token", "short"][..],
        &["--token", "has space in it 0123456789"],
        &["--app", "http://127.0.0.1:8080/#x"],
        &["--app", "127.0.0.1:8080"],
        &["--allow-origin", "*"],
        &["--port", "65536"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
            .arg("relay")
            .args(options)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{options:?}");
    }
}
