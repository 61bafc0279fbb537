//! Compact values the graph holds by the million: shared strings, inline claim ids and one
//! buffer per article for its quoted sentences.
//!
//! A store of a million articles holds tens of millions of supports; a heap string per field
//! made loading it allocation-bound. Supports now share their predicate text, rule and
//! attribution through an [`Interner`], keep the extractor's claim ids inline, and an article
//! keeps its sentences in one [`Evidence`] buffer.

use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::claim::Attribution;

/// An immutable string shared by every support that uses it.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(Arc<str>);

impl Sym {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Sym {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// Hands out one shared copy of each distinct string and attribution.
///
/// Strings are never evicted: the distinct predicate texts, rules and attributions of a corpus
/// are few next to its supports.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    strings: HashSet<Sym>,
    attributions: HashSet<Arc<Attribution>>,
}

impl Interner {
    pub fn new() -> Interner {
        Interner::default()
    }

    pub fn str(&mut self, s: &str) -> Sym {
        if let Some(sym) = self.strings.get(s) {
            return sym.clone();
        }
        let sym = Sym(Arc::from(s));
        self.strings.insert(sym.clone());
        sym
    }

    pub fn attribution(&mut self, a: Attribution) -> Arc<Attribution> {
        if let Some(shared) = self.attributions.get(&a) {
            return shared.clone();
        }
        let shared = Arc::new(a);
        self.attributions.insert(shared.clone());
        shared
    }
}

/// An id string: short ids (the extractor's claim ids and relation ids, a letter and 16 hex
/// digits) live inline; longer ones (claim ids from other tools' files) on the heap.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Id(Repr);

const INLINE: usize = 22;

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Id {
    pub fn new(id: &str) -> Id {
        if id.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..id.len()].copy_from_slice(id.as_bytes());
            Id(Repr::Inline {
                len: id.len() as u8,
                bytes,
            })
        } else {
            Id(Repr::Heap(id.into()))
        }
    }

    /// `prefix` (ASCII) + the 16 lower-case hex digits of `hash`.
    pub fn from_hash(prefix: u8, hash: u64) -> Id {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut bytes = [0u8; INLINE];
        bytes[0] = if prefix.is_ascii() { prefix } else { b'?' };
        for (k, b) in bytes[1..17].iter_mut().enumerate() {
            *b = HEX[((hash >> (60 - 4 * k)) & 0xf) as usize];
        }
        Id(Repr::Inline { len: 17, bytes })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Built from a `&str` prefix (or ASCII), so always UTF-8.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(bytes.get(..usize::from(*len)).unwrap_or_default())
                    .unwrap_or_default()
            }
            Repr::Heap(s) => s,
        }
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// The sentences an article's claims quote, by sentence index, in one buffer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    text: String,
    /// (sentence index, end of its text in `text`), sorted by index, no index twice.
    index: Vec<(u32, usize)>,
}

impl Evidence {
    /// From (index, text) pairs in any order; the first text of a repeated index wins.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (u32, &'a str)>) -> Evidence {
        let mut pairs: Vec<(u32, &str)> = pairs.into_iter().collect();
        // Stable: the first of equal indices stays first and survives the dedup.
        pairs.sort_by_key(|(idx, _)| *idx);
        pairs.dedup_by_key(|(idx, _)| *idx);
        let mut res = Evidence {
            text: String::with_capacity(pairs.iter().map(|(_, t)| t.len()).sum()),
            index: Vec::with_capacity(pairs.len()),
        };
        for (idx, text) in pairs {
            res.text.push_str(text);
            res.index.push((idx, res.text.len()));
        }
        res
    }

    pub fn iter(&self) -> impl Iterator<Item = (u32, &str)> {
        let starts = std::iter::once(0).chain(self.index.iter().map(|(_, end)| *end));
        self.index
            .iter()
            .zip(starts)
            .map(|(&(idx, end), start)| (idx, self.text.get(start..end).unwrap_or("")))
    }

    /// The sentence with index `idx`, or "".
    pub fn get(&self, idx: u32) -> &str {
        let Ok(pos) = self.index.binary_search_by_key(&idx, |(i, _)| *i) else {
            return "";
        };
        let start = match pos {
            0 => 0,
            _ => self.index.get(pos - 1).map_or(0, |(_, end)| *end),
        };
        let end = self.index.get(pos).map_or(0, |(_, end)| *end);
        self.text.get(start..end).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_inline_and_on_the_heap() {
        let hashed = Id::from_hash(b'c', 0x0123_4567_89ab_cdef);
        assert_eq!(hashed.as_str(), "c0123456789abcdef");
        assert_eq!(hashed, Id::new("c0123456789abcdef"));
        let long = "a-claim-id-from-another-tool-that-is-long";
        assert_eq!(Id::new(long).as_str(), long);
        assert_eq!(Id::new("").as_str(), "");
        assert_eq!(Id::new("é✓").as_str(), "é✓");
        let mut ids = [Id::new(long), hashed.clone(), Id::new("b")];
        ids.sort();
        let strs: Vec<&str> = ids.iter().map(Id::as_str).collect();
        assert_eq!(
            strs,
            [
                "a-claim-id-from-another-tool-that-is-long",
                "b",
                "c0123456789abcdef"
            ]
        );
    }

    #[test]
    fn evidence_keeps_the_first_text_of_an_index_and_sorts() {
        let ev = Evidence::new([(5, "five"), (1, "one"), (5, "FIVE"), (3, "")]);
        let got: Vec<(u32, &str)> = ev.iter().collect();
        assert_eq!(got, [(1, "one"), (3, ""), (5, "five")]);
        assert_eq!(ev.get(5), "five");
        assert_eq!(ev.get(3), "");
        assert_eq!(ev.get(2), "");
        assert_eq!(ev.len(), 3);
        assert!(Evidence::default().is_empty());
    }

    #[test]
    fn the_interner_shares_equal_strings() {
        let mut interner = Interner::new();
        let a = interner.str("said");
        let b = interner.str(&String::from("said"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a.as_str(), "said");
    }
}
