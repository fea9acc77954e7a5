//! Named-entity recognizer: a structured (first-order, Viterbi-decoded)
//! averaged perceptron over BIO labels for PER / ORG / LOC, trained for the
//! search it is decoded with (Collins 2002: decode the whole sentence, then
//! reward the gold path and penalize the decoded one where they differ).
//! Each word gets class scores and (previous class, class) pair scores from
//! one lookup per feature. Features: word, affixes and shape in a ±2
//! window, part of speech, [`Gazetteer`] lists (places, given names and
//! surnames, well-known organizations, organization and place head words,
//! titles, calendar words, towns), [`word_stats::WordStats`] (how the
//! treebanks use a word: proper-noun and capitalization shares),
//! [`clusters::WordClusters`] (distributional word classes of the word and
//! its neighbours, from the treebanks), [`vector_classes`] (classes of
//! pretrained word vectors, which know names the training text never
//! shows), and the run of capitalized words around a token (its
//! first and last word, length, and the words around it). Words that cannot
//! be part of a name (punctuation, lowercase words never used as proper
//! nouns, unless a connector such as `of` or `&` right after a possible name
//! word) are O without scoring, so each run of the other words is decoded
//! alone, which keeps decoding fast.
//! Beside the perceptron, two small neural scorers ([`neural`]) read a
//! window of pretrained word vectors; the mean of their log-probabilities,
//! weighted, is added to the perceptron's class scores of each open word
//! with a letter before decoding (a product of experts: on the UNER EWT dev
//! halves F1 75.2 → 75.4; with the role rule below, UNER EWT test 74.0 →
//! 75.1 and UNER PUD 70.1 → 71.6).
//! A place name run into its region (`Miramar California`) is then cut in
//! two, a title cut from the person's name it precedes (`NASA Administrator
//! Mike Griffin`: `NASA`, `Mike Griffin`), a role after a person's name cut
//! off (`Karen Walsh - Analyst`), an all-lowercase span of common
//! words (`ministry`) dropped, and
//! nationality adjectives (`Iraqi`, `Kurdish`) and their plurals
//! outside any entity are marked NORP from the demonym list.
//!
//! A whole document ([`EntityRecognizer::recognize_doc`], and the
//! [`Component`], which sees one `Doc`) is first decided sentence by
//! sentence, then made consistent ([`consistency`]): a name keeps its
//! majority type throughout the document, and its other occurrences, its
//! acronym and the surname of a full person name are marked too.

pub mod clusters;
pub mod consistency;
pub mod neural;
pub mod vector_classes;
pub mod word_stats;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use annals_core::{Component, ComponentError, Doc, Entity, EntityLabel, Span, Upos};

use crate::binio::{Reader, Writer};
use crate::features::{Lex, Window, F_ALL_UPPER, F_ALPHA, F_DIGIT, F_UPPER_INIT};
use crate::gazetteer::{
    GazMatch, Gazetteer, CALENDAR, CITY, COUNTRY, DEMONYM, GIVEN_NAME, ORGANIZATION, ORG_WORD,
    PERSON_TITLE, PLACE_WORD, REGION, SURNAME, TOWN,
};
use crate::hash::{feat1, feat2, feat3};
use crate::perceptron::{Model, Trainer};
use crate::NlpError;
use clusters::WordClusters;
use word_stats::WordStats;

/// The entity types the model predicts (NORP comes from the lexicon).
pub const TYPES: [EntityLabel; 3] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc];
const N_CLASSES: usize = 1 + 2 * TYPES.len();

/// BIO class index: 0 = O, `1 + 2k` = B-type k, `2 + 2k` = I-type k.
pub fn class_of(tag: &str) -> Option<u8> {
    if tag == "O" {
        return Some(0);
    }
    let (bi, ty) = tag.split_once('-')?;
    let k = TYPES.iter().position(|t| t.as_str() == ty)? as u8;
    match bi {
        "B" => Some(1 + 2 * k),
        "I" => Some(2 + 2 * k),
        _ => None,
    }
}

/// The IOB2 string of a class index.
pub fn tag_of(class: u8) -> String {
    if class == 0 {
        return "O".into();
    }
    let k = usize::from((class - 1) / 2);
    let ty = TYPES.get(k).map_or("MISC", |t| t.as_str());
    format!("{}-{}", if (class - 1) & 1 == 0 { "B" } else { "I" }, ty)
}

/// A sentence with gold BIO classes for training.
#[derive(Debug, Clone, Default)]
pub struct NerSentence {
    pub words: Vec<String>,
    /// Part-of-speech tags (predicted by the tagger, as at run time).
    pub upos: Vec<Upos>,
    /// Gold classes ([`class_of`]).
    pub classes: Vec<u8>,
}

impl NerSentence {
    /// The decoder's view of the sentence, with the given tables.
    fn context(
        &self,
        gazetteer: &Gazetteer,
        word_stats: &WordStats,
        clusters: &WordClusters,
        vector_classes: &WordClusters,
    ) -> Context {
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        Context::new(
            &words,
            &self.upos,
            gazetteer,
            word_stats,
            clusters,
            vector_classes,
        )
    }
}

/// See the module docs.
#[derive(Debug, Clone)]
pub struct EntityRecognizer {
    /// Per word, scores of the 7 BIO classes ([`N_CLASSES`]) then of the 49
    /// (previous class, class) pairs, from one feature lookup each.
    model: Model,
    gazetteer: Gazetteer,
    word_stats: WordStats,
    clusters: WordClusters,
    /// Classes of pretrained word vectors ([`vector_classes`]).
    vector_classes: WordClusters,
    /// Whether [`Self::recognize_doc`] harmonizes names across the document.
    document_consistency: bool,
    /// The neural scorers, their word vectors and the weight of their
    /// log-probabilities beside the perceptron's scores.
    neural: Option<NeuralPart>,
}

/// The neural scorers beside the perceptron ([`neural`]).
#[derive(Debug, Clone)]
struct NeuralPart {
    vectors: Arc<neural::WordVectors>,
    scorers: Vec<neural::WindowScorer>,
    /// The weight of the scorers' mean log-probabilities against the
    /// perceptron's (integer) class scores.
    weight: f32,
}

const MAGIC: &[u8; 4] = b"ANER";
/// 2: a structured (Viterbi) model with class-pair weights; 3: followed by
/// neural scorers and their weight.
const VERSION: u32 = 3;
const N_PAIRS: usize = N_CLASSES * N_CLASSES;
/// Outputs of the model: class scores, then class-pair scores.
const N_OUTPUTS: usize = N_CLASSES + N_PAIRS;
static EMBEDDED: &[u8] = include_bytes!("../models/ner.bin");
/// The word vectors of the neural scorers ([`neural::WordVectors`]).
static EMBEDDED_VECTORS: &[u8] = include_bytes!("../models/word_vectors.bin");

