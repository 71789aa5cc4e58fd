//! The relay's documents: the request document the app posts to `/_relay`, and the error
//! document of every refusal (`{"error": "<one sentence>", "kind": "<stable name>"}`, with
//! its HTTP status). The reply document is [`crate::net::ReplyDocument`].

use std::time::Duration;

use hyper::StatusCode;
use serde::{Deserialize, Serialize};

use crate::net::{self, Outgoing, SendError};

/// The request document: what to send, and optionally how long to wait.
#[derive(Debug, Deserialize)]
pub struct RequestDocument {
    pub method: String,
    pub url: String,
    /// `[name, value]` pairs, sent in this order.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    #[serde(default)]
    pub body: String,
    /// Milliseconds, 1 to 60,000; 10,000 when absent.
    pub timeout_ms: Option<u64>,
}

/// A document checked and ready to send.
#[derive(Debug)]
pub struct Call {
    pub outgoing: Outgoing,
    pub timeout: Duration,
}

impl Call {
    /// Reads and checks a request document: JSON of the right shape, `POST`, a timeout in
    /// range.
    pub fn parse(bytes: &[u8]) -> Result<Call, Refusal> {
        let document: RequestDocument = serde_json::from_slice(bytes).map_err(|error| {
            Refusal::new(
                StatusCode::BAD_REQUEST,
                "document",
                format!(
                    "The body is not a request document {{\"method\", \"url\", \"headers\", \
                     \"body\", \"timeout_ms\"}}: {error}."
                ),
            )
        })?;
        if document.method != "POST" {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "method",
                "The relay sends POST only, as testRTC does.",
            ));
        }
        let max_ms = net::MAX_TIMEOUT.as_millis();
        let timeout = match document.timeout_ms {
            None => net::DEFAULT_TIMEOUT,
            Some(ms) if (1..=max_ms).contains(&u128::from(ms)) => Duration::from_millis(ms),
            Some(_) => {
                return Err(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    "document",
                    format!("timeout_ms is from 1 to {max_ms}."),
                ))
            }
        };
        Ok(Call {
            outgoing: Outgoing {
                method: document.method,
                url: document.url,
                headers: document.headers,
                body: document.body,
            },
            timeout,
        })
    }
}

/// A call the relay does not answer with the destination's reply: its status and document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: StatusCode,
    pub document: ErrorDocument,
}

/// `{"error": "<one sentence>", "kind": "<stable name>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorDocument {
    pub error: String,
    pub kind: &'static str,
}

impl Refusal {
    pub fn new(status: StatusCode, kind: &'static str, error: impl Into<String>) -> Self {
        Self {
            status,
            document: ErrorDocument {
                error: error.into(),
                kind,
            },
        }
    }

    /// A failed call: 400 for what cannot be sent, 403 for a private target, 504 for a
    /// timeout, 502 when the target could not be reached or answered no HTTP.
    pub fn from_send(error: &SendError) -> Self {
        let status = match error {
            SendError::Url(_) | SendError::Header { .. } => StatusCode::BAD_REQUEST,
            SendError::PrivateTarget { .. } => StatusCode::FORBIDDEN,
            SendError::Timeout(_) => StatusCode::GATEWAY_TIMEOUT,
            SendError::Dns { .. }
            | SendError::Connect { .. }
            | SendError::Tls { .. }
            | SendError::Reply(_) => StatusCode::BAD_GATEWAY,
        };
        Self::new(status, error.kind(), error.sentence())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_document_is_read_with_its_headers_in_order() {
        let call = Call::parse(
            br#"{"method":"POST","url":"https://example.com/hook","headers":[["B","2"],["A","1"]],"body":"{}","timeout_ms":1500}"#,
        )
        .unwrap();
        assert_eq!(
            call.outgoing.headers,
            [("B".into(), "2".into()), ("A".into(), "1".into())]
        );
        assert_eq!(call.timeout, Duration::from_millis(1500));
    }

    #[test]
    fn the_timeout_defaults_to_ten_seconds() {
        let call = Call::parse(br#"{"method":"POST","url":"https://example.com/"}"#).unwrap();
        assert_eq!(call.timeout, Duration::from_secs(10));
    }

    #[test]
    fn another_method_is_refused_400() {
        for method in ["GET", "PUT", "post", "DELETE"] {
            let body = format!(r#"{{"method":"{method}","url":"https://example.com/"}}"#);
            let refusal = Call::parse(body.as_bytes()).unwrap_err();
            assert_eq!(
                (refusal.status, refusal.document.kind),
                (StatusCode::BAD_REQUEST, "method")
            );
        }
    }

    #[test]
    fn a_timeout_outside_one_ms_to_sixty_seconds_is_refused() {
        for ms in [0, 60_001, u64::MAX] {
            let body = format!(r#"{{"method":"POST","url":"https://e.com/","timeout_ms":{ms}}}"#);
            let refusal = Call::parse(body.as_bytes()).unwrap_err();
            assert_eq!(refusal.document.kind, "document", "{ms}");
        }
        let body = br#"{"method":"POST","url":"https://e.com/","timeout_ms":60000}"#;
        assert!(Call::parse(body).is_ok());
    }

    #[test]
    fn a_body_that_is_not_a_document_is_refused_400() {
        for body in [
            &b"not json"[..],
            b"{}",
            br#"{"method":"POST"}"#,
            br#"{"method":"POST","url":"u","headers":{"a":"b"}}"#,
        ] {
            let refusal = Call::parse(body).unwrap_err();
            assert_eq!(
                (refusal.status, refusal.document.kind),
                (StatusCode::BAD_REQUEST, "document")
            );
        }
    }
}
