//! Speed measurement: model load time and parsing throughput, printed by
//! `cargo bench -p annals-parser` and callable from `annals bench`.

use std::time::Instant;

use annals_core::conllu::ConlluSentence;
use annals_core::Token;

use crate::parser::Scratch;
use crate::{Parser, ParserError};

/// Figures from one [`run`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchReport {
    /// Time to load the embedded model, in milliseconds.
    pub load_ms: f64,
    /// CPU time of model loading on this thread (Linux), in milliseconds.
    pub load_cpu_ms: Option<f64>,
    pub tokens: usize,
    /// Wall-clock parsing time.
    pub seconds: f64,
    /// CPU time of parsing on this thread (Linux; `None` elsewhere), which is
    /// what matters on a loaded machine.
    pub cpu_seconds: Option<f64>,
}

impl BenchReport {
    /// Tokens per wall-clock second.
    pub fn tokens_per_second(&self) -> f64 {
        self.tokens as f64 / self.seconds.max(1e-9)
    }
    /// Tokens per CPU second of the parsing thread, when measurable.
    pub fn tokens_per_cpu_second(&self) -> Option<f64> {
        self.cpu_seconds.map(|s| self.tokens as f64 / s.max(1e-9))
    }
}

/// CPU time consumed by the calling thread so far, from
/// `/proc/thread-self/schedstat` (nanoseconds on CPU); `None` off Linux.
pub fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Load the embedded model, then parse `sentences` (their gold tags as input)
/// `rounds` times on the calling thread.
pub fn run(sentences: &[ConlluSentence], rounds: usize) -> Result<BenchReport, ParserError> {
    run_with(sentences, rounds, Parser::embedded)
}

/// [`run`] with another model loader (e.g. `|| Parser::from_path(p)`).
pub fn run_with(
    sentences: &[ConlluSentence],
    rounds: usize,
    load: impl FnOnce() -> Result<Parser, ParserError>,
) -> Result<BenchReport, ParserError> {
    let c0 = thread_cpu_seconds();
    let t0 = Instant::now();
    let parser = load()?;
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let load_cpu_ms = c0.zip(thread_cpu_seconds()).map(|(a, b)| (b - a) * 1000.0);
    let mut tokens: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| Token {
                    text: w.form.clone(),
                    upos: w.upos.parse().unwrap_or_default(),
                    xpos: w.xpos.clone(),
                    lemma: w.lemma.clone(),
                    ..Token::default()
                })
                .collect()
        })
        .collect();
    let mut scratch = Scratch::default();
    let c1 = thread_cpu_seconds();
    let t1 = Instant::now();
    let mut n = 0;
    for _ in 0..rounds.max(1) {
        for s in &mut tokens {
            parser.parse_with(s, &mut scratch);
            n += s.len();
        }
    }
    let seconds = t1.elapsed().as_secs_f64();
    let cpu_seconds = c1.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    Ok(BenchReport {
        load_ms,
        load_cpu_ms,
        tokens: n,
        seconds,
        cpu_seconds,
    })
}
