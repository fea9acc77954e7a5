//! JSON Lines: one article per line with `id`, `text` and optional `date` /
//! `published`, `title`, `url`, `source`. Extra keys (a gold file's `events`)
//! are ignored, so gold files can be coded as they are.

use annals_core::Document;
use serde::Deserialize;

use crate::InputError;

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Parse one non-empty line (`line_no` 1-based) of input `input`.
pub(crate) fn document(input: &str, line_no: usize, line: &str) -> Result<Document, InputError> {
    let malformed = |message: String| InputError::Malformed {
        input: input.to_owned(),
        line: line_no,
        message,
    };
    let parsed: Line =
        serde_json::from_str(line).map_err(|e| malformed(format!("invalid JSON: {e}")))?;
    let text = parsed
        .text
        .ok_or_else(|| malformed("no \"text\" field".into()))?;
    if text.trim().is_empty() {
        return Err(malformed("empty \"text\"".into()));
    }
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => return Err(malformed(format!("\"id\" must be a string, not {other}"))),
        None => format!("{input}:{line_no}"),
    };
    let date_text = parsed.date.or(parsed.published);
    let date = match &date_text {
        Some(d) if !d.trim().is_empty() => Some(
            annals_time::parse_date(d, None)
                .ok_or_else(|| malformed(format!("unreadable date {d:?}")))?,
        ),
        _ => None,
    };
    let mut doc = Document::new(id, text);
    doc.date = date;
    doc.title = parsed.title;
    doc.url = parsed.url;
    doc.source = parsed.source;
    doc.origin = Some(format!("{input}:{line_no}"));
    crate::attach_dateline(&mut doc);
    Ok(doc)
}
