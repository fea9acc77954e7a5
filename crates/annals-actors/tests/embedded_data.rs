//! The embedded data files parse cleanly and hold what the coder relies on.

use annals_actors::dictionary::{parse_actors, parse_agents};
use annals_actors::lexicon::embedded_files;
use annals_actors::Lexicon;

#[test]
fn every_embedded_file_parses_without_warnings() {
    for (name, text, is_actor) in embedded_files() {
        if is_actor {
            let d = parse_actors(text, name).unwrap_or_else(|e| panic!("{e}"));
            assert!(!d.entries.is_empty(), "{name} is empty");
            assert!(
                d.warnings.is_empty(),
                "{name}: {:?}",
                &d.warnings[..d.warnings.len().min(5)]
            );
        } else {
            let d = parse_agents(text, name).unwrap_or_else(|e| panic!("{e}"));
            assert!(!d.entries.is_empty(), "{name} is empty");
        }
    }
}

#[test]
fn lexicon_knows_countries_groups_and_sectors() {
    let lex = Lexicon::embedded();
    for (key, code) in [
        ("iraqi", "IRQ"),
        ("emirati", "ARE"),
        ("burkinabe", "BFA"),
        ("ivorian", "CIV"),
        ("tehran", "IRN"),
        ("kremlin", "RUSGOV"),
        ("hezbollah", "LBNREB"),
        ("alshabaab", "SOMREB"),
    ] {
        let (_, e) = lex.actor(key).unwrap_or_else(|| panic!("{key} missing"));
        assert_eq!(e.code_on(None), Some(code), "{key}");
    }
    assert_eq!(
        lex.agent("protesters").map(|a| a.code.as_str()),
        Some("OPP")
    );
    assert_eq!(
        lex.agent("securityforces").map(|a| a.code.as_str()),
        Some("COP")
    );
}
