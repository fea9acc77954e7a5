//! `annals`: the command line. Thin by design: each subcommand parses its
//! arguments, calls the library, and adds file/line context to errors.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cmd;

#[derive(Parser)]
#[command(
    name = "annals",
    version,
    about = "News articles to political event data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into event records (JSON Lines, CSV or TSV).
    Code(cmd::code::Args),
    /// Score the coder against a gold file (type / dyad / full P, R, F1).
    Eval(cmd::eval::Args),
    /// Print throughput and memory figures on a corpus or a generated one.
    Bench(cmd::bench::Args),
    /// Tokenize, tag, parse and tag entities; write CoNLL-U.
    Parse(cmd::parse::Args),
    /// Score the linguistic models on the treebanks in ../shared/corpora.
    EvalNlp(cmd::eval_nlp::Args),
    /// Retrain every linguistic model from ../shared/corpora.
    Train(cmd::train::Args),
    /// Print every place mention, resolved against the gazetteer.
    Places(cmd::places::Args),
    /// Print every temporal expression with its normalized value.
    Times(cmd::times::Args),
    /// Run PETRARCH2's unit-test records with their validation dictionaries.
    PetrarchValidate(cmd::petrarch::Args),
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Parse(a) => cmd::parse::run(a),
        Command::EvalNlp(a) => cmd::eval_nlp::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Places(a) => cmd::places::run(a),
        Command::Times(a) => cmd::times::run(a),
        Command::PetrarchValidate(a) => cmd::petrarch::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("annals: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`annals code | head`)
/// would panic; restore the default so annals ends quietly like other tools.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is a
    // valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The pipeline makes many small, short-lived allocations (token strings,
/// per-sentence vectors); mimalloc serves them ~15% faster end to end than
/// the system allocator (`annals bench`, MB per CPU-second). The choice
/// belongs to the binary: the library crates leave it to their users.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
