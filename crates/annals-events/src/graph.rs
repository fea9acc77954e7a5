//! A sentence's dependency graph with the lookups event coding needs:
//! children by relation, prepositions, subjects with inheritance, and the
//! coded actor behind a token.

use std::borrow::Cow;

use annals_core::{Doc, Token, Upos};

/// Lowercase without allocating when the text is lowercase already.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Relative pronouns that stand for the noun a relative clause modifies.
const RELATIVE: [&str; 5] = ["who", "which", "that", "whom", "whose"];

/// Verbs whose object controls an infinitive complement (`urged X to ...`).
const OBJECT_CONTROL: [&str; 20] = [
    "urge",
    "ask",
    "order",
    "force",
    "allow",
    "tell",
    "invite",
    "encourage",
    "persuade",
    "permit",
    "enable",
    "require",
    "call",
    "press",
    "pressure",
    "push",
    "compel",
    "instruct",
    "request",
    "warn",
];

/// Verbs whose object did what their `of`/`for` gerund says (`accused X of
/// killing`, `praised X for releasing`).
const JUDGING: [&str; 12] = [
    "accuse",
    "blame",
    "charge",
    "condemn",
    "criticize",
    "criticise",
    "praise",
    "thank",
    "suspect",
    "convict",
    "fault",
    "commend",
];

/// Verbs of voicing a stance that, as a participle right after the people
/// a verb acts on, say what those people were doing (`fired at protesters
/// demanding civilian rule`), where an act (`killing two`) is the doer's.
const VOICING: [&str; 12] = [
    "demand",
    "call",
    "chant",
    "protest",
    "urge",
    "condemn",
    "denounce",
    "oppose",
    "reject",
    "shout",
    "seek",
    "demonstrate",
];

/// Verbs of giving, which keep one object in the passive (`protesters
/// handed jail terms`).
const GIVING: [&str; 20] = [
    "give", "hand", "grant", "award", "offer", "deny", "send", "show", "tell", "pay", "lend",
    "promise", "sell", "teach", "assign", "allow", "refuse", "issue", "serve", "ask",
];

/// One sentence of a [`Doc`] seen as a dependency graph.
pub(crate) struct SentenceGraph<'a> {
    pub doc: &'a Doc,
    pub index: usize,
    /// Index in `doc.tokens` of the sentence's first token.
    pub base: usize,
    pub tokens: &'a [Token],
    /// Lowercased lemma (or form when the lemma is missing) per token.
    lemmas: Vec<Cow<'a, str>>,
    /// Lowercased form per token.
    forms: Vec<Cow<'a, str>>,
    /// Per token, the lemma of the hyphenated word it ends (`test-fire` for
    /// `fired` in `test-fired`, which the tokenizer splits as `test - fired`).
    hyphenated: Vec<Option<String>>,
    /// Heads, relations and tags after [`repair`] (usually the parser's own).
    heads: Vec<Option<usize>>,
    deprels: Vec<&'a str>,
    upos: Vec<Upos>,
    child_start: Vec<usize>,
    child_list: Vec<usize>,
    /// Indices into `doc.actors` of this sentence's actors.
    pub actors: Vec<usize>,
    /// Actor whose head is this token.
    actor_head: Vec<Option<usize>>,
    /// Smallest actor whose tokens cover this token.
    actor_cover: Vec<Option<usize>>,
}

