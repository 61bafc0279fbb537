//! Averaged-perceptron machinery shared by the part-of-speech tagger (`pos`) and the dependency
//! parser (`parse`): hashed feature keys, the training perceptron with lazy averaging, the
//! quantised runtime weight table, the seeded shuffle, and the varint pieces of their model files.
//!
//! Features are 64-bit hashes ([`FeatureHash`]) of a template number and the feature's parts, so
//! no vocabulary is stored: a model is a sorted list of surviving keys, each with a short list of
//! `(class, weight)` pairs. Classes are `u8` (tags for the tagger, transitions for the parser).
//! Nothing here iterates a hash map into an output: every list leaves sorted by key.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a 64 with a final avalanche step (the key is used directly as a hash-map hash, so its
/// low bits must be well mixed).
#[derive(Clone, Copy)]
pub(crate) struct FeatureHash(u64);

impl FeatureHash {
    #[inline]
    pub(crate) fn new(template: u8) -> FeatureHash {
        let mut h = FeatureHash(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    #[inline]
    pub(crate) fn byte(&mut self, b: u8) -> &mut Self {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        self
    }
    #[inline]
    pub(crate) fn bytes(&mut self, bs: &[u8]) -> &mut Self {
        for &b in bs {
            self.byte(b);
        }
        // separator so that ("ab","c") != ("a","bc")
        self.byte(0xff)
    }
    /// Mix in a whole 64-bit part (one multiply instead of eight byte steps).
    #[inline]
    pub(crate) fn word(&mut self, w: u64) -> &mut Self {
        self.0 = (self.0 ^ w)
            .wrapping_mul(0x0000_0100_0000_01b3)
            .rotate_left(29);
        self
    }
    #[inline]
    pub(crate) fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Raw FNV-1a value without the avalanche (used for checksums).
    pub(crate) fn raw(&self) -> u64 {
        self.0
    }
}

/// FNV-1a checksum of a model file's body, seeded with the file kind.
pub(crate) fn checksum(seed: u8, bytes: &[u8]) -> u64 {
    let mut h = FeatureHash::new(seed);
    for &b in bytes {
        h.byte(b);
    }
    h.raw()
}

/// Identity hasher for already-mixed 64-bit feature keys.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

/// Hash map keyed by feature hashes.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// SplitMix64: small deterministic PRNG for shuffles and exploration.
pub(crate) struct SplitMix(pub(crate) u64);

impl SplitMix {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % (n as u64).max(1)) as usize
    }
    /// Fisher-Yates shuffle of `order`.
    pub(crate) fn shuffle<T>(&mut self, order: &mut [T]) {
        for i in (1..order.len()).rev() {
            let j = self.below(i + 1);
            order.swap(i, j);
        }
    }
}

/// A class's current weight: what scoring reads, kept apart from the averaging state so the
/// scoring loop walks 8 bytes per entry instead of 24.
#[derive(Clone, Copy)]
struct Weight {
    class: u8,
    w: f32,
}

/// The lazily accumulated sum of a weight over time (for averaging), and when it was last
/// brought up to date.
#[derive(Clone, Copy)]
struct Total {
    total: f64,
    stamp: u64,
}

/// A perceptron being trained: per feature key, the weights of the classes it has been
/// updated for, with lazily accumulated totals for averaging.
#[derive(Default)]
pub(crate) struct Perceptron {
    index: IdMap<u32>,
    feats: Vec<Vec<Weight>>,
    /// `totals[i][j]` belongs to `feats[i][j]`.
    totals: Vec<Vec<Total>>,
    /// Number of predictions so far (the averaging clock).
    pub(crate) clock: u64,
}

