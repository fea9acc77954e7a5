//! [`TimeResolver`]: the pipeline stage that fills `Doc::times` and dates events.

use annals_core::{Component, ComponentError, DatePrecision, Doc, Span, TimeMention, Token};
use chrono::NaiveDate;

use crate::normalize::{normalize, Direction};
use crate::recognize::{Candidate, Meaning, Recognizer};
use crate::scan::{scan, Word};
use crate::tense::{Clue, CueError, TenseCues};
use crate::timex::Timex;

/// Finds temporal expressions, normalizes them against the document date and
/// gives each event a date.
///
/// An event takes the date of the expression attached to it in the parse (an
/// `obl`/`obl:tmod`/`nmod:tmod`/`advmod` dependent of the trigger or of the
/// verb heading its clause); failing that, the nearest dated expression in its
/// sentence that is not inside a relative clause; failing that, the document
/// date (`date_reason: "document"`).
#[derive(Debug, Clone)]
pub struct TimeResolver {
    cues: TenseCues,
}

impl Default for TimeResolver {
    fn default() -> Self {
        Self::new()
    }
}

impl TimeResolver {
    /// With the built-in tense cues (`data/tense_cues.txt`).
    pub fn new() -> Self {
        TimeResolver {
            cues: TenseCues::builtin(),
        }
    }

    /// With tense cues read from `text` (the `data/tense_cues.txt` format).
    pub fn with_tense_cues(text: &str) -> Result<Self, CueError> {
        Ok(TimeResolver {
            cues: TenseCues::parse(text)?,
        })
    }

    /// Every temporal expression in raw `text`, normalized against `anchor`,
    /// with tense taken from cue words (no tagger needed).
    pub fn find(&self, text: &str, anchor: Option<NaiveDate>) -> Vec<Timex> {
        let words = scan(text);
        let cands = Recognizer::new(&words).run();
        if cands.is_empty() {
            return Vec::new();
        }
        let clues: Vec<Clue> = words
            .iter()
            .map(|w| Clue {
                lower: &w.lower,
                xpos: "",
                head: None,
                deprel: "",
            })
            .collect();
        cands
            .iter()
            .filter_map(|c| {
                let dir = if needs_direction(&c.meaning) {
                    self.cues.direction(&clues, c.first, c.last)
                } else {
                    Direction::Unknown
                };
                timex(text, &words, c, anchor, dir, 0)
            })
            .collect()
    }

    /// Expressions of one sentence (`span` of the document text), tense from
    /// the sentence's tokens when it has them.
    fn sentence_timexes(
        &self,
        doc: &Doc,
        span: Span,
        tokens: &[Token],
        anchor: Option<NaiveDate>,
    ) -> Vec<Timex> {
        let text = doc.text();
        let Some(slice) = text.get(span.start..span.end) else {
            return Vec::new();
        };
        let words = scan(slice);
        let cands = Recognizer::new(&words).run();
        if cands.is_empty() {
            return Vec::new();
        }
        let lowered: Vec<String>;
        let tagged = tokens
            .iter()
            .any(|t| !t.xpos.is_empty() || t.head.is_some());
        let clues: Vec<Clue> = if tagged {
            lowered = tokens.iter().map(|t| t.text.to_lowercase()).collect();
            tokens
                .iter()
                .zip(&lowered)
                .map(|(t, l)| Clue {
                    lower: l,
                    xpos: &t.xpos,
                    head: t.head,
                    deprel: &t.deprel,
                })
                .collect()
        } else {
            words
                .iter()
                .map(|w| Clue {
                    lower: &w.lower,
                    xpos: "",
                    head: None,
                    deprel: "",
                })
                .collect()
        };
        cands
            .iter()
            .filter_map(|c| {
                let dir = if !needs_direction(&c.meaning) {
                    Direction::Unknown
                } else if tagged {
                    let (a, b) = (
                        span.start + words[c.first].start,
                        span.start + words[c.last].end,
                    );
                    let first = tokens.iter().position(|t| t.span.end > a);
                    let last = tokens.iter().rposition(|t| t.span.start < b);
                    match (first, last) {
                        (Some(f), Some(l)) if f <= l => self.cues.direction(&clues, f, l),
                        _ => Direction::Unknown,
                    }
                } else {
                    self.cues.direction(&clues, c.first, c.last)
                };
                timex(slice, &words, c, anchor, dir, span.start)
            })
            .collect()
    }
}

fn needs_direction(m: &Meaning) -> bool {
    matches!(
        m,
        Meaning::Date { year: None, .. }
            | Meaning::Weekday { shift: 0, .. }
            | Meaning::Weekend
            | Meaning::Quarter { .. }
            | Meaning::MonthShift { .. }
    )
}

fn timex(
    text: &str,
    words: &[Word<'_>],
    c: &Candidate,
    anchor: Option<NaiveDate>,
    dir: Direction,
    offset: usize,
) -> Option<Timex> {
    let (a, b) = (words.get(c.first)?.start, words.get(c.last)?.end);
    let n = normalize(&c.meaning, anchor, dir)?;
    Some(Timex {
        span: Span::new(a + offset, b + offset),
        text: text.get(a..b)?.to_owned(),
        kind: n.kind,
        value: n.value,
        date: n.date,
        precision: n.precision,
        rule: c.rule,
    })
}

impl Component for TimeResolver {
    fn name(&self) -> &'static str {
        "time"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let anchor = doc
            .document
            .date
            .or_else(|| doc.document.dateline.as_ref().and_then(|d| d.date));
        let mut times: Vec<TimeMention> = Vec::new();
        if doc.sentences.is_empty() {
            let whole = Span::new(0, doc.text().len());
            times.extend(
                self.sentence_timexes(doc, whole, &[], anchor)
                    .iter()
                    .map(|t| t.to_mention(0)),
            );
        } else {
            for (i, s) in doc.sentences.iter().enumerate() {
                let toks = doc.tokens.get(s.tokens.clone()).unwrap_or(&[]);
                times.extend(
                    self.sentence_timexes(doc, s.span, toks, anchor)
                        .iter()
                        .map(|t| t.to_mention(i)),
                );
            }
        }
        doc.times = times;
        date_events(doc, anchor);
        Ok(())
    }
}

