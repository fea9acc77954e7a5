//! Reading CoNLL-U (Universal Dependencies) into [`Doc`]s and writing them back.
//!
//! Used to train and evaluate the linguistic models on treebanks, to build
//! test documents with a known parse, and by `annals parse --conllu`.

use crate::{Doc, Document, Sentence, Span, Token, Upos};

/// One sentence of a CoNLL-U file with its gold annotation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConlluSentence {
    /// `# sent_id`, when present.
    pub id: Option<String>,
    /// `# text`, when present.
    pub text: Option<String>,
    /// Syntactic words (multiword-token ranges and empty nodes are skipped).
    pub words: Vec<ConlluWord>,
    /// 1-based line number of the sentence's first line, for messages.
    pub line: usize,
}

/// One syntactic word (a CoNLL-U line with an integer ID).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConlluWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 = root, else the 1-based ID of the head.
    pub head: usize,
    pub deprel: String,
    pub misc: String,
}

impl ConlluWord {
    /// A `Key=Value` entry of the MISC column.
    pub fn misc_value(&self, key: &str) -> Option<&str> {
        self.misc
            .split('|')
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
    }
}

/// Malformed CoNLL-U input.
#[derive(Debug, thiserror::Error)]
#[error("CoNLL-U line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// Parse a whole CoNLL-U text.
pub fn parse(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur = ConlluSentence::default();
            }
            continue;
        }
        if cur.line == 0 {
            cur.line = line_no;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("sent_id") {
                cur.id = Some(v.trim_start_matches([' ', '=']).trim().to_owned());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_owned());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: line_no,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let _id: usize = cols[0].parse().map_err(|_| ConlluError {
            line: line_no,
            message: format!("ID {:?} is not a number", cols[0]),
        })?;
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| ConlluError {
                line: line_no,
                message: format!("HEAD {:?} is not a number", cols[6]),
            })?
        };
        cur.words.push(ConlluWord {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            feats: cols[5].to_owned(),
            head,
            deprel: cols[7].to_owned(),
            misc: cols[9].to_owned(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Build a [`Doc`] whose text is the sentences' words joined by spaces (one
/// sentence per line) and whose tokens carry the gold annotation. Heads are
/// converted to 0-based within-sentence indices.
pub fn to_doc(id: &str, sentences: &[ConlluSentence]) -> Doc {
    let mut text = String::new();
    let mut doc = Doc::default();
    for s in sentences {
        let first_tok = doc.tokens.len();
        let start = text.len();
        for (j, w) in s.words.iter().enumerate() {
            if j > 0 {
                text.push(' ');
            }
            let a = text.len();
            text.push_str(&w.form);
            doc.tokens.push(Token {
                span: Span::new(a, text.len()),
                text: w.form.clone(),
                upos: w.upos.parse().unwrap_or_default(),
                xpos: w.xpos.clone(),
                lemma: w.lemma.clone(),
                head: w.head.checked_sub(1),
                deprel: w.deprel.clone(),
                space_after: j + 1 < s.words.len(),
            });
        }
        doc.sentences.push(Sentence {
            span: Span::new(start, text.len()),
            tokens: first_tok..doc.tokens.len(),
        });
        text.push('\n');
    }
    doc.document = Document::new(id, text);
    doc
}

/// Write sentence `i` of `doc` as CoNLL-U lines (ID..MISC), with `misc(tok)`
/// supplying extra MISC entries per token (e.g. `NER=B-PER`).
pub fn write_sentence(
    doc: &Doc,
    i: usize,
    out: &mut String,
    misc: &dyn Fn(usize) -> Option<String>,
) {
    let Some(s) = doc.sentences.get(i) else {
        return;
    };
    out.push_str(&format!(
        "# text = {}\n",
        doc.slice(s.span).replace('\n', " ")
    ));
    for (j, t) in doc.sentence_tokens(i).iter().enumerate() {
        let head = t.head.map(|h| h + 1).unwrap_or(0);
        let mut m: Vec<String> = Vec::new();
        if !t.space_after {
            m.push("SpaceAfter=No".into());
        }
        if let Some(x) = misc(s.tokens.start + j) {
            m.push(x);
        }
        let upos = if t.upos == Upos::X && t.xpos.is_empty() {
            "_"
        } else {
            t.upos.as_str()
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}\n",
            j + 1,
            t.text,
            if t.lemma.is_empty() { "_" } else { &t.lemma },
            upos,
            if t.xpos.is_empty() { "_" } else { &t.xpos },
            head,
            if t.deprel.is_empty() { "_" } else { &t.deprel },
            if m.is_empty() {
                "_".to_string()
            } else {
                m.join("|")
            },
        ));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = Police fired gas.\n1\tPolice\tpolice\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n2\tfired\tfire\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tgas\tgas\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_heads() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id.as_deref(), Some("s1"));
        assert_eq!(s[0].words[1].lemma, "fire");
        assert_eq!(s[0].words[0].head, 2);
        assert_eq!(s[0].words[2].misc_value("SpaceAfter"), Some("No"));
        let doc = to_doc("d", &s);
        assert_eq!(doc.tokens[0].head, Some(1));
        assert_eq!(doc.tokens[1].head, None);
        assert_eq!(doc.slice(doc.tokens[1].span), "fired");
        assert_eq!(doc.tokens[1].upos, Upos::Verb);
    }

    #[test]
    fn malformed_line_names_line() {
        let err = parse("1\tPolice\tpolice\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.to_string().contains("10 tab-separated"));
    }
}
