//! Byte scans that read eight bytes as one word and test them all at once: the JSON
//! writer's and lexer's run of plain string bytes (`json::stringify::plain_run`), the
//! parser's line and column counting, the search for one byte (the template scanner's
//! `<%` and `%>`, the curl command's `'`, the URL's `@`) or any of a few (the URL's
//! delimiters), and the URL and header rules' test for printable ASCII.

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

/// The bytes of `word` below `n` (`n` at most 128), each as its high bit. The lowest flag
/// is exact: a byte is flagged wrongly only by a borrow, and borrows run upward from a
/// byte that is below `n`. So [`first_flagged`] finds the first such byte; a higher flag
/// may be false.
pub(crate) fn bytes_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(LOW * u64::from(n)) & !word & HIGH
}

/// The bytes of `word` equal to `b`, as [`bytes_below`] flags them: the bytes equal to
/// `b` are zero after the exclusive or, and zero is below 1.
pub(crate) fn bytes_equal(word: u64, b: u8) -> u64 {
    bytes_below(word ^ (LOW * u64::from(b)), 1)
}

/// Whether any byte of `word` is below `n` (`n` at most 128).
pub(crate) fn has_byte_below(word: u64, n: u8) -> bool {
    bytes_below(word, n) != 0
}

/// Whether any byte of `word` equals `b`.
pub(crate) fn has_byte(word: u64, b: u8) -> bool {
    bytes_equal(word, b) != 0
}

/// The first position in `bytes` whose byte `flags` marks, eight bytes at a time.
/// `flags(word)` marks bytes as [`bytes_below`] does (the lowest mark exact). The bytes
/// after the last whole word are read as the last eight bytes, overlapping bytes already
/// read (which hold no mark), so only a text shorter than a word is read byte by byte.
pub(crate) fn find_flagged(
    bytes: &[u8],
    flags: impl Fn(u64) -> u64,
    is_flagged: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        let marks = flags(word);
        if marks != 0 {
            return Some(at + first_flagged(marks));
        }
        at += 8;
    }
    if at == bytes.len() {
        return None;
    }
    match bytes
        .len()
        .checked_sub(8)
        .and_then(|last| Some((last, word_at(bytes, last)?)))
    {
        Some((last, word)) => {
            // The low `at - last` bytes were read already.
            let seen = at - last;
            let marks = flags(word) >> (8 * seen);
            (marks != 0).then(|| at + first_flagged(marks))
        }
        None => bytes.iter().position(|&b| is_flagged(b)),
    }
}

/// The index of the lowest marked byte of a nonzero mark word.
fn first_flagged(marks: u64) -> usize {
    (marks.trailing_zeros() / 8) as usize
}

/// How many bytes of `word` are UTF-8 continuation bytes (`0b10xxxxxx`).
pub(crate) fn continuation_bytes(word: u64) -> u32 {
    (word & !(word << 1) & HIGH).count_ones()
}

/// The first position of `b` in `bytes`, looked for eight bytes at a time: the strings
/// searched are mostly a few dozen bytes, where the set-up of a general byte search costs
/// more than this.
pub(crate) fn find_byte(bytes: &[u8], b: u8) -> Option<usize> {
    find_flagged(bytes, |word| bytes_equal(word, b), |x| x == b)
}

/// The first position in `bytes` of any byte of `set`, eight bytes at a time (the URL's
/// delimiters). The lowest of the marks of several bytes is exact too: a mark that one
/// byte's test sets wrongly lies above a byte that test marks rightly.
pub(crate) fn find_any(bytes: &[u8], set: &[u8]) -> Option<usize> {
    find_flagged(
        bytes,
        |word| (set.iter()).fold(0, |marks, &b| marks | bytes_equal(word, b)),
        |x| set.contains(&x),
    )
}

/// Whether every byte of `bytes` lies in `lo..=hi`, an ASCII range (`hi` below 128).
pub(crate) fn all_between(bytes: &[u8], lo: u8, hi: u8) -> bool {
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        // With no high bit set, `0x7f - byte` cannot borrow: a byte above `hi` is one
        // whose difference is below `0x7f - hi`.
        if word & HIGH != 0
            || has_byte_below(word, lo)
            || has_byte_below((LOW * 0x7f) - word, 0x7f - hi)
        {
            return false;
        }
        at += 8;
    }
    bytes[at..].iter().all(|b| (lo..=hi).contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The mark words find the first byte a byte-by-byte test finds, wherever it lies:
        /// in a whole word, in the overlapping last word, or in a text shorter than a word.
        #[test]
        fn find_flagged_finds_the_first_byte_a_byte_by_byte_test_finds(
            bytes in prop::collection::vec(prop::sample::select(vec![0u8, 0x1f, b' ', b'"', b'\\', b'a', 0x80, 0xff]), 0..30),
        ) {
            for from in 0..=bytes.len() {
                let bytes = &bytes[from..];
                let stop = |b: u8| b < 0x20 || b == b'"';
                let expected = bytes.iter().position(|&b| stop(b));
                let found = find_flagged(
                    bytes,
                    |word| bytes_below(word, 0x20) | bytes_equal(word, b'"'),
                    stop,
                );
                prop_assert_eq!(found, expected);
            }
        }

        #[test]
        fn find_byte_finds_what_a_byte_by_byte_search_finds(text in "[a-z'<é]{0,40}") {
            let bytes = text.as_bytes();
            for b in [b'\'', b'<', 0xc3] {
                for from in 0..=bytes.len() {
                    let expected = bytes[from..].iter().position(|&x| x == b);
                    prop_assert_eq!(find_byte(&bytes[from..], b), expected);
                }
            }
        }

        /// Any of several bytes, as the URL's delimiters are searched for: the first one a
        /// byte loop finds, among bytes next to them (`.` and `0` are one bit from `/`).
        #[test]
        fn find_any_finds_what_a_byte_by_byte_search_for_any_finds(
            text in "[/?#\\\\@.0a-zé]{0,40}",
        ) {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let bytes = &bytes[from..];
                let expected = bytes.iter().position(|b| b"/?#\\".contains(b));
                prop_assert_eq!(find_any(bytes, b"/?#\\"), expected);
                let expected = bytes.iter().position(|b| b"?#".contains(b));
                prop_assert_eq!(find_any(bytes, b"?#"), expected);
            }
        }

        /// The word-at-a-time test answers as a byte-by-byte one, for every range.
        #[test]
        fn all_between_answers_as_a_byte_by_byte_test(
            bytes in prop::collection::vec(any::<u8>(), 0..40),
            lo in 0u8..128,
            hi in 0u8..128,
        ) {
            let expected = bytes.iter().all(|b| (lo..=hi).contains(b));
            prop_assert_eq!(all_between(&bytes, lo, hi), expected);
        }

        /// The same on text that is mostly in range, where a miss is one byte in many.
        #[test]
        fn all_between_finds_one_stray_byte(
            text in "[!-~]{0,30}",
            stray in prop::sample::select(vec![b' ', b'\t', 0x7f, 0x80, 0xff, 0]),
            at in any::<prop::sample::Index>(),
        ) {
            let mut bytes = text.into_bytes();
            prop_assert!(all_between(&bytes, b'!', b'~'));
            let at = at.index(bytes.len() + 1);
            bytes.insert(at, stray);
            prop_assert!(!all_between(&bytes, b'!', b'~'));
        }
    }
}
