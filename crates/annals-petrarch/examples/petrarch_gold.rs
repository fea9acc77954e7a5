//! Code the PLOVER gold sentences with PETRARCH2's real dictionaries
//! (CAMEO.2.0 verbs, Phoenix actors/agents/discards) over annals' own
//! tokenizer, tagger and parser, and print type- and dyad-level figures the
//! way `../shared/gold/README.md` scores them (one main event per record).
//!
//! `cargo run --release -p annals-petrarch --example petrarch_gold -- [GOLD.jsonl]`

use annals_core::Component;
use annals_petrarch::PetrarchCoder;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let gold = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("gold/plover_gsr_dev.jsonl"));
    let dicts = shared.join("peer/petrarch2/phoenix_dictionaries");
    let actor_files: Vec<PathBuf> = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ]
    .iter()
    .map(|f| dicts.join(f))
    .collect();
    let actors: Vec<&Path> = actor_files.iter().map(PathBuf::as_path).collect();
    let agents = dicts.join("Phoenix.agents.txt");
    let t0 = std::time::Instant::now();
    let coder = PetrarchCoder::from_files(
        &dicts.join("CAMEO.2.0.txt"),
        &actors,
        &[agents.as_path()],
        Some(&dicts.join("Phoenix.discards.txt")),
    )?;
    eprintln!("dictionaries loaded in {:.2}s", t0.elapsed().as_secs_f64());
    let text = annals_text::TextAnalyzer::new();
    let tagger = annals_nlp::Tagger::embedded()?;
    let parser = annals_parser::Parser::embedded().ok();
    let onto = annals_ontology::Ontology::embedded();

    let (mut gold_events, mut predicted, mut type_hits, mut dyad_hits, mut records) =
        (0, 0, 0, 0, 0);
    let t1 = std::time::Instant::now();
    let mut coder_secs = 0.0;
    for line in std::fs::read_to_string(&gold)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let mut document = annals_core::Document::new(
            v["id"].as_str().unwrap_or(""),
            v["text"].as_str().unwrap_or(""),
        );
        document.date = v["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut doc = annals_core::Doc::new(document);
        text.process(&mut doc)?;
        tagger.process(&mut doc)?;
        if let Some(p) = &parser {
            p.process(&mut doc)?;
        }
        let tc = std::time::Instant::now();
        coder.process(&mut doc)?;
        coder_secs += tc.elapsed().as_secs_f64();
        records += 1;
        let root_of = |a: Option<&annals_core::EventArg>| {
            a.and_then(|a| doc.actors.get(a.actor))
                .and_then(|m| m.code.code.get(..3).map(str::to_owned))
                .unwrap_or_default()
        };
        // De-duplicate on (source root, target root, class) as the scorer does.
        let mut seen = std::collections::HashSet::new();
        let preds: Vec<(String, String, String, String)> = doc
            .events
            .iter()
            .map(|e| {
                let plover = onto
                    .plover(&e.cameo)
                    .map(|p| p.0.to_owned())
                    .or_else(|| annals_ontology::root_plover_type(&e.cameo).map(str::to_owned))
                    .unwrap_or_default();
                (
                    root_of(e.source.as_ref()),
                    root_of(e.target.as_ref()),
                    e.cameo.get(..2).unwrap_or("").to_owned(),
                    plover,
                )
            })
            .filter(|k| seen.insert(k.clone()))
            .collect();
        predicted += preds.len();
        for g in v["events"].as_array().into_iter().flatten() {
            if g["optional"].as_bool() == Some(true) {
                continue;
            }
            gold_events += 1;
            let roots: Vec<&str> = g["root"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_str())
                .collect();
            let class_ok = |p: &(String, String, String, String)| {
                if roots.is_empty() {
                    g["plover"].as_str() == Some(p.3.as_str())
                } else {
                    roots.contains(&p.2.as_str())
                }
            };
            let side_ok = |side: &serde_json::Value, code: &str| match side.as_array() {
                None => true,
                Some(list) => list
                    .iter()
                    .any(|c| c["code"].as_str().and_then(|s| s.get(..3)) == Some(code)),
            };
            if preds.iter().any(class_ok) {
                type_hits += 1;
            }
            if preds
                .iter()
                .any(|p| class_ok(p) && side_ok(&g["source"], &p.0) && side_ok(&g["target"], &p.1))
            {
                dyad_hits += 1;
            }
        }
    }
    let el = t1.elapsed().as_secs_f64();
    println!(
        "{records} records, {gold_events} gold events, {predicted} predicted events ({:.0} records/s end to end; coder alone {:.0} records/s)",
        records as f64 / el,
        records as f64 / coder_secs.max(1e-9)
    );
    let pr = |hits: usize| {
        let r = hits as f64 / gold_events.max(1) as f64;
        let p = (hits as f64 / predicted.max(1) as f64).min(1.0);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "recall {:.1}%  precision~ {:.1}%  F1~ {:.1}%",
            100.0 * r,
            100.0 * p,
            100.0 * f
        )
    };
    println!("type: {}", pr(type_hits));
    println!("dyad: {}", pr(dyad_hits));
    Ok(())
}
