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
    /// Hash of an exception key → its lemma, so a lookup needs neither a
    /// key string nor a second probe.
    index: U64Map<String>,
    /// Hashes of the `known` lemmas: rule candidates such as `stem + "e"` are
    /// checked by hashing their pieces, without building the string.
    known_index: U64Map<()>,
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
        // The rules below consult the known lemmas through the index.
        l.reindex();
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
        let mut out = String::new();
        self.lemma_into(form, upos, xpos, &mut out);
        out
    }

    /// [`Lemmatizer::lemma`] written into `out` (its old content replaced),
    /// so a caller can reuse the buffer: no allocation once it is large enough.
    pub fn lemma_into(&self, form: &str, upos: Upos, xpos: &str, out: &mut String) {
        out.clear();
        push_lowercase(form, out);
        let mut h = StrHasher::new();
        h.bytes(out.as_bytes());
        h.bytes(b"\t");
        h.bytes(xpos.as_bytes());
        if let Some(l) = self.index.get(&h.finish()) {
            out.clear();
            out.push_str(l);
            return;
        }
        self.rules_on_lower(form, upos, xpos, out);
    }

    /// Rebuild the hash indexes of the exception table and known lemmas.
    fn reindex(&mut self) {
        self.index = self
            .exceptions
            .iter()
            .map(|(k, v)| (hash_str(k), v.clone()))
            .collect();
        self.known_index = self.known.iter().map(|k| (hash_str(k), ())).collect();
    }

    /// Whether `head + tail` is a known lemma (hashed in pieces, not built).
    fn known(&self, head: &str, tail: &str) -> bool {
        let mut h = StrHasher::new();
        h.bytes(head.as_bytes());
        h.bytes(tail.as_bytes());
        self.known_index.contains_key(&h.finish())
    }

    fn rules(&self, form: &str, upos: Upos, xpos: &str) -> String {
        let mut out = String::new();
        push_lowercase(form, &mut out);
        self.rules_on_lower(form, upos, xpos, &mut out);
        out
    }

    /// The suffix rules, applied in place to `out`, which holds `form` lowercased.
    fn rules_on_lower(&self, form: &str, upos: Upos, xpos: &str, out: &mut String) {
        let proper = matches!(xpos, "NNP" | "NNPS") || upos == Upos::Propn;
        if proper {
            out.clear();
            out.push_str(form);
            if xpos == "NNPS" {
                strip_plural(out, |_, _| false);
            }
            return;
        }
        let known = |head: &str, tail: &str| self.known(head, tail);
        match xpos {
            "NNS" | "VBZ" => strip_plural(out, known),
            "VBD" | "VBN" => strip_suffix_stem(out, "ed", known),
            "VBG" => strip_suffix_stem(out, "ing", known),
            "JJR" | "RBR" => strip_suffix_stem(out, "er", known),
            "JJS" | "RBS" => strip_suffix_stem(out, "est", known),
            _ => {
                if upos == Upos::Num || upos == Upos::Punct || upos == Upos::Sym {
                    out.clear();
                    out.push_str(form);
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

/// Append `form` lowercased (as `str::to_lowercase`; no allocation for ASCII).
fn push_lowercase(form: &str, out: &mut String) {
    if form.is_ascii() {
        let start = out.len();
        out.push_str(form);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.push_str(&form.to_lowercase());
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

/// Singular of a plural noun (or 3rd-person verb) `w`, in place; `known`
/// tells whether `head + tail` is a known lemma.
fn strip_plural(w: &mut String, known: impl Fn(&str, &str) -> bool) {
    let len = w.len();
    if len <= 2 || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || !w.ends_with('s')
    {
        return;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            let n = stem.len();
            w.truncate(n);
            w.push('y');
            return;
        }
    }
    // `w` ends with the ASCII `s`, so these cuts fall on character boundaries.
    let one = w.get(..len - 1).unwrap_or("");
    if let Some(stem) = w.strip_suffix("es") {
        let stem_is_lemma = !known(one, "")
            && (known(stem, "")
                || stem.ends_with("ch")
                || stem.ends_with("sh")
                || stem.ends_with('x')
                || stem.ends_with('z')
                || stem.ends_with("ss"));
        if stem_is_lemma {
            w.truncate(len - 2);
            return;
        }
    }
    w.truncate(len - 1);
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Strip `suffix` from `w` in place and restore the stem: prefer a known
/// lemma among `stem`, `stem+e`, the undoubled stem, and `y` for `i`. Leaves
/// `w` as it is when the stem is too short to be a word.
fn strip_suffix_stem(w: &mut String, suffix: &str, known: impl Fn(&str, &str) -> bool) {
    let Some(stem) = w.strip_suffix(suffix) else {
        return;
    };
    let b = stem.as_bytes();
    if b.len() < 2 || !b.iter().any(|&c| is_vowel(c) || c == b'y') {
        return;
    }
    let n = b.len();
    // `stem` minus its last byte, when that is a character boundary.
    let cut = stem.get(..n - 1);
    let doubled = n >= 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]);
    let ends_i = stem.ends_with('i');
    // The stem to keep (as a length of `w`) and the tail to add.
    let known_choice: Option<(usize, &str)> = if known(stem, "") {
        Some((n, ""))
    } else if known(stem, "e") {
        Some((n, "e"))
    } else if doubled && cut.is_some_and(|c| known(c, "")) {
        Some((n - 1, ""))
    } else if ends_i && cut.is_some_and(|c| known(c, "y")) {
        Some((n - 1, "y"))
    } else if suffix == "ing" && stem.ends_with('y') && cut.is_some_and(|c| known(c, "ie")) {
        // dying → die
        Some((n - 1, "ie"))
    } else {
        None
    };
    let (keep, tail) = known_choice.unwrap_or_else(|| {
        // Unknown word: orthographic guesses.
        if doubled && cut.is_some() && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
            return (n - 1, "");
        }
        if ends_i && suffix != "ing" {
            return (n - 1, "y");
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
            (n, "e")
        } else {
            (n, "")
        }
    });
    w.truncate(keep);
    w.push_str(tail);
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
