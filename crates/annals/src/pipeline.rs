//! The assembled pipeline: every stage, in order, over one [`Doc`].

use std::path::PathBuf;
use std::time::{Duration, Instant};

use annals_core::{Component, ComponentError, Doc, Document};

/// Failure to build the pipeline (a model or a user's file would not load).
#[derive(Debug, thiserror::Error)]
#[error("cannot load {what}: {message}")]
pub struct PipelineError {
    pub what: String,
    pub message: String,
}

fn load_err(what: impl Into<String>, e: impl std::fmt::Display) -> PipelineError {
    PipelineError {
        what: what.into(),
        message: e.to_string(),
    }
}

/// Everything a user can swap in for the embedded data.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// PETRARCH/TABARI actor dictionaries, merged over the embedded lexicon.
    pub actor_files: Vec<PathBuf>,
    /// PETRARCH/TABARI agent dictionaries, merged over the embedded lexicon.
    pub agent_files: Vec<PathBuf>,
    /// A PETRARCH verb dictionary (`CAMEO.2.0.txt` format): events are then
    /// coded by its patterns, over annals' own parse.
    pub verb_file: Option<PathBuf>,
    /// Extra entries for annals' own event lexicon.
    pub event_lexicon: Option<PathBuf>,
}

/// The stages of annals, in the order data flows through them.
pub struct Pipeline {
    stages: Vec<Box<dyn Component>>,
}

/// Wall time spent in each stage, summed over documents.
#[derive(Debug, Clone, Default)]
pub struct StageTimings {
    pub stages: Vec<(&'static str, Duration)>,
}

impl StageTimings {
    fn add(&mut self, i: usize, name: &'static str, d: Duration) {
        if self.stages.len() <= i {
            self.stages.resize(i + 1, (name, Duration::ZERO));
        }
        self.stages[i].0 = name;
        self.stages[i].1 += d;
    }
    /// Combine timings gathered on other threads.
    pub fn merge(&mut self, other: &StageTimings) {
        for (i, (name, d)) in other.stages.iter().enumerate() {
            self.add(i, name, *d);
        }
    }
}

impl Pipeline {
    /// The default pipeline, from the models and data compiled into annals.
    pub fn embedded() -> Result<Pipeline, PipelineError> {
        Pipeline::with_options(&PipelineOptions::default())
    }

    pub fn with_options(opts: &PipelineOptions) -> Result<Pipeline, PipelineError> {
        let mut stages: Vec<Box<dyn Component>> = vec![Box::new(annals_text::TextAnalyzer::new())];
        stages.push(Box::new(
            annals_nlp::Tagger::embedded().map_err(|e| load_err("tagger model", e))?,
        ));
        stages.push(Box::new(
            annals_parser::Parser::embedded().map_err(|e| load_err("parser model", e))?,
        ));
        stages.push(Box::new(
            annals_nlp::EntityRecognizer::embedded().map_err(|e| load_err("entity model", e))?,
        ));
        stages.push(Box::new(annals_attribution::QuoteFinder::new()));
        stages.push(Box::new(actor_coder(opts)?));
        match &opts.verb_file {
            Some(verbs) => stages.push(Box::new(
                annals_petrarch::PetrarchCoder::from_files(verbs, &[], &[], None)
                    .map_err(|e| load_err(verbs.display().to_string(), e))?,
            )),
            None => {
                let coder = match &opts.event_lexicon {
                    Some(p) => annals_events::EventCoder::with_lexicon_file(p)
                        .map_err(|e| load_err(p.display().to_string(), e))?,
                    None => annals_events::EventCoder::embedded(),
                };
                stages.push(Box::new(coder));
            }
        }
        stages.push(Box::new(
            annals_place::Geocoder::embedded().map_err(|e| load_err("gazetteer", e))?,
        ));
        stages.push(Box::new(annals_time::TimeResolver::new()));
        stages.push(Box::new(annals_attribution::Attributor::new()));
        Ok(Pipeline { stages })
    }

    /// A pipeline of the given stages (for tests and custom assemblies).
    pub fn from_stages(stages: Vec<Box<dyn Component>>) -> Pipeline {
        Pipeline { stages }
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Run every stage over one document.
    pub fn run(&self, document: Document) -> Result<Doc, ComponentError> {
        let mut doc = Doc::new(document);
        for s in &self.stages {
            s.process(&mut doc)?;
        }
        Ok(doc)
    }

    /// As [`Pipeline::run`], adding each stage's wall time to `timings`.
    pub fn run_timed(
        &self,
        document: Document,
        timings: &mut StageTimings,
    ) -> Result<Doc, ComponentError> {
        let mut doc = Doc::new(document);
        for (i, s) in self.stages.iter().enumerate() {
            let t = Instant::now();
            s.process(&mut doc)?;
            timings.add(i, s.name(), t.elapsed());
        }
        Ok(doc)
    }
}

impl Pipeline {
    /// Run a batch of documents stage by stage: every document through the
    /// tagger, then every document through the parser, and so on. Each
    /// stage's model tables then stay in cache for the whole batch instead
    /// of being evicted by the other stages after every document. Results
    /// are in input order; a document whose stage fails (or panics: a bug)
    /// is dropped from the later stages and reported alone.
    pub fn run_batch_timed(
        &self,
        documents: Vec<Document>,
        timings: &mut StageTimings,
    ) -> Vec<Result<Doc, ComponentError>> {
        let mut docs: Vec<Result<Doc, ComponentError>> =
            documents.into_iter().map(|d| Ok(Doc::new(d))).collect();
        for (i, s) in self.stages.iter().enumerate() {
            let t = Instant::now();
            for slot in docs.iter_mut() {
                if let Ok(doc) = slot {
                    if let Err(e) = process_guarded(s.as_ref(), doc) {
                        *slot = Err(e);
                    }
                }
            }
            timings.add(i, s.name(), t.elapsed());
        }
        docs
    }

    /// [`Pipeline::run_batch_timed`] without the timings.
    pub fn run_batch(&self, documents: Vec<Document>) -> Vec<Result<Doc, ComponentError>> {
        self.run_batch_timed(documents, &mut StageTimings::default())
    }
}

/// Run one stage on one document, turning a panic (a bug) into that
/// document's error so the rest of its batch goes on.
fn process_guarded(stage: &dyn Component, doc: &mut Doc) -> Result<(), ComponentError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stage.process(doc))) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            Err(ComponentError {
                component: stage.name(),
                message: format!("internal error (please report): {msg}"),
            })
        }
    }
}

fn actor_coder(opts: &PipelineOptions) -> Result<annals_actors::ActorCoder, PipelineError> {
    use annals_actors::dictionary::{ActorDictionary, AgentDictionary};
    if opts.actor_files.is_empty() && opts.agent_files.is_empty() {
        return Ok(annals_actors::ActorCoder::embedded());
    }
    let actors = opts
        .actor_files
        .iter()
        .map(|p| ActorDictionary::from_path(p).map_err(|e| load_err(p.display().to_string(), e)))
        .collect::<Result<Vec<_>, _>>()?;
    let agents = opts
        .agent_files
        .iter()
        .map(|p| AgentDictionary::from_path(p).map_err(|e| load_err(p.display().to_string(), e)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(annals_actors::ActorCoder::with_dictionaries(actors, agents))
}
