//! Calendar words (months, weekdays, seasons, number words) and date arithmetic.
//!
//! These are facts of the calendar and of English number words, not a tunable
//! lexicon, so they live in code; the tunable cue lists are in `data/`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Month number (1-12) for a lowercase month name or abbreviation.
pub fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether `word` (lowercase) is the full month name rather than an abbreviation.
pub fn is_full_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Weekday for a lowercase weekday name (full names only; `abbrev` also
/// accepts `mon`, `tue`, ...).
pub fn weekday(word: &str, abbrev: bool) -> Option<Weekday> {
    let full = match word {
        "monday" => Some(Weekday::Mon),
        "tuesday" => Some(Weekday::Tue),
        "wednesday" => Some(Weekday::Wed),
        "thursday" => Some(Weekday::Thu),
        "friday" => Some(Weekday::Fri),
        "saturday" => Some(Weekday::Sat),
        "sunday" => Some(Weekday::Sun),
        _ => None,
    };
    if full.is_some() || !abbrev {
        return full;
    }
    match word {
        "mon" => Some(Weekday::Mon),
        "tue" | "tues" => Some(Weekday::Tue),
        "wed" => Some(Weekday::Wed),
        "thu" | "thur" | "thurs" => Some(Weekday::Thu),
        "fri" => Some(Weekday::Fri),
        "sat" => Some(Weekday::Sat),
        "sun" => Some(Weekday::Sun),
        _ => None,
    }
}

/// TIMEX3 season code for a lowercase season name.
pub fn season(word: &str) -> Option<&'static str> {
    match word {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// Small cardinal number written as a word or digits (`three`, `a`, `12`).
pub fn cardinal(word: &str) -> Option<i64> {
    let n = match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "hundred" => 100,
        _ => {
            if word.is_empty() || word.len() > 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            return word.parse().ok();
        }
    };
    Some(n)
}

/// Day of month from an ordinal or plain number (`29th`, `1st`, `29`, `first`).
pub fn day_of_month(word: &str) -> Option<u32> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    let n: u32 =
        if !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse().ok()?
        } else {
            ordinal_word(word)?
        };
    (1..=31).contains(&n).then_some(n)
}

/// Ordinal words up to `thirty-first` (only the ones dates use).
pub fn ordinal_word(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        "twenty-second" => 22,
        "twenty-third" => 23,
        "twenty-fourth" => 24,
        "twenty-fifth" => 25,
        "twenty-sixth" => 26,
        "twenty-seventh" => 27,
        "twenty-eighth" => 28,
        "twenty-ninth" => 29,
        "thirtieth" => 30,
        "thirty-first" => 31,
        _ => return None,
    })
}

/// A four-digit year in the range news talks about (1600-2199): earlier
/// four-digit numbers are far more often counts.
pub fn year(word: &str) -> Option<i32> {
    year_from(word, 1600)
}

/// A four-digit year from `min` on; used after a month name, where context
/// already says it is a year (`May 12, 1180`).
pub fn year_from(word: &str, min: i32) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (min..=2199).contains(&y).then_some(y)
}

/// Expand a two-digit year (`07` → 2007, `82` → 1982) around `reference`'s century.
pub fn expand_two_digit_year(yy: i32, reference: Option<NaiveDate>) -> i32 {
    let ref_year = reference.map(|d| d.year()).unwrap_or(2000);
    let century = ref_year - ref_year.rem_euclid(100);
    let mut y = century + yy;
    // Prefer the reading no more than 20 years in the future.
    if y > ref_year + 20 {
        y -= 100;
    }
    y
}

/// Add `months` calendar months to the first of (`year`, `month`).
pub fn shift_month(year: i32, month: u32, months: i32) -> (i32, u32) {
    let idx = year * 12 + month as i32 - 1 + months;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// `date` plus `days`, or `None` on calendar overflow.
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

/// Monday of the ISO week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    let back = date.weekday().num_days_from_monday() as i64;
    add_days(date, -back).unwrap_or(date)
}

/// TIMEX3 week value (`2020-W01`), using the ISO week-numbering year.
pub fn week_value(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}
