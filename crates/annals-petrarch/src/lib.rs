//! annals-petrarch: PETRARCH/TABARI dictionaries applied over annals' own parse.
//!
//! - [`VerbDictionary`] reads a PETRARCH verb dictionary (`CAMEO.2.0.txt`
//!   format): synonym sets ([`Synset`]), verb blocks ([`VerbBlock`]) with their
//!   verbs ([`Verb`], multi-word ones included) and patterns ([`Pattern`],
//!   built of [`Element`]s), and verb–verb [`Transformation`]s. Malformed lines
//!   are errors naming the file and line.
//! - [`DiscardList`] reads the discard list (sentence and story discards).
//! - [`PetrarchCoder`] is the [`annals_core::Component`] that codes events:
//!   it reads tokens (form, lemma, UPOS, heads when present) and actors from
//!   the `Doc` — or tags actors itself from PETRARCH actor/agent dictionaries —
//!   and pushes [`annals_core::Event`]s with CAMEO code, PLOVER type, Goldstein
//!   score and the dictionary line that fired. [`CodingOptions`] holds
//!   PETRARCH's switches (`require_dyad`, `new_actor_length`) and whether
//!   words match through their lemma (`stem`).
//! - [`validate`] reads PETRARCH's unit-test records (with their `<Config>`
//!   options) and scores a coder on them.
//!
//! ```
//! use annals_core::{conllu, Component};
//! use annals_petrarch::{PetrarchCoder, VerbDictionary};
//! use annals_actors::dictionary::parse_actors;
//!
//! let verbs = VerbDictionary::parse(
//!     "--- ACCUSE [112] ---\nACCUSE\n- * + (OF &CRIME) [1121]\n&CRIME\n+CORRUPTION\n",
//!     "verbs.txt",
//! ).unwrap();
//! let actors = parse_actors("ARNOR [ARN]\nGONDOR [GON]\n", "actors.txt").unwrap();
//! let coder = PetrarchCoder::new(verbs).with_actor_dictionaries(vec![actors], vec![]);
//!
//! let text = "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
//!             2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_\n\
//!             3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\
//!             4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_\n\
//!             5\tcorruption\tcorruption\tNOUN\tNN\t_\t2\tobl\t_\t_\n";
//! let mut doc = conllu::to_doc("d1", &conllu::parse(text).unwrap());
//! coder.process(&mut doc).unwrap();
//! assert_eq!(doc.events[0].cameo, "1121");
//! assert_eq!(doc.actors[doc.events[0].target.as_ref().unwrap().actor].code.code, "GON");
//! ```

mod actors;
mod coder;
mod discards;
mod error;
mod matcher;
mod new_actors;
mod options;
pub mod pattern;
pub mod validate;
pub mod verbs;

pub use coder::PetrarchCoder;
pub use discards::{Discard, DiscardHit, DiscardList};
pub use error::PetrarchError;
pub use options::CodingOptions;
pub use pattern::{Element, EventCode, Item, Pattern};
pub use verbs::{Synset, Transformation, Verb, VerbBlock, VerbDictionary};
