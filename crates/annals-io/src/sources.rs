//! Walking inputs (files, directories, stdin) and dispatching on format.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use annals_core::Document;
use chrono::NaiveDate;

use crate::{html, jsonl, plain, xml, InputError};

/// The largest single article annals accepts (text, HTML page, one JSON line).
/// Larger inputs are almost always a mistake (a dump, a binary), and an
/// article this size would hold up a whole batch.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// How an input is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article, optionally with a `date YYYY-MM-DD` header line.
    Text,
    /// One article per line.
    JsonLines,
    /// PETRARCH `<Sentence>` records.
    PetrarchXml,
    Html,
}

/// Guess the format from the file name, then from the first bytes.
pub fn detect_format(name: &str, head: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let by_ext = [
        (".jsonl", Format::JsonLines),
        (".ndjson", Format::JsonLines),
        (".json", Format::JsonLines),
        (".xml", Format::PetrarchXml),
        (".html", Format::Html),
        (".htm", Format::Html),
        (".txt", Format::Text),
    ];
    if let Some((_, f)) = by_ext.iter().find(|(ext, _)| lower.ends_with(ext)) {
        return *f;
    }
    let start = String::from_utf8_lossy(&head[..head.len().min(512)])
        .trim_start()
        .to_ascii_lowercase();
    if start.starts_with('{') {
        Format::JsonLines
    } else if start.starts_with("<!doctype html") || start.starts_with("<html") {
        Format::Html
    } else if start.starts_with("<?xml")
        || start.starts_with("<sentences")
        || start.starts_with("<sentence")
    {
        Format::PetrarchXml
    } else {
        Format::Text
    }
}

/// Read every article from `paths` (files, directories walked recursively in
/// name order, `-` for stdin). Each item is one article or one error naming
/// the input; errors never end the iteration. `date` overrides every
/// document's date.
pub fn read_inputs(
    paths: &[PathBuf],
    date: Option<NaiveDate>,
) -> impl Iterator<Item = Result<Document, InputError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        collect(p, &mut files, &mut errors);
    }
    errors
        .into_iter()
        .map(Err)
        .chain(files.into_iter().flat_map(move |f| read_one(&f, date)))
}

fn collect(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    if path.as_os_str() == "-" {
        files.push(path.to_owned());
        return;
    }
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(InputError::Io {
                input: path.display().to_string(),
                message: e.to_string(),
            });
            return;
        }
    };
    if !meta.is_dir() {
        files.push(path.to_owned());
        return;
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push(InputError::Io {
                input: path.display().to_string(),
                message: e.to_string(),
            });
            return;
        }
    };
    entries.sort();
    for e in entries {
        let name = e
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Hidden files, and the expected-events files kept beside example
        // articles, are not articles.
        if name.starts_with('.') || name.ends_with(".expected.jsonl") {
            continue;
        }
        collect(&e, files, errors);
    }
}

fn read_one(
    path: &Path,
    date: Option<NaiveDate>,
) -> Box<dyn Iterator<Item = Result<Document, InputError>>> {
    let input = if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let io_err = |e: std::io::Error| InputError::Io {
        input: input.clone(),
        message: e.to_string(),
    };
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        match fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Box::new(std::iter::once(Err(io_err(e)))),
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return Box::new(std::iter::once(Err(io_err(e)))),
    };
    let format = detect_format(&input, &head);
    let with_date = move |r| override_date(r, date);
    if format == Format::JsonLines {
        return Box::new(
            JsonLinesReader {
                input,
                reader,
                line: 0,
                done: false,
                yielded: false,
            }
            .map(with_date),
        );
    }
    // Whole-document formats: read at most one byte past the limit.
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .take(MAX_DOCUMENT_BYTES as u64 * 4 + 1)
        .read_to_end(&mut bytes)
    {
        return Box::new(std::iter::once(Err(io_err(e))));
    }
    let limit = if format == Format::PetrarchXml {
        MAX_DOCUMENT_BYTES * 4
    } else {
        MAX_DOCUMENT_BYTES
    };
    if bytes.len() > limit {
        return Box::new(std::iter::once(Err(InputError::TooLarge {
            input,
            size: bytes.len(),
            limit,
        })));
    }
    Box::new(
        parse_whole(&input, &bytes, format)
            .into_iter()
            .map(with_date),
    )
}

