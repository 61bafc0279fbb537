//! Stable, dependency-free content hashing for ids.
//!
//! Ids must stay the same across runs, machines and releases, so they are built from FNV-1a
//! (64 bit), whose output is fixed by its definition, rather than from `std`'s `DefaultHasher`,
//! whose algorithm may change between Rust releases.

/// FNV-1a 64-bit hash of some bytes.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Hash of several parts, with a separator that cannot occur in UTF-8 text between them.
pub fn fnv1a64_parts(parts: &[&str]) -> u64 {
    let mut buf = Vec::new();
    for part in parts {
        buf.extend_from_slice(part.as_bytes());
        buf.push(0xff);
    }
    fnv1a64(&buf)
}

/// The hasher of maps whose keys are already FNV-1a hashes (the tagger's first words, the
/// gazetteer's ids): one multiply spreads a key over the table, where FNV over its eight bytes
/// took eight.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n ^ (n >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// FNV-1a as a [`std::hash::Hasher`], for hash maps keyed by short trusted strings.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hasher for sets of short words that are only asked whether they hold a word (never
/// iterated, so the order it gives them changes no output): eight bytes per multiply, where
/// [`Fnv`] takes one per byte.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

const WORD_MUL: u64 = 0x9e37_79b9_7f4a_7c15;

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        let h = (self.0 ^ (self.0 >> 32)).wrapping_mul(WORD_MUL);
        h ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(23) ^ u64::from_le_bytes(buf)).wrapping_mul(WORD_MUL);
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            // Byte by byte: a copy of a tail of unknown length would be a call to `memcpy`.
            let word = tail
                .iter()
                .rev()
                .fold(0u64, |acc, &b| acc << 8 | u64::from(b));
            let word = word ^ ((tail.len() as u64) << 59);
            self.0 = (self.0.rotate_left(23) ^ word).wrapping_mul(WORD_MUL);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.0 = (self.0.rotate_left(23) ^ u64::from(n) ^ 0x100).wrapping_mul(WORD_MUL);
    }
}

/// A 16-hex-digit id string.
pub fn hex_id(hash: u64) -> String {
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hasher_tells_short_words_apart() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let build = BuildHasherDefault::<WordHasher>::default();
        let words = [
            "",
            "a",
            "an",
            "and",
            "the",
            "thé",
            "spokesperson",
            "spokespersons",
        ];
        let hashes: std::collections::HashSet<u64> =
            words.iter().map(|w| build.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
        assert_eq!(build.hash_one("the"), build.hash_one("the"));
    }

    #[test]
    fn known_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn parts_are_separated() {
        assert_ne!(fnv1a64_parts(&["ab", "c"]), fnv1a64_parts(&["a", "bc"]));
    }
}
