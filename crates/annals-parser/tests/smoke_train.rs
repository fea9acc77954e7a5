//! The training path end to end on a small slice of EWT: a few hundred
//! sentences must give a parser far better than a trivial baseline, and the
//! saved model must load back and parse identically.

use std::path::Path;

use annals_core::conllu::{self, ConlluSentence};
use annals_parser::train::{self, TrainConfig};
use annals_parser::{evaluate, Parser};

fn corpora() -> Option<&'static Path> {
    let p = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora"
    ));
    if p.join("ud_english_ewt").is_dir() {
        Some(p)
    } else {
        println!("note: {} absent, skipping", p.display());
        None
    }
}

fn read(p: &Path) -> Vec<ConlluSentence> {
    conllu::parse(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// UAS of attaching every word to its right neighbour (the last to the root)
/// or its left neighbour (the first to the root), whichever is better.
fn chain_baseline(sents: &[ConlluSentence]) -> f64 {
    let (mut right, mut left, mut total) = (0usize, 0usize, 0usize);
    for s in sents {
        let n = s.words.len();
        for (i, w) in s.words.iter().enumerate() {
            let id = i + 1;
            total += 1;
            right += usize::from(w.head == if id == n { 0 } else { id + 1 });
            left += usize::from(w.head == id - 1);
        }
    }
    100.0 * right.max(left) as f64 / total as f64
}

#[test]
fn small_training_run_beats_baseline_and_round_trips() {
    let Some(dir) = corpora() else { return };
    let mut train_sents = read(&dir.join("ud_english_ewt/en_ewt-ud-train.conllu"));
    train_sents.truncate(400);
    let mut dev = read(&dir.join("ud_english_ewt/en_ewt-ud-dev.conllu"));
    dev.truncate(300);

    let config = TrainConfig {
        epochs: 3,
        seed: 7,
        ..TrainConfig::default()
    };
    let parser = train::train(&train_sents, &config).unwrap();
    let scores = evaluate(&parser, &dev, None).unwrap();
    let baseline = chain_baseline(&dev);
    println!(
        "smoke: UAS {:.2} LAS {:.2} vs chain baseline UAS {baseline:.2}",
        scores.uas(),
        scores.las()
    );
    assert!(
        scores.uas() > baseline + 20.0,
        "UAS {:.2} vs baseline {baseline:.2}",
        scores.uas()
    );
    assert!(scores.las() > 50.0, "LAS {:.2}", scores.las());

    // Same seed, same model; saved and reloaded, same parses.
    let again = train::train(&train_sents, &config).unwrap();
    assert_eq!(
        parser.to_bytes(),
        again.to_bytes(),
        "training is deterministic"
    );
    let reloaded = Parser::from_bytes(&parser.to_bytes(), "round trip").unwrap();
    assert_eq!(evaluate(&reloaded, &dev, None).unwrap(), scores);
}

#[test]
fn corrupt_model_is_a_clear_error() {
    let err = Parser::from_bytes(b"not a model", "bad.bin")
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad.bin"), "{err}");
    let good = Parser::embedded().unwrap().to_bytes();
    let truncated = &good[..good.len() / 2];
    let err = Parser::from_bytes(truncated, "half.bin")
        .unwrap_err()
        .to_string();
    assert!(err.contains("half.bin") && err.contains("byte"), "{err}");
}
