//! Scoring coded events against a gold file, exactly as `shared/gold/README.md`
//! defines it: per-document de-duplication, class match by CAMEO root or
//! PLOVER type, three levels (type, dyad, full), one-to-one matching with
//! required gold events first, then optional ones.

use std::collections::HashSet;
use std::fmt;

use annals_core::{EventRecord, MatchCounts};
use serde::Deserialize;

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// One gold event. Lists are alternatives; `None` sides match anything.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct GoldEvent {
    #[serde(default)]
    pub plover: Option<String>,
    #[serde(default)]
    pub root: Option<Vec<String>>,
    #[serde(default)]
    pub source: Option<Vec<GoldActor>>,
    #[serde(default)]
    pub target: Option<Vec<GoldActor>>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub optional: bool,
    /// Example files also state the expected modality, reporting agencies,
    /// channel and place; the scorer ignores these, tests read them.
    #[serde(default)]
    pub modality: Option<String>,
    #[serde(default)]
    pub reported_by: Option<Vec<String>>,
    #[serde(default)]
    pub via: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub struct GoldActor {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}

impl GoldActor {
    fn root(&self) -> Option<&str> {
        self.code.as_deref().and_then(|c| c.get(..3))
    }
}

/// Matching level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Type,
    Dyad,
    Full,
}

/// Counts at one level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// The same counts as gold, predicted and agreed items, whose P/R/F1
    /// the other evaluators share.
    fn matches(&self) -> MatchCounts {
        MatchCounts {
            gold: self.tp + self.fn_,
            predicted: self.tp + self.fp,
            correct: self.tp,
        }
    }
    pub fn precision(&self) -> f64 {
        self.matches().precision()
    }
    pub fn recall(&self) -> f64 {
        self.matches().recall()
    }
    pub fn f1(&self) -> f64 {
        self.matches().f1()
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores at the three levels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub type_: Counts,
    pub dyad: Counts,
    pub full: Counts,
}

impl Score {
    pub fn add(&mut self, o: Score) {
        self.type_.add(o.type_);
        self.dyad.add(o.dyad);
        self.full.add(o.full);
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "level   P      R      F1     (TP FP FN)")?;
        for (name, c) in [
            ("type", self.type_),
            ("dyad", self.dyad),
            ("full", self.full),
        ] {
            writeln!(
                f,
                "{name:<7} {:.3}  {:.3}  {:.3}  ({} {} {})",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )?;
        }
        Ok(())
    }
}

/// The fields of a prediction the scorer reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Pred {
    source_root: Option<String>,
    target_root: Option<String>,
    cameo_root: String,
    plover: String,
    date: Option<String>,
}

fn actor_root(a: &Option<annals_core::ActorRecord>) -> Option<String> {
    let a = a.as_ref()?;
    let c = a.country.as_deref().unwrap_or(&a.code);
    c.get(..3).map(str::to_owned)
}

fn class_matches(p: &Pred, g: &GoldEvent) -> bool {
    match &g.root {
        Some(roots) if !roots.is_empty() => roots.iter().any(|r| r == &p.cameo_root),
        _ => {
            let Some(gp) = g.plover.as_deref() else {
                return true;
            };
            if !p.plover.is_empty() {
                p.plover.eq_ignore_ascii_case(gp)
            } else {
                annals_ontology::root_plover_type(&p.cameo_root)
                    .is_some_and(|t| t.eq_ignore_ascii_case(gp))
            }
        }
    }
}

fn side_matches(pred: &Option<String>, gold: &Option<Vec<GoldActor>>) -> bool {
    match gold {
        None => true,
        Some(list) => match pred {
            Some(r) => list.iter().any(|a| a.root() == Some(r.as_str())),
            None => false,
        },
    }
}

