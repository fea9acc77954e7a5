//! Event attribution: who vouches for each event.
//!
//! For every event, in order:
//!
//! 1. `reported_by`: the names of all sources whose scope holds the event's
//!    sentence (in-text sources first, then document-wide ones).
//! 2. Inside an embedded **post**: `via = "post"`, `claimant`/`speaker` = the
//!    author, `handle`, `span`; the event's date becomes the post date when
//!    the time stage only had the document date for it (`date_reason ==
//!    "document"` or no date); `date_reason = "post"`.
//! 3. Else inside a **quote**: `via = "quote"` (`"statement"` when the cue or
//!    speaker names a statement), `speaker`, `speaker_code` (the coded actor
//!    overlapping the speaker), `claimant` = speaker, `span`. A quote with no
//!    speaker (a partial quote of a document) does not make a claim.
//! 4. Else a **claim verb** (`claimed`, `accused`, `blamed`, `alleged`) that
//!    governs the trigger (by the parse; without one, that precedes it):
//!    `claimant` = the verb's subject. `claimed responsibility` names a
//!    claimant but is not a claim that the event happened.
//! 5. Else a **speech verb** governing the trigger (`X said Y attacked`,
//!    `Y attacked, X said`, `according to X`): `speaker` (+ code), `via =
//!    "statement"`. Indirect speech is how wires report, so this sets no
//!    claimant and does not change modality, unless the speaker is a party
//!    to a conflict event (a government, force, armed group or opposition of
//!    the source's or target's country: `Y attacked, Y's defence ministry
//!    said`), which makes the speaker the claimant and the event `Claimed`. When the speaker is a news
//!    source (`Shafaq News said`, `according to Tasnim`) it is left to
//!    `reported_by` and `via = "report"`.
//!
//!    An agentless passive in a post (`Iran has been warned!`) with no source
//!    takes the post's author as its source (`via = "post-author"`).
//!
//! In a narrated post (`In a tweet, X accused Y of ...`) the narrating verb
//! itself stays asserted; only the events it carries become claims.
//! 6. `hedge`: a reporter's hedge in the sentence (`reportedly`,
//!    `allegedly`, `is said to`, `unconfirmed reports`).
//! 7. Modality, only when the events stage left `Asserted`: in a post or quote
//!    or under a claim verb → `Claimed`; hedged → `Reported`. Other
//!    modalities (Negated, Threatened, Demanded...) are never overwritten.
//! 8. `via = "report"` when nothing else applies but a source covers it.
//!
//! It also fills `Quote::speaker_actor` where the actors stage left it empty.

use std::ops::Range;

use annals_core::{
    ActorMention, Attribution, DatePrecision, Doc, Event, EventArg, Modality, Span, Upos,
};

use crate::layout::{dominates, has_parse, sentence_range, span_of, subject_of, token_at};
use crate::lexicon::{lower, starts_with_words, Cues};

/// The item (sorted by span start) whose span contains `span`: the latest
/// starting at or before it, found by bisection.
fn containing<T>(items: &[T], span_of: impl Fn(&T) -> Span, span: Span) -> Option<&T> {
    let i = items.partition_point(|x| span_of(x).start <= span.start);
    items[..i]
        .iter()
        .rev()
        .take(4)
        .find(|x| span_of(x).contains(span))
}

/// The coded actor best covering `span`.
pub(crate) fn actor_for(actors: &[ActorMention], span: Span) -> Option<usize> {
    actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.span.overlaps(span))
        .max_by_key(|(_, a)| {
            let inter = a
                .span
                .end
                .min(span.end)
                .saturating_sub(a.span.start.max(span.start));
            (inter, std::cmp::Reverse(a.span.len()))
        })
        .map(|(i, _)| i)
}

fn code_of(doc: &Doc, actor: Option<usize>) -> Option<String> {
    actor
        .and_then(|i| doc.actors.get(i))
        .map(|a| a.code.code.clone())
        .filter(|c| !c.is_empty())
}

