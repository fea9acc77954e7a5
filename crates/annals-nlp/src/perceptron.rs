//! Averaged perceptron over hashed sparse features, shared by the tagger, the
//! entity recognizer and (optionally) the dependency parser.
//!
//! [`Trainer`] learns weights with the usual lazy averaging trick; [`Trainer::finish`]
//! averages, prunes near-zero weights and quantizes the rest to `i16`, giving a
//! compact read-only [`Model`] that scores a feature set with one open-addressing
//! lookup per feature.
//!
//! ```
//! use annals_nlp::perceptron::{Trainer, Model};
//! let mut t = Trainer::new(2);
//! for _ in 0..5 {
//!     t.update(0, 1, &[11, 12]);
//!     t.update(1, 0, &[21, 22]);
//! }
//! let model: Model = t.finish(0.0);
//! let mut scores = vec![0i32; 2];
//! model.scores(&[11], &mut scores);
//! assert!(scores[0] > scores[1]);
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::binio::{Reader, Writer};
use crate::NlpError;

/// Hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by pre-hashed `u64`s.
pub type U64Map<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

#[derive(Clone, Copy)]
struct Param {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// Learns perceptron weights; see the module docs.
pub struct Trainer {
    n_classes: usize,
    weights: U64Map<Vec<Param>>,
    step: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            weights: U64Map::default(),
            step: 0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Add the current (non-averaged) weights of `features` into `scores`.
    pub fn scores(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(ps) = self.weights.get(f) {
                for p in ps {
                    if let Some(s) = scores.get_mut(p.class as usize) {
                        *s += p.weight;
                    }
                }
            }
        }
    }

    /// Highest-scoring class among those `allowed` (all when `None`).
    pub fn predict(&self, features: &[u64], scores: &mut [f32], allowed: Option<&[bool]>) -> usize {
        self.scores(features, scores);
        argmax(scores, allowed)
    }

    /// One training step: reward `truth`, penalize `guess` (a no-op when equal,
    /// apart from advancing the averaging clock).
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let step = self.step;
        for &f in features {
            let ps = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                let p = match ps.iter_mut().position(|p| p.class == class) {
                    Some(i) => &mut ps[i],
                    None => {
                        ps.push(Param {
                            class,
                            weight: 0.0,
                            total: 0.0,
                            stamp: step,
                        });
                        let last = ps.len() - 1;
                        &mut ps[last]
                    }
                };
                p.total += f64::from(step - p.stamp) * f64::from(p.weight);
                p.stamp = step;
                p.weight += delta;
            }
        }
    }

    /// Average the weights, drop those with |w| ≤ `prune`, and quantize.
    pub fn finish(self, prune: f32) -> Model {
        let step = self.step.max(1);
        let n_classes = self.n_classes;
        let rows = self.weights.into_iter().map(|(key, ps)| {
            let ws = ps
                .iter()
                .map(|p| {
                    let total = p.total + f64::from(step - p.stamp) * f64::from(p.weight);
                    (p.class, (total / f64::from(step)) as f32)
                })
                .collect();
            (key, ws)
        });
        quantize(n_classes, rows, prune)
    }
}

/// Combine several trainers of the same classes (e.g. the same data seen in
/// different orders) into one model whose weights are the mean of their
/// averaged weights: an ensemble at the cost of a single model. Weights with
/// |w| ≤ `prune` after combining are dropped.
pub fn finish_ensemble(trainers: Vec<Trainer>, prune: f32) -> Model {
    let n_classes = trainers.first().map_or(0, |t| t.n_classes);
    let k = trainers.len().max(1) as f64;
    let mut sums: U64Map<Vec<(u16, f64)>> = U64Map::default();
    for t in trainers {
        let step = t.step.max(1);
        for (key, ps) in t.weights {
            let entry = sums.entry(key).or_default();
            for p in ps {
                let total = p.total + f64::from(step - p.stamp) * f64::from(p.weight);
                let w = total / f64::from(step) / k;
                match entry.iter_mut().find(|(c, _)| *c == p.class) {
                    Some(e) => e.1 += w,
                    None => entry.push((p.class, w)),
                }
            }
        }
    }
    let rows = sums
        .into_iter()
        .map(|(key, ws)| (key, ws.into_iter().map(|(c, w)| (c, w as f32)).collect()));
    quantize(n_classes, rows, prune)
}

