use serde::{Deserialize, Serialize};
use std::ops::Range;

use crate::{ActorMention, Document, Event, EventRecord, PlaceMention, Span, TimeMention, Upos};

/// A token with everything the linguistic stages know about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Bytes of the token in the original document text.
    pub span: Span,
    /// The token's form after normalization (mojibake repaired, curly quotes kept).
    pub text: String,
    pub upos: Upos,
    /// Penn Treebank tag (`VBD`, `NNP`, ...).
    pub xpos: String,
    pub lemma: String,
    /// Index of the syntactic head *within the sentence* (0-based); `None` for the root.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head (`nsubj`, `obj`, `obl:agent`, ...).
    pub deprel: String,
    /// Whether whitespace follows the token in the original text.
    pub space_after: bool,
}

/// A sentence: its span and the range of its tokens in [`Doc::tokens`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// Named-entity classes predicted by the NER model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    /// Nationality or group adjective (`Iraqi`, `Kurdish`).
    Norp,
    Misc,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// A named-entity mention: a contiguous run of tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub label: EntityLabel,
    /// Token indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
    pub span: Span,
    pub sentence: usize,
}

/// The document being analysed, with every layer the pipeline has added.
///
/// Layers are plain public vectors: a stage reads earlier layers and pushes to
/// its own. Indices (`sentence`, token ranges, `actors` indices in events) are
/// stable once written.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Doc {
    pub document: Document,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
    pub times: Vec<TimeMention>,
    pub events: Vec<Event>,
    /// Reporting sources found in the text (agencies, outlets), by the attribution stage.
    pub sources: Vec<crate::event::SourceMention>,
    /// Quotations with their speakers.
    pub quotes: Vec<crate::event::Quote>,
    /// Embedded social-media posts.
    pub posts: Vec<crate::event::Post>,
}

impl Doc {
    pub fn new(document: Document) -> Self {
        Doc {
            document,
            ..Default::default()
        }
    }

    pub fn text(&self) -> &str {
        &self.document.text
    }

    /// The text under `span`, or `""` if the span is out of range or not on
    /// character boundaries (never panics).
    pub fn slice(&self, span: Span) -> &str {
        self.document.text.get(span.start..span.end).unwrap_or("")
    }

    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        match self.sentences.get(i) {
            Some(s) => self.tokens.get(s.tokens.clone()).unwrap_or(&[]),
            None => &[],
        }
    }

    /// Index of the sentence containing byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// Index of the sentence holding document token `tok`.
    pub fn sentence_of_token(&self, tok: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= tok);
        (i < self.sentences.len() && self.sentences[i].tokens.start <= tok).then_some(i)
    }

    /// Flatten the coded events into output records.
    pub fn records(&self) -> Vec<EventRecord> {
        self.events
            .iter()
            .enumerate()
            .map(|(i, e)| EventRecord::from_event(self, i, e))
            .collect()
    }
}
