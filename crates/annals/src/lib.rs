//! annals: news articles to political event data.
//!
//! This crate assembles the stages into a [`Pipeline`] and adds what sits on
//! top of them: [`records`] (the output contract, with the modality filter),
//! [`eval`] (scoring against gold files), [`synth`] (reproducible synthetic
//! articles for benchmarks) and [`explain()`] (a human-readable account of why
//! each event was coded).
//!
//! ```no_run
//! use annals::{Pipeline, records};
//! let pipeline = Pipeline::embedded().expect("embedded models load");
//! let docs = annals_io::read_bytes("a.txt",
//!     b"date 2019-12-31 BAGHDAD: Iraqi police fired tear gas at protesters.", None);
//! for doc in docs.into_iter().flatten() {
//!     let doc = pipeline.run(doc).expect("coded");
//!     for r in records(&doc, false) {
//!         println!("{} {} {:?}", r.cameo, r.plover.kind, r.source.map(|s| s.code));
//!     }
//! }
//! ```

pub mod eval;
mod explain;
pub mod memory;
mod pipeline;
pub mod synth;

pub use explain::explain;
pub use pipeline::{Pipeline, PipelineError, PipelineOptions, StageTimings};

use annals_core::{Doc, EventRecord, Modality};

/// Whether the text says an event took place (possibly as someone's claim),
/// as opposed to one threatened, demanded, planned, hypothetical, negated or
/// denied. Only these are event data; the others are kept for users who ask.
pub fn is_factual(m: Modality) -> bool {
    matches!(
        m,
        Modality::Asserted | Modality::Claimed | Modality::Reported
    )
}

/// The output records of a coded document. Unless `all_modalities`, events
/// that did not (yet) happen are left out: the threat, demand or denial that
/// mentions them is itself coded.
pub fn records(doc: &Doc, all_modalities: bool) -> Vec<EventRecord> {
    doc.records()
        .into_iter()
        .filter(|r| all_modalities || is_factual(r.modality))
        .collect()
}
