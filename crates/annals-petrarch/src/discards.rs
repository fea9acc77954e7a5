//! The discard list: phrases that mark a sentence (or, with `+`, a whole
//! story) as not to be coded — sports, entertainment, historical chronologies.

use std::path::Path;

use crate::error::{content_lines, read_lossy, PetrarchError};

/// One discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// Lowercase phrase, words separated by single blanks.
    pub phrase: String,
    /// `+`: discard the whole story, not just the sentence.
    pub story: bool,
    /// Trailing `_`: the phrase must end at a word boundary (else it is a stem).
    pub whole_word: bool,
    pub line: usize,
}

/// What a discard list says about a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardHit {
    Sentence,
    Story,
}

#[derive(Debug, Clone, Default)]
pub struct DiscardList {
    pub name: String,
    pub entries: Vec<Discard>,
    /// One automaton over every `" phrase"`, so a check is one pass over the text.
    matcher: Option<aho_corasick::AhoCorasick>,
}

impl DiscardList {
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, PetrarchError> {
        let (text, name) = read_lossy(path.as_ref())?;
        Ok(Self::parse(&text, &name))
    }

    /// Every non-comment line is a phrase; nothing in this format can be malformed.
    pub fn parse(text: &str, name: &str) -> Self {
        let entries = content_lines(text)
            .into_iter()
            .filter_map(|(line, raw)| {
                let raw = raw.trim();
                let (story, raw) = match raw.strip_prefix('+') {
                    Some(r) => (true, r.trim()),
                    None => (false, raw),
                };
                let whole_word = raw.ends_with('_');
                let phrase = raw
                    .split(|c: char| c == '_' || c.is_whitespace())
                    .filter(|w| !w.is_empty());
                let phrase = phrase.collect::<Vec<_>>().join(" ").to_lowercase();
                (!phrase.is_empty()).then_some(Discard {
                    phrase,
                    story,
                    whole_word,
                    line,
                })
            })
            .collect::<Vec<Discard>>();
        let needles: Vec<String> = entries.iter().map(|d| format!(" {}", d.phrase)).collect();
        let matcher = aho_corasick::AhoCorasick::new(&needles).ok();
        DiscardList {
            name: name.to_owned(),
            entries,
            matcher,
        }
    }

    /// The strongest discard matching `text` (story beats sentence), if any.
    /// A phrase matches at the start of a word, case-insensitively.
    pub fn check(&self, text: &str) -> Option<DiscardHit> {
        let matcher = self.matcher.as_ref()?;
        let norm = format!(
            " {} ",
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        );
        let mut hit = None;
        for m in matcher.find_overlapping_iter(&norm) {
            let Some(d) = self.entries.get(m.pattern().as_usize()) else {
                continue;
            };
            let boundary = norm
                .get(m.end()..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| !c.is_alphanumeric());
            if d.whole_word && !boundary {
                continue;
            }
            if d.story {
                return Some(DiscardHit::Story);
            }
            hit = Some(DiscardHit::Sentence);
        }
        hit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_story_discards() {
        let d = DiscardList::parse(
            "# sports\nBASEBALL\n+WORLD CUP # story\nBATSMAN_\n",
            "d.txt",
        );
        assert_eq!(d.entries.len(), 3);
        assert_eq!(
            d.check("The baseball season opened."),
            Some(DiscardHit::Sentence)
        );
        assert_eq!(
            d.check("Fans gathered before the World Cup final."),
            Some(DiscardHit::Story)
        );
        assert_eq!(d.check("The batsmen walked off."), None);
        assert_eq!(
            d.check("The batsman walked off."),
            Some(DiscardHit::Sentence)
        );
        assert_eq!(d.check("Troops shelled the town."), None);
    }
}
