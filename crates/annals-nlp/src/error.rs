/// Errors from loading, training or running the linguistic models.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    /// A model file is truncated, has the wrong magic number or is inconsistent.
    #[error("model {what}: {message}")]
    BadModel { what: String, message: String },
    /// A training or lexicon file could not be read.
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A training file is malformed.
    #[error("{path}:{line}: {message}")]
    BadData {
        path: String,
        line: usize,
        message: String,
    },
}

impl NlpError {
    pub(crate) fn bad_model(what: &str, message: impl Into<String>) -> Self {
        NlpError::BadModel {
            what: what.to_owned(),
            message: message.into(),
        }
    }
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        NlpError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
