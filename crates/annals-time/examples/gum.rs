//! Score `<date when>` values on a GUM CoNLL-U file (gold parse, so tense
//! comes from the parse): `cargo run -p annals-time --example gum -- FILE [--errors] [--no-parse]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "../shared/corpora/gum_permissive/gum_permissive-dev.conllu".into());
    let errors = args.any(|a| a == "--errors");
    match annals_time::gum::score(
        std::path::Path::new(&path),
        &annals_time::TimeResolver::new(),
    ) {
        Ok(s) => {
            println!("{s}");
            if errors {
                for (text, gold, got) in &s.errors {
                    println!("miss\t{text}\tgold={gold}\tgot={got}");
                }
            }
        }
        Err(e) => {
            eprintln!("gum: {e}");
            std::process::exit(2);
        }
    }
}
