//! Binary model format (version 1), little-endian:
//!
//! ```text
//! magic   b"CGPOSTAG"            8 bytes
//! version u32                    = 1
//! tags    varint n, n × str      tag names; indices below refer to this list
//! feats   varint n, n × { varint key-delta (keys ascending),
//!                         varint m, m × { u8 tag, zigzag-varint i16 weight } }
//! tagdict varint n, n × { front-coded str word, u8 tag }      (sorted)
//! lemmas  varint n, n × { front-coded str form, u8 tag,
//!                         varint shared-prefix-with-form, str lemma-rest } (sorted)
//! lexicon varint n, n × { front-coded str lemma, u8 flags }    (sorted)
//! check   u64                    FNV-1a of every preceding byte
//! ```
//! `str` is `varint len` + UTF-8 bytes; "front-coded" is `varint shared
//! prefix length with the previous entry` + `str rest`.

use std::collections::HashMap;

use super::features::Fnv;
use super::lemmatize::LemmaTable;
use super::{PosError, PosModel, Tag};

const MAGIC: &[u8; 8] = b"CGPOSTAG";
const VERSION: u32 = 1;

fn checksum(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new(0x5a);
    for &b in bytes {
        h.byte(b);
    }
    h.raw()
}

// ---------------------------------------------------------------- writing

fn put_varint(out: &mut Vec<u8>, v: u64) {
    crate::varint::put(out, v);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for ((i, ca), cb) in a.char_indices().zip(b.chars()) {
        if ca != cb {
            break;
        }
        n = i + ca.len_utf8();
    }
    n
}

fn put_front_coded(out: &mut Vec<u8>, prev: &str, s: &str) {
    let k = shared_prefix(prev, s);
    put_varint(out, k as u64);
    put_str(out, s.get(k..).unwrap_or(""));
}

pub(crate) fn encode(m: &PosModel) -> Vec<u8> {
    let mut out = Vec::with_capacity(m.entry_weights.len() * 3 + m.keys.len() * 8 + 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    put_varint(&mut out, Tag::ALL.len() as u64);
    for t in Tag::ALL {
        put_str(&mut out, t.as_str());
    }
    put_varint(&mut out, m.keys.len() as u64);
    let mut prev = 0u64;
    for (&k, &(s, e)) in m.keys.iter().zip(&m.ranges) {
        put_varint(&mut out, k.wrapping_sub(prev));
        prev = k;
        let (s, e) = (s as usize, e as usize);
        let tags = m.entry_tags.get(s..e).unwrap_or(&[]);
        let ws = m.entry_weights.get(s..e).unwrap_or(&[]);
        put_varint(&mut out, tags.len() as u64);
        for (&t, &w) in tags.iter().zip(ws) {
            out.push(t);
            let z = ((i64::from(w) << 1) ^ (i64::from(w) >> 63)) as u64;
            put_varint(&mut out, z);
        }
    }
    let mut dict: Vec<(&String, &Tag)> = m.tagdict.iter().collect();
    dict.sort();
    put_varint(&mut out, dict.len() as u64);
    let mut prev_s = "";
    for (w, t) in dict {
        put_front_coded(&mut out, prev_s, w);
        out.push(*t as u8);
        prev_s = w;
    }
    let exc = m.lemmas.exception_list();
    put_varint(&mut out, exc.len() as u64);
    let mut prev_s = "";
    for (form, tag, lemma) in &exc {
        put_front_coded(&mut out, prev_s, form);
        out.push(*tag as u8);
        put_front_coded(&mut out, form, lemma);
        prev_s = form;
    }
    let lex = m.lemmas.lexicon_list();
    put_varint(&mut out, lex.len() as u64);
    let mut prev_s = "";
    for (w, flags) in &lex {
        put_front_coded(&mut out, prev_s, w);
        out.push(*flags);
        prev_s = w;
    }
    let c = checksum(&out);
    out.extend_from_slice(&c.to_le_bytes());
    out
}

// ---------------------------------------------------------------- reading

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], PosError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(PosError::Truncated(self.pos))?;
        let s = self
            .buf
            .get(self.pos..end)
            .ok_or(PosError::Truncated(self.pos))?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, PosError> {
        let b = self
            .buf
            .get(self.pos)
            .copied()
            .ok_or(PosError::Truncated(self.pos))?;
        self.pos += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u64, PosError> {
        crate::varint::get(self.buf, &mut self.pos).map_err(|err| match err {
            crate::varint::VarintError::End => PosError::Truncated(self.pos),
            crate::varint::VarintError::TooLarge => PosError::Corrupt("varint overflow".into()),
        })
    }
    /// A count of items that each take at least `min_bytes` bytes.
    fn count(&mut self, min_bytes: usize) -> Result<usize, PosError> {
        let n = self.varint()?;
        let n = usize::try_from(n).map_err(|_| PosError::Corrupt("count too large".into()))?;
        if n.saturating_mul(min_bytes.max(1)) > self.remaining() {
            return Err(PosError::Corrupt(format!(
                "count {n} exceeds remaining data"
            )));
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<&'a str, PosError> {
        let n = self.count(1)?;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| PosError::Corrupt("invalid UTF-8 string".into()))
    }
    fn front_coded(&mut self, prev: &str) -> Result<String, PosError> {
        let k = self.count(0)?;
        let head = prev
            .get(..k)
            .ok_or_else(|| PosError::Corrupt("bad shared-prefix length".into()))?;
        let rest = self.str()?;
        let mut s = String::with_capacity(k + rest.len());
        s.push_str(head);
        s.push_str(rest);
        Ok(s)
    }
}

