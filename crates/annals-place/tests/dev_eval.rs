//! Geoparsing accuracy on the dev set built from re3d and MEANTIME
//! (tests/data/geoparse_dev.jsonl; documents read from ../shared/corpora).

use std::path::Path;

use annals_place::{eval, Geocoder};

#[test]
fn dev_set_accuracy_at_161_km() {
    let shared = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora"
    ));
    if !shared.exists() {
        eprintln!(
            "note: {} absent; skipping the geoparsing dev set",
            shared.display()
        );
        return;
    }
    let gold = eval::load_gold(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/geoparse_dev.jsonl"
    )))
    .expect("dev set parses");
    let geocoder = Geocoder::embedded().expect("embedded gazetteer loads");
    let s = eval::evaluate(&geocoder, &gold, shared, &|_| {}).expect("dev set evaluates");
    eprintln!(
        "geoparse dev: {} gold in {} docs; recognized {:.3}; acc@161 {:.3} (of recognized {:.3}); mean error {:.0} km; {} predicted",
        s.gold,
        s.documents,
        s.recall(),
        s.accuracy_161(),
        s.resolution_accuracy_161(),
        s.mean_error_km(),
        s.predicted
    );
    if std::env::var_os("ANNALS_PLACE_VERBOSE").is_some() {
        for m in &s.misses {
            eprintln!("  wrong: {:?} -> {} ({:.0} km)", m.0, m.1, m.2);
        }
        for (u, ctx) in &s.unrecognized {
            eprintln!("  missed: {u:?} in {ctx:?}");
        }
    }
    // Tokenizer-only recognition (no NER): a floor well under the target,
    // so regressions fail loudly.
    assert!(
        s.accuracy_161() >= 0.75,
        "acc@161 fell to {:.3}",
        s.accuracy_161()
    );
}
