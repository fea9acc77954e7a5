//! `annals times`: every temporal expression in the inputs, as JSON Lines;
//! `--eval-meantime DIR` scores TIMEX3 values on MEANTIME; `--bench` prints
//! the time stage's throughput.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annals_core::{Component, Doc};
use annals_time::{kind_of_value, TimeResolver};
use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (`-` for stdin).
    pub files: Vec<PathBuf>,
    /// Document date for every input (YYYY-MM-DD), overriding the readers'.
    #[arg(long)]
    pub date: Option<String>,
    /// Tag and parse first, so tense (`on Sunday` before or after the
    /// document date) comes from the verb; otherwise from cue words.
    #[arg(long)]
    pub parse: bool,
    /// Score TIMEX3 DATE values on the MEANTIME XML files under DIR.
    #[arg(long, value_name = "DIR")]
    pub eval_meantime: Option<PathBuf>,
    /// With --eval-meantime: also list the misses and spurious expressions.
    #[arg(long)]
    pub errors: bool,
    /// Print throughput of the time stage on the inputs (repeated N times).
    #[arg(long, value_name = "N")]
    pub bench: Option<usize>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let resolver = TimeResolver::new();
    if let Some(dir) = &args.eval_meantime {
        let stages = if args.parse {
            nlp_stages()?
        } else {
            Vec::new()
        };
        let mut refs: Vec<&dyn Component> = stages.iter().map(|s| s.as_ref()).collect();
        refs.push(&resolver);
        let score = annals_time::meantime::score_with(dir, &refs)?;
        println!("{score}");
        if args.errors {
            for (text, gold, got, sent) in &score.errors {
                println!("miss\t{text}\tgold={gold}\tgot={got}\t{sent}");
            }
            for (text, value) in &score.spurious {
                println!("spurious\t{text}\t{value}");
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.files.is_empty() {
        anyhow::bail!("give input files or directories (or --eval-meantime DIR)");
    }
    let date = match &args.date {
        Some(d) => Some(
            annals_time::parse_date(d, None)
                .with_context(|| format!("--date {d:?} is not a date"))?,
        ),
        None => None,
    };
    let mut pre: Vec<Box<dyn Component>> = vec![Box::new(annals_text::TextAnalyzer::new())];
    if args.parse {
        pre.extend(nlp_stages()?);
    }
    let mut texts = Vec::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for item in annals_io::read_inputs(&args.files, date) {
        let document = match item {
            Ok(d) => d,
            Err(e) => {
                eprintln!("annals: {e}");
                failed = true;
                continue;
            }
        };
        if args.bench.is_some() {
            texts.push(document.text.clone());
            continue;
        }
        let mut doc = Doc::new(document);
        for stage in pre
            .iter()
            .map(|s| s.as_ref())
            .chain([&resolver as &dyn Component])
        {
            stage
                .process(&mut doc)
                .with_context(|| format!("{}: stage {}", doc.document.id, stage.name()))?;
        }
        for t in &doc.times {
            let line = serde_json::json!({
                "doc": doc.document.id,
                "span": t.span,
                "text": t.text,
                "type": kind_of_value(&t.value).as_str(),
                "value": t.value,
                "date": t.date,
                "precision": t.precision,
                "rule": t.rule,
            });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    if let Some(n) = args.bench {
        let report = annals_time::bench(&texts, date.or(chrono_today()), n);
        println!("{report}");
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A fixed anchor for benchmarks when no date is given, so runs compare.
fn chrono_today() -> Option<annals_time::NaiveDate> {
    annals_time::NaiveDate::from_ymd_opt(2019, 12, 31)
}

/// Tagger and parser stages for `--parse`. A parser model that will not load
/// leaves tags only (tense then comes from tags), with a warning.
fn nlp_stages() -> anyhow::Result<Vec<Box<dyn Component>>> {
    let mut stages: Vec<Box<dyn Component>> = vec![Box::new(
        annals_nlp::Tagger::embedded().context("loading the tagger")?,
    )];
    match annals_parser::Parser::embedded() {
        Ok(p) => stages.push(Box::new(p)),
        Err(e) => eprintln!("annals: warning: parser unavailable ({e}); using tags only"),
    }
    Ok(stages)
}