pub(crate) fn decode(bytes: &[u8]) -> Result<PosModel, PosError> {
    if !bytes.starts_with(MAGIC) {
        return Err(if !bytes.is_empty() && MAGIC.starts_with(bytes) {
            PosError::Truncated(bytes.len())
        } else {
            PosError::BadMagic
        });
    }
    if bytes.len() < MAGIC.len() + 4 + 8 {
        return Err(PosError::Truncated(bytes.len()));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let mut ver = [0u8; 4];
    ver.copy_from_slice(body.get(8..12).ok_or(PosError::Truncated(8))?);
    let version = u32::from_le_bytes(ver);
    if version != VERSION {
        return Err(PosError::UnsupportedVersion(version));
    }
    let mut c = [0u8; 8];
    c.copy_from_slice(tail);
    if u64::from_le_bytes(c) != checksum(body) {
        return Err(PosError::Checksum);
    }
    let mut r = Reader { buf: body, pos: 12 };

    let ntags = r.count(2)?;
    if ntags > 255 {
        return Err(PosError::Corrupt("too many tags".into()));
    }
    let mut tag_map: Vec<Tag> = Vec::with_capacity(ntags);
    for _ in 0..ntags {
        let name = r.str()?;
        let t =
            Tag::parse(name).ok_or_else(|| PosError::Corrupt(format!("unknown tag {name:?}")))?;
        tag_map.push(t);
    }
    let map_tag = |i: u8| -> Result<Tag, PosError> {
        tag_map
            .get(usize::from(i))
            .copied()
            .ok_or_else(|| PosError::Corrupt(format!("tag index {i} out of range")))
    };

    let nfeat = r.count(2)?;
    let mut m = PosModel {
        keys: Vec::with_capacity(nfeat),
        ranges: Vec::with_capacity(nfeat),
        ..PosModel::default()
    };
    let mut key = 0u64;
    for i in 0..nfeat {
        let d = r.varint()?;
        if i > 0 && d == 0 {
            return Err(PosError::Corrupt("feature keys not ascending".into()));
        }
        key = key
            .checked_add(d)
            .ok_or_else(|| PosError::Corrupt("feature key overflow".into()))?;
        let n = r.count(2)?;
        let start = u32::try_from(m.entry_tags.len())
            .map_err(|_| PosError::Corrupt("too many weights".into()))?;
        for _ in 0..n {
            let t = map_tag(r.u8()?)? as u8;
            let z = r.varint()?;
            let w = ((z >> 1) as i64) ^ -((z & 1) as i64);
            let w =
                i16::try_from(w).map_err(|_| PosError::Corrupt("weight out of range".into()))?;
            m.entry_tags.push(t);
            m.entry_weights.push(w);
        }
        let end = u32::try_from(m.entry_tags.len())
            .map_err(|_| PosError::Corrupt("too many weights".into()))?;
        m.keys.push(key);
        m.ranges.push((start, end));
    }

    let ndict = r.count(3)?;
    let mut tagdict = HashMap::with_capacity(ndict);
    let mut prev = String::new();
    for _ in 0..ndict {
        let w = r.front_coded(&prev)?;
        let t = map_tag(r.u8()?)?;
        tagdict.insert(w.clone(), t);
        prev = w;
    }
    m.tagdict = tagdict;

    let nexc = r.count(5)?;
    let mut exc = Vec::with_capacity(nexc);
    let mut prev = String::new();
    for _ in 0..nexc {
        let form = r.front_coded(&prev)?;
        let t = map_tag(r.u8()?)?;
        let lemma = r.front_coded(&form)?;
        exc.push((form.clone(), t, lemma));
        prev = form;
    }
    let nlex = r.count(3)?;
    let mut lex = Vec::with_capacity(nlex);
    let mut prev = String::new();
    for _ in 0..nlex {
        let w = r.front_coded(&prev)?;
        let f = r.u8()?;
        lex.push((w.clone(), f));
        prev = w;
    }
    if r.remaining() != 0 {
        return Err(PosError::Corrupt("trailing bytes after lexicon".into()));
    }
    m.lemmas = LemmaTable::from_parts(exc, lex);
    m.rebuild_index();
    Ok(m)
}

#[cfg(test)]
pub(crate) fn checksum_for_tests(bytes: &[u8]) -> u64 {
    checksum(bytes)
}
