//! Compact values the graph holds by the million: interned strings, claim ids as hashes and
//! one buffer per article for its quoted sentences.
//!
//! A store of a million articles holds tens of millions of supports, and loading it was bound
//! by allocating and zeroing memory. A support therefore holds no pointer: its predicate text,
//! rule and attribution are 4-byte numbers into the graph's [`Interner`], its claim id is the
//! extractor's hash ([`ClaimRef`]), and an article keeps its sentences in one [`Evidence`]
//! buffer, which a loaded store shares instead of copying.

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::claim::Attribution;

/// A string in a graph's [`Interner`]: meaningful only with the interner that made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sym(NonZeroU32);

/// An attribution in a graph's [`Interner`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AttributionSym(NonZeroU32);

// The 4-byte numbers the module docs and ARCHITECTURE.md state; `Option` of either is 4 too.
const _: () =
    assert!(std::mem::size_of::<Sym>() == 4 && std::mem::size_of::<Option<AttributionSym>>() == 4);

/// Numbers each distinct string and attribution once.
///
/// Nothing is evicted: the distinct predicate texts, rules and attributions of a corpus are
/// few next to its supports. The first string is always "", which also stands in for any
/// string past the four-billionth (which no graph that fits in memory reaches).
#[derive(Clone, Debug)]
pub struct Interner {
    strings: Vec<Arc<str>>,
    string_ids: HashMap<Arc<str>, Sym>,
    attributions: Vec<Arc<Attribution>>,
    attribution_ids: HashMap<Arc<Attribution>, AttributionSym>,
}

impl Default for Interner {
    fn default() -> Interner {
        let mut res = Interner {
            strings: Vec::new(),
            string_ids: HashMap::new(),
            attributions: Vec::new(),
            attribution_ids: HashMap::new(),
        };
        res.str("");
        res
    }
}

/// Position `k` as a 1-based number; `None` past `u32`.
fn number(k: usize) -> Option<NonZeroU32> {
    u32::try_from(k + 1).ok().and_then(NonZeroU32::new)
}

impl Interner {
    pub fn new() -> Interner {
        Interner::default()
    }

    pub fn str(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.string_ids.get(s) {
            return sym;
        }
        let Some(n) = number(self.strings.len()) else {
            return Sym(NonZeroU32::MIN);
        };
        let shared: Arc<str> = Arc::from(s);
        self.strings.push(shared.clone());
        self.string_ids.insert(shared, Sym(n));
        Sym(n)
    }

    /// The string of `sym` ("" for a number this interner never gave out).
    pub fn get(&self, sym: Sym) -> &str {
        self.strings.get(sym.0.get() as usize - 1).map_or("", |s| s)
    }

    /// The number of strings, "" included: every [`Sym`] given out is below it (see
    /// [`Sym::index`]).
    pub fn n_strings(&self) -> usize {
        self.strings.len()
    }

    pub fn attribution(&mut self, a: Attribution) -> AttributionSym {
        if let Some(&sym) = self.attribution_ids.get(&a) {
            return sym;
        }
        // Past `u32` (never in practice) the attribution is kept by the first one's number.
        let Some(n) = number(self.attributions.len()) else {
            return AttributionSym(NonZeroU32::MIN);
        };
        let shared = Arc::new(a);
        self.attributions.push(shared.clone());
        self.attribution_ids.insert(shared, AttributionSym(n));
        AttributionSym(n)
    }

    pub fn get_attribution(&self, sym: AttributionSym) -> Option<&Attribution> {
        self.attributions
            .get(sym.0.get() as usize - 1)
            .map(|a| &**a)
    }

    /// Points attributions to entity `from` at `into` (named `name`): what merging `from`
    /// into `into` does to the speakers of supports. Numbers stay valid.
    pub(super) fn relink_attributions(&mut self, from: &str, into: &str, name: &str) {
        for slot in &mut self.attributions {
            if slot.entity.as_deref() != Some(from) {
                continue;
            }
            let mut moved = Attribution::clone(slot);
            moved.entity = Some(into.to_string());
            moved.name = Some(name.to_string());
            let moved = Arc::new(moved);
            if let Some(sym) = self.attribution_ids.remove(&**slot) {
                self.attribution_ids.entry(moved.clone()).or_insert(sym);
            }
            *slot = moved;
        }
    }

    pub fn n_attributions(&self) -> usize {
        self.attributions.len()
    }

    /// The claim id `id`: the extractor's `c` + 16 hex digits as their number, anything else
    /// interned.
    pub fn claim(&mut self, id: &str) -> ClaimRef {
        match parse_hash_id(b'c', id) {
            Some(hash) => ClaimRef { hash, text: None },
            None => ClaimRef {
                hash: 0,
                text: Some(self.str(id)),
            },
        }
    }

