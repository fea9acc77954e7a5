//! ActorCoder behaviour on hand-parsed wire sentences (CoNLL-U written for these tests).

use annals_actors::ActorCoder;
use annals_core::{conllu, Component, Doc, Entity, EntityLabel, Span};

/// One word: form, UPOS, XPOS, head (1-based, 0 = root), deprel.
type W<'a> = (&'a str, &'a str, &'a str, usize, &'a str);

fn conllu_text(sentences: &[&[W]]) -> String {
    let mut out = String::new();
    for s in sentences {
        let text: Vec<&str> = s.iter().map(|w| w.0).collect();
        out.push_str(&format!("# text = {}\n", text.join(" ")));
        for (i, (form, upos, xpos, head, rel)) in s.iter().enumerate() {
            let lemma = form.to_lowercase();
            let next = s.get(i + 1).map(|w| w.0).unwrap_or("");
            let glued = *form == "-"
                || ["'s", "-", ".", ",", "\""].contains(&next) && i + 1 < s.len() && *form != "\"";
            let misc = if glued { "SpaceAfter=No" } else { "_" };
            out.push_str(&format!(
                "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t{misc}\n",
                i + 1
            ));
        }
        out.push('\n');
    }
    out
}

fn doc(sentences: &[&[W]], date: &str) -> Doc {
    let mut d = conllu::to_doc("t", &conllu::parse(&conllu_text(sentences)).unwrap());
    d.document.date = date.parse().ok();
    d
}

fn codes(d: &Doc) -> Vec<(String, String)> {
    d.actors
        .iter()
        .map(|a| (a.text.clone(), a.code.code.clone()))
        .collect()
}

fn run(d: &mut Doc) {
    ActorCoder::embedded().process(d).unwrap();
}

fn pair(t: &str, c: &str) -> (String, String) {
    (t.to_owned(), c.to_owned())
}

#[test]
fn possessive_title_and_name_make_one_actor() {
    let s: &[W] = &[
        ("Iraq", "PROPN", "NNP", 6, "nmod:poss"),
        ("'s", "PART", "POS", 1, "case"),
        ("Minister", "PROPN", "NNP", 10, "nsubj"),
        ("of", "ADP", "IN", 5, "case"),
        ("Defense", "PROPN", "NNP", 3, "nmod"),
        ("Najah", "PROPN", "NNP", 3, "flat"),
        ("Al", "PROPN", "NNP", 6, "flat"),
        ("-", "PUNCT", "HYPH", 9, "punct"),
        ("Shammari", "PROPN", "NNP", 6, "flat"),
        ("visited", "VERB", "VBD", 0, "root"),
        ("Tehran", "PROPN", "NNP", 10, "obj"),
        (".", "PUNCT", ".", 10, "punct"),
    ];
    let mut d = doc(&[s], "2019-05-01");
    // The NER stage would mark the name.
    let (a, b) = (d.tokens[5].span.start, d.tokens[8].span.end);
    d.entities.push(Entity {
        label: EntityLabel::Per,
        tokens: 5..9,
        span: Span::new(a, b),
        sentence: 0,
    });
    run(&mut d);
    assert_eq!(
        codes(&d),
        // `conllu::to_doc` joins every token with a space.
        [
            pair("Iraq 's Minister of Defense Najah Al - Shammari", "IRQGOV"),
            pair("Tehran", "IRN")
        ]
    );
    assert_eq!(d.actors[0].entity.as_deref(), Some("Najah Al - Shammari"));
}

