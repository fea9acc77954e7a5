//! The tokenizer and sentence splitter over arbitrary text (lossy-decoded).
//! Token and sentence spans must be in range, on char boundaries and sorted;
//! sentences must cover disjoint, increasing token ranges; every token must lie
//! inside its sentence's span. The first byte's high bit runs the splitter with
//! arbitrary break offsets (possibly out of range or mid-character).
#![no_main]

use annals_core::{Component, Doc, Document, Span};
use annals_text::TextAnalyzer;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn analyzer() -> &'static TextAnalyzer {
    static A: OnceLock<TextAnalyzer> = OnceLock::new();
    A.get_or_init(TextAnalyzer::new)
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

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (tokens, sentences, text) = if sel & 0x80 != 0 && rest.len() >= 4 {
        let a = u16::from_le_bytes([rest[0], rest[1]]) as usize;
        let b = u16::from_le_bytes([rest[2], rest[3]]) as usize;
        let text = String::from_utf8_lossy(&rest[4..]).into_owned();
        let an = analyzer().analyze(&text, &[a.min(b), a.max(b)]);
        (an.tokens, an.sentences, text)
    } else {
        let text = String::from_utf8_lossy(rest).into_owned();
        let mut document = Document::new("fuzz", text);
        annals_io::attach_dateline(&mut document);
        let mut doc = Doc::new(document);
        analyzer()
            .process(&mut doc)
            .expect("text stage is infallible");
        (doc.tokens, doc.sentences, doc.document.text)
    };
    let mut prev_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        check_span(&text, t.span, &format!("token {i}"));
        assert!(!t.span.is_empty(), "token {i} {:?} is empty", t.span);
        assert!(
            t.span.start >= prev_end,
            "token {i} {:?} overlaps or precedes the previous (ends {prev_end})",
            t.span
        );
        prev_end = t.span.end;
    }
    let mut prev_tok = 0;
    let mut prev_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        check_span(&text, s.span, &format!("sentence {i}"));
        assert!(
            s.tokens.start < s.tokens.end && s.tokens.end <= tokens.len(),
            "sentence {i} tokens {:?} of {}",
            s.tokens,
            tokens.len()
        );
        assert!(
            s.tokens.start >= prev_tok,
            "sentence {i} tokens {:?} overlap the previous",
            s.tokens
        );
        assert!(
            s.span.start >= prev_end,
            "sentence {i} {:?} overlaps the previous",
            s.span
        );
        for k in s.tokens.clone() {
            assert!(
                s.span.contains(tokens[k].span),
                "token {k} {:?} outside sentence {i} {:?}",
                tokens[k].span,
                s.span
            );
        }
        prev_tok = s.tokens.end;
        prev_end = s.span.end;
    }
});
