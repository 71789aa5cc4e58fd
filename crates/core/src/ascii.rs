//! Header names and host names ignore ASCII case: these compare them so without lower-cased
//! copies (the header and secret rules run on every header at every check and render, the
//! catalog on every URL). Every pattern they are given is lower-case ASCII.

/// `name.to_ascii_lowercase().starts_with(prefix)`.
pub(crate) fn starts_with_ignoring_case(name: &str, prefix: &str) -> bool {
    name.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `name.to_ascii_lowercase().ends_with(suffix)`.
pub(crate) fn ends_with_ignoring_case(name: &str, suffix: &str) -> bool {
    name.len() >= suffix.len()
        && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Each test answers as the same test on a lower-cased copy of the name.
        #[test]
        fn comparisons_ignore_case_as_a_lower_cased_copy_does(
            name in "(?i)[a-z-]{0,12}(auth|token|-key|sec-|é)?[a-zé_-]{0,4}",
            pattern in "(auth|token|-key|_key|sec-|ce-|a|)",
        ) {
            let lower = name.to_ascii_lowercase();
            prop_assert_eq!(starts_with_ignoring_case(&name, &pattern), lower.starts_with(&pattern));
            prop_assert_eq!(ends_with_ignoring_case(&name, &pattern), lower.ends_with(&pattern));
        }
    }
}
