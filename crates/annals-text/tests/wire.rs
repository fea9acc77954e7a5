//! Behaviour on wire-style text we wrote, and robustness on junk.

use annals_core::{Component, Dateline, Doc, Document, Span};
use annals_text::TextAnalyzer;

fn sentences(text: &str) -> Vec<String> {
    let ta = TextAnalyzer::new();
    ta.split_sentences(text)
        .iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

#[test]
fn abbreviations_do_not_end_sentences() {
    let text = "Gen. Qassem Soleimani arrived in Baghdad on Dec. 31. The U.S. embassy was closed, a U.N. official said. \
                Lt. Col. John A. Smith of the U.S. Army declined to comment.";
    assert_eq!(
        sentences(text),
        [
            "Gen. Qassem Soleimani arrived in Baghdad on Dec. 31.",
            "The U.S. embassy was closed, a U.N. official said.",
            "Lt. Col. John A. Smith of the U.S. Army declined to comment.",
        ]
    );
}

#[test]
fn abbreviation_at_sentence_end() {
    let text =
        "The militia blamed the U.S. The embassy said nothing. Troops left at 9 p.m. He denied it.";
    assert_eq!(
        sentences(text),
        [
            "The militia blamed the U.S.",
            "The embassy said nothing.",
            "Troops left at 9 p.m.",
            "He denied it."
        ]
    );
}

#[test]
fn quotes_inside_and_at_the_end() {
    let text = "\u{201C}We want them to leave,\u{201D} he said. \u{201C}They will go.\u{201D} The crowd cheered. \
                \"Is this the end?\" asked one protester.";
    assert_eq!(
        sentences(text),
        [
            "\u{201C}We want them to leave,\u{201D} he said.",
            "\u{201C}They will go.\u{201D}",
            "The crowd cheered.",
            "\"Is this the end?\" asked one protester.",
        ]
    );
}

#[test]
fn dateline_is_its_own_sentence() {
    let text = "BAGHDAD, Dec 31 (Reuters) - Thousands of protesters stormed the U.S. embassy in Baghdad on Tuesday.";
    // Detected by shape.
    let s = sentences(text);
    assert_eq!(
        s,
        [
            "BAGHDAD, Dec 31 (Reuters) -",
            "Thousands of protesters stormed the U.S. embassy in Baghdad on Tuesday."
        ]
    );
    // From the document's dateline.
    let mut doc = Doc::new(Document::new("d", text));
    doc.document.dateline = Some(Dateline {
        span: Span::new(0, 27),
        ..Default::default()
    });
    TextAnalyzer::new().process(&mut doc).unwrap();
    assert_eq!(doc.sentences.len(), 2);
    assert_eq!(
        doc.slice(doc.sentences[0].span),
        "BAGHDAD, Dec 31 (Reuters) -"
    );
    // Other dateline styles.
    assert_eq!(
        sentences("BEIRUT (AP) — Syrian troops shelled the town.")[0],
        "BEIRUT (AP) —"
    );
    assert_eq!(
        sentences("WASHINGTON — The Pentagon said on Monday.")[0],
        "WASHINGTON —"
    );
}

#[test]
fn headline_and_paragraphs_without_periods() {
    let text = "Protesters storm U.S. embassy in Baghdad\n\nThousands gathered outside the compound\nPolice fired tear gas.\n\
                - Two people were hurt\n- Five were arrested";
    assert_eq!(
        sentences(text),
        [
            "Protesters storm U.S. embassy in Baghdad",
            "Thousands gathered outside the compound",
            "Police fired tear gas.",
            "- Two people were hurt",
            "- Five were arrested",
        ]
    );
}

#[test]
fn hard_wrapped_lines_are_joined() {
    let text = "Kataib Hezbollah said the strikes killed 25 of its fighters and\nwounded 51 others near the\nSyrian border.";
    assert_eq!(sentences(text).len(), 1);
}

#[test]
fn embedded_post_is_separated() {
    let text = "Trump blamed Iran on Twitter.\n\nIran killed an American contractor, wounding many. We strongly responded. \
                pic.twitter.com/Ab12Cd — Donald J. Trump (@realDonaldTrump) December 31, 2019\n\nThe embassy was evacuated.";
    let s = sentences(text);
    assert_eq!(
        s,
        [
            "Trump blamed Iran on Twitter.",
            "Iran killed an American contractor, wounding many.",
            "We strongly responded. pic.twitter.com/Ab12Cd",
            "— Donald J. Trump (@realDonaldTrump) December 31, 2019",
            "The embassy was evacuated.",
        ]
    );
}

#[test]
fn mojibake_is_repaired_and_spans_point_into_input() {
    let text = "Iraqâ€™s premier said â€œnoâ€\u{9d}.";
    let ta = TextAnalyzer::new();
    let toks = ta.tokenize(text);
    let forms: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        forms,
        ["Iraq", "’s", "premier", "said", "“", "no", "”", "."]
    );
    assert_eq!(&text[toks[1].span.start..toks[1].span.end], "â€™s");
    assert_eq!(&text[toks[4].span.start..toks[4].span.end], "â€œ");
}

#[test]
fn spans_and_space_after_are_consistent() {
    let text = "Police said: “The U.S.-led coalition’s strikes — at 10:30 — killed 1,000.” (AFP)";
    let ta = TextAnalyzer::new();
    let a = ta.analyze(text, &[]);
    for (i, t) in a.tokens.iter().enumerate() {
        assert_eq!(&text[t.span.start..t.span.end], t.text);
        let next_start = a.tokens.get(i + 1).map_or(text.len(), |n| n.span.start);
        assert_eq!(t.space_after, next_start > t.span.end, "token {:?}", t.text);
    }
}

/// A small deterministic generator (xorshift) for fuzz-like inputs.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn check_invariants(text: &str) {
    let ta = TextAnalyzer::new();
    let a = ta.analyze(text, &[0, text.len() / 2, text.len() + 10]);
    let mut last_end = 0;
    for t in &a.tokens {
        assert!(t.span.start >= last_end && t.span.end > t.span.start && t.span.end <= text.len());
        assert!(
            text.get(t.span.start..t.span.end).is_some(),
            "span not on char boundaries"
        );
        last_end = t.span.end;
    }
    let mut next_tok = 0;
    for s in &a.sentences {
        assert_eq!(s.tokens.start, next_tok);
        assert!(
            s.tokens.end > s.tokens.start
                && s.tokens.end - s.tokens.start <= annals_text::MAX_SENTENCE_TOKENS
        );
        next_tok = s.tokens.end;
    }
    assert_eq!(next_tok, a.tokens.len());
}

#[test]
fn never_panics_on_junk() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet: Vec<char> =
        "aZ .,'’\"“”-—@#/:()\n\t\u{A0}\u{200B}0159ÃâÂ€™œ\u{9d}\u{301}…!?$%&_عربي😀\u{FEFF}"
            .chars()
            .collect();
    for round in 0..400 {
        let len = (rng.next() % 300) as usize;
        let text: String = if round % 2 == 0 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            (0..len)
                .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                .collect()
        };
        check_invariants(&text);
    }
    check_invariants("");
    check_invariants(" \n\n ");
    check_invariants(&"word ".repeat(5000));
    check_invariants(&"Ã".repeat(100));
    // Long whitespace-free junk must stay linear.
    check_invariants(&"a.b-c@d/e_1-2".repeat(100_000));
    check_invariants(&"1-".repeat(200_000));
    check_invariants(&"x".repeat(1_000_000));
    check_invariants("â€");
}
