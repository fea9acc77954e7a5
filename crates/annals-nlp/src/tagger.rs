//! Part-of-speech tagger: greedy left-to-right averaged perceptron predicting
//! a joint (UPOS, Penn Treebank XPOS) class per token, with a tag dictionary
//! for frequent unambiguous words, and a dictionary's word classes
//! ([`lexicon`]) for words the training data barely knows. The [`Tagger`]
//! also owns the [`Lemmatizer`], since lemmas depend on the predicted tags.

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

pub(crate) mod lexicon;
use lexicon::Lexicon;

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
    /// Word classes from a dictionary, for words without an ambiguity
    /// class (`None` for models trained without it).
    lexicon: Option<Lexicon>,
    /// Classes of the verbless-sentence repair ([`Tagger::repair_verbless`]).
    verb_classes: VerbClasses,
}

/// The classes [`Tagger::repair_verbless`] looks at.
#[derive(Debug, Clone, Default)]
struct VerbClasses {
    /// VERB/VBD and VERB/VBN.
    past: Option<u16>,
    participle: Option<u16>,
    /// Per class: a finite verb (VBD, VBZ, VBP, MD)...
    finite: Vec<bool>,
    /// ...a base form (VB: an imperative's verb, or an infinitive)...
    base: Vec<bool>,
    /// ...or a possible subject (noun, proper noun, pronoun).
    nominal: Vec<bool>,
}

