//! Speed figures for `annals bench` and `cargo bench -p annals-nlp`: model
//! load time and tokens per second of the tagger (with lemmas) and of the
//! entity recognizer, single-threaded.

use std::time::Instant;

use annals_core::Upos;

use crate::{EntityRecognizer, NlpError, Tagger};

/// What [`run`] measured.
#[derive(Debug, Clone, Default)]
pub struct NlpBench {
    pub tagger_load_ms: f64,
    pub ner_load_ms: f64,
    pub tokens: usize,
    /// Seconds spent tagging + lemmatizing all rounds.
    pub tagger_seconds: f64,
    /// Seconds spent recognizing entities all rounds (tags given).
    pub ner_seconds: f64,
    /// The same in CPU seconds of this thread (Linux), which a busy machine
    /// does not inflate.
    pub tagger_cpu_seconds: Option<f64>,
    pub ner_cpu_seconds: Option<f64>,
}

/// CPU time consumed by the current thread, where the OS tells it (Linux).
pub fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

impl NlpBench {
    pub fn tagger_tokens_per_second(&self) -> f64 {
        self.tokens as f64 / self.tagger_seconds.max(1e-9)
    }
    pub fn ner_tokens_per_second(&self) -> f64 {
        self.tokens as f64 / self.ner_seconds.max(1e-9)
    }
    pub fn tagger_tokens_per_cpu_second(&self) -> Option<f64> {
        self.tagger_cpu_seconds
            .map(|s| self.tokens as f64 / s.max(1e-9))
    }
    pub fn ner_tokens_per_cpu_second(&self) -> Option<f64> {
        self.ner_cpu_seconds
            .map(|s| self.tokens as f64 / s.max(1e-9))
    }
}

impl std::fmt::Display for NlpBench {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "model load: tagger {:.1} ms, ner {:.1} ms",
            self.tagger_load_ms, self.ner_load_ms
        )?;
        writeln!(
            f,
            "tagger+lemmas: {:.0} tokens/s ({} tokens in {:.3}s)",
            self.tagger_tokens_per_second(),
            self.tokens,
            self.tagger_seconds
        )?;
        writeln!(
            f,
            "ner:           {:.0} tokens/s ({} tokens in {:.3}s)",
            self.ner_tokens_per_second(),
            self.tokens,
            self.ner_seconds
        )?;
        if let (Some(t), Some(n)) = (
            self.tagger_tokens_per_cpu_second(),
            self.ner_tokens_per_cpu_second(),
        ) {
            write!(
                f,
                "per CPU second: tagger+lemmas {t:.0} tokens/s, ner {n:.0} tokens/s"
            )?;
        }
        Ok(())
    }
}

/// Load the embedded models and run them `rounds` times over `sentences`.
pub fn run(sentences: &[Vec<String>], rounds: usize) -> Result<NlpBench, NlpError> {
    let t0 = Instant::now();
    let tagger = Tagger::embedded()?;
    let tagger_load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let t0 = Instant::now();
    let ner = EntityRecognizer::embedded()?;
    let ner_load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let mut tags: Vec<Vec<Upos>> = Vec::with_capacity(words.len());
    let mut tokens = 0;
    let c0 = thread_cpu_seconds();
    let t0 = Instant::now();
    for r in 0..rounds.max(1) {
        for w in &words {
            let a = tagger.annotate(w);
            if r == 0 {
                tags.push(a.iter().map(|t| t.0).collect());
                tokens += w.len();
            }
        }
    }
    let tagger_seconds = t0.elapsed().as_secs_f64();
    let tagger_cpu_seconds = c0.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    let c0 = thread_cpu_seconds();
    let t0 = Instant::now();
    let mut n_entities = 0;
    for _ in 0..rounds.max(1) {
        for (w, t) in words.iter().zip(&tags) {
            n_entities += ner.recognize(w, t).len();
        }
    }
    let ner_seconds = t0.elapsed().as_secs_f64();
    let ner_cpu_seconds = c0.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    std::hint::black_box(n_entities);
    Ok(NlpBench {
        tagger_load_ms,
        ner_load_ms,
        tokens: tokens * rounds.max(1),
        tagger_seconds,
        ner_seconds,
        tagger_cpu_seconds,
        ner_cpu_seconds,
    })
}
