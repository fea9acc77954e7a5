//! Toponym recognition: which spans of the text name places.
//!
//! Two sources, merged: NER `LOC` entities (when the pipeline ran the
//! recognizer) and gazetteer matches over capitalized token runs. A gazetteer
//! match alone must earn its place — the gazetteer holds 170,000 towns, and
//! `Police`, `March` and `Of` are among them — so a match on a common word, a
//! small town, a sentence-initial word or a name inside a person's name needs
//! NER agreement, a locative cue (`in`, `near`, `the town of`), a qualifier
//! (`, Texas`) or the dateline. Demonyms (`Iraqi`) never become places.

use annals_core::fxhash::FxHashSet;
use std::ops::Range;

use annals_core::{Doc, EntityLabel, Span};

use crate::lexicon::{self, Lexicon};
use crate::normalize::{key, strip_article};
use crate::tokens::Tok;
use crate::{Gazetteer, PlaceKind};

/// Longest place name tried, in tokens (`Democratic Republic of the Congo`).
const MAX_NAME_TOKENS: usize = 6;
/// A town smaller than this needs a cue to be recognized from the gazetteer alone.
const SMALL_TOWN: u64 = 15_000;

/// A recognized toponym with its gazetteer candidates and the evidence seen.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub span: Span,
    /// Indices into the token view.
    pub toks: Range<usize>,
    pub sentence: usize,
    pub candidates: Vec<u32>,
    /// An NER `LOC` entity covers it.
    pub ner: bool,
    /// A locative word precedes it (`in`, `near`, `outside`).
    pub cue: bool,
    /// It is (in) the dateline.
    pub dateline: bool,
    /// A type word next to it (`Anbar province`, `the city of Mosul`).
    pub type_hint: Option<PlaceKind>,
    /// A comma follows it: the next mention may qualify it (`Paris, Texas`).
    pub comma_after: bool,
}

/// Country evidence that is not a place mention: demonyms (`Iraqi`).
#[derive(Debug, Clone)]
pub(crate) struct DemonymHit {
    pub country2: String,
}

pub(crate) struct Recognized {
    pub found: Vec<Found>,
    pub demonyms: Vec<DemonymHit>,
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether an entity's key names the same place as a match's key.
fn same_name(entity: &str, matched: &str) -> bool {
    let mut e = entity.strip_prefix("the ").unwrap_or(entity);
    for _ in 0..2 {
        e = e
            .split_once(' ')
            .filter(|(first, _)| lexicon::is_direction_modifier(first))
            .map_or(e, |(_, rest)| rest);
        e = e
            .rsplit_once(' ')
            .filter(|(_, last)| lexicon::type_word_after(last).is_some())
            .map_or(e, |(rest, _)| rest);
    }
    e == matched || strip_article(e) == Some(matched) || strip_article(matched) == Some(e)
}

/// `al-Hilla`, `ar-Raqqa`: a lowercase Arabic article before a capitalized name.
fn has_article_prefix(w: &str) -> bool {
    // Every article is two or three letters and a hyphen: most words fail here.
    let b = w.as_bytes();
    if b.get(2) != Some(&b'-') && b.get(3) != Some(&b'-') {
        return false;
    }
    [
        "al-", "el-", "ar-", "as-", "ash-", "ad-", "an-", "at-", "az-",
    ]
    .iter()
    .any(|a| w.strip_prefix(a).is_some_and(starts_upper))
}

/// Months and weekdays: `in March` is a date, whatever the gazetteer says.
fn is_calendar_word(k: &str) -> bool {
    annals_time::calendar::is_full_month(k) || annals_time::calendar::weekday(k, false).is_some()
}

/// `US`, `U.S.`, `UAE`: at most four letters, all capitals.
fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (1..=4).contains(&letters) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Lowercase words that may sit inside a multi-word name: `Bosnia and Herzegovina`.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "de"
            | "del"
            | "da"
            | "do"
            | "di"
            | "al"
            | "el"
            | "and"
            | "upon"
            | "on"
            | "la"
            | "le"
            | "les"
            | "es"
            | "ez"
            | "ad"
            | "ar"
            | "as"
            | "az"
            | "an"
            | "at"
            | "ash"
            | "bin"
            | "ibn"
            | "-"
            | "en"
            | "sur"
            | "am"
            | "im"
            | "y"
    )
}

