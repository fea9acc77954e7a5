//! `annals petrarch-validate`: PETRARCH2's unit-test records, coded with their
//! validation dictionaries over annals' own tokens, tags and parse. The
//! validation itself lives in `annals_petrarch::validate`; this file only
//! prepares the Docs and prints.

use std::path::PathBuf;
use std::process::ExitCode;

use annals_core::{Component, Doc};
use annals_petrarch::validate::{
    code_record, coder_for, describe, report, run as run_records, RecordsFile,
};
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
    /// Code events that have a source but no target in every record
    /// (PETRARCH's `require_dyad = false`), whatever the file's `<Config>` says.
    #[arg(long)]
    pub allow_monads: bool,
    /// Let words match through their lemma (TABARI-style stemming);
    /// PETRARCH, whose records these are, does not stem.
    #[arg(long)]
    pub stem: bool,
    /// Only the records whose id starts with this.
    #[arg(long, value_name = "PREFIX")]
    pub id: Option<String>,
    /// Also print, for each record, the tokens with their tags and parse,
    /// the actors and the events coded.
    #[arg(long)]
    pub trace: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut file = RecordsFile::from_path(&args.records)?;
    if let Some(prefix) = &args.id {
        file.records.retain(|r| r.id.starts_with(prefix.as_str()));
    }
    for r in &mut file.records {
        r.options.require_dyad &= !args.allow_monads;
        r.options.stem |= args.stem;
    }
    let coder = coder_for(&file, args.verbs.as_deref())?;

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
    if args.trace {
        for r in &file.records {
            let (doc, _) = code_record(r, &coder, &prepare);
            println!("{} {}\n{}", r.id, r.text, describe(&doc));
        }
    }
    let started = std::time::Instant::now();
    let results = run_records(&file, &coder, &prepare);
    let elapsed = started.elapsed();

    println!(
        "dictionaries: {} ({} verbs, {} patterns); parse: {}",
        coder.verbs().name,
        coder.verbs().verbs.len(),
        coder.verbs().patterns.len(),
        if parser.is_some() {
            "annals-parser"
        } else {
            "none (word-order roles)"
        }
    );
    print!("{}", report(&file, &results, args.verbose));
    println!(
        "{:.0} records/s",
        file.records.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
