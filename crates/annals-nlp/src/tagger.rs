//! Part-of-speech tagger: greedy left-to-right averaged perceptron predicting
//! a joint (UPOS, Penn Treebank XPOS) class per token, with a tag dictionary
//! for frequent unambiguous words. The [`Tagger`] also owns the
//! [`Lemmatizer`], since lemmas depend on the predicted tags.

use std::collections::HashMap;
use std::path::Path;

use annals_core::{Component, ComponentError, Doc, Upos};

use crate::binio::{Reader, Writer};
use crate::features::{Window, F_ALL_UPPER, F_DIGIT, F_HYPHEN, F_UPPER_INIT};
use crate::hash::{feat1, feat2, feat3, hash_str, StrHasher};
use crate::lemma::Lemmatizer;
use crate::perceptron::{Model, Trainer, U64Map};
use crate::tag_weights::{InlineWeights, Scores};
use crate::NlpError;

/// One tag class: the pair a token receives.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TagClass {
    pub upos: Upos,
    pub xpos: String,
}

/// A gold-tagged sentence for training or evaluation.
#[derive(Debug, Clone, Default)]
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<String>,
    pub lemmas: Vec<String>,
}

/// Predicted tags for one word.
#[derive(Debug, Clone, PartialEq)]
pub struct WordTag<'a> {
    pub upos: Upos,
    pub xpos: &'a str,
}

/// The part-of-speech tagger and lemmatizer; see the module docs.
#[derive(Debug, Clone)]
pub struct Tagger {
    classes: Vec<TagClass>,
    /// Frequent unambiguous words (by hash of the exact form) → class and
    /// index of the word's lemma in `tagdict_lemmas`.
    tagdict: U64Map<(u16, u32)>,
    /// Lemmas of the tag dictionary's words (fixed by word and class), so
    /// the commonest tokens skip the lemmatizer.
    tagdict_lemmas: Vec<String>,
    /// The same words, for writing the model back out: those the model was
    /// trained with (never scored in training either)...
    tagdict_words: Vec<(String, u16)>,
    /// ...and those added after training because the trained model already
    /// tags them so (see [`Tagger::with_fast_dictionary`]).
    fast_words: Vec<(String, u16)>,
    /// Ambiguity class of each training word (hash of its lowercase form →
    /// code of the set of classes it took): lets a greedy left-to-right tagger
    /// see what the next words can be.
    ambig: U64Map<u64>,
    ambig_words: Vec<(String, Vec<u16>)>,
    model: Model,
    /// `model` re-laid for fast scoring (`None` only for a model with more
    /// than 255 classes, which is then scored through `model`).
    fast: Option<InlineWeights>,
    /// Weights of the bias feature (present in every token's feature set):
    /// the starting point of every token's scores.
    bias: Box<Scores>,
    lemmatizer: Lemmatizer,
}

/// Reusable buffers for tagging: after the first sentences, tagging
/// allocates only the window of lexical features.
#[derive(Debug, Default)]
struct Scratch {
    feats: Vec<u64>,
    amb: Vec<u64>,
    classes: Vec<u16>,
    /// Per token: index of its lemma in `tagdict_lemmas`, or [`NO_LEMMA`].
    dict_lemmas: Vec<u32>,
    scores: Vec<i32>,
}

/// No lemma from the tag dictionary: run the lemmatizer.
const NO_LEMMA: u32 = u32::MAX;

const MAGIC: &[u8; 4] = b"ANTG";
/// Version 3 added the fast dictionary; version 2 files are still read.
const VERSION: u32 = 3;
static EMBEDDED: &[u8] = include_bytes!("../models/tagger.bin");

/// Fast dictionary: minimum occurrences of a word in the training data...
const FAST_MIN_COUNT: u32 = 5;
/// ...and minimum share of its commonest class there.
const FAST_MIN_SHARE: f64 = 0.98;

/// Class index used for "no previous tag" (sentence start).
const NONE_TAG: u64 = 0xffff;

impl Tagger {
    /// The model shipped in `models/tagger.bin`.
    pub fn embedded() -> Result<Tagger, NlpError> {
        Tagger::from_bytes(EMBEDDED)
    }

