//! Generators for the data files in `data/`, from the reference sources in
//! `../shared/ontology/` (see its README for provenance).
//!
//! `data/cameo.tsv`, `data/plover_types.tsv` and `data/plover_contexts.tsv` are
//! the output of these functions; the test `tests/generated_data.rs` checks
//! that they are current and rewrites them when run with
//! `ANNALS_REGENERATE_ONTOLOGY=1`.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::cameo::{parent, quad_class_of_root};
use crate::OntologyError;

/// Crosswalk rows annals overrides or adds: `(code, type, mode, contexts, why)`.
///
/// Kept few and explained; each is written to the `origin` column as
/// `correction`, and listed in `data/README.md`.
pub const CROSSWALK_CORRECTIONS: &[(&str, &str, &str, &str, &str)] = &[
    ("155", "MOBILIZE", "weapons", "cyber", "missing from the crosswalk; the manual's MOBILIZE `weapons` mode names the cyber context"),
    ("175", "ASSAULT", "", "pro_autocracy; repression", "crosswalk puts the context pro_autocracy in the mode slot; `military` context excludes police"),
    ("176", "COERCE", "cyber", "cyber", "missing from the crosswalk; the manual's COERCE `cyber` mode"),
    ("183", "ASSAULT", "explosives", "", "generic non-military bombing; suicide bombing has its own code 1831"),
    ("1834", "ASSAULT", "explosives", "", "missing from the crosswalk (location bombing)"),
    ("185", "ASSAULT", "targeted", "", "`assassinate` is not a PLOVER 0.8 mode; the manual's `targeted` covers attempted and successful assassinations"),
    ("186", "ASSAULT", "targeted", "", "as 185"),
    ("195", "ASSAULT", "aerial", "military", "crosswalk row repeats 194's heavy-weapons; its own description (aerial weapons) and the manual's `aerial` mode"),
    ("1951", "ASSAULT", "aerial", "military", "missing from the crosswalk (precision-guided aerial munitions)"),
    ("1952", "ASSAULT", "drone", "military", "missing from the crosswalk (remotely piloted aerial munitions)"),
    ("200", "ASSAULT", "targeted", "military", "`massacre` is commented out of the 0.8 manual; `targeted` covers deliberate mass killings"),
    ("202", "ASSAULT", "targeted", "religion_ethnicity", "as 200"),
    ("201", "ASSAULT", "", "religion_ethnicity; territory", "`cleansing` is commented out of the 0.8 manual"),
    ("203", "ASSAULT", "", "religion_ethnicity; territory", "as 201"),
    ("085", "RETREAT", "", "economic", "the crosswalk itself notes `ease` is no longer a mode"),
    ("0842", "RETREAT", "", "legal", "`return` is commented out of the 0.8 manual"),
    ("132", "THREATEN", "restrict", "executive", "`ban` is not a THREATEN mode; `restrict` covers bans"),
    ("1321", "THREATEN", "restrict", "rights_freedoms", "`political` is not a THREATEN mode"),
    ("1322", "THREATEN", "restrict", "pro_autocracy", "`ban` is not a THREATEN mode; `restrict` covers bans"),
    ("1712", "ASSAULT", "destroy", "human_security", "`seize` is not an ASSAULT mode; the manual's `destroy` is intentional destruction of property"),
    ("1722", "COERCE", "restrict", "pro_autocracy", "`ban` is not a COERCE mode; `restrict` covers bans from political life"),
];

struct Crosswalk {
    event_type: String,
    mode: String,
    contexts: String,
    origin: &'static str,
}

/// Parse `CAMEO2PLOVER-2021.txt` (`0311: AGREE, , economic # name`). The first
/// row for a code wins (the file lists `08` twice and `175` twice).
fn parse_crosswalk(text: &str) -> Result<HashMap<String, Crosswalk>, OntologyError> {
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let body = line.split('#').next().unwrap_or("").trim();
        if body.is_empty() || body.starts_with('~') {
            continue;
        }
        let Some((code, rest)) = body.split_once(':') else {
            return Err(OntologyError::source(
                "CAMEO2PLOVER-2021.txt",
                format!("line {}: no `code:` prefix", i + 1),
            ));
        };
        let code = code.trim();
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OntologyError::source(
                "CAMEO2PLOVER-2021.txt",
                format!("line {}: bad code {code:?}", i + 1),
            ));
        }
        let mut fields = rest.split(',').map(str::trim);
        let event_type = fields.next().unwrap_or("").to_owned();
        let mode = fields.next().unwrap_or("").to_owned();
        let contexts = normalize_contexts(fields.next().unwrap_or(""));
        out.entry(code.to_owned()).or_insert(Crosswalk {
            event_type,
            mode,
            contexts,
            origin: "crosswalk",
        });
    }
    Ok(out)
}

/// Crosswalk context names that the 0.8 manual spells differently.
pub const CONTEXT_RENAMES: &[(&str, &str)] = &[
    ("democracy", "pro_democracy"),
    ("humanitarian", "human_security"),
];

