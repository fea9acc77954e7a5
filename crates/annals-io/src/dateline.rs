//! Wire datelines: the `PLACE, Date (Agency) -` opening of a news story.
//!
//! Recognized shapes (the place is upper case, or an agency or a date is
//! present, so an ordinary opening clause like `Police said: ...` is not
//! mistaken for one):
//! - `BAGHDAD, Dec 31 (Reuters) -`
//! - `BAGHDAD (AP) —`
//! - `Baghdad, 31 December 2019 (AFP) -`
//! - `BAGHDAD:` / `WASHINGTON —`

use annals_core::{Dateline, Span};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        ^\s*
        (?P<place>[A-Z][A-Za-z.'\-]*(?:[\ ][A-Z][A-Za-z.'\-]*){0,3}
            (?:,[\ ][A-Z][A-Za-z.'\-]*(?:[\ ][A-Z][A-Za-z.'\-]*){0,2})?)
        (?:,[\ ]*(?P<date>
              (?:[A-Z][a-z]{2,8}\.?[\ ]+\d{1,2}|\d{1,2}[\ ]+[A-Z][a-z]{2,8}\.?)(?:,?[\ ]+\d{4})?
            | \d{4}-\d{2}-\d{2}))?
        [\ ]*(?:\((?P<agency>[A-Za-z][A-Za-z\ .&\-]{0,30})\))?
        [\ ]*(?P<sep>--|[-–—:])[\ \t]*",
    )
    .expect("dateline pattern is valid")
});

/// Find a dateline at the start of `text`. `reference` (the document date)
/// resolves a date given without a year.
pub fn parse(text: &str, reference: Option<NaiveDate>) -> Option<Dateline> {
    // Datelines are short: only look at the first line's beginning.
    let head_end = text
        .char_indices()
        .nth(160)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = &text[..head_end];
    let caps = DATELINE.captures(head)?;
    let place = caps.name("place")?;
    let date = caps.name("date");
    let agency = caps.name("agency");
    let place_text = place.as_str().trim();
    let letters: Vec<char> = place_text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if !(upper || date.is_some() || agency.is_some()) {
        return None;
    }
    let whole = caps.get(0)?;
    Some(Dateline {
        span: Span::new(whole.start() + leading_ws(whole.as_str()), whole.end()),
        place: Some(place_text.to_owned()),
        place_span: Some(Span::new(place.start(), place.start() + place_text.len())),
        date: date.and_then(|d| annals_time::parse_date(d.as_str(), reference)),
        agency: agency.map(|a| a.as_str().trim().to_owned()),
        agency_span: agency.map(|a| Span::new(a.start(), a.end())),
    })
}

/// Move every span of a dateline found in a slice starting at `by`.
pub fn shift(d: &mut Dateline, by: usize) {
    d.span = Span::new(d.span.start + by, d.span.end + by);
    for s in [&mut d.place_span, &mut d.agency_span]
        .into_iter()
        .flatten()
    {
        *s = Span::new(s.start + by, s.end + by);
    }
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn reuters_style() {
        let t = "BAGHDAD, Dec 31 (Reuters) - Protesters stormed the compound.";
        let dl = parse(t, d(2019, 12, 31)).unwrap();
        assert_eq!(dl.place.as_deref(), Some("BAGHDAD"));
        assert_eq!(dl.agency.as_deref(), Some("Reuters"));
        assert_eq!(dl.date, d(2019, 12, 31));
        assert_eq!(&t[dl.span.end..], "Protesters stormed the compound.");
    }

    #[test]
    fn ap_and_afp_styles() {
        let dl = parse("BAGHDAD (AP) — Crowds gathered.", None).unwrap();
        assert_eq!(dl.agency.as_deref(), Some("AP"));
        let dl = parse("Baghdad, 31 December 2019 (AFP) - Crowds gathered.", None).unwrap();
        assert_eq!(dl.place.as_deref(), Some("Baghdad"));
        assert_eq!(dl.date, d(2019, 12, 31));
        assert_eq!(dl.agency.as_deref(), Some("AFP"));
    }

    #[test]
    fn place_with_region_and_colon() {
        let dl = parse("NEW YORK, N.Y. (AP) — Talks resumed.", None).unwrap();
        assert_eq!(dl.place.as_deref(), Some("NEW YORK, N.Y."));
        let dl = parse("KABUL: Gunmen attacked a checkpoint.", None).unwrap();
        assert_eq!(dl.place.as_deref(), Some("KABUL"));
        assert_eq!(dl.agency, None);
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert!(parse("Police said: the crowd dispersed.", None).is_none());
        assert!(parse("The minister arrived on Monday - late.", None).is_none());
        assert!(parse("", None).is_none());
    }
}