#[test]
fn country_adjectives_with_sector_nouns() {
    let s: &[W] = &[
        ("US", "PROPN", "NNP", 2, "compound"),
        ("forces", "NOUN", "NNS", 3, "nsubj"),
        ("fired", "VERB", "VBD", 0, "root"),
        ("on", "ADP", "IN", 6, "case"),
        ("Iraqi", "ADJ", "JJ", 6, "amod"),
        ("demonstrators", "NOUN", "NNS", 3, "obl"),
        ("near", "ADP", "IN", 8, "case"),
        ("Baghdad", "PROPN", "NNP", 3, "obl"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    let mut d = doc(&[s], "2019-12-29");
    run(&mut d);
    assert_eq!(
        codes(&d),
        [
            pair("US forces", "USAMIL"),
            pair("Iraqi demonstrators", "IRQOPP"),
            pair("Baghdad", "IRQ")
        ]
    );
    assert_eq!(d.actors[0].tokens, 0..2);
    assert_eq!(d.actors[0].head, 1);
}

#[test]
fn coordinated_adjectives_share_the_sector() {
    let s: &[W] = &[
        ("Senior", "ADJ", "JJ", 5, "amod"),
        ("Hungarian", "ADJ", "JJ", 5, "amod"),
        ("and", "CCONJ", "CC", 4, "cc"),
        ("Romanian", "ADJ", "JJ", 2, "conj"),
        ("officials", "NOUN", "NNS", 6, "nsubj"),
        ("agreed", "VERB", "VBD", 0, "root"),
        (".", "PUNCT", ".", 6, "punct"),
    ];
    let mut d = doc(&[s], "2000-01-01");
    run(&mut d);
    let got = codes(&d);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, "HUNGOV");
    assert_eq!(got[1].1, "ROUGOV");
    assert_eq!(d.actors[0].rule, "coord");
}

#[test]
fn unknown_country_keeps_the_sector_and_a_bare_country_is_its_root() {
    let s: &[W] = &[
        ("Protesters", "NOUN", "NNS", 2, "nsubj"),
        ("clashed", "VERB", "VBD", 0, "root"),
        ("with", "ADP", "IN", 4, "case"),
        ("police", "NOUN", "NN", 2, "obl"),
        ("in", "ADP", "IN", 6, "case"),
        ("Lebanon", "PROPN", "NNP", 2, "obl"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    let mut d = doc(&[s], "2020-01-01");
    run(&mut d);
    // `police in Lebanon` is one actor: the sector noun takes the country after `in`.
    assert_eq!(
        codes(&d),
        [
            pair("Protesters", "LBNOPP"),
            pair("police in Lebanon", "LBNCOP")
        ]
    );
    // Bare `Protesters` keep their sector and take the country of the place.
    assert_eq!(d.actors[0].code.country.as_deref(), Some("LBN"));
    assert_eq!(d.actors[0].code.sector.as_deref(), Some("OPP"));
    assert_eq!(d.actors[0].rule, "context:country");
}

#[test]
fn backed_militia_gets_patron_and_context_country() {
    let s1: &[W] = &[
        ("An", "DET", "DT", 4, "det"),
        ("Iranian", "ADJ", "JJ", 4, "amod"),
        ("-", "PUNCT", "HYPH", 2, "punct"),
        ("backed", "VERB", "VBN", 5, "amod"),
        ("militia", "NOUN", "NN", 6, "nsubj"),
        ("attacked", "VERB", "VBD", 0, "root"),
        ("a", "DET", "DT", 9, "det"),
        ("US", "PROPN", "NNP", 9, "compound"),
        ("base", "NOUN", "NN", 6, "obj"),
        ("in", "ADP", "IN", 11, "case"),
        ("Iraq", "PROPN", "NNP", 9, "nmod"),
        (".", "PUNCT", ".", 6, "punct"),
    ];
    let mut d = doc(&[s1], "2019-12-27");
    run(&mut d);
    let militia = d
        .actors
        .iter()
        .find(|a| a.text.contains("militia"))
        .expect("militia actor");
    assert_eq!(militia.patron.as_deref(), Some("IRN"));
    assert_eq!(militia.code.country.as_deref(), Some("IRQ"));
    assert_eq!(militia.code.sector.as_deref(), Some("REB"));
}

#[test]
fn pronouns_and_definite_descriptions_resolve_backwards() {
    let s1: &[W] = &[
        ("The", "DET", "DT", 3, "det"),
        ("Turkish", "ADJ", "JJ", 3, "amod"),
        ("government", "NOUN", "NN", 4, "nsubj"),
        ("condemned", "VERB", "VBD", 0, "root"),
        ("Hezbollah", "PROPN", "NNP", 4, "obj"),
        (".", "PUNCT", ".", 4, "punct"),
    ];
    let s2: &[W] = &[
        ("The", "DET", "DT", 2, "det"),
        ("group", "NOUN", "NN", 3, "nsubj"),
        ("denied", "VERB", "VBD", 0, "root"),
        ("it", "PRON", "PRP", 3, "obj"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    let s3: &[W] = &[
        ("The", "DET", "DT", 2, "det"),
        ("government", "NOUN", "NN", 3, "nsubj"),
        ("said", "VERB", "VBD", 0, "root"),
        ("its", "PRON", "PRP$", 5, "nmod:poss"),
        ("forces", "NOUN", "NNS", 7, "nsubj"),
        ("would", "AUX", "MD", 7, "aux"),
        ("respond", "VERB", "VB", 3, "ccomp"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    let mut d = doc(&[s1, s2, s3], "2021-03-01");
    run(&mut d);
    let by_text = |t: &str| {
        d.actors
            .iter()
            .find(|a| a.text == t && a.sentence > 0)
            .unwrap_or_else(|| panic!("{t}: {:?}", codes(&d)))
    };
    let group = by_text("group");
    assert_eq!(group.code.code, "LBNREB");
    assert_eq!(group.rule, "coref:definite");
    assert_eq!(d.actors[group.antecedent.unwrap()].text, "Hezbollah");
    assert_eq!(by_text("government").code.code, "TURGOV");
    let forces = by_text("its forces");
    assert_eq!(forces.code.code, "TURMIL");
    assert_eq!(forces.rule, "coref:possessive");
}

#[test]
fn dated_office_holders_follow_the_article_date() {
    let s: &[W] = &[
        ("Netanyahu", "PROPN", "NNP", 2, "nsubj"),
        ("met", "VERB", "VBD", 0, "root"),
        ("Abbas", "PROPN", "NNP", 2, "obj"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    let mut d = doc(&[s], "2010-06-01");
    run(&mut d);
    assert_eq!(
        codes(&d),
        [pair("Netanyahu", "ISRGOV"), pair("Abbas", "PSEGOV")]
    );
    let mut d = doc(&[s], "2022-01-01");
    run(&mut d);
    assert_eq!(d.actors[0].code.code, "ISRPTY");
}

#[test]
fn first_person_in_a_quote_is_the_speaker() {
    let s: &[W] = &[
        ("\"", "PUNCT", "``", 3, "punct"),
        ("We", "PRON", "PRP", 3, "nsubj"),
        ("will", "AUX", "MD", 3, "aux"),
        ("retaliate", "VERB", "VB", 6, "ccomp"),
        ("\"", "PUNCT", "''", 3, "punct"),
        (",", "PUNCT", ",", 3, "punct"),
        ("the", "DET", "DT", 10, "det"),
        ("Iranian", "ADJ", "JJ", 10, "amod"),
        ("foreign", "ADJ", "JJ", 10, "amod"),
        ("minister", "NOUN", "NN", 11, "nsubj"),
        ("said", "VERB", "VBD", 0, "root"),
        (".", "PUNCT", ".", 11, "punct"),
    ];
    let mut d = doc(&[s], "2020-01-05");
    let q = Span::new(d.tokens[1].span.start, d.tokens[3].span.end);
    let sp = Span::new(d.tokens[6].span.start, d.tokens[9].span.end);
    // `Quote` is built through serde: annals-core does not re-export its type.
    d.quotes = serde_json::from_value(serde_json::json!([{
        "span": [q.start, q.end], "speaker": "the Iranian foreign minister",
        "speaker_span": [sp.start, sp.end], "speaker_actor": null, "cue": "said"
    }]))
    .unwrap();
    run(&mut d);
    let we = d.actors.iter().find(|a| a.text == "We").expect("We coded");
    assert_eq!(we.code.code, "IRNGOV");
    assert_eq!(we.rule, "coref:quote-speaker");
    let speaker = d.quotes[0].speaker_actor.expect("speaker actor");
    assert_eq!(d.actors[speaker].text, "Iranian foreign minister");
    assert_eq!(we.antecedent, Some(speaker));
}

#[test]
fn code_phrase_without_a_parse() {
    let coder = ActorCoder::embedded();
    let date = "2016-01-01".parse().ok();
    let code = |t: &str| coder.code_phrase(t, date).map(|c| c.code);
    assert_eq!(code("Iraqi security forces").as_deref(), Some("IRQCOP"));
    assert_eq!(code("the UN Security Council").as_deref(), Some("IGOUNO"));
    assert_eq!(code("Emirati troops").as_deref(), Some("AREMIL"));
    assert_eq!(code("Kataeb Hezbollah").as_deref(), Some("IRQREB"));
    assert_eq!(code("Burkinabe soldiers").as_deref(), Some("BFAMIL"));
    // A diplomat's `counterpart` is an official of the other government.
    assert_eq!(code("his Turkish counterpart").as_deref(), Some("TURGOV"));
    assert_eq!(code("their Kenyan counterparts").as_deref(), Some("KENGOV"));
    assert_eq!(code("the weather"), None);
    // Military aircraft are the military; a passenger aircraft is civilian.
    assert_eq!(code("Israeli aircraft").as_deref(), Some("ISRMIL"));
    assert_eq!(code("Russian helicopters").as_deref(), Some("RUSMIL"));
    assert_eq!(
        code("an Iranian passenger aircraft").as_deref(),
        Some("IRNCVL")
    );
    // The US military's regional commands.
    assert_eq!(code("US Africa Command").as_deref(), Some("USAMIL"));
    assert_eq!(code("U.S. Indo-Pacific Command").as_deref(), Some("USAMIL"));
    // Marchers are demonstrators.
    assert_eq!(code("Venezuelan marchers").as_deref(), Some("VENOPP"));
    // The international community is no one country's civilians.
    assert_eq!(code("the international community").as_deref(), Some("IGO"));
    // A wedding party is a gathering of civilians, not a political party.
    assert_eq!(code("a Malian wedding party").as_deref(), Some("MLICVL"));
    assert_eq!(code("the ruling Malian party").as_deref(), Some("MLIPTY"));
    // Phoenix files the Palestinian resistance under France.
    assert_eq!(
        code("the Palestinian resistance").as_deref(),
        Some("PSEREB")
    );
}

#[test]
fn phrase_ends_after_the_actor_and_titles_beat_dates() {
    let s: &[W] = &[
        ("Israeli", "ADJ", "JJ", 3, "amod"),
        ("army", "NOUN", "NN", 3, "compound"),
        ("bulldozers", "NOUN", "NNS", 4, "nsubj"),
        ("demolished", "VERB", "VBD", 0, "root"),
        ("Palestinian", "ADJ", "JJ", 6, "amod"),
        ("homes", "NOUN", "NNS", 4, "obj"),
        ("today", "NOUN", "NN", 4, "obl:tmod"),
        (",", "PUNCT", ",", 10, "punct"),
        ("Prime", "PROPN", "NNP", 10, "compound"),
        ("Minister", "PROPN", "NNP", 12, "nsubj"),
        ("Theresa", "PROPN", "NNP", 10, "flat"),
        ("May", "PROPN", "NNP", 11, "flat"),
        ("said", "VERB", "VBD", 4, "parataxis"),
        (".", "PUNCT", ".", 4, "punct"),
    ];
    // The date is after May's premiership: the title in the text wins over the dictionary.
    let mut d = doc(&[s], "2022-06-01");
    run(&mut d);
    assert_eq!(
        codes(&d),
        [
            pair("Israeli army", "ISRMIL"),
            pair("Palestinian", "PSE"),
            pair("Prime Minister Theresa May", "GBRGOV")
        ]
    );
    assert_eq!(d.actors[2].rule, "dict:actor+title");
    // Without a title the dictionary's dates decide.
    let s2: &[W] = &[
        ("Theresa", "PROPN", "NNP", 3, "nsubj"),
        ("May", "PROPN", "NNP", 1, "flat"),
        ("spoke", "VERB", "VBD", 0, "root"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    let mut d = doc(&[s2], "2022-06-01");
    run(&mut d);
    assert_eq!(codes(&d), [pair("Theresa May", "GBRLEG")]);
}

#[test]
fn dateline_is_context_not_an_actor() {
    let s1: &[W] = &[
        ("BAGHDAD", "PROPN", "NNP", 0, "root"),
        ("-", "PUNCT", "HYPH", 1, "punct"),
    ];
    let s2: &[W] = &[
        ("Kurdish", "ADJ", "JJ", 2, "amod"),
        ("fighters", "NOUN", "NNS", 3, "nsubj"),
        ("clashed", "VERB", "VBD", 0, "root"),
        ("with", "ADP", "IN", 5, "case"),
        ("militants", "NOUN", "NNS", 3, "obl"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    let mut d = doc(&[s1, s2], "2016-03-01");
    let span = d.sentences[0].span;
    d.document.dateline = Some(annals_core::Dateline {
        span,
        place: Some("BAGHDAD".into()),
        ..Default::default()
    });
    run(&mut d);
    // No actor in the dateline; the Kurdish fighters and the bare
    // `militants` take its country.
    assert_eq!(
        codes(&d),
        [
            pair("Kurdish fighters", "IRQREB"),
            pair("militants", "IRQREB")
        ]
    );
    assert_eq!(d.actors[0].rule, "patron:context");
    assert_eq!(d.actors[0].patron, None);
}

#[test]
fn generic_domestic_groups_take_the_country_of_the_place() {
    // "Police fired on protesters in Baghdad ." — neither noun names a country.
    let s: &[W] = &[
        ("Police", "NOUN", "NN", 2, "nsubj"),
        ("fired", "VERB", "VBD", 0, "root"),
        ("on", "ADP", "IN", 4, "case"),
        ("protesters", "NOUN", "NNS", 2, "obl"),
        ("in", "ADP", "IN", 6, "case"),
        ("Baghdad", "PROPN", "NNP", 2, "obl"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    let mut d = doc(&[s], "2019-12-31");
    run(&mut d);
    let c = codes(&d);
    assert!(c.contains(&pair("Police", "IRQCOP")), "{c:?}");
    assert!(
        c.iter()
            .any(|(t, code)| t.starts_with("protesters") && code == "IRQOPP"),
        "{c:?}"
    );
}

#[test]
fn at_least_stays_in_the_phrase() {
    // "At least 12 people were wounded in Iraq ."
    let s: &[W] = &[
        ("At", "ADP", "IN", 2, "case"),
        ("least", "ADJ", "JJS", 4, "nmod"),
        ("12", "NUM", "CD", 4, "nummod"),
        ("people", "NOUN", "NNS", 6, "nsubj:pass"),
        ("were", "AUX", "VBD", 6, "aux:pass"),
        ("wounded", "VERB", "VBN", 0, "root"),
        ("in", "ADP", "IN", 8, "case"),
        ("Iraq", "PROPN", "NNP", 6, "obl"),
        (".", "PUNCT", ".", 6, "punct"),
    ];
    let mut d = doc(&[s], "2019-12-31");
    run(&mut d);
    let people = d.actors.iter().find(|a| a.text.ends_with("people"));
    assert_eq!(people.map(|a| a.text.as_str()), Some("At least 12 people"));
}

#[test]
fn a_sector_adjective_on_a_plain_noun_is_no_actor() {
    // "Iran threatened a new military offensive ."
    let s: &[W] = &[
        ("Iran", "PROPN", "NNP", 2, "nsubj"),
        ("threatened", "VERB", "VBD", 0, "root"),
        ("a", "DET", "DT", 6, "det"),
        ("new", "ADJ", "JJ", 6, "amod"),
        ("military", "ADJ", "JJ", 6, "amod"),
        ("offensive", "NOUN", "NN", 2, "obj"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    let mut d = doc(&[s], "2000-01-01");
    run(&mut d);
    let c = codes(&d);
    assert_eq!(c, vec![pair("Iran", "IRN")]);
}

#[test]
fn a_surname_alone_is_the_person_named_before() {
    // "Japanese Prime Minister Shinzo Abe will visit Beijing ." / "Abe spoke ."
    let s1: &[W] = &[
        ("Japanese", "ADJ", "JJ", 5, "amod"),
        ("Prime", "PROPN", "NNP", 3, "compound"),
        ("Minister", "PROPN", "NNP", 5, "compound"),
        ("Shinzo", "PROPN", "NNP", 5, "compound"),
        ("Abe", "PROPN", "NNP", 7, "nsubj"),
        ("will", "AUX", "MD", 7, "aux"),
        ("visit", "VERB", "VB", 0, "root"),
        ("Beijing", "PROPN", "NNP", 7, "obj"),
        (".", "PUNCT", ".", 7, "punct"),
    ];
    let s2: &[W] = &[
        ("Abe", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "VERB", "VBD", 0, "root"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    let mut d = doc(&[s1, s2], "2018-06-13");
    run(&mut d);
    let abe = d.actors.iter().find(|a| a.sentence == 1);
    assert_eq!(
        abe.map(|a| a.code.code.as_str()),
        Some("JPNGOV"),
        "{:?}",
        codes(&d)
    );
}

/// Mark tokens `a..b` (doc-wide indices) of sentence `s` as a person, as the NER stage would.
fn person(d: &mut Doc, a: usize, b: usize, s: usize) {
    let span = Span::new(d.tokens[a].span.start, d.tokens[b - 1].span.end);
    d.entities.push(Entity {
        label: EntityLabel::Per,
        tokens: a..b,
        span,
        sentence: s,
    });
}

#[test]
fn a_surname_the_tagger_calls_a_person_is_the_person_named_before() {
    let s1: &[W] = &[
        ("Japanese", "ADJ", "JJ", 3, "amod"),
        ("Prime", "ADJ", "NNP", 3, "amod"),
        ("Minister", "PROPN", "NNP", 4, "nmod:desc"),
        ("Shinzo", "PROPN", "NNP", 6, "nsubj"),
        ("Abe", "PROPN", "NNP", 4, "flat"),
        ("visited", "VERB", "VBD", 0, "root"),
        ("Beijing", "PROPN", "NNP", 6, "obj"),
        (".", "PUNCT", ".", 6, "punct"),
    ];
    let s2: &[W] = &[
        ("Abe", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "VERB", "VBD", 0, "root"),
        ("by", "ADP", "IN", 4, "case"),
        ("telephone", "NOUN", "NN", 2, "obl"),
        (".", "PUNCT", ".", 2, "punct"),
    ];
    let mut d = doc(&[s1, s2], "2018-06-13");
    person(&mut d, 3, 5, 0);
    person(&mut d, 8, 9, 1);
    run(&mut d);
    let abe = d
        .actors
        .iter()
        .find(|a| a.sentence == 1)
        .map(|a| a.code.code.as_str());
    assert_eq!(abe, Some("JPNGOV"), "{:?}", codes(&d));
}

#[test]
fn a_listed_one_word_name_opening_a_longer_name_is_someone_else() {
    let s: &[W] = &[
        ("Kurdish", "ADJ", "JJ", 2, "amod"),
        ("rebels", "NOUN", "NNS", 3, "nsubj"),
        ("praised", "VERB", "VBD", 0, "root"),
        ("Abdullah", "PROPN", "NNP", 3, "obj"),
        ("Ocalan", "PROPN", "NNP", 4, "flat"),
        (".", "PUNCT", ".", 3, "punct"),
    ];
    let mut d = doc(&[s], "2000-01-01");
    person(&mut d, 3, 5, 0);
    run(&mut d);
    assert!(
        d.actors.iter().all(|a| !a.code.code.starts_with("SAU")),
        "{:?}",
        codes(&d)
    );
}
