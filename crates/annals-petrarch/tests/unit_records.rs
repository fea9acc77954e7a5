//! PETRARCH2's own unit-test records, coded over annals' tokenizer, tagger and
//! parser exactly as `annals petrarch-validate` does. The table is printed
//! (all mismatches too with `PETRARCH_VERBOSE=1`); the floors guard against
//! regressions (measured: see `/work/notes/petrarch.md`).

use annals_core::Component;
use annals_petrarch::validate::{
    code_record, coder_for, describe, report, run, tally_by_category, RecordsFile,
};
use std::path::PathBuf;

#[test]
fn petrarch_unit_records() {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/peer/petrarch2/unit_tests/PETR.UnitTest.records.xml"
    ));
    if !path.exists() {
        eprintln!("note: {} absent; skipping", path.display());
        return;
    }
    let mut file = RecordsFile::from_path(&path).unwrap();
    assert!(file.records.len() > 250, "{} records", file.records.len());
    if let Some(prefix) = std::env::var("PETRARCH_ONLY")
        .ok()
        .filter(|p| !p.is_empty())
    {
        file.records.retain(|r| r.id.starts_with(&prefix));
    }
    let coder = coder_for(&file, None).unwrap();
    let text = annals_text::TextAnalyzer::new();
    let tagger = annals_nlp::Tagger::embedded().unwrap();
    let parser = annals_parser::Parser::embedded().unwrap();
    let prepare = |doc: &mut annals_core::Doc| {
        text.process(doc).unwrap();
        tagger.process(doc).unwrap();
        parser.process(doc).unwrap();
    };
    let results = run(&file, &coder, &prepare);
    let verbose = std::env::var_os("PETRARCH_VERBOSE").is_some();
    eprint!("{}", report(&file, &results, verbose));
    if std::env::var("PETRARCH_ONLY").is_ok_and(|p| !p.is_empty()) {
        // Debugging a few records: show the parse, the actors and the events.
        for r in &file.records {
            let (doc, _) = code_record(r, &coder, &prepare);
            eprintln!("{}\n{}", r.id, describe(&doc));
        }
        return;
    }
    let pairs: Vec<_> = file
        .records
        .iter()
        .zip(results.iter().map(|r| r.tally))
        .collect();
    let (_, total) = tally_by_category(&pairs);
    assert!(total.recall() >= 0.85, "correct {:.3}", total.recall());
    assert!(
        total.extra_rate() <= 0.15,
        "extra {:.3}",
        total.extra_rate()
    );
}
