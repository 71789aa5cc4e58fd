//! The receiver's CORS answers: as permissive as a browser allows.
//!
//! The allowed origin, method and headers echo what the browser asked for, which works in
//! credentialed mode too, where `*` does not. `Access-Control-Max-Age: 0` stops browsers from
//! caching a preflight, so every test call shows its own preflight.

use hyper::header::{
    HeaderMap, HeaderName, HeaderValue, ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, ORIGIN, VARY,
};
use hyper::Method;

/// Chrome's Private Network Access preflight asks with this header...
const REQUEST_PRIVATE_NETWORK: HeaderName =
    HeaderName::from_static("access-control-request-private-network");
/// ...and is granted with this one.
const ALLOW_PRIVATE_NETWORK: HeaderName =
    HeaderName::from_static("access-control-allow-private-network");

/// Whether a request is a CORS preflight (not just any `OPTIONS` request).
pub fn is_preflight(method: &Method, headers: &HeaderMap) -> bool {
    method == Method::OPTIONS && headers.contains_key(ACCESS_CONTROL_REQUEST_METHOD)
}

/// Headers every response carries: the origin allowed and all response headers readable.
pub fn add_response_headers(request: &HeaderMap, response: &mut HeaderMap) {
    match request.get(ORIGIN) {
        Some(origin) => {
            response.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
            response.insert(
                ACCESS_CONTROL_ALLOW_CREDENTIALS,
                HeaderValue::from_static("true"),
            );
            response.append(VARY, HeaderValue::from_static("Origin"));
        }
        None => {
            response.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        }
    }
    response.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("*"));
}

/// Headers that grant a preflight exactly what it asked for.
pub fn add_preflight_headers(request: &HeaderMap, response: &mut HeaderMap) {
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