pub(crate) fn recognize(doc: &Doc, toks: &[Tok], gaz: &Gazetteer, lex: &Lexicon) -> Recognized {
    let text = doc.text();
    let word = |i: usize| {
        toks.get(i)
            .and_then(|t| text.get(t.span.start..t.span.end))
            .unwrap_or("")
    };
    let same_sentence = |a: usize, b: usize| match (toks.get(a), toks.get(b)) {
        (Some(x), Some(y)) => x.sentence == y.sentence,
        _ => false,
    };

    // Entity label covering each token (only when the NER ran).
    // Entity (label, span) covering each token (only when the NER ran).
    let mut label: Vec<Option<(EntityLabel, Span)>> = vec![None; toks.len()];
    if !doc.entities.is_empty() {
        for e in &doc.entities {
            let first = toks.partition_point(|t| t.span.end <= e.span.start);
            for (k, t) in toks.iter().enumerate().skip(first) {
                if t.span.start >= e.span.end {
                    break;
                }
                if let Some(l) = label.get_mut(k) {
                    *l = Some((e.label, e.span));
                }
            }
        }
    }
    let ner_ran = !doc.entities.is_empty();
    let dateline_span = doc.document.dateline.as_ref().and_then(|d| d.place_span);

    // Words the document itself also writes in lowercase are ordinary words here.
    let lower_words: FxHashSet<&str> = toks
        .iter()
        .filter_map(|t| text.get(t.span.start..t.span.end))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();

    let mut found: Vec<Found> = Vec::new();
    let mut demonyms: Vec<DemonymHit> = Vec::new();
    // One sense per discourse: a name accepted once is a place throughout.
    let mut accepted_keys: FxHashSet<String> = FxHashSet::default();
    let mut pending: Vec<(String, Found)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w0 = word(i);
        let in_dateline = dateline_span.is_some_and(|d| d.contains(toks[i].span));
        if !starts_upper(w0) && !has_article_prefix(w0) {
            i += 1;
            continue;
        }
        // Longest gazetteer match starting here.
        let mut best: Option<(usize, Vec<u32>, String)> = None;
        let mut joined = String::new();
        for n in 1..=MAX_NAME_TOKENS {
            let k = i + n - 1;
            if k >= toks.len() || !same_sentence(i, k) {
                break;
            }
            let w = word(k);
            if n > 1 && !(starts_upper(w) || is_connector(w)) {
                break;
            }
            // Tokens written without a space between them (`al-` `Hilla`) join as one word.
            if n > 1 && toks[k - 1].span.end == toks[k].span.start && w != "-" {
                joined.push_str(w);
            } else {
                if n > 1 {
                    joined.push(' ');
                }
                joined.push_str(w);
            }
            if !(starts_upper(w) || n == 1 && has_article_prefix(w)) {
                continue;
            }
            let k = key(&joined);
            let mut ids = gaz.lookup_key(&k);
            if ids.is_empty() {
                if let Some(bare) = strip_article(&k) {
                    ids = gaz.lookup_key(bare);
                }
            }
            if !ids.is_empty() {
                best = Some((n, ids, k));
            }
        }
        let single_key = key(w0);
        if let Some(Some(cc)) = lex.demonym(&single_key) {
            if best.as_ref().is_none_or(|b| b.0 == 1) {
                demonyms.push(DemonymHit {
                    country2: cc.to_string(),
                });
                i += 1;
                continue;
            }
        }
        let Some((n, ids, k)) = best else {
            // `UK-France`, `Iran-Iraq`, `U.S.-Iraq`: country-strength parts of a compound.
            if w0.contains('-') {
                found.extend(compound_parts(gaz, lex, w0, &toks[i], i));
            }
            i += 1;
            continue;
        };
        let range = i..i + n;
        let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);

        // Evidence.
        let labels: Vec<(EntityLabel, Span)> = range
            .clone()
            .filter_map(|t| label.get(t).copied().flatten())
            .collect();
        // NER agreement means the match is the entity, give or take `the`,
        // compass words and type words: `Ål` inside `Al Huwayjah` gets none.
        let ner = labels
            .iter()
            .any(|(l, e)| *l == EntityLabel::Loc && same_name(&key(doc.slice(*e)), &k));
        // Nationalities are never places, people rarely; a place inside an
        // organization's name (`the Government of Iraq`) still is.
        let nationality = labels.iter().any(|(l, _)| *l == EntityLabel::Norp);
        let person = labels.iter().any(|(l, _)| *l == EntityLabel::Per);
        // The tagger's organization is exactly this name (`Hamas`, which an
        // alternate name of Hamm spells; `UN`): the organization, not a town.
        let whole_organization = labels
            .iter()
            .any(|(l, e)| *l == EntityLabel::Org && *e == span);
        let prev = if i > 0 && same_sentence(i - 1, i) {
            Some(word(i - 1))
        } else {
            None
        };
        let prev2 = if i > 1 && same_sentence(i - 2, i) {
            Some(word(i - 2))
        } else {
            None
        };
        let next = if same_sentence(i, i + n) {
            Some(word(i + n))
        } else {
            None
        };
        let sentence_initial =
            prev.is_none_or(|p| matches!(p, "\"" | "\u{201C}" | "(" | "-" | "--" | "\u{2014}"));
        let mut type_hint = next.and_then(lexicon::type_word_after);
        if prev.is_some_and(|p| p.eq_ignore_ascii_case("of")) {
            type_hint = type_hint.or(prev2.and_then(lexicon::type_word_before));
        }
        let cue = prev.is_some_and(lexicon::is_locative_cue)
            || prev.is_some_and(lexicon::is_direction_modifier)
                && prev2.is_some_and(lexicon::is_locative_cue)
            || type_hint.is_some();
        let qualified = next == Some(",")
            && toks.get(i + n + 1).is_some_and(|t| {
                let w = text.get(t.span.start..t.span.end).unwrap_or("");
                starts_upper(w)
                    && gaz
                        .lookup(w)
                        .iter()
                        .any(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1))
            });
        let dateline = in_dateline || dateline_span.is_some_and(|d| d.overlaps(span));
        let places: Vec<_> = ids.iter().filter_map(|&r| gaz.place(r)).collect();
        let strong = places.iter().any(|p| !matches!(p.kind, PlaceKind::City))
            || places.iter().any(|p| p.population >= 100_000);
        let biggest_city = places
            .iter()
            .filter(|p| p.kind == PlaceKind::City)
            .map(|p| p.population)
            .max()
            .unwrap_or(0);

        // `None`: rejected outright; `Some(false)`: rejected here, but accepted
        // if the same name is accepted elsewhere in the article.
        // `Jordan Peterson`: the person or place entity the tagger found runs on
        // past the place name into capitalized words that are no place, type
        // word or date: the place name is part of a longer name. (Inside an
        // organization's name a place still counts: `the United States
        // Department of the Treasury`.)
        let part_of_longer_name = !dateline
            && label
                .get(i + n - 1)
                .copied()
                .flatten()
                .is_some_and(|(l, e)| {
                    matches!(l, EntityLabel::Per | EntityLabel::Loc)
                        && e.start <= span.start
                        && e.end > span.end
                        && toks.get(i + n).is_some_and(|t| {
                            let w = text.get(t.span.start..t.span.end).unwrap_or("");
                            t.span.start < e.end
                                && starts_upper(w)
                                && lexicon::type_word_after(w).is_none()
                                && !is_calendar_word(&key(w))
                                && gaz.lookup(w).is_empty()
                        })
                });
        let accept: Option<bool> = if part_of_longer_name {
            Some(false)
        } else if ner {
            Some(true)
        } else if whole_organization
            && (!cue || prev.is_some_and(lexicon::is_locative_verb))
            && !dateline
            && places.iter().all(|p| p.kind == PlaceKind::City)
        {
            // A country or region is the organization's place (`Jordan` in
            // `the Jordan Armed Forces`); a town is a mere namesake. A verb
            // (`bombed Hamas positions`) does not make an organization a place.
            Some(false)
        } else if nationality || (n == 1 && lexicon::is_direction_modifier(w0)) {
            None
        } else if person {
            // `Aden spoke to reporters`: a place only if the article also uses
            // the name as a place elsewhere (taggers err on rare city names).
            Some(false)
        } else if dateline {
            Some(true)
        } else if prev.is_some_and(lexicon::is_person_title) {
            None
        } else {
            let lower_form = w0.to_lowercase();
            let common = n == 1
                && (lex.is_common(&k) || lower_words.contains(lower_form.as_str()))
                && !is_acronym(w0);
            // `Michael Jordan`, `Kerry Smith`: a capitalized word before or after
            // that is not part of a place name.
            let prev_is_first = i >= 1 && (i == 1 || !same_sentence(i - 2, i - 1));
            let prev_name = !sentence_initial
                && !prev_is_first
                && prev.is_some_and(|p| {
                    starts_upper(p)
                        && !lexicon::is_direction_modifier(p)
                        && !lexicon::is_locative_cue(p)
                        && lex.demonym(&key(p)).is_none()
                });
            let next_name =
                next.is_some_and(|x| starts_upper(x) && lexicon::type_word_after(x).is_none());
            if is_calendar_word(&k) {
                None
            } else if common {
                // Common words are never accepted on the strength of another mention.
                ((cue || qualified) && !prev_name && !next_name).then_some(true)
            } else if prev_name && !cue {
                None
            } else if next_name
                && places
                    .iter()
                    .all(|p| matches!(p.kind, PlaceKind::City | PlaceKind::Admin1))
            {
                Some(false)
            } else if sentence_initial && !strong {
                Some(qualified || type_hint.is_some())
            } else {
                Some(strong || cue || qualified || biggest_city >= SMALL_TOWN)
            }
        };
        if accept == Some(false) {
            pending.push((
                k,
                Found {
                    span,
                    toks: range,
                    sentence: toks[i].sentence,
                    candidates: ids,
                    ner,
                    cue,
                    dateline,
                    type_hint,
                    comma_after: next == Some(","),
                },
            ));
            i += 1;
        } else if accept == Some(true) {
            accepted_keys.insert(k);
            found.push(Found {
                span,
                toks: range,
                sentence: toks[i].sentence,
                candidates: ids,
                ner,
                cue,
                dateline,
                type_hint,
                comma_after: next == Some(","),
            });
            i += n;
        } else {
            i += 1;
        }
    }

    for (k, f) in pending {
        if accepted_keys.contains(&k) && !found.iter().any(|g| g.span.overlaps(f.span)) {
            found.push(f);
        }
    }
    found.sort_by_key(|f| f.span.start);

    // NER locations the run matcher missed: `the Karrada district`, `Tal Afar` split oddly.
    if ner_ran {
        for e in doc.entities.iter().filter(|e| e.label == EntityLabel::Loc) {
            if found.iter().any(|f| f.span.overlaps(e.span)) {
                continue;
            }
            let raw = doc.slice(e.span);
            if key(raw).len() < 3 {
                continue;
            }
            let Some(m) = lookup_phrase(gaz, raw) else {
                continue;
            };
            let first = toks.partition_point(|t| t.span.end <= e.span.start);
            let last = toks.partition_point(|t| t.span.start < e.span.end);
            found.push(Found {
                span: e.span,
                toks: first..last.max(first),
                sentence: toks.get(first).map(|t| t.sentence).unwrap_or(0),
                candidates: m,
                ner: true,
                cue: false,
                dateline: false,
                type_hint: None,
                comma_after: false,
            });
        }
    }
    // A dateline place the tokens did not yield (`SANA'A, Yemen` split oddly).
    if let Some(d) = dateline_span {
        if !found.iter().any(|f| f.span.overlaps(d)) {
            if let Some(m) = lookup_phrase(gaz, doc.slice(d)) {
                let first = toks.partition_point(|t| t.span.end <= d.start);
                let last = toks.partition_point(|t| t.span.start < d.end);
                found.push(Found {
                    span: d,
                    toks: first..last.max(first),
                    sentence: toks.get(first).map(|t| t.sentence).unwrap_or(0),
                    candidates: m,
                    ner: false,
                    cue: false,
                    dateline: true,
                    type_hint: None,
                    comma_after: false,
                });
            }
        }
    }
    found.sort_by_key(|f| f.span.start);
    Recognized { found, demonyms }
}

