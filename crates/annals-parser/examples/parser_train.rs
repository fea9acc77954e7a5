//! Train the parser and report scores on EWT dev/test and PUD news.
//!
//! ```text
//! cargo run --release -p annals-parser --example parser_train -- OUT.bin [EPOCHS] [SEED] [MAX_SENTENCES] [JACKKNIFE_FOLDS] [PRUNE]
//! cargo run --release -p annals-parser --example parser_train -- --eval MODEL.bin [PRUNE[,LABEL_PRUNE] OUT.bin]
//! cargo run --release -p annals-parser --example parser_train -- --standard OUT.bin   # = `annals train --only parser`
//! ```
//!
//! Experiment knobs (environment): ANNALS_PARSER_TAG_CACHE=path keeps the
//! jackknifed corpus between runs, ANNALS_PARSER_ENSEMBLE=n, ANNALS_PARSER_EXPLORE=p,
//! ANNALS_PARSER_QUICK=1 skips the gold-tag scores.

use std::path::Path;

use annals_core::conllu;
use annals_parser::train::{self, TrainConfig};
use annals_parser::{evaluate, Parser};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let corpora = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora"
    ));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parser = if args.first().map(String::as_str) == Some("--standard") {
        // --standard OUT: exactly what `annals train --only parser` runs.
        let out = Path::new(args.get(1).ok_or("--standard needs an output path")?);
        let report = train::train_and_save(corpora, out, 7)?;
        println!("{report:?}");
        Parser::from_path(out)?
    } else if args.first().map(String::as_str) == Some("--eval") {
        let p = Parser::from_path(Path::new(args.get(1).ok_or("--eval needs a model path")?))?;
        // --eval MODEL [PRUNE[,LABEL_PRUNE] OUT]: prune weights below PRUNE and save to OUT.
        match (args.get(2), args.get(3)) {
            (Some(t), Some(out)) => {
                let (m, l) = t.split_once(',').unwrap_or((t, t));
                let p = p.pruned_by(m.parse()?, l.parse()?);
                p.save(Path::new(out))?;
                println!(
                    "pruned: {:?} features, {} bytes",
                    p.n_features_by_model(),
                    std::fs::metadata(out)?.len()
                );
                p
            }
            _ => p,
        }
    } else {
        let out = args
            .first()
            .ok_or("usage: parser_train OUT.bin [EPOCHS] [SEED] [MAX_SENTENCES]")?;
        let epochs = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(12);
        let seed = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(1);
        let max: usize = args
            .get(3)
            .map(|s| s.parse())
            .transpose()?
            .unwrap_or(usize::MAX);
        let folds: usize = args.get(4).map(|s| s.parse()).transpose()?.unwrap_or(3);
        let mut sents = train::training_sentences(corpora)?;
        sents.truncate(max);
        let mut config = TrainConfig {
            epochs,
            seed,
            verbose: true,
            jackknife_folds: folds,
            ..TrainConfig::standard()
        };
        if let Ok(e) = std::env::var("ANNALS_PARSER_EXPLORE") {
            config.explore_prob = e.parse()?;
        }
        if let Ok(e) = std::env::var("ANNALS_PARSER_ENSEMBLE") {
            config.ensemble = e.parse()?;
        }
        if let Some(p) = args.get(5) {
            config.prune_below = p.parse()?;
        }
        // ANNALS_PARSER_TAG_CACHE=path keeps the jackknifed corpus between
        // experiments (the tagging is the slow part and does not change).
        match std::env::var_os("ANNALS_PARSER_TAG_CACHE") {
            Some(cache) if Path::new(&cache).exists() => {
                sents = conllu::parse(&std::fs::read_to_string(&cache)?)?;
                sents.truncate(max);
            }
            Some(cache) => {
                train::jackknife_tags(&mut sents, folds, seed, true);
                std::fs::write(&cache, to_conllu(&sents))?;
            }
            None => train::jackknife_tags(&mut sents, folds, seed, true),
        }
        let t = std::time::Instant::now();
        let parser = train::train(&sents, &config)?;
        println!(
            "trained on {} sentences in {:.1}s",
            sents.len(),
            t.elapsed().as_secs_f64()
        );
        parser.save(Path::new(out))?;
        println!(
            "{:?} features, {} bytes",
            parser.n_features_by_model(),
            std::fs::metadata(out)?.len()
        );
        parser
    };
    let read = |p: &str| -> Result<Vec<conllu::ConlluSentence>, Box<dyn std::error::Error>> {
        Ok(conllu::parse(&std::fs::read_to_string(corpora.join(p))?)?)
    };
    let pud: Vec<_> = read("ud_english_pud/en_pud-ud-test.conllu")?
        .into_iter()
        .filter(|s| s.id.as_deref().is_some_and(|i| i.starts_with('n')))
        .collect();
    let tagger = annals_nlp::Tagger::embedded()?;
    for (name, sents) in [
        ("EWT dev", read("ud_english_ewt/en_ewt-ud-dev.conllu")?),
        ("EWT test", read("ud_english_ewt/en_ewt-ud-test.conllu")?),
        ("PUD news", pud),
    ] {
        if std::env::var_os("ANNALS_PARSER_QUICK").is_none() {
            let s = evaluate(&parser, &sents, None)?;
            println!(
                "{name:9} gold tags: UAS {:.2}  LAS {:.2}  (universal LAS {:.2}, {} words)",
                s.uas(),
                s.las(),
                s.las_universal(),
                s.words
            );
        }
        let s = evaluate(&parser, &sents, Some(&tagger))?;
        println!(
            "{name:9} nlp tags:  UAS {:.2}  LAS {:.2}  (universal LAS {:.2})",
            s.uas(),
            s.las(),
            s.las_universal()
        );
    }
    Ok(())
}

/// CoNLL-U text of `sents` (the columns the parser reads).
fn to_conllu(sents: &[conllu::ConlluSentence]) -> String {
    let mut out = String::new();
    for s in sents {
        for (i, w) in s.words.iter().enumerate() {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                w.form,
                w.lemma,
                w.upos,
                w.xpos,
                w.head,
                w.deprel
            ));
        }
        out.push('\n');
    }
    out
}
