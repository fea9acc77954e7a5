//! Verb patterns: `- [pre-verb] * [post-verb] [CODE] # comment`.

use crate::error::{syntax, PetrarchError};

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A literal word (UPPERCASE).
    Word(String),
    /// A synonym set (`&CURRENCY`, stored without the `&`).
    Synset(String),
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor that is both source and target (reciprocal events).
    Compound,
    /// `^`: skip one actor or noun.
    Skip,
    /// `{A B}`: a noun phrase (the last word is its head).
    Phrase(Vec<Item>),
    /// `(P N)`: a prepositional phrase: preposition then its object.
    Prep(Vec<Item>),
}

/// An element and whether it must immediately follow the previous one
/// (`_` between them in the dictionary) rather than allowing words between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub element: Element,
    pub joined: bool,
}

/// An event code in a dictionary: `[042]`, `[042:043]`, `[:173]`, `[---]`.
///
/// `forward` is the event from source to target; `reverse`, when present, a
/// second event from the target back to the source (a visit 042 is hosted 043).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventCode {
    pub forward: Option<String>,
    pub reverse: Option<String>,
}

impl EventCode {
    pub fn parse(s: &str) -> EventCode {
        let code = |p: &str| {
            let p = p.trim();
            (!p.is_empty() && p != "---").then(|| p.to_owned())
        };
        match s.split_once(':') {
            Some((f, r)) => EventCode {
                forward: code(f),
                reverse: code(r),
            },
            None => EventCode {
                forward: code(s),
                reverse: None,
            },
        }
    }

    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }
}

/// A verb pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Index of the verb block the pattern belongs to.
    pub block: usize,
    /// Elements before the verb, in text order.
    pub pre: Vec<Item>,
    /// Whether the verb must immediately follow the last pre-verb element (`IN_*`).
    pub verb_joined_before: bool,
    /// Whether the first post-verb element must immediately follow the verb (`*_OUT`).
    pub verb_joined_after: bool,
    /// Elements after the verb.
    pub post: Vec<Item>,
    pub code: EventCode,
    /// Line in the dictionary file.
    pub line: usize,
    /// The pattern as written (without the code and comment), for provenance.
    pub text: String,
    /// Literal words the pattern cannot match without (a quick pre-filter).
    pub required: Vec<String>,
}

fn literal_words(items: &[Item], out: &mut Vec<String>) {
    for i in items {
        match &i.element {
            Element::Word(w) => out.push(w.clone()),
            Element::Phrase(v) | Element::Prep(v) => literal_words(v, out),
            _ => {}
        }
    }
}

impl Pattern {
    /// How specific the pattern is: the number of elements it must match.
    pub fn weight(&self) -> usize {
        fn w(items: &[Item]) -> usize {
            items
                .iter()
                .map(|i| match &i.element {
                    Element::Phrase(v) | Element::Prep(v) => w(v),
                    _ => 1,
                })
                .sum()
        }
        w(&self.pre) + w(&self.post)
    }
}

#[derive(Debug, PartialEq)]
enum Tok {
    Open(char),
    Close(char),
    Star,
    Atom(String),
}

/// Split a pattern body into tokens, remembering for each whether `_` joined it
/// to the previous token.
fn lex(body: &str, file: &str, line: usize) -> Result<Vec<(Tok, bool)>, PetrarchError> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut joined_next = false;
    let mut word_joined = false;
    let flush = |word: &mut String, out: &mut Vec<(Tok, bool)>, joined: bool| {
        if !word.is_empty() {
            let w = std::mem::take(word);
            out.push((
                if w == "*" {
                    Tok::Star
                } else {
                    Tok::Atom(w.to_uppercase())
                },
                joined,
            ));
        }
    };
    for c in body.chars() {
        match c {
            '_' => {
                flush(&mut word, &mut out, word_joined);
                joined_next = true;
            }
            c if c.is_whitespace() => {
                flush(&mut word, &mut out, word_joined);
                joined_next = false;
            }
            '{' | '(' | '}' | ')' | '*' => {
                flush(&mut word, &mut out, word_joined);
                let tok = match c {
                    '{' | '(' => Tok::Open(c),
                    '*' => Tok::Star,
                    _ => Tok::Close(c),
                };
                out.push((tok, joined_next));
                joined_next = false;
            }
            '[' | ']' => return Err(syntax(file, line, format!("unexpected {c:?} in pattern"))),
            c => {
                if word.is_empty() {
                    word_joined = joined_next;
                    joined_next = false;
                }
                word.push(c);
            }
        }
    }
    flush(&mut word, &mut out, word_joined);
    Ok(out)
}

fn atom_element(a: &str) -> Element {
    match a {
        "$" => Element::Source,
        "+" => Element::Target,
        "%" => Element::Compound,
        "^" => Element::Skip,
        _ => match a.strip_prefix('&') {
            Some(name) => Element::Synset(name.to_owned()),
            None => Element::Word(a.to_owned()),
        },
    }
}

/// Where `*` stood: item index, joined to the item before, joined to the item after.
type StarAt = (usize, bool, bool);

