//! The data model shared by every stage of annals.
//!
//! A [`Document`] (text plus metadata: date, dateline, source) is wrapped in a
//! [`Doc`], the one object that flows through the pipeline. Each stage is a
//! [`Component`] that reads what earlier stages wrote on the `Doc` and adds its
//! own layer:
//!
//! | stage | writes |
//! |---|---|
//! | `text` | [`Doc::sentences`], [`Doc::tokens`] (byte spans into the text) |
//! | `nlp` | POS, lemma, head and relation on each [`Token`], [`Doc::entities`] |
//! | `actors` | [`Doc::actors`] (coded [`ActorMention`]s) |
//! | `events` | [`Doc::events`] ([`Event`]s with trigger, actors, modality, evidence) |
//! | `place`, `time` | [`Doc::places`], [`Doc::times`]; location and date on events |
//! | `attribution` | [`Doc::sources`], [`Doc::quotes`], [`Doc::posts`]; attribution on events |
//!
//! Finally [`Doc::records`] flattens the events into [`EventRecord`]s, the
//! output contract written as JSON Lines, CSV or TSV.
//!
//! ```
//! use annals_core::{Doc, Document, Span};
//! let doc = Doc::new(Document::new("d1", "Police fired tear gas in Baghdad."));
//! assert_eq!(doc.text(), "Police fired tear gas in Baghdad.");
//! assert_eq!(doc.slice(Span::new(0, 6)), "Police");
//! ```

mod actor;
mod component;
pub mod conllu;
mod doc;
mod document;
mod event;
pub mod fxhash;
mod place;
mod record;
mod score;
mod span;
mod tags;
mod time;

pub use actor::{ActorCode, ActorMention};
pub use component::{Component, ComponentError};
pub use doc::{Doc, Entity, EntityLabel, Sentence, Token};
pub use document::{Dateline, Document};
pub use event::{
    Attribution, Casualties, Count, Event, EventArg, Modality, Post, Quote, SourceMention,
};
pub use place::{Location, PlaceMention, Precision};
pub use record::{ActorRecord, EventRecord, EvidenceRecord, PloverRecord, TriggerRecord};
pub use score::MatchCounts;
pub use span::Span;
pub use tags::Upos;
pub use time::{DatePrecision, TimeMention};
