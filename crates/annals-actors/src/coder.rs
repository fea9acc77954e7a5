//! [`ActorCoder`]: finds actor phrases in a parsed [`Doc`] and codes them.
//!
//! Per sentence: dictionary matches ([`crate::matcher`]) are grouped into
//! noun-phrase chunks (from POS tags, or capitalization when there are none),
//! chunks are joined across `of`/`in`/`from`, coordination and apposition, and
//! each chunk is coded: a named actor's own code, or country + sector noun.
//! Pronouns and definite descriptions (`he`, `the ministry`, `the group`) are
//! then resolved to the nearest compatible actor before them, and first-person
//! pronouns inside quotes to the quote's speaker.

use std::borrow::Cow;
use std::collections::HashMap;

use annals_core::{
    ActorCode, ActorMention, Component, ComponentError, Doc, EntityLabel, Span, Token, Upos,
};
use chrono::NaiveDate;

use crate::dictionary::{ActorDictionary, AgentDictionary, AgentPlacement};
use crate::lexicon::{embedded_dictionaries, Agent, Lexicon};
use crate::matcher::{find_marks, pieces, Mark, MarkKind, LEADER_WORDS, PATRON_WORDS};

/// Codes actors: fills [`Doc::actors`]. See the module docs.
#[derive(Debug, Clone)]
pub struct ActorCoder {
    lexicon: Lexicon,
}

/// Heads that make a definite description refer back to an armed group or organization.
const GROUP_NOUNS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "movement",
    "faction",
    "outfit",
    "network",
    "alliance",
    "bloc",
    "coalition",
    "union",
];
/// Nouns of time that end a phrase (`the Security Council today`).
const TEMPORAL_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "weekend",
    "morning",
    "evening",
    "afternoon",
    "night",
];
/// Words joining a sector noun to the country or actor it belongs to.
const LINK_WORDS: &[&str] = &["of", "in", "from", "for"];

impl ActorCoder {
    /// The coder with the built-in lexicon (`data/`).
    pub fn embedded() -> ActorCoder {
        ActorCoder {
            lexicon: Lexicon::embedded(),
        }
    }

    /// The built-in lexicon extended by the given dictionaries (which win on equal phrases).
    pub fn with_dictionaries(
        actors: Vec<ActorDictionary>,
        agents: Vec<AgentDictionary>,
    ) -> ActorCoder {
        let (mut all_actors, mut all_agents) = embedded_dictionaries();
        all_actors.extend(actors);
        all_agents.extend(agents);
        ActorCoder {
            lexicon: Lexicon::from_owned(all_actors, &all_agents),
        }
    }

    /// Only the given dictionaries (e.g. PETRARCH's validation suite).
    pub fn from_dictionaries(
        actors: Vec<ActorDictionary>,
        agents: Vec<AgentDictionary>,
    ) -> ActorCoder {
        ActorCoder {
            lexicon: Lexicon::from_owned(actors, &agents),
        }
    }

