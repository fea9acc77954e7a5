//! Developer tool: retrain the models and print dev/test scores.
//! `cargo run --release -p annals-nlp --example train_models -- ../shared/corpora [tagger|ner|all]`
use annals_nlp::train::*;
use annals_nlp::Tagger;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora".into());
    let what = std::env::args().nth(2).unwrap_or_else(|| "all".into());
    let epochs: Option<usize> = std::env::var("EPOCHS").ok().and_then(|s| s.parse().ok());
    let c = Corpora::new(&root);
    if what == "gaz" {
        let dir = std::path::Path::new(&root).join("../gazetteer");
        let list = annals_nlp::gazetteer::build_place_list(
            &dir,
            std::env::var("MINPOP")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(200_000),
        )?;
        std::fs::write("crates/annals-nlp/data/gazetteer_places.tsv", list)?;
        return Ok(());
    }
    let tagger = if what == "ner" {
        Tagger::embedded()?
    } else {
        let t0 = Instant::now();
        let opts = TaggerOptions {
            epochs: epochs.unwrap_or(8),
            use_gum: std::env::var("NO_GUM").is_err(),
            prune: std::env::var("PRUNE")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(1.0),
            ..Default::default()
        };
        let tagger = train_tagger(&c, &opts)?;
        println!("tagger trained in {:.1}s", t0.elapsed().as_secs_f64());
        let bytes = tagger.to_bytes();
        println!("tagger model {} bytes", bytes.len());
        if let Ok(out) = std::env::var("OUT") {
            std::fs::write(format!("{out}/tagger.bin"), &bytes)?;
        }
        for (name, path) in [
            ("ewt-dev", c.ewt("dev")),
            ("ewt-test", c.ewt("test")),
            ("pud", c.pud()),
        ] {
            let gold = read_tagged(&path)?;
            let s = annals_nlp::eval::score_tagger(&tagger, &gold);
            println!(
                "{name}: UPOS {:.2} XPOS {:.2} lemma {:.2} verb-lemma {:.2}",
                s.upos_acc(),
                s.xpos_acc(),
                s.lemma_acc(),
                s.verb_lemma_acc()
            );
        }
        tagger
    };
    if what == "tagger" {
        return Ok(());
    }
    let t0 = Instant::now();
    let mut opts = NerOptions {
        epochs: epochs.unwrap_or(10),
        ..Default::default()
    };
    if let Some(n) = std::env::var("DEV_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        opts.dev_copies = n;
    }
    if let Ok(src) = std::env::var("NER_SOURCES") {
        opts.sources = src.split(',').map(String::from).collect();
    }
    let ner = train_ner(&c, &tagger, &opts)?;
    println!("ner trained in {:.1}s", t0.elapsed().as_secs_f64());
    let bytes = ner.to_bytes();
    println!("ner model {} bytes", bytes.len());
    if let Ok(out) = std::env::var("OUT") {
        std::fs::write(format!("{out}/ner.bin"), &bytes)?;
    }
    for (name, path) in [
        ("uner-ewt-test", c.uner_ewt("test")),
        ("uner-pud", c.uner_pud()),
        ("gum-test", c.gum("test")),
        ("gum-train", c.gum("train")),
    ] {
        let gold = if name.starts_with("gum") {
            read_gum_entities(&path)?
        } else {
            read_iob2(&path)?
        };
        let s = annals_nlp::eval::score_ner(&tagger, &ner, &gold);
        print!(
            "{name}: F1 {:.2} (P {:.2} R {:.2})",
            100.0 * s.overall.f1(),
            100.0 * s.overall.precision(),
            100.0 * s.overall.recall()
        );
        for (t, c) in &s.by_type {
            print!("  {t} {:.1}", 100.0 * c.f1());
        }
        println!();
    }
    Ok(())
}
