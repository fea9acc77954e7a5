//! The generated tables in `data/` must be what `annals_ontology::generate`
//! makes from `../shared/ontology/`. Run with `ANNALS_REGENERATE_ONTOLOGY=1`
//! to rewrite them.

use annals_ontology::generate;
use std::path::Path;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/ontology");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

fn read(name: &str) -> Option<String> {
    std::fs::read_to_string(Path::new(SHARED).join(name)).ok()
}

fn check(file: &str, generated: String) {
    let path = Path::new(DATA).join(file);
    if std::env::var_os("ANNALS_REGENERATE_ONTOLOGY").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "data/{file} is stale: rerun with ANNALS_REGENERATE_ONTOLOGY=1"
    );
}

#[test]
fn data_files_match_their_sources() {
    let (Some(codes), Some(gold), Some(cross), Some(manual)) = (
        read("cameo_eventcodes.csv"),
        read("cameo_goldstein.tsv"),
        read("CAMEO2PLOVER-2021.txt"),
        read("PLOVER_MANUAL.tex"),
    ) else {
        eprintln!("note: {SHARED} absent; skipping the regeneration check");
        return;
    };
    check(
        "cameo.tsv",
        generate::cameo_table(&codes, &gold, &cross).unwrap(),
    );
    check(
        "plover_types.tsv",
        generate::plover_types_table(&manual).unwrap(),
    );
    check(
        "plover_contexts.tsv",
        generate::plover_contexts_table(&manual).unwrap(),
    );
}
