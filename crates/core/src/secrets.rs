//! What counts as a secret, and how it is masked: used by the header rules, the preview,
//! share links, local storage and the embed protocol, so that they all agree.

use crate::ascii::{ends_with_ignoring_case, starts_with_ignoring_case};

/// Whether a header's value looks like a credential (case-insensitive name match): the
/// name is `cookie`, ends in `-key` or `_key`, or holds `auth`, `token`, `secret`,
/// `password`, `passwd`, `signature`, `api-key` or `apikey` (which covers
/// `authorization`, `proxy-authorization` and `x-api-key`).
pub fn is_secret_header(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.eq_ignore_ascii_case(b"cookie")
        || ends_with_ignoring_case(name, "-key")
        || ends_with_ignoring_case(name, "_key")
    {
        return true;
    }
    // One pass: every word looked for starts with `a`, `p`, `s` or `t`, so only where one
    // of those stands (either case: `| 0x20` lower-cases exactly the ASCII letters' upper
    // case here) is anything compared. Every header is judged at each check and render.
    // `at` is at one of those ASCII letters, so a character boundary.
    let holds = |at: usize, word: &str| starts_with_ignoring_case(&name[at..], word);
    (0..bytes.len()).any(|at| match bytes[at] | 0x20 {
        b'a' => holds(at, "auth") || holds(at, "api-key") || holds(at, "apikey"),
        b'p' => holds(at, "password") || holds(at, "passwd"),
        b's' => holds(at, "secret") || holds(at, "signature"),
        b't' => holds(at, "token"),
        _ => false,
    })
}

/// Keys of the advanced form whose value is a secret.
pub const SECRET_KEYS: [&str; 1] = ["secretAccessKey"];

/// A masked rendering: an auth scheme word is kept (`Bearer ••••••••`), the rest hidden,
/// so the person sees which header it is without the preview leaking the value.
pub fn mask(value: &str) -> String {
    let mut out = String::new();
    write_mask(&mut out, value);
    out
}

/// Appends [`mask`]'s rendering of `value` to `out`. It holds only the scheme word, one of
/// a fixed few, a space and dots.
pub fn write_mask(out: &mut String, value: &str) {
    const SCHEMES: [&str; 5] = ["bearer", "basic", "token", "digest", "aws4-hmac-sha256"];
    // The word before the first space, found by a byte search: on a header value this
    // beats `split_once`'s character searcher.
    let scheme = value.find(' ').map(|at| &value[..at]);
    match scheme {
        Some(scheme) if SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) => {
            out.push_str(scheme);
            out.push(' ');
            out.push_str(MASK);
        }
        _ if value.is_empty() => {}
        _ => out.push_str(MASK),
    }
}

/// Query parameters that carry a credential, whatever the host (compared without case).
pub const SECRET_QUERY_NAMES: [&str; 8] = [
    "token",
    "sig",
    "key",
    "api_key",
    "apikey",
    "code",
    "secret",
    "access_token",
];

/// Top-level body keys that carry a credential (PagerDuty's `routing_key`, and the
/// generic names).
pub const SECRET_BODY_KEYS: [&str; 6] = [
    "routing_key",
    "token",
    "secret",
    "api_key",
    "apikey",
    "access_token",
];

/// What a masked part of a URL or body shows.
pub const MASK: &str = "••••••••";

/// What a removed part becomes in share links and remembered input: a word the reader
/// sees as a placeholder to fill in, which keeps the URL's shape (and its destination).
pub const PLACEHOLDER: &str = "SECRET";

/// `text` with each span replaced by `with`. Spans must be sorted; spans out of `text` or
/// overlapping an earlier one are skipped.
pub fn replace_spans<'t>(
    text: &'t str,
    spans: &[crate::span::Span],
    with: &str,
) -> std::borrow::Cow<'t, str> {
    if spans.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        if span.start < at || text.get(span.start..span.end).is_none() {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(with);
        at = span.end;
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_headers_are_secret_and_ordinary_ones_are_not() {
        for name in [
            "Authorization",
            "X-Api-Key",
            "X-Auth-Token",
            "x-webhook-secret",
            "Cookie",
        ] {
            assert!(is_secret_header(name), "{name}");
        }
        for name in ["Content-Type", "custom-webhook-header", "Accept", "ce-type"] {
            assert!(!is_secret_header(name), "{name}");
        }
    }

    proptest::proptest! {
        #[test]
        fn mask_keeps_a_scheme_word_compared_without_case(
            scheme in "(bearer|Basic|TOKEN|dIgest|aws4-hmac-sha256|bearers|É|x)?",
            rest in "( [a-z]{0,4})?",
        ) {
            let value = format!("{scheme}{rest}");
            let simple = match value.split_once(' ') {
                Some((scheme, _))
                    if matches!(
                        scheme.to_ascii_lowercase().as_str(),
                        "bearer" | "basic" | "token" | "digest" | "aws4-hmac-sha256"
                    ) => format!("{scheme} ••••••••"),
                _ if value.is_empty() => String::new(),
                _ => "••••••••".to_string(),
            };
            proptest::prop_assert_eq!(mask(&value), simple);
        }
    }

    proptest::proptest! {
        /// The one-pass test answers as the list of names and parts on a lower-cased copy.
        #[test]
        fn secret_header_names_are_judged_as_the_list_on_a_lower_cased_copy_judges_them(
            name in "(?i)(x-|proxy-)?[a-zé]{0,6}(auth|token|secret|passwd|password|signature|pass|sig|api-?key|-key|_key|cookie|authorization|é)?[a-z_-]{0,3}",
        ) {
            let lower = name.to_ascii_lowercase();
            let old = ["authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "apikey"]
                .contains(&lower.as_str())
                || ["token", "secret", "password", "passwd", "signature", "api-key", "apikey"]
                    .iter()
                    .any(|part| lower.contains(part))
                || lower.ends_with("-key")
                || lower.ends_with("_key")
                || lower.contains("auth");
            proptest::prop_assert_eq!(is_secret_header(&name), old);
        }
    }

    #[test]
    fn mask_keeps_the_auth_scheme_only() {
        assert_eq!(mask("Bearer eyJ0eXAi"), "Bearer ••••••••");
        assert_eq!(mask("s3cr3t"), "••••••••");
    }
}
