//! Document-level label consistency. A name keeps its type throughout a
//! document: once `Hanover Energy` is an organization in one sentence, the
//! same words elsewhere in the document are too, and once `Maria Lopez` is a
//! person, a later lone `Lopez` is that person. The sentence model decides
//! each sentence alone; [`harmonize`] then (1) gives every predicted name the
//! type most of its occurrences in the document got, and (2) marks unlabelled
//! capitalized occurrences of names predicted elsewhere in the document.

use std::collections::HashMap;

use super::{spans_of, TYPES};

/// Longest name (in words) looked up when marking unlabelled occurrences.
const MAX_NAME_WORDS: usize = 6;

/// Per-type votes for one name.
type Votes = [u32; TYPES.len()];

fn is_capitalized(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_alphabetic)
}

fn majority(v: &Votes) -> Option<(usize, u32)> {
    let (k, &n) = v
        .iter()
        .enumerate()
        .max_by_key(|&(k, &n)| (n, usize::MAX - k))?;
    (n > 0).then_some((k, n))
}

/// Set the words `r` of `classes` to type index `k` (B then I).
fn set_type(classes: &mut [u8], r: std::ops::Range<usize>, k: usize) {
    let start = r.start;
    for i in r {
        if let Some(c) = classes.get_mut(i) {
            *c = if i == start {
                1 + 2 * k as u8
            } else {
                2 + 2 * k as u8
            };
        }
    }
}

/// The initials of a name of two or more capitalized words (lowercase
/// words such as `of` skipped), uppercase.
fn acronym_of(name: &[&str]) -> Option<String> {
    let initials: String = name
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (initials.chars().count() >= 2 && name.len() >= 2).then_some(initials)
}

/// A word written as an acronym (`HANO`, `U.N.`), without its dots.
fn as_acronym(w: &str) -> Option<String> {
    let letters: String = w.chars().filter(|&c| c != '.').collect();
    let n = letters.chars().count();
    ((2..=8).contains(&n) && letters.chars().all(|c| c.is_uppercase())).then_some(letters)
}

