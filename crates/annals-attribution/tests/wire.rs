//! Attribution on wire-style paragraphs we wrote.

use annals_attribution::{Attributor, QuoteFinder};
use annals_core::{
    ActorCode, ActorMention, Attribution, Component, Dateline, Doc, Document, Event, Modality, Span,
};
use annals_text::TextAnalyzer;
use chrono::NaiveDate;

fn doc(text: &str) -> Doc {
    let mut d = Doc::new(Document::new("t", text));
    TextAnalyzer::new().process(&mut d).unwrap();
    QuoteFinder::new().process(&mut d).unwrap();
    d
}

/// Push an event triggered by the `nth` occurrence of `word`.
fn event_at(d: &mut Doc, word: &str, nth: usize) -> usize {
    let start = d
        .text()
        .match_indices(word)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("word in text");
    let span = Span::new(start, start + word.len());
    let sentence = d.sentence_at(start).unwrap();
    d.events.push(Event {
        sentence,
        trigger: span,
        ..Default::default()
    });
    d.events.len() - 1
}

fn actor(d: &mut Doc, phrase: &str, code: &str) {
    let start = d.text().find(phrase).unwrap();
    let span = Span::new(start, start + phrase.len());
    let sentence = d.sentence_at(start).unwrap();
    d.actors.push(ActorMention {
        text: phrase.into(),
        span,
        sentence,
        code: ActorCode {
            code: code.into(),
            country: Some(code[..3].into()),
            sector: code.get(3..).map(Into::into),
        },
        ..Default::default()
    });
}

fn attribute(d: &mut Doc) {
    Attributor::new().process(d).unwrap();
}

fn attr(d: &Doc, e: usize) -> &Attribution {
    &d.events[e].attribution
}

#[test]
fn dateline_agency_covers_the_whole_document() {
    let text = "BAGHDAD, Dec 31 (Reuters) - Protesters stormed the U.S. embassy on Tuesday.\n\n\
                Guards fired tear gas at the crowd.";
    let mut d = doc(text);
    let src: Vec<_> = d
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.kind.as_str(), s.scope.clone()))
        .collect();
    assert_eq!(src, [("Reuters", "dateline", 0..d.sentences.len())]);
    let e = event_at(&mut d, "fired", 0);
    attribute(&mut d);
    assert_eq!(attr(&d, e).reported_by, ["Reuters"]);
    assert_eq!(attr(&d, e).via.as_deref(), Some("report"));
    assert_eq!(d.events[e].modality, Modality::Asserted);

    // The same from the reader's dateline record, with the agency spelled out.
    let mut d2 = Doc::new(Document::new("t", text));
    d2.document.dateline = Some(Dateline {
        span: Span::new(0, 27),
        agency: Some("Reuters".into()),
        agency_span: Some(Span::new(17, 24)),
        ..Default::default()
    });
    TextAnalyzer::new().process(&mut d2).unwrap();
    QuoteFinder::new().process(&mut d2).unwrap();
    assert_eq!(d2.sources.len(), 1);
    assert_eq!(d2.sources[0].span, Span::new(17, 24));
}

#[test]
fn in_text_sources_and_their_scopes() {
    let text = "Rockets hit the Green Zone overnight, the state news agency INA reported. Two guards were wounded.\n\n\
                Police arrested three men, according to AFP. They were released later.\n\n\
                The BBC was banned from the area. Officials closed the airport.";
    let mut d = doc(text);
    let names: Vec<_> = d
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.scope.clone()))
        .collect();
    assert_eq!(names, [("INA", 0..2), ("AFP", 2..3)]);
    let hit = event_at(&mut d, "hit", 0);
    let wounded = event_at(&mut d, "wounded", 0);
    let arrested = event_at(&mut d, "arrested", 0);
    let released = event_at(&mut d, "released", 0);
    let closed = event_at(&mut d, "closed", 0);
    attribute(&mut d);
    assert_eq!(attr(&d, hit).reported_by, ["INA"]);
    assert_eq!(attr(&d, wounded).reported_by, ["INA"]);
    assert_eq!(attr(&d, arrested).reported_by, ["AFP"]);
    assert!(attr(&d, released).reported_by.is_empty());
    assert!(attr(&d, closed).reported_by.is_empty());
}

