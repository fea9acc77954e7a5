//! Event geolocation: which place an event happened in, and by which rule.
//!
//! Rules, first that applies wins (the name is the `Location::reason`):
//!
//! 1. `in-sentence:syntax` — with a parse: a place mention attached to the
//!    trigger, or to an argument of the event, through a chain of at most three
//!    dependency arcs (`attacked ... in Baghdad`, `the embassy in Baghdad`,
//!    `bases in western Iraq`). Closest in the tree wins. A place that is (or
//!    sits in) an actor's own phrase without a locative word before it names
//!    the actor, not the venue (`Turkey condemned`, `urged Damascus`), except
//!    the target of a material act (`shelled Aleppo`).
//! 2. `in-sentence` — without a usable parse: the place mention of the event's
//!    sentence that is nearest the trigger, preferring one after a locative
//!    word and one outside the actors' own phrases (`Iraq's prime minister`
//!    names an actor, not a venue). With a parse, a place that only modifies
//!    a noun (`US forces`) without a locative word is not taken.
//!
//!    Neither rule takes the dateline place (where the story was filed) or the
//!    first part of a hyphenated modifier (`Britain-based`).
//! 3. `dateline` — the sentence names no place, and the dateline place is
//!    compatible with the event: no actor of the event belongs to a country
//!    other than the dateline's. Wire stories report from where things happen;
//!    an event between foreign actors is more likely reported from afar.
//! 4. `actor-country` — the country of the source actor, else the target's;
//!    for an act that lands on its target (aid, assault, fighting, mass
//!    violence: CAMEO 07, 18–20) the target's first.
//! 5. `document-country` — the country the article mentions most.

use annals_core::{Doc, Event, Location, PlaceMention, Precision};

use crate::lexicon;
use crate::tokens::Tok;
use crate::Gazetteer;

fn location_of(m: &PlaceMention, reason: &str) -> Location {
    Location {
        name: m.name.clone(),
        lat: m.lat,
        lon: m.lon,
        country: m.country.clone(),
        precision: m.precision,
        geonameid: m.geonameid,
        reason: reason.to_string(),
        span: Some(m.span),
    }
}

fn country_location(gaz: &Gazetteer, iso: &str, reason: &str) -> Option<Location> {
    let c = gaz.country(iso)?;
    Some(Location {
        name: c.name.to_string(),
        lat: c.lat,
        lon: c.lon,
        country: c.country3.map(str::to_owned),
        precision: Precision::Country,
        geonameid: c.geonameid,
        reason: reason.to_string(),
        span: None,
    })
}

/// Number of dependency arcs from doc token `from` up to `to`, if `to` is an
/// ancestor within `max` arcs.
fn arcs_up(doc: &Doc, from: usize, to: usize, max: usize) -> Option<usize> {
    let sent = doc.sentence_of_token(from)?;
    let base = doc.sentences.get(sent)?.tokens.start;
    let mut cur = from;
    for n in 0..=max {
        if cur == to {
            return Some(n);
        }
        let h = doc.tokens.get(cur)?.head?;
        cur = base + h;
    }
    None
}

/// The mention's syntactic head: its token whose head lies outside it.
fn mention_head(doc: &Doc, m: &PlaceMention) -> Option<usize> {
    let first = doc.tokens.partition_point(|t| t.span.end <= m.span.start);
    let last = doc.tokens.partition_point(|t| t.span.start < m.span.end);
    let sent = doc.sentence_of_token(first)?;
    let base = doc.sentences.get(sent)?.tokens.start;
    (first..last).find(|&i| {
        doc.tokens
            .get(i)
            .and_then(|t| t.head)
            .is_none_or(|h| !(first..last).contains(&(base + h)))
    })
}

fn token_at(doc: &Doc, at: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end <= at);
    (i < doc.tokens.len()).then_some(i)
}

