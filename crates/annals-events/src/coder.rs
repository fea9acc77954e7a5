//! [`EventCoder`]: finds, classifies and fills the events of each sentence.
//!
//! Per sentence: (1) every token is matched against the lexicon; (2) each
//! match gets a role — a plain event, a light verb carrying an event noun, or
//! an embedding verb carrying an event in its complement; (3) codes are
//! resolved (embedded events give their embedder its 13x/10x/03x/12x code);
//! (4) arguments are attached through the dependency parse; (5) modality is
//! read from negation, auxiliaries, conditionals and embedding; (6) casualty
//! verbs merge into the violence they report; (7) non-political senses are
//! discarded and the survivors become [`Event`]s.

use std::path::Path;

use annals_core::{Component, ComponentError, Count, Doc, Event, EventArg, Modality, Span, Upos};
use annals_ontology::Ontology;

use crate::casualty::count_of;
use crate::derive::{
    demand_code, intent_code, is_cooperative, is_material_conflict, refusal_code, threat_code,
};
use crate::discard::{ArgKind, DiscardRules};
use crate::graph::SentenceGraph;
use crate::lexicon::{ArgRel, CasualtyKind, EmbedKind, Entry, Lexicon, TriggerPos};
use crate::EventsError;

/// Reporting verbs: a `must` clause under one of them is a demand by its subject.
const REPORTING: [&str; 16] = [
    "say",
    "announce",
    "state",
    "declare",
    "insist",
    "tell",
    "conclude",
    "add",
    "stress",
    "argue",
    "believe",
    "warn",
    "assert",
    "reiterate",
    "write",
    "note",
];

/// The event coder: a lexicon, discard rules and the ontology.
pub struct EventCoder {
    lexicon: Lexicon,
    discard: DiscardRules,
    ontology: &'static Ontology,
    min_confidence: f32,
}

impl std::fmt::Debug for EventCoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventCoder")
            .field("lexicon_entries", &self.lexicon.len())
            .finish()
    }
}

impl EventCoder {
    /// The coder with the built-in lexicon and discard rules.
    pub fn embedded() -> EventCoder {
        // The built-in data is parsed by unit tests; failing here is a build defect.
        Self::try_embedded().expect("built-in event lexicon parses")
    }

    /// Like [`EventCoder::embedded`], reporting a defective built-in file as an error.
    pub fn try_embedded() -> Result<EventCoder, EventsError> {
        Ok(EventCoder {
            lexicon: Lexicon::builtin()?,
            discard: DiscardRules::builtin()?,
            ontology: Ontology::embedded(),
            min_confidence: 0.4,
        })
    }

    /// The built-in lexicon extended by a user's lexicon file (same format as
    /// `data/lexicon.txt`; its entries win over built-in ones).
    pub fn with_lexicon_file(path: impl AsRef<Path>) -> Result<EventCoder, EventsError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| EventsError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::with_lexicon_text(&text, &path.display().to_string())
    }

    /// The built-in lexicon extended by lexicon text; `origin` names it in errors.
    pub fn with_lexicon_text(text: &str, origin: &str) -> Result<EventCoder, EventsError> {
        let mut c = Self::try_embedded()?;
        c.lexicon.add_text(text, origin)?;
        Ok(c)
    }

    /// Add discard rules from a file in the `data/discard.txt` format.
    pub fn with_discard_file(mut self, path: impl AsRef<Path>) -> Result<EventCoder, EventsError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| EventsError::Io {
            path: path.display().to_string(),
            source,
        })?;
        self.discard.add_text(&text, &path.display().to_string())?;
        Ok(self)
    }

    /// Events below this confidence are dropped (default 0.4).
    pub fn with_min_confidence(mut self, c: f32) -> EventCoder {
        self.min_confidence = c;
        self
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Code every sentence of `doc`, appending to `doc.events`.
    pub fn code(&self, doc: &mut Doc) {
        let mut events = Vec::new();
        // Actor indices grouped by sentence, so each sentence visits only its own.
        let mut by_sentence: Vec<usize> = (0..doc.actors.len()).collect();
        by_sentence.sort_by_key(|&a| doc.actors[a].sentence);
        let mut lo = 0;
        for s in 0..doc.sentences.len() {
            let hi = lo + by_sentence[lo..].partition_point(|&a| doc.actors[a].sentence == s);
            let own = by_sentence.get(lo..hi).unwrap_or(&[]);
            lo = hi;
            if let Some(g) = SentenceGraph::new(doc, s, own) {
                SentenceCoder::new(self, &g).run(&mut events);
            }
        }
        doc.events.extend(events);
    }
}

impl Component for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        self.code(doc);
        Ok(())
    }
}

/// Default argument relations, built once.
struct DefaultRels {
    nsubj: ArgRel,
    obj: ArgRel,
    by: ArgRel,
    noun_src: [ArgRel; 4],
    noun_tgt: [ArgRel; 3],
}

static RELS: std::sync::LazyLock<DefaultRels> = std::sync::LazyLock::new(|| {
    let r = |rel: &str, prep: Option<&str>| ArgRel {
        rel: rel.to_owned(),
        prep: prep.map(str::to_owned),
    };
    DefaultRels {
        nsubj: r("nsubj", None),
        obj: r("obj", None),
        by: r("obl", Some("by")),
        noun_src: [
            r("nmod", Some("by")),
            r("poss", None),
            r("amod", None),
            r("compound", None),
        ],
        noun_tgt: [
            r("nmod", Some("against")),
            r("nmod", Some("on")),
            r("nmod", Some("at")),
        ],
    }
});

/// What a matched token does in its sentence.
#[derive(Clone, Copy)]
enum Role<'l> {
    Event(&'l Entry),
    Light {
        verb: &'l Entry,
        noun: usize,
    },
    Embed {
        entry: &'l Entry,
        kind: EmbedKind,
        comp: usize,
    },
}

#[derive(Clone, Default)]
struct Node<'l> {
    ev: Option<&'l Entry>,
    light: Option<&'l Entry>,
    embed: Option<&'l Entry>,
    role: Option<Role<'l>>,
    /// Part of another trigger (a light verb's noun, a constrained object).
    consumed: bool,
    /// The noun an embedding verb takes as its complement.
    embedded_by: Option<usize>,
    /// Merged casualty verb → host node.
    merged_into: Option<usize>,
}

type Args = Vec<(usize, String)>;

impl Draft {
    /// A copy without arguments, for checks that only need the trigger.
    fn shallow(&self) -> Draft {
        Draft {
            tok: self.tok,
            trigger: self.trigger,
            code: self.code.clone(),
            sources: Vec::new(),
            targets: Vec::new(),
            modality: self.modality,
            rule: String::new(),
            confidence: self.confidence,
            casualties: Default::default(),
            symmetric: self.symmetric,
            no_actor: self.no_actor,
            lemma: self.lemma.clone(),
            plover: None,
        }
    }
}

/// One event before it becomes an [`Event`].
struct Draft {
    tok: usize,
    trigger: Span,
    code: String,
    sources: Args,
    targets: Args,
    modality: Modality,
    rule: String,
    confidence: f32,
    casualties: annals_core::Casualties,
    symmetric: bool,
    no_actor: bool,
    lemma: String,
    /// PLOVER type/mode given by the lexicon entry, overriding the crosswalk.
    plover: Option<(String, Option<String>)>,
}

struct SentenceCoder<'c, 'g, 'd> {
    coder: &'c EventCoder,
    g: &'g SentenceGraph<'d>,
    nodes: Vec<Node<'c>>,
    /// Which discard contexts (sports, markets) the sentence is in; computed on first need.
    active_contexts: std::cell::OnceCell<Vec<bool>>,
}

impl<'c, 'g, 'd> SentenceCoder<'c, 'g, 'd> {
    fn new(coder: &'c EventCoder, g: &'g SentenceGraph<'d>) -> Self {
        SentenceCoder {
            coder,
            g,
            nodes: vec![Node::default(); g.len()],
            active_contexts: std::cell::OnceCell::new(),
        }
    }

    fn run(mut self, out: &mut Vec<Event>) {
        let n = self.g.len();
        let mut any = false;
        for i in 0..n {
            self.match_token(i);
            any |= self.nodes[i].ev.is_some()
                || self.nodes[i].light.is_some()
                || self.nodes[i].embed.is_some();
        }
        if !any {
            return;
        }
        for i in 0..n {
            self.assign_role(i);
        }
        self.merge_casualty_verbs();
        let mut drafts = Vec::new();
        for i in 0..n {
            self.drafts_for(i, &mut drafts);
        }
        self.modal_demands(&mut drafts);
        self.finish(drafts, out);
    }

    // ------------------------------------------------------------ matching

    /// The hyphenated word's lemma, the lemma, the lowercased form and a
    /// naive singular: the keys to try.
    fn lookup_words(&self, i: usize) -> [Option<&'g str>; 7] {
        let g: &'g SentenceGraph<'d> = self.g;
        let lemma = g.lemma(i);
        let form = g.form_lower(i);
        let form_key = (form != lemma).then_some(form);
        let stem = form.strip_suffix('s').filter(|s| *s != lemma);
        // Inflections a lemmatizer may have missed: "shelled" → shell,
        // "imposed" → impose, "shelling" → shell.
        let ed = form.strip_suffix("ed").filter(|s| s.len() > 2);
        let d = form
            .strip_suffix('d')
            .filter(|s| s.len() > 3 && s.ends_with('e'));
        let ing = form.strip_suffix("ing").filter(|s| s.len() > 2);
        [
            g.hyphenated_lemma(i),
            Some(lemma),
            form_key,
            stem,
            ed,
            d,
            ing,
        ]
    }

