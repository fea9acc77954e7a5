//! End-to-end tests of the `annals` binary, run as a user would run it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn annals() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annals"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("annals runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn lines_json(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("annals-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn codes_the_example_directory_into_the_output_contract() {
    let o = run(annals().arg("code").arg(examples()));
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let records = lines_json(&o);
    assert!(
        records.len() >= 15,
        "only {} events from the examples",
        records.len()
    );
    for r in &records {
        for key in [
            "doc_id",
            "event_id",
            "sentence",
            "date",
            "date_precision",
            "source",
            "target",
            "cameo",
            "plover",
            "quad_class",
            "goldstein",
            "location",
            "attribution",
            "modality",
            "evidence",
        ] {
            assert!(r.get(key).is_some(), "record lacks {key}: {r}");
        }
        let cameo = r["cameo"].as_str().unwrap();
        assert!(
            cameo.len() >= 2 && cameo.chars().all(|c| c.is_ascii_digit()),
            "{cameo}"
        );
        let span = r["evidence"]["trigger"]["span"].as_array().unwrap();
        assert!(span[0].as_u64().unwrap() < span[1].as_u64().unwrap());
        for side in ["source", "target"] {
            if let Some(a) = r[side].as_object() {
                assert!(a["code"].as_str().is_some_and(|c| !c.is_empty()), "{r}");
                assert_eq!(a["span"].as_array().map(|s| s.len()), Some(2));
            }
        }
    }
    // The business and sports stories have no political events.
    assert!(
        !records
            .iter()
            .any(|r| r["doc_id"] == "08-business-no-event.txt"),
        "events in the business story"
    );
    assert!(
        !records
            .iter()
            .any(|r| r["doc_id"] == "10b-football-no-event"),
        "events in the sports story"
    );
    // Every document format in the directory was read: text, HTML, JSON Lines.
    for id in [
        "01-baghdad-embassy-protest.txt",
        "09-sanctions-condemnation.html",
        "10a-aid-delivery",
    ] {
        assert!(
            records.iter().any(|r| r["doc_id"] == id),
            "no events from {id}"
        );
    }
}

#[test]
fn trigger_spans_point_into_the_document_text() {
    let path = examples().join("01-baghdad-embassy-protest.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let o = run(annals().arg("code").arg(&path));
    assert!(o.status.success());
    for r in lines_json(&o) {
        let s = &r["evidence"]["trigger"]["span"];
        let (a, b) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[a..b],
            r["evidence"]["trigger"]["text"].as_str().unwrap()
        );
        if let Some(src) = r["source"].as_object() {
            let s = &src["span"];
            let (a, b) = (
                s[0].as_u64().unwrap() as usize,
                s[1].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], src["text"].as_str().unwrap());
        }
    }
}

#[test]
fn without_inputs_codes_the_embedded_example() {
    let o = run(annals().arg("code"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("embedded example"));
    let records = lines_json(&o);
    assert!(records.iter().any(|r| r["plover"]["type"] == "ASSAULT"));
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempdir("bad");
    std::fs::write(dir.join("a-empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("b-binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2],
    )
    .unwrap();
    std::fs::write(
        dir.join("c-latin1.txt"),
        b"date 2020-01-01 PARIS: Police arrested caf\xe9 owners.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("d-feed.jsonl"),
        "{\"id\": \"ok-1\", \"date\": \"2021-03-02\", \"text\": \"Myanmar soldiers shot dead five protesters in Yangon on Monday.\"}\n{\"id\": \"broken\", \"text\": \"unterminated\n{\"id\": \"no-text\"}\n",
    )
    .unwrap();
    let big = vec![b'a'; 17 * 1024 * 1024];
    std::fs::write(dir.join("e-huge.txt"), big).unwrap();
    std::fs::write(dir.join("f-good.txt"), "date 2020-01-01 KABUL: Taliban fighters attacked a police checkpoint in Kabul on Tuesday.\n").unwrap();
    let o = run(annals().arg("code").arg(&dir));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("a-empty.txt: empty input"), "{err}");
    assert!(err.contains("b-binary.txt: binary data"), "{err}");
    assert!(
        err.contains("c-latin1.txt:1: invalid UTF-8 at byte offset"),
        "{err}"
    );
    assert!(err.contains("d-feed.jsonl:2: invalid JSON"), "{err}");
    assert!(err.contains("d-feed.jsonl:3: no \"text\" field"), "{err}");
    assert!(
        err.contains("e-huge.txt:") && err.contains("limit"),
        "{err}"
    );
    lines_json(&o);
    // The explanation names every document that was coded, events or not.
    let explained = stdout(&run(annals().args(["code", "--explain"]).arg(&dir)));
    assert!(
        explained.contains("== ok-1 (2021-03-02)"),
        "good JSON line not coded: {explained}"
    );
    assert!(
        explained.contains("== f-good.txt (2020-01-01)"),
        "good file not coded: {explained}"
    );
    assert!(!explained.contains("== broken"), "{explained}");
}

