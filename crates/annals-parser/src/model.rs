//! The parser's weights: a hash table from feature hash to the few classes the
//! feature has a (quantized, i16) weight for, and the compact binary file
//! format they are stored in.
//!
//! File layout (little endian):
//!
//! ```text
//! magic    b"ANPARSER"         8 bytes
//! version  u32                 FORMAT_VERSION
//! features u32                 FEATURE_VERSION of the templates used in training
//! labels   u32 count, then per label: u8 length + UTF-8 bytes
//! scale    f32                 score units per weight unit (informational)
//! entries  u32 count of features, then per feature, sorted by key:
//!          varint key delta, u8 n, n × (u8 class, i16 weight)
//! ```
//!
//! Keys are the top 48 bits of the 64-bit feature hash, which keeps the deltas
//! to about four bytes while false matches stay negligible.

use crate::ParserError;

const MAGIC: &[u8; 8] = b"ANPARSER";
const FORMAT_VERSION: u32 = 1;

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
fn advise_huge_pages(v: &Vec<Slot>) {
    const HUGE: usize = 2 << 20;
    let start = v.as_ptr() as usize;
    let end = start + v.capacity() * std::mem::size_of::<Slot>();
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
fn advise_huge_pages(_: &Vec<Slot>) {}

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

/// Everything a model file holds.
#[derive(Debug, Clone)]
pub(crate) struct ModelData {
    pub feature_version: u32,
    pub labels: Vec<String>,
    pub scale: f32,
    pub weights: Weights,
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
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.weights.encoded);
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
        if n_labels == 0 || n_labels > 126 {
            return Err(r.err(&format!("{n_labels} labels (1 to 126 supported)")));
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = r.u8()? as usize;
            let b = r.take(len)?;
            let s = std::str::from_utf8(b).map_err(|_| r.err("label is not UTF-8"))?;
            labels.push(s.to_owned());
        }
        let scale = f32::from_le_bytes(r.array()?);
        let n_rows = r.u32()? as usize;
        if n_rows > bytes.len() {
            return Err(r.err("feature count exceeds file size"));
        }
        let n_classes = 2 + 2 * n_labels;
        let section = r.pos - 4;
        // First pass: validate the rows and count the slots they need.
        let mut n_slots = 0usize;
        for _ in 0..n_rows {
            r.varint()?;
            let n = r.u8()? as usize;
            for _ in 0..n {
                let class = r.u8()?;
                if class as usize >= n_classes {
                    return Err(r.err(&format!("class {class} out of range ({n_classes} classes)")));
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
        let mut ents: Vec<(u8, i16)> = Vec::with_capacity(n_classes);
        for _ in 0..n_rows {
            let delta = r.varint()?;
            if delta == 0 && w.n_features > 0 {
                return Err(r.err("duplicate feature key"));
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
        w.encoded = bytes.get(section..end).unwrap_or(&[]).to_vec();
        if r.pos != bytes.len() {
            return Err(r.err("trailing bytes after the weights"));
        }
        Ok(ModelData {
            feature_version,
            labels,
            scale,
            weights: w,
        })
    }
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