#[test]
fn closing_credit_line() {
    let text = "Gunmen attacked a police station in Kirkuk.\n\nSapa-AFP";
    let d = doc(text);
    let kinds: Vec<_> = d
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.kind.as_str()))
        .collect();
    assert_eq!(kinds, [("Sapa", "credit"), ("AFP", "credit")]);
    assert!(d.sources.iter().all(|s| s.scope == (0..2)));
}

#[test]
fn quotes_with_cues_after_and_before() {
    let text = "“We will not leave until they are gone,” said Qais al-Khazali, the group's leader. \
                The prime minister's office said in a statement: “Security forces will protect all missions.” \
                “They burned the reception area,” a guard told reporters. \
                Officials called the figures \"exaggerated\" on Tuesday.";
    let d = doc(text);
    let q: Vec<_> = d
        .quotes
        .iter()
        .map(|q| (d.slice(q.span), q.speaker.as_deref(), q.cue.as_deref()))
        .collect();
    assert_eq!(
        q,
        [
            (
                "We will not leave until they are gone,",
                Some("Qais al-Khazali"),
                Some("said")
            ),
            (
                "Security forces will protect all missions.",
                Some("The prime minister's office"),
                Some("said in a statement")
            ),
            (
                "They burned the reception area,",
                Some("a guard"),
                Some("told reporters")
            ),
        ]
    );
}

#[test]
fn multi_paragraph_quote_inherits_its_speaker() {
    let text = "“The Americans must leave Iraq,” he said. “Their presence is an occupation.\n\n\
                “We will use every means to expel them.”\n\nSeparately, police said three rockets landed.";
    let d = doc(text);
    assert_eq!(d.quotes.len(), 3);
    assert!(
        d.quotes.iter().all(|q| q.speaker.as_deref() == Some("he")),
        "{:?}",
        d.quotes
    );
    assert_eq!(
        d.slice(d.quotes[2].span),
        "We will use every means to expel them."
    );
}

#[test]
fn events_in_quotes_are_claimed_with_speaker_code() {
    let text = "BAGHDAD (AP) — “American jets bombed our bases in Qaim,” the militia said in a statement. \
                “Iran has threatened the embassy,” said U.S. Secretary of State Mike Pompeo.";
    let mut d = doc(text);
    actor(&mut d, "the militia", "IRQMIL");
    actor(&mut d, "U.S. Secretary of State Mike Pompeo", "USAGOV");
    let bombed = event_at(&mut d, "bombed", 0);
    let threatened = event_at(&mut d, "threatened", 0);
    d.events[threatened].modality = Modality::Threatened;
    attribute(&mut d);
    let a = attr(&d, bombed);
    assert_eq!(a.via.as_deref(), Some("statement"));
    assert_eq!(a.speaker.as_deref(), Some("the militia"));
    assert_eq!(a.speaker_code.as_deref(), Some("IRQMIL"));
    assert_eq!(a.claimant.as_deref(), Some("the militia"));
    assert_eq!(a.reported_by, ["AP"]);
    assert_eq!(d.events[bombed].modality, Modality::Claimed);
    let b = attr(&d, threatened);
    assert_eq!(b.via.as_deref(), Some("quote"));
    assert_eq!(b.speaker_code.as_deref(), Some("USAGOV"));
    assert_eq!(
        d.events[threatened].modality,
        Modality::Threatened,
        "never overwritten"
    );
    assert_eq!(d.quotes[1].speaker_actor, Some(1));
}