/// The shipped word vectors, read once per process.
pub fn embedded_word_vectors() -> Result<Arc<neural::WordVectors>, NlpError> {
    static VECTORS: std::sync::OnceLock<Result<Arc<neural::WordVectors>, String>> =
        std::sync::OnceLock::new();
    VECTORS
        .get_or_init(|| {
            neural::WordVectors::from_bytes(EMBEDDED_VECTORS)
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(|e| NlpError::bad_model("word vectors", e))
}

/// Whether class `c` may follow class `prev` (no I-X after O or another type).
fn allowed(prev: u8, c: u8) -> bool {
    if c == 0 || (c - 1) & 1 == 0 {
        return true;
    }
    prev != 0 && (prev - 1) / 2 == (c - 1) / 2
}

impl EntityRecognizer {
    /// The model shipped in `models/ner.bin`, with the built-in gazetteer.
    pub fn embedded() -> Result<EntityRecognizer, NlpError> {
        EntityRecognizer::from_bytes(EMBEDDED)
    }

    pub fn from_path(path: &Path) -> Result<EntityRecognizer, NlpError> {
        let data = std::fs::read(path).map_err(|e| NlpError::io(path, e))?;
        EntityRecognizer::from_bytes(&data)
    }

    pub fn from_bytes(data: &[u8]) -> Result<EntityRecognizer, NlpError> {
        let mut r = Reader::new(data, MAGIC, VERSION, "entity recognizer")?;
        let model = Model::from_bytes(r.bytes()?)?;
        if model.n_classes() != N_OUTPUTS {
            return Err(r.error(format!(
                "{} outputs, expected {N_OUTPUTS}",
                model.n_classes()
            )));
        }
        let n_scorers = r.u32()?;
        let weight = r.f32()?;
        let mut scorers = Vec::new();
        for _ in 0..n_scorers {
            scorers.push(neural::WindowScorer::from_bytes(r.bytes()?)?);
        }
        let neural = if scorers.is_empty() {
            None
        } else {
            let vectors = embedded_word_vectors()?;
            if let Some(s) = scorers.iter().find(|s| s.dim() != vectors.dim()) {
                return Err(r.error(format!(
                    "a neural scorer reads {}-dimension word vectors, the shipped ones have {}",
                    s.dim(),
                    vectors.dim()
                )));
            }
            Some(NeuralPart {
                vectors,
                scorers,
                weight,
            })
        };
        Ok(EntityRecognizer {
            model,
            gazetteer: Gazetteer::embedded(),
            word_stats: WordStats::embedded(),
            clusters: WordClusters::embedded(),
            vector_classes: vector_classes::embedded(),
            document_consistency: true,
            neural,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(MAGIC, VERSION);
        w.bytes(&self.model.to_bytes());
        let scorers = self.neural_scorers();
        w.u32(scorers.len() as u32);
        w.f32(self.neural.as_ref().map_or(0.0, |n| n.weight));
        for s in scorers {
            w.bytes(&s.to_bytes());
        }
        w.buf
    }

    /// Replace the gazetteer (e.g. with extra user lists).
    pub fn with_gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = gazetteer;
        self
    }

    /// Turn document-level consistency ([`consistency`]) on (the default)
    /// or off, which makes [`Self::recognize_doc`] decide each sentence alone.
    pub fn with_document_consistency(mut self, on: bool) -> Self {
        self.document_consistency = on;
        self
    }

    /// Split a place name followed by the region or country it lies in,
    /// written without a comma (`Miramar Florida`, `san francisco
    /// california`), into two places, as they are two names: both parts must
    /// be listed places and the whole must not be one (`New Mexico`,
    /// `Mexico City` stay whole).
    fn split_place_pairs(&self, words: &[&str], classes: &mut [u8]) {
        let loc = class_of("B-LOC").unwrap_or(0);
        const PLACE: u16 = CITY | TOWN | REGION | COUNTRY;
        for (label, r) in spans_of(classes) {
            if label != EntityLabel::Loc || r.len() < 2 {
                continue;
            }
            let Some(ws) = words.get(r.clone()) else {
                continue;
            };
            // The names listed within the span alone.
            let lowers: Vec<u64> = ws.iter().map(|w| Lex::lower_hash(w)).collect();
            let g = self.gazetteer.matches(&lowers);
            let starts: Vec<usize> = (0..g.len()).filter(|&k| g[k].begin).collect();
            let alphabetic = ws.iter().all(|w| w.chars().all(char::is_alphabetic));
            if let [0, k] = starts[..] {
                if alphabetic
                    && g[0].kinds & PLACE != 0
                    && g[k].kinds & (REGION | COUNTRY) != 0
                    && g.iter().all(|m| m.kinds != 0)
                {
                    if let Some(c) = classes.get_mut(r.start + k) {
                        *c = loc;
                    }
                }
            }
        }
    }

    /// A name typed in lowercase (`san francisco`, `google`) holds a word
    /// the treebanks mostly use as a proper noun; an all-lowercase span of
    /// words that are common or that only head or title names (`ministry`
    /// in `the Kenyan foreign ministry`, `police`, `president`) is no name.
    fn drop_lowercase_common_words(&self, words: &[&str], classes: &mut [u8]) {
        const NAME_PARTS: u16 = ORG_WORD | PLACE_WORD | PERSON_TITLE | CALENDAR;
        for (_, r) in spans_of(classes) {
            let Some(ws) = words.get(r.clone()) else {
                continue;
            };
            if ws.iter().any(|w| w.chars().any(char::is_uppercase)) {
                continue;
            }
            let lowers: Vec<u64> = ws.iter().map(|w| Lex::lower_hash(w)).collect();
            let common = lowers.iter().all(|&h| {
                let kinds = self.gazetteer.word_kinds(h);
                let stats = self.word_stats.get(h);
                (kinds != 0 && kinds & !NAME_PARTS == 0)
                    || (kinds == 0 && stats != word_stats::UNKNOWN && stats & 0xf <= 1)
            });
            if common {
                for c in classes.iter_mut().take(r.end).skip(r.start) {
                    *c = 0;
                }
            }
        }
    }

    /// Whether `w` names a title or role (`President`, `Administrator`,
    /// `Pastor`): a listed title, or a capitalized word no name list knows
    /// that the treebanks use as a proper noun less than three times in four
    /// (they tag titles before names as proper nouns: `NASA Administrator`).
    fn is_role_word(&self, w: &str) -> bool {
        let h = Lex::lower_hash(w);
        let kinds = self.gazetteer.word_kinds(h);
        if kinds & PERSON_TITLE != 0 {
            return true;
        }
        const NAMES: u16 = GIVEN_NAME | SURNAME | COUNTRY | CITY | REGION | TOWN | ORGANIZATION;
        let stats = self.word_stats.get(h);
        is_cap(w) && kinds & NAMES == 0 && stats != word_stats::UNKNOWN && stats & 0xf <= 2
    }

    /// A title is no part of the person's name it precedes (Universal NER
    /// leaves titles out): `Pastor Stephen Jones` is the person `Stephen
    /// Jones`, and `NASA Administrator Mike Griffin` the organization `NASA`
    /// and the person `Mike Griffin` (a place when the gazetteer lists it:
    /// `U.S. President George W. Bush`). The name must begin with a listed
    /// given name right after the title.
    fn split_at_titles(&self, words: &[&str], classes: &mut [u8]) {
        let per = class_of("B-PER").unwrap_or(0);
        for (_, r) in spans_of(classes) {
            let Some(ws) = words.get(r.clone()) else {
                continue;
            };
            let given = |w: &str| {
                is_cap(w) && self.gazetteer.word_kinds(Lex::lower_hash(w)) & GIVEN_NAME != 0
            };
            let Some(p) = (1..ws.len()).find(|&k| self.is_role_word(ws[k - 1]) && given(ws[k]))
            else {
                continue;
            };
            // Back over the whole title (`Secretary - General`, `Vice President`).
            let mut t = p;
            while t > 0 && (self.is_role_word(ws[t - 1]) || matches!(ws[t - 1], "-" | "–")) {
                t -= 1;
            }
            let before = &ws[..t];
            let left = if before.is_empty() {
                0
            } else if before.iter().any(|w| is_cap(w) && !self.is_role_word(w)) {
                let lowers: Vec<u64> = before.iter().map(|w| Lex::lower_hash(w)).collect();
                let place = self
                    .gazetteer
                    .matches(&lowers)
                    .last()
                    .is_some_and(|m| m.kinds & (COUNTRY | CITY | REGION | TOWN) != 0);
                class_of(if place { "B-LOC" } else { "B-ORG" }).unwrap_or(0)
            } else {
                // Words before the title that are no name (`Former`).
                continue;
            };
            for (k, c) in classes.iter_mut().skip(r.start).take(ws.len()).enumerate() {
                *c = match k {
                    0 if left != 0 => left,
                    k if k < t => left + 1,
                    k if k < p => 0,
                    k if k == p => per,
                    _ => per + 1,
                };
            }
        }
    }

    /// A role after a person's name is no part of it (Universal NER leaves
    /// roles out): trailing role words ([`Self::is_role_word`]) are cut off
    /// with the dash or comma before them when a dash or comma sets them
    /// apart (`Karen Walsh - Analyst` in an e-mail signature) or every one
    /// is a listed title (`Maria Lopez President`). Others stay, as many
    /// surnames are common words (`Hank Green`). What remains keeps its
    /// person type if it holds a given name or surname, becomes a place if
    /// the gazetteer lists it as one (`Nairobi - Manager`), and is left
    /// whole otherwise.
    fn cut_trailing_roles(&self, words: &[&str], classes: &mut [u8]) {
        for (label, r) in spans_of(classes) {
            if label != EntityLabel::Per || r.len() < 2 {
                continue;
            }
            let Some(ws) = words.get(r.clone()) else {
                continue;
            };
            let mut e = ws.len();
            while e > 1 && self.is_role_word(ws[e - 1]) {
                e -= 1;
            }
            if e == ws.len() {
                continue;
            }
            let listed = ws[e..]
                .iter()
                .all(|w| self.gazetteer.word_kinds(Lex::lower_hash(w)) & PERSON_TITLE != 0);
            let dashed = e > 1 && matches!(ws[e - 1], "-" | "–" | ",");
            if !listed && !dashed {
                continue;
            }
            while e > 1 && matches!(ws[e - 1], "-" | "–" | ",") {
                e -= 1;
            }
            let kept = &ws[..e];
            let named = kept.iter().any(|w| {
                is_cap(w)
                    && self.gazetteer.word_kinds(Lex::lower_hash(w)) & (GIVEN_NAME | SURNAME) != 0
            });
            let relabel = if named {
                None
            } else {
                let lowers: Vec<u64> = kept.iter().map(|w| Lex::lower_hash(w)).collect();
                let g = self.gazetteer.matches(&lowers);
                let place = g.first().is_some_and(|m| m.begin)
                    && g.iter()
                        .all(|m| m.kinds & (COUNTRY | CITY | REGION | TOWN) != 0);
                if !place {
                    continue;
                }
                Some(class_of("B-LOC").unwrap_or(0))
            };
            for (k, c) in classes.iter_mut().skip(r.start).take(ws.len()).enumerate() {
                if k >= e {
                    *c = 0;
                } else if let Some(b) = relabel {
                    *c = if k == 0 { b } else { b + 1 };
                }
            }
        }
    }

    /// BIO class per word.
    pub fn classes(&self, words: &[&str], upos: &[Upos]) -> Vec<u8> {
        let ctx = Context::new(
            words,
            upos,
            &self.gazetteer,
            &self.word_stats,
            &self.clusters,
            &self.vector_classes,
        );
        let mut out = vec![0u8; words.len()];
        let mut scratch = Scratch::default();
        let mut raw = [0i32; N_OUTPUTS];
        // The neural scorers' weighted log-probabilities per open word.
        let extra: Vec<[f32; N_CLASSES]> = match &self.neural {
            Some(n) => ctx.neural_log_probs(&n.vectors, &n.scorers, n.weight),
            None => Vec::new(),
        };
        decode(&ctx, &mut out, &mut scratch, |i, feats, scores| {
            self.model.scores(feats, &mut raw);
            for (d, &v) in scores.iter_mut().zip(&raw) {
                *d = v as f32;
            }
            if let Some(e) = extra.get(i) {
                for (d, v) in scores.iter_mut().zip(e) {
                    *d += v;
                }
            }
        });
        self.split_place_pairs(words, &mut out);
        self.split_at_titles(words, &mut out);
        self.cut_trailing_roles(words, &mut out);
        self.drop_lowercase_common_words(words, &mut out);
        // A name has letters: a lone number (`March 8`) is no entity.
        for (_, r) in spans_of(&out) {
            let lettered = words
                .get(r.clone())
                .is_some_and(|ws| ws.iter().any(|w| w.chars().any(char::is_alphabetic)));
            if !lettered {
                if let Some(cs) = out.get_mut(r) {
                    cs.iter_mut().for_each(|c| *c = 0);
                }
            }
        }
        out
    }

    /// BIO classes of every sentence of one document (`(words, upos)` per
    /// sentence), made consistent across the document
    /// ([`consistency::harmonize`]).
    pub fn classes_doc(&self, sentences: &[(&[&str], &[Upos])]) -> Vec<Vec<u8>> {
        let mut classes: Vec<Vec<u8>> = sentences.iter().map(|(w, u)| self.classes(w, u)).collect();
        if self.document_consistency {
            let words: Vec<&[&str]> = sentences.iter().map(|(w, _)| *w).collect();
            consistency::harmonize(&words, &mut classes, &|w| self.is_name_word(w), &|w| {
                let stats = self.word_stats.get(Lex::lower_hash(w));
                stats == word_stats::UNKNOWN || stats & 0xf >= 2
            });
        }
        classes
    }

    /// Whether a word of a person's name may stand alone for the person:
    /// mostly a proper noun in the treebanks (or unseen there, or a listed
    /// name) and no title, calendar, organization or place word.
    fn is_name_word(&self, w: &str) -> bool {
        let lower = Lex::lower_hash(w);
        let kinds = self.gazetteer.word_kinds(lower);
        let stats = self.word_stats.get(lower);
        kinds & (PERSON_TITLE | CALENDAR | ORG_WORD | PLACE_WORD) == 0
            && (stats == word_stats::UNKNOWN
                || stats & 0xf >= 3
                || kinds & (GIVEN_NAME | SURNAME) != 0)
    }

    /// Entities of every sentence of one document, as [`Self::recognize`]
    /// but with one type per name throughout the document.
    pub fn recognize_doc(
        &self,
        sentences: &[(&[&str], &[Upos])],
    ) -> Vec<Vec<(EntityLabel, Range<usize>)>> {
        let classes = self.classes_doc(sentences);
        sentences
            .iter()
            .zip(&classes)
            .map(|((w, _), c)| self.with_norp(w, c))
            .collect()
    }

    /// Entities of one sentence as (label, word range), NORP included.
    pub fn recognize(&self, words: &[&str], upos: &[Upos]) -> Vec<(EntityLabel, Range<usize>)> {
        let classes = self.classes(words, upos);
        self.with_norp(words, &classes)
    }

    /// The entities of `classes`, plus NORP demonyms outside them.
    fn with_norp(&self, words: &[&str], classes: &[u8]) -> Vec<(EntityLabel, Range<usize>)> {
        let mut out = spans_of(classes);
        // NORP: capitalized demonyms outside any predicted entity.
        let lowers: Vec<u64> = words.iter().map(|w| Lex::lower_hash(w)).collect();
        let gaz = self.gazetteer.matches(&lowers);
        let mut i = 0;
        while i < words.len() {
            let m = gaz.get(i).copied().unwrap_or_default();
            let cap = words
                .get(i)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if m.begin && m.kinds & DEMONYM != 0 && cap && classes.get(i) == Some(&0) {
                let mut j = i + 1;
                while j < words.len()
                    && !gaz.get(j).is_some_and(|g| g.begin)
                    && gaz.get(j).is_some_and(|g| g.kinds & DEMONYM != 0)
                    && classes.get(j) == Some(&0)
                {
                    j += 1;
                }
                out.push((EntityLabel::Norp, i..j));
                i = j;
            } else {
                i += 1;
            }
        }
        out.sort_by_key(|(_, r)| r.start);
        out
    }

    /// Train from gold sentences (deterministic for a given `seed`).
    pub fn train(sentences: &[NerSentence], epochs: usize, seed: u64) -> EntityRecognizer {
        EntityRecognizer::train_ensemble(sentences, epochs, seed, 1)
    }

    /// Train `members` perceptrons on the sentences in different orders
    /// (seeds `seed`, `seed + 1`, ...) and keep the mean of their weights:
    /// one model of the same size and speed, less dependent on the order.
    pub fn train_ensemble(
        sentences: &[NerSentence],
        epochs: usize,
        seed: u64,
        members: usize,
    ) -> EntityRecognizer {
        let gazetteer = Gazetteer::embedded();
        let word_stats = WordStats::embedded();
        let clusters = WordClusters::embedded();
        let vector_classes = vector_classes::embedded();
        let contexts: Vec<Context> = sentences
            .iter()
            .map(|s| s.context(&gazetteer, &word_stats, &clusters, &vector_classes))
            .collect();
        let trainers = (0..members.max(1) as u64)
            .map(|m| train_one(sentences, &contexts, epochs, seed.wrapping_add(m)))
            .collect();
        EntityRecognizer {
            model: crate::perceptron::finish_ensemble(trainers, 0.5),
            gazetteer,
            word_stats,
            clusters,
            vector_classes,
            document_consistency: true,
            neural: None,
        }
    }

    /// Add neural scorers: the mean of their log-probabilities, times
    /// `weight` (in the perceptron's integer score units), joins the
    /// perceptron's class scores.
    pub fn with_neural(
        mut self,
        vectors: Arc<neural::WordVectors>,
        scorers: Vec<neural::WindowScorer>,
        weight: f32,
    ) -> Self {
        self.neural = Some(NeuralPart {
            vectors,
            scorers,
            weight,
        });
        self
    }

    /// The neural scorers (none for a perceptron-only model).
    pub fn neural_scorers(&self) -> &[neural::WindowScorer] {
        self.neural.as_ref().map_or(&[], |n| n.scorers.as_slice())
    }

    /// Train `count` neural scorers (seeds `opts.seed`, `+ 1`, ...) on the
    /// sentences the perceptron learns from (open words only, gold classes
    /// as the decoder can reach them); their inputs are built once.
    pub fn train_neural(
        sentences: &[NerSentence],
        vectors: &neural::WordVectors,
        opts: &neural::NeuralOptions,
        count: usize,
    ) -> Vec<neural::WindowScorer> {
        let gazetteer = Gazetteer::embedded();
        let word_stats = WordStats::embedded();
        let clusters = WordClusters::embedded();
        let vector_classes = vector_classes::embedded();
        let data: Vec<_> = sentences
            .iter()
            .map(|s| {
                let ctx = s.context(&gazetteer, &word_stats, &clusters, &vector_classes);
                let gold = reachable(&s.classes, &ctx.open);
                let all = vec![true; ctx.open.len()];
                (ctx.neural_inputs(vectors, &all), gold, ctx.open.clone())
            })
            .collect();
        (0..count as u64)
            .map(|m| {
                let mut o = opts.clone();
                o.seed = o.seed.wrapping_add(m);
                neural::WindowScorer::train(vectors, &data, &o)
            })
            .collect()
    }
}

/// Reusable buffers of [`decode`].
#[derive(Default)]
struct Scratch {
    feats: Vec<u64>,
    back: Vec<[u8; N_CLASSES]>,
}

/// First-order Viterbi decoding into `out` (already sized, all O): each
/// maximal run of open words (see `Context::open`) is decided alone, from an
/// O before it to an O after it (the next word or the sentence end), with
/// per-word class scores and (previous class, class) pair scores.
/// `score(features, scores)` fills the [`N_OUTPUTS`] scores of a word.
fn decode(
    ctx: &Context,
    out: &mut [u8],
    scratch: &mut Scratch,
    mut score: impl FnMut(usize, &[u64], &mut [f32; N_OUTPUTS]),
) {
    let n = out.len();
    let mut a = 0;
    let mut scores = [0f32; N_OUTPUTS];
    while a < n {
        if !ctx.open.get(a).copied().unwrap_or(false) {
            a += 1;
            continue;
        }
        let mut b = a + 1;
        while b < n && ctx.open.get(b).copied().unwrap_or(false) {
            b += 1;
        }
        // Positions a..b are open; position b (a closed word or the end) is O.
        let mut delta = [f32::NEG_INFINITY; N_CLASSES];
        scratch.back.clear();
        for i in a..=b {
            scratch.feats.clear();
            if i < b {
                ctx.features(i, &mut scratch.feats);
            }
            ctx.edge_features(i, &mut scratch.feats);
            score(i, &scratch.feats, &mut scores);
            let (em, pair) = scores.split_at(N_CLASSES);
            let mut next = [f32::NEG_INFINITY; N_CLASSES];
            let mut bp = [0u8; N_CLASSES];
            let n_classes = if i < b { N_CLASSES } else { 1 };
            for (c, (nx, back)) in next
                .iter_mut()
                .zip(bp.iter_mut())
                .enumerate()
                .take(n_classes)
            {
                let e = em.get(c).copied().unwrap_or(0.0);
                if i == a {
                    if allowed(0, c as u8) {
                        *nx = e + pair.get(c).copied().unwrap_or(0.0);
                    }
                    continue;
                }
                for (p, &d) in delta.iter().enumerate() {
                    if d == f32::NEG_INFINITY || !allowed(p as u8, c as u8) {
                        continue;
                    }
                    let v = d + pair.get(p * N_CLASSES + c).copied().unwrap_or(0.0) + e;
                    if v > *nx {
                        *nx = v;
                        *back = p as u8;
                    }
                }
            }
            scratch.back.push(bp);
            delta = next;
        }
        // Follow the back pointers from the closing O at b.
        let mut c = 0u8;
        for i in (a..b).rev() {
            c = scratch
                .back
                .get(i + 1 - a)
                .and_then(|bp| bp.get(usize::from(c)))
                .copied()
                .unwrap_or(0);
            if let Some(o) = out.get_mut(i) {
                *o = c;
            }
        }
        a = b + 1;
    }
}

/// Gold classes as the decoder can produce them: O on closed words, and a
/// name cut by a closed word restarts with B.
fn reachable(gold: &[u8], open: &[bool]) -> Vec<u8> {
    let mut out: Vec<u8> = gold
        .iter()
        .zip(open)
        .map(|(&c, &o)| if o { c } else { 0 })
        .collect();
    let mut prev = 0;
    for c in out.iter_mut() {
        if !allowed(prev, *c) {
            // I-X (2 + 2k) -> B-X (1 + 2k).
            *c -= 1;
        }
        prev = *c;
    }
    out
}

/// One structured perceptron (Viterbi decoding, update on every word where
/// the decoded path and the gold path differ), as the recognizer decodes.
fn train_one(sentences: &[NerSentence], contexts: &[Context], epochs: usize, seed: u64) -> Trainer {
    let mut trainer = Trainer::new(N_OUTPUTS);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = crate::rng::XorShift::new(seed);
    let mut scratch = Scratch::default();
    let mut feats = Vec::with_capacity(64);
    let golds: Vec<Vec<u8>> = sentences
        .iter()
        .zip(contexts)
        .map(|(s, c)| reachable(&s.classes, &c.open))
        .collect();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (Some(gold), Some(ctx)) = (golds.get(si), contexts.get(si)) else {
                continue;
            };
            let n = gold.len();
            let mut pred = vec![0u8; n];
            decode(ctx, &mut pred, &mut scratch, |_, f, s| trainer.scores(f, s));
            for i in 0..=n {
                let open = ctx.open.get(i).copied().unwrap_or(false);
                let prev_open = i > 0 && ctx.open.get(i - 1).copied().unwrap_or(false);
                if !open && !prev_open {
                    continue;
                }
                let (g, p) = (
                    gold.get(i).copied().unwrap_or(0),
                    pred.get(i).copied().unwrap_or(0),
                );
                if open {
                    feats.clear();
                    ctx.features(i, &mut feats);
                    trainer.update(usize::from(g), usize::from(p), &feats);
                }
                let before = |path: &[u8]| {
                    i.checked_sub(1)
                        .and_then(|j| path.get(j))
                        .copied()
                        .filter(|_| prev_open)
                        .unwrap_or(0)
                };
                let (gp, pp) = (before(gold), before(&pred));
                feats.clear();
                ctx.edge_features(i, &mut feats);
                let pair = |a: u8, b: u8| N_CLASSES + usize::from(a) * N_CLASSES + usize::from(b);
                trainer.update(pair(gp, g), pair(pp, p), &feats);
            }
        }
    }
    trainer
}

/// Entity spans from a BIO class sequence (types from [`TYPES`]).
pub fn spans_of(classes: &[u8]) -> Vec<(EntityLabel, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        let c = classes[i];
        if c == 0 {
            i += 1;
            continue;
        }
        let k = usize::from((c - 1) / 2);
        let mut j = i + 1;
        while j < classes.len() && classes[j] != 0 && classes[j] == 2 + 2 * k as u8 {
            j += 1;
        }
        if let Some(&t) = TYPES.get(k) {
            out.push((t, i..j));
        }
        i = j;
    }
    out
}

