//! Whole-string date parsing for metadata fields, headers and datelines.

use chrono::{Datelike, NaiveDate};

use crate::calendar;

/// Parse a date written in one of the forms found in article metadata,
/// `date` headers and wire datelines.
///
/// Accepted: `2019-12-31`, `2019/12/31`, `20191231`, ISO and RFC 3339
/// datetimes (`2019-12-31T10:00:00Z`), RFC 2822 (`Tue, 31 Dec 2019 10:00:00
/// GMT`), `31/12/2019` and `12/31/2019` (day-first when the first number
/// exceeds 12, month-first otherwise), `31 December 2019`, `December 31,
/// 2019`, `Tuesday, Dec. 31, 2019`, `Dec 31`. A month and day without a year
/// take the year that puts the date nearest `reference`; without a reference
/// they give `None`. The whole string must be a date: anything else, and
/// impossible dates such as `31/02/2019`, give `None`.
///
/// ```
/// use annals_time::parse_date;
/// use chrono::NaiveDate;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
/// assert_eq!(parse_date("December 31, 2019", None), d(2019, 12, 31));
/// assert_eq!(parse_date("Tue, 31 Dec 2019 10:00:00 GMT", None), d(2019, 12, 31));
/// assert_eq!(parse_date("Jan 2", d(2019, 12, 31)), d(2020, 1, 2));
/// assert_eq!(parse_date("31/02/2019", None), None);
/// ```
pub fn parse_date(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let t = text.trim().trim_matches(|c: char| {
        matches!(c, '(' | ')' | '[' | ']' | ',' | ';' | ':') || c.is_whitespace()
    });
    let t = t.trim_end_matches('.');
    if t.is_empty() || t.len() > 80 {
        return None;
    }
    if let Some(d) = numeric(t, reference) {
        return Some(d);
    }
    words(t, reference)
}

/// All-numeric forms, possibly followed by a time (`2019-12-31T10:00Z`,
/// `2019-12-31 10:00:00`).
fn numeric(t: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let first = t.split(|c: char| c == 'T' || c.is_whitespace()).next()?;
    if first.len() < t.len() {
        // Only a time may follow the date.
        let rest = t
            .get(first.len()..)
            .unwrap_or("")
            .trim_start_matches(|c: char| c == 'T' || c.is_whitespace());
        if !rest.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if !first
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.'))
    {
        return None;
    }
    if first.len() == 8 && first.bytes().all(|b| b.is_ascii_digit()) {
        let y = first.get(0..4)?.parse().ok()?;
        let m = first.get(4..6)?.parse().ok()?;
        let d = first.get(6..8)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let parts: Vec<&str> = first.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    numeric_parts(parts[0], parts[1], parts[2], reference)
}

/// Three numbers as `Y M D`, `D M Y` or `M D Y`.
pub(crate) fn numeric_parts(
    a: &str,
    b: &str,
    c: &str,
    reference: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let n = |s: &str| s.parse::<u32>().ok();
    let (x, y, z) = (n(a)?, n(b)?, n(c)?);
    if a.len() == 4 {
        return NaiveDate::from_ymd_opt(x as i32, y, z);
    }
    let year = match c.len() {
        4 => z as i32,
        2 => calendar::expand_two_digit_year(z as i32, reference),
        _ => return None,
    };
    let (month, day) = if x > 12 { (y, x) } else { (x, y) };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Forms with a month name.
fn words(t: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let (mut month, mut day, mut year) = (None, None, None);
    let mut seen_time = false;
    for raw in t.split(|c: char| c.is_whitespace() || c == ',') {
        let w = raw.trim_end_matches('.').to_ascii_lowercase();
        if w.is_empty() || w == "of" || w == "the" {
            continue;
        }
        if calendar::weekday(&w, true).is_some() {
            continue;
        }
        if let Some(m) = calendar::month(&w) {
            if month.replace(m).is_some() {
                return None;
            }
            continue;
        }
        if let Some(y) = calendar::year(&w) {
            if year.replace(y).is_some() {
                return None;
            }
            continue;
        }
        if let Some(d) = calendar::day_of_month(&w) {
            if day.replace(d).is_some() {
                return None;
            }
            continue;
        }
        // A clock time and its zone may follow the date (RFC 2822).
        if w.contains(':') && w.bytes().all(|b| b.is_ascii_digit() || b == b':') {
            seen_time = true;
            continue;
        }
        if seen_time && is_zone(&w) {
            continue;
        }
        return None;
    }
    let (month, day) = (month?, day?);
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => nearest_year(month, day, reference?),
    }
}

fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "z"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "pst"
            | "pdt"
            | "bst"
            | "cet"
            | "cest"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
    ) || (w.len() == 5
        && (w.starts_with('+') || w.starts_with('-'))
        && w[1..].bytes().all(|b| b.is_ascii_digit()))
}

/// The (`month`, `day`) in the year that puts it nearest `reference`.
pub(crate) fn nearest_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let y = reference.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn metadata_forms() {
        let want = d(2019, 12, 31);
        for s in [
            "2019-12-31",
            "20191231",
            "2019/12/31",
            "31 December 2019",
            "December 31, 2019",
            "Tuesday, December 31, 2019",
            "Dec. 31, 2019",
            "Tue, 31 Dec 2019 10:00:00 GMT",
            "Tue, 31 Dec 2019 10:00:00 +0000",
            "2019-12-31T10:00:00Z",
            "2019-12-31 10:00:00",
            "31/12/2019",
            "12/31/2019",
            " (Dec 31, 2019) ",
        ] {
            assert_eq!(parse_date(s, None), want, "{s}");
        }
    }

    #[test]
    fn yearless_dates_need_a_reference() {
        assert_eq!(parse_date("Dec 31", None), None);
        assert_eq!(parse_date("Dec 31", d(2019, 12, 31)), d(2019, 12, 31));
        // A dateline from the last days of the old year, read in January.
        assert_eq!(parse_date("Dec 30", d(2020, 1, 2)), d(2019, 12, 30));
        assert_eq!(parse_date("Jan 1", d(2019, 12, 31)), d(2020, 1, 1));
    }

    #[test]
    fn rejects_non_dates_without_panicking() {
        for s in [
            "31/02/2019",
            "2019-02-29",
            "Feb 30, 2020",
            "",
            "Baghdad",
            "13/13/2019",
            "December",
            "2019",
            "31 Foo 2019",
            "ééé",
            "2019-12-31Tfoo",
        ] {
            assert_eq!(parse_date(s, d(2019, 12, 31)), None, "{s}");
        }
        assert_eq!(parse_date("Feb 29, 2020", None), d(2020, 2, 29));
        // Multi-byte whitespace after the date must not split a character.
        assert_eq!(parse_date("2019-12-31\u{a0}10:00", None), d(2019, 12, 31));
        assert_eq!(parse_date("2019-12-31\u{3000}x", None), None);
        assert_eq!(parse_date("29/02/2020", None), d(2020, 2, 29));
    }
}
