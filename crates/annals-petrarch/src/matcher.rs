//! Matching verb patterns against one sentence.
//!
//! Patterns are matched over the sentence's words in order (TABARI style): a
//! blank between pattern elements lets other words intervene, `_` does not.
//! Words match a token's form or lemma; `$`, `+`, `%` and `^` match an actor
//! mention starting at that point. Groups are matched with small gaps: up to
//! [`PHRASE_GAP`] words inside `{...}`, [`PREP_GAP`] inside `(...)`.

use crate::pattern::{Element, Item, Pattern};
use crate::verbs::VerbDictionary;

/// Words allowed between the words of a `{...}` noun phrase.
pub const PHRASE_GAP: usize = 2;
/// Words allowed between a preposition and its object in `(...)`.
pub const PREP_GAP: usize = 4;

/// The sentence as the matcher sees it.
pub(crate) struct SentenceView<'a> {
    pub words: &'a [String],
    pub lemmas: &'a [String],
    /// For each token: the index (into the caller's actor list) of the actor
    /// mention starting there, with its end (exclusive).
    pub actor_start: &'a [Option<(usize, usize)>],
    /// For each token: whether it may open a noun phrase before its head
    /// (determiner, adjective, number, possessive), for `^`.
    pub modifier: &'a [bool],
    /// Every form and lemma in the sentence, to skip patterns early.
    pub vocabulary: std::collections::HashSet<&'a str>,
}

/// Actors bound by `$`, `+`, `%` while matching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Bindings {
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub compound: Option<usize>,
}

impl SentenceView<'_> {
    /// Pattern words match the word as written: PETRARCH does not stem, and
    /// a dictionary that wants `EFFORTS` says so (synonym sets get plurals).
    fn word_at(&self, i: usize, w: &str) -> bool {
        self.words.get(i).is_some_and(|x| x == w) || self.lemmas.get(i).is_some_and(|x| x == w)
    }

    /// End positions where `e` can match starting exactly at `i`.
    fn element_ends(
        &self,
        dict: &VerbDictionary,
        e: &Element,
        i: usize,
        b: &Bindings,
        depth: usize,
    ) -> Vec<(usize, Bindings)> {
        if i >= self.words.len() || depth > 8 {
            return Vec::new();
        }
        match e {
            Element::Word(w) => {
                if self.word_at(i, w) {
                    vec![(i + 1, *b)]
                } else {
                    Vec::new()
                }
            }
            Element::Synset(name) => {
                let mut out = Vec::new();
                let Some(set) = dict.synset(name) else {
                    return out;
                };
                for phrase in &set.phrases {
                    let mut ends = vec![(i, *b)];
                    for w in phrase {
                        let el = match w.strip_prefix('&') {
                            Some(inner) => Element::Synset(inner.to_owned()),
                            None => Element::Word(w.clone()),
                        };
                        ends = ends
                            .into_iter()
                            .flat_map(|(p, bb)| self.element_ends(dict, &el, p, &bb, depth + 1))
                            .collect();
                    }
                    out.extend(ends);
                }
                out
            }
            Element::Source | Element::Target | Element::Compound => {
                let Some(Some((actor, end))) = self.actor_start.get(i) else {
                    return Vec::new();
                };
                let mut nb = *b;
                match e {
                    Element::Source => nb.source = Some(*actor),
                    Element::Target => nb.target = Some(*actor),
                    _ => nb.compound = Some(*actor),
                }
                vec![(*end, nb)]
            }
            Element::Skip => {
                // `^` skips one noun phrase: its modifiers, then an actor or one word.
                let mut head = i;
                while self.modifier.get(head) == Some(&true) && head + 1 < self.words.len() {
                    head += 1;
                }
                let end = match self.actor_start.get(head) {
                    Some(Some((_, end))) => *end,
                    _ => head + 1,
                };
                let mut out = vec![(end, *b)];
                if end != i + 1 {
                    out.push((i + 1, *b));
                }
                out
            }
            Element::Phrase(items) => self.seq_ends(dict, items, i, b, PHRASE_GAP, depth + 1),
            Element::Prep(items) => self.seq_ends(dict, items, i, b, PREP_GAP, depth + 1),
        }
    }

    /// Ends of a group whose first item starts at `i`, later items after at most `gap` words.
    fn seq_ends(
        &self,
        dict: &VerbDictionary,
        items: &[Item],
        i: usize,
        b: &Bindings,
        gap: usize,
        depth: usize,
    ) -> Vec<(usize, Bindings)> {
        let mut states = vec![(i, *b)];
        for (k, item) in items.iter().enumerate() {
            let mut next = Vec::new();
            for (p, bb) in &states {
                let max_gap = if k == 0 || item.joined { 0 } else { gap };
                for start in *p..=(*p + max_gap).min(self.words.len()) {
                    next.extend(self.element_ends(dict, &item.element, start, bb, depth));
                }
            }
            next.sort_by_key(|x| x.0);
            next.dedup_by_key(|x| x.0);
            states = next;
            if states.is_empty() {
                break;
            }
        }
        states
    }

    /// Match `items` forward from `from` (first item at `from` exactly when `anchored`).
    fn match_forward(
        &self,
        dict: &VerbDictionary,
        items: &[Item],
        from: usize,
        anchored: bool,
        b: Bindings,
        limit: usize,
    ) -> Option<Bindings> {
        let Some((item, rest)) = items.split_first() else {
            return Some(b);
        };
        let last = if anchored || item.joined {
            from
        } else {
            limit.saturating_sub(1)
        };
        for start in from..=last.min(limit.saturating_sub(1)) {
            for (end, nb) in self.element_ends(dict, &item.element, start, &b, 0) {
                let anchored_next = rest.first().is_some_and(|r| r.joined);
                if let Some(found) = self.match_forward(dict, rest, end, anchored_next, nb, limit) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Match `items` so that the last ends at or before `to` (exactly at `to` when `anchored`).
    fn match_backward(
        &self,
        dict: &VerbDictionary,
        items: &[Item],
        to: usize,
        anchored: bool,
        b: Bindings,
    ) -> Option<Bindings> {
        let Some((item, rest)) = items.split_last() else {
            return Some(b);
        };
        for start in (0..to).rev() {
            for (end, nb) in self.element_ends(dict, &item.element, start, &b, 0) {
                if end > to || (anchored && end != to) {
                    continue;
                }
                if let Some(found) = self.match_backward(dict, rest, start, item.joined, nb) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Whether `p` matches around the verb occupying tokens `[vs, ve)`.
    pub(crate) fn match_pattern(
        &self,
        dict: &VerbDictionary,
        p: &Pattern,
        vs: usize,
        ve: usize,
    ) -> Option<Bindings> {
        if !p
            .required
            .iter()
            .all(|w| self.vocabulary.contains(w.as_str()))
        {
            return None;
        }
        let b = self.match_backward(dict, &p.pre, vs, p.verb_joined_before, Bindings::default())?;
        self.match_forward(dict, &p.post, ve, p.verb_joined_after, b, self.words.len())
    }
}
