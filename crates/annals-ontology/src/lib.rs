//! annals-ontology: (being built)
