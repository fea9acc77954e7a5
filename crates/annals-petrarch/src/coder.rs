//! [`PetrarchCoder`]: the verb dictionary applied to a parsed, actor-coded Doc.

use std::path::Path;

use annals_actors::dictionary::{ActorDictionary, AgentDictionary};
use annals_core::{Component, ComponentError, Doc, Event, EventArg, Modality, Span, Token, Upos};
use annals_ontology::Ontology;

use crate::actors::DictionaryActors;
use crate::discards::{DiscardHit, DiscardList};
use crate::matcher::{Bindings, SentenceView};
use crate::options::CodingOptions;
use crate::pattern::EventCode;
use crate::verbs::VerbDictionary;
use crate::PetrarchError;

/// Codes events with a PETRARCH verb dictionary.
///
/// For every verb of a sentence found in the dictionary, the most specific of
/// its block's patterns that matches decides the code (else the verb's own or
/// the block's code); `$`/`+` in the pattern bind source and target, otherwise
/// they come from the parse (subject; object, oblique) or, without one, from
/// the nearest actors before and after the verb. Coordinated actors expand
/// into one event each, as PETRARCH does.
pub struct PetrarchCoder {
    verbs: VerbDictionary,
    actors: DictionaryActors,
    discards: DiscardList,
    /// `require_dyad`, `new_actor_length` (PETRARCH's defaults unless changed).
    pub options: CodingOptions,
}

/// Who did what to whom, before it becomes an [`Event`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Coding {
    source: usize,
    target: Option<usize>,
    code: String,
    trigger: (usize, usize),
    rule: String,
}

impl PetrarchCoder {
    /// A coder using `verbs`; actors come from the Doc (an upstream actor stage).
    pub fn new(verbs: VerbDictionary) -> Self {
        PetrarchCoder {
            verbs,
            actors: DictionaryActors::default(),
            discards: DiscardList::default(),
            options: CodingOptions::default(),
        }
    }

    /// Also tag actors with PETRARCH actor/agent dictionaries (used when the
    /// Doc arrives without actors).
    pub fn with_actor_dictionaries(
        mut self,
        actors: Vec<ActorDictionary>,
        agents: Vec<AgentDictionary>,
    ) -> Self {
        self.actors = DictionaryActors::new(actors, agents);
        self
    }

    pub fn with_discards(mut self, discards: DiscardList) -> Self {
        self.discards = discards;
        self
    }

    /// Load a verb dictionary and, optionally, actor, agent and discard files.
    pub fn from_files(
        verbs: &Path,
        actors: &[&Path],
        agents: &[&Path],
        discards: Option<&Path>,
    ) -> Result<Self, PetrarchError> {
        let verbs = VerbDictionary::from_path(verbs)?;
        let actors = actors
            .iter()
            .map(ActorDictionary::from_path)
            .collect::<Result<Vec<_>, _>>()?;
        let agents = agents
            .iter()
            .map(AgentDictionary::from_path)
            .collect::<Result<Vec<_>, _>>()?;
        let mut coder = PetrarchCoder::new(verbs);
        if !actors.is_empty() || !agents.is_empty() {
            coder = coder.with_actor_dictionaries(actors, agents);
        }
        if let Some(d) = discards {
            coder = coder.with_discards(DiscardList::from_path(d)?);
        }
        Ok(coder)
    }

    pub fn verbs(&self) -> &VerbDictionary {
        &self.verbs
    }

    /// Code one document with the coder's [`CodingOptions`].
    pub fn code(&self, doc: &mut Doc) {
        self.code_with(doc, &self.options);
    }

