//! Byte scans that read eight bytes as one word and test them all at once: the JSON
//! writer's and lexer's run of plain string bytes (`json::stringify::plain_run`), the
//! parser's line and column counting, and the template scanner's two-byte search.

/// A one in the low bit of every byte of a word.
const LOW: u64 = 0x0101_0101_0101_0101;
/// A one in the high bit of every byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `at` as one word, the first byte lowest
/// (little-endian); `None` when fewer than eight bytes are left.
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Whether any byte of `word` is below `n` (`n` at most 128).
pub(crate) fn has_byte_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(LOW * u64::from(n)) & !word & HIGH != 0
}

/// Whether any byte of `word` equals `b`: the bytes equal to `b` are zero after the
/// exclusive or, and the test is whether any byte is below 1.
pub(crate) fn has_byte(word: u64, b: u8) -> bool {
    has_byte_below(word ^ (LOW * u64::from(b)), 1)
}

/// How many bytes of `word` are UTF-8 continuation bytes (`0b10xxxxxx`).
pub(crate) fn continuation_bytes(word: u64) -> u32 {
    (word & !(word << 1) & HIGH).count_ones()
}
