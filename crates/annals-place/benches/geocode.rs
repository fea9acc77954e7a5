//! Gazetteer load time and geocoder throughput (one core), printed as figures:
//! `cargo bench -p annals-place --bench geocode`. Text: the re3d and MEANTIME
//! documents of the dev set from ../shared/corpora, repeated to about 5 MB.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora"
    ));
    if !shared.exists() {
        eprintln!("note: {} absent; no benchmark text", shared.display());
        return Ok(());
    }
    let dev = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/geoparse_dev.jsonl"
    ));
    let gold = annals_place::eval::load_gold(dev)?;
    let mut sources: Vec<&str> = gold.iter().map(|g| g.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let mut texts = Vec::new();
    for s in sources {
        texts.push(annals_place::eval::load_source(shared, s)?);
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let repeat = (5_000_000 / bytes.max(1)).max(1);
    let all: Vec<String> = (0..repeat).flat_map(|_| texts.iter().cloned()).collect();
    let report = annals_place::bench::bench(&all, &|_| {})?;
    println!("{report}");
    Ok(())
}
