//! The pipeline stage on parsed documents: tense from the parse, event dates
//! from the attached expression, else the document date.

use annals_core::{conllu, Component, DatePrecision, Doc, Document, Event, Span};
use annals_time::TimeResolver;
use chrono::NaiveDate;

fn tue() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2019, 12, 31)
}

/// Build a parsed doc from CoNLL-U rows written `ID FORM LEMMA UPOS XPOS HEAD DEPREL` (spaces).
fn parsed(rows: &str, date: Option<NaiveDate>) -> Doc {
    let mut text = String::new();
    for line in rows.lines() {
        let c: Vec<&str> = line.split_whitespace().collect();
        if c.is_empty() {
            text.push('\n');
            continue;
        }
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
            c[0], c[1], c[2], c[3], c[4], c[5], c[6]
        ));
    }
    let sents = conllu::parse(&text).expect("test CoNLL-U is well formed");
    let mut doc = conllu::to_doc("test", &sents);
    doc.document.date = date;
    doc
}

fn event_on(doc: &Doc, sentence: usize, trigger: &str) -> Event {
    let s = &doc.sentences[sentence];
    let tok = doc.tokens[s.tokens.clone()]
        .iter()
        .find(|t| t.text == trigger)
        .expect("trigger in sentence");
    Event {
        sentence,
        trigger: tok.span,
        ..Default::default()
    }
}

const ATTACK_SUNDAY: &str = "1 Rebels rebel NOUN NNS 2 nsubj
2 overran overrun VERB VBD 0 root
3 the the DET DT 4 det
4 base base NOUN NN 2 obj
5 on on ADP IN 6 case
6 Sunday Sunday PROPN NNP 2 obl
7 . . PUNCT . 2 punct";

const MEET_SUNDAY: &str = "1 Ministers minister NOUN NNS 3 nsubj
2 will will AUX MD 3 aux
3 convene convene VERB VB 0 root
4 on on ADP IN 5 case
5 Sunday Sunday PROPN NNP 3 obl
6 . . PUNCT . 3 punct";

const RELATIVE_CLAUSE: &str = "1 Police police NOUN NNS 8 nsubj
2 , , PUNCT , 4 punct
3 who who PRON WP 4 nsubj
4 arrived arrive VERB VBD 1 acl:relcl
5 in in ADP IN 6 case
6 2018 2018 NUM CD 4 obl
7 , , PUNCT , 4 punct
8 arrested arrest VERB VBD 0 root
9 20 20 NUM CD 10 nummod
10 people people NOUN NNS 8 obj
11 on on ADP IN 12 case
12 Monday Monday PROPN NNP 8 obl
13 . . PUNCT . 8 punct";

const NOUN_TRIGGER: &str = "1 Sunday Sunday PROPN NNP 3 nmod:poss
2 's 's PART POS 1 case
3 attack attack NOUN NN 4 nsubj
4 killed kill VERB VBD 0 root
5 five five NUM CD 4 obj
6 . . PUNCT . 4 punct";

const NO_TIME: &str = "1 Troops troop NOUN NNS 2 nsubj
2 withdrew withdraw VERB VBD 0 root
3 . . PUNCT . 2 punct";

#[test]
fn tense_from_the_parse() {
    let mut doc = parsed(&format!("{ATTACK_SUNDAY}\n\n{MEET_SUNDAY}"), tue());
    TimeResolver::new().process(&mut doc).unwrap();
    let v: Vec<(&str, usize)> = doc
        .times
        .iter()
        .map(|t| (t.value.as_str(), t.sentence))
        .collect();
    assert_eq!(v, [("2019-12-29", 0), ("2020-01-05", 1)]);
    assert_eq!(doc.slice(doc.times[0].span), "Sunday");
}

#[test]
fn events_take_the_attached_expression() {
    let mut doc = parsed(
        &format!("{RELATIVE_CLAUSE}\n\n{NOUN_TRIGGER}\n\n{NO_TIME}"),
        tue(),
    );
    doc.events = vec![
        event_on(&doc, 0, "arrested"),
        event_on(&doc, 1, "attack"),
        event_on(&doc, 2, "withdrew"),
    ];
    TimeResolver::new().process(&mut doc).unwrap();
    let e = &doc.events;
    // `in 2018` belongs to the relative clause; `on Monday` to `arrested`.
    assert_eq!(e[0].date, NaiveDate::from_ymd_opt(2019, 12, 30));
    assert_eq!(e[0].date_reason.as_deref(), Some("timex:weekday"));
    assert_eq!(e[0].date_precision, Some(DatePrecision::Day));
    assert_eq!(e[1].date, NaiveDate::from_ymd_opt(2019, 12, 29));
    assert_eq!(e[2].date, tue());
    assert_eq!(e[2].date_reason.as_deref(), Some("document"));
}

#[test]
fn no_document_date_and_no_expression_means_no_date() {
    let mut doc = parsed(NO_TIME, None);
    doc.events = vec![event_on(&doc, 0, "withdrew")];
    TimeResolver::new().process(&mut doc).unwrap();
    assert_eq!(
        (doc.events[0].date, doc.events[0].date_reason.as_deref()),
        (None, None)
    );
}

#[test]
fn untokenized_text_still_gets_times_and_dateline_date() {
    // Before the tokenizer runs (or without one) the whole text is one span;
    // the dateline date stands in for a missing document date.
    let mut document = Document::new(
        "d",
        "Gunmen attacked a checkpoint two days ago, police said.",
    );
    document.dateline = Some(annals_core::Dateline {
        date: tue(),
        span: Span::new(0, 0),
        ..Default::default()
    });
    let mut doc = Doc::new(document);
    TimeResolver::new().process(&mut doc).unwrap();
    assert_eq!(doc.times.len(), 1);
    assert_eq!(doc.times[0].value, "2019-12-29");
    assert_eq!(doc.slice(doc.times[0].span), "two days ago");
}

#[test]
fn nearest_expression_without_a_parse() {
    let text = "Protesters blocked roads on Sunday. Officials said talks failed.";
    let mut doc = Doc::new(Document {
        date: tue(),
        ..Document::new("d", text)
    });
    doc.sentences = vec![
        annals_core::Sentence {
            span: Span::new(0, 35),
            tokens: 0..0,
        },
        annals_core::Sentence {
            span: Span::new(36, text.len()),
            tokens: 0..0,
        },
    ];
    let blocked = text.find("blocked").unwrap();
    let failed = text.find("failed").unwrap();
    doc.events = vec![
        Event {
            sentence: 0,
            trigger: Span::new(blocked, blocked + 7),
            ..Default::default()
        },
        Event {
            sentence: 1,
            trigger: Span::new(failed, failed + 6),
            ..Default::default()
        },
    ];
    TimeResolver::new().process(&mut doc).unwrap();
    assert_eq!(doc.events[0].date, NaiveDate::from_ymd_opt(2019, 12, 29));
    assert_eq!(
        doc.events[0].date_reason.as_deref(),
        Some("timex-nearest:weekday")
    );
    assert_eq!(doc.events[1].date_reason.as_deref(), Some("document"));
}

#[test]
fn user_tense_cues_replace_the_builtin_ones() {
    assert!(TimeResolver::with_tense_cues("future gonna\n").is_ok());
    let err = TimeResolver::with_tense_cues("future\n").unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
}
