//! Sentence-boundary F1 and token agreement on UD English EWT test (shared corpus).
//! Prints the figures; asserts only a floor well below them.

use annals_text::{eval, TextAnalyzer};

fn corpus(name: &str) -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/ud_english_ewt/"
    )
    .to_string()
        + name;
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("note: {path} not found; skipping");
            None
        }
    }
}

#[test]
fn ewt_test_sentences_and_tokens() {
    let Some(text) = corpus("en_ewt-ud-test.conllu") else {
        return;
    };
    let sents = annals_core::conllu::parse(&text).unwrap();
    let ta = TextAnalyzer::new();
    let texts: Vec<&str> = sents.iter().filter_map(|s| s.text.as_deref()).collect();
    let sb = eval::sentence_boundaries(&ta, &texts);
    let (tok, skipped) = eval::token_agreement(&ta, &sents);
    println!("EWT test sentence boundaries: {sb}");
    println!("EWT test token spans: {tok} ({skipped} sentences skipped)");
    assert!(sb.f1() > 0.6, "{sb}");
    assert!(tok.f1() > 0.9, "{tok}");
}
