//! Which way a clause points in time, for expressions such as `on Sunday`
//! whose date depends on it: from the parse when there is one (the tense of
//! the verb governing the expression), else from the nearest tense cue word
//! or tag around it.

use annals_core::fxhash::FxHashMap;

use crate::normalize::Direction;

/// One word of a sentence with whatever the pipeline knows about it.
#[derive(Debug, Clone, Copy)]
pub struct Clue<'a> {
    pub lower: &'a str,
    /// Penn tag, `""` before the tagger.
    pub xpos: &'a str,
    /// Sentence-relative head, `None` for the root or before the parser.
    pub head: Option<usize>,
    pub deprel: &'a str,
}

/// The cue lists of `data/tense_cues.txt` (or a user's file in that format).
#[derive(Debug, Clone, Default)]
pub struct TenseCues {
    kind: FxHashMap<String, Cue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Future,
    Past,
    NotPast,
}

/// A malformed line in a tense cue file.
#[derive(Debug, thiserror::Error)]
#[error("tense cues line {line}: {message}")]
pub struct CueError {
    pub line: usize,
    pub message: String,
}

impl TenseCues {
    /// The built-in cue list.
    pub fn builtin() -> Self {
        // The built-in file is tested; an error here cannot come from user input.
        Self::parse(include_str!("../data/tense_cues.txt")).unwrap_or_default()
    }

