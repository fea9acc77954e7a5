//! PETRARCH-style XML records:
//! `<Sentence date="YYYYMMDD" id=".." source=".."><Text>...</Text></Sentence>`,
//! so existing event-data corpora can be coded as they are. `<Parse>` blocks
//! (CoreNLP trees) are ignored: annals parses the text itself.

use annals_core::Document;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::{entities, InputError};

static ATTR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)""#).expect("valid pattern"));
static TEXT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?s)<Text>(.*?)</Text>").expect("valid pattern"));

/// Read every `<Sentence>` record. A broken record is an error for that
/// record alone; the others are still returned.
pub(crate) fn documents(input: &str, text: &str) -> Vec<Result<Document, InputError>> {
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let malformed = |offset: usize, message: String| InputError::Malformed {
        input: input.to_owned(),
        line: line_of(offset),
        message,
    };
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(found) = find_open(text, pos) {
        let Some(tag_end) = text[found..].find('>').map(|e| found + e) else {
            out.push(Err(malformed(found, "unterminated <Sentence> tag".into())));
            break;
        };
        let Some(close) = text[tag_end..].find("</Sentence>").map(|c| tag_end + c) else {
            out.push(Err(malformed(
                found,
                "<Sentence> without </Sentence>".into(),
            )));
            break;
        };
        pos = close + "</Sentence>".len();
        let attrs = &text[found + "<Sentence".len()..tag_end];
        let body = strip_comments(&text[tag_end + 1..close]);
        let attr = |k: &str| {
            ATTR.captures_iter(attrs)
                .find(|c| c.get(1).is_some_and(|m| m.as_str() == k))
                .and_then(|c| c.get(2).map(|m| entities::decode(m.as_str())))
        };
        let Some(inner) = TEXT.captures(&body).and_then(|c| c.get(1)) else {
            out.push(Err(malformed(found, "record has no <Text> element".into())));
            continue;
        };
        let words = entities::decode(inner.as_str().trim());
        if words.trim().is_empty() {
            out.push(Err(malformed(found, "record has an empty <Text>".into())));
            continue;
        }
        let id = attr("id").unwrap_or_else(|| format!("{input}:{}", line_of(found)));
        let mut doc = Document::new(id, words);
        if let Some(d) = attr("date") {
            match annals_time::parse_date(&d, None) {
                Some(date) => doc.date = Some(date),
                None => {
                    out.push(Err(malformed(found, format!("unreadable date {d:?}"))));
                    continue;
                }
            }
        }
        doc.source = attr("source");
        doc.origin = Some(format!("{input}:{}", line_of(found)));
        crate::attach_dateline(&mut doc);
        out.push(Ok(doc));
    }
    if out.is_empty() {
        out.push(Err(malformed(0, "no <Sentence> records found".into())));
    }
    out
}

/// Next `<Sentence` opening tag (not `<Sentences>`) at or after `from`,
/// skipping comments.
fn find_open(text: &str, mut from: usize) -> Option<usize> {
    loop {
        let rest = &text[from..];
        let tag = rest.find("<Sentence")?;
        if let Some(c) = rest[..tag].find("<!--") {
            from += c + rest[c..].find("-->")? + 3;
            continue;
        }
        let at = from + tag;
        let next = text[at + 9..].chars().next();
        if matches!(next, Some(c) if c.is_whitespace() || c == '>') {
            return Some(at);
        }
        from = at + 9;
    }
}

fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(e) => rest = &rest[i + e + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}
