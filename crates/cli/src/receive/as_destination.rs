//! `hookcheck receive --as ID`: answer as that destination does (status, headers, body),
//! for an accepted payload and for each documented rejection, so that a test call can see
//! Slack's `400 no_text` or PagerDuty's `202` without sending anything to the vendor.
//!
//! The judgement is core's (`destination::reply::answer`), the same rules the checker uses.

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use hyper::{Response, StatusCode};

use hookcheck_core::destination::reply::{answer, AS_HEADER};
use hookcheck_core::destination::DestinationId;

/// The ids `--as` takes.
pub fn ids() -> Vec<&'static str> {
    DestinationId::all().map(DestinationId::id).collect()
}

/// The reply `destination` gives to a request with these headers and body.
pub fn reply(
    destination: DestinationId,
    headers: &HeaderMap,
    body: &[u8],
) -> Response<Full<Bytes>> {
    let pairs: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_string(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let answer = answer(destination, &pairs, body);
    let mut reply = Response::new(Full::new(Bytes::from(answer.body)));
    *reply.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    // Says whom it answers as: the app explains the reply in that destination's terms.
    reply.headers_mut().insert(
        HeaderName::from_static(AS_HEADER),
        HeaderValue::from_static(destination.id()),
    );
    if let Some(content_type) = answer.content_type {
        reply
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    reply
}
