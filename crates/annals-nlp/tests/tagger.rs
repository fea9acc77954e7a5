//! Behaviour of the shipped tagger and lemmatizer on wire-style sentences we wrote.

use annals_core::{Component, Doc, Document, Sentence, Span, Token, Upos};
use annals_nlp::{NlpError, Tagger};

fn doc_of(sentences: &[&str]) -> Doc {
    let mut text = String::new();
    let mut doc = Doc::default();
    for s in sentences {
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
        text.push(' ');
    }
    doc.document = Document::new("t", text);
    doc
}

#[test]
fn tags_and_lemmatizes_a_wire_sentence() {
    let tagger = Tagger::embedded().unwrap();
    let mut doc = doc_of(&[
        "Police fired tear gas at protesters in Baghdad on Sunday , officials said .",
        "Militants struck a convoy near the border and killed two soldiers .",
    ]);
    tagger.process(&mut doc).unwrap();
    let find = |w: &str| doc.tokens.iter().find(|t| t.text == w).unwrap();
    assert_eq!(find("fired").upos, Upos::Verb);
    assert_eq!(find("fired").xpos, "VBD");
    assert_eq!(find("fired").lemma, "fire");
    assert_eq!(find("struck").lemma, "strike");
    assert_eq!(find("killed").lemma, "kill");
    assert_eq!(find("soldiers").lemma, "soldier");
    assert_eq!(find("protesters").upos, Upos::Noun);
    assert_eq!(find("Baghdad").upos, Upos::Propn);
    assert_eq!(find("Baghdad").lemma, "Baghdad");
    assert_eq!(find("said").lemma, "say");
    assert_eq!(find(",").upos, Upos::Punct);
    // Every token got a tag and a lemma.
    assert!(doc
        .tokens
        .iter()
        .all(|t| !t.xpos.is_empty() && !t.lemma.is_empty()));
}

#[test]
fn same_word_different_tags_by_context() {
    let tagger = Tagger::embedded().unwrap();
    let a = tagger.tag(&["The", "protest", "turned", "violent", "."]);
    let b = tagger.tag(&["They", "protest", "the", "new", "law", "."]);
    assert_eq!(a[1].upos, Upos::Noun);
    assert_eq!(b[1].upos, Upos::Verb);
}

#[test]
fn model_round_trips_through_bytes() {
    let tagger = Tagger::embedded().unwrap();
    let again = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
    let words = ["Rebels", "seized", "the", "airport", "in", "Tripoli", "."];
    assert_eq!(tagger.annotate(&words), again.annotate(&words));
}

#[test]
fn corrupt_model_is_an_error_not_a_panic() {
    let bytes = Tagger::embedded().unwrap().to_bytes();
    for cut in [0, 3, 8, 100, bytes.len() / 2, bytes.len() - 1] {
        let r = Tagger::from_bytes(&bytes[..cut]);
        assert!(matches!(r, Err(NlpError::BadModel { .. })), "cut at {cut}");
    }
    let mut wrong = bytes.clone();
    wrong[0] = b'X';
    assert!(Tagger::from_bytes(&wrong)
        .unwrap_err()
        .to_string()
        .contains("magic"));
    let missing = Tagger::from_path(std::path::Path::new("/nonexistent/tagger.bin"));
    assert!(matches!(missing, Err(NlpError::Io { .. })));
}

#[test]
fn empty_sentence_and_odd_tokens_do_not_panic() {
    let tagger = Tagger::embedded().unwrap();
    assert!(tagger.tag(&[]).is_empty());
    let odd = [
        "",
        "—",
        "🙂",
        "ÉTATS-UNIS",
        "12,000",
        "@handle",
        "http://example.invalid/x",
    ];
    assert_eq!(tagger.annotate(&odd).len(), odd.len());
}
