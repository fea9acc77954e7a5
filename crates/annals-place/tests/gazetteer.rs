//! The embedded gazetteer: lookups, and that the committed files are what
//! the build step makes from ../shared/gazetteer.

use std::path::Path;

use annals_place::{Gazetteer, PlaceKind};

#[test]
fn looks_up_countries_regions_and_cities() {
    let gaz = Gazetteer::embedded().expect("embedded gazetteer loads");
    assert!(gaz.len() > 150_000);
    let iraq = gaz.country("IRQ").expect("Iraq by ISO3");
    assert_eq!(iraq.kind, PlaceKind::Country);
    assert_eq!(gaz.country("IQ").map(|p| p.index), Some(iraq.index));
    assert!(gaz
        .lookup("U.S.")
        .iter()
        .any(|p| p.kind == PlaceKind::Country && p.country3 == Some("USA")));
    let anbar = gaz.lookup("Anbar");
    assert!(
        anbar
            .iter()
            .any(|p| p.kind == PlaceKind::Admin1 && p.country3 == Some("IRQ")),
        "{anbar:?}"
    );
    // Spellings meet: article, hyphen, diacritics, Tal/Tall.
    assert!(gaz
        .lookup("al-Hillah")
        .iter()
        .any(|p| p.country3 == Some("IRQ")));
    assert!(gaz
        .lookup("Tal Afar")
        .iter()
        .any(|p| p.country3 == Some("IRQ")));
    let baghdad = gaz
        .lookup("Baghdad")
        .into_iter()
        .find(|p| p.kind == PlaceKind::City)
        .expect("Baghdad city");
    assert!(baghdad.capital);
    assert_eq!(
        baghdad.admin1.and_then(|a| gaz.place(a)).map(|a| a.name),
        Some("Baghdad")
    );
    assert!(gaz.lookup("Qwxzzy").is_empty());
}

#[test]
fn rejects_a_file_that_is_not_a_gazetteer() {
    let r = Gazetteer::from_bytes(b"not an fst".to_vec().into(), b"nope".to_vec().into());
    assert!(r.is_err());
}

/// Slow (parses the 61 MB GeoNames extract): `cargo test -p annals-place --release -- --ignored`.
#[test]
#[ignore]
fn committed_gazetteer_matches_the_build_step() {
    let src = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/gazetteer"
    ));
    if !src.exists() {
        eprintln!("note: {} absent; skipping", src.display());
        return;
    }
    let out = std::env::temp_dir().join(format!("annals-gazetteer-{}", std::process::id()));
    annals_place::build::build_gazetteer(src, &out).expect("build succeeds");
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    for f in ["gazetteer.fst", "gazetteer.bin"] {
        let built = std::fs::read(out.join(f)).expect("built file");
        let committed = std::fs::read(data.join(f)).expect("committed file");
        assert!(built == committed, "{f} differs from the build step's output: rebuild with `annals places --build-gazetteer`");
    }
    let _ = std::fs::remove_dir_all(&out);
}
