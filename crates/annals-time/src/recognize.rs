//! Finding temporal expressions in scanned words and saying what they mean
//! before any anchoring: [`Candidate`] holds a [`Meaning`] that
//! `normalize` later turns into a TIMEX3 value against the document date.

use chrono::Weekday;

use crate::calendar;
use crate::scan::Word;

/// Calendar units for relative and duration expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn from_word(w: &str) -> Option<Unit> {
        let w = w
            .strip_suffix('s')
            .filter(|s| *s != "centurie")
            .unwrap_or(w);
        Some(match w {
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" | "centurie" | "centuries" => Unit::Century,
            _ => return None,
        })
    }

    /// ISO 8601 duration designator (`D`, `W`, `M`, `Y`) and multiplier.
    pub fn duration(self, n: i64) -> String {
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Weekend => format!("P{n}WE"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            // TimeBank and MEANTIME write decades and centuries in years.
            Unit::Decade => format!("P{}Y", n * 10),
            Unit::Century => format!("P{}Y", n * 100),
        }
    }
}

/// Where a year comes from when the text does not give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Explicit(i32),
    /// Relative to the document year (`this year` 0, `last year` -1).
    Offset(i32),
    /// Not said: chosen from the document date and the verb's tense.
    Context,
}

/// What an expression means, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A calendar date, any part possibly missing (`Dec. 29`, `2019`, `the 29th`).
    Date {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// `last March` (-1), `next May` (+1), `this June` (0: tense decides).
    MonthShift {
        month: u32,
        shift: i32,
    },
    /// `October of next year` (year offset from the document's).
    MonthOfYear {
        month: u32,
        year_offset: i32,
    },
    /// `the weekend`: the one before or after the document date, by tense.
    Weekend,
    /// `the 1990s` (value `199`).
    Decade(i32),
    /// A weekday; `shift` -1 for `last Sunday`, +1 for `next Sunday`, 0 when tense decides.
    Weekday {
        day: Weekday,
        shift: i32,
        part: Option<&'static str>,
    },
    /// Days from the document date (`yesterday` -1), with an optional part of day.
    RelativeDay {
        offset: i64,
        part: Option<&'static str>,
    },
    /// The period `offset` units from the document date's (`last week`, `this year`).
    RelativePeriod {
        unit: Unit,
        offset: i32,
    },
    /// `two days ago`.
    Ago {
        n: i64,
        unit: Unit,
    },
    /// `the third quarter of 2009`; quarter 0 means "the last (completed) quarter".
    Quarter {
        quarter: u32,
        year: YearRef,
    },
    Season {
        code: &'static str,
        year: YearRef,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(&'static str),
    /// An ISO 8601 duration (`P3D`); never a date.
    Duration(String),
    /// A clock time (`T10:00`) with no date of its own.
    Clock(String),
}

/// A recognized expression: words `first..last` (inclusive) of the scanned slice.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub first: usize,
    pub last: usize,
    pub meaning: Meaning,
    pub rule: &'static str,
}

/// Words before a bare year or a lone `May`/`March` that mark it as a date.
const DATE_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "of",
    "between",
    "and",
    "to",
    "fiscal",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "around",
    "circa",
    "ending",
    "end",
    "beginning",
    "start",
    "as",
    "for",
    "on",
    "starting",
    "into",
];

/// Function words that may follow a bare year without making it a count
/// (`in 2018 the army` vs `2018 soldiers`).
const AFTER_YEAR_OK: &[&str] = &[
    "and",
    "or",
    "when",
    "to",
    "as",
    "after",
    "before",
    "the",
    "a",
    "an",
    "but",
    "with",
    "in",
    "on",
    "at",
    "for",
    "was",
    "were",
    "had",
    "has",
    "have",
    "is",
    "are",
    "that",
    "which",
    "while",
    "because",
    "until",
    "amid",
    "it",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
    "its",
    "of",
    "by",
    "from",
    "under",
    "since",
    "alone",
    "election",
    "elections",
    "budget",
    "census",
    "season",
    "olympics",
    "games",
    "campaign",
    "vote",
    "war",
    "invasion",
    "ceasefire",
    "agreement",
    "accord",
    "accords",
    "deal",
    "revolution",
    "uprising",
    "coup",
    "attack",
    "attacks",
    "protests",
    "levels",
    "figures",
    "report",
    "crisis",
    "law",
    "constitution",
    "treaty",
    "summit",
    "polls",
    "poll",
    "edition",
    "world",
    "cup",
    "final",
    "fiscal",
    "financial",
    "also",
    "alone",
    "there",
    "this",
    "last",
    "than",
    "would",
    "will",
    "could",
    "did",
    "saw",
    "marked",
    "ended",
];

