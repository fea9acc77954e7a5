//! annals-text: (being built)
