use serde::{Deserialize, Serialize};
use std::ops::Range;

use crate::Span;

/// A CAMEO-style actor code: a root (ISO 3166 alpha-3 country, or `IGO`,
/// `NGO`, `IMG`, `MNC`...) followed by sector codes.
///
/// `code` is the full string (`IRQGOV`, `IGOUNO`, `USAMIL`); `country` and
/// `sector` are its parts. `country` is `None` when a political actor is clear
/// but its country is not (`"protesters"` alone → code `OPP`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActorCode {
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
}

impl ActorCode {
    /// Build from a country/root and a sector, either of which may be absent.
    pub fn new(country: Option<&str>, sector: Option<&str>) -> Self {
        let code = format!("{}{}", country.unwrap_or(""), sector.unwrap_or(""));
        ActorCode {
            code,
            country: country.map(str::to_owned),
            sector: sector.map(str::to_owned),
        }
    }

    /// First three letters of the country (or of the code): the "country root"
    /// the gold scoring compares.
    pub fn root(&self) -> Option<&str> {
        let c = self.country.as_deref().unwrap_or(&self.code);
        c.get(..3)
    }
}

/// A coded actor found in the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Surface text of the whole actor phrase.
    pub text: String,
    pub span: Span,
    pub sentence: usize,
    /// Token indices into `Doc::tokens`.
    pub tokens: Range<usize>,
    /// The phrase's syntactic head token (index into `Doc::tokens`).
    pub head: usize,
    pub code: ActorCode,
    /// Named entity behind the actor (`"Adel Abdul-Mahdi"`), when there is one.
    pub entity: Option<String>,
    /// Patron of a proxy actor (`"Iranian-backed militia"` → `IRN`).
    pub patron: Option<String>,
    /// Which rule or dictionary entry produced the code (`lexicon:country-adj`, `coref:pronoun`...).
    pub rule: String,
    /// Index of the earlier actor this mention was resolved to (pronouns, definite descriptions).
    pub antecedent: Option<usize>,
}
