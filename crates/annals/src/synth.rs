//! A generator of realistic synthetic wire articles, reproducible by seed,
//! for benchmarks when no corpus is at hand. Sentences are assembled from our
//! own templates and vocabulary (places, actors, event wordings, attribution,
//! filler), so throughput figures reflect news-like text with a realistic
//! share of event sentences.

use annals_core::Document;
use chrono::{Duration, NaiveDate};

/// Small, fast, deterministic generator (xorshift64*); not for cryptography.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[(&str, &str, &str)] = &[
    ("BAGHDAD", "Iraqi", "Iraq"),
    ("KABUL", "Afghan", "Afghanistan"),
    ("DAMASCUS", "Syrian", "Syria"),
    ("KHARTOUM", "Sudanese", "Sudan"),
    ("NAIROBI", "Kenyan", "Kenya"),
    ("CARACAS", "Venezuelan", "Venezuela"),
    ("MANILA", "Philippine", "the Philippines"),
    ("ABUJA", "Nigerian", "Nigeria"),
    ("KYIV", "Ukrainian", "Ukraine"),
    ("ISLAMABAD", "Pakistani", "Pakistan"),
    ("BAMAKO", "Malian", "Mali"),
    ("ADDIS ABABA", "Ethiopian", "Ethiopia"),
];
const FOREIGN: &[&str] = &[
    "US", "French", "Turkish", "Russian", "Chinese", "Iranian", "Saudi", "British", "German",
    "Egyptian", "Indian", "Qatari",
];
const SECTORS: &[&str] = &[
    "security forces",
    "police",
    "troops",
    "soldiers",
    "officials",
    "lawmakers",
    "protesters",
    "students",
    "rebels",
    "militants",
    "the government",
    "the defence ministry",
    "the foreign ministry",
    "opposition leaders",
    "journalists",
    "workers",
];
const AGENCIES: &[&str] = &["Reuters", "AFP", "AP", "Xinhua", "Anadolu"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const EVENTS: &[&str] = &[
    "{A} fired tear gas at {B} in {P} on {D}",
    "{A} arrested dozens of {B} after clashes in {P}",
    "{A} met {B} in {P} on {D} to discuss the crisis",
    "{A} accused {B} of violating the ceasefire",
    "{A} condemned the attack on {B} and called for an investigation",
    "{A} threatened to impose sanctions on {B}",
    "{A} agreed to release 20 prisoners held by {B}",
    "air strikes by {A} killed at least 12 {B} near {P} on {D}",
    "{A} demanded that {B} withdraw from the border area",
    "{A} pledged $40 million in aid to {B}",
    "thousands of {B} marched through {P} on {D} to protest against {A}",
    "{A} rejected a proposal by {B} to hold new talks",
    "{A} deployed additional troops to {P} after the attack",
    "{A} expelled two diplomats from {B}, citing espionage",
];
const FILLER: &[&str] = &[
    "The situation remained tense late on {D}, residents said.",
    "Prices of bread and fuel have risen sharply since the start of the year.",
    "The region has been hit by drought for three consecutive seasons.",
    "Officials did not give further details.",
    "The announcement came a day before a scheduled meeting of regional leaders.",
    "Schools and shops in the city centre were closed.",
    "Analysts said the economy was expected to grow by 2.5 percent this year.",
    "The statement did not say how many people had been affected.",
];

/// Generate `n` articles from `seed`. The same seed always gives the same
/// articles.
pub fn articles(seed: u64, n: usize) -> Vec<Document> {
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    (0..n)
        .map(|i| {
            let date = base + Duration::days(rng.below(3650) as i64);
            let (city, adj, _country) = PLACES[rng.below(PLACES.len())];
            let agency = rng.pick(AGENCIES);
            let mut text = format!("date {date} {city} ({agency}) - ");
            let sentences = 6 + rng.below(10);
            for s in 0..sentences {
                let sentence = if rng.below(10) < 6 {
                    let a = actor(&mut rng, adj);
                    let b = actor(&mut rng, adj);
                    let tpl = rng.pick(EVENTS);
                    let mut out = fill(tpl, &a, &b, city, rng.pick(WEEKDAYS));
                    if rng.below(3) == 0 {
                        out = format!("{out}, {} reported", rng.pick(AGENCIES));
                    }
                    capitalize(&out) + "."
                } else {
                    fill(rng.pick(FILLER), "", "", city, rng.pick(WEEKDAYS))
                };
                if s > 0 {
                    text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
                }
                text.push_str(&sentence);
            }
            text.push('\n');
            // Read through the plain-text reader, as a file would be, so the
            // header and dateline are recognized.
            let id = format!("synth-{seed}-{i}");
            let mut doc = annals_io::read_bytes(&format!("{id}.txt"), text.as_bytes(), None)
                .into_iter()
                .find_map(Result::ok)
                .unwrap_or_else(|| Document::new(id.clone(), text));
            doc.id = id;
            doc.date = doc.date.or(Some(date));
            doc
        })
        .collect()
}

fn actor(rng: &mut Rng, home: &str) -> String {
    let adj = if rng.below(3) == 0 {
        rng.pick(FOREIGN)
    } else {
        home
    };
    let sector = rng.pick(SECTORS);
    match sector.strip_prefix("the ") {
        Some(rest) => format!("the {adj} {rest}"),
        None => format!("{adj} {sector}"),
    }
}

fn fill(tpl: &str, a: &str, b: &str, place: &str, day: &str) -> String {
    let title = place
        .split(' ')
        .map(|w| capitalize(&w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ");
    tpl.replace("{A}", a)
        .replace("{B}", b)
        .replace("{P}", &title)
        .replace("{D}", day)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reproducible_by_seed() {
        let a = super::articles(7, 5);
        let b = super::articles(7, 5);
        let c = super::articles(8, 5);
        assert_eq!(
            a.iter().map(|d| &d.text).collect::<Vec<_>>(),
            b.iter().map(|d| &d.text).collect::<Vec<_>>()
        );
        assert_ne!(a[0].text, c[0].text);
        assert!(a.iter().all(|d| d.text.len() > 200 && d.date.is_some()));
    }
}