    /// Add community names (one per line) whose actors take their country
    /// from context, like the built-in `data/ethnic_groups.txt`.
    pub fn with_ethnic_groups(mut self, list: &str) -> ActorCoder {
        self.lexicon.add_ethnic_groups(list);
        self
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Code a bare phrase (`"Iraqi security forces"`) without a parse.
    pub fn code_phrase(&self, text: &str, date: Option<NaiveDate>) -> Option<ActorCode> {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let ps = pieces(words.iter().copied());
        let marks = find_marks(&self.lexicon, &ps);
        let all: Vec<usize> = (0..marks.len()).collect();
        let tail_is_name = |_from: usize| true;
        self.code_marks(&marks, &all, date, &tail_is_name)
            .map(|c| c.code)
    }

    /// Turn a code string into an [`ActorCode`], splitting off a known root.
    fn actor_code(&self, code: &str) -> ActorCode {
        match code.get(..3) {
            Some(root) if self.lexicon.is_root(root) => {
                let rest = &code[3..];
                ActorCode {
                    code: code.to_owned(),
                    country: Some(root.to_owned()),
                    sector: (!rest.is_empty()).then(|| rest.to_owned()),
                }
            }
            _ => ActorCode {
                code: code.to_owned(),
                country: None,
                sector: Some(code.to_owned()),
            },
        }
    }

    fn combine(&self, root: &str, agent: &Agent) -> ActorCode {
        match agent.placement {
            AgentPlacement::Suffix => ActorCode {
                code: format!("{root}{}", agent.code),
                country: Some(root.to_owned()),
                sector: Some(agent.code.clone()),
            },
            AgentPlacement::Prefix => ActorCode {
                code: format!("{}{root}", agent.code),
                country: Some(root.to_owned()),
                sector: Some(agent.code.clone()),
            },
        }
    }

    /// Code a group of marks (one chunk). `tail_is_name(tok)` says whether
    /// every token after `tok` in the chunk is part of a name, so the sector
    /// noun is the phrase's head (`Foreign Minister Najah al-Shammari`) rather
    /// than a modifier (`press conference`).
    fn code_marks(
        &self,
        marks: &[Mark],
        idx: &[usize],
        date: Option<NaiveDate>,
        tail_is_name: &dyn Fn(usize) -> bool,
    ) -> Option<Coded> {
        let mut named: Option<(&Mark, String)> = None;
        let mut countries: Vec<(usize, String)> = Vec::new();
        let mut patron: Option<String> = None;
        let mut ethnic = false;
        let mut agent: Option<(&Mark, &Agent)> = None;
        let mut dated = false;
        for &i in idx {
            let m = marks.get(i)?;
            match &m.kind {
                MarkKind::Actor(e) => {
                    let Some(code) = self.lexicon.code_on(*e, date) else {
                        continue;
                    };
                    let code = code.to_owned();
                    if m.patron {
                        patron = Some(code.get(..3).unwrap_or(&code).to_owned());
                    } else if m.ethnic {
                        ethnic = true;
                    } else if code.len() == 3 && self.lexicon.is_root(&code) {
                        countries.push((m.tok_start, code));
                    } else {
                        dated |= self.lexicon.entry(*e).is_some_and(|e| e.is_dated());
                        named = Some((m, code));
                    }
                }
                MarkKind::Agent(g) => {
                    if tail_is_name(m.tok_end.saturating_sub(1)) {
                        agent = Some((m, g));
                    }
                }
                MarkKind::Community => ethnic = true,
            }
        }
        let agent_g = agent.map(|(_, g)| g);
        // Several countries (`U.S. embassy in Baghdad`): the one modifying the
        // sector noun, i.e. the last before it, else the first after it.
        let country: Option<String> = match agent {
            Some((am, _)) => countries
                .iter()
                .rev()
                .find(|(t, _)| *t < am.tok_start)
                .or_else(|| countries.first())
                .map(|(_, c)| c.clone()),
            None => countries.first().map(|(_, c)| c.clone()),
        };
        let (code, rule) = if let Some((_, code)) = &named {
            let c = self.actor_code(code);
            // A region-rooted entry (`MEAREB`) next to a country (`Palestinian ...`): the country wins.
            let regional = c.country.is_none() && code.len() > 3 && code.is_char_boundary(3);
            if let (true, Some(root)) = (regional, &country) {
                let sector = &code[3..];
                let c = ActorCode {
                    code: format!("{root}{sector}"),
                    country: Some(root.clone()),
                    sector: Some(sector.to_owned()),
                };
                return Some(Coded {
                    code: c,
                    rule: "dict:country+actor",
                    patron,
                    dated,
                    has_agent: agent.is_some(),
                    named: true,
                });
            }
            // `President Obama`: a title written before a dated office holder says
            // what the person is in this article, whatever the dictionary's dates.
            let titled_before = agent.is_some_and(|(am, _)| {
                named
                    .as_ref()
                    .is_some_and(|(nm, _)| am.tok_end <= nm.tok_start)
            });
            match (&c.sector, agent_g, &c.country) {
                (None, Some(g), Some(root)) => (self.combine(root, g), "dict:actor+agent"),
                // ... but not over a non-state role (`Taliban spokesman
                // Zabihullah Mujahid` stays a rebel before 2021).
                (Some(sector), Some(g), Some(root))
                    if dated
                        && titled_before
                        && is_state_root_code(&self.lexicon, root)
                        && matches!(
                            sector.get(..3),
                            Some("GOV" | "ELI" | "LEG" | "MIL" | "JUD")
                        ) =>
                {
                    (self.combine(root, g), "dict:actor+title")
                }
                _ => (c, "dict:actor"),
            }
        } else if let Some(root) = &country {
            match agent_g {
                Some(g) => (self.combine(root, g), "dict:country+agent"),
                None => (self.actor_code(root), "dict:country"),
            }
        } else if let Some(g) = agent_g {
            let rule = if patron.is_some() || ethnic {
                "patron"
            } else {
                "agent"
            };
            (
                ActorCode {
                    code: g.code.clone(),
                    country: None,
                    sector: Some(g.code.clone()),
                },
                rule,
            )
        } else if ethnic {
            // An ethnic group is a civilian population of the country it lives in.
            (
                ActorCode {
                    code: "CVL".into(),
                    country: None,
                    sector: Some("CVL".into()),
                },
                "patron",
            )
        } else {
            return None;
        };
        Some(Coded {
            code,
            rule,
            patron,
            dated,
            has_agent: agent.is_some(),
            named: named.is_some(),
        })
    }
}

/// The result of coding one chunk.
#[derive(Debug, Clone)]
struct Coded {
    code: ActorCode,
    rule: &'static str,
    patron: Option<String>,
    dated: bool,
    has_agent: bool,
    named: bool,
}

/// What coreference needs to know about an actor already found.
#[derive(Debug, Clone, Copy, Default)]
struct Traits {
    person: bool,
    plural: bool,
    group: bool,
}

/// A noun-phrase chunk: sentence-local tokens `start..end` and its marks.
#[derive(Debug, Clone)]
struct Chunk {
    start: usize,
    end: usize,
    marks: Vec<usize>,
}

/// The token lower-cased, borrowed when it already is (most tokens).
fn lower(t: &Token) -> Cow<'_, str> {
    if t.text
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(t.text.to_lowercase())
    } else {
        Cow::Borrowed(&t.text)
    }
}

fn is_possessive_s(t: &Token) -> bool {
    matches!(
        t.text.as_str(),
        "'s" | "\u{2019}s" | "'" | "\u{2019}" | "'S"
    )
}

fn is_det_word(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "this" | "that" | "these" | "those")
}

fn possessive_pronoun(w: &str) -> bool {
    matches!(w, "his" | "her" | "its" | "their" | "our" | "my")
}

fn first_person(w: &str) -> bool {
    matches!(w, "i" | "me" | "my" | "we" | "us" | "our")
}

fn is_pronoun_word(w: &str) -> bool {
    matches!(w, "he" | "him" | "she" | "her" | "it" | "they" | "them") || first_person(w)
}

fn capitalized(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

/// Sentence-level view: tokens plus whether a tagger/parser ran.
struct SentenceView<'a> {
    toks: &'a [Token],
    /// Offset of the sentence's first token in `Doc::tokens`.
    base: usize,
    tagged: bool,
    parsed: bool,
    /// Each token's text lowercased, computed once (chunking asks many times).
    lowered: Vec<Cow<'a, str>>,
}

impl<'a> SentenceView<'a> {
    /// Token `i` lowercased (`""` out of range).
    fn low(&self, i: usize) -> &str {
        self.lowered.get(i).map_or("", |w| w.as_ref())
    }

    fn chunkable(&self, i: usize, in_mark: bool) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if in_mark || is_possessive_s(t) {
            return true;
        }
        let w = self.low(i);
        // `Iranian-backed` split by the tokenizer: keep `backed` in the phrase.
        if i > 0
            && self.toks[i - 1].text == "-"
            && (PATRON_WORDS.contains(&w) || LEADER_WORDS.contains(&w))
        {
            return true;
        }
        if TEMPORAL_WORDS.contains(&w) {
            return false;
        }
        if self.tagged {
            match t.upos {
                Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num | Upos::Det => true,
                Upos::Pron => possessive_pronoun(w) && t.xpos != "PRP",
                Upos::Punct => t.text == "-",
                _ => false,
            }
        } else {
            capitalized(t) || is_det_word(w) || possessive_pronoun(w)
        }
    }

    fn is_nominal(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            if self.tagged {
                matches!(t.upos, Upos::Noun | Upos::Propn)
            } else {
                !is_det_word(&lower(t))
            }
        })
    }

    /// A token that can follow a sector noun inside a name (`Minister Najah al-Shammari`).
    fn is_name_token(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            is_possessive_s(t)
                || (self.tagged && matches!(t.upos, Upos::Propn | Upos::Punct))
                || (!self.tagged && capitalized(t))
                || (self.tagged
                    && t.upos == Upos::Noun
                    && capitalized(t)
                    && t.xpos.starts_with("NNP"))
        })
    }

    /// The chunk's syntactic head: from the parse when there is one, else its last nominal.
    fn head(&self, start: usize, end: usize) -> usize {
        if self.parsed {
            for i in start..end {
                match self.toks.get(i).and_then(|t| t.head) {
                    Some(h) if h >= start && h < end => {}
                    _ => return i,
                }
            }
        }
        (start..end)
            .rev()
            .find(|&i| self.is_nominal(i))
            .unwrap_or(end.saturating_sub(1))
    }

    fn plural(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            if !t.xpos.is_empty() {
                t.xpos == "NNS" || t.xpos == "NNPS"
            } else {
                t.text.ends_with('s') && !t.text.ends_with("ss")
            }
        })
    }
}

