//! How the receiver prints what arrives: a heading line, the headers, then the body,
//! re-indented when it is JSON.
//!
//! JSON is re-indented token by token rather than parsed and re-serialized, so key order,
//! number spelling and string escapes show exactly as sent. Control characters (other than
//! newline and tab) are shown escaped so a body cannot drive the terminal.

use std::fmt::Write as _;

use hyper::header::ORIGIN;
use hyper::http::request::Parts;

use super::log::RecordedRequest;
use crate::terminal::{safe, shortened};

/// The text printed for a recorded request, ending with a newline.
pub fn request(entry: &RecordedRequest, body: &[u8]) -> String {
    let mut text = format!(
        "#{} {} {}  ({} bytes)\n",
        entry.id,
        entry.method,
        safe(&entry.path),
        entry.body_bytes_len
    );
    write_headers(&mut text, entry);
    if body.is_empty() {
        text.push_str("  body: empty\n");
    } else if let Some(pretty) = std::str::from_utf8(body).ok().and_then(pretty_json) {
        text.push_str("  body (JSON):\n");
        write_indented(&mut text, &pretty);
    } else if entry.body_is_utf8 {
        text.push_str("  body:\n");
        write_indented(&mut text, &entry.body);
    } else {
        text.push_str("  body (not UTF-8, shown lossily):\n");
        write_indented(&mut text, &entry.body);
    }
    text.push('\n');
    text
}

/// The text printed for a CORS preflight, ending with a newline.
pub fn preflight(entry: &RecordedRequest, granted: bool) -> String {
    let header = |name: &str| {
        entry
            .headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| safe(value))
    };
    let mut text = format!("preflight OPTIONS {}", safe(&entry.path));
    if let Some(method) = header("access-control-request-method") {
        let _ = write!(text, "  for {method}");
    }
    if let Some(headers) = header("access-control-request-headers") {
        let _ = write!(text, " with {headers}");
    }
    if let Some(origin) = header("origin") {
        let _ = write!(text, " from {origin}");
    }
    text.push_str(if granted {
        "  -> 204 granted\n\n"
    } else {
        "  -> 403 refused (--no-cors)\n\n"
    });
    text
}

/// The line printed for a page refused what was captured.
pub fn origin_refused(parts: &Parts) -> String {
    let origin = parts
        .headers
        .get(ORIGIN)
        .map(|origin| String::from_utf8_lossy(origin.as_bytes()).into_owned())
        .unwrap_or_default();
    format!(
        "refused {} {} to the page at {}: not an --allow-origin (403)\n\n",
        parts.method,
        shortened(parts.uri.path()),
        shortened(&origin)
    )
}

fn write_headers(text: &mut String, entry: &RecordedRequest) {
    for (name, value) in &entry.headers {
        let _ = writeln!(text, "    {name}: {}", safe(value));
    }
}

fn write_indented(text: &mut String, body: &str) {
    for line in safe(body).lines() {
        let _ = writeln!(text, "    {line}");
    }
}

/// `text` re-indented with two spaces per level, if it is one valid JSON value.
fn pretty_json(text: &str) -> Option<String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    let mut out = String::with_capacity(text.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                while chars.next_if(|next| is_json_whitespace(*next)).is_some() {}
                let close = if c == '{' { '}' } else { ']' };
                out.push(c);
                if chars.next_if_eq(&close).is_some() {
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if is_json_whitespace(c) => {}
            c => out.push(c),
        }
    }
    Some(out)
}

fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_reindented_keeping_key_order_and_spelling() {
        let text = r#"{"z":1.50,"a":[ ],"s":"x\"y, {z}","o":{"k":[1,2]},"e":{}}"#;
        let expected = "{\n  \"z\": 1.50,\n  \"a\": [],\n  \"s\": \"x\\\"y, {z}\",\n  \"o\": {\n    \"k\": [\n      1,\n      2\n    ]\n  },\n  \"e\": {}\n}";
        assert_eq!(pretty_json(text).as_deref(), Some(expected));
    }

    #[test]
    fn scalar_json_prints_as_is() {
        assert_eq!(pretty_json(" \"a b\" ").as_deref(), Some("\"a b\""));
    }

    #[test]
    fn invalid_json_is_not_reindented() {
        assert_eq!(pretty_json("{\"a\":1,}"), None);
        assert_eq!(pretty_json("name=value"), None);
    }
}