/// Read articles from bytes already in memory (`name` names the input and
/// picks the format by extension). `date` overrides document dates.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    date: Option<NaiveDate>,
) -> Vec<Result<Document, InputError>> {
    let format = detect_format(name, bytes);
    let docs = if format == Format::JsonLines {
        let mut out = Vec::new();
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            if let Some(r) = jsonl_line(name, i + 1, line) {
                out.push(r);
            }
        }
        if out.is_empty() {
            out.push(Err(InputError::Empty {
                input: name.to_owned(),
            }));
        }
        out
    } else {
        parse_whole(name, bytes, format)
    };
    docs.into_iter().map(|r| override_date(r, date)).collect()
}

/// Apply the user's `--date`, which wins over every date the input gives.
fn override_date(
    r: Result<Document, InputError>,
    date: Option<NaiveDate>,
) -> Result<Document, InputError> {
    r.map(|mut d| {
        if date.is_some() {
            d.date = date;
        }
        d
    })
}

fn parse_whole(input: &str, bytes: &[u8], format: Format) -> Vec<Result<Document, InputError>> {
    let text = match check_text(input, bytes, 1) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    let id = Path::new(input)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| input.to_owned());
    match format {
        Format::Text => {
            let mut d = plain::document(id, text.to_owned());
            d.origin = Some(input.to_owned());
            vec![Ok(d)]
        }
        Format::Html => vec![html::document(input, id, text)],
        Format::PetrarchXml => xml::documents(input, text),
        Format::JsonLines => unreachable_jsonl(input),
    }
}

fn unreachable_jsonl(input: &str) -> Vec<Result<Document, InputError>> {
    vec![Err(InputError::Malformed {
        input: input.to_owned(),
        line: 1,
        message: "JSON Lines must be read line by line".into(),
    })]
}

/// Reject empty, binary and non-UTF-8 input with a precise message.
fn check_text<'a>(input: &str, bytes: &'a [u8], first_line: usize) -> Result<&'a str, InputError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty {
            input: input.to_owned(),
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            input: input.to_owned(),
            offset,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = first_line + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        InputError::InvalidUtf8 {
            input: input.to_owned(),
            line,
            offset,
        }
    })
}

fn jsonl_line(input: &str, line_no: usize, raw: &[u8]) -> Option<Result<Document, InputError>> {
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    if raw.len() > MAX_DOCUMENT_BYTES {
        return Some(Err(InputError::TooLarge {
            input: format!("{input}:{line_no}"),
            size: raw.len(),
            limit: MAX_DOCUMENT_BYTES,
        }));
    }
    if let Some(offset) = raw.iter().position(|&b| b == 0) {
        return Some(Err(InputError::Binary {
            input: format!("{input}:{line_no}"),
            offset,
        }));
    }
    let text = match std::str::from_utf8(raw) {
        Ok(t) => t,
        Err(e) => {
            return Some(Err(InputError::InvalidUtf8 {
                input: input.to_owned(),
                line: line_no,
                offset: e.valid_up_to(),
            }))
        }
    };
    Some(jsonl::document(input, line_no, text))
}

/// Streams a JSON Lines input one line at a time, so a large corpus is never
/// held in memory whole.
struct JsonLinesReader {
    input: String,
    reader: BufReader<Box<dyn Read>>,
    line: usize,
    done: bool,
    /// Whether any article or error came out yet: an input of blank lines
    /// only is reported as empty, as `read_bytes` does.
    yielded: bool,
}

impl Iterator for JsonLinesReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.read_next();
        self.yielded |= item.is_some();
        item
    }
}

impl JsonLinesReader {
    fn read_next(&mut self) -> Option<Result<Document, InputError>> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            // Cap each line so one giant line cannot exhaust memory.
            let mut limited = (&mut self.reader).take(MAX_DOCUMENT_BYTES as u64 + 1);
            match limited.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.done = true;
                    if !self.yielded {
                        return Some(Err(InputError::Empty {
                            input: self.input.clone(),
                        }));
                    }
                    return None;
                }
                Ok(_) => {
                    self.line += 1;
                    if buf.len() > MAX_DOCUMENT_BYTES && !buf.ends_with(b"\n") {
                        // Skip the rest of this overlong line.
                        let mut sink = Vec::new();
                        let _ = self.reader.read_until(b'\n', &mut sink);
                        let size = buf.len() + sink.len();
                        return Some(Err(InputError::TooLarge {
                            input: format!("{}:{}", self.input, self.line),
                            size,
                            limit: MAX_DOCUMENT_BYTES,
                        }));
                    }
                    let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
                    if let Some(r) = jsonl_line(&self.input, self.line, line) {
                        return Some(r);
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::Io {
                        input: self.input.clone(),
                        message: e.to_string(),
                    }));
                }
            }
        }
        None
    }
}
