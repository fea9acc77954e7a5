//! Errors of the event coder.

/// What can go wrong building an [`crate::EventCoder`]: a malformed lexicon or
/// discard file (named with its line), or one that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    #[error("{origin}: line {line}: {message}")]
    Lexicon {
        origin: String,
        line: usize,
        message: String,
    },
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}
