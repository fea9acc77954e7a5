//! Lemmatizer: an exception table learned from treebank lemmas (plus a
//! hand-written list of irregular verbs), then suffix rules chosen by the
//! Penn tag, which prefer a stem known to be a lemma (`fired` → `fire`,
//! `stopped` → `stop`).

use std::collections::{HashMap, HashSet};

use annals_core::Upos;

use crate::hash::{hash_str, StrHasher};
use crate::perceptron::U64Map;
use crate::NlpError;

/// See the module docs.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// `lowercase form \t XPOS` → lemma.
    exceptions: HashMap<String, String>,
    /// Lemmas seen in training (lowercase), used to pick among rule outputs.
    known: HashSet<String>,
    /// Hash of an exception key → the key (lookups without allocating).
    index: U64Map<String>,
}

static IRREGULAR_VERBS: &str = include_str!("../data/irregular_verbs.tsv");

impl Lemmatizer {
    /// An empty lemmatizer with only the suffix rules and irregular verbs.
    pub fn rules_only() -> Lemmatizer {
        let mut l = Lemmatizer::default();
        l.add_irregular_verbs();
        l.reindex();
        l
    }

    fn add_irregular_verbs(&mut self) {
        for line in IRREGULAR_VERBS.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(base), Some(past), Some(part)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            self.known.insert(base.to_owned());
            for p in past.split('/') {
                self.exceptions
                    .entry(format!("{p}\tVBD"))
                    .or_insert_with(|| base.to_owned());
            }
            for p in part.split('/') {
                self.exceptions
                    .entry(format!("{p}\tVBN"))
                    .or_insert_with(|| base.to_owned());
            }
        }
    }

    /// Learn exceptions from `(form, upos, xpos, gold lemma)` examples.
    pub fn train<'a>(examples: impl Iterator<Item = (&'a str, Upos, &'a str, &'a str)>) -> Self {
        let mut l = Lemmatizer::default();
        let examples: Vec<_> = examples.collect();
        for &(_, upos, _, lemma) in &examples {
            if matches!(
                upos,
                Upos::Verb | Upos::Aux | Upos::Adj | Upos::Noun | Upos::Adv
            ) {
                l.known.insert(lemma.to_lowercase());
            }
        }
        l.add_irregular_verbs();
        let mut counts: HashMap<String, HashMap<&str, u32>> = HashMap::new();
        for &(form, _, xpos, lemma) in &examples {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            let key = format!("{}\t{xpos}", form.to_lowercase());
            *counts.entry(key).or_default().entry(lemma).or_default() += 1;
        }
        let mut learned = HashMap::new();
        for (key, cs) in counts {
            let Some((lemma, _)) = cs
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            else {
                continue;
            };
            let (form, xpos) = key.split_once('\t').unwrap_or((&key, ""));
            let upos = upos_of_xpos(xpos);
            let ruled = l.rules(form, upos, xpos);
            // Proper nouns keep their case; compare case-insensitively there.
            let same = if matches!(xpos, "NNP" | "NNPS") {
                ruled.eq_ignore_ascii_case(lemma)
            } else {
                ruled == lemma
            };
            if !same {
                learned.insert(key, lemma.to_owned());
            }
        }
        // Learned exceptions override the hand list.
        l.exceptions.extend(learned);
        l.reindex();
        l
    }

    /// The lemma of `form` tagged `upos`/`xpos`.
    pub fn lemma(&self, form: &str, upos: Upos, xpos: &str) -> String {
        let mut h = StrHasher::new();
        if form.is_ascii() {
            for b in form.bytes() {
                h.bytes(&[b.to_ascii_lowercase()]);
            }
        } else {
            h.bytes(form.to_lowercase().as_bytes());
        }
        h.bytes(b"\t");
        h.bytes(xpos.as_bytes());
        if let Some(l) = self
            .index
            .get(&h.finish())
            .and_then(|k| self.exceptions.get(k))
        {
            return l.clone();
        }
        self.rules(form, upos, xpos)
    }

    /// Rebuild the hash index of the exception table.
    fn reindex(&mut self) {
        self.index = self
            .exceptions
            .keys()
            .map(|k| (hash_str(k), k.clone()))
            .collect();
    }

    fn rules(&self, form: &str, upos: Upos, xpos: &str) -> String {
        let proper = matches!(xpos, "NNP" | "NNPS") || upos == Upos::Propn;
        if proper {
            if xpos == "NNPS" {
                return strip_plural(form, |_| false);
            }
            return form.to_owned();
        }
        let lower = form.to_lowercase();
        let known = |s: &str| self.known.contains(s);
        match xpos {
            "NNS" => strip_plural(&lower, known),
            "VBZ" => strip_plural(&lower, known),
            "VBD" | "VBN" => strip_suffix_stem(&lower, "ed", known).unwrap_or(lower),
            "VBG" => strip_suffix_stem(&lower, "ing", known).unwrap_or(lower),
            "JJR" | "RBR" => strip_suffix_stem(&lower, "er", known).unwrap_or(lower),
            "JJS" | "RBS" => strip_suffix_stem(&lower, "est", known).unwrap_or(lower),
            _ => {
                if upos == Upos::Num || upos == Upos::Punct || upos == Upos::Sym {
                    form.to_owned()
                } else {
                    lower
                }
            }
        }
    }

    /// Parse the text form written by [`Lemmatizer::to_text`] (`E\tform\txpos\tlemma`
    /// exception lines and `K\tlemma` known-lemma lines; `#` comments).
    pub fn from_text(text: &str) -> Result<Lemmatizer, NlpError> {
        let mut l = Lemmatizer::default();
        l.add_irregular_verbs();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["E", form, xpos, lemma] => {
                    l.exceptions
                        .insert(format!("{form}\t{xpos}"), (*lemma).to_owned());
                }
                ["K", lemma] => {
                    l.known.insert((*lemma).to_owned());
                }
                _ => {
                    return Err(NlpError::bad_model(
                        "lemmatizer",
                        format!("line {}: expected `E form xpos lemma` or `K lemma`", i + 1),
                    ))
                }
            }
        }
        l.reindex();
        Ok(l)
    }

    pub fn to_text(&self) -> String {
        let mut ex: Vec<(&String, &String)> = self.exceptions.iter().collect();
        ex.sort();
        let mut known: Vec<&String> = self.known.iter().collect();
        known.sort();
        let mut out = String::new();
        for (k, v) in ex {
            out.push_str("E\t");
            out.push_str(k);
            out.push('\t');
            out.push_str(v);
            out.push('\n');
        }
        for k in known {
            out.push_str("K\t");
            out.push_str(k);
            out.push('\n');
        }
        out
    }

    pub(crate) fn from_bytes(data: &[u8]) -> Result<Lemmatizer, NlpError> {
        let text = std::str::from_utf8(data)
            .map_err(|_| NlpError::bad_model("lemmatizer", "not UTF-8"))?;
        Lemmatizer::from_text(text)
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        self.to_text().into_bytes()
    }
}