impl VerbClasses {
    fn new(classes: &[TagClass]) -> VerbClasses {
        let find = |xpos: &str| {
            classes
                .iter()
                .position(|c| c.upos == Upos::Verb && c.xpos == xpos)
                .map(|i| i as u16)
        };
        VerbClasses {
            past: find("VBD"),
            participle: find("VBN"),
            finite: classes
                .iter()
                .map(|c| matches!(c.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
                .collect(),
            base: classes.iter().map(|c| c.xpos == "VB").collect(),
            nominal: classes
                .iter()
                .map(|c| matches!(c.upos, Upos::Noun | Upos::Propn | Upos::Pron))
                .collect(),
        }
    }
}

/// Reusable buffers for tagging: after the first sentences, tagging
/// allocates only the window of lexical features.
#[derive(Debug, Default)]
struct Scratch {
    feats: Vec<u64>,
    amb: Vec<u64>,
    /// Lexicon readings per token (0 where the word has an ambiguity class).
    lex: Vec<u16>,
    classes: Vec<u16>,
    /// Per token: index of its lemma in `tagdict_lemmas`, or [`NO_LEMMA`].
    dict_lemmas: Vec<u32>,
    /// Per token tagged as a past participle by the model: how much its
    /// score beat the past tense's ([`NO_MARGIN`] for other tokens).
    margins: Vec<i32>,
    /// Per scored token: how much its chosen class beat the past tense
    /// ([`NO_MARGIN`] for words from the tag dictionary).
    past_margins: Vec<i32>,
    scores: Vec<i32>,
}

/// Margin of tokens that are no scored past participle.
const NO_MARGIN: i32 = i32::MAX;

/// Largest noun-over-past-tense margin a repair changes (the model's score
/// units): only about 1% of the model-scored nouns of EWT dev come this
/// close to a past tense.
const MAX_PAST_MARGIN: i32 = 15_000;

/// The same bound for a full sentence that has no verb at all, where a
/// missing verb is likelier.
const VERBLESS_MAX_PAST_MARGIN: i32 = 30_000;

/// No lemma from the tag dictionary: run the lemmatizer.
const NO_LEMMA: u32 = u32::MAX;

const MAGIC: &[u8; 4] = b"ANTG";
/// Version 3 added the fast dictionary, version 4 the lexicon flag;
/// version 2 and 3 files are still read.
const VERSION: u32 = 4;
static EMBEDDED: &[u8] = include_bytes!("../models/tagger.bin");

/// Fast dictionary: minimum occurrences of a word in the training data...
const FAST_MIN_COUNT: u32 = 5;
/// ...and minimum share of its commonest class there.
const FAST_MIN_SHARE: f64 = 0.98;

/// Perceptrons trained on different orders and averaged into the model
/// (EWT dev UPOS +0.1 over one).
pub const ENSEMBLE: usize = 3;

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
            Some(&[a, b, c, d]) if matches!(u32::from_le_bytes([a, b, c, d]), 2 | 3) => {
                u32::from_le_bytes([a, b, c, d])
            }
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
        let lexicon = if version >= 4 && r.u32()? != 0 {
            Some(Lexicon::embedded())
        } else {
            None
        };
        let mut tagger = Tagger::assemble(classes, tagdict_words, ambig_words, model, lemmatizer);
        tagger.fast_words = fast_words;
        tagger.lexicon = lexicon;
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
            lexicon: None,
            verb_classes: VerbClasses::default(),
        };
        tagger.verb_classes = VerbClasses::new(&tagger.classes);
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
        // The lexicon is the shipped one (or none): only whether it is used.
        w.u32(u32::from(self.lexicon.is_some()));
        w.buf
    }

    /// Add to the tag dictionary, for tagging only, the words of `sentences`
    /// (the training data) seen at least 5 times with one class at least 98%
    /// of the time (`FAST_MIN_COUNT`, `FAST_MIN_SHARE`), that the model itself
    /// already tags with that class at every one of those occurrences, but
    /// for regular past forms (`-ed` words seen only as a past tense, or
    /// only as a participle, can be the other: `crossed`). Those
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
                let (_, xpos) = self.class(c);
                let past_form = matches!(xpos, "VBD" | "VBN") && w.ends_with("ed");
                if !strict.contains(w)
                    && !past_form
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
        ambiguity_into(
            &window,
            words,
            &self.ambig,
            self.lexicon.as_ref(),
            &mut scratch.amb,
            &mut scratch.lex,
        );
        scratch.classes.clear();
        scratch.dict_lemmas.clear();
        scratch.margins.clear();
        scratch.past_margins.clear();
        self.decode(&window, 0, scratch);
        // Each repair retags one participle; the rest is tagged again after it.
        for _ in 0..4 {
            let Some(i) = self
                .repair_participle_with_object(words, scratch)
                .or_else(|| self.repair_verbless(words, scratch))
                .or_else(|| self.repair_verbless_first_conjunct(words, scratch))
                .or_else(|| self.repair_participle_joined_to_past(words, scratch))
            else {
                break;
            };
            scratch.classes.truncate(i + 1);
            scratch.dict_lemmas.truncate(i + 1);
            scratch.margins.truncate(i + 1);
            scratch.past_margins.truncate(i + 1);
            self.decode(&window, i + 1, scratch);
        }
    }

    /// A past participle right after a noun and followed by the start of a
    /// noun phrase is a past tense with its object: `warplanes bombed rebel
    /// positions, the army said`. The left-to-right model sees the finite
    /// `said` coming only later and often picks the participle; but a
    /// reduced relative (`troops killed in the attack`) takes no direct
    /// object. Only participles the model scored against the past tense are
    /// changed, and not before time words (`the man arrested last week`) or
    /// after a hyphen; the index of the retagged word is returned.
    fn repair_participle_with_object(
        &self,
        words: &[&str],
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let vc = &self.verb_classes;
        let (past, participle) = (vc.past?, vc.participle?);
        let classes = &scratch.classes;
        let i = (1..classes.len().saturating_sub(1)).find(|&i| {
            let next = words.get(i + 1).map_or(String::new(), |w| w.to_lowercase());
            classes[i] == participle
                && scratch.margins.get(i).is_some_and(|&m| m != NO_MARGIN)
                && has(&vc.nominal, classes[i - 1])
                && self.class(classes[i - 1]).1 != "PRP"
                && words.get(i - 1) != Some(&"-")
                && starts_noun_phrase(self.class(classes[i + 1]).1)
                && !matches!(
                    next.as_str(),
                    "this"
                        | "that"
                        | "last"
                        | "next"
                        | "early"
                        | "late"
                        | "yesterday"
                        | "today"
                        | "tonight"
                        | "overnight"
                        | "earlier"
                        | "later"
                )
                && annals_time::calendar::weekday(&next, false).is_none()
                && annals_time::calendar::month(&next).is_none()
        })?;
        *scratch.classes.get_mut(i)? = past;
        Some(i)
    }

    /// Tag greedily from position `start` on, after the classes already in
    /// `scratch.classes` (as many as `start`).
    fn decode(&self, window: &Window, start: usize, scratch: &mut Scratch) {
        let Scratch {
            feats,
            amb,
            lex,
            classes: out,
            dict_lemmas,
            margins,
            past_margins,
            scores,
        } = scratch;
        let n_classes = self.classes.len();
        let vbn = self.verb_classes.participle.map(usize::from);
        let vbd = self.verb_classes.past.map(usize::from);
        let mut fast_scores: Scores = [0; 256];
        for i in start..window.len() {
            let p1 = out.last().map_or(NONE_TAG, |&c: &u16| u64::from(c));
            let p2 = if i >= 2 {
                out.get(i - 2).map_or(NONE_TAG, |&c| u64::from(c))
            } else {
                NONE_TAG
            };
            if let Some(&(c, lemma)) = self.tagdict.get(&window.at(i, 0).form) {
                out.push(c);
                dict_lemmas.push(lemma);
                margins.push(NO_MARGIN);
                past_margins.push(NO_MARGIN);
                continue;
            }
            dict_lemmas.push(NO_LEMMA);
            features(window, amb, lex, i, p1, p2, feats);
            let scored: &[i32] = match &self.fast {
                Some(fast) => {
                    // Start from the bias weights and add the other features:
                    // the same integer sum as scoring all of them.
                    fast_scores[..n_classes].copy_from_slice(&self.bias[..n_classes]);
                    fast.add_all(feats, bias_feature(), &mut fast_scores);
                    &fast_scores[..n_classes]
                }
                None => {
                    scores.resize(n_classes, 0);
                    self.model.scores(feats, scores);
                    scores
                }
            };
            let best = first_max(scored);
            let margin = match (vbn, vbd) {
                (Some(n), Some(d)) if best == n => scored
                    .get(n)
                    .zip(scored.get(d))
                    .map_or(NO_MARGIN, |(a, b)| a.saturating_sub(*b)),
                _ => NO_MARGIN,
            };
            margins.push(margin);
            past_margins.push(vbd.and_then(|d| scored.get(d)).map_or(NO_MARGIN, |&p| {
                scored.get(best).map_or(NO_MARGIN, |&b| b.saturating_sub(p))
            }));
            out.push(best as u16);
        }
    }

    /// A full sentence (ending in `.`, `!` or `?`) that the greedy pass left
    /// without a finite verb, but with a past participle after a possible
    /// subject, most likely has its main verb there: `A convoy crossed into
    /// Syria on Monday.` A left-to-right tagger cannot see that no finite
    /// verb is coming (reduced relatives such as `troops killed in the
    /// attack` have one later), so the participle the model was least sure
    /// of becomes a past tense; its index is returned. With no participle,
    /// a lowercase noun right after a possible subject that the model
    /// scored close to a past tense becomes one (`Ukraine shot down three
    /// drones.`). Left alone: a
    /// participle after a base-form verb (imperatives: `please see attached
    /// files`), after a hyphen (`short-lived`), or right before the full stop
    /// (captions and fragments: `Highly recommended.`).
    fn repair_verbless(&self, words: &[&str], scratch: &mut Scratch) -> Option<usize> {
        let vc = &self.verb_classes;
        let past = vc.past?;
        // The last word before closing quotes and brackets ends the sentence.
        let end = words
            .iter()
            .rposition(|w| !matches!(*w, "\"" | "'" | "”" | "’" | ")"))?;
        if !matches!(words.get(end), Some(&("." | "!" | "?"))) {
            return None;
        }
        let classes = &scratch.classes;
        if classes.iter().any(|&c| has(&vc.finite, c)) {
            return None;
        }
        let first_nominal = classes.iter().position(|&c| has(&vc.nominal, c))?;
        let first_base = classes
            .iter()
            .position(|&c| has(&vc.base, c))
            .unwrap_or(usize::MAX);
        let limit = end.saturating_sub(1).min(first_base);
        let participle = scratch
            .margins
            .iter()
            .enumerate()
            .take(limit)
            .skip(first_nominal + 1)
            .filter(|&(i, &m)| m != NO_MARGIN && i > 0 && words.get(i - 1) != Some(&"-"))
            .min_by_key(|&(_, &m)| m)
            .map(|(i, _)| i);
        // No participle either (`Ukraine shot down three drones.`, `shot`
        // read as a noun after a name): the lowercase noun right after a
        // possible subject that the model scored closest to a past tense,
        // if that reading is a real one for the word.
        let i = match participle {
            Some(i) => i,
            None => {
                (first_nominal + 1..limit)
                    .filter(|&i| {
                        matches!(self.class(classes[i]).1, "NN" | "NNS")
                            && has(&vc.nominal, classes[i - 1])
                            && self.class(classes[i - 1]).1 != "PRP"
                            && !words[i].starts_with(|c: char| c.is_uppercase())
                    })
                    .filter_map(|i| Some((i, *scratch.past_margins.get(i)?)))
                    .filter(|&(_, m)| m <= VERBLESS_MAX_PAST_MARGIN)
                    .min_by_key(|&(_, m)| m)?
                    .0
            }
        };
        *scratch.classes.get_mut(i)? = past;
        Some(i)
    }

    /// A clause whose only verb is the second of two joined verbs (`riot
    /// police beat protesters and dragged them away`) has lost its first
    /// verb to a noun or adjective reading: the greedy pass took `police
    /// beat` for a compound before it could see that the clause has no verb
    /// of its own. When a past tense or participle follows `and` and the
    /// clause before it (from the last comma) has no finite verb, the noun
    /// or adjective between a possible subject and the start of a noun
    /// phrase that the model scored closest to a past tense becomes one, if
    /// the margin is small enough for the past tense to be a real reading of
    /// the word. The joined verb is tagged again after it.
    fn repair_verbless_first_conjunct(
        &self,
        words: &[&str],
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let vc = &self.verb_classes;
        let (past, participle) = (vc.past?, vc.participle?);
        let classes = &scratch.classes;
        let clause_start = |end: usize| {
            words
                .get(..end)
                .and_then(|ws| ws.iter().rposition(|w| is_clause_break(w)))
                .map_or(0, |i| i + 1)
        };
        // The `and` before the joined verb, with a verbless clause before it.
        let joined = (1..classes.len()).find_map(|v| {
            let and = v - 1;
            let verbless = || {
                classes
                    .get(clause_start(and)..and)
                    .is_some_and(|cs| !cs.iter().any(|&c| has(&vc.finite, c)))
            };
            (matches!(classes.get(v), Some(&c) if c == past || c == participle)
                && words
                    .get(and)
                    .is_some_and(|w| w.eq_ignore_ascii_case("and"))
                && verbless())
            .then_some(and)
        })?;
        let (i, _) = (clause_start(joined) + 1..joined.saturating_sub(1))
            .filter(|&i| {
                matches!(self.class(classes[i]).1, "NN" | "NNS" | "JJ")
                    && has(&vc.nominal, classes[i - 1])
                    && self.class(classes[i - 1]).1 != "PRP"
                    && starts_noun_phrase(self.class(classes[i + 1]).1)
                    && !words[i].starts_with(|c: char| c.is_uppercase())
            })
            .filter_map(|i| Some((i, *scratch.past_margins.get(i)?)))
            .filter(|&(_, m)| m <= MAX_PAST_MARGIN)
            .min_by_key(|&(_, m)| m)?;
        *scratch.classes.get_mut(i)? = past;
        Some(i)
    }

    /// A participle right after `and` whose clause's verb before it is a
    /// past tense shares that tense (`police beat students and detained
    /// dozens`): with no auxiliary of its own it is no passive, and the
    /// greedy pass picked the participle only because a finite `said` came
    /// later.
    fn repair_participle_joined_to_past(
        &self,
        words: &[&str],
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let vc = &self.verb_classes;
        let (past, participle) = (vc.past?, vc.participle?);
        let classes = &scratch.classes;
        let v = (2..classes.len()).find(|&v| {
            classes[v] == participle
                && scratch.margins.get(v).is_some_and(|&m| m != NO_MARGIN)
                && words[v - 1].eq_ignore_ascii_case("and")
                && (0..v - 1)
                    .rev()
                    .take_while(|&k| !is_clause_break(words[k]))
                    .find(|&k| matches!(self.class(classes[k]).0, Upos::Verb | Upos::Aux))
                    .is_some_and(|k| classes[k] == past)
        })?;
        *scratch.classes.get_mut(v)? = past;
        Some(v)
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

    /// Train from gold-tagged sentences (deterministic for a given `seed`):
    /// [`ENSEMBLE`] perceptrons (seeds `seed`, `seed + 1`, ...) averaged,
    /// with the shipped word-class lexicon (`data/wordnet_pos.tsv`).
    pub fn train(
        sentences: &[TaggedSentence],
        epochs: usize,
        seed: u64,
        prune: f32,
        lemmatizer: Lemmatizer,
    ) -> Tagger {
        Tagger::train_with(sentences, epochs, seed, prune, lemmatizer, ENSEMBLE, true)
    }

    /// [`Tagger::train`] with `ensemble` perceptrons (at least one), with or
    /// without the word-class lexicon.
    pub fn train_with(
        sentences: &[TaggedSentence],
        epochs: usize,
        seed: u64,
        prune: f32,
        lemmatizer: Lemmatizer,
        ensemble: usize,
        use_lexicon: bool,
    ) -> Tagger {
        let lexicon = use_lexicon.then(Lexicon::embedded);
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
        let mut lex = Vec::new();
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0f32; classes.len()];
        let mut trainers = Vec::with_capacity(ensemble);
        for member in 0..ensemble.max(1) as u64 {
            let mut trainer = Trainer::new(classes.len());
            let mut order: Vec<usize> = (0..sentences.len()).collect();
            let mut rng = crate::rng::XorShift::new(seed.wrapping_add(member));
            for _ in 0..epochs {
                rng.shuffle(&mut order);
                for &si in &order {
                    let (Some(s), Some(g)) = (sentences.get(si), gold.get(si)) else {
                        continue;
                    };
                    let window = Window::new(s.words.iter().map(String::as_str));
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    ambiguity_into(
                        &window,
                        &words,
                        &ambig,
                        lexicon.as_ref(),
                        &mut amb,
                        &mut lex,
                    );
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
                        features(&window, &amb, &lex, i, p1, p2, &mut feats);
                        let guess = trainer.predict(&feats, &mut scores, None);
                        trainer.update(truth as usize, guess, &feats);
                        pred.push(guess as u16);
                    }
                }
            }
            trainers.push(trainer);
        }
        let model = crate::perceptron::finish_ensemble(trainers, prune);
        let mut tagger = Tagger::assemble(classes, tagdict_words, ambig_words, model, lemmatizer);
        tagger.lexicon = lexicon;
        tagger.with_fast_dictionary(sentences)
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