/// Places named by the parts of a hyphenated word, when each is a country,
/// region or big city (never a town: `Al-Sinek` is not two places).
fn compound_parts(
    gaz: &Gazetteer,
    lex: &Lexicon,
    word: &str,
    tok: &Tok,
    index: usize,
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut offset = 0;
    for part in word.split('-') {
        let start = offset;
        offset += part.len() + 1;
        if !starts_upper(part) || part.len() < 2 {
            continue;
        }
        let k = key(part);
        if lex.demonym(&k).is_some() {
            continue;
        }
        let ids = gaz.lookup_key(&k);
        let strong = ids
            .iter()
            .filter_map(|&r| gaz.place(r))
            .any(|p| p.kind != PlaceKind::City || p.population >= 100_000);
        if strong {
            let s = tok.span.start + start;
            out.push(Found {
                span: Span::new(s, s + part.len()),
                toks: index..index + 1,
                sentence: tok.sentence,
                candidates: ids,
                ner: false,
                cue: false,
                dateline: false,
                type_hint: None,
                comma_after: false,
            });
        }
    }
    out
}

/// Look up a free phrase (an entity's text): as is, then without a leading
/// `the` or a trailing type word.
fn lookup_phrase(gaz: &Gazetteer, raw: &str) -> Option<Vec<u32>> {
    let mut k = key(raw);
    for _ in 0..3 {
        let ids = gaz.lookup_key(&k);
        if !ids.is_empty() {
            return Some(ids);
        }
        if let Some(bare) = strip_article(&k) {
            let ids = gaz.lookup_key(bare);
            if !ids.is_empty() {
                return Some(ids);
            }
        }
        let trimmed = k
            .strip_prefix("the ")
            .or_else(|| {
                [
                    "province",
                    "governorate",
                    "city",
                    "district",
                    "region",
                    "town",
                    "village",
                ]
                .iter()
                .find_map(|s| k.strip_suffix(s))
                .map(str::trim_end)
            })?
            .to_string();
        k = trimmed;
    }
    None
}