/// Everything about a sentence that does not depend on predicted labels.
struct Context {
    window: Window,
    upos: Vec<u64>,
    gaz: Vec<GazMatch>,
    /// [`WordStats`] buckets per token.
    stats: Vec<u64>,
    /// Per token, a summary of the run of capitalized words around it (0 outside one).
    run: Vec<RunInfo>,
    /// Per token, its [`WordClusters`] class.
    cluster: Vec<u64>,
    /// Per token, its [`vector_classes`] leaf.
    vclass: Vec<u64>,
    /// Per token, whether it may be part of a name: not plainly outside
    /// ([`Context::plainly_outside`]), or a connector (`of`, `-`, `'s`)
    /// right after such a word. Closed words are O without scoring.
    open: Vec<bool>,
}

/// Words that join or end names (`Bank of America`, `Wendy 's`) although
/// they are never proper nouns themselves.
fn is_name_connector(w: &str) -> bool {
    const CONNECTORS: [&str; 25] = [
        ",", "of", "the", "and", "for", "&", "-", "–", "'s", "’s", "'", "’", ".", "de", "du",
        "des", "la", "le", "al", "el", "von", "van", "der", "da", "del",
    ];
    w.len() <= 4 && CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// The run of capitalized words (with lowercase connectors such as `of`
/// inside) that a token belongs to: the run's last word usually says what
/// kind of name it is (`... Committee`, `... Lake`), however long the run.
#[derive(Clone, Copy, Default)]
struct RunInfo {
    /// 0 outside a run, else 1 + (position: 0 single, 1 first, 2 inside, 3 last).
    position: u64,
    /// Run length, capped at 4.
    len: u64,
    first_lower: u64,
    last_lower: u64,
    last_suffix: u64,
    last_gaz: u64,
    /// The words just before and after the run.
    before_lower: u64,
    after_lower: u64,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "and" | "&" | "de" | "for" | "the" | "on" | "du" | "la" | "al" | "von" | "van"
    )
}

