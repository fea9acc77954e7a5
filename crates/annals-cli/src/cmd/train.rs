//! `annals train`: retrain every linguistic model from the shared corpora
//! (deterministic for a seed) and write the model files into the crates'
//! `models/` directories. Normal builds never retrain: they embed those files.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use annals_nlp::train::{train_ner, train_tagger, Corpora, NerOptions, TaggerOptions};
use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Directory holding the shared corpora.
    #[arg(long, default_value = "../shared/corpora")]
    pub corpora: PathBuf,
    /// Directory holding the GeoNames-derived gazetteer (regenerates the place list).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// The workspace's crates directory (model files go to `<crates>/annals-*/models/`).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/.."))]
    pub crates: PathBuf,
    /// Seed of the tagger and the entity recognizer.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Seed of the parser. The shipped parser.bin is seed 7: among seeds 42,
    /// 1 and 7 (EWT dev UAS 88.00, 88.24, 88.17 with gold tags, EWT dev held
    /// out) it coded the development event gold best. The shipped model is
    /// trained on EWT dev too (`TrainConfig::standard`).
    #[arg(long, default_value_t = 7)]
    pub parser_seed: u64,
    /// Train only these models (tagger, ner, parser); all by default.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let want = |m: &str| args.only.is_empty() || args.only.iter().any(|o| o == m);
    let corpora = Corpora::new(&args.corpora);
    let nlp_models = args.crates.join("annals-nlp/models");
    std::fs::create_dir_all(&nlp_models)
        .with_context(|| format!("creating {}", nlp_models.display()))?;
    if let Some(dir) = &args.gazetteer {
        let list = annals_nlp::gazetteer::build_place_list(dir, 200_000)?;
        let out = args.crates.join("annals-nlp/data/gazetteer_places.tsv");
        std::fs::write(&out, list).with_context(|| format!("writing {}", out.display()))?;
        eprintln!("wrote {} (rebuild to embed it)", out.display());
    }
    let tagger = if want("tagger") {
        let t0 = Instant::now();
        let tagger = train_tagger(
            &corpora,
            &TaggerOptions {
                seed: args.seed,
                ..Default::default()
            },
        )?;
        let out = nlp_models.join("tagger.bin");
        let bytes = tagger.to_bytes();
        std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
        eprintln!(
            "tagger: {} bytes -> {} in {:.0}s",
            bytes.len(),
            out.display(),
            t0.elapsed().as_secs_f64()
        );
        tagger
    } else {
        annals_nlp::Tagger::embedded()?
    };
    if want("ner") {
        let t0 = Instant::now();
        let ner = train_ner(
            &corpora,
            &tagger,
            &NerOptions {
                seed: args.seed,
                ..Default::default()
            },
        )?;
        let out = nlp_models.join("ner.bin");
        let bytes = ner.to_bytes();
        std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
        eprintln!(
            "ner: {} bytes -> {} in {:.0}s",
            bytes.len(),
            out.display(),
            t0.elapsed().as_secs_f64()
        );
    }
    if want("parser") {
        let dir = args.crates.join("annals-parser/models");
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let out = dir.join("parser.bin");
        let report = annals_parser::train::train_and_save(&args.corpora, &out, args.parser_seed)?;
        eprintln!(
            "parser: {} bytes -> {} in {:.0}s; EWT dev{} UAS {:.2} LAS {:.2}",
            report.model_bytes,
            out.display(),
            report.seconds,
            if report.dev_trained_on {
                " (trained on)"
            } else {
                ""
            },
            report.dev.uas(),
            report.dev.las()
        );
    }
    Ok(ExitCode::SUCCESS)
}
