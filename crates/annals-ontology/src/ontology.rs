//! The [`Ontology`]: every table, indexed.

use once_cell::sync::Lazy;
use std::collections::HashMap;

use crate::cameo::parent;
use crate::table::{opt, parse_f32, rows};
use crate::{
    AcledType, CameoCode, OntologyError, PloverCoding, PloverContext, PloverMode, PloverType,
};

/// The compiled-in tables (see `data/README.md` for sources and licences).
pub const CAMEO_TSV: &str = include_str!("../data/cameo.tsv");
pub const PLOVER_TYPES_TSV: &str = include_str!("../data/plover_types.tsv");
pub const PLOVER_CONTEXTS_TSV: &str = include_str!("../data/plover_contexts.tsv");
pub const ACLED_TSV: &str = include_str!("../data/acled.tsv");

static EMBEDDED: Lazy<Ontology> = Lazy::new(|| {
    // The embedded tables are checked by this crate's tests; a failure here is a
    // build defect, not bad user input, so fall back to an empty ontology
    // rather than panic inside a pipeline.
    Ontology::from_texts(CAMEO_TSV, PLOVER_TYPES_TSV, PLOVER_CONTEXTS_TSV, ACLED_TSV)
        .unwrap_or_default()
});

/// CAMEO codes, the PLOVER crosswalk, PLOVER types/modes/contexts and the
/// ACLED mapping, indexed for lookup.
#[derive(Debug, Clone, Default)]
pub struct Ontology {
    cameo: Vec<CameoCode>,
    cameo_index: HashMap<String, usize>,
    plover_coding: HashMap<String, PloverCoding>,
    plover_types: Vec<PloverType>,
    plover_contexts: Vec<PloverContext>,
    acled: HashMap<String, Option<AcledType>>,
}

