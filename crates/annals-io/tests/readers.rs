//! Readers on realistic inputs, and on broken ones.

use annals_io::{read_bytes, read_inputs, InputError};

fn ok(name: &str, bytes: &[u8]) -> Vec<annals_core::Document> {
    read_bytes(name, bytes, None)
        .into_iter()
        .map(|r| r.expect("document reads"))
        .collect()
}

#[test]
fn json_lines_with_metadata() {
    let feed = br#"{"id": "a1", "published": "2019-12-31T09:15:00Z", "title": "Embassy stormed", "url": "https://example.org/a1", "source": "wire", "text": "BAGHDAD (AP) \u2014 Protesters stormed the embassy compound."}

{"id": 42, "date": "20200103", "text": "Drone strike kills commander."}
"#;
    let docs = ok("feed.jsonl", feed);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, "a1");
    assert_eq!(docs[0].date.unwrap().to_string(), "2019-12-31");
    assert_eq!(docs[0].title.as_deref(), Some("Embassy stormed"));
    assert_eq!(
        docs[0].dateline.as_ref().unwrap().agency.as_deref(),
        Some("AP")
    );
    assert_eq!(docs[1].id, "42");
    assert_eq!(docs[1].date.unwrap().to_string(), "2020-01-03");
    assert_eq!(docs[1].origin.as_deref(), Some("feed.jsonl:3"));
}

#[test]
fn broken_json_lines_name_their_line_and_spare_the_others() {
    let feed = b"{\"id\": \"a\", \"text\": \"Police arrested ten.\"}\n{\"id\": \"b\", \"text\": \nnot json at all\n{\"id\": \"c\", \"text\": \"\"}\n{\"id\": \"d\", \"date\": \"31/31/2019\", \"text\": \"x\"}\n{\"id\": \"e\", \"text\": \"Troops withdrew.\"}\n";
    let results = read_bytes("f.jsonl", feed, None);
    let errors: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
        .collect();
    assert!(
        errors[0].starts_with("f.jsonl:2: invalid JSON"),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("f.jsonl:3: invalid JSON"),
        "{errors:?}"
    );
    assert!(
        errors[2].contains("f.jsonl:4: empty \"text\""),
        "{errors:?}"
    );
    assert!(
        errors[3].contains("f.jsonl:5: unreadable date"),
        "{errors:?}"
    );
    let ids: Vec<String> = results
        .into_iter()
        .filter_map(|r| r.ok().map(|d| d.id))
        .collect();
    assert_eq!(ids, ["a", "e"]);
}

#[test]
fn text_header_and_wire_datelines() {
    let d = &ok(
        "s.txt",
        b"date 2019-12-31 BAGHDAD: Tear gas was fired at crowds.",
    )[0];
    assert_eq!(d.date.unwrap().to_string(), "2019-12-31");
    let dl = d.dateline.as_ref().unwrap();
    assert_eq!(dl.place.as_deref(), Some("BAGHDAD"));
    assert_eq!(&d.text[dl.span.end..], "Tear gas was fired at crowds.");
    assert_eq!(
        &d.text[dl.place_span.unwrap().start..dl.place_span.unwrap().end],
        "BAGHDAD"
    );

    let d = &ok("r.txt", b"BAGHDAD, Dec 31 (Reuters) - Crowds gathered.")[0];
    // No year and no other date: the dateline alone cannot give a date.
    assert_eq!(
        d.dateline.as_ref().unwrap().agency.as_deref(),
        Some("Reuters")
    );

    let d = &ok(
        "f.txt",
        "Baghdad, 31 December 2019 (AFP) - Crowds gathered.".as_bytes(),
    )[0];
    assert_eq!(d.date.unwrap().to_string(), "2019-12-31");
    assert_eq!(d.dateline.as_ref().unwrap().agency.as_deref(), Some("AFP"));

    let d = &ok(
        "h.txt",
        "date 2020-03-08\nDAMASCUS, March 8 (Reuters) - Jets struck.".as_bytes(),
    )[0];
    let dl = d.dateline.as_ref().unwrap();
    assert_eq!(dl.date.unwrap().to_string(), "2020-03-08");
    assert_eq!(dl.span.start, 0, "the header belongs to the dateline span");
    assert_eq!(&d.text[dl.span.end..], "Jets struck.");
}

