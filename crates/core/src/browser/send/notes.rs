//! What the send panel says before a call, beside the preflight prediction: the headers the
//! browser will not send, mixed content, an offline browser. Every fact comes from
//! [`super::preflight`]; this module words them, so the app only shows the sentences.

use super::preflight::{dropped_headers, mixed_content};
use crate::render::request::Request;

/// What a test call is, said once at the top of the send panel.
pub const INTRO: &str = "Sends the previewed request from this browser. testRTC sends it server to server, so browser rules (CORS, forbidden headers) apply here only.";

/// Said while the browser is offline.
pub const OFFLINE: &str =
    "Your browser is offline: only a receiver on this machine (hookcheck receive) can be reached.";

/// One warning shown before sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendNote {
    /// A stable name: the app shows the note as `data-testid="send-<id>"`.
    pub id: &'static str,
    pub text: String,
}

/// The warnings about sending `request` from a page of origin `page_origin`
/// (`https://example.com`, or `null`), in the order the panel shows them.
pub fn notes_before_sending(request: &Request, page_origin: &str) -> Vec<SendNote> {
    let mut notes = Vec::new();
    let dropped = dropped_headers(request);
    if !dropped.is_empty() {
        notes.push(SendNote {
            id: "dropped",
            text: format!(
                "The browser will not send {}: testRTC sends them, the test call goes without them.",
                dropped.join(", ")
            ),
        });
    }
    let page_scheme = page_origin
        .split_once("://")
        .map_or("", |(scheme, _)| scheme);
    if request
        .url_parts()
        .is_some_and(|target| mixed_content(page_scheme, target))
    {
        notes.push(SendNote {
            id: "mixed",
            text: "This page is https and the URL is plain http: the browser will block the call (mixed content). Use the curl command or an https URL.".to_owned(),
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, render_request, SampleData};

    fn notes(text: &str, origin: &str) -> Vec<SendNote> {
        let report = check(text, None);
        let request = render_request(
            report.config.as_ref().unwrap(),
            &SampleData::for_outcome(crate::Outcome::Success),
        );
        notes_before_sending(&request, origin)
    }

    #[test]
    fn a_plain_request_gets_no_note() {
        assert_eq!(notes("https://example.com/hook", "https://app.example"), []);
    }

    #[test]
    fn headers_the_browser_drops_are_named() {
        let found = notes(
            r#"{"url": "https://example.com/hook", "headers": {"Cookie": "a=b", "X-Team": "blue"}}"#,
            "https://app.example",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "dropped");
        assert!(
            found[0]
                .text
                .starts_with("The browser will not send Cookie:"),
            "{}",
            found[0].text
        );
    }

    #[test]
    fn an_http_url_from_an_https_page_is_mixed_content() {
        let found = notes("http://example.com/hook", "https://app.example");
        assert_eq!(found.iter().map(|n| n.id).collect::<Vec<_>>(), ["mixed"]);
    }

    #[test]
    fn an_http_url_from_an_http_page_or_to_this_machine_is_not_mixed_content() {
        assert_eq!(notes("http://example.com/hook", "http://app.example"), []);
        assert_eq!(
            notes("http://127.0.0.1:8787/hook", "https://app.example"),
            []
        );
        assert_eq!(notes("http://example.com/hook", "null"), []);
    }
}