    /// The id string of a claim.
    pub fn claim_id(&self, claim: ClaimRef) -> Id {
        match claim.text {
            None => Id::from_hash(b'c', claim.hash),
            Some(sym) => Id::new(self.get(sym)),
        }
    }
}

impl Sym {
    /// 0-based position in its interner.
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

impl AttributionSym {
    /// 0-based position in its interner.
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// `prefix` followed by exactly 16 lower-case hex digits, as their number.
pub(super) fn parse_hash_id(prefix: u8, id: &str) -> Option<u64> {
    let hex = id.as_bytes().strip_prefix(&[prefix])?;
    if hex.len() != 16 || !hex.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    u64::from_str_radix(id.get(1..)?, 16).ok()
}

/// A support's claim id without a pointer: the hash of an extractor id (`c` + 16 hex digits),
/// or another tool's id in the graph's [`Interner`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClaimRef {
    hash: u64,
    text: Option<Sym>,
}

impl ClaimRef {
    /// The claim id `c` + the 16 hex digits of `hash`.
    pub fn from_hash(hash: u64) -> ClaimRef {
        ClaimRef { hash, text: None }
    }

    /// The hash, for ids of the extractor's form.
    pub fn hash(self) -> Option<u64> {
        match self.text {
            None => Some(self.hash),
            Some(_) => None,
        }
    }

    /// The interned text, for other ids.
    pub fn text(self) -> Option<Sym> {
        self.text
    }

    /// A claim id whose text is `sym` (which must not be of the extractor's form).
    pub fn from_sym(sym: Sym) -> ClaimRef {
        ClaimRef {
            hash: 0,
            text: Some(sym),
        }
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

/// Bytes shared by many values, e.g. a memory-mapped store that articles' evidence points
/// into instead of copying it.
pub type SharedBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// The sentences an article's claims quote, by sentence index, in one buffer: its own, or a
/// range of a [`SharedBytes`] (a loaded store), so loading does not copy gigabytes of text.
#[derive(Clone)]
pub struct Evidence {
    text: Text,
    /// (sentence index, end of its text in the buffer), sorted by index, no index twice, ends
    /// non-decreasing and on char boundaries.
    index: Box<[(u32, u32)]>,
}

#[derive(Clone)]
enum Text {
    Owned(Box<str>),
    /// `bytes[start..start + len]`, checked to be UTF-8 when made.
    Shared {
        bytes: SharedBytes,
        start: usize,
        len: usize,
    },
}

/// Why an evidence buffer from a store was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvidenceError {
    #[error("evidence bytes {start}..{end} are outside the {len}-byte buffer")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("evidence text is not UTF-8 at byte {0} of the article's buffer")]
    NotUtf8(usize),
    #[error("evidence sentence indices are not increasing at entry {0}")]
    Unsorted(usize),
    #[error("evidence sentence {0} ends outside its buffer or inside a character")]
    BadEnd(u32),
}

impl Default for Evidence {
    fn default() -> Evidence {
        Evidence {
            text: Text::Owned(Box::default()),
            index: Box::default(),
        }
    }
}

impl Evidence {
    /// From (index, text) pairs in any order; the first text of a repeated index wins. An
    /// article quotes at most 4 GiB of sentences; sentences past that are dropped.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (u32, &'a str)>) -> Evidence {
        let mut pairs: Vec<(u32, &str)> = pairs.into_iter().collect();
        // Stable: the first of equal indices stays first and survives the dedup.
        pairs.sort_by_key(|(idx, _)| *idx);
        pairs.dedup_by_key(|(idx, _)| *idx);
        let mut text = String::with_capacity(pairs.iter().map(|(_, t)| t.len()).sum());
        let mut index = Vec::with_capacity(pairs.len());
        for (idx, sentence) in pairs {
            let Ok(end) = u32::try_from(text.len() + sentence.len()) else {
                break;
            };
            text.push_str(sentence);
            index.push((idx, end));
        }
        Evidence {
            text: Text::Owned(text.into_boxed_str()),
            index: index.into_boxed_slice(),
        }
    }