#[test]
fn date_override_wins() {
    let date = chrono::NaiveDate::from_ymd_opt(2001, 9, 11);
    let d = read_bytes("s.txt", b"date 2019-12-31 KABUL: Talks.", date)
        .remove(0)
        .unwrap();
    assert_eq!(d.date, date);
}

#[test]
fn empty_binary_and_non_utf8_inputs() {
    let err = |name: &str, b: &[u8]| read_bytes(name, b, None).remove(0).unwrap_err();
    assert!(matches!(err("e.txt", b"  \n\t"), InputError::Empty { .. }));
    assert!(matches!(
        err("b.txt", b"GIF89a\0\0\x01"),
        InputError::Binary { offset: 6, .. }
    ));
    match err("l.txt", b"line one\nline two caf\xe9\n") {
        InputError::InvalidUtf8 { line, offset, .. } => assert_eq!((line, offset), (2, 21)),
        other => panic!("{other}"),
    }
}

#[test]
fn petrarch_xml_with_comments_and_entities() {
    let xml = br#"<Sentences>
<!-- <Sentence date="19990101" id="COMMENTED-OUT"><Text>no</Text></Sentence> -->
<Sentence date = "20150807" id = "AFP-1" source = "AFP" sentence = "True">
<Text>
Turkish jets struck Kurdish militants &amp; their bases in northern Iraq.
</Text>
</Sentence>
<Sentence date="20150808" id="AFP-2">
<Parse>(ROOT)</Parse>
</Sentence>
<Sentence date="20150809" id="AFP-3">
"#;
    let results = read_bytes("r.xml", xml, None);
    assert_eq!(results.len(), 3);
    let d = results[0].as_ref().unwrap();
    assert_eq!(d.id, "AFP-1");
    assert_eq!(d.source.as_deref(), Some("AFP"));
    assert_eq!(
        d.text,
        "Turkish jets struck Kurdish militants & their bases in northern Iraq."
    );
    assert_eq!(d.date.unwrap().to_string(), "2015-08-07");
    assert_eq!(
        results[1].as_ref().unwrap_err().to_string(),
        "r.xml:8: record has no <Text> element"
    );
    assert!(results[2]
        .as_ref()
        .unwrap_err()
        .to_string()
        .starts_with("r.xml:11: <Sentence> without"));
}

#[test]
fn directories_are_walked_in_order_skipping_expected_files() {
    let dir = std::env::temp_dir().join(format!("annals-io-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "Second story.").unwrap();
    std::fs::write(dir.join("a.txt"), "First story.").unwrap();
    std::fs::write(
        dir.join("a.expected.jsonl"),
        "{\"id\": \"a.txt\", \"events\": []}",
    )
    .unwrap();
    std::fs::write(dir.join(".hidden.txt"), "Hidden.").unwrap();
    std::fs::write(
        dir.join("sub").join("c.jsonl"),
        "{\"id\": \"c\", \"text\": \"Third story.\"}\n",
    )
    .unwrap();
    let ids: Vec<String> = read_inputs(std::slice::from_ref(&dir), None)
        .map(|r| r.unwrap().id)
        .collect();
    assert_eq!(ids, ["a.txt", "b.txt", "c"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_json_lines_file_of_blank_lines_is_empty_input() {
    let dir = std::env::temp_dir().join(format!("annals-io-blank-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("blank.jsonl");
    std::fs::write(&path, "\n  \n\t\n").unwrap();
    let results: Vec<_> = read_inputs(std::slice::from_ref(&path), None).collect();
    assert_eq!(results.len(), 1);
    assert!(
        matches!(results[0], Err(InputError::Empty { .. })),
        "{:?}",
        results[0]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
