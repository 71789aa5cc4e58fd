//! A running `hookcheck receive` for the receiver's integration tests (`receive.rs`,
//! `receive_as.rs`, and the relay's target in `relay.rs`, which starts the relay with the
//! same [`spawn`]): the built binary on a free port, spoken to over raw HTTP/1.1 on a plain
//! TCP socket, so every byte on the wire is the test's own.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long a test waits for the receiver to answer, print or exit.
pub const WAIT: Duration = Duration::from_secs(20);

/// A running `hookcheck receive --port 0 ...`, killed when dropped.
pub struct Receiver {
    pub child: Child,
    pub port: u16,
    pub first_lines: Vec<String>,
    pub output: Arc<Mutex<Vec<String>>>,
}

impl Receiver {
    pub fn start(options: &[&str]) -> Self {
        let (child, port, first_lines, output) = spawn("receive", options, 2);
        Self {
            child,
            port,
            first_lines,
            output,
        }
    }

    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let host = format!("127.0.0.1:{}", self.port);
        self.send_raw(&request_bytes(method, path, Some(&host), headers, body))
    }

    pub fn send_raw(&self, raw: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        stream.set_read_timeout(Some(WAIT)).unwrap();
        stream.write_all(raw).expect("request written");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("response read");
        Reply::parse(&response)
    }

    /// [`exchange`] with this receiver.
    pub fn exchange(&self, raw: Vec<u8>) -> Reply {
        exchange(self.port, raw)
    }

    /// `GET /_requests` as a local tool asks it: the paths recorded, oldest first.
    pub fn recorded_paths(&self) -> Vec<String> {
        self.get_json("/_requests")
            .as_array()
            .expect("a list")
            .iter()
            .map(|entry| entry["path"].as_str().unwrap().to_owned())
            .collect()
    }

    pub fn post(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        self.send("POST", path, headers, body.as_bytes())
    }

    pub fn get_json(&self, path: &str) -> Value {
        let reply = self.send("GET", path, &[], b"");
        assert_eq!(reply.status, 200, "GET {path}");
        reply.json()
    }

    pub fn pid(&self) -> String {
        self.child.id().to_string()
    }

    /// Waits until some printed line contains `needle`; returns all lines printed so far.
    pub fn wait_for_output(&self, needle: &str) -> Vec<String> {
        wait_until(&self.output, &format!("a line with {needle:?}"), |lines| {
            lines.iter().any(|line| line.contains(needle))
        })
    }
}

/// Starts `hookcheck SUBCOMMAND --port 0 OPTIONS` (`receive` or `relay`): its process, the
/// port its first line names, its first `lines` lines (the start-up lines), and the lines it
/// prints after them, collected as they come.
pub fn spawn(
    subcommand: &str,
    options: &[&str],
    lines: usize,
) -> (Child, u16, Vec<String>, Arc<Mutex<Vec<String>>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookcheck"))
        .args([subcommand, "--port", "0"])
        .args(options)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("hookcheck starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let first = read_line(&mut stdout);
    let port = first
        .strip_prefix(&format!(
            "hookcheck {subcommand}: listening on http://127.0.0.1:"
        ))
        .and_then(|rest| rest.strip_suffix('/'))
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
    let mut first_lines = vec![first];
    for _ in 1..lines {
        first_lines.push(read_line(&mut stdout));
    }
    let output = Arc::<Mutex<Vec<String>>>::default();
    let collected = Arc::clone(&output);
    thread::spawn(move || {
        for line in stdout.lines() {
            let Ok(line) = line else { break };
            collected.lock().unwrap().push(line);
        }
    });
    (child, port, first_lines, output)
}

/// Sends `raw` to 127.0.0.1:`port` from another thread while this one reads the reply, so
/// that a reply sent before the request is whole (413, 431) is read even if the server stops
/// reading.
pub fn exchange(port: u16, raw: Vec<u8>) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream.set_read_timeout(Some(WAIT)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = thread::spawn(move || {
        // The server may close before taking it all; that is its answer, not an error.
        let _ = writer.write_all(&raw);
    });
    let mut response = Vec::new();
    // A reset after the reply arrived loses nothing already read.
    let _ = stream.read_to_end(&mut response);
    sender.join().unwrap();
    Reply::parse(&response)
}

/// Waits until `done` holds for the lines collected in `output` (`what` names it when it
/// never does); returns them.
pub fn wait_until(
    output: &Mutex<Vec<String>>,
    what: &str,
    done: impl Fn(&[String]) -> bool,
) -> Vec<String> {
    let deadline = Instant::now() + WAIT;
    loop {
        let lines = output.lock().unwrap().clone();
        if done(&lines) {
            return lines;
        }
        assert!(Instant::now() < deadline, "no {what} in {lines:#?}");
        thread::sleep(Duration::from_millis(20));
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP/1.1 request closing its connection; `Content-Length` whenever there is a body.
pub fn request_bytes(
    method: &str,
    target: &str,
    host: Option<&str>,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Vec<u8> {
    let mut head = format!("{method} {target} HTTP/1.1\r\n");
    if let Some(host) = host {
        head.push_str(&format!("Host: {host}\r\n"));
    }
    head.push_str("Connection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut raw = head.into_bytes();
    raw.extend_from_slice(body);
    raw
}

pub fn read_line(stdout: &mut BufReader<ChildStdout>) -> String {
    let mut line = String::new();
    stdout.read_line(&mut line).expect("stdout readable");
    line.trim_end_matches(['\r', '\n']).to_owned()
}

/// A parsed HTTP/1.1 response; header names lowercased.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn parse(raw: &[u8]) -> Self {
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

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn cors_headers(&self) -> Vec<&(String, String)> {
        self.headers
            .iter()
            .filter(|(name, _)| name.starts_with("access-control-"))
            .collect()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("{error}: {:?}", String::from_utf8_lossy(&self.body)))
    }
}
