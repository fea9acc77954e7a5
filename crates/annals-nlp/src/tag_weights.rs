//! The tagger's perceptron weights re-laid for scoring speed.
//!
//! [`crate::perceptron::Model`] keeps each feature's `(class, weight)` entries
//! in a separate array and adds them one by one. For the tagger that is slow
//! twice over: a lookup costs two dependent cache misses (slot, then
//! entries), and the features a token looks up are mostly frequent ones
//! (shapes, suffixes, neighbouring words) with weights for dozens of its ~110
//! classes, some 900 scattered adds per token. [`InlineWeights`] keeps the
//! same weights as
//!
//! - 16-byte slots holding a fingerprint and up to four entries inline (as
//!   the parser's table does), a feature with up to [`MAX_SPARSE`] entries
//!   taking consecutive slots, so one miss per feature suffices and the
//!   misses of a token's features overlap;
//! - dense rows (one `i16` per class) for features with more entries, added
//!   lane by lane, which the compiler turns into SIMD adds.
//!
//! Scores go to a fixed 256-lane array indexed by a `u8` class, so the
//! sparse adds need neither bounds checks nor branches (unused entries add 0
//! to lane 255). The sums are exactly those of [`Model::scores`], so
//! predictions do not change; tag sets of up to 254 classes fit (the tagger
//! has ~110).

use crate::perceptron::Model;

/// Entries per slot.
const SLOT_ENTRIES: usize = 4;
/// Features with more entries than this get a dense row.
const MAX_SPARSE: usize = 8;
/// Class of an unused entry (its weight is 0).
const NO_CLASS: u8 = u8::MAX;
/// Class bytes of a slot that points to a dense row (row index in the weights).
const DENSE: [u8; SLOT_ENTRIES] = [NO_CLASS - 1; SLOT_ENTRIES];
/// Lanes of a dense row are added in chunks of this many (two AVX2 registers).
const CHUNK: usize = 16;

/// Where a feature's weights are, once looked up.
#[derive(Debug, Clone, Copy)]
enum Found {
    /// Inline in the slot at this index (and continuations after it).
    Slots(usize),
    /// In the dense row starting at this index of the dense weights.
    Dense(usize),
}

/// One open-addressing slot: fingerprint (0 = empty; bit 0 set = another
/// slot of the same feature follows in the probe sequence) and four entries,
/// or the marker [`DENSE`] and a row index split over the first two weights.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(16))]
struct Slot {
    fingerprint: u32,
    class: [u8; SLOT_ENTRIES],
    weight: [i16; SLOT_ENTRIES],
}

const EMPTY: Slot = Slot {
    fingerprint: 0,
    class: [NO_CLASS; SLOT_ENTRIES],
    weight: [0; SLOT_ENTRIES],
};

/// Scores of every class, one lane per possible `u8` class.
pub(crate) type Scores = [i32; 256];

/// See the module docs.
#[derive(Debug, Clone)]
pub(crate) struct InlineWeights {
    slots: Vec<Slot>,
    mask: usize,
    /// Dense rows, `lanes` weights each (classes rounded up to [`CHUNK`]).
    dense: Vec<i16>,
    lanes: usize,
    /// Whether this CPU has AVX2 (checked once, at construction).
    avx2: bool,
}

/// Fingerprint of a key: its high 32 bits with bit 1 set (never 0) and bit 0
/// clear (the continuation flag).
#[inline]
fn fingerprint(key: u64) -> u32 {
    (((key >> 32) as u32) | 2) & !1
}

