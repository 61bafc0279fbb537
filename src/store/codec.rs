//! The byte-level pieces of the store format: LEB128 varints (`crate::varint`),
//! length-prefixed UTF-8 strings, little-endian fixed-width numbers, and a block checksum.
//! Decoding checks every length against the bytes left, so a corrupt file gives an error with
//! its byte offset.

use std::io::{self, Write};

use crate::varint::{self, VarintError};

/// Bytes hashed per block; the encoder writes whole blocks so it can hash while streaming.
const BLOCK: usize = 1 << 16;
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// A checksum over blocks of 64 KiB, eight bytes at a time (FNV-1a is one byte at a time and
/// too slow for gigabyte stores). It only has to catch truncation and bit rot, not attacks.
#[derive(Clone, Copy, Debug)]
pub struct Checksum {
    state: u64,
    len: u64,
}

impl Default for Checksum {
    fn default() -> Self {
        Checksum {
            state: 0xcbf2_9ce4_8422_2325,
            len: 0,
        }
    }
}

impl Checksum {
    /// Feeds one block (every block but the last must be `BLOCK` bytes long).
    fn block(&mut self, bytes: &[u8]) {
        let mut h = self.state;
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(MIX);
            h ^= h >> 29;
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(MIX);
            h ^= h >> 29;
        }
        self.state = h;
        self.len += bytes.len() as u64;
    }

    pub fn of(bytes: &[u8]) -> u64 {
        let mut res = Checksum::default();
        for block in bytes.chunks(BLOCK) {
            res.block(block);
        }
        res.finish()
    }

    fn finish(&self) -> u64 {
        (self.state ^ self.len).wrapping_mul(MIX)
    }
}

/// Writes values, hashing the bytes in blocks as they go out.
pub struct Encoder<W: Write> {
    out: W,
    buf: Vec<u8>,
    checksum: Checksum,
}

impl<W: Write> Encoder<W> {
    pub fn new(out: W) -> Encoder<W> {
        Encoder {
            out,
            buf: Vec::with_capacity(2 * BLOCK),
            checksum: Checksum::default(),
        }
    }

    pub fn u8(&mut self, v: u8) -> io::Result<()> {
        self.buf.push(v);
        self.spill()
    }

    pub fn varint(&mut self, v: u64) -> io::Result<()> {
        varint::put(&mut self.buf, v);
        self.spill()
    }

    pub fn usize(&mut self, v: usize) -> io::Result<()> {
        self.varint(v as u64)
    }

    pub fn fixed64(&mut self, v: u64) -> io::Result<()> {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self.spill()
    }

    pub fn str(&mut self, s: &str) -> io::Result<()> {
        self.usize(s.len())?;
        self.buf.extend_from_slice(s.as_bytes());
        self.spill()
    }

    pub fn opt_str(&mut self, s: Option<&str>) -> io::Result<()> {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1)?;
                self.str(s)
            }
        }
    }

    /// Writes bytes as they are (no length).
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        self.spill()
    }

    /// Writes what is left and returns the writer, the body length and its checksum.
    pub fn finish(mut self) -> io::Result<(W, u64, u64)> {
        for block in self.buf.chunks(BLOCK) {
            self.checksum.block(block);
        }
        self.out.write_all(&self.buf)?;
        Ok((self.out, self.checksum.len, self.checksum.finish()))
    }

    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() < 2 * BLOCK {
            return Ok(());
        }
        let mut done = 0;
        while self.buf.len() - done > BLOCK {
            let block = &self.buf[done..done + BLOCK];
            self.checksum.block(block);
            self.out.write_all(block)?;
            done += BLOCK;
        }
        self.buf.drain(..done);
        Ok(())
    }
}

/// Why a value could not be read; `offset` is relative to the decoder's slice.
#[derive(Debug)]
pub struct DecodeError {
    pub offset: usize,
    pub message: String,
}

