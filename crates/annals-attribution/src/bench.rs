//! Cost of attribution relative to tokenization (prints figures; no timed tests).
//! Times are CPU seconds of the measuring thread (wall time where unavailable).

use std::time::Instant;

use annals_core::{Component, Doc, Document, Event, Span};
use annals_text::TextAnalyzer;

use crate::{Attributor, QuoteFinder};

/// Seconds spent per stage over a set of documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    pub docs: usize,
    pub tokens: usize,
    pub events: usize,
    pub text_seconds: f64,
    pub quotes_seconds: f64,
    pub attribution_seconds: f64,
}

impl std::fmt::Display for StageTimes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per = |s: f64| self.tokens as f64 / s.max(1e-9) / 1e6;
        write!(
            f,
            "{} docs, {} tokens, {} events: text {:.3} s ({:.2} M tok/s), quotes {:.3} s ({:.2} M tok/s), \
             attribution {:.3} s ({:.2} M tok/s); quotes+attribution = {:.0}% of text time",
            self.docs,
            self.tokens,
            self.events,
            self.text_seconds,
            per(self.text_seconds),
            self.quotes_seconds,
            per(self.quotes_seconds),
            self.attribution_seconds,
            per(self.attribution_seconds),
            100.0 * (self.quotes_seconds + self.attribution_seconds) / self.text_seconds.max(1e-9)
        )
    }
}

/// Run text → QuoteFinder → (a synthetic event on every `event_every`-th token) →
/// Attributor over `texts`, each stage over all documents in turn, timing
/// each by the thread's CPU time where the OS reports it (else wall time).
pub fn stage_times<S: AsRef<str>>(texts: &[S], event_every: usize) -> StageTimes {
    let (ta, qf, at) = (TextAnalyzer::new(), QuoteFinder::new(), Attributor::new());
    let mut t = StageTimes::default();
    let mut docs: Vec<Doc> = texts
        .iter()
        .map(|x| Doc::new(Document::new("bench", x.as_ref())))
        .collect();
    let clock = Clock::start();
    for d in &mut docs {
        let _ = ta.process(d);
    }
    t.text_seconds = clock.seconds();
    let clock = Clock::start();
    for d in &mut docs {
        let _ = qf.process(d);
    }
    t.quotes_seconds = clock.seconds();
    for doc in &mut docs {
        // Synthetic events stand in for the events stage.
        let mut events = Vec::new();
        for (s, sent) in doc.sentences.iter().enumerate() {
            for k in sent.tokens.clone().step_by(event_every.max(1)) {
                let span = doc.tokens.get(k).map_or(Span::default(), |x| x.span);
                events.push(Event {
                    sentence: s,
                    trigger: span,
                    ..Default::default()
                });
            }
        }
        doc.events = events;
    }
    let clock = Clock::start();
    for d in &mut docs {
        let _ = at.process(d);
    }
    t.attribution_seconds = clock.seconds();
    t.docs = docs.len();
    t.tokens = docs.iter().map(|d| d.tokens.len()).sum();
    t.events = docs.iter().map(|d| d.events.len()).sum();
    t
}

/// CPU time of this thread when known, else wall time.
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clock {
    fn start() -> Self {
        Clock {
            wall: Instant::now(),
            cpu: annals_text::bench::thread_cpu_seconds(),
        }
    }
    fn seconds(&self) -> f64 {
        match (self.cpu, annals_text::bench::thread_cpu_seconds()) {
            (Some(a), Some(b)) => b - a,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}
