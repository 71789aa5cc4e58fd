//! Text from elsewhere (a request, a reply, a stranger's header) made safe to print: control
//! characters other than newline and tab are shown escaped, so what was sent cannot drive the
//! terminal.

/// `text` with control characters other than newline and tab escaped (`\u{1b}`).
pub fn safe(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            safe.extend(c.escape_default());
        } else {
            safe.push(c);
        }
    }
    safe
}

/// At most 100 characters of `text`, made [`safe`]: for log lines that echo what a stranger
/// sent.
pub fn shortened(text: &str) -> String {
    const SHOWN: usize = 100;
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}...", safe(&text[..cut])),
        None => safe(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_but_line_separators_kept() {
        assert_eq!(
            safe("a\u{1b}[2Jb\tc\nd\u{2028}"),
            "a\\u{1b}[2Jb\tc\nd\u{2028}"
        );
    }

    #[test]
    fn shortened_text_keeps_a_hundred_characters_and_says_it_was_cut() {
        let long = "é".repeat(150);
        assert_eq!(shortened(&long), format!("{}...", "é".repeat(100)));
        assert_eq!(shortened("short\u{7}"), "short\\u{7}");
    }
}
