//! A compact filter of the lexicon's keys and of every prefix of them.
//!
//! Matching grows a phrase piece by piece and stops as soon as no key starts
//! with it. Asking a sorted key list that question costs a binary search of
//! string comparisons per piece; this filter answers it with one bit read
//! from a hash of the phrase, and the hash grows with the phrase. Like a
//! Bloom filter it may say "perhaps" for a phrase no key starts with (the
//! matcher then tries one more piece and finds nothing), never "no" for one
//! that some key does start with, so matches are exactly those of an exact
//! search.

/// Bits per filter as a power of two: 2^23 bits (1 MiB) keep false
/// "perhaps" answers to a few percent for the embedded lexicon's ~10^6
/// prefixes, and the table stays in the second-level cache.
const BITS_LOG2: u32 = 23;

/// Prefix and whole-key bits, indexed by a hash of the bytes.
#[derive(Debug, Clone)]
pub struct PrefixFilter {
    prefixes: Vec<u64>,
    keys: Vec<u64>,
}

impl Default for PrefixFilter {
    fn default() -> Self {
        let words = 1usize << (BITS_LOG2 - 6);
        PrefixFilter {
            prefixes: vec![0; words],
            keys: vec![0; words],
        }
    }
}

/// The running hash of a phrase being grown (64-bit FNV-1a over its bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHash(u64);

impl Default for PhraseHash {
    fn default() -> Self {
        PhraseHash(0xcbf2_9ce4_8422_2325)
    }
}

impl PhraseHash {
    /// The hash after appending `bytes`.
    #[inline]
    pub fn extend(self, bytes: &[u8]) -> PhraseHash {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        PhraseHash(h)
    }

    /// Bit position in a filter: FNV's low bits mix poorly, so the top bits
    /// of a further multiplication are used.
    #[inline]
    fn bit(self) -> usize {
        (self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS_LOG2)) as usize
    }
}

#[inline]
fn get(bits: &[u64], i: usize) -> bool {
    bits.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
}

#[inline]
fn set(bits: &mut [u64], i: usize) {
    if let Some(w) = bits.get_mut(i >> 6) {
        *w |= 1 << (i & 63);
    }
}

impl PrefixFilter {
    /// Record `key` and each of its non-empty byte prefixes.
    pub fn insert(&mut self, key: &str) {
        let mut h = PhraseHash::default();
        for &b in key.as_bytes() {
            h = h.extend(&[b]);
            set(&mut self.prefixes, h.bit());
        }
        set(&mut self.keys, h.bit());
    }

    /// Whether some key may start with the phrase hashed as `h` (never false
    /// when one does).
    #[inline]
    pub fn may_extend(&self, h: PhraseHash) -> bool {
        get(&self.prefixes, h.bit())
    }

    /// Whether the phrase hashed as `h` may itself be a key (never false
    /// when it is).
    #[inline]
    pub fn may_be_key(&self, h: PhraseHash) -> bool {
        get(&self.keys, h.bit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(s: &str) -> PhraseHash {
        PhraseHash::default().extend(s.as_bytes())
    }

    #[test]
    fn every_prefix_and_key_is_found() {
        let mut f = PrefixFilter::default();
        for k in ["unitedstates", "unitednations", "iraq", "iraqigovernment"] {
            f.insert(k);
        }
        for p in ["u", "united", "unitedst", "unitedstates", "iraqig", "iraq"] {
            assert!(f.may_extend(hash(p)), "{p}");
        }
        assert!(f.may_be_key(hash("iraq")));
        assert!(f.may_be_key(hash("unitednations")));
        // Growing a hash piece by piece equals hashing the whole phrase.
        assert_eq!(hash("united").extend(b"states"), hash("unitedstates"));
    }

    #[test]
    fn absent_phrases_are_mostly_rejected() {
        let mut f = PrefixFilter::default();
        for i in 0..20_000 {
            f.insert(&format!("key{i}name"));
        }
        let false_hits = (0..10_000)
            .filter(|i| f.may_extend(hash(&format!("other{i}"))))
            .count();
        // ~300k prefixes in 8M bits: a few percent at most.
        assert!(false_hits < 500, "{false_hits} false hits in 10000");
        let false_keys = (0..10_000)
            .filter(|i| f.may_be_key(hash(&format!("key{i}nam"))))
            .count();
        assert!(false_keys < 100, "{false_keys} prefixes taken for keys");
    }
}