/// The model of final float weights `rows` (feature key, per-class weights):
/// weights with |w| ≤ `prune` dropped, the rest scaled to `i16` by the
/// largest magnitude, features in key order.
fn quantize(
    n_classes: usize,
    rows: impl Iterator<Item = (u64, Vec<(u16, f32)>)>,
    prune: f32,
) -> Model {
    let mut feats: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
    let mut max_abs = 0.0f32;
    for (key, ws) in rows {
        let mut kept: Vec<(u16, f32)> = ws
            .into_iter()
            .filter(|(_, w)| w.abs() > prune && *w != 0.0)
            .collect();
        if kept.is_empty() {
            continue;
        }
        kept.sort_by_key(|(c, _)| *c);
        for (_, w) in &kept {
            max_abs = max_abs.max(w.abs());
        }
        feats.push((key, kept));
    }
    feats.sort_by_key(|(k, _)| *k);
    let scale = if max_abs > 0.0 {
        max_abs / 32767.0
    } else {
        1.0
    };
    let mut model = Model::empty(n_classes, scale);
    for (key, ws) in feats {
        let q: Vec<(u16, i16)> = ws
            .into_iter()
            .map(|(c, w)| (c, (w / scale).round().clamp(-32767.0, 32767.0) as i16))
            .filter(|(_, w)| *w != 0)
            .collect();
        model.push(key, &q);
    }
    model.build_index();
    model
}

/// Index of the highest score, restricted to `allowed` classes when given.
pub fn argmax<T: PartialOrd + Copy>(scores: &[T], allowed: Option<&[bool]>) -> usize {
    let mut best = 0usize;
    let mut best_score: Option<T> = None;
    for (i, &s) in scores.iter().enumerate() {
        if let Some(a) = allowed {
            if !a.get(i).copied().unwrap_or(false) {
                continue;
            }
        }
        let better = match best_score {
            None => true,
            Some(b) => s > b,
        };
        if better {
            best = i;
            best_score = Some(s);
        }
    }
    best
}

/// Averaged, pruned, quantized weights: read-only and cheap to score.
#[derive(Debug, Clone)]
pub struct Model {
    n_classes: usize,
    scale: f32,
    /// Features in key order (for serialization), parallel to `ranges`.
    keys: Vec<u64>,
    ranges: Vec<(u32, u16)>,
    /// Interleaved (class, weight) entries, so one feature's weights share a cache line.
    entries: Vec<(u16, i16)>,
    /// Open-addressing table of 8-byte slots (a 32-bit fingerprint of the key
    /// and the entry range packed in 32 bits), so a lookup touches one small
    /// slot and then the entries: lookups are bound by cache misses.
    table: Vec<Slot>,
    mask: usize,
    /// Ranges too long or too far to pack, by key (rare).
    overflow: U64Map<(u32, u32)>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// High half of the key, never 0 (0 = empty slot).
    fingerprint: u32,
    /// `start << 8 | len`, or [`OVERFLOW`].
    packed: u32,
}

const OVERFLOW: u32 = u32::MAX;

#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

const MAGIC: &[u8; 4] = b"ANPW";
const VERSION: u32 = 1;

impl Model {
    fn empty(n_classes: usize, scale: f32) -> Self {
        Model {
            n_classes,
            scale,
            keys: Vec::new(),
            ranges: Vec::new(),
            entries: Vec::new(),
            table: Vec::new(),
            mask: 0,
            overflow: U64Map::default(),
        }
    }

    fn push(&mut self, key: u64, ws: &[(u16, i16)]) {
        if ws.is_empty() {
            return;
        }
        let start = self.entries.len() as u32;
        self.entries.extend_from_slice(ws);
        self.keys.push(key);
        self.ranges.push((start, ws.len() as u16));
    }

    fn build_index(&mut self) {
        let cap = (self.keys.len() * 2).next_power_of_two().max(16);
        self.table = vec![Slot::default(); cap];
        self.mask = cap - 1;
        self.overflow.clear();
        for (&key, &(start, len)) in self.keys.iter().zip(&self.ranges) {
            let mut i = (key as usize) & self.mask;
            while self.table[i].fingerprint != 0 {
                i = (i + 1) & self.mask;
            }
            let packed = if len <= 255 && start < (1 << 24) {
                start << 8 | u32::from(len)
            } else {
                self.overflow.insert(key, (start, u32::from(len)));
                OVERFLOW
            };
            self.table[i] = Slot {
                fingerprint: fingerprint(key),
                packed,
            };
        }
    }

