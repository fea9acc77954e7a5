//! Sentence boundaries over the token stream.
//!
//! A boundary falls before a token when any of these holds, checked in order:
//!
//! 1. **Paragraph break**: two or more line breaks between the tokens.
//! 2. **Forced**: a caller-given offset (the dateline's start and end) lies
//!    between them. The dateline (`BAGHDAD, Dec 31 (Reuters) -`) is thus a
//!    sentence of its own; without a `Document::dateline`, a dateline-shaped
//!    paragraph opening (an ALL-CAPS place, then `(Agency) -` or a dash) is
//!    split off the same way.
//! 3. **Line break**: one line break, unless the next line starts in lower
//!    case or the line ends in a comma, hyphen or a function word (hard-wrapped
//!    text). Headlines and list items without a final period end here.
//! 4. **Terminal punctuation**: after `.`, `!`, `?`, `…` (and any closing
//!    quotes or brackets glued to it) when the next token does not start in
//!    lower case or with `,;:)`. After an abbreviation: never after a title
//!    (`Gen.`, `Mr.`) or an initial (`J.`); after others (`U.S.`, `Dec.`,
//!    `Inc.`) only before a sentence-opening word (`The`, `He`, `But`, ...) or an
//!    opening quote. So `the U.S. Embassy` stays one sentence and
//!    `... leave," he said.` too (a comma, then lower case).
//! 5. **Post signature**: before the dash of `— Donald J. Trump
//!    (@realDonaldTrump) December 31, 2019`, and after its date, so an
//!    embedded post's text and its signature are separate sentences.
//! 6. **Length cap**: a run of more than [`MAX_SENTENCE_TOKENS`] tokens is cut
//!    (at the last `;`, `,` or `:` of its final third when there is one), so
//!    junk input never yields a sentence the parser chokes on.

use std::ops::Range;

use crate::abbrev::{is_letter_dot_form, AbbrevClass, Abbreviations};
use crate::tokenize::Piece;

/// Longest sentence the splitter emits, in tokens.
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Capitalized words that open sentences; after `U.S.` or `Inc.` they signal a new one.
const OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "During",
    "Earlier",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "Mr.",
    "Ms.",
    "Mrs.",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Today",
    "We",
    "What",
    "When",
    "While",
    "Why",
    "Yet",
    "You",
];

/// Speech verbs that follow a quote and its speaker (`"Leave!" Smith said`).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "added",
    "told",
    "shouted",
    "replied",
    "wrote",
    "tweeted",
    "insisted",
    "warned",
    "declared",
    "explained",
];

/// Lower-case words that cannot end a line of prose: a line ending in one is hard-wrapped.
const CONTINUERS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "that", "the", "to",
    "with",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

fn is_dash(t: &str) -> bool {
    matches!(t, "-" | "--" | "—" | "–" | "―" | "---")
}

fn is_terminal(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '؟'))
}

fn is_closer(t: &str) -> bool {
    matches!(
        t,
        "”" | "’" | "\"" | "'" | "''" | ")" | "]" | "}" | "»" | "›"
    )
}

fn is_all_caps_word(t: &str) -> bool {
    t.chars().count() >= 2
        && t.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '\'')
}

/// Split tokens into sentences. `input_starts[i]` is token `i`'s start in the
/// input; `forced` are input offsets that must fall between sentences.
pub(crate) fn split(
    text: &str,
    pieces: &[Piece],
    input_starts: &[usize],
    forced: &[usize],
    abbrevs: &Abbreviations,
) -> Vec<Range<usize>> {
    let n = pieces.len();
    if n == 0 {
        return Vec::new();
    }
    let tok = |i: usize| {
        pieces
            .get(i)
            .and_then(|p| text.get(p.start..p.end))
            .unwrap_or("")
    };
    // Line breaks in the gap before each token.
    let newlines: Vec<u8> = (0..n)
        .map(|i| {
            let gap_start = if i == 0 { 0 } else { pieces[i - 1].end };
            let gap = text.get(gap_start..pieces[i].start).unwrap_or("");
            let c = gap
                .chars()
                .filter(|&c| matches!(c, '\n' | '\u{2028}' | '\u{2029}' | '\u{85}'))
                .count();
            c.min(2) as u8
        })
        .collect();
    let mut brk = vec![false; n];

    for &f in forced {
        let j = input_starts.partition_point(|&s| s < f);
        if j > 0 && j < n {
            brk[j] = true;
        }
    }
    let have_forced = !forced.is_empty();

    for j in 1..n {
        let next = tok(j);
        let first = next.chars().next().unwrap_or(' ');
        match newlines[j] {
            2 => brk[j] = true,
            1 => {
                let prev = tok(j - 1);
                let wrapped = first.is_lowercase()
                    || matches!(prev, "," | "-" | "–")
                    || CONTINUERS.contains(&prev);
                if !wrapped {
                    brk[j] = true;
                }
            }
            _ => {}
        }
    }

    // Terminal punctuation.
    for i in 0..n.saturating_sub(1) {
        let t = tok(i);
        let abbrev = t.len() > 1 && t.ends_with('.') && !is_terminal(t);
        if !is_terminal(t) && !abbrev {
            continue;
        }
        let mut k = i;
        while k + 1 < n && is_closer(tok(k + 1)) && pieces[k].end == pieces[k + 1].start {
            k += 1;
        }
        let j = k + 1;
        if j >= n || brk[j] {
            continue;
        }
        let next = tok(j);
        let first = next.chars().next().unwrap_or(' ');
        if matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '%') || is_terminal(next) {
            continue;
        }
        // Lower case goes on the sentence after a quote (`"Why?" he asked`),
        // an ellipsis or an abbreviation; after a bare `.`, `?`, `!` it starts
        // a new (informal) sentence.
        let quoted = k > i;
        let ellipsis = t == "…" || t.starts_with("..");
        let link = next.starts_with("pic.twitter.com")
            || next.starts_with("http")
            || next.starts_with("www.");
        if first.is_lowercase() && (quoted || ellipsis || abbrev || link) {
            continue;
        }
        // `"Leave!" Smith said.`: a name and a speech verb after the quote.
        if quoted
            && (1..=2).any(|d| SPEECH_VERBS.contains(&tok(j + d)))
            && (j..j + 2).all(|m| !is_terminal(tok(m)) && !tok(m).contains('\''))
        {
            continue;
        }
        if abbrev {
            let word = &t[..t.len() - 1];
            let mut cs = word.chars();
            let initial = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
            let class = if initial {
                AbbrevClass::Title
            } else if is_letter_dot_form(word) {
                AbbrevClass::General
            } else {
                abbrevs.class(word).unwrap_or(AbbrevClass::General)
            };
            let opens = OPENERS.contains(&next) || matches!(first, '“' | '"' | '‘');
            let ends = match class {
                AbbrevClass::Title | AbbrevClass::Number => false,
                AbbrevClass::Month | AbbrevClass::General => opens,
            };
            if !ends {
                continue;
            }
        } else if t == "." && i >= 1 {
            // `1. Protesters ...`: a list number, not a sentence.
            let start_of_sentence = i == 1 || brk[i - 1];
            let prev = tok(i - 1);
            let list_mark = prev.len() <= 2 && prev.bytes().all(|b| b.is_ascii_digit());
            if start_of_sentence && list_mark {
                continue;
            }
        }
        brk[j] = true;
    }

    if !have_forced {
        split_datelines(&newlines, &tok, &mut brk);
    }
    split_post_signatures(&tok, &newlines, &mut brk);

    let mut out = Vec::new();
    let mut start = 0;
    for (j, &b) in brk.iter().enumerate().skip(1) {
        if b {
            push_capped(start..j, &tok, &mut out);
            start = j;
        }
    }
    push_capped(start..n, &tok, &mut out);
    out
}

