//! The receiver's CORS rules: the webhook paths answer any page, what was captured none.
//!
//! The webhook paths are what the app's Send button calls, from wherever the app is served, so
//! their replies grant the asking origin (echoed) and their preflights grant what they ask. That
//! is safe because those replies say nothing about earlier requests.
//!
//! What the receiver captured (`/_requests`, `/_preflights`) is granted to no origin but those
//! named with `--allow-origin`; a request carrying any other `Origin` is refused outright.
//!
//! No reply grants credentials: the app's test call omits them, and a grant would let a page
//! send this machine's cookies along. `Access-Control-Max-Age: 0` stops browsers from caching a
//! preflight, so every test call shows its own preflight.

use hyper::header::{
    HeaderMap, HeaderName, HeaderValue, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE,
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, ORIGIN,
};

use crate::server::origin::{grant_origin, ALLOW_PRIVATE_NETWORK};

/// Chrome's Private Network Access preflight asks with this header (and is granted with
/// [`ALLOW_PRIVATE_NETWORK`]).
const REQUEST_PRIVATE_NETWORK: HeaderName =
    HeaderName::from_static("access-control-request-private-network");

/// Grants the asking origin (any) read access to a webhook path's reply and all its headers.
pub fn grant_any_origin(request: &HeaderMap, response: &mut HeaderMap) {
    match request.get(ORIGIN) {
        Some(origin) => grant_origin(origin, response),
        None => {
            response.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        }
    }
    response.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("*"));
}

/// Headers that grant a preflight exactly what it asked for (the origin is granted apart).
pub fn grant_preflight(request: &HeaderMap, response: &mut HeaderMap) {
    let methods = request
        .get(ACCESS_CONTROL_REQUEST_METHOD)
        .cloned()
        .unwrap_or_else(|| {
            HeaderValue::from_static("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
        });
    response.insert(ACCESS_CONTROL_ALLOW_METHODS, methods);
    if let Some(headers) = request.get(ACCESS_CONTROL_REQUEST_HEADERS) {
        response.insert(ACCESS_CONTROL_ALLOW_HEADERS, headers.clone());
    }
    response.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("0"));
    if request.contains_key(REQUEST_PRIVATE_NETWORK) {
        response.insert(ALLOW_PRIVATE_NETWORK, HeaderValue::from_static("true"));
    }
}
