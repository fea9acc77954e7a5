//! Odd input never panics and always yields a well-formed tree: one root,
//! every other word headed inside the sentence, no cycles.

use annals_core::{Component, Doc, Document, Sentence, Span, Token, Upos};
use annals_parser::Parser;

fn token(text: &str, upos: Upos, xpos: &str) -> Token {
    Token {
        text: text.into(),
        upos,
        xpos: xpos.into(),
        ..Token::default()
    }
}

fn assert_tree(tokens: &[Token]) {
    let roots = tokens.iter().filter(|t| t.head.is_none()).count();
    assert_eq!(roots, 1, "one root in {tokens:?}");
    for (i, t) in tokens.iter().enumerate() {
        assert!(!t.deprel.is_empty());
        // Walking up from any word reaches the root within n steps.
        let mut at = i;
        let mut steps = 0;
        while let Some(h) = tokens[at].head {
            assert!(h < tokens.len());
            at = h;
            steps += 1;
            assert!(steps <= tokens.len(), "cycle through word {i}");
        }
    }
}

#[test]
fn single_word_and_empty_sentences() {
    let parser = Parser::embedded().unwrap();
    let mut one = vec![token("Explosion", Upos::Noun, "NN")];
    parser.parse_sentence(&mut one);
    assert_eq!(one[0].head, None);
    assert_eq!(one[0].deprel, "root");
    let mut none: Vec<Token> = Vec::new();
    parser.parse_sentence(&mut none);
}

#[test]
fn long_run_on_and_untagged_input() {
    let parser = Parser::embedded().unwrap();
    // A 600-word list of names and commas, as a badly split wire table might give.
    let mut long: Vec<Token> = (0..600)
        .map(|i| {
            if i % 2 == 0 {
                token("Mosul", Upos::Propn, "NNP")
            } else {
                token(",", Upos::Punct, ",")
            }
        })
        .collect();
    parser.parse_sentence(&mut long);
    assert_tree(&long);
    // No tags at all (tagger skipped): still a tree.
    let mut bare: Vec<Token> = "Rebels shelled the town overnight"
        .split(' ')
        .map(|w| Token {
            text: w.into(),
            ..Token::default()
        })
        .collect();
    parser.parse_sentence(&mut bare);
    assert_tree(&bare);
}

#[test]
fn component_rejects_bad_sentence_range() {
    let parser = Parser::embedded().unwrap();
    let mut doc = Doc::new(Document::new("bad", "Troops withdrew."));
    doc.tokens.push(token("Troops", Upos::Noun, "NNS"));
    doc.sentences.push(Sentence {
        span: Span::new(0, 16),
        tokens: 0..3,
    });
    let err = parser.process(&mut doc).unwrap_err().to_string();
    assert!(err.contains("bad") && err.contains("sentence 0"), "{err}");
}

/// Every sentence of the shared treebanks (EWT dev, GUM dev, PUD), tagged
/// by the shipped tagger and parsed with every repair, is a tree: the
/// repairs rewrite heads, and one of them once closed a cycle on a real
/// sentence (a reporter clause read inside its own subject), which sent a
/// later repair's climb up the heads into an endless loop. Needs
/// `../shared` beside the repository, as in CI.
#[test]
fn every_treebank_sentence_parses_to_a_tree() {
    let corpora = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora"
    ));
    let files = [
        "ud_english_ewt/en_ewt-ud-dev.conllu",
        "gum_permissive/gum_permissive-dev.conllu",
        "ud_english_pud/en_pud-ud-test.conllu",
    ];
    let tagger = annals_nlp::Tagger::embedded().unwrap();
    let parser = Parser::embedded().unwrap();
    let mut sentences = 0;
    for f in files {
        let path = corpora.join(f);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is not there", path.display());
            continue;
        };
        let gold = annals_core::conllu::parse(&text).unwrap();
        let mut doc = annals_core::conllu::to_doc(f, &gold);
        for t in &mut doc.tokens {
            t.head = None;
            t.deprel.clear();
        }
        tagger.process(&mut doc).unwrap();
        parser.process(&mut doc).unwrap();
        for s in &doc.sentences {
            assert_tree(&doc.tokens[s.tokens.clone()]);
            sentences += 1;
        }
    }
    assert!(
        sentences == 0 || sentences > 4000,
        "{sentences} sentences parsed"
    );
}
