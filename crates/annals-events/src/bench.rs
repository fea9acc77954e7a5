//! Speed measurement the `annals bench` command (or a test) can call.
//!
//! [`bench_coder`] codes the given parsed documents repeatedly and reports
//! bytes of text per second for the event stage alone.

use std::time::Instant;

use annals_core::Doc;

use crate::EventCoder;

/// Figures of one benchmark run.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchReport {
    pub documents: usize,
    pub bytes: usize,
    pub events: usize,
    pub seconds: f64,
    pub bytes_per_second: f64,
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "events stage: {} docs, {} bytes, {} events in {:.3}s = {:.2} MB/s",
            self.documents,
            self.bytes,
            self.events,
            self.seconds,
            self.bytes_per_second / 1e6
        )
    }
}

/// Code clones of `docs` (already tokenized, tagged, parsed and actor-coded)
/// `rounds` times on one thread.
pub fn bench_coder(coder: &EventCoder, docs: &[Doc], rounds: usize) -> BenchReport {
    let rounds = rounds.max(1);
    let mut bytes = 0;
    let mut events = 0;
    let mut work: Vec<Doc> = Vec::with_capacity(docs.len());
    let mut seconds = 0.0;
    for _ in 0..rounds {
        work.clear();
        work.extend(docs.iter().map(|d| {
            let mut d = d.clone();
            d.events.clear();
            d
        }));
        let start = Instant::now();
        for d in work.iter_mut() {
            coder.code(d);
        }
        seconds += start.elapsed().as_secs_f64();
        for d in &work {
            bytes += d.document.text.len();
            events += d.events.len();
        }
    }
    BenchReport {
        documents: docs.len() * rounds,
        bytes,
        events,
        seconds,
        bytes_per_second: if seconds > 0.0 {
            bytes as f64 / seconds
        } else {
            0.0
        },
    }
}
