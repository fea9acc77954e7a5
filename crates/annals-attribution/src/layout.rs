//! What attribution needs to know about a `Doc`'s layout: paragraphs, token
//! lookup by span, and phrases around a verb (from the parse when there is
//! one, else from token windows).

use std::ops::Range;

use annals_core::{Doc, Span, Token, Upos};

use crate::lexicon::lower;

/// Paragraph structure and token lookup, computed once per document.
pub(crate) struct Layout {
    /// Whether sentence `i` opens a paragraph (a line break precedes it).
    pub para_start: Vec<bool>,
    /// First sentence of the paragraph holding each sentence.
    para_of: Vec<usize>,
    /// First sentence of the next paragraph after each sentence.
    next_para: Vec<usize>,
}

impl Layout {
    pub fn new(doc: &Doc) -> Self {
        let text = doc.text();
        let mut para_start = Vec::with_capacity(doc.sentences.len());
        let mut prev_end = 0;
        for (i, s) in doc.sentences.iter().enumerate() {
            let gap = text
                .get(prev_end.min(s.span.start)..s.span.start)
                .unwrap_or("");
            para_start.push(i == 0 || gap.contains('\n'));
            prev_end = s.span.end;
        }
        let n = para_start.len();
        let mut para_of = Vec::with_capacity(n);
        let mut current = 0;
        for (i, &p) in para_start.iter().enumerate() {
            if p {
                current = i;
            }
            para_of.push(current);
        }
        let mut next_para = vec![n; n];
        let mut next = n;
        for i in (0..n).rev() {
            next_para[i] = next;
            if para_start[i] {
                next = i;
            }
        }
        Layout {
            para_start,
            para_of,
            next_para,
        }
    }

    /// First sentence after `s` that opens a paragraph (or the sentence count).
    pub fn next_paragraph(&self, s: usize) -> usize {
        self.next_para
            .get(s)
            .copied()
            .unwrap_or(self.para_start.len())
    }

    /// First sentence of the paragraph holding sentence `s`.
    pub fn paragraph_of(&self, s: usize) -> usize {
        self.para_of.get(s).copied().unwrap_or(0)
    }
}

/// Document token index of the first token overlapping `span`.
pub(crate) fn token_at(doc: &Doc, span: Span) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end <= span.start);
    doc.tokens
        .get(i)
        .filter(|t| t.span.start < span.end.max(span.start + 1))
        .map(|_| i)
}

/// Token range of sentence `s`.
pub(crate) fn sentence_range(doc: &Doc, s: usize) -> Range<usize> {
    doc.sentences.get(s).map_or(0..0, |x| x.tokens.clone())
}

/// The span covering tokens `r` (document indices).
pub(crate) fn span_of(tokens: &[Token], r: &Range<usize>) -> Option<Span> {
    let a = tokens.get(r.start)?;
    let b = tokens.get(r.end.checked_sub(1)?)?;
    Some(Span::new(a.span.start, b.span.end))
}

pub(crate) fn has_parse(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| !t.deprel.is_empty())
}

/// Whether token `k` ends a phrase; a hyphen inside a word (`al-Khazali`) does not.
fn stops(tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else { return true };
    if matches!(t.text.as_str(), "-" | "–")
        && !t.space_after
        && k > 0
        && tokens.get(k - 1).is_some_and(|p| !p.space_after)
    {
        return false;
    }
    is_stop(&t.text)
}

/// Tokens where a phrase around a verb stops.
fn is_stop(t: &str) -> bool {
    matches!(
        t,
        "," | ";"
            | ":"
            | "—"
            | "–"
            | "-"
            | "--"
            | "“"
            | "”"
            | "\""
            | "``"
            | "''"
            | "("
            | ")"
            | "."
            | "!"
            | "?"
            | "that"
            | "which"
            | "who"
            | "when"
            | "after"
            | "before"
            | "because"
            | "while"
    )
}

/// Sentence openers and adverbs that are not part of a subject.
fn is_leading_filler(t: &str) -> bool {
    matches!(
        &*lower(t),
        "but"
            | "and"
            | "yet"
            | "later"
            | "however"
            | "meanwhile"
            | "also"
            | "so"
            | "then"
            | "earlier"
            | "separately"
    )
}