    /// Evidence whose text is `bytes[start..start + len]`, with the given (sentence index,
    /// end) pairs; everything is checked, so a corrupt store gives an error here.
    pub fn shared(
        bytes: SharedBytes,
        start: usize,
        len: usize,
        index: Vec<(u32, u32)>,
    ) -> Result<Evidence, EvidenceError> {
        let all = (*bytes).as_ref();
        let end = start.checked_add(len).filter(|&end| end <= all.len());
        let Some(text) = end.and_then(|end| all.get(start..end)) else {
            return Err(EvidenceError::OutOfRange {
                start,
                end: start.saturating_add(len),
                len: all.len(),
            });
        };
        let text =
            std::str::from_utf8(text).map_err(|err| EvidenceError::NotUtf8(err.valid_up_to()))?;
        check_index(text, &index)?;
        Ok(Evidence {
            text: Text::Shared { bytes, start, len },
            index: index.into_boxed_slice(),
        })
    }

    /// Evidence with its own copy of `text`, checked like [`Evidence::shared`].
    pub fn owned(text: &[u8], index: Vec<(u32, u32)>) -> Result<Evidence, EvidenceError> {
        let text =
            std::str::from_utf8(text).map_err(|err| EvidenceError::NotUtf8(err.valid_up_to()))?;
        check_index(text, &index)?;
        Ok(Evidence {
            text: Text::Owned(text.into()),
            index: index.into_boxed_slice(),
        })
    }

