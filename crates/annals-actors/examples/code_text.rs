//! Code the actors of a sentence given on the command line through the full
//! pipeline and print them: `cargo run --example code_text -- "Iraqi police fired tear gas."`

use annals_actors::ActorCoder;
use annals_core::{Component, Doc, Document};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let mut doc = Doc::new(Document::new("cli", text));
    doc.document.date = "2024-01-01".parse().ok();
    annals_text::TextAnalyzer::new().process(&mut doc)?;
    annals_nlp::Tagger::embedded()?.process(&mut doc)?;
    match annals_parser::Parser::embedded() {
        Ok(p) => p.process(&mut doc)?,
        Err(e) => eprintln!("note: parser unavailable ({e})"),
    }
    if let Ok(ner) = annals_nlp::EntityRecognizer::embedded() {
        ner.process(&mut doc)?;
    }
    ActorCoder::embedded().process(&mut doc)?;
    for t in &doc.tokens {
        print!(
            "{}/{}/{} ",
            t.text,
            t.upos,
            t.head.map(|h| h as i64).unwrap_or(-1)
        );
    }
    println!();
    for a in &doc.actors {
        println!(
            "{:<45} {:<12} {:<24} ante={:?} patron={:?} entity={:?}",
            a.text, a.code.code, a.rule, a.antecedent, a.patron, a.entity
        );
    }
    Ok(())
}
