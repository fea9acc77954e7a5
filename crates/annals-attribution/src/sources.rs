//! Reporting sources (news agencies and outlets) and the sentences each covers.
//!
//! A name from the source list counts as a *reporting* source only in one of
//! these frames; each frame has a scope (the sentences whose events it covers):
//!
//! | frame | kind | scope |
//! |---|---|---|
//! | `Document::dateline` agency (`BAGHDAD, Dec 31 (Reuters) -`), or `(Agency) -` in the first sentence | `dateline` | whole document |
//! | `Document::source` (publisher from metadata) | `metadata` | whole document |
//! | closing credit: a last sentence made only of source names (`Sapa-AFP`, `-- AFP`), or `(Reporting by ...)` credited to the dateline/metadata agency | `credit` | whole document |
//! | source as subject of a reporting verb (`AFP reported`, `INA news agency said`, `Al-Arabiya TV, citing`) | list kind (`agency`/`outlet`) | its sentence and the following sentences of its paragraph, up to the next in-text source |
//! | source after `according to`, `told`, `said to`, `(interview) with`, `quoted by`, `cited by` | list kind | its sentence only |
//!
//! Any other mention (`the BBC was banned`) is not a source.

use annals_core::{Doc, SourceMention, Span};

use crate::layout::{sentence_range, Layout};
use crate::lexicon::{ends_with_words, lower, Cues, SourceLexicon};

/// How far an in-text source reaches.
#[derive(PartialEq)]
enum Reach {
    Sentence,
    Paragraph,
}

