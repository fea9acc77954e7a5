//! Name lists used as entity-recognizer features: places (countries, regions,
//! cities, towns, continents, derived from GeoNames), nationality adjectives,
//! organization keywords, person titles, well-known organizations, and
//! common given names and surnames (US Census frequency lists). Multi-word names are matched as
//! token sequences (longest match first) through hashes of lowercase tokens.

use crate::hash::{feat2, hash_str};
use crate::perceptron::U64Map;

/// Kinds of list a token sequence can be on (bit flags).
pub const COUNTRY: u16 = 1;
pub const REGION: u16 = 2;
pub const CITY: u16 = 4;
pub const CONTINENT: u16 = 8;
pub const DEMONYM: u16 = 16;
pub const ORG_WORD: u16 = 32;
pub const PERSON_TITLE: u16 = 64;
pub const GIVEN_NAME: u16 = 128;
pub const SURNAME: u16 = 256;
pub const ORGANIZATION: u16 = 512;
pub const PLACE_WORD: u16 = 1024;
pub const CALENDAR: u16 = 2048;
/// Smaller towns and cities (below the `CITY` threshold).
pub const TOWN: u16 = 4096;
/// Marks a table entry that ends a name (entries without it are prefixes).
const END: u16 = 0x8000;

static PLACES: &str = include_str!("../data/gazetteer_places.tsv");
static PLACE_ALIASES: &str = include_str!("../data/place_aliases.tsv");
static DEMONYMS: &str = include_str!("../data/demonyms.txt");
static ORG_WORDS: &str = include_str!("../data/org_words.txt");
static TITLES: &str = include_str!("../data/person_titles.txt");
static ORGANIZATIONS: &str = include_str!("../data/organizations.txt");
static GIVEN_NAMES: &str = include_str!("../data/given_names.txt");
static SURNAMES: &str = include_str!("../data/surnames.txt");
static PLACE_WORDS: &str = include_str!("../data/place_words.txt");
static CALENDAR_WORDS: &str = include_str!("../data/calendar_words.txt");
static TOWNS: &str = include_str!("../data/towns.txt");

const MAX_LEN: usize = 5;

/// See the module docs.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Hash of a lowercase token sequence → kinds; prefixes get a 0 entry so a
    /// scan can stop as soon as no longer name is possible.
    names: U64Map<u16>,
}

