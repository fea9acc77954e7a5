//! The actor lexicon: actor and agent dictionaries indexed for matching.
//!
//! Phrases are indexed by a *squashed key*: lower-cased letters and digits
//! only (`U.S.` → `us`, `al-Qaeda` → `alqaeda`), so a phrase matches however
//! the tokenizer splits hyphens, periods and apostrophes. Lookups are one hash
//! probe per (start, length) pair over a bounded window: O(tokens).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::dictionary::{
    parse_actors, parse_agents, ActorDictionary, ActorEntry, AgentDictionary, AgentPlacement,
};

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
    /// Every actor and agent key, sorted: matching stops extending a phrase
    /// as soon as no key starts with it.
    sorted_keys: Vec<String>,
    /// Start of each two-byte bucket in `sorted_keys` (see [`bucket`]), so a
    /// prefix probe searches a few dozen keys instead of all of them.
    bucket_starts: Vec<u32>,
}

/// Buckets per leading byte: "no byte", digits, letters, anything else.
const BUCKET_WIDTH: usize = 38;

/// Order-preserving class of a key byte (keys are lower-case ASCII letters and
/// digits, or other letters in UTF-8): 1..=10 digits, 11..=36 letters, 37 the rest.
fn byte_class(b: u8) -> usize {
    match b {
        b'0'..=b'9' => 1 + (b - b'0') as usize,
        b'a'..=b'z' => 11 + (b - b'a') as usize,
        _ if b < b'0' => 1,
        _ if b < b'a' => 10,
        _ => 37,
    }
}

/// Bucket of a key: its first two bytes' classes (a missing second byte sorts first).
fn bucket(key: &[u8]) -> usize {
    let b0 = key.first().map_or(0, |&b| byte_class(b));
    let b1 = key.get(1).map_or(0, |&b| byte_class(b));
    b0 * BUCKET_WIDTH + b1
}

/// A fast non-cryptographic hasher for the short keys of the lexicon (the
/// Firefox/rustc "Fx" hash); lookups dominate the coder's running time.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.hash = (self.hash.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.hash = (self.hash.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

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
            if let Err(i) = self.sorted_keys.binary_search(&key) {
                self.sorted_keys.insert(i, key.clone());
            }
            self.ethnic_keys.insert(key);
        }
        self.index_buckets();
    }

    fn start(&self, bucket: usize) -> usize {
        let i = bucket.min(self.bucket_starts.len().saturating_sub(1));
        self.bucket_starts.get(i).map_or(0, |&s| s as usize)
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
        let mut keys: Vec<String> = lex
            .actor_keys
            .keys()
            .chain(lex.agent_keys.keys())
            .cloned()
            .collect();
        keys.sort_unstable();
        keys.dedup();
        lex.sorted_keys = keys;
        lex.index_buckets();
        lex
    }

    /// Recompute `bucket_starts` after `sorted_keys` changed.
    fn index_buckets(&mut self) {
        let n = BUCKET_WIDTH * BUCKET_WIDTH;
        let mut starts = vec![0u32; n + 1];
        for k in &self.sorted_keys {
            starts[bucket(k.as_bytes()) + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        self.bucket_starts = starts;
    }

    /// Whether some key starts with `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        self.probe(prefix).0
    }

    /// `(some key starts with prefix, prefix is itself a key)`.
    pub fn probe(&self, prefix: &str) -> (bool, bool) {
        let p = prefix.as_bytes();
        let (lo, hi) = match p.len() {
            0 => (0, self.sorted_keys.len()),
            1 => {
                let b = bucket(p);
                (self.start(b), self.start(b + BUCKET_WIDTH))
            }
            _ => {
                let b = bucket(p);
                (self.start(b), self.start(b + 1))
            }
        };
        let keys = self.sorted_keys.get(lo..hi).unwrap_or(&[]);
        let i = keys.partition_point(|k| k.as_str() < prefix);
        match keys.get(i) {
            Some(k) if k.starts_with(prefix) => (true, k.len() == prefix.len()),
            _ => (false, false),
        }
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
