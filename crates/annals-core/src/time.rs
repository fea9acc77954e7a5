use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// How exact a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

/// A temporal expression normalized against the document date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    pub span: Span,
    pub text: String,
    pub sentence: usize,
    /// ISO value as TIMEX3 writes it: `2019-12-29`, `2019-W52`, `2019-12`, `2019`.
    pub value: String,
    /// First day covered, for event dates.
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
    /// Which rule resolved it (`weekday-past`, `absolute`, `relative-day`...).
    pub rule: String,
}
