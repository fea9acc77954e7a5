//! Throughput of the time stage (the figures `annals times --bench N FILES`
//! prints): `cargo run --release -p annals-time --example bench -- [MEANTIME_DIR] [ROUNDS]`.
//! Uses the MEANTIME article texts, one document each.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpora/meantime_english"));
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                files.push(p);
            }
        }
    }
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| annals_time::meantime::read(p).ok())
        .map(|m| m.doc.document.text)
        .collect();
    if texts.is_empty() {
        eprintln!("bench: no MEANTIME files found");
        std::process::exit(2);
    }
    let anchor = chrono::NaiveDate::from_ymd_opt(2019, 12, 31);
    println!("{}", annals_time::bench(&texts, anchor, rounds));
}