fn matches(p: &Pred, g: &GoldEvent, level: Level) -> bool {
    if !class_matches(p, g) {
        return false;
    }
    if level == Level::Type {
        return true;
    }
    if !side_matches(&p.source_root, &g.source) || !side_matches(&p.target_root, &g.target) {
        return false;
    }
    if level == Level::Dyad {
        return true;
    }
    match &g.date {
        Some(d) => p.date.as_deref() == Some(d.as_str()),
        None => true,
    }
}

/// Predictions de-duplicated on (source root, target root, class, date), with
/// the index of the record each one came from.
fn dedup(predicted: &[EventRecord]) -> Vec<(usize, Pred)> {
    let mut seen = HashSet::new();
    predicted
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = Pred {
                source_root: actor_root(&r.source),
                target_root: actor_root(&r.target),
                cameo_root: r.cameo.get(..2).unwrap_or("").to_owned(),
                plover: r.plover.kind.clone(),
                date: r.date.clone(),
            };
            (i, p)
        })
        .filter(|(_, p)| seen.insert(p.clone()))
        .collect()
}

/// One-to-one matching at `level`: required gold events first, then optional
/// ones, each taking the first unused prediction that matches. Returns
/// (gold index, index into `preds`) pairs and which predictions were used.
fn match_level(
    gold: &[GoldEvent],
    preds: &[(usize, Pred)],
    level: Level,
) -> (Vec<(usize, usize)>, Vec<bool>) {
    let mut used = vec![false; preds.len()];
    let mut pairs = Vec::new();
    for optional in [false, true] {
        for (gi, g) in gold
            .iter()
            .enumerate()
            .filter(|(_, g)| g.optional == optional)
        {
            if let Some(i) = (0..preds.len()).find(|&i| !used[i] && matches(&preds[i].1, g, level))
            {
                used[i] = true;
                pairs.push((gi, i));
            }
        }
    }
    (pairs, used)
}

/// Score one document's predictions against its gold events.
pub fn score_document(gold: &[GoldEvent], predicted: &[EventRecord]) -> Score {
    let preds = dedup(predicted);
    let level = |level: Level| {
        let (pairs, used) = match_level(gold, &preds, level);
        let tp = pairs.iter().filter(|(g, _)| !gold[*g].optional).count();
        let required = gold.iter().filter(|g| !g.optional).count();
        Counts {
            tp,
            fn_: required - tp,
            fp: used.iter().filter(|u| !**u).count(),
        }
    };
    Score {
        type_: level(Level::Type),
        dyad: level(Level::Dyad),
        full: level(Level::Full),
    }
}

/// How many of the gold events that state an expected modality, channel
/// (`via`), reporting agencies or place got them right, among those matched
/// at the dyad level (unmatched required ones count as wrong; unmatched
/// optional ones are not counted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributionScore {
    pub expected: usize,
    pub matched: usize,
    pub right: usize,
    /// One line per expectation not met: the gold event and what differed.
    pub misses: Vec<String>,
}

impl AttributionScore {
    pub fn add(&mut self, o: AttributionScore) {
        self.expected += o.expected;
        self.matched += o.matched;
        self.right += o.right;
        self.misses.extend(o.misses);
    }
}

/// `plover root src>tgt` of a gold event, for diagnostics.
fn describe_gold(g: &GoldEvent) -> String {
    let actors = |a: &Option<Vec<GoldActor>>| {
        a.as_ref()
            .map(|v| {
                v.iter()
                    .map(|x| x.code.as_deref().or(x.text.as_deref()).unwrap_or("?"))
                    .collect::<Vec<_>>()
                    .join("+")
            })
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "-".into())
    };
    format!(
        "{} {} {}>{}",
        g.plover.as_deref().unwrap_or("?"),
        g.root.as_ref().map(|r| r.join("|")).unwrap_or_default(),
        actors(&g.source),
        actors(&g.target)
    )
}

impl fmt::Display for AttributionScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "attribution/modality/place: {} of {} stated expectations right ({} events found)",
            self.right, self.expected, self.matched
        )
    }
}