fn cap_runs(words: &[&str], window: &Window, gaz: &[GazMatch]) -> Vec<RunInfo> {
    let n = words.len();
    let mut out = vec![RunInfo::default(); n];
    let mut a = 0;
    while a < n {
        if !is_cap(words[a]) {
            a += 1;
            continue;
        }
        let mut e = a + 1;
        loop {
            if e < n && is_cap(words[e]) {
                e += 1;
            } else if e + 1 < n && is_connector(words[e]) && is_cap(words[e + 1]) {
                e += 2;
            } else {
                break;
            }
        }
        let last = e - 1;
        let info = RunInfo {
            position: 0,
            len: (e - a).min(4) as u64,
            first_lower: window.at(a, 0).lower,
            last_lower: window.at(last, 0).lower,
            last_suffix: window.at(last, 0).suffix[2],
            last_gaz: gaz.get(last).map_or(0, |g| u64::from(g.kinds)),
            before_lower: window.at(a, -1).lower,
            after_lower: window.at(last, 1).lower,
        };
        for (k, r) in out.iter_mut().enumerate().take(e).skip(a) {
            let pos = if e - a == 1 {
                0
            } else if k == a {
                1
            } else if k == last {
                3
            } else {
                2
            };
            *r = RunInfo {
                position: 1 + pos,
                ..info
            };
        }
        a = e;
    }
    out
}

