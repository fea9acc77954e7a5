//! A small neural scorer beside the perceptron: a window of five words,
//! each with its pretrained word vector, case shape, part of speech,
//! proper-noun share and name-list kinds (and the centre word's place in
//! its run of capitalized words), through one hidden layer of [`HIDDEN`]
//! units to the seven BIO classes. The recognizer adds the mean
//! log-probabilities of two such scorers, weighted, to the perceptron's
//! class scores before Viterbi decoding (a product of experts), so the
//! decoder gains what dense vectors know about words the sparse features
//! have never seen, without the perceptron changing.
//!
//! [`WordVectors`] holds the vectors: GloVe (see [`super::vector_classes`])
//! reduced by principal components to [`WordVectors::dim`] dimensions and
//! stored as one byte per dimension, rows sorted by the hash of the
//! lowercase word so that loading builds no table. [`WindowScorer`] is the
//! network; [`WindowScorer::train`] fits it by stochastic gradient descent
//! on cross-entropy, hiding some window words' vectors at each step (word
//! dropout) so that it learns to judge words without one.

use crate::binio::{Reader, Writer};
use crate::rng::XorShift;
use crate::NlpError;

/// Words either side of the centre in the window.
pub const HALF_WINDOW: usize = 2;
/// Case shapes: lower (0), capitalized (1), all capitals (2), with a digit
/// (3), no letter or digit (4), padding beyond the sentence (6); 5 is
/// unused.
pub const N_SHAPES: usize = 7;
/// Bits of a word's name-list kinds.
pub const N_KINDS: usize = 16;
/// Buckets of a word's proper-noun share (16 and "unknown").
pub const N_STATS: usize = 17;
/// BIO classes.
pub const N_OUT: usize = 7;
/// Hidden units (fixed, so that the hidden layer is summed in registers).
pub const HIDDEN: usize = 64;
/// Universal part-of-speech tags (and none).
pub const N_UPOS: usize = 18;
/// Features per window position beside the word vector.
const N_TOKEN: usize = N_SHAPES + N_UPOS + N_STATS + N_KINDS;
/// Position in a run of capitalized words (none, single, first, inside,
/// last) and the run's length (0..4).
const N_RUN: usize = 5 + 5;

/// What the scorer knows of one token.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInput {
    /// Row in [`WordVectors`], if the word has a vector.
    pub row: Option<u32>,
    /// Case shape (see [`N_SHAPES`]).
    pub shape: u8,
    /// Name-list kinds (gazetteer bits).
    pub kinds: u16,
    /// Proper-noun share bucket (0..16), 16 when the treebanks never saw it.
    pub stats: u8,
    /// Part of speech (1 + `Upos` index; 0 none).
    pub upos: u8,
    /// Position in its run of capitalized words (0 outside one, 1 single,
    /// 2 first, 3 inside, 4 last) and the run's length (capped at 4).
    pub run_position: u8,
    pub run_len: u8,
}

/// Word vectors, quantized to one byte per dimension.
#[derive(Debug, Clone, Default)]
pub struct WordVectors {
    dim: usize,
    /// Lowercase-word hashes, ascending; row `k` belongs to `hashes[k]`.
    hashes: Vec<u64>,
    scales: Vec<f32>,
    codes: Vec<i8>,
}

const VEC_MAGIC: &[u8; 4] = b"AWVC";
const VEC_VERSION: u32 = 1;

