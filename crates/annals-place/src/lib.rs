//! annals-place: (being built)
