//! Throughput of the actor coder, for `annals bench` and `benches/actors.rs`.

use std::time::Instant;

use annals_core::{Component, Doc};

use crate::ActorCoder;

/// Tokens coded, the wall time and (on Linux) the thread's CPU time it took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Throughput {
    pub tokens: usize,
    pub seconds: f64,
    pub cpu_seconds: Option<f64>,
}

impl Throughput {
    /// Tokens per CPU second when known (robust on a loaded machine), else per wall second.
    pub fn tokens_per_second(&self) -> f64 {
        let secs = self.cpu_seconds.unwrap_or(self.seconds);
        if secs > 0.0 {
            self.tokens as f64 / secs
        } else {
            0.0
        }
    }
}

/// CPU time consumed by the current thread, where the OS tells it (Linux).
pub fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Code `docs` (already tokenized, tagged and parsed) `rounds` times on one
/// thread; each round starts from copies of the documents as given.
pub fn run(coder: &ActorCoder, docs: &[Doc], rounds: usize) -> Throughput {
    let mut out = Throughput {
        cpu_seconds: Some(0.0),
        ..Default::default()
    };
    for _ in 0..rounds.max(1) {
        let mut copies: Vec<Doc> = docs.to_vec();
        let cpu0 = thread_cpu_seconds();
        let t = Instant::now();
        for doc in &mut copies {
            // A failing document only lowers the count; the bench keeps going.
            if coder.process(doc).is_ok() {
                out.tokens += doc.tokens.len();
            }
        }
        out.seconds += t.elapsed().as_secs_f64();
        out.cpu_seconds = match (out.cpu_seconds, cpu0, thread_cpu_seconds()) {
            (Some(acc), Some(a), Some(b)) => Some(acc + (b - a)),
            _ => None,
        };
    }
    out
}

/// Seconds to build the embedded coder (parse the data files, index them).
pub fn load_seconds() -> f64 {
    let t = Instant::now();
    let coder = ActorCoder::embedded();
    let secs = t.elapsed().as_secs_f64();
    drop(coder);
    secs
}
