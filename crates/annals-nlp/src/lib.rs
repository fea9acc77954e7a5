//! annals-nlp: annals' own trained linguistic models, in pure Rust.
//!
//! - [`Tagger`]: part of speech (UPOS and Penn Treebank XPOS) with a greedy
//!   averaged perceptron, plus lemmas from its [`Lemmatizer`]. As a
//!   [`annals_core::Component`] it fills `upos`, `xpos` and `lemma` on every token.
//! - [`EntityRecognizer`]: PER / ORG / LOC (and NORP nationality adjectives)
//!   with a Viterbi-decoded BIO perceptron over word-shape, gazetteer and
//!   word-vector-class features, joined by two small neural scorers over
//!   word vectors ([`ner::neural`]). As a
//!   component it fills [`annals_core::Doc::entities`]; it reads the tags, so it
//!   runs after the tagger.
//! - [`perceptron`]: the shared averaged-perceptron learner and its compact
//!   quantized [`perceptron::Model`]; [`hash`] builds the 64-bit feature keys.
//! - [`train`]: reading the training corpora and retraining every model
//!   (used by `annals train`); [`eval`]: the scores printed by `annals eval-nlp`.
//!
//! - [`bench`]: load time and tokens/s figures (`cargo bench -p annals-nlp`).
//!
//! Models are embedded in the library (`models/*.bin`, see `data/README.md`)
//! and can be replaced by a user's file through `from_path`.
//!
//! ```
//! use annals_core::{EntityLabel, Upos};
//! use annals_nlp::{EntityRecognizer, Tagger};
//! let tagger = Tagger::embedded().unwrap();
//! let words = ["Police", "fired", "tear", "gas", "in", "Baghdad", "."];
//! let tags = tagger.annotate(&words);
//! assert_eq!((tags[1].0, tags[1].1.as_str(), tags[1].2.as_str()), (Upos::Verb, "VBD", "fire"));
//! let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
//! let ner = EntityRecognizer::embedded().unwrap();
//! let found = ner.recognize(&words, &upos);
//! assert!(found.iter().any(|(label, r)| *label == EntityLabel::Loc && *r == (5..6)));
//! ```

pub mod bench;
mod binio;
mod error;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod hash;
mod lemma;
pub mod ner;
pub mod perceptron;
pub(crate) mod rng;
mod tag_weights;
mod tagger;
pub mod train;

pub use error::NlpError;
pub use lemma::Lemmatizer;
pub use ner::EntityRecognizer;
pub use tagger::{TagClass, TaggedSentence, Tagger, WordTag};
