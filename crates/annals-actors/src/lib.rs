//! annals-actors: recognizes who acts and who is acted upon, and codes them
//! CAMEO-style (ISO3 country + sector: `IRQGOV`, `USAMIL`, `IGOUNO`).
//!
//! * [`dictionary`] reads PETRARCH/TABARI actor and agent dictionaries
//!   ([`dictionary::ActorDictionary`], [`dictionary::AgentDictionary`]).
//! * [`Lexicon`] indexes dictionaries for matching; the embedded one is built
//!   from the data files in `data/` (countries, demonyms, capitals,
//!   organizations, armed groups, dated office holders, sector nouns).
//! * [`ActorCoder`] is the pipeline [`Component`](annals_core::Component): it
//!   matches the lexicon over each sentence, groups matches into noun phrases
//!   using POS tags and the dependency parse, codes each phrase (named actor,
//!   or country + sector), and resolves pronouns, definite descriptions and
//!   first-person speech to earlier actors; generic groups (`protesters`,
//!   `police`) take the country of the place or story. It fills `Doc::actors`.
//! * [`eval`] scores coded actors against gold annotations; [`bench`]
//!   measures the coder's throughput.
//!
//! ```
//! use annals_actors::ActorCoder;
//! use annals_core::{conllu, Component};
//!
//! let text = "# text = Iraqi security forces arrested protesters.\n\
//! 1\tIraqi\tIraqi\tADJ\tJJ\t_\t3\tamod\t_\t_\n\
//! 2\tsecurity\tsecurity\tNOUN\tNN\t_\t3\tcompound\t_\t_\n\
//! 3\tforces\tforce\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n\
//! 4\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n\
//! 5\tprotesters\tprotester\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No\n\
//! 6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
//! let mut doc = conllu::to_doc("d1", &conllu::parse(text).unwrap());
//! ActorCoder::embedded().process(&mut doc).unwrap();
//! let codes: Vec<&str> = doc.actors.iter().map(|a| a.code.code.as_str()).collect();
//! // Bare `protesters` take the country the story is about.
//! assert_eq!(codes, ["IRQCOP", "IRQOPP"]);
//! assert_eq!(doc.actors[0].text, "Iraqi security forces");
//! ```

pub mod bench;
mod coder;
pub mod dictionary;
pub mod eval;
pub mod lexicon;
mod matcher;
pub mod prefix_filter;

pub use coder::ActorCoder;
pub use lexicon::Lexicon;
