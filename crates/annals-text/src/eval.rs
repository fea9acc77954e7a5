//! Scoring the splitter and tokenizer against UD gold.
//!
//! Sentence boundaries: the `# text` of consecutive gold sentences are joined
//! with one space, the result is split, and the predicted sentence starts are
//! compared with the gold ones (the start of the text is not counted).
//!
//! Tokens: each gold sentence's `# text` is tokenized alone and the token
//! spans are compared with the gold syntactic words, located in the text by
//! their forms.

use annals_core::conllu::ConlluSentence;

use crate::TextAnalyzer;

/// Precision / recall / F1 over matched items.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.4} R {:.4} F1 {:.4} (gold {}, predicted {}, correct {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.gold,
            self.predicted,
            self.correct
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Sentence-boundary score of `analyzer` on gold sentence texts (in order),
/// joined with single spaces into one text.
pub fn sentence_boundaries<S: AsRef<str>>(analyzer: &TextAnalyzer, sentences: &[S]) -> Score {
    let mut text = String::new();
    let mut gold = std::collections::HashSet::new();
    for s in sentences {
        let s = s.as_ref().trim();
        if s.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
            gold.insert(text.len());
        }
        text.push_str(s);
    }
    let predicted: Vec<usize> = analyzer
        .split_sentences(&text)
        .iter()
        .skip(1)
        .map(|s| s.start)
        .collect();
    let correct = predicted.iter().filter(|p| gold.contains(p)).count();
    Score {
        gold: gold.len(),
        predicted: predicted.len(),
        correct,
    }
}

/// Token-span agreement with the gold words of CoNLL-U sentences that have a
/// `# text`. Sentences whose words cannot be located in the text (forms
/// that differ from the surface) are skipped; the second value counts them.
pub fn token_agreement(analyzer: &TextAnalyzer, sentences: &[ConlluSentence]) -> (Score, usize) {
    let mut score = Score::default();
    let mut skipped = 0;
    for s in sentences {
        let Some(text) = s.text.as_deref() else {
            continue;
        };
        let Some(gold) = locate_words(text, s) else {
            skipped += 1;
            continue;
        };
        let pred: Vec<(usize, usize)> = analyzer
            .tokenize(text)
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        score.gold += gold.len();
        score.predicted += pred.len();
        let gold: std::collections::HashSet<_> = gold.into_iter().collect();
        score.correct += pred.iter().filter(|p| gold.contains(p)).count();
    }
    (score, skipped)
}

fn locate_words(text: &str, s: &ConlluSentence) -> Option<Vec<(usize, usize)>> {
    let mut at = 0;
    let mut out = Vec::with_capacity(s.words.len());
    for w in &s.words {
        let rest = text.get(at..)?;
        let skip = rest.len() - rest.trim_start().len();
        at += skip;
        if !text.get(at..)?.starts_with(w.form.as_str()) {
            return None;
        }
        out.push((at, at + w.form.len()));
        at += w.form.len();
    }
    Some(out)
}
