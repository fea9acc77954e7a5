//! Reading the training corpora (in `../shared/corpora`) and retraining the
//! models. Deterministic for a given seed. Used by `annals train`.

use std::path::{Path, PathBuf};

use annals_core::conllu;

use crate::{Lemmatizer, NlpError, TaggedSentence, Tagger};

/// Read a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, NlpError> {
    std::fs::read_to_string(path).map_err(|e| NlpError::io(path, e))
}

/// Read a CoNLL-U file as gold-tagged sentences.
pub fn read_tagged(path: &Path) -> Result<Vec<TaggedSentence>, NlpError> {
    let text = read_text(path)?;
    let sents = conllu::parse(&text).map_err(|e| NlpError::BadData {
        path: path.display().to_string(),
        line: e.line,
        message: e.message,
    })?;
    Ok(sents
        .into_iter()
        .map(|s| TaggedSentence {
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            upos: s
                .words
                .iter()
                .map(|w| w.upos.parse().unwrap_or_default())
                .collect(),
            xpos: s.words.iter().map(|w| w.xpos.clone()).collect(),
            lemmas: s.words.iter().map(|w| w.lemma.clone()).collect(),
        })
        .collect())
}

/// Paths of the corpora inside the shared corpora directory.
pub struct Corpora {
    pub root: PathBuf,
}

impl Corpora {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Corpora { root: root.into() }
    }
    pub fn ewt(&self, split: &str) -> PathBuf {
        self.root
            .join(format!("ud_english_ewt/en_ewt-ud-{split}.conllu"))
    }
    pub fn gum(&self, split: &str) -> PathBuf {
        self.root
            .join(format!("gum_permissive/gum_permissive-{split}.conllu"))
    }
    pub fn pud(&self) -> PathBuf {
        self.root.join("ud_english_pud/en_pud-ud-test.conllu")
    }
    pub fn uner_ewt(&self, split: &str) -> PathBuf {
        self.root
            .join(format!("uner_english_ewt/en_ewt-ud-{split}.iob2"))
    }
    pub fn uner_pud(&self) -> PathBuf {
        self.root.join("uner_english_pud/en_pud-ud-test.iob2")
    }
    pub fn meantime(&self) -> PathBuf {
        self.root
            .join("meantime_english/intra_cross-doc_annotation")
    }
    pub fn re3d(&self) -> PathBuf {
        self.root.join("re3d_permissive")
    }
}

/// Options for [`train_tagger`].
#[derive(Debug, Clone)]
pub struct TaggerOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Use at most this many training sentences (for quick tests).
    pub max_sentences: Option<usize>,
    /// Also train on GUM (same annotation scheme as EWT, more genres).
    pub use_gum: bool,
    /// Averaged weights with magnitude at most this are dropped (smaller, faster model).
    pub prune: f32,
    /// Use the word-class lexicon (`data/wordnet_pos.tsv`) for words the
    /// training data barely knows.
    pub lexicon: bool,
    /// Perceptrons trained on different orders and averaged into the model.
    pub ensemble: usize,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 8,
            seed: 42,
            max_sentences: None,
            use_gum: true,
            prune: 1.0,
            lexicon: true,
            ensemble: crate::tagger::ENSEMBLE,
        }
    }
}

/// Train the tagger and lemmatizer on EWT train + GUM train.
pub fn train_tagger(corpora: &Corpora, opts: &TaggerOptions) -> Result<Tagger, NlpError> {
    let mut sents = read_tagged(&corpora.ewt("train"))?;
    let gum = corpora.gum("train");
    if opts.use_gum && gum.exists() {
        sents.extend(read_tagged(&gum)?);
    }
    if let Some(n) = opts.max_sentences {
        sents.truncate(n);
    }
    Ok(train_tagger_on(&sents, opts))
}

/// Train the tagger and lemmatizer on the given sentences.
pub fn train_tagger_on(sents: &[TaggedSentence], opts: &TaggerOptions) -> Tagger {
    let lemmatizer = Lemmatizer::train(sents.iter().flat_map(|s| {
        s.words
            .iter()
            .zip(&s.upos)
            .zip(&s.xpos)
            .zip(&s.lemmas)
            .map(|(((w, u), x), l)| (w.as_str(), *u, x.as_str(), l.as_str()))
    }));
    Tagger::train_with(
        sents,
        opts.epochs,
        opts.seed,
        opts.prune,
        lemmatizer,
        opts.ensemble,
        opts.lexicon,
    )
}

/// The text of `data/wordnet_pos.tsv`, the tagger's word-class lexicon,
/// from a WordNet 3.0 database directory (Debian's `wordnet-base` package
/// installs it in `/usr/share/wordnet`; example `build_pos_lexicon`).
pub fn build_pos_lexicon(wordnet_dir: &Path) -> Result<String, NlpError> {
    crate::tagger::lexicon::build_from_wordnet(wordnet_dir)
}

