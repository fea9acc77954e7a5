//! PETRARCH's unit-test records (`PETR.UnitTest.records.xml`): reading them and
//! scoring a coder on them.
//!
//! Each `<Sentence date id category>` holds a `<Text>` and the expected
//! `<EventCoding sourcecode eventcode targetcode>` triples (`noevents` = none
//! expected; `error=` = the record should be rejected, so none either). The
//! `<Environment>` block names the dictionaries, relative to the records file;
//! `<Config option value>` elements between records change the
//! [`CodingOptions`] of the records after them. `<Parse>` (a CoreNLP tree) is
//! ignored: annals uses its own parse.
//!
//! [`coder_for`] builds the coder the environment names, [`run`] codes and
//! scores every record ([`code_record`] one, keeping its Doc for
//! [`describe`]), [`report`] writes the per-category table.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{syntax, PetrarchError};
use crate::options::CodingOptions;
use crate::PetrarchCoder;

/// One expected (or produced) coding: source, event, target.
pub type Triple = (String, String, String);

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub category: String,
    /// `date` attribute as written (`YYYYMMDD`).
    pub date: String,
    pub text: String,
    pub expected: Vec<Triple>,
    /// `error="..."` on the coding: the record should yield nothing.
    pub expected_error: Option<String>,
    /// Line of the `<Sentence>` tag.
    pub line: usize,
    /// The options in force for this record (`<Config>` elements before it).
    pub options: CodingOptions,
    /// Why the record's input is malformed (a `<Parse>` whose brackets do not
    /// balance): PETRARCH rejects such records, and so does [`run`], although
    /// annals parses the text itself.
    pub input_error: Option<String>,
}

/// Why a bracketed parse tree is malformed, if it is.
fn unbalanced(tree: &str) -> Option<String> {
    let mut depth = 0usize;
    for (k, c) in tree.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(format!("<Parse>: unmatched `)` at character {k}")),
            ')' => depth -= 1,
            _ => {}
        }
    }
    (depth > 0).then(|| format!("<Parse>: {depth} unclosed `(`"))
}

/// The file's `<Environment>`: dictionary paths resolved against its folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbs: Option<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Vec<PathBuf>,
    pub discards: Option<PathBuf>,
}

/// A records file: environment and records.
#[derive(Debug, Clone, Default)]
pub struct RecordsFile {
    /// The file's name, as given to [`RecordsFile::parse`].
    pub name: String,
    pub environment: Environment,
    pub records: Vec<Record>,
}

/// Correct / missed / extra counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub records: usize,
    pub expected: usize,
    pub correct: usize,
    pub missed: usize,
    pub extra: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.records += o.records;
        self.expected += o.expected;
        self.correct += o.correct;
        self.missed += o.missed;
        self.extra += o.extra;
    }

    /// Share of expected codings produced.
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            0.0
        } else {
            self.correct as f64 / self.expected as f64
        }
    }

    /// Extra codings relative to the expected ones (PETRARCH's convention).
    pub fn extra_rate(&self) -> f64 {
        if self.expected == 0 {
            0.0
        } else {
            self.extra as f64 / self.expected as f64
        }
    }
}

/// Compare produced triples with expected ones (as multisets).
pub fn score(expected: &[Triple], produced: &[Triple]) -> Tally {
    let mut left: Vec<&Triple> = expected.iter().collect();
    let mut correct = 0;
    for p in produced {
        if let Some(k) = left.iter().position(|e| *e == p) {
            left.remove(k);
            correct += 1;
        }
    }
    Tally {
        records: 1,
        expected: expected.len(),
        correct,
        missed: expected.len() - correct,
        extra: produced.len() - correct,
    }
}

/// Per-category tallies, in category order, plus the total.
pub fn tally_by_category(results: &[(&Record, Tally)]) -> (BTreeMap<String, Tally>, Tally) {
    let mut by = BTreeMap::new();
    let mut total = Tally::default();
    for (r, t) in results {
        by.entry(r.category.clone())
            .or_insert_with(Tally::default)
            .add(t);
        total.add(t);
    }
    (by, total)
}

