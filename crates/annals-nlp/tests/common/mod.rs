//! Shared by the tagger and entity tests: documents built from sentences we
//! wrote, tokenized on spaces.

use annals_core::{Doc, Document, Sentence, Span, Token};

/// A document of `sentences`, each tokenized on spaces, sentences joined by
/// one space.
pub fn doc_of(sentences: &[&str]) -> Doc {
    let mut text = String::new();
    let mut doc = Doc::default();
    for s in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        let first = doc.tokens.len();
        let start = text.len();
        for (j, w) in s.split(' ').enumerate() {
            if j > 0 {
                text.push(' ');
            }
            let a = text.len();
            text.push_str(w);
            doc.tokens.push(Token {
                span: Span::new(a, text.len()),
                text: w.to_owned(),
                space_after: true,
                ..Default::default()
            });
        }
        doc.sentences.push(Sentence {
            span: Span::new(start, text.len()),
            tokens: first..doc.tokens.len(),
        });
    }
    doc.document = Document::new("t", text);
    doc
}
