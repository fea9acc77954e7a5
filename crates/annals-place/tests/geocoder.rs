//! Geocoder behaviour on wire-style sentences written for these tests.

use annals_core::{
    conllu, ActorCode, ActorMention, Component, Dateline, Doc, Document, Entity, EntityLabel,
    Event, EventArg, PlaceMention, Precision, Span,
};
use annals_place::Geocoder;

fn geocoder() -> Geocoder {
    Geocoder::embedded().expect("embedded gazetteer loads")
}

fn places(text: &str) -> Vec<PlaceMention> {
    let mut doc = Doc::new(Document::new("t", text));
    geocoder().process(&mut doc).expect("geocodes");
    doc.places
}

fn find<'a>(ps: &'a [PlaceMention], text: &str) -> Option<&'a PlaceMention> {
    ps.iter().find(|p| p.text == text)
}

#[test]
fn resolves_capitals_and_countries() {
    let ps = places("Gunmen attacked a checkpoint in Baghdad on Tuesday, and Syria closed its border with Iraq.");
    let b = find(&ps, "Baghdad").expect("Baghdad found");
    assert_eq!(b.country.as_deref(), Some("IRQ"));
    assert_eq!(b.precision, Precision::City);
    assert!(
        (b.lat - 33.34).abs() < 0.2 && (b.lon - 44.40).abs() < 0.2,
        "{b:?}"
    );
    assert_eq!(
        find(&ps, "Syria").map(|p| p.precision),
        Some(Precision::Country)
    );
    assert_eq!(
        find(&ps, "Iraq").and_then(|p| p.country.as_deref()),
        Some("IRQ")
    );
    assert!(find(&ps, "Tuesday").is_none());
}

#[test]
fn demonyms_are_not_places() {
    let ps = places("Iraqi and Syrian officials met Kurdish leaders in Erbil.");
    assert!(find(&ps, "Iraqi").is_none());
    assert!(find(&ps, "Syrian").is_none());
    assert!(find(&ps, "Kurdish").is_none());
    assert_eq!(
        find(&ps, "Erbil").and_then(|p| p.country.as_deref()),
        Some("IRQ")
    );
}

#[test]
fn a_qualifier_picks_the_right_paris() {
    let ps = places("The company opened a plant in Paris, Texas, last year.");
    let p = find(&ps, "Paris").expect("Paris found");
    assert_eq!(p.country.as_deref(), Some("USA"));
    assert_eq!(p.admin1.as_deref(), Some("Texas"));
    let ps = places("Ministers met in Paris to discuss the ceasefire.");
    assert_eq!(
        find(&ps, "Paris").and_then(|p| p.country.as_deref()),
        Some("FRA")
    );
}

#[test]
fn province_word_selects_the_region() {
    let ps = places("Clashes spread across Anbar province as troops moved west of Ramadi.");
    let anbar = ps
        .iter()
        .find(|p| p.text.starts_with("Anbar"))
        .expect("Anbar found");
    assert_eq!(anbar.precision, Precision::Admin1);
    assert_eq!(anbar.country.as_deref(), Some("IRQ"));
    assert_eq!(
        find(&ps, "Ramadi").map(|p| p.precision),
        Some(Precision::City)
    );
}

#[test]
fn possessive_and_direction_still_find_the_city() {
    let ps = places(
        "A rocket landed inside Baghdad's Green Zone, and a bomb exploded southwest of Baghdad.",
    );
    assert_eq!(ps.iter().filter(|p| p.text == "Baghdad").count(), 2);
}

#[test]
fn people_and_common_words_are_not_towns() {
    let ps = places("Police said Mr. Jordan met Michael Kerry in March. Of the 12 people hurt, most were students.");
    assert!(ps.is_empty(), "{ps:?}");
}

#[test]
fn ner_person_label_blocks_a_town_name() {
    let text = "Aden spoke to reporters after the vote.";
    let mut doc = Doc::new(Document::new("t", text));
    doc.entities.push(Entity {
        label: EntityLabel::Per,
        tokens: 0..1,
        span: Span::new(0, 4),
        sentence: 0,
    });
    geocoder().process(&mut doc).expect("geocodes");
    assert!(doc.places.is_empty(), "{:?}", doc.places);
    let ps = places("Saudi-backed forces retook the port of Aden on Sunday.");
    assert_eq!(
        find(&ps, "Aden").and_then(|p| p.country.as_deref()),
        Some("YEM")
    );
}