impl WordVectors {
    pub fn dim(&self) -> usize {
        self.dim
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The row of a lowercase-word hash.
    pub fn row(&self, lower_hash: u64) -> Option<u32> {
        self.hashes
            .binary_search(&lower_hash)
            .ok()
            .map(|k| k as u32)
    }

    /// Write the vector of `row` into `out` (`dim` long).
    fn write_to(&self, row: u32, out: &mut [f32]) {
        let at = row as usize * self.dim;
        if let Some(codes) = self.codes.get(at..at + self.dim) {
            for ((o, &c), &s) in out.iter_mut().zip(codes).zip(&self.scales) {
                *o = f32::from(c) * s;
            }
        }
    }

    /// Reduce `vectors` (unit length first) to their `dim` principal
    /// components and quantize them; `hashes[k]` is the lowercase hash of
    /// word `k`. Deterministic.
    pub fn build(hashes: &[u64], vectors: &[Vec<f32>], dim: usize) -> WordVectors {
        let full = vectors.first().map_or(0, Vec::len);
        let unit: Vec<Vec<f32>> = vectors
            .iter()
            .map(|v| {
                let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                v.iter().map(|x| x / n).collect()
            })
            .collect();
        let mut mean = vec![0f64; full];
        for v in &unit {
            for (m, &x) in mean.iter_mut().zip(v) {
                *m += f64::from(x);
            }
        }
        let count = unit.len().max(1) as f64;
        mean.iter_mut().for_each(|m| *m /= count);
        let mut cov = vec![0f64; full * full];
        for v in &unit {
            let c: Vec<f64> = v
                .iter()
                .zip(&mean)
                .map(|(&x, m)| f64::from(x) - m)
                .collect();
            for a in 0..full {
                let ca = c[a];
                let row = &mut cov[a * full..(a + 1) * full];
                for (r, &cb) in row.iter_mut().zip(&c) {
                    *r += ca * cb;
                }
            }
        }
        // Leading eigenvectors by power iteration with deflation.
        let dim = dim.min(full);
        let mut comps: Vec<Vec<f64>> = Vec::with_capacity(dim);
        let mut rng = XorShift::new(11);
        for _ in 0..dim {
            let mut v: Vec<f64> = (0..full)
                .map(|_| (rng.below(2000) as f64 - 1000.0) / 1000.0)
                .collect();
            for _ in 0..300 {
                let mut next = vec![0f64; full];
                for (a, n) in next.iter_mut().enumerate() {
                    *n = cov[a * full..(a + 1) * full]
                        .iter()
                        .zip(&v)
                        .map(|(x, y)| x * y)
                        .sum();
                }
                for c in &comps {
                    let d: f64 = next.iter().zip(c).map(|(x, y)| x * y).sum();
                    next.iter_mut().zip(c).for_each(|(x, y)| *x -= d * y);
                }
                let n = next.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
                v = next.into_iter().map(|x| x / n).collect();
            }
            comps.push(v);
        }
        let projected: Vec<Vec<f32>> = unit
            .iter()
            .map(|v| {
                comps
                    .iter()
                    .map(|c| {
                        v.iter()
                            .zip(&mean)
                            .zip(c)
                            .map(|((&x, m), y)| (f64::from(x) - m) * y)
                            .sum::<f64>() as f32
                    })
                    .collect()
            })
            .collect();
        // Per dimension, scale so that the standard deviation is 1 and
        // quantize ±4 deviations to ±127.
        let mut scales = vec![0f32; dim];
        for (d, s) in scales.iter_mut().enumerate() {
            let var = projected.iter().map(|p| p[d] * p[d]).sum::<f32>() / count as f32;
            *s = var.sqrt().max(1e-9);
        }
        let mut order: Vec<usize> = (0..hashes.len().min(projected.len())).collect();
        order.sort_by_key(|&k| hashes[k]);
        order.dedup_by_key(|k| hashes[*k]);
        let mut codes = Vec::with_capacity(order.len() * dim);
        for &k in &order {
            for (d, &s) in scales.iter().enumerate() {
                let z = projected[k][d] / s;
                codes.push((z * 127.0 / 4.0).round().clamp(-127.0, 127.0) as i8);
            }
        }
        WordVectors {
            dim,
            hashes: order.iter().map(|&k| hashes[k]).collect(),
            // A code times its scale is the value in deviations.
            scales: vec![4.0 / 127.0; dim],
            codes,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(VEC_MAGIC, VEC_VERSION);
        w.u32(self.dim as u32);
        w.u32(self.hashes.len() as u32);
        for &s in &self.scales {
            w.f32(s);
        }
        for &h in &self.hashes {
            w.u64(h);
        }
        w.buf.extend(self.codes.iter().map(|&c| c as u8));
        w.buf
    }

    pub fn from_bytes(data: &[u8]) -> Result<WordVectors, NlpError> {
        let mut r = Reader::new(data, VEC_MAGIC, VEC_VERSION, "word vectors")?;
        let dim = r.u32()? as usize;
        let n = r.u32()? as usize;
        let scales = (0..dim).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let raw = r.take(n * 8)?;
        let hashes: Vec<u64> = raw
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        if hashes.windows(2).any(|w| w[0] >= w[1]) {
            return Err(r.error("word hashes are not in ascending order"));
        }
        let n_codes = n
            .checked_mul(dim)
            .ok_or_else(|| r.error(format!("{n} words of {dim} dimensions")))?;
        let codes = r.take(n_codes)?.iter().map(|&b| b as i8).collect();
        Ok(WordVectors {
            dim,
            hashes,
            scales,
            codes,
        })
    }
}

/// The network: input → hidden (ReLU) → [`N_OUT`] logits. The input is
/// the window's word vectors (dense) followed by indicator features (case
/// shape, part of speech, proper-noun share and name-list kinds of each
/// window word; the centre word's capitalized run), of which only the few
/// that are on are added in.
#[derive(Debug, Clone, Default)]
pub struct WindowScorer {
    dim: usize,
    /// Per input, its [`HIDDEN`] weights (input-major, so an indicator
    /// that is on adds one contiguous row).
    w1: Vec<f32>,
    b1: Vec<f32>,
    /// `N_OUT × HIDDEN`.
    w2: Vec<f32>,
    b2: Vec<f32>,
}

/// Options of [`WindowScorer::train`].
#[derive(Debug, Clone)]
pub struct NeuralOptions {
    pub epochs: usize,
    pub learning_rate: f32,
    pub seed: u64,
    /// Percent of window words whose vector is hidden in a training step
    /// (the network learns to judge words it has no vector for).
    pub word_dropout: usize,
}

impl Default for NeuralOptions {
    fn default() -> Self {
        NeuralOptions {
            epochs: 6,
            learning_rate: 0.01,
            seed: 5,
            word_dropout: 20,
        }
    }
}

const NET_MAGIC: &[u8; 4] = b"ANWS";
const NET_VERSION: u32 = 1;
const WIDTH: usize = 2 * HALF_WINDOW + 1;

fn input_len(dim: usize) -> usize {
    WIDTH * (dim + N_TOKEN) + N_RUN
}

/// The input of one token: dense word-vector values and the indices of
/// the indicator inputs that are on.
#[derive(Default)]
struct Input {
    dense: Vec<f32>,
    /// Whether window word `k` has a vector.
    has_vector: [bool; WIDTH],
    on: Vec<usize>,
}

impl Input {
    fn fill(&mut self, vectors: &WordVectors, tokens: &[TokenInput], i: usize) {
        let dim = vectors.dim;
        self.dense.clear();
        self.dense.resize(WIDTH * dim, 0.0);
        self.on.clear();
        let base = WIDTH * dim;
        for k in 0..WIDTH {
            let at = base + k * N_TOKEN;
            let token = (i + k).checked_sub(HALF_WINDOW).and_then(|j| tokens.get(j));
            self.has_vector[k] = false;
            let Some(t) = token else {
                self.on.push(at + N_SHAPES - 1);
                continue;
            };
            if let (Some(row), Some(out)) = (t.row, self.dense.get_mut(k * dim..(k + 1) * dim)) {
                vectors.write_to(row, out);
                self.has_vector[k] = true;
            }
            self.on.push(at + usize::from(t.shape).min(N_SHAPES - 1));
            self.on
                .push(at + N_SHAPES + usize::from(t.upos).min(N_UPOS - 1));
            self.on
                .push(at + N_SHAPES + N_UPOS + usize::from(t.stats).min(N_STATS - 1));
            for b in 0..N_KINDS {
                if t.kinds & (1 << b) != 0 {
                    self.on.push(at + N_SHAPES + N_UPOS + N_STATS + b);
                }
            }
        }
        if let Some(t) = tokens.get(i) {
            let at = base + WIDTH * N_TOKEN;
            self.on.push(at + usize::from(t.run_position).min(4));
            self.on.push(at + 5 + usize::from(t.run_len).min(4));
        }
    }
}

/// Reusable buffers of [`WindowScorer::log_probs`].
#[derive(Default)]
pub struct ScorerScratch {
    input: Input,
    hidden: Vec<f32>,
}

impl WindowScorer {
    /// Log-probabilities of the [`N_OUT`] classes for token `i`.
    pub fn log_probs(
        &self,
        vectors: &WordVectors,
        tokens: &[TokenInput],
        i: usize,
        scratch: &mut ScorerScratch,
    ) -> [f32; N_OUT] {
        scratch.input.fill(vectors, tokens, i);
        scratch.hidden.resize(HIDDEN, 0.0);
        self.forward(&scratch.input, &mut scratch.hidden)
    }

    fn forward(&self, x: &Input, hidden: &mut [f32]) -> [f32; N_OUT] {
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the running CPU has AVX2.
            return unsafe { self.forward_avx2(x, hidden) };
        }
        self.forward_generic(x, hidden)
    }

    /// [`Self::forward`] compiled for AVX2: the hidden rows are added eight
    /// lanes at a time. Lane-wise sums without fused multiply-add, so the
    /// results are the same bits as the generic code's.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn forward_avx2(&self, x: &Input, hidden: &mut [f32]) -> [f32; N_OUT] {
        self.forward_generic(x, hidden)
    }

