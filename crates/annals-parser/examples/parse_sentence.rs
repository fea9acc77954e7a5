//! Tag (annals-nlp) and parse pre-tokenized sentences given as arguments,
//! printing CoNLL-U-like lines: a quick way to inspect the model.
//!
//! ```text
//! cargo run --release -p annals-parser --example parse_sentence -- "Police fired tear gas ."
//! ```

use annals_core::Token;
use annals_parser::Parser;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tagger = annals_nlp::Tagger::embedded()?;
    let parser = match std::env::var_os("ANNALS_PARSER_MODEL") {
        Some(p) => Parser::from_path(std::path::Path::new(&p))?,
        None => Parser::embedded()?,
    };
    for sentence in std::env::args().skip(1) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let mut tokens: Vec<Token> = tagger
            .annotate(&words)
            .into_iter()
            .zip(&words)
            .map(|((upos, xpos, lemma), w)| Token {
                text: (*w).to_owned(),
                upos,
                xpos,
                lemma,
                ..Token::default()
            })
            .collect();
        parser.parse_sentence(&mut tokens);
        for (i, t) in tokens.iter().enumerate() {
            let head = t.head.map_or(0, |h| h + 1);
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                t.text,
                t.upos,
                t.xpos,
                head,
                t.deprel
            );
        }
        println!();
    }
    Ok(())
}
