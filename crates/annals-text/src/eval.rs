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
pub use annals_core::MatchCounts as Score;

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
