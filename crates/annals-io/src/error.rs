/// Why one input (or one article inside it) could not be read.
///
/// Every variant names the input, and the line where it applies, so a batch
/// can report it on one line and go on.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{input}: cannot read: {message}")]
    Io { input: String, message: String },
    #[error("{input}: empty input")]
    Empty { input: String },
    #[error("{input}: binary data, not text (NUL byte at offset {offset})")]
    Binary { input: String, offset: usize },
    #[error("{input}:{line}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        input: String,
        line: usize,
        offset: usize,
    },
    #[error("{input}: {size} bytes is over the {limit}-byte limit for one document")]
    TooLarge {
        input: String,
        size: usize,
        limit: usize,
    },
    #[error("{input}:{line}: {message}")]
    Malformed {
        input: String,
        line: usize,
        message: String,
    },
}
