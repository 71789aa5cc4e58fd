//! The request as a curl command, quoted for POSIX shells.

use crate::render::request::Request;
use crate::secrets;

/// A curl command that sends exactly `request`. With `reveal_secrets` false, credential
/// headers, URL tokens and body credentials are masked (for display; the copy button
/// reveals them).
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
    out.push_str(" '");
    // Credentials in the URL and body (a Slack token, PagerDuty's routing_key) are
    // masked like secret headers.
    if reveal_secrets {
        push_escaped(&mut out, &request.url);
    } else {
        push_escaped(&mut out, &request.masked_url());
    }
    for header in &request.headers {
        out.push_str("' \\\n  -H '");
        push_escaped(&mut out, &header.name);
        out.push_str(": ");
        if header.secret && !reveal_secrets {
            // A mask is an auth scheme word and dots: nothing in it to escape.
            secrets::write_mask(&mut out, &header.value);
        } else {
            push_escaped(&mut out, &header.value);
        }
    }
    out.push_str("' \\\n  --data-raw '");
    if reveal_secrets {
        push_escaped(&mut out, &request.body);
    } else {
        push_escaped(&mut out, &request.masked_body());
    }
    out.push('\'');
    out
}

/// `text` as one POSIX shell word: single quotes, with each `'` written as `'\''`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    push_escaped(&mut out, text);
    out.push('\'');
    out
}

/// Appends `text` as it goes between single quotes: each `'` written as `'\''`.
fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('\'') {
        out.push_str(&rest[..at]);
        out.push_str(r"'\''");
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
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
