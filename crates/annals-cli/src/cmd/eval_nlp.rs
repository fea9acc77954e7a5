//! `annals eval-nlp`: score the linguistic models on the held-out treebanks
//! in the shared corpora (EWT test, PUD, UNER EWT test, UNER PUD).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annals_core::conllu::{self, ConlluSentence};
use annals_nlp::eval::{score_ner, score_tagger};
use annals_nlp::train::{read_iob2, read_tagged, Corpora, Iob2Sentence};
use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Directory holding the shared corpora.
    #[arg(long, default_value = "../shared/corpora")]
    pub corpora: PathBuf,
}

fn read_conllu(path: &Path) -> anyhow::Result<Vec<ConlluSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    conllu::parse(&text).with_context(|| format!("in {}", path.display()))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let c = Corpora::new(&args.corpora);
    let tagger = annals_nlp::Tagger::embedded()?;
    let ner = annals_nlp::EntityRecognizer::embedded()?;
    let parser = annals_parser::Parser::embedded()?;
    let text = annals_text::TextAnalyzer::new();

    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "treebank (gold tokens)", "UPOS", "XPOS", "lemma", "vlemma", "UAS", "LAS"
    );
    let ewt = read_conllu(&c.ewt("test"))?;
    let pud = read_conllu(&c.pud())?;
    let pud_news: Vec<ConlluSentence> = pud
        .iter()
        .filter(|s| s.id.as_deref().is_some_and(|i| i.starts_with('n')))
        .cloned()
        .collect();
    let pud_wiki: Vec<ConlluSentence> = pud
        .iter()
        .filter(|s| s.id.as_deref().is_some_and(|i| i.starts_with('w')))
        .cloned()
        .collect();
    let tagged_ewt = read_tagged(&c.ewt("test"))?;
    let tagged_pud = read_tagged(&c.pud())?;
    let is_news: Vec<bool> = pud
        .iter()
        .map(|s| s.id.as_deref().is_some_and(|i| i.starts_with('n')))
        .collect();
    let (tp_news, tp_wiki): (Vec<_>, Vec<_>) = tagged_pud
        .iter()
        .cloned()
        .zip(&is_news)
        .partition(|(_, n)| **n);
    let tp_news: Vec<_> = tp_news.into_iter().map(|(s, _)| s).collect();
    let tp_wiki: Vec<_> = tp_wiki.into_iter().map(|(s, _)| s).collect();
    for (name, tagged, trees) in [
        ("EWT test", &tagged_ewt, &ewt),
        ("PUD all", &tagged_pud, &pud),
        ("PUD news (n*)", &tp_news, &pud_news),
        ("PUD wiki (w*)", &tp_wiki, &pud_wiki),
    ] {
        let t = score_tagger(&tagger, tagged);
        let p = annals_parser::evaluate(&parser, trees, Some(&tagger))?;
        println!(
            "{name:<22} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
            t.upos_acc(),
            t.xpos_acc(),
            t.lemma_acc(),
            t.verb_lemma_acc(),
            p.uas() * scale(p.uas()),
            p.las() * scale(p.las()),
        );
    }

    println!();
    println!(
        "{:<22} {:>7} {:>7} {:>7}   {:>6} {:>6} {:>6}",
        "NER (exact span+type)", "P", "R", "F1", "PER", "ORG", "LOC"
    );
    let uner_ewt = read_iob2(&c.uner_ewt("test"))?;
    let uner_pud = read_iob2(&c.uner_pud())?;
    let uner_pud_news: Vec<Iob2Sentence> = uner_pud
        .iter()
        .filter(|s| s.id.as_deref().is_some_and(|i| i.starts_with('n')))
        .cloned()
        .collect();
    for (name, gold) in [
        ("UNER EWT test", &uner_ewt),
        ("UNER PUD", &uner_pud),
        ("UNER PUD news (n*)", &uner_pud_news),
    ] {
        let s = score_ner(&tagger, &ner, gold);
        print!(
            "{name:<22} {:>7.2} {:>7.2} {:>7.2}  ",
            100.0 * s.overall.precision(),
            100.0 * s.overall.recall(),
            100.0 * s.overall.f1()
        );
        for (_, t) in &s.by_type {
            print!(" {:>6.2}", 100.0 * t.f1());
        }
        println!();
    }

    println!();
    let texts: Vec<String> = ewt.iter().filter_map(|s| s.text.clone()).collect();
    let sb = annals_text::eval::sentence_boundaries(&text, &texts);
    println!(
        "sentence boundaries, EWT test (joined with spaces): P {:.2} R {:.2} F1 {:.2}",
        100.0 * sb.precision(),
        100.0 * sb.recall(),
        100.0 * sb.f1()
    );
    Ok(ExitCode::SUCCESS)
}

/// The parser reports fractions or percentages; print percentages.
fn scale(v: f64) -> f64 {
    if v <= 1.0 {
        100.0
    } else {
        1.0
    }
}
