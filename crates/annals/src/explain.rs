//! `--explain`: a human-readable account of each event and why it was coded.

use std::fmt::Write;

use annals_core::{Doc, EventRecord};

/// Explain every record of `doc` (records as produced by [`crate::records`]).
pub fn explain(doc: &Doc, records: &[EventRecord]) -> String {
    let onto = annals_ontology::Ontology::embedded();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "== {} ({}{}) — {} event(s)",
        doc.document.id,
        doc.document
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no date".into()),
        doc.document
            .dateline
            .as_ref()
            .and_then(|d| d.agency.as_ref())
            .map(|a| format!(", {a}"))
            .unwrap_or_default(),
        records.len()
    );
    for r in records {
        let sentence = doc.slice(r.evidence.sentence_span).replace('\n', " ");
        let _ = writeln!(
            out,
            "\n#{} sentence {}: {}",
            r.event_id,
            r.sentence,
            sentence.trim()
        );
        let name = onto.cameo(&r.cameo).map(|c| c.name.as_str()).unwrap_or("?");
        let _ = writeln!(
            out,
            "  event    CAMEO {} {name} → PLOVER {}{} | QuadClass {}, Goldstein {:+.1}",
            r.cameo,
            r.plover.kind,
            r.plover
                .mode
                .as_deref()
                .map(|m| format!(" ({m})"))
                .unwrap_or_default(),
            r.quad_class,
            r.goldstein
        );
        let _ = writeln!(
            out,
            "  trigger  {:?} at {}..{} by rule {} (confidence {:.2}); modality {}",
            r.evidence.trigger.text,
            r.evidence.trigger.span.start,
            r.evidence.trigger.span.end,
            r.evidence.rule,
            r.evidence.confidence,
            r.modality
        );
        for (role, actor, via) in [
            ("source", &r.source, &r.evidence.source_via),
            ("target", &r.target, &r.evidence.target_via),
        ] {
            match actor {
                Some(a) => {
                    let _ = writeln!(
                        out,
                        "  {role}   {} {:?} at {}..{}{} via {} ({})",
                        a.code,
                        a.text,
                        a.span.start,
                        a.span.end,
                        a.entity
                            .as_deref()
                            .map(|e| format!(" [{e}]"))
                            .unwrap_or_default(),
                        via.as_deref().unwrap_or("?"),
                        if a.rule.is_empty() { "?" } else { &a.rule }
                    );
                }
                None => {
                    let _ = writeln!(out, "  {role}   none");
                }
            }
        }
        let _ = writeln!(
            out,
            "  when     {} ({}) — {}",
            r.date.as_deref().unwrap_or("unknown"),
            r.date_precision.as_deref().unwrap_or("-"),
            r.evidence.date_reason.as_deref().unwrap_or("no date found")
        );
        match &r.location {
            Some(l) => {
                let _ = writeln!(
                    out,
                    "  where    {} ({:.4}, {:.4}) {} {:?} — {}",
                    l.name,
                    l.lat,
                    l.lon,
                    l.country.as_deref().unwrap_or("?"),
                    l.precision,
                    l.reason
                );
            }
            None => {
                let _ = writeln!(out, "  where    unknown");
            }
        }
        if let Some(a) = &r.attribution {
            let mut chain = Vec::new();
            if !a.reported_by.is_empty() {
                chain.push(format!("reported by {}", a.reported_by.join(", ")));
            }
            if let Some(s) = &a.speaker {
                chain.push(format!(
                    "said by {s}{}",
                    a.speaker_code
                        .as_deref()
                        .map(|c| format!(" ({c})"))
                        .unwrap_or_default()
                ));
            }
            if let Some(h) = &a.handle {
                chain.push(format!("posted by {h}"));
            }
            if let Some(c) = &a.claimant {
                chain.push(format!("claimed by {c}"));
            }
            if let Some(h) = &a.hedge {
                chain.push(format!("hedged: {h:?}"));
            }
            if let Some(v) = &a.via {
                chain.push(format!("via {v}"));
            }
            let _ = writeln!(out, "  according to: {}", chain.join(" → "));
        }
        if let Some(c) = &r.casualties {
            let fmt = |n: &Option<annals_core::Count>| {
                n.as_ref()
                    .map(|c| format!("{} ({})", c.value, c.qualifier))
                    .unwrap_or_else(|| "-".into())
            };
            let _ = writeln!(
                out,
                "  casualties dead {}, injured {}, arrested {}",
                fmt(&c.dead),
                fmt(&c.injured),
                fmt(&c.arrested)
            );
        }
    }
    out
}