/// One sentence of an IOB2 file: (sentence id, words, tags).
#[derive(Debug, Clone, Default)]
pub struct Iob2Sentence {
    pub id: Option<String>,
    /// The document (`# newdoc id`) the sentence belongs to, when known.
    pub doc: Option<String>,
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Read a Universal NER IOB2 file (`index TAB token TAB tag ...`, `#` comments).
pub fn read_iob2(path: &Path) -> Result<Vec<Iob2Sentence>, NlpError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    let mut cur = Iob2Sentence::default();
    let mut doc: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                cur.doc.clone_from(&doc);
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(v) = c.trim().strip_prefix("sent_id") {
                cur.id = Some(v.trim_start_matches([' ', '=']).trim().to_owned());
            } else if let Some(v) = c.trim().strip_prefix("newdoc id") {
                doc = Some(v.trim_start_matches([' ', '=']).trim().to_owned());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(word), Some(tag)) = (cols.get(1), cols.get(2)) else {
            return Err(NlpError::BadData {
                path: path.display().to_string(),
                line: i + 1,
                message: "expected at least 3 tab-separated columns".into(),
            });
        };
        cur.words.push((*word).to_owned());
        cur.tags.push((*tag).to_owned());
    }
    if !cur.words.is_empty() {
        cur.doc = doc;
        out.push(cur);
    }
    Ok(out)
}

