//! Scoring against MEANTIME (NewsReader), whose news articles carry TIMEX3
//! annotations with normalized values and a document creation time.
//!
//! [`read`] turns one MEANTIME XML file into a [`Doc`] (tokens joined by
//! spaces, one sentence per line, dated with the creation time) plus its gold
//! expressions; [`score`] runs a [`TimeResolver`] over many and counts.

use std::path::Path;

use annals_core::{Component, Doc, Document, Sentence, Span, Token};

use crate::{kind_of_value, parse_date, TimeResolver, TimexKind};

/// A gold TIMEX3 with its extent in the rebuilt text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    pub span: Span,
    pub text: String,
    /// `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: String,
    pub value: String,
    pub creation_time: bool,
}

/// A MEANTIME file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MeantimeError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: byte {at}: {message}")]
    Format {
        path: String,
        at: usize,
        message: String,
    },
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let rest = tag.get(i..)?;
    rest.get(..rest.find('"')?)
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// One MEANTIME article: the rebuilt document, its gold expressions, and
/// where annotation stops (MEANTIME annotates temporal expressions only in
/// the first six sentences of each article, so predictions after `annotated_end` cannot be judged).
#[derive(Debug, Clone)]
pub struct MeantimeDoc {
    pub doc: Doc,
    pub gold: Vec<GoldTimex>,
    pub annotated_end: usize,
}

/// Read one MEANTIME XML text (`name` for messages).
pub fn parse(name: &str, xml: &str) -> Result<MeantimeDoc, MeantimeError> {
    let err = |at: usize, message: &str| MeantimeError::Format {
        path: name.to_owned(),
        at,
        message: message.to_owned(),
    };
    // Tokens: id -> (sentence, text).
    let mut toks: Vec<(String, usize, String)> = Vec::new();
    let mut pos = 0;
    while let Some(off) = xml.get(pos..).and_then(|s| s.find("<token ")) {
        let start = pos + off;
        let gt = xml
            .get(start..)
            .and_then(|s| s.find('>'))
            .ok_or_else(|| err(start, "unclosed <token>"))?
            + start;
        let close = xml
            .get(gt..)
            .and_then(|s| s.find("</token>"))
            .ok_or_else(|| err(start, "missing </token>"))?
            + gt;
        let tag = &xml[start..gt];
        let id = attr(tag, "t_id")
            .ok_or_else(|| err(start, "token without t_id"))?
            .to_owned();
        let sent: usize = attr(tag, "sentence")
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| err(start, "token without sentence"))?;
        toks.push((id, sent, unescape(&xml[gt + 1..close])));
        pos = close + 8;
    }
    let mut doc = Doc::default();
    let mut text = String::new();
    let mut span_of: std::collections::HashMap<&str, Span> = std::collections::HashMap::new();
    let mut cur_sent = usize::MAX;
    let mut sent_start = (0, 0);
    for (id, sent, form) in &toks {
        if *sent != cur_sent {
            if cur_sent != usize::MAX {
                doc.sentences.push(Sentence {
                    span: Span::new(sent_start.0, text.len()),
                    tokens: sent_start.1..doc.tokens.len(),
                });
                text.push('\n');
            }
            cur_sent = *sent;
            sent_start = (text.len(), doc.tokens.len());
        } else {
            text.push(' ');
        }
        let a = text.len();
        text.push_str(form);
        let span = Span::new(a, text.len());
        span_of.insert(id.as_str(), span);
        doc.tokens.push(Token {
            span,
            text: form.clone(),
            space_after: true,
            ..Default::default()
        });
    }
    if cur_sent != usize::MAX {
        doc.sentences.push(Sentence {
            span: Span::new(sent_start.0, text.len()),
            tokens: sent_start.1..doc.tokens.len(),
        });
    }
    // Gold expressions.
    let mut gold = Vec::new();
    let mut dct = None;
    pos = 0;
    while let Some(off) = xml.get(pos..).and_then(|s| s.find("<TIMEX3 ")) {
        let start = pos + off;
        let gt = xml
            .get(start..)
            .and_then(|s| s.find('>'))
            .ok_or_else(|| err(start, "unclosed <TIMEX3>"))?
            + start;
        let tag = &xml[start..gt];
        if tag.ends_with('/') {
            // An empty TIMEX3 (an implicit time, not in the text).
            if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
                dct = parse_date(attr(tag, "value").unwrap_or(""), None);
            }
            pos = gt;
            continue;
        }
        let end = xml
            .get(gt..)
            .and_then(|s| s.find("</TIMEX3>"))
            .ok_or_else(|| err(start, "missing </TIMEX3>"))?
            + gt;
        let block = &xml[gt..end];
        let value = attr(tag, "value").unwrap_or("").to_owned();
        let creation_time = attr(tag, "functionInDocument") == Some("CREATION_TIME");
        if creation_time {
            dct = parse_date(&value, None);
        }
        let mut span: Option<Span> = None;
        let mut p = 0;
        while let Some(o) = block.get(p..).and_then(|s| s.find("t_id=\"")) {
            let a = p + o + 6;
            let Some(len) = block.get(a..).and_then(|s| s.find('"')) else {
                break;
            };
            if let Some(s) = span_of.get(&block[a..a + len]) {
                span = Some(span.map_or(*s, |x| x.cover(*s)));
            }
            p = a + len;
        }
        if let Some(span) = span {
            gold.push(GoldTimex {
                span,
                text: text.get(span.start..span.end).unwrap_or("").to_owned(),
                kind: attr(tag, "type").unwrap_or("").to_owned(),
                value,
                creation_time,
            });
        }
        pos = end;
    }
    // MEANTIME annotates temporal expressions in the title, the date line and
    // the first four sentences of the body only.
    let annotated_end = doc
        .sentences
        .iter()
        .take(6)
        .next_back()
        .map_or(0, |s| s.span.end);
    // Without a creation time, the article's date line (its second line) dates it,
    // as a reader would take it from the dateline.
    if dct.is_none() {
        dct = doc
            .sentences
            .iter()
            .take(3)
            .find_map(|s| parse_date(text.get(s.span.start..s.span.end).unwrap_or(""), None));
    }
    doc.document = Document {
        date: dct,
        ..Document::new(name, text)
    };
    Ok(MeantimeDoc {
        doc,
        gold,
        annotated_end,
    })
}

