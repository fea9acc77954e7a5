//! The actor lexicon: actor and agent dictionaries indexed for matching.
//!
//! Phrases are indexed by a *squashed key*: lower-cased letters and digits
//! only (`U.S.` → `us`, `al-Qaeda` → `alqaeda`), so a phrase matches however
//! the tokenizer splits hyphens, periods and apostrophes. Lookups are one hash
//! probe per (start, length) pair over a bounded window: O(tokens); a
//! [`PrefixFilter`] of every key prefix ends a window early.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::dictionary::{
    parse_actors, parse_agents, ActorDictionary, ActorEntry, AgentDictionary, AgentPlacement,
};
use crate::prefix_filter::{PhraseHash, PrefixFilter};

/// The embedded dictionaries, lowest priority first (later files win on equal phrases).
const EMBEDDED_ACTORS: &[(&str, &str)] = &[
    (
        "phoenix_countries.actors.txt",
        include_str!("../data/phoenix_countries.actors.txt"),
    ),
    (
        "phoenix_international.actors.txt",
        include_str!("../data/phoenix_international.actors.txt"),
    ),
    (
        "phoenix_nonstate.actors.txt",
        include_str!("../data/phoenix_nonstate.actors.txt"),
    ),
    (
        "countries.actors.txt",
        include_str!("../data/countries.actors.txt"),
    ),
    (
        "organizations.actors.txt",
        include_str!("../data/organizations.actors.txt"),
    ),
    (
        "groups.actors.txt",
        include_str!("../data/groups.actors.txt"),
    ),
    (
        "leaders.actors.txt",
        include_str!("../data/leaders.actors.txt"),
    ),
];
/// Communities that are not states: their actors take a country from context.
const EMBEDDED_ETHNIC: &str = include_str!("../data/ethnic_groups.txt");
const EMBEDDED_AGENTS: &[(&str, &str)] = &[
    (
        "phoenix.agents.txt",
        include_str!("../data/phoenix.agents.txt"),
    ),
    (
        "sectors.agents.txt",
        include_str!("../data/sectors.agents.txt"),
    ),
];

/// CAMEO sector codes: three-letter codes that are not roots even when an
/// entry is coded with one alone (`REUTERS [MED]`). ISO codes are kept out.
const SECTOR_CODES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "REF", "SPY",
    "ELI", "EDU", "LAB", "HLH", "AGR", "CRM", "DEV", "ENV", "HRI", "UAF", "REL", "CHR", "JEW",
    "BUD", "HIN", "MOS", "RAD", "MOD", "SEP", "INS", "NGM", "AMN", "IRC", "MNC",
];

/// Roots that are not countries but may start a code.
const NON_STATE_ROOTS: &[&str] = &["IGO", "NGO", "IMG", "MNC", "NGM", "UIS"];

/// An agent (sector) code found for a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    pub code: String,
    pub placement: AgentPlacement,
}

/// Actor and agent dictionaries ready for matching.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<ActorEntry>,
    actor_keys: HashMap<String, usize, FxBuild>,
    agent_keys: HashMap<String, Agent, FxBuild>,
    /// Roots known to be countries or organizations (first three letters of country codes).
    roots: HashSet<String, FxBuild>,
    /// Longest squashed key, to bound the matching window.
    max_key_len: usize,
    /// Names of ethnic and religious communities (squashed).
    ethnic_keys: HashSet<String, FxBuild>,
    /// Every actor, agent and community key and their prefixes: matching
    /// stops extending a phrase as soon as no key starts with it.
    filter: PrefixFilter,
}

type FxBuild = annals_core::fxhash::FxBuildHasher;

/// Lower-cased letters and digits of `s`, common Latin accents folded.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    squash_into(s, &mut out);
    out
}

