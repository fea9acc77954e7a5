//! PETRARCH-style actor tagging: longest dictionary phrase, composed with
//! adjacent agents (`Gondor's prime minister` → `GONGOV`, `soldiers from
//! Gondor` → `GONMIL`, `MSF Arnor` → `NGOARN`).
//!
//! This is the coder's own, dictionary-faithful actor stage, used when the
//! pipeline has not already filled `Doc::actors` (PETRARCH validation).

use std::collections::HashMap;

use annals_actors::dictionary::{ActorDictionary, AgentDictionary, AgentPlacement};
use annals_core::{ActorCode, ActorMention, Doc, Span};
use chrono::NaiveDate;

/// Endings that turn a country or place name into its demonym (`IRAQ`+`I`,
/// `SYRI`+`AN` via `SYRIA`, `ERIADOR`+`IAN`).
const DEMONYM_ENDINGS: &[&str] = &["IANS", "IAN", "ANS", "AN", "ESE", "ISH", "IS", "I", "N"];

struct ActorPhrase {
    words: Vec<String>,
    dict: usize,
    entry: usize,
}

struct AgentPhrase {
    words: Vec<String>,
    code: String,
    placement: AgentPlacement,
}

/// Actor and agent phrases indexed by first word.
#[derive(Default)]
pub struct DictionaryActors {
    actors: Vec<ActorDictionary>,
    actor_index: HashMap<String, Vec<ActorPhrase>>,
    agent_index: HashMap<String, Vec<AgentPhrase>>,
}

/// A match in a sentence: token range (sentence-relative) and what matched.
#[derive(Debug, Clone)]
enum Hit {
    Actor {
        start: usize,
        end: usize,
        code: String,
    },
    Agent {
        start: usize,
        end: usize,
        code: String,
        placement: AgentPlacement,
    },
}