/// Convert GUM's `Entity=` annotation to flat PER/ORG/LOC BIO tags: named
/// person/place/organization mentions (with a Wikipedia identity, or made of
/// proper nouns), trimmed to their name (leading determiners and anything
/// from the first comma dropped), outermost first.
pub fn read_gum_entities(path: &Path) -> Result<Vec<Iob2Sentence>, NlpError> {
    let text = read_text(path)?;
    let sents = conllu::parse(&text).map_err(|e| NlpError::BadData {
        path: path.display().to_string(),
        line: e.line,
        message: e.message,
    })?;
    let mut out = Vec::with_capacity(sents.len());
    let gazetteer = crate::gazetteer::Gazetteer::embedded();
    for s in &sents {
        // (start, end exclusive, type, has identity)
        let mut open: Vec<(String, usize, String, bool)> = Vec::new();
        let mut mentions: Vec<(usize, usize, String, bool)> = Vec::new();
        for (k, w) in s.words.iter().enumerate() {
            let Some(ent) = w.misc_value("Entity") else {
                continue;
            };
            let b = ent.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'(' {
                    let j = (i + 1..b.len())
                        .find(|&j| b[j] == b'(' || b[j] == b')')
                        .unwrap_or(b.len());
                    let spec = &ent[i + 1..j];
                    let parts: Vec<&str> = spec.splitn(8, '-').collect();
                    let id = parts.first().copied().unwrap_or("").to_owned();
                    let ty = parts.get(1).copied().unwrap_or("").to_owned();
                    let identity = parts.len() == 8;
                    if j < b.len() && b[j] == b')' {
                        mentions.push((k, k + 1, ty, identity));
                        i = j + 1;
                    } else {
                        open.push((id, k, ty, identity));
                        i = j;
                    }
                } else if b[i].is_ascii_digit() {
                    let j = (i..b.len())
                        .find(|&j| !b[j].is_ascii_digit())
                        .unwrap_or(b.len());
                    let id = &ent[i..j];
                    if let Some(p) = open.iter().rposition(|o| o.0 == id) {
                        let (_, start, ty, identity) = open.remove(p);
                        mentions.push((start, k + 1, ty, identity));
                    }
                    i = j + 1;
                } else {
                    i += 1;
                }
            }
        }
        let mut named: Vec<(usize, usize, &'static str)> = Vec::new();
        for (start, end, ty, identity) in &mentions {
            let label = match ty.as_str() {
                "person" => "PER",
                "place" => "LOC",
                "organization" => "ORG",
                _ => continue,
            };
            let words = &s.words[*start..*end];
            let _ = identity;
            if let Some((a, e)) = gum_name(words, label == "PER") {
                let name = &words[a..e];
                let label = match name_kind(&gazetteer, name) {
                    // GUM marks groups of people as persons (`Americans`,
                    // `the Olmec`); Universal NER leaves such groups out.
                    NameKind::Group if label == "PER" => continue,
                    // Countries and cities acting as states are GUM
                    // organizations; Universal NER calls them locations.
                    NameKind::Place if label == "ORG" => "LOC",
                    _ => label,
                };
                named.push((start + a, start + e, label));
            }
        }
        // Coordinations (`Poland and Sweden`) give way to their conjuncts.
        let coordinated: Vec<bool> = named
            .iter()
            .map(|&(a, e, _)| {
                let has_conj = s.words[a..e].iter().any(|w| w.upos == "CCONJ");
                let inner = named
                    .iter()
                    .filter(|&&(x, y, _)| a <= x && y <= e && (x, y) != (a, e))
                    .count();
                has_conj && inner >= 2
            })
            .collect();
        let mut named: Vec<(usize, usize, &'static str)> = named
            .into_iter()
            .zip(coordinated)
            .filter(|(_, c)| !c)
            .map(|(n, _)| n)
            .collect();
        // Outermost first: longer spans win, nested and overlapping ones are dropped.
        named.sort_by_key(|&(a, e, _)| (std::cmp::Reverse(e - a), a));
        let mut tags = vec!["O".to_string(); s.words.len()];
        let mut taken = vec![false; s.words.len()];
        for (a, e, label) in named {
            if taken[a..e].iter().any(|&t| t) {
                continue;
            }
            for (k, t) in tags.iter_mut().enumerate().take(e).skip(a) {
                *t = format!("{}-{label}", if k == a { "B" } else { "I" });
                taken[k] = true;
            }
        }
        out.push(Iob2Sentence {
            id: s.id.clone(),
            // GUM sentence ids are `DOCNAME-N`.
            doc: s
                .id
                .as_deref()
                .and_then(|id| id.rsplit_once('-'))
                .map(|(d, _)| d.to_owned()),
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            tags,
        });
    }
    Ok(out)
}

enum NameKind {
    Place,
    Group,
    Other,
}

/// Whether a name is one place-list entry (`South Korea`), a group of people
/// (a plural proper noun, or a nationality: `Americans`), or anything else.
fn name_kind(gazetteer: &crate::gazetteer::Gazetteer, name: &[conllu::ConlluWord]) -> NameKind {
    use crate::gazetteer::{CITY, CONTINENT, COUNTRY, DEMONYM, REGION};
    let lowers: Vec<u64> = name
        .iter()
        .map(|w| crate::features::Lex::lower_hash(&w.form))
        .collect();
    let m = gazetteer.matches(&lowers);
    let one_entry = m.first().is_some_and(|g| g.begin)
        && m.iter().skip(1).all(|g| !g.begin && g.kinds == m[0].kinds);
    let kinds = if one_entry { m[0].kinds } else { 0 };
    if kinds & (COUNTRY | REGION | CITY | CONTINENT) != 0 {
        NameKind::Place
    } else if kinds & DEMONYM != 0 || name.last().is_some_and(|w| w.xpos == "NNPS") {
        NameKind::Group
    } else {
        NameKind::Other
    }
}

/// The name inside a GUM mention (`Democratic Party nominee Terry McAuliffe`
/// → `Terry McAuliffe`), as a range of `words`; `None` for pronouns and
/// common-noun descriptions.
fn gum_name(words: &[conllu::ConlluWord], person: bool) -> Option<(usize, usize)> {
    let forms: Vec<&str> = words.iter().map(|w| w.form.as_str()).collect();
    let name_like = |w: &conllu::ConlluWord| {
        matches!(
            w.upos.as_str(),
            "PROPN" | "NUM" | "ADP" | "DET" | "CCONJ" | "PUNCT" | "PART"
        ) || (matches!(w.upos.as_str(), "ADJ" | "NOUN" | "VERB")
            && w.form.chars().next().is_some_and(char::is_uppercase))
    };
    let whole = trim_name(&forms, person).map(|(mut a, e)| {
        // `London 's Webber Douglas Academy`: the name is after the possessive.
        if let Some(p) = forms[a..e]
            .iter()
            .rposition(|f| *f == "'s" || *f == "’s" || *f == "'")
        {
            if a + p + 1 < e {
                a += p + 1;
            }
        }
        (a, e)
    });
    if let Some((a, e)) = whole {
        let core = &words[a..e];
        if core.iter().any(|w| w.upos == "PROPN") && core.iter().all(name_like) {
            return Some((a, e));
        }
    }
    // Otherwise the trailing run of proper nouns, when the mention ends with one.
    let cut = forms
        .iter()
        .position(|f| matches!(*f, "," | "(" | ";" | ":"))
        .unwrap_or(forms.len());
    let mut a = cut;
    while a > 0 && (words[a - 1].upos == "PROPN" || (forms[a - 1] == "-" && a < cut)) {
        a -= 1;
    }
    if a == cut || a == 0 {
        return None;
    }
    let (ta, te) = trim_name(&forms[a..cut], person)?;
    Some((a + ta, a + te))
}

/// Words allowed inside a multi-word name in lowercase.
fn is_name_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "and"
            | "&"
            | "de"
            | "for"
            | "the"
            | "-"
            | "du"
            | "la"
            | "al"
            | "von"
            | "van"
            | "der"
            | "on"
            | "'s"
            | "’s"
            | "."
            | "'"
    )
}