    /// Code one document with `options`: tag actors if needed, then code every sentence.
    pub fn code_with(&self, doc: &mut Doc, options: &CodingOptions) {
        if doc.actors.is_empty() && !self.actors.is_empty() {
            self.actors.tag(doc);
        }
        if options.new_actor_length > 0 {
            crate::new_actors::add(doc, options.new_actor_length);
        }
        if self.discards.check(doc.text()) == Some(DiscardHit::Story) {
            return;
        }
        let onto = Ontology::embedded();
        for s in 0..doc.sentences.len() {
            let Some(sent) = doc.sentences.get(s) else {
                continue;
            };
            if self.discards.check(doc.slice(sent.span)).is_some() {
                continue;
            }
            for c in self.code_sentence(doc, s, options) {
                let (a, b) = c.trigger;
                let (Some(first), Some(last)) =
                    (doc.tokens.get(a), doc.tokens.get(b.saturating_sub(1)))
                else {
                    continue;
                };
                let mut event = Event {
                    sentence: s,
                    trigger: Span::new(first.span.start, last.span.end),
                    cameo: c.code.clone(),
                    source: Some(EventArg {
                        actor: c.source,
                        via: "petrarch".into(),
                    }),
                    target: c.target.map(|actor| EventArg {
                        actor,
                        via: "petrarch".into(),
                    }),
                    modality: Modality::Asserted,
                    rule: c.rule.clone(),
                    confidence: 0.5,
                    ..Default::default()
                };
                if let Some(cc) = onto.cameo(&c.code) {
                    event.goldstein = cc.goldstein;
                    event.quad_class = cc.quad_class;
                }
                if let Some(p) = onto.plover_coding(&c.code) {
                    event.plover_type = p.event_type.clone();
                    event.plover_mode = p.mode.clone();
                }
                if !doc.events.iter().any(|e| same_event(e, &event)) {
                    doc.events.push(event);
                }
            }
        }
    }

