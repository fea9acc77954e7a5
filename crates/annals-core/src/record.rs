use serde::{Deserialize, Serialize};

use crate::{Attribution, Casualties, Doc, Event, Location, Modality, Span};

/// An actor as written in an output record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub text: String,
    pub span: Span,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patron: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PloverRecord {
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerRecord {
    pub text: String,
    pub span: Span,
}

/// Why each field was coded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    pub trigger: TriggerRecord,
    pub rule: String,
    pub confidence: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_reason: Option<String>,
    /// The sentence, for readers who want context without the document.
    pub sentence_span: Span,
}

/// One event as written to JSON Lines / CSV / TSV: the output contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc_id: String,
    pub event_id: String,
    pub sentence: usize,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub cameo: String,
    pub plover: PloverRecord,
    pub quad_class: u8,
    pub goldstein: f32,
    pub location: Option<Location>,
    pub attribution: Option<Attribution>,
    pub modality: Modality,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casualties: Option<Casualties>,
    pub evidence: EvidenceRecord,
}

impl EventRecord {
    pub fn from_event(doc: &Doc, index: usize, e: &Event) -> Self {
        let actor = |arg: &Option<crate::EventArg>| {
            arg.as_ref()
                .and_then(|a| doc.actors.get(a.actor))
                .map(|m| ActorRecord {
                    text: m.text.clone(),
                    span: m.span,
                    code: m.code.code.clone(),
                    country: m.code.country.clone(),
                    sector: m.code.sector.clone(),
                    entity: m.entity.clone(),
                    patron: m.patron.clone(),
                    rule: m.rule.clone(),
                })
        };
        let sentence_span = doc
            .sentences
            .get(e.sentence)
            .map(|s| s.span)
            .unwrap_or_default();
        EventRecord {
            doc_id: doc.document.id.clone(),
            event_id: format!("{}-{}", doc.document.id, index + 1),
            sentence: e.sentence,
            date: e.date.map(|d| d.format("%Y-%m-%d").to_string()),
            date_precision: e.date_precision.map(|p| {
                serde_json::to_value(p)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            }),
            source: actor(&e.source),
            target: actor(&e.target),
            cameo: e.cameo.clone(),
            plover: PloverRecord {
                kind: e.plover_type.clone(),
                mode: e.plover_mode.clone(),
            },
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            location: e.location.clone(),
            attribution: (!e.attribution.is_empty()).then(|| e.attribution.clone()),
            modality: e.modality,
            casualties: (!e.casualties.is_empty()).then(|| e.casualties.clone()),
            evidence: EvidenceRecord {
                trigger: TriggerRecord {
                    text: doc.slice(e.trigger).to_owned(),
                    span: e.trigger,
                },
                rule: e.rule.clone(),
                confidence: e.confidence,
                source_via: e.source.as_ref().map(|a| a.via.clone()),
                target_via: e.target.as_ref().map(|a| a.via.clone()),
                date_reason: e.date_reason.clone(),
                sentence_span,
            },
        }
    }
}