/// Sectors whose statements about a conflict come from a side of it: the
/// state and its forces, armed groups and the political opposition (not
/// monitors, journalists, aid workers or witnesses).
const PARTY_SECTORS: &[&str] = &[
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "INS", "OPP", "SEP", "PTY",
];

/// Whether the speaker `s` belongs to a side of `ev`, a conflict event
/// (QuadClass 3 or 4): a party sector and the country of the event's source
/// or target. Cooperative news from a government (`the ministry said talks
/// were held`) stays a report.
fn is_party_to(doc: &Doc, s: &ActorMention, ev: &Event) -> bool {
    if !matches!(ev.quad_class, 3 | 4) {
        return false;
    }
    let Some(country) = s.code.country.as_deref().filter(|c| c.len() == 3) else {
        return false;
    };
    let party = s
        .code
        .sector
        .as_deref()
        .is_some_and(|sec| PARTY_SECTORS.iter().any(|p| sec.starts_with(p)));
    party
        && [&ev.source, &ev.target]
            .into_iter()
            .flatten()
            .filter_map(|arg| doc.actors.get(arg.actor))
            .any(|a| a.code.country.as_deref() == Some(country))
}

/// A claim or speech cue in a sentence, with its subject.
struct CueVerb {
    at: usize,
    claim: bool,
    /// `according to X`: `subject` is X.
    according: bool,
    subject: Option<Range<usize>>,
    /// `claimed responsibility`: names a claimant, does not make the event a claim.
    responsibility: bool,
}

/// Cues of one sentence, computed once for all its events.
#[derive(Default)]
pub(crate) struct SentenceInfo {
    parsed: bool,
    /// Claim verbs first, then speech verbs and `according to`, each in text order.
    cues: Vec<CueVerb>,
    hedge: Option<String>,
}

fn sentence_info(doc: &Doc, cues: &Cues, sent: &Range<usize>) -> SentenceInfo {
    let tokens = &doc.tokens;
    let mut info = SentenceInfo {
        parsed: tokens.get(sent.clone()).is_some_and(has_parse),
        ..Default::default()
    };
    let mut speech = Vec::new();
    for k in sent.clone() {
        let Some(t) = tokens.get(k) else { break };
        let w = lower(&t.text);
        if cues.is_claim(t) {
            let responsibility = (k + 1..k + 3).any(|j| {
                tokens
                    .get(j)
                    .is_some_and(|x| x.text.eq_ignore_ascii_case("responsibility"))
            });
            let subject = subject_of(tokens, sent, k);
            info.cues.push(CueVerb {
                at: k,
                claim: true,
                according: false,
                subject,
                responsibility,
            });
        } else if cues.is_speech(t) {
            let subject = subject_of(tokens, sent, k);
            speech.push(CueVerb {
                at: k,
                claim: false,
                according: false,
                subject,
                responsibility: false,
            });
        } else if w == "according" && tokens.get(k + 1).is_some_and(|n| n.text == "to") {
            let end = (k + 2..sent.end)
                .find(|&j| {
                    tokens
                        .get(j)
                        .is_some_and(|x| matches!(x.text.as_str(), "," | "." | ";"))
                })
                .unwrap_or(sent.end);
            let subject = (k + 2 < end).then_some(k + 2..end);
            speech.push(CueVerb {
                at: k,
                claim: false,
                according: true,
                subject,
                responsibility: false,
            });
        }
        if info.hedge.is_none() && cues.hedge_first.contains(&*w) {
            info.hedge = cues
                .hedge
                .iter()
                .find(|h| starts_with_words(tokens, k, h))
                .map(|h| h.join(" "));
        }
    }
    info.cues.extend(speech);
    info
}

/// Attribution found in the event's sentence (steps 4–5).
struct SentenceCue {
    speaker: Option<Span>,
    claimed: bool,
    statement: bool,
    /// From a claim verb (also `claimed responsibility`, which is not a claim the event happened).
    from_claim: bool,
}