/// `BAGHDAD, Dec 31 (Reuters) - ...` at a paragraph opening: split after the dash.
fn split_datelines<'a>(newlines: &[u8], tok: &impl Fn(usize) -> &'a str, brk: &mut [bool]) {
    let n = brk.len();
    for j0 in 0..n {
        if !(j0 == 0 || newlines[j0] > 0) || !is_all_caps_word(tok(j0)) {
            continue;
        }
        let limit = (j0 + 14).min(n);
        let mut d = None;
        for (k, &nl) in newlines.iter().enumerate().take(limit).skip(j0 + 1) {
            if nl > 0 {
                break;
            }
            if is_dash(tok(k)) {
                d = Some(k);
                break;
            }
        }
        let Some(d) = d else { continue };
        if d + 1 >= n || newlines[d + 1] > 0 {
            continue;
        }
        let agency = tok(d - 1) == ")";
        let place_like = (j0..d).all(|k| {
            let t = tok(k);
            is_all_caps_word(t)
                || t == ","
                || MONTHS.contains(&t)
                || t.chars().all(|c| c.is_ascii_digit())
                || t.chars().next().is_some_and(|c| c.is_uppercase()) && k > j0 && tok(k - 1) == ","
        });
        if agency || place_like {
            brk[d + 1] = true;
        }
    }
}

/// `— Name (@handle) Month D, YYYY` after a post's text.
fn split_post_signatures<'a>(tok: &impl Fn(usize) -> &'a str, newlines: &[u8], brk: &mut [bool]) {
    let n = brk.len();
    for i in 1..n {
        if !is_dash(tok(i)) {
            continue;
        }
        let limit = (i + 10).min(n);
        let Some(open) = (i + 1..limit).find(|&k| tok(k) == "(") else {
            continue;
        };
        let handle = open + 1;
        if handle + 1 >= n || !tok(handle).starts_with('@') || tok(handle + 1) != ")" {
            continue;
        }
        let names_only =
            (i + 1..open).all(|k| tok(k).chars().next().is_some_and(|c| c.is_uppercase()));
        if !names_only || (i + 1..=handle + 1).any(|k| newlines[k] > 0) {
            continue;
        }
        brk[i] = true;
        // Month D, YYYY
        let m = handle + 2;
        if m + 3 < n
            && MONTHS.contains(&tok(m))
            && tok(m + 1).chars().all(|c| c.is_ascii_digit())
            && tok(m + 2) == ","
            && tok(m + 3).len() == 4
            && tok(m + 3).chars().all(|c| c.is_ascii_digit())
        {
            if m + 4 < n {
                brk[m + 4] = true;
            }
        } else if m < n && tok(m).chars().next().is_some_and(|c| c.is_uppercase()) {
            brk[m] = true;
        }
    }
}

fn push_capped<'a>(
    mut r: Range<usize>,
    tok: &impl Fn(usize) -> &'a str,
    out: &mut Vec<Range<usize>>,
) {
    while r.end - r.start > MAX_SENTENCE_TOKENS {
        let hard = r.start + MAX_SENTENCE_TOKENS;
        let soft_from = r.start + MAX_SENTENCE_TOKENS * 2 / 3;
        let cut = (soft_from..hard)
            .rev()
            .find(|&k| matches!(tok(k), ";" | "," | ":"))
            .map_or(hard, |k| k + 1);
        out.push(r.start..cut);
        r.start = cut;
    }
    if r.start < r.end {
        out.push(r);
    }
}
