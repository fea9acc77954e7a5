//! Attachment scores of a [`Parser`] against gold CoNLL-U trees.

use annals_core::conllu::{self, ConlluSentence};
use annals_core::Component;

use crate::parser::Scratch;
use crate::{Parser, ParserError};

/// Unlabelled and labelled attachment counts over all words (punctuation
/// included, as in the CoNLL 2018 shared task).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ParseScores {
    pub words: usize,
    /// Words with the correct head.
    pub head_correct: usize,
    /// Words with the correct head and full relation (`nsubj:pass`, `obl:agent`).
    pub labelled_correct: usize,
    /// Words with the correct head and universal relation (subtype ignored).
    pub universal_correct: usize,
}

impl ParseScores {
    /// Unlabelled attachment score, in percent.
    pub fn uas(&self) -> f64 {
        pct(self.head_correct, self.words)
    }
    /// Labelled attachment score with full relations, in percent.
    pub fn las(&self) -> f64 {
        pct(self.labelled_correct, self.words)
    }
    /// Labelled attachment score on universal relations (CoNLL 2018 LAS), in percent.
    pub fn las_universal(&self) -> f64 {
        pct(self.universal_correct, self.words)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Parse the gold-tokenized `sentences` and score them against their gold trees.
///
/// With `tagger = None` the gold UPOS/XPOS/lemmas are used; otherwise the
/// tags are cleared and `tagger` (the nlp Tagger) assigns its own first, which
/// measures the parser as it runs in the pipeline.
pub fn evaluate(
    parser: &Parser,
    sentences: &[ConlluSentence],
    tagger: Option<&dyn Component>,
) -> Result<ParseScores, ParserError> {
    let mut doc = conllu::to_doc("eval", sentences);
    if let Some(tagger) = tagger {
        for t in &mut doc.tokens {
            t.upos = Default::default();
            t.xpos.clear();
            t.lemma.clear();
        }
        tagger
            .process(&mut doc)
            .map_err(|e| ParserError::Tagger(e.to_string()))?;
    }
    let mut scratch = Scratch::default();
    let mut scores = ParseScores::default();
    for (i, s) in sentences.iter().enumerate() {
        let Some(range) = doc.sentences.get(i).map(|s| s.tokens.clone()) else {
            break;
        };
        let Some(tokens) = doc.tokens.get_mut(range) else {
            break;
        };
        parser.parse_with(tokens, &mut scratch);
        for (t, gold) in tokens.iter().zip(&s.words) {
            let head = t.head.map_or(0, |h| h + 1);
            scores.words += 1;
            if head == gold.head {
                scores.head_correct += 1;
                if t.deprel == gold.deprel {
                    scores.labelled_correct += 1;
                }
                if universal(&t.deprel) == universal(&gold.deprel) {
                    scores.universal_correct += 1;
                }
            }
        }
    }
    Ok(scores)
}
