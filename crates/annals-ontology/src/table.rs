//! The tab-separated table format shared by the data files: `#` comment lines,
//! blank lines ignored, a fixed number of columns.

use crate::OntologyError;

/// Rows of a TSV table with their 1-based line numbers; each row has exactly
/// `columns` fields (missing trailing fields are an error, never a panic).
pub(crate) fn rows<'a>(
    table: &'a str,
    text: &'a str,
    columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), OntologyError>> + 'a {
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() != columns {
            return Some(Err(OntologyError::malformed(
                table,
                i + 1,
                format!(
                    "expected {columns} tab-separated fields, found {}",
                    fields.len()
                ),
            )));
        }
        Some(Ok((i + 1, fields)))
    })
}

pub(crate) fn opt(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_owned())
}

pub(crate) fn parse_f32(table: &str, line: usize, field: &str) -> Result<f32, OntologyError> {
    field
        .parse()
        .map_err(|_| OntologyError::malformed(table, line, format!("not a number: {field:?}")))
}
