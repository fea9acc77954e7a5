//! Every reader (plain text, JSON Lines, PETRARCH XML, HTML) over arbitrary
//! bytes: the first byte picks the input name's extension. Readers must
//! return documents or errors naming the input, never panic, and every
//! dateline span they set must lie on character boundaries of the text.
#![no_main]

use annals_core::{Document, Span};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["fuzz.txt", "fuzz.jsonl", "fuzz.xml", "fuzz.html", "fuzz"];

fn check_span(doc: &Document, span: Span, what: &str) {
    let t = &doc.text;
    assert!(
        span.start <= span.end && span.end <= t.len(),
        "{what} {span:?} out of range ({} bytes)",
        t.len()
    );
    assert!(
        t.is_char_boundary(span.start) && t.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[sel as usize % NAMES.len()];
    let date = (sel & 0x80 != 0)
        .then(|| chrono::NaiveDate::from_ymd_opt(2020, 1, 15))
        .flatten();
    for r in annals_io::read_bytes(name, bytes, date) {
        match r {
            Ok(doc) => {
                if let Some(d) = &doc.dateline {
                    check_span(&doc, d.span, "dateline");
                    if let Some(s) = d.place_span {
                        check_span(&doc, s, "dateline place");
                    }
                    if let Some(s) = d.agency_span {
                        check_span(&doc, s, "dateline agency");
                    }
                }
                if date.is_some() {
                    assert_eq!(doc.date, date, "date override ignored");
                }
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    msg.starts_with(name),
                    "error does not name the input: {msg}"
                );
            }
        }
    }
});
