//! Score TIMEX3 DATE values on MEANTIME (the same figures as
//! `annals times --eval-meantime DIR`), without building the CLI:
//! `cargo run --release -p annals-time --example meantime -- DIR [--errors]`.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpora/meantime_english"));
    let errors = args.any(|a| a == "--errors");
    match annals_time::meantime::score(&dir, &annals_time::TimeResolver::new()) {
        Ok(score) => {
            println!("{score}");
            if errors {
                for (text, gold, got, sent) in &score.errors {
                    println!("miss\t{text}\tgold={gold}\tgot={got}\t{sent}");
                }
                for (text, value) in &score.spurious {
                    println!("spurious\t{text}\t{value}");
                }
            }
        }
        Err(e) => {
            eprintln!("meantime: {e}");
            std::process::exit(2);
        }
    }
}
