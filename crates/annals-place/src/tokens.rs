//! The token view the geocoder works on: the pipeline's tokens when the text
//! stage ran, else a small built-in tokenizer so the geocoder also works alone.

use annals_core::{Doc, Span};

/// A token as the geocoder sees it.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub span: Span,
    /// Sentence index (into `Doc::sentences` when those exist).
    pub sentence: usize,
}

/// Tokens of `doc`: the pipeline's when present, else the fallback tokenizer's.
pub(crate) fn tokens(doc: &Doc) -> Vec<Tok> {
    if !doc.tokens.is_empty() {
        let mut out = Vec::with_capacity(doc.tokens.len());
        for (i, t) in doc.tokens.iter().enumerate() {
            let sentence = doc.sentence_of_token(i).unwrap_or(0);
            out.push(Tok {
                span: t.span,
                sentence,
            });
        }
        return out;
    }
    fallback_tokens(doc.text())
}

/// Words (letters, digits, inner `-`, `'` and abbreviation dots) and single
/// punctuation marks; a sentence ends after `.`, `!` or `?` followed by
/// whitespace and a capital, or at a blank line.
pub(crate) fn fallback_tokens(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut sentence = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map(|c| c.0).unwrap_or(text.len());
    let mut i = 0;
    let mut newlines = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
                if newlines >= 2 && out.last().is_some_and(|t| t.sentence == sentence) {
                    sentence += 1;
                }
            }
            i += 1;
            continue;
        }
        newlines = 0;
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while let Some(&(_, d)) = chars.get(j) {
                let next_alnum = chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                let inner = d.is_alphanumeric()
                    || (matches!(d, '-' | '\'' | '\u{2019}' | '&') && next_alnum);
                let kept_dot = d == '.'
                    && (is_abbreviation_dot(&chars, i, j)
                        || is_known_abbreviation(text.get(start..end_of(j)).unwrap_or("")));
                if inner || kept_dot {
                    j += 1;
                } else {
                    break;
                }
            }
            // A possessive `'s` is its own token, as in the pipeline's tokenizer.
            let word_end = end_of(j);
            let word = text.get(start..word_end).unwrap_or("");
            let split = ["'s", "\u{2019}s"]
                .iter()
                .find_map(|s| word.strip_suffix(s))
                .map(|w| start + w.len());
            match split.filter(|&s| s > start) {
                Some(s) => {
                    out.push(Tok {
                        span: Span::new(start, s),
                        sentence,
                    });
                    out.push(Tok {
                        span: Span::new(s, word_end),
                        sentence,
                    });
                }
                None => out.push(Tok {
                    span: Span::new(start, word_end),
                    sentence,
                }),
            }
            i = j;
        } else {
            out.push(Tok {
                span: Span::new(start, end_of(i + 1)),
                sentence,
            });
            let ends = matches!(c, '.' | '!' | '?')
                && chars.get(i + 1).is_some_and(|n| n.1.is_whitespace())
                && chars
                    .get(i + 2)
                    .is_some_and(|n| n.1.is_uppercase() || n.1 == '"');
            if ends {
                sentence += 1;
            }
            i += 1;
        }
    }
    out
}

/// Words that keep their period and do not end a sentence: `Mr.`, `Gen.`, `Jan.`.
fn is_known_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Jr"
            | "Sr"
            | "Prof"
            | "Rev"
            | "Maj"
            | "Adm"
            | "Mt"
            | "Ft"
            | "No"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "vs"
            | "etc"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
    )
}

/// `U.S.`, `D.C.`: a dot inside a run of single letters, or after a
/// one-letter segment, stays in the word.
fn is_abbreviation_dot(chars: &[(usize, char)], word_start: usize, dot: usize) -> bool {
    let Some(before) = chars.get(word_start..dot) else {
        return false;
    };
    let earlier_dot = before.iter().rposition(|c| c.1 == '.');
    let seg_start = earlier_dot
        .map(|p| word_start + p + 1)
        .unwrap_or(word_start);
    let next_is_letter = chars.get(dot + 1).is_some_and(|c| c.1.is_alphabetic());
    dot.saturating_sub(seg_start) == 1 && (next_is_letter || earlier_dot.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        fallback_tokens(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn splits_words_possessives_and_abbreviations() {
        assert_eq!(
            words("U.S. troops left Baghdad's Green Zone."),
            ["U.S.", "troops", "left", "Baghdad", "'s", "Green", "Zone", "."]
        );
        assert_eq!(words("al-Hilla, Iraq"), ["al-Hilla", ",", "Iraq"]);
        assert_eq!(words("Mr. Jordan left."), ["Mr.", "Jordan", "left", "."]);
    }

    #[test]
    fn finds_sentence_breaks() {
        let toks = fallback_tokens("Shells hit Aleppo. Rebels fled to Idlib.");
        assert_eq!(toks.first().map(|t| t.sentence), Some(0));
        assert_eq!(toks.last().map(|t| t.sentence), Some(1));
    }
}
