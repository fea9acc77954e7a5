//! The event lexicon: trigger lemmas with their CAMEO code and argument patterns.
//!
//! One entry per line (`data/lexicon.txt` documents the format):
//!
//! ```text
//! @AIR = jet|warplane|helicopter|drone
//! bomb/v      183
//! bomb/v      195  subj=@AIR
//! fire/v      175  obj=gas         also=obl:at
//! blow_up/v   1712
//! strike/n    195  mod=air|aerial  src=nmod:by,amod,compound,poss
//! threaten/v  130  embed=threat
//! launch/v    -    light
//! ```
//!
//! Entries are indexed by lemma in a `HashMap`; among the entries of a lemma
//! that match a trigger the most specific one (most constraints) wins, ties
//! going to the one written first.

use std::collections::HashMap;

use annals_core::fxhash::FxHashMap;

/// Lemma-keyed tables: lookups are on the per-token hot path.
type LemmaMap<V> = FxHashMap<String, V>;

use crate::EventsError;

/// Part of speech an entry applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    Verb,
    Noun,
}

/// How an embedding verb relates to the event in its complement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedKind {
    /// `threatened to strike`: a 13x threat; the strike is threatened.
    Threat,
    /// `demanded that X leave`: a 10x demand; the leaving is demanded.
    Demand,
    /// `urged X to`, `called on X to`: a 02x appeal; the embedded event is demanded.
    Appeal,
    /// `promised to`, `offered to`, `agreed to`: a 03x intent; the embedded event is planned
    /// (a conflictual one is threatened, or decided with the entry's `decides`).
    Intent,
    /// `refused to`, `rejected calls to`: a 12x rejection; the embedded event is negated.
    Refuse,
    /// `denied attacking`: no event of its own; the embedded event is denied.
    Deny,
    /// `plans to`, `is expected to`, `prepared to`: the embedded event is planned.
    Plan,
    /// `decided to`, `began`, `tried to`: transparent; the embedded event keeps its modality.
    Pass,
}

impl EmbedKind {
    fn parse(s: &str) -> Option<EmbedKind> {
        Some(match s {
            "threat" => EmbedKind::Threat,
            "demand" => EmbedKind::Demand,
            "appeal" => EmbedKind::Appeal,
            "intent" => EmbedKind::Intent,
            "refuse" => EmbedKind::Refuse,
            "deny" => EmbedKind::Deny,
            "plan" => EmbedKind::Plan,
            "pass" => EmbedKind::Pass,
            _ => return None,
        })
    }
}

/// What a casualty verb counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CasualtyKind {
    Dead,
    Injured,
    Arrested,
}

/// A dependency relation an argument may be found through, e.g. `obj`,
/// `obl:at` (an `obl` child with a `case` child "at"), `poss`, `amod`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgRel {
    /// Relation without subtype (`obj`, `obl`, `nmod`, `nsubj`, `iobj`, `amod`, `compound`, `poss`, `appos`).
    pub rel: String,
    /// Required preposition for `obl`/`nmod`.
    pub prep: Option<String>,
}

impl ArgRel {
    fn parse(s: &str) -> ArgRel {
        match s.split_once(':') {
            Some((rel, prep)) if rel == "obl" || rel == "nmod" => {
                let prep = if prep == "agent" { "by" } else { prep };
                ArgRel {
                    rel: rel.to_owned(),
                    prep: Some(prep.replace('_', " ")),
                }
            }
            _ => ArgRel {
                rel: s.to_owned(),
                prep: None,
            },
        }
    }