/// Coarse UPOS implied by a Penn tag (for rule selection during training).
fn upos_of_xpos(xpos: &str) -> Upos {
    match xpos {
        "NNP" | "NNPS" => Upos::Propn,
        "NN" | "NNS" => Upos::Noun,
        x if x.starts_with("VB") => Upos::Verb,
        x if x.starts_with("JJ") => Upos::Adj,
        x if x.starts_with("RB") => Upos::Adv,
        "CD" => Upos::Num,
        _ => Upos::X,
    }
}

fn strip_plural(w: &str, known: impl Fn(&str) -> bool) -> String {
    let len = w.len();
    if len <= 2 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || !w.ends_with('s')
    {
        return w.to_owned();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    let one = &w[..len - 1];
    if let Some(stem) = w.strip_suffix("es") {
        if known(stem) && !known(one) {
            return stem.to_owned();
        }
        if !known(one)
            && (stem.ends_with("ch")
                || stem.ends_with("sh")
                || stem.ends_with('x')
                || stem.ends_with('z')
                || stem.ends_with("ss"))
        {
            return stem.to_owned();
        }
    }
    one.to_owned()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Strip `suffix` and restore the stem: prefer a known lemma among
/// `stem`, `stem+e`, the undoubled stem, and `y` for `i`.
fn strip_suffix_stem(w: &str, suffix: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let stem = w.strip_suffix(suffix)?;
    let b = stem.as_bytes();
    if b.len() < 2 || !b.iter().any(|&c| is_vowel(c) || c == b'y') {
        return None;
    }
    let mut candidates: Vec<String> = vec![stem.to_owned(), format!("{stem}e")];
    let n = b.len();
    let doubled = n >= 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]);
    if doubled {
        candidates.push(stem[..n - 1].to_owned());
    }
    if stem.ends_with('i') {
        candidates.push(format!("{}y", &stem[..n - 1]));
    }
    if suffix == "ing" && stem.ends_with('y') && n >= 2 {
        // dying → die
        candidates.push(format!("{}ie", &stem[..n - 1]));
    }
    if let Some(c) = candidates.iter().find(|c| known(c)) {
        return Some(c.clone());
    }
    // Unknown word: orthographic guesses.
    if doubled && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
        return Some(stem[..n - 1].to_owned());
    }
    if stem.ends_with('i') && suffix != "ing" {
        return Some(format!("{}y", &stem[..n - 1]));
    }
    let last = b[n - 1];
    let prev = b[n - 2];
    let needs_e = matches!(last, b'v' | b'u' | b'z')
        || (last == b'c' && suffix != "ing")
        || (matches!(last, b's' | b'g') && !is_vowel(prev) && prev != b's' && prev != b'n')
        || (n >= 3
            && !is_vowel(last)
            && is_vowel(prev)
            && !is_vowel(b[n - 3])
            && n <= 3
            && !matches!(last, b'w' | b'x' | b'y'));
    if needs_e && suffix != "er" && suffix != "est" {
        return Some(format!("{stem}e"));
    }
    Some(stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_restore_stems() {
        let l = Lemmatizer::rules_only();
        assert_eq!(l.lemma("struck", Upos::Verb, "VBD"), "strike");
        assert_eq!(l.lemma("stopped", Upos::Verb, "VBD"), "stop");
        assert_eq!(l.lemma("carried", Upos::Verb, "VBN"), "carry");
        assert_eq!(l.lemma("militias", Upos::Noun, "NNS"), "militia");
        assert_eq!(l.lemma("churches", Upos::Noun, "NNS"), "church");
        assert_eq!(l.lemma("Baghdad", Upos::Propn, "NNP"), "Baghdad");
    }
}
