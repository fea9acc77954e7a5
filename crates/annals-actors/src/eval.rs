//! Scoring coded actors against gold actor annotations.
//!
//! Gold events list their source and target actors as `{code, sector, text}`
//! (`{"code": "USA", "sector": "MIL", "text": "US forces"}`). An actor is
//! scored by finding the gold text in the document and taking the predicted
//! actor that overlaps it most: the *country root* is right when the first
//! three letters agree, the *full code* when the sector (first three letters)
//! agrees too — a gold actor without a sector needs only the root.

use annals_core::{ActorMention, Doc, Span};

/// One gold actor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldActor {
    /// Country or organization root (`USA`, `IGO`).
    pub code: String,
    pub sector: Option<String>,
    /// Text of the actor in the document, when given (`...` joins discontinuous parts).
    pub text: Option<String>,
}

impl GoldActor {
    /// Read a gold actor object (`{"code":..,"sector":..,"text":..}`).
    pub fn from_json(v: &serde_json::Value) -> Option<GoldActor> {
        Some(GoldActor {
            code: v.get("code")?.as_str()?.to_owned(),
            sector: v.get("sector").and_then(|s| s.as_str()).map(str::to_owned),
            text: v.get("text").and_then(|s| s.as_str()).map(str::to_owned),
        })
    }
}

/// Counts over scored gold actors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActorScore {
    /// Gold actors with a text, found in the document.
    pub total: usize,
    /// A predicted actor overlaps the gold text.
    pub found: usize,
    pub root_correct: usize,
    pub full_correct: usize,
}

impl ActorScore {
    pub fn add(&mut self, o: ActorScore) {
        self.total += o.total;
        self.found += o.found;
        self.root_correct += o.root_correct;
        self.full_correct += o.full_correct;
    }
    pub fn root_accuracy(&self) -> f64 {
        ratio(self.root_correct, self.total)
    }
    pub fn full_accuracy(&self) -> f64 {
        ratio(self.full_correct, self.total)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.total)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Byte spans of `needle` in `hay`, case-insensitive (ASCII), all occurrences.
fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    let (h, n) = (hay.to_ascii_lowercase(), needle.trim().to_ascii_lowercase());
    if n.is_empty() {
        return Vec::new();
    }
    h.match_indices(&n)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// Where the gold text is, one span list per `...`-separated part: the part
/// verbatim, else its first word of three or more letters (gold texts start
/// with the distinctive modifier: `French warships` in `French and Egyptian warships`).
fn locate(doc: &Doc, text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    for part in text.split("...").map(str::trim).filter(|p| !p.is_empty()) {
        let mut found = find_all(doc.text(), part);
        if found.is_empty() {
            if let Some(w) = part
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| w.chars().count() >= 3)
            {
                found = find_all(doc.text(), w);
            }
        }
        spans.extend(found.into_iter().take(1));
    }
    spans
}

/// The predicted actor for a gold actor: the one overlapping the first
/// located part of its text most (ties: the one closest in length).
pub fn matching_actor<'a>(doc: &'a Doc, gold: &GoldActor) -> Option<&'a ActorMention> {
    let spans = locate(doc, gold.text.as_deref()?);
    let first = *spans.first()?;
    let overlap = |a: &ActorMention, s: Span| {
        a.span
            .end
            .min(s.end)
            .saturating_sub(a.span.start.max(s.start))
    };
    let best_for = |s: Span| {
        doc.actors
            .iter()
            .filter(|a| overlap(a, s) > 0)
            .max_by_key(|a| {
                (
                    overlap(a, s),
                    std::cmp::Reverse(a.span.len().abs_diff(s.len())),
                )
            })
    };
    best_for(first).or_else(|| spans.iter().skip(1).find_map(|&s| best_for(s)))
}

/// Score the document's actors against its gold actors.
pub fn score_actors(doc: &Doc, gold: &[GoldActor]) -> ActorScore {
    let mut score = ActorScore::default();
    for g in gold {
        let Some(text) = g.text.as_deref() else {
            continue;
        };
        if locate(doc, text).is_empty() {
            continue;
        }
        score.total += 1;
        let Some(a) = matching_actor(doc, g) else {
            continue;
        };
        score.found += 1;
        let root_ok = a
            .code
            .root()
            .is_some_and(|r| r.eq_ignore_ascii_case(g.code.get(..3).unwrap_or(&g.code)));
        if root_ok {
            score.root_correct += 1;
            let gold_sector = g.sector.as_deref().filter(|s| *s != "***" && !s.is_empty());
            let sector_ok = match gold_sector {
                None => true,
                Some(gs) => a
                    .code
                    .sector
                    .as_deref()
                    .and_then(|s| s.get(..3))
                    .is_some_and(|s| s.eq_ignore_ascii_case(gs.get(..3).unwrap_or(gs))),
            };
            if sector_ok {
                score.full_correct += 1;
            }
        }
    }
    score
}
