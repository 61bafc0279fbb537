//! Binary model format of the parser, little-endian:
//!
//! ```text
//! magic   b"CGPARSER"            8 bytes
//! version u32                    = 1 (greedy) or 2 (beam search)
//! beam    varint                 version 2 only: beam width of the search (2 or more)
//! labels  varint n, n × str      relation labels; label l is transition classes 1+2l, 2+2l
//! feats   varint n, n × { varint key-delta (keys ascending),
//!                         varint m, m × { u8 class, zigzag-varint i16 weight } }
//! check   u64                    FNV-1a of every preceding byte
//! ```
//!
//! A greedy model is written as version 1 (no beam field), as before beam search existed, so
//! greedy models keep their bytes.

use super::{ParseError, Parser};
use crate::learn::{self, put_str, put_varint, FormatError, Reader, Weights};

const MAGIC: &[u8; 8] = b"CGPARSER";
const VERSION: u32 = 2;
const SEED: u8 = 0x5b;

pub(crate) fn encode(m: &Parser) -> Vec<u8> {
    let mut out = Vec::with_capacity(m.weights.entries.len() * 3 + m.weights.keys.len() * 8);
    out.extend_from_slice(MAGIC);
    if m.beam > 1 {
        out.extend_from_slice(&VERSION.to_le_bytes());
        put_varint(&mut out, m.beam as u64);
    } else {
        out.extend_from_slice(&1u32.to_le_bytes());
    }
    put_varint(&mut out, m.labels.len() as u64);
    for l in &m.labels {
        put_str(&mut out, l);
    }
    m.weights.encode(&mut out);
    let c = learn::checksum(SEED, &out);
    out.extend_from_slice(&c.to_le_bytes());
    out
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Parser, ParseError> {
    if !bytes.starts_with(MAGIC) {
        return Err(if !bytes.is_empty() && MAGIC.starts_with(bytes) {
            ParseError::Truncated(bytes.len())
        } else {
            ParseError::BadMagic
        });
    }
    if bytes.len() < MAGIC.len() + 4 + 8 {
        return Err(ParseError::Truncated(bytes.len()));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let mut ver = [0u8; 4];
    ver.copy_from_slice(body.get(8..12).ok_or(ParseError::Truncated(8))?);
    let version = u32::from_le_bytes(ver);
    if version != VERSION && version != 1 {
        return Err(ParseError::UnsupportedVersion(version));
    }
    let mut c = [0u8; 8];
    c.copy_from_slice(tail);
    if u64::from_le_bytes(c) != learn::checksum(SEED, body) {
        return Err(ParseError::Checksum);
    }
    let mut r = Reader { buf: body, pos: 12 };
    // Version 1 had no beam width: its models are greedy.
    let beam = if version == 1 { 1 } else { r.count(1)? };
    if beam == 0 || beam > 64 {
        return Err(ParseError::Corrupt(format!("beam width {beam}")));
    }
    let nlabels = r.count(1)?;
    if nlabels == 0 || nlabels > 127 {
        return Err(ParseError::Corrupt(format!("{nlabels} labels")));
    }
    let mut labels = Vec::with_capacity(nlabels);
    for _ in 0..nlabels {
        labels.push(r.str()?.to_string());
    }
    let root = labels
        .iter()
        .position(|l| l == "root")
        .ok_or_else(|| ParseError::Corrupt("no root label".into()))? as u8;
    let classes = 1 + 2 * nlabels;
    let weights = Weights::decode(&mut r, |c| {
        if usize::from(c) < classes {
            Ok(c)
        } else {
            Err(FormatError::Corrupt(format!("class {c} out of range")))
        }
    })?;
    if r.remaining() != 0 {
        return Err(ParseError::Corrupt("trailing bytes after weights".into()));
    }
    Ok(Parser {
        labels,
        weights,
        root,
        beam,
    })
}
