//! What a reply means, as `send` and `relay` print it. The
//! judgement is core's ([`verdict_of_reply`]): the words the app's send panel shows for the
//! same reply. This module only adds the status's standard reason phrase
//! ([`crate::net::reason`]), which core leaves to whoever read the reply.

use hookcheck_core::catalog::DestinationId;
use hookcheck_core::destination::reply::{verdict_of_reply, ReplyVerdict};

use crate::net::{reason, Received};

/// What `received`, the reply to a request whose URL names `named`, means.
pub fn reply(named: Option<DestinationId>, received: &Received) -> ReplyVerdict {
    let body = String::from_utf8_lossy(&received.body);
    verdict_of_reply(
        named,
        &received.headers,
        received.status,
        reason(received.status),
        &body,
    )
}

/// "404 Not Found", or the bare number for a status without a standard reason.
pub fn status_line(status: u16) -> String {
    format!("{status} {}", reason(status))
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_reply_is_judged_by_core_with_the_standard_reason_phrase() {
        let received = Received {
            status: 404,
            headers: Vec::new(),
            body: Vec::new(),
            truncated: false,
            elapsed: Duration::ZERO,
        };
        assert_eq!(
            reply(None, &received).sentence,
            "The server refused the request (404 Not Found)."
        );
    }

    #[test]
    fn a_status_without_a_standard_reason_is_its_number() {
        assert_eq!(status_line(201), "201 Created");
        assert_eq!(status_line(599), "599");
    }
}
