//! The CAMEO → ACLED crosswalk (hand-written: see `data/README.md`).

/// An ACLED event type and sub-event type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcledType {
    /// `Battles`, `Explosions/Remote violence`, `Violence against civilians`,
    /// `Protests`, `Riots` or `Strategic developments`.
    pub event_type: String,
    /// E.g. `Armed clash`, `Air/drone strike`, `Peaceful protest`, `Arrests`.
    pub sub_event_type: String,
    /// Why, and when the actor would change the choice (state vs non-state...).
    pub note: String,
}
