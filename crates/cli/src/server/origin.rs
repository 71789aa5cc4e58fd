//! Which page asks, and which pages `receive` and `relay` let in: the `Origin` header read
//! against the origins named with `--allow-origin`, those origins parsed as browsers send
//! them, and the headers that grant an origin.

use hookcheck_core::browser::embed::normalize_origin;
use hyper::header::{
    HeaderMap, HeaderName, HeaderValue, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_REQUEST_METHOD,
    ORIGIN, VARY,
};
use hyper::Method;

/// Chrome's Private Network Access grant, so that a page served over https may call a
/// server on 127.0.0.1.
pub const ALLOW_PRIVATE_NETWORK: HeaderName =
    HeaderName::from_static("access-control-allow-private-network");

/// Grants exactly `origin` read access to this reply.
pub fn grant_origin(origin: &HeaderValue, response: &mut HeaderMap) {
    response.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    response.append(VARY, HeaderValue::from_static("Origin"));
}

/// Whether a request is a CORS preflight (not just any `OPTIONS` request).
pub fn is_preflight(method: &Method, headers: &HeaderMap) -> bool {
    method == Method::OPTIONS && headers.contains_key(ACCESS_CONTROL_REQUEST_METHOD)
}

/// The origins named with `--allow-origin` (and, for the relay, the app's): the only pages
/// let in.
#[derive(Debug, Clone, Default)]
pub struct AllowedOrigins(Vec<String>);

/// Who asks, by the request's `Origin` header.
#[derive(Debug, PartialEq, Eq)]
pub enum Asker<'a> {
    /// No `Origin` header: a tool on this machine (curl, a script) or the address bar.
    Local,
    /// A page whose origin was named.
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
