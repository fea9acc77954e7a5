//! annals-nlp: (being built)