    /// Read cues from text in the `data/tense_cues.txt` format.
    pub fn parse(text: &str) -> Result<Self, CueError> {
        let mut kind = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, w) = line
                .split_once(char::is_whitespace)
                .ok_or_else(|| CueError {
                    line: i + 1,
                    message: format!("expected `KIND WORD`, found {line:?}"),
                })?;
            let cue = match k {
                "future" => Cue::Future,
                "past" => Cue::Past,
                "notpast" => Cue::NotPast,
                _ => {
                    return Err(CueError {
                        line: i + 1,
                        message: format!("unknown cue kind {k:?}"),
                    })
                }
            };
            kind.insert(w.trim().to_lowercase(), cue);
        }
        Ok(TenseCues { kind })
    }

    /// Direction of the clause around words `first..=last` of `sent`.
    pub fn direction(&self, sent: &[Clue], first: usize, last: usize) -> Direction {
        // A preposition right before the expression may fix the direction itself.
        match first
            .checked_sub(1)
            .and_then(|j| sent.get(j))
            .map(|c| c.lower)
        {
            Some("since") => return Direction::Past,
            Some("until" | "till") => return Direction::Future,
            _ => {}
        }
        if sent.iter().any(|c| c.head.is_some()) {
            if let Some(d) = self.by_parse(sent, first, last) {
                return d;
            }
        }
        self.nearest_cue(sent, first, last)
    }

    /// Tense of the verb that governs the expression.
    fn by_parse(&self, sent: &[Clue], first: usize, last: usize) -> Option<Direction> {
        let inside = |j: usize| (first..=last).contains(&j);
        let head = (first..=last)
            .find(|&j| sent.get(j).and_then(|c| c.head).is_none_or(|h| !inside(h)))?;
        let mut v = sent.get(head)?.head?;
        // Climb to the nearest verb (a noun trigger's governing verb).
        for _ in 0..4 {
            let c = sent.get(v)?;
            if c.xpos.starts_with("VB") || c.xpos == "MD" {
                break;
            }
            v = c.head?;
        }
        for _ in 0..3 {
            let d = self.verb_tense(sent, v)?;
            match d {
                VerbTense::Decided(d) => return Some(d),
                VerbTense::Infinitive => v = sent.get(v)?.head?,
                VerbTense::Unclear => return None,
            }
        }
        None
    }

    fn verb_tense(&self, sent: &[Clue], v: usize) -> Option<VerbTense> {
        let verb = sent.get(v)?;
        if !verb.xpos.starts_with("VB") {
            return Some(VerbTense::Unclear);
        }
        let aux: Vec<&Clue> = sent
            .iter()
            .filter(|c| c.head == Some(v) && c.deprel.starts_with("aux"))
            .collect();
        if aux
            .iter()
            .any(|a| matches!(a.lower, "will" | "'ll" | "shall" | "wo" | "would"))
        {
            return Some(VerbTense::Decided(Direction::Future));
        }
        // `is to meet`, `are going to meet`.
        let before = |k: usize| {
            v.checked_sub(k)
                .and_then(|j| sent.get(j))
                .map(|c| c.lower)
                .unwrap_or("")
        };
        if before(1) == "to" && (matches!(before(2), "is" | "are" | "am") || before(2) == "going") {
            return Some(VerbTense::Decided(Direction::Future));
        }
        Some(match verb.xpos {
            "VBD" => VerbTense::Decided(Direction::Past),
            "VBN" => {
                if aux.iter().any(|a| matches!(a.lower, "will" | "be")) {
                    VerbTense::Decided(Direction::Future)
                } else if aux
                    .iter()
                    .any(|a| matches!(a.lower, "is" | "are" | "'s" | "'re" | "am"))
                {
                    // `is expected/scheduled ... on Sunday` looks ahead; `is based` does not say.
                    VerbTense::Unclear
                } else {
                    VerbTense::Decided(Direction::Past)
                }
            }
            "VBG"
                if aux
                    .iter()
                    .any(|a| matches!(a.lower, "is" | "are" | "'s" | "'re" | "am")) =>
            {
                VerbTense::Decided(Direction::Future)
            }
            "VBG" if aux.iter().any(|a| matches!(a.lower, "was" | "were")) => {
                VerbTense::Decided(Direction::Past)
            }
            "VB" if aux
                .iter()
                .any(|a| matches!(a.lower, "did" | "could" | "might")) =>
            {
                if aux.iter().any(|a| a.lower == "did") {
                    VerbTense::Decided(Direction::Past)
                } else {
                    VerbTense::Unclear
                }
            }
            "VB" if aux.iter().any(|a| matches!(a.lower, "to")) || before(1) == "to" => {
                VerbTense::Infinitive
            }
            _ => VerbTense::Unclear,
        })
    }

    /// The nearest tense cue around the expression, left side first on ties.
    fn nearest_cue(&self, sent: &[Clue], first: usize, last: usize) -> Direction {
        const REACH: usize = 12;
        // Stop at a sentence end on either side (raw text has no sentences).
        let (mut left_open, mut right_open) = (true, true);
        for dist in 1..=REACH {
            let left = first.checked_sub(dist).filter(|_| left_open);
            let right = Some(last + dist).filter(|_| right_open);
            for (j, is_left) in [(left, true), (right, false)] {
                let Some(j) = j else { continue };
                let Some(c) = sent.get(j) else { continue };
                if matches!(c.lower, "." | "!" | "?" | "\n") {
                    if is_left {
                        left_open = false;
                    } else {
                        right_open = false;
                    }
                    continue;
                }
                if let Some(d) = self.cue(sent, j) {
                    return d;
                }
            }
        }
        Direction::Unknown
    }

    fn cue(&self, sent: &[Clue], j: usize) -> Option<Direction> {
        let c = sent.get(j)?;
        let next = sent.get(j + 1).map(|c| c.lower).unwrap_or("");
        let prev = j
            .checked_sub(1)
            .and_then(|k| sent.get(k))
            .map(|c| c.lower)
            .unwrap_or("");
        // `is to`, `going to`, `set to begin`, `to be held`.
        if matches!(
            c.lower,
            "is" | "are"
                | "going"
                | "set"
                | "due"
                | "scheduled"
                | "expected"
                | "slated"
                | "poised"
                | "likely"
        ) && next == "to"
        {
            return Some(Direction::Future);
        }
        if c.lower == "be" && prev == "to" {
            return Some(Direction::Future);
        }
        // The participle after `be` (`will be held`) says nothing: its auxiliary decides.
        if matches!(prev, "be" | "being") {
            return None;
        }
        // Modals look ahead unless followed by a perfect (`could have met`).
        if matches!(c.lower, "may" | "might" | "could" | "should" | "must") && c.xpos != "NNP" {
            return (next != "have").then_some(Direction::Future);
        }
        if !c.xpos.is_empty() {
            // `has been scheduled`, `was expected`: the word looks ahead whatever its tense.
            if self.kind.get(c.lower) == Some(&Cue::Future) && c.xpos != "MD" {
                return Some(Direction::Future);
            }
            if c.xpos == "MD" {
                return matches!(c.lower, "will" | "'ll" | "shall" | "wo" | "would")
                    .then_some(Direction::Future);
            }
            if c.xpos == "VBD" {
                return Some(Direction::Past);
            }
            // A participle is past unless passive with a present or future
            // auxiliary (`is held`, `will be held`); a bare one is usually a
            // past-tense verb the tagger took for a participle, or a reduced
            // relative (`plans announced in January`).
            if c.xpos == "VBN" {
                if self.kind.get(c.lower) == Some(&Cue::NotPast)
                    || matches!(c.lower, "been" | "being")
                {
                    return None;
                }
                return (!matches!(
                    prev,
                    "is" | "are" | "am" | "'s" | "'re" | "be" | "being" | "will"
                ))
                .then_some(Direction::Past);
            }
            return None;
        }
        match self.kind.get(c.lower) {
            Some(Cue::Future) => Some(Direction::Future),
            Some(Cue::Past) => Some(Direction::Past),
            Some(Cue::NotPast) => None,
            None => {
                let w = c.lower;
                (w.len() > 4 && w.ends_with("ed") && w.chars().all(|ch| ch.is_ascii_lowercase()))
                    .then_some(Direction::Past)
            }
        }
    }
}