    fn match_token(&mut self, i: usize) {
        let g = self.g;
        let upos = g.upos(i);
        // The readings to try, in order (no allocation: this runs per token).
        let (v, n) = (Some(TriggerPos::Verb), Some(TriggerPos::Noun));
        let poses: [Option<TriggerPos>; 2] = match upos {
            // Tagger confusions between verb and noun readings.
            Upos::Verb
                if matches!(g.base_rel(i), "obj" | "nsubj" | "obl" | "nmod" | "compound")
                    || g.child_rel(i, "det").is_some() =>
            {
                [n, v]
            }
            Upos::Verb => [v, None],
            Upos::Noun if g.child_rel(i, "nsubj").is_some() && g.child_rel(i, "cop").is_none() => {
                [n, v]
            }
            Upos::Noun => [n, None],
            Upos::Adj => {
                let form = g.form_lower(i);
                if g.xpos(i).starts_with("VB") || form.ends_with("ed") || form.ends_with("ing") {
                    [v, n]
                } else {
                    [n, None]
                }
            }
            _ => return,
        };
        let lex = &self.coder.lexicon;
        let mut node = Node::default();
        'outer: for pos in poses.into_iter().flatten() {
            for w in self.lookup_words(i).into_iter().flatten() {
                let entries = lex.entries(w, pos);
                if entries.is_empty() {
                    continue;
                }
                for e in entries {
                    if !self.constraints_hold(i, e) {
                        continue;
                    }
                    if e.light {
                        node.light.get_or_insert(e);
                    } else if e.embed.is_some() && e.code.is_empty() {
                        node.embed.get_or_insert(e);
                    } else {
                        if e.embed.is_some() {
                            node.embed.get_or_insert(e);
                        }
                        node.ev.get_or_insert(e);
                    }
                }
                if node.ev.is_some() || node.light.is_some() || node.embed.is_some() {
                    break 'outer;
                }
            }
        }
        self.nodes[i] = node;
    }

    fn word_in(&self, t: usize, set: &[String]) -> bool {
        if set.iter().any(|w| w == "*") {
            return true;
        }
        let g = self.g;
        let lemma = g.lemma(t);
        let form = g.form_lower(t);
        let stem = form.strip_suffix('s');
        // "tear gas", "human shield": the compound before the head.
        let prev = g
            .children(t)
            .iter()
            .rev()
            .find(|&&c| g.deprel(c) == "compound" || g.deprel(c) == "amod")
            .map(|&p| g.lemma(p));
        set.iter().any(|w| {
            w == lemma
                || w == form
                || stem.is_some_and(|f| f == w)
                || (prev.is_some()
                    && w.split_once(' ')
                        .is_some_and(|(a, b)| Some(a) == prev && b == lemma))
        })
    }

    fn object_of(&self, i: usize) -> Option<usize> {
        let g = self.g;
        if g.is_passive(i) {
            if let Some((s, _)) = g.subject(i) {
                return Some(s);
            }
        }
        let obj = g.child_rel(i, "obj").or_else(|| {
            g.child_rel(i, "xcomp")
                .filter(|&x| matches!(g.upos(x), Upos::Adj | Upos::Noun))
        })?;
        // "the air strikes that US forces carried out": the relative pronoun
        // stands for the noun the clause modifies.
        if matches!(g.lemma(obj), "that" | "which" | "whom") && g.deprel(i) == "acl:relcl" {
            return g.head(i).or(Some(obj));
        }
        Some(obj)
    }

    fn constraints_hold(&self, i: usize, e: &Entry) -> bool {
        let g = self.g;
        if let Some(p) = &e.particle {
            let has = g.children(i).iter().any(|&c| {
                matches!(
                    g.base_rel(c),
                    "compound" | "advmod" | "xcomp" | "obl" | "prt" | "obj"
                ) && g.lemma(c) == p
            }) || (i + 1 < g.len() && g.lemma(i + 1) == p);
            if !has {
                return false;
            }
        }
        if let Some(set) = &e.obj {
            match self.object_of(i) {
                Some(o)
                    if self.word_in(o, set)
                        || (g.upos(o) == Upos::Propn
                            && g.children(o).iter().any(|&c| {
                                matches!(g.deprel(c), "compound" | "flat" | "appos" | "nmod:desc")
                                    && self.word_in(c, set)
                            })) => {}
                _ => return false,
            }
        }
        if let Some(set) = &e.subj {
            let subj = if g.is_passive(i) {
                g.prep_children(i, "obl", "by").first().copied()
            } else {
                g.subject(i).map(|(s, _)| s)
            };
            match subj {
                Some(s) if self.word_in(s, set) => {}
                _ => return false,
            }
        }
        if let Some(set) = &e.modifier {
            let has = g.children(i).iter().any(|&c| {
                matches!(g.base_rel(c), "compound" | "amod" | "nmod") && self.word_in(c, set)
            }) || (i > 0 && self.word_in(i - 1, set));
            if !has {
                return false;
            }
        }
        if let Some((prep, set)) = &e.prep_obj {
            let rel = if e.pos == TriggerPos::Verb {
                "obl"
            } else {
                "nmod"
            };
            let mut cands = g.prep_children(i, rel, prep);
            if let Some(o) = g.child_rel(i, "obj") {
                cands.extend(g.prep_children(o, "nmod", prep));
            }
            if !cands.iter().any(|&c| self.word_in(c, set)) {
                return false;
            }
        }
        true
    }

    // ------------------------------------------------------------ roles

    fn is_event_noun(&self, t: usize) -> bool {
        self.nodes
            .get(t)
            .and_then(|n| n.ev)
            .is_some_and(|e| e.pos == TriggerPos::Noun)
    }

    fn has_match(&self, t: usize) -> bool {
        self.nodes
            .get(t)
            .is_some_and(|n| n.ev.is_some() || n.light.is_some() || n.embed.is_some())
    }

    fn assign_role(&mut self, i: usize) {
        let g = self.g;
        let node = self.nodes[i].clone();
        let specific = node.ev.filter(|e| e.specificity() > 0 && !e.light);
        if let Some(e) = specific {
            if e.obj.is_some() {
                if let Some(o) = self.object_of(i) {
                    if let Some(n) = self.nodes.get_mut(o) {
                        n.consumed = true;
                    }
                }
            }
            self.nodes[i].role = Some(Role::Event(e));
            return;
        }
        if let Some(l) = node.light {
            if let Some(mut o) = self.object_of(i) {
                // "launched a mediation effort", "began a campaign of strikes".
                if !self.is_event_noun(o)
                    && matches!(
                        g.lemma(o),
                        "effort"
                            | "bid"
                            | "campaign"
                            | "drive"
                            | "initiative"
                            | "attempt"
                            | "wave"
                            | "series"
                            | "round"
                            | "mission"
                            // "launched 10 days of war games".
                            | "day"
                            | "week"
                            | "month"
                            | "hour"
                            | "night"
                    )
                {
                    if let Some(x) = g.children(o).iter().copied().find(|&c| {
                        matches!(g.deprel(c), "compound" | "nmod" | "amod") && self.is_event_noun(c)
                    }) {
                        o = x;
                    }
                }
                let accepts = l
                    .light_nouns
                    .as_ref()
                    .is_none_or(|set| self.word_in(o, set));
                if accepts && self.is_event_noun(o) {
                    self.nodes[o].consumed = true;
                    self.nodes[i].role = Some(Role::Light { verb: l, noun: o });
                    return;
                }
            }
        }
        if let Some(e) = node.embed {
            if let Some(kind) = e.embed {
                if let Some(c) = self.complement(i, kind) {
                    if matches!(g.upos(c), Upos::Noun) {
                        self.nodes[c].embedded_by = Some(i);
                    }
                    self.nodes[i].role = Some(Role::Embed {
                        entry: e,
                        kind,
                        comp: c,
                    });
                    return;
                }
                // `called on the generals to respect the truce`: a request
                // about an act the lexicon does not know is still a request.
                if node.ev.is_none()
                    && matches!(
                        kind,
                        EmbedKind::Appeal
                            | EmbedKind::Demand
                            | EmbedKind::Threat
                            | EmbedKind::Refuse
                    )
                {
                    if let Some(c) = self.clausal_complement(i) {
                        self.nodes[i].role = Some(Role::Embed {
                            entry: e,
                            kind,
                            comp: c,
                        });
                        return;
                    }
                }
            }
        }
        if let Some(e) = node.ev {
            self.nodes[i].role = Some(Role::Event(e));
        }
    }

    /// The verb of a `to`-infinitive, `that`-clause or controlled complement of `i`.
    fn clausal_complement(&self, i: usize) -> Option<usize> {
        let g = self.g;
        g.children(i).iter().copied().find(|&c| {
            g.upos(c) == Upos::Verb
                && (matches!(g.deprel(c), "xcomp" | "ccomp")
                    || (g.deprel(c) == "advcl"
                        && g.children(c)
                            .iter()
                            .any(|&m| g.deprel(m) == "mark" && g.lemma(m) == "to")))
        })
    }

    fn complement(&self, i: usize, kind: EmbedKind) -> Option<usize> {
        let g = self.g;
        for c in g.children(i).iter().copied() {
            let d = g.deprel(c);
            let to_clause = d == "advcl"
                && g.children(c)
                    .iter()
                    .any(|&m| g.deprel(m) == "mark" && g.lemma(m) == "to");
            if matches!(d, "xcomp" | "ccomp") || to_clause {
                if self.has_match(c) {
                    return Some(c);
                }
                // "threatened to tighten sanctions and impose a blockade"
                if let Some(x) = g.children_rel(c, "conj").find(|&x| self.has_match(x)) {
                    return Some(x);
                }
            }
        }
        // `demanded the release of`, `threatened retaliation`, `called for an end to`.
        if !matches!(kind, EmbedKind::Pass | EmbedKind::Plan) {
            let mut nouns: Vec<usize> = g.children_rel(i, "obj").collect();
            nouns.extend(g.prep_children(i, "obl", "for"));
            for c in nouns {
                if self.is_event_noun(c) {
                    return Some(c);
                }
                // `called for an end to the fighting`
                if matches!(g.lemma(c), "end" | "halt" | "stop" | "cessation") {
                    if let Some(x) = g
                        .prep_children(c, "nmod", "to")
                        .first()
                        .copied()
                        .filter(|&x| self.is_event_noun(x))
                    {
                        return Some(x);
                    }
                }
            }
        }
        None
    }

    // ------------------------------------------------------------ codes

    fn code_of(&self, i: usize, depth: usize) -> Option<String> {
        if depth > 4 {
            return None;
        }
        match self.nodes.get(i)?.role? {
            Role::Event(e) => Some(e.code.clone()),
            Role::Light { noun, .. } => self.nodes.get(noun)?.ev.map(|e| e.code.clone()),
            Role::Embed { entry, kind, comp } => {
                let inner = self.code_of(comp, depth + 1);
                let own = |c: Option<&str>| {
                    c.map(str::to_owned)
                        .or_else(|| (!entry.code.is_empty()).then(|| entry.code.clone()))
                };
                match (kind, inner.as_deref()) {
                    (EmbedKind::Threat, Some(c)) => Some(threat_code(c).to_owned()),
                    (EmbedKind::Demand, Some(c)) => Some(demand_code(c, false).to_owned()),
                    (EmbedKind::Appeal, Some(c)) => Some(demand_code(c, true).to_owned()),
                    (EmbedKind::Intent, Some(c)) if c.starts_with("03") => Some(c.to_owned()),
                    // `agreed to extend sanctions`: the sanctions are decided.
                    (EmbedKind::Intent, Some(c)) if entry.decides && !is_cooperative(c) => {
                        Some(c.to_owned())
                    }
                    (EmbedKind::Intent, Some(c)) => {
                        Some(intent_code(c).unwrap_or_else(|| threat_code(c)).to_owned())
                    }
                    (EmbedKind::Refuse, Some(c)) => Some(refusal_code(c).to_owned()),
                    (EmbedKind::Deny | EmbedKind::Plan | EmbedKind::Pass, _) => None,
                    // `called on the generals to respect the truce`: an appeal,
                    // demand, threat, refusal or promise about an act the
                    // lexicon does not code is still one.
                    (kind, None) => own(None).or_else(|| {
                        let generic = match kind {
                            EmbedKind::Appeal => "020",
                            EmbedKind::Demand => "100",
                            EmbedKind::Threat => "130",
                            EmbedKind::Refuse => "120",
                            EmbedKind::Intent => "030",
                            EmbedKind::Deny | EmbedKind::Plan | EmbedKind::Pass => return None,
                        };
                        (depth == 0).then(|| generic.to_owned())
                    }),
                }
            }
        }
    }

    // ------------------------------------------------------------ arguments

    /// Actors for the phrase headed by `t` and its conjuncts.
    fn actors_at(&self, t: usize, via: &str, depth: usize) -> Args {
        let g = self.g;
        let mut out: Args = Vec::new();
        for c in g.with_conjuncts(t) {
            if let Some(a) = g.actor_of(c) {
                if !out.iter().any(|(x, _)| *x == a) {
                    out.push((a, via.to_owned()));
                }
                // `Israeli and Palestinian negotiators`, `U.S. and Afghan
                // troops`: each of coordinated country modifiers is a party
                // of its own (the actor coder gives it the sector of the
                // noun they share).
                for m in g.children(c).iter().copied() {
                    if !matches!(g.base_rel(m), "amod" | "compound") {
                        continue;
                    }
                    let conjuncts: Vec<usize> = g.children_rel(m, "conj").collect();
                    if conjuncts.is_empty() {
                        continue;
                    }
                    for k in std::iter::once(m).chain(conjuncts) {
                        if let Some(b) = g.actor_of(k) {
                            if !out.iter().any(|(x, _)| *x == b) {
                                out.push((b, via.to_owned()));
                            }
                        }
                    }
                }
            } else if self.is_event_noun(c) && depth < 2 {
                // "condemned the US strikes": the actor behind the event referred to.
                let (mut src, tgt) = self.noun_args(c, depth + 1);
                if src.is_empty() {
                    // "the strikes that US forces carried out": the light verb's subject.
                    if let Some(j) = (0..self.nodes.len()).find(|&j| {
                        matches!(self.nodes[j].role, Some(Role::Light { noun, .. }) if noun == c)
                            && j != c
                    }) {
                        if let Some((s, _)) = g.subject(j).filter(|(s, _)| *s != c) {
                            src = self.actors_at(s, "nsubj", depth + 1);
                        }
                    }
                }
                if let Some((a, _)) = src.into_iter().next().or_else(|| tgt.into_iter().next()) {
                    out.push((a, format!("{via}>event")));
                }
            } else if g.is_pronoun(c) {
                if let Some(a) = self.pronoun_fallback(c) {
                    out.push((a, format!("{via}>coref")));
                }
            }
        }
        out
    }

    /// A pronoun with no coded actor: the subject of the clause it is embedded in
    /// ("Hungary said it will support" → Hungary).
    fn pronoun_fallback(&self, p: usize) -> Option<usize> {
        let g = self.g;
        if !matches!(
            g.lemma(p),
            "it" | "they" | "he" | "she" | "we" | "its" | "their" | "his" | "her"
        ) {
            return None;
        }
        let mut cur = g.head(p)?;
        for _ in 0..4 {
            let h = g.head(cur)?;
            if let Some((s, _)) = g.subject(h) {
                if s != p {
                    if let Some(a) = g.actor_of(s) {
                        return Some(a);
                    }
                }
            }
            cur = h;
        }
        None
    }

    /// Arguments through explicit relations on token `i`.
    fn rel_args<R: std::borrow::Borrow<ArgRel>>(&self, i: usize, rels: &[R], depth: usize) -> Args {
        let g = self.g;
        let mut out: Args = Vec::new();
        for r in rels {
            let r: &ArgRel = r.borrow();
            let mut label: Option<String> = None;
            let toks: Vec<usize> = match (r.rel.as_str(), r.prep.as_deref()) {
                ("nsubj", _) | ("subj", _) => match g.subject(i) {
                    Some((s, via)) => {
                        label = Some(via.to_owned());
                        vec![s]
                    }
                    None => Vec::new(),
                },
                ("obj", _) => {
                    let o: Vec<usize> = self.object_of(i).into_iter().collect();
                    // "lifted the ban on X", "refused admittance to X": when the
                    // object is no actor, the party it concerns.
                    if o.iter()
                        .all(|&t| self.actors_at(t, "obj", depth + 1).is_empty())
                        && depth == 0
                    {
                        let mut v = o.clone();
                        for p in ["on", "against", "to", "from"] {
                            let found = g.prep_children(i, "obl", p);
                            if !found.is_empty() {
                                label = Some(format!("obj>obl:{p}"));
                                v = found;
                                break;
                            }
                        }
                        v
                    } else {
                        o
                    }
                }
                ("iobj", _) => g.child_rel(i, "iobj").into_iter().collect(),
                ("poss", _) => g
                    .children_rel(i, "nmod")
                    .filter(|&c| g.deprel(c) == "nmod:poss")
                    .collect(),
                ("amod", _) | ("compound", _) | ("appos", _) => {
                    let want = r.rel.as_str();
                    let mut v: Vec<usize> = g.children_rel(i, want).collect();
                    if want == "amod" {
                        // Possessive-less adjectival actors ("Israeli") are often tagged compound or nmod:npmod.
                        v.extend(
                            g.children_rel(i, "nmod")
                                .filter(|&c| g.deprel(c) == "nmod:npmod"),
                        );
                    }
                    v
                }
                ("obl", Some(p)) | ("nmod", Some(p)) => {
                    let mut v = g.prep_children(i, &r.rel, p);
                    if r.rel == "obl" {
                        if let Some(o) = g.child_rel(i, "obj") {
                            for oc in g.with_conjuncts(o) {
                                v.extend(g.prep_children(oc, "nmod", p));
                            }
                        }
                    }
                    v
                }
                ("ccomp-subj", _) => g
                    .children(i)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(g.deprel(c), "ccomp" | "xcomp" | "advcl"))
                    .filter_map(|c| {
                        g.subject(c)
                            .filter(|(_, via)| *via == "nsubj")
                            .map(|(s, _)| s)
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for t in toks {
                let label = label.get_or_insert_with(|| r.label());
                for (a, via) in self.actors_at(t, label, depth) {
                    if !out.iter().any(|(x, _)| *x == a) {
                        out.push((a, via));
                    }
                }
            }
        }
        out
    }

    fn default_src(pos: TriggerPos) -> Vec<&'static ArgRel> {
        match pos {
            TriggerPos::Verb => vec![&RELS.nsubj],
            TriggerPos::Noun => RELS.noun_src.iter().collect(),
        }
    }

    fn default_tgt(pos: TriggerPos) -> Vec<&'static ArgRel> {
        match pos {
            TriggerPos::Verb => vec![&RELS.obj],
            TriggerPos::Noun => RELS.noun_tgt.iter().collect(),
        }
    }

    /// Source and target relations of an entry on token `i`, passive-aware.
    fn entry_rels<'e>(&self, i: usize, e: &'e Entry) -> (Vec<&'e ArgRel>, Vec<&'e ArgRel>) {
        // Adjectival predicates ("is willing to") take clause arguments.
        let pos = if e.pos == TriggerPos::Noun && self.g.child_rel(i, "nsubj").is_some() {
            TriggerPos::Verb
        } else {
            e.pos
        };
        let mut src: Vec<&ArgRel> = match &e.src {
            Some(v) => v.iter().collect(),
            None => Self::default_src(pos),
        };
        let mut tgt: Vec<&ArgRel> = match &e.tgt {
            Some(v) => v.iter().collect(),
            None => Self::default_tgt(pos),
        };
        tgt.extend(e.also.iter());
        if e.pos == TriggerPos::Verb && self.g.is_passive(i) {
            let by = &RELS.by;
            let had_subject_src = src.iter().any(|r| r.rel == "nsubj");
            src.retain(|r| r.rel != "nsubj");
            if had_subject_src {
                src.insert(0, by);
            }
            // The patient is the grammatical subject; `object_of` already maps obj to it.
            if tgt.iter().any(|r| r.rel == "iobj") && !tgt.iter().any(|r| r.rel == "obj") {
                tgt.insert(0, &RELS.nsubj);
            }
        }
        (src, tgt)
    }

    fn noun_args(&self, i: usize, depth: usize) -> (Args, Args) {
        match self.nodes.get(i).and_then(|n| n.ev) {
            Some(e) => {
                let (s, t) = self.entry_rels(i, e);
                (self.rel_args(i, &s, depth), self.rel_args(i, &t, depth))
            }
            None => (Vec::new(), Vec::new()),
        }
    }

    // ------------------------------------------------------------ modality

    /// Modality read from the clause of `i` itself.
    fn own_modality(&self, i: usize) -> (Modality, bool) {
        let g = self.g;
        let mut m = Modality::Asserted;
        let mut must = false;
        for &c in g.children(i) {
            let d = g.deprel(c);
            let l = g.lemma(c);
            let f = g.form_lower(c);
            if (d == "advmod" || d == "neg" || d == "det" || d == "advmod:neg")
                && (matches!(l, "not" | "never" | "n't") || (d == "det" && l == "no"))
            {
                return (Modality::Negated, false);
            }
            if d.starts_with("aux") && d != "aux:pass" {
                match l {
                    "will" | "shall" | "'ll" | "wo" => m = Modality::Planned,
                    "would" if f == "would" || f == "'d" => m = Modality::Planned,
                    "could" | "might" | "may" => m = Modality::Hypothetical,
                    "must" | "should" | "ought" => must = true,
                    _ => {}
                }
                if f == "could" || f == "might" {
                    m = Modality::Hypothetical;
                }
            }
            if d == "advmod"
                && matches!(l, "reportedly" | "allegedly" | "purportedly" | "apparently")
            {
                m = Modality::Reported;
            }
        }
        // `have to`, `be going to`, `fail to`: the governing verb decides.
        if g.deprel(i) == "xcomp" {
            if let Some(h) = g.head(i) {
                match g.lemma(h) {
                    "have" | "need" => must = true,
                    "go" if g.form_lower(h) == "going" => m = Modality::Planned,
                    "fail" => return (Modality::Negated, false),
                    _ => {}
                }
            }
        }
        // Conditional clauses anywhere above; plan verbs up the xcomp chain.
        let mut cur = i;
        for _ in 0..8 {
            if g.base_rel(cur) == "advcl"
                && g.children(cur)
                    .iter()
                    .any(|&c| matches!(g.lemma(c), "if" | "unless" | "whether" | "until"))
            {
                return (Modality::Hypothetical, must);
            }
            let Some(h) = g.head(cur) else { break };
            // `must agree to changes before they demobilize`, `demanded a
            // truce before allowing aid`: what is to follow an act that is
            // only required, demanded or planned has not happened either.
            if matches!(g.base_rel(cur), "advcl" | "acl")
                && g.children(cur)
                    .iter()
                    .any(|&c| g.deprel(c) == "mark" && g.lemma(c) == "before")
            {
                // The clause may hang on a noun of its verb (`agree to
                // changes before they demobilize`).
                let verb = if g.upos(h).is_nominal() {
                    g.head(h).unwrap_or(h)
                } else {
                    h
                };
                if self.unrealized(verb) {
                    return (Modality::Hypothetical, must);
                }
            }
            if matches!(g.base_rel(cur), "xcomp" | "conj")
                && m == Modality::Asserted
                && self
                    .nodes
                    .get(h)
                    .and_then(|n| n.embed)
                    .and_then(|e| e.embed)
                    == Some(EmbedKind::Plan)
            {
                m = Modality::Planned;
            }
            cur = h;
        }
        (m, must)
    }

    /// Whether the act of clause `i` is only required, demanded, planned or
    /// otherwise not reported as done (`must agree`, `demanded a truce`).
    fn unrealized(&self, i: usize) -> bool {
        let (own, must) = self.own_modality(i);
        let demand = match self.nodes[i].role {
            Some(Role::Embed { kind, .. }) => matches!(
                kind,
                EmbedKind::Demand
                    | EmbedKind::Appeal
                    | EmbedKind::Threat
                    | EmbedKind::Intent
                    | EmbedKind::Plan
            ),
            Some(Role::Event(e)) => matches!(e.code.get(..2), Some("10" | "02")),
            Some(Role::Light { .. }) | None => false,
        };
        must || demand
            || !matches!(
                own,
                Modality::Asserted | Modality::Reported | Modality::Claimed
            )
            || self.imposed_modality(i, 0).is_some_and(|m| !factual(m))
    }

    /// Whether the clause of `i` has a conditional (`if`, `unless`) dependent.
    fn has_condition(&self, i: usize) -> bool {
        let g = self.g;
        g.children_rel(i, "advcl").any(|c| {
            g.children(c)
                .iter()
                .any(|&m| matches!(g.lemma(m), "if" | "unless"))
        })
    }

    /// The kind of the embedding verb whose complement `i` is, if any.
    fn embedder_kind(&self, i: usize) -> Option<EmbedKind> {
        let g = self.g;
        if g.deprel(i) == "conj" {
            if let Some(h) = g.head(i).filter(|&h| !g.upos(h).is_nominal() && h != i) {
                if let Some(k) = self.embedder_kind_direct(h) {
                    return Some(k);
                }
            }
        }
        self.embedder_kind_direct(i)
    }

    fn embedder_kind_direct(&self, i: usize) -> Option<EmbedKind> {
        let g = self.g;
        let embedder = self.nodes[i].embedded_by.or_else(|| {
            let h = g.head(i)?;
            matches!(g.deprel(i), "xcomp" | "ccomp" | "advcl").then_some(h)
        })?;
        match self.nodes.get(embedder)?.role? {
            Role::Embed { kind, comp, .. } if comp == i => Some(kind),
            _ => None,
        }
    }

    /// Modality imposed on `i` by an embedding verb, if any.
    fn imposed_modality(&self, i: usize, depth: usize) -> Option<Modality> {
        if depth > 4 {
            return None;
        }
        let g = self.g;
        // A conjunct shares the embedding of its first conjunct ("threatened to
        // tighten sanctions and impose a blockade").
        if g.deprel(i) == "conj" {
            if let Some(h) = g.head(i).filter(|&h| !g.upos(h).is_nominal()) {
                if let Some(m) = self.imposed_modality(h, depth + 1) {
                    return Some(m);
                }
            }
        }
        let embedder = self.nodes[i].embedded_by.or_else(|| {
            let h = g.head(i)?;
            matches!(g.deprel(i), "xcomp" | "ccomp" | "advcl").then_some(h)
        })?;
        match self.nodes.get(embedder)?.role? {
            Role::Embed { kind, comp, .. } if comp == i => Some(match kind {
                EmbedKind::Threat => Modality::Threatened,
                EmbedKind::Demand | EmbedKind::Appeal => Modality::Demanded,
                EmbedKind::Intent | EmbedKind::Plan => Modality::Planned,
                EmbedKind::Refuse => Modality::Negated,
                EmbedKind::Deny => Modality::Denied,
                EmbedKind::Pass => {
                    return self
                        .imposed_modality(embedder, depth + 1)
                        .or_else(|| Some(self.own_modality(embedder).0));
                }
            }),
            _ => None,
        }
    }

    // ------------------------------------------------------------ casualties

    fn casualty_target(&self, i: usize) -> Option<usize> {
        let g = self.g;
        if g.is_passive(i) {
            g.subject(i).map(|(s, _)| s)
        } else {
            g.child_rel(i, "obj")
        }
    }

    fn add_count(c: &mut annals_core::Casualties, kind: CasualtyKind, n: Count) {
        let slot = match kind {
            CasualtyKind::Dead => &mut c.dead,
            CasualtyKind::Injured => &mut c.injured,
            CasualtyKind::Arrested => &mut c.arrested,
        };
        if slot.is_none() {
            *slot = Some(n);
        }
    }

    fn is_violent(&self, t: usize) -> bool {
        self.code_of(t, 0)
            .is_some_and(|c| matches!(c.get(..2), Some("14" | "15" | "17" | "18" | "19" | "20")))
    }

    /// Casualty verbs (`killing 25`, `were killed in an air strike`) join the
    /// violent event they report instead of standing alone.
    fn merge_casualty_verbs(&mut self) {
        let g = self.g;
        for i in 0..g.len() {
            let Some(Role::Event(e)) = self.nodes[i].role else {
                continue;
            };
            if !e.merge {
                continue;
            }
            let mut host = None;
            if let Some(h) = g.head(i) {
                if matches!(g.base_rel(i), "advcl" | "conj" | "xcomp" | "acl") && self.is_violent(h)
                {
                    host = Some(h);
                }
            }
            if host.is_none() && !g.is_passive(i) {
                if let Some((s, _)) = g.subject(i) {
                    if self.is_event_noun(s) && self.is_violent(s) {
                        host = Some(s);
                    }
                }
            }
            if host.is_none() {
                for p in ["in", "during", "by"] {
                    if let Some(x) = g
                        .prep_children(i, "obl", p)
                        .into_iter()
                        .find(|&x| self.is_event_noun(x) && self.is_violent(x))
                    {
                        host = Some(x);
                        break;
                    }
                }
            }
            if let Some(h) = host {
                self.nodes[i].merged_into = Some(h);
                if self.nodes[h].role.is_none() {
                    self.nodes[h].role = self.nodes[h].ev.map(Role::Event);
                }
            }
        }
    }

    // ------------------------------------------------------------ drafts

    fn trigger_span(&self, i: usize, e: Option<&Entry>) -> Span {
        let g = self.g;
        let mut span = g.span(i);
        if let Some(e) = e {
            if let Some(p) = &e.particle {
                if let Some(&c) = g.children(i).iter().find(|&&c| g.lemma(c) == p) {
                    span = span.cover(g.span(c));
                }
            }
            if e.modifier.is_some() {
                for &c in g.children(i) {
                    if matches!(g.base_rel(c), "compound" | "amod")
                        && e.modifier.as_ref().is_some_and(|s| self.word_in(c, s))
                    {
                        span = span.cover(g.span(c));
                    }
                }
            }
        }
        span
    }

    /// Whether token `i` belongs to the main assertion of the sentence: not in
    /// a relative, adverbial, purpose or complement-of-noun clause.
    fn in_main_clause(&self, i: usize) -> bool {
        let g = self.g;
        let mut cur = i;
        for _ in 0..12 {
            let Some(h) = g.head(cur) else { return true };
            let rel = g.base_rel(cur);
            if g.upos(cur) == Upos::Verb || g.upos(cur) == Upos::Adj {
                match rel {
                    "conj" | "parataxis" => {}
                    "ccomp" if REPORTING.contains(&g.lemma(h)) => {}
                    _ => return false,
                }
            } else if matches!(rel, "acl" | "advcl" | "csubj" | "xcomp" | "ccomp") {
                return false;
            }
            cur = h;
        }
        false
    }

    /// Whether noun `i` is an argument of another trigger (a reference to an
    /// event rather than a report of it).
    fn is_argument_of_trigger(&self, i: usize) -> bool {
        let g = self.g;
        let Some(h) = g.head(i) else { return false };
        if self.is_occurrence_subject(i) {
            return false;
        }
        let hn = &self.nodes[h];
        let rel = g.base_rel(i);
        (hn.role.is_some() || hn.ev.is_some() || hn.embed.is_some())
            && matches!(
                rel,
                "obj" | "nsubj" | "iobj" | "obl" | "nmod" | "xcomp" | "ccomp"
            )
    }

    /// An infinitive of purpose (`gathered to condemn`, `the right to fire`):
    /// intended, not reported as done.
    fn is_purpose(&self, i: usize) -> bool {
        let g = self.g;
        let to = g
            .children(i)
            .iter()
            .any(|&m| g.deprel(m) == "mark" && g.lemma(m) == "to");
        if !to || self.embedder_kind(i).is_some() {
            return false;
        }
        // The clause's governing verb, past a noun it was misattached to
        // (`gathered at the compound to condemn`).
        let governor = g.head(i).map(|h| {
            if g.upos(h) == Upos::Verb {
                h
            } else {
                g.head(h).filter(|&v| g.upos(v) == Upos::Verb).unwrap_or(h)
            }
        });
        let xcomp_of_nominal = g.deprel(i) == "xcomp"
            && g.head(i)
                .is_some_and(|h| !matches!(g.upos(h), Upos::Verb | Upos::Aux));
        let rel = if xcomp_of_nominal {
            "advcl"
        } else {
            g.deprel(i)
        };
        // A protest's stated aim ("gathered to condemn the strikes") is
        // voiced by the protest itself; its demands are the protest's
        // content and stay unasserted (CAMEO codes them in 141x-145x),
        // whether the infinitive hangs on the protest verb or on the light
        // verb of a protest noun (`began a hunger strike to demand`).
        let under_protest =
            || governor.is_some_and(|h| self.code_of(h, 0).is_some_and(|c| c.starts_with("14")));
        let a_demand = || {
            self.code_of(i, 0)
                .is_some_and(|c| c.starts_with("10") || c.starts_with("02"))
        };
        if matches!(rel, "advcl" | "acl" | "xcomp") && a_demand() && under_protest() {
            return true;
        }
        match rel {
            "advcl" | "acl" => !under_protest(),
            // An infinitive under a verb that is not an embedding one ("ensure
            // security to allow"): its purpose, not a reported act.
            "xcomp" => g.head(i).is_some_and(|h| {
                let n = &self.nodes[h];
                n.embed.is_none() && n.ev.is_none() && n.light.is_none()
            }),
            _ => false,
        }
    }

    /// A gerund that is the content of a noun or an accusation (`accused X of
    /// restoring`, `a proposal for signing`): not an event report.
    fn is_content_gerund(&self, i: usize) -> bool {
        let g = self.g;
        g.xpos(i) == "VBG" && matches!(g.base_rel(i), "csubj")
            || g.xpos(i) == "VBG"
                && matches!(g.base_rel(i), "advcl" | "acl" | "obl" | "nmod" | "xcomp")
                && g.children(i).iter().any(|&m| {
                    matches!(g.deprel(m), "mark" | "case")
                        && matches!(
                            g.lemma(m),
                            "of" | "for" | "with" | "at" | "on" | "about" | "against" | "in"
                        )
                })
    }

    /// Whether `i` may be coded with no actor: a verb heading a main or
    /// coordinated clause, a headline noun, or a noun whose verb says only
    /// that it happened (`protests spread to the capital`).
    fn may_lack_actor(&self, i: usize) -> bool {
        let g = self.g;
        match g.upos(i) {
            Upos::Verb => matches!(g.base_rel(i), "root" | "conj" | "ccomp" | "parataxis"),
            _ => g.head(i).is_none() || self.is_occurrence_subject(i),
        }
    }

    /// Whether noun `i` is the subject of a verb that reports the event
    /// itself happening, going on or growing (`riots erupted`, `clashes
    /// continued`, `fighting broke out`): a report of the event, not a
    /// reference to it.
    fn is_occurrence_subject(&self, i: usize) -> bool {
        let g = self.g;
        let Some(h) = g.head(i) else { return false };
        g.deprel(i) == "nsubj"
            && g.upos(h) == Upos::Verb
            && match g.lemma(h) {
                "erupt" | "spread" | "continue" | "resume" | "escalate" | "intensify" | "rage"
                | "flare" | "occur" | "persist" | "happen" => true,
                "break" => g
                    .children(h)
                    .iter()
                    .any(|&c| g.deprel(c) == "compound:prt" && g.lemma(c) == "out"),
                _ => false,
            }
    }

    fn drafts_for(&self, i: usize, out: &mut Vec<Draft>) {
        let g = self.g;
        let node = &self.nodes[i];
        let Some(role) = node.role else { return };
        if node.merged_into.is_some() || self.is_content_gerund(i) {
            return;
        }
        // Modifier uses ("riot police", "the jailed politician", "its
        // long-threatened invasion", "the proposed South Asia Free Trade
        // Agreement") name no event: a word inside a noun phrase before its
        // head noun, the phrase opened by a determiner, adjective,
        // preposition, pronoun, the verb it is the object of, or a hyphen
        // (a compound adjective).
        let inside_np = |h: usize| {
            h <= i + 3
                || (i + 1..h).all(|k| {
                    matches!(
                        g.upos(k),
                        Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num | Upos::Punct
                    )
                })
        };
        let prenominal = g.head(i).is_some_and(|h| h > i && inside_np(h))
            && (g.deprel(i) == "compound"
                || (g.deprel(i) == "amod"
                    && (i == 0
                        || matches!(
                            g.upos(i - 1),
                            Upos::Det | Upos::Adj | Upos::Adp | Upos::Pron
                        )
                        // `reject proposed changes`: right after the verb
                        // whose object the phrase is.
                        || (matches!(g.upos(i - 1), Upos::Verb | Upos::Aux)
                            && g.head(i).and_then(|h| g.head(h)) == Some(i - 1))
                        || g.form_lower(i - 1) == "-")));
        if prenominal {
            return;
        }
        // Reduced passive relatives ("the curfew imposed after the coup",
        // "property seized by the army in the 1970s") recall earlier events.
        if g.deprel(i) == "acl" && g.is_passive(i) {
            return;
        }
        // ... and so do past-participle adjuncts (`West Africans ordered out
        // of Nigeria`, `accused of fraud, the minister resigned`): with no
        // auxiliary, subject or object the participle is passive, a state
        // the clause's subject is in, not a new act of that subject.
        // (A subjectless past form after a noun with no subordinator is the
        // same participle tagged as a past tense.)
        if g.base_rel(i) == "advcl"
            && matches!(g.xpos(i), "VBN" | "VBD")
            && !g.children(i).iter().any(|&c| {
                matches!(
                    g.base_rel(c),
                    "aux" | "nsubj" | "obj" | "expl" | "csubj" | "ccomp" | "xcomp" | "mark"
                ) || (g.base_rel(c) == "obl"
                    && ["to", "on", "upon", "with"]
                        .iter()
                        .any(|p| g.has_case(c, p)))
            })
        {
            return;
        }
        let (mut own_mod, must) = self.own_modality(i);
        // `did not attend the talks`: an event noun that is the object of a
        // negated verb did not take place either.
        if own_mod == Modality::Asserted
            && g.upos(i) != Upos::Verb
            && g.base_rel(i) == "obj"
            && g.head(i).is_some_and(|h| {
                g.upos(h) == Upos::Verb && self.own_modality(h).0 == Modality::Negated
            })
        {
            own_mod = Modality::Negated;
        }
        let imposed = self.imposed_modality(i, 0);
        let modality = match (imposed, own_mod) {
            (Some(m), Modality::Asserted | Modality::Planned | Modality::Reported) => m,
            (Some(Modality::Denied), _) => Modality::Denied,
            (Some(m), Modality::Hypothetical) if m != Modality::Negated => m,
            (_, own) => own,
        };
        let modality = if modality == Modality::Asserted && self.is_purpose(i) {
            Modality::Planned
        } else {
            modality
        };
        let lemma = g.lemma(i).to_owned();
        match role {
            Role::Event(e) => {
                if e.pos == TriggerPos::Noun
                    && (node.consumed
                        || (self.is_argument_of_trigger(i)
                            && node.embedded_by.is_none()
                            && !self.hosts_merge(i))
                        || (node.embedded_by.is_none()
                            && !self.hosts_merge(i)
                            && !self.in_main_clause(i)))
                {
                    return;
                }
                if e.pos == TriggerPos::Noun
                    && node.embedded_by.is_none()
                    && !self.hosts_merge(i)
                    && g.head(i).is_some()
                    && g.base_rel(i) == "nmod"
                {
                    // "at the fourth round of talks": a noun's modifier, not a report.
                    return;
                }
                if e.pos == TriggerPos::Noun
                    && node.embedded_by.is_none()
                    && !self.hosts_merge(i)
                    && g.head(i).is_some()
                    && !matches!(
                        e.code.get(..2),
                        Some(
                            "04" | "06"
                                | "07"
                                | "08"
                                | "14"
                                | "15"
                                | "16"
                                | "17"
                                | "18"
                                | "19"
                                | "20"
                        )
                    )
                {
                    // Verbal acts named by a noun ("their demands", "the criticism")
                    // are references, not reports.
                    return;
                }
                let (src_rels, tgt_rels) = self.entry_rels(i, e);
                let mut sources = self.rel_args(i, &src_rels, 0);
                if sources.is_empty() && e.pos == TriggerPos::Noun {
                    // "negotiators returned to Geneva for talks": the governing verb's subject.
                    if let Some(h) = g.head(i).filter(|&h| {
                        g.upos(h) == Upos::Verb && matches!(g.base_rel(i), "obj" | "obl")
                    }) {
                        if let Some((s, _)) = g.subject(h).filter(|(_, via)| *via == "nsubj") {
                            sources = self.actors_at(s, "governor:nsubj", 0);
                        }
                    }
                }
                let mut targets = self.rel_args(i, &tgt_rels, 0);
                // "demanded that X ...", "urged X to ...": the one asked to act.
                if targets.is_empty()
                    && (matches!(
                        node.embed.and_then(|x| x.embed),
                        Some(EmbedKind::Demand | EmbedKind::Appeal | EmbedKind::Threat)
                    ) || matches!(e.code.get(..2), Some("10" | "02" | "13")))
                {
                    let ccomp = ArgRel {
                        rel: "ccomp-subj".into(),
                        prep: None,
                    };
                    targets = self.rel_args(i, &[ccomp], 0);
                }
                let mut casualties = annals_core::Casualties::default();
                if let Some(k) = e.casualty {
                    let t = if e.pos == TriggerPos::Noun {
                        g.prep_children(i, "nmod", "of").first().copied()
                    } else {
                        self.casualty_target(i)
                    };
                    if let Some(c) = t.and_then(|t| count_of(g, t)) {
                        Self::add_count(&mut casualties, k, c);
                    }
                }
                self.absorb_merged(i, &mut targets, &mut casualties);
                if sources.is_empty() {
                    sources = self.merged_sources(i);
                }
                let mut conf = e.confidence;
                if e.pos == TriggerPos::Noun {
                    conf *= 0.85;
                }
                if g.deprel(i) == "acl:relcl" {
                    // Relative clauses mostly recall background events.
                    conf *= 0.4;
                }
                let d = Draft {
                    tok: i,
                    trigger: self.trigger_span(i, Some(e)),
                    code: e.code.clone(),
                    sources,
                    targets,
                    modality,
                    rule: e.rule_id(),
                    confidence: conf,
                    casualties,
                    symmetric: e.symmetric,
                    no_actor: e.no_actor && self.may_lack_actor(i),
                    lemma,
                    plover: e.plover.clone(),
                };
                self.push_with_derived(d, must, out);
            }
            Role::Light { verb, noun } => {
                let Some(ne) = self.nodes[noun].ev else {
                    return;
                };
                let (vsrc, vtgt) = self.entry_rels(i, verb);
                let (nsrc, ntgt) = self.entry_rels(noun, ne);
                let mut sources = self.rel_args(i, &vsrc, 0);
                if sources.is_empty() {
                    sources = self.rel_args(noun, &nsrc, 0);
                }
                let mut targets = self.rel_args(noun, &ntgt, 0);
                // The same prepositions on the verb: "launched strikes on X".
                let verb_rels: Vec<ArgRel> = ntgt
                    .iter()
                    .filter(|r| r.prep.is_some())
                    .map(|r| ArgRel {
                        rel: "obl".into(),
                        prep: r.prep.clone(),
                    })
                    .chain(vtgt.into_iter().filter(|r| r.rel != "obj").cloned())
                    .collect();
                for a in self.rel_args(i, &verb_rels, 0) {
                    if !targets.iter().any(|(x, _)| *x == a.0) {
                        targets.push(a);
                    }
                }
                let mut casualties = annals_core::Casualties::default();
                self.absorb_merged(i, &mut targets, &mut casualties);
                self.absorb_merged(noun, &mut targets, &mut casualties);
                if sources.is_empty() {
                    sources = self.merged_sources(noun);
                }
                let d = Draft {
                    tok: i,
                    trigger: g.span(i).cover(self.trigger_span(noun, Some(ne))),
                    code: ne.code.clone(),
                    sources,
                    targets,
                    modality,
                    rule: format!("light:{}+{}", verb.lemma, ne.rule_id()),
                    confidence: ne.confidence.max(0.6) * verb.confidence.min(1.0),
                    casualties,
                    symmetric: ne.symmetric,
                    no_actor: ne.no_actor && self.may_lack_actor(i),
                    lemma,
                    plover: ne.plover.clone(),
                };
                self.push_with_derived(d, must, out);
            }
            Role::Embed { entry, kind, comp } => {
                let Some(code) = self.code_of(i, 0) else {
                    return;
                };
                let (src_rels, tgt_rels) = self.entry_rels(i, entry);
                let sources = self.rel_args(i, &src_rels, 0);
                let own_targets: Args = if entry.tgt.is_some() || !entry.also.is_empty() {
                    self.rel_args(i, &tgt_rels, 0)
                } else {
                    self.rel_args(
                        i,
                        &[ArgRel {
                            rel: "obj".into(),
                            prep: None,
                        }],
                        0,
                    )
                    .into_iter()
                    .filter(|_| {
                        !self.is_event_noun(self.g.child_rel(i, "obj").unwrap_or(usize::MAX))
                    })
                    .collect()
                };
                let own_targets: Args = own_targets
                    .into_iter()
                    .filter(|(a, _)| !sources.iter().any(|(s, _)| s == a))
                    .collect();
                let targets = if !own_targets.is_empty() {
                    own_targets
                } else {
                    self.complement_targets(comp, kind)
                };
                // `agreed to extend sanctions`: the decided act itself, with
                // the PLOVER reading its own wording gives.
                let decided = self
                    .nodes
                    .get(comp)
                    .and_then(|n| n.ev)
                    .filter(|e| entry.decides && e.code == code);
                let d = Draft {
                    tok: i,
                    trigger: g.span(i),
                    sources,
                    targets,
                    modality,
                    rule: format!("embed:{}:{}", embed_name(kind), entry.lemma),
                    confidence: entry.confidence,
                    casualties: Default::default(),
                    // `Abe and Xi agreed to hold a summit`: one act between
                    // them; a decided act is not between those who decide it.
                    symmetric: entry.symmetric && decided.is_none(),
                    no_actor: false,
                    lemma,
                    plover: decided.and_then(|e| e.plover.clone()),
                    code,
                };
                // An embedding act is itself asserted; no future/threat derivation.
                out.push(d);
            }
        }
    }

    /// Targets of an embedding act taken from its complement: the one asked
    /// to act (`demanded that X leave`), or the complement's own target.
    fn complement_targets(&self, comp: usize, kind: EmbedKind) -> Args {
        let g = self.g;
        if matches!(kind, EmbedKind::Demand | EmbedKind::Appeal) && g.upos(comp) != Upos::Noun {
            if let Some((s, via)) = g.subject(comp) {
                if via == "nsubj" || via == "nsubj:pass" {
                    let a = self.actors_at(s, "ccomp:nsubj", 0);
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
        }
        if matches!(kind, EmbedKind::Refuse) && self.is_event_noun(comp) {
            // "rejected an appeal from X": the rejected party made the proposal.
            let (src, tgt) = self.noun_args(comp, 1);
            return if src.is_empty() { tgt } else { src };
        }
        let Some(role) = self.nodes.get(comp).and_then(|n| n.role) else {
            return Vec::new();
        };
        match role {
            Role::Event(e) => {
                let (_, t) = self.entry_rels(comp, e);
                self.rel_args(comp, &t, 0)
            }
            Role::Light { noun, verb } => {
                let (_, t) = self.nodes[noun]
                    .ev
                    .map(|ne| self.entry_rels(noun, ne))
                    .unwrap_or_default();
                let mut a = self.rel_args(noun, &t, 0);
                if a.is_empty() {
                    let (_, vt) = self.entry_rels(comp, verb);
                    a = self.rel_args(comp, &vt, 0);
                }
                a
            }
            Role::Embed {
                comp: c2, kind: k2, ..
            } => self.complement_targets(c2, k2),
        }
    }

    fn hosts_merge(&self, i: usize) -> bool {
        self.nodes.iter().any(|n| n.merged_into == Some(i))
    }

    /// `guerrillas wounded two soldiers in a bomb attack`: the agent of a
    /// casualty verb merged into a violent noun is the noun's source.
    fn merged_sources(&self, host: usize) -> Args {
        let g = self.g;
        for (j, n) in self.nodes.iter().enumerate() {
            if n.merged_into != Some(host) || g.is_passive(j) {
                continue;
            }
            if let Some((s, via)) = g.subject(j).filter(|(s, _)| *s != host) {
                if matches!(via, "nsubj" | "conj-inherit") {
                    let a = self.actors_at(s, "merged:subj", 0);
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
        }
        Vec::new()
    }

    fn absorb_merged(
        &self,
        host: usize,
        targets: &mut Args,
        casualties: &mut annals_core::Casualties,
    ) {
        let g = self.g;
        for (j, n) in self.nodes.iter().enumerate() {
            if n.merged_into != Some(host) {
                continue;
            }
            let Some(Role::Event(e)) = n.role else {
                continue;
            };
            let t = self.casualty_target(j);
            if let (Some(k), Some(c)) = (e.casualty, t.and_then(|t| count_of(g, t))) {
                Self::add_count(casualties, k, c);
            }
            if targets.is_empty() {
                if let Some(t) = t {
                    targets.extend(self.actors_at(t, "merged:obj", 0));
                }
            }
        }
    }

    /// Push a draft, plus the intent/threat/demand it implies when it is said
    /// of the future or under `must`.
    /// Whether `i` is said of the future (`will`, `would`, `shall`).
    fn has_future_aux(&self, i: usize) -> bool {
        let g = self.g;
        g.children(i).iter().any(|&c| {
            g.deprel(c) == "aux" && matches!(g.lemma(c), "will" | "would" | "shall" | "wo")
        })
    }

    fn push_with_derived(&self, d: Draft, must: bool, out: &mut Vec<Draft>) {
        let g = self.g;
        let i = d.tok;
        let mut derived = None;
        let embedded = matches!(
            self.embedder_kind(i),
            Some(
                EmbedKind::Threat
                    | EmbedKind::Demand
                    | EmbedKind::Appeal
                    | EmbedKind::Intent
                    | EmbedKind::Refuse
                    | EmbedKind::Deny
            )
        );
        let future = if d.modality == Modality::Planned && !embedded && !self.is_purpose(i) {
            if is_cooperative(&d.code) {
                intent_code(&d.code).map(|c| (c, "intent"))
            } else if (is_material_conflict(&d.code) || d.code.starts_with("12"))
                && !d.code.starts_with("13")
            {
                Some((threat_code(&d.code), "threat"))
            } else {
                None
            }
        } else if d.modality == Modality::Negated
            && !embedded
            && is_cooperative(&d.code)
            && self.has_future_aux(i)
        {
            // `Syria will not accept more refugees`: saying so now is a
            // refusal, as `refused to accept` is.
            Some((refusal_code(&d.code), "refusal"))
        } else {
            None
        };
        if let Some((code, kind)) = future {
            let cond = if self.has_condition(i) {
                "+condition"
            } else {
                ""
            };
            derived = Some(Draft {
                tok: i,
                trigger: d.trigger,
                code: code.to_owned(),
                sources: d.sources.clone(),
                targets: d.targets.clone(),
                modality: Modality::Asserted,
                rule: format!("future:{kind}{cond}>{}", d.rule),
                confidence: d.confidence * 0.9,
                casualties: Default::default(),
                symmetric: d.symmetric,
                no_actor: false,
                lemma: d.lemma.clone(),
                plover: None,
            });
        }
        let mut d = d;
        if must && !embedded {
            // "X said Y must return the helicopter": X demands it of Y.
            if let Some(h) = g
                .head(i)
                .filter(|&h| g.deprel(i) == "ccomp" && REPORTING.contains(&g.lemma(h)))
            {
                let sources = g
                    .subject(h)
                    .map(|(s, _)| self.actors_at(s, "report:nsubj", 0))
                    .unwrap_or_default();
                let targets = if d.sources.is_empty() {
                    d.targets.clone()
                } else {
                    d.sources.clone()
                };
                if !sources.is_empty() {
                    derived = Some(Draft {
                        tok: h,
                        trigger: g.span(h),
                        code: demand_code(&d.code, false).to_owned(),
                        sources,
                        targets,
                        modality: Modality::Asserted,
                        rule: format!("modal:must>{}", d.rule),
                        confidence: d.confidence * 0.85,
                        casualties: Default::default(),
                        symmetric: false,
                        no_actor: false,
                        lemma: g.lemma(h).to_owned(),
                        plover: None,
                    });
                    d.modality = Modality::Demanded;
                }
            }
        }
        if let Some(x) = derived {
            out.push(x);
        }
        out.push(d);
    }

    /// "X said Y must do Z" where Z is no event of the lexicon: still a demand
    /// by X of Y (CAMEO 100).
    fn modal_demands(&self, drafts: &mut Vec<Draft>) {
        let g = self.g;
        for i in 0..g.len() {
            if self.nodes[i].role.is_some() || g.deprel(i) != "ccomp" || !g.upos(i).eq(&Upos::Verb)
            {
                continue;
            }
            let Some(h) = g.head(i).filter(|&h| REPORTING.contains(&g.lemma(h))) else {
                continue;
            };
            if !self.own_modality(i).1 {
                continue;
            }
            let Some((s, "nsubj")) = g.subject(i) else {
                continue;
            };
            let targets = self.actors_at(s, "ccomp:nsubj", 0);
            let sources = g
                .subject(h)
                .map(|(x, _)| self.actors_at(x, "report:nsubj", 0))
                .unwrap_or_default();
            if sources.is_empty() || targets.is_empty() {
                continue;
            }
            drafts.push(Draft {
                tok: h,
                trigger: g.span(h),
                code: "100".into(),
                sources,
                targets,
                modality: Modality::Asserted,
                rule: format!("modal:must>{}", g.lemma(i)),
                confidence: 0.7,
                casualties: Default::default(),
                symmetric: false,
                no_actor: false,
                lemma: g.lemma(h).to_owned(),
                plover: None,
            });
        }
    }

    // ------------------------------------------------------------ output

    fn discarded(&self, d: &Draft) -> bool {
        if let Some(Role::Light { noun, .. }) = self.nodes.get(d.tok).and_then(|n| n.role) {
            let noun_draft = Draft {
                tok: noun,
                lemma: self.g.lemma(noun).to_owned(),
                ..d.shallow()
            };
            if self.discarded_at(&noun_draft) {
                return true;
            }
        }
        self.discarded_at(d)
    }

    fn discarded_at(&self, d: &Draft) -> bool {
        let g = self.g;
        let dis = &self.coder.discard;
        let i = d.tok;
        let root = d.code.get(..2).unwrap_or("");
        let active = self.active_contexts.get_or_init(|| {
            dis.contexts
                .iter()
                .map(|ctx| (0..g.len()).any(|t| ctx.lemmas.contains(g.lemma(t))))
                .collect()
        });
        for (ctx, on) in dis.contexts.iter().zip(active) {
            if *on && ctx.roots.contains(root) {
                return true;
            }
        }
        let lemma = d.lemma.as_str();
        if dis.has_rules(ArgKind::Modifier, lemma)
            && g.children(i).iter().any(|&c| {
                matches!(g.base_rel(c), "compound" | "amod" | "nmod")
                    && dis.blocks(ArgKind::Modifier, lemma, g.lemma(c))
            })
        {
            return true;
        }
        if dis.has_rules(ArgKind::Subject, lemma) {
            if let Some((s, _)) = g.subject(i) {
                if dis.blocks(ArgKind::Subject, lemma, g.lemma(s))
                    || dis.blocks(ArgKind::Subject, lemma, g.form_lower(s))
                {
                    return true;
                }
            }
        }
        if dis.has_rules(ArgKind::Object, lemma) {
            if let Some(o) = g.child_rel(i, "obj") {
                if dis.blocks(ArgKind::Object, lemma, g.lemma(o)) {
                    return true;
                }
            }
        }
        if !dis.phrases.is_empty() {
            let forms: Vec<&str> = (0..g.len()).map(|t| g.form_lower(t)).collect();
            for p in &dis.phrases {
                let n = p.len();
                for start in i.saturating_sub(n - 1)..=i {
                    if start + n <= forms.len()
                        && forms[start..start + n].iter().zip(p).all(|(a, b)| a == b)
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// A target for an event that names none: the demand a protest makes
    /// ("staged a hunger strike to demand the resignation of X"), else the
    /// place it happened in ("demonstrated in Serbia" → SRB), the convention of
    /// CAMEO-coded data sets for events aimed at a country at large.
    fn fallback_targets(&self, d: &Draft) -> Args {
        let g = self.g;
        let i = d.tok;
        if d.code.starts_with("14") {
            for c in g.children(i).iter().copied() {
                if matches!(g.base_rel(c), "advcl" | "xcomp" | "acl" | "conj") {
                    if let Some(Role::Event(e) | Role::Embed { entry: e, .. }) = self.nodes[c].role
                    {
                        if e.code.starts_with("10") || e.code.starts_with("02") || e.embed.is_some()
                        {
                            let (_, t) = self.entry_rels(c, e);
                            let mut a = self.rel_args(c, &t, 0);
                            if a.is_empty() {
                                if let Some(o) = g
                                    .child_rel(c, "obj")
                                    .or_else(|| g.prep_children(c, "obl", "for").first().copied())
                                {
                                    a = self.actors_at(o, "purpose", 0);
                                }
                            }
                            if !a.is_empty() {
                                return a
                                    .into_iter()
                                    .map(|(x, v)| (x, format!("purpose>{v}")))
                                    .collect();
                            }
                        }
                    }
                }
            }
        }
        if d.code.starts_with("14") {
            // What the protest is for or against: the first actor named in a
            // purpose clause (`blocked roads to press demands on President
            // X's government`) or a reason phrase (`a strike over a bill
            // signed by the labour minister`, `in protest of X's refusal`).
            // Clauses hung on the protest's own phrases count too
            // (`gathered at the compound to condemn X`).
            let mut candidates: Vec<usize> = g.children(i).to_vec();
            for &c in g.children(i) {
                if matches!(g.base_rel(c), "obl" | "obj") {
                    candidates.extend(
                        g.children(c)
                            .iter()
                            .copied()
                            .filter(|&x| matches!(g.base_rel(x), "xcomp" | "advcl")),
                    );
                }
            }
            for c in candidates {
                let reason = match g.base_rel(c) {
                    // `acl` too: a parser may hang `, calling for ...` on
                    // the protest verb as if it were a noun.
                    "advcl" | "xcomp" | "acl" => true,
                    "obl" | "nmod" => {
                        ["against", "over", "in", "about"]
                            .iter()
                            .any(|p| g.has_case(c, p))
                            && (g.has_case(c, "in") == (g.lemma(c) == "protest"))
                    }
                    _ => false,
                };
                if !reason {
                    continue;
                }
                if let Some(a) = self.first_actor_below(c, &d.sources) {
                    return vec![(a, "purpose>subtree".to_owned())];
                }
            }
        }
        if d.sources.is_empty() {
            return Vec::new();
        }
        let mut heads = vec![i];
        if let Some(o) = g.child_rel(i, "obj") {
            heads.push(o);
        }
        for h in heads {
            for p in [
                "in",
                "at",
                "into",
                "throughout",
                "across",
                "near",
                "outside",
            ] {
                for x in g.prep_children(h, "obl", p) {
                    let a = self.actors_at(x, &format!("location:{p}"), 1);
                    let a: Args = a
                        .into_iter()
                        .filter(|(act, _)| {
                            !d.sources.iter().any(|(s, _)| s == act)
                                && g.doc.actors.get(*act).is_some_and(|m| {
                                    m.code.country.is_some() && m.code.sector.is_none()
                                })
                        })
                        .collect();
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
        }
        Vec::new()
    }

    /// The first coded actor (by position) in the subtree of `top`, a few
    /// levels deep, other than the actors in `exclude` and their codes.
    fn first_actor_below(&self, top: usize, exclude: &Args) -> Option<usize> {
        let g = self.g;
        let code = |a: usize| g.doc.actors.get(a).map(|m| m.code.code.as_str());
        let mut seen = vec![top];
        let mut frontier = vec![top];
        for _ in 0..5 {
            let mut next = Vec::new();
            for &t in &frontier {
                next.extend(g.children(t).iter().copied());
            }
            seen.extend(next.iter().copied());
            frontier = next;
        }
        seen.sort_unstable();
        seen.into_iter().filter_map(|t| g.actor_of(t)).find(|&a| {
            !exclude.iter().any(|(x, _)| *x == a || code(*x) == code(a))
                && g.doc
                    .actors
                    .get(a)
                    .is_some_and(|m| m.code.country.is_some())
        })
    }

    /// A reaction to an earlier act named by a definite noun (`condemned
    /// the decision`, `rejected the demand`, `praised the move`): its target
    /// is whoever acted last in the preceding sentences, other than the one
    /// reacting.
    fn discourse_target(&self, d: &Draft, earlier: &[Event], sources: &Args) -> Args {
        let g = self.g;
        if !matches!(d.code.get(..2), Some("01" | "05" | "11" | "12")) {
            return Vec::new();
        }
        let Some(o) = g.child_rel(d.tok, "obj") else {
            return Vec::new();
        };
        let definite = g.children(o).iter().any(|&c| {
            g.deprel(c) == "nmod:poss"
                || (g.deprel(c) == "det" && matches!(g.lemma(c), "the" | "this" | "that" | "these"))
        });
        if !definite || g.actor_of(o).is_some() || matches!(g.upos(o), Upos::Propn | Upos::Pron) {
            return Vec::new();
        }
        let code = |a: usize| g.doc.actors.get(a).map(|m| m.code.code.as_str());
        let own: Vec<Option<&str>> = sources.iter().map(|(a, _)| code(*a)).collect();
        earlier
            .iter()
            .rev()
            .take_while(|e| e.sentence + 3 >= g.index && e.sentence < g.index)
            .filter_map(|e| e.source.as_ref())
            .find(|s| !own.contains(&code(s.actor)))
            .map(|s| vec![(s.actor, "discourse:earlier-actor".to_owned())])
            .unwrap_or_default()
    }

    /// The other side of an event whose parse gave only one: the coded actor
    /// of the sentence nearest the trigger (after it for a target, before it
    /// for a source, then the other way) whose country is known and differs
    /// from every actor on the side already found. Event data sets code such
    /// sentences as dyads ("Syria says it is willing to withdraw its troops
    /// from neighboring Lebanon" → SYR→LBN); the misparse that lost the
    /// argument is the usual reason it is missing.
    fn sentence_fallback(&self, i: usize, known: &Args, want_target: bool) -> Args {
        let g = self.g;
        let trigger = g.base + i;
        let country = |a: usize| g.doc.actors.get(a).and_then(|m| m.code.country.clone());
        let known_countries: Vec<Option<String>> = known.iter().map(|(a, _)| country(*a)).collect();
        let candidates = g
            .actors
            .iter()
            .filter_map(|&a| Some((a, g.doc.actors.get(a)?)));
        let candidates = candidates.filter(|(a, m)| {
            m.sentence == g.index
                && m.head != trigger
                && !self.is_reporter(m.head.wrapping_sub(g.base))
                && !known.iter().any(|(k, _)| k == a)
                && m.code.country.is_some()
                && !known_countries.contains(&m.code.country)
        });
        let best = candidates.min_by_key(|(_, m)| {
            let after = m.head > trigger;
            let preferred_side = after == want_target;
            (!preferred_side, m.head.abs_diff(trigger))
        });
        let via = if want_target {
            "fallback:sentence-target"
        } else {
            "fallback:sentence-source"
        };
        best.map(|(a, _)| vec![(a, via.to_owned())])
            .unwrap_or_default()
    }

    /// The country at large for an act of domestic governance that names
    /// no one it is aimed at (`lifted the curfew imposed in Sudan`,
    /// `imposed a curfew in a town in southeastern Turkey`, `will boycott
    /// Algeria's elections`): a place of the source's own country named in
    /// the sentence — the CAMEO convention for curfews, states of
    /// emergency, bans, boycotts, protests and repression at home.
    fn domestic_target(&self, d: &Draft, sources: &Args) -> Args {
        const DOMESTIC: [&str; 8] = ["081", "083", "14", "172", "1712", "123", "133", "175"];
        if !DOMESTIC.iter().any(|p| d.code.starts_with(p)) {
            return Vec::new();
        }
        let g = self.g;
        let trigger = g.base + d.tok;
        let country = |a: usize| g.doc.actors.get(a).and_then(|m| m.code.country.as_deref());
        let Some(home) = sources.first().and_then(|(s, _)| country(*s)) else {
            return Vec::new();
        };
        g.actors
            .iter()
            .filter_map(|&a| Some((a, g.doc.actors.get(a)?)))
            .filter(|(a, m)| {
                m.sentence == g.index
                    && m.code.sector.is_none()
                    && m.code.country.as_deref() == Some(home)
                    && !sources.iter().any(|(s, _)| s == a)
                    && !self.is_reporter(m.head.wrapping_sub(g.base))
            })
            .min_by_key(|(_, m)| m.head.abs_diff(trigger))
            .map(|(a, _)| vec![(a, "domestic:country".to_owned())])
            .unwrap_or_default()
    }

    /// `eight civilians were killed in the raids`: a definite event noun
    /// with no actor of its own names an act coded earlier in the story.
    fn recalls_earlier(&self, d: &Draft, earlier: &[Event]) -> bool {
        let g = self.g;
        if g.upos(d.tok) != Upos::Noun {
            return false;
        }
        let definite = g.children(d.tok).iter().any(|&c| {
            g.deprel(c) == "det"
                && matches!(g.lemma(c), "the" | "this" | "that" | "these" | "those")
        });
        let root = d.code.get(..2).unwrap_or("");
        let violent = |c: &str| matches!(c.get(..2), Some("18" | "19" | "20"));
        definite
            && earlier.iter().any(|e| {
                e.source.is_some()
                    && (e.cameo.get(..2) == Some(root) || (violent(&e.cameo) && violent(&d.code)))
            })
    }

    /// Whether token `t` is who reports the sentence (`officials said`,
    /// `according to witnesses`): a source of news, not a party to the event.
    fn is_reporter(&self, t: usize) -> bool {
        let g = self.g;
        if t >= g.len() {
            return false;
        }
        if g.has_case(t, "according") {
            return true;
        }
        g.deprel(t).starts_with("nsubj")
            && g.head(t).is_some_and(|h| {
                matches!(
                    g.lemma(h),
                    "say" | "tell" | "report" | "announce" | "add" | "state" | "quote" | "confirm"
                )
            })
    }

    /// Nearest actor heads within a few words before and after token `i`,
    /// not across a clause boundary (`,` `;` `:` or a verb that is another trigger).
    fn linear_args(&self, i: usize) -> (Args, Args) {
        let g = self.g;
        let actor_at = |t: usize| g.actor_headed_by(t);
        let stop = |t: usize| {
            matches!(g.form_lower(t), ";" | ":" | "said" | "says")
                || (t != i && self.nodes[t].role.is_some() && g.upos(t) == Upos::Verb)
        };
        let mut src = Vec::new();
        for t in (i.saturating_sub(8)..i).rev() {
            if stop(t) {
                break;
            }
            if let Some(a) = actor_at(t) {
                src.push((a, "linear:left".to_owned()));
                break;
            }
        }
        let mut tgt = Vec::new();
        for t in i + 1..(i + 9).min(g.len()) {
            if stop(t) {
                break;
            }
            if let Some(a) = actor_at(t) {
                if !src.iter().any(|(s, _)| *s == a) {
                    tgt.push((a, "linear:right".to_owned()));
                }
                break;
            }
        }
        (src, tgt)
    }

    fn finish(&self, drafts: Vec<Draft>, out: &mut Vec<Event>) {
        let g = self.g;
        let onto = self.coder.ontology;
        let first_new = out.len();
        // The trigger token of each event pushed below, for `merge_subordinate`.
        let mut trigger_toks: Vec<usize> = Vec::new();
        for d in drafts {
            if d.code.is_empty() || self.discarded(&d) {
                continue;
            }
            let mut sources = d.sources.clone();
            let mut targets = d.targets.clone();
            // A target coded like the source (`Uzbekistan opened the
            // Friendship Bridge` with the bridge taken for an Uzbek) is no
            // target: let the fallbacks look further.
            let same_code = |a: usize, b: usize| {
                let code = |x: usize| g.doc.actors.get(x).map(|m| m.code.code.as_str());
                a == b || (code(a) == code(b) && code(a).is_some_and(|c| !c.is_empty()))
            };
            if !d.symmetric {
                targets.retain(|(t, _)| !sources.iter().any(|(s, _)| same_code(*s, *t)));
            }
            if targets.is_empty() && !d.symmetric {
                targets = self.fallback_targets(&d);
            }
            // A symmetric act with a single party (`the Council agreed to
            // an extension`) looks for the other one like any event.
            let one_sided = !d.symmetric || sources.len() < 2;
            if targets.is_empty() && one_sided && !sources.is_empty() && !d.no_actor {
                targets = self.sentence_fallback(d.tok, &sources, true);
            }
            if targets.is_empty() && !d.symmetric && !sources.is_empty() {
                targets = self.discourse_target(&d, &out[..first_new], &sources);
            }
            if targets.is_empty() && !d.symmetric && !sources.is_empty() {
                targets = self.domestic_target(&d, &sources);
            }
            if sources.is_empty() && !targets.is_empty() && !d.no_actor {
                sources = self.sentence_fallback(d.tok, &targets, false);
            }
            let code_of_actor = |a: usize| {
                g.doc
                    .actors
                    .get(a)
                    .map(|m| m.code.code.as_str())
                    .unwrap_or("")
            };
            targets.retain(|(t, _)| {
                !sources.iter().any(|(s, _)| {
                    s == t
                        || (code_of_actor(*s) == code_of_actor(*t) && !code_of_actor(*t).is_empty())
                })
            });
            if d.symmetric && targets.is_empty() && sources.len() >= 2 {
                targets = sources.split_off(1);
                for t in targets.iter_mut() {
                    t.1 = format!("{}+sym", t.1);
                }
            }
            if d.symmetric && sources.is_empty() && targets.len() >= 2 {
                sources = vec![targets.remove(0)];
            }
            if d.sources.is_empty() && self.recalls_earlier(&d, &out[..first_new]) {
                continue;
            }
            let mut linear = 1.0;
            if sources.is_empty() && targets.is_empty() && !d.no_actor {
                // The parse gave no argument (often a misparse): the nearest
                // actors before and after the trigger, as word-order coders do.
                let (s, t) = self.linear_args(d.tok);
                sources = s;
                targets = t;
                linear = 0.8;
                if sources.is_empty() && targets.is_empty() {
                    continue;
                }
            }
            let actor_factor = match (sources.is_empty(), targets.is_empty()) {
                (false, false) => 1.0,
                (true, true) => 0.6,
                _ => 0.85,
            };
            let confidence = (d.confidence * actor_factor * linear).clamp(0.0, 1.0);
            if confidence < self.coder.min_confidence {
                continue;
            }
            let (plover_type, plover_mode) = match (&d.plover, onto.plover(&d.code)) {
                (Some((t, m)), _) => (t.clone(), m.clone()),
                (None, Some((t, m))) => (t.to_owned(), m.map(str::to_owned)),
                (None, None) => (
                    annals_ontology::root_plover_type(&d.code)
                        .unwrap_or("")
                        .to_owned(),
                    None,
                ),
            };
            let cameo = onto.cameo(&d.code);
            let goldstein = cameo.map(|c| c.goldstein).unwrap_or(0.0);
            let quad_class = cameo
                .map(|c| c.quad_class)
                .or_else(|| annals_ontology::quad_class_of_root(&d.code))
                .unwrap_or(0);
            let srcs: Vec<Option<&(usize, String)>> = if sources.is_empty() {
                vec![None]
            } else {
                sources.iter().take(4).map(Some).collect()
            };
            let tgts: Vec<Option<&(usize, String)>> = if targets.is_empty() {
                vec![None]
            } else {
                targets.iter().take(4).map(Some).collect()
            };
            for s in &srcs {
                for t in &tgts {
                    let arg = |x: &Option<&(usize, String)>| {
                        x.map(|(a, via)| EventArg {
                            actor: *a,
                            via: via.clone(),
                        })
                    };
                    let ev = Event {
                        sentence: g.index,
                        trigger: d.trigger,
                        cameo: d.code.clone(),
                        plover_type: plover_type.clone(),
                        plover_mode: plover_mode.clone(),
                        goldstein,
                        quad_class,
                        source: arg(s),
                        target: arg(t),
                        modality: d.modality,
                        rule: d.rule.clone(),
                        confidence,
                        casualties: d.casualties.clone(),
                        ..Default::default()
                    };
                    let dup = out[first_new..].iter().any(|e| {
                        e.trigger == ev.trigger
                            && e.cameo == ev.cameo
                            && e.source.as_ref().map(|a| a.actor)
                                == ev.source.as_ref().map(|a| a.actor)
                            && e.target.as_ref().map(|a| a.actor)
                                == ev.target.as_ref().map(|a| a.actor)
                    });
                    if !dup {
                        out.push(ev);
                        trigger_toks.push(d.tok);
                    }
                }
            }
        }
        self.merge_subordinate(out, first_new, &trigger_toks);
    }

    /// One violent act per clause: a material-conflict event in a clause
    /// under another one by the same source (`bombed rebel positions,
    /// killing 25 fighters`; `rioted, setting fire to mattresses`) describes
    /// the same act. It is folded into the governing event — its casualties,
    /// and its target when the governing event had none — unless it names a
    /// target of another country.
    fn merge_subordinate(&self, out: &mut Vec<Event>, first_new: usize, toks: &[usize]) {
        let g = self.g;
        let n = out.len() - first_new;
        if n < 2 {
            return;
        }
        let root_of = |a: &Option<EventArg>| {
            a.as_ref()
                .and_then(|x| g.doc.actors.get(x.actor))
                .and_then(|m| m.code.country.clone().or_else(|| Some(m.code.code.clone())))
        };
        let governs = |a: usize, b: usize| {
            let mut t = b;
            for _ in 0..3 {
                match g.head(t) {
                    Some(h) if h == a => return true,
                    Some(h) => t = h,
                    None => return false,
                }
            }
            false
        };
        let mut drop = vec![false; n];
        for bi in 0..n {
            let b = &out[first_new + bi];
            if b.quad_class != 4 || b.source.is_none() || !factual(b.modality) {
                continue;
            }
            let b_src = root_of(&b.source);
            let b_tgt = root_of(&b.target);
            let host = (0..n).find(|&ai| {
                let a = &out[first_new + ai];
                ai != bi
                    && !drop[ai]
                    && toks[ai] != toks[bi]
                    && a.quad_class == 4
                    && factual(a.modality)
                    && root_of(&a.source) == b_src
                    && governs(toks[ai], toks[bi])
                    && (b_tgt.is_none() || a.target.is_none() || root_of(&a.target) == b_tgt)
            });
            let Some(ai) = host else { continue };
            drop[bi] = true;
            let (b_target, b_cas) = (b.target.clone(), b.casualties.clone());
            let a = &mut out[first_new + ai];
            if a.target.is_none() {
                a.target = b_target;
            }
            if a.casualties.dead.is_none() {
                a.casualties.dead = b_cas.dead;
            }
            if a.casualties.injured.is_none() {
                a.casualties.injured = b_cas.injured;
            }
            if a.casualties.arrested.is_none() {
                a.casualties.arrested = b_cas.arrested;
            }
        }
        // `opened fire to disperse demonstrators`: a violent act with no
        // target is aimed at whom its purpose clause names.
        for ai in 0..n {
            let a = &out[first_new + ai];
            if drop[ai] || a.quad_class != 4 || a.target.is_some() || !factual(a.modality) {
                continue;
            }
            let a_src = root_of(&a.source);
            let aim = (0..n).find_map(|bi| {
                let b = &out[first_new + bi];
                (bi != ai
                    && b.modality == Modality::Planned
                    && b.quad_class == 4
                    && root_of(&b.source) == a_src
                    && g.head(toks[bi]) == Some(toks[ai]))
                .then(|| b.target.clone())
                .flatten()
            });
            if let Some(t) = aim {
                out[first_new + ai].target = Some(t);
            }
        }
        let mut k = 0;
        out.retain(|_| {
            let keep = k < first_new || !drop[k - first_new];
            k += 1;
            keep
        });
    }
}

/// Whether an event with this modality happened as far as the text says.
fn factual(m: Modality) -> bool {
    matches!(
        m,
        Modality::Asserted | Modality::Reported | Modality::Claimed
    )
}

fn embed_name(k: EmbedKind) -> &'static str {
    match k {
        EmbedKind::Threat => "threat",
        EmbedKind::Demand => "demand",
        EmbedKind::Appeal => "appeal",
        EmbedKind::Intent => "intent",
        EmbedKind::Refuse => "refuse",
        EmbedKind::Deny => "deny",
        EmbedKind::Plan => "plan",
        EmbedKind::Pass => "pass",
    }
}
