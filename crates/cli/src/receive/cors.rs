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

use hookcheck_core::browser::embed::normalize_origin;
use hyper::header::{
    HeaderMap, HeaderName, HeaderValue, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE,
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, ORIGIN, VARY,
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

/// Grants exactly `origin` read access to this reply.
pub fn grant_origin(origin: &HeaderValue, response: &mut HeaderMap) {
    response.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    response.append(VARY, HeaderValue::from_static("Origin"));
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

/// The origins `--allow-origin` named: the only pages that may read what was captured.
#[derive(Debug, Clone, Default)]
pub struct AllowedOrigins(Vec<String>);

/// Who asks for what the receiver captured.
#[derive(Debug, PartialEq, Eq)]
pub enum Asker<'a> {
    /// No `Origin` header: a tool on this machine (curl, a script) or the address bar.
    Local,
    /// A page whose origin `--allow-origin` named.
    Allowed(&'a HeaderValue),
    /// Any other page.
    Refused,
}

impl AllowedOrigins {
    pub fn new(origins: Vec<String>) -> Self {
        Self(origins)
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// Classifies a request by its `Origin` header.
    pub fn asker<'a>(&self, request: &'a HeaderMap) -> Asker<'a> {
        let mut origins = request.get_all(ORIGIN).iter();
        let (Some(origin), None) = (origins.next(), origins.next()) else {
            return if request.contains_key(ORIGIN) {
                Asker::Refused
            } else {
                Asker::Local
            };
        };
        let allowed = origin.to_str().is_ok_and(|origin| {
            self.0
                .iter()
                .any(|allowed| allowed.eq_ignore_ascii_case(origin))
        });
        if allowed {
            Asker::Allowed(origin)
        } else {
            Asker::Refused
        }
    }
}

/// Parses an `--allow-origin` value: `http` or `https`, a host and an optional port, as core
/// reads the embed widget's allowed origins; returned the way browsers send it (lowercase, no
/// default port, no final `/`).
pub fn parse_origin(text: &str) -> Result<String, String> {
    match text {
        "*" => Err("* would grant every page; name each origin instead".into()),
        "null" => Err(
            "null is the origin of every sandboxed frame and file: page, so granting it would \
             grant them all"
                .into(),
        ),
        _ => normalize_origin(text).ok_or_else(|| {
            "an origin is a scheme, a host and an optional port, such as \
             http://localhost:8080 (no path)"
                .into()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_of_the_usual_shapes_are_accepted_lowercased() {
        for (given, kept) in [
            ("http://localhost:8080", "http://localhost:8080"),
            ("http://localhost:8080/", "http://localhost:8080"),
            ("https://Docs.Example.COM:443", "https://docs.example.com"),
            ("http://127.0.0.1:3000", "http://127.0.0.1:3000"),
            ("http://[::1]:5173", "http://[::1]:5173"),
        ] {
            assert_eq!(parse_origin(given).as_deref(), Ok(kept), "{given}");
        }
    }

    #[test]
    fn wildcards_null_paths_and_other_schemes_are_refused() {
        for given in [
            "*",
            "null",
            "localhost:8080",
            "http://localhost:8080/app",
            "http://user@localhost",
            "ftp://example.com",
            "http://",
            "http://host:",
            "http://host:123456",
            "http://[::1",
        ] {
            assert!(parse_origin(given).is_err(), "{given}");
        }
    }

    #[test]
    fn only_a_named_origin_is_allowed_and_a_missing_one_is_local() {
        let allowed = AllowedOrigins::new(vec!["http://localhost:8080".into()]);
        let mut request = HeaderMap::new();
        assert_eq!(allowed.asker(&request), Asker::Local);
        let page = HeaderValue::from_static("http://localhost:8080");
        request.insert(ORIGIN, page.clone());
        assert_eq!(allowed.asker(&request), Asker::Allowed(&page));
        request.insert(ORIGIN, HeaderValue::from_static("https://evil.example"));
        assert_eq!(allowed.asker(&request), Asker::Refused);
        request.insert(ORIGIN, HeaderValue::from_static("null"));
        assert_eq!(allowed.asker(&request), Asker::Refused);
    }

    #[test]
    fn two_origin_headers_are_refused_even_if_one_is_allowed() {
        let allowed = AllowedOrigins::new(vec!["http://localhost:8080".into()]);
        let mut request = HeaderMap::new();
        request.append(ORIGIN, HeaderValue::from_static("http://localhost:8080"));
        request.append(ORIGIN, HeaderValue::from_static("https://evil.example"));
        assert_eq!(allowed.asker(&request), Asker::Refused);
    }
}
