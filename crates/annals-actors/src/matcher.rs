//! Dictionary matching over the tokens of a sentence.
//!
//! Tokens are cut into *pieces* at hyphens and slashes (`Iranian-backed` →
//! `Iranian`, `backed`), so phrases match however the tokenizer treats
//! hyphens. At each piece the longest phrase in the lexicon wins; matching
//! then resumes after it.

use crate::lexicon::{squash_into, Agent, Lexicon};
use crate::prefix_filter::PhraseHash;

/// The pieces of a sentence; their keys share one buffer (no allocation per token).
#[derive(Debug, Clone, Default)]
pub(crate) struct Pieces {
    buf: String,
    items: Vec<Piece>,
}

impl Pieces {
    /// The squashed lowercase key of piece `i` (`""` when out of range).
    pub fn key(&self, i: usize) -> &str {
        self.items
            .get(i)
            .and_then(|p| self.buf.get(p.key.clone()))
            .unwrap_or("")
    }
}

/// A piece of a token.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// Sentence-local token index.
    pub tok: usize,
    /// Byte range of the key in [`Pieces`]' buffer.
    key: std::ops::Range<usize>,
    /// First letter is upper-case.
    pub initial_cap: bool,
    /// Every letter is upper-case.
    pub all_caps: bool,
    /// Ends in a possessive `'s` (or is the `'s` token).
    pub possessive: bool,
}

/// What a dictionary match found.
#[derive(Debug, Clone)]
pub(crate) enum MarkKind {
    /// An actor entry (index into the lexicon).
    Actor(usize),
    /// A sector noun.
    Agent(Agent),
    /// An ethnic or religious community (`Kurds`, `Tamil`): a country from context.
    Community,
}

/// One dictionary match.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub kind: MarkKind,
    /// Sentence-local tokens covered, `tok_start..tok_end`.
    pub tok_start: usize,
    pub tok_end: usize,
    /// The country is a patron (`Iranian-backed`), not the actor itself.
    pub patron: bool,
    /// The country names an ethnic group (`ethnic Albanians`), not the state.
    pub ethnic: bool,
}

/// Words that make a preceding country a patron.
pub(crate) const PATRON_WORDS: &[&str] = &[
    "backed",
    "sponsored",
    "supported",
    "funded",
    "armed",
    "allied",
    "aligned",
    "affiliated",
    "trained",
];
/// Words after a hyphen that keep a country as the actor (`US-led coalition`).
pub(crate) const LEADER_WORDS: &[&str] =
    &["led", "dominated", "controlled", "run", "owned", "based"];
/// Prefixes that turn a following actor into a modifier (`pro-government`, `anti-American`).
const STANCE_PREFIXES: &[&str] = &["pro", "anti", "non", "ex"];
/// How many pieces a phrase may span.
const MAX_PIECES: usize = 14;