    pub fn from_path(path: &Path) -> Result<Tagger, NlpError> {
        let data = std::fs::read(path).map_err(|e| NlpError::io(path, e))?;
        Tagger::from_bytes(&data)
    }

    pub fn from_bytes(data: &[u8]) -> Result<Tagger, NlpError> {
        let version = match data.get(4..8) {
            Some(&[a, b, c, d]) if u32::from_le_bytes([a, b, c, d]) == 2 => 2,
            _ => VERSION,
        };
        let mut r = Reader::new(data, MAGIC, version, "tagger")?;
        let n = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let upos: Upos = r
                .str()?
                .parse()
                .map_err(|e: String| NlpError::bad_model("tagger", e))?;
            let xpos = r.str()?.to_owned();
            classes.push(TagClass { upos, xpos });
        }
        let nd = r.u32()? as usize;
        let mut tagdict_words = Vec::with_capacity(nd);
        for _ in 0..nd {
            let w = r.str()?.to_owned();
            let c = r.u16()?;
            if c as usize >= n {
                return Err(r.error(format!("tag dictionary class {c} out of range")));
            }
            tagdict_words.push((w, c));
        }
        let na = r.u32()? as usize;
        let mut ambig_words = Vec::with_capacity(na);
        for _ in 0..na {
            let w = r.str()?.to_owned();
            let k = r.u16()? as usize;
            let mut cs = Vec::with_capacity(k);
            for _ in 0..k {
                cs.push(r.u16()?);
            }
            ambig_words.push((w, cs));
        }
        let model = Model::from_bytes(r.bytes()?)?;
        if model.n_classes() != n {
            return Err(r.error("weights and class list disagree"));
        }
        let lemmatizer = Lemmatizer::from_bytes(r.bytes()?)?;
        let mut fast_words = Vec::new();
        if version >= 3 {
            let nf = r.u32()? as usize;
            for _ in 0..nf {
                let w = r.str()?.to_owned();
                let c = r.u16()?;
                if c as usize >= n {
                    return Err(r.error(format!("fast dictionary class {c} out of range")));
                }
                fast_words.push((w, c));
            }
        }
        let mut tagger = Tagger::assemble(classes, tagdict_words, ambig_words, model, lemmatizer);
        tagger.fast_words = fast_words;
        tagger.index_tagdict();
        Ok(tagger)
    }

    /// Build the lookup structures derived from the stored parts.
    fn assemble(
        classes: Vec<TagClass>,
        tagdict_words: Vec<(String, u16)>,
        ambig_words: Vec<(String, Vec<u16>)>,
        model: Model,
        lemmatizer: Lemmatizer,
    ) -> Tagger {
        let ambig = ambig_index(&ambig_words);
        let fast = InlineWeights::new(&model);
        let mut bias = Box::new([0; 256]);
        if let Some(f) = &fast {
            f.add(bias_feature(), &mut bias);
        }
        let mut tagger = Tagger {
            classes,
            tagdict: U64Map::default(),
            tagdict_lemmas: Vec::new(),
            tagdict_words,
            fast_words: Vec::new(),
            ambig,
            ambig_words,
            model,
            fast,
            bias,
            lemmatizer,
        };
        tagger.index_tagdict();
        tagger
    }

    /// Build the tag dictionary's lookup table and its words' lemmas.
    fn index_tagdict(&mut self) {
        let mut tagdict = U64Map::default();
        let mut lemmas = Vec::with_capacity(self.tagdict_words.len());
        for (w, c) in self.tagdict_words.iter().chain(&self.fast_words) {
            let (upos, xpos) = self.class(*c);
            tagdict.insert(hash_str(w), (*c, lemmas.len() as u32));
            lemmas.push(self.lemmatizer.lemma(w, upos, xpos));
        }
        self.tagdict = tagdict;
        self.tagdict_lemmas = lemmas;
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(MAGIC, VERSION);
        w.u32(self.classes.len() as u32);
        for c in &self.classes {
            w.str(c.upos.as_str());
            w.str(&c.xpos);
        }
        w.u32(self.tagdict_words.len() as u32);
        for (word, c) in &self.tagdict_words {
            w.str(word);
            w.u16(*c);
        }
        w.u32(self.ambig_words.len() as u32);
        for (word, cs) in &self.ambig_words {
            w.str(word);
            w.u16(cs.len() as u16);
            for c in cs {
                w.u16(*c);
            }
        }
        w.bytes(&self.model.to_bytes());
        w.bytes(&self.lemmatizer.to_bytes());
        w.u32(self.fast_words.len() as u32);
        for (word, c) in &self.fast_words {
            w.str(word);
            w.u16(*c);
        }
        w.buf
    }

    /// Add to the tag dictionary, for tagging only, the words of `sentences`
    /// (the training data) seen at least 5 times with one class at least 98%
    /// of the time (`FAST_MIN_COUNT`, `FAST_MIN_SHARE`), that the model itself
    /// already tags with that class at every one of those occurrences. Those
    /// tokens then skip scoring, which leaves the predictions as they were
    /// but for rare contexts. Called by [`Tagger::train`]; replaces any
    /// previous fast dictionary.
    pub fn with_fast_dictionary(mut self, sentences: &[TaggedSentence]) -> Self {
        self.fast_words.clear();
        self.index_tagdict();
        let index: HashMap<(Upos, &str), u16> = self
            .classes
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.upos, c.xpos.as_str()), i as u16))
            .collect();
        let strict: std::collections::HashSet<&str> =
            self.tagdict_words.iter().map(|(w, _)| w.as_str()).collect();
        let mut counts: HashMap<&str, HashMap<u16, u32>> = HashMap::new();
        for s in sentences {
            for (k, w) in s.words.iter().enumerate() {
                let upos = s.upos.get(k).copied().unwrap_or_default();
                let xpos = s.xpos.get(k).map_or("", String::as_str);
                if let Some(&c) = index.get(&(upos, xpos)) {
                    *counts.entry(w.as_str()).or_default().entry(c).or_default() += 1;
                }
            }
        }
        // Candidates: word → (class, occurrences, occurrences the model agrees on).
        let mut candidates: HashMap<&str, (u16, u32, u32)> = HashMap::new();
        for (w, cs) in &counts {
            let total: u32 = cs.values().sum();
            let best = cs.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)));
            if let Some((&c, &n)) = best {
                if !strict.contains(w)
                    && total >= FAST_MIN_COUNT
                    && f64::from(n) >= FAST_MIN_SHARE * f64::from(total)
                {
                    candidates.insert(w, (c, 0, 0));
                }
            }
        }
        let mut scratch = Scratch::default();
        for s in sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            self.tag_into(&words, &mut scratch);
            for (w, &c) in words.iter().zip(&scratch.classes) {
                if let Some((want, seen, agreed)) = candidates.get_mut(w) {
                    *seen += 1;
                    *agreed += u32::from(c == *want);
                }
            }
        }
        let mut fast: Vec<(String, u16)> = candidates
            .into_iter()
            .filter(|(_, (_, seen, agreed))| *seen > 0 && agreed == seen)
            .map(|(w, (c, _, _))| (w.to_owned(), c))
            .collect();
        fast.sort();
        self.fast_words = fast;
        self.index_tagdict();
        self
    }

    pub fn classes(&self) -> &[TagClass] {
        &self.classes
    }

    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// Replace the lemmatizer (e.g. with one loaded from a user's file).
    pub fn with_lemmatizer(mut self, lemmatizer: Lemmatizer) -> Self {
        self.lemmatizer = lemmatizer;
        self.index_tagdict();
        self
    }

    /// Tag one sentence of word forms, returning class indices.
    pub fn tag_classes(&self, words: &[&str]) -> Vec<u16> {
        let mut scratch = Scratch::default();
        self.tag_into(words, &mut scratch);
        scratch.classes
    }

    /// Tag `words` into `scratch.classes`.
    fn tag_into(&self, words: &[&str], scratch: &mut Scratch) {
        let window = Window::new(words.iter().copied());
        ambiguity_into(&window, &self.ambig, &mut scratch.amb);
        let Scratch {
            feats,
            amb,
            classes: out,
            dict_lemmas,
            scores,
        } = scratch;
        out.clear();
        dict_lemmas.clear();
        let n_classes = self.classes.len();
        let mut fast_scores: Scores = [0; 256];
        for i in 0..words.len() {
            let p1 = out.last().map_or(NONE_TAG, |&c: &u16| u64::from(c));
            let p2 = if i >= 2 {
                out.get(i - 2).map_or(NONE_TAG, |&c| u64::from(c))
            } else {
                NONE_TAG
            };
            if let Some(&(c, lemma)) = self.tagdict.get(&window.at(i, 0).form) {
                out.push(c);
                dict_lemmas.push(lemma);
                continue;
            }
            dict_lemmas.push(NO_LEMMA);
            features(&window, amb, i, p1, p2, feats);
            let best = match &self.fast {
                Some(fast) => {
                    // Start from the bias weights and add the other features:
                    // the same integer sum as scoring all of them.
                    fast_scores[..n_classes].copy_from_slice(&self.bias[..n_classes]);
                    fast.add_all(feats, bias_feature(), &mut fast_scores);
                    first_max(&fast_scores[..n_classes])
                }
                None => {
                    scores.resize(n_classes, 0);
                    self.model.scores(feats, scores);
                    first_max(scores)
                }
            };
            out.push(best as u16);
        }
    }

    /// Tag one sentence: (UPOS, XPOS) per word.
    pub fn tag(&self, words: &[&str]) -> Vec<WordTag<'_>> {
        self.tag_classes(words)
            .into_iter()
            .map(|c| match self.classes.get(c as usize) {
                Some(tc) => WordTag {
                    upos: tc.upos,
                    xpos: &tc.xpos,
                },
                None => WordTag {
                    upos: Upos::X,
                    xpos: "",
                },
            })
            .collect()
    }

    /// Train from gold-tagged sentences (deterministic for a given `seed`).
    pub fn train(
        sentences: &[TaggedSentence],
        epochs: usize,
        seed: u64,
        prune: f32,
        lemmatizer: Lemmatizer,
    ) -> Tagger {
        // Classes in order of first appearance, for a stable numbering.
        let mut classes: Vec<TagClass> = Vec::new();
        let mut index: HashMap<TagClass, u16> = HashMap::new();
        let mut gold: Vec<Vec<u16>> = Vec::with_capacity(sentences.len());
        let mut counts: HashMap<&str, HashMap<u16, u32>> = HashMap::new();
        for s in sentences {
            let mut g = Vec::with_capacity(s.words.len());
            for (k, w) in s.words.iter().enumerate() {
                let tc = TagClass {
                    upos: s.upos.get(k).copied().unwrap_or_default(),
                    xpos: s.xpos.get(k).cloned().unwrap_or_default(),
                };
                let c = *index.entry(tc.clone()).or_insert_with(|| {
                    classes.push(tc);
                    (classes.len() - 1) as u16
                });
                g.push(c);
                *counts.entry(w.as_str()).or_default().entry(c).or_default() += 1;
            }
            gold.push(g);
        }
        let mut tagdict_words = Vec::new();
        for (w, cs) in &counts {
            let total: u32 = cs.values().sum();
            if let Some((&c, &n)) = cs.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))) {
                if total >= 20 && f64::from(n) / f64::from(total) >= 0.995 {
                    tagdict_words.push(((*w).to_owned(), c));
                }
            }
        }
        tagdict_words.sort();
        let tagdict: U64Map<u16> = tagdict_words
            .iter()
            .map(|(w, c)| (hash_str(w), *c))
            .collect();
        let mut lower_counts: HashMap<String, HashMap<u16, u32>> = HashMap::new();
        for (w, cs) in &counts {
            let e = lower_counts.entry(w.to_lowercase()).or_default();
            for (c, n) in cs {
                *e.entry(*c).or_default() += n;
            }
        }
        let mut ambig_words: Vec<(String, Vec<u16>)> = lower_counts
            .into_iter()
            .filter_map(|(w, cs)| {
                let total: u32 = cs.values().sum();
                if total < 3 {
                    return None;
                }
                let mut set: Vec<u16> = cs
                    .iter()
                    .filter(|(_, n)| **n * 20 >= total)
                    .map(|(c, _)| *c)
                    .collect();
                set.sort_unstable();
                Some((w, set))
            })
            .collect();
        ambig_words.sort();
        let ambig = ambig_index(&ambig_words);
        let mut amb = Vec::new();
        let mut trainer = Trainer::new(classes.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = crate::rng::XorShift::new(seed);
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0f32; classes.len()];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let (Some(s), Some(g)) = (sentences.get(si), gold.get(si)) else {
                    continue;
                };
                let window = Window::new(s.words.iter().map(String::as_str));
                ambiguity_into(&window, &ambig, &mut amb);
                let mut pred: Vec<u16> = Vec::with_capacity(g.len());
                for i in 0..s.words.len() {
                    let p1 = pred.last().map_or(NONE_TAG, |&c| u64::from(c));
                    let p2 = if i >= 2 {
                        pred.get(i - 2).map_or(NONE_TAG, |&c| u64::from(c))
                    } else {
                        NONE_TAG
                    };
                    let truth = g.get(i).copied().unwrap_or(0);
                    if let Some(&c) = tagdict.get(&window.at(i, 0).form) {
                        pred.push(c);
                        continue;
                    }
                    features(&window, &amb, i, p1, p2, &mut feats);
                    let guess = trainer.predict(&feats, &mut scores, None);
                    trainer.update(truth as usize, guess, &feats);
                    pred.push(guess as u16);
                }
            }
        }
        let model = trainer.finish(prune);
        Tagger::assemble(classes, tagdict_words, ambig_words, model, lemmatizer)
            .with_fast_dictionary(sentences)
    }

    /// Tag and lemmatize the words of a sentence: (UPOS, XPOS, lemma) per word.
    pub fn annotate(&self, words: &[&str]) -> Vec<(Upos, String, String)> {
        self.tag_classes(words)
            .into_iter()
            .zip(words)
            .map(|(c, w)| {
                let (upos, xpos) = self.class(c);
                let lemma = self.lemmatizer.lemma(w, upos, xpos);
                (upos, xpos.to_owned(), lemma)
            })
            .collect()
    }

    /// UPOS and XPOS of a class index.
    #[inline]
    fn class(&self, c: u16) -> (Upos, &str) {
        self.classes
            .get(usize::from(c))
            .map_or((Upos::X, ""), |t| (t.upos, t.xpos.as_str()))
    }
}