impl<'a> SentenceGraph<'a> {
    /// The graph of sentence `index`; `actors` are the indices into
    /// `doc.actors` of the actors in that sentence.
    pub fn new(doc: &'a Doc, index: usize, actors: &[usize]) -> Option<SentenceGraph<'a>> {
        let sent = doc.sentences.get(index)?;
        let tokens = doc.tokens.get(sent.tokens.clone())?;
        let base = sent.tokens.start;
        let n = tokens.len();
        let mut heads: Vec<Option<usize>> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| t.head.filter(|&h| h < n && h != i))
            .collect();
        let mut deprels: Vec<&'a str> = tokens.iter().map(|t| t.deprel.as_str()).collect();
        let mut upos: Vec<Upos> = tokens.iter().map(|t| t.upos).collect();
        repair(tokens, &mut heads, &mut deprels, &mut upos);
        // Children in one flat array (CSR): `child_start[h]..child_start[h + 1]`.
        let mut child_start = vec![0usize; n + 1];
        for h in heads.iter().flatten() {
            child_start[h + 1] += 1;
        }
        for k in 0..n {
            child_start[k + 1] += child_start[k];
        }
        let mut fill = child_start.clone();
        let mut child_list = vec![0usize; child_start[n]];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                child_list[fill[h]] = i;
                fill[h] += 1;
            }
        }
        let lemmas: Vec<Cow<'a, str>> = tokens
            .iter()
            .map(|t| {
                let l = if t.lemma.is_empty() || t.lemma == "_" {
                    &t.text
                } else {
                    &t.lemma
                };
                lower(l)
            })
            .collect();
        let forms = tokens.iter().map(|t| lower(&t.text)).collect();
        let hyphenated = (0..n)
            .map(|i| {
                let (first, dash, last) = (
                    tokens.get(i.checked_sub(2)?)?,
                    tokens.get(i - 1)?,
                    tokens.get(i)?,
                );
                let joined = first.span.end == dash.span.start && dash.span.end == last.span.start;
                let word = first.text.chars().all(char::is_alphabetic);
                let lemma = lemmas.get(i)?;
                (dash.text == "-" && joined && word)
                    .then(|| format!("{}-{lemma}", lower(&first.text)))
            })
            .collect();
        let mut actor_head = vec![None; n];
        let mut actor_cover: Vec<Option<usize>> = vec![None; n];
        let mut cover_len = vec![usize::MAX; n];
        for &ai in actors {
            let Some(a) = doc.actors.get(ai).filter(|a| a.sentence == index) else {
                continue;
            };
            if let Some(h) = a.head.checked_sub(base).filter(|&h| h < n) {
                actor_head[h].get_or_insert(ai);
            }
            let len = a.tokens.len();
            for t in a.tokens.clone() {
                if let Some(local) = t.checked_sub(base).filter(|&l| l < n) {
                    if len < cover_len[local] {
                        cover_len[local] = len;
                        actor_cover[local] = Some(ai);
                    }
                }
            }
        }
        Some(SentenceGraph {
            doc,
            index,
            base,
            tokens,
            lemmas,
            forms,
            hyphenated,
            heads,
            deprels,
            upos,
            actors: actors.to_vec(),
            child_start,
            child_list,
            actor_head,
            actor_cover,
        })
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn children(&self, i: usize) -> &[usize] {
        match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.child_list.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn lemma(&self, i: usize) -> &str {
        self.lemmas.get(i).map(|l| l.as_ref()).unwrap_or("")
    }

    pub fn upos(&self, i: usize) -> Upos {
        self.upos.get(i).copied().unwrap_or_default()
    }

    pub fn xpos(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.xpos.as_str()).unwrap_or("")
    }

    pub fn deprel(&self, i: usize) -> &str {
        self.deprels.get(i).copied().unwrap_or("")
    }

    /// The relation without its subtype (`obl` for `obl:agent`).
    pub fn base_rel(&self, i: usize) -> &str {
        let d = self.deprel(i);
        d.split(':').next().unwrap_or(d)
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads.get(i).copied().flatten()
    }

    /// The lemma of the hyphenated word token `i` ends, if it ends one
    /// (see [`SentenceGraph::new`]'s tokens: `test - fired` → `test-fire`).
    pub fn hyphenated_lemma(&self, i: usize) -> Option<&str> {
        self.hyphenated.get(i).and_then(|h| h.as_deref())
    }

    pub fn form_lower(&self, i: usize) -> &str {
        self.forms.get(i).map(|f| f.as_ref()).unwrap_or("")
    }

    /// Children whose relation is exactly `rel` or `rel:subtype`.
    pub fn children_rel<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children(i).iter().copied().filter(move |&c| {
            let d = self.deprel(c);
            d == rel || d.strip_prefix(rel).is_some_and(|r| r.starts_with(':'))
        })
    }

    pub fn child_rel(&self, i: usize, rel: &str) -> Option<usize> {
        self.children_rel(i, rel).next()
    }

    /// The preposition(s) of a nominal dependent, lowercase, joined by spaces
    /// (`"out of"`); `by` for `obl:agent`.
    pub fn case_of(&self, i: usize) -> String {
        let mut words: Vec<&str> = self
            .children(i)
            .iter()
            .filter(|&&c| matches!(self.deprel(c), "case" | "mark") || self.deprel(c) == "fixed")
            .map(|&c| self.lemma(c))
            .collect();
        if words.is_empty() && self.deprel(i).ends_with(":agent") {
            words.push("by");
        }
        words.join(" ")
    }

    /// Whether the preposition of dependent `i` is `prep`.
    pub fn has_case(&self, i: usize, prep: &str) -> bool {
        if prep == "by" && self.deprel(i).ends_with(":agent") {
            return true;
        }
        let marks = self
            .children(i)
            .iter()
            .filter(|&&c| matches!(self.deprel(c), "case" | "mark" | "fixed"))
            .map(|&c| self.lemma(c));
        if prep.contains(' ') {
            // Multiword prepositions ("out of") are rare: compare the joined form.
            return self.case_of(i) == prep;
        }
        marks.into_iter().any(|w| w == prep)
    }

    /// `obl`/`nmod` dependents of `i` introduced by `prep`.
    pub fn prep_children(&self, i: usize, rel: &str, prep: &str) -> Vec<usize> {
        self.children(i)
            .iter()
            .copied()
            .filter(|&c| {
                let d = self.deprel(c);
                let base = d.split(':').next().unwrap_or(d);
                let sub_ok = !matches!(d, "nmod:poss" | "obl:tmod" | "obl:npmod" | "nmod:tmod");
                // Gerund complements count as prepositional objects ("accused X of spying").
                let gerund = matches!(base, "advcl" | "acl") && self.xpos(c) == "VBG";
                (base == rel
                    || (rel == "nmod" && base == "obl")
                    || (rel == "obl" && base == "nmod")
                    || gerund)
                    && sub_ok
                    && self.has_case(c, prep)
            })
            .collect()
    }

    /// Passive voice, including reduced passive relatives (`the curfew imposed in Sudan`).
    pub fn is_passive(&self, i: usize) -> bool {
        self.children(i)
            .iter()
            .any(|&c| matches!(self.deprel(c), "nsubj:pass" | "aux:pass" | "csubj:pass"))
            || (self.deprel(i) == "acl" && self.xpos(i) == "VBN")
    }

    /// The grammatical subject of predicate `i` (for passives: the patient),
    /// inherited through conjunction, control and relative clauses, with how
    /// it was found.
    pub fn subject(&self, i: usize) -> Option<(usize, &'static str)> {
        self.subject_depth(i, 0)
    }

    fn subject_depth(&self, i: usize, depth: usize) -> Option<(usize, &'static str)> {
        if depth > 6 {
            return None;
        }
        let own = self
            .children(i)
            .iter()
            .copied()
            .find(|&c| {
                matches!(
                    self.deprel(c),
                    "nsubj" | "nsubj:pass" | "nsubj:outer" | "csubj"
                )
            })
            .or_else(|| {
                // A subject misread as expletive `it` ("it is willing to").
                self.children(i)
                    .iter()
                    .copied()
                    .find(|&c| self.deprel(c) == "expl" && self.lemma(c) == "it")
            });
        let rel = self.deprel(i);
        if let Some(s) = own {
            if RELATIVE.contains(&self.lemma(s)) && rel.starts_with("acl") {
                return self.head(i).map(|h| (h, "relcl"));
            }
            return Some((
                s,
                if self.deprel(s) == "nsubj:pass" {
                    "nsubj:pass"
                } else {
                    "nsubj"
                },
            ));
        }
        let h = self.head(i)?;
        match self.base_rel(i) {
            "conj" if !self.upos(h).is_nominal() => self
                .subject_depth(h, depth + 1)
                .map(|(s, _)| (s, "conj-inherit")),
            // `gathered at the compound to condemn` with the infinitive hung
            // on the noun: the subject of the verb that noun belongs to.
            "xcomp" if !matches!(self.upos(h), Upos::Verb | Upos::Aux) => {
                let v = self.head(h).filter(|&v| {
                    self.upos(v) == Upos::Verb && matches!(self.base_rel(h), "obl" | "obj")
                })?;
                self.subject_depth(v, depth + 1)
                    .map(|(s, _)| (s, "xcomp-control"))
            }
            "xcomp" => {
                if OBJECT_CONTROL.contains(&self.lemma(h)) {
                    if let Some(o) = self
                        .child_rel(h, "obj")
                        .or_else(|| self.prep_children(h, "obl", "on").first().copied())
                    {
                        return Some((o, "xcomp-object"));
                    }
                }
                self.subject_depth(h, depth + 1)
                    .map(|(s, _)| (s, "xcomp-control"))
            }
            // `opened fire to disperse demonstrators` with the infinitive hung
            // on the object: whoever opened fire means to disperse.
            "acl"
                if rel == "acl"
                    && self
                        .children(i)
                        .iter()
                        .any(|&c| self.deprel(c) == "mark" && self.lemma(c) == "to")
                    && matches!(self.base_rel(h), "obj" | "obl")
                    && self.actor_of(h).is_none() =>
            {
                let v = self.head(h).filter(|&v| self.upos(v) == Upos::Verb)?;
                self.subject_depth(v, depth + 1)
                    .map(|(s, _)| (s, "acl-control"))
            }
            "acl" => Some((
                h,
                if rel == "acl:relcl" {
                    "relcl"
                } else if self.xpos(i) == "VBN" {
                    "acl:pass"
                } else {
                    "acl"
                },
            )),
            // `accused government troops of killing civilians`: the one
            // accused, blamed or praised did the act.
            "advcl"
                if self.xpos(i) == "VBG"
                    && (self.has_case(i, "of") || self.has_case(i, "for"))
                    && JUDGING.contains(&self.lemma(h)) =>
            {
                self.child_rel(h, "obj").map(|o| (o, "judged-object"))
            }
            "advcl" => self
                .subject_depth(h, depth + 1)
                .map(|(s, _)| (s, "advcl-inherit")),
            _ => None,
        }
    }

    /// The actor whose head is token `i`.
    pub fn actor_headed_by(&self, i: usize) -> Option<usize> {
        self.actor_head.get(i).copied().flatten()
    }

    /// The coded actor standing for token `i`: one headed by it, one covering
    /// it, or one in its modifiers (`leaders of Romania's government`).
    pub fn actor_of(&self, i: usize) -> Option<usize> {
        if let Some(a) = self.actor_head.get(i).copied().flatten() {
            return Some(a);
        }
        if let Some(a) = self.actor_cover.get(i).copied().flatten() {
            return Some(a);
        }
        // Breadth-first through nominal modifiers, nearest first.
        let mut frontier = vec![i];
        for _ in 0..3 {
            let mut next = Vec::new();
            for &t in &frontier {
                for &c in self.children(t) {
                    let d = self.deprel(c);
                    let base = d.split(':').next().unwrap_or(d);
                    // Only modifiers that say whose or which: not times and places
                    // ("inspectors ... after U.S. officials alleged").
                    let ok = match base {
                        "compound" | "amod" | "appos" | "flat" | "det" => true,
                        "nmod" => {
                            d == "nmod:poss" || {
                                let case = self.case_of(c);
                                case.is_empty()
                                    || matches!(case.as_str(), "of" | "for" | "'s" | "from")
                            }
                        }
                        _ => false,
                    };
                    if !ok {
                        continue;
                    }
                    if let Some(a) = self.actor_head[c].or(self.actor_cover[c]) {
                        return Some(a);
                    }
                    next.push(c);
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        None
    }

    /// `i` and its conjuncts (`Britain and France`), in order.
    pub fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 8 {
            let t = out[k];
            for c in self.children_rel(t, "conj") {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            k += 1;
        }
        out
    }

    /// Document byte span of token `i`.
    pub fn span(&self, i: usize) -> annals_core::Span {
        self.tokens.get(i).map(|t| t.span).unwrap_or_default()
    }

    /// Whether token `i` is a personal pronoun.
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.upos(i) == Upos::Pron
    }
}

/// Prepositions and subordinators a tagger may rightly call ADP.
const ADPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "to",
    "for",
    "with",
    "by",
    "from",
    "into",
    "onto",
    "upon",
    "about",
    "over",
    "under",
    "after",
    "before",
    "since",
    "until",
    "till",
    "during",
    "against",
    "among",
    "amid",
    "amidst",
    "between",
    "through",
    "throughout",
    "across",
    "along",
    "around",
    "near",
    "outside",
    "inside",
    "within",
    "without",
    "behind",
    "beyond",
    "beside",
    "besides",
    "despite",
    "toward",
    "towards",
    "via",
    "per",
    "than",
    "as",
    "like",
    "unlike",
    "off",
    "out",
    "up",
    "down",
    "above",
    "below",
    "beneath",
    "underneath",
    "past",
    "except",
    "including",
    "following",
    "regarding",
    "concerning",
    "plus",
    "minus",
    "versus",
    "vs",
    "vs.",
    "that",
    "if",
    "because",
    "while",
    "whether",
    "though",
    "although",
    "unless",
    "whereas",
    "once",
    "so",
    "ago",
    "next",
    "'s",
    "’s",
    "de",
    "al",
    "el",
    "la",
    "le",
    "du",
    "von",
    "van",
    "bin",
    "ibn",
    "pro",
    "worth",
    "save",
    "re",
    "opposite",
    "atop",
    "amongst",
    "round",
    "aboard",
    "alongside",
    "notwithstanding",
];