enum VerbTense {
    Decided(Direction),
    /// `to meet`: the governing verb decides.
    Infinitive,
    Unclear,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clues(words: &[&'static str]) -> Vec<Clue<'static>> {
        words
            .iter()
            .map(|w| Clue {
                lower: w,
                xpos: "",
                head: None,
                deprel: "",
            })
            .collect()
    }

    #[test]
    fn the_parse_overrides_nearer_cue_words() {
        // "On Sunday officials who will retire resigned": `will` is nearer,
        // but `Sunday` hangs off `resigned` (VBD).
        let c = |lower, xpos, head, deprel| Clue {
            lower,
            xpos,
            head,
            deprel,
        };
        let s = [
            c("on", "IN", Some(1), "case"),
            c("sunday", "NNP", Some(6), "obl"),
            c("officials", "NNS", Some(6), "nsubj"),
            c("who", "WP", Some(5), "nsubj"),
            c("will", "MD", Some(5), "aux"),
            c("retire", "VB", Some(2), "acl:relcl"),
            c("resigned", "VBD", None, "root"),
        ];
        let cues = TenseCues::builtin();
        assert_eq!(cues.direction(&s, 1, 1), Direction::Past);
        let words: Vec<Clue> = s
            .iter()
            .map(|x| Clue {
                xpos: "",
                head: None,
                deprel: "",
                ..*x
            })
            .collect();
        assert_eq!(cues.direction(&words, 1, 1), Direction::Future);
    }

    #[test]
    fn builtin_cues_parse() {
        assert!(TenseCues::parse(include_str!("../data/tense_cues.txt")).is_ok());
        assert!(TenseCues::parse("sometimes when").is_err());
    }

    #[test]
    fn words_decide_without_tags() {
        let cues = TenseCues::builtin();
        let s = clues(&["rebels", "attacked", "the", "town", "on", "sunday"]);
        assert_eq!(cues.direction(&s, 5, 5), Direction::Past);
        let s = clues(&["the", "leaders", "will", "meet", "on", "sunday"]);
        assert_eq!(cues.direction(&s, 5, 5), Direction::Future);
        let s = clues(&["he", "said", "they", "will", "meet", "on", "sunday"]);
        assert_eq!(cues.direction(&s, 6, 6), Direction::Future);
        let s = clues(&["talks", "on", "sunday"]);
        assert_eq!(cues.direction(&s, 2, 2), Direction::Unknown);
    }
}