impl Perceptron {
    /// Current (unaveraged) scores of every class for `feats`, into `scores` (zeroed first).
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            let Some(&i) = self.index.get(f) else {
                continue;
            };
            let Some(ws) = self.feats.get(i as usize) else {
                continue;
            };
            for w in ws {
                if let Some(s) = scores.get_mut(usize::from(w.class)) {
                    *s += w.w;
                }
            }
        }
    }

    /// Reward `truth` and penalise `guess` on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], truth: u8, guess: u8) {
        for &f in feats {
            let i = self.slot(f);
            self.add(i, truth, 1.0);
            self.add(i, guess, -1.0);
        }
    }

    /// Add `delta` to the weight of `class` on every feature (one side of an update over a
    /// whole sequence of decisions).
    pub(crate) fn nudge(&mut self, feats: &[u64], class: u8, delta: f32) {
        for &f in feats {
            let i = self.slot(f);
            self.add(i, class, delta);
        }
    }

    /// The row of feature `f`, created empty if new.
    fn slot(&mut self, f: u64) -> u32 {
        let next = self.feats.len() as u32;
        let i = *self.index.entry(f).or_insert(next);
        if i == next {
            self.feats.push(Vec::new());
            self.totals.push(Vec::new());
        }
        i
    }

    fn add(&mut self, i: u32, class: u8, delta: f32) {
        let clock = self.clock;
        let (Some(ws), Some(ts)) = (
            self.feats.get_mut(i as usize),
            self.totals.get_mut(i as usize),
        ) else {
            return;
        };
        let pos = match ws.iter().position(|w| w.class == class) {
            Some(p) => p,
            None => {
                ws.push(Weight { class, w: 0.0 });
                ts.push(Total {
                    total: 0.0,
                    stamp: clock,
                });
                ws.len() - 1
            }
        };
        if let (Some(w), Some(t)) = (ws.get_mut(pos), ts.get_mut(pos)) {
            t.total += (clock - t.stamp) as f64 * f64::from(w.w);
            t.stamp = clock;
            w.w += delta;
        }
    }

    /// Averaged weights, those below `prune_below` in absolute value dropped, sorted by key
    /// and, within a key, by class.
    fn averaged(&self, prune_below: f64) -> Vec<(u64, Vec<(u8, f64)>)> {
        let clock = self.clock.max(1);
        let mut out: Vec<(u64, Vec<(u8, f64)>)> = Vec::with_capacity(self.index.len());
        for (&key, &i) in &self.index {
            let (Some(ws), Some(ts)) = (self.feats.get(i as usize), self.totals.get(i as usize))
            else {
                continue;
            };
            let mut kept: Vec<(u8, f64)> = ws
                .iter()
                .zip(ts)
                .map(|(w, t)| {
                    let total = t.total + (clock - t.stamp) as f64 * f64::from(w.w);
                    (w.class, total / clock as f64)
                })
                .filter(|&(_, a)| a.abs() >= prune_below.max(1e-9))
                .collect();
            if kept.is_empty() {
                continue;
            }
            kept.sort_by_key(|&(t, _)| t);
            out.push((key, kept));
        }
        out.sort_by_key(|&(k, _)| k);
        out
    }

    /// Average, prune and quantise into a runtime table (the largest weight becomes ±32767).
    pub(crate) fn finish(&self, prune_below: f64) -> Weights {
        let avg = self.averaged(prune_below);
        let max_abs = avg
            .iter()
            .flat_map(|(_, ws)| ws.iter().map(|&(_, a)| a.abs()))
            .fold(0f64, f64::max);
        let scale = if max_abs > 0.0 {
            32767.0 / max_abs
        } else {
            1.0
        };
        let mut m = Weights::default();
        for (key, kept) in avg {
            let start = m.entries.len() as u32;
            for (t, a) in kept {
                let q = (a * scale).round().clamp(-32767.0, 32767.0) as i16;
                if q != 0 {
                    m.entries.push((t, q));
                }
            }
            let end = m.entries.len() as u32;
            if end > start {
                m.keys.push(key);
                m.ranges.push((start, end));
            }
        }
        m.rebuild_index();
        m
    }
}

