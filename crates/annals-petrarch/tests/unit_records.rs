//! PETRARCH2's own unit-test records, coded over annals' tokenizer and tagger.
//! The figures are printed; the floors guard against regressions (measured:
//! 81.1% correct, 10.6% extra without a dependency parse).

use annals_core::Component;
use annals_petrarch::validate::{run, tally_by_category, RecordsFile};
use annals_petrarch::PetrarchCoder;
use std::path::{Path, PathBuf};

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
    let file = RecordsFile::from_path(&path).unwrap();
    assert!(file.records.len() > 250, "{} records", file.records.len());
    let env = &file.environment;
    let actors: Vec<&Path> = env.actors.iter().map(PathBuf::as_path).collect();
    let agents: Vec<&Path> = env.agents.iter().map(PathBuf::as_path).collect();
    let coder = PetrarchCoder::from_files(
        env.verbs.as_deref().unwrap(),
        &actors,
        &agents,
        env.discards.as_deref(),
    )
    .unwrap();
    let text = annals_text::TextAnalyzer::new();
    let tagger = annals_nlp::Tagger::embedded().unwrap();
    let prepare = |doc: &mut annals_core::Doc| {
        text.process(doc).unwrap();
        tagger.process(doc).unwrap();
    };
    let results = run(&file, &coder, &prepare);
    let pairs: Vec<_> = file
        .records
        .iter()
        .zip(results.iter().map(|r| r.tally))
        .collect();
    let (by, total) = tally_by_category(&pairs);
    for (c, t) in &by {
        eprintln!(
            "{c:<10} expected {:>3} correct {:>3} missed {:>3} extra {:>3}",
            t.expected, t.correct, t.missed, t.extra
        );
    }
    eprintln!(
        "TOTAL: correct {:.1}%, extra {:.1}%",
        100.0 * total.recall(),
        100.0 * total.extra_rate()
    );
    assert!(total.recall() >= 0.78, "correct {:.3}", total.recall());
    assert!(
        total.extra_rate() <= 0.13,
        "extra {:.3}",
        total.extra_rate()
    );
}