    fn code_sentence(&self, doc: &Doc, s: usize, options: &CodingOptions) -> Vec<Coding> {
        let Some(sent) = doc.sentences.get(s) else {
            return Vec::new();
        };
        let offset = sent.tokens.start;
        let toks = doc.sentence_tokens(s);
        let words: Vec<String> = toks.iter().map(|t| t.text.to_uppercase()).collect();
        // With `stem` (see CodingOptions) words also match through their
        // lemma: verbs the dictionary lists in other forms, pattern nouns
        // written in the singular. Without, only as written.
        let lemmas: Vec<String> = toks
            .iter()
            .map(|t| {
                if options.stem {
                    t.lemma.to_uppercase()
                } else {
                    t.text.to_uppercase()
                }
            })
            .collect();
        // Actors of this sentence, as sentence-relative token ranges.
        let actors: Vec<(usize, usize, usize)> = doc
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.sentence == s && a.tokens.start >= offset)
            .map(|(i, a)| (i, a.tokens.start - offset, a.tokens.end - offset))
            .collect();
        let mut actor_start = vec![None; words.len()];
        for &(i, a, b) in &actors {
            if let Some(slot) = actor_start.get_mut(a) {
                if slot.is_none() {
                    *slot = Some((i, b));
                }
            }
        }
        let vocabulary = words
            .iter()
            .chain(lemmas.iter())
            .map(String::as_str)
            .collect();
        let modifier: Vec<bool> = toks
            .iter()
            .map(|t| {
                matches!(t.upos, Upos::Det | Upos::Adj | Upos::Num)
                    || t.xpos == "PRP$"
                    || t.xpos == "POS"
            })
            .collect();
        let view = SentenceView {
            words: &words,
            lemmas: &lemmas,
            actor_start: &actor_start,
            modifier: &modifier,
            vocabulary,
        };
        let parsed = toks.iter().any(|t| t.head.is_some());
        let tagged = toks.iter().any(|t| t.upos != Upos::X);
        let mut out = Vec::new();
        for i in 0..words.len() {
            let tok = &toks[i];
            // Only predicates code events: verbs by the tagger, or words the
            // parse gives a subject (`Fornost and Gondor welcome ...` tagged ADJ).
            let has_subject = parsed
                && toks
                    .iter()
                    .any(|d| d.head == Some(i) && d.deprel.starts_with("nsubj"));
            // A tag no content word should have (`welcome` as INTJ) is
            // overruled when the word follows an actor, as TABARI's word-order
            // matching would: `Fornost and Gondor welcome ...`.
            let odd_tag = matches!(tok.upos, Upos::Intj | Upos::X | Upos::Adv | Upos::Sym);
            let after_actor = actors.iter().any(|&(_, _, b)| b == i);
            let verb_like = !tagged
                || matches!(tok.upos, Upos::Verb | Upos::Aux)
                || has_subject
                || (odd_tag && after_actor);
            if actors.iter().any(|&(_, a, b)| a <= i && i < b) {
                continue;
            }
            let Some((code, vs, ve, rule, bind)) = self.code_verb(&view, i, verb_like) else {
                continue;
            };
            let (sources, targets) = self.roles(toks, &actors, &bind, vs, ve, parsed);
            let trigger = (offset + vs, offset + ve);
            for (fwd, code) in [(true, &code.forward), (false, &code.reverse)] {
                let Some(code) = code else { continue };
                if targets.is_empty() && !options.require_dyad && fwd {
                    for &src in &sources {
                        out.push(Coding {
                            source: src,
                            target: None,
                            code: code.clone(),
                            trigger,
                            rule: rule.clone(),
                        });
                    }
                }
                for &src in &sources {
                    for &tgt in &targets {
                        let (a, b) = if fwd { (src, tgt) } else { (tgt, src) };
                        let same = doc.actors.get(a).map(|x| &x.code.code)
                            == doc.actors.get(b).map(|x| &x.code.code);
                        if a == b || same {
                            continue;
                        }
                        out.push(Coding {
                            source: a,
                            target: Some(b),
                            code: code.clone(),
                            trigger,
                            rule: rule.clone(),
                        });
                    }
                }
            }
        }
        if parsed {
            out = drop_adverbial_clauses(out, toks, offset);
        }
        out
    }

    /// The code of the verb at token `i`: (code, verb start, verb end, rule, bindings).
    /// `verb_like`: whether token `i` may be a one-word verb; a multi-word verb
    /// (`wire tap`, `open fire`) is evidence enough by itself, whatever the tags.
    fn code_verb(
        &self,
        view: &SentenceView,
        i: usize,
        verb_like: bool,
    ) -> Option<(EventCode, usize, usize, String, Bindings)> {
        let mut candidates: Vec<&crate::verbs::Verb> =
            self.verbs.verbs_with_form(view.words.get(i)?).collect();
        if let Some(lemma) = view.lemmas.get(i) {
            for v in self.verbs.verbs_with_form(lemma) {
                if !candidates.contains(&v) {
                    candidates.push(v);
                }
            }
        }
        // Multi-word verbs first: they are more specific than their head
        // verb; among equals, the later entry (a verb listed in two blocks
        // takes its code from the last, as PETRARCH's dictionary does).
        candidates.sort_by_key(|v| {
            (
                std::cmp::Reverse(v.before.len() + v.after.len()),
                std::cmp::Reverse(v.line),
            )
        });
        // Every block the verb belongs to contributes its patterns; the first
        // fitting candidate gives the code when none matches.
        let mut fallback = None;
        let mut fitting_len = None;
        for v in candidates {
            if !verb_like && v.before.is_empty() && v.after.is_empty() {
                continue;
            }
            let nb = v.before.len();
            let fits_before = i >= nb
                && v.before
                    .iter()
                    .enumerate()
                    .all(|(k, w)| view.words.get(i - nb + k) == Some(w));
            let fits_after = v
                .after
                .iter()
                .enumerate()
                .all(|(k, w)| view.words.get(i + 1 + k) == Some(w));
            if !fits_before || !fits_after {
                continue;
            }
            // Only verbs as long as the longest that fits: `opened fire` is
            // not also the bare `open`.
            let len = v.before.len() + v.after.len();
            if *fitting_len.get_or_insert(len) != len {
                break;
            }
            let (vs, ve) = (i - nb, i + 1 + v.after.len());
            for p in self.verbs.block_patterns(v.block) {
                if let Some(b) = view.match_pattern(&self.verbs, p, vs, ve) {
                    if p.code.is_null() {
                        return None;
                    }
                    return Some((
                        p.code.clone(),
                        vs,
                        ve,
                        format!("petrarch:{}:{}", short(&self.verbs.name), p.line),
                        b,
                    ));
                }
            }
            if fallback.is_none() {
                let code = v
                    .code
                    .clone()
                    .or_else(|| self.verbs.block(v.block).map(|b| b.code.clone()))
                    .unwrap_or_default();
                fallback = Some((
                    code,
                    vs,
                    ve,
                    format!("petrarch:{}:{}", short(&self.verbs.name), v.line),
                    Bindings::default(),
                ));
            }
        }
        fallback.filter(|f| !f.0.is_null())
    }

    /// Source and target actors (indices into `doc.actors`) for a verb at `[vs, ve)`.
    fn roles(
        &self,
        toks: &[Token],
        actors: &[(usize, usize, usize)],
        bind: &Bindings,
        vs: usize,
        ve: usize,
        parsed: bool,
    ) -> (Vec<usize>, Vec<usize>) {
        // The verb word itself (`tap` in `wire tap`), where the parse attaches its dependents.
        let head = (vs..ve)
            .find(|&k| toks.get(k).is_some_and(|t| t.upos == Upos::Verb))
            .unwrap_or(vs);
        if let Some(c) = bind.compound {
            let group = coordinated(actors, toks, c);
            // `Eriador agrees with % ...`: a subject outside the compound acts on
            // each member; otherwise the members act on one another.
            let subject = if parsed {
                syntactic_roles(toks, actors, head).0
            } else {
                None
            };
            let subject = subject
                .or(bind.source)
                .or_else(|| positional_roles(toks, actors, vs, ve).0);
            if let Some(sub) = subject.filter(|s| !group.contains(s)) {
                return (coordinated(actors, toks, sub), group);
            }
            return (group.clone(), group);
        }
        let (mut source, mut target) = (bind.source, bind.target);
        if source.is_none() || target.is_none() {
            let (s, t, passive) = if parsed {
                syntactic_roles(toks, actors, head)
            } else {
                (None, None, false)
            };
            let (ps, pt) = positional_roles(toks, actors, vs, ve);
            // A parsed passive without `by` keeps its doer unknown.
            source = source.or(s).or(if passive { None } else { ps });
            target = target.or(t).or(pt);
        }
        // The pattern made the clause's subject the target (`NOTED + *`:
        // `Falastur noted that Cirith Ungol regretted ...`): the source is
        // then the subject of the clause governing this one.
        if parsed && bind.target.is_some() && bind.source.is_none() && source == bind.target {
            source = governing_subject(toks, actors, head);
        }
        let expand = |a: Option<usize>| a.map(|a| coordinated(actors, toks, a)).unwrap_or_default();
        (expand(source), expand(target))
    }
}

