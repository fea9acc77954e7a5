//! Prints the actor coder's throughput next to the stages before it, on the
//! PLOVER dev texts: `cargo bench -p annals-actors`.

use std::time::Instant;

use annals_actors::{bench, ActorCoder};
use annals_core::{Component, Doc, Document};

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/gold/plover_gsr_dev.jsonl"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} absent, nothing to measure");
        return;
    };
    let texts: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let ta = annals_text::TextAnalyzer::new();
    let tagger = match annals_nlp::Tagger::embedded() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("note: tagger unavailable ({e}), nothing to compare with");
            return;
        }
    };
    // The parser model may be mid-retraining: measure without it then.
    let parser = annals_parser::Parser::embedded()
        .map_err(|e| eprintln!("note: parser unavailable ({e}), measuring without it"))
        .ok();
    let ner = annals_nlp::EntityRecognizer::embedded().ok();
    let rounds = 5;
    let mut docs = Vec::new();
    let t = Instant::now();
    let cpu0 = bench::thread_cpu_seconds();
    for _ in 0..rounds {
        docs.clear();
        for (i, s) in texts.iter().enumerate() {
            let mut d = Doc::new(Document::new(format!("d{i}"), s.clone()));
            ta.process(&mut d).unwrap();
            tagger.process(&mut d).unwrap();
            if let Some(p) = &parser {
                p.process(&mut d).unwrap();
            }
            if let Some(n) = &ner {
                n.process(&mut d).unwrap();
            }
            docs.push(d);
        }
    }
    let upstream = match (cpu0, bench::thread_cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => t.elapsed().as_secs_f64(),
    };
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum::<usize>() * rounds;
    println!("lexicon load: {:.1} ms", 1000.0 * bench::load_seconds());
    let coder = ActorCoder::embedded();
    let th = bench::run(&coder, &docs, rounds);
    println!(
        "text+tagger{}{}: {:.0} tokens/s; actors: {:.0} tokens/s per CPU second ({:.1}% of the CPU time of the stages before it)",
        if parser.is_some() { "+parser" } else { "" },
        if ner.is_some() { "+ner" } else { "" },
        tokens as f64 / upstream,
        th.tokens_per_second(),
        100.0 * th.cpu_seconds.unwrap_or(th.seconds) / upstream
    );
}