/// Make the BIO `classes` of one document's sentences (`words[s]` and
/// `classes[s]` of equal length) consistent; see the module docs.
/// `name_word` says whether a word of a person's name may stand alone for
/// the person (a surname, not a title, weekday or common word).
/// `proper_word` says whether a lone word is often a proper noun.
pub fn harmonize(
    words: &[&[&str]],
    classes: &mut [Vec<u8>],
    name_word: &dyn Fn(&str) -> bool,
    proper_word: &dyn Fn(&str) -> bool,
) {
    // Votes per exact name, and PER votes for the capitalized words of
    // multi-word person names (a surname alone refers to the same person).
    let mut names: HashMap<Vec<&str>, Votes> = HashMap::new();
    let mut person_parts: HashMap<&str, u32> = HashMap::new();
    for (ws, cs) in words.iter().zip(classes.iter()) {
        for (label, r) in spans_of(cs) {
            let Some(k) = TYPES.iter().position(|t| *t == label) else {
                continue;
            };
            let Some(name) = ws.get(r.clone()) else {
                continue;
            };
            if let Some(v) = names.entry(name.to_vec()).or_default().get_mut(k) {
                *v += 1;
            }
            if k == 0 && name.len() >= 2 {
                for w in name.iter().filter(|w| {
                    is_capitalized(w)
                        && w.len() > 1
                        && w.chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                        && name_word(w)
                }) {
                    *person_parts.entry(w).or_default() += 1;
                }
            }
        }
    }
    if names.is_empty() {
        return;
    }
    // Acronyms of multi-word names: `HANO` is the `Housing Authority of New
    // Orleans` the document spelled out.
    let mut acronyms: HashMap<String, Votes> = HashMap::new();
    for (name, v) in &names {
        if let Some(a) = acronym_of(name) {
            let e = acronyms.entry(a).or_default();
            for (x, y) in e.iter_mut().zip(v) {
                *x += y;
            }
        }
    }
    let first_words: std::collections::HashSet<&str> =
        names.keys().filter_map(|n| n.first().copied()).collect();
    let votes_of = |name: &[&str]| -> Option<Votes> {
        let own = names.get(name).copied();
        let acr = match name {
            [w] => as_acronym(w).and_then(|a| acronyms.get(&a)).copied(),
            _ => None,
        };
        match (own, acr) {
            (Some(mut a), Some(b)) => {
                for (x, y) in a.iter_mut().zip(&b) {
                    *x += y;
                }
                Some(a)
            }
            (a, b) => a.or(b),
        }
    };
    // (1) One type per name: the majority over the document (ties keep the
    // sentence model's choice).
    for (ws, cs) in words.iter().zip(classes.iter_mut()) {
        for (label, r) in spans_of(cs) {
            let Some(own) = TYPES.iter().position(|t| *t == label) else {
                continue;
            };
            let Some(name) = ws.get(r.clone()) else {
                continue;
            };
            let Some(v) = votes_of(name) else {
                continue;
            };
            let v = &v;
            let mut best = majority(v).map_or(own, |(k, n)| {
                if n > v.get(own).copied().unwrap_or(0) {
                    k
                } else {
                    own
                }
            });
            if name.len() == 1 && best != 0 {
                let part = name.first().and_then(|w| person_parts.get(w)).copied();
                if part.is_some_and(|p| p >= v.get(best).copied().unwrap_or(0)) {
                    best = 0;
                }
            }
            if best != own {
                set_type(cs, r, best);
            }
        }
    }
    // (2) Occurrences of a known name left unlabelled, or labelled as a
    // shorter name inside it (`Growers Union` for `Northern Growers
    // Union`): longest first.
    for (ws, cs) in words.iter().zip(classes.iter_mut()) {
        // Per word, the predicted entity holding it (start, end).
        let mut held: Vec<Option<(usize, usize)>> = vec![None; ws.len()];
        for (_, r) in spans_of(cs) {
            for h in held.get_mut(r.clone()).into_iter().flatten() {
                *h = Some((r.start, r.end));
            }
        }
        // Words i..e may be (re)labelled: free, or in entities inside them.
        let open = |i: usize, e: usize| {
            held.get(i..e)
                .is_some_and(|hs| hs.iter().flatten().all(|&(a, b)| i <= a && b <= e))
        };
        let mut i = 0;
        while i < ws.len() {
            let starts = match held.get(i) {
                Some(None) => true,
                Some(Some((a, _))) => *a == i,
                None => false,
            };
            if !starts || !ws.get(i).is_some_and(|w| is_capitalized(w)) {
                i += 1;
                continue;
            }
            let mut found = None;
            // Only words that begin a known name (or are acronyms) can.
            let first = ws.get(i).copied().unwrap_or("");
            let longest = if first_words.contains(first) {
                MAX_NAME_WORDS
            } else if as_acronym(first).is_some() {
                1
            } else {
                0
            };
            for len in (1..=longest.min(ws.len() - i)).rev() {
                // A known name that is only the entity already there is
                // step (1)'s business.
                if !open(i, i + len) || held.get(i) == Some(&Some((i, i + len))) {
                    continue;
                }
                let Some(name) = ws.get(i..i + len) else {
                    continue;
                };
                // A lone word must look like a name on its own (`Who` is
                // not `WHO`, `IT` is not `It`).
                if len == 1 && !name.first().is_some_and(|w| proper_word(w)) {
                    continue;
                }
                if let Some((k, _)) = votes_of(name).as_ref().and_then(majority) {
                    found = Some((len, k));
                    break;
                }
            }
            let lone = held.get(i) == Some(&None);
            if found.is_none() && lone && ws.get(i).is_some_and(|w| person_parts.contains_key(w)) {
                found = Some((1, 0));
            }
            match found {
                Some((len, k)) => {
                    set_type(cs, i..i + len, k);
                    i += len;
                }
                None => i += held.get(i).copied().flatten().map_or(1, |(a, b)| b - a),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &[&'static str]) -> Vec<Vec<&'static str>> {
        text.iter().map(|s| s.split(' ').collect()).collect()
    }

    /// Classes from per-word letters: `.` O, `p`/`o`/`l` begin PER/ORG/LOC,
    /// `P`/`O`/`L` continue one.
    fn classes(codes: &[&str]) -> Vec<Vec<u8>> {
        codes
            .iter()
            .map(|s| {
                s.split(' ')
                    .map(|c| match c {
                        "p" => 1,
                        "P" => 2,
                        "o" => 3,
                        "O" => 4,
                        "l" => 5,
                        "L" => 6,
                        _ => 0,
                    })
                    .collect()
            })
            .collect()
    }

    fn refs<'a>(w: &'a [Vec<&'a str>]) -> Vec<&'a [&'a str]> {
        w.iter().map(Vec::as_slice).collect()
    }

    fn any_word(_: &str) -> bool {
        true
    }

    #[test]
    fn the_majority_type_wins_and_ties_keep_their_own() {
        let w = words(&[
            "Hanover Energy cut jobs .",
            "Hanover Energy said so .",
            "Shares of Hanover Energy fell .",
            "Talks in Geneva and at Geneva ended .",
        ]);
        let mut c = classes(&["o O . . .", "o O . . .", ". . l L .", ". . p . . l . ."]);
        harmonize(&refs(&w), &mut c, &any_word, &any_word);
        assert_eq!(c[2], classes(&[". . o O ."])[0]);
        // One PER and one LOC vote for Geneva: each keeps its own.
        assert_eq!(c[3], classes(&[". . p . . l . ."])[0]);
    }

    #[test]
    fn unlabelled_mentions_and_surnames_are_marked() {
        let w = words(&[
            "Maria Lopez met the Hanover Energy board .",
            "Lopez told Hanover Energy staff to wait .",
            "Later , Lopez left .",
        ]);
        let mut c = classes(&["p P . . o O . .", ". . . . . . . .", ". . . . ."]);
        harmonize(&refs(&w), &mut c, &any_word, &any_word);
        assert_eq!(c[1], classes(&["p . o O . . . ."])[0]);
        assert_eq!(c[2], classes(&[". . p . ."])[0]);
    }

    #[test]
    fn words_that_cannot_stand_alone_are_left_out() {
        let w = words(&[
            "Dear Maria Lopez , thanks .",
            "Dear all , Lopez says hello .",
        ]);
        let mut c = classes(&[". p P . . .", ". . . . . . ."]);
        let not_dear = |w: &str| w != "Dear";
        harmonize(&refs(&w), &mut c, &not_dear, &not_dear);
        assert_eq!(c[1], classes(&[". . . p . . ."])[0]);
        // A lowercase word is never marked, even when a name matches it.
        let w = words(&["Will Smith spoke .", "It will rain , Smith said ."]);
        let mut c = classes(&["p P . .", ". . . . . . ."]);
        harmonize(&refs(&w), &mut c, &any_word, &any_word);
        assert_eq!(c[1], classes(&[". . . . p . ."])[0]);
    }
}