/// PETRARCH codes a verb's subordinate clauses only when the verb itself
/// codes nothing: `Arnor restored ties with Gondor after crowds burned its
/// embassy` is one event, not two. Drops the codings of verbs in an adverbial
/// clause (`advcl`, at any depth) of a verb that has a coding of its own, and
/// of auxiliaries whose verb has one.
fn drop_adverbial_clauses(out: Vec<Coding>, toks: &[Token], offset: usize) -> Vec<Coding> {
    let coded_at = |k: usize| {
        out.iter()
            .any(|c| c.trigger.0 <= k + offset && k + offset < c.trigger.1)
    };
    // A predicate codes through its verb complement too (`is about to restore`).
    let coded = |h: usize| {
        coded_at(h)
            || toks
                .iter()
                .enumerate()
                .any(|(k, t)| t.head == Some(h) && t.deprel == "xcomp" && coded_at(k))
    };
    let keep: Vec<bool> = out
        .iter()
        .map(|c| {
            let mut cur = c.trigger.0.saturating_sub(offset);
            // A modal or auxiliary in the dictionary (`SHOULD`) combines with
            // the verb it helps (`should have acted against`): when that verb
            // codes, the lower, more specific event stands for both.
            if let Some(t) = toks.get(cur) {
                if t.deprel.starts_with("aux") && t.head.is_some_and(&coded_at) {
                    return false;
                }
            }
            for _ in 0..toks.len() {
                let Some(t) = toks.get(cur) else { break };
                let Some(h) = t.head else { break };
                // A subordinate clause proper: introduced by a conjunction
                // (`after`, `while`) or a participle without a subject. A
                // clause with neither (`..., a senior official said`) is a
                // main clause the parse attached low.
                let subordinate = toks
                    .iter()
                    .any(|d| d.head == Some(cur) && d.deprel == "mark")
                    || (matches!(t.xpos.as_str(), "VBG" | "VBN")
                        && !toks
                            .iter()
                            .any(|d| d.head == Some(cur) && d.deprel.starts_with("nsubj")));
                if t.deprel.starts_with("advcl") && subordinate && coded(h) {
                    return false;
                }
                // A conjunct with a subject of its own is a clause of its own.
                let own_subject = toks
                    .iter()
                    .any(|d| d.head == Some(cur) && d.deprel.starts_with("nsubj"));
                let climbs = t.deprel.starts_with("advcl")
                    || t.deprel == "xcomp"
                    || (t.deprel == "conj" && !own_subject);
                if !climbs {
                    break;
                }
                cur = h;
            }
            true
        })
        .collect();
    out.into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

fn short(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

fn same_event(a: &Event, b: &Event) -> bool {
    a.sentence == b.sentence
        && a.cameo == b.cameo
        && a.source.as_ref().map(|x| x.actor) == b.source.as_ref().map(|x| x.actor)
        && a.target.as_ref().map(|x| x.actor) == b.target.as_ref().map(|x| x.actor)
}

/// The actor `a` and those coordinated with it (`Gondor and Osgiliath`,
/// `Arnor, Bree and Gondor`): actors separated only by commas, `and`, `or`.
fn coordinated(actors: &[(usize, usize, usize)], toks: &[Token], a: usize) -> Vec<usize> {
    let Some(&(_, a_start, a_end)) = actors.iter().find(|x| x.0 == a) else {
        return vec![a];
    };
    let mut spans: Vec<(usize, usize)> = actors.iter().map(|x| (x.1, x.2)).collect();
    spans.sort_unstable();
    spans.dedup();
    let Some(pos) = spans.iter().position(|&sp| sp == (a_start, a_end)) else {
        return vec![a];
    };
    // Between coordinated actors: conjunctions, commas, and the determiners
    // and adjectives of the next conjunct (`Fornost and the evil awful Gondor`).
    let joins = |from: usize, to: usize| {
        to > from
            && toks.get(from..to).is_some_and(|gap| {
                let conj = |t: &Token| {
                    matches!(t.text.to_lowercase().as_str(), "," | "and" | "or" | "nor")
                };
                gap.len() <= 5
                    && gap.iter().any(conj)
                    && gap.iter().all(|t| {
                        conj(t)
                            || (t.text.chars().any(char::is_alphanumeric)
                                && !matches!(
                                    t.upos,
                                    Upos::Verb | Upos::Aux | Upos::Adp | Upos::Pron | Upos::Sconj
                                ))
                    })
            })
    };
    let mut lo = pos;
    while lo > 0 && joins(spans[lo - 1].1, spans[lo].0) {
        lo -= 1;
    }
    let mut hi = pos;
    while hi + 1 < spans.len() && joins(spans[hi].1, spans[hi + 1].0) {
        hi += 1;
    }
    let group = &spans[lo..=hi];
    // Actors sharing a span (one mention per code of a multi-code entry) go together.
    let mut out: Vec<(usize, usize)> = actors
        .iter()
        .filter(|x| group.contains(&(x.1, x.2)))
        .map(|x| (x.1, x.0))
        .collect();
    out.sort_unstable();
    out.into_iter().map(|x| x.1).collect()
}

/// The actor whose tokens contain sentence token `t` or, failing that, the
/// first actor inside the subtree of `t`.
fn actor_in_subtree(toks: &[Token], actors: &[(usize, usize, usize)], t: usize) -> Option<usize> {
    if let Some(a) = actors.iter().find(|&&(_, a, b)| a <= t && t < b) {
        return Some(a.0);
    }
    // Only within the phrase: a path through a clause (`after crowds burned
    // its embassy`, `who shot at ...`) leaves the verb's arguments.
    let clausal = |rel: &str| {
        matches!(
            rel.split(':').next().unwrap_or(""),
            "advcl" | "ccomp" | "xcomp" | "parataxis" | "acl" | "csubj"
        )
    };
    let in_subtree = |mut k: usize| {
        for _ in 0..toks.len() {
            if k == t {
                return true;
            }
            if toks.get(k).is_some_and(|x| clausal(&x.deprel)) {
                return false;
            }
            match toks.get(k).and_then(|x| x.head) {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    };
    actors
        .iter()
        .filter(|&&(_, a, _)| in_subtree(a))
        .min_by_key(|&&(_, a, _)| a.abs_diff(t))
        .map(|x| x.0)
}

/// Subject and object actors of the verb at `v` from the dependency parse,
/// climbing to the governing verb for a missing subject (`xcomp`, `conj`).
fn syntactic_roles(
    toks: &[Token],
    actors: &[(usize, usize, usize)],
    v: usize,
) -> (Option<usize>, Option<usize>, bool) {
    let deps = |h: usize| {
        toks.iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(h))
    };
    let mut source = None;
    let mut target = None;
    let mut passive_subject = None;
    for (k, t) in deps(v) {
        let rel = t.deprel.as_str();
        if rel == "nsubj:pass" {
            passive_subject = actor_in_subtree(toks, actors, k);
        } else if rel.starts_with("nsubj") {
            source = source.or_else(|| actor_in_subtree(toks, actors, k));
        } else if rel == "obl:agent" {
            source = source.or_else(|| actor_in_subtree(toks, actors, k));
        }
    }
    // A relative pronoun stands for the noun its clause modifies: `a
    // Pakistani woman who shot at ...` — the woman shot.
    let relative = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(t.xpos.as_str(), "WP" | "WDT")
                || matches!(t.lemma.to_lowercase().as_str(), "who" | "which" | "that")
        })
    };
    let modified = toks
        .get(v)
        .filter(|t| t.deprel.starts_with("acl"))
        .and_then(|t| t.head);
    if let Some(noun) = modified {
        for (k, t) in deps(v) {
            if !relative(k) {
                continue;
            }
            if t.deprel == "nsubj:pass" {
                passive_subject = passive_subject.or_else(|| actor_in_subtree(toks, actors, noun));
            } else if t.deprel.starts_with("nsubj") {
                source = source.or_else(|| actor_in_subtree(toks, actors, noun));
            }
        }
    }
    // Complement clauses (`ccomp`) are left to word order: a reported clause's
    // subject is not the target of the report.
    for rel in ["obj", "iobj", "obl", "nmod", "xcomp"] {
        if target.is_some() {
            break;
        }
        for (k, t) in deps(v) {
            // Time adjuncts (`after crowds burned ...`) name no target.
            let temporal = deps(k).any(|(_, c)| {
                c.deprel == "case"
                    && matches!(
                        c.lemma.to_lowercase().as_str(),
                        "after"
                            | "before"
                            | "since"
                            | "until"
                            | "during"
                            | "following"
                            | "amid"
                            | "despite"
                    )
            });
            if temporal {
                continue;
            }
            if t.deprel == rel || (t.deprel.starts_with(rel) && t.deprel != "obl:agent") {
                if let Some(a) = actor_in_subtree(toks, actors, k) {
                    target = Some(a);
                    break;
                }
            }
        }
    }
    // Passive by label, or by shape when the parser labels it plainly: a past
    // participle with a form of `be` as auxiliary.
    let be_aux =
        deps(v).any(|(_, t)| t.deprel.starts_with("aux") && t.lemma.eq_ignore_ascii_case("be"));
    let passive = passive_subject.is_some()
        || deps(v).any(|(_, t)| t.deprel == "aux:pass")
        || (be_aux && toks.get(v).is_some_and(|t| t.xpos == "VBN"));
    if passive {
        // PETRARCH's passive: the doer is the object of `by`, `from` or `in`
        // (`was freed from Barad-dur`, `was shot dead in Osgiliath`); the
        // grammatical subject is the one acted upon, else an object of `at`,
        // `against`, `into`, `towards`.
        let case_of = |k: usize| {
            deps(k)
                .find(|(_, c)| c.deprel == "case")
                .map(|(_, c)| c.lemma.to_lowercase())
        };
        let pp_actor = |preps: &[&str]| {
            deps(v)
                .filter(|(_, t)| t.deprel.starts_with("obl") || t.deprel.starts_with("nmod"))
                .find_map(|(k, _)| {
                    let case = case_of(k)?;
                    if preps.contains(&case.as_str()) {
                        actor_in_subtree(toks, actors, k)
                    } else {
                        None
                    }
                })
        };
        source = pp_actor(&["by", "from", "in"]);
        target =
            passive_subject.or_else(|| pp_actor(&["at", "against", "into", "towards", "toward"]));
    }
    // A missing subject is shared with the governing verb (`conj`) or
    // controlled by it (`xcomp`: its object if it has one — `urged Bree to
    // help` — else its subject). A passive without `by` has no known doer.
    let mut cur = v;
    for _ in 0..4 {
        if source.is_some() || passive {
            break;
        }
        let Some(t) = toks.get(cur) else { break };
        let rel = t.deprel.as_str();
        if !matches!(rel, "xcomp" | "conj") {
            break;
        }
        let Some(h) = t.head else { break };
        if rel == "xcomp" {
            if let Some((k, _)) = deps(h).find(|(_, d)| matches!(d.deprel.as_str(), "obj" | "iobj"))
            {
                source = actor_in_subtree(toks, actors, k);
                if source.is_none() {
                    break;
                }
                continue;
            }
        }
        for (k, d) in deps(h) {
            if d.deprel.starts_with("nsubj") && d.deprel != "nsubj:pass" {
                source = actor_in_subtree(toks, actors, k);
            }
        }
        cur = h;
    }
    (source, target, passive)
}