fn sentence_cue(
    doc: &Doc,
    info: &SentenceInfo,
    sent: &Range<usize>,
    trig: usize,
) -> Option<SentenceCue> {
    let tokens = &doc.tokens;
    let governs = |v: usize| -> bool {
        if info.parsed {
            // `X attacked Y, officials said`: UD hangs the reporting clause
            // on the reported one as `parataxis` (parsers also make it a
            // relative or adverbial clause); it still covers its head's clause.
            // A trailing aside: after the trigger, set off by a comma, and
            // ending the sentence.
            // What follows it is punctuation or its own words (`..., the
            // ministry said in a statement.`).
            let trailing = v > trig
                && (v + 1..sent.end).all(|k| {
                    tokens.get(k).is_some_and(|t| t.upos == Upos::Punct)
                        || dominates(tokens, sent, v, k)
                })
                && (trig..v)
                    .rev()
                    .take(6)
                    .any(|k| tokens.get(k).is_some_and(|t| t.text == ","));
            // A conjunct counts only without its `and`/`but`: `..., officials
            // said` read as a conjunct is the aside; `... and officials said
            // that ...` is a second statement.
            let coordinated = tokens.get(sent.clone()).is_some_and(|sl| {
                sl.iter()
                    .any(|t| t.deprel == "cc" && t.head.map(|h| sent.start + h) == Some(v))
            });
            let reporting_aside = tokens.get(v).is_some_and(|t| {
                (t.deprel == "parataxis" || trailing && (t.deprel != "conj" || !coordinated))
                    && t.head
                        .is_some_and(|h| dominates(tokens, sent, sent.start + h, trig))
            });
            reporting_aside || dominates(tokens, sent, v, trig)
        } else {
            // No parse: before the trigger, or a trailing `, X said`.
            v < trig
                || (v.saturating_sub(8)..v)
                    .any(|k| k > trig && tokens.get(k).is_some_and(|t| t.text == ","))
        }
    };
    for c in &info.cues {
        if c.according {
            let inside = c.subject.as_ref().is_some_and(|r| r.contains(&trig))
                || trig == c.at
                || trig == c.at + 1;
            if inside {
                continue;
            }
        } else if c.at == trig || !governs(c.at) {
            continue;
        }
        let subject = c.subject.as_ref().filter(|r| !r.contains(&trig));
        if subject.is_none() && !c.claim {
            continue;
        }
        let speaker = subject.and_then(|r| span_of(tokens, r));
        return Some(SentenceCue {
            speaker,
            claimed: c.claim && !c.responsibility,
            statement: !c.claim,
            from_claim: c.claim,
        });
    }
    None
}

