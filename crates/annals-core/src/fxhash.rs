//! A fast hasher for the pipeline's many small lookup tables.
//!
//! Lexicon lookups of short words and phrases run at every token; the
//! standard library's SipHash guards against hash flooding, which tables
//! built from annals' own data files do not need. This is the multiply-rotate
//! "Fx" hash of Firefox and rustc.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.hash = (self.hash.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.hash = (self.hash.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s for maps and sets.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
/// A `HashMap` hashed with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
/// A `HashSet` hashed with [`FxHasher`].
pub type FxHashSet<K> = HashSet<K, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_they_hold() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for (i, w) in ["said", "told", "according", "claimed"].iter().enumerate() {
            m.insert((*w).to_string(), i);
        }
        assert_eq!(m.get("told"), Some(&1));
        assert_eq!(m.get("tolds"), None);
        let mut h1 = FxHasher::default();
        h1.write(b"an eight-byte-plus key");
        let mut h2 = FxHasher::default();
        h2.write(b"an eight-byte-plus kez");
        assert_ne!(h1.finish(), h2.finish());
    }
}
