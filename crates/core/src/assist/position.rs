//! Where the mouse pointer is in the text: the editor knows the pointer's line and display
//! column (monospace, no wrapping), and this finds the character there, counting tabs to
//! the next multiple of [`TAB`] as the editor's `tab-size` draws them.

/// The editor's tab stops (`tab-size` in the style sheet).
pub const TAB: usize = 4;

/// The byte offset of the character drawn at 0-based `line` and display `column` of
/// `text`; `None` past the end of that line or of the text. One pass up to that character.
pub fn offset_at(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = match line {
        0 => 0,
        _ => text.match_indices('\n').nth(line - 1)?.0 + 1,
    };
    let mut drawn = 0;
    for (i, c) in text[start..].char_indices() {
        if c == '\n' {
            break;
        }
        drawn = if c == '\t' {
            drawn / TAB * TAB + TAB
        } else {
            drawn + 1
        };
        if drawn > column {
            return Some(start + i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_names_the_character_drawn_there() {
        let text = "{\n  \"url\": 1\n}";
        assert_eq!(offset_at(text, 0, 0), Some(0));
        assert_eq!(offset_at(text, 1, 3), Some(text.find("url").unwrap()));
        assert_eq!(offset_at(text, 2, 0), Some(text.len() - 1));
    }

    #[test]
    fn a_tab_covers_the_columns_up_to_the_next_stop() {
        let text = "a\tb";
        assert_eq!(offset_at(text, 0, 1), Some(1));
        assert_eq!(offset_at(text, 0, 3), Some(1));
        assert_eq!(offset_at(text, 0, 4), Some(2));
    }

    #[test]
    fn non_ascii_characters_count_one_column_each() {
        let text = "é\"ü\"";
        assert_eq!(offset_at(text, 0, 2), Some("é\"".len()));
    }

    #[test]
    fn past_the_end_of_a_line_or_the_text_is_nothing() {
        assert_eq!(offset_at("ab\ncd", 0, 2), None);
        assert_eq!(offset_at("ab\ncd", 2, 0), None);
        assert_eq!(offset_at("", 0, 0), None);
    }
}