/// Attribute one event (index `e`) of `doc`.
pub(crate) fn attribute(
    doc: &Doc,
    cues: &Cues,
    info: &SentenceInfo,
    sources: &SourceIndex,
    ev: &Event,
) -> (Attribution, Modality, Option<DateFix>, Option<usize>) {
    let mut a = ev.attribution.clone();
    let mut implied_source = None;
    let mut modality = ev.modality;
    let mut date_fix = None;
    let local = sources
        .per_sentence
        .get(ev.sentence)
        .map_or(&[][..], Vec::as_slice);
    for src in local
        .iter()
        .chain(&sources.whole)
        .filter_map(|&i| doc.sources.get(i))
    {
        if !a.reported_by.contains(&src.name) {
            a.reported_by.push(src.name.clone());
        }
    }
    let sent = sentence_range(doc, ev.sentence);
    let trig = token_at(doc, ev.trigger).filter(|t| sent.contains(t));
    let mut claimed = false;
    if let Some(post) = containing(&doc.posts, |p| p.span, ev.trigger) {
        a.via = Some("post".into());
        a.claimant = post.author.clone().or_else(|| post.handle.clone());
        a.speaker = post.author.clone();
        a.handle = post.handle.clone();
        a.span = Some(post.span);
        if let Some(author) = &post.author {
            let author_actor = doc
                .actors
                .iter()
                .position(|x| x.text.eq_ignore_ascii_case(author));
            a.speaker_code = code_of(doc, author_actor);
            // `Iran has been warned!` in a post: the agentless passive is the
            // author's own act.
            if ev.source.is_none() && trig.is_some_and(|t| agentless_passive(doc, &sent, t)) {
                implied_source = author_actor;
            }
        }
        if let Some(d) = post.date {
            if ev.date.is_none() || ev.date_reason.as_deref() == Some("document") {
                date_fix = Some(DateFix { date: d });
            }
        }
        // `In a tweet, X accused Y of ...`: the accusing itself is reported, not claimed.
        let narrating = trig
            .and_then(|t| doc.tokens.get(t))
            .is_some_and(|t| cues.is_claim(t) || cues.is_speech(t));
        claimed = !narrating;
    } else if let Some(q) = containing(&doc.quotes, |q| q.span, ev.trigger) {
        let statement = [q.cue.as_deref(), q.speaker.as_deref()]
            .iter()
            .flatten()
            .any(|s| {
                s.split_whitespace()
                    .any(|w| cues.statement.contains(&*lower(w)))
            });
        a.via = Some(if statement { "statement" } else { "quote" }.into());
        a.speaker = q.speaker.clone();
        a.claimant = q.speaker.clone();
        let actor = q
            .speaker_actor
            .or_else(|| q.speaker_span.and_then(|sp| actor_for(&doc.actors, sp)));
        a.speaker_code = code_of(doc, actor);
        a.span = Some(q.span);
        // A quote nobody is said to have spoken is a partial quote of a
        // text inside the reporter's own sentence, not a claim. A verbal act
        // whose source is the speaker (`"We call on the Taliban to ...,"
        // Ghani said`) is performed by the speaking itself: the quote is
        // the event, so it is asserted.
        claimed = q.speaker.is_some() && !speakers_own_verbal_act(doc, ev, actor);
    } else if let Some(t) = trig {
        let mut claimed_by_party = false;
        if let Some(cue) = sentence_cue(doc, info, &sent, t) {
            // `according to Tasnim`, `Shafaq News said`: a news source, not a speaker.
            let news = cue.speaker.is_some_and(|sp| {
                local
                    .iter()
                    .filter_map(|&i| doc.sources.get(i))
                    .any(|s| s.span.overlaps(sp))
            });
            if news {
                // reported_by already names it; `via` falls back to "report".
            } else if let Some(sp) = cue.speaker {
                let who = doc.slice(sp).to_owned();
                let speaker_actor = actor_for(&doc.actors, sp);
                a.speaker_code = code_of(doc, speaker_actor);
                // A party speaking of its own side's or its enemy's acts (`the
                // Syrian defence ministry said` of Syrian air strikes) makes a
                // claim, not a neutral report.
                let party = speaker_actor
                    .and_then(|i| doc.actors.get(i))
                    .is_some_and(|s| is_party_to(doc, s, ev));
                if cue.from_claim || party {
                    a.claimant = Some(who.clone());
                }
                // ...but a verbal act of the speaker (`the party said it will
                // boycott the vote`: a threat) is performed by the saying.
                claimed_by_party = party && !speakers_own_verbal_act(doc, ev, speaker_actor);
                a.speaker = Some(who);
            }
            if cue.statement && !news && a.via.is_none() {
                a.via = Some("statement".into());
            }
            claimed = cue.claimed || claimed_by_party;
        }
    }
    a.hedge = info.hedge.clone().or(a.hedge);
    if modality == Modality::Asserted {
        if claimed {
            modality = Modality::Claimed;
        } else if a.hedge.is_some() {
            modality = Modality::Reported;
        }
    }
    if a.via.is_none() && !a.reported_by.is_empty() {
        a.via = Some("report".into());
    }
    (a, modality, date_fix, implied_source)
}

