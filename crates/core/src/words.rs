//! Small pieces of English the messages share: counts with thousands separators and lists.

/// `12345` as `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 error`, `2 warnings`: a count and its noun, plural unless one.
pub fn plural(n: u64, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// `a`, `a and b`, `a, b and c`, with another last word if asked (`or`).
pub fn list(items: &[&str], last_word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {last_word} {last}", init.join(", ")),
    }
}

/// [`list`] of the items in backticks: "`a`, `b` or `c`".
pub fn code_list(items: &[&str], last_word: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
    list(&quoted, last_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(2000), "2,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn lists_end_with_the_last_word() {
        assert_eq!(list(&["a"], "and"), "a");
        assert_eq!(list(&["a", "b", "c"], "and"), "a, b and c");
        assert_eq!(code_list(&["a", "b"], "or"), "`a` or `b`");
    }
}
