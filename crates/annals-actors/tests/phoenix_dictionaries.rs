//! The real Phoenix and PETRARCH validation dictionaries must load completely.

use annals_actors::dictionary::{ActorDictionary, AgentDictionary};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/peer/petrarch2"
    ));
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("note: {} absent, skipping", p.display());
        None
    }
}

/// Primary-phrase lines in an actor file, counted independently of the reader:
/// non-blank lines that are not comments, synonyms or restrictions.
fn count_primary_lines(path: &std::path::Path) -> usize {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut in_xml = false;
    let mut n = 0;
    for line in text.lines() {
        let t = line.trim();
        if in_xml {
            in_xml = !t.contains("-->");
            continue;
        }
        if t.starts_with("<!") {
            in_xml = t.starts_with("<!--") && !t.contains("-->");
            continue;
        }
        let t = t.split('#').next().unwrap().trim();
        if t.is_empty() || t.starts_with('+') || t.starts_with('[') {
            continue;
        }
        n += 1;
    }
    n
}

#[test]
fn phoenix_actor_dictionaries_load_completely() {
    let Some(dir) = shared() else { return };
    for file in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        let path = dir.join("phoenix_dictionaries").join(file);
        let dict = ActorDictionary::from_path(&path).unwrap();
        let expected = count_primary_lines(&path);
        assert_eq!(dict.entries.len(), expected, "{file}");
        assert!(dict.phrase_count() > dict.entries.len(), "{file}");
        println!(
            "{file}: {} entries, {} phrases, {} warnings",
            dict.entries.len(),
            dict.phrase_count(),
            dict.warnings.len()
        );
        assert!(
            dict.warnings
                .iter()
                .filter(|w| w.contains("bad date"))
                .count()
                < 10,
            "{file}: {:?}",
            dict.warnings
        );
    }
}

#[test]
fn phoenix_agents_load_completely() {
    let Some(dir) = shared() else { return };
    let dict =
        AgentDictionary::from_path(dir.join("phoenix_dictionaries/Phoenix.agents.txt")).unwrap();
    println!(
        "agents: {} entries, {} warnings",
        dict.entries.len(),
        dict.warnings.len()
    );
    assert!(dict.entries.len() > 2000);
    assert!(dict.warnings.len() < 5, "{:?}", dict.warnings);
    assert!(dict
        .entries
        .iter()
        .any(|e| e.phrase == "FOREIGN MINISTER" && e.code.starts_with("GOV")));
}

#[test]
fn validation_dictionaries_load() {
    let Some(dir) = shared() else { return };
    let actors =
        ActorDictionary::from_path(dir.join("unit_tests/PETR.Validate.actors.txt")).unwrap();
    let agents =
        AgentDictionary::from_path(dir.join("unit_tests/PETR.Validate.agents.txt")).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2011, 1, 1);
    let sam = actors
        .entries
        .iter()
        .find(|e| e.phrases[0] == "SAM GAMGEE")
        .unwrap();
    assert_eq!(sam.code_on(date), Some("HOBMIL"));
    assert!(agents
        .entries
        .iter()
        .any(|e| e.forms.iter().any(|f| f == "CONGRESSWOMEN")));
}

/// `ActorCoder::from_dictionaries` codes with the given dictionaries only
/// (PETRARCH's fictional validation actors), by the document date.
#[test]
fn coder_from_validation_dictionaries_only() {
    use annals_actors::ActorCoder;
    use annals_core::{Component, Doc, Document};
    let Some(dir) = shared() else { return };
    let actors =
        ActorDictionary::from_path(dir.join("unit_tests/PETR.Validate.actors.txt")).unwrap();
    let agents =
        AgentDictionary::from_path(dir.join("unit_tests/PETR.Validate.agents.txt")).unwrap();
    let coder = ActorCoder::from_dictionaries(vec![actors], vec![agents]);
    let code = |t: &str, date: &str| coder.code_phrase(t, date.parse().ok()).map(|c| c.code);
    assert_eq!(
        code("the Arnor government", "2011-01-01").as_deref(),
        Some("ARNGOV")
    );
    assert_eq!(code("Sam Gamgee", "2011-01-01").as_deref(), Some("HOBMIL"));
    assert_eq!(code("Sam Gamgee", "2013-06-01").as_deref(), Some("HOBELI"));
    // Real-world names are unknown to the validation dictionaries.
    assert_eq!(code("Burkinabe", "2011-01-01"), None);

    // Through the Component, on a document with tokens only.
    let text = "Gollum denounced the Arnor government.";
    let mut doc = Doc::new(Document::new("v1", text));
    doc.document.date = "1997-01-01".parse().ok();
    let mut start = 0;
    for w in ["Gollum", "denounced", "the", "Arnor", "government", "."] {
        let at = text[start..].find(w).unwrap() + start;
        doc.tokens.push(annals_core::Token {
            span: annals_core::Span::new(at, at + w.len()),
            text: w.into(),
            ..Default::default()
        });
        start = at + w.len();
    }
    doc.sentences.push(annals_core::Sentence {
        span: annals_core::Span::new(0, text.len()),
        tokens: 0..6,
    });
    coder.process(&mut doc).unwrap();
    let got: Vec<(&str, &str)> = doc
        .actors
        .iter()
        .map(|a| (a.text.as_str(), a.code.code.as_str()))
        .collect();
    assert_eq!(got, [("Gollum", "HOBGOV"), ("Arnor government", "ARNGOV")]);
}
