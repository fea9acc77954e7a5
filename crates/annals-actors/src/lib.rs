//! annals-actors: (being built)
