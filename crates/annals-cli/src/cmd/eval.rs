//! `annals eval`: code the gold documents and score them (gold/README.md).

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annals::eval::{
    read_gold, score_actors, score_attribution, score_document, ActorScore, AttributionScore, Score,
};
use anyhow::Context;
use rayon::prelude::*;

use super::code::{code_one, DataArgs};

#[derive(clap::Args)]
pub struct Args {
    /// Gold file(s), one JSON document per line (`id`, `text`, `events`).
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// Where the articles are, when the gold lines carry no `text` (e.g. the
    /// examples' `*.expected.jsonl`): files or directories, matched by id.
    #[arg(long)]
    pub articles: Vec<PathBuf>,
    /// Also write annals' records for the gold documents here (JSON Lines).
    #[arg(long)]
    pub predictions: Option<PathBuf>,
    /// Print the score of every document that is not perfect at the dyad level.
    #[arg(long)]
    pub verbose: bool,
    /// Score every event, including threatened, demanded, planned, negated ones.
    #[arg(long)]
    pub all_modalities: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = args.data.pipeline()?;
    let mut gold = Vec::new();
    for g in &args.gold {
        let text =
            std::fs::read_to_string(g).with_context(|| format!("reading {}", g.display()))?;
        gold.extend(read_gold(&g.display().to_string(), &text).map_err(anyhow::Error::msg)?);
    }
    let mut articles = HashMap::new();
    for r in annals_io::read_inputs(&args.articles, None) {
        let d = r.map_err(|e| anyhow::anyhow!("{e}"))?;
        articles.insert(d.id.clone(), d);
    }
    let results: Vec<_> = gold
        .par_iter()
        .map(|g| {
            let doc = match (&g.text, articles.get(&g.id)) {
                (_, Some(d)) => d.clone(),
                (Some(text), None) => {
                    let mut d = annals_core::Document::new(g.id.clone(), text.clone());
                    d.date = g
                        .date
                        .as_deref()
                        .and_then(|s| annals_time::parse_date(s, None));
                    annals_io::attach_dateline(&mut d);
                    d
                }
                (None, None) => {
                    return Err(format!(
                        "{}: no text in the gold line and no article with this id",
                        g.id
                    ))
                }
            };
            let doc = code_one(&pipeline, doc)?;
            let records = annals::records(&doc, args.all_modalities);
            Ok((
                score_document(&g.events, &records),
                score_actors(&doc, &g.events),
                score_attribution(&g.events, &records),
                records,
            ))
        })
        .collect();
    let mut total = Score::default();
    let mut actors = ActorScore::default();
    let mut attribution = AttributionScore::default();
    let mut failed = 0;
    let mut pred_out = match &args.predictions {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => None,
    };
    for (g, r) in gold.iter().zip(results) {
        match r {
            Ok((s, a, at, records)) => {
                total.add(s);
                actors.add(a);
                if args.verbose {
                    for m in &at.misses {
                        println!("{}: expectation: {m}", g.id);
                    }
                }
                attribution.add(at);
                if args.verbose && (s.dyad.fp > 0 || s.dyad.fn_ > 0) {
                    println!(
                        "{}: dyad TP {} FP {} FN {} | predicted {}",
                        g.id,
                        s.dyad.tp,
                        s.dyad.fp,
                        s.dyad.fn_,
                        records
                            .iter()
                            .map(|r| format!(
                                "{}:{}>{}",
                                r.cameo,
                                r.source.as_ref().map(|a| a.code.as_str()).unwrap_or("-"),
                                r.target.as_ref().map(|a| a.code.as_str()).unwrap_or("-")
                            ))
                            .collect::<Vec<_>>()
                            .join(" ")
                    );
                }
                if let Some(w) = pred_out.as_mut() {
                    for rec in &records {
                        serde_json::to_writer(&mut *w, rec)?;
                        w.write_all(b"\n")?;
                    }
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("annals: {e}");
            }
        }
    }
    println!(
        "{} documents, {} gold events scored",
        gold.len() - failed,
        total.type_.tp + total.type_.fn_
    );
    print!("{total}");
    if actors.total > 0 {
        println!("{actors}");
    }
    if attribution.expected > 0 {
        println!("{attribution}");
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
