//! The parser's weights and the compact binary file format they are stored in.
//!
//! Two tables: [`MoveWeights`] scores the four transitions (one dense row of
//! three i16 weights per feature, in an 8-byte slot, so the table is small
//! and a lookup touches one cache line), and [`Weights`] scores the
//! relation of a new arc (per feature the few labels it has a weight for).
//!
//! File layout (little endian):
//!
//! ```text
//! magic    b"ANPARSER"         8 bytes
//! version  u32                 FORMAT_VERSION
//! features u32                 FEATURE_VERSION of the templates used in training
//! labels   u32 count, then per label: u8 length + UTF-8 bytes
//! scales   f32, f32            score units per weight unit, moves then labels (informational)
//! moves    u32 count of features, then per feature, sorted by key:
//!          varint key delta, 3 × i16 (weights of REDUCE, LEFT, RIGHT minus that of SHIFT)
//! labels   u32 count of features, then per feature, sorted by key:
//!          varint key delta, u8 n, n × (u8 label, i16 weight)
//! ```
//!
//! Keys are the top 48 bits of the 64-bit feature hash, which keeps the deltas
//! to about four bytes while false matches stay negligible.

use crate::ParserError;

const MAGIC: &[u8; 8] = b"ANPARSER";
const FORMAT_VERSION: u32 = 2;

/// Reduce a feature hash to the stored 48-bit key.
#[inline]
pub(crate) fn key_of(hash: u64) -> u64 {
    hash >> 16
}

/// Entries per slot; a feature with more entries takes several slots.
const SLOT_ENTRIES: usize = 4;
/// Class byte of an unused entry.
const NO_CLASS: u8 = u8::MAX;

/// One open-addressing slot (16 bytes): a fingerprint of the key (0 = empty)
/// and up to four of the feature's `(class, weight)` entries inline, so a
/// lookup costs one cache miss. Bit 0 of the fingerprint says that another
/// slot of the same feature follows in the probe sequence.
#[derive(Debug, Clone, Copy)]
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

/// Quantized weights with open-addressing lookup.
///
/// The home slot of a key is taken from its high bits, so inserting keys in
/// sorted order (as stored in the file) writes the table front to back, which
/// keeps loading fast. Scoring loads every feature's home slot before probing,
/// so the cache misses of one parser state overlap instead of queueing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    slots: Vec<Slot>,
    mask: usize,
    shift: u32,
    n_features: usize,
    /// The rows in file form (count, then per feature: varint key delta, n,
    /// entries), kept for writing the model back.
    encoded: Vec<u8>,
}

/// Fingerprint of a key: its low 32 bits with bit 1 set (never 0) and bit 0
/// clear (the continuation flag).
#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key as u32) | 2) & !1
}

