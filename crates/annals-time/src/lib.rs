//! annals-time: dates for documents and events.
//!
//! - [`parse_date`] reads a date from metadata, a `date` header or a wire
//!   dateline (`2019-12-31`, `Tue, 31 Dec 2019 10:00:00 GMT`, `Dec 31`).
//! - [`TimeResolver`] is the pipeline stage ([`annals_core::Component`]): it
//!   finds temporal expressions in each sentence (`on Sunday`, `last week`,
//!   `two days ago`, `Dec. 29`, `in 2018`), normalizes them to TIMEX3 values
//!   against the document date, picking past or future readings from the
//!   verb's tense, writes them to `Doc::times`, and dates each event from the
//!   expression attached to it, else from the document date.
//! - [`find_timexes`] does the same on raw text and returns [`Timex`]es.
//!
//! ```
//! use annals_core::{Component, Doc, Document};
//! use annals_time::{find_timexes, TimeResolver};
//! use chrono::NaiveDate;
//!
//! let tue = NaiveDate::from_ymd_opt(2019, 12, 31);
//! let found = find_timexes("Rebels attacked the town on Sunday.", tue);
//! assert_eq!(found[0].value, "2019-12-29");
//! let found = find_timexes("The ministers will meet on Sunday.", tue);
//! assert_eq!(found[0].value, "2020-01-05");
//!
//! let mut doc = Doc::new(Document { date: tue, ..Document::new("d1", "Talks resumed two days ago.") });
//! TimeResolver::new().process(&mut doc).unwrap();
//! assert_eq!(doc.times[0].value, "2019-12-29");
//! ```

mod bench;
pub mod calendar;
pub mod gum;
pub mod meantime;
mod normalize;
mod parse_date;
mod recognize;
mod resolver;
mod scan;
mod tense;
mod timex;

pub use bench::{bench, BenchReport};
pub use normalize::{Direction, TimexKind};
pub use parse_date::parse_date;
pub use resolver::TimeResolver;
pub use tense::CueError;
pub use timex::Timex;

pub use chrono::NaiveDate;

/// Every temporal expression in raw `text`, normalized against `anchor` (the
/// document date), with tense judged from cue words.
pub fn find_timexes(text: &str, anchor: Option<NaiveDate>) -> Vec<Timex> {
    static DEFAULT: once_cell::sync::Lazy<TimeResolver> =
        once_cell::sync::Lazy::new(TimeResolver::new);
    DEFAULT.find(text, anchor)
}

/// TIMEX3 type of a normalized value (`P3D` a duration, `2019-12-29TMO` a time).
pub fn kind_of_value(value: &str) -> TimexKind {
    if value.starts_with('P') && !value.ends_with("_REF") {
        TimexKind::Duration
    } else if value.contains('T') && !value.ends_with("_REF") {
        TimexKind::Time
    } else {
        TimexKind::Date
    }
}
