//! Print the tokens and sentences of a text read from stdin, one token per line.
//!
//! `echo "Iraq's PM didn't comment." | cargo run -p annals-text --example tokens`

use std::io::Read;

use annals_text::TextAnalyzer;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let a = TextAnalyzer::new().analyze(&text, &[]);
    for (i, s) in a.sentences.iter().enumerate() {
        let words: Vec<&str> = a
            .tokens
            .get(s.tokens.clone())
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        println!("S{i}: {}", words.join(" | "));
    }
    Ok(())
}