impl DictionaryActors {
    pub fn new(actors: Vec<ActorDictionary>, agents: Vec<AgentDictionary>) -> Self {
        let mut actor_index: HashMap<String, Vec<ActorPhrase>> = HashMap::new();
        for (d, dict) in actors.iter().enumerate() {
            for (e, entry) in dict.entries.iter().enumerate() {
                for p in &entry.phrases {
                    let words = phrase_words(p);
                    if let Some(first) = words.first() {
                        actor_index
                            .entry(first.clone())
                            .or_default()
                            .push(ActorPhrase {
                                words,
                                dict: d,
                                entry: e,
                            });
                    }
                }
            }
        }
        for list in actor_index.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        let mut agent_index: HashMap<String, Vec<AgentPhrase>> = HashMap::new();
        for dict in &agents {
            for entry in &dict.entries {
                for form in &entry.forms {
                    let words = phrase_words(form);
                    if let Some(first) = words.first() {
                        agent_index
                            .entry(first.clone())
                            .or_default()
                            .push(AgentPhrase {
                                words,
                                code: entry.code.trim_matches('~').to_owned(),
                                placement: entry.placement,
                            });
                    }
                }
            }
        }
        for list in agent_index.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        DictionaryActors {
            actors,
            actor_index,
            agent_index,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.actor_index.is_empty()
    }

    fn match_at(&self, words: &[String], i: usize, date: Option<NaiveDate>) -> Option<Hit> {
        let first = words.get(i)?;
        let fits = |p: &[String]| {
            p.iter()
                .enumerate()
                .all(|(k, w)| words.get(i + k) == Some(w))
        };
        // `Iraqi`, `Eriadorian`: a one-word name plus a demonym ending.
        let stemmed = || {
            DEMONYM_ENDINGS.iter().find_map(|end| {
                let stem = first.strip_suffix(end)?;
                let list = self
                    .actor_index
                    .get(stem)
                    .or_else(|| self.actor_index.get(&format!("{stem}A")))?;
                list.iter().find(|p| p.words.len() == 1)
            })
        };
        let exact = self
            .actor_index
            .get(first)
            .into_iter()
            .flatten()
            .find(|p| fits(&p.words));
        if let Some(p) = exact.or_else(|| stemmed().filter(|_| first.len() > 4)) {
            {
                let entry = self
                    .actors
                    .get(p.dict)
                    .and_then(|d| d.entries.get(p.entry))?;
                // A null code (`[---]`) still claims the words: they are not an actor.
                let code = entry.code_on(date).unwrap_or("").to_owned();
                return Some(Hit::Actor {
                    start: i,
                    end: i + p.words.len(),
                    code,
                });
            }
        }
        for p in self.agent_index.get(first).into_iter().flatten() {
            if fits(&p.words) {
                return Some(Hit::Agent {
                    start: i,
                    end: i + p.words.len(),
                    code: p.code.clone(),
                    placement: p.placement,
                });
            }
        }
        None
    }

    /// Tag every sentence of `doc`, pushing [`ActorMention`]s to `doc.actors`.
    pub fn tag(&self, doc: &mut Doc) {
        let date = doc.document.date;
        let mut found = Vec::new();
        for s in 0..doc.sentences.len() {
            let Some(sent) = doc.sentences.get(s) else {
                continue;
            };
            let offset = sent.tokens.start;
            let toks = doc.sentence_tokens(s);
            // Dictionary phrases join their words with `_`; text written that
            // way (`Dol_Amroth`, one token or three) is matched word by word. `token_of` maps
            // each word back to its token.
            let mut words: Vec<String> = Vec::with_capacity(toks.len());
            let mut token_of: Vec<usize> = Vec::with_capacity(toks.len());
            // And the last token of each word (a hyphenated word spans three).
            let mut token_end: Vec<usize> = Vec::with_capacity(toks.len());
            for (k, t) in toks.iter().enumerate() {
                let upper = t.text.to_uppercase();
                let parts: Vec<&str> = upper.split('_').filter(|p| !p.is_empty()).collect();
                if parts.is_empty() && !upper.is_empty() {
                    // A lone `_` split off by the tokenizer joins its neighbours.
                    continue;
                }
                if parts.len() > 1 {
                    for p in parts {
                        words.push(p.to_owned());
                        token_of.push(k);
                        token_end.push(k);
                    }
                } else {
                    words.push(upper.clone());
                    token_of.push(k);
                    token_end.push(k);
                }
            }
            // The tokenizer splits `Barad-dur` at the hyphen; a dictionary
            // that lists `BARAD-DUR` gets it back as one word.
            let mut k = 1;
            while k + 1 < words.len() {
                let attached = |a: usize, b: usize| {
                    let (Some(&ta), Some(&tb)) = (token_of.get(a), token_of.get(b)) else {
                        return false;
                    };
                    ta + 1 == tb
                        && toks
                            .get(ta)
                            .zip(toks.get(tb))
                            .is_some_and(|(x, y)| x.span.end == y.span.start)
                };
                let (Some(prev), Some(mid), Some(next)) =
                    (words.get(k - 1), words.get(k), words.get(k + 1))
                else {
                    break;
                };
                if mid == "-" && attached(k - 1, k) && attached(k, k + 1) {
                    let joined = format!("{prev}-{next}");
                    if self.actor_index.contains_key(&joined)
                        || self.agent_index.contains_key(&joined)
                    {
                        let last = token_end.get(k + 1).copied().unwrap_or_default();
                        if let (Some(w), Some(e)) = (words.get_mut(k - 1), token_end.get_mut(k - 1))
                        {
                            *w = joined;
                            *e = last;
                        }
                        words.drain(k..k + 2);
                        token_of.drain(k..k + 2);
                        token_end.drain(k..k + 2);
                        continue;
                    }
                }
                k += 1;
            }
            let mut hits = Vec::new();
            let mut i = 0;
            while i < words.len() {
                match self.match_at(&words, i, date) {
                    Some(h) => {
                        i = match &h {
                            Hit::Actor { end, .. } | Hit::Agent { end, .. } => *end,
                        };
                        hits.push(h);
                    }
                    None => i += 1,
                }
            }
            let mentions = compose(&hits, &words);
            for (start, end, code, rule) in mentions {
                if code.is_empty() {
                    continue;
                }
                let (Some(&start), Some(&last)) =
                    (token_of.get(start), token_end.get(end.saturating_sub(1)))
                else {
                    continue;
                };
                let end = last + 1;
                let (Some(first), Some(last)) = (toks.get(start), toks.get(end.saturating_sub(1)))
                else {
                    continue;
                };
                let span = Span::new(first.span.start, last.span.end);
                let country = code
                    .get(..3)
                    .filter(|c| c.chars().all(|ch| ch.is_ascii_alphabetic()));
                let sector = code.get(3..).filter(|r| !r.is_empty());
                let mut actor_code = ActorCode::new(country, sector);
                actor_code.code = code.clone();
                let text = doc.slice(span).to_owned();
                found.push(ActorMention {
                    text,
                    span,
                    sentence: s,
                    tokens: offset + start..offset + end,
                    head: offset + end - 1,
                    code: actor_code,
                    rule: rule.to_owned(),
                    ..Default::default()
                });
            }
        }
        doc.actors.extend(found);
    }
}

/// Combine actor and agent hits into coded mentions: `(start, end, code, rule)`.
fn compose(hits: &[Hit], words: &[String]) -> Vec<(usize, usize, String, &'static str)> {
    let mut out = Vec::new();
    let mut extra = Vec::new();
    let mut used = vec![false; hits.len()];
    // Agents that apply to the coordinated actors after the last one linked.
    let mut distributed: Vec<(String, AgentPlacement)> = Vec::new();
    let agent_code = |code: &str, placement: AgentPlacement, actor: &str| {
        if actor.get(3..).is_some_and(|sector| sector.contains(code)) {
            // `White House security officials`: USAGOV already says GOV.
            return actor.to_owned();
        }
        match placement {
            AgentPlacement::Suffix => format!("{actor}{code}"),
            AgentPlacement::Prefix => format!("{code}{actor}"),
        }
    };
    for (k, h) in hits.iter().enumerate() {
        let Hit::Actor { start, end, code } = h else {
            continue;
        };
        if used.get(k) == Some(&true) {
            continue;
        }
        let (mut s, mut e, mut c) = (*start, *end, code.clone());
        let mut rule = "petrarch:actor";
        // Agents right after the actor, possibly across a possessive and a few
        // modifiers: `Gondor army`, `Ithilen's awful and evil minister`,
        // `Danish Islamist media` (each adjacent agent adds its code).
        let mut j = k + 1;
        // The code before the last agent: what coordinated agents share
        // (`Danish media and government` → DNKMED, DNKGOV).
        let mut shared = None;
        while let Some(Hit::Agent {
            start: a,
            end: b,
            code: ac,
            placement,
        }) = hits.get(j)
        {
            let gap = words_between(words, e, *a);
            let possessive =
                j == k + 1 && matches!(gap.first(), Some(&"'S") | Some(&"'")) && gap.len() <= 4;
            if !(gap.is_empty() || possessive) {
                break;
            }
            shared = Some(c.clone());
            c = agent_code(ac, *placement, &c);
            e = *b;
            rule = "petrarch:actor+agent";
            if let Some(u) = used.get_mut(j) {
                *u = true;
            }
            j += 1;
        }
        if let Some(shared) = &shared {
            // `minister Calimehtar`: the name after the agent is the same person.
            if let Some(Hit::Actor {
                start: n, end: ne, ..
            }) = hits.get(j)
            {
                if *n == e {
                    e = *ne;
                    if let Some(u) = used.get_mut(j) {
                        *u = true;
                    }
                    j += 1;
                }
            }
            // Agents coordinated with the last one share the rest of the code.
            let mut prev_end = e;
            while let Some(Hit::Agent {
                start: a,
                end: b,
                code: ac,
                placement,
            }) = hits.get(j)
            {
                let gap = words_between(words, prev_end, *a);
                let coordinated = gap.iter().any(|w| matches!(*w, "AND" | "OR" | ","))
                    && gap.iter().all(|w| matches!(*w, "AND" | "OR" | "," | "THE"));
                if !coordinated || used.get(j) != Some(&false) {
                    break;
                }
                extra.push((
                    *a,
                    *b,
                    agent_code(ac, *placement, shared),
                    "petrarch:actor+agent",
                ));
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
                prev_end = *b;
                j += 1;
            }
        }
        // Agent right before: `the Gondor` no; `soldiers from Gondor`, `MSF Arnor`.
        if k > 0 {
            if let Some(Hit::Agent {
                start: a,
                end: b,
                code: ac,
                placement,
            }) = hits.get(k - 1)
            {
                let gap: Vec<&str> = words
                    .get(*b..s)
                    .unwrap_or(&[])
                    .iter()
                    .map(String::as_str)
                    .collect();
                let linked = gap.is_empty()
                    || matches!(gap.as_slice(), ["FROM"] | ["OF"] | ["IN"] | ["OF", "THE"]);
                if linked && used.get(k - 1) == Some(&false) {
                    let base = c.clone();
                    let mut agents = vec![(ac.clone(), *placement)];
                    s = *a;
                    rule = "petrarch:actor+agent";
                    if let Some(u) = used.get_mut(k - 1) {
                        *u = true;
                    }
                    if !gap.is_empty() {
                        // `lawmakers and officials in Fornost`: coordinated agents
                        // before the link all apply.
                        let mut j = k - 1;
                        while j >= 1 {
                            let (
                                Some(Hit::Agent { start: ns, .. }),
                                Some(Hit::Agent {
                                    start: ps,
                                    end: pe,
                                    code: pc,
                                    placement: pp,
                                }),
                            ) = (hits.get(j), hits.get(j - 1))
                            else {
                                break;
                            };
                            let between: Vec<&str> = words
                                .get(*pe..*ns)
                                .unwrap_or(&[])
                                .iter()
                                .map(String::as_str)
                                .collect();
                            if between.is_empty()
                                || !between.iter().all(|w| matches!(*w, "," | "AND"))
                                || used.get(j - 1) != Some(&false)
                            {
                                break;
                            }
                            agents.push((pc.clone(), *pp));
                            s = *ps;
                            if let Some(u) = used.get_mut(j - 1) {
                                *u = true;
                            }
                            j -= 1;
                        }
                        // `ambassadors of Arnor, Osgiliath and Gondor`: the agents
                        // apply to every coordinated actor after it.
                        distributed = agents.clone();
                    }
                    c = agents
                        .iter()
                        .map(|(ac, pl)| agent_code(ac, *pl, &base))
                        .collect::<Vec<_>>()
                        .join("/");
                }
            }
        }
        // Coordinated after an actor that received a distributed agent.
        if rule == "petrarch:actor" && k >= 1 {
            let prev_end = |j: usize| match hits.get(j) {
                Some(Hit::Actor { end, .. }) | Some(Hit::Agent { end, .. }) => *end,
                None => 0,
            };
            if !distributed.is_empty() {
                let gap: Vec<&str> = words
                    .get(prev_end(k - 1)..s)
                    .unwrap_or(&[])
                    .iter()
                    .map(String::as_str)
                    .collect();
                if !gap.is_empty() && gap.iter().all(|w| matches!(*w, "," | "AND" | "OR" | "THE")) {
                    let base = c.clone();
                    c = distributed
                        .iter()
                        .map(|(ac, pl)| agent_code(ac, *pl, &base))
                        .collect::<Vec<_>>()
                        .join("/");
                    rule = "petrarch:actor+agent";
                } else {
                    distributed.clear();
                }
            }
        }
        out.push((s, e, c, rule));
    }
    out.extend(extra);
    // An agent with no actor to attach to is still a participant whose country
    // is unknown: PETRARCH writes it `---` + agent (`students` → `---EDU`).
    for (k, h) in hits.iter().enumerate() {
        if let (
            Hit::Agent {
                start, end, code, ..
            },
            Some(false),
        ) = (h, used.get(k))
        {
            out.push((*start, *end, format!("---{code}"), "petrarch:agent"));
        }
    }
    out.sort_by_key(|m| m.0);
    // `THE_SHIRE [FRO/BIL/SAM]`: one mention per code.
    let mut split = Vec::new();
    for (s, e, c, rule) in out {
        for code in c.split('/') {
            split.push((s, e, code.to_owned(), rule));
        }
    }
    split
}

/// The words from `from` up to `to` (empty when the range is not in `words`).
fn words_between(words: &[String], from: usize, to: usize) -> Vec<&str> {
    words
        .get(from..to)
        .unwrap_or(&[])
        .iter()
        .map(String::as_str)
        .collect()
}

/// The words of a dictionary phrase (`UNITED NATIONS`), empty pieces skipped.
fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}
