//! [`Parser`]: a loaded model that assigns heads and relations to sentences.

use std::path::Path;

use annals_core::{Component, ComponentError, Doc, Token};

use crate::features::{
    self, Word, FEATURE_VERSION, N_BUFFER_FEATURES, N_LABEL_FEATURES, N_STATE_FEATURES,
};
use crate::model::{ModelData, MoveWeights, Weights};
use crate::system::{Actions, Move, State, LEFT, NONE, N_MOVES, REDUCE, RIGHT, SHIFT};
use crate::ParserError;

/// The model compiled into the crate (`models/parser.bin`).
static EMBEDDED_MODEL: &[u8] = include_bytes!("../models/parser.bin");

/// A greedy arc-eager dependency parser with averaged-perceptron models: one
/// chooses the transition (shift, reduce, left arc, right arc), the other
/// the relation of each arc when it is made.
///
/// Immutable once loaded, so one `Parser` can serve many threads.
#[derive(Debug, Clone)]
pub struct Parser {
    labels: Vec<String>,
    actions: Actions,
    moves: MoveWeights,
    label_weights: Weights,
    move_scale: f32,
    label_scale: f32,
    punct_label: u8,
    fallback_label: u8,
}

/// The best class among the valid transitions (`None` if none is valid).
#[inline]
pub(crate) fn best_move<T: PartialOrd + Copy>(
    scores: &[T; N_MOVES],
    valid: &[bool; N_MOVES],
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for c in 0..N_MOVES {
        if valid[c] && best.is_none_or(|b| scores[c] > scores[b]) {
            best = Some(c);
        }
    }
    best
}

/// The best label other than `root` (which only the root's arc carries).
#[inline]
pub(crate) fn best_label<T: PartialOrd + Copy>(scores: &[T], root_label: u8) -> u8 {
    let mut best: Option<usize> = None;
    for (l, &s) in scores.iter().enumerate() {
        if l != root_label as usize && best.is_none_or(|b| s > scores[b]) {
            best = Some(l);
        }
    }
    best.unwrap_or(0) as u8
}

/// Reusable buffers for parsing one sentence after another.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub state: State,
    pub words: Vec<Word>,
    pub is_punct: Vec<bool>,
    pub text: String,
    pub label_scores: Vec<i32>,
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
            moves: data.moves,
            label_weights: data.label_weights,
            move_scale: data.move_scale,
            label_scale: data.label_scale,
            punct_label,
            fallback_label,
        })
    }

    /// The model in its binary file form.
    pub fn to_bytes(&self) -> Vec<u8> {
        ModelData {
            feature_version: FEATURE_VERSION,
            labels: self.labels.clone(),
            move_scale: self.move_scale,
            label_scale: self.label_scale,
            moves: self.moves.clone(),
            label_weights: self.label_weights.clone(),
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
        self.pruned_by(min_weight, min_weight)
    }

    /// [`Parser::pruned`] with separate thresholds for the transition and
    /// the label models.
    pub fn pruned_by(&self, move_min: f32, label_min: f32) -> Parser {
        let quantize = |scale: f32, min_weight: f32| {
            let q = (min_weight / scale.max(f32::MIN_POSITIVE)).round();
            q.clamp(0.0, f32::from(i16::MAX)) as i16
        };
        let mut p = self.clone();
        p.moves = self.moves.pruned(quantize(self.move_scale, move_min));
        p.label_weights = self
            .label_weights
            .pruned(quantize(self.label_scale, label_min));
        p
    }

    /// Number of distinct features with weights (transition and label models).
    pub fn n_features(&self) -> usize {
        self.moves.n_features() + self.label_weights.n_features()
    }

    /// Number of features of the transition model and of the label model.
    pub fn n_features_by_model(&self) -> (usize, usize) {
        (self.moves.n_features(), self.label_weights.n_features())
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
        crate::repair::trailing_reporter_subject(tokens);
        crate::repair::reported_clause_subject(tokens);
        crate::repair::coordinated_subjects(tokens);
        crate::repair::relative_clause_head(tokens);
        crate::repair::preposition_read_as_conjunction(tokens);
        crate::repair::participle_as_main_verb(tokens);
        crate::repair::fronted_phrase_apposition(tokens);
        crate::repair::reported_noun_clause(tokens);
        crate::repair::noun_coordinated_with_clause(tokens);
        crate::repair::punctuation(tokens);
    }

    /// Run the transition system over `sc.words` (already filled).
    pub(crate) fn run(&self, sc: &mut Scratch) {
        let acts = self.actions;
        sc.label_scores.resize(acts.n_labels, 0);
        sc.state.reset(sc.words.len().saturating_sub(2));
        let mut state_feats = [0u64; N_STATE_FEATURES];
        let mut buffer_feats = [0u64; N_BUFFER_FEATURES];
        // The buffer features' scores, kept until the buffer front moves.
        let mut buffer_scores = [0i32; N_MOVES];
        let mut scored_b = NONE;
        let mut valid = [false; N_MOVES];
        while !sc.state.is_terminal() {
            if !sc.state.valid(&mut valid) {
                sc.state.pop_unattached();
                continue;
            }
            // A forced move (e.g. SHIFT on an empty stack) needs no scoring.
            let class = if valid.iter().filter(|&&v| v).count() == 1 {
                valid.iter().position(|&v| v)
            } else {
                if sc.state.b != scored_b {
                    features::extract_buffer(&sc.words, &sc.state, &mut buffer_feats);
                    buffer_scores = [0; N_MOVES];
                    self.moves.score(&buffer_feats, &mut buffer_scores);
                    scored_b = sc.state.b;
                }
                features::extract_state(&sc.words, &sc.state, &mut state_feats);
                let mut scores = buffer_scores;
                self.moves.score(&state_feats, &mut scores);
                best_move(&scores, &valid)
            };
            let mv = match class {
                Some(SHIFT) => Move::Shift,
                Some(REDUCE) => Move::Reduce,
                Some(c @ (LEFT | RIGHT)) => {
                    let (h, d) = sc.state.arc(c == RIGHT);
                    let l = self.label_arc(&sc.words, &sc.state, h, d, &mut sc.label_scores);
                    if c == RIGHT {
                        Move::Right(l)
                    } else {
                        Move::Left(l)
                    }
                }
                _ => break,
            };
            sc.state.apply(mv);
        }
        sc.state
            .finish(&acts, self.fallback_label, self.punct_label, &sc.is_punct);
    }

    /// The relation of the arc `head -> dep` about to be made.
    fn label_arc(
        &self,
        words: &[Word],
        state: &State,
        head: u32,
        dep: u32,
        scores: &mut [i32],
    ) -> u8 {
        if head == state.root() {
            return self.actions.root_label;
        }
        let mut feats = [0u64; N_LABEL_FEATURES];
        features::extract_label(words, state, head, dep, &mut feats);
        scores.iter_mut().for_each(|s| *s = 0);
        self.label_weights.score(&feats, scores);
        best_label(scores, self.actions.root_label)
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
