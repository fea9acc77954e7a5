//! Turning a [`Meaning`] into a TIMEX3 value and a date, given the document
//! date and whether the sentence looks back or ahead.

use annals_core::DatePrecision;
use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{add_days, shift_month, week_start, week_value};
use crate::recognize::{Meaning, Unit, YearRef};

/// Which way the clause around an expression points in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Past tense (`met on Sunday`).
    Past,
    /// Future (`will meet on Sunday`, `is to meet`).
    Future,
    /// No tense cue found.
    #[default]
    Unknown,
}

/// TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
}

impl TimexKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
        }
    }
}

/// A normalized value.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    pub kind: TimexKind,
    pub value: String,
    /// First day covered; `None` for durations, unanchored times and vague references.
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
}

fn day(d: NaiveDate) -> Normalized {
    Normalized {
        kind: TimexKind::Date,
        value: d.format("%Y-%m-%d").to_string(),
        date: Some(d),
        precision: DatePrecision::Day,
    }
}

fn month(y: i32, m: u32) -> Normalized {
    Normalized {
        kind: TimexKind::Date,
        value: format!("{y:04}-{m:02}"),
        date: NaiveDate::from_ymd_opt(y, m, 1),
        precision: DatePrecision::Month,
    }
}

fn year(y: i32) -> Normalized {
    Normalized {
        kind: TimexKind::Date,
        value: format!("{y:04}"),
        date: NaiveDate::from_ymd_opt(y, 1, 1),
        precision: DatePrecision::Year,
    }
}

fn week(d: NaiveDate) -> Normalized {
    Normalized {
        kind: TimexKind::Date,
        value: week_value(d),
        date: Some(week_start(d)),
        precision: DatePrecision::Week,
    }
}

fn unresolved(value: String, precision: DatePrecision) -> Normalized {
    Normalized {
        kind: TimexKind::Date,
        value,
        date: None,
        precision,
    }
}