fn normalize_contexts(s: &str) -> String {
    s.split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            CONTEXT_RENAMES
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| to)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Split one line of `cameo_eventcodes.csv` (`code,name`, name possibly quoted).
fn split_csv2(line: &str) -> Option<(&str, String)> {
    let (code, name) = line.split_once(',')?;
    let name = name.trim();
    let name = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => name.to_owned(),
    };
    Some((code.trim(), name))
}

/// Generate `data/cameo.tsv` from the CAMEO codebook, the Goldstein table and
/// the CAMEO→PLOVER crosswalk, applying [`CROSSWALK_CORRECTIONS`] and coding
/// each 02x appeal like the matching 10x demand.
pub fn cameo_table(
    eventcodes_csv: &str,
    goldstein_tsv: &str,
    crosswalk_txt: &str,
) -> Result<String, OntologyError> {
    let mut goldstein = HashMap::new();
    for (i, line) in goldstein_tsv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let (code, score) = line.split_once('\t').ok_or_else(|| {
            OntologyError::source(
                "cameo_goldstein.tsv",
                format!("line {}: expected code<TAB>score", i + 1),
            )
        })?;
        let score: f32 = score.trim().parse().map_err(|_| {
            OntologyError::source(
                "cameo_goldstein.tsv",
                format!("line {}: bad score {score:?}", i + 1),
            )
        })?;
        goldstein.insert(code.trim().to_owned(), score);
    }
    let mut crosswalk = parse_crosswalk(crosswalk_txt)?;
    for &(code, t, m, c, _) in CROSSWALK_CORRECTIONS {
        crosswalk.insert(
            code.to_owned(),
            Crosswalk {
                event_type: t.to_owned(),
                mode: m.to_owned(),
                contexts: normalize_contexts(c),
                origin: "correction",
            },
        );
    }

    let mut out = String::from(
        "# Generated by annals_ontology::generate::cameo_table from ../shared/ontology/\n\
         # (cameo_eventcodes.csv, cameo_goldstein.tsv, CAMEO2PLOVER-2021.txt). Do not edit by hand.\n\
         # code\tname\tgoldstein\tgoldstein_from\tquad_class\tplover_type\tplover_mode\tplover_contexts\tplover_origin\n",
    );
    for (i, line) in eventcodes_csv.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (code, name) = split_csv2(line).ok_or_else(|| {
            OntologyError::source(
                "cameo_eventcodes.csv",
                format!("line {}: expected code,name", i + 1),
            )
        })?;
        let quad = quad_class_of_root(code).ok_or_else(|| {
            OntologyError::source(
                "cameo_eventcodes.csv",
                format!("line {}: bad code {code:?}", i + 1),
            )
        })?;
        let (score, from) = {
            let mut c = code;
            let mut from = "cameo";
            loop {
                if let Some(s) = goldstein.get(c) {
                    break (*s, from);
                }
                from = "parent";
                c = parent(c).ok_or_else(|| {
                    OntologyError::source(
                        "cameo_goldstein.tsv",
                        format!("no score for {code} or its parents"),
                    )
                })?;
            }
        };
        let appeal = code.strip_prefix("02").map(|rest| format!("10{rest}"));
        let row = match (
            crosswalk.get(code),
            appeal.as_deref().and_then(|d| crosswalk.get(d)),
        ) {
            (Some(r), _) => Some((r, r.origin)),
            (None, Some(r)) if r.origin == "crosswalk" => Some((r, "appeal-parallel")),
            _ => None,
        };
        let (t, m, c, o) = match row {
            Some((r, o)) => (
                r.event_type.as_str(),
                r.mode.as_str(),
                r.contexts.as_str(),
                o,
            ),
            None => ("", "", "", ""),
        };
        let _ = writeln!(
            out,
            "{code}\t{name}\t{score:.1}\t{from}\t{quad}\t{t}\t{m}\t{c}\t{o}"
        );
    }
    Ok(out)
}

/// The body of the chapter `\chapter{title}` of the manual.
fn chapter<'a>(manual: &'a str, title: &str) -> Result<&'a str, OntologyError> {
    let start = manual
        .find(&format!("\\chapter{{{title}}}"))
        .ok_or_else(|| {
            OntologyError::source("PLOVER_MANUAL.tex", format!("no chapter {title:?}"))
        })?;
    let rest = manual.get(start + 1..).unwrap_or("");
    let end = rest
        .find("\\chapter{")
        .map_or(manual.len(), |e| start + 1 + e);
    Ok(manual.get(start..end).unwrap_or(""))
}

/// Uncommented lines of a LaTeX text.
fn live_lines(tex: &str) -> impl Iterator<Item = &str> {
    tex.lines().map(str::trim).filter(|l| !l.starts_with('%'))
}

fn latex_plain(s: &str) -> String {
    s.replace("\\_", "_").replace("\\\\", "").trim().to_owned()
}

