/// A table that could not be read: which table, which line, and why.
#[derive(Debug, thiserror::Error)]
pub enum OntologyError {
    #[error("{table}:{line}: {message}")]
    Malformed {
        table: String,
        line: usize,
        message: String,
    },
    #[error("{source_name}: {message}")]
    Source {
        source_name: String,
        message: String,
    },
}

impl OntologyError {
    pub(crate) fn malformed(table: &str, line: usize, message: impl Into<String>) -> Self {
        OntologyError::Malformed {
            table: table.to_owned(),
            line,
            message: message.into(),
        }
    }

    pub(crate) fn source(source_name: &str, message: impl Into<String>) -> Self {
        OntologyError::Source {
            source_name: source_name.to_owned(),
            message: message.into(),
        }
    }
}