impl InlineWeights {
    /// The same weights as `model`; `None` if it has too many classes.
    pub fn new(model: &Model) -> Option<InlineWeights> {
        let n_classes = model.n_classes();
        // Classes must fit below the markers.
        if n_classes >= usize::from(DENSE[0]) {
            return None;
        }
        let lanes = n_classes.div_ceil(CHUNK).max(1) * CHUNK;
        let mut n_slots = 0;
        let mut n_dense = 0;
        for (_, e) in model.rows() {
            if e.len() > MAX_SPARSE {
                n_slots += 1;
                n_dense += 1;
            } else {
                n_slots += e.len().div_ceil(SLOT_ENTRIES);
            }
        }
        if n_dense > 1 << 31 {
            return None;
        }
        // At most ~57% full: probe chains stay short.
        let cap = (n_slots + n_slots / 2 + n_slots / 4)
            .next_power_of_two()
            .max(16);
        let mut w = InlineWeights {
            slots: huge_page_vec(cap, EMPTY),
            mask: cap - 1,
            dense: huge_page_vec(n_dense * lanes, 0),
            lanes,
            avx2: has_avx2(),
        };
        let mut n_rows = 0;
        for (key, entries) in model.rows() {
            if entries.len() > MAX_SPARSE {
                let row = (n_rows / lanes) as u32;
                let start = n_rows;
                n_rows += lanes;
                for &(c, v) in entries {
                    if let Some(x) = w.dense.get_mut(start + usize::from(c)) {
                        *x = v;
                    }
                }
                let index = [row as u16 as i16, (row >> 16) as u16 as i16, 0, 0];
                w.insert(key, &[(DENSE, index)]);
            } else {
                let slots: Vec<([u8; SLOT_ENTRIES], [i16; SLOT_ENTRIES])> = entries
                    .chunks(SLOT_ENTRIES)
                    .map(|chunk| {
                        let mut class = [NO_CLASS; SLOT_ENTRIES];
                        let mut weight = [0; SLOT_ENTRIES];
                        for (j, &(c, v)) in chunk.iter().enumerate() {
                            // `new` checked that every class fits below DENSE.
                            class[j] = c as u8;
                            weight[j] = v;
                        }
                        (class, weight)
                    })
                    .collect();
                w.insert(key, &slots);
            }
        }
        Some(w)
    }

    /// Put a feature's slots at the first free places of its probe sequence.
    fn insert(&mut self, key: u64, slots: &[([u8; SLOT_ENTRIES], [i16; SLOT_ENTRIES])]) {
        let fp = fingerprint(key);
        let mut i = (key as usize) & self.mask;
        for (si, &(class, weight)) in slots.iter().enumerate() {
            // The table is at most 4/7 full, so an empty slot is always found.
            while self.slots.get(i).is_some_and(|s| s.fingerprint != 0) {
                i = (i + 1) & self.mask;
            }
            if let Some(s) = self.slots.get_mut(i) {
                *s = Slot {
                    fingerprint: fp | u32::from(si + 1 < slots.len()),
                    class,
                    weight,
                };
            }
        }
    }