/// [`squash`] appending to `out` (no allocation when `out` has room).
pub fn squash_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            let folded = match c.to_lowercase().next().unwrap_or(c) {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'ç' => 'c',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ý' | 'ÿ' => 'y',
                other => other,
            };
            out.push(folded);
        }
    }
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn embedded() -> Lexicon {
        let (actors, agents) = embedded_dictionaries();
        let mut lex = Lexicon::from_owned(actors, &agents);
        lex.add_ethnic_groups(EMBEDDED_ETHNIC);
        lex
    }

    /// Add community names (one per line, `#` comments) whose actors take
    /// their country from context.
    pub fn add_ethnic_groups(&mut self, list: &str) {
        for line in list.lines() {
            let name = line.split('#').next().unwrap_or("").trim();
            let key = squash(name);
            if key.is_empty() {
                continue;
            }
            self.max_key_len = self.max_key_len.max(key.len());
            self.filter.insert(&key);
            self.ethnic_keys.insert(key);
        }
    }

    /// Whether `key` names an ethnic or religious community.
    pub fn is_ethnic(&self, key: &str) -> bool {
        self.ethnic_keys.contains(key)
    }

    /// Index the given dictionaries; later dictionaries win on equal phrases.
    pub fn from_dictionaries(actors: &[ActorDictionary], agents: &[AgentDictionary]) -> Lexicon {
        Lexicon::from_owned(actors.to_vec(), agents)
    }

    pub(crate) fn from_owned(actors: Vec<ActorDictionary>, agents: &[AgentDictionary]) -> Lexicon {
        let mut lex = Lexicon::default();
        for dict in actors {
            for entry in dict.entries {
                let idx = lex.entries.len();
                for phrase in &entry.phrases {
                    let key = squash(phrase);
                    if key.is_empty() {
                        continue;
                    }
                    lex.max_key_len = lex.max_key_len.max(key.len());
                    lex.actor_keys.insert(key, idx);
                }
                if let Some(code) = entry.default_code.as_deref() {
                    if code.len() == 3
                        && code.bytes().all(|b| b.is_ascii_uppercase())
                        && !SECTOR_CODES.contains(&code)
                    {
                        lex.roots.insert(code.to_owned());
                    }
                }
                lex.entries.push(entry);
            }
        }
        for r in NON_STATE_ROOTS {
            lex.roots.insert((*r).to_owned());
        }
        for dict in agents {
            for entry in &dict.entries {
                for form in &entry.forms {
                    let key = squash(form);
                    if key.is_empty() {
                        continue;
                    }
                    lex.max_key_len = lex.max_key_len.max(key.len());
                    lex.agent_keys.insert(
                        key,
                        Agent {
                            code: entry.code.clone(),
                            placement: entry.placement,
                        },
                    );
                }
            }
        }
        for k in lex.actor_keys.keys().chain(lex.agent_keys.keys()) {
            lex.filter.insert(k);
        }
        lex
    }

    /// Whether some key may start with the phrase hashed as `h`: never
    /// false when one does, rarely true when none does (see [`PrefixFilter`]).
    pub fn may_extend(&self, h: PhraseHash) -> bool {
        self.filter.may_extend(h)
    }

    /// Whether `key` (hashed as `h`) is an actor, agent or community key.
    pub fn is_key(&self, key: &str, h: PhraseHash) -> bool {
        self.filter.may_be_key(h)
            && (self.actor_keys.contains_key(key)
                || self.agent_keys.contains_key(key)
                || self.ethnic_keys.contains(key))
    }

    pub fn actor(&self, key: &str) -> Option<(usize, &ActorEntry)> {
        let idx = *self.actor_keys.get(key)?;
        Some((idx, self.entries.get(idx)?))
    }

    pub fn entry(&self, idx: usize) -> Option<&ActorEntry> {
        self.entries.get(idx)
    }

    pub fn agent(&self, key: &str) -> Option<&Agent> {
        self.agent_keys.get(key)
    }

    pub fn max_key_len(&self) -> usize {
        self.max_key_len
    }

    /// Whether `root` (three letters) is a known country or organization root.
    pub fn is_root(&self, root: &str) -> bool {
        self.roots.contains(root)
    }

    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The code of an actor entry on `date`.
    pub fn code_on(&self, idx: usize, date: Option<NaiveDate>) -> Option<&str> {
        self.entries.get(idx)?.code_on(date)
    }
}

/// Parse the embedded dictionary files.
///
/// They are tested at build time of the test suite, so a failure here is a
/// packaging bug; a broken file is skipped rather than taking the pipeline down.
pub fn embedded_dictionaries() -> (Vec<ActorDictionary>, Vec<AgentDictionary>) {
    let actors = EMBEDDED_ACTORS
        .iter()
        .filter_map(|(name, text)| parse_actors(text, name).ok())
        .collect();
    let agents = EMBEDDED_AGENTS
        .iter()
        .filter_map(|(name, text)| parse_agents(text, name).ok())
        .collect();
    (actors, agents)
}

/// The embedded files by name, for the data tests and the README generator.
pub fn embedded_files() -> impl Iterator<Item = (&'static str, &'static str, bool)> {
    EMBEDDED_ACTORS
        .iter()
        .map(|(n, t)| (*n, *t, true))
        .chain(EMBEDDED_AGENTS.iter().map(|(n, t)| (*n, *t, false)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter may only err towards "perhaps": a phrase that starts some
    /// key must always be let through, or matching would stop too early.
    #[test]
    fn every_key_prefix_passes_the_filter() {
        let lex = Lexicon::embedded();
        let keys: Vec<&String> = lex
            .actor_keys
            .keys()
            .chain(lex.agent_keys.keys())
            .chain(lex.ethnic_keys.iter())
            .collect();
        assert!(keys.len() > 10_000, "only {} keys", keys.len());
        for key in keys {
            let mut h = PhraseHash::default();
            for (i, b) in key.bytes().enumerate() {
                h = h.extend(&[b]);
                assert!(
                    lex.may_extend(h),
                    "prefix {:?} of {key:?}",
                    &key.as_bytes()[..=i]
                );
            }
            assert!(lex.is_key(key, h), "{key:?}");
        }
        // A phrase no key contains is not a key, whatever the filter says.
        let odd = "zzqxjvzzqxjv";
        assert!(!lex.is_key(odd, PhraseHash::default().extend(odd.as_bytes())));
    }
}