impl Context {
    fn new(
        words: &[&str],
        upos: &[Upos],
        gazetteer: &Gazetteer,
        word_stats: &WordStats,
        clusters: &WordClusters,
        vector_classes: &WordClusters,
    ) -> Context {
        let window = Window::new(words.iter().copied());
        let lowers: Vec<u64> = (0..words.len()).map(|i| window.at(i, 0).lower).collect();
        let gaz = gazetteer.matches(&lowers);
        let stats = lowers
            .iter()
            .map(|&h| u64::from(word_stats.get(h)))
            .collect();
        let run = cap_runs(words, &window, &gaz);
        let cluster = lowers.iter().map(|&h| u64::from(clusters.get(h))).collect();
        let vclass = lowers
            .iter()
            .map(|&h| u64::from(vector_classes.get(h)))
            .collect();
        let mut ctx = Context {
            window,
            upos: upos.iter().map(|u| *u as u64 + 1).collect(),
            gaz,
            stats,
            run,
            cluster,
            vclass,
            open: Vec::new(),
        };
        let mut open = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            let prev = i > 0 && open.last().copied().unwrap_or(false);
            open.push(!ctx.plainly_outside(i) || (prev && is_name_connector(w)));
        }
        ctx.open = open;
        ctx
    }

    /// `weight` × the mean log-probabilities of `scorers` for each open
    /// token with a letter (zeros for the others: numbers, frequent in
    /// news, are left to the perceptron; on the UNER EWT dev halves this
    /// changed nothing). Empty when no token is scored.
    fn neural_log_probs(
        &self,
        vectors: &neural::WordVectors,
        scorers: &[neural::WindowScorer],
        weight: f32,
    ) -> Vec<[f32; N_CLASSES]> {
        let scored: Vec<bool> = (0..self.open.len())
            .map(|i| {
                self.window.at(i, 0).flags & F_ALPHA != 0
                    && self.open.get(i).copied().unwrap_or(false)
            })
            .collect();
        if !scored.contains(&true) {
            return Vec::new();
        }
        // Only the words in a scored word's window need their vectors.
        let near: Vec<bool> = (0..scored.len())
            .map(|i| {
                let lo = i.saturating_sub(neural::HALF_WINDOW);
                scored
                    .get(lo..=(i + neural::HALF_WINDOW).min(scored.len() - 1))
                    .is_some_and(|w| w.contains(&true))
            })
            .collect();
        let inputs = self.neural_inputs(vectors, &near);
        let mut scratch = neural::ScorerScratch::default();
        let share = weight / scorers.len().max(1) as f32;
        scored
            .iter()
            .enumerate()
            .map(|(i, &on)| {
                let mut e = [0.0; N_CLASSES];
                if on {
                    for scorer in scorers {
                        let lp = scorer.log_probs(vectors, &inputs, i, &mut scratch);
                        for (a, b) in e.iter_mut().zip(lp) {
                            *a += b * share;
                        }
                    }
                }
                e
            })
            .collect()
    }

    /// What the neural scorer knows of each token (its vector looked up
    /// only where `lookup` says so).
    fn neural_inputs(
        &self,
        vectors: &neural::WordVectors,
        lookup: &[bool],
    ) -> Vec<neural::TokenInput> {
        (0..self.open.len())
            .map(|i| {
                let w = self.window.at(i, 0);
                let shape = if w.flags & F_DIGIT != 0 {
                    3
                } else if w.flags & F_ALPHA == 0 {
                    4
                } else if w.flags & F_ALL_UPPER != 0 {
                    2
                } else if w.flags & F_UPPER_INIT != 0 {
                    1
                } else {
                    0
                };
                let stats = self.stats.get(i).copied().unwrap_or(0);
                neural::TokenInput {
                    row: if lookup.get(i).copied().unwrap_or(false) {
                        vectors.row(w.lower)
                    } else {
                        None
                    },
                    shape,
                    kinds: self.gaz.get(i).map_or(0, |g| g.kinds),
                    upos: self.upos.get(i).copied().unwrap_or(0).min(255) as u8,
                    run_position: self.run.get(i).map_or(0, |r| r.position.min(4) as u8),
                    run_len: self.run.get(i).map_or(0, |r| r.len.min(4) as u8),
                    stats: if stats == u64::from(word_stats::UNKNOWN) {
                        16
                    } else {
                        (stats & 0xf) as u8
                    },
                }
            })
            .collect()
    }

    /// Whether word `i` is no name word by itself (most words): punctuation,
    /// and lowercase words the treebanks never use as proper nouns and no
    /// name list knows.
    fn plainly_outside(&self, i: usize) -> bool {
        let w = self.window.at(i, 0);
        if w.flags & (F_ALPHA | F_DIGIT) == 0 {
            return true;
        }
        let stats = self.stats.get(i).copied().unwrap_or(0);
        w.flags & (F_UPPER_INIT | F_ALL_UPPER | F_DIGIT) == 0
            && stats != u64::from(word_stats::UNKNOWN)
            && stats & 0xf == 0
            && self.gaz.get(i).is_some_and(|g| g.kinds == 0)
    }

    fn stats_at(&self, i: usize, off: isize) -> u64 {
        padded(&self.stats, i, off, 0x10000)
    }

    fn cluster_at(&self, i: usize, off: isize) -> u64 {
        padded(&self.cluster, i, off, 0x20000)
    }

    fn vclass_at(&self, i: usize, off: isize) -> u64 {
        padded(&self.vclass, i, off, 0x40000)
    }

    fn upos_at(&self, i: usize, off: isize) -> u64 {
        padded(&self.upos, i, off, 100)
    }

    fn gaz_at(&self, i: usize, off: isize) -> u64 {
        let j = i as isize + off;
        if j < 0 {
            return 0x30000;
        }
        self.gaz
            .get(j as usize)
            .map_or(0x30001, |g| u64::from(g.kinds) | (u64::from(g.begin) << 16))
    }

    /// Appends the features of the (previous class, class) pair at word `i`
    /// (`i` may be the sentence length: the pair into the end).
    fn edge_features(&self, i: usize, out: &mut Vec<u64>) {
        if !self.open.get(i).copied().unwrap_or(false) {
            // Out of a name into a closed word or the sentence end.
            out.push(feat1(16, 1));
            return;
        }
        let w = self.window.at(i, 0);
        let g = self.gaz_at(i, 0);
        out.push(feat1(16, 0));
        out.push(feat1(18, w.shape));
        out.push(feat1(26, g));
        out.push(feat1(31, self.upos_at(i, 0)));
        out.push(feat1(41, self.stats_at(i, 0)));
        if let Some(r) = self.run.get(i).filter(|r| r.position != 0) {
            out.push(feat2(49, r.position, r.last_gaz));
        }
    }

    /// Appends the features of the class at word `i`.
    fn features(&self, i: usize, out: &mut Vec<u64>) {
        let win = &self.window;
        let w = win.at(i, 0);
        let wm1 = win.at(i, -1);
        let wp1 = win.at(i, 1);
        let wm2 = win.at(i, -2);
        let wp2 = win.at(i, 2);
        let pos = self.upos_at(i, 0);
        let pos_m1 = self.upos_at(i, -1);
        let pos_p1 = self.upos_at(i, 1);
        let g = self.gaz_at(i, 0);
        let cap = u64::from(w.flags & (F_UPPER_INIT | F_ALL_UPPER));
        out.push(feat1(0, 0));
        out.push(feat1(1, w.form));
        out.push(feat1(2, w.lower));
        out.push(feat1(3, w.suffix[1]));
        out.push(feat1(4, w.suffix[2]));
        out.push(feat1(5, w.suffix[3]));
        out.push(feat1(6, w.prefix[2]));
        out.push(feat1(7, w.shape));
        out.push(feat1(8, wm1.lower));
        out.push(feat1(9, wp1.lower));
        out.push(feat1(10, wm2.lower));
        out.push(feat1(11, wp2.lower));
        out.push(feat1(20, pos));
        out.push(feat2(21, pos, pos_m1));
        out.push(feat2(22, pos, pos_p1));
        out.push(feat3(23, pos, cap, (i == 0) as u64));
        out.push(feat1(24, g));
        out.push(feat2(25, g, cap));
        out.push(feat1(27, self.gaz_at(i, -1)));
        out.push(feat1(28, self.gaz_at(i, 1)));
        out.push(feat2(29, wm1.lower, w.shape));
        out.push(feat2(30, w.shape, wp1.lower));
        out.push(feat2(32, wm1.lower, wm2.lower));
        out.push(feat3(33, w.short_shape, wm1.short_shape, wp1.short_shape));
        out.push(feat2(34, w.lower, wp1.lower));
        out.push(feat2(35, wm1.lower, w.lower));
        out.push(feat2(36, pos_p1, wp1.short_shape));
        out.push(feat1(37, self.gaz_at(i, 2)));
        // Word usage buckets (see `word_stats`), alone and with case and context.
        let st = self.stats_at(i, 0);
        out.push(feat2(39, st, cap));
        out.push(feat3(40, st, cap, (i == 0) as u64));
        out.push(feat2(42, self.stats_at(i, -1), st));
        out.push(feat2(43, st, self.stats_at(i, 1)));
        out.push(feat2(44, st & 0xff, pos));
        // The capitalized run around the word.
        if let Some(r) = self.run.get(i).filter(|r| r.position != 0) {
            out.push(feat2(46, r.position, r.len));
            out.push(feat2(47, r.position, r.last_lower));
            out.push(feat2(48, r.position, r.first_lower));
            out.push(feat3(50, r.len, r.last_lower, w.lower));
            out.push(feat2(51, r.position, r.before_lower));
            out.push(feat2(52, r.position, r.after_lower));
            out.push(feat2(55, r.position, r.last_suffix));
        }
        // Word classes (see `clusters`) of the word and its neighbours.
        let cl = self.cluster_at(i, 0);
        out.push(feat2(56, cl, cap));
        out.push(feat2(57, cl, self.cluster_at(i, -1)));
        out.push(feat2(58, cl, self.cluster_at(i, 1)));
        out.push(feat2(59, self.cluster_at(i, -1), cap));
        out.push(feat2(60, self.cluster_at(i, 1), cap));
        // Classes of pretrained word vectors (see `vector_classes`) at three
        // granularities; unknown words keep their own value at every level.
        let b = u64::from(vector_classes::BRANCHING);
        let level = |v: u64, k: u32| if v >= 0xffff { v } else { v / b.pow(k) };
        let vc = self.vclass_at(i, 0);
        out.push(feat2(61, vc, cap));
        out.push(feat2(62, level(vc, 1), cap));
        out.push(feat2(63, level(vc, 2), cap));
        out.push(feat2(64, level(self.vclass_at(i, -1), 1), level(vc, 1)));
        out.push(feat2(65, level(vc, 1), level(self.vclass_at(i, 1), 1)));
        out.push(feat2(66, self.vclass_at(i, -1), cap));
        out.push(feat2(67, self.vclass_at(i, 1), cap));
        out.push(feat3(68, level(vc, 1), w.short_shape, pos));
        // One indicator per gazetteer list, with case.
        let mut kinds = self.gaz.get(i).map_or(0, |m| m.kinds);
        while kinds != 0 {
            let bit = kinds & kinds.wrapping_neg();
            out.push(feat2(45, u64::from(bit), cap));
            kinds &= !bit;
        }
    }
}

