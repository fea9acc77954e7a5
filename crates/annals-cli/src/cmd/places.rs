//! `annals places`: every place mention in the inputs as JSON Lines (span,
//! text, resolved name, geonameid, lat, lon, country, admin1, precision,
//! score). Also the gazetteer build (`--build-gazetteer SRC OUT`), the
//! geoparsing evaluation (`--eval DEV.jsonl`, accuracy within 161 km) and a
//! throughput figure (`--bench`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annals_core::{Component, Doc, PlaceMention};
use annals_place::Geocoder;
use anyhow::Context;

/// Which stages run before the geocoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Stages {
    /// Tokens only: gazetteer matching over capitalized words.
    Text,
    /// Tokens, tags and named entities (NER `LOC` helps recognition).
    Ner,
    /// The whole annals pipeline (events get locations too).
    Full,
}

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (`-` for stdin).
    pub files: Vec<PathBuf>,
    /// Document date for every input (YYYY-MM-DD), overriding the readers'.
    #[arg(long)]
    pub date: Option<String>,
    /// Stages to run before the geocoder.
    #[arg(long, value_enum, default_value = "ner")]
    pub stages: Stages,
    /// Rebuild the embedded gazetteer from the GeoNames JSON in SRC
    /// (e.g. ../shared/gazetteer) into OUT (crates/annals-place/data).
    #[arg(long, num_args = 2, value_names = ["SRC", "OUT"])]
    pub build_gazetteer: Option<Vec<PathBuf>>,
    /// Score geoparsing on a dev set (JSON Lines of gold toponyms), printing accuracy@161km.
    #[arg(long, value_name = "FILE")]
    pub eval: Option<PathBuf>,
    /// Where the dev set's source documents live.
    #[arg(long, value_name = "DIR", default_value = "../shared/corpora")]
    pub corpora: PathBuf,
    /// With --eval: list wrong and unrecognized gold mentions.
    #[arg(long)]
    pub errors: bool,
    /// Print gazetteer load time and geocoder throughput on the inputs (or
    /// on the dev set's documents with --eval), each repeated N times.
    #[arg(long, value_name = "N")]
    pub bench: Option<usize>,
}

fn pre_stages(stages: Stages) -> anyhow::Result<Vec<Box<dyn Component>>> {
    let mut pre: Vec<Box<dyn Component>> = vec![Box::new(annals_text::TextAnalyzer::new())];
    if stages == Stages::Ner {
        pre.push(Box::new(
            annals_nlp::Tagger::embedded().context("loading the tagger")?,
        ));
        pre.push(Box::new(
            annals_nlp::EntityRecognizer::embedded().context("loading the entity recognizer")?,
        ));
    }
    Ok(pre)
}

fn run_stages(pre: &[Box<dyn Component>], doc: &mut Doc) {
    for s in pre {
        if let Err(e) = s.process(doc) {
            eprintln!("annals: {}: {e}", doc.document.id);
        }
    }
}

#[derive(serde::Serialize)]
struct Line<'a> {
    doc: &'a str,
    #[serde(flatten)]
    place: &'a PlaceMention,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(paths) = &args.build_gazetteer {
        let (Some(src), Some(out)) = (paths.first(), paths.get(1)) else {
            anyhow::bail!("--build-gazetteer takes SRC and OUT");
        };
        let t = std::time::Instant::now();
        let stats = annals_place::build::build_gazetteer(src, out)
            .with_context(|| format!("building the gazetteer from {}", src.display()))?;
        eprintln!(
            "gazetteer: {} records, {} name keys; gazetteer.fst {} bytes, gazetteer.bin {} bytes, in {:.1} s",
            stats.records,
            stats.keys,
            stats.fst_bytes,
            stats.bin_bytes,
            t.elapsed().as_secs_f64()
        );
        return Ok(ExitCode::SUCCESS);
    }

    let date = match &args.date {
        Some(d) => Some(
            annals_time::parse_date(d, None)
                .with_context(|| format!("--date {d:?} is not a date"))?,
        ),
        None => None,
    };
    let stages = if args.stages == Stages::Full {
        Stages::Ner
    } else {
        args.stages
    };
    let pre = pre_stages(stages)?;
    let prepare = |doc: &mut Doc| run_stages(&pre, doc);

    if let Some(dev) = &args.eval {
        let gold = annals_place::eval::load_gold(dev)?;
        let geocoder = Geocoder::embedded()?;
        let s = annals_place::eval::evaluate(&geocoder, &gold, &args.corpora, &prepare)
            .with_context(|| format!("evaluating {}", dev.display()))?;
        println!(
            "geoparse {}: {} gold toponyms in {} documents; recognized {:.3}; accuracy@161km {:.3} (of recognized {:.3}); mean error {:.0} km; {} predicted mentions",
            dev.display(),
            s.gold,
            s.documents,
            s.recall(),
            s.accuracy_161(),
            s.resolution_accuracy_161(),
            s.mean_error_km(),
            s.predicted
        );
        if args.errors {
            for (gold, got, km) in &s.misses {
                println!("wrong\t{gold}\t{got}\t{km:.0} km");
            }
            for (gold, ctx) in &s.unrecognized {
                println!("missed\t{gold}\t{ctx}");
            }
        }
        if let Some(n) = args.bench {
            let mut texts = Vec::new();
            let mut sources: Vec<&str> = gold.iter().map(|g| g.source.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            for src in sources {
                texts.push(annals_place::eval::load_source(&args.corpora, src)?);
            }
            bench(&texts, n, &prepare)?;
        }
        return Ok(ExitCode::SUCCESS);
    }

    if args.files.is_empty() {
        anyhow::bail!(
            "give input files or directories (or --eval FILE, or --build-gazetteer SRC OUT)"
        );
    }
    let full = if args.stages == Stages::Full {
        Some(annals::Pipeline::embedded().context("loading the annals pipeline")?)
    } else {
        None
    };
    let geocoder = Geocoder::embedded()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut texts = Vec::new();
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
        }
        let doc = match &full {
            Some(p) => match p.run(document) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("annals: {e}");
                    failed = true;
                    continue;
                }
            },
            None => {
                let mut doc = Doc::new(document);
                prepare(&mut doc);
                if let Err(e) = geocoder.process(&mut doc) {
                    eprintln!("annals: {}: {e}", doc.document.id);
                    failed = true;
                    continue;
                }
                doc
            }
        };
        for p in &doc.places {
            serde_json::to_writer(
                &mut out,
                &Line {
                    doc: &doc.document.id,
                    place: p,
                },
            )?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    if let Some(n) = args.bench {
        bench(&texts, n, &prepare)?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn bench(texts: &[String], repeat: usize, prepare: &dyn Fn(&mut Doc)) -> anyhow::Result<()> {
    let mut all = Vec::with_capacity(texts.len() * repeat.max(1));
    for _ in 0..repeat.max(1) {
        all.extend(texts.iter().cloned());
    }
    // Earlier stages run untimed; the figure is the geocoder's own.
    let report = annals_place::bench::bench(&all, prepare)?;
    eprintln!("{report}");
    // And with the geocoder's own tokenizer in the timing (no earlier stages).
    let report = annals_place::bench::bench(&all, &|_| {})?;
    eprintln!("{report} (geocoder with its built-in tokenizer)");
    Ok(())
}
