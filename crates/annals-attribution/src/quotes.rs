//! Direct quotations and their speakers.
//!
//! Quotation marks are paired over the whole document (curly `“ ”`, `« »`,
//! ``` `` '' ```, and straight `"` whose direction is read from the spacing
//! around it). A quote still open at a paragraph break ends there: by news
//! convention a quote running on into the next paragraph reopens it with a
//! new opening mark. Quotes of fewer than four tokens without a cue are
//! scare quotes (`the "official" figures`) and are dropped.
//!
//! The speaker is found, in order: after the closing mark (`,” he said`,
//! `,” said Foreign Minister X`, `” the ministry said in a statement`),
//! before the opening mark (`X said: “`, `X told reporters “`, `the statement
//! read: “`), or inherited from the quote just before when this one follows
//! it within two sentences without a cue of its own (cue `continued`).

use std::ops::Range;

use annals_core::{Doc, Quote, Token};

use crate::layout::{span_of, subject_of, Layout};
use crate::lexicon::{lower, Cues};

/// A quote as token ranges, before it becomes a `Quote`.
#[derive(Debug, Clone)]
struct Marked {
    /// Tokens between the marks.
    inner: Range<usize>,
    /// The opening and closing mark tokens, when present.
    open: Option<usize>,
    close: Option<usize>,
}

enum Mark {
    Open,
    Close,
    Straight,
}

fn mark_of(t: &str) -> Option<Mark> {
    match t {
        "“" | "«" | "``" | "„" => Some(Mark::Open),
        "”" | "»" | "''" => Some(Mark::Close),
        "\"" => Some(Mark::Straight),
        _ => None,
    }
}

fn pair_marks(doc: &Doc, layout: &Layout) -> Vec<Marked> {
    let tokens = &doc.tokens;
    let mut para_token = vec![false; tokens.len()];
    for (s, sent) in doc.sentences.iter().enumerate() {
        if layout.para_start.get(s).copied().unwrap_or(false) {
            if let Some(p) = para_token.get_mut(sent.tokens.start) {
                *p = true;
            }
        }
    }
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if para_token[i] {
            if let Some(o) = open.take() {
                out.push(Marked {
                    inner: o + 1..i,
                    open: Some(o),
                    close: None,
                });
            }
        }
        let Some(mark) = mark_of(&t.text) else {
            continue;
        };
        let mark = match mark {
            Mark::Straight if open.is_some() => Mark::Close,
            Mark::Straight => {
                let spaced_before = i == 0
                    || para_token[i]
                    || tokens.get(i - 1).is_some_and(|p| {
                        p.space_after || matches!(p.text.as_str(), "(" | "[" | "—")
                    });
                if spaced_before && !t.space_after {
                    Mark::Open
                } else {
                    continue; // a stray closing mark
                }
            }
            m => m,
        };
        match mark {
            Mark::Open => open = Some(i),
            Mark::Close => {
                if let Some(o) = open.take() {
                    out.push(Marked {
                        inner: o + 1..i,
                        open: Some(o),
                        close: Some(i),
                    });
                }
            }
            Mark::Straight => {}
        }
    }
    if let Some(o) = open {
        out.push(Marked {
            inner: o + 1..tokens.len(),
            open: Some(o),
            close: None,
        });
    }
    out.retain(|m| !m.inner.is_empty());
    out
}

fn is_speech(cues: &Cues, t: &Token) -> bool {
    cues.is_speech(t)
}