pub(crate) fn find_sources(
    doc: &Doc,
    layout: &Layout,
    lex: &SourceLexicon,
    cues: &Cues,
) -> Vec<SourceMention> {
    let n_sent = doc.sentences.len();
    let tokens = &doc.tokens;
    let whole = 0..n_sent;
    let mut out: Vec<SourceMention> = Vec::new();
    let mut doc_agency: Option<String> = None;

    let dateline = doc.document.dateline.as_ref();
    if let Some(d) = dateline {
        if let Some(agency) = d.agency.as_deref().filter(|a| !a.trim().is_empty()) {
            let name = lex
                .lookup(agency)
                .map_or_else(|| agency.trim().to_owned(), |e| e.name.clone());
            doc_agency = Some(name.clone());
            out.push(SourceMention {
                name,
                span: d.agency_span.unwrap_or(d.span),
                kind: "dateline".into(),
                scope: whole.clone(),
            });
        }
    }
    if let Some(src) = doc
        .document
        .source
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        let name = lex
            .lookup(src)
            .map_or_else(|| src.trim().to_owned(), |e| e.name.clone());
        if doc_agency.is_none() {
            doc_agency = Some(name.clone());
        }
        out.push(SourceMention {
            name,
            span: Span::new(0, 0),
            kind: "metadata".into(),
            scope: whole.clone(),
        });
    }

    // In-text mentions: (mention, reach, sentence).
    let mut in_text: Vec<(SourceMention, Reach, usize)> = Vec::new();
    let last_sentence = n_sent.checked_sub(1);
    let mut i = 0;
    while i < tokens.len() {
        let Some((len, entry)) = lex.match_at(tokens, i) else {
            i += 1;
            continue;
        };
        let r = i..i + len;
        i += len;
        let Some(span) = crate::layout::span_of(tokens, &r) else {
            continue;
        };
        if dateline.is_some_and(|d| d.span.contains(span)) {
            continue;
        }
        let Some(s) = doc.sentence_of_token(r.start) else {
            continue;
        };
        let mention = |kind: &str, scope| SourceMention {
            name: entry.name.clone(),
            span,
            kind: kind.into(),
            scope,
        };
        let text = |k: usize| tokens.get(k).map_or("", |t| t.text.as_str());
        // `(Reuters) -` in an opening sentence (after a headline): a dateline
        // the reader did not record.
        if s <= 2
            && r.start > 0
            && r.start < sentence_range(doc, s).start + 12
            && text(r.start - 1) == "("
            && text(r.end) == ")"
            && is_dash(text(r.end + 1))
        {
            if doc_agency.is_none() {
                doc_agency = Some(entry.name.clone());
            }
            out.push(mention("dateline", whole.clone()));
            continue;
        }
        // A closing credit line.
        if Some(s) == last_sentence && s > 0 {
            let sr = sentence_range(doc, s);
            let only_names = sr.clone().all(|k| {
                let t = text(k);
                is_dash(t)
                    || matches!(t, "/" | "(" | ")" | "." | ",")
                    || lex.match_at(tokens, k).is_some()
                    || {
                        // inside a multi-token alias
                        (sr.start..k)
                            .rev()
                            .take(4)
                            .any(|a| lex.match_at(tokens, a).is_some_and(|(l, _)| a + l > k))
                    }
            });
            if only_names {
                out.push(mention("credit", whole.clone()));
                continue;
            }
        }
        // `according to AFP`, `told Reuters`.
        if (0..=4).any(|back| {
            let at = r.start.saturating_sub(back);
            let modifiers = (at..r.start).all(|k| is_source_modifier(text(k)));
            modifiers
                && at > 0
                && cues
                    .source_before
                    .iter()
                    .any(|w| ends_with_words(tokens, at, w))
        }) {
            in_text.push((mention(&entry.kind, s..s + 1), Reach::Sentence, s));
            continue;
        }
        // `AFP reported`, `INA news agency said`.
        let sr = sentence_range(doc, s);
        let mut k = r.end;
        let mut skipped = 0;
        while k < sr.end && skipped < 4 && cues.filler.contains(&*lower(text(k))) {
            k += 1;
            skipped += 1;
        }
        if k < sr.end && cues.report.contains(&*lower(text(k))) {
            in_text.push((mention(&entry.kind, s..s + 1), Reach::Paragraph, s));
        }
    }
    // Paragraph reach stops at the paragraph end or the next in-text source.
    let starts: Vec<usize> = in_text.iter().map(|(_, _, s)| *s).collect();
    for (m, reach, s) in &mut in_text {
        if *reach == Reach::Paragraph {
            // `starts` is in text order, so the next source is found by bisection.
            let next_source = starts
                .get(starts.partition_point(|&x| x <= *s))
                .copied()
                .unwrap_or(n_sent);
            m.scope = *s..layout.next_paragraph(*s).min(next_source).max(*s + 1);
        }
    }
    out.extend(in_text.into_iter().map(|(m, _, _)| m));

    // `(Reporting by ...)`: credited to the document's agency when it is known.
    if let Some(agency) = &doc_agency {
        for k in 0..tokens.len().saturating_sub(2) {
            let t = |d: usize| tokens.get(k + d).map_or("", |t| t.text.as_str());
            if t(0) == "(" && matches!(t(1), "Reporting" | "Writing" | "Additional") && t(2) == "by"
                || (t(1) == "reporting" && t(2) == "by" && t(0) == "Additional")
            {
                let span = tokens.get(k).map_or(Span::default(), |x| x.span);
                out.push(SourceMention {
                    name: agency.clone(),
                    span,
                    kind: "credit".into(),
                    scope: whole.clone(),
                });
                break;
            }
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// Words between `according to` and a source name (`the semi-official`, `Iran's`, `Iranian state`).
fn is_source_modifier(t: &str) -> bool {
    let lower_word = t.chars().next().is_some_and(char::is_lowercase);
    let nationality = t.starts_with(char::is_uppercase)
        && ["an", "ian", "i", "ese", "ish"]
            .iter()
            .any(|e| t.ends_with(e));
    lower_word || nationality || matches!(t, "'s" | "’s" | "-")
}

fn is_dash(t: &str) -> bool {
    matches!(t, "—" | "–" | "-" | "--" | "―")
}
