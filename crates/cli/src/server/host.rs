//! The Host check: `receive` and `relay` answer only requests addressed to this machine by a
//! loopback name, on every path.
//!
//! Both listen on 127.0.0.1 only, yet a web page can still reach them by DNS rebinding: its
//! own name, re-pointed at 127.0.0.1, makes the browser treat the server as that page's
//! origin. The browser then sends that name as `Host`, so refusing every name but
//! `127.0.0.1`, `localhost` and `[::1]` (any case, any port) closes the gap. An absolute-form
//! request target (`GET http://host/path`) must name a loopback host too. A request without a
//! `Host`, or with two, is refused as malformed: browsers always send exactly one.

use hyper::header::{HeaderMap, HOST};
use hyper::http::request::Parts;
use hyper::StatusCode;

use crate::terminal::shortened;

/// Why a request was refused before anything else looked at it.
#[derive(Debug, PartialEq, Eq)]
pub enum HostRefusal {
    /// No `Host` header (HTTP/1.0 allows that; this receiver does not).
    Missing,
    /// More than one `Host` header.
    Repeated,
    /// A name that is not this machine's loopback name; holds what was sent, lossily decoded.
    Foreign(String),
}

impl HostRefusal {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Missing | Self::Repeated => StatusCode::BAD_REQUEST,
            Self::Foreign(_) => StatusCode::FORBIDDEN,
        }
    }

    /// The one-line reason sent back; it repeats nothing the request sent.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Missing => "hookcheck needs a Host header\n",
            Self::Repeated => "hookcheck needs exactly one Host header\n",
            Self::Foreign(_) => {
                "hookcheck answers only requests addressed to 127.0.0.1, localhost or [::1]\n"
            }
        }
    }

    /// The line printed for a request refused by the Host check.
    pub fn log_line(&self, parts: &Parts) -> String {
        let why = match self {
            Self::Missing => "no Host header".to_owned(),
            Self::Repeated => "more than one Host header".to_owned(),
            Self::Foreign(host) => format!("addressed to {}", shortened(host)),
        };
        format!(
            "refused {} {}: {why} ({})\n\n",
            parts.method,
            shortened(&parts.uri.to_string()),
            self.status().as_u16()
        )
    }
}

/// Checks the request's `Host` header and, for an absolute-form target, its authority.
pub fn check(parts: &Parts) -> Result<(), HostRefusal> {
    let host = single_host(&parts.headers)?;
    if let Some(authority) = parts.uri.authority() {
        if !is_loopback(authority.as_str().as_bytes()) {
            return Err(HostRefusal::Foreign(authority.as_str().to_owned()));
        }
    }
    if is_loopback(host) {
        Ok(())
    } else {
        Err(HostRefusal::Foreign(
            String::from_utf8_lossy(host).into_owned(),
        ))
    }
}

fn single_host(headers: &HeaderMap) -> Result<&[u8], HostRefusal> {
    let mut hosts = headers.get_all(HOST).iter();
    match (hosts.next(), hosts.next()) {
        (None, _) => Err(HostRefusal::Missing),
        (Some(host), None) => Ok(host.as_bytes()),
        (Some(_), Some(_)) => Err(HostRefusal::Repeated),
    }
}

/// `127.0.0.1`, `localhost` or `[::1]` in any case, alone or with a port of digits.
fn is_loopback(authority: &[u8]) -> bool {
    let (name, port) = match authority.iter().rposition(|&b| b == b':') {
        // A colon inside `[::1]` is part of the name, not the port separator.
        Some(colon) if !authority[colon..].contains(&b']') => {
            (&authority[..colon], Some(&authority[colon + 1..]))
        }
        _ => (authority, None),
    };
    let port_ok = port
        .is_none_or(|port| (1..=5).contains(&port.len()) && port.iter().all(u8::is_ascii_digit));
    port_ok
        && [&b"127.0.0.1"[..], b"localhost", b"[::1]"]
            .iter()
            .any(|loopback| name.eq_ignore_ascii_case(loopback))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::Request;

    fn parts(target: &str, hosts: &[&str]) -> Parts {
        let mut request = Request::get(target);
        for host in hosts {
            request = request.header(HOST, *host);
        }
        request.body(()).unwrap().into_parts().0
    }

    #[test]
    fn loopback_names_pass_with_or_without_a_port_in_any_case() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8787",
            "localhost",
            "LocalHost:8787",
            "LOCALHOST",
            "[::1]",
            "[::1]:8787",
        ] {
            assert_eq!(check(&parts("/_requests", &[host])), Ok(()), "{host}");
        }
    }

    #[test]
    fn other_names_are_foreign() {
        for host in [
            "evil.example",
            "evil.example:8787",
            "localhost.",
            "localhost:",
            "localhost:80:80",
            "localhost:123456",
            "sub.localhost",
            "127.0.0.2",
            "127.1",
            "0.0.0.0",
            "[::1",
            "[::2]:8787",
            "user@localhost",
            "localhost evil",
            "",
        ] {
            assert_eq!(
                check(&parts("/", &[host])),
                Err(HostRefusal::Foreign(host.to_owned())),
                "{host}"
            );
        }
    }

    #[test]
    fn missing_or_repeated_host_is_malformed() {
        assert_eq!(check(&parts("/", &[])), Err(HostRefusal::Missing));
        assert_eq!(
            check(&parts("/", &["localhost", "localhost"])),
            Err(HostRefusal::Repeated)
        );
    }

    #[test]
    fn absolute_form_target_must_name_a_loopback_host_too() {
        assert_eq!(
            check(&parts("http://localhost:8787/_requests", &["localhost"])),
            Ok(())
        );
        assert_eq!(
            check(&parts("http://evil.example/_requests", &["localhost"])),
            Err(HostRefusal::Foreign("evil.example".into()))
        );
    }
}
