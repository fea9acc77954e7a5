use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::{DatePrecision, Location, Span};

/// Whether and how the text asserts that an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    Negated,
    Threatened,
    Demanded,
    /// Will happen, is planned or intended.
    Planned,
    Hypothetical,
    /// Said to have happened by a claimant the reporter does not vouch for.
    Claimed,
    /// Hedged by the reporter: "reportedly", "allegedly".
    Reported,
    Denied,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Threatened => "threatened",
            Modality::Demanded => "demanded",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Claimed => "claimed",
            Modality::Reported => "reported",
            Modality::Denied => "denied",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One side of an event: an index into `Doc::actors`, and how it was attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventArg {
    pub actor: usize,
    /// The syntactic path or rule that attached it (`nsubj`, `obl:agent`, `nmod:by`...).
    pub via: String,
}

/// A stated count with its qualifier ("at least 25").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub value: u64,
    /// `exact`, `at_least`, `about`, `at_most`.
    pub qualifier: String,
    pub span: Span,
}

/// Casualties stated for an event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Casualties {
    pub dead: Option<Count>,
    pub injured: Option<Count>,
    pub arrested: Option<Count>,
}

impl Casualties {
    pub fn is_empty(&self) -> bool {
        self.dead.is_none() && self.injured.is_none() && self.arrested.is_none()
    }
}

/// Who vouches for an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Agencies and outlets whose report covers the event's sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_by: Vec<String>,
    /// Speaker of the quote the event is in (index into `Doc::actors` where coded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_code: Option<String>,
    /// Who claims the event happened, when the reporter does not assert it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// `report`, `quote`, `post`, `statement`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The social-media handle of an embedded post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// Hedge word that weakens the report ("reportedly").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// Span of the quote or post the event sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Attribution {
    pub fn is_empty(&self) -> bool {
        self == &Attribution::default()
    }
}

/// A reporting source in the text: `AFP reported`, `(Reuters) -`, `according to IRNA`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceMention {
    pub name: String,
    pub span: Span,
    /// `agency`, `outlet`, `dateline`, `credit`.
    pub kind: String,
    /// Sentences whose events this report covers (indices into `Doc::sentences`).
    pub scope: std::ops::Range<usize>,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub span: Span,
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    /// Index into `Doc::actors` of the speaker, when coded.
    pub speaker_actor: Option<usize>,
    /// The cue (`said`, `told reporters`, `the statement read`).
    pub cue: Option<String>,
}

/// A social-media post embedded in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// The post's words.
    pub span: Span,
    pub author: Option<String>,
    pub handle: Option<String>,
    pub date: Option<NaiveDate>,
    pub platform: Option<String>,
}

/// A coded event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub sentence: usize,
    /// The word(s) that signal the event.
    pub trigger: Span,
    /// CAMEO code (`"195"`, `"0211"`).
    pub cameo: String,
    /// PLOVER 0.8 type (`ASSAULT`) and mode (`aerial`), from the crosswalk.
    pub plover_type: String,
    pub plover_mode: Option<String>,
    pub goldstein: f32,
    pub quad_class: u8,
    pub source: Option<EventArg>,
    pub target: Option<EventArg>,
    pub modality: Modality,
    /// Rule or dictionary pattern that produced the event.
    pub rule: String,
    pub confidence: f32,
    pub casualties: Casualties,
    pub date: Option<NaiveDate>,
    pub date_precision: Option<DatePrecision>,
    pub date_reason: Option<String>,
    pub location: Option<Location>,
    pub attribution: Attribution,
}
