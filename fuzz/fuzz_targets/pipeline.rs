//! The whole embedded pipeline over arbitrary text (lossy-decoded) with a
//! document date (none when the first byte's high bit is set). Each stage may
//! fail with an error, but must not panic; every span in the coded document and
//! its records must be in range and on char boundaries, and every index an
//! event holds must point at something. Slow per input: run with a small
//! `-max_len`.
#![no_main]

use annals::Pipeline;
use annals_core::{Doc, Document, Span};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::embedded().expect("embedded pipeline loads"))
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of range ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

fn check_doc(doc: &Doc) {
    let t = doc.text();
    let n_tok = doc.tokens.len();
    for (i, x) in doc.tokens.iter().enumerate() {
        check_span(t, x.span, &format!("token {i}"));
        if let (Some(h), Some(s)) = (x.head, doc.sentence_of_token(i)) {
            let len = doc.sentences[s].tokens.len();
            assert!(
                h < len,
                "token {i} head {h} outside its sentence of {len} tokens"
            );
        }
    }
    for (i, x) in doc.sentences.iter().enumerate() {
        // Heads form a tree: climbing from any word reaches the root.
        if let Some(toks) = doc.tokens.get(x.tokens.clone()) {
            for (w, _) in toks.iter().enumerate() {
                let (mut at, mut steps) = (w, 0);
                while let Some(h) = toks.get(at).and_then(|t| t.head) {
                    at = h;
                    steps += 1;
                    assert!(steps <= toks.len(), "sentence {i}: cycle through word {w}");
                }
            }
        }
        check_span(t, x.span, &format!("sentence {i}"));
        assert!(
            x.tokens.end <= n_tok,
            "sentence {i} tokens {:?} of {n_tok}",
            x.tokens
        );
    }
    for (i, x) in doc.entities.iter().enumerate() {
        check_span(t, x.span, &format!("entity {i}"));
        assert!(
            x.tokens.end <= n_tok,
            "entity {i} tokens {:?} of {n_tok}",
            x.tokens
        );
    }
    for (i, x) in doc.actors.iter().enumerate() {
        check_span(t, x.span, &format!("actor {i}"));
        assert!(
            x.tokens.end <= n_tok,
            "actor {i} tokens {:?} of {n_tok}",
            x.tokens
        );
        if let Some(a) = x.antecedent {
            assert!(
                a < doc.actors.len(),
                "actor {i} antecedent {a} of {}",
                doc.actors.len()
            );
        }
    }
    for (i, x) in doc.places.iter().enumerate() {
        check_span(t, x.span, &format!("place {i}"));
    }
    for (i, x) in doc.times.iter().enumerate() {
        check_span(t, x.span, &format!("time {i}"));
    }
    for (i, x) in doc.sources.iter().enumerate() {
        check_span(t, x.span, &format!("source mention {i}"));
    }
    for (i, x) in doc.quotes.iter().enumerate() {
        check_span(t, x.span, &format!("quote {i}"));
        if let Some(s) = x.speaker_span {
            check_span(t, s, &format!("quote {i} speaker"));
        }
        if let Some(a) = x.speaker_actor {
            assert!(
                a < doc.actors.len(),
                "quote {i} speaker actor {a} of {}",
                doc.actors.len()
            );
        }
    }
    for (i, x) in doc.posts.iter().enumerate() {
        check_span(t, x.span, &format!("post {i}"));
    }
    for (i, e) in doc.events.iter().enumerate() {
        assert!(
            e.sentence < doc.sentences.len(),
            "event {i} sentence {} of {}",
            e.sentence,
            doc.sentences.len()
        );
        check_span(t, e.trigger, &format!("event {i} trigger"));
        for (role, arg) in [("source", &e.source), ("target", &e.target)] {
            if let Some(a) = arg {
                assert!(
                    a.actor < doc.actors.len(),
                    "event {i} {role} actor {} of {}",
                    a.actor,
                    doc.actors.len()
                );
            }
        }
        if let Some(s) = e.location.as_ref().and_then(|l| l.span) {
            check_span(t, s, &format!("event {i} location"));
        }
        if let Some(s) = e.attribution.span {
            check_span(t, s, &format!("event {i} attribution"));
        }
        for c in [
            &e.casualties.dead,
            &e.casualties.injured,
            &e.casualties.arrested,
        ]
        .into_iter()
        .flatten()
        {
            check_span(t, c.span, &format!("event {i} casualty count"));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let mut document = Document::new("fuzz", String::from_utf8_lossy(rest).into_owned());
    if sel & 0x80 == 0 {
        document.date = chrono::NaiveDate::from_ymd_opt(2020, 1, 15);
    }
    annals_io::attach_dateline(&mut document);
    let Ok(doc) = pipeline().run(document) else {
        return;
    };
    check_doc(&doc);
    let records = annals::records(&doc, true);
    for r in &records {
        check_span(doc.text(), r.evidence.trigger.span, "record trigger");
        check_span(doc.text(), r.evidence.sentence_span, "record sentence");
        for a in [&r.source, &r.target].into_iter().flatten() {
            check_span(doc.text(), a.span, "record actor");
        }
        serde_json::to_string(r).expect("record serializes");
    }
    let _ = annals::explain(&doc, &records);
});
