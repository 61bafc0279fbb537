//! The gazetteer's index from an entity's id to its position among the entries.
//!
//! Every start decodes about 200,000 entries and indexes them by id; a map keyed by the id
//! strings made a copy of each id and hashed it with `std`'s SipHash, a noticeable share of
//! start-up. This index keys each entry by the 64-bit FNV-1a hash of its id instead (no copy)
//! and checks the id of the entry it finds, so a lookup gives exactly what a map keyed by the
//! ids gives. Two ids with one hash (possible, never seen) are handled: the later one goes to
//! a small map keyed by the id itself. The map hashes its keys, already hashes, with one
//! multiply ([`KeyHasher`]).

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::hash::{fnv1a64, KeyHasher};

/// Entity ids → indices into the gazetteer's entries (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct IdIndex {
    by_hash: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    /// Ids whose hash an earlier id holds in `by_hash`.
    clashes: HashMap<String, usize>,
}

impl IdIndex {
    pub(crate) fn with_capacity(n: usize) -> IdIndex {
        IdIndex {
            by_hash: HashMap::with_capacity_and_hasher(n, BuildHasherDefault::default()),
            clashes: HashMap::new(),
        }
    }

    /// The index of the entry with id `id`; `id_at(i)` gives the id of entry `i`.
    pub(crate) fn get<'e>(
        &self,
        id: &str,
        id_at: impl Fn(usize) -> Option<&'e str>,
    ) -> Option<usize> {
        let &idx = self.by_hash.get(&fnv1a64(id.as_bytes()))?;
        if id_at(idx as usize) == Some(id) {
            return Some(idx as usize);
        }
        self.clashes.get(id).copied()
    }

    /// Records that entry `idx` has id `id` (`id_at` as for [`IdIndex::get`]), unless an
    /// entry has that id already: then nothing changes and that entry's index comes back.
    /// Indices past `u32::MAX` go to the map of clashes, which holds any number.
    pub(crate) fn insert<'e>(
        &mut self,
        id: &str,
        idx: usize,
        id_at: impl Fn(usize) -> Option<&'e str>,
    ) -> Option<usize> {
        let small = u32::try_from(idx).ok();
        match (self.by_hash.entry(fnv1a64(id.as_bytes())), small) {
            (Entry::Vacant(slot), Some(small)) => {
                slot.insert(small);
                return None;
            }
            (Entry::Occupied(slot), _) if id_at(*slot.get() as usize) == Some(id) => {
                return Some(*slot.get() as usize);
            }
            _ => {}
        }
        match self.clashes.entry(id.to_string()) {
            Entry::Occupied(slot) => Some(*slot.get()),
            Entry::Vacant(slot) => {
                slot.insert(idx);
                None
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.by_hash.len() + self.clashes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(ids: &[&str]) -> IdIndex {
        let mut res = IdIndex::with_capacity(ids.len());
        for (idx, id) in ids.iter().enumerate() {
            assert_eq!(res.insert(id, idx, |i| ids.get(i).copied()), None);
        }
        res
    }

    #[test]
    fn finds_each_id_and_nothing_else() {
        let ids = ["place:a", "person:b", "org:c"];
        let idx = index(&ids);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(idx.get(id, |j| ids.get(j).copied()), Some(i));
        }
        assert_eq!(idx.get("place:d", |j| ids.get(j).copied()), None);
        assert_eq!(idx.len(), 3);
        // An id already there keeps its entry.
        let mut again = idx.clone();
        assert_eq!(again.insert("org:c", 7, |j| ids.get(j).copied()), Some(2));
        assert_eq!(again, idx);
    }

    #[test]
    fn ids_with_one_hash_are_both_found() {
        // Force a clash: the second id is filed under the first one's hash.
        let ids = ["place:a", "place:b"];
        let mut idx = index(&ids[..1]);
        idx.by_hash.insert(fnv1a64(b"place:b"), 0);
        assert_eq!(idx.insert("place:b", 1, |j| ids.get(j).copied()), None);
        assert_eq!(idx.insert("place:b", 2, |j| ids.get(j).copied()), Some(1));
        assert_eq!(idx.get("place:a", |j| ids.get(j).copied()), Some(0));
        assert_eq!(idx.get("place:b", |j| ids.get(j).copied()), Some(1));
        assert_eq!(idx.get("place:c", |j| ids.get(j).copied()), None);
    }
}
