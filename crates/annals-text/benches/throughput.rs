//! Tokenizer + splitter throughput on one core. Prints figures (no timing asserts).
//!
//! `cargo bench -p annals-text` — uses the EWT and GUM `# text` lines from
//! `../shared/corpora` as input, or built-in wire text when they are absent.

use annals_text::{bench, TextAnalyzer};

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora/");
    let mut docs: Vec<String> = Vec::new();
    for f in [
        "ud_english_ewt/en_ewt-ud-train.conllu",
        "gum_permissive/gum_permissive-train.conllu",
    ] {
        if let Ok(t) = std::fs::read_to_string(format!("{root}{f}")) {
            // Group 20 sentences per document, paragraphs separated by blank lines.
            let lines: Vec<&str> = t
                .lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .collect();
            docs.extend(lines.chunks(20).map(|c| c.join(" ")));
        }
    }
    if docs.is_empty() {
        eprintln!("note: shared corpora not found; using built-in text");
        let para = "BAGHDAD, Dec 31 (Reuters) - Thousands of protesters stormed the U.S. embassy's compound on Tuesday. \
                    “We want them out,” said Abu Ali, 35, a member of the Iranian-backed Kataib Hezbollah. \
                    Gen. Qassem Soleimani didn't comment.\n\n";
        docs = (0..2000).map(|_| para.repeat(5)).collect();
    }
    let ta = TextAnalyzer::new();
    let _ = bench::throughput(&ta, &docs[..docs.len().min(50)], 1); // warm-up
    let t = bench::throughput(&ta, &docs, 5);
    println!("annals-text TextAnalyzer::analyze, 1 thread: {t}");
}