#[test]
fn missing_input_file_is_named() {
    let o = run(annals().arg("code").arg("/nonexistent/story.txt"));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/story.txt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_story_without_events_says_so_instead_of_printing_nothing() {
    let dir = tempdir("no-events");
    let story = dir.join("weather.txt");
    std::fs::write(
        &story,
        "LISBON, March 3 - Spring weather returned to the capital on Tuesday, \
         and cafes along the river filled with visitors.\n",
    )
    .expect("write story");
    let o = run(annals().arg("code").arg(&story));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("1 document coded, no events found"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn reads_stdin_and_overrides_the_date() {
    let mut child = annals()
        .args(["code", "-", "--date", "2021-06-15"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Ethiopian troops shelled rebel positions near Mekelle, witnesses said.\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let records = lines_json(&o);
    assert!(!records.is_empty(), "no event from stdin");
    assert!(
        records.iter().all(|r| r["date"] == "2021-06-15"),
        "{records:?}"
    );
}

#[test]
fn petrarch_xml_records_are_read() {
    let dir = tempdir("xml");
    let xml = r#"<Sentences>
<!-- written for annals' tests -->
<Sentence date="20150807" id="TEST-01" source="annals" sentence="true">
<Text>
Kenyan police arrested three opposition lawmakers in Nairobi on Friday.
</Text>
<Parse>(ROOT (S (NP (JJ ignored))))</Parse>
</Sentence>
<Sentence date="2015 bad" id="TEST-02" sentence="true">
<Text>Words.</Text>
</Sentence>
</Sentences>
"#;
    std::fs::write(dir.join("records.xml"), xml).unwrap();
    let o = run(annals().arg("code").arg(dir.join("records.xml")));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("records.xml:9: unreadable date"),
        "{}",
        stderr(&o)
    );
    let records = lines_json(&o);
    let r = records
        .iter()
        .find(|r| r["doc_id"] == "TEST-01")
        .expect("TEST-01 coded");
    assert_eq!(r["date"], "2015-08-07");
    assert_eq!(&r["cameo"].as_str().unwrap()[..2], "17");
}

#[test]
fn csv_and_tsv_have_a_header_and_one_row_per_event() {
    let path = examples().join("05-opposition-arrests.txt");
    let json = lines_json(&run(annals().arg("code").arg(&path)));
    for (fmt, sep) in [("csv", ','), ("tsv", '\t')] {
        let o = run(annals().args(["code", "--format", fmt]).arg(&path));
        assert!(o.status.success());
        let out = stdout(&o);
        let mut lines = out.lines();
        let header = lines.next().unwrap();
        assert!(
            header.starts_with(&format!("doc_id{sep}event_id{sep}")),
            "{header}"
        );
        assert_eq!(lines.count(), json.len());
    }
}

#[test]
fn explain_accounts_for_each_event() {
    let path = examples().join("01-baghdad-embassy-protest.txt");
    let o = run(annals().arg("code").arg("--explain").arg(&path));
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("CAMEO") && out.contains("PLOVER") && out.contains("trigger"),
        "{out}"
    );
    assert!(out.contains("source") && out.contains("by rule"), "{out}");
}

#[test]
fn eval_scores_the_examples_against_their_expected_events() {
    let ex = examples();
    let mut cmd = annals();
    cmd.arg("eval");
    for e in std::fs::read_dir(&ex).unwrap() {
        let p = e.unwrap().path();
        if p.to_string_lossy().ends_with(".expected.jsonl") {
            cmd.arg("--gold").arg(p);
        }
    }
    let o = run(cmd.arg("--articles").arg(&ex).arg("--verbose"));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // `level P R F1 (TP FP FN)`: the counts of one level.
    let counts = |level: &str| -> Vec<u32> {
        let line = out
            .lines()
            .find(|l| l.starts_with(level))
            .unwrap_or_else(|| panic!("{out}"));
        line.split(|c: char| !c.is_ascii_digit() && c != '.')
            .filter(|w| !w.is_empty() && !w.contains('.'))
            .map(|w| w.parse().unwrap())
            .collect()
    };
    // Every expected event is found (issue #5's bar for the examples)...
    let [_, _, type_missed] = counts("type")[..] else {
        panic!("{out}")
    };
    assert_eq!(type_missed, 0, "{out}");
    let [_, _, dyad_missed] = counts("dyad")[..] else {
        panic!("{out}")
    };
    assert!(dyad_missed <= 1, "{out}");
    // ...with no more than one extra event in any article (`ID: dyad TP a FP b
    // FN c` lines name the articles with mistakes).
    for line in out.lines().filter(|l| l.contains(": dyad TP ")) {
        let fp: u32 = line
            .split_whitespace()
            .skip_while(|w| *w != "FP")
            .nth(1)
            .and_then(|w| w.parse().ok())
            .unwrap_or_else(|| panic!("{line}"));
        assert!(fp <= 1, "{line}\n{out}");
    }
}
