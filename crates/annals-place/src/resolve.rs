//! Toponym resolution: which gazetteer entry a recognized name means.
//!
//! Each candidate gets a prior (countries first, then regions, then places by
//! population) plus context: a type word (`Anbar province` → the admin-1
//! region), a qualifier (`Paris, Texas` → the Paris in Texas), and the
//! countries the article is about (country names, unambiguous places,
//! demonyms, the dateline). The best candidate wins; its score is a logistic of its
//! margin over the runner-up, scaled down when recognition rested on weaker evidence.

use annals_core::fxhash::FxHashMap;

use crate::recognize::{DemonymHit, Found};
use crate::{Gazetteer, Place, PlaceKind};

/// A resolved mention: the found span and its chosen record.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub found: Found,
    pub record: u32,
    pub score: f32,
}

fn prior(p: &Place<'_>) -> f64 {
    let pop = (p.population as f64 + 1.0).log10();
    match p.kind {
        PlaceKind::Country => 2.8,
        PlaceKind::Continent => 2.6,
        PlaceKind::Region => 2.0,
        PlaceKind::Admin1 => 0.3 * pop,
        // Capitals are what the news means by their names (`Washington`).
        PlaceKind::City => 0.3 * pop + if p.capital { 0.4 } else { 0.0 },
    }
}

fn in_qualifier(c: &Place<'_>, q: &Place<'_>) -> bool {
    match q.kind {
        PlaceKind::Country => {
            c.country2.is_some() && c.country2 == q.country2 && c.index != q.index
        }
        PlaceKind::Admin1 => c.admin1 == Some(q.index) && c.index != q.index,
        _ => false,
    }
}

pub(crate) fn resolve(
    gaz: &Gazetteer,
    found: Vec<Found>,
    demonyms: &[DemonymHit],
) -> Vec<Resolved> {
    // What countries is the article about? Weighted evidence per ISO2.
    let mut support: FxHashMap<String, f64> = FxHashMap::default();
    let mut add = |cc: Option<&str>, w: f64| {
        if let Some(cc) = cc {
            *support.entry(cc.to_string()).or_default() += w;
        }
    };
    for d in demonyms {
        add(Some(&d.country2), 0.5);
    }
    for f in &found {
        let places: Vec<Place<'_>> = f.candidates.iter().filter_map(|&r| gaz.place(r)).collect();
        if let Some(c) = places.iter().find(|p| p.kind == PlaceKind::Country) {
            add(c.country2, 1.0);
        } else if let [only] = places.as_slice() {
            add(
                only.country2,
                if only.population >= 50_000 { 0.7 } else { 0.3 },
            );
        } else if let Some(top) = places.iter().max_by_key(|p| p.population) {
            // A name every candidate of which lies in one country still says which.
            if places.iter().all(|p| p.country2 == top.country2) {
                add(top.country2, 0.5);
            }
        }
        if f.dateline {
            if let Some(top) = places.iter().max_by(|a, b| prior(a).total_cmp(&prior(b))) {
                add(top.country2, 1.0);
            }
        }
    }

    let total_support: f64 = support.values().sum();
    let mut out: Vec<Resolved> = Vec::with_capacity(found.len());
    for (idx, f) in found.iter().enumerate() {
        let places: Vec<Place<'_>> = f.candidates.iter().filter_map(|&r| gaz.place(r)).collect();
        // Qualifier: the next mention, right after a comma (`Paris, Texas`).
        let qualifier: Option<Vec<Place<'_>>> = found.get(idx + 1).and_then(|n| {
            let gap_ok =
                f.comma_after && n.toks.start == f.toks.end + 1 && n.sentence == f.sentence;
            gap_ok.then(|| n.candidates.iter().filter_map(|&r| gaz.place(r)).collect())
        });
        // Qualifier role: this mention follows `Name ,` and contains one of the
        // previous mention's candidates (`Everett, Washington` → the state).
        let qualifies: Vec<Place<'_>> = idx
            .checked_sub(1)
            .and_then(|p| found.get(p))
            .filter(|p| p.comma_after && f.toks.start == p.toks.end + 1 && p.sentence == f.sentence)
            .map(|p| p.candidates.iter().filter_map(|&r| gaz.place(r)).collect())
            .unwrap_or_default();
        let mut scored: Vec<(f64, &Place<'_>)> = places
            .iter()
            .map(|c| {
                let mut s = prior(c);
                // A city named like the region it is in (`Baghdad`, `Aleppo`) is
                // what the bare name means; `Baghdad province` says otherwise.
                if c.kind == PlaceKind::City
                    && places
                        .iter()
                        .any(|a| a.kind == PlaceKind::Admin1 && c.admin1 == Some(a.index))
                {
                    s += 0.3;
                }
                if let Some(h) = f.type_hint {
                    if h == c.kind {
                        s += 1.5;
                    } else if h == PlaceKind::Admin1 && c.kind == PlaceKind::Country {
                        s -= 2.0;
                    }
                }
                if matches!(c.kind, PlaceKind::Admin1 | PlaceKind::Country)
                    && qualifies.iter().any(|inner| in_qualifier(inner, c))
                {
                    s += 1.0;
                }
                if let Some(q) = &qualifier {
                    if q.iter().any(|qp| in_qualifier(c, qp)) {
                        s += 3.0;
                    }
                }
                if c.kind != PlaceKind::Country && total_support > 0.0 {
                    if let Some(w) = c.country2.and_then(|cc| support.get(cc)) {
                        s += 0.5 * w / total_support;
                    }
                }
                (s, c)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let Some(&(top, best)) = scored.first() else {
            continue;
        };
        // Confidence in the choice: a logistic of the margin over the runner-up.
        let share = match scored.get(1) {
            Some(&(second, _)) => 1.0 / (1.0 + (-2.0 * (top - second)).exp()),
            None => 1.0,
        };
        let evidence = if f.ner || f.dateline {
            1.0
        } else if f.cue || best.kind != PlaceKind::City {
            0.9
        } else {
            0.75
        };
        out.push(Resolved {
            found: f.clone(),
            record: best.index,
            score: (share * evidence) as f32,
        });
    }
    out
}
