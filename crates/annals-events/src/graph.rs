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
    child_start: Vec<usize>,
    child_list: Vec<usize>,
    /// Actor whose head is this token.
    actor_head: Vec<Option<usize>>,
    /// Smallest actor whose tokens cover this token.
    actor_cover: Vec<Option<usize>>,
}

impl<'a> SentenceGraph<'a> {
    pub fn new(doc: &'a Doc, index: usize) -> Option<SentenceGraph<'a>> {
        let sent = doc.sentences.get(index)?;
        let tokens = doc.tokens.get(sent.tokens.clone())?;
        let base = sent.tokens.start;
        let n = tokens.len();
        // Children in one flat array (CSR): `child_start[h]..child_start[h + 1]`.
        let head_of = |i: usize, t: &Token| t.head.filter(|&h| h < n && h != i);
        let mut child_start = vec![0usize; n + 1];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = head_of(i, t) {
                child_start[h + 1] += 1;
            }
        }
        for k in 0..n {
            child_start[k + 1] += child_start[k];
        }
        let mut fill = child_start.clone();
        let mut child_list = vec![0usize; child_start[n]];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = head_of(i, t) {
                child_list[fill[h]] = i;
                fill[h] += 1;
            }
        }
        let lemmas = tokens
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
        let mut actor_head = vec![None; n];
        let mut actor_cover: Vec<Option<usize>> = vec![None; n];
        let mut cover_len = vec![usize::MAX; n];
        for (ai, a) in doc.actors.iter().enumerate() {
            if a.sentence != index {
                continue;
            }
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
        self.tokens.get(i).map(|t| t.upos).unwrap_or_default()
    }

    pub fn xpos(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.xpos.as_str()).unwrap_or("")
    }

    pub fn deprel(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.deprel.as_str()).unwrap_or("")
    }

    /// The relation without its subtype (`obl` for `obl:agent`).
    pub fn base_rel(&self, i: usize) -> &str {
        let d = self.deprel(i);
        d.split(':').next().unwrap_or(d)
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens
            .get(i)
            .and_then(|t| t.head)
            .filter(|&h| h < self.len() && h != i)
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
            "advcl" => self
                .subject_depth(h, depth + 1)
                .map(|(s, _)| (s, "advcl-inherit")),
            _ => None,
        }
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