/// Normalize `meaning` against `anchor` (the document date).
pub fn normalize(
    meaning: &Meaning,
    anchor: Option<NaiveDate>,
    dir: Direction,
) -> Option<Normalized> {
    use DatePrecision as P;
    Some(match *meaning {
        Meaning::Date {
            year: Some(y),
            month: Some(m),
            day: Some(d),
        } => day(NaiveDate::from_ymd_opt(y, m, d)?),
        Meaning::Date {
            year: Some(y),
            month: Some(m),
            day: None,
        } => month(y, m),
        Meaning::Date {
            year: Some(y),
            month: None,
            day: None,
        } => year(y),
        Meaning::Date {
            year: None,
            month: Some(m),
            day: Some(d),
        } => match anchor {
            Some(a) => day(month_day(a, m, d, dir)?),
            None => {
                // Validate against a leap year so `Feb 30` is still refused.
                NaiveDate::from_ymd_opt(2000, m, d)?;
                unresolved(format!("XXXX-{m:02}-{d:02}"), P::Day)
            }
        },
        Meaning::Date {
            year: None,
            month: Some(m),
            day: None,
        } => match anchor {
            Some(a) => {
                let y = match dir {
                    Direction::Past if m > a.month() => a.year() - 1,
                    Direction::Future if m < a.month() => a.year() + 1,
                    // No tense: this year's, unless that is more than half a year ahead.
                    Direction::Unknown if m > a.month() + 6 => a.year() - 1,
                    _ => a.year(),
                };
                month(y, m)
            }
            None => unresolved(format!("XXXX-{m:02}"), P::Month),
        },
        Meaning::Date {
            year: None,
            month: None,
            day: Some(d),
        } => match anchor {
            Some(a) => day(day_of_month(a, d, dir)?),
            None => unresolved(format!("XXXX-XX-{d:02}"), P::Day),
        },
        Meaning::Date { .. } => return None,
        Meaning::MonthShift { month: m, shift } => match anchor {
            Some(a) => {
                let y = match shift {
                    -1 if m >= a.month() => a.year() - 1,
                    1 if m <= a.month() => a.year() + 1,
                    _ => {
                        return normalize(
                            &Meaning::Date {
                                year: None,
                                month: Some(m),
                                day: None,
                            },
                            anchor,
                            dir,
                        )
                    }
                };
                month(y, m)
            }
            None => unresolved(format!("XXXX-{m:02}"), P::Month),
        },
        Meaning::MonthOfYear {
            month: m,
            year_offset,
        } => match anchor {
            Some(a) => month(a.year() + year_offset, m),
            None => unresolved(format!("XXXX-{m:02}"), P::Month),
        },
        Meaning::Weekend => {
            let Some(a) = anchor else {
                return Some(unresolved("XXXX-WXX-WE".into(), P::Week));
            };
            let sat = weekday(a, Weekday::Sat, 0, dir)?;
            Normalized {
                kind: TimexKind::Date,
                value: format!("{}-WE", week_value(sat)),
                date: Some(sat),
                precision: P::Week,
            }
        }
        Meaning::Decade(d) => Normalized {
            kind: TimexKind::Date,
            value: format!("{d:03}"),
            date: NaiveDate::from_ymd_opt(d * 10, 1, 1),
            precision: P::Year,
        },
        Meaning::Weekday {
            day: wd,
            shift,
            part,
        } => {
            let Some(a) = anchor else {
                return Some(unresolved("XXXX-XX-XX".into(), P::Day));
            };
            let d = weekday(a, wd, shift, dir)?;
            with_part(day(d), part)
        }
        Meaning::RelativeDay { offset, part } => {
            let Some(a) = anchor else {
                return Some(unresolved("XXXX-XX-XX".into(), P::Day));
            };
            with_part(day(add_days(a, offset)?), part)
        }
        Meaning::RelativePeriod { unit, offset } => {
            let a = anchor?;
            period(a, unit, offset as i64)?
        }
        Meaning::Ago { n, unit } => {
            let a = anchor?;
            match unit {
                Unit::Minute | Unit::Hour => day(a),
                Unit::Day => day(add_days(a, -n)?),
                // TIMEX3 gives `a week ago` as the day, a week back.
                Unit::Week | Unit::Weekend => Normalized {
                    precision: P::Week,
                    ..day(add_days(a, -7 * n)?)
                },
                Unit::Month => {
                    let (y, m) = shift_month(a.year(), a.month(), -(n as i32));
                    month(y, m)
                }
                Unit::Quarter => {
                    let (y, m) = shift_month(a.year(), a.month(), -3 * n as i32);
                    quarter(y, (m - 1) / 3 + 1)
                }
                Unit::Year => year(a.year() - n as i32),
                Unit::Decade => year(a.year() - 10 * n as i32),
                Unit::Century => year(a.year() - 100 * n as i32),
            }
        }
        Meaning::Quarter {
            quarter: q,
            year: yr,
        } => {
            let current = anchor.map(|a| (a.year(), (a.month() - 1) / 3 + 1));
            if q == 0 {
                let (y, cq) = current?;
                let (y, q) = if cq == 1 { (y - 1, 4) } else { (y, cq - 1) };
                return Some(quarter(y, q));
            }
            let y = match yr {
                YearRef::Explicit(y) => y,
                YearRef::Offset(o) => current?.0 + o,
                YearRef::Context => {
                    let Some((y, cq)) = current else {
                        return Some(unresolved(format!("XXXX-Q{q}"), P::Year));
                    };
                    if dir == Direction::Past && q > cq {
                        y - 1
                    } else {
                        y
                    }
                }
            };
            quarter(y, q)
        }
        Meaning::Season { code, year: yr } => {
            let y = match yr {
                YearRef::Explicit(y) => Some(y),
                YearRef::Offset(o) => anchor.map(|a| a.year() + o),
                YearRef::Context => anchor.map(|a| a.year()),
            };
            match y {
                Some(y) => Normalized {
                    kind: TimexKind::Date,
                    value: format!("{y:04}-{code}"),
                    date: NaiveDate::from_ymd_opt(y, season_month(code), 1),
                    precision: P::Year,
                },
                None => unresolved(format!("XXXX-{code}"), P::Year),
            }
        }
        Meaning::Reference(r) => Normalized {
            kind: TimexKind::Date,
            value: r.into(),
            // `now` dates an event as well as the document date does.
            date: if r == "PRESENT_REF" { anchor } else { None },
            precision: P::Day,
        },
        Meaning::Duration(ref v) => Normalized {
            kind: TimexKind::Duration,
            value: v.clone(),
            date: None,
            precision: duration_precision(v),
        },
        Meaning::Clock(ref v) => Normalized {
            kind: TimexKind::Time,
            value: v.clone(),
            date: None,
            precision: P::Day,
        },
    })
}

