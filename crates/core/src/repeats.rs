//! Repeats of one problem, cut: a check keeps every distinct problem but at most
//! [`KEPT_PER_CODE`] diagnostics of one code, and counts the rest ([`Diagnostics`]), so that a
//! paste with 90,000 findings costs memory in proportion to its size, not to its findings.
//! Where a person reads them, fewer are shown ([`first_of_each_code`]): the app lists 20 of
//! each code (docs/rules.md, "How many are shown").

use crate::diagnostic::{Diagnostic, Rule, Severity};

/// How many diagnostics of one code a check keeps; the CLI's text output shows them all.
pub const KEPT_PER_CODE: usize = 100;

/// The diagnostics of a check as they are found: the first [`KEPT_PER_CODE`] of each code,
/// and how many of each code were found in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostics {
    kept: Vec<Diagnostic>,
    /// Indexed by `Rule as usize`.
    found: Vec<usize>,
}

impl Default for Diagnostics {
    fn default() -> Self {
        Diagnostics {
            kept: Vec::new(),
            found: vec![0; Rule::ALL.len()],
        }
    }
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps `diagnostic` unless [`KEPT_PER_CODE`] of its code are kept already.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let found = &mut self.found[diagnostic.rule as usize];
        *found += 1;
        if *found <= KEPT_PER_CODE {
            self.kept.push(diagnostic);
        }
    }

    /// Adds what `other` found, each kept diagnostic passed through `map` (to move it into
    /// this text's coordinates); `other`'s counts of what it did not keep carry over.
    pub fn append(&mut self, other: Diagnostics, map: impl Fn(Diagnostic) -> Diagnostic) {
        for diagnostic in other.kept {
            self.push(map(diagnostic));
        }
        // `push` counted their kept ones; their unkept ones count too.
        for (&theirs, ours) in other.found.iter().zip(&mut self.found) {
            *ours += theirs - theirs.min(KEPT_PER_CODE);
        }
    }

    /// How many diagnostics of `severity` were found, kept or not.
    pub fn count(&self, severity: Severity) -> usize {
        Rule::ALL
            .iter()
            .zip(&self.found)
            .filter(|(rule, _)| rule.severity() == severity)
            .map(|(_, &found)| found)
            .sum()
    }

    /// Sorted by position, then severity.
    pub fn sort(&mut self) {
        crate::sort::sort_by_key(&mut self.kept, |d| {
            [d.span.start as u64, d.severity() as u64, d.span.end as u64]
        });
    }

    /// The kept diagnostics, and for each code with more, how many more, in catalog order.
    pub fn into_parts(self) -> (Vec<Diagnostic>, Vec<Omitted>) {
        let omitted = Rule::ALL
            .iter()
            .zip(&self.found)
            .filter(|(_, &found)| found > KEPT_PER_CODE)
            .map(|(&rule, &found)| Omitted {
                rule,
                count: found - KEPT_PER_CODE,
            })
            .collect();
        (self.kept, omitted)
    }
}

impl std::ops::Deref for Diagnostics {
    type Target = [Diagnostic];

    fn deref(&self) -> &[Diagnostic] {
        &self.kept
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.kept.iter()
    }
}

impl<const N: usize> PartialEq<[Diagnostic; N]> for Diagnostics {
    fn eq(&self, other: &[Diagnostic; N]) -> bool {
        self.kept == other
    }
}

/// How many diagnostics of one rule a check found but did not keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Omitted {
    pub rule: Rule,
    pub count: usize,
}

/// Which items to show, and what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// Positions of the items to show, in their order.
    pub indices: Vec<usize>,
    /// For each code with more than `limit` items, in order of first appearance: the code
    /// and how many of its items are not shown.
    pub more: Vec<(&'static str, usize)>,
}

/// The first `limit` items of each code, in order; `code` gives an item's code.
pub fn first_of_each_code<T>(
    items: &[T],
    code: impl Fn(&T) -> &'static str,
    limit: usize,
) -> Shown {
    // Few distinct codes (a few dozen rules): a short list is simpler than a map.
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    let mut indices = Vec::with_capacity(items.len().min(limit * 4));
    for (i, item) in items.iter().enumerate() {
        let code = code(item);
        let count = match counts.iter().position(|(c, _)| *c == code) {
            Some(at) => &mut counts[at].1,
            None => {
                counts.push((code, 0));
                &mut counts.last_mut().expect("just pushed").1
            }
        };
        *count += 1;
        if *count <= limit {
            indices.push(i);
        }
    }
    let more = counts
        .into_iter()
        .filter(|&(_, count)| count > limit)
        .map(|(code, count)| (code, count - limit))
        .collect();
    Shown { indices, more }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn found(rule: Rule, at: usize) -> Diagnostic {
        Diagnostic::new(rule, Span::new(at, at + 1), "found")
    }

    #[test]
    fn repeats_past_the_limit_are_counted_not_shown() {
        let codes = ["a", "b", "a", "a", "c", "b", "a"];
        let shown = first_of_each_code(&codes, |c| c, 2);
        assert_eq!(shown.indices, [0, 1, 2, 4, 5]);
        assert_eq!(shown.more, [("a", 2)]);
    }

    #[test]
    fn nothing_is_left_out_below_the_limit() {
        let shown = first_of_each_code(&["a", "b"], |c| c, 100);
        assert_eq!(shown.indices, [0, 1]);
        assert!(shown.more.is_empty());
    }

    #[test]
    fn a_check_keeps_the_first_of_each_code_and_counts_the_rest() {
        let mut diagnostics = Diagnostics::new();
        for at in 0..KEPT_PER_CODE + 7 {
            diagnostics.push(found(Rule::JsonTrailingComma, at));
        }
        diagnostics.push(found(Rule::JsonDuplicateKey, 0));
        assert_eq!(diagnostics.len(), KEPT_PER_CODE + 1);
        assert_eq!(diagnostics.count(Severity::Error), KEPT_PER_CODE + 7);
        let (kept, omitted) = diagnostics.into_parts();
        assert_eq!(kept[KEPT_PER_CODE - 1].span.start, KEPT_PER_CODE - 1);
        assert_eq!(
            omitted,
            [Omitted {
                rule: Rule::JsonTrailingComma,
                count: 7
            }]
        );
    }

    #[test]
    fn appending_carries_over_what_the_other_did_not_keep() {
        let mut inner = Diagnostics::new();
        for at in 0..KEPT_PER_CODE + 3 {
            inner.push(found(Rule::JsonTrailingComma, at));
        }
        let mut outer = Diagnostics::new();
        outer.push(found(Rule::JsonTrailingComma, 0));
        outer.append(inner, |d| d.shifted(10));
        assert_eq!(outer.len(), KEPT_PER_CODE);
        assert_eq!(outer[1].span.start, 10);
        let (_, omitted) = outer.into_parts();
        assert_eq!(omitted[0].count, 4);
    }
}