/// Auxiliaries and adverbs between a subject and its verb (`he also said`, `police have said`).
fn is_pre_verb(t: &str) -> bool {
    matches!(
        &*lower(t),
        "also"
            | "later"
            | "earlier"
            | "further"
            | "again"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "would"
            | "will"
            | "previously"
            | "separately"
            | "then"
    )
}

/// `(start, end)` document indices of the subtree of `root` (a document index) within sentence `sent`.
fn subtree(tokens: &[Token], sent: &Range<usize>, root: usize) -> Option<Range<usize>> {
    let sl = tokens.get(sent.clone())?;
    let local = root.checked_sub(sent.start)?;
    let (mut lo, mut hi) = (local, local);
    for j in 0..sl.len() {
        let mut k = j;
        for _ in 0..sl.len() {
            if k == local {
                lo = lo.min(j);
                hi = hi.max(j);
                break;
            }
            match sl.get(k).and_then(|t| t.head) {
                Some(h) if h < sl.len() => k = h,
                _ => break,
            }
        }
    }
    // A comma or quote mark the parser hung on the phrase is not part of it.
    let punct = |i: usize| sl.get(i).is_some_and(|t| t.upos == Upos::Punct);
    while lo < local && punct(lo) {
        lo += 1;
    }
    while hi > local && punct(hi) {
        hi -= 1;
    }
    Some(sent.start + lo..sent.start + hi + 1)
}

/// Whether `tok` lies in the subtree of `anc` (document indices, same sentence, parsed).
pub(crate) fn dominates(tokens: &[Token], sent: &Range<usize>, anc: usize, tok: usize) -> bool {
    let Some(sl) = tokens.get(sent.clone()) else {
        return false;
    };
    let (Some(a), Some(mut k)) = (anc.checked_sub(sent.start), tok.checked_sub(sent.start)) else {
        return false;
    };
    for _ in 0..=sl.len() {
        if k == a {
            return true;
        }
        match sl.get(k).and_then(|t| t.head) {
            Some(h) if h < sl.len() => k = h,
            _ => return false,
        }
    }
    false
}

/// The subject of speech verb `verb` (document index) in sentence `sent`:
/// its `nsubj` subtree when parsed, else the words before it up to a clause
/// boundary, else (`said X`) the words after it.
pub(crate) fn subject_of(
    tokens: &[Token],
    sent: &Range<usize>,
    verb: usize,
) -> Option<Range<usize>> {
    if let Some(sl) = tokens.get(sent.clone()) {
        if has_parse(sl) {
            let local = verb.checked_sub(sent.start)?;
            let subj = sl
                .iter()
                .position(|t| t.head == Some(local) && t.deprel.starts_with("nsubj"));
            if let Some(c) = subj {
                return subtree(tokens, sent, sent.start + c);
            }
        }
    }
    // `praised X and said ...`: a coordinated verb shares a subject the
    // window cannot see.
    let coordinated = verb > sent.start
        && tokens
            .get(verb - 1)
            .is_some_and(|t| matches!(t.text.as_str(), "and" | "or" | "but"));
    if coordinated {
        return None;
    }
    words_before(tokens, sent, verb).or_else(|| words_after(tokens, sent, verb + 1))
}

/// The phrase before `verb`, back to a clause boundary (at most 10 tokens).
pub(crate) fn words_before(
    tokens: &[Token],
    sent: &Range<usize>,
    verb: usize,
) -> Option<Range<usize>> {
    let min = sent.start.max(verb.saturating_sub(10));
    let mut a = verb;
    while a > min && !stops(tokens, a - 1) {
        a -= 1;
    }
    while a < verb && tokens.get(a).is_some_and(|t| is_leading_filler(&t.text)) {
        a += 1;
    }
    let mut b = verb;
    while b > a && tokens.get(b - 1).is_some_and(|t| is_pre_verb(&t.text)) {
        b -= 1;
    }
    (a < b).then_some(a..b)
}

/// The phrase from `from` to the next clause boundary (at most 12 tokens).
pub(crate) fn words_after(
    tokens: &[Token],
    sent: &Range<usize>,
    from: usize,
) -> Option<Range<usize>> {
    let max = sent.end.min(from + 12);
    let mut b = from;
    while b < max && !stops(tokens, b) {
        b += 1;
    }
    (from < b).then_some(from..b)
}
