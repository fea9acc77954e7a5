//! Writing event records: JSON Lines (the full record), CSV and TSV (a flat
//! selection of columns, one event per row).

use std::io::Write;

use annals_core::EventRecord;

/// Output layout of `annals code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Json,
    Csv,
    Tsv,
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "json" | "jsonl" => Ok(OutputFormat::Json),
            "csv" => Ok(OutputFormat::Csv),
            "tsv" => Ok(OutputFormat::Tsv),
            other => Err(format!("unknown format {other:?} (json, csv or tsv)")),
        }
    }
}

/// Flat columns of CSV/TSV output, in order.
pub const COLUMNS: &[&str] = &[
    "doc_id",
    "event_id",
    "sentence",
    "date",
    "date_precision",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "cameo",
    "plover_type",
    "plover_mode",
    "quad_class",
    "goldstein",
    "modality",
    "location_name",
    "location_lat",
    "location_lon",
    "location_country",
    "reported_by",
    "speaker",
    "via",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "confidence",
];

/// Writes records one at a time to any `Write`.
pub struct RecordWriter<W: Write> {
    format: OutputFormat,
    csv: Option<csv::Writer<W>>,
    plain: Option<W>,
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, format: OutputFormat) -> std::io::Result<Self> {
        match format {
            OutputFormat::Json => Ok(RecordWriter {
                format,
                csv: None,
                plain: Some(out),
            }),
            OutputFormat::Csv | OutputFormat::Tsv => {
                let delim = if format == OutputFormat::Csv {
                    b','
                } else {
                    b'\t'
                };
                let mut w = csv::WriterBuilder::new().delimiter(delim).from_writer(out);
                w.write_record(COLUMNS).map_err(std::io::Error::other)?;
                Ok(RecordWriter {
                    format,
                    csv: Some(w),
                    plain: None,
                })
            }
        }
    }

    pub fn write(&mut self, r: &EventRecord) -> std::io::Result<()> {
        if let Some(out) = self.plain.as_mut() {
            serde_json::to_writer(&mut *out, r).map_err(std::io::Error::other)?;
            return out.write_all(b"\n");
        }
        let Some(w) = self.csv.as_mut() else {
            return Ok(());
        };
        let tsv = self.format == OutputFormat::Tsv;
        // TSV has no quoting convention readers agree on: flatten tabs and newlines.
        let clean = |s: &str| {
            if tsv {
                s.replace(['\t', '\n', '\r'], " ")
            } else {
                s.to_owned()
            }
        };
        let opt = |s: &Option<String>| s.as_deref().map(clean).unwrap_or_default();
        let side = |a: &Option<annals_core::ActorRecord>| match a {
            Some(a) => [
                clean(&a.text),
                a.code.clone(),
                opt(&a.country),
                opt(&a.sector),
            ],
            None => Default::default(),
        };
        let [st, sc, scc, ss] = side(&r.source);
        let [tt, tc, tcc, ts] = side(&r.target);
        let loc = r.location.as_ref();
        let att = r.attribution.as_ref();
        let row = [
            clean(&r.doc_id),
            clean(&r.event_id),
            r.sentence.to_string(),
            opt(&r.date),
            opt(&r.date_precision),
            st,
            sc,
            scc,
            ss,
            tt,
            tc,
            tcc,
            ts,
            r.cameo.clone(),
            r.plover.kind.clone(),
            opt(&r.plover.mode),
            r.quad_class.to_string(),
            r.goldstein.to_string(),
            r.modality.to_string(),
            loc.map(|l| clean(&l.name)).unwrap_or_default(),
            loc.map(|l| format!("{:.5}", l.lat)).unwrap_or_default(),
            loc.map(|l| format!("{:.5}", l.lon)).unwrap_or_default(),
            loc.and_then(|l| l.country.clone()).unwrap_or_default(),
            att.map(|a| clean(&a.reported_by.join(";")))
                .unwrap_or_default(),
            att.and_then(|a| a.speaker.as_deref().map(clean))
                .unwrap_or_default(),
            att.and_then(|a| a.via.clone()).unwrap_or_default(),
            clean(&r.evidence.trigger.text),
            r.evidence.trigger.span.start.to_string(),
            r.evidence.trigger.span.end.to_string(),
            clean(&r.evidence.rule),
            format!("{:.2}", r.evidence.confidence),
        ];
        w.write_record(&row).map_err(std::io::Error::other)
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        if let Some(w) = self.csv.as_mut() {
            w.flush()?;
        }
        if let Some(w) = self.plain.as_mut() {
            w.flush()?;
        }
        Ok(())
    }
}
