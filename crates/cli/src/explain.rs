//! What a reply means, and a URL fit for a log: the one place `send` and `relay` ask core's
//! destination knowledge, so that it stays easy to re-point.
//!
//! A reply from a recognised destination (by the URL, or by `x-hookcheck-as` from
//! `hookcheck receive --as`) is explained in that destination's terms, the words the app
//! uses. Otherwise, or when core has nothing to add: 2xx arrived, anything else did not.

use hookcheck_core::catalog::recognise as secrets;
use hookcheck_core::destination::reply::{explain_response, replying_destination};
use hyper::StatusCode;

use crate::net::Received;

/// Whether the request arrived, and why, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub arrived: bool,
    pub sentence: String,
}

/// What `received`, the reply to a request for `url`, means.
pub fn reply(url: &str, received: &Received) -> Verdict {
    let body = String::from_utf8_lossy(&received.body);
    if let Some((_, explanation)) = explain_response(url, &received.headers, received.status, &body)
    {
        return Verdict {
            arrived: explanation.delivered,
            sentence: explanation.summary,
        };
    }
    let who = replying_destination(url, &received.headers)
        .map_or("The server", |destination| destination.short_name());
    let status = status_line(received.status);
    match received.status {
        200..=299 => Verdict {
            arrived: true,
            sentence: format!("{who} accepted the request ({status})."),
        },
        300..=399 => Verdict {
            arrived: false,
            sentence: format!(
                "{who} answered {status}, a redirect{}: hookcheck does not follow it, and \
                 testRTC likely does not either (Node's request library follows only GET \
                 redirects unless told to).",
                received
                    .header("location")
                    .map(|to| format!(" to {}", masked_url(to)))
                    .unwrap_or_default()
            ),
        },
        _ => Verdict {
            arrived: false,
            sentence: format!("{who} refused the request ({status})."),
        },
    }
}

/// "404 Not Found", or the bare number for a status without a standard reason.
pub fn status_line(status: u16) -> String {
    match StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
    {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// `url` with its secret parts (destination tokens, user info, secret query values) masked,
/// as the app's preview masks them.
pub fn masked_url(url: &str) -> String {
    secrets::masked_url(url).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn received(status: u16, headers: &[(&str, &str)], body: &str) -> Received {
        Received {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.as_bytes().to_vec(),
            truncated: false,
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn a_destination_reply_is_explained_in_its_terms() {
        let verdict = reply(
            "http://127.0.0.1:8787/hook",
            &received(400, &[("x-hookcheck-as", "slack")], "no_text"),
        );
        assert!(!verdict.arrived);
        assert!(
            verdict.sentence.starts_with("Slack found no text"),
            "{verdict:?}"
        );
    }

    #[test]
    fn without_a_destination_2xx_arrived_and_anything_else_did_not() {
        let url = "https://example.com/hook";
        assert_eq!(
            reply(url, &received(201, &[], "")),
            Verdict {
                arrived: true,
                sentence: "The server accepted the request (201 Created).".into()
            }
        );
        assert_eq!(
            reply(url, &received(404, &[], "")),
            Verdict {
                arrived: false,
                sentence: "The server refused the request (404 Not Found).".into()
            }
        );
    }

    #[test]
    fn a_redirect_did_not_arrive_and_names_where_it_points_masked() {
        let verdict = reply(
            "https://example.com/hook",
            &received(
                302,
                &[("location", "https://example.com/new?token=abc")],
                "",
            ),
        );
        assert!(!verdict.arrived);
        assert!(
            verdict
                .sentence
                .contains("302 Found, a redirect to https://example.com/new?token=••••••••"),
            "{verdict:?}"
        );
        assert!(!verdict.sentence.contains("abc"));
    }
}
