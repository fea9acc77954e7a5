//! Prints the parser's model load time and single-thread parsing speed on
//! EWT dev (gold tags). Run with `cargo bench -p annals-parser`;
//! set `ANNALS_PARSER_MODEL=path` to measure another model file.

use std::path::Path;

fn main() {
    let corpora = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora");
    let path = Path::new(corpora).join("ud_english_ewt/en_ewt-ud-dev.conllu");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("parse_speed: {} not found, skipping", path.display());
        return;
    };
    let sents = match annals_core::conllu::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            println!("parse_speed: {}: {e}", path.display());
            return;
        }
    };
    // ANNALS_PARSER_MODEL=path measures another model file.
    let report = match std::env::var_os("ANNALS_PARSER_MODEL") {
        Some(p) => annals_parser::bench::run_with(&sents, 5, || {
            annals_parser::Parser::from_path(Path::new(&p))
        }),
        None => annals_parser::bench::run(&sents, 5),
    };
    match report {
        Ok(r) => {
            println!(
                "parser: load {:.1} ms wall ({} CPU); parsed {} tokens in {:.3} s wall = {:.0} tokens/s (one thread)",
                r.load_ms,
                r.load_cpu_ms.map_or("n/a".into(), |c| format!("{c:.1} ms")),
                r.tokens,
                r.seconds,
                r.tokens_per_second()
            );
            if let Some(t) = r.tokens_per_cpu_second() {
                println!("parser: {t:.0} tokens per CPU second (the machine may be shared)");
            }
        }
        Err(e) => println!("parse_speed: {e}"),
    }
}
