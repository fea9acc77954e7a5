//! Scoring against the `<date when="...">` annotations of GUM (CoNLL-U with
//! `XML=` in MISC and `# meta::dateCreated` per document): a second dev set,
//! with a gold parse, so the parse-based tense path is exercised.

use std::path::Path;

use annals_core::{conllu, Component, Span};

use crate::TimeResolver;

/// Counts from [`score`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GumScore {
    pub documents: usize,
    /// Gold `<date when=...>` spans.
    pub gold: usize,
    /// ... where an overlapping expression has exactly the gold value.
    pub correct: usize,
    /// ... where some expression overlaps.
    pub found: usize,
    /// Misses: (text, gold value, predicted values).
    pub errors: Vec<(String, String, String)>,
}

impl std::fmt::Display for GumScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |n: usize| 100.0 * n as f64 / self.gold.max(1) as f64;
        write!(
            f,
            "GUM ({} documents), <date when>: value accuracy {}/{} = {:.1}%   extent found {}/{} = {:.1}%",
            self.documents,
            self.correct,
            self.gold,
            pct(self.correct),
            self.found,
            self.gold,
            pct(self.found)
        )
    }
}

/// A GUM file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GumError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Conllu {
        path: String,
        source: conllu::ConlluError,
    },
}

/// Score `resolver` on one GUM CoNLL-U file (documents split at `# newdoc`).
pub fn score(path: &Path, resolver: &TimeResolver) -> Result<GumScore, GumError> {
    score_layers(path, resolver, true)
}

/// As [`score`]; without `keep_parse` the gold tags and parse are dropped
/// first, so tense comes from cue words alone (to compare the two paths).
pub fn score_layers(
    path: &Path,
    resolver: &TimeResolver,
    keep_parse: bool,
) -> Result<GumScore, GumError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| GumError::Io {
        path: name.clone(),
        source,
    })?;
    let mut sc = GumScore::default();
    let mut chunks: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# newdoc") || chunks.is_empty() {
            chunks.push(String::new());
        }
        if let Some(c) = chunks.last_mut() {
            c.push_str(line);
            c.push('\n');
        }
    }
    for chunk in &chunks {
        let date = chunk
            .lines()
            .find_map(|l| l.strip_prefix("# meta::dateCreated = "))
            .and_then(|d| crate::parse_date(d, None));
        let sents = conllu::parse(chunk).map_err(|source| GumError::Conllu {
            path: name.clone(),
            source,
        })?;
        let mut doc = conllu::to_doc(&name, &sents);
        doc.document.date = date;
        if !keep_parse {
            for t in &mut doc.tokens {
                t.xpos.clear();
                t.head = None;
                t.deprel.clear();
            }
        }
        // Gold spans: from a word opening `<date when:::"V">` to the word closing it.
        let mut gold: Vec<(Span, String)> = Vec::new();
        let mut open: Option<(usize, String)> = None;
        for (k, w) in sents.iter().flat_map(|s| s.words.iter()).enumerate() {
            let Some(tok) = doc.tokens.get(k) else { break };
            let xml = w.misc_value("XML").unwrap_or("");
            if let Some(i) = xml.find("<date when:::\"") {
                let rest = &xml[i + 14..];
                let value = rest
                    .get(..rest.find('"').unwrap_or(0))
                    .unwrap_or("")
                    .to_owned();
                open = Some((tok.span.start, value));
            }
            if xml.contains("</date>") {
                if let Some((start, value)) = open.take() {
                    gold.push((Span::new(start, tok.span.end), value));
                }
            }
        }
        if gold.is_empty() {
            continue;
        }
        // A resolver never fails on text; keep scoring the rest if it did.
        let _ = resolver.process(&mut doc);
        sc.documents += 1;
        for (span, value) in gold {
            sc.gold += 1;
            let over: Vec<_> = doc.times.iter().filter(|t| t.span.overlaps(span)).collect();
            if !over.is_empty() {
                sc.found += 1;
            }
            if over.iter().any(|t| t.value == value) {
                sc.correct += 1;
            } else {
                let got = over
                    .iter()
                    .map(|t| t.value.as_str())
                    .collect::<Vec<_>>()
                    .join("|");
                sc.errors.push((doc.slice(span).to_owned(), value, got));
            }
        }
    }
    Ok(sc)
}
