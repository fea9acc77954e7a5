//! Event ontologies for annals: CAMEO codes, PLOVER 0.8 types, and an ACLED crosswalk.
//!
//! The one type to know is [`Ontology`]: it holds every CAMEO code
//! ([`CameoCode`]: name, Goldstein score, QuadClass), the CAMEO → PLOVER
//! crosswalk ([`PloverCoding`]: type, mode, contexts), the 16 PLOVER types with
//! their modes ([`PloverType`], [`PloverMode`]) and contexts ([`PloverContext`]),
//! and a CAMEO → ACLED event/sub-event mapping ([`AcledType`]).
//!
//! The tables are data files in `data/`, compiled in and parsed once by
//! [`Ontology::embedded`]. Most of them are generated from the reference sources
//! (CAMEO codebook, GDELT Goldstein table, PLOVER manual and crosswalk) by the
//! functions in [`generate`]; the ACLED mapping is written by hand. A user's own
//! tables can replace them through [`Ontology::from_texts`].
//!
//! ```
//! use annals_ontology::Ontology;
//! let onto = Ontology::embedded();
//! let arrest = onto.cameo("173").unwrap();
//! assert_eq!(arrest.quad_class, 4);
//! assert!(arrest.goldstein < 0.0);
//! assert_eq!(onto.plover("1411"), Some(("PROTEST", Some("demo"))));
//! assert_eq!(onto.acled("1831").unwrap().sub_event_type, "Suicide bomb");
//! ```

mod acled;
mod cameo;
mod error;
pub mod generate;
mod ontology;
mod plover;
mod table;

pub use acled::AcledType;
pub use cameo::{quad_class_of_root, CameoCode};
pub use error::OntologyError;
pub use ontology::Ontology;
pub use plover::{root_plover_type, PloverCoding, PloverContext, PloverMode, PloverType};
