//! Behaviour of the shipped entity recognizer on sentences we wrote.

mod common;

use annals_core::{Component, Doc, EntityLabel, Span};
use annals_nlp::{EntityRecognizer, Tagger};

/// One sentence, tokenized on spaces, tagged and recognized.
fn analyzed(sentence: &str) -> Doc {
    analyzed_doc(&[sentence], &EntityRecognizer::embedded().unwrap())
}

fn has(doc: &Doc, label: EntityLabel, text: &str) -> bool {
    doc.entities
        .iter()
        .any(|e| e.label == label && doc.slice(e.span) == text)
}

#[test]
fn finds_people_places_and_organizations() {
    let doc = analyzed(
        "Secretary of State John Kerry met Iraqi Prime Minister Haider al-Abadi in Baghdad on Monday .",
    );
    // The person is found; its left edge after a title phrase is a known
    // weakness ("State John Kerry"), so only the name's presence is asserted.
    let kerry = doc
        .entities
        .iter()
        .any(|e| e.label == EntityLabel::Per && doc.slice(e.span).ends_with("John Kerry"));
    assert!(kerry, "{:?}", doc.entities);
    assert!(has(&doc, EntityLabel::Loc, "Baghdad"), "{:?}", doc.entities);
    assert!(has(&doc, EntityLabel::Norp, "Iraqi"), "{:?}", doc.entities);
    let doc = analyzed("The United Nations said the attack in Aleppo killed 12 civilians .");
    assert!(
        has(&doc, EntityLabel::Org, "United Nations"),
        "{:?}",
        doc.entities
    );
    assert!(has(&doc, EntityLabel::Loc, "Aleppo"), "{:?}", doc.entities);
}

#[test]
fn entity_fields_are_consistent() {
    let doc = analyzed("Protesters gathered outside the Russian embassy in Kiev on Friday .");
    assert!(!doc.entities.is_empty());
    for e in &doc.entities {
        assert_eq!(e.sentence, 0);
        let first = &doc.tokens[e.tokens.start];
        let last = &doc.tokens[e.tokens.end - 1];
        assert_eq!(e.span, Span::new(first.span.start, last.span.end));
    }
}

#[test]
fn no_entities_in_plain_lowercase_text() {
    let doc = analyzed("the talks ended without an agreement and both sides left the room .");
    assert!(doc.entities.is_empty(), "{:?}", doc.entities);
}

#[test]
fn names_typed_in_lowercase_are_found() {
    // Web posts and comments are often typed without capitals; the model
    // learnt from lowercased copies of its training sentences to read such
    // names from the name lists and the words around them.
    let doc = analyzed(
        "we flew from london to san francisco last week and stayed with jen near the bridge .",
    );
    assert!(has(&doc, EntityLabel::Loc, "london"), "{:?}", doc.entities);
    assert!(
        has(&doc, EntityLabel::Loc, "san francisco"),
        "{:?}",
        doc.entities
    );
    assert!(has(&doc, EntityLabel::Per, "jen"), "{:?}", doc.entities);
    let doc = analyzed("my sister works for google in kerala now .");
    assert!(has(&doc, EntityLabel::Org, "google"), "{:?}", doc.entities);
    assert!(has(&doc, EntityLabel::Loc, "kerala"), "{:?}", doc.entities);
}

