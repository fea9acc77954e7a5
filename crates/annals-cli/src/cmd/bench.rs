//! `annals bench`: throughput and memory figures, per stage.
//!
//! Speed is measured here, never in tests. By default one thread, so the
//! figures are per core.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use annals::StageTimings;
use annals_core::Document;
use anyhow::Context;
use rayon::prelude::*;

use super::code::DataArgs;

#[derive(clap::Args)]
pub struct Args {
    /// Corpus to measure on (any input `annals code` reads). Without it, a
    /// generated corpus of synthetic wire articles is used.
    pub inputs: Vec<PathBuf>,
    /// Number of synthetic articles.
    #[arg(long, default_value_t = 2000)]
    pub synthetic: usize,
    /// Seed of the synthetic corpus.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Threads (1 gives per-core figures).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Documents per batch: each stage runs over the whole batch before the
    /// next stage starts (as `annals code` does), keeping its tables in cache.
    #[arg(long, default_value_t = 32)]
    pub batch: usize,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 1)]
    pub rounds: usize,
    /// Also write every record (all modalities), in corpus order, as JSON
    /// Lines: two builds that must agree can then be compared with `cmp`.
    /// Serializing adds to the measured time: leave it off for figures.
    #[arg(long, value_name = "FILE")]
    pub records: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let rss_before = annals::memory::rss_bytes();
    let t = Instant::now();
    let pipeline = args.data.pipeline()?;
    let load = t.elapsed();
    let rss_loaded = annals::memory::rss_bytes();

    let docs: Vec<Document> = if args.inputs.is_empty() {
        annals::synth::articles(args.seed, args.synthetic)
    } else {
        let mut v = Vec::new();
        for r in annals_io::read_inputs(&args.inputs, None) {
            match r {
                Ok(d) => v.push(d),
                Err(e) => eprintln!("annals: skipping {e}"),
            }
        }
        v
    };
    anyhow::ensure!(!docs.is_empty(), "no documents to measure on");
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.max(1))
        .build()
        .context("thread pool")?;

    let mut timings = StageTimings::default();
    let (mut events, mut tokens, mut failed) = (0usize, 0usize, 0usize);
    let keep_records = args.records.is_some();
    let mut all_records = String::new();
    let cpu_start = process_cpu_seconds();
    let t = Instant::now();
    for _ in 0..args.rounds.max(1) {
        let results: Vec<(StageTimings, usize, usize, usize, String)> = pool.install(|| {
            docs.par_chunks(args.batch.max(1))
                .map(|chunk| {
                    let mut tm = StageTimings::default();
                    let (mut e, mut n, mut bad) = (0, 0, 0);
                    let mut lines = String::new();
                    for r in pipeline.run_batch_timed(chunk.to_vec(), &mut tm) {
                        match r {
                            Ok(doc) => {
                                e += annals::records(&doc, false).len();
                                n += doc.tokens.len();
                                if keep_records {
                                    for rec in annals::records(&doc, true) {
                                        if let Ok(json) = serde_json::to_string(&rec) {
                                            lines.push_str(&json);
                                            lines.push('\n');
                                        }
                                    }
                                }
                            }
                            Err(_) => bad += 1,
                        }
                    }
                    (tm, e, n, bad, lines)
                })
                .collect()
        });
        for (tm, e, n, bad, lines) in results {
            timings.merge(&tm);
            events += e;
            tokens += n;
            failed += bad;
            all_records.push_str(&lines);
        }
    }
    let wall = t.elapsed();
    let cpu = process_cpu_seconds()
        .zip(cpu_start)
        .map(|(end, start)| end - start);
    if let Some(path) = &args.records {
        std::fs::write(path, &all_records)
            .with_context(|| format!("writing records to {}", path.display()))?;
    }
    let rounds = args.rounds.max(1) as f64;
    let secs = wall.as_secs_f64().max(1e-9);
    let source = if args.inputs.is_empty() {
        format!(
            "synthetic corpus (seed {}, {} articles)",
            args.seed,
            docs.len()
        )
    } else {
        format!(
            "{} documents from {} input(s)",
            docs.len(),
            args.inputs.len()
        )
    };
    println!(
        "annals bench — {source}, {} thread(s), {} round(s), batches of {}",
        args.threads.max(1),
        args.rounds.max(1),
        args.batch.max(1)
    );
    println!(
        "model and data loading   {:>10.1} ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "documents                {:>10}   ({} failed)",
        docs.len(),
        failed
    );
    println!("text                     {:>10.2} MB", bytes as f64 / 1e6);
    println!(
        "documents/s              {:>10.1}",
        docs.len() as f64 * rounds / secs
    );
    println!(
        "MB/s of text             {:>10.3}",
        bytes as f64 * rounds / 1e6 / secs
    );
    // CPU time is what a core spent, whatever else the machine ran meanwhile:
    // on a shared machine it is the steadier per-core figure.
    if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
        println!(
            "MB per CPU-second        {:>10.3}   ({:.2} CPU-s over {:.2} s wall)",
            bytes as f64 * rounds / 1e6 / cpu,
            cpu,
            secs
        );
    }
    println!("tokens/s                 {:>10.0}", tokens as f64 / secs);
    println!(
        "events/s                 {:>10.1}   ({} events)",
        events as f64 / secs,
        events as f64 / rounds
    );
    let total: Duration = timings.stages.iter().map(|(_, d)| *d).sum();
    println!("per stage (share of pipeline time, tokens/s through the stage):");
    for (name, d) in &timings.stages {
        let share = 100.0 * d.as_secs_f64() / total.as_secs_f64().max(1e-9);
        let tps = tokens as f64 / d.as_secs_f64().max(1e-9);
        println!(
            "  {name:<14} {share:>6.1}%  {:>12.0} tokens/s  {:>9.1} ms",
            tps,
            d.as_secs_f64() * 1e3
        );
    }
    // The linguistic front end alone (issue figure: tokenize+tag+parse+NER).
    let nlp: Duration = timings
        .stages
        .iter()
        .filter(|(name, _)| matches!(*name, "text" | "tagger" | "parser" | "entities"))
        .map(|(_, d)| *d)
        .sum();
    println!(
        "tokenize+tag+parse+NER     {:>10.0} tokens/s",
        tokens as f64 / nlp.as_secs_f64().max(1e-9)
    );
    let mb = |b: Option<u64>| {
        b.map(|b| format!("{:.1} MB", b as f64 / 1e6))
            .unwrap_or_else(|| "n/a".into())
    };
    println!(
        "resident memory: before loading {}, after loading {}, peak {}",
        mb(rss_before),
        mb(rss_loaded),
        mb(annals::memory::peak_rss_bytes())
    );
    Ok(ExitCode::SUCCESS)
}

/// CPU time used by this process so far (all threads), if the platform tells.
fn process_cpu_seconds() -> Option<f64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    ok.then_some(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}