/// Whether `ev` is a verbal act (QuadClass 1 or 3) whose source is the
/// speaker (actor index `speaker`): the speaker itself, a pronoun resolved to
/// it, or the first person of its quote. Saying it performs it.
fn speakers_own_verbal_act(doc: &Doc, ev: &Event, speaker: Option<usize>) -> bool {
    matches!(ev.quad_class, 1 | 3)
        && ev.source.as_ref().is_some_and(|src| {
            Some(src.actor) == speaker
                || doc.actors.get(src.actor).is_some_and(|m| {
                    m.rule.starts_with("coref:quote-speaker")
                        || speaker.is_some() && m.antecedent == speaker
                })
        })
}

/// Whether the verb at `verb` is passive (`has been warned`) with no `by` agent.
fn agentless_passive(doc: &Doc, sent: &Range<usize>, verb: usize) -> bool {
    let Some(local) = verb.checked_sub(sent.start) else {
        return false;
    };
    let Some(sl) = doc.tokens.get(sent.clone()) else {
        return false;
    };
    let children = || sl.iter().filter(move |t| t.head == Some(local));
    children().any(|t| t.deprel == "aux:pass" || t.deprel == "nsubj:pass")
        && !children().any(|t| t.deprel == "obl:agent")
}

/// Which sources cover each sentence: document-wide ones apart, so the
/// index stays linear in the document size.
pub(crate) struct SourceIndex {
    whole: Vec<usize>,
    per_sentence: Vec<Vec<usize>>,
}

impl SourceIndex {
    fn new(doc: &Doc) -> Self {
        let n = doc.sentences.len();
        let mut idx = SourceIndex {
            whole: Vec::new(),
            per_sentence: vec![Vec::new(); n],
        };
        for (i, s) in doc.sources.iter().enumerate() {
            if s.scope.start == 0 && s.scope.end >= n {
                idx.whole.push(i);
            } else {
                for k in s.scope.start.min(n)..s.scope.end.min(n) {
                    if let Some(v) = idx.per_sentence.get_mut(k) {
                        v.push(i);
                    }
                }
            }
        }
        idx
    }
}

/// A post date to put on an event.
pub(crate) struct DateFix {
    pub date: chrono::NaiveDate,
}

/// Run attribution over all events of `doc`.
pub(crate) fn attribute_all(doc: &mut Doc, cues: &Cues) {
    for qi in 0..doc.quotes.len() {
        let fill = match doc.quotes.get(qi) {
            Some(q) if q.speaker_actor.is_none() => {
                q.speaker_span.and_then(|sp| actor_for(&doc.actors, sp))
            }
            _ => None,
        };
        if let (Some(a), Some(q)) = (fill, doc.quotes.get_mut(qi)) {
            q.speaker_actor = Some(a);
        }
    }
    let mut infos: Vec<Option<SentenceInfo>> = Vec::new();
    infos.resize_with(doc.sentences.len(), || None);
    let empty = SentenceInfo::default();
    let sources = SourceIndex::new(doc);
    let mut results = Vec::with_capacity(doc.events.len());
    for ev in &doc.events {
        let info = match infos.get_mut(ev.sentence) {
            Some(slot) => &*slot
                .get_or_insert_with(|| sentence_info(doc, cues, &sentence_range(doc, ev.sentence))),
            None => &empty,
        };
        results.push(attribute(doc, cues, info, &sources, ev));
    }
    for (ev, (a, m, fix, implied)) in doc.events.iter_mut().zip(results) {
        ev.attribution = a;
        ev.modality = m;
        if let (None, Some(actor)) = (&ev.source, implied) {
            ev.source = Some(EventArg {
                actor,
                via: "post-author".into(),
            });
        }
        if let Some(f) = fix {
            ev.date = Some(f.date);
            ev.date_precision = Some(DatePrecision::Day);
            ev.date_reason = Some("post".into());
        }
    }
}
