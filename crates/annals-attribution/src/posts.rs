//! Embedded social-media posts.
//!
//! Two shapes are recognized:
//!
//! * **Embed signature**: a paragraph ending `— Name (@handle) Month D, YYYY`
//!   (the text Twitter/X embeds leave in scraped articles). The post's text
//!   is the paragraph before the dash (or the previous paragraph when the
//!   signature stands alone); author, handle and date come from the
//!   signature; the platform is Twitter unless a link in the text names
//!   another (`instagram.com`, `facebook.com`, `t.me`).
//! * **Bare link**: a paragraph ending in a post link (`pic.twitter.com/...`,
//!   `twitter.com/NAME/status/...`, `https://t.co/...`) whose signature was
//!   lost: the paragraph before the link, with no author.
//! * **Narrated post**: a sentence with a platform cue (`In a tweet, X said`,
//!   `X tweeted`, `X wrote on Facebook`, `X said on Telegram`). The post's
//!   text is the quote in that sentence when there is one, else the rest of
//!   the sentence after the cue; the author is the subject of the verb.

use std::ops::Range;

use annals_core::{Doc, Post, Span};
use chrono::NaiveDate;

use crate::layout::{sentence_range, span_of, subject_of, Layout};
use crate::lexicon::{lower, Cues};

fn is_dash(t: &str) -> bool {
    matches!(t, "—" | "–" | "-" | "--" | "―")
}

/// Month number of `Dec.`, `December`, `dec` (the calendar's own table).
fn month_number(t: &str) -> Option<u32> {
    annals_time::calendar::month(&lower(t.trim_end_matches('.')))
}

/// `Month D, YYYY` at token `i`: the date and the tokens used.
fn date_at(doc: &Doc, i: usize) -> Option<(NaiveDate, usize)> {
    let t = |k: usize| doc.tokens.get(k).map(|t| t.text.as_str());
    let m = month_number(t(i)?)?;
    let d: u32 = t(i + 1)?.parse().ok()?;
    let (y, used) = if t(i + 2) == Some(",") {
        (t(i + 3)?.parse().ok()?, 4)
    } else {
        (t(i + 2)?.parse().ok()?, 3)
    };
    Some((NaiveDate::from_ymd_opt(y, m, d)?, used))
}

fn platform_from_links(doc: &Doc, span: Span) -> &'static str {
    let text = doc.slice(span);
    if text.contains("instagram.com") {
        "Instagram"
    } else if text.contains("facebook.com") || text.contains("fb.com") {
        "Facebook"
    } else if text.contains("t.me/") {
        "Telegram"
    } else {
        "Twitter"
    }
}

/// Posts with an embed signature. Returns them and the sentences they cover.
fn signed_posts(doc: &Doc, layout: &Layout) -> Vec<(Post, Range<usize>)> {
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    for d in 0..tokens.len() {
        if !tokens.get(d).is_some_and(|t| is_dash(&t.text)) {
            continue;
        }
        let Some(open) = (d + 1..(d + 9).min(tokens.len()))
            .find(|&k| tokens.get(k).is_some_and(|t| t.text == "("))
        else {
            continue;
        };
        let (Some(h), Some(c)) = (tokens.get(open + 1), tokens.get(open + 2)) else {
            continue;
        };
        if !h.text.starts_with('@') || c.text != ")" || open == d + 1 {
            continue;
        }
        let names = (d + 1..open).all(|k| {
            tokens
                .get(k)
                .is_some_and(|t| t.text.starts_with(char::is_uppercase))
        });
        if !names {
            continue;
        }
        let author = span_of(tokens, &(d + 1..open)).map(|s| doc.slice(s).to_owned());
        let date = date_at(doc, open + 3).map(|(d, _)| d);
        // The post text: this paragraph up to the dash, or the previous paragraph.
        let Some(s) = doc.sentence_of_token(d) else {
            continue;
        };
        let mut p = layout.paragraph_of(s);
        let mut first = sentence_range(doc, p).start;
        if first >= d && p > 0 {
            p = layout.paragraph_of(p - 1);
            first = sentence_range(doc, p).start;
        }
        let body = if first < d { first..d } else { d..open + 3 };
        let Some(span) = span_of(tokens, &body) else {
            continue;
        };
        let platform = platform_from_links(doc, span).to_owned();
        let sentences = p..doc.sentence_of_token(open + 2).unwrap_or(s) + 1;
        out.push((
            Post {
                span,
                author,
                handle: Some(h.text.clone()),
                date,
                platform: Some(platform),
            },
            sentences,
        ));
    }
    out
}

/// Platform named by a cue word (`tweet`, `Facebook`, `on X`).
fn platform_cue(doc: &Doc, i: usize) -> Option<&'static str> {
    let t = doc.tokens.get(i)?;
    Some(match &*lower(&t.text) {
        "tweet" | "tweets" | "tweeted" | "twitter" | "retweeted" => "Twitter",
        "facebook" => "Facebook",
        "telegram" => "Telegram",
        "instagram" => "Instagram",
        "tiktok" => "TikTok",
        "youtube" => "YouTube",
        "truth" if doc.tokens.get(i + 1).is_some_and(|n| n.text == "Social") => "Truth Social",
        "x" if t.text == "X" && i > 0 && doc.tokens.get(i - 1).is_some_and(|p| p.text == "on") => {
            "X"
        }
        _ => return None,
    })
}

