//! "Did you mean": the one edit distance every near-miss suggestion uses (keys, formats,
//! template variables, run options, URL schemes).

/// The candidate closest to `word`, when it is close enough to be a likely typo:
/// the same word in another case, or within a small edit distance.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(word)) {
        return Some(same);
    }
    let lower = word.to_ascii_lowercase();
    // A budget that grows with the word: one edit for short words, up to three for long ones.
    let length = word.chars().count();
    let budget = (length / 4).clamp(1, 3);
    candidates
        .iter()
        // A length further off than the budget is more edits than the budget: skipped
        // before any copy is made (most candidates, for most words).
        .filter(|c| c.chars().count().abs_diff(length) <= budget)
        .map(|c| {
            (
                edit_distance(&lower, &c.to_ascii_lowercase(), budget + 1),
                *c,
            )
        })
        .filter(|&(d, _)| d <= budget)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours, in characters), or `cap` when it is `cap` or more.
/// Words longer than 64 characters count as `cap` away: no name worth suggesting is that long,
/// and it keeps the cost of a hostile input bounded.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    const LONGEST: usize = 64;
    let (a_len, b_len) = (a.chars().count(), b.chars().count());
    if a_len.abs_diff(b_len) >= cap || a_len > LONGEST || b_len > LONGEST {
        return cap;
    }
    // On the stack: this runs for every candidate of every near miss, thousands of times
    // on a paste full of unknown names.
    let mut b_chars = ['\0'; LONGEST];
    for (slot, c) in b_chars.iter_mut().zip(b.chars()) {
        *slot = c;
    }
    let b = &b_chars[..b_len];
    // Three rows of the table, taking turns: this one, the last, the one before (for swaps).
    let mut rows = [[0usize; LONGEST + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    let mut previous = None;
    for (i, c) in a.chars().enumerate() {
        let (this, last, before) = ((i + 1) % 3, i % 3, (i + 2) % 3);
        rows[this][0] = i + 1;
        for j in 1..=b_len {
            let cost = usize::from(c != b[j - 1]);
            let mut best = (rows[last][j] + 1)
                .min(rows[this][j - 1] + 1)
                .min(rows[last][j - 1] + cost);
            if j > 1 && c == b[j - 2] && previous == Some(b[j - 1]) {
                best = best.min(rows[before][j - 2] + 1);
            }
            rows[this][j] = best;
        }
        previous = Some(c);
    }
    rows[a_len % 3][b_len].min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_case_and_typo_near_misses() {
        let documented = crate::syntax::variables::DOCUMENTED;
        assert_eq!(did_you_mean("testname", &documented), Some("testName"));
        assert_eq!(did_you_mean("tesRunId", &documented), Some("testRunId"));
        assert_eq!(did_you_mean("resultURL", &documented), Some("resultUrl"));
        assert_eq!(did_you_mean("banana", &documented), None);
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        assert_eq!(edit_distance("htpts", "https", 9), 1);
        assert_eq!(edit_distance("webhook", "webhook", 9), 0);
        assert_eq!(edit_distance("timeout", "session", 3), 3);
    }

    /// The table of every prefix pair, as the definition reads.
    fn full_table(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                d[i][j] = if i == 0 || j == 0 {
                    i + j
                } else {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut best = (d[i - 1][j] + 1)
                        .min(d[i][j - 1] + 1)
                        .min(d[i - 1][j - 1] + cost);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        best = best.min(d[i - 2][j - 2] + 1);
                    }
                    best
                };
            }
        }
        d[a.len()][b.len()]
    }

    proptest::proptest! {
        #[test]
        fn the_three_rows_give_what_the_full_table_gives(a in "[abé]{0,8}", b in "[abé]{0,8}") {
            proptest::prop_assert_eq!(edit_distance(&a, &b, 9), full_table(&a, &b).min(9));
        }
    }

    #[test]
    fn long_words_are_capped_not_computed() {
        assert_eq!(
            edit_distance(&"a".repeat(10_000), &"a".repeat(10_000), 4),
            4
        );
    }
}