/// Deprels by which an expression modifies a verb's or noun's time.
fn is_time_relation(deprel: &str) -> bool {
    matches!(
        deprel,
        "obl"
            | "obl:tmod"
            | "nmod:tmod"
            | "obl:npmod"
            | "nmod:npmod"
            | "advmod"
            | "nmod"
            | "nmod:poss"
            | "compound"
            | "obl:unmarked"
    )
}

/// Sentence-relative index of the token governing `span` from outside it.
fn governed_head(toks: &[Token], span: Span) -> Option<(usize, Option<usize>)> {
    let inside: Vec<usize> = (0..toks.len())
        .filter(|&j| toks[j].span.overlaps(span))
        .collect();
    let h = *inside
        .iter()
        .find(|&&j| toks[j].head.is_none_or(|h| !inside.contains(&h)))?;
    Some((h, toks[h].head))
}

fn date_events(doc: &mut Doc, anchor: Option<NaiveDate>) {
    let dateline = doc.document.dateline.as_ref().map(|d| d.span);
    let mut dates: Vec<(Option<NaiveDate>, Option<DatePrecision>, Option<String>)> =
        Vec::with_capacity(doc.events.len());
    for ev in &doc.events {
        let sent_times: Vec<&TimeMention> = doc
            .times
            .iter()
            .filter(|t| {
                t.sentence == ev.sentence
                    && t.date.is_some()
                    && !dateline.is_some_and(|d| d.contains(t.span))
            })
            .collect();
        let toks = doc.sentence_tokens(ev.sentence);
        let parsed = toks.iter().any(|t| t.head.is_some());
        let mut chosen: Option<(&TimeMention, &str)> = None;
        if parsed && !sent_times.is_empty() {
            let clause = clause_of(toks, ev.trigger);
            // Every word of a multi-word trigger is the event's own: the light
            // verb of `strikes that US forces carried out on Sunday`.
            let in_trigger = |g: usize| toks.get(g).is_some_and(|t| t.span.overlaps(ev.trigger));
            let mut best: Option<(usize, &TimeMention)> = None;
            for t in &sent_times {
                let Some((h, Some(g))) = governed_head(toks, t.span) else {
                    continue;
                };
                let own = clause.contains(&g) || in_trigger(g);
                if own && (Some(g) == clause.first().copied() || is_time_relation(&toks[h].deprel))
                {
                    let dist = t.span.start.abs_diff(ev.trigger.start);
                    if best.is_none_or(|(d, _)| dist < d) {
                        best = Some((dist, t));
                    }
                }
            }
            chosen = best.map(|(_, t)| (t, "timex"));
        }
        if chosen.is_none() {
            chosen = sent_times
                .iter()
                .filter(|t| !parsed || !in_relative_clause(toks, t.span))
                .min_by_key(|t| t.span.start.abs_diff(ev.trigger.start))
                .map(|t| (*t, "timex-nearest"));
        }
        dates.push(match chosen {
            Some((t, how)) => (t.date, Some(t.precision), Some(format!("{how}:{}", t.rule))),
            None => match anchor {
                Some(a) => (
                    Some(a),
                    Some(DatePrecision::Day),
                    Some("document".to_owned()),
                ),
                None => (None, None, None),
            },
        });
    }
    for (ev, (date, precision, reason)) in doc.events.iter_mut().zip(dates) {
        ev.date = date;
        ev.date_precision = precision;
        ev.date_reason = reason;
    }
}

/// The trigger's token, then its ancestors up to the verb heading its clause
/// (continuing through `xcomp`: `planned to attack`). First element: the trigger.
fn clause_of(toks: &[Token], trigger: Span) -> Vec<usize> {
    let Some(mut j) = toks.iter().position(|t| t.span.overlaps(trigger)) else {
        return Vec::new();
    };
    let mut out = vec![j];
    let mut seen_verb =
        toks[j].xpos.starts_with("VB") || matches!(toks[j].upos, annals_core::Upos::Verb);
    for _ in 0..6 {
        let t = &toks[j];
        if seen_verb && t.deprel != "xcomp" {
            break;
        }
        let Some(h) = t.head.filter(|&h| h < toks.len()) else {
            break;
        };
        j = h;
        out.push(j);
        seen_verb |=
            toks[j].xpos.starts_with("VB") || matches!(toks[j].upos, annals_core::Upos::Verb);
    }
    out
}

/// Whether the expression hangs off a relative or participial clause
/// (`the group, founded in 1999, ...`), which rarely dates the main event.
fn in_relative_clause(toks: &[Token], span: Span) -> bool {
    let Some((_, mut g)) = governed_head(toks, span) else {
        return false;
    };
    for _ in 0..4 {
        let Some(j) = g.filter(|&j| j < toks.len()) else {
            return false;
        };
        let t = &toks[j];
        if t.xpos.starts_with("VB") || matches!(t.upos, annals_core::Upos::Verb) {
            return t.deprel.starts_with("acl");
        }
        g = t.head;
    }
    false
}
