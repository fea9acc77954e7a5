use serde::{Deserialize, Serialize};

use crate::Span;

/// How exact a location is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Country,
    Admin1,
    Admin2,
    City,
    Site,
}

/// A place name in the text, resolved against the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub text: String,
    pub sentence: usize,
    /// Resolved gazetteer name, geonameid and facts.
    pub name: String,
    pub geonameid: Option<u64>,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166 alpha-3.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub precision: Precision,
    pub score: f32,
}

/// Where an event happened, and why annals thinks so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
    pub precision: Precision,
    pub geonameid: Option<u64>,
    /// Which rule chose this place (`in-sentence`, `dateline`, `country`...).
    pub reason: String,
    pub span: Option<Span>,
}
