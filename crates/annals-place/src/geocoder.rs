//! The [`Geocoder`] pipeline component: recognition, resolution, event locations.

use annals_core::fxhash::FxHashMap;

use annals_core::{Component, ComponentError, Doc, PlaceMention, Precision};

use crate::lexicon::Lexicon;
use crate::{locate, recognize, resolve, tokens, Gazetteer, PlaceError, PlaceKind};

enum GazetteerRef {
    Embedded(&'static Gazetteer),
    Owned(Box<Gazetteer>),
}

/// Finds place names, resolves them against the gazetteer, and geolocates events.
///
/// Fills [`Doc::places`] and `location` on every event in [`Doc::events`].
pub struct Geocoder {
    gaz: GazetteerRef,
    lex: Lexicon,
}

impl std::fmt::Debug for Geocoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Geocoder")
            .field("gazetteer", self.gazetteer())
            .finish()
    }
}

impl Geocoder {
    /// The geocoder with the gazetteer and word lists compiled into annals.
    pub fn embedded() -> Result<Geocoder, PlaceError> {
        Ok(Geocoder {
            gaz: GazetteerRef::Embedded(Gazetteer::embedded()?),
            lex: Lexicon::embedded(),
        })
    }

    /// A geocoder over a user's gazetteer (built by [`crate::build::build_gazetteer`])
    /// and word lists.
    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon) -> Geocoder {
        Geocoder {
            gaz: GazetteerRef::Owned(Box::new(gazetteer)),
            lex: lexicon,
        }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        match &self.gaz {
            GazetteerRef::Embedded(g) => g,
            GazetteerRef::Owned(g) => g,
        }
    }

    /// Place mentions of `doc`, without touching it.
    pub fn find_places(&self, doc: &Doc) -> Vec<PlaceMention> {
        let toks = tokens::tokens(doc);
        self.places_from(doc, &toks)
    }

    fn places_from(&self, doc: &Doc, toks: &[tokens::Tok]) -> Vec<PlaceMention> {
        let gaz = self.gazetteer();
        let rec = recognize::recognize(doc, toks, gaz, &self.lex);
        let resolved = resolve::resolve(gaz, rec.found, &rec.demonyms);
        resolved
            .into_iter()
            .filter_map(|r| {
                let p = gaz.place(r.record)?;
                let precision = match p.kind {
                    PlaceKind::City => Precision::City,
                    PlaceKind::Admin1 => Precision::Admin1,
                    PlaceKind::Region if p.country2.is_some() => Precision::Admin1,
                    _ => Precision::Country,
                };
                let sentence = if doc.sentences.is_empty() {
                    r.found.sentence
                } else {
                    doc.sentence_at(r.found.span.start)
                        .unwrap_or(r.found.sentence)
                };
                Some(PlaceMention {
                    span: r.found.span,
                    text: doc.slice(r.found.span).to_string(),
                    sentence,
                    name: p.name.to_string(),
                    geonameid: p.geonameid,
                    lat: p.lat,
                    lon: p.lon,
                    country: p.country3.map(str::to_owned),
                    admin1: p
                        .admin1
                        .and_then(|a| gaz.place(a))
                        .map(|a| a.name.to_string()),
                    precision,
                    score: r.score,
                })
            })
            .collect()
    }
}

impl Component for Geocoder {
    fn name(&self) -> &'static str {
        "place"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let toks = tokens::tokens(doc);
        let places = self.places_from(doc, &toks);
        // The article's main country: the one its place mentions name most.
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for p in &places {
            if let Some(c) = p.country.as_deref() {
                *counts.entry(c).or_default() += 1;
            }
        }
        let doc_country = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.to_string());
        let locations: Vec<_> = doc
            .events
            .iter()
            .map(|ev| {
                locate::locate_event(
                    doc,
                    ev,
                    &places,
                    &toks,
                    self.gazetteer(),
                    doc_country.as_deref(),
                )
            })
            .collect();
        for (ev, loc) in doc.events.iter_mut().zip(locations) {
            ev.location = loc;
        }
        doc.places = places;
        Ok(())
    }
}
