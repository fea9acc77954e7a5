//! Throughput and load-time figures for `annals bench` and `annals places --bench`.

use std::time::Instant;

use annals_core::{Component, Doc, Document};

use crate::{Gazetteer, Geocoder, PlaceError};

/// Measured figures.
#[derive(Debug, Clone)]
pub struct BenchReport {
    /// Time to open the embedded gazetteer and look one name up, in milliseconds.
    pub load_ms: f64,
    pub documents: usize,
    pub bytes: usize,
    pub seconds: f64,
    pub places: usize,
}

impl BenchReport {
    pub fn mb_per_second(&self) -> f64 {
        if self.seconds == 0.0 {
            0.0
        } else {
            self.bytes as f64 / 1e6 / self.seconds
        }
    }
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "place: gazetteer load {:.2} ms; {} docs, {:.2} MB in {:.3} s = {:.2} MB/s (one core), {} place mentions",
            self.load_ms,
            self.documents,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.mb_per_second(),
            self.places
        )
    }
}

/// Time loading the embedded gazetteer, then geocode `texts` on one thread.
/// `prepare` runs the earlier pipeline stages (untimed) or does nothing, in
/// which case the geocoder's own tokenizer is part of the timing.
pub fn bench(texts: &[String], prepare: &dyn Fn(&mut Doc)) -> Result<BenchReport, PlaceError> {
    let t = Instant::now();
    let gaz = Gazetteer::embedded_uncached()?;
    // Touch a record so the figure includes first access.
    let _ = gaz.lookup("Baghdad");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let geocoder = Geocoder::embedded()?;
    let mut docs: Vec<Doc> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = Doc::new(Document::new(format!("bench-{i}"), t.clone()));
            prepare(&mut d);
            d
        })
        .collect();
    let t = Instant::now();
    let mut places = 0;
    for d in &mut docs {
        geocoder
            .process(d)
            .map_err(|e| PlaceError::Data(e.to_string()))?;
        places += d.places.len();
    }
    let seconds = t.elapsed().as_secs_f64();
    Ok(BenchReport {
        load_ms,
        documents: docs.len(),
        bytes: texts.iter().map(String::len).sum(),
        seconds,
        places,
    })
}
