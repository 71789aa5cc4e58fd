//! Finding repeated keys in large objects without copying every key into a set: a table
//! from a key's hash to the first entry with that hash, and a chain through the entries
//! that share a hash. Every hit is confirmed by comparing the keys themselves.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// Objects with fewer members than this are scanned key by key; an index is only built
/// (from the members so far) once an object reaches this many members.
const SCAN_BELOW: usize = 16;

/// An index of distinct keys over a list of members that the caller keeps: each entry is
/// the position of a member in that list.
#[derive(Default)]
pub(crate) struct KeyIndex {
    /// Keys that differ only in ASCII case are the same key (header names).
    caseless: bool,
    /// Made on first use: most objects never need one.
    hasher: Option<RandomState>,
    /// Keyed by hashes already: the table uses them as they are.
    first: HashMap<u64, usize, BuildHasherDefault<Identity>>,
    /// Per entry: its member, and the next entry with the same hash.
    entries: Vec<(usize, Option<usize>)>,
}

impl KeyIndex {
    /// An index of header names: `Content-Type` and `content-type` are one key.
    pub fn ignoring_ascii_case() -> Self {
        KeyIndex {
            caseless: true,
            ..KeyIndex::default()
        }
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn same(&self, a: &str, b: &str) -> bool {
        if self.caseless {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    }

    /// The first of members `0..len` whose key is `key`; or, when there is none, `None`
    /// (after indexing `key` as member `len`, if the index is in use). `key_of(i)` is the
    /// key of member `i`. Below [`SCAN_BELOW`] members the keys are compared one by one;
    /// from there on the index is filled from members `0..len` on first use (a repeated
    /// key among them is found rather than indexed again) and then consulted.
    pub fn find_or_insert_among<'k>(
        &mut self,
        key: &str,
        len: usize,
        key_of: impl Fn(usize) -> &'k str,
    ) -> Option<usize> {
        if len < SCAN_BELOW {
            return (0..len).find(|&i| self.same(key_of(i), key));
        }
        if self.is_empty() {
            for i in 0..len {
                self.find_or_insert(key_of(i), i, &key_of);
            }
        }
        self.find_or_insert(key, len, &key_of)
    }

    /// The member already indexed under `key`; or, when there is none, `None` after
    /// indexing `key` as member `member`. `key_of(i)` is the key of member `i`.
    fn find_or_insert<'k>(
        &mut self,
        key: &str,
        member: usize,
        key_of: impl Fn(usize) -> &'k str,
    ) -> Option<usize> {
        if self.hasher.is_none() {
            // An object indexed at all has at least `SCAN_BELOW` (16) members: room for 64
            // up front spares the table its first rounds of growing and rehashing.
            self.first.reserve(64);
            self.entries.reserve(64);
        }
        let hasher = self.hasher.get_or_insert_with(RandomState::new);
        let hash = if self.caseless {
            let mut state = hasher.build_hasher();
            for byte in key.bytes() {
                state.write_u8(byte.to_ascii_lowercase());
            }
            state.finish()
        } else {
            hasher.hash_one(key)
        };
        let entry = self.entries.len();
        match self.first.get(&hash) {
            None => {
                self.first.insert(hash, entry);
            }
            Some(&head) => {
                let mut at = head;
                loop {
                    let (found, next) = self.entries[at];
                    if self.same(key_of(found), key) {
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

/// The hasher of a table keyed by finished hashes: the key is its own hash.
#[derive(Default)]
pub(crate) struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; fold anything else in all the same.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
