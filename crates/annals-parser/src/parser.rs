//! [`Parser`]: a loaded model that assigns heads and relations to sentences.

use std::path::Path;

use annals_core::{Component, ComponentError, Doc, Token};

use crate::features::{self, Word, FEATURE_VERSION, N_FEATURES};
use crate::model::{ModelData, Weights};
use crate::system::{Actions, State, NONE};
use crate::ParserError;

/// The model compiled into the crate (`models/parser.bin`).
static EMBEDDED_MODEL: &[u8] = include_bytes!("../models/parser.bin");

/// A greedy arc-eager dependency parser with an averaged-perceptron model.
///
/// Immutable once loaded, so one `Parser` can serve many threads.
#[derive(Debug, Clone)]
pub struct Parser {
    labels: Vec<String>,
    actions: Actions,
    weights: Weights,
    scale: f32,
    punct_label: u8,
    fallback_label: u8,
}

/// Reusable buffers for parsing one sentence after another.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub state: State,
    pub words: Vec<Word>,
    pub is_punct: Vec<bool>,
    pub text: String,
    pub scores: Vec<i32>,
    pub valid: Vec<bool>,
}

impl Parser {
    /// The model shipped with annals, trained on UD English EWT and GUM.
    pub fn embedded() -> Result<Parser, ParserError> {
        Parser::from_bytes(EMBEDDED_MODEL, "embedded parser model")
    }

    /// Load a model from its binary form; `source_name` names it in errors.
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Parser, ParserError> {
        let data = ModelData::from_bytes(bytes, source_name)?;
        Parser::from_data(data, source_name)
    }

