//! Training: averaged perceptrons over the arc-eager system, taught by the
//! dynamic oracle of Goldberg & Nivre (2012) with error exploration. The
//! transition classifier learns from every non-forced state; the label
//! classifier from every arc the parser makes that is in the gold tree.
//!
//! Non-projective training trees are projectivized by lifting (the shortest
//! crossing arc moves to its head's head until none cross), so every sentence
//! is used. Training is deterministic for a given seed and corpus order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::time::Instant;

use annals_core::conllu::{self, ConlluSentence};

use crate::eval::{evaluate, ParseScores};
use crate::features::{self, Word, FEATURE_VERSION, N_FEATURES, N_LABEL_FEATURES};
use crate::model::{key_of, ModelData, MoveWeights, Weights};
use crate::parser::{best_label, best_move};
use crate::system::{Move, State, LEFT, N_MOVES, REDUCE, RIGHT, SHIFT};
use crate::{Parser, ParserError};

/// Settings of one training run.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Seed of the shuffling and exploration random stream.
    pub seed: u64,
    /// Passes over the training data.
    pub epochs: usize,
    /// First epoch (0-based) in which the parser follows its own mistakes.
    pub explore_from: usize,
    /// Probability of following the model's prediction when exploring.
    pub explore_prob: f64,
    /// Averaged weights smaller than this in magnitude are dropped.
    pub prune_below: f32,
    /// Number of training runs (seeds `seed`, `seed + 1`, ...) whose weights
    /// are averaged into the model: a cheap ensemble, steadier than one run.
    pub ensemble: usize,
    /// Train on tags predicted by annals-nlp taggers trained on the other
    /// folds (jackknifing), so the parser learns to live with tagging errors
    /// as it meets them in the pipeline. 0 or 1: gold tags.
    pub jackknife_folds: usize,
    /// [`train_and_save_with`] trains on EWT dev too: the shipped model,
    /// once the settings have been chosen on EWT dev without it.
    pub with_dev: bool,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 1,
            epochs: 12,
            explore_from: 1,
            explore_prob: 0.9,
            prune_below: 2.0,
            ensemble: 1,
            jackknife_folds: 0,
            with_dev: false,
            verbose: false,
        }
    }
}

impl TrainConfig {
    /// The settings of the shipped model: jackknifed tags, gentler error
    /// exploration, and two runs averaged (EWT dev UAS +0.3 for the
    /// exploration; the averaging makes the model steadier across seeds),
    /// trained on EWT dev as well once these were chosen on it.
    pub fn standard() -> Self {
        TrainConfig {
            jackknife_folds: 3,
            explore_prob: 0.7,
            ensemble: 2,
            with_dev: true,
            ..TrainConfig::default()
        }
    }
}

/// What a `train_and_save` run produced.
#[derive(Debug, Clone)]
pub struct TrainReport {
    pub train_sentences: usize,
    pub train_words: usize,
    /// Scores on EWT dev (gold tags): a held-out score only when
    /// `dev_trained_on` is false.
    pub dev: ParseScores,
    /// Whether EWT dev was part of the training data.
    pub dev_trained_on: bool,
    pub n_features: usize,
    pub model_bytes: usize,
    pub seconds: f64,
}

/// Deterministic random stream (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Feature hashes are already uniform: use them as their own hash.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u8,
    w: f32,
    total: f64,
    ts: u32,
}

/// Perceptron weights during training, with lazy averaging.
#[derive(Default)]
struct TrainWeights {
    index: HashMap<u64, u32, BuildHasherDefault<IdentityHasher>>,
    rows: Vec<Vec<Entry>>,
    now: u32,
}

