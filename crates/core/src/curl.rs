//! The request as a curl command, quoted for POSIX shells.

use crate::request::Request;
use crate::secrets;

/// A curl command that sends exactly `request`. With `reveal_secrets` false, credential
/// headers are masked (for display; the copy button reveals them).
pub fn to_curl(request: &Request, reveal_secrets: bool) -> String {
    // Written straight into one string: the same text as joining the lines
    // `curl -X METHOD 'URL'`, `-H 'Name: value'`, `--data-raw 'BODY'` with " \\\n  ".
    // Sized for the usual case (no `'` to escape), so a large body is not copied twice.
    let headers: usize = (request.headers.iter())
        .map(|h| h.name.len() + h.value.len() + 12)
        .sum();
    let mut out = String::with_capacity(request.body.len() + request.url.len() + headers + 64);
    out.push_str("curl -X ");
    out.push_str(&request.method);
    out.push(' ');
    push_quoted(&mut out, &[&request.url]);
    for header in &request.headers {
        out.push_str(" \\\n  -H ");
        if header.secret && !reveal_secrets {
            let masked = secrets::mask(&header.value);
            push_quoted(&mut out, &[&header.name, ": ", &masked]);
        } else {
            push_quoted(&mut out, &[&header.name, ": ", &header.value]);
        }
    }
    out.push_str(" \\\n  --data-raw ");
    push_quoted(&mut out, &[&request.body]);
    out
}

/// `text` as one POSIX shell word: single quotes, with each `'` written as `'\''`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, &[text]);
    out
}

/// Appends the concatenation of `parts` quoted as [`quote`] quotes it.
fn push_quoted(out: &mut String, parts: &[&str]) {
    out.push('\'');
    for part in parts {
        // `find` of one ASCII character is a fast byte search; `split` costs more than
        // the copying on short parts.
        let mut rest: &str = part;
        while let Some(at) = rest.find('\'') {
            out.push_str(&rest[..at]);
            out.push_str(r"'\''");
            rest = &rest[at + 1..];
        }
        out.push_str(rest);
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn quoting_is_splitting_at_quotes_and_joining_with_escaped_ones(text in "['a-zé✓ ]{0,12}") {
            let simple = format!("'{}'", text.split('\'').collect::<Vec<_>>().join(r"'\''"));
            proptest::prop_assert_eq!(quote(&text), simple);
        }
    }

    #[test]
    fn single_quotes_are_closed_escaped_and_reopened() {
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote("$HOME `x` \\ \"q\""), "'$HOME `x` \\ \"q\"'");
    }
}