    /// Load a model file written by [`Parser::save`] or `train::train_and_save`.
    pub fn from_path(path: &Path) -> Result<Parser, ParserError> {
        let bytes = std::fs::read(path).map_err(|e| ParserError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        Parser::from_bytes(&bytes, &path.display().to_string())
    }

    pub(crate) fn from_data(data: ModelData, source_name: &str) -> Result<Parser, ParserError> {
        let bad = |message: String| ParserError::Model {
            source_name: source_name.to_owned(),
            message,
        };
        if data.feature_version != FEATURE_VERSION {
            return Err(bad(format!(
                "trained with feature templates v{}, this build uses v{FEATURE_VERSION}",
                data.feature_version
            )));
        }
        let find = |name: &str| data.labels.iter().position(|l| l == name).map(|i| i as u8);
        let root_label = find("root").ok_or_else(|| bad("no `root` label".into()))?;
        let punct_label = find("punct").unwrap_or(root_label);
        let fallback_label = find("dep").unwrap_or(punct_label);
        let actions = Actions {
            n_labels: data.labels.len(),
            root_label,
        };
        Ok(Parser {
            labels: data.labels,
            actions,
            weights: data.weights,
            scale: data.scale,
            punct_label,
            fallback_label,
        })
    }

    /// The model in its binary file form.
    pub fn to_bytes(&self) -> Vec<u8> {
        ModelData {
            feature_version: FEATURE_VERSION,
            labels: self.labels.clone(),
            scale: self.scale,
            weights: self.weights.clone(),
        }
        .to_bytes()
    }

    /// Write the model to `path`.
    pub fn save(&self, path: &Path) -> Result<(), ParserError> {
        std::fs::write(path, self.to_bytes()).map_err(|e| ParserError::Io {
            path: path.display().to_string(),
            source: e,
        })
    }

    /// The dependency relations the model can assign.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// A smaller, faster copy: weights below `min_weight` (in the units of the
    /// averaged perceptron) are dropped.
    pub fn pruned(&self, min_weight: f32) -> Parser {
        let q = (min_weight / self.scale.max(f32::MIN_POSITIVE)).round();
        let mut p = self.clone();
        p.weights = self
            .weights
            .pruned(q.clamp(0.0, f32::from(i16::MAX)) as i16);
        p
    }

    /// Number of distinct features with weights.
    pub fn n_features(&self) -> usize {
        self.weights.n_features()
    }

    /// Parse one sentence in place: fills `head` (0-based within `tokens`,
    /// `None` for the root) and `deprel` from `text`, `xpos` and `upos`.
    pub fn parse_sentence(&self, tokens: &mut [Token]) {
        let mut scratch = Scratch::default();
        self.parse_with(tokens, &mut scratch);
    }

    pub(crate) fn parse_with(&self, tokens: &mut [Token], sc: &mut Scratch) {
        if tokens.is_empty() {
            return;
        }
        sc.words.clear();
        // Position 0 is unused; the root comes after the last word.
        sc.words.push(Word::root());
        sc.is_punct.clear();
        sc.is_punct.push(false);
        for t in tokens.iter() {
            sc.words
                .push(Word::new(&t.text, &t.xpos, t.upos.as_str(), &mut sc.text));
            sc.is_punct.push(t.upos == annals_core::Upos::Punct);
        }
        sc.words.push(Word::root());
        sc.is_punct.push(false);
        self.run(sc);
        let tokens_len = tokens.len();
        for (i, t) in tokens.iter_mut().enumerate() {
            let h = sc.state.head.get(i + 1).copied().unwrap_or(NONE);
            let l = sc
                .state
                .label
                .get(i + 1)
                .copied()
                .unwrap_or(self.fallback_label);
            t.head = if h == 0 || h == NONE || h as usize > tokens_len {
                None
            } else {
                Some(h as usize - 1)
            };
            t.deprel.clear();
            t.deprel
                .push_str(self.labels.get(l as usize).map_or("dep", String::as_str));
        }
    }

    /// Run the transition system over `sc.words` (already filled).
    pub(crate) fn run(&self, sc: &mut Scratch) {
        let acts = self.actions;
        let n_classes = acts.n_classes();
        sc.scores.resize(n_classes, 0);
        sc.valid.resize(n_classes, false);
        sc.state.reset(sc.words.len().saturating_sub(2));
        let mut feats = [0u64; N_FEATURES];
        while !sc.state.is_terminal() {
            if !sc.state.valid(&acts, &mut sc.valid) {
                sc.state.pop_unattached();
                continue;
            }
            // A forced move (e.g. SHIFT on an empty stack) needs no scoring.
            let mut valid_classes = sc.valid.iter().enumerate().filter(|(_, &ok)| ok);
            if let (Some((only, _)), None) = (valid_classes.next(), valid_classes.next()) {
                sc.state.apply(acts.decode(only));
                continue;
            }
            features::extract(&sc.words, &sc.state, &mut feats);
            sc.scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score(&feats, &mut sc.scores);
            let mut best = None;
            let mut best_score = i32::MIN;
            for (c, (&s, &ok)) in sc.scores.iter().zip(sc.valid.iter()).enumerate() {
                if ok && s > best_score {
                    best_score = s;
                    best = Some(c);
                }
            }
            match best {
                Some(c) => sc.state.apply(acts.decode(c)),
                None => break,
            }
        }
        sc.state
            .finish(&acts, self.fallback_label, self.punct_label, &sc.is_punct);
    }
}

impl Component for Parser {
    fn name(&self) -> &'static str {
        "parser"
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let mut scratch = Scratch::default();
        for i in 0..doc.sentences.len() {
            let range = doc.sentences[i].tokens.clone();
            let n_tokens = doc.tokens.len();
            let Some(tokens) = doc.tokens.get_mut(range.clone()) else {
                return Err(ComponentError {
                    component: "parser",
                    message: format!(
                        "document {}: sentence {i} has token range {range:?} but the document has {n_tokens} tokens",
                        doc.document.id
                    ),
                });
            };
            self.parse_with(tokens, &mut scratch);
        }
        Ok(())
    }
}