impl Component for ActorCoder {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let date = doc.document.date;
        let mut actors: Vec<ActorMention> = Vec::new();
        let mut traits: Vec<Traits> = Vec::new();
        let mut patron_fix: Vec<Fix> = Vec::new();
        let dateline = doc
            .document
            .dateline
            .as_ref()
            .map(|d| d.span)
            .filter(|s| !s.is_empty());
        for (si, sent) in doc.sentences.iter().enumerate() {
            // The dateline (`BAGHDAD, Dec 31 (Reuters) -`) names no actor; its
            // place still serves as context (see `fix_context`).
            if dateline.is_some_and(|d| d.contains(sent.span)) {
                continue;
            }
            let toks = doc.tokens.get(sent.tokens.clone()).unwrap_or(&[]);
            let view = SentenceView {
                toks,
                base: sent.tokens.start,
                tagged: toks.iter().any(|t| t.upos != Upos::X),
                parsed: toks.iter().any(|t| t.head.is_some()),
                lowered: toks.iter().map(lower).collect(),
            };
            let ps = pieces(toks.iter().map(|t| t.text.as_str()));
            let mut marks = find_marks(&self.lexicon, &ps);
            drop_first_names(doc, &view, &mut marks);
            let chunks = self.chunks(&view, &marks);
            let is_country = |m: &Mark| match &m.kind {
                MarkKind::Actor(e) => self
                    .lexicon
                    .code_on(*e, date)
                    .is_some_and(|c| c.len() == 3 && self.lexicon.is_root(c)),
                _ => false,
            };
            let inherited = coordination(&view, &chunks, &marks, &is_country);
            let mut in_chunk = vec![false; toks.len()];
            for c in &chunks {
                for f in in_chunk.iter_mut().take(c.end).skip(c.start) {
                    *f = true;
                }
            }
            // Walk chunks and free pronouns in order, so antecedents precede.
            let mut items: Vec<(usize, Option<usize>)> = chunks
                .iter()
                .enumerate()
                .map(|(ci, c)| (c.start, Some(ci)))
                .collect();
            for (i, t) in toks.iter().enumerate() {
                let pron = if view.tagged {
                    t.upos == Upos::Pron
                } else {
                    true
                };
                if in_chunk[i] || !pron {
                    continue;
                }
                let w = lower(t);
                if is_pronoun_word(&w) && !first_person(&w) {
                    items.push((i, None));
                }
            }
            items.sort_by_key(|(p, c)| (*p, c.is_none()));
            for (pos, item) in items {
                match item {
                    Some(ci) => {
                        let Some(chunk) = chunks.get(ci) else {
                            continue;
                        };
                        self.code_chunk(
                            doc,
                            &view,
                            si,
                            chunk,
                            &marks,
                            inherited.get(&ci).copied(),
                            date,
                            &mut actors,
                            &mut traits,
                            &mut patron_fix,
                        );
                    }
                    None => {
                        let Some(t) = toks.get(pos) else { continue };
                        let w = lower(t);
                        if let Some(ante) =
                            resolve_pronoun(&w, &actors, &traits, si, 3, &patron_fix)
                        {
                            let a = &actors[ante];
                            let mention = ActorMention {
                                text: t.text.clone(),
                                span: t.span,
                                sentence: si,
                                tokens: view.base + pos..view.base + pos + 1,
                                head: view.base + pos,
                                code: a.code.clone(),
                                entity: a.entity.clone(),
                                patron: a.patron.clone(),
                                rule: "coref:pronoun".into(),
                                antecedent: Some(ante),
                            };
                            let tr = traits[ante];
                            actors.push(mention);
                            traits.push(tr);
                        }
                    }
                }
            }
            // Appositions: `Nuri al-Maliki, Iraq's prime minister,` gives the name the title's code.
            self.appositions(doc, &view, si, &mut actors, &mut traits, &mut patron_fix);
            // `Abe and Xi spoke`: a bare surname of a person named earlier.
            surnames(&view, si, &mut actors, &mut traits);
        }
        fix_context(doc, &self.lexicon, &mut actors, &patron_fix);
        // A pronoun resolved to an actor coded from context takes its code now.
        for i in 0..actors.len() {
            let Some(a) = actors[i]
                .antecedent
                .filter(|_| actors[i].rule == "coref:pronoun")
            else {
                continue;
            };
            if let Some(code) = actors.get(a).map(|x| x.code.clone()) {
                actors[i].code = code;
            }
        }
        self.quotes(doc, &mut actors);
        sort_actors(doc, &mut actors);
        doc.actors = actors;
        Ok(())
    }
}

