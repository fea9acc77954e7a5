//! annals-place: where things happened.
//!
//! A [`Gazetteer`] — GeoNames populated places (≥ 1,000 inhabitants),
//! admin-1 regions, countries and continents, compiled into the binary as an
//! `fst` name index plus a packed record table (see [`gazetteer`]) — backs
//! the [`Geocoder`], the pipeline [`Component`](annals_core::Component) that
//!
//! 1. **recognizes** toponyms: NER `LOC` entities, and gazetteer matches over
//!    capitalized token runs filtered so that demonyms (`Iraqi`), people
//!    (`Mr. Jordan`, an NER `PER`) and common words (`Police`, `March`) do not
//!    become places — a weak match needs NER agreement, a locative cue, a
//!    qualifier or another accepted mention of the same name;
//! 2. **resolves** each to one gazetteer entry by prior (kind, population,
//!    capital) and context (`Anbar province`, `Paris, Texas`, the countries
//!    the article names, the dateline), writing
//!    [`PlaceMention`](annals_core::PlaceMention)s to `Doc::places`;
//! 3. **geolocates events**: every event gets a
//!    [`Location`](annals_core::Location) whose `reason` names the rule that
//!    chose it — `in-sentence:syntax`, `in-sentence`, `dateline`,
//!    `actor-country`, `document-country` (rules documented in `locate.rs`).
//!
//! [`build::build_gazetteer`] is annals' own preprocessing step from the
//! GeoNames JSON extract; [`eval`] scores geoparsing on a dev set (accuracy
//! within 161 km) and [`bench`] measures load time and throughput. The
//! [`Lexicon`] holds the demonym and common-word lists.
//!
//! ```
//! use annals_core::{Component, Doc, Document};
//! use annals_place::Geocoder;
//!
//! let geocoder = Geocoder::embedded().unwrap();
//! let mut doc = Doc::new(Document::new("d1", "A car bomb exploded in Baghdad on Sunday, Iraqi police said."));
//! geocoder.process(&mut doc).unwrap();
//! let baghdad = &doc.places[0];
//! assert_eq!(baghdad.name, "Baghdad");
//! assert_eq!(baghdad.country.as_deref(), Some("IRQ"));
//! assert_eq!(doc.places.len(), 1); // "Iraqi" is a demonym, not a place
//! ```

pub mod bench;
pub mod build;
pub mod eval;
pub mod gazetteer;
mod geocoder;
mod lexicon;
mod locate;
pub mod normalize;
mod recognize;
mod resolve;
mod tokens;

pub use gazetteer::{Gazetteer, Place, PlaceKind};
pub use geocoder::Geocoder;
pub use lexicon::Lexicon;

/// Errors from loading or building the gazetteer and reading evaluation data.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("gazetteer: {0}")]
    Gazetteer(String),
    #[error("gazetteer build: {0}")]
    Build(String),
    #[error("{0}")]
    Data(String),
}
