//! `hookcheck receive`, run for real: the built binary on a free port, spoken to over raw
//! HTTP/1.1 on a plain TCP socket, so every byte on the wire is the test's own.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::json;

mod receiver;
use receiver::*;

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
fn it_listens_on_127_0_0_1_only() {
    let receiver = Receiver::start(&[]);
    assert_eq!(receiver.post("/hook", &[], "{}").status, 200);
    // Another loopback address of this machine: a listener on every address would take it.
    let elsewhere = TcpStream::connect_timeout(
        &(std::net::Ipv4Addr::new(127, 0, 0, 2), receiver.port).into(),
        Duration::from_secs(2),
    );
    assert!(elsewhere.is_err(), "reachable at 127.0.0.2");
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
        json!({"ok": true, "status": 200,
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

#[test]
fn no_reply_grants_credentials() {
    let receiver = Receiver::start(&["--allow-origin", PAGE]);
    let replies = [
        receiver.send("OPTIONS", "/hook", &preflight_headers(&[]), b""),
        receiver.post("/hook", &[("Origin", PAGE)], "{}"),
        receiver.send("GET", "/_requests", &[("Origin", PAGE)], b""),
    ];
    for reply in replies {
        assert_eq!(
            reply.header("access-control-allow-credentials"),
            None,
            "{reply:?}"
        );
    }
}

// ---- what was captured stays on this machine -------------------------------------------

type Headers<'a> = &'a [(&'a str, &'a str)];

const FOREIGN_PAGE: &str = "https://evil.example";
const SECRET: &str = "Bearer secret-7f3a";

/// Records one request carrying [`SECRET`] at `/earlier`, as a local tool would send it.
fn record_a_secret(receiver: &Receiver) {
    let reply = receiver.post("/earlier", &[("Authorization", SECRET)], "{\"k\":1}");
    assert_eq!(reply.status, 200);
}

/// Asserts that a reply grants nothing and shows nothing captured.
fn assert_reveals_nothing(reply: &Reply) {
    assert!(reply.cors_headers().is_empty(), "{reply:?}");
    let text = reply.text();
    assert!(
        !text.contains("secret-7f3a") && !text.contains("/earlier"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "one line: {text:?}");
}

#[test]
fn captured_data_is_refused_to_a_page_of_another_origin() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    for (method, path) in [
        ("GET", "/_requests"),
        ("GET", "/_preflights"),
        ("DELETE", "/_requests"),
    ] {
        let reply = receiver.send(method, path, &[("Origin", FOREIGN_PAGE)], b"");
        assert_eq!(reply.status, 403, "{method} {path}");
        assert_reveals_nothing(&reply);
    }
    // The DELETE cleared nothing.
    assert_eq!(receiver.recorded_paths(), ["/earlier"]);
    receiver.wait_for_output(
        "refused DELETE /_requests to the page at https://evil.example: not an --allow-origin (403)",
    );
}

#[test]
fn a_preflight_for_captured_data_from_another_origin_is_refused() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    for (path, method) in [
        ("/_requests", "DELETE"),
        ("/_requests", "GET"),
        ("/_preflights", "GET"),
    ] {
        let headers = [
            ("Origin", FOREIGN_PAGE),
            ("Access-Control-Request-Method", method),
            ("Access-Control-Request-Private-Network", "true"),
        ];
        let reply = receiver.send("OPTIONS", path, &headers, b"");
        assert_eq!(reply.status, 403, "{method} {path}");
        assert_reveals_nothing(&reply);
    }
}

#[test]
fn the_apps_own_origin_gets_no_captured_data_either_without_allow_origin() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    let reply = receiver.send("GET", "/_requests", &[("Origin", PAGE)], b"");
    assert_eq!(reply.status, 403);
    assert_reveals_nothing(&reply);
}

#[test]
fn a_local_tool_without_origin_reads_captured_data_kept_out_of_caches_and_other_pages() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    let reply = receiver.send("GET", "/_requests", &[], b"");
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("secret-7f3a"));
    assert!(reply.cors_headers().is_empty(), "{reply:?}");
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(
        reply.header("cross-origin-resource-policy"),
        Some("same-origin")
    );
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn allow_origin_grants_that_page_and_no_other() {
    let other = "http://localhost:3000";
    let receiver = Receiver::start(&["--allow-origin", PAGE, "--allow-origin", other]);
    receiver.wait_for_output(&format!(
        "pages that may read and clear what was captured: {PAGE}, {other}"
    ));
    record_a_secret(&receiver);
    for origin in [PAGE, other] {
        let reply = receiver.send("GET", "/_requests", &[("Origin", origin)], b"");
        assert_eq!(reply.status, 200, "{origin}");
        assert_eq!(reply.header("access-control-allow-origin"), Some(origin));
        assert_eq!(reply.header("vary"), Some("Origin"));
        assert!(reply.text().contains("secret-7f3a"));
    }
    let preflight = receiver.send(
        "OPTIONS",
        "/_requests",
        &[
            ("Origin", PAGE),
            ("Access-Control-Request-Method", "DELETE"),
        ],
        b"",
    );
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("access-control-allow-origin"), Some(PAGE));
    assert_eq!(
        preflight.header("access-control-allow-methods"),
        Some("DELETE")
    );
    let cleared = receiver.send("DELETE", "/_requests", &[("Origin", PAGE)], b"");
    assert_eq!(cleared.json(), json!({"ok": true, "cleared": 1}));

    record_a_secret(&receiver);
    let refused = receiver.send("GET", "/_requests", &[("Origin", FOREIGN_PAGE)], b"");
    assert_eq!(refused.status, 403);
    assert_reveals_nothing(&refused);
}

