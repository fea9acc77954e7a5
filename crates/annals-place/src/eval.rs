//! Geoparsing evaluation: accuracy within 161 km (100 miles) of gold coordinates.
//!
//! A dev set is JSON Lines, one gold toponym per line:
//!
//! ```text
//! {"source": "re3d_permissive/CENTCOM/documents.json#<id>", "span": [120, 125], "text": "Mosul", "lat": 36.34, "lon": 43.13}
//! ```
//!
//! `source` names a document in the shared corpora directory: a re3d
//! `documents.json` plus `#` and the document `_id`, or a MEANTIME `.xml`
//! file (its tokens joined by spaces, sentences by newlines). `span` is a byte
//! range into that text and must slice to `text`. The gold text is never
//! stored beyond the mention itself; documents are read from the corpora.
//!
//! A gold mention counts as correct when a predicted place mention overlaps
//! its span and lies within 161 km of the gold point; a gold mention no
//! prediction overlaps counts as wrong.

use std::collections::BTreeMap;
use std::path::Path;

use annals_core::{Doc, Document};
use serde::Deserialize;

use crate::{Geocoder, PlaceError};

/// One gold toponym.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPlace {
    pub source: String,
    pub span: [usize; 2],
    pub text: String,
    pub lat: f64,
    pub lon: f64,
}

/// Scores of a run.
#[derive(Debug, Clone, Default)]
pub struct GeoScores {
    pub gold: usize,
    /// Gold mentions some prediction overlaps.
    pub recognized: usize,
    /// Of those, within 161 km.
    pub correct: usize,
    pub predicted: usize,
    pub documents: usize,
    /// Sum of errors in km over recognized mentions (for the mean).
    pub error_km_sum: f64,
    /// `(gold text, predicted name, km)` for every recognized mention beyond 161 km.
    pub misses: Vec<(String, String, f64)>,
    /// Gold mentions no prediction overlapped, with 40 bytes of context each side.
    pub unrecognized: Vec<(String, String)>,
}

impl GeoScores {
    /// Correct / all gold mentions: the headline figure.
    pub fn accuracy_161(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Correct / recognized: resolution accuracy alone.
    pub fn resolution_accuracy_161(&self) -> f64 {
        ratio(self.correct, self.recognized)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.recognized, self.gold)
    }
    pub fn mean_error_km(&self) -> f64 {
        if self.recognized == 0 {
            0.0
        } else {
            self.error_km_sum / self.recognized as f64
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// Read a dev set file.
pub fn load_gold(path: &Path) -> Result<Vec<GoldPlace>, PlaceError> {
    let text = std::fs::read_to_string(path).map_err(|e| PlaceError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| PlaceError::Data(format!("{}:{}: {e}", path.display(), i + 1)))
        })
        .collect()
}

/// The text of a dev-set source document under `corpora`.
pub fn load_source(corpora: &Path, source: &str) -> Result<String, PlaceError> {
    let (file, id) = match source.split_once('#') {
        Some((f, id)) => (f, Some(id)),
        None => (source, None),
    };
    let path = corpora.join(file);
    let raw = std::fs::read_to_string(&path).map_err(|e| PlaceError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    match id {
        Some(id) => {
            #[derive(Deserialize)]
            struct Re3dDoc {
                #[serde(rename = "_id")]
                id: String,
                text: String,
            }
            for (n, line) in raw.lines().enumerate() {
                let d: Re3dDoc = serde_json::from_str(line)
                    .map_err(|e| PlaceError::Data(format!("{}:{}: {e}", path.display(), n + 1)))?;
                if d.id == id {
                    return Ok(d.text);
                }
            }
            Err(PlaceError::Data(format!(
                "{}: no document {id}",
                path.display()
            )))
        }
        None => Ok(meantime_text(&raw)),
    }
}

/// MEANTIME tokens joined by spaces, sentences by newlines.
fn meantime_text(xml: &str) -> String {
    let mut out = String::new();
    let mut prev_sentence: Option<&str> = None;
    for chunk in xml.split("<token ").skip(1) {
        let Some((attrs, rest)) = chunk.split_once('>') else {
            continue;
        };
        let Some((word, _)) = rest.split_once("</token>") else {
            continue;
        };
        let sentence = attrs
            .split("sentence=\"")
            .nth(1)
            .and_then(|s| s.split('"').next());
        if let Some(p) = prev_sentence {
            out.push(if Some(p) != sentence { '\n' } else { ' ' });
        }
        prev_sentence = sentence.or(Some(""));
        out.push_str(&unescape_xml(word));
    }
    out
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Score `geocoder` on `gold`, reading documents from `corpora`.
/// `prepare` runs the earlier pipeline stages on each document (or nothing).
pub fn evaluate(
    geocoder: &Geocoder,
    gold: &[GoldPlace],
    corpora: &Path,
    prepare: &dyn Fn(&mut Doc),
) -> Result<GeoScores, PlaceError> {
    let mut by_source: BTreeMap<&str, Vec<&GoldPlace>> = BTreeMap::new();
    for g in gold {
        by_source.entry(g.source.as_str()).or_default().push(g);
    }
    let mut s = GeoScores {
        gold: gold.len(),
        documents: by_source.len(),
        ..Default::default()
    };
    for (source, golds) in &by_source {
        let text = load_source(corpora, source)?;
        for g in golds {
            let got = text.get(g.span[0]..g.span[1]);
            if got != Some(g.text.as_str()) {
                return Err(PlaceError::Data(format!(
                    "{source}: span {:?} is {:?}, dev set says {:?}",
                    g.span, got, g.text
                )));
            }
        }
        let mut doc = Doc::new(Document::new(*source, text));
        prepare(&mut doc);
        let places = geocoder.find_places(&doc);
        s.predicted += places.len();
        for g in golds {
            let span = annals_core::Span::new(g.span[0], g.span[1]);
            // The first overlapping prediction: in `Toulouse, France` the gold
            // point is Toulouse's.
            let hit = places.iter().find(|p| p.span.overlaps(span));
            match hit {
                None => {
                    let text = doc.text();
                    let mut a = span.start.saturating_sub(40);
                    while !text.is_char_boundary(a) {
                        a -= 1;
                    }
                    let mut b = (span.end + 40).min(text.len());
                    while !text.is_char_boundary(b) {
                        b += 1;
                    }
                    s.unrecognized
                        .push((g.text.clone(), text[a..b].replace('\n', " ")));
                }
                Some(p) => {
                    s.recognized += 1;
                    let km = haversine_km(g.lat, g.lon, p.lat, p.lon);
                    s.error_km_sum += km;
                    if km <= 161.0 {
                        s.correct += 1;
                    } else {
                        s.misses.push((
                            g.text.clone(),
                            format!("{} ({})", p.name, p.country.as_deref().unwrap_or("-")),
                            km,
                        ));
                    }
                }
            }
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_known_distance() {
        // Baghdad to Mosul is about 350 km.
        let d = haversine_km(33.34, 44.40, 36.34, 43.13);
        assert!((340.0..360.0).contains(&d), "{d}");
        assert!(haversine_km(10.0, 10.0, 10.0, 10.0) < 1e-9);
    }

    #[test]
    fn meantime_tokens_become_lines() {
        let xml = r#"<token number="0" sentence="0" t_id="1">Boeing</token>
<token number="1" sentence="0" t_id="2">&amp;</token>
<token number="2" sentence="1" t_id="3">Paris</token>"#;
        assert_eq!(meantime_text(xml), "Boeing &\nParis");
    }
}