fn quarter(y: i32, q: u32) -> Normalized {
    Normalized {
        kind: TimexKind::Date,
        value: format!("{y:04}-Q{q}"),
        date: NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1),
        precision: DatePrecision::Year,
    }
}

fn season_month(code: &str) -> u32 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

fn duration_precision(v: &str) -> DatePrecision {
    if v.ends_with('W') || v.ends_with("WE") {
        DatePrecision::Week
    } else if v.ends_with('M') && !v.starts_with("PT") {
        DatePrecision::Month
    } else if v.ends_with('Y') || v.ends_with("DE") || v.ends_with("CE") || v.ends_with('Q') {
        DatePrecision::Year
    } else {
        DatePrecision::Day
    }
}

/// A part of day turns a date into a TIMEX3 time (`2019-12-29TMO`) on the same day.
fn with_part(mut n: Normalized, part: Option<&str>) -> Normalized {
    if let Some(p) = part {
        n.value.push('T');
        n.value.push_str(p);
        n.kind = TimexKind::Time;
    }
    n
}

/// The period `offset` units away from the one holding `a`.
fn period(a: NaiveDate, unit: Unit, offset: i64) -> Option<Normalized> {
    Some(match unit {
        Unit::Week => week(add_days(a, 7 * offset)?),
        Unit::Weekend => {
            let w = add_days(a, 7 * offset)?;
            let sat = add_days(week_start(w), 5)?;
            Normalized {
                kind: TimexKind::Date,
                value: format!("{}-WE", week_value(w)),
                date: Some(sat),
                precision: DatePrecision::Week,
            }
        }
        Unit::Month => {
            let (y, m) = shift_month(a.year(), a.month(), offset as i32);
            month(y, m)
        }
        Unit::Quarter => {
            let (y, m) = shift_month(a.year(), a.month(), 3 * offset as i32);
            quarter(y, (m - 1) / 3 + 1)
        }
        Unit::Year => year(a.year() + offset as i32),
        Unit::Decade => {
            let d = a.year() / 10 + offset as i32;
            Normalized {
                kind: TimexKind::Date,
                value: format!("{d:03}"),
                date: NaiveDate::from_ymd_opt(d * 10, 1, 1),
                precision: DatePrecision::Year,
            }
        }
        Unit::Century => {
            let c = a.year() / 100 + offset as i32;
            Normalized {
                kind: TimexKind::Date,
                value: format!("{c:02}"),
                date: NaiveDate::from_ymd_opt(c * 100, 1, 1),
                precision: DatePrecision::Year,
            }
        }
        Unit::Day | Unit::Hour | Unit::Minute => day(add_days(a, offset)?),
    })
}

/// The `wd` nearest `a` in the direction the clause points.
fn weekday(a: NaiveDate, wd: Weekday, shift: i32, dir: Direction) -> Option<NaiveDate> {
    let from = a.weekday().num_days_from_monday() as i64;
    let to = wd.num_days_from_monday() as i64;
    let back = (from - to).rem_euclid(7); // days back to the latest such weekday, 0 if today
    let ahead = (to - from).rem_euclid(7);
    let off = match shift {
        -1 => -(if back == 0 { 7 } else { back }),
        1 => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        _ => match dir {
            Direction::Future => ahead,
            // News reports mostly past events: the default looks back.
            Direction::Past | Direction::Unknown => -back,
        },
    };
    add_days(a, off)
}

/// `Dec. 29` without a year: the year that fits the tense, else the nearest.
fn month_day(a: NaiveDate, m: u32, d: u32, dir: Direction) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(a.year(), m, d);
    match dir {
        Direction::Past => match this {
            Some(t) if t <= a => Some(t),
            _ => NaiveDate::from_ymd_opt(a.year() - 1, m, d).or(this),
        },
        Direction::Future => match this {
            Some(t) if t >= a => Some(t),
            _ => NaiveDate::from_ymd_opt(a.year() + 1, m, d).or(this),
        },
        Direction::Unknown => crate::parse_date::nearest_year(m, d, a),
    }
}

/// `on the 29th`: this month's, or the previous/next month's by tense.
fn day_of_month(a: NaiveDate, d: u32, dir: Direction) -> Option<NaiveDate> {
    let shift = match dir {
        Direction::Past if d > a.day() => -1,
        Direction::Future if d < a.day() => 1,
        _ => 0,
    };
    let (y, m) = shift_month(a.year(), a.month(), shift);
    NaiveDate::from_ymd_opt(y, m, d)
}