/// Read one MEANTIME XML file.
pub fn read(path: &Path) -> Result<MeantimeDoc, MeantimeError> {
    let name = path.display().to_string();
    let xml = std::fs::read_to_string(path).map_err(|source| MeantimeError::Io {
        path: name.clone(),
        source,
    })?;
    parse(&name, &xml)
}

/// Counts from [`score`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeantimeScore {
    pub documents: usize,
    /// Gold DATE expressions present in the text.
    pub gold_dates: usize,
    /// ... of which an overlapping predicted expression has exactly the gold value.
    pub value_correct: usize,
    /// ... of which some predicted expression overlaps (extent found).
    pub extent_found: usize,
    /// Predicted expressions of kind DATE (in the annotated sentences).
    pub predicted_dates: usize,
    /// ... overlapping a gold DATE with exactly its value.
    pub predicted_correct: usize,
    /// ... overlapping any gold TIMEX3.
    pub predicted_overlapping: usize,
    /// Gold DATEs missed or mis-valued: (gold text, gold value, predicted value or "", sentence).
    pub errors: Vec<(String, String, String, String)>,
    /// Predicted DATEs overlapping no gold expression: (text, value).
    pub spurious: Vec<(String, String)>,
}

impl MeantimeScore {
    /// Of gold DATEs, the share found with exactly the gold value.
    pub fn value_accuracy(&self) -> f64 {
        self.value_correct as f64 / self.gold_dates.max(1) as f64
    }
    /// Of predicted DATEs, the share matching a gold DATE's value.
    pub fn value_precision(&self) -> f64 {
        self.predicted_correct as f64 / self.predicted_dates.max(1) as f64
    }
}

