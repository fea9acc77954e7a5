//! Score the splitter and tokenizer on a CoNLL-U file, printing errors.
//!
//! `cargo run --release -p annals-text --example ewt_eval -- ../shared/corpora/ud_english_ewt/en_ewt-ud-test.conllu [--show]`

use annals_text::{eval, TextAnalyzer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: ewt_eval FILE.conllu [--show]")?;
    let show = args.next().as_deref() == Some("--show");
    let text = std::fs::read_to_string(&path)?;
    let sents = annals_core::conllu::parse(&text)?;
    let ta = TextAnalyzer::new();
    let texts: Vec<&str> = sents.iter().filter_map(|s| s.text.as_deref()).collect();
    println!(
        "sentence boundaries: {}",
        eval::sentence_boundaries(&ta, &texts)
    );
    let (tok, skipped) = eval::token_agreement(&ta, &sents);
    println!("token spans: {tok} ({skipped} sentences skipped)");
    if show {
        // Boundaries after a sentence ending in terminal punctuation that were missed.
        for w in texts.windows(2) {
            let joined = format!("{} {}", w[0], w[1]);
            let n = ta.split_sentences(&joined).len();
            let ends = w[0]
                .trim_end_matches(['"', '”', '’', ')'])
                .ends_with(['.', '!', '?']);
            if n < 2 && ends {
                println!("MISS\t{}  ||  {}", w[0], w[1]);
            } else if n > 2 {
                println!("SPLIT\t{}", w[0]);
            }
        }
        for s in &sents {
            let Some(t) = s.text.as_deref() else { continue };
            let pred: Vec<String> = ta.tokenize(t).into_iter().map(|t| t.text).collect();
            let gold: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            if pred != gold {
                println!("TOK\t{}\n\tgold {:?}\n\tpred {:?}", t, gold, pred);
            }
        }
    }
    Ok(())
}
