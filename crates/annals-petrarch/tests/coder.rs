//! The coder on parsed wire-style sentences we write ourselves.

use annals_actors::dictionary::{parse_actors, parse_agents};
use annals_core::{conllu, Component, Doc};
use annals_petrarch::{CodingOptions, DiscardList, PetrarchCoder, VerbDictionary};

const VERBS: &str = "\
&WEAPON
+ROCKET
+MORTAR_SHELL
--- ATTACK [190] ---
ATTACK
SHELL [194]
+OPEN_FIRE {+OPENS_FIRE +OPENED_FIRE +OPENING_FIRE}
- * + (WITH &WEAPON)   [195]   # attack with rockets: test code
--- ARREST [173] ---
ARREST
DETAIN
--- MEET [040] ---
MEET {MEETS MET MEETING}
- * (WITH +)           [040:040]
- % * [040:040]
--- SAY [---] ---
SAY {SAYS SAID SAYING}
--- ACCUSE [112] ---
ACCUSE
- * + (OF CRIME) [1121]
";

const ACTORS: &str = "IRAQ [IRQ]\n+BAGHDAD\nIRAN [IRN]\nTURKEY [TUR]\nKURDISTAN_WORKERS_PARTY [TURREBPKK]\n+PKK\nSYRIA [SYR]\n";
const AGENTS: &str = "POLICE {} [~COP]\nSOLDIER [~MIL]\nFOREIGN_MINISTER [~GOVFRM]\n";

fn coder() -> PetrarchCoder {
    let verbs = VerbDictionary::parse(VERBS, "verbs.txt").unwrap();
    let actors = parse_actors(ACTORS, "actors.txt").unwrap();
    let agents = parse_agents(AGENTS, "agents.txt").unwrap();
    PetrarchCoder::new(verbs).with_actor_dictionaries(vec![actors], vec![agents])
}

/// A Doc from `form lemma UPOS XPOS head deprel` rows (head 1-based, 0 = root).
fn doc(rows: &[(&str, &str, &str, &str, usize, &str)]) -> Doc {
    let mut text = String::new();
    for (i, (form, lemma, upos, xpos, head, rel)) in rows.iter().enumerate() {
        text.push_str(&format!(
            "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t_\n",
            i + 1
        ));
    }
    conllu::to_doc("t", &conllu::parse(&text).unwrap())
}

fn triples(d: &Doc) -> Vec<(String, String, String)> {
    let code = |a: &Option<annals_core::EventArg>| {
        a.as_ref()
            .map(|a| d.actors[a.actor].code.code.clone())
            .unwrap_or_default()
    };
    d.events
        .iter()
        .map(|e| (code(&e.source), e.cameo.clone(), code(&e.target)))
        .collect()
}

fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

