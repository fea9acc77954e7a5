//! annals: (being built)