/// Ambiguity-class codes of a sentence's words into `amb`, padded like the
/// window. Words without one get a code for their `lexicon` readings
/// instead (also written to `lex`, 0 elsewhere), when there is a lexicon.
fn ambiguity_into(
    win: &Window,
    words: &[&str],
    ambig: &U64Map<u64>,
    lexicon: Option<&Lexicon>,
    amb: &mut Vec<u64>,
    lex: &mut Vec<u16>,
) {
    amb.clear();
    lex.clear();
    amb.extend([1, 1]);
    for i in 0..win.len() {
        let code = match ambig.get(&win.at(i, 0).lower) {
            Some(&code) => {
                lex.push(0);
                code
            }
            None => {
                let mask = match (lexicon, words.get(i)) {
                    (Some(l), Some(w)) => lexicon_mask(l, w),
                    _ => 0,
                };
                lex.push(mask);
                if mask == 0 {
                    2
                } else {
                    feat1(LEXICON_CODE, u64::from(mask))
                }
            }
        };
        amb.push(code);
    }
    amb.extend([3, 3]);
}

/// Template id mixed into the ambiguity codes of lexicon readings (so they
/// never equal a training ambiguity class's code).
const LEXICON_CODE: u32 = 99;

/// Lexicon readings of a word form (lowercased first).
fn lexicon_mask(lexicon: &Lexicon, word: &str) -> u16 {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        lexicon.mask(&word.to_ascii_lowercase())
    } else {
        lexicon.mask(word)
    }
}

/// Whether class `c` is marked in a per-class table of [`VerbClasses`].
fn has(table: &[bool], c: u16) -> bool {
    table.get(usize::from(c)).copied().unwrap_or(false)
}

/// Tags that can open a noun phrase (a verb's object).
fn starts_noun_phrase(xpos: &str) -> bool {
    matches!(
        xpos,
        "DT" | "PRP$" | "CD" | "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "PRP"
    )
}

/// Punctuation that ends one clause of a sentence before the next.
fn is_clause_break(word: &str) -> bool {
    matches!(word, "," | ";" | ":" | "—" | "–")
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
fn features(
    win: &Window,
    amb: &[u64],
    lex: &[u16],
    i: usize,
    p1: u64,
    p2: u64,
    out: &mut Vec<u64>,
) {
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
    if let Some(&mask) = lex.get(i).filter(|&&m| m != 0) {
        // How a dictionary's readings combine with capitalization and
        // sentence position (proper noun, or a capitalized common word?)
        // and with the previous tag.
        out.push(feat2(47, u64::from(mask), flags | (u64::from(i == 0) << 8)));
        out.push(feat2(48, u64::from(mask), p1));
    }
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
