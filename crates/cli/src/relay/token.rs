//! The relay's pairing token: 128 random bits unless `--token` names one, carried as
//! `Authorization: Bearer TOKEN` on every call and compared in constant time.

use hookcheck_core::browser::relay;
use hyper::header::{HeaderMap, AUTHORIZATION};
use subtle::ConstantTimeEq;

/// A new random token: 16 bytes from the operating system, as 32 hex digits.
pub fn random() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("no random token: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Parses a `--token` value: core's rule, the one the app's pairing link is read by.
pub fn parse(text: &str) -> Result<String, String> {
    if relay::is_token(text) {
        Ok(text.to_owned())
    } else {
        Err(relay::TOKEN_RULE.to_owned())
    }
}

/// Whether the request carries exactly one `Authorization: Bearer <token>` with this token.
pub fn is_presented(headers: &HeaderMap, token: &str) -> bool {
    let mut values = headers.get_all(AUTHORIZATION).iter();
    let (Some(value), None) = (values.next(), values.next()) else {
        return false;
    };
    let value = value.as_bytes();
    let Some((scheme, presented)) = value
        .iter()
        .position(|&b| b == b' ')
        .map(|space| (&value[..space], &value[space + 1..]))
    else {
        return false;
    };
    // The comparison takes as long whatever the bytes; only the length may tell early.
    let matches: bool = presented.ct_eq(token.as_bytes()).into();
    scheme.eq_ignore_ascii_case(b"Bearer") & matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    const TOKEN: &str = "0123456789abcdef0123456789abcdef";

    fn with(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn random_tokens_are_32_hex_digits_and_differ() {
        let (a, b) = (random().unwrap(), random().unwrap());
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn only_the_bearer_token_itself_is_accepted() {
        assert!(is_presented(&with(&[&format!("Bearer {TOKEN}")]), TOKEN));
        assert!(is_presented(&with(&[&format!("bearer {TOKEN}")]), TOKEN));
        for wrong in [
            vec![],
            vec![TOKEN.to_owned()],
            vec![format!("Basic {TOKEN}")],
            vec![format!("Bearer {TOKEN}x")],
            vec![format!("Bearer {}", &TOKEN[1..])],
            vec![format!("Bearer  {TOKEN}")],
            vec!["Bearer ".to_owned()],
            vec![format!("Bearer {TOKEN}"), format!("Bearer {TOKEN}")],
        ] {
            let values: Vec<&str> = wrong.iter().map(String::as_str).collect();
            assert!(!is_presented(&with(&values), TOKEN), "{wrong:?}");
        }
    }

    #[test]
    fn a_short_or_unsafe_token_is_refused() {
        assert_eq!(parse(TOKEN).as_deref(), Ok(TOKEN));
        for bad in [
            "short",
            "0123456789abcdef 12",
            "0123456789abcdef#1",
            "0123456789abcdéf",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