    #[inline(always)]
    fn forward_generic(&self, x: &Input, hidden: &mut [f32]) -> [f32; N_OUT] {
        // A fixed-size accumulator stays in registers across the rows.
        let mut acc = [0f32; HIDDEN];
        acc.iter_mut().zip(&self.b1).for_each(|(a, b)| *a = *b);
        let row_at = |input: usize| -> Option<&[f32; HIDDEN]> {
            self.w1
                .get(input * HIDDEN..(input + 1) * HIDDEN)
                .and_then(|r| r.try_into().ok())
        };
        for (k, _) in x.has_vector.iter().enumerate().filter(|(_, &h)| h) {
            for d in 0..self.dim {
                let Some(&v) = x.dense.get(k * self.dim + d) else {
                    continue;
                };
                if let Some(row) = row_at(k * self.dim + d) {
                    acc.iter_mut().zip(row).for_each(|(a, w)| *a += v * w);
                }
            }
        }
        for &a in &x.on {
            if let Some(row) = row_at(a) {
                acc.iter_mut().zip(row).for_each(|(h, w)| *h += w);
            }
        }
        acc.iter_mut().for_each(|h| *h = h.max(0.0));
        hidden.iter_mut().zip(&acc).for_each(|(h, a)| *h = *a);
        let mut out = [0f32; N_OUT];
        for (o, (row, b)) in out
            .iter_mut()
            .zip(self.w2.chunks_exact(HIDDEN).zip(&self.b2))
        {
            // Eight running sums in a fixed order: vectorized, and the same
            // bits on every machine.
            let mut part = [0f32; 8];
            for (w8, h8) in row.chunks_exact(8).zip(acc.chunks_exact(8)) {
                for ((p, w), h) in part.iter_mut().zip(w8).zip(h8) {
                    *p += w * h;
                }
            }
            *o = part.iter().sum::<f32>() + b;
        }
        let max = out.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let log_z = out.iter().map(|o| (o - max).exp()).sum::<f32>().ln() + max;
        out.iter_mut().for_each(|o| *o -= log_z);
        out
    }

