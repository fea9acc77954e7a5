//! `annals code`: articles in, event records out.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use annals::{Pipeline, PipelineOptions};
use annals_core::{Doc, Document};
use annals_io::{OutputFormat, RecordWriter};
use anyhow::Context;
use rayon::prelude::*;

/// The article coded when no input is given: one of the examples, compiled in.
const EMBEDDED_EXAMPLE: (&str, &str) = (
    "01-baghdad-embassy-protest.txt",
    include_str!("../../../../examples/articles/01-baghdad-embassy-protest.txt"),
);

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (walked recursively) of articles, or `-` for stdin:
    /// plain text, JSON Lines, PETRARCH XML or HTML. Without inputs, codes the
    /// embedded example article.
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "json", value_parser = parse_format)]
    pub format: OutputFormat,
    /// Write records here instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Use this date (YYYY-MM-DD) as every document's date.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Print a human-readable account of each event and why it was coded.
    #[arg(long)]
    pub explain: bool,
    /// Also write threatened, demanded, planned, hypothetical, negated and denied events.
    #[arg(long)]
    pub all_modalities: bool,
    #[command(flatten)]
    pub data: DataArgs,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// User data files that replace or extend the embedded ones.
#[derive(clap::Args, Clone, Default)]
pub struct DataArgs {
    /// PETRARCH/TABARI actor dictionary, merged over the embedded lexicon (repeatable).
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// PETRARCH/TABARI agent dictionary, merged over the embedded lexicon (repeatable).
    #[arg(long = "agents", value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// PETRARCH verb dictionary (CAMEO.2.0.txt format): code events with its patterns.
    #[arg(long = "verbs", value_name = "FILE")]
    pub verbs: Option<PathBuf>,
    /// Extra entries for annals' own event lexicon.
    #[arg(long = "event-lexicon", value_name = "FILE")]
    pub event_lexicon: Option<PathBuf>,
}

impl DataArgs {
    pub fn pipeline(&self) -> anyhow::Result<Pipeline> {
        let opts = PipelineOptions {
            actor_files: self.actors.clone(),
            agent_files: self.agents.clone(),
            verb_file: self.verbs.clone(),
            event_lexicon: self.event_lexicon.clone(),
        };
        Pipeline::with_options(&opts).context("building the pipeline")
    }
}

pub fn parse_format(s: &str) -> Result<OutputFormat, String> {
    s.parse()
}

pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?}: {e} (want YYYY-MM-DD)"))
}

/// Documents coded together; each batch is spread over the threads.
const BATCH: usize = 256;
/// Documents each stage runs over before the next stage starts (see
/// `annals::Pipeline::run_batch`): large enough to keep a stage's tables in
/// cache, small enough to keep memory low.
const STAGE_BATCH: usize = 32;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .ok();
    }
    let pipeline = args.data.pipeline()?;
    let out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    // Records go through the record writer; `--explain` writes prose instead.
    let (mut writer, mut prose) = if args.explain {
        (None, Some(BufWriter::new(out)))
    } else {
        (
            Some(RecordWriter::new(BufWriter::new(out), args.format).context("writing output")?),
            None,
        )
    };

    let inputs: Box<dyn Iterator<Item = Result<Document, annals_io::InputError>>> =
        if args.inputs.is_empty() {
            eprintln!(
                "annals: no input given; coding the embedded example article {}",
                EMBEDDED_EXAMPLE.0
            );
            Box::new(
                annals_io::read_bytes(EMBEDDED_EXAMPLE.0, EMBEDDED_EXAMPLE.1.as_bytes(), args.date)
                    .into_iter(),
            )
        } else {
            Box::new(annals_io::read_inputs(&args.inputs, args.date))
        };

    let progress = std::io::stderr().is_terminal() && args.output.is_some();
    let bar = progress.then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_message("coding");
        b
    });
    let (mut ok, mut failed, mut events) = (0usize, 0usize, 0usize);
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() {
        let batch: Vec<_> = inputs.by_ref().take(BATCH).collect();
        let coded: Vec<Result<Doc, String>> = batch
            .into_par_iter()
            .chunks(STAGE_BATCH)
            .map(|chunk| code_batch(&pipeline, chunk))
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect();
        for r in coded {
            match r {
                Ok(doc) => {
                    ok += 1;
                    let records = annals::records(&doc, args.all_modalities);
                    events += records.len();
                    if let Some(w) = writer.as_mut() {
                        for rec in &records {
                            w.write(rec).context("writing output")?;
                        }
                    } else if let Some(p) = prose.as_mut() {
                        writeln!(p, "{}", annals::explain(&doc, &records))
                            .context("writing output")?;
                    }
                }
                Err(e) => {
                    failed += 1;
                    if let Some(b) = &bar {
                        b.suspend(|| eprintln!("annals: {e}"));
                    } else {
                        eprintln!("annals: {e}");
                    }
                }
            }
        }
        if let Some(b) = &bar {
            b.set_message(format!("{ok} documents, {events} events"));
            b.tick();
        }
    }
    if let Some(w) = writer.as_mut() {
        w.flush().context("writing output")?;
    }
    if let Some(p) = prose.as_mut() {
        p.flush().context("writing output")?;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if failed > 0 {
        eprintln!("annals: {ok} documents coded, {failed} inputs failed, {events} events");
        return Ok(ExitCode::from(1));
    }
    if events == 0 && writer.is_some() {
        // Empty output is otherwise indistinguishable from a silent failure.
        let documents = if ok == 1 { "document" } else { "documents" };
        eprintln!(
            "annals: {ok} {documents} coded, no events found \
             (--all-modalities also writes threatened, planned and negated ones)"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Code documents (and pass read errors through, in order) stage by stage
/// ([`Pipeline::run_batch`]); a failing stage, or a bug that panics, becomes
/// an error for that document alone.
fn code_batch(
    pipeline: &Pipeline,
    inputs: Vec<Result<Document, annals_io::InputError>>,
) -> Vec<Result<Doc, String>> {
    let mut out: Vec<Option<Result<Doc, String>>> = Vec::with_capacity(inputs.len());
    let mut docs = Vec::new();
    let mut origins = Vec::new();
    for r in inputs {
        match r {
            Ok(d) => {
                origins.push((out.len(), d.origin.clone().unwrap_or_else(|| d.id.clone())));
                docs.push(d);
                out.push(None);
            }
            Err(e) => out.push(Some(Err(e.to_string()))),
        }
    }
    for ((slot, origin), r) in origins.into_iter().zip(pipeline.run_batch(docs)) {
        if let Some(o) = out.get_mut(slot) {
            *o = Some(r.map_err(|e| format!("{origin}: {e}")));
        }
    }
    out.into_iter().flatten().collect()
}

/// Code one document; a failing stage, or a bug that panics, becomes an
/// error for this document alone.
pub fn code_one(pipeline: &Pipeline, doc: Document) -> Result<Doc, String> {
    code_batch(pipeline, vec![Ok(doc)])
        .pop()
        .unwrap_or_else(|| Err("no document".into()))
}
