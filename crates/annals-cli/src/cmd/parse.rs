//! `annals parse`: tokenize (raw text), tag, lemmatize, parse and tag
//! entities; write CoNLL-U with `NER=B-PER` (IOB2) in MISC.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use annals_core::{conllu, Component, Doc, Document};
use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Input file: raw text, or CoNLL-U with --conllu ("-" reads stdin).
    pub input: PathBuf,
    /// The input is pre-tokenized CoNLL-U: keep its tokens and sentences.
    #[arg(long)]
    pub conllu: bool,
    /// Write here instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

fn read_input(path: &PathBuf) -> anyhow::Result<String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading stdin")?;
        return Ok(s);
    }
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let input = read_input(&args.input)?;
    let name = args.input.display().to_string();
    let tagger = annals_nlp::Tagger::embedded().context("loading the tagger")?;
    let parser = annals_parser::Parser::embedded().context("loading the parser")?;
    let ner = annals_nlp::EntityRecognizer::embedded().context("loading the entity recognizer")?;
    let (mut doc, ids) = if args.conllu {
        let sents = conllu::parse(&input).with_context(|| format!("in {name}"))?;
        let ids: Vec<Option<String>> = sents.iter().map(|s| s.id.clone()).collect();
        let mut doc = conllu::to_doc(&name, &sents);
        for t in &mut doc.tokens {
            t.upos = Default::default();
            t.xpos.clear();
            t.lemma.clear();
            t.head = None;
            t.deprel.clear();
        }
        (doc, ids)
    } else {
        let mut doc = Doc::new(Document::new(name.clone(), input));
        annals_text::TextAnalyzer::new().process(&mut doc)?;
        let n = doc.sentences.len();
        (doc, vec![None; n])
    };
    tagger.process(&mut doc)?;
    parser.process(&mut doc)?;
    ner.process(&mut doc)?;
    let mut ner_tags: Vec<Option<String>> = vec![None; doc.tokens.len()];
    for e in &doc.entities {
        for (k, t) in e.tokens.clone().enumerate() {
            if let Some(slot) = ner_tags.get_mut(t) {
                let bi = if k == 0 { "B" } else { "I" };
                *slot = Some(format!("NER={bi}-{}", e.label.as_str()));
            }
        }
    }
    let mut out = String::with_capacity(doc.tokens.len() * 40);
    for i in 0..doc.sentences.len() {
        if let Some(Some(id)) = ids.get(i) {
            out.push_str(&format!("# sent_id = {id}\n"));
        }
        conllu::write_sentence(&doc, i, &mut out, &|t| ner_tags.get(t).cloned().flatten());
    }
    match &args.output {
        Some(p) => std::fs::write(p, out).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout()
            .lock()
            .write_all(out.as_bytes())
            .context("writing stdout")?,
    }
    Ok(ExitCode::SUCCESS)
}
