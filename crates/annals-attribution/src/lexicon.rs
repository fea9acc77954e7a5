//! The two data files behind attribution: news sources (`data/sources.tsv`)
//! and cue words (`data/cues.txt`).

use annals_core::fxhash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

use annals_core::{Token, Upos};
use annals_text::TextAnalyzer;

use crate::AttributionError;

/// The built-in source list.
pub const DEFAULT_SOURCES: &str = include_str!("../data/sources.tsv");
/// The built-in cue lists.
pub const DEFAULT_CUES: &str = include_str!("../data/cues.txt");

/// One news agency or outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    /// Canonical name written to `SourceMention::name` and `reported_by`.
    pub name: String,
    /// `agency` or `outlet`.
    pub kind: String,
    pub aliases: Vec<String>,
}

/// News sources, matched on token sequences.
#[derive(Debug, Clone)]
pub struct SourceLexicon {
    entries: Vec<SourceEntry>,
    /// First token of an alias → (alias tokens, entry), longest alias first.
    by_first: FxHashMap<String, Vec<(Vec<String>, usize)>>,
    /// Any alias or name, lower-cased → entry (for dateline agencies and metadata).
    by_name: FxHashMap<String, usize>,
}

impl SourceLexicon {
    /// Parse the `data/sources.tsv` format: `name<TAB>kind<TAB>alias|alias`.
    pub fn parse(text: &str) -> Result<Self, AttributionError> {
        let analyzer = TextAnalyzer::new();
        let mut lex = SourceLexicon {
            entries: Vec::new(),
            by_first: FxHashMap::default(),
            by_name: FxHashMap::default(),
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [name, kind, aliases] = cols[..] else {
                return Err(AttributionError::Lexicon {
                    file: "sources",
                    line: i + 1,
                    message: format!("expected `name<TAB>kind<TAB>aliases`, found {line:?}"),
                });
            };
            let idx = lex.entries.len();
            let mut entry = SourceEntry {
                name: name.trim().to_owned(),
                kind: kind.trim().to_owned(),
                aliases: Vec::new(),
            };
            lex.by_name.insert(entry.name.to_lowercase(), idx);
            for alias in aliases.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                let toks: Vec<String> = analyzer
                    .tokenize(alias)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                if let Some(first) = toks.first() {
                    lex.by_first
                        .entry(first.clone())
                        .or_default()
                        .push((toks, idx));
                }
                lex.by_name.insert(alias.to_lowercase(), idx);
                entry.aliases.push(alias.to_owned());
            }
            lex.entries.push(entry);
        }
        for v in lex.by_first.values_mut() {
            v.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        }
        Ok(lex)
    }

    pub fn entries(&self) -> &[SourceEntry] {
        &self.entries
    }

    /// The source whose alias starts at `tokens[i]`: (tokens matched, entry).
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &SourceEntry)> {
        let first = tokens.get(i)?;
        let cands = self.by_first.get(first.text.as_str())?;
        cands.iter().find_map(|(alias, idx)| {
            let window = tokens.get(i..i + alias.len())?;
            let same = window.iter().zip(alias).all(|(t, a)| t.text == *a);
            // Multi-token aliases must not straddle whitespace oddly: require adjacency
            // only where the alias itself has none (`Al-Arabiya`), which tokenization preserves.
            if same {
                self.entries.get(*idx).map(|e| (alias.len(), e))
            } else {
                None
            }
        })
    }

    /// The entry for a name as written anywhere (dateline agency, metadata source).
    pub fn lookup(&self, name: &str) -> Option<&SourceEntry> {
        let key = name
            .trim()
            .trim_matches(|c: char| c == '(' || c == ')')
            .to_lowercase();
        self.by_name.get(&key).and_then(|&i| self.entries.get(i))
    }
}

impl Default for SourceLexicon {
    fn default() -> Self {
        // Covered by a unit test; an empty lexicon is the safe fallback.
        SourceLexicon::parse(DEFAULT_SOURCES).unwrap_or(SourceLexicon {
            entries: Vec::new(),
            by_first: FxHashMap::default(),
            by_name: FxHashMap::default(),
        })
    }
}

/// Cue words, lower-cased.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    pub speech: FxHashSet<String>,
    pub statement: FxHashSet<String>,
    pub claim: FxHashSet<String>,
    pub hedge: Vec<Vec<String>>,
    /// First words of the hedges, for a quick test.
    pub hedge_first: FxHashSet<String>,
    pub report: FxHashSet<String>,
    pub source_before: Vec<Vec<String>>,
    pub filler: FxHashSet<String>,
}