/// Parse items until `close` (or the end when `close` is None). Returns the
/// items and, at top level, the position of `*` in the list (`None` if absent).
fn parse_items(
    toks: &[(Tok, bool)],
    pos: &mut usize,
    close: Option<char>,
    file: &str,
    line: usize,
    warnings: &mut Vec<String>,
) -> Result<(Vec<Item>, Option<StarAt>), PetrarchError> {
    let mut items = Vec::new();
    let mut star = None;
    while let Some((tok, joined)) = toks.get(*pos) {
        *pos += 1;
        match tok {
            Tok::Close(c) => {
                let expected = match close {
                    Some('{') => '}',
                    Some('(') => ')',
                    _ => {
                        // A stray closing bracket outside any group (a typo the
                        // released CAMEO.2.0.txt has) loses nothing: skip it.
                        warnings.push(format!("{file}:{line}: stray {c:?} in pattern ignored"));
                        continue;
                    }
                };
                if *c != expected {
                    return Err(syntax(
                        file,
                        line,
                        format!("expected {expected:?}, found {c:?}"),
                    ));
                }
                return Ok((items, star));
            }
            Tok::Open(c) => {
                let (inner, inner_star) = parse_items(toks, pos, Some(*c), file, line, warnings)?;
                if inner_star.is_some() {
                    return Err(syntax(file, line, "`*` inside braces or parentheses"));
                }
                let element = if *c == '{' {
                    Element::Phrase(inner)
                } else {
                    Element::Prep(inner)
                };
                items.push(Item {
                    element,
                    joined: *joined,
                });
            }
            Tok::Star => {
                if close.is_some() || star.is_some() {
                    return Err(syntax(file, line, "misplaced or repeated `*`"));
                }
                let next_joined = toks.get(*pos).is_some_and(|(_, j)| *j);
                star = Some((items.len(), *joined, next_joined));
            }
            Tok::Atom(a) => items.push(Item {
                element: atom_element(a),
                joined: *joined,
            }),
        }
    }
    if let Some(c) = close {
        return Err(syntax(file, line, format!("unclosed {c:?} in pattern")));
    }
    Ok((items, star))
}

/// Parse a pattern line (without the leading `-`): body, `[CODE]`, optional comment.
pub(crate) fn parse_pattern(
    rest: &str,
    block: usize,
    file: &str,
    line: usize,
    warnings: &mut Vec<String>,
) -> Result<Pattern, PetrarchError> {
    let open = rest
        .rfind('[')
        .ok_or_else(|| syntax(file, line, "pattern without [CODE]"))?;
    let body = rest.get(..open).unwrap_or("");
    let after = rest.get(open + 1..).unwrap_or("");
    let close = after
        .find(']')
        .ok_or_else(|| syntax(file, line, "unclosed [CODE] in pattern"))?;
    let code = EventCode::parse(after.get(..close).unwrap_or(""));
    let toks = lex(body, file, line)?;
    let mut pos = 0;
    let (items, star) = parse_items(&toks, &mut pos, None, file, line, warnings)?;
    let (at, before, after_j) =
        star.ok_or_else(|| syntax(file, line, "pattern without `*` (the verb)"))?;
    let mut pre = items;
    let mut post = pre.split_off(at);
    if let Some(first) = post.first_mut() {
        // Joining to the verb is recorded on the pattern, not on the element.
        first.joined = false;
    }
    let mut required = Vec::new();
    literal_words(&pre, &mut required);
    literal_words(&post, &mut required);
    required.sort();
    required.dedup();
    Ok(Pattern {
        required,
        block,
        pre,
        verb_joined_before: before,
        verb_joined_after: after_j,
        post,
        code,
        line,
        text: body.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_constructs() {
        let p = parse_pattern(
            " * PURCHASE (OF &WEAPON) [0312] # AFFIRM",
            0,
            "f",
            3,
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(p.code.forward.as_deref(), Some("0312"));
        assert!(p.pre.is_empty());
        assert_eq!(p.post.len(), 2);
        assert_eq!(
            p.post[1].element,
            Element::Prep(vec![
                Item {
                    element: Element::Word("OF".into()),
                    joined: false
                },
                Item {
                    element: Element::Synset("WEAPON".into()),
                    joined: false
                },
            ])
        );
        assert_eq!(p.weight(), 3);
    }

    #[test]
    fn joined_words_and_markers() {
        let p = parse_pattern(
            " SO IN_AND_*_OUT_AGAIN NOW [074]",
            0,
            "f",
            1,
            &mut Vec::new(),
        )
        .unwrap();
        assert!(p.verb_joined_before && p.verb_joined_after);
        let pre: Vec<bool> = p.pre.iter().map(|i| i.joined).collect();
        assert_eq!(pre, [false, false, true]);
        let p = parse_pattern(" $ TROOP * TOWARD + [154]", 0, "f", 1, &mut Vec::new()).unwrap();
        assert_eq!(p.pre[0].element, Element::Source);
        assert_eq!(p.post[1].element, Element::Target);
        let p = parse_pattern(" * (TO) [042:043]", 0, "f", 1, &mut Vec::new()).unwrap();
        assert_eq!(p.code.reverse.as_deref(), Some("043"));
    }

    #[test]
    fn malformed_patterns_name_the_line() {
        for bad in [" * (TO [042]", " TO [042]", " * TO", " * {A (B} ) [1]"] {
            let err = parse_pattern(bad, 0, "verbs.txt", 7, &mut Vec::new()).unwrap_err();
            assert!(err.to_string().starts_with("verbs.txt:7:"), "{bad}: {err}");
        }
    }
}
