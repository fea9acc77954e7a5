//! The real PETRARCH2 dictionaries load completely.

use annals_petrarch::VerbDictionary;
use std::path::PathBuf;

fn peer() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/peer/petrarch2"
    ));
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: {} absent; skipping", p.display());
        None
    }
}

#[test]
fn cameo_2_0_loads_completely() {
    let Some(dir) = peer() else { return };
    let path = dir.join("phoenix_dictionaries/CAMEO.2.0.txt");
    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    let d = VerbDictionary::from_path(&path).unwrap();
    // Count the lines of each kind in the file itself, outside comments.
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .collect();
    let patterns = lines
        .iter()
        .filter(|l| l.starts_with("- ") || (l.starts_with('-') && !l.starts_with("---")))
        .count();
    let blocks = lines.iter().filter(|l| l.starts_with("---")).count();
    let synsets = lines.iter().filter(|l| l.starts_with('&')).count();
    let transformations = lines.iter().filter(|l| l.starts_with('~')).count();
    assert_eq!(d.blocks.len(), blocks);
    assert_eq!(d.synsets.len(), synsets);
    assert_eq!(d.transformations.len(), transformations);
    assert_eq!(
        d.patterns.len() + d.warnings.len(),
        patterns,
        "{:?}",
        d.warnings
    );
    assert!(d.verbs.len() > 1000, "{} verbs", d.verbs.len());
    eprintln!(
        "CAMEO.2.0.txt: {} blocks, {} verbs, {} patterns ({} dropped), {} synsets, {} transformations",
        d.blocks.len(),
        d.verbs.len(),
        d.patterns.len(),
        d.warnings.len(),
        d.synsets.len(),
        d.transformations.len()
    );
    // A few entries a reader must get right.
    let clamp = d.verbs_with_form("CLAMPED").next().unwrap();
    let block = d.block(clamp.block).unwrap();
    assert_eq!(block.name, "CLAMP");
    assert!(d
        .block_patterns(clamp.block)
        .any(|p| p.code.forward.as_deref() == Some("1723")));
    assert!(d.verbs_with_form("CORDONED").any(|v| v.after == ["OFF"]));
}

#[test]
fn validation_verbs_load() {
    let Some(dir) = peer() else { return };
    let d = VerbDictionary::from_path(dir.join("unit_tests/PETR.Validate.verbs.txt")).unwrap();
    assert!(d.blocks.len() > 100);
    assert!(d.verbs_with_form("TAPPED").any(|v| v.before == ["WIRE"]));
    eprintln!(
        "PETR.Validate.verbs.txt: {} blocks, {} verbs, {} patterns",
        d.blocks.len(),
        d.verbs.len(),
        d.patterns.len()
    );
}
