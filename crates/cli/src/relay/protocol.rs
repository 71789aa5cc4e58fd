//! The relay's documents, read and written with serde_json: core's request document
//! ([`RelayRequest`], checked by core), reply document and error document
//! ([`RelayError`], `{"error": "<one sentence>", "kind": "<stable name>"}`), which the app
//! reads with the same types. This module adds only what HTTP needs: each refusal's status.

use std::time::Duration;

use hookcheck_core::browser::relay::{kind, RelayError, RelayRequest};
use hyper::StatusCode;

use crate::net::SendError;

/// A document checked and ready to send, and how long to wait for it.
#[derive(Debug)]
pub struct Call {
    pub outgoing: RelayRequest,
    pub timeout: Duration,
}

impl Call {
    /// Reads and checks a request document: JSON of the right shape, `POST`, a timeout in
    /// range.
    pub fn parse(bytes: &[u8]) -> Result<Call, Refusal> {
        let document: RelayRequest = serde_json::from_slice(bytes).map_err(|error| {
            Refusal::new(
                StatusCode::BAD_REQUEST,
                kind::DOCUMENT,
                format!(
                    "The body is not a request document {{\"method\", \"url\", \"headers\", \
                     \"body\", \"timeout_ms\"}}: {error}."
                ),
            )
        })?;
        let timeout_ms = document.check().map_err(|document| Refusal {
            status: StatusCode::BAD_REQUEST,
            document,
        })?;
        Ok(Call {
            outgoing: document,
            timeout: Duration::from_millis(timeout_ms),
        })
    }
}

/// A call the relay does not answer with the destination's reply: its status and document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: StatusCode,
    pub document: RelayError,
}

impl Refusal {
    pub fn new(status: StatusCode, kind: &str, error: impl Into<String>) -> Self {
        Self {
            status,
            document: RelayError::new(kind, error),
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
                (refusal.status, refusal.document.kind.as_str()),
                (StatusCode::BAD_REQUEST, kind::METHOD)
            );
        }
    }

    #[test]
    fn a_timeout_outside_one_ms_to_sixty_seconds_is_refused() {
        for ms in [0, 60_001, u64::MAX] {
            let body = format!(r#"{{"method":"POST","url":"https://e.com/","timeout_ms":{ms}}}"#);
            let refusal = Call::parse(body.as_bytes()).unwrap_err();
            assert_eq!(refusal.document.kind, kind::DOCUMENT, "{ms}");
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
                (refusal.status, refusal.document.kind.as_str()),
                (StatusCode::BAD_REQUEST, kind::DOCUMENT)
            );
        }
    }
}
