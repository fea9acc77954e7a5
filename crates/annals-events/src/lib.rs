//! Political event coding: finds every event in a sentence, classifies it
//! (CAMEO code, PLOVER type and mode, Goldstein, QuadClass), attaches source
//! and target actors, modality, casualties and evidence.
//!
//! The principal type is [`EventCoder`], an [`annals_core::Component`] that
//! reads the parse (`lemma`, `upos`, `head`, `deprel`) and the coded actors of
//! a [`annals_core::Doc`] and pushes [`annals_core::Event`]s. It is driven by
//! a [`Lexicon`] of trigger lemmas with argument patterns
//! (`data/lexicon.txt`) and [`DiscardRules`] for non-political senses
//! (`data/discard.txt`); both are data files, compiled in and extendable by a
//! user's file. Codes are looked up in [`annals_ontology::Ontology`].
//! Each sentence is first seen as a dependency graph that mends a few common
//! tagging/parsing slips hiding the main verb (a verb tagged as a preposition,
//! a plural noun tagged as a verb, a main verb read as a reduced relative);
//! within a clause one violent act survives, with the casualties of the
//! participles folded into it.
//!
//! ```
//! use annals_core::{conllu, ActorCode, ActorMention, Component, Span};
//! use annals_events::EventCoder;
//!
//! let text = "1\tPolice\tpolice\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n\
//!             2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n\
//!             3\tthree\tthree\tNUM\tCD\t_\t4\tnummod\t_\t_\n\
//!             4\tprotesters\tprotester\tNOUN\tNNS\t_\t2\tobj\t_\t_\n";
//! let mut doc = conllu::to_doc("d1", &conllu::parse(text).unwrap());
//! for (tok, code) in [(0, "COP"), (3, "OPP")] {
//!     let span = doc.tokens[tok].span;
//!     doc.actors.push(ActorMention {
//!         text: doc.slice(span).to_owned(), span, sentence: 0, tokens: tok..tok + 1,
//!         head: tok, code: ActorCode::new(None, Some(code)), ..Default::default()
//!     });
//! }
//! EventCoder::embedded().process(&mut doc).unwrap();
//! let e = &doc.events[0];
//! assert_eq!((e.cameo.as_str(), e.plover_type.as_str()), ("173", "COERCE"));
//! assert_eq!(e.casualties.arrested.as_ref().map(|c| c.value), Some(3));
//! ```

pub mod bench;
mod casualty;
mod coder;
mod derive;
pub mod discard;
mod error;
mod graph;
pub mod lexicon;

pub use coder::EventCoder;
pub use discard::DiscardRules;
pub use error::EventsError;
pub use lexicon::{Entry, Lexicon};
