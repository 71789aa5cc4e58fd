//! Byte spans into the input, and every translation of a byte offset: to 1-based line and
//! column numbers (columns counted in Unicode scalar values, as editors and the spec count
//! them), and to and from the UTF-16 code units a browser's textarea counts in. The app's
//! editor, its bracket marks and the CLI all convert here, so they cannot disagree.

use serde::Serialize;

/// A half-open byte range `start..end` into the checked text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `at`, for "something is missing here".
    pub const fn point(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// This span moved `by` bytes to the right: a span found in a slice of the
    /// input, expressed in the input's own offsets.
    pub const fn shifted(self, by: usize) -> Self {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Self {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text this span covers, or `""` when it does not fit `text` (never panics).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line starts of a text, for turning byte offsets into [`Position`]s in O(log n).
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Each multi-byte character's offset, with the extra bytes (beyond one per character)
    /// of all characters up to and including it: a column is then a subtraction, not a
    /// count of the line's characters, so a long line with many diagnostics stays linear.
    wide: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut extra = 0;
        let wide = text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(i, c)| {
                extra += c.len_utf8() - 1;
                (i, extra)
            })
            .collect();
        LineIndex {
            text,
            line_starts,
            wide,
        }
    }

    /// The extra bytes of the multi-byte characters that start before `offset`.
    fn extra_before(&self, offset: usize) -> usize {
        match self.wide.partition_point(|&(at, _)| at < offset) {
            0 => 0,
            n => self.wide[n - 1].1,
        }
    }

    /// The position of byte `offset`. An offset past the end, or inside a
    /// multi-byte character, is clamped to the nearest character boundary before it.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = offset - start - (self.extra_before(offset) - self.extra_before(start)) + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The byte offset of a 1-based line and column, clamped into the text.
    pub fn offset(&self, position: Position) -> usize {
        let Span { start, end } = self.line(position.line);
        self.text[start..end]
            .char_indices()
            .nth(position.column.saturating_sub(1))
            .map_or(end, |(i, _)| start + i)
    }

    /// The bytes of 1-based `line`, without its `\n`; a line past either end is clamped to
    /// the first or last line.
    pub fn line(&self, line: usize) -> Span {
        let line = line.clamp(1, self.line_starts.len()) - 1;
        let start = self.line_starts[line];
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        Span { start, end }
    }
}

/// The UTF-16 code units of `text` before byte `offset` (a textarea's selection index). An
/// offset past the end, or inside a multi-byte character, is clamped to the character
/// boundary before it.
pub fn utf16_offset(text: &str, offset: usize) -> usize {
    text[..floor_char_boundary(text, offset)]
        .chars()
        .map(char::len_utf16)
        .sum()
}

/// The byte offset of UTF-16 index `units` of `text`: the inverse of [`utf16_offset`]. An
/// index inside a surrogate pair names the character's end; one past the end, the text's end.
pub fn byte_offset(text: &str, units: usize) -> usize {
    let mut seen = 0;
    text.char_indices()
        .find(|&(_, c)| {
            let before = seen;
            seen += c.len_utf16();
            before >= units
        })
        .map_or(text.len(), |(i, _)| i)
}

/// The largest character boundary of `text` at or before `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let index = LineIndex::new("é€x\n😀y");
        assert_eq!(index.position(5), Position { line: 1, column: 3 });
        assert_eq!(index.position(7), Position { line: 2, column: 1 });
        assert_eq!(index.position(11), Position { line: 2, column: 2 });
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let index = LineIndex::new("aé");
        assert_eq!(index.position(2), Position { line: 1, column: 2 });
        assert_eq!(index.position(99), Position { line: 1, column: 3 });
    }

    #[test]
    fn a_line_is_its_bytes_without_the_newline() {
        let index = LineIndex::new("ab\ncdé\n\nz");
        assert_eq!(index.line(1), Span::new(0, 2));
        assert_eq!(index.line(2), Span::new(3, 7));
        assert_eq!(index.line(3), Span::new(8, 8));
        assert_eq!(index.line(4), Span::new(9, 10));
    }

    #[test]
    fn lines_past_either_end_are_the_first_or_the_last() {
        let index = LineIndex::new("ab\ncd");
        assert_eq!(index.line(0), Span::new(0, 2));
        assert_eq!(index.line(9), Span::new(3, 5));
    }

    #[test]
    fn utf16_counts_two_units_for_a_character_beyond_the_basic_plane() {
        let text = "aé😀b";
        assert_eq!(utf16_offset(text, 0), 0);
        assert_eq!(utf16_offset(text, 1), 1);
        assert_eq!(utf16_offset(text, 3), 2);
        assert_eq!(utf16_offset(text, 7), 4);
        assert_eq!(utf16_offset(text, text.len()), 5);
    }

    #[test]
    fn utf16_offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "a😀";
        assert_eq!(utf16_offset(text, 2), 1);
        assert_eq!(utf16_offset(text, 99), 3);
    }

    #[test]
    fn byte_offset_is_the_inverse_of_utf16_offset() {
        let text = "aé😀b\n€";
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(byte_offset(text, utf16_offset(text, i)), i);
        }
    }

    #[test]
    fn a_utf16_index_inside_a_pair_or_past_the_end_names_a_character_end() {
        let text = "a😀b";
        assert_eq!(byte_offset(text, 2), 5);
        assert_eq!(byte_offset(text, 99), text.len());
    }

    #[test]
    fn offset_is_the_inverse_of_position() {
        let text = "ab\ncdé\n\nz";
        let index = LineIndex::new(text);
        for (i, _) in text.char_indices() {
            assert_eq!(index.offset(index.position(i)), i);
        }
    }
}