    /// The `via` label written on event arguments.
    pub fn label(&self) -> String {
        match &self.prep {
            Some(p) => format!("{}:{}", self.rel, p.replace(' ', "_")),
            None => self.rel.clone(),
        }
    }
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Trigger lemma (lowercase); for phrasal verbs the verb part.
    pub lemma: String,
    /// Particle of a phrasal verb (`blow_up` → `up`).
    pub particle: Option<String>,
    pub pos: TriggerPos,
    /// CAMEO code; empty for pure light verbs.
    pub code: String,
    pub subj: Option<Vec<String>>,
    pub obj: Option<Vec<String>>,
    /// Compound or adjectival modifier of the trigger (`air` strike).
    pub modifier: Option<Vec<String>>,
    /// Lemma of any `obl`/`nmod` dependent's preposition object (`fire ... at`): `prep:lemma|lemma`.
    pub prep_obj: Option<(String, Vec<String>)>,
    /// Relations giving the source; `None` = defaults for the part of speech.
    pub src: Option<Vec<ArgRel>>,
    /// Relations giving the target; `None` = defaults.
    pub tgt: Option<Vec<ArgRel>>,
    /// Extra target relations on top of the defaults.
    pub also: Vec<ArgRel>,
    /// A light verb: the event is the event noun in its object.
    pub light: bool,
    /// Light-verb nouns it accepts (`None` = any event noun).
    pub light_nouns: Option<Vec<String>>,
    pub embed: Option<EmbedKind>,
    /// Symmetric event (`clash`, `meet`): conjoined subjects face each other.
    pub symmetric: bool,
    /// An intent embedder that decides (`agreed to`): a conflictual act it
    /// embeds is decided, coded as that act, not threatened.
    pub decides: bool,
    /// May be emitted without any coded actor.
    pub no_actor: bool,
    pub casualty: Option<CasualtyKind>,
    /// Casualty verb that merges into the violent event it depends on.
    pub merge: bool,
    pub confidence: f32,
    /// PLOVER type (and mode) that the PLOVER manual gives this wording where
    /// the CAMEO→PLOVER crosswalk disagrees (`resign` → RETREAT `resign`).
    pub plover: Option<(String, Option<String>)>,
    /// 1-based line in its lexicon file, for messages and rule ids.
    pub line: usize,
    /// Which file: `builtin` or the user's path.
    pub origin: String,
}

impl Entry {
    /// Number of constraints: more constraints = more specific.
    pub fn specificity(&self) -> usize {
        self.subj.is_some() as usize
            + self.obj.is_some() as usize
            + self.modifier.is_some() as usize
            + self.prep_obj.is_some() as usize
            + self.particle.is_some() as usize
    }

    /// Rule id written in evidence: `lex:fire/v+obj=gas`.
    pub fn rule_id(&self) -> String {
        let mut s = format!(
            "lex:{}{}/{}",
            self.lemma,
            self.particle
                .as_deref()
                .map(|p| format!("_{p}"))
                .unwrap_or_default(),
            match self.pos {
                TriggerPos::Verb => "v",
                TriggerPos::Noun => "n",
            }
        );
        let join = |v: &Vec<String>| v.first().cloned().unwrap_or_default();
        if let Some(v) = &self.obj {
            s.push_str(&format!("+obj={}", join(v)));
        }
        if let Some(v) = &self.subj {
            s.push_str(&format!("+subj={}", join(v)));
        }
        if let Some(v) = &self.modifier {
            s.push_str(&format!("+mod={}", join(v)));
        }
        if let Some((p, v)) = &self.prep_obj {
            s.push_str(&format!("+{p}={}", join(v)));
        }
        s
    }
}

/// The whole lexicon, indexed by lemma.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    verbs: LemmaMap<Vec<Entry>>,
    nouns: LemmaMap<Vec<Entry>>,
    sets: HashMap<String, Vec<String>>,
    len: usize,
}

/// The built-in lexicon text.
pub const BUILTIN_LEXICON: &str = include_str!("../data/lexicon.txt");