/// Trim a mention to its name: skip leading determiners and (for persons)
/// titles, stop at a comma or parenthesis, drop trailing connectors. `None`
/// when what is left is not a capitalized name.
pub fn trim_name(forms: &[&str], person: bool) -> Option<(usize, usize)> {
    let titles = crate::gazetteer::Gazetteer::titles();
    let mut a = 0;
    while a < forms.len() {
        let f = forms[a];
        let lower = f.to_lowercase();
        let skip = matches!(
            lower.as_str(),
            "the" | "a" | "an" | "this" | "that" | "these" | "those" | "\"" | "“" | "'"
        ) || (person && titles.contains(&f));
        if !skip {
            break;
        }
        a += 1;
    }
    let mut e = forms[a.min(forms.len())..]
        .iter()
        .position(|f| matches!(*f, "," | "(" | ")" | ";" | ":" | "\"" | "“" | "”"))
        .map_or(forms.len(), |k| a + k);
    while e > a && (is_name_connector(forms[e - 1]) && forms[e - 1] != ".") {
        e -= 1;
    }
    if e <= a {
        return None;
    }
    let core = &forms[a..e];
    let first_cap = core
        .first()
        .and_then(|f| f.chars().next())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let all_named = core
        .iter()
        .all(|f| is_name_connector(f) || f.chars().next().is_some_and(|c| !c.is_lowercase()));
    (first_cap && all_named).then_some((a, e))
}