/// A minimal XML reader sufficient for the records format.
struct Xml<'a> {
    text: &'a str,
    pos: usize,
    file: &'a str,
}

enum Node<'a> {
    Open {
        name: &'a str,
        attrs: Vec<(String, String)>,
        self_closing: bool,
        at: usize,
    },
    Close {
        name: &'a str,
        at: usize,
    },
    Text(&'a str),
}

impl<'a> Xml<'a> {
    fn line_of(&self, at: usize) -> usize {
        self.text.get(..at).map_or(0, |t| t.matches('\n').count()) + 1
    }

    fn err(&self, at: usize, m: impl Into<String>) -> PetrarchError {
        let line = self.line_of(at);
        let col = self
            .text
            .get(..at)
            .map_or(0, |t| at - t.rfind('\n').map_or(0, |p| p + 1))
            + 1;
        syntax(self.file, line, format!("column {col}: {}", m.into()))
    }

    fn next(&mut self) -> Result<Option<Node<'a>>, PetrarchError> {
        let rest = match self.text.get(self.pos..) {
            Some(r) if !r.is_empty() => r,
            _ => return Ok(None),
        };
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            self.pos += end;
            return Ok(Some(Node::Text(rest.get(..end).unwrap_or(""))));
        }
        let at = self.pos;
        if rest.starts_with("<!--") {
            let end = rest
                .find("-->")
                .ok_or_else(|| self.err(at, "unterminated comment `<!--`"))?;
            self.pos += end + 3;
            return self.next();
        }
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let end = rest
                .find('>')
                .ok_or_else(|| self.err(at, "unterminated declaration"))?;
            self.pos += end + 1;
            return self.next();
        }
        // Find the tag's end, skipping quoted attribute values.
        let mut quote = None;
        let mut end = None;
        for (k, c) in rest.char_indices().skip(1) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '>') => {
                    end = Some(k);
                    break;
                }
                (None, '<') => return Err(self.err(at, "`<` inside a tag")),
                _ => {}
            }
        }
        let end = end.ok_or_else(|| self.err(at, "unterminated tag"))?;
        let inner = rest.get(1..end).unwrap_or("");
        self.pos += end + 1;
        if let Some(name) = inner.strip_prefix('/') {
            return Ok(Some(Node::Close {
                name: name.trim(),
                at,
            }));
        }
        let self_closing = inner.ends_with('/');
        let inner = inner.trim_end_matches('/');
        let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
        let name = inner.get(..name_end).unwrap_or("");
        if name.is_empty() {
            return Err(self.err(at, "tag without a name"));
        }
        let attrs = self.attributes(inner.get(name_end..).unwrap_or(""), at)?;
        Ok(Some(Node::Open {
            name,
            attrs,
            self_closing,
            at,
        }))
    }

    fn attributes(&self, mut s: &str, at: usize) -> Result<Vec<(String, String)>, PetrarchError> {
        let mut out = Vec::new();
        loop {
            s = s.trim_start();
            if s.is_empty() {
                return Ok(out);
            }
            let eq = s
                .find('=')
                .ok_or_else(|| self.err(at, format!("attribute without `=`: {s:?}")))?;
            let key = s.get(..eq).unwrap_or("").trim().to_owned();
            let v = s.get(eq + 1..).unwrap_or("").trim_start();
            let q = v.chars().next().filter(|c| *c == '"' || *c == '\'');
            let q =
                q.ok_or_else(|| self.err(at, format!("unquoted value for attribute {key:?}")))?;
            let body = v.get(1..).unwrap_or("");
            let close = body
                .find(q)
                .ok_or_else(|| self.err(at, format!("unterminated value for {key:?}")))?;
            out.push((key, unescape(body.get(..close).unwrap_or(""))));
            s = body.get(close + 1..).unwrap_or("");
        }
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn attr<'b>(attrs: &'b [(String, String)], key: &str) -> Option<&'b str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

