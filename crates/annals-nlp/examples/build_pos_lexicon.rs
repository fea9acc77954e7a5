//! Regenerate `data/wordnet_pos.tsv` from a WordNet 3.0 database directory.
//!
//! cargo run --release -p annals-nlp --example build_pos_lexicon -- /usr/share/wordnet
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/usr/share/wordnet".into());
    let text = annals_nlp::train::build_pos_lexicon(std::path::Path::new(&dir))?;
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/data/wordnet_pos.tsv");
    std::fs::write(out, &text)?;
    eprintln!("wrote {out}: {} lines", text.lines().count());
    Ok(())
}