impl TrainWeights {
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(&key_of(*f)) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64], class: usize, delta: f32) {
        let now = self.now;
        for f in feats {
            let n_rows = self.rows.len() as u32;
            let r = *self.index.entry(key_of(*f)).or_insert(n_rows);
            if r == n_rows {
                self.rows.push(Vec::with_capacity(2));
            }
            let row = &mut self.rows[r as usize];
            match row.iter_mut().find(|e| e.class as usize == class) {
                Some(e) => {
                    e.total += f64::from(e.w) * f64::from(now - e.ts);
                    e.ts = now;
                    e.w += delta;
                }
                None => row.push(Entry {
                    class: class as u8,
                    w: delta,
                    total: 0.0,
                    ts: now,
                }),
            }
        }
    }

    /// Add `share` times the averaged weights to `acc`.
    fn averaged_into(&self, share: f32, acc: &mut HashMap<u64, Vec<(u8, f32)>, IdentityBuild>) {
        let now = f64::from(self.now.max(1));
        for (&key, &r) in &self.index {
            let row = acc.entry(key).or_default();
            for e in &self.rows[r as usize] {
                let total = e.total + f64::from(e.w) * f64::from(self.now - e.ts);
                let w = share * (total / now) as f32;
                match row.iter_mut().find(|(c, _)| *c == e.class) {
                    Some((_, v)) => *v += w,
                    None => row.push((e.class, w)),
                }
            }
        }
    }
}

type IdentityBuild = BuildHasherDefault<IdentityHasher>;

/// Pruned and quantized label weights.
fn quantize_labels(
    acc: HashMap<u64, Vec<(u8, f32)>, IdentityBuild>,
    prune_below: f32,
) -> (Weights, f32) {
    let mut rows: Vec<(u64, Vec<(u8, f32)>)> = Vec::with_capacity(acc.len());
    let mut max_abs = 0f32;
    for (key, mut ents) in acc {
        ents.retain(|(_, w)| w.abs() >= prune_below);
        ents.sort_unstable_by_key(|e| e.0);
        if !ents.is_empty() {
            max_abs = ents.iter().fold(max_abs, |m, (_, w)| m.max(w.abs()));
            rows.push((key, ents));
        }
    }
    let scale = if max_abs > 0.0 {
        max_abs / 32000.0
    } else {
        1.0
    };
    let mut quantized: Vec<(u64, Vec<(u8, i16)>)> = rows
        .into_iter()
        .map(|(k, ents)| {
            let q = ents
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round() as i16))
                .filter(|&(_, q)| q != 0)
                .collect::<Vec<_>>();
            (k, q)
        })
        .filter(|(_, q)| !q.is_empty())
        .collect();
    quantized.sort_unstable_by_key(|r| r.0);
    (Weights::from_rows(&quantized), scale)
}

/// Pruned and quantized transition weights.
fn quantize_moves(
    acc: HashMap<u64, [f32; 3], IdentityBuild>,
    prune_below: f32,
) -> (MoveWeights, f32) {
    let mut rows: Vec<(u64, [f32; 3])> = acc
        .into_iter()
        .filter(|(_, rel)| rel.iter().any(|w| w.abs() >= prune_below))
        .collect();
    let max_abs = rows
        .iter()
        .flat_map(|(_, rel)| rel.iter())
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max_abs > 0.0 {
        max_abs / 32000.0
    } else {
        1.0
    };
    rows.sort_unstable_by_key(|r| r.0);
    let quantized: Vec<(u64, [i16; 3])> = rows
        .into_iter()
        .map(|(k, ws)| (k, ws.map(|w| (w / scale).round() as i16)))
        .filter(|(_, q)| q.iter().any(|&v| v != 0))
        .collect();
    (MoveWeights::from_rows(&quantized), scale)
}

/// One feature's transition weights during training, with lazy averaging.
#[derive(Debug, Clone, Copy, Default)]
struct MoveRow {
    w: [f32; N_MOVES],
    total: [f64; N_MOVES],
    ts: u32,
}

/// Dense perceptron weights of the transition classifier during training.
#[derive(Default)]
struct MoveTrainWeights {
    index: HashMap<u64, u32, BuildHasherDefault<IdentityHasher>>,
    rows: Vec<MoveRow>,
    now: u32,
}