/// Quantised averaged weights: sorted feature keys, each with a range of `(class, weight)`
/// entries, and a one-probe lookup index.
#[derive(Clone, Debug, Default)]
pub(crate) struct Weights {
    pub(crate) keys: Vec<u64>,
    pub(crate) ranges: Vec<(u32, u32)>,
    pub(crate) entries: Vec<(u8, i16)>,
    index: IdMap<(u32, u32)>,
}

impl Weights {
    /// Build the runtime lookup index from `keys` and `ranges`.
    pub(crate) fn rebuild_index(&mut self) {
        let mut index = IdMap::with_capacity_and_hasher(self.keys.len(), Default::default());
        for (&k, &range) in self.keys.iter().zip(&self.ranges) {
            index.insert(k, range);
        }
        self.index = index;
    }

    /// Drop quantised weights below `min` in absolute value (and features left with none).
    pub(crate) fn prune(&mut self, min: i16) {
        let mut kept = Weights::default();
        for (&k, &(s, e)) in self.keys.iter().zip(&self.ranges) {
            let start = kept.entries.len() as u32;
            let entries = self.entries.get(s as usize..e as usize).unwrap_or(&[]);
            kept.entries.extend(
                entries
                    .iter()
                    .filter(|&&(_, w)| w.unsigned_abs() >= min.unsigned_abs()),
            );
            let end = kept.entries.len() as u32;
            if end > start {
                kept.keys.push(k);
                kept.ranges.push((start, end));
            }
        }
        kept.rebuild_index();
        *self = kept;
    }

    /// Add the weights of `feats` into `scores` (indexed by class).
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        // Look every feature up first, then add: the lookups are independent memory reads
        // the CPU can overlap, which the adding loop's branches would otherwise serialise.
        let mut ranges = [(0u32, 0u32); 64];
        for chunk in feats.chunks(ranges.len()) {
            let mut n = 0;
            for f in chunk {
                if let Some(&range) = self.index.get(f) {
                    if let Some(slot) = ranges.get_mut(n) {
                        *slot = range;
                        n += 1;
                    }
                }
            }
            for &(start, end) in ranges.get(..n).unwrap_or_default() {
                let Some(entries) = self.entries.get(start as usize..end as usize) else {
                    continue;
                };
                for &(t, w) in entries {
                    if let Some(sc) = scores.get_mut(usize::from(t)) {
                        *sc += i32::from(w);
                    }
                }
            }
        }
    }

    /// Write the feature section: `varint n, n × { varint key-delta, varint m,
    /// m × { u8 class, zigzag-varint weight } }`.
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        put_varint(out, self.keys.len() as u64);
        let mut prev = 0u64;
        for (&k, &(s, e)) in self.keys.iter().zip(&self.ranges) {
            put_varint(out, k.wrapping_sub(prev));
            prev = k;
            let entries = self.entries.get(s as usize..e as usize).unwrap_or(&[]);
            put_varint(out, entries.len() as u64);
            for &(t, w) in entries {
                out.push(t);
                put_varint(out, ((i64::from(w) << 1) ^ (i64::from(w) >> 63)) as u64);
            }
        }
    }

    /// Read the section [`Weights::encode`] writes; `class` maps and checks each stored class.
    pub(crate) fn decode(
        r: &mut Reader<'_>,
        mut class: impl FnMut(u8) -> Result<u8, FormatError>,
    ) -> Result<Weights, FormatError> {
        let nfeat = r.count(2)?;
        let mut m = Weights {
            keys: Vec::with_capacity(nfeat),
            ranges: Vec::with_capacity(nfeat),
            ..Weights::default()
        };
        let mut key = 0u64;
        for i in 0..nfeat {
            let d = r.varint()?;
            if i > 0 && d == 0 {
                return Err(FormatError::Corrupt("feature keys not ascending".into()));
            }
            key = key
                .checked_add(d)
                .ok_or_else(|| FormatError::Corrupt("feature key overflow".into()))?;
            let n = r.count(2)?;
            let start = u32::try_from(m.entries.len())
                .map_err(|_| FormatError::Corrupt("too many weights".into()))?;
            for _ in 0..n {
                let t = class(r.u8()?)?;
                let z = r.varint()?;
                let w = ((z >> 1) as i64) ^ -((z & 1) as i64);
                let w = i16::try_from(w)
                    .map_err(|_| FormatError::Corrupt("weight out of range".into()))?;
                m.entries.push((t, w));
            }
            let end = u32::try_from(m.entries.len())
                .map_err(|_| FormatError::Corrupt("too many weights".into()))?;
            m.keys.push(key);
            m.ranges.push((start, end));
        }
        m.rebuild_index();
        Ok(m)
    }
}

