//! The request as a curl command, quoted for POSIX shells.

use crate::request::Request;
use crate::secrets;

/// A curl command that sends exactly `request`. With `reveal_secrets` false, credential
/// headers are masked (for display; the copy button reveals them).
pub fn to_curl(request: &Request, reveal_secrets: bool) -> String {
    let mut lines = vec![format!(
        "curl -X {} {}",
        request.method,
        quote(&request.url)
    )];
    for header in &request.headers {
        let value = if header.secret && !reveal_secrets {
            secrets::mask(&header.value)
        } else {
            header.value.clone()
        };
        lines.push(format!(
            "-H {}",
            quote(&format!("{}: {}", header.name, value))
        ));
    }
    lines.push(format!("--data-raw {}", quote(&request.body)));
    lines.join(" \\\n  ")
}

/// `text` as one POSIX shell word: single quotes, with each `'` written as `'\''`.
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
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