impl Lexicon {
    /// The lexicon shipped with annals.
    pub fn builtin() -> Result<Lexicon, EventsError> {
        let mut lex = Lexicon::default();
        lex.add_text(BUILTIN_LEXICON, "builtin")?;
        Ok(lex)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Entries for a lemma and part of speech, most specific first.
    pub fn entries(&self, lemma: &str, pos: TriggerPos) -> &[Entry] {
        let map = match pos {
            TriggerPos::Verb => &self.verbs,
            TriggerPos::Noun => &self.nouns,
        };
        map.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether any entry exists for the lemma (either part of speech).
    pub fn has_lemma(&self, lemma: &str) -> bool {
        !self.entries(lemma, TriggerPos::Verb).is_empty()
            || !self.entries(lemma, TriggerPos::Noun).is_empty()
    }

    /// Add the entries of a lexicon text; `origin` names it in messages.
    /// Entries added later for the same lemma and constraints take precedence.
    pub fn add_text(&mut self, text: &str, origin: &str) -> Result<(), EventsError> {
        let mut added = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| EventsError::Lexicon {
                origin: origin.to_owned(),
                line: line_no,
                message,
            };
            if let Some(def) = line.strip_prefix('@') {
                let (name, vals) = def
                    .split_once('=')
                    .ok_or_else(|| err("set needs `@NAME = a|b`".into()))?;
                let vals = self.expand(vals.trim()).map_err(err)?;
                self.sets.insert(name.trim().to_owned(), vals);
                continue;
            }
            let mut fields = line.split_whitespace();
            let trig = fields.next().ok_or_else(|| err("empty entry".into()))?;
            let (word, pos) = trig
                .rsplit_once('/')
                .ok_or_else(|| err(format!("trigger {trig:?} needs /v or /n")))?;
            let pos = match pos {
                "v" => TriggerPos::Verb,
                "n" => TriggerPos::Noun,
                _ => return Err(err(format!("unknown part of speech {pos:?} (use v or n)"))),
            };
            let (lemma, particle) = match word.split_once('_') {
                Some((l, p)) => (l.to_lowercase(), Some(p.to_lowercase())),
                None => (word.to_lowercase(), None),
            };
            let code = fields
                .next()
                .ok_or_else(|| err("missing CAMEO code".into()))?;
            let code = if code == "-" {
                String::new()
            } else if code.chars().all(|c| c.is_ascii_digit()) && (2..=4).contains(&code.len()) {
                code.to_owned()
            } else {
                return Err(err(format!("bad CAMEO code {code:?}")));
            };
            let mut e = Entry {
                lemma,
                particle,
                pos,
                code,
                subj: None,
                obj: None,
                modifier: None,
                prep_obj: None,
                src: None,
                tgt: None,
                also: Vec::new(),
                light: false,
                light_nouns: None,
                embed: None,
                symmetric: false,
                decides: false,
                no_actor: false,
                casualty: None,
                merge: false,
                confidence: 0.9,
                plover: None,
                line: line_no,
                origin: origin.to_owned(),
            };
            for opt in fields {
                let (k, v) = opt.split_once('=').unwrap_or((opt, ""));
                let rels = |v: &str| {
                    v.split(',')
                        .filter(|s| !s.is_empty())
                        .map(ArgRel::parse)
                        .collect()
                };
                match k {
                    "subj" => e.subj = Some(self.expand(v).map_err(err)?),
                    "obj" => e.obj = Some(self.expand(v).map_err(err)?),
                    "mod" => e.modifier = Some(self.expand(v).map_err(err)?),
                    "src" => e.src = Some(rels(v)),
                    "tgt" => e.tgt = Some(rels(v)),
                    "also" => e.also = rels(v),
                    "light" => {
                        e.light = true;
                        if !v.is_empty() {
                            e.light_nouns = Some(self.expand(v).map_err(err)?);
                        }
                    }
                    "embed" => {
                        e.embed = Some(
                            EmbedKind::parse(v)
                                .ok_or_else(|| err(format!("unknown embed {v:?}")))?,
                        )
                    }
                    "sym" => e.symmetric = true,
                    "decides" => e.decides = true,
                    "noactor" => e.no_actor = true,
                    "merge" => e.merge = true,
                    "cas" => {
                        e.casualty = Some(match v {
                            "dead" => CasualtyKind::Dead,
                            "injured" => CasualtyKind::Injured,
                            "arrested" => CasualtyKind::Arrested,
                            _ => return Err(err(format!("unknown casualty kind {v:?}"))),
                        })
                    }
                    "plover" => {
                        let (t, m) = match v.split_once('/') {
                            Some((t, m)) => (t, Some(m.to_owned())),
                            None => (v, None),
                        };
                        if t.is_empty() || !t.chars().all(|c| c.is_ascii_uppercase()) {
                            return Err(err(format!(
                                "bad PLOVER type {v:?} (use e.g. plover=RETREAT/resign)"
                            )));
                        }
                        e.plover = Some((t.to_owned(), m));
                    }
                    "conf" => {
                        e.confidence = v
                            .parse()
                            .map_err(|_| err(format!("bad confidence {v:?}")))?
                    }
                    _ if k.starts_with("pobj:") => {
                        let prep = k.trim_start_matches("pobj:").replace('_', " ");
                        e.prep_obj = Some((prep, self.expand(v).map_err(err)?));
                    }
                    _ => return Err(err(format!("unknown option {k:?}"))),
                }
            }
            if e.code.is_empty() && !e.light && e.embed.is_none() {
                return Err(err(
                    "an entry with code `-` must be `light` or `embed=`".into()
                ));
            }
            added.push(e);
        }
        // Entries of this text come before earlier ones of equal specificity (a
        // user's file overrides the built-in lexicon); within a text, file order.
        let mut fresh: HashMap<(String, TriggerPos), Vec<Entry>> = HashMap::new();
        for e in added {
            fresh.entry((e.lemma.clone(), e.pos)).or_default().push(e);
        }
        for ((lemma, pos), mut list) in fresh {
            let map = match pos {
                TriggerPos::Verb => &mut self.verbs,
                TriggerPos::Noun => &mut self.nouns,
            };
            self.len += list.len();
            let old = map.remove(&lemma).unwrap_or_default();
            list.extend(old);
            list.sort_by_key(|e| std::cmp::Reverse(e.specificity()));
            map.insert(lemma, list);
        }
        Ok(())
    }

    fn expand(&self, v: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for part in v.split('|').filter(|s| !s.is_empty()) {
            if let Some(name) = part.strip_prefix('@') {
                let set = self
                    .sets
                    .get(name)
                    .ok_or_else(|| format!("unknown set @{name}"))?;
                out.extend(set.iter().cloned());
            } else {
                out.push(part.to_lowercase().replace('_', " "));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_covers_every_root() {
        let lex = Lexicon::builtin().unwrap();
        assert!(lex.len() > 300, "only {} entries", lex.len());
        let mut roots = std::collections::BTreeSet::new();
        for list in lex.verbs.values().chain(lex.nouns.values()) {
            for e in list {
                if e.code.len() >= 2 {
                    roots.insert(e.code[..2].to_owned());
                }
            }
        }
        for r in 1..=20 {
            assert!(
                roots.contains(&format!("{r:02}")),
                "no entry for root {r:02}"
            );
        }
    }

    #[test]
    fn specific_entries_come_first_and_errors_name_the_line() {
        let mut lex = Lexicon::default();
        lex.add_text("@G = gas|teargas\nfire/v 190\nfire/v 175 obj=@G\n", "t")
            .unwrap();
        let es = lex.entries("fire", TriggerPos::Verb);
        assert_eq!(es[0].code, "175");
        assert_eq!(
            es[0].obj.as_deref(),
            Some(&["gas".to_string(), "teargas".to_string()][..])
        );
        let err = lex.add_text("\nfire/x 190\n", "user.txt").unwrap_err();
        assert!(err.to_string().contains("user.txt") && err.to_string().contains("line 2"));
    }
}
