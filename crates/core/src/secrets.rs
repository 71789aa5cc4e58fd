//! What counts as a secret, and how it is masked: used by the header rules, the preview,
//! share links, local storage and the embed protocol, so that they all agree.

/// Whether a header's value looks like a credential (case-insensitive name match).
pub fn is_secret_header(name: &str) -> bool {
    // Header names are short: lower-case them on the stack.
    let mut buffer = [0u8; 64];
    let owned;
    let name: &str = match buffer.get_mut(..name.len()) {
        Some(lower) => {
            lower.copy_from_slice(name.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII lower-casing keeps UTF-8 valid.
            std::str::from_utf8(lower).unwrap_or_default()
        }
        None => {
            owned = name.to_ascii_lowercase();
            &owned
        }
    };
    const EXACT: [&str; 6] = [
        "authorization",
        "proxy-authorization",
        "cookie",
        "x-api-key",
        "api-key",
        "apikey",
    ];
    const PARTS: [&str; 7] = [
        "token",
        "secret",
        "password",
        "passwd",
        "signature",
        "api-key",
        "apikey",
    ];
    EXACT.contains(&name)
        || PARTS.iter().any(|part| contains(name, part))
        || name.ends_with("-key")
        || name.ends_with("_key")
        || contains(name, "auth")
}

/// `haystack.contains(needle)` by comparing at each position: on names of a few dozen
/// bytes this beats the general substring search, whose set-up dominates there.
fn contains(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    haystack.len() >= needle.len()
        && (0..=haystack.len() - needle.len()).any(|at| haystack[at..].starts_with(needle))
}

/// Keys of the advanced form whose value is a secret.
pub const SECRET_KEYS: [&str; 1] = ["secretAccessKey"];

/// A masked rendering: an auth scheme word is kept (`Bearer ••••••••`), the rest hidden,
/// so the person sees which header it is without the preview leaking the value.
pub fn mask(value: &str) -> String {
    const DOTS: &str = "••••••••";
    const SCHEMES: [&str; 5] = ["bearer", "basic", "token", "digest", "aws4-hmac-sha256"];
    match value.split_once(' ') {
        Some((scheme, _)) if SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) => {
            let mut out = String::with_capacity(scheme.len() + 1 + DOTS.len());
            out.push_str(scheme);
            out.push(' ');
            out.push_str(DOTS);
            out
        }
        _ if value.is_empty() => String::new(),
        _ => DOTS.to_string(),
    }
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
        #[test]
        fn the_small_substring_search_is_str_contains(
            haystack in "[a-z-]{0,12}(auth|token|key)?[a-z-]{0,4}",
            needle in "(auth|token|-key|a|)",
        ) {
            proptest::prop_assert_eq!(contains(&haystack, &needle), haystack.contains(&needle));
        }
    }

    #[test]
    fn mask_keeps_the_auth_scheme_only() {
        assert_eq!(mask("Bearer eyJ0eXAi"), "Bearer ••••••••");
        assert_eq!(mask("s3cr3t"), "••••••••");
    }
}