/// Structural problems in a model file, before the model kind's own error wraps them.
#[derive(Debug)]
pub(crate) enum FormatError {
    /// The data ended at this byte.
    Truncated(usize),
    /// Invalid content.
    Corrupt(String),
}

/// Append `v` as a LEB128 varint (the crate's one codec, `varint`).
pub(crate) fn put_varint(out: &mut Vec<u8>, v: u64) {
    crate::varint::put(out, v);
}

/// Append a length-prefixed string.
pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A bounds-checked cursor over a model file's bytes.
pub(crate) struct Reader<'a> {
    pub(crate) buf: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(FormatError::Truncated(self.pos))?;
        let s = self
            .buf
            .get(self.pos..end)
            .ok_or(FormatError::Truncated(self.pos))?;
        self.pos = end;
        Ok(s)
    }
    pub(crate) fn u8(&mut self) -> Result<u8, FormatError> {
        let b = self
            .buf
            .get(self.pos)
            .copied()
            .ok_or(FormatError::Truncated(self.pos))?;
        self.pos += 1;
        Ok(b)
    }
    pub(crate) fn varint(&mut self) -> Result<u64, FormatError> {
        crate::varint::get(self.buf, &mut self.pos).map_err(|err| match err {
            crate::varint::VarintError::End => FormatError::Truncated(self.pos),
            crate::varint::VarintError::TooLarge => FormatError::Corrupt("varint overflow".into()),
        })
    }
    /// A count of items that each take at least `min_bytes` bytes.
    pub(crate) fn count(&mut self, min_bytes: usize) -> Result<usize, FormatError> {
        let n = self.varint()?;
        let n = usize::try_from(n).map_err(|_| FormatError::Corrupt("count too large".into()))?;
        if n.saturating_mul(min_bytes.max(1)) > self.remaining() {
            return Err(FormatError::Corrupt(format!(
                "count {n} exceeds remaining data"
            )));
        }
        Ok(n)
    }
    pub(crate) fn str(&mut self) -> Result<&'a str, FormatError> {
        let n = self.count(1)?;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| FormatError::Corrupt("invalid UTF-8 string".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trained_weights_round_trip_through_the_file_section() {
        let mut p = Perceptron::default();
        for _ in 0..3 {
            p.clock += 1;
            p.update(&[7, 9], 1, 0);
        }
        let w = p.finish(0.0);
        let mut scores = [0i32; 2];
        w.score(&[7], &mut scores);
        assert!(scores[1] > 0 && scores[0] < 0);
        let mut bytes = Vec::new();
        w.encode(&mut bytes);
        let mut r = Reader {
            buf: &bytes,
            pos: 0,
        };
        let back = Weights::decode(&mut r, Ok).map_err(|e| format!("{e:?}"));
        let back = back.unwrap_or_default();
        assert_eq!(back.keys, w.keys);
        assert_eq!(back.entries, w.entries);
    }

    #[test]
    fn truncated_sections_are_errors() {
        let mut r = Reader {
            buf: &[0x85],
            pos: 0,
        };
        assert!(matches!(r.varint(), Err(FormatError::Truncated(1))));
    }
}
