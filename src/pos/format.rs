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

use super::lemmatize::LemmaTable;
use super::{PosError, PosModel, Tag};
use crate::learn::{self, put_str, put_varint, FormatError, Reader, Weights};

const MAGIC: &[u8; 8] = b"CGPOSTAG";
const VERSION: u32 = 1;

fn checksum(bytes: &[u8]) -> u64 {
    learn::checksum(0x5a, bytes)
}

// ---------------------------------------------------------------- writing

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
    let mut out = Vec::with_capacity(m.weights.entries.len() * 3 + m.weights.keys.len() * 8 + 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    put_varint(&mut out, Tag::ALL.len() as u64);
    for t in Tag::ALL {
        put_str(&mut out, t.as_str());
    }
    m.weights.encode(&mut out);
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

fn front_coded(r: &mut Reader<'_>, prev: &str) -> Result<String, FormatError> {
    let k = r.count(0)?;
    let head = prev
        .get(..k)
        .ok_or_else(|| FormatError::Corrupt("bad shared-prefix length".into()))?;
    let rest = r.str()?;
    let mut s = String::with_capacity(k + rest.len());
    s.push_str(head);
    s.push_str(rest);
    Ok(s)
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

    let weights = Weights::decode(&mut r, |i| {
        tag_map
            .get(usize::from(i))
            .map(|&t| t as u8)
            .ok_or_else(|| FormatError::Corrupt(format!("tag index {i} out of range")))
    })?;
    let mut m = PosModel {
        weights,
        ..PosModel::default()
    };

    let ndict = r.count(3)?;
    let mut tagdict = HashMap::with_capacity(ndict);
    let mut prev = String::new();
    for _ in 0..ndict {
        let w = front_coded(&mut r, &prev)?;
        let t = map_tag(r.u8()?)?;
        tagdict.insert(w.clone(), t);
        prev = w;
    }
    m.tagdict = tagdict;

    let nexc = r.count(5)?;
    let mut exc = Vec::with_capacity(nexc);
    let mut prev = String::new();
    for _ in 0..nexc {
        let form = front_coded(&mut r, &prev)?;
        let t = map_tag(r.u8()?)?;
        let lemma = front_coded(&mut r, &form)?;
        exc.push((form.clone(), t, lemma));
        prev = form;
    }
    let nlex = r.count(3)?;
    let mut lex = Vec::with_capacity(nlex);
    let mut prev = String::new();
    for _ in 0..nlex {
        let w = front_coded(&mut r, &prev)?;
        let f = r.u8()?;
        lex.push((w.clone(), f));
        prev = w;
    }
    if r.remaining() != 0 {
        return Err(PosError::Corrupt("trailing bytes after lexicon".into()));
    }
    m.lemmas = LemmaTable::from_parts(exc, lex);
    Ok(m)
}

#[cfg(test)]
pub(crate) fn checksum_for_tests(bytes: &[u8]) -> u64 {
    checksum(bytes)
}
