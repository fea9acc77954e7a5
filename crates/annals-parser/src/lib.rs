//! annals-parser: (being built)
