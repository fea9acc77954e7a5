//! annals-io: (being built)
