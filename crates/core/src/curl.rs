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
        let mut pieces = part.split('\'');
        if let Some(first) = pieces.next() {
            out.push_str(first);
        }
        for piece in pieces {
            out.push_str(r"'\''");
            out.push_str(piece);
        }
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_quotes_are_closed_escaped_and_reopened() {
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote("$HOME `x` \\ \"q\""), "'$HOME `x` \\ \"q\"'");
    }
}