/// Read MEANTIME's CAT XML files (one folder per topic): named (`NAM`) entity
/// mentions whose linked entity is PER, ORG or LOC become BIO tags.
pub fn read_meantime(dir: &Path) -> Result<Vec<Iob2Sentence>, NlpError> {
    let mut files = Vec::new();
    let topics = std::fs::read_dir(dir).map_err(|e| NlpError::io(dir, e))?;
    for t in topics.flatten() {
        if let Ok(rd) = std::fs::read_dir(t.path()) {
            for f in rd.flatten() {
                if f.path().extension().is_some_and(|x| x == "xml") {
                    files.push(f.path());
                }
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        out.extend(meantime_doc(&read_text(&f)?));
    }
    Ok(out)
}

/// Value of XML attribute `name` in the text of a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pat = format!("{name}=\"");
    let mut from = 0;
    while let Some(k) = tag.get(from..)?.find(&pat) {
        let at = from + k;
        let boundary = at == 0
            || tag
                .as_bytes()
                .get(at - 1)
                .is_some_and(|b| b.is_ascii_whitespace());
        if boundary {
            let i = at + pat.len();
            let j = tag.get(i..)?.find('"')? + i;
            return tag.get(i..j);
        }
        from = at + pat.len();
    }
    None
}

fn unescape_xml(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn meantime_doc(xml: &str) -> Vec<Iob2Sentence> {
    use std::collections::HashMap;
    // Tokens: t_id → (sentence, word).
    let mut tokens: Vec<(u32, String, String)> = Vec::new(); // (sentence, t_id, word)
    let mut rest = xml;
    while let Some(i) = rest.find("<token ") {
        let after = &rest[i..];
        let Some(gt) = after.find('>') else { break };
        let head = &after[..gt];
        let Some(end) = after.find("</token>") else {
            break;
        };
        let word = unescape_xml(&after[gt + 1..end]);
        let sent: u32 = attr(head, "sentence")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let tid = attr(head, "t_id").unwrap_or("").to_owned();
        tokens.push((sent, tid, word));
        rest = &after[end..];
    }
    // Entity types by m_id, mentions by m_id, and REFERS_TO links.
    let mut ent_type: HashMap<String, String> = HashMap::new();
    for part in xml.split("<ENTITY ").skip(1) {
        let head = part.split('>').next().unwrap_or("");
        if let (Some(m), Some(t)) = (attr(head, "m_id"), attr(head, "ent_type")) {
            ent_type.insert(m.to_owned(), t.to_owned());
        }
    }
    let mut mentions: HashMap<String, Vec<String>> = HashMap::new();
    for part in xml.split("<ENTITY_MENTION ").skip(1) {
        let head = part.split('>').next().unwrap_or("");
        if attr(head, "syntactic_type") != Some("NAM") {
            continue;
        }
        let Some(m) = attr(head, "m_id") else {
            continue;
        };
        let body = part.split("</ENTITY_MENTION>").next().unwrap_or("");
        let tids: Vec<String> = body
            .split("<token_anchor ")
            .skip(1)
            .filter_map(|a| attr(a, "t_id").map(str::to_owned))
            .collect();
        mentions.insert(m.to_owned(), tids);
    }
    let mut mention_type: HashMap<String, String> = HashMap::new();
    for part in xml.split("<REFERS_TO").skip(1) {
        let body = part.split("</REFERS_TO>").next().unwrap_or("");
        let target = body
            .split("<target ")
            .nth(1)
            .and_then(|t| attr(t, "m_id"))
            .and_then(|m| ent_type.get(m));
        let Some(ty) = target else { continue };
        for s in body.split("<source ").skip(1) {
            if let Some(m) = attr(s, "m_id") {
                mention_type.insert(m.to_owned(), ty.clone());
            }
        }
    }
    let pos_of: HashMap<&str, usize> = tokens
        .iter()
        .enumerate()
        .map(|(k, t)| (t.1.as_str(), k))
        .collect();
    let mut tags = vec!["O".to_string(); tokens.len()];
    for (m, tids) in &mentions {
        let label = match mention_type.get(m).map(String::as_str) {
            Some("PER") => "PER",
            Some("ORG") => "ORG",
            Some("LOC") => "LOC",
            _ => continue,
        };
        let mut idx: Vec<usize> = tids
            .iter()
            .filter_map(|t| pos_of.get(t.as_str()).copied())
            .collect();
        idx.sort_unstable();
        let (Some(&a0), Some(&e0)) = (idx.first(), idx.last()) else {
            continue;
        };
        if e0 - a0 + 1 != idx.len() {
            continue;
        }
        let forms: Vec<&str> = tokens[a0..=e0].iter().map(|t| t.2.as_str()).collect();
        let Some((ta, te)) = trim_name(&forms, label == "PER") else {
            continue;
        };
        let (a, e) = (a0 + ta, a0 + te - 1);
        if tags[a..=e].iter().any(|t| t != "O") {
            continue;
        }
        for (k, t) in tags.iter_mut().enumerate().take(e + 1).skip(a) {
            *t = format!("{}-{label}", if k == a { "B" } else { "I" });
        }
    }
    let mut out: Vec<Iob2Sentence> = Vec::new();
    let mut last_sent = u32::MAX;
    for ((sent, _, word), tag) in tokens.into_iter().zip(tags) {
        if sent != last_sent || out.is_empty() {
            out.push(Iob2Sentence::default());
            last_sent = sent;
        }
        if let Some(s) = out.last_mut() {
            s.words.push(word);
            s.tags.push(tag);
        }
    }
    out
}

/// Read re3d (`<source>/documents.json` and `entities.json`, one JSON object
/// per line, entity offsets in characters of the document text): Person,
/// Organisation and Location mentions that are names (trimmed as GUM's are;
/// descriptions such as `the victims' families` are dropped) become BIO tags
/// over a simple tokenization of the text, split into sentences.
pub fn read_re3d(dir: &Path) -> Result<Vec<Iob2Sentence>, NlpError> {
    use serde_json::Value;
    let mut sources: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| NlpError::io(dir, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("documents.json").exists())
        .collect();
    sources.sort();
    let gazetteer = crate::gazetteer::Gazetteer::embedded();
    let mut out = Vec::new();
    for src in sources {
        let parse_lines = |name: &str| -> Result<Vec<Value>, NlpError> {
            let p = src.join(name);
            let text = read_text(&p)?;
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| {
                    serde_json::from_str(l).map_err(|e| NlpError::BadData {
                        path: p.display().to_string(),
                        line: i + 1,
                        message: e.to_string(),
                    })
                })
                .collect()
        };
        let docs = parse_lines("documents.json")?;
        let ents = parse_lines("entities.json")?;
        for d in &docs {
            let (Some(id), Some(text)) = (
                d.get("_id").and_then(Value::as_str),
                d.get("text").and_then(Value::as_str),
            ) else {
                continue;
            };
            // Character offsets → byte offsets.
            let bytes: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect();
            let mentions: Vec<(usize, usize, &str)> = ents
                .iter()
                .filter(|e| e.get("documentId").and_then(Value::as_str) == Some(id))
                .filter_map(|e| {
                    let label = match e.get("type").and_then(Value::as_str)? {
                        "Person" => "PER",
                        "Organisation" => "ORG",
                        "Location" => "LOC",
                        _ => return None,
                    };
                    let b = *bytes.get(e.get("begin")?.as_u64()? as usize)?;
                    let x = *bytes.get(e.get("end")?.as_u64()? as usize)?;
                    Some((b, x, label))
                })
                .collect();
            out.extend(re3d_doc(text, &mentions, &gazetteer));
        }
    }
    Ok(out)
}

/// Tokens of `text` with their byte ranges: whitespace-separated chunks with
/// quotes, brackets and sentence punctuation split off (a final period stays
/// on abbreviations such as `U.S.` and `Inc.`), and `'s` split off.
fn simple_tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += chunk.len();
        let word = chunk.trim_end();
        let (mut a, mut e) = (start, start + word.len());
        let mut tail = Vec::new();
        while a < e {
            let w = &text[a..e];
            let Some(c) = w.chars().next() else { break };
            if "\"'(“‘[".contains(c) {
                out.push((a, a + c.len_utf8()));
                a += c.len_utf8();
                continue;
            }
            let Some(l) = w.chars().next_back() else {
                break;
            };
            let abbrev = l == '.' && {
                let stem = &w[..w.len() - 1];
                stem.contains('.') || (stem.len() <= 3 && stem.starts_with(char::is_uppercase))
            };
            if (",;:!?\")”’]".contains(l) || (l == '.' && !abbrev)) && e - a > 0 {
                tail.push((e - l.len_utf8(), e));
                e -= l.len_utf8();
                continue;
            }
            for suffix in ["'s", "’s"] {
                if w.len() > suffix.len() && w.ends_with(suffix) {
                    tail.push((e - suffix.len(), e));
                    e -= suffix.len();
                }
            }
            break;
        }
        if a < e {
            out.push((a, e));
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

fn re3d_doc(
    text: &str,
    mentions: &[(usize, usize, &str)],
    gazetteer: &crate::gazetteer::Gazetteer,
) -> Vec<Iob2Sentence> {
    let toks = simple_tokens(text);
    let titles = crate::gazetteer::Gazetteer::titles();
    let forms: Vec<&str> = toks.iter().map(|&(a, e)| &text[a..e]).collect();
    // Mentions as token ranges, trimmed to names; longest first.
    let mut named: Vec<(usize, usize, &str)> = Vec::new();
    for &(b, x, label) in mentions {
        let Some(a) = toks.iter().position(|&(ta, _)| ta == b) else {
            continue;
        };
        let Some(e) = toks.iter().position(|&(_, te)| te == x) else {
            continue;
        };
        if e < a {
            continue;
        }
        let Some((mut ta, te)) = trim_name(&forms[a..=e], label == "PER") else {
            continue;
        };
        // re3d's persons include roles (`Foreign Secretary Boris Johnson`):
        // the name is what follows the last title word.
        if label == "PER" {
            if let Some(k) = forms[a + ta..a + te]
                .iter()
                .rposition(|f| titles.contains(f))
            {
                ta += k + 1;
            }
        }
        let pronoun = te == ta + 1
            && matches!(
                forms[a + ta].to_lowercase().as_str(),
                "i" | "he" | "she" | "we" | "they" | "it" | "you" | "us" | "them" | "this"
            );
        if ta >= te || pronoun {
            continue;
        }
        let name: Vec<conllu::ConlluWord> = forms[a + ta..a + te]
            .iter()
            .map(|f| conllu::ConlluWord {
                form: (*f).to_owned(),
                ..Default::default()
            })
            .collect();
        let label = match name_kind(gazetteer, &name) {
            NameKind::Group => continue,
            NameKind::Place if label == "ORG" => "LOC",
            _ => label,
        };
        named.push((a + ta, a + te, label));
    }
    named.sort_by_key(|&(a, e, _)| (std::cmp::Reverse(e - a), a));
    let mut tags = vec!["O".to_string(); toks.len()];
    let mut taken = vec![false; toks.len()];
    for (a, e, label) in named {
        if taken[a..e].iter().any(|&t| t) {
            continue;
        }
        for k in a..e {
            tags[k] = format!("{}-{label}", if k == a { "B" } else { "I" });
            taken[k] = true;
        }
    }
    // Sentences end at . ? ! followed by a capitalized word (not inside a name).
    let mut out = Vec::new();
    let mut cur = Iob2Sentence::default();
    for k in 0..toks.len() {
        cur.words.push(forms[k].to_owned());
        cur.tags.push(tags[k].clone());
        let end = matches!(forms[k], "." | "?" | "!")
            && forms
                .get(k + 1)
                .is_none_or(|f| f.starts_with(char::is_uppercase) || f.starts_with('"'))
            && tags.get(k + 1).is_none_or(|t| !t.starts_with("I-"));
        if end {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Options for [`train_ner`].
#[derive(Debug, Clone)]
pub struct NerOptions {
    pub epochs: usize,
    pub seed: u64,
    pub max_sentences: Option<usize>,
    /// Training sources among `gum`, `uner-dev`, `re3d`, `meantime`,
    /// `gum-test` (MEANTIME is off by default: it marks only topical
    /// entities, so unmarked names there teach the model to miss them).
    pub sources: Vec<String>,
    /// How many times the in-domain UNER EWT dev sentences are repeated.
    pub dev_copies: usize,
    /// Percent of entity-bearing sentences also added lowercased (50).
    pub lowercase_pct: usize,
    /// Perceptrons trained on different orders and averaged into the model
    /// (9: on the UNER EWT dev halves, 5 gave F1 74.46, 7 gave 74.74 and 9
    /// 74.75; the more members, the less the model depends on one order).
    pub ensemble: usize,
    /// Neural scorers trained beside the perceptron (seeds `neural.seed`,
    /// `+ 1`, ...) and the weight of their mean log-probabilities (see
    /// [`crate::ner::neural`]); 0 scorers for a perceptron-only model.
    pub neural_scorers: usize,
    pub neural_weight: f32,
    pub neural: crate::ner::neural::NeuralOptions,
}

impl Default for NerOptions {
    fn default() -> Self {
        NerOptions {
            epochs: 4,
            seed: 42,
            max_sentences: None,
            sources: ["gum", "uner-dev", "re3d"].map(String::from).to_vec(),
            dev_copies: 4,
            lowercase_pct: 50,
            ensemble: 9,
            // On the UNER EWT dev halves (three perceptron seeds each): 75.19
            // without, 75.44 with two scorers at weight 1,700 (75.28 at
            // 1,300, 75.59 at 3,000; one scorer alone moves by 0.3 with its
            // seed).
            neural_scorers: 2,
            neural_weight: 1700.0,
            neural: crate::ner::neural::NeuralOptions::default(),
        }
    }
}

/// The NER training sentences: GUM train+dev entities, UNER EWT dev and
/// MEANTIME (never the UNER test sets), tagged with `tagger`.
pub fn ner_training_data(
    corpora: &Corpora,
    tagger: &Tagger,
    opts: &NerOptions,
) -> Result<Vec<crate::ner::NerSentence>, NlpError> {
    let dev = corpora.uner_ewt("dev");
    let in_domain = if opts.sources.iter().any(|x| x == "uner-dev") && dev.exists() {
        read_iob2(&dev)?
    } else {
        Vec::new()
    };
    ner_training_data_with(corpora, tagger, opts, &in_domain)
}

/// [`ner_training_data`] with `in_domain` in place of UNER EWT dev: one half
/// of it, say, to score on the other half exactly as the shipped model is
/// trained (repeated `dev_copies` times, lowercased copies included).
pub fn ner_training_data_with(
    corpora: &Corpora,
    tagger: &Tagger,
    opts: &NerOptions,
    in_domain: &[Iob2Sentence],
) -> Result<Vec<crate::ner::NerSentence>, NlpError> {
    let mut raw = Vec::new();
    let has = |s: &str| opts.sources.iter().any(|x| x == s);
    for split in ["train", "dev", "test"] {
        let p = corpora.gum(split);
        if has("gum") && p.exists() && (split != "test" || has("gum-test")) {
            raw.extend(read_gum_entities(&p)?);
        }
    }
    // In-domain (web text) data: counted several times.
    for _ in 0..opts.dev_copies.max(1) {
        raw.extend(in_domain.iter().cloned());
    }
    let re3d = corpora.re3d();
    if has("re3d") && re3d.exists() {
        raw.extend(read_re3d(&re3d)?);
    }
    let mt = corpora.meantime();
    if has("meantime") && mt.exists() {
        raw.extend(read_meantime(&mt)?);
    }
    // Lowercased copies of half the sentences with a name teach that names
    // are often typed in lowercase on the web, and make the model lean less
    // on case alone. On the UNER EWT dev halves (each scored by a model
    // trained on the other, three seeds) F1 goes from 72.1 with none to 73.0
    // with half, 73.9 with all; but copies of every sentence cost 2.8 F1 on
    // edited news (UNER PUD) where half cost 0.2, and news is what annals
    // reads. Copies of sentences without a name made it worse.
    let mut rng = crate::rng::XorShift::new(7);
    let mut extra = Vec::new();
    for s in &raw {
        if rng.below(100) < opts.lowercase_pct && s.tags.iter().any(|t| t != "O") {
            let mut l = s.clone();
            l.words = l.words.iter().map(|w| w.to_lowercase()).collect();
            extra.push(l);
        }
    }
    raw.extend(extra);
    Ok(raw.iter().map(|s| to_ner_sentence(s, tagger)).collect())
}

/// Tag `s` and convert its tags to classes (unknown types become O).
pub fn to_ner_sentence(s: &Iob2Sentence, tagger: &Tagger) -> crate::ner::NerSentence {
    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
    let upos = tagger.tag(&words).into_iter().map(|t| t.upos).collect();
    crate::ner::NerSentence {
        words: s.words.clone(),
        upos,
        classes: s
            .tags
            .iter()
            .map(|t| crate::ner::class_of(t).unwrap_or(0))
            .collect(),
    }
}

/// Train the entity recognizer.
pub fn train_ner(
    corpora: &Corpora,
    tagger: &Tagger,
    opts: &NerOptions,
) -> Result<crate::EntityRecognizer, NlpError> {
    let mut data = ner_training_data(corpora, tagger, opts)?;
    if let Some(n) = opts.max_sentences {
        data.truncate(n);
    }
    train_ner_on(&data, opts)
}

/// Train the entity recognizer on prepared sentences: the perceptron
/// ensemble, then the neural scorers ([`train_neural_scorers`]).
pub fn train_ner_on(
    data: &[crate::ner::NerSentence],
    opts: &NerOptions,
) -> Result<crate::EntityRecognizer, NlpError> {
    let ner = crate::EntityRecognizer::train_ensemble(data, opts.epochs, opts.seed, opts.ensemble);
    if opts.neural_scorers == 0 {
        return Ok(ner);
    }
    let scorers = train_neural_scorers(data, opts)?;
    Ok(ner.with_neural(
        crate::ner::embedded_word_vectors()?,
        scorers,
        opts.neural_weight,
    ))
}

/// The `opts.neural_scorers` neural scorers over the shipped word vectors
/// (seeds `opts.neural.seed`, `+ 1`, ...).
pub fn train_neural_scorers(
    data: &[crate::ner::NerSentence],
    opts: &NerOptions,
) -> Result<Vec<crate::ner::neural::WindowScorer>, NlpError> {
    let vectors = crate::ner::embedded_word_vectors()?;
    Ok(crate::EntityRecognizer::train_neural(
        data,
        &vectors,
        &opts.neural,
        opts.neural_scorers,
    ))
}

/// The gold-tagged sentences of UD English-EWT and GUM train+dev (never a
/// test split), from the files that exist.
fn gold_train_dev(corpora: &Corpora) -> Result<Vec<TaggedSentence>, NlpError> {
    let mut sents = Vec::new();
    for p in [
        corpora.ewt("train"),
        corpora.ewt("dev"),
        corpora.gum("train"),
        corpora.gum("dev"),
    ] {
        if p.exists() {
            sents.extend(read_tagged(&p)?);
        }
    }
    Ok(sents)
}

/// The text of `data/word_clusters.tsv` ([`crate::ner::clusters`]): word
/// classes learned from the unlabelled text of UD English-EWT train+dev,
/// GUM train+dev, MEANTIME and re3d (never a test split), words seen at
/// least twice, `n_classes` classes.
pub fn build_word_clusters(corpora: &Corpora, n_classes: usize) -> Result<String, NlpError> {
    let mut sents: Vec<Vec<String>> = gold_train_dev(corpora)?
        .into_iter()
        .map(|s| s.words)
        .collect();
    let mt = corpora.meantime();
    if mt.exists() {
        sents.extend(read_meantime(&mt)?.into_iter().map(|s| s.words));
    }
    let re3d = corpora.re3d();
    if re3d.exists() {
        sents.extend(read_re3d(&re3d)?.into_iter().map(|s| s.words));
    }
    Ok(crate::ner::clusters::build(
        sents.iter().map(Vec::as_slice),
        n_classes,
        2,
        30,
    ))
}

/// The text of `data/word_stats.tsv` ([`crate::ner::word_stats`]): word usage
/// buckets counted over the gold-tagged UD English-EWT train+dev and GUM
/// train+dev treebanks (never a test split), words seen at least twice.
pub fn build_word_stats(corpora: &Corpora) -> Result<String, NlpError> {
    let sents = gold_train_dev(corpora)?;
    Ok(crate::ner::word_stats::build(
        sents
            .iter()
            .map(|s| (s.words.as_slice(), s.upos.as_slice())),
        2,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn re3d_text_is_tokenized_and_names_trimmed() {
        let text = "Foreign Secretary Boris Johnson met officials of the U.S. Army in Baghdad. \
                    They said (again) that Iraq's army held.";
        let toks: Vec<&str> = simple_tokens(text)
            .into_iter()
            .map(|(a, e)| &text[a..e])
            .collect();
        assert!(toks.contains(&"U.S."), "{toks:?}");
        assert!(toks.contains(&"Baghdad") && toks.contains(&"."), "{toks:?}");
        assert!(toks.contains(&"(") && toks.contains(&"again"), "{toks:?}");
        assert!(toks.contains(&"Iraq") && toks.contains(&"'s"), "{toks:?}");
        let at = |s: &str| text.find(s).unwrap_or(0);
        let mentions = [
            (0, at(" met"), "PER"),
            (at("the U.S."), at(" in "), "ORG"),
            (at("Baghdad"), at("Baghdad") + 7, "LOC"),
            (at("They"), at("They") + 4, "ORG"),
            (at("Iraq"), at("Iraq") + 4, "ORG"),
        ];
        let g = crate::gazetteer::Gazetteer::embedded();
        let sents = re3d_doc(text, &mentions, &g);
        assert_eq!(sents.len(), 2, "{sents:?}");
        let tagged: Vec<(&str, &str)> = sents
            .iter()
            .flat_map(|s| s.words.iter().zip(&s.tags))
            .filter(|(_, t)| *t != "O")
            .map(|(w, t)| (w.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            tagged,
            [
                ("Boris", "B-PER"),
                ("Johnson", "I-PER"),
                ("U.S.", "B-ORG"),
                ("Army", "I-ORG"),
                ("Baghdad", "B-LOC"),
                // A country acting as an organization is a location; `They` is no name.
                ("Iraq", "B-LOC"),
            ]
        );
    }
}