impl Component for EntityRecognizer {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        // The whole document at once: a name keeps one type throughout it.
        let mut words: Vec<Vec<&str>> = Vec::with_capacity(doc.sentences.len());
        let mut upos: Vec<Vec<Upos>> = Vec::with_capacity(doc.sentences.len());
        for (si, s) in doc.sentences.iter().enumerate() {
            let Some(toks) = doc.tokens.get(s.tokens.clone()) else {
                return Err(ComponentError {
                    component: "entities",
                    message: format!("sentence {si} token range {:?} is out of bounds", s.tokens),
                });
            };
            words.push(toks.iter().map(|t| t.text.as_str()).collect());
            upos.push(toks.iter().map(|t| t.upos).collect());
        }
        let sentences: Vec<(&[&str], &[Upos])> = words
            .iter()
            .zip(&upos)
            .map(|(w, u)| (w.as_slice(), u.as_slice()))
            .collect();
        let mut found = Vec::new();
        for (si, (s, ents)) in doc
            .sentences
            .iter()
            .zip(self.recognize_doc(&sentences))
            .enumerate()
        {
            let Some(toks) = doc.tokens.get(s.tokens.clone()) else {
                continue;
            };
            for (label, r) in ents {
                let (Some(first), Some(last)) =
                    (toks.get(r.start), toks.get(r.end.saturating_sub(1)))
                else {
                    continue;
                };
                found.push(Entity {
                    label,
                    tokens: s.tokens.start + r.start..s.tokens.start + r.end,
                    span: Span::new(first.span.start, last.span.end),
                    sentence: si,
                });
            }
        }
        doc.entities = found;
        Ok(())
    }
}