#[test]
fn embedded_post_with_signature() {
    let text = "The president responded on Twitter.\n\n\
                Iran killed an American contractor, wounding many. We strongly responded. \
                pic.twitter.com/xYz123 — Donald J. Trump (@realDonaldTrump) December 31, 2019\n\n\
                The embassy was evacuated.";
    let mut d = doc(text);
    assert_eq!(d.posts.len(), 1, "{:?}", d.posts);
    let p = &d.posts[0];
    assert_eq!(p.author.as_deref(), Some("Donald J. Trump"));
    assert_eq!(p.handle.as_deref(), Some("@realDonaldTrump"));
    assert_eq!(p.date, NaiveDate::from_ymd_opt(2019, 12, 31));
    assert_eq!(p.platform.as_deref(), Some("Twitter"));
    assert!(
        d.slice(p.span).starts_with("Iran killed")
            && d.slice(p.span).ends_with("pic.twitter.com/xYz123")
    );
    let killed = event_at(&mut d, "killed", 0);
    d.events[killed].date = NaiveDate::from_ymd_opt(2020, 1, 2);
    d.events[killed].date_reason = Some("document".into());
    let evacuated = event_at(&mut d, "evacuated", 0);
    attribute(&mut d);
    let a = attr(&d, killed);
    assert_eq!(a.via.as_deref(), Some("post"));
    assert_eq!(a.claimant.as_deref(), Some("Donald J. Trump"));
    assert_eq!(a.handle.as_deref(), Some("@realDonaldTrump"));
    assert_eq!(d.events[killed].modality, Modality::Claimed);
    assert_eq!(d.events[killed].date, NaiveDate::from_ymd_opt(2019, 12, 31));
    assert_eq!(d.events[killed].date_reason.as_deref(), Some("post"));
    assert!(attr(&d, evacuated).via.is_none());
}

#[test]
fn narrated_tweet() {
    let text = "In a tweet, Trump said Iran would be held fully responsible for lives lost.";
    let d = doc(text);
    assert_eq!(d.posts.len(), 1);
    assert_eq!(d.posts[0].author.as_deref(), Some("Trump"));
    assert_eq!(d.posts[0].platform.as_deref(), Some("Twitter"));
    assert_eq!(
        d.slice(d.posts[0].span),
        "Iran would be held fully responsible for lives lost."
    );
}

#[test]
fn claims_hedges_and_statements() {
    let text = "Kataib Hezbollah accused U.S. forces of killing 25 of its fighters. \
                Iranian drones reportedly struck the base. \
                Militants attacked a checkpoint in Diyala, police said. \
                Islamic State claimed responsibility for the bombing.";
    let mut d = doc(text);
    actor(&mut d, "Kataib Hezbollah", "IRQREB");
    let accused = event_at(&mut d, "accused", 0);
    let killing = event_at(&mut d, "killing", 0);
    let struck = event_at(&mut d, "struck", 0);
    let attacked = event_at(&mut d, "attacked", 0);
    let bombing = event_at(&mut d, "bombing", 0);
    attribute(&mut d);
    assert_eq!(
        d.events[accused].modality,
        Modality::Asserted,
        "the accusation itself happened"
    );
    assert_eq!(d.events[killing].modality, Modality::Claimed);
    assert_eq!(
        attr(&d, killing).claimant.as_deref(),
        Some("Kataib Hezbollah")
    );
    assert_eq!(attr(&d, killing).speaker_code.as_deref(), Some("IRQREB"));
    assert_eq!(d.events[struck].modality, Modality::Reported);
    assert_eq!(attr(&d, struck).hedge.as_deref(), Some("reportedly"));
    assert_eq!(d.events[attacked].modality, Modality::Asserted);
    assert_eq!(attr(&d, attacked).speaker.as_deref(), Some("police"));
    assert_eq!(attr(&d, attacked).via.as_deref(), Some("statement"));
    assert_eq!(
        attr(&d, attacked).claimant,
        None,
        "indirect speech is not a claim"
    );
    assert_eq!(
        d.events[bombing].modality,
        Modality::Asserted,
        "a responsibility claim"
    );
    assert_eq!(attr(&d, bombing).claimant.as_deref(), Some("Islamic State"));
}

