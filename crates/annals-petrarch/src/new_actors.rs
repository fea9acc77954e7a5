//! New actors (PETRARCH's `new_actor_length`): a subject or object noun phrase
//! that holds no dictionary actor becomes an actor coded with its own words in
//! quotes (`"INJURY TOLL"`), so that events whose participants the
//! dictionaries lack are still recorded.

use annals_core::{ActorCode, ActorMention, Doc, Span, Token, Upos};

/// Relations whose dependent is a verb's argument (coordinated ones included via `conj`).
fn argument_relation(rel: &str) -> bool {
    matches!(
        rel,
        "nsubj" | "nsubj:pass" | "obj" | "iobj" | "obl" | "obl:agent" | "nmod"
    )
}

/// Dependents that are not part of the noun phrase proper: clauses,
/// appositions, other conjuncts (each conjunct is a phrase of its own).
fn outside_phrase(rel: &str) -> bool {
    matches!(
        rel.split(':').next().unwrap_or(""),
        "conj"
            | "cc"
            | "acl"
            | "advcl"
            | "appos"
            | "parataxis"
            | "ccomp"
            | "xcomp"
            | "punct"
            | "dep"
            | "nsubj"
            | "cop"
            | "aux"
            | "mark"
            | "advmod"
    )
}

/// Calendar words name when, not who (`on Wednesday`, `next week`).
fn temporal(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "week",
        "weekend",
        "month",
        "year",
        "day",
        "night",
        "morning",
        "evening",
        "afternoon",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_lowercase();
    WORDS.contains(&w.trim_end_matches('s'))
}

/// Add a new-actor mention for every argument noun phrase of at most
/// `max_words` words (possessive markers and punctuation not counted) that
/// overlaps no existing actor. Needs a dependency parse; without one it does nothing.
pub(crate) fn add(doc: &mut Doc, max_words: usize) {
    let mut found = Vec::new();
    for s in 0..doc.sentences.len() {
        let Some(sent) = doc.sentences.get(s) else {
            continue;
        };
        let offset = sent.tokens.start;
        let toks = doc.sentence_tokens(s);
        if !toks.iter().any(|t| t.head.is_some()) {
            continue;
        }
        let mut covered = vec![false; toks.len()];
        for a in doc.actors.iter().filter(|a| a.sentence == s) {
            for k in a.tokens.clone() {
                if let Some(c) = k.checked_sub(offset).and_then(|k| covered.get_mut(k)) {
                    *c = true;
                }
            }
        }
        for k in 0..toks.len() {
            let Some(range) = phrase(toks, k) else {
                continue;
            };
            if range.clone().any(|j| covered.get(j) == Some(&true)) {
                continue;
            }
            let words: Vec<String> = toks
                .get(range.clone())
                .unwrap_or(&[])
                .iter()
                .filter(|t| !matches!(t.upos, Upos::Punct | Upos::Part))
                .map(|t| t.text.to_uppercase())
                .collect();
            if words.is_empty() || words.len() > max_words {
                continue;
            }
            let (Some(first), Some(last)) = (toks.get(range.start), toks.get(range.end - 1)) else {
                continue;
            };
            let span = Span::new(first.span.start, last.span.end);
            let mut code = ActorCode::new(None, None);
            code.code = format!("\"{}\"", words.join(" "));
            found.push(ActorMention {
                text: doc.slice(span).to_owned(),
                span,
                sentence: s,
                tokens: offset + range.start..offset + range.end,
                head: offset + k,
                code,
                rule: "petrarch:new-actor".into(),
                ..Default::default()
            });
            for c in covered.get_mut(range).into_iter().flatten() {
                *c = true;
            }
        }
    }
    doc.actors.extend(found);
}

/// The token range of the noun phrase headed by `k` when `k` is a verb's
/// argument (or a conjunct of one), without its own preposition; `None` when
/// it is not, or when the phrase is not a contiguous run of words.
fn phrase(toks: &[Token], k: usize) -> Option<std::ops::Range<usize>> {
    let t = toks.get(k)?;
    if !matches!(t.upos, Upos::Noun | Upos::Propn) || temporal(&t.text) {
        return None;
    }
    // An argument, or a conjunct of one (`death and injury toll`).
    let mut cur = k;
    for _ in 0..toks.len() {
        let c = toks.get(cur)?;
        if c.deprel == "conj" {
            cur = c.head?;
            continue;
        }
        if !argument_relation(&c.deprel) {
            return None;
        }
        // An oblique needs its preposition: a bare noun after a comma is a
        // misattached apposition (`Osgiliath, the state's fiercest foe`).
        let core = matches!(c.deprel.as_str(), "nsubj" | "nsubj:pass" | "obj" | "iobj");
        if !core
            && !toks
                .iter()
                .any(|d| d.head == Some(cur) && d.deprel == "case")
        {
            return None;
        }
        break;
    }
    // The phrase: `k` and its dependents, minus clauses, other conjuncts and
    // the preposition introducing `k` itself.
    let mut members = vec![k];
    let mut stack = vec![k];
    while let Some(h) = stack.pop() {
        for (j, d) in toks.iter().enumerate() {
            // A name in apposition without a comma belongs to the phrase
            // (`Gryffindor's head Minerva McGonagall`).
            let close_appos = d.deprel == "appos"
                && j.checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|p| p.upos != Upos::Punct);
            if d.head != Some(h) || (outside_phrase(&d.deprel) && !close_appos) {
                continue;
            }
            if h == k && d.deprel == "case" {
                continue;
            }
            members.push(j);
            stack.push(j);
        }
    }
    let lo = *members.iter().min()?;
    let hi = *members.iter().max()?;
    let contiguous = (lo..=hi).all(|j| {
        members.contains(&j) || toks.get(j).is_some_and(|t| matches!(t.upos, Upos::Punct))
    });
    contiguous.then_some(lo..hi + 1)
}
