//! Print the quotes, posts and sources found in a text read from stdin.
//!
//! `echo '“We will leave,” he said.' | cargo run -p annals-attribution --example show`
//!
//! With `--events`, every word ending in `ed` becomes a stand-in event and
//! its attribution is printed.

use std::io::Read;

use annals_attribution::{Attributor, QuoteFinder};
use annals_core::{Component, Doc, Document, Event};
use annals_text::TextAnalyzer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut doc = Doc::new(Document::new("stdin", text));
    TextAnalyzer::new().process(&mut doc)?;
    QuoteFinder::new().process(&mut doc)?;
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("S{i}: {}", doc.slice(s.span));
    }
    for q in &doc.quotes {
        println!(
            "QUOTE {:?} speaker={:?} cue={:?}",
            doc.slice(q.span),
            q.speaker,
            q.cue
        );
    }
    for p in &doc.posts {
        println!(
            "POST {:?} author={:?} handle={:?} date={:?} platform={:?}",
            doc.slice(p.span),
            p.author,
            p.handle,
            p.date,
            p.platform
        );
    }
    for s in &doc.sources {
        println!(
            "SOURCE {} kind={} scope={:?} at {:?}",
            s.name,
            s.kind,
            s.scope,
            doc.slice(s.span)
        );
    }
    if std::env::args().any(|a| a == "--events") {
        let mut events = Vec::new();
        for (s, sent) in doc.sentences.iter().enumerate() {
            for t in doc.tokens.get(sent.tokens.clone()).unwrap_or(&[]) {
                if t.text.len() > 3 && t.text.ends_with("ed") {
                    events.push(Event {
                        sentence: s,
                        trigger: t.span,
                        ..Default::default()
                    });
                }
            }
        }
        doc.events = events;
        Attributor::new().process(&mut doc)?;
        for e in &doc.events {
            println!(
                "EVENT {:?} s{} {} {}",
                doc.slice(e.trigger),
                e.sentence,
                e.modality,
                serde_json::to_string(&e.attribution)?
            );
        }
    }
    Ok(())
}
