//! Recognition and normalization on wire-style sentences written for these tests.

use annals_time::{find_timexes, Timex, TimexKind};
use chrono::NaiveDate;

/// Tuesday 31 December 2019.
fn tue() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2019, 12, 31)
}

fn values(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, String)> {
    find_timexes(text, anchor)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn one(text: &str, anchor: Option<NaiveDate>) -> Timex {
    let found = find_timexes(text, anchor);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn weekday_follows_tense() {
    assert_eq!(
        one(
            "Security forces fired on protesters on Sunday, witnesses said.",
            tue()
        )
        .value,
        "2019-12-29"
    );
    assert_eq!(
        one("The two leaders will meet on Sunday in Geneva.", tue()).value,
        "2020-01-05"
    );
    assert_eq!(
        one(
            "The trial is set to begin on Wednesday in the capital.",
            tue()
        )
        .value,
        "2020-01-01"
    );
    assert_eq!(
        one("Parliament is to vote on Friday on the budget.", tue()).value,
        "2020-01-03"
    );
    // The document's own weekday is the document date, looking back.
    assert_eq!(
        one("Protesters stormed the embassy compound on Tuesday.", tue()).value,
        "2019-12-31"
    );
    assert_eq!(
        one("Rebels shelled the town last Tuesday.", tue()).value,
        "2019-12-24"
    );
    assert_eq!(one("Talks resume next Tuesday.", tue()).value, "2020-01-07");
}

#[test]
fn relative_days_and_periods() {
    assert_eq!(
        one("Gunmen killed four police officers yesterday.", tue()).value,
        "2019-12-30"
    );
    assert_eq!(
        one("Two soldiers were wounded in a blast two days ago.", tue()).value,
        "2019-12-29"
    );
    assert_eq!(
        one("The army withdrew three years ago.", tue()).value,
        "2016"
    );
    // 2019-12-31 lies in ISO week 2020-W01; the week before is 2019-W52.
    let t = one("Clashes broke out last week near the border.", tue());
    assert_eq!(
        (t.value.as_str(), t.date),
        ("2019-W52", NaiveDate::from_ymd_opt(2019, 12, 23))
    );
    assert_eq!(one("Prices rose this week.", tue()).value, "2020-W01");
    assert_eq!(
        one(
            "The ministry said earlier this month that it would act.",
            tue()
        )
        .value,
        "2019-12"
    );
    assert_eq!(one("Elections were held last year.", tue()).value, "2018");
    assert_eq!(
        one("A new cabinet will be named next month.", tue()).value,
        "2020-01"
    );
    let t = one("Officials met tonight.", tue());
    assert_eq!(
        (t.value.as_str(), t.kind, t.date),
        ("2019-12-31TNI", TimexKind::Time, tue())
    );
}

#[test]
fn period_edges_seasons_and_decades() {
    assert_eq!(
        one(
            "Fighting has displaced thousands since the beginning of the year.",
            tue()
        )
        .value,
        "2019"
    );
    assert_eq!(
        one("Shelling resumed at the start of the day.", tue()).value,
        "2019-12-31"
    );
    // "At the end of the day" is mostly the idiom, not a time.
    assert!(values("At the end of the day, the talks failed.", tue()).is_empty());
    assert_eq!(
        one(
            "Ministers will meet at their Spring session in Geneva.",
            tue()
        )
        .value,
        "2019-SP"
    );
    assert!(values("Protests of the Arab Spring spread quickly.", tue()).is_empty());
    assert!(values("Athletes arrived for the Winter Olympics.", tue()).is_empty());
    assert_eq!(
        values("The region was at war in the 70s and 80s.", tue()),
        vec![
            ("70s".to_string(), "197".to_string()),
            ("80s".to_string(), "198".to_string())
        ]
    );
    assert!(values("Most of the victims were in their 80s.", tue()).is_empty());
}

#[test]
fn absolute_dates() {
    let cases = [
        ("The ceasefire took effect on Dec. 29.", "2019-12-29"),
        ("The accord was signed on December 31, 2019.", "2019-12-31"),
        ("The vote was held on 29/12/2019.", "2019-12-29"),
        ("The report is dated 2019-12-29.", "2019-12-29"),
        ("Troops entered the city on 15 March 2003.", "2003-03-15"),
        ("The strike began on the 29th.", "2019-12-29"),
        ("Fighting resumed in March.", "2019-03"),
        ("The party was founded in 2018.", "2018"),
        ("Clashes erupted in mid-2011, officials said.", "2011"),
        ("The group has operated since the 1990s.", "199"),
        ("Profits fell in the third quarter of 2019.", "2019-Q3"),
    ];
    for (text, want) in cases {
        assert_eq!(one(text, tue()).value, want, "{text}");
    }
}

#[test]
fn months_without_year_look_back_or_ahead() {
    // Read on 2 January 2020: "in December" of a past event is last year's.
    let jan2 = NaiveDate::from_ymd_opt(2020, 1, 2);
    assert_eq!(one("Protests spread in December.", jan2).value, "2019-12");
    assert_eq!(
        one("Elections will be held in March.", jan2).value,
        "2020-03"
    );
    // Read on 31 December 2019: "on Jan. 2" of a planned event is next year's.
    assert_eq!(
        one("The summit will open on Jan. 2.", tue()).value,
        "2020-01-02"
    );
    assert_eq!(
        one("The summit opened on Dec. 2.", tue()).value,
        "2019-12-02"
    );
}

#[test]
fn counts_and_names_are_not_dates() {
    assert!(values("Police arrested 2019 people during the protests.", tue()).is_empty());
    assert!(values("About 2000 troops were deployed.", tue()).is_empty());
    assert!(values("Theresa May met Angela Merkel.", tue()).is_empty());
    assert!(values("Veterans marked Bloody Sunday in Derry.", tue()).is_empty());
    assert!(values("The march through the city was peaceful.", tue()).is_empty());
}

#[test]
fn invalid_dates_and_edges_do_not_panic() {
    assert!(values("The order is dated 31/02/2019.", tue()).is_empty());
    assert!(values("It was signed on February 30, 2019.", tue()).is_empty());
    assert_eq!(
        one("The law took effect on Feb. 29, 2020.", tue()).value,
        "2020-02-29"
    );
    // Leap day without a year: read in 2021, no 29 February exists nearby.
    let y2021 = NaiveDate::from_ymd_opt(2021, 3, 1);
    assert!(values("The law took effect on Feb. 29.", y2021)
        .iter()
        .all(|(_, v)| v != "2021-02-29"));
    // Year boundary: yesterday of 1 January.
    let jan1 = NaiveDate::from_ymd_opt(2020, 1, 1);
    assert_eq!(
        one("Fireworks were launched yesterday.", jan1).value,
        "2019-12-31"
    );
    // No anchor: relative expressions keep X placeholders and give no date.
    let t = one("Troops withdrew on Sunday.", None);
    assert_eq!((t.value.as_str(), t.date), ("XXXX-XX-XX", None));
    for junk in [
        "",
        "on the",
        "last",
        "Dec.",
        "29/",
        "2019-13-45",
        "ÉTÉ 2019 — 31/12",
        "\u{0}\u{ffff}31 December",
    ] {
        let _ = find_timexes(junk, tue());
    }
}

#[test]
fn durations_and_clock_times_give_no_date() {
    let t = one("The curfew will last for three days.", tue());
    assert_eq!(
        (t.value.as_str(), t.kind, t.date),
        ("P3D", TimexKind::Duration, None)
    );
    let t = one("The curfew starts at 10:00 GMT.", tue());
    assert_eq!((t.kind, t.date), (TimexKind::Time, None));
    let t = one("The blast happened at 3 p.m.", tue());
    assert_eq!(t.value, "T15:00");
}

#[test]
fn weekday_with_date_is_one_expression() {
    let t = one("The statement was issued on Tuesday, Dec. 31, 2019.", None);
    assert_eq!(
        (t.text.as_str(), t.value.as_str()),
        ("Tuesday, Dec. 31, 2019", "2019-12-31")
    );
}

#[test]
fn arbitrary_text_never_panics() {
    // A deterministic walk over awkward inputs: multibyte characters next to
    // digits, joiners and abbreviations at the end of text.
    let pieces = [
        "Dec", ".", " ", "31", "/", "-", ":", "2019", "\u{a0}", "é", "’", "'", "Sunday", "last",
        "the", "29th", "on", "ago", "two", "days", "Q3", "mid-", "s", ",", "p.m", "10", "\u{3000}",
        "week", "of", "March", "May",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(seed % 9) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for t in find_timexes(&text, tue()) {
            assert!(
                text.get(t.span.start..t.span.end).is_some(),
                "{text:?} {t:?}"
            );
        }
        let _ = annals_time::parse_date(&text, tue());
        seed = seed.rotate_left(7) ^ 0x1234_5678;
    }
}
