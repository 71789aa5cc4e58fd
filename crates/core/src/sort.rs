//! One stable sort for every list core orders (diagnostics by position, object keys,
//! spans), keyed by up to three integers. Public so the web app sorts through it too.
//!
//! Why not `sort_by_key`: each call with another element or key type compiles the standard
//! library's sort anew into the wasm. Here the only sort compiled is one `sort_unstable`
//! over `([u64; 3], index)`; the index breaks ties, so the result is exactly that of a
//! stable sort by the key.

/// Sorts `items` by `key`, keeping the order of items with equal keys (as `sort_by_key`).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> [u64; 3]) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<([u64; 3], usize)> = items.iter().map(key).zip(0..).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |&(k, _)| [k, 0, 0]);
        assert_eq!(items, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    proptest::proptest! {
        #[test]
        fn sorts_exactly_as_the_standard_stable_sort(
            items in proptest::collection::vec((0u64..4, 0u64..4, proptest::num::u32::ANY), 0..200)
        ) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(a, b, _)| [a, b, 0]);
            let mut theirs = items;
            theirs.sort_by_key(|&(a, b, _)| (a, b));
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