pub(crate) fn locate_event(
    doc: &Doc,
    ev: &Event,
    places: &[PlaceMention],
    toks: &[Tok],
    gaz: &Gazetteer,
    doc_country: Option<&str>,
) -> Option<Location> {
    let dateline_span = doc.document.dateline.as_ref().and_then(|d| d.place_span);
    // The dateline place is where the story was filed, not a place the sentence names.
    let in_sentence: Vec<&PlaceMention> = places
        .iter()
        .filter(|p| p.sentence == ev.sentence && !dateline_span.is_some_and(|d| d.overlaps(p.span)))
        // `Britain-based`, `Iranian-backed`: a modifier, not a venue.
        .filter(|p| {
            !doc.text()
                .get(p.span.end..)
                .is_some_and(|rest| rest.starts_with('-'))
        })
        .collect();
    let actor =
        |a: &Option<annals_core::EventArg>| a.as_ref().and_then(|a| doc.actors.get(a.actor));
    let actors: Vec<_> = [actor(&ev.source), actor(&ev.target)]
        .into_iter()
        .flatten()
        .collect();

    let text = doc.text();
    let cue_before = |m: &PlaceMention| {
        let i = toks.partition_point(|t| t.span.end <= m.span.start);
        let prev = |k: usize| {
            i.checked_sub(k)
                .and_then(|j| toks.get(j))
                .and_then(|t| text.get(t.span.start..t.span.end))
        };
        prev(1).is_some_and(lexicon::is_locative_cue)
            || prev(1).is_some_and(lexicon::is_direction_modifier)
                && prev(2).is_some_and(lexicon::is_locative_cue)
    };
    // A place inside an actor's own phrase names the actor (`Iraq's prime
    // minister`, `urged Damascus`, `Turkey condemned`) unless a locative word
    // introduces it (`rebel positions in Idlib`, `bases in western Iraq`),
    // or it is the whole target of a material act (`shelled Aleppo`: the
    // place struck is where it happened; QuadClass 2 and 4 are material).
    let target_span = actor(&ev.target).map(|a| a.span);
    let material = matches!(ev.quad_class, 2 | 4);
    let parsed = doc.tokens.iter().any(|t| t.head.is_some());
    let names_actor = |m: &PlaceMention| {
        let struck = material && target_span == Some(m.span);
        actors.iter().any(|a| a.span.overlaps(m.span)) && !cue_before(m) && !struck
    };

    // 1. Syntax.
    if parsed && !in_sentence.is_empty() {
        let trigger = token_at(doc, ev.trigger.start);
        let mut anchors: Vec<usize> = trigger.into_iter().collect();
        anchors.extend(actors.iter().map(|a| a.head));
        let best = in_sentence
            .iter()
            .filter(|m| !names_actor(m))
            .filter_map(|m| {
                let h = mention_head(doc, m)?;
                let d = anchors
                    .iter()
                    .filter_map(|&a| arcs_up(doc, h, a, 3))
                    .min()?;
                // "the US embassy in Baghdad": a place name that only
                // modifies a noun names whose the thing is, not where the
                // event was; prefer a place that heads its own phrase.
                let modifier = doc.tokens.get(h).is_some_and(|t| {
                    matches!(t.deprel.as_str(), "compound" | "amod" | "nmod:poss")
                });
                Some((modifier, d, m))
            })
            .min_by_key(|(modifier, d, m)| (*modifier, *d, m.span.start.abs_diff(ev.trigger.start)))
            .map(|(_, d, m)| (d, m));
        if let Some((_, m)) = best {
            return Some(location_of(m, "in-sentence:syntax"));
        }
    }

    // 2. Nearest in the sentence (no parse, or the parse attached nothing).
    // With a parse, a place that only modifies a noun of some other phrase
    // (`condemn the strikes by US forces`) says whose the thing is, not where
    // this event was, unless a locative word introduces it.
    let bare_modifier = |m: &PlaceMention| {
        parsed
            && !cue_before(m)
            && mention_head(doc, m)
                .and_then(|h| doc.tokens.get(h))
                .is_some_and(|t| matches!(t.deprel.as_str(), "compound" | "amod" | "nmod:poss"))
    };
    {
        let best = in_sentence
            .iter()
            .filter(|m| !names_actor(m) && !bare_modifier(m))
            .min_by_key(|m| (!cue_before(m), m.span.start.abs_diff(ev.trigger.start)));
        if let Some(m) = best {
            return Some(location_of(m, "in-sentence"));
        }
    }

    // 3. Dateline.
    if let Some(d) = places
        .iter()
        .find(|p| dateline_span.is_some_and(|s| s.overlaps(p.span)))
    {
        let foreign =
            actors.iter().any(
                |a| match (a.code.country.as_deref(), d.country.as_deref()) {
                    (Some(ac), Some(dc)) => ac.len() == 3 && ac != dc,
                    _ => false,
                },
            );
        if !foreign {
            return Some(location_of(d, "dateline"));
        }
    }

    // 4. Actors' country: for an act that lands on its target (aid
    // delivered, an assault, fighting) the target's; otherwise the source's
    // first (a protest happens where the protesters are, whoever it targets).
    let mut actors = actors;
    if matches!(ev.cameo.get(..2), Some("07" | "18" | "19" | "20")) {
        actors.reverse();
    }
    for a in &actors {
        if let Some(c) = a.code.country.as_deref().filter(|c| c.len() == 3) {
            if let Some(loc) = country_location(gaz, c, "actor-country") {
                return Some(loc);
            }
        }
    }
    // 5. The article's country.
    doc_country.and_then(|c| country_location(gaz, c, "document-country"))
}