impl ActorCoder {
    /// Group tokens into noun-phrase chunks holding at least one mark (or a
    /// possessive pronoun, or a group noun after a determiner).
    fn chunks(&self, view: &SentenceView, marks: &[Mark]) -> Vec<Chunk> {
        let n = view.toks.len();
        let mut mark_of: Vec<Option<usize>> = vec![None; n];
        for (mi, m) in marks.iter().enumerate() {
            for slot in mark_of.iter_mut().take(m.tok_end.min(n)).skip(m.tok_start) {
                if slot.is_none() {
                    *slot = Some(mi);
                }
            }
        }
        let mut raw: Vec<Chunk> = Vec::new();
        let mut i = 0;
        while i < n {
            if !view.chunkable(i, mark_of[i].is_some()) {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i + 1;
            while j < n && view.chunkable(j, mark_of[j].is_some()) {
                // A determiner after a noun starts a new phrase (`gave the army the order`).
                let w = view.low(j);
                let prev = &view.toks[j - 1];
                let starts_np = (is_det_word(w) || possessive_pronoun(w))
                    && mark_of[j].is_none()
                    && !is_possessive_s(prev)
                    && view.is_nominal(j - 1);
                if starts_np {
                    break;
                }
                j += 1;
            }
            // `at least 12 people`: the quantifier belongs to the phrase.
            let start = if start > 0
                && matches!(view.low(start), "least" | "most")
                && view.low(start - 1) == "at"
            {
                start - 1
            } else {
                start
            };
            // Do not end on a dangling hyphen.
            let mut end = j;
            while end > start + 1 && view.toks[end - 1].text == "-" {
                end -= 1;
            }
            let mut ms: Vec<usize> = (start..end).filter_map(|t| mark_of[t]).collect();
            ms.dedup();
            raw.push(Chunk {
                start,
                end,
                marks: ms,
            });
            i = j.max(start + 1);
        }
        // Join `X of/in/from Y` where X is a bare sector noun and Y names who it belongs to.
        let mut out: Vec<Chunk> = Vec::new();
        let mut k = 0;
        while k < raw.len() {
            let mut cur = raw[k].clone();
            while let Some(next) = raw.get(k + 1) {
                let link = view.toks.get(cur.end).map(lower);
                let adjacent = next.start == cur.end + 1;
                let cur_agent_only = !cur.marks.is_empty()
                    && cur
                        .marks
                        .iter()
                        .all(|&m| matches!(marks[m].kind, MarkKind::Agent(_)));
                let next_actor_only = !next.marks.is_empty()
                    && next
                        .marks
                        .iter()
                        .all(|&m| matches!(marks[m].kind, MarkKind::Actor(_)));
                if adjacent
                    && cur_agent_only
                    && next_actor_only
                    && link.as_deref().is_some_and(|l| LINK_WORDS.contains(&l))
                {
                    cur.end = next.end;
                    cur.marks.extend(next.marks.iter().copied());
                    k += 1;
                } else {
                    break;
                }
            }
            out.push(cur);
            k += 1;
        }
        // Keep chunks with a mark, a possessive pronoun or a determiner + group noun.
        out.retain(|c| {
            !c.marks.is_empty()
                || (c.start..c.end).any(|i| possessive_pronoun(view.low(i)))
                || definite_group(view, c)
        });
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn code_chunk(
        &self,
        doc: &Doc,
        view: &SentenceView,
        si: usize,
        chunk: &Chunk,
        marks: &[Mark],
        inherited: Option<&Agent>,
        date: Option<NaiveDate>,
        actors: &mut Vec<ActorMention>,
        traits: &mut Vec<Traits>,
        patron_fix: &mut Vec<Fix>,
    ) {
        let toks = view.toks;
        // Tokens after the sector noun up to a link word (`police in Lebanon`) must be a name.
        // A sector noun followed by common nouns still names the actor: the
        // phrase is cut after it (`the Israeli army bulldozers` → `Israeli army`).
        let tail_is_name = |_tok: usize| true;
        let mut coded = self.code_marks(marks, &chunk.marks, date, &tail_is_name);
        if let (Some(g), Some(c)) = (inherited, coded.as_mut()) {
            if let (Some(root), false) = (c.code.country.clone(), c.has_agent) {
                c.code = self.combine(&root, g);
                c.rule = "coord";
                c.has_agent = true;
            }
        }
        let head = view.head(chunk.start, chunk.end);
        let head_plural = view.plural(head);
        let first_word = toks.get(chunk.start).map(lower).unwrap_or_default();
        let possessive = (chunk.start..chunk.end).find(|&i| possessive_pronoun(view.low(i)));
        let mut antecedent = None;
        let mut rule_override = None;
        match coded.as_mut() {
            // `its forces`, `his government`: the owner's country + the sector.
            Some(c) if c.code.country.is_none() && possessive.is_some() => {
                let w = possessive.map(|i| lower(&toks[i])).unwrap_or_default();
                let pron = match w.as_ref() {
                    "his" => "he",
                    "her" => "she",
                    "its" => "it",
                    "their" => "they",
                    other => other,
                };
                if let Some(a) = resolve_pronoun(pron, actors, traits, si, 3, &[]) {
                    if let (Some(root), Some(sector)) =
                        (actors[a].code.country.clone(), c.code.sector.clone())
                    {
                        c.code = ActorCode {
                            code: format!("{root}{sector}"),
                            country: Some(root),
                            sector: Some(sector),
                        };
                        antecedent = Some(a);
                        rule_override = Some("coref:possessive");
                    }
                }
            }
            // `the ministry`: the nearest earlier actor of the same sector lends its country.
            Some(c)
                if c.code.country.is_none() && is_det_word(&first_word) && c.patron.is_none() =>
            {
                let sector3 = c
                    .code
                    .sector
                    .as_deref()
                    .and_then(|s| s.get(..3))
                    .unwrap_or("")
                    .to_owned();
                if let Some(a) = resolve_definite(actors, si, 10, |i| {
                    let m = &actors[i];
                    m.code.country.is_some()
                        && m.code.sector.as_deref().and_then(|s| s.get(..3)) == Some(&sector3)
                }) {
                    let root = actors[a].code.country.clone().unwrap_or_default();
                    let sector = c.code.sector.clone();
                    c.code = ActorCode {
                        code: format!("{root}{}", sector.as_deref().unwrap_or("")),
                        country: Some(root),
                        sector,
                    };
                    antecedent = Some(a);
                    rule_override = Some("coref:definite");
                }
            }
            Some(_) => {}
            None => {
                // `the group`: the nearest earlier armed group or organization, code and all.
                if definite_group(view, chunk) {
                    if let Some(a) =
                        resolve_definite(actors, si, 10, |i| traits.get(i).is_some_and(|t| t.group))
                    {
                        coded = Some(Coded {
                            code: actors[a].code.clone(),
                            rule: "coref:definite",
                            patron: actors[a].patron.clone(),
                            dated: false,
                            has_agent: false,
                            named: true,
                        });
                        antecedent = Some(a);
                    }
                }
            }
        }
        let Some(c) = coded else { return };
        // Trim leading determiners/possessive pronouns and trailing possessive markers.
        let mut s = chunk.start;
        while s + 1 < chunk.end && is_det_word(view.low(s)) {
            s += 1;
        }
        // After the last dictionary match only a name may follow (`Foreign Minister
        // Najah al-Shammari`); common nouns there are what the actor owns or does
        // (`the Israeli army bulldozers`, `the Russian government's refusal`).
        let last_mark_end = chunk
            .marks
            .iter()
            .map(|&m| marks[m].tok_end)
            .max()
            .unwrap_or(chunk.end)
            .clamp(chunk.start + 1, chunk.end);
        // `a new military offensive`, `all official contact`: a sector
        // adjective on a noun that is no actor names nobody.
        if c.rule == "agent"
            && view.tagged
            && head >= last_mark_end
            && chunk.marks.iter().all(|&m| {
                marks.get(m).is_some_and(|mk| {
                    (mk.tok_start..mk.tok_end)
                        .all(|i| toks.get(i).is_some_and(|t| t.upos == Upos::Adj))
                })
            })
        {
            return;
        }
        let mut e = last_mark_end;
        while e < chunk.end
            && view.is_name_token(e)
            && !is_possessive_s(&toks[e])
            && (capitalized(&toks[e]) || toks[e].text == "-")
        {
            e += 1;
        }
        let mut e = e.max(s + 1);
        // `the Dutch ambassador to protest ...`: the dictionary's
        // `ambassador to` matched with no country after it; a mention ends
        // in no punctuation and no function word.
        while e > s + 1
            && (is_possessive_s(&toks[e - 1])
                || view.tagged
                    && matches!(
                        toks[e - 1].upos,
                        Upos::Punct | Upos::Adp | Upos::Part | Upos::Cconj | Upos::Det
                    ))
        {
            e -= 1;
        }
        let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
        let doc_range = view.base + s..view.base + e;
        let entity = doc
            .entities
            .iter()
            .filter(|en| matches!(en.label, EntityLabel::Per | EntityLabel::Org))
            .find(|en| en.tokens.start < doc_range.end && doc_range.start < en.tokens.end)
            .map(|en| doc.slice(en.span).to_owned());
        let person = c.dated
            || doc.entities.iter().any(|en| {
                en.label == EntityLabel::Per
                    && en.tokens.start < doc_range.end
                    && doc_range.start < en.tokens.end
            })
            || (c.has_agent
                && !head_plural
                && !toks.get(head).is_some_and(|t| institution(&head_lemma(t))));
        let sector = c.code.sector.as_deref().unwrap_or("");
        let group = c.named
            && (c.code.country.is_none()
                || ["REB", "OPP", "PTY", "UAF", "IMG", "NGO", "IGO"]
                    .iter()
                    .any(|g| sector.starts_with(g))
                || c.code
                    .country
                    .as_deref()
                    .is_some_and(|r| matches!(r, "IGO" | "NGO" | "IMG")))
            && !c.dated;
        let rule = rule_override.unwrap_or(c.rule);
        // `President Mugabe`: a state title with a name but no country takes the
        // country the sentence is about.
        let titled = c.rule == "agent" && {
            let agent_end = chunk
                .marks
                .iter()
                .filter(|&&m| matches!(marks[m].kind, MarkKind::Agent(_)))
                .map(|&m| marks[m].tok_end)
                .max()
                .unwrap_or(chunk.end);
            (agent_end..chunk.end).any(|i| {
                capitalized(&toks[i]) && view.is_name_token(i) && !is_possessive_s(&toks[i])
            })
        };
        if c.rule == "patron" {
            patron_fix.push(Fix {
                actor: actors.len(),
                titled: false,
                domestic: false,
            });
        } else if titled {
            patron_fix.push(Fix {
                actor: actors.len(),
                titled: true,
                domestic: false,
            });
        } else if c.rule == "agent"
            && c.code.country.is_none()
            && c.patron.is_none()
            && rule_override.is_none()
            && DOMESTIC_SECTORS.iter().any(|d| sector.starts_with(d))
        {
            patron_fix.push(Fix {
                actor: actors.len(),
                titled: false,
                domestic: true,
            });
        }
        actors.push(ActorMention {
            text: doc.slice(span).to_owned(),
            span,
            sentence: si,
            tokens: doc_range,
            head: view.base + head.clamp(s, e - 1),
            code: c.code,
            entity,
            patron: c.patron,
            rule: rule.into(),
            antecedent,
        });
        traits.push(Traits {
            person: person && !head_plural,
            plural: head_plural || (group && !person),
            group,
        });
    }

    /// `NAME, TITLE` and `TITLE, NAME`: a bare name next to a coded title gets its code.
    fn appositions(
        &self,
        doc: &Doc,
        view: &SentenceView,
        si: usize,
        actors: &mut Vec<ActorMention>,
        traits: &mut Vec<Traits>,
        fixes: &mut Vec<Fix>,
    ) {
        let sentence_actors: Vec<usize> = (0..actors.len())
            .filter(|&a| actors[a].sentence == si)
            .collect();
        for ent in doc.entities.iter().filter(|e| {
            e.label == EntityLabel::Per && doc.sentence_of_token(e.tokens.start) == Some(si)
        }) {
            let (es, ee) = (ent.tokens.start, ent.tokens.end);
            if ee <= es || es < view.base {
                continue;
            }
            // A name is capitalized: a tagger's `PER` over `pledged to` is noise.
            let words = view.toks.get(es - view.base..ee - view.base).unwrap_or(&[]);
            if !words.iter().any(capitalized) {
                continue;
            }
            if sentence_actors
                .iter()
                .any(|&a| actors[a].tokens.start < ee && es < actors[a].tokens.end)
            {
                continue;
            }
            let comma_after = view.toks.get(ee - view.base).is_some_and(|t| t.text == ",");
            let comma_before = es > view.base
                && view
                    .toks
                    .get(es - view.base - 1)
                    .is_some_and(|t| t.text == ",");
            let partner = sentence_actors.iter().copied().find(|&a| {
                let m = &actors[a];
                let titled =
                    m.code.sector.is_some() && m.code.country.is_some() && m.antecedent.is_none();
                titled
                    && ((comma_after && m.tokens.start == ee + 1)
                        || (comma_before && m.tokens.end + 1 == es))
            });
            let Some(a) = partner else {
                // A person unknown to the lexicon: coded with the country of the
                // sentence, or dropped at the end if there is none.
                fixes.push(Fix {
                    actor: actors.len(),
                    titled: true,
                    domestic: false,
                });
                actors.push(ActorMention {
                    text: doc.slice(ent.span).to_owned(),
                    span: ent.span,
                    sentence: si,
                    tokens: es..ee,
                    head: ee - 1,
                    code: ActorCode::default(),
                    entity: Some(doc.slice(ent.span).to_owned()),
                    patron: None,
                    rule: "context:person".into(),
                    antecedent: None,
                });
                traits.push(Traits {
                    person: true,
                    plural: false,
                    group: false,
                });
                continue;
            };
            {
                let m = actors[a].clone();
                actors.push(ActorMention {
                    text: doc.slice(ent.span).to_owned(),
                    span: ent.span,
                    sentence: si,
                    tokens: es..ee,
                    head: ee - 1,
                    code: m.code,
                    entity: Some(doc.slice(ent.span).to_owned()),
                    patron: m.patron,
                    rule: "appos".into(),
                    antecedent: Some(a),
                });
                traits.push(Traits {
                    person: true,
                    plural: false,
                    group: false,
                });
            }
        }
    }

    /// Speakers of quotes, and first-person pronouns inside them.
    fn quotes(&self, doc: &mut Doc, actors: &mut Vec<ActorMention>) {
        for qi in 0..doc.quotes.len() {
            let Some(sspan) = doc.quotes[qi].speaker_span else {
                continue;
            };
            let speaker = actors
                .iter()
                .enumerate()
                .filter(|(_, a)| a.span.overlaps(sspan) && !a.code.code.is_empty())
                .max_by_key(|(_, a)| a.span.len())
                .map(|(i, _)| i);
            let Some(sp) = speaker else { continue };
            if doc.quotes[qi].speaker_actor.is_none() {
                doc.quotes[qi].speaker_actor = Some(sp);
            }
            let qspan = doc.quotes[qi].span;
            for (ti, t) in doc.tokens.iter().enumerate() {
                if !qspan.contains(t.span) || !first_person(&lower(t)) {
                    continue;
                }
                if actors.iter().any(|a| a.tokens.contains(&ti)) {
                    continue;
                }
                let Some(si) = doc.sentence_of_token(ti) else {
                    continue;
                };
                let s = &actors[sp];
                actors.push(ActorMention {
                    text: t.text.clone(),
                    span: t.span,
                    sentence: si,
                    tokens: ti..ti + 1,
                    head: ti,
                    code: s.code.clone(),
                    entity: s.entity.clone(),
                    patron: s.patron.clone(),
                    rule: "coref:quote-speaker".into(),
                    antecedent: Some(sp),
                });
            }
        }
    }
}

/// Nouns naming institutions rather than people (`he` cannot refer to them).
const INSTITUTIONS: &[&str] = &[
    "government",
    "ministry",
    "army",
    "military",
    "police",
    "parliament",
    "court",
    "administration",
    "regime",
    "cabinet",
    "council",
    "agency",
    "department",
    "embassy",
    "party",
    "authority",
    "authorities",
    "force",
    "forces",
    "troops",
    "media",
    "senate",
    "congress",
    "assembly",
    "legislature",
    "judiciary",
    "company",
    "firm",
    "union",
    "opposition",
    "leadership",
    "presidency",
    "junta",
    "navy",
    "militia",
    "group",
    "coalition",
    "alliance",
    "state",
    "office",
    "service",
    "committee",
    "commission",
    "bank",
    "corporation",
    "university",
    "school",
    "hospital",
    "newspaper",
    "television",
    "movement",
    "network",
    "organization",
    "organisation",
    "prosecution",
    "tribunal",
];

fn head_lemma(t: &Token) -> String {
    if t.lemma.is_empty() || t.lemma == "_" {
        lower(t).into_owned()
    } else {
        t.lemma.to_lowercase()
    }
}

fn institution(lemma: &str) -> bool {
    INSTITUTIONS.contains(&lemma) || INSTITUTIONS.contains(&lemma.trim_end_matches('s'))
}

/// Whether a chunk is `the group`, `the organization`... (determiner + group noun head).
fn definite_group(view: &SentenceView, c: &Chunk) -> bool {
    let first = view.toks.get(c.start).map(lower).unwrap_or_default();
    let last = view.toks.get(c.end.saturating_sub(1)).map(|t| {
        if t.lemma.is_empty() {
            lower(t).trim_end_matches('s').to_owned()
        } else {
            t.lemma.to_lowercase()
        }
    });
    is_det_word(&first)
        && c.end - c.start <= 3
        && last.is_some_and(|l| GROUP_NOUNS.contains(&l.as_str()))
}

/// A one-word name in the lexicon (`Abdullah`) that opens a longer person's
/// name (`Abdullah Ocalan`: the tagger's person entity runs on over a
/// capitalized name the lexicon does not cover) is another person's first
/// name, not the listed one.
fn drop_first_names(doc: &Doc, view: &SentenceView, marks: &mut Vec<Mark>) {
    let first_name = |m: &Mark, marks: &[Mark]| {
        let next = m.tok_end;
        matches!(m.kind, MarkKind::Actor(_))
            && m.tok_end == m.tok_start + 1
            && view
                .toks
                .get(m.tok_start)
                .is_some_and(|t| t.upos == Upos::Propn)
            && view
                .toks
                .get(next)
                .is_some_and(|t| t.upos == Upos::Propn && capitalized(t))
            && !marks
                .iter()
                .any(|o| o.tok_start <= next && next < o.tok_end)
            && doc.entities.iter().any(|e| {
                e.label == EntityLabel::Per
                    && e.tokens.start <= view.base + m.tok_start
                    && view.base + next < e.tokens.end
            })
    };
    // Rare: check before allocating.
    if !marks.iter().any(|m| first_name(m, marks)) {
        return;
    }
    let drop: Vec<bool> = marks.iter().map(|m| first_name(m, marks)).collect();
    let mut drop = drop.into_iter();
    marks.retain(|_| !drop.next().unwrap_or(false));
}

/// A capitalized name token outside every actor of its sentence that is a
/// word of a person's name given earlier (`Shinzo Abe` ... `Abe`, `Xi
/// Jinping` ... `Xi`) is that person.
fn surnames(
    view: &SentenceView,
    si: usize,
    actors: &mut Vec<ActorMention>,
    traits: &mut Vec<Traits>,
) {
    if !view.tagged || actors.is_empty() {
        return;
    }
    let first_here = actors
        .iter()
        .rposition(|a| a.sentence < si)
        .map_or(0, |p| p + 1);
    let n = view.toks.len();
    for (i, t) in view.toks.iter().enumerate() {
        if t.upos != Upos::Propn || !capitalized(t) || t.text.len() < 2 {
            continue;
        }
        let doc_i = view.base + i;
        // Part of a longer name (`Abe Shinzo`, `Mr Abe`'s neighbours) or already coded.
        let next_name = i + 1 < n && view.toks[i + 1].upos == Upos::Propn;
        let prev_name = i > 0 && view.toks[i - 1].upos == Upos::Propn;
        if next_name || prev_name {
            continue;
        }
        // A one-word name the tagger called a person of unknown country is
        // still the person named in full before (`Abe` after `Shinzo Abe`).
        let covering = (first_here..actors.len()).find(|&j| actors[j].tokens.contains(&doc_i));
        let bare_person =
            |j: usize| actors[j].rule == "context:person" && actors[j].tokens == (doc_i..doc_i + 1);
        if covering.is_some_and(|j| !bare_person(j)) {
            continue;
        }
        let found = (0..first_here).rev().find(|&k| {
            traits.get(k).is_some_and(|tr| tr.person)
                && actors[k].code.country.is_some()
                && (actors[k].entity.as_deref().into_iter())
                    .chain(std::iter::once(actors[k].text.as_str()))
                    .flat_map(str::split_whitespace)
                    .any(|w| w == t.text)
        });
        let Some(k) = found else { continue };
        let a = &actors[k];
        let mention = ActorMention {
            text: t.text.clone(),
            span: t.span,
            sentence: si,
            tokens: doc_i..doc_i + 1,
            head: doc_i,
            code: a.code.clone(),
            entity: a.entity.clone(),
            patron: a.patron.clone(),
            rule: "coref:name".into(),
            antecedent: Some(k),
        };
        let tr = traits[k];
        match covering {
            Some(j) => {
                actors[j] = mention;
                traits[j] = tr;
            }
            None => {
                actors.push(mention);
                traits.push(tr);
            }
        }
    }
}

/// The nearest earlier actor compatible with a third-person pronoun, at most
/// `window` sentences back.
/// The earlier actor a pronoun `w` refers to, within `window` sentences:
/// one with a country, or one whose country the context will give
/// (`pending`, see [`fix_context`]).
fn resolve_pronoun(
    w: &str,
    actors: &[ActorMention],
    traits: &[Traits],
    si: usize,
    window: usize,
    pending: &[Fix],
) -> Option<usize> {
    let ok = |t: &Traits| match w {
        "he" | "him" | "she" | "her" => t.person,
        "they" | "them" => t.plural || t.group,
        // Groups are "it" and "they" alike.
        "it" => !t.person && (!t.plural || t.group),
        _ => false,
    };
    (0..actors.len())
        .rev()
        .take_while(|&i| actors[i].sentence + window >= si)
        .find(|&i| {
            traits.get(i).is_some_and(ok)
                && (actors[i].code.country.is_some() || pending.iter().any(|f| f.actor == i))
        })
}

fn resolve_definite(
    actors: &[ActorMention],
    si: usize,
    window: usize,
    ok: impl Fn(usize) -> bool,
) -> Option<usize> {
    (0..actors.len())
        .rev()
        .take_while(|&i| actors[i].sentence + window >= si)
        .find(|&i| ok(i))
}

/// An actor whose country comes from context (see [`fix_context`]).
#[derive(Debug, Clone, Copy)]
struct Fix {
    actor: usize,
    /// A titled name (`President Mugabe`): prefer the nearest country in the sentence.
    titled: bool,
    /// A generic domestic group (`protesters`, `police`, `residents`): the
    /// country of the place the sentence is in, else the story's.
    domestic: bool,
}

/// Verbs whose object is the subject's own forces (`Egypt deployed troops`).
const DEPLOYING_VERBS: &[&str] = &[
    "deploy", "send", "dispatch", "mobilize", "mobilise", "station", "withdraw", "mass",
];

/// Sectors whose bare nouns (`protesters`, `police`, `residents`, `fighters`)
/// usually name people of the country the story happens in.
const DOMESTIC_SECTORS: &[&str] = &[
    "COP", "CVL", "OPP", "REB", "EDU", "LAB", "REF", "CRM", "MED", "BUS", "JUD", "LEG", "GOV",
    "MIL", "SPY", "HLH", "AGR", "ELI", "PTY",
];

fn is_state_root_code(lex: &Lexicon, r: &str) -> bool {
    is_state_root(lex, r)
}

fn is_state_root(lex: &Lexicon, r: &str) -> bool {
    lex.is_root(r) && !matches!(r, "IGO" | "NGO" | "IMG" | "MNC" | "NGM" | "UIS")
}

/// Countries from context:
/// * `Iranian-backed militia`, `ethnic Albanians`: the country named after
///   `in` in the same sentence, else the dateline's, else the one most
///   mentioned in the document (never the patron's);
/// * `President Mugabe`: the nearest country in the same sentence, else as above.
fn fix_context(doc: &Doc, lex: &Lexicon, actors: &mut [ActorMention], fixes: &[Fix]) {
    if fixes.is_empty() {
        return;
    }
    let dateline_country = doc
        .document
        .dateline
        .as_ref()
        .and_then(|d| d.place.as_deref())
        .and_then(|p| {
            let ps = pieces(p.split_whitespace());
            let marks = find_marks(lex, &ps);
            marks.iter().find_map(|m| match m.kind {
                MarkKind::Actor(e) => lex
                    .code_on(e, doc.document.date)
                    .and_then(|c| c.get(..3))
                    .map(str::to_owned),
                MarkKind::Agent(_) | MarkKind::Community => None,
            })
        })
        // `BRUSSELS` stands for the EU: a place for an organisation's seat
        // says nothing about a person's or a crowd's country.
        .filter(|r| is_state_root(lex, r));
    let mut counts: HashMap<String, usize> = HashMap::new();
    for a in actors.iter() {
        if let Some(r) = &a.code.country {
            if is_state_root(lex, r) {
                *counts.entry(r.clone()).or_default() += 1;
            }
        }
    }
    let state_root = |a: &ActorMention| a.code.country.clone().filter(|r| is_state_root(lex, r));
    for fix in fixes {
        let i = fix.actor;
        let Some(me) = actors.get(i).cloned() else {
            continue;
        };
        // Resolved since (`coref:name`): the antecedent's code stands.
        if me.rule == "coref:name" {
            continue;
        }
        let patron = me.patron.clone();
        let not_patron = |c: &String| Some(c) != patron.as_ref();
        let same_sentence = || {
            actors
                .iter()
                .enumerate()
                .filter(|(j, a)| *j != i && a.sentence == me.sentence)
        };
        // The sentence's place: an actor after `in`, or one whose phrase
        // owes its country to its place (`police in Nairobi`, not `the US
        // embassy in Baghdad`: nothing capitalized before the `in`).
        let is_in = |t: &annals_core::Token| t.text.eq_ignore_ascii_case("in");
        let placed_phrase = |a: &ActorMention| {
            let first = doc.sentences.get(a.sentence).map(|s| s.tokens.start);
            let ts = doc.tokens.get(a.tokens.clone()).unwrap_or_default();
            ts.iter().position(is_in).is_some_and(|k| {
                k > 0
                    && !(a.tokens.start..a.tokens.start + k)
                        .any(|j| Some(j) != first && doc.tokens.get(j).is_some_and(capitalized))
            })
        };
        let located = same_sentence()
            .filter(|(_, a)| {
                (a.tokens.start > 0 && doc.tokens.get(a.tokens.start - 1).is_some_and(is_in))
                    || placed_phrase(a)
            })
            .find_map(|(_, a)| state_root(a).filter(not_patron));
        // A place a person went to (`who fled to Lithuania`) is not where
        // the person is from.
        let after_prep = |a: &ActorMention| {
            a.code.sector.is_none()
                && a.tokens.start > 0
                && doc.tokens.get(a.tokens.start - 1).is_some_and(|t| {
                    matches!(
                        t.text.to_ascii_lowercase().as_str(),
                        "to" | "into" | "toward" | "towards"
                    )
                })
        };
        let nearest = || {
            same_sentence()
                .filter(|(_, a)| !after_prep(a))
                .filter_map(|(_, a)| {
                    Some((
                        a.tokens.start.abs_diff(me.tokens.start),
                        state_root(a).filter(not_patron)?,
                    ))
                })
                .min_by_key(|(d, _)| *d)
                .map(|(_, r)| r)
        };
        let frequent = || {
            counts
                .iter()
                .filter(|(c, _)| not_patron(c))
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(c, _)| c.clone())
        };
        // Forces a state deploys, sends or withdraws are its own (`Egypt
        // deployed troops along its border`), whatever the story's country.
        let deployer = || {
            let base = doc.sentences.get(me.sentence)?.tokens.start;
            let t = doc.tokens.get(me.head)?;
            let verb = t.head.filter(|_| t.deprel == "obj")?;
            let lemma = doc.tokens.get(base + verb)?.lemma.as_str();
            if !DEPLOYING_VERBS.contains(&lemma) {
                return None;
            }
            same_sentence()
                .filter(|(_, a)| {
                    doc.tokens
                        .get(a.head)
                        .is_some_and(|s| s.head == Some(verb) && s.deprel.starts_with("nsubj"))
                })
                .find_map(|(_, a)| state_root(a))
        };
        let own = if fix.titled {
            nearest()
                .or_else(|| dateline_country.clone())
                .or_else(frequent)
        } else {
            deployer()
                .or(located)
                .or_else(|| dateline_country.clone().filter(not_patron))
                .or_else(frequent)
        };
        let Some(root) = own else { continue };
        let a = &mut actors[i];
        match me.code.sector.clone() {
            Some(sector) => {
                a.code = ActorCode {
                    code: format!("{root}{sector}"),
                    country: Some(root),
                    sector: Some(sector),
                };
                a.rule = if fix.titled {
                    "context:sentence-country".into()
                } else if fix.domestic {
                    "context:country".into()
                } else {
                    "patron:context".into()
                };
            }
            // An unknown person: the country alone.
            None => a.code = ActorCode::new(Some(&root), None),
        }
    }
}

/// Order actors by position and remap indices that point into the list.
/// Actors left without a code (unknown persons with no country in context) are dropped.
fn sort_actors(doc: &mut Doc, actors: &mut Vec<ActorMention>) {
    let key = |a: &ActorMention| (a.tokens.start, a.tokens.end);
    let all_coded = actors.iter().all(|a| !a.code.code.is_empty());
    if all_coded && actors.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut order: Vec<usize> = (0..actors.len())
        .filter(|&i| !actors[i].code.code.is_empty())
        .collect();
    order.sort_by_key(|&i| (actors[i].tokens.start, actors[i].tokens.end));
    let mut new_index: Vec<Option<usize>> = vec![None; actors.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = Some(new);
    }
    let mut sorted: Vec<ActorMention> = order.iter().map(|&i| actors[i].clone()).collect();
    for a in &mut sorted {
        a.antecedent = a
            .antecedent
            .and_then(|x| new_index.get(x).copied().flatten());
    }
    for q in &mut doc.quotes {
        q.speaker_actor = q
            .speaker_actor
            .and_then(|x| new_index.get(x).copied().flatten());
    }
    *actors = sorted;
}

/// `US`, `U.K.`, `EU`: capitals (and dots) only, at most five characters.
fn is_abbreviation(w: &str) -> bool {
    w.len() <= 5
        && w.chars().any(|c| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Country adjectives coordinated before a coded phrase share its sector noun:
/// `Hungarian and Romanian officials` → both GOV. Returns chunk → agent.
fn coordination<'a>(
    view: &SentenceView,
    chunks: &[Chunk],
    marks: &'a [Mark],
    is_country: &dyn Fn(&Mark) -> bool,
) -> HashMap<usize, &'a Agent> {
    let mut out: HashMap<usize, &Agent> = HashMap::new();
    for ci in (0..chunks.len().saturating_sub(1)).rev() {
        let (a, b) = (&chunks[ci], &chunks[ci + 1]);
        let between: Vec<String> = (a.end..b.start).map(|i| view.low(i).to_owned()).collect();
        let joined = matches!(
            between
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            ["and"] | ["or"] | [","] | [",", "and"]
        );
        if !joined {
            continue;
        }
        // A: only a country, written as an adjective when tags exist, or
        // as a country's abbreviation, which news writes attributively (`US
        // and Afghan troops`; `Russia and Syrian rebels` are two parties,
        // and `the EU and Turkish officials` keep the EU an organization).
        let last_mark = a.marks.last().and_then(|&m| marks.get(m));
        let a_country_only = !a.marks.is_empty()
            && a.marks
                .iter()
                .all(|&m| matches!(marks[m].kind, MarkKind::Actor(_)))
            && last_mark.is_some_and(|m| m.tok_end == a.end)
            && (!view.tagged
                || view.toks.get(a.end - 1).is_some_and(|t| {
                    t.upos == Upos::Adj
                        || (is_abbreviation(&t.text) && last_mark.is_some_and(is_country))
                }));
        if !a_country_only {
            continue;
        }
        let agent = b
            .marks
            .iter()
            .rev()
            .find_map(|&m| match &marks[m].kind {
                MarkKind::Agent(g)
                    if marks[m].tok_end == b.end || marks[m].tok_end + 1 == b.end =>
                {
                    Some(g)
                }
                _ => None,
            })
            .or_else(|| out.get(&(ci + 1)).copied());
        let b_starts_with_country = b
            .marks
            .first()
            .is_some_and(|&m| matches!(marks[m].kind, MarkKind::Actor(_)));
        if let (Some(g), true) = (agent, b_starts_with_country) {
            out.insert(ci, g);
        }
    }
    out
}