/// Posts narrated in a sentence (`In a tweet, X said ...`).
fn narrated_posts(
    doc: &Doc,
    cues: &Cues,
    quotes: &[annals_core::Quote],
    covered: &[bool],
) -> Vec<Post> {
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        if covered.get(s).copied().unwrap_or(false) {
            continue;
        }
        let r = sent.tokens.clone();
        let Some((w, platform)) = r.clone().find_map(|i| platform_cue(doc, i).map(|p| (i, p)))
        else {
            continue;
        };
        // The verb: the platform word itself (`tweeted`) or a speech verb near it.
        let verb = r.clone().filter(|&i| {
            tokens.get(i).is_some_and(|t| {
                cues.is_speech(t)
                    || cues.is_claim(t)
                    || matches!(t.text.as_str(), "tweeted" | "retweeted")
            }) && i.abs_diff(w) <= 6
        });
        let verb = verb.min_by_key(|&i| i.abs_diff(w));
        let author = verb
            .and_then(|v| subject_of(tokens, &r, v))
            .filter(|a| !a.contains(&w))
            .and_then(|a| span_of(tokens, &a))
            .map(|sp| doc.slice(sp).to_owned());
        let quote = quotes
            .iter()
            .find(|q| sent.span.contains(Span::new(q.span.start, q.span.start)));
        let is_claim = |v: usize| tokens.get(v).is_some_and(|t| cues.is_claim(t));
        let span = match quote {
            Some(q) => q.span,
            None => {
                // `In a tweet, X accused Y ...`: the whole clause after the comma is the post.
                let lead_comma = (w + 1..(w + 4).min(r.end))
                    .find(|&k| tokens.get(k).is_some_and(|t| t.text == ","));
                let opener = tokens
                    .get(r.start)
                    .is_some_and(|t| t.text.eq_ignore_ascii_case("in"))
                    && w < r.start + 6;
                let mut from = match (opener, lead_comma) {
                    (true, Some(c)) if verb.is_none_or(|v| v > c && is_claim(v)) => c + 1,
                    _ => verb.unwrap_or(w).max(w) + 1,
                };
                while tokens
                    .get(from)
                    .is_some_and(|t| matches!(t.text.as_str(), "," | ":" | "that"))
                {
                    from += 1;
                }
                let words = (from..r.end).filter(|&k| {
                    tokens
                        .get(k)
                        .is_some_and(|t| t.text.chars().any(char::is_alphanumeric))
                });
                if words.count() < 3 {
                    continue;
                }
                match span_of(tokens, &(from..r.end)) {
                    Some(sp) => sp,
                    None => continue,
                }
            }
        };
        out.push(Post {
            span,
            author,
            handle: None,
            date: None,
            platform: Some(platform.to_owned()),
        });
    }
    out
}

/// A post link (`pic.twitter.com/...`, `twitter.com/x/status/...`) whose
/// signature was lost: the paragraph before the link is an unsigned post.
fn linked_posts(doc: &Doc, layout: &Layout, covered: &mut [bool]) -> Vec<Post> {
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let link = t.text.starts_with("pic.twitter.com/")
            || (t.text.contains("twitter.com/") && t.text.contains("/status/"))
            || t.text.starts_with("https://t.co/");
        if !link {
            continue;
        }
        let Some(s) = doc.sentence_of_token(k) else {
            continue;
        };
        if covered.get(s).copied().unwrap_or(true) {
            continue;
        }
        let p = layout.paragraph_of(s);
        let first = sentence_range(doc, p).start;
        let Some(span) = span_of(tokens, &(first..k)) else {
            continue;
        };
        for c in covered.iter_mut().take(s + 1).skip(p) {
            *c = true;
        }
        out.push(Post {
            span,
            author: None,
            handle: None,
            date: None,
            platform: Some("Twitter".into()),
        });
    }
    out
}

/// All posts of `doc`.
pub(crate) fn find_posts(
    doc: &Doc,
    layout: &Layout,
    cues: &Cues,
    quotes: &[annals_core::Quote],
) -> Vec<Post> {
    let signed = signed_posts(doc, layout);
    let mut covered = vec![false; doc.sentences.len()];
    for (_, r) in &signed {
        for s in r.start..r.end.min(covered.len()) {
            if let Some(c) = covered.get_mut(s) {
                *c = true;
            }
        }
    }
    let mut posts: Vec<Post> = signed.into_iter().map(|(p, _)| p).collect();
    posts.extend(linked_posts(doc, layout, &mut covered));
    posts.extend(narrated_posts(doc, cues, quotes, &covered));
    posts.sort_by_key(|p| p.span.start);
    posts
}