    /// The entries of `key`. A different key with the same slot chain and
    /// fingerprint (odds about 2^-32 per probe) would be taken for it, which
    /// only adds one feature's small weights.
    #[inline]
    fn find(&self, key: u64) -> Option<&[(u16, i16)]> {
        let fp = fingerprint(key);
        let mut i = (key as usize) & self.mask;
        loop {
            let slot = self.table.get(i)?;
            if slot.fingerprint == fp {
                let (start, len) = if slot.packed == OVERFLOW {
                    *self.overflow.get(&key)?
                } else {
                    (slot.packed >> 8, slot.packed & 0xff)
                };
                return self
                    .entries
                    .get(start as usize..start as usize + len as usize);
            }
            if slot.fingerprint == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Every feature key with its `(class, weight)` entries, in key order
    /// (for re-laying the weights, as the tagger's scorer does).
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[(u16, i16)])> + '_ {
        self.keys
            .iter()
            .zip(&self.ranges)
            .map(|(&k, &(start, len))| {
                let (start, len) = (start as usize, usize::from(len));
                (k, self.entries.get(start..start + len).unwrap_or(&[]))
            })
    }

    /// Number of features with at least one weight.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// The quantization step: real weight = stored `i16` × scale.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Sum the quantized weights of `features` into `scores` (cleared first).
    #[inline]
    pub fn scores(&self, features: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        // Lookups are dominated by cache misses. Touch every feature's home
        // slot first: those loads do not depend on each other, so their misses
        // overlap instead of being paid one after another.
        let mut touch = 0u32;
        for &f in features {
            touch ^= self
                .table
                .get((f as usize) & self.mask)
                .map_or(0, |s| s.packed);
        }
        std::hint::black_box(touch);
        for &f in features {
            self.add(f, scores);
        }
    }

    /// Add one feature's weights into `scores` (not cleared).
    #[inline]
    pub fn add(&self, feature: u64, scores: &mut [i32]) {
        let Some(entries) = self.find(feature) else {
            return;
        };
        for &(c, w) in entries {
            if let Some(s) = scores.get_mut(c as usize) {
                *s += i32::from(w);
            }
        }
    }

    /// Serialize to the compact binary form read by [`Model::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(MAGIC, VERSION);
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        w.u32(self.keys.len() as u32);
        w.u32(self.entries.len() as u32);
        for (k, &(_, len)) in self.keys.iter().zip(&self.ranges) {
            w.u64(*k);
            w.u16(len);
        }
        for &(c, wt) in &self.entries {
            w.u16(c);
            w.i16(wt);
        }
        w.buf
    }

    pub fn from_bytes(data: &[u8]) -> Result<Self, NlpError> {
        let mut r = Reader::new(data, MAGIC, VERSION, "perceptron weights")?;
        let n_classes = r.u32()? as usize;
        let scale = r.f32()?;
        let n_keys = r.u32()? as usize;
        let n_entries = r.u32()? as usize;
        let mut m = Model::empty(n_classes, scale);
        m.keys.reserve(n_keys);
        m.ranges.reserve(n_keys);
        let mut start = 0u32;
        for _ in 0..n_keys {
            let k = r.u64()?;
            if k == 0 {
                return Err(r.error("feature key 0 is reserved"));
            }
            let len = r.u16()?;
            m.keys.push(k);
            m.ranges.push((start, len));
            start = start.saturating_add(u32::from(len));
        }
        if start as usize != n_entries {
            return Err(r.error("feature ranges do not add up to the entry count"));
        }
        let raw = r.take(n_entries * 4)?;
        m.entries.reserve(n_entries);
        for e in raw.chunks_exact(4) {
            let c = u16::from_le_bytes([e[0], e[1]]);
            if c as usize >= n_classes {
                return Err(r.error(format!("class {c} out of range ({n_classes} classes)")));
            }
            m.entries.push((c, i16::from_le_bytes([e[2], e[3]])));
        }
        m.build_index();
        Ok(m)
    }
}