#[test]
fn never_panics_on_odd_documents() {
    for text in [
        "",
        "“",
        "\"\"\"",
        "— (@x)",
        "AFP",
        "(Reuters) -",
        "“a” “b” ” “ \n\n ” said",
        "— A (@b) December 99, 2019",
    ] {
        let mut d = doc(text);
        d.events.push(Event {
            sentence: 7,
            trigger: Span::new(50, 40),
            ..Default::default()
        });
        attribute(&mut d);
    }
    // A large document full of cues stays fast (no quadratic scans).
    let big = "AFP reported “rockets hit, ” he said. — A (@b) May 1, 2020 (Reuters) - \"x\n"
        .repeat(20_000);
    let mut d = doc(&big);
    let starts: Vec<(usize, Span)> = d
        .sentences
        .iter()
        .enumerate()
        .step_by(3)
        .map(|(s, sent)| (s, d.tokens[sent.tokens.start].span))
        .collect();
    for (sentence, trigger) in starts {
        d.events.push(Event {
            sentence,
            trigger,
            ..Default::default()
        });
    }
    attribute(&mut d);
    assert!(!d.sources.is_empty() && !d.quotes.is_empty());
}

/// With a parse, the speech verb must govern the trigger; word order alone is not enough.
#[test]
fn parse_decides_what_a_speaker_covers() {
    let rows = |rows: &[(&str, usize, &str)]| -> String {
        rows.iter()
            .enumerate()
            .map(|(i, (w, h, rel))| format!("{}\t{w}\t_\t_\t_\t_\t{h}\t{rel}\t_\t_\n", i + 1))
            .collect()
    };
    let s1 = rows(&[
        ("Police", 2, "nsubj"),
        ("said", 0, "root"),
        ("militants", 4, "nsubj"),
        ("attacked", 2, "ccomp"),
        ("a", 6, "det"),
        ("checkpoint", 4, "obj"),
        (".", 2, "punct"),
    ]);
    let s2 = rows(&[
        ("After", 4, "mark"),
        ("the", 3, "det"),
        ("militia", 4, "nsubj"),
        ("said", 10, "advcl"),
        ("it", 7, "nsubj"),
        ("would", 7, "aux"),
        ("respond", 4, "ccomp"),
        (",", 10, "punct"),
        ("gunmen", 10, "nsubj"),
        ("attacked", 0, "root"),
        ("a", 12, "det"),
        ("base", 10, "obj"),
        (".", 10, "punct"),
    ]);
    let parsed = annals_core::conllu::parse(&format!("{s1}\n{s2}\n")).unwrap();
    let mut d = annals_core::conllu::to_doc("p", &parsed);
    QuoteFinder::new().process(&mut d).unwrap();
    let first = event_at(&mut d, "attacked", 0);
    let respond = event_at(&mut d, "respond", 0);
    let second = event_at(&mut d, "attacked", 1);
    attribute(&mut d);
    assert_eq!(attr(&d, first).speaker.as_deref(), Some("Police"));
    assert_eq!(attr(&d, respond).speaker.as_deref(), Some("the militia"));
    assert_eq!(
        attr(&d, second).speaker,
        None,
        "the speech verb sits in an adverbial clause"
    );
}

#[test]
fn unsigned_post_link() {
    let text = "The militia posted a message.\n\nWe will burn the embassy down pic.twitter.com/Qw3rTy\n\nPolice closed the road.";
    let mut d = doc(text);
    assert_eq!(d.posts.len(), 1, "{:?}", d.posts);
    assert_eq!(d.slice(d.posts[0].span), "We will burn the embassy down");
    let burn = event_at(&mut d, "burn", 0);
    let closed = event_at(&mut d, "closed", 0);
    attribute(&mut d);
    assert_eq!(attr(&d, burn).via.as_deref(), Some("post"));
    assert_eq!(attr(&d, closed).via, None);
}