impl Cues {
    /// Parse the `data/cues.txt` format (`[section]` headers, one entry per line).
    pub fn parse(text: &str) -> Result<Self, AttributionError> {
        let mut cues = Cues::default();
        let mut section = String::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.to_owned();
                continue;
            }
            let entry = line.to_lowercase();
            let words = || {
                entry
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            match section.as_str() {
                "speech" => drop(cues.speech.insert(entry)),
                "statement" => drop(cues.statement.insert(entry)),
                "claim" => drop(cues.claim.insert(entry)),
                "hedge" => cues.hedge.push(words()),
                "report" => drop(cues.report.insert(entry)),
                "source-before" => cues.source_before.push(words()),
                "filler" => drop(cues.filler.insert(entry)),
                other => {
                    return Err(AttributionError::Lexicon {
                        file: "cues",
                        line: i + 1,
                        message: format!("entry outside a known [section] (in {other:?})"),
                    })
                }
            }
        }
        cues.hedge.sort_by_key(|a| std::cmp::Reverse(a.len()));
        cues.hedge_first = cues
            .hedge
            .iter()
            .filter_map(|h| h.first().cloned())
            .collect();
        cues.source_before
            .sort_by_key(|a| std::cmp::Reverse(a.len()));
        Ok(cues)
    }

    pub fn embedded() -> Self {
        Cues::parse(DEFAULT_CUES).unwrap_or_default()
    }

    /// A speech verb as used: lower-case (`States` is a name) and, once
    /// tagged, a verb.
    pub fn is_speech(&self, t: &Token) -> bool {
        verb_like(t) && self.speech.contains(t.text.as_str())
    }

    /// A claim verb (`accused`, `claimed`) as used.
    pub fn is_claim(&self, t: &Token) -> bool {
        verb_like(t) && self.claim.contains(t.text.as_str())
    }
}

/// Lower-case and, when the tagger has run, tagged as a verb.
fn verb_like(t: &Token) -> bool {
    t.text.starts_with(|c: char| c.is_lowercase())
        && matches!(t.upos, Upos::X | Upos::Verb | Upos::Aux)
}

/// Lower-case `s`, borrowing when it already is.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether `tokens[i..]` starts with `words` (lower-case), case-insensitively.
pub(crate) fn starts_with_words(tokens: &[Token], i: usize, words: &[String]) -> bool {
    match tokens.get(i..i + words.len()) {
        Some(w) => w
            .iter()
            .zip(words)
            .all(|(t, x)| t.text.eq_ignore_ascii_case(x)),
        None => false,
    }
}

/// Whether `tokens[..end]` ends with `words`.
pub(crate) fn ends_with_words(tokens: &[Token], end: usize, words: &[String]) -> bool {
    end >= words.len() && starts_with_words(tokens, end - words.len(), words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_parse() {
        let s = SourceLexicon::parse(DEFAULT_SOURCES).unwrap();
        assert!(s.entries().len() > 50);
        assert_eq!(
            s.lookup("Reuters").map(|e| e.name.as_str()),
            Some("Reuters")
        );
        assert_eq!(s.lookup("(AFP)").map(|e| e.name.as_str()), Some("AFP"));
        assert_eq!(
            s.lookup("Agence France-Presse").map(|e| e.name.as_str()),
            Some("AFP")
        );
        let c = Cues::parse(DEFAULT_CUES).unwrap();
        assert!(c.speech.contains("said") && c.claim.contains("accused"));
        assert!(c.hedge.iter().any(|h| h == &["reportedly"]));
    }

    #[test]
    fn alias_matches_tokens() {
        let s = SourceLexicon::default();
        let toks = TextAnalyzer::new().tokenize("the Al-Arabiya channel and Iraqi News Agency");
        assert_eq!(
            s.match_at(&toks, 1).map(|(n, e)| (n, e.name.as_str())),
            Some((3, "Al Arabiya"))
        );
        assert_eq!(
            s.match_at(&toks, 6).map(|(n, e)| (n, e.name.as_str())),
            Some((3, "INA"))
        );
        assert!(s.match_at(&toks, 0).is_none());
    }

    #[test]
    fn bad_lines_are_reported() {
        assert!(SourceLexicon::parse("Reuters agency\n")
            .unwrap_err()
            .to_string()
            .contains("line 1"));
        assert!(Cues::parse("said\n").is_err());
    }
}
