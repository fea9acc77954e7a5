//! Name lists used as entity-recognizer features: places (countries, regions,
//! cities, continents, derived from GeoNames), nationality adjectives,
//! organization keywords and person titles. Multi-word names are matched as
//! token sequences (longest match first) through hashes of lowercase tokens.

use crate::hash::{feat2, hash_str};
use crate::perceptron::U64Map;

/// Kinds of list a token sequence can be on (bit flags).
pub const COUNTRY: u8 = 1;
pub const REGION: u8 = 2;
pub const CITY: u8 = 4;
pub const CONTINENT: u8 = 8;
pub const DEMONYM: u8 = 16;
pub const ORG_WORD: u8 = 32;
pub const PERSON_TITLE: u8 = 64;

static PLACES: &str = include_str!("../data/gazetteer_places.tsv");
static PLACE_ALIASES: &str = include_str!("../data/place_aliases.tsv");
static DEMONYMS: &str = include_str!("../data/demonyms.txt");
static ORG_WORDS: &str = include_str!("../data/org_words.txt");
static TITLES: &str = include_str!("../data/person_titles.txt");

const MAX_LEN: usize = 5;

/// See the module docs.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Hash of a lowercase token sequence → kinds; prefixes get a 0 entry so a
    /// scan can stop as soon as no longer name is possible.
    names: U64Map<u8>,
}

/// What the gazetteer says about one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazMatch {
    /// Kinds of the longest name covering the token.
    pub kinds: u8,
    /// Whether the token begins that name.
    pub begin: bool,
}

/// Split a name into tokens the way the tokenizer would (hyphens and commas apart).
fn name_tokens(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in name.split_whitespace() {
        let mut cur = String::new();
        for c in w.chars() {
            if c == '-' || c == ',' || c == '(' || c == ')' {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if c == '-' {
                    out.push("-".to_owned());
                }
            } else {
                cur.extend(c.to_lowercase());
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

#[inline]
fn seq_step(h: u64, token_lower_hash: u64) -> u64 {
    feat2(900, h, token_lower_hash)
}

impl Gazetteer {
    /// The built-in person titles (`Mr`, `President`, ...).
    pub fn titles() -> Vec<&'static str> {
        TITLES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    }

    /// The built-in lists.
    pub fn embedded() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.add_tsv(PLACES);
        g.add_tsv(PLACE_ALIASES);
        g.add_list(DEMONYMS, DEMONYM);
        g.add_list(ORG_WORDS, ORG_WORD);
        g.add_list(TITLES, PERSON_TITLE);
        g
    }

    /// Add `KIND\tname` lines (KIND one of COUNTRY, REGION, CITY, CONTINENT,
    /// DEMONYM, ORG, TITLE); unknown kinds are skipped.
    pub fn add_tsv(&mut self, text: &str) {
        for line in text.lines() {
            let Some((kind, name)) = line.split_once('\t') else {
                continue;
            };
            let k = match kind {
                "COUNTRY" => COUNTRY,
                "REGION" => REGION,
                "CITY" => CITY,
                "CONTINENT" => CONTINENT,
                "DEMONYM" => DEMONYM,
                "ORG" => ORG_WORD,
                "TITLE" => PERSON_TITLE,
                _ => continue,
            };
            self.add(name, k);
        }
    }

    /// Add one name per line (`#` comments) with the given kind.
    pub fn add_list(&mut self, text: &str, kind: u8) {
        for line in text.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                self.add(line, kind);
            }
        }
    }

    pub fn add(&mut self, name: &str, kind: u8) {
        let toks = name_tokens(name);
        if toks.is_empty() || toks.len() > MAX_LEN {
            return;
        }
        let mut h = 0u64;
        for (i, t) in toks.iter().enumerate() {
            h = seq_step(h, hash_str(t));
            let e = self.names.entry(h).or_insert(0);
            if i + 1 == toks.len() {
                *e |= kind | 0x80;
            }
        }
    }

    /// Longest-match lookup over a sentence given the hashes of its lowercase tokens.
    pub fn matches(&self, lower_hashes: &[u64]) -> Vec<GazMatch> {
        let n = lower_hashes.len();
        let mut out = vec![GazMatch::default(); n];
        let mut i = 0;
        while i < n {
            let mut h = 0u64;
            let mut best: Option<(usize, u8)> = None;
            for (j, &lh) in lower_hashes.iter().enumerate().skip(i).take(MAX_LEN) {
                h = seq_step(h, lh);
                match self.names.get(&h) {
                    None => break,
                    Some(&k) if k & 0x80 != 0 => best = Some((j + 1, k & 0x7f)),
                    Some(_) => {}
                }
            }
            match best {
                Some((end, kinds)) => {
                    for (j, m) in out.iter_mut().enumerate().take(end).skip(i) {
                        *m = GazMatch {
                            kinds,
                            begin: j == i,
                        };
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Build the place list (`KIND\tname` lines) from the GeoNames-derived JSON
/// files in `dir` (`countries.json`, `admin1.json`, `us_states.json`,
/// `continents.json`, `cities1000.json`), keeping cities of at least
/// `min_city_population`. Used by `annals train` to regenerate
/// `data/gazetteer_places.tsv`.
pub fn build_place_list(
    dir: &std::path::Path,
    min_city_population: u64,
) -> Result<String, crate::NlpError> {
    use serde_json::Value;
    let read = |name: &str| -> Result<Value, crate::NlpError> {
        let p = dir.join(name);
        let text = crate::train::read_text(&p)?;
        serde_json::from_str(&text).map_err(|e| crate::NlpError::BadData {
            path: p.display().to_string(),
            line: e.line(),
            message: e.to_string(),
        })
    };
    let mut rows: std::collections::BTreeSet<(String, String)> = Default::default();
    let mut add = |kind: &str, name: &str| {
        let name = name.trim();
        if !name.is_empty() && name.len() <= 40 {
            rows.insert((kind.to_owned(), name.to_owned()));
        }
    };
    if let Value::Object(m) = read("countries.json")? {
        for c in m.values() {
            if let Some(n) = c.get("name").and_then(Value::as_str) {
                add("COUNTRY", n);
            }
        }
    }
    if let Value::Array(a) = read("admin1.json")? {
        for r in &a {
            if let Some(n) = r.get("name").and_then(Value::as_str) {
                add("REGION", n);
            }
        }
    }
    if let Value::Array(a) = read("us_states.json")? {
        for r in &a {
            if let Some(n) = r.get("name").and_then(Value::as_str) {
                add("REGION", n);
            }
        }
    } else if let Value::Object(m) = read("us_states.json")? {
        for r in m.values() {
            if let Some(n) = r.get("name").and_then(Value::as_str) {
                add("REGION", n);
            }
        }
    }
    if let Value::Object(m) = read("continents.json")? {
        for r in m.values() {
            if let Some(n) = r.get("name").and_then(Value::as_str) {
                add("CONTINENT", n);
            }
        }
    }
    if let Value::Object(m) = read("cities1000.json")? {
        for r in m.values() {
            let pop = r.get("population").and_then(Value::as_u64).unwrap_or(0);
            if pop >= min_city_population {
                if let Some(n) = r.get("name").and_then(Value::as_str) {
                    add("CITY", n);
                }
            }
        }
    }
    let mut out = String::from(
        "# Place names derived from GeoNames (CC BY 4.0) by annals_nlp::gazetteer::build_place_list.\n",
    );
    for (k, n) in rows {
        out.push_str(&k);
        out.push('\t');
        out.push_str(&n);
        out.push('\n');
    }
    Ok(out)
}
