//! annals-text: the first pipeline stage — tokens and sentences.
//!
//! [`TextAnalyzer`] is the [`Component`] that fills [`Doc::tokens`] and
//! [`Doc::sentences`]. It runs three steps:
//!
//! 1. [`normalize`]: mojibake repair (`â€™` → `’`, `Ã©` → `é`). Tokens carry
//!    the repaired form in `Token::text`; their spans still cover the original
//!    bytes of `Document::text`.
//! 2. [`tokenize`](TextAnalyzer::tokenize): words split the way UD English
//!    EWT splits them (see the `tokenize` module docs), because the tagger and
//!    parser are trained on EWT and GUM.
//! 3. Sentence splitting (rules listed in the `segment` module docs). The
//!    wire dateline (`BAGHDAD, Dec 31 (Reuters) -`) is always **its own
//!    sentence**: from `Document::dateline` when the reader found one, else
//!    detected by shape. It stays tokenized so its spans are available, but no
//!    event sentence contains it.
//!
//! [`Abbreviations`] (from `data/abbreviations.txt`, replaceable) decides which
//! words keep a final period and whether they can end a sentence. [`eval`]
//! scores the splitter and tokenizer against CoNLL-U gold; [`bench`](mod@bench) measures
//! throughput.
//!
//! ```
//! use annals_core::{Component, Doc, Document};
//! use annals_text::TextAnalyzer;
//!
//! let mut doc = Doc::new(Document::new(
//!     "d1",
//!     "BAGHDAD, Dec 31 (Reuters) - Protesters stormed the U.S. embassy. Iraq's PM didn't comment.",
//! ));
//! TextAnalyzer::new().process(&mut doc).unwrap();
//! assert_eq!(doc.sentences.len(), 3);
//! let words: Vec<&str> = doc.sentence_tokens(2).iter().map(|t| t.text.as_str()).collect();
//! assert_eq!(words, ["Iraq", "'s", "PM", "did", "n't", "comment", "."]);
//! ```

mod abbrev;
pub mod bench;
pub mod eval;
pub mod normalize;
mod segment;
mod tokenize;

use std::path::Path;

use annals_core::{Component, ComponentError, Doc, Sentence, Span, Token};

pub use abbrev::{AbbrevClass, Abbreviations, DEFAULT_ABBREVIATIONS};
pub use segment::MAX_SENTENCE_TOKENS;

/// Errors building a [`TextAnalyzer`].
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("abbreviation list line {line}: {message}")]
    Lexicon { line: usize, message: String },
    #[error("reading abbreviation list {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Tokens and sentences of one text, as [`TextAnalyzer::analyze`] returns them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

/// Tokenizer and sentence splitter (the `text` pipeline stage).
#[derive(Debug, Clone, Default)]
pub struct TextAnalyzer {
    abbreviations: Abbreviations,
}

impl TextAnalyzer {
    /// With the built-in abbreviation list.
    pub fn new() -> Self {
        TextAnalyzer::default()
    }

    /// With an abbreviation list in the `data/abbreviations.txt` format.
    pub fn with_abbreviations(list: &str) -> Result<Self, TextError> {
        Ok(TextAnalyzer {
            abbreviations: Abbreviations::parse(list)?,
        })
    }

    /// With an abbreviation list read from `path`.
    pub fn from_abbreviations_file(path: impl AsRef<Path>) -> Result<Self, TextError> {
        let path = path.as_ref();
        let list = std::fs::read_to_string(path).map_err(|source| TextError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::with_abbreviations(&list)
    }

    /// Tokenize and split `text`. `breaks` are byte offsets of `text` that
    /// must fall between sentences (the dateline's start and end).
    pub fn analyze(&self, text: &str, breaks: &[usize]) -> Analysis {
        let norm = normalize::repair_mojibake(text);
        let nt: &str = &norm.text;
        let mut pieces = Vec::with_capacity(nt.len() / 5 + 1);
        tokenize::tokenize(nt, &self.abbreviations, &mut pieces);
        let repaired = norm.is_repaired();
        let to_input = |p: usize| if repaired { norm.to_input(p) } else { p };
        let mut tokens = Vec::with_capacity(pieces.len());
        let mut starts = Vec::with_capacity(pieces.len());
        for p in &pieces {
            let form = nt.get(p.start..p.end).unwrap_or("");
            let space_after = nt
                .get(p.end..)
                .and_then(|r| r.chars().next())
                .is_some_and(tokenize::is_space);
            let span = Span::new(to_input(p.start), to_input(p.end));
            starts.push(span.start);
            tokens.push(Token {
                span,
                text: form.to_owned(),
                space_after,
                ..Default::default()
            });
        }
        let ranges = segment::split(nt, &pieces, &starts, breaks, &self.abbreviations);
        let sentences = ranges
            .into_iter()
            .filter_map(|r| {
                let first = tokens.get(r.start)?;
                let last = tokens.get(r.end.checked_sub(1)?)?;
                Some(Sentence {
                    span: Span::new(first.span.start, last.span.end),
                    tokens: r,
                })
            })
            .collect();
        Analysis { tokens, sentences }
    }

    /// Token spans and forms of `text`, without sentence splitting.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        self.analyze(text, &[]).tokens
    }

    /// Sentence spans of `text`.
    pub fn split_sentences(&self, text: &str) -> Vec<Span> {
        self.analyze(text, &[])
            .sentences
            .into_iter()
            .map(|s| s.span)
            .collect()
    }
}

impl Component for TextAnalyzer {
    fn name(&self) -> &'static str {
        "text"
    }

    /// Replaces `doc.tokens` and `doc.sentences`.
    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let breaks: Vec<usize> = match &doc.document.dateline {
            Some(d) if !d.span.is_empty() => vec![d.span.start, d.span.end],
            _ => Vec::new(),
        };
        let a = self.analyze(&doc.document.text, &breaks);
        doc.tokens = a.tokens;
        doc.sentences = a.sentences;
        Ok(())
    }
}
