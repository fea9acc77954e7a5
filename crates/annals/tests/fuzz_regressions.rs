//! Adversarial inputs of the kinds the fuzzers in `fuzz/` generate, run
//! through the readers and the whole embedded pipeline. Each must read (or be
//! rejected with an error naming the input) and code without panicking, and
//! every span in the result must be in range and on char boundaries.
//!
//! The fuzzing campaign of 2026-11-25 (see `fuzz/README.md`) found no crash;
//! minimized crashing inputs, once fixed, are added to `CASES`.

use annals::Pipeline;
use annals_core::{Doc, Span};

/// (input name, bytes): names pick the reader as `annals code` would.
const CASES: &[(&str, &[u8])] = &[
    // Mojibake runs, a bare `â€` and a lead byte at the very end.
    ("mojibake.txt", "BAGHDAD (AP) \u{e2}\u{20ac}\u{201d} Police\u{e2}\u{20ac}\u{2122}s chief said \u{e2}\u{20ac} protesters fled \u{c3}".as_bytes()),
    // Header and dateline with nothing after them.
    ("header-only.txt", b"date 2020-01-15\nKABUL, Jan 3 (Reuters) -"),
    // Unbalanced quotes and a sentence of punctuation.
    ("quotes.txt", "\u{201c}\u{201c}\"' Iraqi police said: \u{201d} ... !!! ?? \u{201c}".as_bytes()),
    // Unclosed tags, a dropped subtree that never ends, references at the end.
    ("broken.html", b"<html><body><article><p>Police fired tear gas in Basra &amp; &#x1F600; &#99999999;<script>var a=1"),
    // A record whose <Text> holds only references, next to a good one.
    ("records.xml", b"<Sentences><Sentence id=\"a\" date=\"20200115\"><Text>&amp;&lt;</Text></Sentence>\n<Sentence id=\"b\"><Text>Israeli troops shot a Palestinian man.</Text></Sentence></Sentences>"),
    // A JSON line whose text is all combining marks and replacement characters.
    ("marks.jsonl", "{\"id\":\"m\",\"date\":\"2020-01-15\",\"text\":\"\u{301}\u{301} \u{fffd}\u{fffd}. Iraq\u{301} protested.\"}".as_bytes()),
];

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of range"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

fn check(doc: &Doc) {
    let t = doc.text();
    doc.tokens
        .iter()
        .for_each(|x| check_span(t, x.span, "token"));
    doc.sentences
        .iter()
        .for_each(|x| check_span(t, x.span, "sentence"));
    doc.entities
        .iter()
        .for_each(|x| check_span(t, x.span, "entity"));
    doc.actors
        .iter()
        .for_each(|x| check_span(t, x.span, "actor"));
    doc.places
        .iter()
        .for_each(|x| check_span(t, x.span, "place"));
    doc.times.iter().for_each(|x| check_span(t, x.span, "time"));
    doc.quotes
        .iter()
        .for_each(|x| check_span(t, x.span, "quote"));
    for r in annals::records(doc, true) {
        check_span(t, r.evidence.trigger.span, "trigger");
        check_span(t, r.evidence.sentence_span, "record sentence");
        for a in [&r.source, &r.target].into_iter().flatten() {
            check_span(t, a.span, "record actor");
        }
    }
}

#[test]
fn adversarial_inputs_code_without_panics() {
    let pipeline = Pipeline::embedded().expect("embedded pipeline loads");
    let mut coded = 0;
    for (name, bytes) in CASES {
        for r in annals_io::read_bytes(name, bytes, None) {
            match r {
                Ok(document) => {
                    let doc = pipeline
                        .run(document)
                        .unwrap_or_else(|e| panic!("{name}: {e}"));
                    check(&doc);
                    coded += 1;
                }
                Err(e) => assert!(
                    e.to_string().starts_with(name),
                    "{name}: error without the input's name: {e}"
                ),
            }
        }
    }
    // Most cases are readable articles: they must reach the pipeline.
    assert!(coded >= 4, "only {coded} documents were coded");
}