/// Check the modality, channel, agencies and place stated in gold events.
pub fn score_attribution(gold: &[GoldEvent], predicted: &[EventRecord]) -> AttributionScore {
    let preds = dedup(predicted);
    let (pairs, _) = match_level(gold, &preds, Level::Dyad);
    let mut s = AttributionScore::default();
    for (gi, g) in gold.iter().enumerate() {
        let has = g.modality.is_some()
            || g.via.is_some()
            || g.reported_by.is_some()
            || g.location.is_some();
        if !has {
            continue;
        }
        let Some(&(_, pi)) = pairs.iter().find(|(x, _)| *x == gi) else {
            // An optional event that was not coded states nothing to check.
            if !g.optional {
                s.expected += 1;
                s.misses
                    .push(format!("{}: not found at dyad level", describe_gold(g)));
            }
            continue;
        };
        s.expected += 1;
        s.matched += 1;
        let r = &predicted[preds[pi].0];
        let att = r.attribution.clone().unwrap_or_default();
        let ok_modality = g
            .modality
            .as_deref()
            .is_none_or(|m| r.modality.as_str() == m);
        let ok_via = g
            .via
            .as_deref()
            .is_none_or(|v| att.via.as_deref() == Some(v));
        let ok_reported = g.reported_by.as_ref().is_none_or(|want| {
            want.iter()
                .all(|w| att.reported_by.iter().any(|h| h.eq_ignore_ascii_case(w)))
        });
        let ok_place = g.location.as_deref().is_none_or(|want| {
            r.location
                .as_ref()
                .is_some_and(|l| l.name.eq_ignore_ascii_case(want))
        });
        if ok_modality && ok_via && ok_reported && ok_place {
            s.right += 1;
        } else {
            let mut why = Vec::new();
            if !ok_modality {
                why.push(format!(
                    "modality {} (want {})",
                    r.modality.as_str(),
                    g.modality.as_deref().unwrap_or("")
                ));
            }
            if !ok_via {
                why.push(format!(
                    "via {:?} (want {})",
                    att.via,
                    g.via.as_deref().unwrap_or("")
                ));
            }
            if !ok_reported {
                why.push(format!(
                    "reported_by {:?} (want {:?})",
                    att.reported_by,
                    g.reported_by.as_deref().unwrap_or_default()
                ));
            }
            if !ok_place {
                why.push(format!(
                    "location {:?} (want {})",
                    r.location.as_ref().map(|l| l.name.as_str()),
                    g.location.as_deref().unwrap_or("")
                ));
            }
            s.misses
                .push(format!("{}: {}", describe_gold(g), why.join("; ")));
        }
    }
    s
}