/// What the gazetteer says about one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazMatch {
    /// Kinds of the longest name covering the token.
    pub kinds: u16,
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
        g.add_list(ORGANIZATIONS, ORGANIZATION);
        g.add_list(GIVEN_NAMES, GIVEN_NAME);
        g.add_list(SURNAMES, SURNAME);
        g.add_list(PLACE_WORDS, PLACE_WORD);
        g.add_list(CALENDAR_WORDS, CALENDAR);
        g.add_list(TOWNS, TOWN);
        // Plural demonyms name groups of people (`Iraqis`, `Kurds`... `Greeks`).
        for d in DEMONYMS.lines().map(str::trim) {
            let adds_s = !d.is_empty()
                && !d.starts_with('#')
                && !d.contains(' ')
                && !["s", "sh", "ch", "ese"].iter().any(|e| d.ends_with(e));
            if adds_s {
                g.add(&format!("{d}s"), DEMONYM);
            }
        }
        g
    }

    /// Add `KIND\tname` lines (KIND one of COUNTRY, REGION, CITY, CONTINENT,
    /// DEMONYM, ORG, TITLE, ORGANIZATION, GIVEN, SURNAME); unknown kinds are skipped.
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
                "ORGANIZATION" => ORGANIZATION,
                "GIVEN" => GIVEN_NAME,
                "SURNAME" => SURNAME,
                _ => continue,
            };
            self.add(name, k);
        }
    }

    /// Add one name per line (`#` comments) with the given kind.
    pub fn add_list(&mut self, text: &str, kind: u16) {
        for line in text.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                self.add(line, kind);
            }
        }
    }

    pub fn add(&mut self, name: &str, kind: u16) {
        let toks = name_tokens(name);
        if toks.is_empty() || toks.len() > MAX_LEN {
            return;
        }
        let mut h = 0u64;
        for (i, t) in toks.iter().enumerate() {
            h = seq_step(h, hash_str(t));
            let e = self.names.entry(h).or_insert(0);
            if i + 1 == toks.len() {
                *e |= kind | END;
            }
        }
    }

    /// Kinds of the name that is this one word (the hash of its lowercase
    /// form), 0 if none: `matches` of a one-word sentence, without building
    /// the match vector.
    pub fn word_kinds(&self, lower_hash: u64) -> u16 {
        match self.names.get(&seq_step(0, lower_hash)) {
            Some(&k) if k & END != 0 => k & !END,
            _ => 0,
        }
    }

    /// Longest-match lookup over a sentence given the hashes of its lowercase tokens.
    pub fn matches(&self, lower_hashes: &[u64]) -> Vec<GazMatch> {
        let n = lower_hashes.len();
        let mut out = vec![GazMatch::default(); n];
        let mut i = 0;
        while i < n {
            let mut h = 0u64;
            let mut best: Option<(usize, u16)> = None;
            for (j, &lh) in lower_hashes.iter().enumerate().skip(i).take(MAX_LEN) {
                h = seq_step(h, lh);
                match self.names.get(&h) {
                    None => break,
                    Some(&k) if k & END != 0 => best = Some((j + 1, k & !END)),
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

/// The town list (`data/towns.txt`, one name per line, sorted): GeoNames
/// places in `cities1000.json` (in `dir`) with at least `min_population`
/// and fewer than `max_population` people, leaving out names that are
/// common lowercase words (as [`build_name_list`] does) and single letters.
pub fn build_town_list(
    dir: &std::path::Path,
    min_population: u64,
    max_population: u64,
    stats: &crate::ner::word_stats::WordStats,
) -> Result<String, crate::NlpError> {
    use serde_json::Value;
    let p = dir.join("cities1000.json");
    let text = crate::train::read_text(&p)?;
    let v: Value = serde_json::from_str(&text).map_err(|e| crate::NlpError::BadData {
        path: p.display().to_string(),
        line: e.line(),
        message: e.to_string(),
    })?;
    let common = |name: &str| {
        let b = stats.get(crate::features::Lex::lower_hash(name));
        b != crate::ner::word_stats::UNKNOWN && b & 0xf <= 1 && (b >> 8) & 0xf >= 2
    };
    let mut names: std::collections::BTreeSet<String> = Default::default();
    if let Value::Object(m) = v {
        for r in m.values() {
            let pop = r.get("population").and_then(Value::as_u64).unwrap_or(0);
            let Some(n) = r.get("name").and_then(Value::as_str) else {
                continue;
            };
            let n = n.trim();
            if (min_population..max_population).contains(&pop)
                && n.chars().count() > 1
                && n.len() <= 40
                && !common(n)
            {
                names.insert(n.to_owned());
            }
        }
    }
    let mut out = String::from(
        "# Towns derived from GeoNames (CC BY 4.0) by annals_nlp::gazetteer::build_town_list.\n",
    );
    for n in names {
        out.push_str(&n);
        out.push('\n');
    }
    Ok(out)
}

/// A name list (`Name` per line, most frequent first) from a US Census
/// frequency file (`NAME  freq  cumulative  rank` lines, as in the 1990
/// `dist.male.first` / `dist.female.first` / `dist.all.last` files), keeping
/// the `max` most frequent names that are not also common lowercase words
/// (`To`, `Will`, `Young`: seen at least 5 times in `stats` and mostly not
/// as a proper noun). Used to regenerate `data/given_names.txt` and
/// `data/surnames.txt`.
pub fn build_name_list(
    census: &str,
    max: usize,
    stats: &crate::ner::word_stats::WordStats,
) -> String {
    let common = |name: &str| {
        let b = stats.get(crate::features::Lex::lower_hash(name));
        b != crate::ner::word_stats::UNKNOWN && b & 0xf <= 1 && (b >> 8) & 0xf >= 2
    };
    let mut out = String::new();
    for name in census
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| n.chars().all(char::is_alphabetic) && !common(n))
        .take(max)
    {
        let mut cs = name.chars();
        if let Some(first) = cs.next() {
            out.push(first);
            out.extend(cs.flat_map(char::to_lowercase));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Lex;

    fn kinds(g: &Gazetteer, sentence: &str) -> Vec<(String, u16, bool)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let lowers: Vec<u64> = words.iter().map(|w| Lex::lower_hash(w)).collect();
        words
            .iter()
            .zip(g.matches(&lowers))
            .map(|(w, m)| (w.to_string(), m.kinds, m.begin))
            .collect()
    }

    #[test]
    fn one_word_kinds_are_those_of_a_one_word_match() {
        let g = Gazetteer::embedded();
        for w in [
            "ministry", "Police", "iraq", "John", "Tuesday", "new", "table", "Nairobi",
        ] {
            let h = Lex::lower_hash(w);
            let m = g.matches(&[h]).first().map_or(0, |m| m.kinds);
            assert_eq!(g.word_kinds(h), m, "{w}");
        }
        assert_ne!(g.word_kinds(Lex::lower_hash("ministry")), 0);
        // `new` only begins names (`New York`): no kinds of its own.
        assert_eq!(g.word_kinds(Lex::lower_hash("new")), 0);
    }

    #[test]
    fn name_lists_mark_people_organizations_and_dates() {
        let g = Gazetteer::embedded();
        let k = kinds(
            &g,
            "Michael Smith told the Associated Press on Wednesday that Iraqis went to Mosul",
        );
        assert!(k[0].1 & GIVEN_NAME != 0, "{k:?}");
        assert!(k[1].1 & SURNAME != 0, "{k:?}");
        assert!(k[4].1 & ORGANIZATION != 0 && k[4].2, "{k:?}");
        assert!(k[5].1 & ORGANIZATION != 0 && !k[5].2, "{k:?}");
        assert!(k[7].1 & CALENDAR != 0, "{k:?}");
        assert!(k[9].1 & DEMONYM != 0, "plural demonym: {k:?}");
        // Common words are kept off the name lists.
        assert_eq!(k[10].1 & (GIVEN_NAME | SURNAME), 0, "{k:?}");
        assert_eq!(k[11].1 & (GIVEN_NAME | SURNAME), 0, "{k:?}");
    }

    #[test]
    fn census_lines_become_names_without_common_words() {
        let census = "JAMES          3.318  3.318      1\nWILL           0.100  3.418      2\nO'NEIL 0.1 3.5 3\nMARIA 0.1 3.6 4\n";
        let stats = crate::ner::word_stats::WordStats::from_text("will\t003\n");
        assert_eq!(build_name_list(census, 10, &stats), "James\nMaria\n");
        assert_eq!(build_name_list(census, 1, &stats), "James\n");
    }

    #[test]
    fn towns_below_the_city_threshold_are_listed() {
        let g = Gazetteer::embedded();
        let k = kinds(&g, "flights from Palo Alto to Tehran");
        assert!(k[2].1 & TOWN != 0 && k[2].2, "{k:?}");
        assert!(k[3].1 & TOWN != 0 && !k[3].2, "{k:?}");
        assert!(k[5].1 & CITY != 0 && k[5].1 & TOWN == 0, "{k:?}");
        assert_eq!(k[0].1 & TOWN, 0, "{k:?}");
    }
}
