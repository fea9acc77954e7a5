//! Reading articles into [`Document`]s and writing [`EventRecord`]s out.
//!
//! Input side: [`read_inputs`] walks files, directories (recursively) and
//! stdin (`-`), detects each input's [`Format`] (plain text with an optional
//! `date YYYY-MM-DD` header and wire dateline, JSON Lines, PETRARCH-style XML,
//! HTML) and yields one `Result<Document, InputError>` per article, so one bad
//! article never stops a batch. [`dateline::parse`] finds wire datelines
//! (`BAGHDAD, Dec 31 (Reuters) -`) in any format's text.
//!
//! Output side: [`RecordWriter`] writes records as JSON Lines, CSV or TSV.
//!
//! ```
//! use annals_io::{read_bytes, Format};
//! let docs = read_bytes("story.txt", b"date 2019-12-31 BAGHDAD: Police fired tear gas.\n", None);
//! let doc = docs.into_iter().next().unwrap().unwrap();
//! assert_eq!(doc.date.unwrap().to_string(), "2019-12-31");
//! assert_eq!(doc.dateline.unwrap().place.as_deref(), Some("BAGHDAD"));
//! ```

pub mod dateline;
pub use dateline::shift as shift_dateline;
mod entities;
mod error;
mod html;
mod jsonl;
mod output;
mod plain;
mod sources;
mod xml;

pub use error::InputError;
pub use output::{OutputFormat, RecordWriter};
pub use sources::{detect_format, read_bytes, read_inputs, Format, MAX_DOCUMENT_BYTES};

use annals_core::Document;

/// Attach a dateline found at the start of `doc.text` (or of one of its
/// first lines, where a headline precedes it), and take the document date
/// from it when the metadata gave none.
pub fn attach_dateline(doc: &mut Document) {
    if doc.dateline.is_some() {
        return;
    }
    let starts = std::iter::once(0)
        .chain(doc.text.match_indices('\n').map(|(i, _)| i + 1))
        .take(4);
    for start in starts {
        let Some(mut d) = dateline::parse(&doc.text[start..], doc.date) else {
            continue;
        };
        shift_dateline(&mut d, start);
        if doc.date.is_none() {
            doc.date = d.date;
        }
        doc.dateline = Some(d);
        return;
    }
}