/// Cut token texts into pieces.
pub(crate) fn pieces<'a>(tokens: impl Iterator<Item = &'a str>) -> Pieces {
    let mut out = Vec::new();
    let mut buf = String::new();
    for (tok, text) in tokens.enumerate() {
        // A hyphen or slash token (`Al - Qaeda` as the tokenizer splits it) is
        // transparent: the words on both sides join into one phrase.
        // Apostrophe tokens (`Workers ' Party`) likewise.
        if !text.is_empty()
            && text
                .chars()
                .all(|c| matches!(c, '-' | '/' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}'))
        {
            continue;
        }
        // The possessive `'s` token joins names that contain it (`People's Republic`);
        // matching also tries the phrase without it.
        if matches!(text, "'s" | "\u{2019}s" | "'S") {
            let start = buf.len();
            buf.push('s');
            out.push(Piece {
                tok,
                key: start..buf.len(),
                initial_cap: false,
                all_caps: false,
                possessive: true,
            });
            continue;
        }
        let mut any = false;
        for part in text.split(['-', '/', '\u{2013}']) {
            let start = buf.len();
            squash_into(part, &mut buf);
            let key = start..buf.len();
            if key.is_empty() && any {
                continue;
            }
            any = true;
            let letters = part.chars().filter(|c| c.is_alphabetic());
            let mut letters2 = letters.clone();
            // `Iraq's` written as one token still matches `Iraq`.
            let possessive = part.ends_with("'s") || part.ends_with("\u{2019}s");
            out.push(Piece {
                tok,
                initial_cap: letters2.next().is_some_and(char::is_uppercase),
                all_caps: letters.clone().all(char::is_uppercase) && letters.count() > 0,
                key,
                possessive,
            });
        }
    }
    Pieces { buf, items: out }
}

/// Whether an actor match over `ps` is plausibly a name, not a common word.
fn actor_case_ok(ps: &[Piece]) -> bool {
    let Some(first) = ps.first() else {
        return false;
    };
    if !first.initial_cap {
        return false;
    }
    // Short single-piece keys (`US`, `UN`, `IS`) must be written in capitals:
    // `us`, `Us` and `Is` are English words.
    let len: usize = ps.iter().map(|p| p.key.len()).sum();
    if ps.len() == 1 && len <= 3 {
        return first.all_caps;
    }
    true
}

/// Find dictionary matches in a sentence's pieces.
pub(crate) fn find_marks(lex: &Lexicon, pieces: &Pieces) -> Vec<Mark> {
    let ps = &pieces.items;
    let key = |i: usize| pieces.key(i);
    let mut marks = Vec::new();
    // One buffer for every candidate phrase: this loop runs at every token.
    let mut acc = String::new();
    let mut i = 0;
    while i < ps.len() {
        if key(i).is_empty() {
            i += 1;
            continue;
        }
        acc.clear();
        let mut hash = PhraseHash::default();
        let mut best: Option<(MarkKind, usize)> = None;
        for j in i..ps.len().min(i + MAX_PIECES) {
            if key(j).is_empty() {
                break;
            }
            acc.push_str(key(j));
            if acc.len() > lex.max_key_len() {
                break;
            }
            hash = hash.extend(key(j).as_bytes());
            // A rare false "extends" costs one more piece, never a match: no
            // longer phrase can be a key when this one starts none.
            let (extends, exact) = (lex.may_extend(hash), lex.is_key(&acc, hash));
            if !extends && !ps[j].possessive {
                break;
            }
            let mut actor = if exact {
                lex.actor(&acc).filter(|_| actor_case_ok(&ps[i..=j]))
            } else {
                None
            };
            let mut agent = if exact { lex.agent(&acc) } else { None };
            // `Iraq's` as one token: also try without the `s`.
            if actor.is_none() && agent.is_none() && ps[j].possessive && key(j).len() > 1 {
                let bare = &acc[..acc.len() - 1];
                actor = lex.actor(bare).filter(|_| actor_case_ok(&ps[i..=j]));
                agent = lex.agent(bare);
            }
            if exact
                && actor.is_none()
                && agent.is_none()
                && lex.is_ethnic(&acc)
                && ps[i].initial_cap
            {
                best = Some((MarkKind::Community, j));
                continue;
            }
            match (actor, agent) {
                // A single word that is both a name and a sector noun (`Senate`,
                // `Parliament`) is read as the noun; longer phrases as names.
                (Some(_), Some(g)) if i == j => best = Some((MarkKind::Agent(g.clone()), j)),
                (Some((idx, _)), _) => best = Some((MarkKind::Actor(idx), j)),
                (None, Some(g)) => best = Some((MarkKind::Agent(g.clone()), j)),
                (None, None) => {}
            }
        }
        match best {
            Some((kind, j)) => {
                let stance =
                    i > 0 && ps[i - 1].tok == ps[i].tok && STANCE_PREFIXES.contains(&key(i - 1));
                let next = ps.get(j + 1);
                // `ethnic Albanians` in Macedonia: the people, not the state of Albania.
                let ethnic = matches!(kind, MarkKind::Actor(_)) && i > 0 && key(i - 1) == "ethnic";
                let patron = matches!(kind, MarkKind::Actor(_))
                    && next.is_some_and(|n| {
                        PATRON_WORDS.contains(&key(j + 1)) && n.tok <= ps[j].tok + 2
                    });
                if !stance {
                    marks.push(Mark {
                        kind,
                        tok_start: ps[i].tok,
                        tok_end: ps[j].tok + 1,
                        patron,
                        ethnic,
                    });
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    marks
}
