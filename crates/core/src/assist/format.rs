//! The "Format" action: the advanced form pretty-printed as `JSON.stringify(value, null, 2)`
//! writes it, after the JSON fixes (comments and trailing commas removed, quotes made
//! double) when any apply.

use crate::syntax::json::{self, NodeValue};

/// The formatted text of an advanced-form object, or `None` when formatting would change
/// what the text means: it is not a JSON object, or it has a JSON problem with no one-click
/// fix (a missing value, a repeated key, which `JSON.parse` would resolve by dropping one).
pub fn formatted(text: &str) -> Option<String> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    // The parser reads past each fixable problem the way its fix does.
    let parsed = json::parse(text);
    if parsed.diagnostics.iter().any(|d| d.fix.is_none()) {
        return None;
    }
    let root = parsed.root?;
    if !matches!(root.value, NodeValue::Object(_)) {
        return None;
    }
    Some(root.into_json().to_pretty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_line_config_is_indented() {
        assert_eq!(
            formatted(r#"{"url":"https://e.com/h","headers":{"a":"b"}}"#).unwrap(),
            "{\n  \"url\": \"https://e.com/h\",\n  \"headers\": {\n    \"a\": \"b\"\n  }\n}"
        );
    }

    #[test]
    fn the_json_fixes_apply_first() {
        let text = "{\n // where\n 'url': \"https://e.com/h\",\n}";
        assert_eq!(
            formatted(text).unwrap(),
            "{\n  \"url\": \"https://e.com/h\"\n}"
        );
    }

    #[test]
    fn the_broken_example_formats_to_a_valid_config() {
        let broken = crate::browser::examples::EXAMPLES.last().unwrap().text;
        assert!(crate::check(&formatted(broken).unwrap(), None).is_valid());
    }

    #[test]
    fn what_formatting_would_change_is_left_alone() {
        assert_eq!(formatted(r#"{"url": }"#), None);
        assert_eq!(formatted(r#"{"a": 1, "a": 2}"#), None);
        assert_eq!(formatted("https://e.com/h"), None);
        assert_eq!(formatted("#webhook:{}"), None);
    }
}