/// The score table `tab:ploverscores`: `(TYPE, Option<mode>) → score`.
fn plover_scores(manual: &str) -> HashMap<(String, Option<String>), f32> {
    let mut scores = HashMap::new();
    let manual = live_lines(manual).collect::<Vec<_>>().join("\n");
    let Some(caption) = manual.find("\\caption{PLOVER conflict--cooperation scores}") else {
        return scores;
    };
    let table = manual.get(caption..).unwrap_or("");
    let table = table
        .get(..table.find("\\end{tabular}").unwrap_or(table.len()))
        .unwrap_or("");
    for line in live_lines(table) {
        let cells: Vec<String> = line
            .trim_end_matches("\\\\")
            .split('&')
            .map(|c| latex_plain(&c.replace("\\cellcolor{gray!25}", "")))
            .collect();
        for pair in cells.chunks(2) {
            let [label, score] = pair else { continue };
            let Ok(score) = score.parse::<f32>() else {
                continue;
            };
            let (t, m) = match label.split_once(':') {
                Some((t, m)) => (t.trim(), Some(m.trim().to_lowercase())),
                None => (label.trim(), None),
            };
            scores.insert((t.to_uppercase(), m), score);
        }
    }
    scores
}

/// Generate `data/plover_types.tsv` from the PLOVER manual: each
/// `\section{TYPE}` of the chapter "Event Categories" with its quad category,
/// recipient requirement, score, and the rows of its mode table.
pub fn plover_types_table(manual: &str) -> Result<String, OntologyError> {
    let scores = plover_scores(manual);
    let body = chapter(manual, "Event Categories")?;
    let mut out = String::from(
        "# Generated by annals_ontology::generate::plover_types_table from ../shared/ontology/PLOVER_MANUAL.tex.\n\
         # type\tquad_class\trequires_recipient\tscore\tmodes (mode=score; ...)\n",
    );
    let mut sections = body.split("\\section{").skip(1).peekable();
    if sections.peek().is_none() {
        return Err(OntologyError::source(
            "PLOVER_MANUAL.tex",
            "no event-type sections",
        ));
    }
    for section in sections {
        let name = section.split('}').next().unwrap_or("").trim().to_owned();
        let mut quad = 0;
        let mut recipient = "no";
        let mut modes = Vec::new();
        let mut in_modes = false;
        for line in live_lines(section) {
            if let Some(q) = line.strip_prefix("\\subsection{Quad category:") {
                quad = match q.trim().trim_end_matches('}').trim() {
                    "VERBAL COOPERATION" => 1,
                    "MATERIAL COOPERATION" => 2,
                    "VERBAL CONFLICT" => 3,
                    "MATERIAL CONFLICT" => 4,
                    other => {
                        return Err(OntologyError::source(
                            "PLOVER_MANUAL.tex",
                            format!("{name}: quad category {other:?}"),
                        ))
                    }
                };
            } else if line.starts_with("\\subsection{Requires recipient: Yes") {
                recipient = "yes";
            } else if line.starts_with("Name & Content") {
                in_modes = true;
            } else if line.starts_with("\\end{tabular}") {
                in_modes = false;
            } else if in_modes {
                let Some((mode, _)) = line.split_once(" & ") else {
                    continue;
                };
                let mode = mode.trim();
                if !mode.is_empty()
                    && mode
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'_')
                {
                    let score = scores.get(&(name.clone(), Some(mode.to_owned())));
                    modes.push(match score {
                        Some(s) => format!("{mode}={s}"),
                        None => mode.to_owned(),
                    });
                }
            }
        }
        if quad == 0 {
            return Err(OntologyError::source(
                "PLOVER_MANUAL.tex",
                format!("{name}: no quad category"),
            ));
        }
        let score = scores
            .get(&(name.clone(), None))
            .map(|s| s.to_string())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{name}\t{quad}\t{recipient}\t{score}\t{}",
            modes.join("; ")
        );
    }
    Ok(out)
}

/// Generate `data/plover_contexts.tsv` from the manual's general-contexts table.
pub fn plover_contexts_table(manual: &str) -> Result<String, OntologyError> {
    let start = manual
        .find("\\label{tab:general-contexts}")
        .ok_or_else(|| OntologyError::source("PLOVER_MANUAL.tex", "no general-contexts table"))?;
    let table = manual.get(start..).unwrap_or("");
    let table = table
        .get(..table.find("\\end{longtable}").unwrap_or(table.len()))
        .unwrap_or("");
    let mut out = String::from(
        "# Generated by annals_ontology::generate::plover_contexts_table from ../shared/ontology/PLOVER_MANUAL.tex.\n\
         # context\tdescription\n",
    );
    for line in live_lines(table) {
        let Some((name, desc)) = line.split_once(" & ") else {
            continue;
        };
        let name = match name.strip_prefix("\\hyperref[") {
            Some(rest) => rest
                .split_once("]{")
                .map(|(_, n)| n.trim_end_matches('}'))
                .unwrap_or(""),
            None => name,
        };
        let name = latex_plain(name);
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            continue;
        }
        let desc = latex_plain(desc).replace('\t', " ");
        let _ = writeln!(out, "{name}\t{desc}");
    }
    Ok(out)
}