#[test]
fn small_towns_need_a_cue() {
    // A small town named like a surname is not a place without a locative cue.
    let ps = places("Officials in Mosul said fighters had left the town of Tal Afar.");
    assert!(find(&ps, "Tal Afar").is_some());
    assert!(find(&ps, "Mosul").is_some());
}

#[test]
fn dateline_place_locates_an_event_without_a_place() {
    let text = "BAGHDAD, Dec 31 (Reuters) - Protesters stormed the embassy compound on Tuesday.";
    let mut doc = Doc::new(Document::new("t", text));
    doc.document.dateline = Some(Dateline {
        span: Span::new(0, 27),
        place: Some("BAGHDAD".into()),
        place_span: Some(Span::new(0, 7)),
        ..Default::default()
    });
    let trigger = text.find("stormed").expect("trigger in text");
    doc.events.push(Event {
        sentence: 0,
        trigger: Span::new(trigger, trigger + 7),
        ..Default::default()
    });
    geocoder().process(&mut doc).expect("geocodes");
    assert_eq!(
        find(&doc.places, "BAGHDAD").map(|p| p.name.as_str()),
        Some("Baghdad")
    );
    let loc = doc.events[0].location.as_ref().expect("located");
    assert_eq!(loc.reason, "dateline");
    assert_eq!(loc.country.as_deref(), Some("IRQ"));
}

#[test]
fn parse_attaches_the_place_to_the_trigger() {
    // "Turkish jets struck bases in northern Iraq, officials in Ankara said."
    let conll = "\
# text = Turkish jets struck bases in northern Iraq , officials in Ankara said .
1\tTurkish\tTurkish\tADJ\tJJ\t_\t2\tamod\t_\t_
2\tjets\tjet\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tstruck\tstrike\tVERB\tVBD\t_\t12\tccomp\t_\t_
4\tbases\tbase\tNOUN\tNNS\t_\t3\tobj\t_\t_
5\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_
6\tnorthern\tnorthern\tADJ\tJJ\t_\t7\tamod\t_\t_
7\tIraq\tIraq\tPROPN\tNNP\t_\t4\tnmod\t_\tSpaceAfter=No
8\t,\t,\tPUNCT\t,\t_\t12\tpunct\t_\t_
9\tofficials\tofficial\tNOUN\tNNS\t_\t12\tnsubj\t_\t_
10\tin\tin\tADP\tIN\t_\t11\tcase\t_\t_
11\tAnkara\tAnkara\tPROPN\tNNP\t_\t9\tnmod\t_\t_
12\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
13\t.\t.\tPUNCT\t.\t_\t12\tpunct\t_\t_
";
    let sentences = conllu::parse(conll).expect("conllu parses");
    let mut doc = conllu::to_doc("t", &sentences);
    let text = doc.text().to_string();
    let trigger = text.find("struck").expect("trigger");
    let jets = text.find("Turkish jets").expect("actor");
    doc.actors.push(ActorMention {
        text: "Turkish jets".into(),
        span: Span::new(jets, jets + 12),
        sentence: 0,
        tokens: 0..2,
        head: 1,
        code: ActorCode::new(Some("TUR"), Some("MIL")),
        ..Default::default()
    });
    doc.events.push(Event {
        sentence: 0,
        trigger: Span::new(trigger, trigger + 6),
        source: Some(EventArg {
            actor: 0,
            via: "nsubj".into(),
        }),
        ..Default::default()
    });
    geocoder().process(&mut doc).expect("geocodes");
    let loc = doc.events[0].location.as_ref().expect("located");
    assert_eq!(loc.reason, "in-sentence:syntax");
    assert_eq!(loc.country.as_deref(), Some("IRQ"));
    assert_eq!(loc.precision, Precision::Country);
}

#[test]
fn actor_country_is_the_last_resort() {
    let text = "Iranian officials condemned the sanctions on Monday.";
    let mut doc = Doc::new(Document::new("t", text));
    doc.actors.push(ActorMention {
        text: "Iranian officials".into(),
        span: Span::new(0, 17),
        sentence: 0,
        tokens: 0..2,
        head: 1,
        code: ActorCode::new(Some("IRN"), Some("GOV")),
        ..Default::default()
    });
    let trigger = text.find("condemned").expect("trigger");
    doc.events.push(Event {
        sentence: 0,
        trigger: Span::new(trigger, trigger + 9),
        source: Some(EventArg {
            actor: 0,
            via: "nsubj".into(),
        }),
        ..Default::default()
    });
    geocoder().process(&mut doc).expect("geocodes");
    let loc = doc.events[0].location.as_ref().expect("located");
    assert_eq!(loc.reason, "actor-country");
    assert_eq!(loc.name, "Iran");
}