fn ambig_index(words: &[(String, Vec<u16>)]) -> U64Map<u64> {
    words
        .iter()
        .map(|(w, cs)| {
            let mut h = StrHasher::new();
            for c in cs {
                h.bytes(&c.to_le_bytes());
            }
            (hash_str(w), h.finish())
        })
        .collect()
}

/// Ambiguity-class codes of a sentence's words into `out`, padded like the window.
fn ambiguity_into(win: &Window, ambig: &U64Map<u64>, out: &mut Vec<u64>) {
    out.clear();
    out.extend([1, 1]);
    out.extend((0..win.len()).map(|i| ambig.get(&win.at(i, 0).lower).copied().unwrap_or(2)));
    out.extend([3, 3]);
}

/// The bias feature, present in every token's feature set.
#[inline]
fn bias_feature() -> u64 {
    feat1(0, 0)
}

/// Index of the first highest score (as [`crate::perceptron::argmax`]).
#[inline]
fn first_max(scores: &[i32]) -> usize {
    let mut best = 0;
    let mut best_score = i32::MIN;
    for (i, &s) in scores.iter().enumerate() {
        if s > best_score {
            best = i;
            best_score = s;
        }
    }
    best
}

/// The tagger's feature templates for position `i` given the two previous tags.
fn features(win: &Window, amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let a = |off: usize| amb.get(i + off).copied().unwrap_or(0);
    let (a_m1, a0, a_p1, a_p2) = (a(1), a(2), a(3), a(4));
    out.push(feat1(40, a0));
    out.push(feat1(41, a_p1));
    out.push(feat1(42, a_p2));
    out.push(feat2(43, p1, a_p1));
    out.push(feat2(44, a0, a_p1));
    out.push(feat2(45, a_m1, a0));
    out.push(feat3(46, p1, a0, a_p1));
    let w = win.at(i, 0);
    let wm1 = win.at(i, -1);
    let wm2 = win.at(i, -2);
    let wp1 = win.at(i, 1);
    let wp2 = win.at(i, 2);
    out.push(bias_feature());
    out.push(feat1(1, w.lower));
    out.push(feat1(2, w.form));
    out.push(feat1(3, w.suffix[0]));
    out.push(feat1(4, w.suffix[1]));
    out.push(feat1(5, w.suffix[2]));
    out.push(feat1(6, w.suffix[3]));
    out.push(feat1(7, w.prefix[0]));
    out.push(feat1(8, w.prefix[1]));
    out.push(feat1(9, w.prefix[2]));
    out.push(feat1(10, w.shape));
    out.push(feat1(11, wm1.lower));
    out.push(feat1(12, wm2.lower));
    out.push(feat1(13, wp1.lower));
    out.push(feat1(14, wp2.lower));
    out.push(feat1(15, wm1.suffix[2]));
    out.push(feat1(16, wp1.suffix[2]));
    out.push(feat1(17, wp1.short_shape));
    out.push(feat1(18, wm1.short_shape));
    out.push(feat1(19, p1));
    out.push(feat1(20, p2));
    out.push(feat2(21, p1, p2));
    out.push(feat2(22, p1, w.lower));
    out.push(feat2(23, w.lower, wp1.lower));
    out.push(feat2(24, wm1.lower, w.lower));
    out.push(feat2(25, p1, wp1.lower));
    out.push(feat2(26, p1, w.suffix[2]));
    out.push(feat2(27, wp1.suffix[1], w.suffix[2]));
    out.push(feat3(28, p1, w.lower, wp1.lower));
    out.push(feat1(29, wp2.suffix[2]));
    let flags = u64::from(w.flags & (F_UPPER_INIT | F_ALL_UPPER | F_DIGIT | F_HYPHEN));
    out.push(feat2(30, flags, (i == 0) as u64));
    out.push(feat2(31, w.short_shape, p1));
    out.push(feat2(32, wm1.lower, wp1.lower));
    out.push(feat1(33, wp1.prefix[0]));
    out.push(feat2(34, w.lower, wp1.short_shape));
    out.push(feat2(35, wp1.lower, wp2.lower));
    out.push(feat2(36, p1, w.suffix[1]));
}

impl Component for Tagger {
    fn name(&self) -> &'static str {
        "tagger"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let mut scratch = Scratch::default();
        for si in 0..doc.sentences.len() {
            let Some(range) = doc.sentences.get(si).map(|s| s.tokens.clone()) else {
                continue;
            };
            let Some(toks) = doc.tokens.get(range.clone()) else {
                return Err(ComponentError {
                    component: "tagger",
                    message: format!("sentence {si} token range {range:?} is out of bounds"),
                });
            };
            let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
            self.tag_into(&words, &mut scratch);
            let toks = doc.tokens.get_mut(range).unwrap_or_default();
            for ((tok, &c), &lemma) in toks
                .iter_mut()
                .zip(&scratch.classes)
                .zip(&scratch.dict_lemmas)
            {
                let (upos, xpos) = self.class(c);
                tok.upos = upos;
                tok.xpos.clear();
                tok.xpos.push_str(xpos);
                match self.tagdict_lemmas.get(lemma as usize) {
                    Some(l) => {
                        tok.lemma.clear();
                        tok.lemma.push_str(l);
                    }
                    None => self
                        .lemmatizer
                        .lemma_into(&tok.text, upos, xpos, &mut tok.lemma),
                }
            }
        }
        Ok(())
    }
}
