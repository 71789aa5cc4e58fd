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
    let budget = (word.chars().count() / 4).clamp(1, 3);
    candidates
        .iter()
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
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) >= cap || a.len() > 64 || b.len() > 64 {
        return cap;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()].min(cap)
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

    #[test]
    fn long_words_are_capped_not_computed() {
        assert_eq!(
            edit_distance(&"a".repeat(10_000), &"a".repeat(10_000), 4),
            4
        );
    }
}