impl RecordsFile {
    pub fn from_path(path: &Path) -> Result<Self, PetrarchError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
            file: name.clone(),
            source,
        })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Self::parse(&text, &name, dir)
    }

    /// Parse records text; dictionary names are resolved against `dir`.
    pub fn parse(text: &str, file: &str, dir: &Path) -> Result<Self, PetrarchError> {
        let mut xml = Xml { text, pos: 0, file };
        let mut out = RecordsFile {
            name: file.to_owned(),
            ..Default::default()
        };
        let mut stack: Vec<(&str, usize)> = Vec::new();
        let mut current: Option<Record> = None;
        let mut text_buf = String::new();
        // The records test PETRARCH's semantics: start from its defaults.
        let mut options = CodingOptions::petrarch();
        while let Some(node) = xml.next()? {
            match node {
                Node::Open {
                    name,
                    attrs,
                    self_closing,
                    at,
                } => {
                    match name {
                        "Sentence" => {
                            if current.is_some() {
                                return Err(xml.err(at, "<Sentence> inside <Sentence>"));
                            }
                            current = Some(Record {
                                id: attr(&attrs, "id").unwrap_or("").to_owned(),
                                category: attr(&attrs, "category").unwrap_or("").to_owned(),
                                date: attr(&attrs, "date").unwrap_or("").to_owned(),
                                text: String::new(),
                                expected: Vec::new(),
                                expected_error: None,
                                line: xml.line_of(at),
                                options: options.clone(),
                                input_error: None,
                            });
                        }
                        "EventCoding" => {
                            let rec = current
                                .as_mut()
                                .ok_or_else(|| xml.err(at, "<EventCoding> outside <Sentence>"))?;
                            if let Some(e) = attr(&attrs, "error") {
                                rec.expected_error = Some(e.to_owned());
                            } else if attr(&attrs, "noevents").is_none() {
                                let get = |k: &str| {
                                    attr(&attrs, k).map(str::to_owned).ok_or_else(|| {
                                        xml.err(at, format!("<EventCoding> without {k}"))
                                    })
                                };
                                rec.expected.push((
                                    get("sourcecode")?,
                                    get("eventcode")?,
                                    get("targetcode")?,
                                ));
                            }
                        }
                        "Config" => {
                            let option = attr(&attrs, "option")
                                .ok_or_else(|| xml.err(at, "<Config> without option"))?;
                            let value = attr(&attrs, "value")
                                .ok_or_else(|| xml.err(at, "<Config> without value"))?;
                            options.set(option, value).map_err(|m| xml.err(at, m))?;
                        }
                        _ => {}
                    }
                    text_buf.clear();
                    if !self_closing {
                        stack.push((name, at));
                    }
                }
                Node::Text(t) => text_buf.push_str(t),
                Node::Close { name, at } => {
                    let Some((open, _)) = stack.pop() else {
                        return Err(xml.err(at, format!("</{name}> without an opening tag")));
                    };
                    if open != name {
                        return Err(xml.err(at, format!("</{name}> closes <{open}>")));
                    }
                    let content =
                        unescape(&text_buf.split_whitespace().collect::<Vec<_>>().join(" "));
                    text_buf.clear();
                    let resolve = |n: &str| dir.join(n);
                    match name {
                        "Text" => {
                            if let Some(r) = current.as_mut() {
                                r.text = content;
                            }
                        }
                        "Parse" => {
                            if let Some(r) = current.as_mut() {
                                r.input_error = unbalanced(&content);
                            }
                        }
                        "Sentence" => {
                            let r = current
                                .take()
                                .ok_or_else(|| xml.err(at, "</Sentence> without <Sentence>"))?;
                            if r.text.is_empty() {
                                return Err(syntax(
                                    file,
                                    r.line,
                                    format!("record {} has no <Text>", r.id),
                                ));
                            }
                            out.records.push(r);
                        }
                        "Verbfile" => out.environment.verbs = Some(resolve(&content)),
                        "Actorfile" => out.environment.actors.extend(
                            content
                                .split([',', ' '])
                                .filter(|s| !s.is_empty())
                                .map(resolve),
                        ),
                        "Agentfile" => out.environment.agents.extend(
                            content
                                .split([',', ' '])
                                .filter(|s| !s.is_empty())
                                .map(resolve),
                        ),
                        "Discardfile" => out.environment.discards = Some(resolve(&content)),
                        _ => {}
                    }
                }
            }
        }
        if let Some((name, at)) = stack.pop() {
            return Err(xml.err(at, format!("<{name}> is never closed")));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<!-- header -->
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A.txt</Actorfile>
</Environment>
<Sentences>
<Sentence date="20010101" id="T-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="GON" eventcode="223"></EventCoding>
<Text>
Arnor restored ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="20010101" id="T-2" category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn reads_environment_and_records() {
        let f = RecordsFile::parse(SAMPLE, "r.xml", Path::new("/d")).unwrap();
        assert_eq!(f.environment.verbs, Some(PathBuf::from("/d/V.txt")));
        assert_eq!(f.records.len(), 2);
        assert_eq!(f.records[0].text, "Arnor restored ties with Gondor.");
        assert_eq!(f.records[0].expected[1].0, "\"INJURY TOLL\"");
        assert!(f.records[1].expected.is_empty());
        assert_eq!(f.records[0].input_error, None);
        let bad = SAMPLE.replace("(NNP Arnor))))", "(NNP Arnor)))");
        let f = RecordsFile::parse(&bad, "r.xml", Path::new("/d")).unwrap();
        assert!(f.records[0].input_error.is_some());
        // `<Config>` applies to the records after it.
        assert!(f.records[0].options.require_dyad);
        assert!(!f.records[1].options.require_dyad);
        let bad = SAMPLE.replace("value=\"False\"", "value=\"maybe\"");
        let err = RecordsFile::parse(&bad, "r.xml", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("r.xml:17:") && err.contains("maybe"),
            "{err}"
        );
    }

    #[test]
    fn malformed_xml_names_the_position() {
        let bad = SAMPLE.replace("</Text>\n<Parse>", "</Txt>\n<Parse>");
        let err = RecordsFile::parse(&bad, "r.xml", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("r.xml:14:"), "{err}");
        let err = RecordsFile::parse("<A>\n<B x=\"1></A>", "r.xml", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(err.contains("r.xml:2"), "{err}");
    }

    #[test]
    fn scoring_counts_multisets() {
        let t = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
        let s = score(
            &[t("A", "1", "B"), t("A", "1", "B")],
            &[t("A", "1", "B"), t("B", "2", "A")],
        );
        assert_eq!((s.correct, s.missed, s.extra), (1, 1, 1));
    }
}

/// The outcome of coding one record.
#[derive(Debug, Clone)]
pub struct RecordResult {
    pub produced: Vec<Triple>,
    pub tally: Tally,
}

/// Code every record with `coder` after `prepare` (tokenize, tag, parse) and
/// score it. Returns one result per record, in file order.
pub fn run(
    file: &RecordsFile,
    coder: &PetrarchCoder,
    prepare: &dyn Fn(&mut annals_core::Doc),
) -> Vec<RecordResult> {
    file.records
        .iter()
        .map(|r| code_record(r, coder, prepare).1)
        .collect()
}

/// Code and score one record; the coded Doc comes back too, for [`describe`].
/// A record whose input is malformed ([`Record::input_error`]) is not coded.
pub fn code_record(
    r: &Record,
    coder: &PetrarchCoder,
    prepare: &dyn Fn(&mut annals_core::Doc),
) -> (annals_core::Doc, RecordResult) {
    let mut document = annals_core::Document::new(r.id.clone(), r.text.clone());
    document.date = chrono::NaiveDate::parse_from_str(&r.date, "%Y%m%d").ok();
    let mut doc = annals_core::Doc::new(document);
    if r.input_error.is_none() {
        prepare(&mut doc);
        coder.code_with(&mut doc, &r.options);
    }
    let code_of = |a: Option<&annals_core::EventArg>| {
        a.and_then(|a| doc.actors.get(a.actor))
            .map(|m| m.code.code.clone())
            .unwrap_or_else(|| "---".into())
    };
    let produced: Vec<Triple> = doc
        .events
        .iter()
        .map(|e| {
            (
                code_of(e.source.as_ref()),
                e.cameo.clone(),
                code_of(e.target.as_ref()),
            )
        })
        .collect();
    let tally = score(&r.expected, &produced);
    (doc, RecordResult { produced, tally })
}

/// What the coder saw and did: one line per token (index in the sentence,
/// form, lemma, UPOS, XPOS, head, relation), then the actors (token range,
/// code, rule) and the events (code, source, target, dictionary line).
pub fn describe(doc: &annals_core::Doc) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for s in 0..doc.sentences.len() {
        for (i, t) in doc.sentence_tokens(s).iter().enumerate() {
            let head = t.head.map_or("-".to_owned(), |h| h.to_string());
            let _ = writeln!(
                out,
                "  {i}\t{}\t{}\t{:?}\t{}\t{head}\t{}",
                t.text, t.lemma, t.upos, t.xpos, t.deprel
            );
        }
    }
    for a in &doc.actors {
        let _ = writeln!(
            out,
            "  actor {}..{} {} ({})",
            a.tokens.start, a.tokens.end, a.code.code, a.rule
        );
    }
    let code = |a: &Option<annals_core::EventArg>| {
        a.as_ref()
            .and_then(|a| doc.actors.get(a.actor))
            .map_or("---", |m| m.code.code.as_str())
    };
    for e in &doc.events {
        let _ = writeln!(
            out,
            "  event {} {} -> {} ({})",
            e.cameo,
            code(&e.source),
            code(&e.target),
            e.rule
        );
    }
    out
}

/// The coder the file's `<Environment>` names (`verbs` overrides its `<Verbfile>`).
pub fn coder_for(file: &RecordsFile, verbs: Option<&Path>) -> Result<PetrarchCoder, PetrarchError> {
    let env = &file.environment;
    let verbs = verbs
        .or(env.verbs.as_deref())
        .ok_or_else(|| PetrarchError::Missing {
            file: file.name.clone(),
            message: "no <Verbfile> in <Environment>".into(),
        })?;
    let actors: Vec<&Path> = env.actors.iter().map(PathBuf::as_path).collect();
    let agents: Vec<&Path> = env.agents.iter().map(PathBuf::as_path).collect();
    PetrarchCoder::from_files(verbs, &actors, &agents, env.discards.as_deref())
}

/// The scoring table: one row per category and a total, then the overall
/// rates; with `verbose`, first every record not coded exactly as expected.
pub fn report(file: &RecordsFile, results: &[RecordResult], verbose: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if verbose {
        for (r, res) in file.records.iter().zip(results) {
            if res.tally.missed + res.tally.extra > 0 {
                let _ = writeln!(out, "{} [{}] {}", r.id, r.category, r.text);
                if let Some(e) = &r.input_error {
                    let _ = writeln!(out, "  rejected: {e}");
                }
                let _ = writeln!(
                    out,
                    "  expected {:?}\n  produced {:?}",
                    r.expected, res.produced
                );
            }
        }
    }
    let pairs: Vec<_> = file
        .records
        .iter()
        .zip(results.iter().map(|r| r.tally))
        .collect();
    let (by, total) = tally_by_category(&pairs);
    let _ = writeln!(
        out,
        "{:<10} {:>7} {:>8} {:>7} {:>6} {:>6}",
        "category", "records", "expected", "correct", "missed", "extra"
    );
    let total_name = "TOTAL".to_owned();
    for (c, t) in by.iter().chain(std::iter::once((&total_name, &total))) {
        let _ = writeln!(
            out,
            "{:<10} {:>7} {:>8} {:>7} {:>6} {:>6}",
            c, t.records, t.expected, t.correct, t.missed, t.extra
        );
    }
    let _ = writeln!(
        out,
        "correct: {:.1}% of expected codings; extra: {:.1}% of expected",
        100.0 * total.recall(),
        100.0 * total.extra_rate()
    );
    out
}