/// Ask Linux to back the (not yet touched) table with transparent huge pages:
/// lookups hit random slots, and with 4 KiB pages nearly every one would also
/// miss the TLB. A hint only; failure changes nothing.
#[cfg(target_os = "linux")]
fn advise_huge_pages<T>(v: &Vec<T>) {
    const HUGE: usize = 2 << 20;
    let start = v.as_ptr() as usize;
    let end = start + v.capacity() * std::mem::size_of::<T>();
    let aligned = (start + HUGE - 1) & !(HUGE - 1);
    if end > aligned + HUGE {
        // SAFETY: the range lies inside the vector's own allocation, and
        // MADV_HUGEPAGE only changes how the kernel backs it, not its contents.
        unsafe {
            libc::madvise(
                aligned as *mut libc::c_void,
                end - aligned,
                libc::MADV_HUGEPAGE,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages<T>(_: &Vec<T>) {}

impl Weights {
    /// An empty table sized for `n_slots` slot fills.
    fn with_capacity(n_slots: usize) -> Weights {
        let cap = (n_slots + n_slots / 2 + n_slots / 4)
            .next_power_of_two()
            .max(16);
        let mut slots = Vec::with_capacity(cap);
        advise_huge_pages(&slots);
        slots.resize(cap, EMPTY);
        Weights {
            slots,
            mask: cap - 1,
            shift: 48 - cap.trailing_zeros(),
            n_features: 0,
            encoded: Vec::new(),
        }
    }

    /// Build from `(key, [(class, weight)])` rows sorted by key.
    pub fn from_rows(rows: &[(u64, Vec<(u8, i16)>)]) -> Weights {
        let n_slots = rows.iter().map(|r| r.1.len().div_ceil(SLOT_ENTRIES)).sum();
        let mut w = Weights::with_capacity(n_slots);
        let mut enc = Vec::new();
        enc.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for (key, ents) in rows {
            let ents = &ents[..ents.len().min(255)];
            put_varint(&mut enc, key - prev);
            prev = *key;
            enc.push(ents.len() as u8);
            for &(c, v) in ents {
                enc.push(c);
                enc.extend_from_slice(&v.to_le_bytes());
            }
            w.insert(*key, ents);
        }
        w.encoded = enc;
        w
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        ((key & 0xFFFF_FFFF_FFFF) >> self.shift) as usize & self.mask
    }

    fn insert(&mut self, key: u64, ents: &[(u8, i16)]) {
        let fp = fingerprint(key);
        let mut i = self.home(key);
        let n_chunks = ents.len().div_ceil(SLOT_ENTRIES);
        for (ci, chunk) in ents.chunks(SLOT_ENTRIES).enumerate() {
            // The table is at most 4/7 full, so an empty slot is always found.
            while self.slots[i].fingerprint != 0 {
                i = (i + 1) & self.mask;
            }
            let mut slot = Slot {
                fingerprint: fp | u32::from(ci + 1 < n_chunks),
                ..EMPTY
            };
            for (j, &(c, v)) in chunk.iter().enumerate() {
                slot.class[j] = c;
                slot.weight[j] = v;
            }
            self.slots[i] = slot;
        }
        self.n_features += 1;
    }

    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// A copy without the entries whose magnitude is below `min_abs`
    /// (in quantized units), and without features left empty.
    pub fn pruned(&self, min_abs: i16) -> Weights {
        let mut rows = Vec::with_capacity(self.n_features);
        let mut r = Reader {
            bytes: &self.encoded,
            pos: 0,
            source: "weights",
        };
        let n = r.u32().unwrap_or(0);
        let mut key = 0u64;
        for _ in 0..n {
            let (Ok(delta), Ok(len)) = (r.varint(), r.u8()) else {
                break;
            };
            key = key.wrapping_add(delta);
            let mut ents = Vec::new();
            for _ in 0..len {
                let (Ok(c), Ok(v)) = (r.u8(), r.array::<2>()) else {
                    break;
                };
                let v = i16::from_le_bytes(v);
                if v.unsigned_abs() >= min_abs.unsigned_abs() {
                    ents.push((c, v));
                }
            }
            if !ents.is_empty() {
                rows.push((key, ents));
            }
        }
        Weights::from_rows(&rows)
    }

    /// Add the weights of every feature in `feats` to `scores`.
    #[inline]
    pub fn score<const N: usize>(&self, feats: &[u64; N], scores: &mut [i32]) {
        if self.n_features == 0 {
            return;
        }
        // Load every feature's home slot first: the loads are independent, so
        // their cache misses overlap.
        let mut home = [0usize; N];
        let mut first = [EMPTY; N];
        for ((h, s), &f) in home.iter_mut().zip(first.iter_mut()).zip(feats) {
            *h = self.home(key_of(f));
            *s = self.slots[*h];
        }
        for ((&f, &h), &s) in feats.iter().zip(&home).zip(&first) {
            let fp = fingerprint(key_of(f));
            let mut slot = s;
            let mut i = h;
            while slot.fingerprint != 0 {
                if slot.fingerprint & !1 == fp {
                    for (&c, &v) in slot.class.iter().zip(&slot.weight) {
                        if let Some(sc) = scores.get_mut(c as usize) {
                            *sc += i32::from(v);
                        }
                    }
                    if slot.fingerprint & 1 == 0 {
                        break;
                    }
                }
                i = (i + 1) & self.mask;
                slot = self.slots[i];
            }
        }
    }
}

/// Fingerprints per bucket of the transition table.
const LANES: usize = 8;

/// One cache line of the transition table: eight fingerprints (the low 16
/// bits of the key, never 0; 0 marks an empty lane) and the eight features'
/// weights for REDUCE, LEFT and RIGHT relative to SHIFT. Only differences
/// between classes matter to an argmax, so SHIFT's weight is folded into the
/// others.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct MoveBucket {
    fingerprint: [u16; LANES],
    weight: [[i16; 3]; LANES],
}

#[inline]
fn move_fingerprint(key: u64) -> u16 {
    (key as u16) | 1
}

/// The fingerprint lanes of a bucket as one 128-bit word.
#[inline]
fn lanes(fps: &[u16; LANES]) -> u128 {
    let mut v = 0u128;
    for (i, &f) in fps.iter().enumerate() {
        v |= u128::from(f) << (16 * i);
    }
    v
}

const LANE_LOW: u128 = 0x0001_0001_0001_0001_0001_0001_0001_0001;
const LANE_HIGH: u128 = 0x8000_8000_8000_8000_8000_8000_8000_8000;

/// Index of the first zero 16-bit lane of `v`, if any (the classic SWAR
/// test: exact for the lowest zero lane, which is the one taken).
#[inline]
fn first_zero_lane(v: u128) -> Option<usize> {
    let m = v.wrapping_sub(LANE_LOW) & !v & LANE_HIGH;
    if m == 0 {
        None
    } else {
        Some(m.trailing_zeros() as usize / 16)
    }
}

/// Dense transition weights in a bucketed hash table.
///
/// The home bucket of a key comes from its high bits (sorted keys fill the
/// table front to back); a full bucket overflows into the next. A lookup
/// reads one cache line and compares its eight fingerprints at once, and
/// scoring reads every feature's home bucket before using any, so the cache
/// misses of one state overlap.
#[derive(Debug, Clone, Default)]
pub(crate) struct MoveWeights {
    buckets: Vec<MoveBucket>,
    n_features: usize,
    /// The rows in file form, kept for writing the model back.
    encoded: Vec<u8>,
}

impl MoveWeights {
    fn with_capacity(n: usize) -> MoveWeights {
        // Half full: fuller tables overflow buckets often enough that
        // lookups of absent features, which must then read the next bucket
        // too, slow parsing down (measured: 3/4 full was ~20% slower). The
        // bucket count need not be a power of two (see `home`), so the
        // table is no larger than that.
        let cap = n.div_ceil(LANES / 2).max(2);
        let mut buckets = Vec::with_capacity(cap);
        advise_huge_pages(&buckets);
        buckets.resize(cap, MoveBucket::default());
        MoveWeights {
            buckets,
            n_features: 0,
            encoded: Vec::new(),
        }
    }

    /// Build from `(key, weights)` rows sorted by key.
    pub fn from_rows(rows: &[(u64, [i16; 3])]) -> MoveWeights {
        let mut w = MoveWeights::with_capacity(rows.len());
        let mut enc = Vec::with_capacity(rows.len() * 10 + 4);
        enc.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for &(key, ws) in rows {
            put_varint(&mut enc, key - prev);
            prev = key;
            for v in ws {
                enc.extend_from_slice(&v.to_le_bytes());
            }
            w.insert(key, ws);
        }
        w.encoded = enc;
        w
    }

    /// The home bucket: the key's top 32 bits scaled to the bucket count
    /// (monotone in the key, so sorted keys fill the table front to back).
    #[inline]
    fn home(&self, key: u64) -> usize {
        let top = (key >> 16) & 0xFFFF_FFFF;
        ((top * self.buckets.len() as u64) >> 32) as usize
    }

    /// The bucket after `i`, wrapping around.
    #[inline]
    fn next(&self, i: usize) -> usize {
        if i + 1 >= self.buckets.len() {
            0
        } else {
            i + 1
        }
    }

    fn insert(&mut self, key: u64, weight: [i16; 3]) {
        let mut i = self.home(key);
        // The table is at most half full, so a free lane is always found.
        loop {
            let b = &mut self.buckets[i];
            if let Some(lane) = b.fingerprint.iter().position(|&f| f == 0) {
                b.fingerprint[lane] = move_fingerprint(key);
                b.weight[lane] = weight;
                break;
            }
            i = self.next(i);
        }
        self.n_features += 1;
    }

    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// A copy without the features whose weights are all below `min_abs` in
    /// magnitude (in quantized units).
    pub fn pruned(&self, min_abs: i16) -> MoveWeights {
        let mut r = Reader {
            bytes: &self.encoded,
            pos: 0,
            source: "transition weights",
        };
        let Ok(w) = read_moves(&mut r) else {
            return self.clone();
        };
        let mut rows = Vec::with_capacity(w.n_features);
        let mut r = Reader {
            bytes: &self.encoded,
            pos: 4,
            source: "transition weights",
        };
        let mut key = 0u64;
        for _ in 0..w.n_features {
            let Ok(delta) = r.varint() else { break };
            key = key.wrapping_add(delta);
            let mut ws = [0i16; 3];
            for v in &mut ws {
                *v = r.array().map(i16::from_le_bytes).unwrap_or(0);
            }
            if ws
                .iter()
                .any(|v| v.unsigned_abs() >= min_abs.unsigned_abs())
            {
                rows.push((key, ws));
            }
        }
        MoveWeights::from_rows(&rows)
    }

    /// Add the weights of every feature in `feats` to `scores` (indexed by
    /// transition class; SHIFT's entry is left as it is).
    #[inline]
    pub fn score<const N: usize>(&self, feats: &[u64; N], scores: &mut [i32; 4]) {
        if self.n_features == 0 {
            return;
        }
        // Read every feature's home bucket first: the loads are independent,
        // so their cache misses overlap.
        let mut home = [0usize; N];
        let mut fps = [0u128; N];
        for ((h, v), &f) in home.iter_mut().zip(fps.iter_mut()).zip(feats) {
            *h = self.home(key_of(f));
            *v = lanes(&self.buckets[*h].fingerprint);
        }
        let mut acc = [0i32; 3];
        for ((&f, &h), &v) in feats.iter().zip(&home).zip(&fps) {
            let fp = u128::from(move_fingerprint(key_of(f))) * LANE_LOW;
            let (mut i, mut v) = (h, v);
            loop {
                if let Some(lane) = first_zero_lane(v ^ fp) {
                    for (a, &w) in acc.iter_mut().zip(&self.buckets[i].weight[lane]) {
                        *a += i32::from(w);
                    }
                    break;
                }
                if first_zero_lane(v).is_some() {
                    break;
                }
                i = self.next(i);
                v = lanes(&self.buckets[i].fingerprint);
            }
        }
        for (s, a) in scores[1..].iter_mut().zip(acc) {
            *s += a;
        }
    }
}

/// Everything a model file holds.
#[derive(Debug, Clone)]
pub(crate) struct ModelData {
    pub feature_version: u32,
    pub labels: Vec<String>,
    pub move_scale: f32,
    pub label_scale: f32,
    pub moves: MoveWeights,
    pub label_weights: Weights,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl ModelData {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.feature_version.to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            let b = l.as_bytes();
            out.push(b.len().min(255) as u8);
            out.extend_from_slice(&b[..b.len().min(255)]);
        }
        out.extend_from_slice(&self.move_scale.to_le_bytes());
        out.extend_from_slice(&self.label_scale.to_le_bytes());
        out.extend_from_slice(&self.moves.encoded);
        out.extend_from_slice(&self.label_weights.encoded);
        out
    }

    pub fn from_bytes(bytes: &[u8], source: &str) -> Result<ModelData, ParserError> {
        let mut r = Reader {
            bytes,
            pos: 0,
            source,
        };
        if r.take(8)? != MAGIC {
            return Err(r.err("not an annals parser model (bad magic bytes)"));
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(r.err(&format!(
                "format version {version}, expected {FORMAT_VERSION}"
            )));
        }
        let feature_version = r.u32()?;
        let n_labels = r.u32()? as usize;
        if n_labels == 0 || n_labels > 255 {
            return Err(r.err(&format!("{n_labels} labels (1 to 255 supported)")));
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = r.u8()? as usize;
            let b = r.take(len)?;
            let s = std::str::from_utf8(b).map_err(|_| r.err("label is not UTF-8"))?;
            labels.push(s.to_owned());
        }
        let move_scale = f32::from_le_bytes(r.array()?);
        let label_scale = f32::from_le_bytes(r.array()?);
        let moves = read_moves(&mut r)?;
        let label_weights = read_label_weights(&mut r, n_labels)?;
        if r.pos != bytes.len() {
            return Err(r.err("trailing bytes after the weights"));
        }
        Ok(ModelData {
            feature_version,
            labels,
            move_scale,
            label_scale,
            moves,
            label_weights,
        })
    }
}

/// Read the transition table section.
fn read_moves(r: &mut Reader<'_>) -> Result<MoveWeights, ParserError> {
    let section = r.pos;
    let n_rows = r.u32()? as usize;
    if n_rows > r.bytes.len() {
        return Err(r.err("transition feature count exceeds file size"));
    }
    let mut w = MoveWeights::with_capacity(n_rows);
    let mut key = 0u64;
    for _ in 0..n_rows {
        let delta = r.varint()?;
        if delta == 0 && w.n_features > 0 {
            return Err(r.err("duplicate transition feature key"));
        }
        key = key.wrapping_add(delta);
        let mut ws = [0i16; 3];
        for v in &mut ws {
            *v = i16::from_le_bytes(r.array()?);
        }
        w.insert(key, ws);
    }
    w.encoded = r.bytes.get(section..r.pos).unwrap_or(&[]).to_vec();
    Ok(w)
}

/// Read the label table section (labels must be below `n_labels`).
fn read_label_weights(r: &mut Reader<'_>, n_labels: usize) -> Result<Weights, ParserError> {
    let section = r.pos;
    let n_rows = r.u32()? as usize;
    if n_rows > r.bytes.len() {
        return Err(r.err("label feature count exceeds file size"));
    }
    // First pass: validate the rows and count the slots they need.
    let mut n_slots = 0usize;
    for _ in 0..n_rows {
        r.varint()?;
        let n = r.u8()? as usize;
        for _ in 0..n {
            let class = r.u8()?;
            if class as usize >= n_labels {
                return Err(r.err(&format!("label {class} out of range ({n_labels} labels)")));
            }
            r.take(2)?;
        }
        n_slots += n.div_ceil(SLOT_ENTRIES);
    }
    // Second pass: fill the table (rows are in key order, so mostly sequential writes).
    let mut w = Weights::with_capacity(n_slots);
    let end = r.pos;
    r.pos = section + 4;
    let mut key = 0u64;
    let mut ents: Vec<(u8, i16)> = Vec::with_capacity(n_labels);
    for _ in 0..n_rows {
        let delta = r.varint()?;
        if delta == 0 && w.n_features > 0 {
            return Err(r.err("duplicate label feature key"));
        }
        key = key.wrapping_add(delta);
        let n = r.u8()? as usize;
        ents.clear();
        for _ in 0..n {
            let class = r.u8()?;
            ents.push((class, i16::from_le_bytes(r.array()?)));
        }
        w.insert(key, &ents);
    }
    w.encoded = r.bytes.get(section..end).unwrap_or(&[]).to_vec();
    Ok(w)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    source: &'a str,
}

impl<'a> Reader<'a> {
    fn err(&self, message: &str) -> ParserError {
        ParserError::Model {
            source_name: self.source.to_owned(),
            message: format!("{message} (at byte {})", self.pos),
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ParserError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let s = &self.bytes[self.pos..end];
                self.pos = end;
                Ok(s)
            }
            None => Err(self.err("unexpected end of file")),
        }
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ParserError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, ParserError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ParserError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn varint(&mut self) -> Result<u64, ParserError> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift > 63 {
                return Err(self.err("varint too long"));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys whose home buckets collide (same high bits), so buckets overflow.
    fn crowded_rows() -> Vec<(u64, [i16; 3])> {
        let mut rows: Vec<(u64, [i16; 3])> = (0..40u64)
            .map(|i| {
                let key = (i % 3) << 40 | (i * 7919 + 1);
                let w = i as i16;
                (key, [w, -w, 2 * w + 1])
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    #[test]
    fn every_stored_transition_feature_is_found_and_absent_ones_add_nothing() {
        let rows = crowded_rows();
        let table = MoveWeights::from_rows(&rows);
        assert_eq!(table.n_features(), rows.len());
        for &(key, w) in &rows {
            let mut scores = [5, 0, 0, 0];
            // A feature hash whose key is `key`.
            table.score(&[key << 16], &mut scores);
            assert_eq!(
                scores,
                [5, i32::from(w[0]), i32::from(w[1]), i32::from(w[2])],
                "key {key:#x}"
            );
        }
        let mut scores = [0; 4];
        table.score(&[0xABCD_EF01_2345 << 16, 0x7777 << 16], &mut scores);
        assert_eq!(scores, [0; 4]);
    }

    #[test]
    fn model_bytes_round_trip() {
        let data = ModelData {
            feature_version: 9,
            labels: vec!["root".into(), "nsubj".into()],
            move_scale: 0.5,
            label_scale: 0.25,
            moves: MoveWeights::from_rows(&crowded_rows()),
            label_weights: Weights::from_rows(&[(3, vec![(1, 7)]), (8, vec![(0, -2), (1, 4)])]),
        };
        let bytes = data.to_bytes();
        let back = ModelData::from_bytes(&bytes, "test").unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.labels, data.labels);
        let mut scores = [0; 2];
        back.label_weights.score(&[8 << 16], &mut scores);
        assert_eq!(scores, [-2, 4]);
        // Truncation anywhere is an error, not a panic.
        for cut in [8, 20, bytes.len() - 1] {
            assert!(ModelData::from_bytes(&bytes[..cut], "cut").is_err());
        }
    }
}