impl MoveTrainWeights {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_MOVES]) {
        for f in feats {
            if let Some(&r) = self.index.get(&key_of(*f)) {
                for (s, w) in scores.iter_mut().zip(&self.rows[r as usize].w) {
                    *s += w;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        let now = self.now;
        for f in feats {
            let n_rows = self.rows.len() as u32;
            let r = *self.index.entry(key_of(*f)).or_insert(n_rows);
            if r == n_rows {
                self.rows.push(MoveRow {
                    ts: now,
                    ..MoveRow::default()
                });
            }
            let row = &mut self.rows[r as usize];
            let elapsed = f64::from(now - row.ts);
            for (t, w) in row.total.iter_mut().zip(&row.w) {
                *t += f64::from(*w) * elapsed;
            }
            row.ts = now;
            row.w[good] += 1.0;
            row.w[bad] -= 1.0;
        }
    }

    /// Add `share` times the averaged weights, relative to SHIFT's, to `acc`.
    fn averaged_into(&self, share: f32, acc: &mut HashMap<u64, [f32; 3], IdentityBuild>) {
        let now = f64::from(self.now.max(1));
        for (&key, &r) in &self.index {
            let row = &self.rows[r as usize];
            let mut avg = [0f32; N_MOVES];
            for (c, a) in avg.iter_mut().enumerate() {
                let total = row.total[c] + f64::from(row.w[c]) * f64::from(self.now - row.ts);
                *a = (total / now) as f32;
            }
            let sum = acc.entry(key).or_default();
            for (c, v) in sum.iter_mut().enumerate() {
                *v += share * (avg[c + 1] - avg[0]);
            }
        }
    }
}

/// A training sentence: hashed words and its projectivized gold tree.
struct Example {
    words: Vec<Word>,
    head: Vec<u32>,
    label: Vec<u8>,
}

/// Whether `anc` dominates `w` in the tree `head` (1-based, 0 = root).
fn dominates(head: &[u32], anc: u32, mut w: u32) -> bool {
    let mut steps = 0;
    while w != 0 && steps <= head.len() {
        if w == anc {
            return true;
        }
        w = head[w as usize];
        steps += 1;
    }
    anc == 0
}

/// Whether following heads from `w` ends at the root (no cycle).
fn reaches_root(head: &[u32], mut w: u32) -> bool {
    for _ in 0..head.len() {
        if w == 0 {
            return true;
        }
        w = head[w as usize];
    }
    w == 0
}

/// Lift crossing arcs until the tree is projective.
fn projectivize(head: &mut [u32]) {
    let n = head.len() as u32 - 1;
    for _round in 0..head.len() * 2 {
        let mut shortest: Option<(u32, u32)> = None;
        for d in 1..=n {
            let h = head[d as usize];
            if h == 0 {
                continue;
            }
            let (a, b) = if h < d { (h, d) } else { (d, h) };
            let crossing = (a + 1..b).any(|k| !dominates(head, h, k));
            let shorter = match shortest {
                Some((len, _)) => b - a < len,
                None => true,
            };
            if crossing && shorter {
                shortest = Some((b - a, d));
            }
        }
        match shortest {
            Some((_, d)) => {
                let h = head[d as usize];
                head[d as usize] = head[h as usize];
            }
            None => return,
        }
    }
}

/// The label inventory of a corpus: `root` first, then by frequency.
fn collect_labels(sents: &[ConlluSentence]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in sents {
        for w in &s.words {
            *counts.entry(w.deprel.as_str()).or_default() += 1;
        }
    }
    counts.remove("root");
    counts.remove("_");
    let mut labels: Vec<(&str, usize)> = counts.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut out = vec!["root".to_owned()];
    out.extend(labels.into_iter().take(125).map(|(l, _)| l.to_owned()));
    out
}

fn make_examples(sents: &[ConlluSentence], labels: &[String]) -> Vec<Example> {
    let label_id: HashMap<&str, u8> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u8))
        .collect();
    let fallback = label_id.get("dep").copied().unwrap_or(0);
    let mut scratch = String::new();
    let mut out = Vec::with_capacity(sents.len());
    for s in sents {
        let n = s.words.len();
        if n == 0 || s.words.iter().any(|w| w.head > n) {
            continue;
        }
        let roots = s.words.iter().filter(|w| w.head == 0).count();
        if roots != 1 {
            continue;
        }
        let mut words = Vec::with_capacity(n + 2);
        // Position 0 is unused (the root comes last); keep 1-based indices.
        words.push(Word::root());
        let mut head = vec![0u32; n + 1];
        let mut label = vec![0u8; n + 1];
        for (i, w) in s.words.iter().enumerate() {
            words.push(Word::new(&w.form, &w.xpos, &w.upos, &mut scratch));
            head[i + 1] = w.head as u32;
            label[i + 1] = label_id.get(w.deprel.as_str()).copied().unwrap_or(fallback);
        }
        // Reject cyclic trees: every word must reach the root.
        if (1..=n as u32).any(|w| !reaches_root(&head, w)) {
            continue;
        }
        projectivize(&mut head);
        // The transition system puts the root after the last word.
        let root = n as u32 + 1;
        words.push(Word::root());
        for h in head.iter_mut().skip(1) {
            if *h == 0 {
                *h = root;
            }
        }
        head.push(u32::MAX);
        label.push(u8::MAX);
        out.push(Example { words, head, label });
    }
    out
}