    /// Fit the network on `(tokens, gold class per token, which tokens to
    /// learn from)` sentences by stochastic gradient descent on
    /// cross-entropy, the learning rate falling linearly (deterministic for
    /// a seed).
    pub fn train(
        vectors: &WordVectors,
        sentences: &[(Vec<TokenInput>, Vec<u8>, Vec<bool>)],
        opts: &NeuralOptions,
    ) -> WindowScorer {
        let dim = vectors.dim;
        let n_in = input_len(dim);
        let n_hidden = HIDDEN;
        let mut rng = XorShift::new(opts.seed);
        let mut uniform = |limit: f32| (rng.below(20001) as f32 / 10000.0 - 1.0) * limit;
        let l1 = (6.0 / (n_in + n_hidden) as f32).sqrt();
        let l2 = (6.0 / (n_hidden + N_OUT) as f32).sqrt();
        let mut net = WindowScorer {
            dim,
            w1: (0..n_in * n_hidden).map(|_| uniform(l1)).collect(),
            b1: vec![0.0; n_hidden],
            w2: (0..N_OUT * n_hidden).map(|_| uniform(l2)).collect(),
            b2: vec![0.0; N_OUT],
        };
        let mut items: Vec<(usize, usize)> = sentences
            .iter()
            .enumerate()
            .flat_map(|(s, (_, _, learn))| {
                learn
                    .iter()
                    .enumerate()
                    .filter(|(_, &l)| l)
                    .map(move |(i, _)| (s, i))
            })
            .collect();
        let mut x = Input::default();
        let mut hidden = vec![0f32; n_hidden];
        let mut d_hidden = vec![0f32; n_hidden];
        let total = (opts.epochs * items.len()).max(1) as f32;
        let mut step = 0f32;
        let mut order_rng = XorShift::new(opts.seed.wrapping_add(1));
        for _ in 0..opts.epochs {
            order_rng.shuffle(&mut items);
            for &(s, i) in &items {
                let Some((tokens, gold, _)) = sentences.get(s) else {
                    continue;
                };
                let g = usize::from(gold.get(i).copied().unwrap_or(0));
                let lr = opts.learning_rate * (1.0 - step / total).max(0.05);
                step += 1.0;
                x.fill(vectors, tokens, i);
                for h in x.has_vector.iter_mut() {
                    if *h && order_rng.below(100) < opts.word_dropout {
                        *h = false;
                    }
                }
                let lp = net.forward(&x, &mut hidden);
                // d loss / d logit = p - 1[gold].
                let mut d_out = [0f32; N_OUT];
                for (c, d) in d_out.iter_mut().enumerate() {
                    *d = lp[c].exp() - if c == g { 1.0 } else { 0.0 };
                }
                d_hidden.iter_mut().for_each(|d| *d = 0.0);
                for (c, &d) in d_out.iter().enumerate() {
                    let row = &mut net.w2[c * n_hidden..(c + 1) * n_hidden];
                    for ((w, dh), &h) in row.iter_mut().zip(d_hidden.iter_mut()).zip(&hidden) {
                        *dh += *w * d;
                        *w -= lr * d * h;
                    }
                    net.b2[c] -= lr * d;
                }
                // Through the ReLU: no gradient where the unit was off.
                for (dh, &h) in d_hidden.iter_mut().zip(&hidden) {
                    if h <= 0.0 {
                        *dh = 0.0;
                    }
                }
                for (b, &dh) in net.b1.iter_mut().zip(&d_hidden) {
                    *b -= lr * dh;
                }
                for (k, _) in x.has_vector.iter().enumerate().filter(|(_, &h)| h) {
                    for d in 0..dim {
                        let v = x.dense[k * dim + d];
                        let at = (k * dim + d) * n_hidden;
                        let row = &mut net.w1[at..at + n_hidden];
                        row.iter_mut()
                            .zip(&d_hidden)
                            .for_each(|(w, &dh)| *w -= lr * dh * v);
                    }
                }
                for &a in &x.on {
                    let at = a * n_hidden;
                    if let Some(row) = net.w1.get_mut(at..at + n_hidden) {
                        row.iter_mut()
                            .zip(&d_hidden)
                            .for_each(|(w, &dh)| *w -= lr * dh);
                    }
                }
            }
        }
        net
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(NET_MAGIC, NET_VERSION);
        w.u32(self.dim as u32);
        w.u32(HIDDEN as u32);
        for v in self
            .w1
            .iter()
            .chain(&self.b1)
            .chain(&self.w2)
            .chain(&self.b2)
        {
            w.f32(*v);
        }
        w.buf
    }

