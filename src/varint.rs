//! LEB128 varints, the one codec for every binary format claimgraph writes (the store, the
//! built-in gazetteer blob, the POS model): seven bits a byte, low bits first, the high bit set
//! on all but the last byte. A `u64` takes at most ten bytes; decoding refuses more, and a
//! tenth byte that would overflow. `build.rs` includes this file too (through `blob.rs`).

/// Why a varint could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarintError {
    /// The bytes ended inside the number.
    End,
    /// More than 64 bits.
    TooLarge,
}

/// Appends `v`.
pub fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads the number at `*pos` and moves `*pos` past it (on error, to the byte at fault).
///
/// # Errors
///
/// When the bytes end inside the number or it does not fit in 64 bits.
#[inline]
pub fn get(bytes: &[u8], pos: &mut usize) -> Result<u64, VarintError> {
    let mut res: u64 = 0;
    for shift in (0..64).step_by(7) {
        let Some(&b) = bytes.get(*pos) else {
            return Err(VarintError::End);
        };
        if shift == 63 && b > 1 {
            return Err(VarintError::TooLarge);
        }
        *pos += 1;
        res |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(res);
        }
    }
    Err(VarintError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_limits() {
        for v in [
            0,
            1,
            127,
            128,
            300,
            u64::from(u32::MAX),
            u64::MAX - 1,
            u64::MAX,
        ] {
            let mut bytes = Vec::new();
            put(&mut bytes, v);
            let mut pos = 0;
            assert_eq!(get(&bytes, &mut pos), Ok(v));
            assert_eq!(pos, bytes.len());
        }
        let mut pos = 0;
        assert_eq!(get(&[0xff; 11], &mut pos), Err(VarintError::TooLarge));
        let mut pos = 0;
        // Ten bytes whose last would set bit 64.
        let over = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02];
        assert_eq!(get(&over, &mut pos), Err(VarintError::TooLarge));
        let mut pos = 0;
        assert_eq!(get(&[0x80, 0x80], &mut pos), Err(VarintError::End));
    }
}
