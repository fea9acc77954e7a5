//! One module per subcommand; each has `Args` (clap) and `run`.
pub mod bench;
pub mod code;
pub mod eval;
pub mod eval_nlp;
pub mod parse;
pub mod petrarch;
pub mod places;
pub mod times;
pub mod train;