    /// All the quoted text, sentence after sentence (what [`Evidence::ends`] indexes).
    pub fn text(&self) -> &str {
        match &self.text {
            Text::Owned(text) => text,
            Text::Shared { bytes, start, len } => (**bytes)
                .as_ref()
                .get(*start..start + len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
        }
    }

    /// The (sentence index, end in [`Evidence::text`]) pairs.
    pub fn ends(&self) -> &[(u32, u32)] {
        &self.index
    }

    /// `text[from..to]`: only that slice is checked when the text is shared, so a lookup costs
    /// the sentence, not the article.
    fn slice(&self, from: usize, to: usize) -> &str {
        match &self.text {
            Text::Owned(text) => text.get(from..to).unwrap_or(""),
            Text::Shared { bytes, start, len } => {
                if from > to || to > *len {
                    return "";
                }
                (**bytes)
                    .as_ref()
                    .get(start + from..start + to)
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .unwrap_or("")
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (u32, &str)> {
        let starts = std::iter::once(0).chain(self.index.iter().map(|(_, end)| *end));
        self.index
            .iter()
            .zip(starts)
            .map(|(&(idx, end), start)| (idx, self.slice(start as usize, end as usize)))
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
        self.slice(start as usize, end as usize)
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

fn check_index(text: &str, index: &[(u32, u32)]) -> Result<(), EvidenceError> {
    let mut last: Option<(u32, u32)> = None;
    for (k, &(idx, end)) in index.iter().enumerate() {
        if let Some((last_idx, last_end)) = last {
            if idx <= last_idx {
                return Err(EvidenceError::Unsorted(k));
            }
            if end < last_end {
                return Err(EvidenceError::BadEnd(idx));
            }
        }
        if !text.is_char_boundary(end as usize) {
            return Err(EvidenceError::BadEnd(idx));
        }
        last = Some((idx, end));
    }
    if last.map_or(0, |(_, end)| end as usize) != text.len() {
        return Err(EvidenceError::BadEnd(last.map_or(0, |(idx, _)| idx)));
    }
    Ok(())
}

impl PartialEq for Evidence {
    fn eq(&self, other: &Evidence) -> bool {
        self.index == other.index && self.text() == other.text()
    }
}

impl Eq for Evidence {}

impl fmt::Debug for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
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
    fn shared_evidence_reads_like_owned_evidence() {
        let owned = Evidence::new([(4, "Zelenskyy said ✓."), (9, "Kyiv agreed.")]);
        let mut buf = b"header".to_vec();
        buf.extend_from_slice(owned.text().as_bytes());
        buf.extend_from_slice(b"trailer");
        let bytes: SharedBytes = Arc::new(buf);
        let shared = Evidence::shared(bytes, 6, owned.text().len(), owned.ends().to_vec()).unwrap();
        assert_eq!(shared, owned);
        assert_eq!(shared.get(9), "Kyiv agreed.");
        assert_eq!(shared.get(4), "Zelenskyy said ✓.");
        assert_eq!(shared.get(5), "");
        let copy = Evidence::owned(owned.text().as_bytes(), owned.ends().to_vec()).unwrap();
        assert_eq!(copy, owned);
    }

    proptest::proptest! {
        #[test]
        fn shared_evidence_equals_owned_evidence(
            pairs in proptest::collection::vec((0u32..50, "\\PC{0,12}"), 0..12),
            prefix in proptest::collection::vec(proptest::num::u8::ANY, 0..8),
            suffix in proptest::collection::vec(proptest::num::u8::ANY, 0..8),
        ) {
            let owned = Evidence::new(pairs.iter().map(|(i, t)| (*i, t.as_str())));
            let mut buf = prefix.clone();
            buf.extend_from_slice(owned.text().as_bytes());
            buf.extend_from_slice(&suffix);
            let bytes: SharedBytes = Arc::new(buf);
            let shared = Evidence::shared(bytes, prefix.len(), owned.text().len(), owned.ends().to_vec())
                .unwrap();
            proptest::prop_assert_eq!(&shared, &owned);
            for (i, _) in &pairs {
                proptest::prop_assert_eq!(shared.get(*i), owned.get(*i));
            }
        }

        #[test]
        fn any_evidence_parts_are_accepted_or_refused_never_a_panic(
            buf in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
            start in 0usize..48,
            len in 0usize..48,
            index in proptest::collection::vec((0u32..8, 0u32..48), 0..6),
        ) {
            let bytes: SharedBytes = Arc::new(buf.clone());
            if let Ok(ev) = Evidence::shared(bytes, start, len, index.clone()) {
                // Whatever was accepted reads back as valid text that covers the range.
                proptest::prop_assert_eq!(ev.text().len(), len);
                let total: usize = ev.iter().map(|(_, t)| t.len()).sum();
                proptest::prop_assert_eq!(total, len);
            }
            let _ = Evidence::owned(&buf, index);
        }
    }

    #[test]
    fn evidence_from_a_store_is_checked() {
        let text = "ab✓cd";
        let bytes: SharedBytes = Arc::new(text.as_bytes().to_vec());
        let shared = |start, len, index: &[(u32, u32)]| {
            Evidence::shared(bytes.clone(), start, len, index.to_vec())
        };
        assert!(shared(0, text.len(), &[(0, 2), (1, text.len() as u32)]).is_ok());
        assert_eq!(
            shared(0, text.len(), &[(0, 3), (1, text.len() as u32)]).unwrap_err(),
            EvidenceError::BadEnd(0),
            "inside the check mark"
        );
        assert_eq!(
            shared(0, text.len(), &[(1, 2), (1, text.len() as u32)]).unwrap_err(),
            EvidenceError::Unsorted(1)
        );
        assert_eq!(
            shared(0, text.len(), &[(0, 2)]).unwrap_err(),
            EvidenceError::BadEnd(0),
            "text left over"
        );
        assert_eq!(
            shared(0, 3, &[(0, 3)]).unwrap_err(),
            EvidenceError::NotUtf8(2)
        );
        assert!(matches!(
            shared(4, text.len(), &[]).unwrap_err(),
            EvidenceError::OutOfRange { .. }
        ));
        assert!(matches!(
            shared(usize::MAX, 2, &[]).unwrap_err(),
            EvidenceError::OutOfRange { .. }
        ));
        assert!(Evidence::owned(b"\xff", vec![(0, 1)]).is_err());
    }

    #[test]
    fn the_interner_shares_equal_strings() {
        let mut interner = Interner::new();
        let a = interner.str("said");
        let b = interner.str(&String::from("said"));
        let c = interner.str("told");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(interner.get(a), "said");
        assert_eq!(interner.get(c), "told");
        assert_eq!(interner.n_strings(), 3, "\"\" is always the first");
        assert_eq!(interner.get(interner.clone().str("")), "");
    }

    #[test]
    fn claim_ids_of_the_extractor_form_are_numbers_others_are_interned() {
        let mut interner = Interner::new();
        let hashed = interner.claim("c0123456789abcdef");
        assert_eq!(hashed.hash(), Some(0x0123_4567_89ab_cdef));
        assert_eq!(interner.n_strings(), 1);
        for other in [
            "C0123456789ABCDEF",
            "c0123456789abcde",
            "claim-7",
            "",
            "c0123456789abcdefg",
        ] {
            let claim = interner.claim(other);
            assert_eq!(claim.hash(), None, "{other}");
            assert_eq!(interner.claim_id(claim).as_str(), other);
        }
        assert_eq!(interner.claim_id(hashed).as_str(), "c0123456789abcdef");
    }

    #[test]
    fn attributions_are_numbered_once() {
        let mut interner = Interner::new();
        let a = crate::claim::Attribution {
            text: "the plan".into(),
            entity: None,
            name: None,
            kind: None,
            verb: "say".into(),
        };
        let x = interner.attribution(a.clone());
        let y = interner.attribution(a.clone());
        assert_eq!(x, y);
        assert_eq!(interner.get_attribution(x), Some(&a));
        assert_eq!(interner.n_attributions(), 1);
    }
}