    /// Add the weights of `features` into `scores` (not cleared), skipping
    /// any feature equal to `skip` (whose weights the caller already added).
    #[inline]
    pub fn add_all(&self, features: &[u64], skip: u64, scores: &mut Scores) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is true only when the running CPU has AVX2.
            unsafe { self.add_all_avx2(features, skip, scores) };
            return;
        }
        self.add_all_generic(features, skip, scores);
    }

    /// [`InlineWeights::add_all`] compiled for AVX2, so the dense rows are
    /// added sixteen lanes at a time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn add_all_avx2(&self, features: &[u64], skip: u64, scores: &mut Scores) {
        self.add_all_generic(features, skip, scores);
    }

    #[inline(always)]
    fn add_all_generic(&self, features: &[u64], skip: u64, scores: &mut Scores) {
        // Load every feature's home slot first: the loads do not depend on
        // each other, so their cache misses overlap instead of queueing.
        let mut touch = 0u32;
        for &f in features {
            touch ^= self
                .slots
                .get((f as usize) & self.mask)
                .map_or(0, |s| s.fingerprint);
        }
        std::hint::black_box(touch);
        for &f in features {
            if f == skip {
                continue;
            }
            match self.find(f) {
                Some(Found::Dense(start)) => {
                    if let Some(row) = self.dense.get(start..start + self.lanes) {
                        add_dense(scores, row);
                    }
                }
                Some(Found::Slots(i)) => self.add_slots(i, scores),
                None => {}
            }
        }
    }

    /// Where the weights of `feature` are, if it has any.
    #[inline(always)]
    fn find(&self, feature: u64) -> Option<Found> {
        let fp = fingerprint(feature);
        let mut i = (feature as usize) & self.mask;
        loop {
            let slot = self.slots.get(i)?;
            if slot.fingerprint & !1 == fp {
                if slot.class == DENSE {
                    let row = usize::from(slot.weight[0] as u16)
                        | usize::from(slot.weight[1] as u16) << 16;
                    return Some(Found::Dense(row * self.lanes));
                }
                return Some(Found::Slots(i));
            }
            if slot.fingerprint == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the inline entries of the feature whose first slot is `i`,
    /// following continuations along the probe sequence.
    #[inline(always)]
    fn add_slots(&self, mut i: usize, scores: &mut Scores) {
        let Some(first) = self.slots.get(i) else {
            return;
        };
        let fp = first.fingerprint & !1;
        loop {
            let Some(slot) = self.slots.get(i) else {
                return;
            };
            if slot.fingerprint & !1 == fp {
                for k in 0..SLOT_ENTRIES {
                    scores[usize::from(slot.class[k])] += i32::from(slot.weight[k]);
                }
                if slot.fingerprint & 1 == 0 {
                    return;
                }
            } else if slot.fingerprint == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the weights of one `feature` into `scores`.
    pub fn add(&self, feature: u64, scores: &mut Scores) {
        self.add_all_generic(&[feature], 0, scores);
    }
}

/// `scores[c] += row[c]` for every lane of the row, a chunk at a time.
#[inline(always)]
fn add_dense(scores: &mut Scores, row: &[i16]) {
    for (s, r) in scores.chunks_exact_mut(CHUNK).zip(row.chunks_exact(CHUNK)) {
        for (s, &r) in s.iter_mut().zip(r) {
            *s += i32::from(r);
        }
    }
}

/// A vector of `len` copies of `value`, backed where the OS allows by
/// transparent huge pages: lookups land on random slots, and with 4 KiB
/// pages nearly each would also miss the TLB (the parser's table does the
/// same). The extra capacity lets the whole of the used part start on a
/// 2 MiB boundary's side; untouched capacity costs no memory.
fn huge_page_vec<T: Copy>(len: usize, value: T) -> Vec<T> {
    let mut v = Vec::with_capacity(len + HUGE_PAGE / std::mem::size_of::<T>().max(1));
    advise_huge_pages(&v);
    v.resize(len, value);
    v
}

const HUGE_PAGE: usize = 2 << 20;

/// Ask Linux to back the (not yet touched) capacity of `v` with transparent
/// huge pages. A hint only; failure changes nothing.
#[cfg(target_os = "linux")]
fn advise_huge_pages<T>(v: &Vec<T>) {
    let start = v.as_ptr() as usize;
    let end = start + v.capacity() * std::mem::size_of::<T>();
    let aligned = (start + HUGE_PAGE - 1) & !(HUGE_PAGE - 1);
    if end >= aligned + HUGE_PAGE {
        // SAFETY: the range lies inside the vector's own allocation, and
        // MADV_HUGEPAGE only changes how the kernel backs it, not its contents.
        unsafe {
            libc::madvise(
                aligned as *mut libc::c_void,
                (end - aligned) & !(HUGE_PAGE - 1),
                libc::MADV_HUGEPAGE,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages<T>(_: &Vec<T>) {}

#[cfg(target_arch = "x86_64")]
fn has_avx2() -> bool {
    std::is_x86_feature_detected!("avx2")
}

#[cfg(not(target_arch = "x86_64"))]
fn has_avx2() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Trainer;

    #[test]
    fn sums_match_the_model() {
        // Features with 1..=20 classes: one slot, several slots, dense rows.
        let n_classes = 40;
        let key = |f: u64, part: u64| crate::hash::feat1(part as u32, f);
        let mut t = Trainer::new(n_classes);
        for round in 0..3u64 {
            for f in 1..60u64 {
                let feats = [key(f, round), key(f, 7)];
                for c in 0..(f as usize % 20 + 1) {
                    t.update(c, (c + 1 + f as usize) % n_classes, &feats);
                }
            }
        }
        let model = t.finish(0.0);
        let mut w = InlineWeights::new(&model).expect("40 classes fit");
        assert!(!w.dense.is_empty(), "some features should be dense");
        for avx2 in [false, w.avx2] {
            w.avx2 = avx2;
            for f in 1..65u64 {
                // Two known features (or unknown, past 59) and an unknown one.
                let feats = [key(f, 1), key(f, 7), key(f, 99)];
                let mut want = vec![0i32; n_classes];
                model.scores(&feats, &mut want);
                let mut got = [0i32; 256];
                w.add_all(&feats, 0, &mut got);
                assert_eq!(&got[..n_classes], &want[..], "feature {f}, avx2 {avx2}");
            }
        }
    }
}
