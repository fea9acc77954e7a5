use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// One article as read from its input, before any analysis.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the JSON `id`, the XML record id, or the file name.
    pub id: String,
    /// The article text. Every span in annals is a byte offset into this string.
    pub text: String,
    /// Publication date, from metadata, a `date` header or the dateline.
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publisher or feed named in the metadata (e.g. `"AFP"`).
    pub source: Option<String>,
    /// The wire dateline (`BAGHDAD, Dec 31 (Reuters) -`), when one was found.
    pub dateline: Option<Dateline>,
    /// Where the document came from (file path and line), for error messages.
    pub origin: Option<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }
}

/// The opening line of a wire story: place, optional date, agency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline, so later stages can skip it.
    pub span: Span,
    /// Place as written (`BAGHDAD`), with its span.
    pub place: Option<String>,
    pub place_span: Option<Span>,
    /// Date given in the dateline itself, resolved against the document date.
    pub date: Option<NaiveDate>,
    /// Wire agency (`Reuters`, `AP`, `AFP`).
    pub agency: Option<String>,
    pub agency_span: Option<Span>,
}
