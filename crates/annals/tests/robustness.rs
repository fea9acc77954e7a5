//! The whole pipeline on hostile text: it must code or decline, never panic.

use annals::Pipeline;
use annals_core::Document;

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn run(p: &Pipeline, id: &str, text: String) {
    let mut d = Document::new(id, text);
    d.date = chrono::NaiveDate::from_ymd_opt(2020, 2, 29);
    annals_io::attach_dateline(&mut d);
    let doc = p.run(d).unwrap_or_else(|e| panic!("{id}: {e}"));
    for r in doc.records() {
        assert!(
            r.evidence.trigger.span.end <= doc.text().len(),
            "{id}: span out of range"
        );
        assert!(
            doc.text().is_char_boundary(r.evidence.trigger.span.start),
            "{id}: span not on a char boundary"
        );
    }
}

#[test]
fn random_bytes_weird_unicode_and_degenerate_shapes() {
    let p = Pipeline::embedded().expect("pipeline loads");
    for seed in 1..40u64 {
        let text = String::from_utf8_lossy(&noise(seed, 300 + seed as usize * 37)).into_owned();
        run(&p, &format!("noise-{seed}"), text);
    }
    let cases = [
        ("combining", "Police\u{301} fired\u{200d} tear gas at\u{fe0f} protesters 🇮🇶 in Baghdad\u{202e} on Sunday."),
        ("mojibake", "Iraqâ€™s prime minister condemned the attack on protesters â€” AFP"),
        ("rtl", "قوات الأمن fired tear gas at المتظاهرين in بغداد."),
        ("only-punct", "!!! ??? ... --- ((( ))) \"\"\" ''' ;;;"),
        ("one-word", "Attack"),
        ("quotes-unbalanced", "\"We will strike back, the minister said. “They attacked first"),
        ("post-like", "— (@) , \n— Name (@handle) December 45, 2019 pic.twitter.com/"),
        ("dateline-only", "BAGHDAD (Reuters) -"),
        ("numbers", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 killed 27 wounded"),
    ];
    for (id, text) in cases {
        run(&p, id, text.to_owned());
    }
    // A very long sentence with no punctuation, and very many short lines.
    let long = "troops attacked rebels near the border and ".repeat(2_000);
    run(&p, "long-sentence", long);
    let lines = "Police arrested him.\n".repeat(3_000);
    run(&p, "many-lines", lines);
}