#[test]
fn allow_origin_refuses_a_wildcard_null_or_a_path() {
    for origin in ["*", "null", "http://localhost:8080/app", "localhost:8080"] {
        let output = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
            .args(["receive", "--port", "0", "--allow-origin", origin])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{origin}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("--allow-origin"), "{stderr}");
    }
}

#[test]
fn the_apps_preflight_and_post_are_granted_and_reveal_nothing_captured_earlier() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    let preflight = receiver.send("OPTIONS", "/hook", &preflight_headers(&[]), b"");
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("access-control-allow-origin"), Some(PAGE));
    assert!(preflight.body.is_empty());
    let post = receiver.post(
        "/hook",
        &[("Origin", PAGE), ("X-Token", "t")],
        "{\"run\":2}",
    );
    assert_eq!(post.status, 200);
    assert_eq!(post.header("access-control-allow-origin"), Some(PAGE));
    // Only this request, described by what the page itself sent: no id, no count.
    assert_eq!(
        post.json(),
        json!({"ok": true, "status": 200,
               "received": {"method": "POST", "path": "/hook", "bytes": 9}})
    );
    assert!(!post.text().contains("secret-7f3a"));
    assert_eq!(receiver.recorded_paths(), ["/earlier", "/hook"]);
}

// ---- the Host check --------------------------------------------------------------------

#[test]
fn a_foreign_host_is_refused_on_every_path_and_nothing_is_revealed_or_recorded() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    let rebound = format!("evil.example:{}", receiver.port);
    let preflight = preflight_headers(&[]);
    let cases: [(&str, &str, Headers); 6] = [
        ("GET", "/_requests", &[]),
        ("GET", "/_requests", &[("Origin", "http://evil.example")]),
        ("GET", "/_preflights", &[]),
        ("DELETE", "/_requests", &[]),
        ("POST", "/hook", &[("Origin", "http://evil.example")]),
        ("OPTIONS", "/hook", &preflight),
    ];
    for (method, path, headers) in cases {
        let raw = request_bytes(method, path, Some(&rebound), headers, b"");
        let reply = receiver.send_raw(&raw);
        assert_eq!(reply.status, 403, "{method} {path} {headers:?}");
        assert_reveals_nothing(&reply);
    }
    assert_eq!(receiver.recorded_paths(), ["/earlier"]);
    assert!(receiver
        .get_json("/_preflights")
        .as_array()
        .unwrap()
        .is_empty());
    receiver.wait_for_output(&format!(
        "refused GET /_requests: addressed to {rebound} (403)"
    ));
}

