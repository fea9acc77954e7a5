//! Plain-text articles: an optional `date YYYY-MM-DD` header, then the story,
//! often opening with a wire dateline.

use annals_core::{Document, Span};
use once_cell::sync::Lazy;
use regex::Regex;

use crate::dateline;

static HEADER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(?i:date)[ \t]*[:=]?[ \t]*(?P<date>\d{4}-\d{2}-\d{2}|\d{8})[ \t]*")
        .expect("header pattern is valid")
});

/// Build a document from the whole text of a plain-text input. The text is
/// kept as read, header included, so spans point into the file; the header
/// and dateline together form `doc.dateline.span`.
pub(crate) fn document(id: String, text: String) -> Document {
    let mut doc = Document::new(id, text);
    let mut body_start = 0;
    if let Some(c) = HEADER.captures(&doc.text) {
        doc.date = c
            .name("date")
            .and_then(|d| annals_time::parse_date(d.as_str(), None));
        body_start = c.get(0).map(|m| m.end()).unwrap_or(0);
    }
    let body = &doc.text[body_start..];
    let mut dl = dateline::parse(body, doc.date).map(|mut d| {
        d.span = Span::new(d.span.start + body_start, d.span.end + body_start);
        d.place_span = d
            .place_span
            .map(|s| Span::new(s.start + body_start, s.end + body_start));
        d.agency_span = d
            .agency_span
            .map(|s| Span::new(s.start + body_start, s.end + body_start));
        d
    });
    if body_start > 0 {
        // The header alone still marks where the story begins.
        let d = dl.get_or_insert_with(Default::default);
        d.span = Span::new(0, d.span.end.max(body_start));
    }
    if let Some(d) = &dl {
        if doc.date.is_none() {
            doc.date = d.date;
        }
    }
    doc.dateline = dl;
    doc
}