    pub fn from_bytes(data: &[u8]) -> Result<WindowScorer, NlpError> {
        let mut r = Reader::new(data, NET_MAGIC, NET_VERSION, "neural entity scorer")?;
        let dim = r.u32()? as usize;
        let n_hidden = r.u32()? as usize;
        if n_hidden != HIDDEN {
            return Err(r.error(format!("{n_hidden} hidden units; this build has {HIDDEN}")));
        }
        // Check the size before reading, so that a corrupt header cannot
        // ask for a huge allocation.
        let n_in = input_len(dim);
        let need = (n_in + 1 + N_OUT) * HIDDEN + N_OUT;
        if data.len() < need.saturating_mul(4) {
            return Err(r.error(format!(
                "{dim}-dimension word vectors need {need} weights; the data is shorter"
            )));
        }
        let mut read = |n: usize| (0..n).map(|_| r.f32()).collect::<Result<Vec<_>, _>>();
        Ok(WindowScorer {
            dim,
            w1: read(n_in * HIDDEN)?,
            b1: read(HIDDEN)?,
            w2: read(N_OUT * HIDDEN)?,
            b2: read(N_OUT)?,
        })
    }

    /// The dimension of the word vectors the network reads.
    pub fn dim(&self) -> usize {
        self.dim
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Lex;

    /// Eight-dimension vectors for `n` words, drawn from a fixed generator.
    fn toy_vectors(n: usize) -> (Vec<String>, Vec<Vec<f32>>) {
        let mut rng = XorShift::new(3);
        let words: Vec<String> = (0..n).map(|k| format!("word{k}")).collect();
        let vectors = (0..n)
            .map(|_| {
                (0..8)
                    .map(|_| rng.below(1000) as f32 / 500.0 - 1.0)
                    .collect()
            })
            .collect();
        (words, vectors)
    }

    #[test]
    fn word_vectors_survive_a_round_trip_and_find_their_words() {
        let (words, vectors) = toy_vectors(50);
        let hashes: Vec<u64> = words.iter().map(|w| Lex::lower_hash(w)).collect();
        let table = WordVectors::build(&hashes, &vectors, 4);
        assert_eq!((table.len(), table.dim()), (50, 4));
        let back = WordVectors::from_bytes(&table.to_bytes()).expect("reads its own bytes");
        assert_eq!(back.codes, table.codes);
        for h in &hashes {
            assert!(back.row(*h).is_some());
        }
        assert_eq!(back.row(Lex::lower_hash("unseen")), None);
        // Every component is scaled to one deviation: none is left empty.
        for d in 0..4 {
            assert!(table.codes.chunks(4).any(|c| c[d] != 0), "component {d}");
        }
    }

    #[test]
    fn damaged_word_vectors_are_an_error_not_a_panic() {
        let (words, vectors) = toy_vectors(20);
        let hashes: Vec<u64> = words.iter().map(|w| Lex::lower_hash(w)).collect();
        let bytes = WordVectors::build(&hashes, &vectors, 4).to_bytes();
        for cut in [3, 9, 20, bytes.len() - 1] {
            let err = WordVectors::from_bytes(&bytes[..cut]).expect_err("truncated");
            assert!(err.to_string().contains("word vectors"), "{err}");
        }
        // Rows out of order (the binary search needs them ascending).
        let mut swapped = bytes.clone();
        let at = 4 + 4 + 8 + 4 * 4;
        let (a, b) = swapped[at..at + 16].split_at_mut(8);
        a.swap_with_slice(b);
        assert!(WordVectors::from_bytes(&swapped)
            .expect_err("unsorted")
            .to_string()
            .contains("ascending"));
    }

    /// Sentences in which a capitalized word on the person list is B-PER
    /// and every other word O.
    fn toy_sentences() -> Vec<(Vec<TokenInput>, Vec<u8>, Vec<bool>)> {
        let mut rng = XorShift::new(9);
        (0..200)
            .map(|_| {
                let n = 4 + rng.below(6);
                let tokens: Vec<TokenInput> = (0..n)
                    .map(|_| TokenInput {
                        row: Some(rng.below(20) as u32),
                        shape: rng.below(2) as u8,
                        kinds: if rng.below(3) == 0 { 1 } else { 0 },
                        stats: rng.below(16) as u8,
                        upos: 1 + rng.below(17) as u8,
                        ..TokenInput::default()
                    })
                    .collect();
                let gold = tokens
                    .iter()
                    .map(|t| u8::from(t.shape == 1 && t.kinds == 1))
                    .collect();
                (tokens, gold, vec![true; n])
            })
            .collect()
    }

    #[test]
    fn the_scorer_learns_a_rule_and_keeps_it_through_its_bytes() {
        let (words, vectors) = toy_vectors(20);
        let hashes: Vec<u64> = words.iter().map(|w| Lex::lower_hash(w)).collect();
        let table = WordVectors::build(&hashes, &vectors, 4);
        let data = toy_sentences();
        let opts = NeuralOptions {
            epochs: 8,
            learning_rate: 0.05,
            ..NeuralOptions::default()
        };
        let net = WindowScorer::train(&table, &data, &opts);
        let back = WindowScorer::from_bytes(&net.to_bytes()).expect("reads its own bytes");
        let mut scratch = ScorerScratch::default();
        let (mut right, mut total) = (0, 0);
        for (tokens, gold, _) in &data {
            for (i, &g) in gold.iter().enumerate() {
                let lp = net.log_probs(&table, tokens, i, &mut scratch);
                assert_eq!(lp, back.log_probs(&table, tokens, i, &mut scratch));
                let best = (0..N_OUT).max_by(|&a, &b| lp[a].total_cmp(&lp[b]));
                right += usize::from(best == Some(usize::from(g)));
                total += 1;
            }
        }
        assert!(right * 100 >= total * 98, "{right} of {total}");
    }

    #[test]
    fn a_scorer_header_asking_for_more_than_the_data_holds_is_an_error() {
        let mut w = Writer::new(NET_MAGIC, NET_VERSION);
        w.u32(4_000_000_000);
        w.u32(HIDDEN as u32);
        let err = WindowScorer::from_bytes(&w.buf).expect_err("too short");
        assert!(err.to_string().contains("the data is shorter"), "{err}");
        let mut w = Writer::new(NET_MAGIC, NET_VERSION);
        w.u32(32);
        w.u32(7);
        let err = WindowScorer::from_bytes(&w.buf).expect_err("other size");
        assert!(err.to_string().contains("hidden units"), "{err}");
    }
}