#[test]
fn pattern_with_synset_and_preposition_wins_over_the_bare_verb() {
    // Turkish soldiers attacked the PKK with rockets.
    let mut d = doc(&[
        ("Turkey", "Turkey", "PROPN", "NNP", 2, "compound"),
        ("soldiers", "soldier", "NOUN", "NNS", 3, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", 0, "root"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("PKK", "PKK", "PROPN", "NNP", 3, "obj"),
        ("with", "with", "ADP", "IN", 7, "case"),
        ("rockets", "rocket", "NOUN", "NNS", 3, "obl"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    assert_eq!(triples(&d), [t("TURMIL", "195", "TURREBPKK")]);
    let e = &d.events[0];
    assert_eq!(d.slice(e.trigger), "attacked");
    assert_eq!(e.plover_type, "ASSAULT");
    assert!(e.rule.starts_with("petrarch:verbs.txt:"));
}

#[test]
fn passive_with_by_phrase_reverses_roles() {
    // Iranian police were attacked by Iraq.  (no parse: word order only)
    let mut d = doc(&[
        ("Iranian", "Iranian", "ADJ", "JJ", 0, "_"),
        ("police", "police", "NOUN", "NNS", 0, "_"),
        ("were", "be", "AUX", "VBD", 0, "_"),
        ("attacked", "attack", "VERB", "VBN", 0, "_"),
        ("by", "by", "ADP", "IN", 0, "_"),
        ("Iraq", "Iraq", "PROPN", "NNP", 0, "_"),
        (".", ".", "PUNCT", ".", 0, "_"),
    ]);
    for tok in &mut d.tokens {
        tok.head = None;
    }
    coder().process(&mut d).unwrap();
    assert_eq!(triples(&d), [t("IRQ", "190", "IRNCOP")]);
}

#[test]
fn compound_verb_and_coordinated_sources() {
    // Iraq and Syria opened fire on Turkey.
    let mut d = doc(&[
        ("Iraq", "Iraq", "PROPN", "NNP", 4, "nsubj"),
        ("and", "and", "CCONJ", "CC", 3, "cc"),
        ("Syria", "Syria", "PROPN", "NNP", 1, "conj"),
        ("opened", "open", "VERB", "VBD", 0, "root"),
        ("fire", "fire", "NOUN", "NN", 4, "obj"),
        ("on", "on", "ADP", "IN", 7, "case"),
        ("Turkey", "Turkey", "PROPN", "NNP", 4, "obl"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    assert_eq!(
        triples(&d),
        [t("IRQ", "190", "TUR"), t("SYR", "190", "TUR")]
    );
    assert_eq!(d.slice(d.events[0].trigger), "opened fire");
}

#[test]
fn reciprocal_code_and_compound_marker() {
    // Iraq and Iran met in Baghdad.  -> `% *` : each meets the other.
    let mut d = doc(&[
        ("Iraq", "Iraq", "PROPN", "NNP", 4, "nsubj"),
        ("and", "and", "CCONJ", "CC", 3, "cc"),
        ("Iran", "Iran", "PROPN", "NNP", 1, "conj"),
        ("met", "meet", "VERB", "VBD", 0, "root"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    let mut got = triples(&d);
    got.sort();
    assert_eq!(got, [t("IRN", "040", "IRQ"), t("IRQ", "040", "IRN")]);
}

#[test]
fn null_coded_verbs_and_missing_targets_code_nothing() {
    // The foreign minister of Iraq said nothing.
    let mut d = doc(&[
        ("The", "the", "DET", "DT", 3, "det"),
        ("foreign", "foreign", "ADJ", "JJ", 3, "amod"),
        ("minister", "minister", "NOUN", "NN", 7, "nsubj"),
        ("of", "of", "ADP", "IN", 5, "case"),
        ("Iraq", "Iraq", "PROPN", "NNP", 3, "nmod"),
        ("has", "have", "AUX", "VBZ", 7, "aux"),
        ("said", "say", "VERB", "VBN", 0, "root"),
        ("nothing", "nothing", "PRON", "NN", 7, "obj"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    assert!(d.events.is_empty(), "{:?}", triples(&d));
    assert_eq!(d.actors.len(), 1);
    assert_eq!(d.actors[0].code.code, "IRQGOVFRM");
}

#[test]
fn discarded_sentences_are_not_coded() {
    let verbs = VerbDictionary::parse(VERBS, "verbs.txt").unwrap();
    let actors = parse_actors(ACTORS, "actors.txt").unwrap();
    let coder = PetrarchCoder::new(verbs)
        .with_actor_dictionaries(vec![actors], vec![])
        .with_discards(DiscardList::parse("FOOTBALL\n", "discards.txt"));
    // Iraq attacked Iran in football.
    let mut d = doc(&[
        ("Iraq", "Iraq", "PROPN", "NNP", 2, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", 0, "root"),
        ("Iran", "Iran", "PROPN", "NNP", 2, "obj"),
        ("in", "in", "ADP", "IN", 5, "case"),
        ("football", "football", "NOUN", "NN", 2, "obl"),
    ]);
    coder.process(&mut d).unwrap();
    assert!(d.events.is_empty());
}

#[test]
fn passive_doer_comes_from_by_from_or_in() {
    // Turkey was attacked from Syria.  (PETRARCH: by, from, in name the doer)
    let mut d = doc(&[
        ("Turkey", "Turkey", "PROPN", "NNP", 3, "nsubj:pass"),
        ("was", "be", "AUX", "VBD", 3, "aux:pass"),
        ("attacked", "attack", "VERB", "VBN", 0, "root"),
        ("from", "from", "ADP", "IN", 5, "case"),
        ("Syria", "Syria", "PROPN", "NNP", 3, "obl"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    assert_eq!(triples(&d), [t("SYR", "190", "TUR")]);
}

#[test]
fn a_coded_verb_keeps_its_adverbial_clause_from_coding() {
    // Iraq attacked Iran after Turkey arrested PKK soldiers.
    let mut d = doc(&[
        ("Iraq", "Iraq", "PROPN", "NNP", 2, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", 0, "root"),
        ("Iran", "Iran", "PROPN", "NNP", 2, "obj"),
        ("after", "after", "SCONJ", "IN", 6, "mark"),
        ("Turkey", "Turkey", "PROPN", "NNP", 6, "nsubj"),
        ("arrested", "arrest", "VERB", "VBD", 2, "advcl"),
        ("PKK", "PKK", "PROPN", "NNP", 8, "compound"),
        ("soldiers", "soldier", "NOUN", "NNS", 6, "obj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    assert_eq!(triples(&d), [t("IRQ", "190", "IRN")]);
    // Without the main event, the clause codes.
    d.events.clear();
    d.tokens[1].lemma = "visit".into();
    d.tokens[1].text = "visited".into();
    coder().process(&mut d).unwrap();
    assert_eq!(triples(&d), [t("TUR", "173", "TURREBPKKMIL")]);
}

#[test]
fn new_actors_and_monads_follow_the_options() {
    // Iraq attacked the rebel camp.
    let rows = [
        ("Iraq", "Iraq", "PROPN", "NNP", 2, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", 0, "root"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("rebel", "rebel", "NOUN", "NN", 5, "compound"),
        ("camp", "camp", "NOUN", "NN", 2, "obj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ];
    let c = coder();
    let mut d = doc(&rows);
    c.process(&mut d).unwrap();
    assert!(d.events.is_empty(), "{:?}", triples(&d));

    let mut options = CodingOptions::default();
    options.set("require_dyad", "false").unwrap();
    let mut d = doc(&rows);
    c.code_with(&mut d, &options);
    assert_eq!(triples(&d), [t("IRQ", "190", "")]);

    options.set("new_actor_length", "3").unwrap();
    let mut d = doc(&rows);
    c.code_with(&mut d, &options);
    assert_eq!(triples(&d), [t("IRQ", "190", "\"THE REBEL CAMP\"")]);

    options.set("new_actor_length", "2").unwrap();
    let mut d = doc(&rows);
    c.code_with(&mut d, &options);
    assert_eq!(triples(&d), [t("IRQ", "190", "")]);
}

#[test]
fn coordinated_agents_share_the_actor() {
    // Iraqi police and soldiers attacked Turkey.
    let mut d = doc(&[
        ("Iraqi", "Iraqi", "ADJ", "JJ", 2, "amod"),
        ("police", "police", "NOUN", "NNS", 5, "nsubj"),
        ("and", "and", "CCONJ", "CC", 4, "cc"),
        ("soldiers", "soldier", "NOUN", "NNS", 2, "conj"),
        ("attacked", "attack", "VERB", "VBD", 0, "root"),
        ("Turkey", "Turkey", "PROPN", "NNP", 5, "obj"),
        (".", ".", "PUNCT", ".", 5, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    assert_eq!(
        triples(&d),
        [t("IRQCOP", "190", "TUR"), t("IRQMIL", "190", "TUR")]
    );
}

#[test]
fn underscored_names_and_mistagged_verbs_after_actors() {
    // Kurdistan_Workers_Party and Syria attack Turkey.  (`attack` tagged INTJ, no useful parse)
    let mut d = doc(&[
        ("Kurdistan_Workers_Party", "x", "PROPN", "NNP", 5, "dep"),
        ("and", "and", "CCONJ", "CC", 5, "dep"),
        ("Syria", "Syria", "PROPN", "NNP", 5, "dep"),
        ("attack", "attack", "INTJ", "UH", 5, "dep"),
        ("Turkey", "Turkey", "PROPN", "NNP", 0, "root"),
        (".", ".", "PUNCT", ".", 5, "punct"),
    ]);
    coder().process(&mut d).unwrap();
    assert_eq!(
        triples(&d),
        [t("TURREBPKK", "190", "TUR"), t("SYR", "190", "TUR")]
    );
}

#[test]
fn pattern_words_stem_unless_petrarch_semantics_are_asked_for() {
    // Iraq accused Turkey of crimes.
    let rows = [
        ("Iraq", "Iraq", "PROPN", "NNP", 2, "nsubj"),
        ("accused", "accuse", "VERB", "VBD", 0, "root"),
        ("Turkey", "Turkey", "PROPN", "NNP", 2, "obj"),
        ("of", "of", "ADP", "IN", 5, "case"),
        ("crimes", "crime", "NOUN", "NNS", 2, "obl"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ];
    let c = coder();
    let mut d = doc(&rows);
    c.process(&mut d).unwrap();
    assert_eq!(triples(&d), [t("IRQ", "1121", "TUR")]);
    let mut d = doc(&rows);
    c.code_with(&mut d, &CodingOptions::petrarch());
    assert_eq!(triples(&d), [t("IRQ", "112", "TUR")]);
}