/// Mend two tagging/parsing slips that hide a sentence's main verb:
/// * a rare past-tense verb tagged as a preposition (`riot police beat
///   protesters` read as `police [beat protesters]`): it becomes the verb,
///   the noun it "introduced" its object and the noun before it its subject;
/// * a verbless sentence whose root noun carries a past-tense clause
///   (`The United Nations called on Sudan to ...` read as a reduced
///   relative): the clause becomes the root and the noun its subject.
fn repair(tokens: &[Token], heads: &mut [Option<usize>], deprels: &mut [&str], upos: &mut [Upos]) {
    let n = tokens.len();
    let is_nominal = |u: Upos| matches!(u, Upos::Noun | Upos::Propn | Upos::Pron);
    for b in 0..n {
        if upos[b] != Upos::Adp || deprels[b] != "case" {
            continue;
        }
        let form = lower(&tokens[b].text);
        if ADPOSITIONS.contains(&form.as_ref())
            || !form.bytes().all(|c| c.is_ascii_lowercase())
            || form.len() < 3
        {
            continue;
        }
        let Some(obj) = heads[b].filter(|&h| h > b && is_nominal(upos[h])) else {
            continue;
        };
        // The subject: the nominal just before (`police beat`), heading `obj`.
        let Some(subj) = (0..b).rev().find(|&k| upos[k] != Upos::Punct) else {
            continue;
        };
        if !is_nominal(upos[subj]) || heads[obj] != Some(subj) && heads[subj] != heads[obj] {
            continue;
        }
        upos[b] = Upos::Verb;
        heads[obj] = Some(b);
        deprels[obj] = "obj";
        match heads[subj] {
            // `police beat protesters and dragged them`: the subject belongs
            // to the later verb; this verb shares it as its conjunct.
            Some(v) if deprels[subj].starts_with("nsubj") => {
                heads[b] = Some(v);
                deprels[b] = "conj";
            }
            None => {
                heads[b] = None;
                deprels[b] = "root";
                heads[subj] = Some(b);
                deprels[subj] = "nsubj";
            }
            Some(_) => {
                heads[b] = heads[subj];
                deprels[b] = deprels[subj];
                heads[subj] = Some(b);
                deprels[subj] = "nsubj";
            }
        }
    }
    let has_case = |heads: &[Option<usize>], deprels: &[&str], x: usize| {
        (0..n).any(|c| heads[c] == Some(x) && deprels[c] == "case")
    };
    let has_mark = |heads: &[Option<usize>], deprels: &[&str], x: usize, w: &str| {
        (0..n).any(|c| heads[c] == Some(x) && deprels[c] == "mark" && lower(&tokens[c].text) == w)
    };
    for x in 1..n {
        // `received visiting Sudanese Prime Minister X` read with `X` the
        // object of `visiting` (the host made the visit): a participle
        // right after the verb and before the verb's only object names the
        // visitor, and the object is the verb's.
        if deprels[x] == "xcomp"
            && heads[x] == Some(x - 1)
            && upos[x - 1] == Upos::Verb
            && lower(&tokens[x].text) == "visiting"
            && !(0..n).any(|c| heads[c] == Some(x - 1) && deprels[c] == "obj")
        {
            if let Some(o) = (x + 1..n).find(|&c| heads[c] == Some(x) && deprels[c] == "obj") {
                heads[o] = Some(x - 1);
                deprels[o] = "obj";
                heads[x] = Some(o);
                deprels[x] = "amod";
                // Time and place phrases stay with the verb.
                for c in 0..n {
                    if heads[c] == Some(x) && deprels[c].starts_with("obl") {
                        heads[c] = Some(x - 1);
                    }
                }
            }
        }
    }
    for x in 1..n {
        // `fired tear gas at protesters demanding civilian rule` read with
        // `demanding` an adverbial of `fired` (the police demanding): a
        // participle of voicing right after a plural noun the same verb
        // acts on describes the noun's people.
        let noun = x - 1;
        if deprels[x] == "advcl"
            && tokens[x].xpos == "VBG"
            && tokens[noun].xpos == "NNS"
            && heads[noun].is_some()
            && heads[noun] == heads[x]
            && matches!(deprels[noun].split(':').next(), Some("obj" | "obl"))
            && VOICING.contains(&lower(&tokens[x].lemma).as_ref())
            && !(0..n).any(|c| heads[c] == Some(x) && matches!(deprels[c], "mark" | "nsubj"))
        {
            heads[x] = Some(noun);
            deprels[x] = "acl";
        }
    }
    for x in 0..n {
        // `North Korea test - fired two missiles` read as a passive
        // (`fired` a participle, `Korea` its passive subject): a passive
        // has no direct object, so without a passive auxiliary a verb with
        // one is active and the subject is its agent. Verbs of giving keep
        // one object in the passive (`protesters handed jail terms`).
        if deprels[x] == "nsubj:pass" {
            let giving = |h: usize| GIVING.contains(&lower(&tokens[h].lemma).as_ref());
            if let Some(h) = heads[x].filter(|&h| !giving(h)) {
                let child = |rel: &str| (0..n).any(|c| heads[c] == Some(h) && deprels[c] == rel);
                if child("obj") && !child("aux:pass") {
                    deprels[x] = "nsubj";
                }
            }
        }
        // `called on the generals`: a nominal with a preposition is oblique,
        // never a predicate complement.
        if deprels[x] == "xcomp"
            && matches!(upos[x], Upos::Noun | Upos::Propn)
            && has_case(heads, deprels, x)
        {
            deprels[x] = "obl";
        }
        // `welcomed the truce and called ...`, `said X was illegal and warned
        // ...`: a finite verb conjoined to a noun or adjective belongs with
        // the verb above it.
        if deprels[x] == "conj"
            && upos[x] == Upos::Verb
            && matches!(tokens[x].xpos.as_str(), "VBD" | "VBZ" | "VBP")
        {
            if let Some(h) = heads[x].filter(|&h| !matches!(upos[h], Upos::Verb | Upos::Aux)) {
                let mut v = heads[h];
                let mut steps = 0;
                while let Some(k) = v.filter(|&k| upos[k] != Upos::Verb) {
                    v = heads[k];
                    steps += 1;
                    if steps > 4 {
                        v = None;
                    }
                }
                if let Some(v) = v.filter(|&v| v < x) {
                    heads[x] = Some(v);
                }
            }
        }
        // `Ghani demanded that fighters withdraw` read with the clause as a
        // clausal subject: a clause after a verb that has a nominal subject
        // already is its complement (a verb has one subject).
        if deprels[x] == "csubj" {
            if let Some(h) = heads[x].filter(|&h| h < x) {
                if (0..n).any(|c| heads[c] == Some(h) && deprels[c].starts_with("nsubj")) {
                    deprels[x] = "ccomp";
                } else if matches!(deprels[h].split(':').next(), Some("obl" | "obj"))
                    && has_mark(heads, deprels, x, "to")
                {
                    // `gathered at the compound to condemn X` with the
                    // infinitive read as the subject of `compound`: an
                    // argument phrase has no subject; the infinitive is the
                    // verb's purpose adjunct.
                    if let Some(v) = heads[h].filter(|&v| upos[v] == Upos::Verb) {
                        heads[x] = Some(v);
                        deprels[x] = "advcl";
                    }
                }
            }
        }
        // `demanded on Monday that fighters withdraw`: a `that` clause hung on
        // a time or place phrase is the verb's complement (`that` marking it
        // makes it no relative clause, whatever subtype the parser gave).
        if deprels[x].split(':').next() == Some("acl")
            && upos[x] == Upos::Verb
            && has_mark(heads, deprels, x, "that")
        {
            if let Some(h) = heads[x].filter(|&h| deprels[h].starts_with("obl")) {
                if let Some(v) = heads[h].filter(|&v| upos[v] == Upos::Verb) {
                    heads[x] = Some(v);
                    deprels[x] = "ccomp";
                }
            }
        }
    }
    // `rejected the demand and accused government troops of ...` read with
    // `accused` as an adjective of `troops`: after `and`, a past-tense verb
    // before its object is the second verb of the clause.
    for v in 1..n {
        if deprels[v] != "amod"
            || upos[v] != Upos::Verb
            || !matches!(tokens[v].xpos.as_str(), "VBD" | "VBN")
            || upos[v - 1] != Upos::Cconj
        {
            continue;
        }
        let Some(obj) = heads[v].filter(|&o| o > v && matches!(upos[o], Upos::Noun | Upos::Propn))
        else {
            continue;
        };
        let Some(u) = (0..v - 1).rev().find(|&k| {
            upos[k] == Upos::Verb && matches!(tokens[k].xpos.as_str(), "VBD" | "VBZ" | "VBP")
        }) else {
            continue;
        };
        heads[v] = Some(u);
        deprels[v] = "conj";
        heads[obj] = Some(v);
        deprels[obj] = "obj";
        heads[v - 1] = Some(v);
        deprels[v - 1] = "cc";
    }
    // `warplanes bombed rebel positions` read as `warplanes(V) [bombed
    // positions]`: a plural noun tagged as a present-tense verb right before
    // a past-tense word it took for an adjective of its object.
    for x in 0..n.saturating_sub(1) {
        let v = x + 1;
        if upos[x] != Upos::Verb
            || tokens[x].xpos != "VBZ"
            || !matches!(tokens[v].xpos.as_str(), "VBD" | "VBN")
        {
            continue;
        }
        // ... or read as an auxiliary of it (`warplanes(aux) bombed`).
        if deprels[x].starts_with("aux")
            && heads[x] == Some(v)
            && !matches!(
                lower(&tokens[x].lemma).as_ref(),
                "be" | "have" | "do" | "get"
            )
        {
            upos[x] = Upos::Noun;
            deprels[x] = "nsubj";
            for c in 0..x {
                if heads[c] == Some(v) && deprels[c].starts_with("nsubj") {
                    heads[c] = Some(x);
                    deprels[c] = "compound";
                }
            }
            continue;
        }
        if deprels[v] != "amod" {
            continue;
        }
        let Some(obj) = heads[v].filter(|&o| o > v && heads[o] == Some(x)) else {
            continue;
        };
        upos[x] = Upos::Noun;
        upos[v] = Upos::Verb;
        heads[v] = heads[x];
        deprels[v] = deprels[x];
        deprels[obj] = "obj";
        for c in 0..n {
            if c != v && heads[c] == Some(x) {
                if c < x && deprels[c].starts_with("nsubj") {
                    deprels[c] = "compound";
                } else if c > x {
                    heads[c] = Some(v);
                }
            }
        }
        heads[x] = Some(v);
        deprels[x] = "nsubj";
    }
    // `warplanes bombed rebel positions, killing 25, the ministry said` read
    // as a verbless clause headed by `warplanes` with `bombed` an adjective of
    // `positions`: a noun heading a clause (no copula) right before a
    // past-tense word that modifies the noun's own dependent is the subject
    // of that verb; the verb heads the clause and takes the noun's other
    // dependents after it.
    for x in 0..n.saturating_sub(2) {
        let v = x + 1;
        if !matches!(upos[x], Upos::Noun | Upos::Propn)
            || !matches!(deprels[x], "root" | "ccomp" | "parataxis")
            || upos[v] != Upos::Verb
            || deprels[v] != "amod"
            || !matches!(tokens[v].xpos.as_str(), "VBD" | "VBN")
        {
            continue;
        }
        let Some(obj) = heads[v].filter(|&o| o > v && heads[o] == Some(x)) else {
            continue;
        };
        if (0..n).any(|c| heads[c] == Some(x) && matches!(deprels[c], "cop" | "nsubj")) {
            continue;
        }
        heads[v] = heads[x];
        deprels[v] = deprels[x];
        for c in v + 1..n {
            if heads[c] == Some(x) {
                heads[c] = Some(v);
                deprels[c] = match deprels[c] {
                    "nmod" | "nmod:tmod" | "nmod:unmarked" => "obl",
                    "acl" => "advcl",
                    d => d,
                };
            }
        }
        heads[obj] = Some(v);
        deprels[obj] = "obj";
        heads[x] = Some(v);
        deprels[x] = "nsubj";
    }
    // A past participle reads as active only with an object, an infinitive
    // complement or a prepositional object (`called on Sudan to respect`,
    // `agreed to a ceasefire`), never with `by` (`protesters killed in X`).
    let active_use = |heads: &[Option<usize>], deprels: &[&str], v: usize| {
        let marked =
            |c: usize, w: &str| (0..n).any(|m| heads[m] == Some(c) && lower(&tokens[m].text) == w);
        let kids: Vec<usize> = (0..n).filter(|&c| heads[c] == Some(v)).collect();
        !kids.iter().any(|&c| marked(c, "by"))
            && kids.iter().any(|&c| {
                deprels[c] == "obj"
                    || (matches!(deprels[c], "advcl" | "xcomp") && marked(c, "to"))
                    || (deprels[c] == "obl"
                        && ["to", "on", "upon", "with"].iter().any(|w| marked(c, w)))
            })
    };
    // `Irish guerrillas wounded two soldiers in an attack, police said` read
    // as `guerrillas [wounded ...] ... said`: a past-tense clause right after
    // the subject of a later reporting verb is the reported event.
    if let Some(r) = (0..n).find(|&i| heads[i].is_none()) {
        let reporting = upos[r] == Upos::Verb
            && matches!(
                lower(&tokens[r].lemma).as_ref(),
                "say" | "report" | "tell" | "add" | "claim" | "announce" | "state"
            );
        let clause = (1..r).find(|&v| {
            deprels[v] == "acl"
                && upos[v] == Upos::Verb
                && heads[v] == Some(v - 1)
                && (tokens[v].xpos == "VBD"
                    || (tokens[v].xpos == "VBN"
                        && (0..n).any(|c| heads[c] == Some(v) && deprels[c] == "obj")
                        && active_use(heads, deprels, v)))
        });
        if let (true, Some(v)) = (reporting, clause) {
            // The whole subject phrase: `Thousands of Iraqi Kurds`.
            let mut t = v - 1;
            while let Some(h) = heads[t].filter(|&h| h < t) {
                if !matches!(deprels[t], "nmod" | "compound" | "flat" | "appos") {
                    break;
                }
                t = h;
            }
            if heads[t] == Some(r) && deprels[t].starts_with("nsubj") {
                for c in v + 1..n {
                    // `..., police said`: a conjunct after the clause is the reporter.
                    if heads[c] == Some(t) && deprels[c] == "conj" {
                        heads[c] = Some(r);
                        deprels[c] = "nsubj";
                    }
                }
                heads[v] = Some(r);
                deprels[v] = "ccomp";
                heads[t] = Some(v);
                deprels[t] = "nsubj";
            }
        }
    }
    // `The Palestinians reject proposed changes` read with `reject` as an
    // adverb of `proposed`: a finite verb is never an adverbial modifier;
    // it is the verb, and the participle after it an adjective of its object.
    for x in 0..n.saturating_sub(1) {
        let p = x + 1;
        if upos[x] != Upos::Verb
            || deprels[x] != "advmod"
            || !matches!(tokens[x].xpos.as_str(), "VBP" | "VBZ" | "VBD")
            || heads[x] != Some(p)
            || tokens[p].xpos != "VBN"
        {
            continue;
        }
        let Some(obj) = (p + 1..n).find(|&o| heads[o] == Some(p) && deprels[o] == "obj") else {
            continue;
        };
        heads[x] = heads[p];
        deprels[x] = deprels[p];
        for c in 0..n {
            if heads[c] == Some(p) && c != obj && (c < x || deprels[c] != "amod") {
                heads[c] = Some(x);
            }
        }
        heads[p] = Some(obj);
        deprels[p] = "amod";
        heads[obj] = Some(x);
    }
    // `..., killing one and arresting 12, security sources said` with the
    // reporter read as one more conjunct: the nominal right before a
    // subjectless reporting verb at the end is its subject.
    if let Some(r) = (0..n).find(|&i| heads[i].is_none()) {
        let reporting = upos[r] == Upos::Verb
            && matches!(
                lower(&tokens[r].lemma).as_ref(),
                "say" | "report" | "tell" | "add" | "claim" | "announce" | "state"
            );
        let subjectless = !(0..n).any(|c| heads[c] == Some(r) && deprels[c].starts_with("nsubj"));
        if let Some(s) = r.checked_sub(1) {
            if reporting
                && subjectless
                && matches!(upos[s], Upos::Noun | Upos::Propn)
                && matches!(deprels[s], "conj" | "appos")
                && heads[s].is_some_and(|h| h < s)
            {
                heads[s] = Some(r);
                deprels[s] = "nsubj";
            }
        }
    }
    let has_verb_root =
        (0..n).any(|i| heads[i].is_none() && matches!(upos[i], Upos::Verb | Upos::Aux));
    if has_verb_root {
        return;
    }
    let Some(root) = (0..n).find(|&i| heads[i].is_none() && is_nominal(upos[i])) else {
        return;
    };
    // `The army and the Rapid Support Forces agreed ...`: the clause may hang
    // on the last conjunct of the subject.
    let clause = (root + 1..n).find(|&i| {
        heads[i].is_some_and(|h| h == root || (heads[h] == Some(root) && deprels[h] == "conj"))
            && deprels[i] == "acl"
            && upos[i] == Upos::Verb
            && (tokens[i].xpos == "VBD"
                || (tokens[i].xpos == "VBN" && active_use(heads, deprels, i)))
    });
    if let Some(v) = clause {
        heads[v] = None;
        deprels[v] = "root";
        heads[root] = Some(v);
        deprels[root] = "nsubj";
    }
}