/// Train a parser on `sentences` (gold tags and trees): `config.ensemble`
/// runs with seeds `config.seed`, `config.seed + 1`, ..., whose averaged
/// weights are averaged again.
pub fn train(sentences: &[ConlluSentence], config: &TrainConfig) -> Result<Parser, ParserError> {
    let labels = collect_labels(sentences);
    let examples = make_examples(sentences, &labels);
    if examples.is_empty() {
        return Err(ParserError::Training("no usable training sentences".into()));
    }
    let runs = config.ensemble.max(1);
    let share = 1.0 / runs as f32;
    let mut moves = HashMap::default();
    let mut label_weights = HashMap::default();
    for run in 0..runs {
        let seed = config.seed.wrapping_add(run as u64);
        let (m, l) = train_run(&examples, labels.len(), seed, config);
        m.averaged_into(share, &mut moves);
        l.averaged_into(share, &mut label_weights);
    }
    let (moves, move_scale) = quantize_moves(moves, config.prune_below);
    let (label_weights, label_scale) = quantize_labels(label_weights, config.prune_below);
    Parser::from_data(
        ModelData {
            feature_version: FEATURE_VERSION,
            labels,
            move_scale,
            label_scale,
            moves,
            label_weights,
        },
        "trained model",
    )
}

/// One perceptron training run over `examples`.
fn train_run(
    examples: &[Example],
    n_labels: usize,
    seed: u64,
    config: &TrainConfig,
) -> (MoveTrainWeights, TrainWeights) {
    let root_label = 0u8;
    let mut moves = MoveTrainWeights::default();
    let mut label_w = TrainWeights::default();
    let mut rng = Rng(seed ^ 0x5DEE_CE66_D1CE_5EED);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = State::default();
    let mut feats = [0u64; N_FEATURES];
    let mut label_feats = [0u64; N_LABEL_FEATURES];
    let mut label_scores = vec![0f32; n_labels];
    let mut valid = [false; N_MOVES];
    let mut costs = [0u32; N_MOVES];
    let start = Instant::now();
    for epoch in 0..config.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let explore = epoch >= config.explore_from;
        let (mut steps, mut errors) = (0usize, 0usize);
        let (mut arcs, mut label_errors) = (0usize, 0usize);
        for &ex_i in &order {
            let ex = &examples[ex_i];
            state.reset(ex.words.len() - 2);
            while !state.is_terminal() {
                if !state.valid(&mut valid) {
                    state.pop_unattached();
                    continue;
                }
                let follow = if valid.iter().filter(|&&v| v).count() == 1 {
                    // Forced: nothing to learn.
                    valid.iter().position(|&v| v).unwrap_or(SHIFT)
                } else {
                    features::extract(&ex.words, &state, &mut feats);
                    let mut scores = [0f32; N_MOVES];
                    moves.score(&feats, &mut scores);
                    state.costs(&valid, &ex.head, &mut costs);
                    let Some(pred) = best_move(&scores, &valid) else {
                        break;
                    };
                    let min_cost = (0..N_MOVES)
                        .filter(|&c| valid[c])
                        .map(|c| costs[c])
                        .min()
                        .unwrap_or(0);
                    let zero_cost = [0, 1, 2, 3].map(|c| valid[c] && costs[c] == min_cost);
                    let gold = best_move(&scores, &zero_cost).unwrap_or(pred);
                    moves.now += 1;
                    steps += 1;
                    if costs[pred] > min_cost {
                        errors += 1;
                        moves.update(&feats, gold, pred);
                    }
                    // Follow the model when it is right, and (exploring) often when it is not.
                    if costs[pred] == min_cost || (explore && rng.unit() < config.explore_prob) {
                        pred
                    } else {
                        gold
                    }
                };
                let mv = match follow {
                    SHIFT => Move::Shift,
                    REDUCE => Move::Reduce,
                    c => {
                        let right = c == RIGHT;
                        debug_assert!(c == LEFT || c == RIGHT);
                        let (h, d) = state.arc(right);
                        let label = if h == state.root() {
                            root_label
                        } else {
                            features::extract_label(&ex.words, &state, h, d, &mut label_feats);
                            label_scores.iter_mut().for_each(|s| *s = 0.0);
                            label_w.score(&label_feats, &mut label_scores);
                            let pred = best_label(&label_scores, root_label);
                            let gold_arc = ex.head.get(d as usize) == Some(&h);
                            let gold = ex.label.get(d as usize).copied().unwrap_or(u8::MAX);
                            if gold_arc && gold != root_label && (gold as usize) < n_labels {
                                label_w.now += 1;
                                arcs += 1;
                                if pred != gold {
                                    label_errors += 1;
                                    label_w.update(&label_feats, gold as usize, 1.0);
                                    label_w.update(&label_feats, pred as usize, -1.0);
                                    if explore && rng.unit() < config.explore_prob {
                                        pred
                                    } else {
                                        gold
                                    }
                                } else {
                                    pred
                                }
                            } else {
                                pred
                            }
                        };
                        if right {
                            Move::Right(label)
                        } else {
                            Move::Left(label)
                        }
                    }
                };
                state.apply(mv);
            }
        }
        if config.verbose {
            eprintln!(
                "parser training: seed {seed}, epoch {}/{}: {:.2}% transitions wrong, {:.2}% labels wrong, {}+{} features, {:.0}s",
                epoch + 1,
                config.epochs,
                100.0 * errors as f64 / steps.max(1) as f64,
                100.0 * label_errors as f64 / arcs.max(1) as f64,
                moves.index.len(),
                label_w.index.len(),
                start.elapsed().as_secs_f64()
            );
        }
    }
    (moves, label_w)
}

fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>, ParserError> {
    let text = std::fs::read_to_string(path).map_err(|e| ParserError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    conllu::parse(&text).map_err(|e| ParserError::Conllu {
        path: path.display().to_string(),
        source: e,
    })
}

/// The training set for experiments under a corpora directory
/// (`shared/corpora`): EWT train, then GUM (permissive) train, dev and test.
/// EWT dev stays out (it chooses settings; the shipped model, trained by
/// [`train_and_save`], adds it at the end); EWT test and PUD stay out (they
/// are the test sets).
pub fn training_sentences(corpora_dir: &Path) -> Result<Vec<ConlluSentence>, ParserError> {
    let mut sents = read_conllu(&corpora_dir.join("ud_english_ewt/en_ewt-ud-train.conllu"))?;
    for part in ["train", "dev", "test"] {
        sents.extend(read_conllu(
            &corpora_dir.join(format!("gum_permissive/gum_permissive-{part}.conllu")),
        )?);
    }
    Ok(sents)
}

/// EWT dev, the development set.
pub fn dev_sentences(corpora_dir: &Path) -> Result<Vec<ConlluSentence>, ParserError> {
    read_conllu(&corpora_dir.join("ud_english_ewt/en_ewt-ud-dev.conllu"))
}

/// Replace the UPOS and XPOS of `sentences` with those of annals-nlp taggers
/// each trained on the other `folds - 1` folds (sentence `i` is in fold
/// `i % folds`). Deterministic for a seed.
pub fn jackknife_tags(sentences: &mut [ConlluSentence], folds: usize, seed: u64, verbose: bool) {
    use annals_nlp::train::{train_tagger_on, TaggerOptions};
    use annals_nlp::TaggedSentence;
    if folds < 2 {
        return;
    }
    let tagged: Vec<TaggedSentence> = sentences
        .iter()
        .map(|s| TaggedSentence {
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            upos: s
                .words
                .iter()
                .map(|w| w.upos.parse().unwrap_or_default())
                .collect(),
            xpos: s.words.iter().map(|w| w.xpos.clone()).collect(),
            lemmas: s.words.iter().map(|w| w.lemma.clone()).collect(),
        })
        .collect();
    for fold in 0..folds {
        let start = Instant::now();
        let train: Vec<TaggedSentence> = tagged
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let opts = TaggerOptions {
            seed: seed.wrapping_add(fold as u64),
            ..TaggerOptions::default()
        };
        let tagger = train_tagger_on(&train, &opts);
        for (i, s) in sentences.iter_mut().enumerate() {
            if i % folds != fold {
                continue;
            }
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let tags: Vec<(String, String)> = tagger
                .tag(&words)
                .into_iter()
                .map(|t| (t.upos.as_str().to_owned(), t.xpos.to_owned()))
                .collect();
            for (w, (upos, xpos)) in s.words.iter_mut().zip(tags) {
                w.upos = upos;
                w.xpos = xpos;
            }
        }
        if verbose {
            eprintln!(
                "parser training: jackknife tagger {}/{folds} done in {:.0}s",
                fold + 1,
                start.elapsed().as_secs_f64()
            );
        }
    }
}

/// Train the standard model (EWT train + GUM + EWT dev with jackknifed tags,
/// [`TrainConfig::standard`]) with `seed`, write it to `out`, and score it on
/// EWT dev (gold tags; seen in training, so only a sanity check).
pub fn train_and_save(
    corpora_dir: &Path,
    out: &Path,
    seed: u64,
) -> Result<TrainReport, ParserError> {
    let config = TrainConfig {
        seed,
        verbose: true,
        ..TrainConfig::standard()
    };
    train_and_save_with(corpora_dir, out, &config)
}

/// [`train_and_save`] with explicit settings.
pub fn train_and_save_with(
    corpora_dir: &Path,
    out: &Path,
    config: &TrainConfig,
) -> Result<TrainReport, ParserError> {
    let start = Instant::now();
    let dev = dev_sentences(corpora_dir)?;
    let mut sents = training_sentences(corpora_dir)?;
    if config.with_dev {
        sents.extend(dev.iter().cloned());
    }
    jackknife_tags(
        &mut sents,
        config.jackknife_folds,
        config.seed,
        config.verbose,
    );
    let parser = train(&sents, config)?;
    let bytes = parser.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| ParserError::Io {
        path: out.display().to_string(),
        source: e,
    })?;
    let dev_scores = evaluate(&parser, &dev, None)?;
    Ok(TrainReport {
        train_sentences: sents.len(),
        train_words: sents.iter().map(|s| s.words.len()).sum(),
        dev: dev_scores,
        dev_trained_on: config.with_dev,
        n_features: parser.n_features(),
        model_bytes: bytes.len(),
        seconds: start.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifting_removes_crossing_arcs() {
        // 1 <- 3, 2 <- 4 cross; 4 is the root's child via 3.
        let mut head = vec![0, 3, 4, 0, 3];
        projectivize(&mut head);
        for d in 1..head.len() as u32 {
            let h = head[d as usize];
            if h == 0 {
                continue;
            }
            let (a, b) = if h < d { (h, d) } else { (d, h) };
            assert!(
                (a + 1..b).all(|k| dominates(&head, h, k)),
                "arc {h}->{d} still crosses"
            );
        }
        assert_eq!(head[2], 3, "the crossing arc is lifted to its head's head");
    }
}
