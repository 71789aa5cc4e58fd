//! The variables testRTC documents for body templates, and "did you mean" for near misses.

/// The documented template variables, in the order of testRTC's "Variables" table.
pub const DOCUMENTED: [&str; 13] = [
    "testRunId",
    "testName",
    "projectName",
    "runName",
    "runType",
    "status",
    "error",
    "additionalInfo",
    "failureReasons",
    "failureScreenshot",
    "score",
    "resultUrl",
    "concurrentUsers",
];

/// Variables that only carry something when a run fails.
pub const FAILURE_ONLY: [&str; 3] = ["error", "failureReasons", "failureScreenshot"];

pub fn is_documented(name: &str) -> bool {
    DOCUMENTED.contains(&name)
}

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

/// Levenshtein distance, giving up (returning `cap`) once it exceeds `cap`, so a long
/// hostile word costs no more than its length times the candidate's.
fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) >= cap {
        return cap;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|&m| m >= cap) {
            return cap;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()].min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_case_and_typo_near_misses() {
        assert_eq!(did_you_mean("testname", &DOCUMENTED), Some("testName"));
        assert_eq!(did_you_mean("tesRunId", &DOCUMENTED), Some("testRunId"));
        assert_eq!(did_you_mean("resultURL", &DOCUMENTED), Some("resultUrl"));
        assert_eq!(did_you_mean("banana", &DOCUMENTED), None);
    }
}