impl std::fmt::Display for MeantimeScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "MEANTIME ({} documents), TIMEX3 type DATE:",
            self.documents
        )?;
        writeln!(
            f,
            "  value accuracy (recall): {}/{} = {:.1}%   extent found: {}/{} = {:.1}%",
            self.value_correct,
            self.gold_dates,
            100.0 * self.value_accuracy(),
            self.extent_found,
            self.gold_dates,
            100.0 * self.extent_found as f64 / self.gold_dates.max(1) as f64
        )?;
        write!(
            f,
            "  value precision: {}/{} = {:.1}%   overlapping any gold TIMEX3: {}/{} = {:.1}%",
            self.predicted_correct,
            self.predicted_dates,
            100.0 * self.value_precision(),
            self.predicted_overlapping,
            self.predicted_dates,
            100.0 * self.predicted_overlapping as f64 / self.predicted_dates.max(1) as f64
        )
    }
}

/// Run `resolver` over every `*.xml` under `dir` (recursively) and score DATE values.
pub fn score(dir: &Path, resolver: &TimeResolver) -> Result<MeantimeScore, MeantimeError> {
    score_with(dir, &[resolver])
}

/// As [`score`], running `stages` in order over each document (e.g. a tagger
/// and parser over MEANTIME's own tokens, then a [`TimeResolver`]).
pub fn score_with(dir: &Path, stages: &[&dyn Component]) -> Result<MeantimeScore, MeantimeError> {
    let mut files = Vec::new();
    collect_xml(dir, &mut files).map_err(|source| MeantimeError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    files.sort();
    let mut sc = MeantimeScore::default();
    for path in files {
        let MeantimeDoc {
            mut doc,
            gold,
            annotated_end,
        } = read(&path)?;
        for stage in stages {
            if let Err(e) = stage.process(&mut doc) {
                // Score what there is; a failed stage shows up as misses.
                eprintln!("meantime: {}: {e}", doc.document.id);
            }
        }
        sc.documents += 1;
        for g in gold.iter().filter(|g| g.kind == "DATE") {
            sc.gold_dates += 1;
            let over: Vec<_> = doc
                .times
                .iter()
                .filter(|t| t.span.overlaps(g.span))
                .collect();
            if !over.is_empty() {
                sc.extent_found += 1;
            }
            if over.iter().any(|t| t.value == g.value) {
                sc.value_correct += 1;
            } else {
                let got = over
                    .iter()
                    .map(|t| t.value.as_str())
                    .collect::<Vec<_>>()
                    .join("|");
                let sent = doc
                    .sentence_at(g.span.start)
                    .and_then(|i| doc.sentences.get(i))
                    .map(|s| doc.slice(s.span).to_owned())
                    .unwrap_or_default();
                sc.errors.push((g.text.clone(), g.value.clone(), got, sent));
            }
        }
        let judged = doc.times.iter().filter(|t| t.span.end <= annotated_end);
        for t in judged.filter(|t| kind_of_value(&t.value) == TimexKind::Date) {
            sc.predicted_dates += 1;
            if gold.iter().any(|g| g.span.overlaps(t.span)) {
                sc.predicted_overlapping += 1;
            } else {
                sc.spurious.push((t.text.clone(), t.value.clone()));
            }
            if gold
                .iter()
                .any(|g| g.kind == "DATE" && g.value == t.value && g.span.overlaps(t.span))
            {
                sc.predicted_correct += 1;
            }
        }
    }
    Ok(sc)
}

fn collect_xml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            collect_xml(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "xml") {
            out.push(p);
        }
    }
    Ok(())
}
