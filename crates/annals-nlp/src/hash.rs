//! Feature hashing: every feature is a 64-bit key built from a template id and
//! the hashes of its parts, so no feature string is ever allocated.

/// FNV-1a over bytes, then a finalizing mix so short strings spread well.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = StrHasher::new();
    h.bytes(bytes);
    h.finish()
}

/// Incremental form of [`hash_bytes`]: feeding the bytes of a string piece by
/// piece gives the same hash as hashing the whole string.
#[derive(Clone, Copy)]
pub struct StrHasher(u64);

impl Default for StrHasher {
    fn default() -> Self {
        StrHasher::new()
    }
}

impl StrHasher {
    #[inline]
    pub fn new() -> Self {
        StrHasher(0xcbf2_9ce4_8422_2325)
    }
    #[inline]
    pub fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    #[inline]
    pub fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes(c.encode_utf8(&mut buf).as_bytes());
    }
    #[inline]
    pub fn finish(&self) -> u64 {
        finalize(self.0)
    }
}

#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combine a template id with one part.
#[inline]
pub fn feat1(template: u32, a: u64) -> u64 {
    nonzero(finalize(
        a ^ (u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
    ))
}

/// Combine a template id with two parts (order matters).
#[inline]
pub fn feat2(template: u32, a: u64, b: u64) -> u64 {
    feat1(template, a.rotate_left(17) ^ finalize(b))
}

/// Combine a template id with three parts.
#[inline]
pub fn feat3(template: u32, a: u64, b: u64, c: u64) -> u64 {
    feat1(
        template,
        a.rotate_left(17) ^ finalize(b).rotate_left(31) ^ finalize(c ^ 0x5555),
    )
}

#[inline]
fn finalize(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Key 0 marks an empty slot in [`crate::perceptron::Model`]'s table.
#[inline]
fn nonzero(h: u64) -> u64 {
    if h == 0 {
        1
    } else {
        h
    }
}