/// Reads values from a slice.
pub struct Decoder<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Decoder<'b> {
    pub fn new(bytes: &'b [u8]) -> Decoder<'b> {
        Decoder { bytes, pos: 0 }
    }

    /// Where the decoder is in its slice.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub fn error(&self, message: impl Into<String>) -> DecodeError {
        DecodeError {
            offset: self.pos,
            message: message.into(),
        }
    }

    #[inline]
    pub fn u8(&mut self) -> Result<u8, DecodeError> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return Err(self.error("unexpected end of data"));
        };
        self.pos += 1;
        Ok(b)
    }

    pub fn bool(&mut self) -> Result<bool, DecodeError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(self.error(format!("expected a flag (0 or 1), found {b}"))),
        }
    }

    #[inline]
    pub fn varint(&mut self) -> Result<u64, DecodeError> {
        // Most numbers in a store (positions, string numbers, lengths) fit in one byte.
        if let Some(&b) = self.bytes.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(u64::from(b));
            }
        }
        self.varint_slow()
    }

    fn varint_slow(&mut self) -> Result<u64, DecodeError> {
        varint::get(self.bytes, &mut self.pos).map_err(|err| match err {
            VarintError::End => self.error("unexpected end of data"),
            VarintError::TooLarge => self.error("number too large"),
        })
    }

    pub fn usize(&mut self) -> Result<usize, DecodeError> {
        let v = self.varint()?;
        usize::try_from(v).map_err(|_| self.error("number too large"))
    }

    pub fn u32(&mut self) -> Result<u32, DecodeError> {
        let v = self.varint()?;
        u32::try_from(v).map_err(|_| self.error("number too large"))
    }

    /// A count of items that each take at least one byte: never more than the bytes left, so
    /// a corrupt count cannot make us allocate gigabytes.
    pub fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.usize()?;
        if n > self.remaining() {
            return Err(self.error(format!(
                "count {n} exceeds the {} bytes left",
                self.remaining()
            )));
        }
        Ok(n)
    }

    #[inline]
    pub fn fixed64(&mut self) -> Result<u64, DecodeError> {
        match self.bytes.get(self.pos..self.pos + 8) {
            Some(&[a, b, c, d, e, f, g, h]) => {
                self.pos += 8;
                Ok(u64::from_le_bytes([a, b, c, d, e, f, g, h]))
            }
            _ => Err(self.error(format!("8 bytes needed, {} left", self.remaining()))),
        }
    }

    pub fn str(&mut self) -> Result<&'b str, DecodeError> {
        let len = self.usize()?;
        let start = self.pos;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|e| DecodeError {
            offset: start + e.valid_up_to(),
            message: "invalid UTF-8 in a string".to_string(),
        })
    }

    pub fn string(&mut self) -> Result<String, DecodeError> {
        self.str().map(str::to_string)
    }

    pub fn opt_string(&mut self) -> Result<Option<String>, DecodeError> {
        if self.bool()? {
            self.string().map(Some)
        } else {
            Ok(None)
        }
    }

    /// The next `len` bytes, as they are.
    pub fn take(&mut self, len: usize) -> Result<&'b [u8], DecodeError> {
        if len > self.remaining() {
            return Err(self.error(format!("{len} bytes needed, {} left", self.remaining())));
        }
        let res = &self.bytes[self.pos..self.pos + len];
        self.pos += len;
        Ok(res)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip_varint(v: u64) {
        let mut enc = Encoder::new(Vec::new());
        enc.varint(v).unwrap();
        let (bytes, _, _) = enc.finish().unwrap();
        let mut dec = Decoder::new(&bytes);
        assert_eq!(dec.varint().unwrap(), v);
        assert_eq!(dec.remaining(), 0);
    }

    #[test]
    fn varints_roundtrip() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            roundtrip_varint(v);
        }
    }

    #[test]
    fn overlong_varint_is_an_error() {
        let bytes = [0xff; 11];
        assert!(Decoder::new(&bytes).varint().is_err());
    }

    #[test]
    fn streaming_checksum_matches_whole_slice() {
        let mut enc = Encoder::new(Vec::new());
        for i in 0..100_000u64 {
            enc.varint(i * 7919).unwrap();
            enc.str("évidence").unwrap();
        }
        let (bytes, len, sum) = enc.finish().unwrap();
        assert_eq!(len, bytes.len() as u64);
        assert_eq!(sum, Checksum::of(&bytes));
        let mut flipped = bytes.clone();
        flipped[12345] ^= 1;
        assert_ne!(sum, Checksum::of(&flipped));
    }

    #[test]
    fn bad_string_lengths_are_errors() {
        let bytes = [5, b'a'];
        let err = Decoder::new(&bytes).str().unwrap_err();
        assert_eq!(err.offset, 1);
        let bytes = [2, 0xff, 0xfe];
        assert!(Decoder::new(&bytes).str().is_err());
    }
}
