use crate::Doc;

/// Failure of one pipeline stage on one document.
#[derive(Debug, thiserror::Error)]
#[error("{component}: {message}")]
pub struct ComponentError {
    pub component: &'static str,
    pub message: String,
}

/// A pipeline stage: reads earlier layers of a [`Doc`] and adds its own.
///
/// Components are shared across threads (documents are coded in parallel), so
/// they hold only immutable models and lexicons.
pub trait Component: Send + Sync {
    /// Short stable name, used in timings and error messages.
    fn name(&self) -> &'static str;
    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError>;
}
