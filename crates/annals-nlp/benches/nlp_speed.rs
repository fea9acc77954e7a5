//! `cargo bench -p annals-nlp`: prints model load time and tokens/s of the
//! tagger and entity recognizer on EWT test (or on generated sentences when
//! the shared corpora are absent).

fn main() {
    let corpora = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora");
    let path = std::path::Path::new(corpora).join("ud_english_ewt/en_ewt-ud-test.conllu");
    let sentences: Vec<Vec<String>> = match annals_nlp::train::read_tagged(&path) {
        Ok(s) => s.into_iter().map(|s| s.words).collect(),
        Err(_) => {
            eprintln!(
                "note: {} not found; using generated sentences",
                path.display()
            );
            let base =
                "Police fired tear gas at protesters in Baghdad on Sunday , officials said .";
            (0..2000)
                .map(|i| {
                    let mut w: Vec<String> = base.split(' ').map(String::from).collect();
                    w[0] = if i % 2 == 0 {
                        "Police".into()
                    } else {
                        "Soldiers".into()
                    };
                    w
                })
                .collect()
        }
    };
    match annals_nlp::bench::run(&sentences, 5) {
        Ok(report) => println!("{report}"),
        Err(e) => eprintln!("bench failed: {e}"),
    }
}