/// Speaker and cue for one quote: (speaker tokens, cue tokens).
fn find_cue(doc: &Doc, cues: &Cues, m: &Marked) -> Option<(Option<Range<usize>>, Range<usize>)> {
    let tokens = &doc.tokens;
    // After the closing mark.
    if let Some(c) = m.close {
        let s = doc.sentence_of_token(c)?;
        let sent = doc.sentences.get(s)?.tokens.clone();
        let mut j = c + 1;
        if tokens.get(j).is_some_and(|t| t.text == ",") {
            j += 1;
        }
        if j < sent.end {
            if tokens.get(j).is_some_and(|t| is_speech(cues, t)) {
                // `,” said X`
                let subj = subject_of(tokens, &sent, j).filter(|r| r.start > j);
                return Some((subj, cue_range(doc, cues, j, sent.end)));
            }
            for k in j..sent.end.min(j + 9) {
                let Some(t) = tokens.get(k) else { break };
                if mark_of(&t.text).is_some() || matches!(t.text.as_str(), "." | "!" | "?" | ";") {
                    break;
                }
                if is_speech(cues, t) && k > j {
                    let subj = subject_of(tokens, &sent, k).or(Some(j..k));
                    return Some((subj, cue_range(doc, cues, k, sent.end)));
                }
            }
        }
    }
    // Before the opening mark.
    if let Some(o) = m.open {
        let s = doc.sentence_of_token(o)?;
        let sent = doc.sentences.get(s)?.tokens.clone();
        let from = sent.start.max(o.saturating_sub(7));
        for v in (from..o).rev() {
            let Some(t) = tokens.get(v) else { break };
            if mark_of(&t.text).is_some() || matches!(t.text.as_str(), "." | "!" | "?" | ";") {
                break;
            }
            if is_speech(cues, t) {
                let subj = subject_of(tokens, &sent, v).filter(|r| r.end <= v + 1 || r.start > v);
                return Some((subj, cue_range(doc, cues, v, o)));
            }
            // `according to X, “...”`
            if lower(&t.text) == "according"
                && tokens.get(v + 1).is_some_and(|n| n.text == "to")
                && v + 2 < o
            {
                let end = (v + 2..o)
                    .find(|&k| tokens.get(k).is_some_and(|x| x.text == ","))
                    .unwrap_or(o);
                return Some((Some(v + 2..end), v..v + 2));
            }
        }
    }
    None
}

/// The cue words from the verb on: `said`, `told reporters`, `said in a statement`.
fn cue_range(doc: &Doc, cues: &Cues, verb: usize, limit: usize) -> Range<usize> {
    let tokens = &doc.tokens;
    let mut end = verb + 1;
    let max = limit.min(verb + 5);
    // Extend over `reporters`, `in a statement`, `on Twitter` when present.
    let mut k = verb + 1;
    while k < max {
        let Some(t) = tokens.get(k) else { break };
        let w = lower(&t.text);
        if cues.statement.contains(&*w)
            || matches!(&*w, "reporters" | "journalists" | "twitter" | "tweet")
        {
            end = k + 1;
            break;
        }
        if !matches!(
            &*w,
            "in" | "a" | "an" | "the" | "on" | "to" | "joint" | "written" | "separate"
        ) {
            break;
        }
        k += 1;
    }
    verb..end
}

/// Find the quotes of `doc`.
pub(crate) fn find_quotes(doc: &Doc, layout: &Layout, cues: &Cues) -> Vec<Quote> {
    let tokens = &doc.tokens;
    let mut out: Vec<Quote> = Vec::new();
    let mut last: Option<(usize, Option<String>, Option<annals_core::Span>)> = None; // (end sentence, speaker)
    for m in pair_marks(doc, layout) {
        let Some(span) = span_of(tokens, &m.inner) else {
            continue;
        };
        let start_sent = doc.sentence_of_token(m.inner.start).unwrap_or(0);
        let end_sent = doc
            .sentence_of_token(m.inner.end.saturating_sub(1))
            .unwrap_or(start_sent);
        let cue = find_cue(doc, cues, &m);
        if cue.is_none() && m.inner.len() < 4 {
            continue;
        }
        let mut quote = Quote {
            span,
            speaker: None,
            speaker_span: None,
            speaker_actor: None,
            cue: None,
        };
        match cue {
            Some((subj, cue)) => {
                if let Some(sp) = subj.as_ref().and_then(|r| span_of(tokens, r)) {
                    quote.speaker = Some(doc.slice(sp).to_owned());
                    quote.speaker_span = Some(sp);
                }
                quote.cue = span_of(tokens, &cue).map(|c| doc.slice(c).to_owned());
            }
            None => {
                if let Some((prev_end, speaker, speaker_span)) = &last {
                    if start_sent <= prev_end + 2 && speaker.is_some() {
                        quote.speaker = speaker.clone();
                        quote.speaker_span = *speaker_span;
                        quote.cue = Some("continued".to_owned());
                    }
                }
            }
        }
        last = Some((end_sent, quote.speaker.clone(), quote.speaker_span));
        out.push(quote);
    }
    out
}
