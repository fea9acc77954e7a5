//! The training path works end to end on a small slice of the shared corpora
//! and beats trivial baselines. Skipped (with a note) when the corpora are absent.

use std::path::PathBuf;

use annals_core::Upos;
use annals_nlp::eval::{score_ner, score_tagger};
use annals_nlp::train::*;

fn corpora() -> Option<Corpora> {
    let root = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora"
    ));
    if root.join("ud_english_ewt").exists() {
        Some(Corpora::new(root))
    } else {
        eprintln!("note: {} absent; training test skipped", root.display());
        None
    }
}

#[test]
fn small_tagger_beats_most_frequent_tag_baseline() {
    let Some(c) = corpora() else { return };
    let train: Vec<_> = read_tagged(&c.ewt("train"))
        .unwrap()
        .into_iter()
        .take(400)
        .collect();
    let dev: Vec<_> = read_tagged(&c.ewt("dev"))
        .unwrap()
        .into_iter()
        .take(300)
        .collect();
    let opts = TaggerOptions {
        epochs: 1,
        ..Default::default()
    };
    let tagger = train_tagger_on(&train, &opts);
    let s = score_tagger(&tagger, &dev);
    // Baseline: every token gets the most frequent UPOS of the training slice.
    let mut counts = std::collections::HashMap::<Upos, usize>::new();
    for t in train.iter().flat_map(|s| &s.upos) {
        *counts.entry(*t).or_default() += 1;
    }
    let (&top, _) = counts.iter().max_by_key(|(_, n)| **n).unwrap();
    let baseline = dev
        .iter()
        .flat_map(|s| &s.upos)
        .filter(|u| **u == top)
        .count() as f64
        / s.tokens as f64
        * 100.0;
    assert!(
        s.upos_acc() > baseline + 30.0,
        "UPOS {} vs baseline {baseline}",
        s.upos_acc()
    );
    // Round trip of a freshly trained model.
    let again = annals_nlp::Tagger::from_bytes(&tagger.to_bytes()).unwrap();
    assert_eq!(score_tagger(&again, &dev).upos, s.upos);
}

#[test]
fn small_ner_finds_entities() {
    let Some(c) = corpora() else { return };
    let tagger = annals_nlp::Tagger::embedded().unwrap();
    let gum: Vec<_> = read_gum_entities(&c.gum("dev")).unwrap();
    assert!(gum.iter().any(|s| s.tags.iter().any(|t| t == "B-PER")));
    let (train, test) = gum.split_at(gum.len() * 3 / 4);
    let data: Vec<_> = train.iter().map(|s| to_ner_sentence(s, &tagger)).collect();
    let ner = annals_nlp::EntityRecognizer::train(&data, 1, 1);
    let s = score_ner(&tagger, &ner, test);
    // An all-O baseline scores 0.
    assert!(s.overall.f1() > 0.20, "F1 {}", s.overall.f1());
}
