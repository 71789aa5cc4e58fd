//! Finding repeated keys in large objects without copying every key into a set: a table
//! from a key's hash to the first entry with that hash, and a chain through the entries
//! that share a hash. Every hit is confirmed by comparing the keys themselves.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// An index of distinct keys over a list of members that the caller keeps: each entry is
/// the position of a member in that list.
#[derive(Default)]
pub(crate) struct KeyIndex {
    hasher: RandomState,
    first: HashMap<u64, usize>,
    /// Per entry: its member, and the next entry with the same hash.
    entries: Vec<(usize, Option<usize>)>,
}

impl KeyIndex {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The member already indexed under `key`; or, when there is none, `None` after
    /// indexing `key` as member `member`. `key_of(i)` is the key of member `i`.
    pub fn find_or_insert<'k>(
        &mut self,
        key: &str,
        member: usize,
        key_of: impl Fn(usize) -> &'k str,
    ) -> Option<usize> {
        let hash = self.hasher.hash_one(key);
        let entry = self.entries.len();
        match self.first.get(&hash) {
            None => {
                self.first.insert(hash, entry);
            }
            Some(&head) => {
                let mut at = head;
                loop {
                    let (found, next) = self.entries[at];
                    if key_of(found) == key {
                        return Some(found);
                    }
                    match next {
                        Some(next) => at = next,
                        None => break,
                    }
                }
                self.entries[at].1 = Some(entry);
            }
        }
        self.entries.push((member, None));
        None
    }
}