#[test]
fn corrupt_model_is_an_error() {
    let bytes = EntityRecognizer::embedded().unwrap().to_bytes();
    assert!(EntityRecognizer::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(EntityRecognizer::from_bytes(b"ANTG").is_err());
}

#[test]
fn news_names_are_typed_and_dates_are_not_names() {
    let doc = analyzed(
        "Officials at the Pentagon told Reuters on Wednesday that Ahmed Hassan had left Mosul for Amman .",
    );
    assert!(has(&doc, EntityLabel::Org, "Reuters"), "{:?}", doc.entities);
    assert!(
        has(&doc, EntityLabel::Per, "Ahmed Hassan"),
        "{:?}",
        doc.entities
    );
    assert!(has(&doc, EntityLabel::Loc, "Mosul"), "{:?}", doc.entities);
    assert!(has(&doc, EntityLabel::Loc, "Amman"), "{:?}", doc.entities);
    assert!(
        doc.entities
            .iter()
            .all(|e| doc.slice(e.span) != "Wednesday"),
        "{:?}",
        doc.entities
    );
}

#[test]
fn plural_nationalities_are_groups_not_people() {
    let doc = analyzed("Iraqis and Kurds marched through Erbil on Friday .");
    assert!(
        !doc.entities.iter().any(|e| e.label == EntityLabel::Per),
        "{:?}",
        doc.entities
    );
    assert!(has(&doc, EntityLabel::Norp, "Iraqis"), "{:?}", doc.entities);
}

#[test]
fn numbers_alone_are_not_names() {
    let doc = analyzed("DAMASCUS , March 8 ( Reuters ) - Turkey condemned the strikes .");
    assert!(has(&doc, EntityLabel::Org, "Reuters"), "{:?}", doc.entities);
    assert!(
        doc.entities
            .iter()
            .all(|e| doc.slice(e.span).chars().any(char::is_alphabetic)),
        "{:?}",
        doc.entities
    );
}

/// A document of several sentences, tokenized on spaces, tagged and recognized.
fn analyzed_doc(sentences: &[&str], ner: &EntityRecognizer) -> Doc {
    let mut doc = common::doc_of(sentences);
    Tagger::embedded().unwrap().process(&mut doc).unwrap();
    ner.process(&mut doc).unwrap();
    doc
}

#[test]
fn a_name_keeps_its_type_through_the_document() {
    let sentences = [
        "Farmers in Tamale met Grace Baker , head of the Northern Growers Union , on Monday .",
        "Baker said the rains came late this year .",
        "Members of Northern Growers Union will vote on a strike next week .",
    ];
    let ner = EntityRecognizer::embedded().unwrap();
    let doc = analyzed_doc(&sentences, &ner);
    let in_sentence = |k: usize, label: EntityLabel, text: &str| {
        doc.entities
            .iter()
            .any(|e| e.sentence == k && e.label == label && doc.slice(e.span) == text)
    };
    assert!(
        in_sentence(0, EntityLabel::Per, "Grace Baker"),
        "{:?}",
        doc.entities
    );
    assert!(
        in_sentence(1, EntityLabel::Per, "Baker"),
        "{:?}",
        doc.entities
    );
    let union: Vec<EntityLabel> = doc
        .entities
        .iter()
        .filter(|e| doc.slice(e.span) == "Northern Growers Union")
        .map(|e| e.label)
        .collect();
    assert_eq!(union.len(), 2, "{:?}", doc.entities);
    assert!(union.iter().all(|l| *l == union[0]), "{union:?}");
    for e in &doc.entities {
        let s = &doc.sentences[e.sentence];
        assert!(s.tokens.start <= e.tokens.start && e.tokens.end <= s.tokens.end);
    }
}

#[test]
fn names_joined_by_connectors_are_one_entity() {
    // `of`, `and` and `&` are never names themselves; the decoder scores them
    // only right after a possible name word, and then keeps the whole name.
    let ner = EntityRecognizer::embedded().unwrap();
    for (sentence, name) in [
        (
            "Shares of Procter & Gamble rose 3 percent in New York on Tuesday .",
            "Procter & Gamble",
        ),
        (
            "The Bank of England kept interest rates unchanged on Thursday .",
            "Bank of England",
        ),
        (
            "The Department of Housing and Urban Development will review the grant , officials said .",
            "Department of Housing and Urban Development",
        ),
    ] {
        let doc = analyzed_doc(&[sentence], &ner);
        assert!(has(&doc, EntityLabel::Org, name), "{:?}", doc.entities);
    }
}

#[test]
fn names_never_seen_in_training_are_read_from_word_vectors() {
    // Neither town occurs in the entity-annotated training text; their
    // pretrained word vectors put them in one class with other European
    // cities (Leiden, Rouen) and feed the neural scorer.
    let doc = analyzed("We had lunch at a small cafe in Bruges before driving to Ghent .");
    assert!(has(&doc, EntityLabel::Loc, "Bruges"), "{:?}", doc.entities);
    assert!(has(&doc, EntityLabel::Loc, "Ghent"), "{:?}", doc.entities);
}

#[test]
fn lowercase_common_nouns_are_not_names() {
    // Wire style writes ministries in lowercase; the model, which learnt
    // lowercase names from lowercased training copies, must not take
    // `ministry` alone for an organization.
    for sentence in [
        "The Kenyan foreign ministry said the talks would resume on Monday .",
        "A spokesman for the Iraqi defence ministry said 12 soldiers were killed .",
    ] {
        let doc = analyzed(sentence);
        assert!(
            doc.entities
                .iter()
                .all(|e| doc.slice(e.span).chars().any(char::is_uppercase)),
            "{sentence}: {:?}",
            doc.entities
        );
    }
    // Lowercase names are still names.
    let doc = analyzed("my brother moved to san francisco and works for google now .");
    assert!(
        has(&doc, EntityLabel::Loc, "san francisco"),
        "{:?}",
        doc.entities
    );
}
