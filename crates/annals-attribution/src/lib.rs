//! annals-attribution: "according to whom".
//!
//! Two pipeline stages share two data files ([`SourceLexicon`] from
//! `data/sources.tsv`, [`Cues`] from `data/cues.txt`):
//!
//! * [`QuoteFinder`] runs after tagging, parsing and NER and before actors.
//!   It fills [`Doc::quotes`] (quoted words, speaker text and span, cue),
//!   [`Doc::posts`] (embedded social-media posts: author, handle, date,
//!   platform) and [`Doc::sources`] (news agencies and outlets with the
//!   sentences their report covers). The rules are in the module docs of
//!   `quotes`, `posts` and `sources` (scopes: a dateline agency covers the
//!   whole document; `AFP reported` its sentence and the rest of its
//!   paragraph until another source; `according to AFP` its sentence).
//! * [`Attributor`] runs last, after events, places and times. It fills each
//!   event's [`Attribution`](annals_core::Attribution) (reported_by, speaker,
//!   speaker_code, via, handle, claimant, hedge), sets modality `Claimed` or
//!   `Reported` where the events stage left `Asserted`, dates events inside
//!   a post by the post's date, and fills `Quote::speaker_actor`.
//!
//! Both work without a parse (token windows) and use heads and relations
//! when the parser has run.
//!
//! ```
//! use annals_core::{Component, Doc, Document, Event, Span};
//! use annals_attribution::{Attributor, QuoteFinder};
//! use annals_text::TextAnalyzer;
//!
//! let text = "BAGHDAD, Dec 31 (Reuters) - Militias attacked the embassy, police said.\n\
//!             “They burned the gate,” a guard told reporters.";
//! let mut doc = Doc::new(Document::new("d1", text));
//! TextAnalyzer::new().process(&mut doc).unwrap();
//! QuoteFinder::new().process(&mut doc).unwrap();
//! assert_eq!(doc.quotes[0].speaker.as_deref(), Some("a guard"));
//! let burned = text.find("burned").unwrap();
//! doc.events.push(Event { sentence: 2, trigger: Span::new(burned, burned + 6), ..Default::default() });
//! Attributor::new().process(&mut doc).unwrap();
//! let a = &doc.events[0].attribution;
//! assert_eq!(a.via.as_deref(), Some("quote"));
//! assert_eq!(a.reported_by, ["Reuters"]);
//! assert_eq!(doc.events[0].modality.as_str(), "claimed");
//! ```

mod attributor;
pub mod bench;
mod layout;
mod lexicon;
mod posts;
mod quotes;
mod sources;

use std::path::Path;

use annals_core::{Component, ComponentError, Doc};

pub use lexicon::{Cues, SourceEntry, SourceLexicon, DEFAULT_CUES, DEFAULT_SOURCES};

/// Errors loading attribution data.
#[derive(Debug, thiserror::Error)]
pub enum AttributionError {
    #[error("{file} list line {line}: {message}")]
    Lexicon {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

fn read(path: &Path) -> Result<String, AttributionError> {
    std::fs::read_to_string(path).map_err(|source| AttributionError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Finds quotes, embedded posts and reporting sources (the `quotes` stage).
#[derive(Debug, Clone)]
pub struct QuoteFinder {
    sources: SourceLexicon,
    cues: Cues,
}

impl QuoteFinder {
    /// With the built-in source list and cues.
    pub fn new() -> Self {
        QuoteFinder {
            sources: SourceLexicon::default(),
            cues: Cues::embedded(),
        }
    }

    /// With a source list and cue list given as text (formats of `data/`).
    pub fn with_data(sources: &str, cues: &str) -> Result<Self, AttributionError> {
        Ok(QuoteFinder {
            sources: SourceLexicon::parse(sources)?,
            cues: Cues::parse(cues)?,
        })
    }

    /// With a source list and cue list read from files.
    pub fn from_files(
        sources: impl AsRef<Path>,
        cues: impl AsRef<Path>,
    ) -> Result<Self, AttributionError> {
        Self::with_data(&read(sources.as_ref())?, &read(cues.as_ref())?)
    }

    pub fn sources(&self) -> &SourceLexicon {
        &self.sources
    }
}

impl Default for QuoteFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl Component for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }

    /// Replaces `doc.quotes`, `doc.posts` and `doc.sources`.
    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let layout = layout::Layout::new(doc);
        let sources = sources::find_sources(doc, &layout, &self.sources, &self.cues);
        let quotes = quotes::find_quotes(doc, &layout, &self.cues);
        let posts = posts::find_posts(doc, &layout, &self.cues, &quotes);
        doc.sources = sources;
        doc.quotes = quotes;
        doc.posts = posts;
        Ok(())
    }
}

/// Fills event attribution (the `attribution` stage, last in the pipeline).
#[derive(Debug, Clone)]
pub struct Attributor {
    cues: Cues,
}

impl Attributor {
    /// With the built-in cues.
    pub fn new() -> Self {
        Attributor {
            cues: Cues::embedded(),
        }
    }

    /// With a cue list in the `data/cues.txt` format.
    pub fn with_cues(cues: &str) -> Result<Self, AttributionError> {
        Ok(Attributor {
            cues: Cues::parse(cues)?,
        })
    }
}

impl Default for Attributor {
    fn default() -> Self {
        Self::new()
    }
}

impl Component for Attributor {
    fn name(&self) -> &'static str {
        "attribution"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        attributor::attribute_all(doc, &self.cues);
        Ok(())
    }
}
