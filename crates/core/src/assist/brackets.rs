//! Bracket matching: the partner of the `{`, `}`, `[` or `]` next to the caret, skipping
//! brackets inside strings, and where the editor draws the pair. One pass over the text.

use crate::span::{LineIndex, Position};

/// Where the bracket touching byte `at` and its partner are (1-based lines, columns in
/// characters: where the editor's monospace, never-wrapping text draws them), the one at
/// the caret first; `None` as for [`matching_bracket`].
pub fn bracket_pair(text: &str, at: usize) -> Option<[Position; 2]> {
    let (at_caret, partner) = matching_bracket(text, at)?;
    let index = LineIndex::new(text);
    Some([index.position(at_caret), index.position(partner)])
}

/// The byte offsets of the bracket touching `at` (the one just before the caret first, as
/// editors do, else the one just after) and of its partner; `None` when there is no bracket
/// there, it is inside a string, or it has no partner.
pub fn matching_bracket(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let is_bracket = |i: usize| matches!(bytes.get(i), Some(b'{' | b'}' | b'[' | b']'));
    let candidates = [at.checked_sub(1), Some(at)];
    // Pairs of (open, close) offsets, found with one stack over the whole text.
    let mut stack: Vec<usize> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut pair_of = [None, None];
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => stack.push(i),
            b'}' | b']' => {
                if let Some(open) = stack.pop() {
                    let fits = (bytes[open] == b'{') == (b == b'}');
                    for (slot, candidate) in pair_of.iter_mut().zip(candidates) {
                        if fits && (candidate == Some(open) || candidate == Some(i)) {
                            *slot = Some((open, i));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let [before, after] = pair_of;
    let pick = |pair: Option<(usize, usize)>, candidate: Option<usize>| {
        let (open, close) = pair?;
        let candidate = candidate.filter(|&c| is_bracket(c))?;
        Some(if candidate == open {
            (open, close)
        } else {
            (close, open)
        })
    };
    pick(before, candidates[0]).or_else(|| pick(after, candidates[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(marked: &str) -> Option<(usize, usize)> {
        let at = marked.find('|').unwrap();
        matching_bracket(&marked.replacen('|', "", 1), at)
    }

    #[test]
    fn a_bracket_before_the_caret_finds_its_partner() {
        assert_eq!(at(r#"{"a": [1, 2]|}"#), Some((11, 6)));
        assert_eq!(at(r#"{|"a": 1}"#), Some((0, 7)));
    }

    #[test]
    fn a_bracket_after_the_caret_counts_when_none_is_before() {
        assert_eq!(at(r#"{"a": |{}}"#), Some((6, 7)));
    }

    #[test]
    fn brackets_in_strings_are_text() {
        assert_eq!(at(r#"{"a": "}|"}"#), None);
        assert_eq!(at(r#"{|"a": "}\"]"}"#), Some((0, 12)));
    }

    #[test]
    fn unmatched_or_mismatched_brackets_have_no_partner() {
        assert_eq!(at("{|"), None);
        assert_eq!(at("[}|"), None);
        assert_eq!(at("ab|c"), None);
    }

    #[test]
    fn the_pair_is_placed_by_line_and_column_in_characters() {
        let at = |line, column| Position { line, column };
        let text = "{\n  \"é\": [1]\n}";
        let caret = text.find(']').unwrap() + 1;
        assert_eq!(bracket_pair(text, caret), Some([at(2, 10), at(2, 8)]));
        assert_eq!(bracket_pair(text, 0), Some([at(1, 1), at(3, 1)]));
        assert_eq!(bracket_pair(text, 3), None);
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in ["", "}", "\"", "{\"\\", "]]]{{{", "é{}"] {
            for at in 0..=text.len() + 1 {
                matching_bracket(text, at);
                bracket_pair(text, at);
            }
        }
    }
}