/// The value `off` places from `i`: `before` ahead of the sentence,
/// `before + 1` past its end (padding values no real value takes).
fn padded(values: &[u64], i: usize, off: isize, before: u64) -> u64 {
    match i.checked_add_signed(off) {
        None => before,
        Some(j) => values.get(j).copied().unwrap_or(before + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context of a space-tokenized sentence (no part-of-speech tags).
    fn context(sentence: &str) -> (Vec<&str>, Context) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let upos = vec![Upos::X; words.len()];
        let ctx = Context::new(
            &words,
            &upos,
            &Gazetteer::embedded(),
            &WordStats::embedded(),
            &WordClusters::embedded(),
            &vector_classes::embedded(),
        );
        (words, ctx)
    }

    /// The word whose class features are `feats` (its lowercase-form feature).
    fn word_of<'a>(words: &[&'a str], feats: &[u64]) -> Option<&'a str> {
        words
            .iter()
            .find(|w| feats.contains(&feat1(2, Lex::lower_hash(w))))
            .copied()
    }

    /// The entity spans after [`EntityRecognizer::split_place_pairs`] of a
    /// space-tokenized sentence in which the words `tagged` are one LOC.
    fn split(sentence: &str, tagged: &str) -> Vec<String> {
        after_rule(sentence, tagged, "LOC", EntityRecognizer::split_place_pairs)
    }

    /// The entity spans after `rule` of a space-tokenized sentence in which
    /// the words `tagged` are one entity of type `ty`.
    fn after_rule(
        sentence: &str,
        tagged: &str,
        ty: &str,
        rule: fn(&EntityRecognizer, &[&str], &mut [u8]),
    ) -> Vec<String> {
        let ner = EntityRecognizer::embedded().unwrap();
        let words: Vec<&str> = sentence.split(' ').collect();
        let span: Vec<&str> = tagged.split(' ').collect();
        let start = words
            .windows(span.len())
            .position(|w| w == span.as_slice())
            .unwrap();
        let mut classes = vec![0u8; words.len()];
        for (k, c) in classes.iter_mut().skip(start).take(span.len()).enumerate() {
            *c = class_of(&format!("{}-{ty}", if k == 0 { "B" } else { "I" })).unwrap();
        }
        rule(&ner, &words, &mut classes);
        spans_of(&classes)
            .into_iter()
            .map(|(l, r)| format!("{} {}", l.as_str(), words[r].join(" ")))
            .collect()
    }

    #[test]
    fn a_title_is_no_part_of_the_name_it_precedes() {
        let titles = |sentence: &str, tagged: &str| {
            after_rule(sentence, tagged, "PER", EntityRecognizer::split_at_titles)
        };
        assert_eq!(
            titles(
                "Yesterday NASA Administrator Mike Griffin said so .",
                "NASA Administrator Mike Griffin"
            ),
            ["ORG NASA", "PER Mike Griffin"]
        );
        assert_eq!(
            titles(
                "Iraq welcomed U.S. President George W. Bush .",
                "U.S. President George W. Bush"
            ),
            ["LOC U.S.", "PER George W. Bush"]
        );
        assert_eq!(
            titles("We thank Pastor Stephen Jones .", "Pastor Stephen Jones"),
            ["PER Stephen Jones"]
        );
        // No title, or a title that ends the name, or no given name after it.
        for (sentence, name) in [
            ("We met Mary Ann Smith there .", "Mary Ann Smith"),
            ("They ate at Burger King .", "Burger King"),
            ("The Court heard Justice Ginsburg .", "Justice Ginsburg"),
        ] {
            assert_eq!(titles(sentence, name), [format!("PER {name}")]);
        }
    }

    #[test]
    fn a_role_after_a_name_is_no_part_of_it() {
        let roles = |sentence: &str, tagged: &str| {
            after_rule(
                sentence,
                tagged,
                "PER",
                EntityRecognizer::cut_trailing_roles,
            )
        };
        // An e-mail signature: the role after a dash goes.
        assert_eq!(
            roles(
                "Thanks , Karen Walsh - Analyst 713-555-0100",
                "Karen Walsh - Analyst"
            ),
            ["PER Karen Walsh"]
        );
        // A listed title right after the name goes without a dash.
        assert_eq!(
            roles("Signed : Maria Lopez President", "Maria Lopez President"),
            ["PER Maria Lopez"]
        );
        // What stays is a listed place, not a person.
        assert_eq!(
            roles("From : Nairobi - Manager", "Nairobi - Manager"),
            ["LOC Nairobi"]
        );
        // Surnames that are common words are kept: no dash, no listed title.
        for (sentence, name) in [
            ("We heard from Hank Green today .", "Hank Green"),
            ("Ask Deb Price about it .", "Deb Price"),
        ] {
            assert_eq!(roles(sentence, name), [format!("PER {name}")]);
        }
    }

    #[test]
    fn a_place_and_its_region_written_without_a_comma_are_two_places() {
        assert_eq!(
            split(
                "We moved from Miramar California last year .",
                "Miramar California"
            ),
            ["LOC Miramar", "LOC California"]
        );
        assert_eq!(
            split(
                "my cousin lives in san francisco california now .",
                "san francisco california"
            ),
            ["LOC san francisco", "LOC california"]
        );
        assert_eq!(
            split("They spent a week in Lyon France .", "Lyon France"),
            ["LOC Lyon", "LOC France"]
        );
        // Names that are one place, or a place and a word that is not one.
        for (sentence, name) in [
            ("The talks in New Mexico ended .", "New Mexico"),
            ("He flew to Mexico City on Friday .", "Mexico City"),
            ("Troops left Papua New Guinea .", "Papua New Guinea"),
            ("Crowds filled Tahrir Square again .", "Tahrir Square"),
        ] {
            assert_eq!(split(sentence, name), [format!("LOC {name}")]);
        }
    }

    #[test]
    fn viterbi_prefers_the_best_whole_path_over_the_best_first_word() {
        let (words, ctx) = context("Shares of Procter & Gamble rose .");
        // `Procter` alone looks a little more like a person, but the path that
        // makes the three words one organization scores higher in total: a
        // greedy decoder takes B-PER and can no longer continue the name.
        let (b_per, b_org, i_org) = (1, 3, 4);
        let mut out = vec![0u8; words.len()];
        decode(
            &ctx,
            &mut out,
            &mut Scratch::default(),
            |_, feats, scores| {
                scores.iter_mut().for_each(|s| *s = 0.0);
                match word_of(&words, feats) {
                    Some("Procter") => {
                        scores[b_per] = 2.0;
                        scores[b_org] = 1.5;
                    }
                    Some("&") => scores[i_org] = 1.0,
                    Some("Gamble") => {
                        scores[i_org] = 3.0;
                        scores[b_per] = 0.5;
                    }
                    _ => {}
                }
            },
        );
        assert_eq!(out, [0, 0, 3, 4, 4, 0, 0], "{words:?}");
    }

    #[test]
    fn closed_words_stay_outside_and_paths_are_valid() {
        let (words, ctx) = context(
            "Police in Lagos said the Lagos State Police Command , and not the army , acted .",
        );
        // Every scored word wants to continue a person's name.
        let mut out = vec![0u8; words.len()];
        decode(&ctx, &mut out, &mut Scratch::default(), |_, _, scores| {
            scores.iter_mut().for_each(|s| *s = 0.0);
            scores[1] = 1.0;
            scores[2] = 5.0;
        });
        for (i, (&c, w)) in out.iter().zip(&words).enumerate() {
            let prev = if i == 0 { 0 } else { out[i - 1] };
            assert!(allowed(prev, c), "{w} after {prev}: {out:?}");
            if !ctx.open[i] {
                assert_eq!(c, 0, "{w} is closed: {out:?}");
            }
        }
        // Punctuation and plain lowercase words are closed; capitalized words open.
        let closed: Vec<&str> = words
            .iter()
            .zip(&ctx.open)
            .filter(|(_, o)| !**o)
            .map(|(w, _)| *w)
            .collect();
        assert!(
            ["in", "not", "acted", "."]
                .iter()
                .all(|w| closed.contains(w)),
            "{closed:?}"
        );
        assert!(ctx.open[2] && ctx.open[5], "{:?}", ctx.open);
        // Each run of open words is one name: B-PER, then I-PER to its end.
        for (i, &c) in out.iter().enumerate() {
            let starts_run = ctx.open[i] && (i == 0 || !ctx.open[i - 1]);
            let continues_run = ctx.open[i] && !starts_run;
            assert_eq!(
                c,
                u8::from(starts_run) + 2 * u8::from(continues_run),
                "{out:?}"
            );
        }
    }

    #[test]
    fn gold_paths_are_made_reachable() {
        // `Procter & Gamble` with the `&` closed: the name restarts after it.
        let gold = [0, 3, 4, 4, 0];
        let open = [true, true, false, true, true];
        assert_eq!(reachable(&gold, &open), vec![0, 3, 0, 3, 0]);
    }
}