#[test]
fn loopback_hosts_are_served_in_any_case_with_or_without_the_port() {
    let receiver = Receiver::start(&[]);
    let port = receiver.port;
    let hosts = [
        "127.0.0.1".to_owned(),
        format!("127.0.0.1:{port}"),
        "localhost".to_owned(),
        format!("LocalHost:{port}"),
        "[::1]".to_owned(),
        format!("[::1]:{port}"),
    ];
    for host in &hosts {
        let reply = receiver.send_raw(&request_bytes("POST", "/hook", Some(host), &[], b""));
        assert_eq!(reply.status, 200, "{host}");
    }
    assert_eq!(receiver.recorded_paths().len(), hosts.len());
}

#[test]
fn an_absolute_form_target_naming_another_host_is_refused() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    let local = format!("127.0.0.1:{}", receiver.port);
    let raw = request_bytes(
        "GET",
        "http://evil.example/_requests",
        Some(&local),
        &[],
        b"",
    );
    let reply = receiver.send_raw(&raw);
    assert_eq!(reply.status, 403);
    assert_reveals_nothing(&reply);
    let raw = request_bytes(
        "GET",
        &format!("http://{local}/_requests"),
        Some(&local),
        &[],
        b"",
    );
    assert_eq!(receiver.send_raw(&raw).status, 200);
}

