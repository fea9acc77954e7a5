//! annals-parser: a fast greedy dependency parser producing Universal
//! Dependencies trees (heads and relations such as `nsubj`, `obj`, `obl:agent`).
//!
//! - [`Parser`] holds a trained model and implements
//!   [`annals_core::Component`]: for every sentence of a [`annals_core::Doc`] it
//!   reads each token's `text`, `upos` and `xpos` (set by the nlp tagger) and
//!   fills `head` (0-based within the sentence, `None` for the root) and `deprel`.
//! - The parser is transition-based (arc-eager with the root at the end, one
//!   left-to-right greedy pass) with two averaged-perceptron classifiers over
//!   hashed features: one picks the transition (shift, reduce, left or right
//!   arc; Zhang & Nivre (2011) templates), the other the relation of each arc
//!   as it is made. Both are trained with a dynamic oracle on jackknifed
//!   (predicted) tags; the model is a compact binary file of quantized
//!   weights (`models/parser.bin`, compiled in and loaded by
//!   [`Parser::embedded`]). Splitting the decision keeps the transition
//!   weights dense and small (four classes in an 8-byte slot), which is what
//!   makes the parser fast: its time goes into table lookups.
//! - [`train`] builds a model from CoNLL-U treebanks ([`train::train_and_save`]
//!   for the standard EWT + GUM model, EWT dev included) and [`evaluate`] scores one against gold
//!   trees ([`ParseScores`]: UAS and LAS).
//! - After the greedy pass, shapes UD rules out are repaired (`repair`): a
//!   verb with two subjects in `X verb-ed ..., Y said` gets its reported
//!   clause back; quote marks and brackets attach to the head of the
//!   phrase they enclose, as UD attaches them.
//! - [`bench`] measures load time and parsing speed.
//!
//! ```
//! use annals_core::{conllu, Component};
//! use annals_parser::Parser;
//!
//! // A tagged sentence (gold tags here; the nlp tagger provides them in the pipeline).
//! let text = "1\tPolice\t_\tNOUN\tNNS\t_\t0\t_\t_\t_\n\
//!             2\tarrested\t_\tVERB\tVBD\t_\t0\t_\t_\t_\n\
//!             3\tprotesters\t_\tNOUN\tNNS\t_\t0\t_\t_\t_\n\
//!             4\t.\t_\tPUNCT\t.\t_\t0\t_\t_\t_\n";
//! let mut doc = conllu::to_doc("d", &conllu::parse(text).unwrap());
//! let parser = Parser::embedded().unwrap();
//! parser.process(&mut doc).unwrap();
//! assert_eq!(doc.tokens[1].head, None); // "arrested" is the root
//! assert_eq!(doc.tokens[0].head, Some(1));
//! assert_eq!(doc.tokens[0].deprel, "nsubj");
//! assert_eq!((doc.tokens[2].head, doc.tokens[2].deprel.as_str()), (Some(1), "obj"));
//! ```

pub mod bench;
mod eval;
mod features;
mod model;
mod parser;
mod repair;
mod system;
pub mod train;

pub use eval::{evaluate, ParseScores};
pub use parser::Parser;

/// Errors loading, training or evaluating a parser model.
#[derive(Debug, thiserror::Error)]
pub enum ParserError {
    #[error("parser model {source_name}: {message}")]
    Model {
        source_name: String,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Conllu {
        path: String,
        #[source]
        source: annals_core::conllu::ConlluError,
    },
    #[error("parser training: {0}")]
    Training(String),
    #[error("tagger failed during parser evaluation: {0}")]
    Tagger(String),
}