impl Ontology {
    /// The compiled-in ontology, parsed once.
    pub fn embedded() -> &'static Ontology {
        &EMBEDDED
    }

    /// Build from the texts of the four tables (formats as in `data/`).
    pub fn from_texts(
        cameo_tsv: &str,
        plover_types_tsv: &str,
        plover_contexts_tsv: &str,
        acled_tsv: &str,
    ) -> Result<Ontology, OntologyError> {
        let mut onto = Ontology::default();
        for row in rows("cameo.tsv", cameo_tsv, 9) {
            let (line, f) = row?;
            let [code, name, goldstein, inherited, quad, ptype, pmode, pcontexts, porigin] = f[..]
            else {
                continue;
            };
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(OntologyError::malformed(
                    "cameo.tsv",
                    line,
                    format!("bad CAMEO code {code:?}"),
                ));
            }
            let quad_class = quad
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| {
                    OntologyError::malformed("cameo.tsv", line, format!("bad QuadClass {quad:?}"))
                })?;
            let entry = CameoCode {
                code: code.to_owned(),
                name: name.to_owned(),
                goldstein: parse_f32("cameo.tsv", line, goldstein)?,
                goldstein_inherited: inherited == "parent",
                quad_class,
            };
            if onto
                .cameo_index
                .insert(code.to_owned(), onto.cameo.len())
                .is_some()
            {
                return Err(OntologyError::malformed(
                    "cameo.tsv",
                    line,
                    format!("duplicate code {code}"),
                ));
            }
            onto.cameo.push(entry);
            if !ptype.is_empty() {
                let contexts = pcontexts
                    .split(';')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect();
                onto.plover_coding.insert(
                    code.to_owned(),
                    PloverCoding {
                        cameo: code.to_owned(),
                        event_type: ptype.to_owned(),
                        mode: opt(pmode),
                        contexts,
                        origin: porigin.to_owned(),
                    },
                );
            }
        }
        for row in rows("plover_types.tsv", plover_types_tsv, 5) {
            let (line, f) = row?;
            let [name, quad, recipient, score, modes] = f[..] else {
                continue;
            };
            let quad_class = quad
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| {
                    OntologyError::malformed(
                        "plover_types.tsv",
                        line,
                        format!("bad QuadClass {quad:?}"),
                    )
                })?;
            let score = if score.is_empty() {
                None
            } else {
                Some(parse_f32("plover_types.tsv", line, score)?)
            };
            let mut parsed = Vec::new();
            for m in modes.split(';').map(str::trim).filter(|m| !m.is_empty()) {
                let (mname, mscore) = m.split_once('=').unwrap_or((m, ""));
                let mscore = if mscore.is_empty() {
                    None
                } else {
                    Some(parse_f32("plover_types.tsv", line, mscore)?)
                };
                parsed.push(PloverMode {
                    name: mname.to_owned(),
                    score: mscore,
                });
            }
            onto.plover_types.push(PloverType {
                name: name.to_owned(),
                quad_class,
                requires_recipient: recipient == "yes",
                score,
                modes: parsed,
            });
        }
        for row in rows("plover_contexts.tsv", plover_contexts_tsv, 2) {
            let (_, f) = row?;
            let [name, description] = f[..] else { continue };
            onto.plover_contexts.push(PloverContext {
                name: name.to_owned(),
                description: description.to_owned(),
            });
        }
        for row in rows("acled.tsv", acled_tsv, 4) {
            let (line, f) = row?;
            let [code, event_type, sub, note] = f[..] else {
                continue;
            };
            let value = (event_type != "-").then(|| AcledType {
                event_type: event_type.to_owned(),
                sub_event_type: sub.to_owned(),
                note: note.to_owned(),
            });
            if onto.acled.insert(code.to_owned(), value).is_some() {
                return Err(OntologyError::malformed(
                    "acled.tsv",
                    line,
                    format!("duplicate code {code}"),
                ));
            }
        }
        Ok(onto)
    }

    /// A CAMEO code by its exact spelling (`"0211"`, `"195"`, `"19"`).
    pub fn cameo(&self, code: &str) -> Option<&CameoCode> {
        self.cameo_index
            .get(code.trim())
            .and_then(|&i| self.cameo.get(i))
    }

    /// Every CAMEO code, in codebook order.
    pub fn cameo_codes(&self) -> &[CameoCode] {
        &self.cameo
    }

    /// Goldstein score of a code (`None` for an unknown code).
    pub fn goldstein(&self, code: &str) -> Option<f32> {
        self.cameo(code).map(|c| c.goldstein)
    }

    /// The full PLOVER coding of a CAMEO code: its crosswalk row, or that of
    /// the nearest parent (4-digit → 3-digit → 2-digit) when it has none.
    /// `None` for 01x (statements: PLOVER does not code them; see
    /// [`crate::root_plover_type`] for the scorer's convention).
    pub fn plover_coding(&self, code: &str) -> Option<&PloverCoding> {
        let mut code = code.trim();
        loop {
            if let Some(c) = self.plover_coding.get(code) {
                return Some(c);
            }
            code = parent(code)?;
        }
    }

    /// PLOVER `(type, mode)` of a CAMEO code, with the parent fallback of
    /// [`Ontology::plover_coding`].
    pub fn plover(&self, code: &str) -> Option<(&str, Option<&str>)> {
        self.plover_coding(code)
            .map(|c| (c.event_type.as_str(), c.mode.as_deref()))
    }

    /// The 16 PLOVER 0.8 types, in manual order.
    pub fn plover_types(&self) -> &[PloverType] {
        &self.plover_types
    }

    pub fn plover_type(&self, name: &str) -> Option<&PloverType> {
        self.plover_types
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(name))
    }

    /// The PLOVER general contexts.
    pub fn plover_contexts(&self) -> &[PloverContext] {
        &self.plover_contexts
    }

    /// ACLED event and sub-event type of a CAMEO code (own row, else nearest
    /// parent's). `None` for what ACLED does not record (statements, talks, aid).
    pub fn acled(&self, code: &str) -> Option<&AcledType> {
        let mut code = code.trim();
        loop {
            if let Some(v) = self.acled.get(code) {
                return v.as_ref();
            }
            code = parent(code)?;
        }
    }
}
