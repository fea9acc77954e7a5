//! Counts of people killed, wounded or arrested: "at least 25 fighters",
//! "three people", "dozens of protesters".

use annals_core::{Count, Span};

use crate::graph::SentenceGraph;

/// Value of a number word, or a vague quantity noun taken at its lower bound
/// (`dozens` → at least 24).
fn number_word(w: &str) -> Option<(u64, Option<&'static str>)> {
    let v = match w {
        "one" | "a" | "an" | "single" => 1,
        "two" | "both" | "pair" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        "dozens" => return Some((24, Some("at_least"))),
        "scores" => return Some((40, Some("at_least"))),
        "hundreds" => return Some((200, Some("at_least"))),
        "thousands" => return Some((2000, Some("at_least"))),
        "several" => return Some((3, Some("at_least"))),
        "tens" => return Some((20, Some("at_least"))),
        _ => return None,
    };
    Some((v, None))
}

/// Parse a numeral token: digits with separators, `1.5`-style decimals are
/// truncated, number words, hyphenated tens (`twenty-five`).
pub(crate) fn parse_number(text: &str) -> Option<(u64, Option<&'static str>)> {
    let t = text.trim().to_lowercase();
    let digits: String = t.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return digits.parse().ok().map(|v| (v, None));
    }
    if let Some((a, b)) = t.split_once('-') {
        if let (Some((x, None)), Some((y, None))) = (number_word(a), number_word(b)) {
            if x >= 20 && y < 10 {
                return Some((x + y, None));
            }
        }
    }
    number_word(&t)
}

/// Multipliers written after a number (`2.5 million` is rare for casualties; `5 thousand`).
fn multiplier(w: &str) -> Option<u64> {
    match w {
        "hundred" => Some(100),
        "thousand" => Some(1000),
        "million" => Some(1_000_000),
        _ => None,
    }
}

/// The qualifier from the words right before a number.
fn qualifier(before: &[String]) -> Option<&'static str> {
    let n = before.len();
    let last = before.last().map(String::as_str).unwrap_or("");
    let two = if n >= 2 {
        format!("{} {}", before[n - 2], before[n - 1])
    } else {
        String::new()
    };
    match two.as_str() {
        "at least" | "more than" | "over than" | "no fewer" | "no less" => return Some("at_least"),
        "up to" | "at most" | "fewer than" | "less than" | "no more" => return Some("at_most"),
        "an estimated" => return Some("about"),
        _ => {}
    }
    match last {
        "over" | "exceeding" => Some("at_least"),
        "about" | "around" | "nearly" | "almost" | "approximately" | "roughly" | "some"
        | "estimated" | "approx" | "circa" => Some("about"),
        _ => None,
    }
}

/// The count stated for the nominal phrase headed by `head` (a person noun
/// with a numeral, or a bare numeral), e.g. `at least 25 fighters`.
pub(crate) fn count_of(g: &SentenceGraph<'_>, head: usize) -> Option<Count> {
    // The numeral: the head itself, a nummod child, or a quantity noun
    // heading `dozens of people`.
    let mut num = None;
    if let Some(v) = parse_number(g.form_lower(head)).filter(|_| {
        g.upos(head) == annals_core::Upos::Num
            || matches!(
                g.lemma(head),
                "dozens" | "dozen" | "hundreds" | "thousands" | "scores" | "tens"
            )
    }) {
        num = Some((head, v));
    }
    if num.is_none() {
        for c in g.children_rel(head, "nummod") {
            if let Some(v) = parse_number(g.form_lower(c)) {
                num = Some((c, v));
                break;
            }
        }
    }
    if num.is_none() {
        // "dozens of people": the quantity noun may be the head's dependent or its head.
        for c in g.children(head).iter().copied() {
            if matches!(
                g.form_lower(c),
                "dozens" | "hundreds" | "thousands" | "scores"
            ) {
                if let Some(v) = parse_number(g.form_lower(c)) {
                    num = Some((c, v));
                    break;
                }
            }
        }
    }
    let (tok, (mut value, vague)) = num?;
    // A multiplier right after the number (`5 thousand`).
    if let Some(m) = (tok + 1 < g.len())
        .then(|| multiplier(g.form_lower(tok + 1)))
        .flatten()
    {
        if g.head(tok + 1) == Some(tok) || g.head(tok) == Some(tok + 1) {
            value = value.saturating_mul(m);
        }
    }
    let before: Vec<String> = (tok.saturating_sub(3)..tok)
        .map(|t| g.form_lower(t).to_owned())
        .collect();
    let q = qualifier(&before).or(vague).unwrap_or("exact");
    let start = (tok.saturating_sub(3)..tok)
        .find(|&t| {
            let rest: Vec<String> = (t..tok).map(|x| g.form_lower(x).to_owned()).collect();
            qualifier(&rest).is_some() && q != "exact"
        })
        .unwrap_or(tok);
    Some(Count {
        value,
        qualifier: q.to_owned(),
        span: Span::new(g.span(start).start, g.span(head.max(tok)).end),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words() {
        assert_eq!(parse_number("1,200"), Some((1200, None)));
        assert_eq!(parse_number("three"), Some((3, None)));
        assert_eq!(parse_number("Twenty-five"), Some((25, None)));
        assert_eq!(parse_number("dozens"), Some((24, Some("at_least"))));
        assert_eq!(parse_number("fighters"), None);
    }

    #[test]
    fn qualifiers() {
        let w = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(qualifier(&w("killed at least")), Some("at_least"));
        assert_eq!(qualifier(&w("killing more than")), Some("at_least"));
        assert_eq!(qualifier(&w("wounded nearly")), Some("about"));
        assert_eq!(qualifier(&w("detained up to")), Some("at_most"));
        assert_eq!(qualifier(&w("police arrested")), None);
    }
}
