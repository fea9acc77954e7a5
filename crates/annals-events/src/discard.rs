//! False-positive control: non-political senses of trigger words.
//!
//! `data/discard.txt` lists sentence contexts (sports pages, market reports)
//! in which violent or protest triggers are not political events, modifiers,
//! subjects and objects that select a non-political sense ("heart attack",
//! "stocks rallied", "struck a balance"), and fixed phrases ("price war").

use std::collections::{HashMap, HashSet};

use crate::EventsError;

/// A sentence context that suppresses events of some CAMEO roots.
#[derive(Debug, Clone)]
pub struct Context {
    pub name: String,
    pub roots: HashSet<String>,
    pub lemmas: HashSet<String>,
}

/// The discard rules.
#[derive(Debug, Clone, Default)]
pub struct DiscardRules {
    pub contexts: Vec<Context>,
    /// `(rule kind, trigger lemma)` → lemmas that select a non-political sense.
    /// Per rule kind (modifier, subject, object): trigger lemma → lemmas
    /// that select a non-political sense.
    by_trigger: [HashMap<String, HashSet<String>>; 3],
    /// Fixed phrases as lowercase word sequences.
    pub phrases: Vec<Vec<String>>,
}

/// Which dependent of the trigger a discard rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgKind {
    Modifier,
    Subject,
    Object,
}

/// The built-in discard rules.
pub const BUILTIN_DISCARD: &str = include_str!("../data/discard.txt");

impl DiscardRules {
    pub fn builtin() -> Result<DiscardRules, EventsError> {
        let mut d = DiscardRules::default();
        d.add_text(BUILTIN_DISCARD, "builtin discard")?;
        Ok(d)
    }

    /// Add rules from a text in the `discard.txt` format.
    pub fn add_text(&mut self, text: &str, origin: &str) -> Result<(), EventsError> {
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| EventsError::Lexicon {
                origin: origin.to_owned(),
                line: i + 1,
                message,
            };
            let mut f = line.split_whitespace();
            let kind = f.next().unwrap_or("");
            let set = |s: Option<&str>| -> HashSet<String> {
                s.unwrap_or("")
                    .split('|')
                    .filter(|w| !w.is_empty())
                    .map(|w| w.replace('_', " "))
                    .collect()
            };
            match kind {
                "context" => {
                    let name = f.next().ok_or_else(|| err("context needs a name".into()))?;
                    let roots = set(f.next());
                    let lemmas = set(f.next());
                    if roots.is_empty() || lemmas.is_empty() {
                        return Err(err("context needs ROOTS and LEMMAS".into()));
                    }
                    self.contexts.push(Context {
                        name: name.to_owned(),
                        roots,
                        lemmas,
                    });
                }
                "mod" | "subj" | "obj" => {
                    let k = match kind {
                        "mod" => ArgKind::Modifier,
                        "subj" => ArgKind::Subject,
                        _ => ArgKind::Object,
                    };
                    let lemma = f
                        .next()
                        .ok_or_else(|| err(format!("{kind} needs a trigger lemma")))?;
                    let words = set(f.next());
                    if words.is_empty() {
                        return Err(err(format!("{kind} {lemma} needs a SET")));
                    }
                    self.by_trigger[k as usize]
                        .entry(lemma.to_lowercase())
                        .or_default()
                        .extend(words);
                }
                "phrase" => {
                    let words: Vec<String> = f.map(str::to_lowercase).collect();
                    if words.is_empty() {
                        return Err(err("phrase needs words".into()));
                    }
                    self.phrases.push(words);
                }
                _ => return Err(err(format!("unknown rule {kind:?}"))),
            }
        }
        Ok(())
    }

    /// Whether `word` as the `kind` dependent of `trigger` selects a non-political sense.
    pub fn blocks(&self, kind: ArgKind, trigger: &str, word: &str) -> bool {
        // The HashMap key is owned; build it only when the trigger has rules at all.
        self.by_trigger[kind as usize]
            .get(trigger)
            .is_some_and(|s| s.contains(word))
    }

    /// Whether any rule of `kind` exists for `trigger` (lets callers skip work).
    pub fn has_rules(&self, kind: ArgKind, trigger: &str) -> bool {
        self.by_trigger[kind as usize].contains_key(trigger)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let d = DiscardRules::builtin().unwrap();
        assert!(d.blocks(ArgKind::Modifier, "attack", "heart"));
        assert!(d.blocks(ArgKind::Subject, "rally", "stock"));
        assert!(!d.blocks(ArgKind::Subject, "rally", "protester"));
        assert!(d
            .contexts
            .iter()
            .any(|c| c.name == "sports" && c.lemmas.contains("goalkeeper")));
    }

    #[test]
    fn bad_rule_names_its_line() {
        let mut d = DiscardRules::default();
        let e = d
            .add_text("mod attack heart\nbogus x y\n", "mine.txt")
            .unwrap_err();
        assert!(e.to_string().contains("mine.txt") && e.to_string().contains("line 2"));
    }
}