#[test]
fn a_request_without_host_is_refused_as_malformed() {
    let receiver = Receiver::start(&[]);
    record_a_secret(&receiver);
    for raw in [
        &b"GET /_requests HTTP/1.0\r\n\r\n"[..],
        b"GET /_requests HTTP/1.1\r\nConnection: close\r\n\r\n",
    ] {
        let reply = receiver.send_raw(raw);
        assert_eq!(reply.status, 400);
        assert_reveals_nothing(&reply);
    }
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
        "POST /big HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
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
            b"POST /slow HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
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

// ---- load and hostile input ------------------------------------------------------------

/// The receiver's memory high-water mark and current size in KiB (Linux), to report.
fn memory_kib(receiver: &Receiver) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{}/status", receiver.pid())).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

#[test]
fn a_thousand_concurrent_posts_beside_300_idle_connections_are_all_recorded() {
    const POSTS: usize = 1000;
    const IDLE: usize = 300;
    let receiver = Receiver::start(&[]);
    let host = format!("127.0.0.1:{}", receiver.port);
    let started = Instant::now();
    // Half of the idle connections say nothing, half stop in the middle of their head.
    let idle: Vec<TcpStream> = (0..IDLE)
        .map(|n| {
            let mut stream = TcpStream::connect(("127.0.0.1", receiver.port)).unwrap();
            if n % 2 == 1 {
                let partial = format!("POST /idle-{n} HTTP/1.1\r\nHost: {host}\r\nX-Half: ");
                stream.write_all(partial.as_bytes()).unwrap();
            }
            stream
        })
        .collect();
    // Every POST is on the wire before the first reply is read.
    let mut posts: Vec<TcpStream> = (0..POSTS)
        .map(|n| {
            let mut stream = TcpStream::connect(("127.0.0.1", receiver.port)).unwrap();
            stream.set_read_timeout(Some(WAIT)).unwrap();
            let body = format!("{{\"n\":{n}}}");
            let raw = request_bytes(
                "POST",
                &format!("/load/{n}"),
                Some(&host),
                &[],
                body.as_bytes(),
            );
            stream.write_all(&raw).unwrap();
            stream
        })
        .collect();
    let mut answered = 0;
    for stream in &mut posts {
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("reply read");
        assert_eq!(Reply::parse(&response).status, 200);
        answered += 1;
    }
    let elapsed = started.elapsed();
    let mut recorded = receiver.recorded_paths();
    recorded.sort();
    let mut expected: Vec<String> = (0..POSTS).map(|n| format!("/load/{n}")).collect();
    expected.sort();
    assert_eq!(answered, POSTS);
    assert_eq!(recorded, expected, "every POST recorded once, nothing else");
    let memory = memory_kib(&receiver);
    eprintln!(
        "load: {POSTS} POSTs beside {IDLE} idle connections answered and recorded in {} ms; \
         receiver memory (high-water, now) in KiB: {memory:?}",
        elapsed.as_millis()
    );
    assert!(elapsed < WAIT, "{elapsed:?}");
    if let Some((high_water, _)) = memory {
        assert!(high_water < 64 * 1024, "{high_water} KiB");
    }
    drop(idle);
}

#[test]
fn a_two_megabyte_body_is_refused_with_413_and_the_receiver_keeps_serving() {
    let receiver = Receiver::start(&[]);
    let host = format!("127.0.0.1:{}", receiver.port);
    let body = vec![b'a'; 2 * 1024 * 1024];
    let declared = request_bytes("POST", "/big", Some(&host), &[], &body);
    // The same bytes chunked, so that only reading them shows the size.
    let mut chunked =
        format!("POST /big HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n\r\n")
            .into_bytes();
    for chunk in body.chunks(256 * 1024) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    for raw in [declared, chunked] {
        let started = Instant::now();
        let reply = receiver.exchange(raw);
        assert_eq!(reply.status, 413);
        eprintln!("2 MB body: 413 in {} ms", started.elapsed().as_millis());
        assert_eq!(receiver.post("/after", &[], "{}").status, 200);
    }
    assert_eq!(receiver.recorded_paths(), ["/after", "/after"]);
    eprintln!(
        "after 2 MB bodies: receiver memory (high-water, now) in KiB: {:?}",
        memory_kib(&receiver)
    );
}

#[test]
fn ten_thousand_headers_are_answered_431_and_the_receiver_keeps_serving() {
    let receiver = Receiver::start(&[]);
    let host = format!("127.0.0.1:{}", receiver.port);
    let names: Vec<String> = (0..10_000).map(|n| format!("X-Header-{n}")).collect();
    let headers: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), "v")).collect();
    let raw = request_bytes("POST", "/many", Some(&host), &headers, b"{}");
    let started = Instant::now();
    let reply = receiver.exchange(raw);
    assert_eq!(reply.status, 431);
    eprintln!(
        "10,000 headers: 431 in {} ms",
        started.elapsed().as_millis()
    );
    assert_eq!(receiver.post("/after", &[], "{}").status, 200);
    assert_eq!(receiver.recorded_paths(), ["/after"]);
}

#[test]
fn garbage_on_the_socket_is_answered_400_or_dropped_and_nothing_is_recorded() {
    let receiver = Receiver::start(&[]);
    let tls_client_hello = [
        0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x00, 0x00,
    ];
    let every_byte: Vec<u8> = (0..=255).collect();
    let garbage: [&[u8]; 6] = [
        &tls_client_hello,
        &every_byte,
        b"\0\0\0\0\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: localhost\r\n\r\n",
        b"POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: nope\r\n\r\n",
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    ];
    for bytes in garbage {
        let mut stream = TcpStream::connect(("127.0.0.1", receiver.port)).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        let _ = stream.write_all(bytes);
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let shown = String::from_utf8_lossy(&response);
        assert!(
            response.is_empty() || shown.starts_with("HTTP/1.1 400 "),
            "{bytes:?} -> {shown}"
        );
    }
    // A request broken off mid-body is not recorded either.
    let mut stream = TcpStream::connect(("127.0.0.1", receiver.port)).unwrap();
    stream
        .write_all(b"POST /cut HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nshort")
        .unwrap();
    drop(stream);
    assert_eq!(receiver.post("/after", &[], "{}").status, 200);
    assert_eq!(receiver.recorded_paths(), ["/after"]);
}