/// Read a gold file (one JSON document per line). Errors name the line.
pub fn read_gold(name: &str, text: &str) -> Result<Vec<GoldDoc>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc =
            serde_json::from_str(line).map_err(|e| format!("{name}:{}: {e}", i + 1))?;
        out.push(doc);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(cameo: &str, plover: &str, src: Option<&str>, tgt: Option<&str>) -> EventRecord {
        let actor = |c: Option<&str>| {
            c.map(|c| annals_core::ActorRecord {
                text: c.into(),
                span: Default::default(),
                code: c.into(),
                country: Some(c[..3].into()),
                sector: None,
                entity: None,
                patron: None,
                rule: String::new(),
            })
        };
        serde_json::from_value(serde_json::json!({
            "doc_id": "d", "event_id": "d-1", "sentence": 0, "date": "2019-12-29",
            "date_precision": "day", "source": actor(src), "target": actor(tgt),
            "cameo": cameo, "plover": {"type": plover, "mode": null}, "quad_class": 4,
            "goldstein": -10.0, "location": null, "attribution": null, "modality": "asserted",
            "evidence": {"trigger": {"text": "x", "span": [0, 1]}, "rule": "r",
                          "confidence": 1.0, "sentence_span": [0, 1]}
        }))
        .unwrap()
    }

    fn gold(line: &str) -> Vec<GoldEvent> {
        read_gold("g", line).unwrap().remove(0).events
    }

    #[test]
    fn levels_and_dedup() {
        let g = gold(
            r#"{"id":"d","events":[{"plover":"ASSAULT","root":["19","18"],"source":[{"code":"USA"}],"target":[{"code":"IRQ"}],"date":"2019-12-29"}]}"#,
        );
        // Two identical predictions de-duplicate to one; right class, wrong target.
        let p = vec![
            record("195", "ASSAULT", Some("USAMIL"), Some("IRN")),
            record("195", "ASSAULT", Some("USAMIL"), Some("IRN")),
        ];
        let s = score_document(&g, &p);
        assert_eq!(
            s.type_,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.dyad,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        let s = score_document(
            &g,
            &[record("195", "ASSAULT", Some("USAMIL"), Some("IRQREB"))],
        );
        assert_eq!(s.full.tp, 1);
    }

    #[test]
    fn optional_events_are_neither_missed_nor_extra() {
        let g = gold(
            r#"{"id":"d","events":[{"plover":"PROTEST","optional":true},{"plover":"ACCUSE","source":null,"target":null}]}"#,
        );
        let s = score_document(&g, &[record("141", "PROTEST", Some("IRQ"), None)]);
        assert_eq!(
            s.type_,
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        // Class by PLOVER type when gold has no root; by root mapping when the prediction lacks a type.
        let s = score_document(&g, &[record("112", "", None, None)]);
        assert_eq!(s.type_.tp, 1);
    }
}

/// Actor coding accuracy over the gold actors that state their text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActorScore {
    /// Gold actors with a text and a code.
    pub total: usize,
    /// A predicted actor overlaps the gold text.
    pub found: usize,
    /// ... and has the gold country root.
    pub country: usize,
    /// ... and the gold country root and sector.
    pub full: usize,
}

impl ActorScore {
    pub fn add(&mut self, o: ActorScore) {
        self.total += o.total;
        self.found += o.found;
        self.country += o.country;
        self.full += o.full;
    }
}

impl fmt::Display for ActorScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "actors: {} gold, found {:.1}%, country root {:.1}%, country+sector {:.1}%",
            self.total,
            100.0 * ratio(self.found, self.total),
            100.0 * ratio(self.country, self.total),
            100.0 * ratio(self.full, self.total)
        )
    }
}

/// Score the actors annals coded in `doc` against the gold actors of `gold`
/// that give their surface text: the predicted actor overlapping the text's
/// first occurrence is compared on country root and sector.
pub fn score_actors(doc: &annals_core::Doc, gold: &[GoldEvent]) -> ActorScore {
    let mut seen = HashSet::new();
    let mut s = ActorScore::default();
    let lower = doc.text().to_lowercase();
    let same_len = lower.len() == doc.text().len();
    for a in gold
        .iter()
        .flat_map(|g| g.source.iter().chain(g.target.iter()).flatten())
    {
        let (Some(text), Some(code)) = (a.text.as_deref(), a.code.as_deref()) else {
            continue;
        };
        if !seen.insert((text.to_owned(), code.to_owned())) {
            continue;
        }
        s.total += 1;
        let needle = text.to_lowercase();
        let Some(start) = (if same_len {
            lower.find(&needle)
        } else {
            doc.text().find(text)
        }) else {
            continue;
        };
        let span = annals_core::Span::new(start, start + needle.len());
        let best = doc
            .actors
            .iter()
            .filter(|m| m.span.overlaps(span))
            .max_by_key(|m| m.span.end.min(span.end) - m.span.start.max(span.start));
        let Some(m) = best else { continue };
        s.found += 1;
        if m.code.root() == code.get(..3) {
            s.country += 1;
            if m.code.sector.as_deref() == a.sector.as_deref() {
                s.full += 1;
            }
        }
    }
    s
}
