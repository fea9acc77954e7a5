//! annals-time: (being built)
