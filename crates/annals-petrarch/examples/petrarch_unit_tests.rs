//! Run PETRARCH2's unit-test records through annals' tokenizer, tagger and parser and print
//! per-category figures (the CLI's `annals petrarch-validate` does the same).
//!
//! `cargo run --release -p annals-petrarch --example petrarch_unit_tests -- [RECORDS.xml] [-v] [--no-parse]`

use annals_core::Component;
use annals_petrarch::validate::{run, tally_by_category, RecordsFile};
use annals_petrarch::PetrarchCoder;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let path = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/peer/petrarch2/unit_tests/PETR.UnitTest.records.xml"
            ))
        });
    let file = RecordsFile::from_path(&path)?;
    let env = &file.environment;
    let verbs = env.verbs.clone().ok_or("no <Verbfile> in <Environment>")?;
    let actors: Vec<&std::path::Path> = env.actors.iter().map(PathBuf::as_path).collect();
    let agents: Vec<&std::path::Path> = env.agents.iter().map(PathBuf::as_path).collect();
    let coder = PetrarchCoder::from_files(&verbs, &actors, &agents, env.discards.as_deref())?;
    let text = annals_text::TextAnalyzer::new();
    let tagger = annals_nlp::Tagger::embedded()?;
    let parser = if args.iter().any(|a| a == "--no-parse") {
        None
    } else {
        annals_parser::Parser::embedded().ok()
    };
    let prepare = |doc: &mut annals_core::Doc| {
        let _ = text.process(doc);
        let _ = tagger.process(doc);
        if let Some(p) = &parser {
            let _ = p.process(doc);
        }
    };
    let results = run(&file, &coder, &prepare);
    if verbose {
        for (r, res) in file.records.iter().zip(&results) {
            if res.tally.missed + res.tally.extra > 0 {
                println!(
                    "{} [{}] {}\n  expected {:?}\n  produced {:?}",
                    r.id, r.category, r.text, r.expected, res.produced
                );
            }
        }
    }
    let pairs: Vec<_> = file
        .records
        .iter()
        .zip(results.iter().map(|r| r.tally))
        .collect();
    let (by, total) = tally_by_category(&pairs);
    println!(
        "parse: {}",
        if parser.is_some() {
            "annals-parser"
        } else {
            "none (word-order roles)"
        }
    );
    println!(
        "{:<10} {:>7} {:>8} {:>7} {:>6} {:>6}",
        "category", "records", "expected", "correct", "missed", "extra"
    );
    for (c, t) in by
        .iter()
        .chain(std::iter::once((&"TOTAL".to_owned(), &total)))
    {
        println!(
            "{:<10} {:>7} {:>8} {:>7} {:>6} {:>6}",
            c, t.records, t.expected, t.correct, t.missed, t.extra
        );
    }
    println!(
        "correct {:.1}% of expected, extra {:.1}% of expected",
        100.0 * total.recall(),
        100.0 * total.extra_rate()
    );
    Ok(())
}
