//! [`Timex`]: one temporal expression with its TIMEX3 value.

use annals_core::{DatePrecision, Span, TimeMention};
use chrono::NaiveDate;

pub use crate::normalize::TimexKind;

/// A temporal expression found in text and normalized against an anchor date.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Bytes of the expression in the text it was found in.
    pub span: Span,
    pub text: String,
    pub kind: TimexKind,
    /// TIMEX3 value: `2019-12-29`, `2020-W01`, `2019-12`, `2019`, `2019-Q4`,
    /// `PRESENT_REF`, `P3D`, `T10:00`, or with `X`s where the anchor was missing.
    pub value: String,
    /// First day covered, when the expression names a date.
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
    /// The recognition rule (`absolute`, `weekday`, `relative-day`, `ago`...).
    pub rule: &'static str,
}

impl Timex {
    /// The pipeline's form, in sentence `sentence`.
    pub fn to_mention(&self, sentence: usize) -> TimeMention {
        TimeMention {
            span: self.span,
            text: self.text.clone(),
            sentence,
            value: self.value.clone(),
            date: self.date,
            precision: self.precision,
            rule: self.rule.to_owned(),
        }
    }
}
