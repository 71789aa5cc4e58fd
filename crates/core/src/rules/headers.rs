//! The `headers` object of the advanced form (SPEC §2.3, header rows).

use crate::ascii::starts_with_ignoring_case;
use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::repeats::Diagnostics;
use crate::secrets;
use crate::syntax::json::keys::KeyIndex;
use crate::syntax::json::{Member, Node, NodeValue};
use crate::webhook::Format;

/// Headers a page's `fetch` may not set (the Fetch standard's forbidden request headers).
/// testRTC sends them server to server; the browser test call silently goes without them.
const FORBIDDEN_IN_BROWSER: [&str; 21] = [
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// Whether a page's `fetch` may not set this header.
pub fn is_forbidden_in_browser(name: &str) -> bool {
    FORBIDDEN_IN_BROWSER
        .iter()
        .any(|forbidden| forbidden.eq_ignore_ascii_case(name))
        || starts_with_ignoring_case(name, "sec-")
        || starts_with_ignoring_case(name, "proxy-")
}

/// Whether `name` is an RFC 9110 token (the only thing a header name may be).
pub fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A media type without its parameters, lower-cased: `Application/JSON; charset=utf-8`
/// gives `application/json` (the Fetch standard's "essence").
pub fn media_type_essence(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Whether a Content-Type value names JSON (`application/json`, `...+json`).
pub fn is_json_media_type(value: &str) -> bool {
    let essence = media_type_essence(value);
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Checks the `headers` value and returns the usable headers in order.
pub fn check_headers(
    node: &Node,
    source: &str,
    format: Option<Format>,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, String)> {
    let Some(members) = node.as_object() else {
        diagnostics.push(
            Diagnostic::new(
                Rule::KeyWrongType,
                node.span,
                format!(
                    "`headers` must be an object of header names to values, not {}.",
                    node.type_name()
                ),
            )
            .with_help(r#"Write it as `"headers": {"Authorization": "Bearer …"}`."#),
        );
        return Vec::new();
    };
    let mut headers = Vec::with_capacity(members.len());
    let mut names = KeyIndex::ignoring_ascii_case();
    for (index, member) in members.iter().enumerate() {
        let name = &*member.key;
        if !is_token(name) {
            let trimmed = name.trim();
            let mut diagnostic = Diagnostic::new(
                Rule::HeaderNameInvalid,
                member.key_span,
                format!("`{name}` is not a valid header name."),
            )
            .with_help("Header names are one word of letters, digits and `-` (no spaces, colons or quotes).");
            if trimmed != name
                && is_token(trimmed)
                && member.key_span.slice(source).starts_with('"')
            {
                let mut quoted = String::new();
                crate::syntax::json::stringify::write_string(&mut quoted, trimmed);
                diagnostic =
                    diagnostic.with_fix(Fix::new("Remove the spaces", member.key_span, quoted));
            }
            diagnostics.push(diagnostic);
            continue;
        }
        // The first earlier header of the same name. Only valid names are looked up, and
        // an invalid name never equals a valid one, so the others (reported above, not
        // headers) are never found.
        let first = names
            .find_or_insert_among(name, index, |i| &members[i].key)
            .map(|i| &members[i]);
        if let Some(first) = first {
            diagnostics.push(
                Diagnostic::new(
                    Rule::HeaderDuplicate,
                    member.key_span,
                    format!(
                        "`{name}` repeats the header `{}` (header names ignore case).",
                        first.key
                    ),
                )
                .with_help("Keep one of them; which one a server sees depends on the HTTP client."),
            );
        }

        let NodeValue::String(value) = &member.value.value else {
            let mut diagnostic = Diagnostic::new(
                Rule::HeaderValueNotString,
                member.value.span,
                format!(
                    "The value of header `{name}` must be a string, not {}.",
                    member.value.type_name()
                ),
            );
            if matches!(
                member.value.value,
                NodeValue::Number(_) | NodeValue::Bool(_)
            ) {
                let text = member.value.span.slice(source);
                diagnostic = diagnostic.with_fix(Fix::new(
                    "Quote the value",
                    member.value.span,
                    format!("\"{text}\""),
                ));
            }
            diagnostics.push(diagnostic);
            continue;
        };
        check_value(member, name, value, diagnostics);
        check_meaning(member, name, value, format, diagnostics);
        headers.push((member.key.to_string(), value.to_string()));
    }
    headers
}

fn check_value(member: &Member, name: &str, value: &str, diagnostics: &mut Diagnostics) {
    // Printable ASCII and tabs (nearly every value) break none of the rules below but the
    // last: one byte scan instead of three searches.
    let printable = value.bytes().all(|b| (b' '..=b'~').contains(&b))
        || value.bytes().all(|b| matches!(b, b' '..=b'~' | b'\t'));
    if printable {
        if value.trim_ascii().is_empty() {
            diagnostics.push(empty_value(member, name));
        }
    } else if value.contains(['\r', '\n', '\0']) {
        diagnostics.push(
            Diagnostic::new(
                Rule::HeaderValueInjection,
                member.value.span,
                format!("The value of `{name}` holds a line break or NUL, which would split the HTTP header."),
            )
            .with_help("Remove the `\\r`, `\\n` or `\\u0000` from the value."),
        );
    } else if let Some(bad) = value
        .chars()
        .find(|&c| (c.is_control() && c != '\t') || u32::from(c) > 0xff)
    {
        diagnostics.push(
            Diagnostic::new(
                Rule::HeaderValueInvalidCharacter,
                member.value.span,
                format!(
                    "The value of `{name}` holds U+{:04X}, which an HTTP header cannot carry.",
                    u32::from(bad)
                ),
            )
            .with_help(
                "Header values are plain text of printable Latin-1 characters; HTTP clients \
                 (Node's, the browser's) refuse the request otherwise. Percent-encode or remove it.",
            ),
        );
    } else if value.trim().is_empty() {
        diagnostics.push(empty_value(member, name));
    }
}

fn empty_value(member: &Member, name: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::HeaderValueEmpty,
        member.value.span,
        format!("The header `{name}` is empty."),
    )
    .with_help("Give it a value, or remove the header.")
}

fn check_meaning(
    member: &Member,
    name: &str,
    value: &str,
    format: Option<Format>,
    diagnostics: &mut Diagnostics,
) {
    if is_forbidden_in_browser(name) {
        diagnostics.push(
            Diagnostic::new(
                Rule::HeaderForbiddenInBrowser,
                member.key_span,
                format!("testRTC sends `{name}`, but a browser will not let this page set it, so the test call goes without it."),
            )
            .with_help("Use the curl command to send the request exactly as testRTC would."),
        );
    }
    if name.eq_ignore_ascii_case("content-type")
        && !value.trim().is_empty()
        && !is_json_media_type(value)
    {
        diagnostics.push(
            Diagnostic::new(
                Rule::HeaderContentTypeNotJson,
                member.value.span,
                format!("`Content-Type: {value}` does not describe the body, which is JSON."),
            )
            .with_help("Use `application/json`, or remove the header: testRTC already sends `application/json`.")
            .with_fix(Fix::new("Use application/json", member.value.span, "\"application/json\"")),
        );
    }
    if format == Some(Format::CloudEvent) && starts_with_ignoring_case(name, "ce-") {
        diagnostics.push(
            Diagnostic::new(
                Rule::HeaderCloudeventManual,
                member.key_span,
                format!("`{name}` replaces the CloudEvents header testRTC writes for `\"format\": \"cloudevent\"`."),
            )
            .with_help("Remove it unless you mean to override testRTC's value."),
        );
    }
    if secrets::is_secret_header(name) {
        diagnostics.push(
            Diagnostic::new(
                Rule::HeaderCredential,
                member.key_span,
                // Most webhooks have one (an Authorization header): joined, not formatted.
                [
                    "`",
                    name,
                    "` carries a credential: anyone who can read the test configuration can read it.",
                ]
                .concat(),
            )
            .with_help("hookcheck masks it in previews and leaves it out of share links unless you opt in."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The header rules compare names ignoring ASCII case, as they did on lower-cased
        /// copies.
        #[test]
        fn header_names_match_as_their_lower_cased_copies_did(
            name in "(?i)(sec-|proxy-|ce-|content-type|cookie|host|via|te|é)?[a-zA-Z-é]{0,6}",
        ) {
            let lower = name.to_ascii_lowercase();
            let old = FORBIDDEN_IN_BROWSER.contains(&lower.as_str())
                || lower.starts_with("sec-")
                || lower.starts_with("proxy-");
            prop_assert_eq!(is_forbidden_in_browser(&name), old);
            for prefix in ["ce-", "sec-", "proxy-"] {
                prop_assert_eq!(starts_with_ignoring_case(&name, prefix), lower.starts_with(prefix));
            }
            prop_assert_eq!(name.eq_ignore_ascii_case("content-type"), lower == "content-type");
        }

        /// The value rules give the verdict of their three separate searches, whatever
        /// the value: the one-pass reading of printable ASCII changes nothing.
        #[test]
        fn header_values_are_judged_as_three_separate_searches_judged_them(
            value in "[ -~\t\r\n\u{0}\u{1}\u{b}\u{7f}\u{a0}é\u{100}✓ ]{0,12}",
        ) {
            let expected = if value.contains(['\r', '\n', '\0']) {
                Some(Rule::HeaderValueInjection)
            } else if value.chars().any(|c| (c.is_control() && c != '\t') || u32::from(c) > 0xff) {
                Some(Rule::HeaderValueInvalidCharacter)
            } else if value.trim().is_empty() {
                Some(Rule::HeaderValueEmpty)
            } else {
                None
            };
            let text = format!("{{\"X-A\": {}}}", crate::syntax::json::Json::string(value.as_str()).to_compact());
            let parsed = crate::syntax::json::parse(&text);
            let root = parsed.root.expect("an object");
            let member = &root.as_object().expect("an object")[0];
            let mut found = Diagnostics::new();
            check_value(member, "X-A", &value, &mut found);
            prop_assert_eq!(found.first().map(|d| d.rule), expected);
        }
    }
}
