//! The request as a curl command, quoted for POSIX shells.

use crate::request::Request;
use crate::secrets;

/// A curl command that sends exactly `request`. With `reveal_secrets` false, credential
/// headers are masked (for display; the copy button reveals them).
pub fn to_curl(request: &Request, reveal_secrets: bool) -> String {
    // Written straight into one string: the same text as joining the lines
    // `curl -X METHOD 'URL'`, `-H 'Name: value'`, `--data-raw 'BODY'` with " \\\n  ".
    let mut out = String::with_capacity(request.body.len() + request.url.len() + 64);
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
        // A byte scan: `'` is ASCII, so every match is a character boundary (and the
        // generic `split` costs more than the copying on these short parts).
        let mut copied = 0;
        for (at, _) in part.bytes().enumerate().filter(|&(_, b)| b == b'\'') {
            out.push_str(&part[copied..at]);
            out.push_str(r"'\''");
            copied = at + 1;
        }
        out.push_str(&part[copied..]);
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
