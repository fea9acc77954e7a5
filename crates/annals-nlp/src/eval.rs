//! Scores printed by `annals eval-nlp`: tagging and lemma accuracy against
//! gold CoNLL-U, and exact-span entity P/R/F1 against IOB2 gold.

use annals_core::Upos;

use crate::{TaggedSentence, Tagger};

/// Token-level accuracy counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct TagScores {
    pub tokens: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    /// Lemma correct, counted over verbs only (gold UPOS VERB).
    pub verb_tokens: usize,
    pub verb_lemma: usize,
}

impl TagScores {
    pub fn upos_acc(&self) -> f64 {
        pct(self.upos, self.tokens)
    }
    pub fn xpos_acc(&self) -> f64 {
        pct(self.xpos, self.tokens)
    }
    pub fn lemma_acc(&self) -> f64 {
        pct(self.lemma, self.tokens)
    }
    pub fn verb_lemma_acc(&self) -> f64 {
        pct(self.verb_lemma, self.verb_tokens)
    }
}

pub fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Tag gold-tokenized sentences and compare with their gold tags and lemmas.
pub fn score_tagger(tagger: &Tagger, gold: &[TaggedSentence]) -> TagScores {
    let mut s = TagScores::default();
    for sent in gold {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let pred = tagger.annotate(&words);
        for (k, (upos, xpos, lemma)) in pred.iter().enumerate() {
            s.tokens += 1;
            let gu = sent.upos.get(k).copied().unwrap_or_default();
            s.upos += usize::from(*upos == gu);
            s.xpos += usize::from(sent.xpos.get(k) == Some(xpos));
            let gl = sent.lemmas.get(k).map(String::as_str).unwrap_or("");
            let ok = lemma == gl;
            s.lemma += usize::from(ok);
            if gu == Upos::Verb {
                s.verb_tokens += 1;
                s.verb_lemma += usize::from(ok);
            }
        }
    }
    s
}

/// Exact-match entity counts for one type or overall (precision, recall
/// and F1 as ratios).
pub type SpanCounts = annals_core::MatchCounts;

/// NER scores: overall and per type (PER, ORG, LOC), exact span and type.
#[derive(Debug, Clone, Default)]
pub struct NerScores {
    pub overall: SpanCounts,
    pub by_type: Vec<(&'static str, SpanCounts)>,
}

/// Tag with `tagger`, recognize with `ner`, and compare with gold IOB2.
/// Consecutive sentences of one document (`Iob2Sentence::doc`) are
/// recognized together, as the pipeline codes whole documents
/// ([`crate::EntityRecognizer::recognize_doc`]); sentences without a
/// document are recognized alone.
pub fn score_ner(
    tagger: &Tagger,
    ner: &crate::EntityRecognizer,
    gold: &[crate::train::Iob2Sentence],
) -> NerScores {
    use crate::ner::{class_of, spans_of, TYPES};
    let mut by_type: Vec<(&'static str, SpanCounts)> = TYPES
        .iter()
        .map(|t| (t.as_str(), SpanCounts::default()))
        .collect();
    let mut overall = SpanCounts::default();
    let same_doc = |a: &crate::train::Iob2Sentence, b: &crate::train::Iob2Sentence| {
        a.doc.is_some() && a.doc == b.doc
    };
    for doc in gold.chunk_by(same_doc) {
        let words: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let upos: Vec<Vec<Upos>> = words
            .iter()
            .map(|w| tagger.tag(w).into_iter().map(|t| t.upos).collect())
            .collect();
        let sentences: Vec<(&[&str], &[Upos])> = words
            .iter()
            .zip(&upos)
            .map(|(w, u)| (w.as_slice(), u.as_slice()))
            .collect();
        let predicted = ner.classes_doc(&sentences);
        for (s, classes) in doc.iter().zip(&predicted) {
            let pred = spans_of(classes);
            let gold_classes: Vec<u8> = s.tags.iter().map(|t| class_of(t).unwrap_or(0)).collect();
            let gold_spans = spans_of(&gold_classes);
            for (label, r) in &gold_spans {
                overall.gold += 1;
                if let Some(c) = by_type.iter_mut().find(|(n, _)| *n == label.as_str()) {
                    c.1.gold += 1;
                }
                if pred.iter().any(|(l, pr)| l == label && pr == r) {
                    overall.correct += 1;
                    if let Some(c) = by_type.iter_mut().find(|(n, _)| *n == label.as_str()) {
                        c.1.correct += 1;
                    }
                }
            }
            for (label, _) in &pred {
                overall.predicted += 1;
                if let Some(c) = by_type.iter_mut().find(|(n, _)| *n == label.as_str()) {
                    c.1.predicted += 1;
                }
            }
        }
    }
    NerScores { overall, by_type }
}
