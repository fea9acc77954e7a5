//! annals-events: (being built)
