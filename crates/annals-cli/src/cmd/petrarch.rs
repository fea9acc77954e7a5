//! `annals petrarch-validate`: PETRARCH2's unit-test records, coded with their
//! validation dictionaries over annals' own tokens, tags and parse.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annals_core::{Component, Doc};
use annals_petrarch::validate::{run as run_records, tally_by_category, RecordsFile};
use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// The records file (`PETR.UnitTest.records.xml`); its `<Environment>`
    /// names the dictionaries, read from the same folder.
    pub records: PathBuf,
    /// Override the verb dictionary named in the records file.
    #[arg(long, value_name = "FILE")]
    pub verbs: Option<PathBuf>,
    /// Print each record that is not coded exactly as expected.
    #[arg(short, long)]
    pub verbose: bool,
    /// Skip the dependency parser (roles from word order only).
    #[arg(long)]
    pub no_parse: bool,
    /// Also code events that have a source but no target (PETRARCH's `require_dyad = false`).
    #[arg(long)]
    pub allow_monads: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let file = RecordsFile::from_path(&args.records)?;
    let env = &file.environment;
    let verbs = args
        .verbs
        .clone()
        .or_else(|| env.verbs.clone())
        .with_context(|| {
            format!(
                "{}: no <Verbfile> in <Environment> and no --verbs",
                args.records.display()
            )
        })?;
    let actors: Vec<&Path> = env.actors.iter().map(PathBuf::as_path).collect();
    let agents: Vec<&Path> = env.agents.iter().map(PathBuf::as_path).collect();
    let mut coder = annals_petrarch::PetrarchCoder::from_files(
        &verbs,
        &actors,
        &agents,
        env.discards.as_deref(),
    )?;
    coder.require_dyad = !args.allow_monads;

    let text = annals_text::TextAnalyzer::new();
    let tagger = annals_nlp::Tagger::embedded().context("loading the tagger")?;
    let parser = if args.no_parse {
        None
    } else {
        annals_parser::Parser::embedded().ok()
    };
    let prepare = |doc: &mut Doc| {
        // A stage failing on one record leaves that record less analysed; the
        // coder still runs, as PETRARCH codes what it can.
        let _ = text.process(doc);
        let _ = tagger.process(doc);
        if let Some(p) = &parser {
            let _ = p.process(doc);
        }
    };
    let started = std::time::Instant::now();
    let results = run_records(&file, &coder, &prepare);
    let elapsed = started.elapsed();

    if args.verbose {
        for (r, res) in file.records.iter().zip(&results) {
            if res.tally.missed + res.tally.extra > 0 {
                println!("{} [{}] {}", r.id, r.category, r.text);
                println!("  expected {:?}\n  produced {:?}", r.expected, res.produced);
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
        "dictionaries: {} ({} verbs, {} patterns); parse: {}",
        verbs.display(),
        coder.verbs().verbs.len(),
        coder.verbs().patterns.len(),
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
    for (c, t) in by.iter() {
        println!(
            "{:<10} {:>7} {:>8} {:>7} {:>6} {:>6}",
            c, t.records, t.expected, t.correct, t.missed, t.extra
        );
    }
    println!(
        "{:<10} {:>7} {:>8} {:>7} {:>6} {:>6}",
        "TOTAL", total.records, total.expected, total.correct, total.missed, total.extra
    );
    println!(
        "correct: {:.1}% of expected codings; extra: {:.1}% of expected; {:.0} records/s",
        100.0 * total.recall(),
        100.0 * total.extra_rate(),
        file.records.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
