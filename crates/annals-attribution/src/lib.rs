//! annals-attribution: (being built)
