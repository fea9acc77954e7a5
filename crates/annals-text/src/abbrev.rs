//! The abbreviation lexicon: which words keep their final period, and whether
//! such a word may end a sentence.

use annals_core::fxhash::FxHashMap;

use crate::TextError;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Precedes a name (`Gen.`, `Mr.`): never ends a sentence.
    Title,
    /// Precedes a day or year (`Dec.`): ends a sentence only before a sentence-opening word.
    Month,
    /// An abbreviation only when a digit follows (`No. 10`).
    Number,
    /// May end a sentence (`Inc.`, `etc.`, `U.S.`) before a sentence-opening word.
    General,
}

/// Abbreviations keyed by their form without the final period.
#[derive(Debug, Clone)]
pub struct Abbreviations {
    entries: FxHashMap<String, AbbrevClass>,
}

/// The built-in list (`data/abbreviations.txt`).
pub const DEFAULT_ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");

impl Abbreviations {
    /// Parse a list in the `data/abbreviations.txt` format (`form<ws>class`, `#` comments).
    pub fn parse(text: &str) -> Result<Self, TextError> {
        let mut entries = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(form), Some(class)) = (parts.next(), parts.next()) else {
                return Err(TextError::Lexicon {
                    line: i + 1,
                    message: format!("expected `form class`, found {line:?}"),
                });
            };
            let class = match class {
                "title" => AbbrevClass::Title,
                "month" => AbbrevClass::Month,
                "number" => AbbrevClass::Number,
                "general" => AbbrevClass::General,
                other => {
                    return Err(TextError::Lexicon {
                        line: i + 1,
                        message: format!("unknown class {other:?} (title, month, number, general)"),
                    })
                }
            };
            entries.insert(form.trim_end_matches('.').to_owned(), class);
        }
        Ok(Abbreviations { entries })
    }

    /// The class of `word` (given without its final period), if it is an abbreviation.
    pub fn class(&self, word: &str) -> Option<AbbrevClass> {
        if let Some(&c) = self.entries.get(word) {
            return Some(c);
        }
        if is_letter_dot_form(word) {
            return Some(AbbrevClass::General);
        }
        None
    }
}

impl Default for Abbreviations {
    fn default() -> Self {
        // The built-in file is checked by a unit test, so parsing cannot fail.
        Abbreviations::parse(DEFAULT_ABBREVIATIONS).unwrap_or(Abbreviations {
            entries: FxHashMap::default(),
        })
    }
}

/// `U.S`, `e.g`, `a.m`, `U.N` (before the final period): letters in groups of
/// at most two, separated by periods.
pub(crate) fn is_letter_dot_form(word: &str) -> bool {
    if !word.contains('.') {
        return false;
    }
    word.split('.').all(|part| {
        let n = part.chars().count();
        (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_parses() {
        let a = Abbreviations::parse(DEFAULT_ABBREVIATIONS).unwrap();
        assert_eq!(a.class("Gen"), Some(AbbrevClass::Title));
        assert_eq!(a.class("Dec"), Some(AbbrevClass::Month));
        assert_eq!(a.class("U.S"), Some(AbbrevClass::General));
        assert_eq!(a.class("e.g"), Some(AbbrevClass::General));
        assert_eq!(a.class("Baghdad"), None);
        assert_eq!(a.class("3.5"), None);
    }

    #[test]
    fn bad_line_is_reported_with_its_number() {
        let err = Abbreviations::parse("Gen title\nCol colonel\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