/// The subject actor of the verb that governs the clause of `v` (`ccomp`,
/// `xcomp`, `advcl`, `conj`), if any.
fn governing_subject(toks: &[Token], actors: &[(usize, usize, usize)], v: usize) -> Option<usize> {
    let t = toks.get(v)?;
    if !matches!(
        t.deprel.split(':').next().unwrap_or(""),
        "ccomp" | "xcomp" | "advcl" | "conj"
    ) {
        return None;
    }
    let h = t.head?;
    toks.iter()
        .enumerate()
        .filter(|(_, d)| d.head == Some(h) && d.deprel == "nsubj")
        .find_map(|(k, _)| actor_in_subtree(toks, actors, k))
}

/// Without a parse: the nearest actor before the verb is the source, the first
/// after it the target; a passive (`was shot by`) swaps them.
fn positional_roles(
    toks: &[Token],
    actors: &[(usize, usize, usize)],
    vs: usize,
    ve: usize,
) -> (Option<usize>, Option<usize>) {
    // The verb's reach, roughly: back to the previous `;`, forward to the next
    // comma, `;`, `:` or relative clause (`which`, `who`, `where`, `when`).
    let left = (0..vs)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| t.text == ";"))
        .map_or(0, |k| k + 1);
    let right = (ve..toks.len())
        .find(|&k| {
            toks.get(k).is_some_and(|t| {
                matches!(t.text.as_str(), "," | ";" | ":")
                    || matches!(
                        t.text.to_lowercase().as_str(),
                        "which" | "who" | "where" | "when"
                    )
            })
        })
        .unwrap_or(toks.len());
    let before = actors
        .iter()
        .filter(|&&(_, a, b)| b <= vs && a >= left)
        .max_by_key(|x| x.2)
        .map(|x| x.0);
    let after_list: Vec<&(usize, usize, usize)> = {
        let mut v: Vec<_> = actors
            .iter()
            .filter(|&&(_, a, _)| a >= ve && a < right)
            .collect();
        v.sort_by_key(|x| x.1);
        v
    };
    let after = after_list.first().map(|x| x.0);
    let be = [
        "was", "were", "been", "being", "is", "are", "be", "got", "get",
    ];
    let passive = vs > 0
        && toks
            .get(vs)
            .is_some_and(|t| t.xpos == "VBN" || t.text.ends_with("ed") || t.xpos.is_empty())
        && toks.get(vs.saturating_sub(2)..vs).is_some_and(|w| {
            w.iter()
                .any(|t| be.contains(&t.text.to_lowercase().as_str()))
        });
    if passive {
        let by_agent = after_list.iter().find(|&&&(_, a, _)| {
            a > 0
                && toks
                    .get(a - 1)
                    .is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "by" | "from" | "in"))
        });
        // A passive without `by`: the doer is unknown.
        return (by_agent.map(|a| a.0), before);
    }
    (before, after)
}

impl Component for PetrarchCoder {
    fn name(&self) -> &'static str {
        "petrarch"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        self.code(doc);
        Ok(())
    }
}
