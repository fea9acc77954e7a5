//! Throughput of the time stage, for `annals bench` and the CLI.

use std::time::Instant;

use annals_core::{Component, Doc, Document, Sentence, Span};
use chrono::NaiveDate;

use crate::TimeResolver;

/// Figures from one [`bench`] run.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchReport {
    pub documents: usize,
    pub bytes: usize,
    pub seconds: f64,
    pub timexes: usize,
}

impl BenchReport {
    /// Megabytes (10^6 bytes) of text per second on one core.
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.seconds.max(1e-9)
    }
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "time: {} docs, {:.2} MB in {:.3} s = {:.2} MB/s/core, {} expressions",
            self.documents,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.mb_per_s(),
            self.timexes
        )
    }
}

/// Run [`TimeResolver`] single-threaded over `texts` (each a document dated
/// `anchor`, split into sentences at line breaks and `. `), `rounds` times.
pub fn bench(texts: &[String], anchor: Option<NaiveDate>, rounds: usize) -> BenchReport {
    let resolver = TimeResolver::new();
    let docs: Vec<Doc> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut doc = Doc::new(Document {
                date: anchor,
                ..Document::new(format!("bench{i}"), t.clone())
            });
            doc.sentences = rough_sentences(t);
            doc
        })
        .collect();
    let mut timexes = 0;
    let mut bytes = 0;
    let start = Instant::now();
    for _ in 0..rounds.max(1) {
        for d in &docs {
            let mut doc = d.clone();
            // The stage never fails on text; a failure would only lower the count.
            if resolver.process(&mut doc).is_ok() {
                timexes += doc.times.len();
            }
            bytes += doc.text().len();
        }
    }
    BenchReport {
        documents: docs.len() * rounds.max(1),
        bytes,
        seconds: start.elapsed().as_secs_f64(),
        timexes,
    }
}

/// Sentence spans for text without a tokenizer: breaks after `. ` and newlines.
pub(crate) fn rough_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let end = if c == b'\n' {
            Some(i)
        } else if matches!(c, b'.' | b'!' | b'?') && b.get(i + 1).is_some_and(|n| *n == b' ') {
            Some(i + 1)
        } else {
            None
        };
        if let Some(e) = end {
            if e > start {
                out.push(Sentence {
                    span: Span::new(start, e),
                    tokens: 0..0,
                });
            }
            start = e + 1;
        }
    }
    if start < text.len() {
        out.push(Sentence {
            span: Span::new(start, text.len()),
            tokens: 0..0,
        });
    }
    out
}
