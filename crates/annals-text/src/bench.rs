//! Throughput measurement (prints figures; no timed tests).

use std::time::Instant;

use crate::TextAnalyzer;

/// Figures from one [`throughput`] run.
#[derive(Debug, Clone, Copy)]
pub struct Throughput {
    pub bytes: usize,
    pub tokens: usize,
    pub sentences: usize,
    /// Wall-clock time.
    pub seconds: f64,
    /// CPU time of the measuring thread (Linux `/proc/thread-self/schedstat`),
    /// the fair figure on a loaded machine.
    pub cpu_seconds: Option<f64>,
}

impl Throughput {
    /// Seconds used for rates: CPU time when known, else wall time.
    fn basis(&self) -> f64 {
        self.cpu_seconds.unwrap_or(self.seconds).max(1e-9)
    }
    pub fn tokens_per_second(&self) -> f64 {
        self.tokens as f64 / self.basis()
    }
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.basis()
    }
}

impl std::fmt::Display for Throughput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} tokens, {} sentences, {:.1} MB in {:.3} s wall, {} CPU: {:.2} M tokens/s, {:.1} MB/s (per CPU second)",
            self.tokens,
            self.sentences,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.cpu_seconds.map_or("unknown".to_string(), |c| format!("{c:.3} s")),
            self.tokens_per_second() / 1e6,
            self.megabytes_per_second()
        )
    }
}

/// Analyze each of `texts` `rounds` times on the current thread.
pub fn throughput<S: AsRef<str>>(
    analyzer: &TextAnalyzer,
    texts: &[S],
    rounds: usize,
) -> Throughput {
    let mut t = Throughput {
        bytes: 0,
        tokens: 0,
        sentences: 0,
        seconds: 0.0,
        cpu_seconds: None,
    };
    let cpu0 = thread_cpu_seconds();
    let start = Instant::now();
    for _ in 0..rounds.max(1) {
        for s in texts {
            let a = analyzer.analyze(s.as_ref(), &[]);
            t.bytes += s.as_ref().len();
            t.tokens += a.tokens.len();
            t.sentences += a.sentences.len();
        }
    }
    t.seconds = start.elapsed().as_secs_f64();
    t.cpu_seconds = cpu0.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    t
}

/// CPU time consumed by the current thread, where the OS tells it (Linux).
pub fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
