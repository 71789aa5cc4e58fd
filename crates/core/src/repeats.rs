//! Diagnostics for people to read: every distinct problem, but only the first few of one
//! code, and for each code with more, how many were left out. The CLI's text output (100 of
//! each) and the app's list (20) use it; `check --json`, the JS API and the embedding
//! protocol keep every diagnostic (docs/rules.md, "How many are shown").

/// How many diagnostics of one code the CLI's text output shows.
pub const SHOWN_PER_CODE: usize = 100;

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
}