/// Scanned words plus the matching rules.
pub struct Recognizer<'a> {
    words: &'a [Word<'a>],
}

impl<'a> Recognizer<'a> {
    pub fn new(words: &'a [Word<'a>]) -> Self {
        Recognizer { words }
    }

    fn lw(&self, i: usize) -> &str {
        self.words.get(i).map(|w| w.lower.as_ref()).unwrap_or("")
    }

    fn word(&self, i: usize) -> Option<&Word<'a>> {
        self.words.get(i)
    }

    fn prev(&self, i: usize) -> &str {
        i.checked_sub(1).map(|j| self.lw(j)).unwrap_or("")
    }

    /// Every expression, left to right, longest match at each position.
    pub fn run(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            match self.at(i) {
                Some(c) => {
                    i = c.last + 1;
                    out.push(c);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Quick test on the first word before trying the rules: most words
    /// cannot start an expression.
    fn may_start(w: &Word<'_>) -> bool {
        if !w.alnum {
            return false;
        }
        let b = w.lower.as_bytes();
        if b.first().is_some_and(u8::is_ascii_digit) {
            return true;
        }
        matches!(
            w.lower.as_ref(),
            "the"
                | "last"
                | "next"
                | "this"
                | "past"
                | "coming"
                | "previous"
                | "following"
                | "current"
                | "earlier"
                | "later"
                | "early"
                | "late"
                | "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "now"
                | "currently"
                | "recently"
                | "recent"
                | "ongoing"
                | "nowadays"
                | "present"
                | "a"
                | "an"
                | "'"
                | "noon"
                | "midnight"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "several"
                | "few"
                | "soon"
                | "future"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
        ) || calendar::cardinal(&w.lower).is_some()
            || calendar::ordinal_word(&w.lower).is_some()
            || (w.cap
                && (calendar::month(&w.lower).is_some()
                    || calendar::weekday(&w.lower, false).is_some()))
            || w.lower.starts_with("mid-")
            || w.lower.ends_with("-quarter")
            || (w.lower.contains('-')
                && w.lower
                    .split('-')
                    .next()
                    .and_then(calendar::cardinal)
                    .is_some())
    }

    fn at(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i)?;
        if !Self::may_start(w) {
            return None;
        }
        // Modifiers that TIMEX3 includes in the extent.
        let s = w.lower.as_ref();
        if matches!(s, "early" | "late" | "earlier" | "later") {
            if let Some(mut c) = self.core(i + 1) {
                let ok = match &c.meaning {
                    Meaning::Date { month, year, .. } => month.is_some() || year.is_some(),
                    Meaning::RelativeDay { offset: 0, .. } => true,
                    Meaning::RelativePeriod { offset: 0, .. } => matches!(s, "earlier" | "later"),
                    Meaning::Season { .. } | Meaning::Decade(_) => true,
                    _ => false,
                };
                if ok {
                    c.first = i;
                    return Some(c);
                }
            }
        }
        self.core(i)
    }

    fn core(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i)?;
        let s = w.lower.as_ref();
        let cand = |last: usize, meaning: Meaning, rule: &'static str| {
            Some(Candidate {
                first: i,
                last,
                meaning,
                rule,
            })
        };

        // Numeric dates: 2019-12-29, 29/12/2019, 2019-12-29T10:00Z.
        if w.lower.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && (s.contains('-') || s.contains('/'))
        {
            if let Some(c) = self.numeric(i) {
                return Some(c);
            }
        }
        if let Some(c) = self.month_led(i).or_else(|| self.day_led(i)) {
            return Some(c);
        }
        if w.cap {
            if let Some(day) = calendar::weekday(s, false) {
                // `Black Monday`, `Bloody Sunday`, `Super Tuesday`: names, not dates.
                let named = matches!(
                    self.prev(i),
                    "black"
                        | "bloody"
                        | "good"
                        | "super"
                        | "holy"
                        | "easter"
                        | "palm"
                        | "ash"
                        | "cyber"
                        | "blue"
                        | "shrove"
                        | "maundy"
                        | "great"
                        | "whit"
                        | "low"
                ) && self.word(i - 1).is_some_and(|p| p.cap);
                if named {
                    return None;
                }
                return self.weekday(i, i, day, 0);
            }
        }
        match s {
            "today" => return self.part_of_day(i, 0, "today"),
            "tonight" => {
                return cand(
                    i,
                    Meaning::RelativeDay {
                        offset: 0,
                        part: Some("NI"),
                    },
                    "today",
                )
            }
            "yesterday" => return self.part_of_day(i, -1, "yesterday"),
            "tomorrow" => return self.part_of_day(i, 1, "tomorrow"),
            "now" | "currently" | "nowadays" => {
                if self.lw(i + 1) == "-" {
                    return None;
                }
                return cand(i, Meaning::Reference("PRESENT_REF"), "present-ref");
            }
            "recently" | "recent" => return cand(i, Meaning::Reference("PAST_REF"), "past-ref"),
            "current" | "ongoing"
                if !matches!(
                    self.lw(i + 1),
                    "account" | "accounts" | "affairs" | "events" | "-"
                ) =>
            {
                return cand(i, Meaning::Reference("PRESENT_REF"), "present-ref")
            }
            "soon" => return cand(i, Meaning::Reference("FUTURE_REF"), "future-ref"),
            "noon" | "midnight" => {
                let v = if s == "noon" { "T12:00" } else { "T24:00" };
                return cand(i, Meaning::Clock(v.into()), "clock");
            }
            _ => {}
        }
        if let Some(c) = self.relative(i) {
            return Some(c);
        }
        if let Some(c) = self.quarter(i) {
            return Some(c);
        }
        if let Some(c) = self.season(i) {
            return Some(c);
        }
        if let Some(c) = self.amount(i) {
            return Some(c);
        }
        if let Some(c) = self.clock(i) {
            return Some(c);
        }
        self.year(i)
    }

    fn numeric(&self, i: usize) -> Option<Candidate> {
        let s = self.lw(i);
        let date_part = s.split('t').next()?;
        let parts: Vec<&str> = date_part.split(['-', '/']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        // A four-digit year must come first or last, never in the middle.
        if parts[1].len() > 2 || (parts[0].len() != 4 && parts[2].len() != 4 && parts[2].len() != 2)
        {
            return None;
        }
        let d = crate::parse_date::numeric_parts(parts[0], parts[1], parts[2], None)?;
        use chrono::Datelike;
        let meaning = Meaning::Date {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
        };
        Some(Candidate {
            first: i,
            last: i,
            meaning,
            rule: "numeric",
        })
    }

    /// `December 31, 2019`, `Dec. 31`, `December 2019`, `March`.
    fn month_led(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i)?;
        let raw = w.lower.strip_prefix("mid-").unwrap_or(&w.lower);
        let mid = raw.len() != w.lower.len();
        let month = calendar::month(raw)?;
        let cap_ok = w.cap || mid;
        if !cap_ok {
            return None;
        }
        let full = calendar::is_full_month(raw);
        let mut j = i + 1;
        if !full && self.lw(j) == "." {
            j += 1;
        }
        let mut day = None;
        if let Some(dw) = self.word(j) {
            if dw.lower.len() <= 4 && !mid {
                if let Some(d) = calendar::day_of_month(&dw.lower) {
                    // `May 5 people`: a day is a digit group not followed by a count noun... cannot know;
                    // but a clock or percent after it means it is not a day.
                    if !matches!(self.lw(j + 1), ":" | "%" | "percent")
                        && dw.lower.bytes().next().is_some_and(|b| b.is_ascii_digit())
                    {
                        day = Some(d);
                        j += 1;
                        // Day ranges `Dec. 29-30` scan as one word and fail; `29 - 30` keep the first.
                    }
                }
            }
        }
        let mut k = j;
        if self.lw(k) == "," || (day.is_none() && self.lw(k) == "of") {
            k += 1;
        }
        let mut year = None;
        if let Some(y) = self
            .word(k)
            .and_then(|yw| calendar::year_from(&yw.lower, 1000))
        {
            year = Some(y);
            j = k + 1;
        } else if day.is_none() && self.lw(j) == "of" {
            // `October of next year`.
            let shift = match (self.lw(j + 1), self.lw(j + 2)) {
                ("next", "year") => Some(1),
                ("last", "year") => Some(-1),
                ("this", "year") => Some(0),
                _ => None,
            };
            if let Some(shift) = shift {
                // TIMEX3 marks `October` and `next year` as two expressions.
                return Some(Candidate {
                    first: i,
                    last: i,
                    meaning: Meaning::MonthOfYear {
                        month,
                        year_offset: shift,
                    },
                    rule: "month-relative",
                });
            }
        }
        let last = j - 1;
        if day.is_none() && year.is_none() {
            // A month alone: abbreviations never; `May`/`March` only after a date cue.
            if !full {
                return None;
            }
            if matches!(raw, "may" | "march")
                && !mid
                && !DATE_CUES.contains(&self.prev(i))
                && !matches!(self.prev(i), "last" | "next" | "this" | "in")
            {
                return None;
            }
            // `last March`, `next May`, `this June`.
            if i > 0 {
                let shift = match self.prev(i) {
                    "last" => Some(-1),
                    "next" => Some(1),
                    "this" => Some(0),
                    _ => None,
                };
                if let Some(shift) = shift {
                    return Some(Candidate {
                        first: i - 1,
                        last,
                        meaning: Meaning::MonthShift { month, shift },
                        rule: "month-relative",
                    });
                }
            }
        }
        if !full && day.is_none() && year.is_none() {
            return None;
        }
        let rule = match (year, day) {
            (Some(_), _) => "absolute",
            (None, Some(_)) => "month-day",
            (None, None) => "month",
        };
        Some(Candidate {
            first: i,
            last,
            meaning: Meaning::Date {
                year,
                month: Some(month),
                day,
            },
            rule,
        })
    }

    /// `31 December 2019`, `29th of December`, `on the 29th`.
    fn day_led(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i)?;
        let (start, dword) = if w.lower == "the" { (i, i + 1) } else { (i, i) };
        let dw = self.word(dword)?;
        let day = calendar::day_of_month(&dw.lower)?;
        let ordinal = !dw.is_digits();
        let mut j = dword + 1;
        if self.lw(j) == "of" {
            j += 1;
        }
        if let Some(mw) = self.word(j) {
            if let Some(month) = calendar::month(&mw.lower).filter(|_| mw.cap) {
                let mut last = j;
                if !calendar::is_full_month(&mw.lower) && self.lw(j + 1) == "." {
                    last = j + 1;
                }
                let mut k = last + 1;
                if self.lw(k) == "," {
                    k += 1;
                }
                let year = self
                    .word(k)
                    .and_then(|yw| calendar::year_from(&yw.lower, 1000));
                if year.is_some() {
                    last = k;
                }
                let rule = if year.is_some() {
                    "absolute"
                } else {
                    "month-day"
                };
                return Some(Candidate {
                    first: start,
                    last,
                    meaning: Meaning::Date {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                    rule,
                });
            }
        }
        // `on the 29th` / `the 29th,`: an ordinal day of the document's month.
        if w.lower == "the"
            && ordinal
            && dw.lower.bytes().next().is_some_and(|b| b.is_ascii_digit())
        {
            let after = self.word(dword + 1);
            let ends = after.is_none_or(|a| !a.alnum || a.lower == "and" || a.lower == "at");
            if ends && self.prev(i) == "on" {
                return Some(Candidate {
                    first: start,
                    last: dword,
                    meaning: Meaning::Date {
                        year: None,
                        month: None,
                        day: Some(day),
                    },
                    rule: "day-of-month",
                });
            }
        }
        None
    }

    /// Weekday at `day_at`, the expression starting at `first` (a `last`/`next` before it).
    fn weekday(&self, first: usize, day_at: usize, day: Weekday, shift: i32) -> Option<Candidate> {
        let mut j = day_at + 1;
        // `Tuesday, Dec. 31, 2019` / `Tuesday (Dec 31)`: the date says it all.
        let mut k = j;
        if matches!(self.lw(k), "," | "(") {
            k += 1;
        }
        if let Some(mut c) = self.month_led(k).or_else(|| self.day_led(k)) {
            if matches!(c.meaning, Meaning::Date { day: Some(_), .. }) {
                c.first = first;
                if self.lw(c.last + 1) == ")" && self.lw(day_at + 1) == "(" {
                    c.last += 1;
                }
                return Some(c);
            }
        }
        let part = part_of_day(self.lw(j));
        if part.is_some() {
            j += 1;
        }
        let rule = match shift {
            -1 => "weekday-last",
            1 => "weekday-next",
            _ => "weekday",
        };
        Some(Candidate {
            first,
            last: j - 1,
            meaning: Meaning::Weekday { day, shift, part },
            rule,
        })
    }

    fn part_of_day(&self, i: usize, offset: i64, rule: &'static str) -> Option<Candidate> {
        let part = part_of_day(self.lw(i + 1));
        let last = if part.is_some() { i + 1 } else { i };
        Some(Candidate {
            first: i,
            last,
            meaning: Meaning::RelativeDay { offset, part },
            rule,
        })
    }

    /// `last week`, `this year`, `next month`, `last night`, `this morning`,
    /// `last Sunday`, `the past week` (a duration), `the day before yesterday`.
    fn relative(&self, i: usize) -> Option<Candidate> {
        let s = self.lw(i);
        let cand = |last: usize, meaning: Meaning, rule: &'static str| {
            Some(Candidate {
                first: i,
                last,
                meaning,
                rule,
            })
        };
        if s == "the" {
            let n = self.lw(i + 1);
            // `the last quarter`: the previous (completed) quarter, a date.
            if n == "last" && self.lw(i + 2) == "quarter" && self.lw(i + 3) != "of" {
                return cand(
                    i + 2,
                    Meaning::Quarter {
                        quarter: 0,
                        year: YearRef::Context,
                    },
                    "quarter",
                );
            }
            if matches!(
                n,
                "past"
                    | "last"
                    | "next"
                    | "coming"
                    | "previous"
                    | "following"
                    | "same"
                    | "current"
                    | "present"
            ) {
                let u = self.lw(i + 2);
                if let Some(unit) = Unit::from_word(u) {
                    if u.ends_with('s') {
                        return None; // `the past years` — vague; leave it
                    }
                    return match n {
                        "past" | "last" | "next" | "coming" => {
                            cand(i + 2, Meaning::Duration(unit.duration(1)), "duration")
                        }
                        "previous" => cand(
                            i + 2,
                            Meaning::RelativePeriod { unit, offset: -1 },
                            "relative-period",
                        ),
                        "following" => cand(
                            i + 2,
                            Meaning::RelativePeriod { unit, offset: 1 },
                            "relative-period",
                        ),
                        "current" | "present" => cand(
                            i + 2,
                            Meaning::RelativePeriod { unit, offset: 0 },
                            "relative-period",
                        ),
                        _ => None,
                    };
                }
                // `the past two weeks`: a duration with its number.
                if matches!(n, "past" | "last" | "next" | "coming") {
                    if let Some(mut c) = self.amount(i + 2) {
                        if matches!(c.meaning, Meaning::Duration(_)) {
                            c.first = i;
                            return Some(c);
                        }
                    }
                }
            }
            if n == "weekend" {
                return cand(i + 1, Meaning::Weekend, "weekend");
            }
            // `the beginning of the year`, `the start of the day`: TIMEX3 gives
            // the period itself (the edge goes in `mod`, which we do not emit).
            // Not `the end of the day`: mostly the idiom "ultimately".
            if matches!(n, "beginning" | "start" | "end" | "middle")
                && self.lw(i + 2) == "of"
                && matches!(self.lw(i + 3), "the" | "this")
            {
                let u = self.lw(i + 4);
                if u == "day" && n != "end" && self.lw(i + 3) == "the" {
                    return cand(
                        i + 4,
                        Meaning::RelativeDay {
                            offset: 0,
                            part: None,
                        },
                        "period-edge",
                    );
                }
                if let Some(unit @ (Unit::Week | Unit::Month | Unit::Year)) = Unit::from_word(u) {
                    return cand(
                        i + 4,
                        Meaning::RelativePeriod { unit, offset: 0 },
                        "period-edge",
                    );
                }
            }
            if matches!(n, "near" | "long" | "short" | "medium") && self.lw(i + 2) == "term" {
                return cand(i + 2, Meaning::Reference("FUTURE_REF"), "future-ref");
            }
            if n == "time" && self.lw(i + 2) == "being" {
                return cand(i + 2, Meaning::Reference("PRESENT_REF"), "present-ref");
            }
            if n == "past"
                && !self.word(i + 2).is_some_and(|w| {
                    w.alnum
                        && (calendar::cardinal(&w.lower).is_some()
                            || matches!(w.lower.as_ref(), "few" | "several"))
                })
            {
                return cand(i + 1, Meaning::Reference("PAST_REF"), "past-ref");
            }
            if n == "future" {
                return cand(i + 1, Meaning::Reference("FUTURE_REF"), "future-ref");
            }
            if n == "near" && self.lw(i + 2) == "future" {
                return cand(i + 2, Meaning::Reference("FUTURE_REF"), "future-ref");
            }
            // `ended the day`, `for the day`: the day being reported, the document's.
            if n == "day"
                && matches!(
                    self.prev(i),
                    "end"
                        | "ended"
                        | "ending"
                        | "ends"
                        | "finish"
                        | "finished"
                        | "close"
                        | "closed"
                        | "for"
                        | "in"
                        | "during"
                )
                && !matches!(
                    self.lw(i + 2),
                    "before" | "after" | "of" | "when" | "that" | "-"
                )
            {
                return cand(
                    i + 1,
                    Meaning::RelativeDay {
                        offset: 0,
                        part: None,
                    },
                    "day-anaphor",
                );
            }
            if n == "day" && matches!(self.lw(i + 2), "before" | "after") {
                let off = match self.lw(i + 3) {
                    "yesterday" => -2,
                    "tomorrow" => 2,
                    _ => return None,
                };
                return cand(
                    i + 3,
                    Meaning::RelativeDay {
                        offset: off,
                        part: None,
                    },
                    "relative-day",
                );
            }
            return None;
        }
        let offset = match s {
            "last" | "past" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" | "following" => 1,
            "earlier" | "later" => return None,
            _ => return None,
        };
        let mut j = i + 1;
        // `this past weekend`, `this coming week`.
        let mut offset = offset;
        if s == "this" && matches!(self.lw(j), "past" | "coming") {
            offset = if self.lw(j) == "past" { -1 } else { 1 };
            j += 1;
        }
        let n = self.lw(j);
        if let Some(wd) = self
            .word(j)
            .filter(|w| w.cap)
            .and_then(|w| calendar::weekday(&w.lower, false))
        {
            return self.weekday(
                i,
                j,
                wd,
                if s == "this" && offset == 0 {
                    0
                } else {
                    offset
                },
            );
        }
        if let Some(part) = part_of_day(n) {
            // `last night`, `this morning`, `this evening`.
            let off = match (s, part) {
                ("last", "NI" | "EV") => -1,
                ("this", _) => 0,
                _ => return None,
            };
            return cand(
                j,
                Meaning::RelativeDay {
                    offset: off,
                    part: Some(part),
                },
                "relative-day",
            );
        }
        if let Some(unit) = Unit::from_word(n).filter(|_| !n.ends_with('s')) {
            if matches!(unit, Unit::Minute | Unit::Hour | Unit::Day) {
                return None;
            }
            if s == "past" {
                return None; // `past year` without `the`: usually a duration; left out
            }
            return cand(
                j,
                Meaning::RelativePeriod { unit, offset },
                "relative-period",
            );
        }
        if let Some(code) = calendar::season(n) {
            return cand(
                j,
                Meaning::Season {
                    code,
                    year: YearRef::Offset(offset),
                },
                "season",
            );
        }
        None
    }

    /// `the third quarter of 2009`, `third-quarter`, `Q3 2019`, `the last quarter`.
    fn quarter(&self, i: usize) -> Option<Candidate> {
        let s = self.lw(i);
        let (first, ord_at) = if s == "the" { (i, i + 1) } else { (i, i) };
        let o = self.lw(ord_at);
        let (q, mut j) = if let Some(base) = o.strip_suffix("-quarter") {
            (quarter_ordinal(base)?, ord_at + 1)
        } else if o.len() == 2 && o.starts_with('q') && self.word(ord_at).is_some_and(|w| w.cap) {
            let q = o[1..].parse::<u32>().ok().filter(|q| (1..=4).contains(q))?;
            (q, ord_at + 1)
        } else {
            let q = quarter_ordinal(o)?;
            if Unit::from_word(self.lw(ord_at + 1)) != Some(Unit::Quarter)
                || self.lw(ord_at + 1) != "quarter"
            {
                return None;
            }
            (q, ord_at + 2)
        };
        let mut year = YearRef::Context;
        let mut k = j;
        if self.lw(k) == "of" {
            k += 1;
        }
        if let Some(y) = calendar::year(self.lw(k)) {
            year = YearRef::Explicit(y);
            j = k + 1;
        } else if let Some(off) = match (self.lw(k), self.lw(k + 1)) {
            ("this", "year") => Some(0),
            ("last", "year") => Some(-1),
            ("next", "year") => Some(1),
            _ => None,
        } {
            year = YearRef::Offset(off);
            j = k + 2;
        } else if o.strip_suffix("-quarter").is_some() && self.lw(j) == "of" {
            // keep j
        }
        Some(Candidate {
            first,
            last: j - 1,
            meaning: Meaning::Quarter { quarter: q, year },
            rule: "quarter",
        })
    }

    /// `the summer of 2019`, `spring 2020`, `in winter`.
    fn season(&self, i: usize) -> Option<Candidate> {
        let s = self.lw(i);
        let (first, at) = if s == "the" { (i, i + 1) } else { (i, i) };
        let code = calendar::season(self.lw(at))?;
        let mut k = at + 1;
        if self.lw(k) == "of" {
            k += 1;
        }
        if let Some(y) = calendar::year(self.lw(k)) {
            return Some(Candidate {
                first,
                last: k,
                meaning: Meaning::Season {
                    code,
                    year: YearRef::Explicit(y),
                },
                rule: "season",
            });
        }
        // Without a year only after `in`/`this`-like cues, and never `fall` (a verb too);
        // or capitalized inside a sentence (`their Autumn meetings`) but not next
        // to another capitalized word (`the Arab Spring`, `Summer Games`: names).
        let capitalized_season = first == at
            && at > 0
            && self.word(at).is_some_and(|w| w.cap)
            && self.word(at - 1).is_some_and(|p| p.alnum && !p.cap)
            && !self.word(at + 1).is_some_and(|n| n.cap); // `the Winter Olympics`
        if self.lw(at) != "fall"
            && (capitalized_season
                || matches!(self.prev(first), "in" | "during" | "until" | "by" | "since")
                    && s != "the")
        {
            return Some(Candidate {
                first,
                last: at,
                meaning: Meaning::Season {
                    code,
                    year: YearRef::Context,
                },
                rule: "season",
            });
        }
        None
    }

    /// `two days ago`, `three years`, `a decade`, `10-day`.
    fn amount(&self, i: usize) -> Option<Candidate> {
        let s = self.lw(i);
        // Hyphenated: `three-day`, `10-year`.
        if let Some((num, unit)) = s.split_once('-') {
            let n = calendar::cardinal(num).filter(|_| num != "a" && num != "an")?;
            let unit =
                Unit::from_word(unit).filter(|u| !matches!(u, Unit::Weekend | Unit::Quarter))?;
            return Some(Candidate {
                first: i,
                last: i,
                meaning: Meaning::Duration(unit.duration(n)),
                rule: "duration",
            });
        }
        let (n, unit_at) = if matches!(s, "several" | "few" | "a") && self.lw(i + 1) == "few" {
            (None, i + 2)
        } else if matches!(s, "several" | "few" | "many") {
            (None, i + 1)
        } else {
            let n = calendar::cardinal(s)?;
            // `2018 day five`: a year, not a count of days.
            if n >= 1000 && !self.lw(i + 1).ends_with('s') {
                return None;
            }
            (Some(n), i + 1)
        };
        let u = self.lw(unit_at);
        let unit = Unit::from_word(u)?;
        if matches!(unit, Unit::Weekend | Unit::Quarter) {
            return None;
        }
        // `a year` without `ago` is too vague to be worth a mention.
        match self.lw(unit_at + 1) {
            "ago" => {
                let n = n.unwrap_or(0);
                if n == 0 {
                    return None;
                }
                Some(Candidate {
                    first: i,
                    last: unit_at + 1,
                    meaning: Meaning::Ago { n, unit },
                    rule: "ago",
                })
            }
            // `two days later`: anchored to another event, not to the document.
            "later" | "earlier" | "before" | "after" => None,
            _ => {
                if matches!(s, "a" | "an")
                    && !matches!(
                        self.prev(i),
                        "for" | "over" | "in" | "within" | "than" | "nearly" | "almost" | "about"
                    )
                {
                    return None;
                }
                let v = match n {
                    Some(n) => unit.duration(n),
                    None => unit.duration(0).replace('0', "X"),
                };
                Some(Candidate {
                    first: i,
                    last: unit_at,
                    meaning: Meaning::Duration(v),
                    rule: "duration",
                })
            }
        }
    }

    /// `10:00 GMT`, `3 p.m.`, `10:30am`.
    fn clock(&self, i: usize) -> Option<Candidate> {
        let s = self.lw(i);
        let (h, m) = if let Some((h, m)) = s.split_once(':') {
            let h: u32 = h.parse().ok()?;
            let m: u32 = m.get(0..2)?.parse().ok()?;
            (h, m)
        } else {
            let h: u32 = s.parse().ok()?;
            if !matches!(self.lw(i + 1), "a.m" | "p.m" | "am" | "pm") {
                return None;
            }
            (h, 0)
        };
        if h > 24 || m > 59 {
            return None;
        }
        let mut last = i;
        let mut hour = h;
        match self.lw(i + 1) {
            "a.m" | "am" => {
                last = i + 1;
                if h == 12 {
                    hour = 0;
                }
            }
            "p.m" | "pm" => {
                last = i + 1;
                if h < 12 {
                    hour = h + 12;
                }
            }
            _ => {}
        }
        if last > i
            && self.lw(last + 1) == "."
            && self
                .word(last + 1)
                .is_some_and(|w| w.start == self.words[last].end)
        {
            last += 1;
        }
        if matches!(self.lw(last + 1), "gmt" | "utc" | "est" | "edt" | "local") {
            last += 1;
        }
        Some(Candidate {
            first: i,
            last,
            meaning: Meaning::Clock(format!("T{hour:02}:{m:02}")),
            rule: "clock",
        })
    }

    /// A bare year (`in 2018`, `2018,`, `the 1991 settlement`) or decade (`the 1990s`, `'82`, `the 80s`).
    fn year(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i)?;
        let prev = self.prev(i);
        let mid = w.lower.starts_with("mid-");
        let s = w.lower.strip_prefix("mid-").unwrap_or(&w.lower);
        let one = |meaning| {
            Some(Candidate {
                first: i,
                last: i,
                meaning,
                rule: "year",
            })
        };
        if let Some(dec) = s.strip_suffix('s') {
            if let Some(y) = calendar::year(dec).filter(|y| y % 10 == 0) {
                return Some(Candidate {
                    first: i,
                    last: i,
                    meaning: Meaning::Decade(y / 10),
                    rule: "decade",
                });
            }
            // `the 80s`, `'90s`: the 20th century.
            // `the 70s and 80s`: the second decade of a coordination.
            let coordinated = matches!(prev, "and" | "or" | "to")
                && i >= 2
                && self
                    .lw(i - 2)
                    .strip_suffix('s')
                    .is_some_and(|d| d.len() == 2 && d.ends_with('0'));
            if dec.len() == 2
                && dec.ends_with('0')
                && (matches!(prev, "the" | "'" | "early" | "late" | "mid") || mid || coordinated)
            {
                let d: i32 = dec.parse().ok()?;
                let first = if prev == "'" { i - 1 } else { i };
                return Some(Candidate {
                    first,
                    last: i,
                    meaning: Meaning::Decade(190 + d / 10),
                    rule: "decade",
                });
            }
        }
        // `since '82`: an apostrophe year after a date preposition.
        if prev == "'"
            && s.len() == 2
            && w.is_digits()
            && STRONG_YEAR_CUES.contains(&self.prev(i - 1))
        {
            let yy: i32 = s.parse().ok()?;
            return Some(Candidate {
                first: i - 1,
                last: i,
                meaning: Meaning::Date {
                    year: Some(calendar::expand_two_digit_year(yy, None)),
                    month: None,
                    day: None,
                },
                rule: "year",
            });
        }
        let y = calendar::year(s)?;
        if mid {
            return one(Meaning::Date {
                year: Some(y),
                month: None,
                day: None,
            });
        }
        let next = self.word(i + 1);
        if next.is_some_and(|n| matches!(n.lower.as_ref(), "%" | "percent" | "-" | "/" | ":")) {
            return None;
        }
        let counted = matches!(
            prev,
            "about"
                | "some"
                | "nearly"
                | "almost"
                | "than"
                | "over"
                | "least"
                | "around"
                | "only"
                | "just"
                | "$"
                | "approximately"
                | "roughly"
                | "estimated"
        );
        if counted {
            return None;
        }
        // `from 2009 to 2011`, `2014 and 2016`: a year after a year.
        let after_year = i >= 2
            && matches!(prev, "to" | "and" | "or" | "-")
            && calendar::year(self.lw(i - 2)).is_some();
        let strong = STRONG_YEAR_CUES.contains(&prev) || after_year;
        let next_ok = match next {
            None => true,
            Some(n) if !n.alnum => true,
            Some(n) => AFTER_YEAR_OK.contains(&n.lower.as_ref()) || n.cap,
        };
        let weak =
            DATE_CUES.contains(&prev) || prev == "," || prev == "(" || prev == "'s" || i == 0;
        (strong || (weak && next_ok) || next.is_none_or(|n| !n.alnum) && !prev.is_empty())
            .then_some(Candidate {
                first: i,
                last: i,
                meaning: Meaning::Date {
                    year: Some(y),
                    month: None,
                    day: None,
                },
                rule: "year",
            })
    }
}

/// Words before a number that make it a year whatever follows
/// (`in 2009 out of London`, `the 1991 settlement`).
const STRONG_YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "the",
    "fiscal",
    "circa",
    "between",
    "of",
    "its",
    "their",
    "his",
    "her",
];

fn quarter_ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        "last" => 0,
        _ => return None,
    })
}

/// TIMEX3 part-of-day code.
fn part_of_day(w: &str) -> Option<&'static str> {
    match w {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" | "overnight" => Some("NI"),
        _ => None,
    }
}
