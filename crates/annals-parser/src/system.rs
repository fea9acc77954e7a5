//! The arc-eager transition system (Nivre 2003) with the root at the end of
//! the buffer (Ballesteros & Nivre 2013) and a single-root constraint, and its
//! dynamic oracle (Goldberg & Nivre 2012).
//!
//! Words are positions `1..=n`; the artificial root is position `n + 1`, the
//! last buffer item, which is never shifted: the sentence's root word is
//! chosen only when the whole sentence has been seen. The transition
//! classifier chooses among four classes (`SHIFT`, `REDUCE`, `LEFT`, `RIGHT`);
//! the relation of each arc is chosen separately, when the arc is made.

/// Marker for "no token" in the per-token arrays.
pub(crate) const NONE: u32 = u32::MAX;

/// The transition classes: the classifier picks one of these; the label of
/// an arc is chosen afterwards by the label classifier.
pub(crate) const SHIFT: usize = 0;
pub(crate) const REDUCE: usize = 1;
pub(crate) const LEFT: usize = 2;
pub(crate) const RIGHT: usize = 3;
/// Number of transition classes.
pub(crate) const N_MOVES: usize = 4;

/// A move with its label, ready to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Reduce,
    Left(u8),
    Right(u8),
}

/// The label inventory's facts the transition system needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Actions {
    pub n_labels: usize,
    /// Label id of `root`: the label of the arc from the artificial root, and
    /// of no other arc.
    pub root_label: u8,
}

/// A parser configuration: stack, buffer front, and the partial tree with the
/// bookkeeping the features need (outermost children, valencies, label sets).
#[derive(Debug, Clone, Default)]
pub(crate) struct State {
    /// Number of words (positions `1..=n`; the root is `n + 1`).
    pub n: u32,
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b..=n`.
    pub b: u32,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    pub left1: Vec<u32>,
    pub left2: Vec<u32>,
    pub right1: Vec<u32>,
    pub right2: Vec<u32>,
    pub n_left: Vec<u8>,
    pub n_right: Vec<u8>,
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
}

impl State {
    /// Reset for a sentence of `n` words, reusing allocations.
    pub fn reset(&mut self, n: usize) {
        let len = n + 2;
        self.n = n as u32;
        self.stack.clear();
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.left1,
            &mut self.left2,
            &mut self.right1,
            &mut self.right2,
        ] {
            v.clear();
            v.resize(len, NONE);
        }
        self.label.clear();
        self.label.resize(len, u8::MAX);
        for v in [&mut self.n_left, &mut self.n_right] {
            v.clear();
            v.resize(len, 0);
        }
        for v in [&mut self.left_labels, &mut self.right_labels] {
            v.clear();
            v.resize(len, 0);
        }
    }

    /// Position of the artificial root.
    pub fn root(&self) -> u32 {
        self.n + 1
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b > self.n
    }

    /// Top of the stack, or [`NONE`].
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    pub fn s1(&self) -> u32 {
        if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        }
    }

    /// Buffer item `i` positions from the front (the root last), or [`NONE`].
    pub fn buf(&self, i: u32) -> u32 {
        let p = self.b + i;
        if p <= self.n + 1 {
            p
        } else {
            NONE
        }
    }

    fn has_head(&self, w: u32) -> bool {
        self.head[w as usize] != NONE
    }

    /// Whether the root already has its one dependent.
    fn root_taken(&self) -> bool {
        self.left1
            .get(self.root() as usize)
            .is_some_and(|&c| c != NONE)
    }

    /// Fill `valid[c]` for every transition class; returns whether any is
    /// valid (only not when the root is taken and the stack top has no head).
    pub fn valid(&self, valid: &mut [bool; N_MOVES]) -> bool {
        let s0 = self.s0();
        let words_left = self.b <= self.n;
        let b0_root = self.b == self.root();
        let s0_free = s0 != NONE && !self.has_head(s0);
        valid[SHIFT] = words_left;
        valid[REDUCE] = s0 != NONE && self.has_head(s0);
        valid[LEFT] = s0_free && (!b0_root || !self.root_taken());
        valid[RIGHT] = s0 != NONE && words_left;
        valid.iter().any(|&v| v)
    }

    /// The arc `(head, dependent)` that a LEFT (`right == false`) or RIGHT
    /// move would make now.
    pub fn arc(&self, right: bool) -> (u32, u32) {
        if right {
            (self.s0(), self.b)
        } else {
            (self.b, self.s0())
        }
    }

    /// Drop the stack top without a head (a dead end: `finish` attaches it).
    pub fn pop_unattached(&mut self) {
        self.stack.pop();
    }

    fn add_arc(&mut self, h: u32, d: u32, label: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = label;
        let bit = 1u64 << (label & 63);
        if d < h {
            if self.left1[hu] == NONE || d < self.left1[hu] {
                self.left2[hu] = self.left1[hu];
                self.left1[hu] = d;
            } else if self.left2[hu] == NONE || d < self.left2[hu] {
                self.left2[hu] = d;
            }
            self.n_left[hu] = self.n_left[hu].saturating_add(1);
            self.left_labels[hu] |= bit;
        } else {
            if self.right1[hu] == NONE || d > self.right1[hu] {
                self.right2[hu] = self.right1[hu];
                self.right1[hu] = d;
            } else if self.right2[hu] == NONE || d > self.right2[hu] {
                self.right2[hu] = d;
            }
            self.n_right[hu] = self.n_right[hu].saturating_add(1);
            self.right_labels[hu] |= bit;
        }
    }

    /// Apply a move known to be valid.
    pub fn apply(&mut self, mv: Move) {
        match mv {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left(l) => {
                let s0 = self.s0();
                self.add_arc(self.b, s0, l);
                self.stack.pop();
            }
            Move::Right(l) => {
                let s0 = self.s0();
                self.add_arc(s0, self.b, l);
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }

    /// Dynamic-oracle cost of every valid transition class: the number of
    /// gold arcs that become unreachable (labels are the label classifier's
    /// business). `gold_head[w]` is in `1..=n + 1` (`n + 1` for the
    /// sentence's root word).
    pub fn costs(&self, valid: &[bool; N_MOVES], gold_head: &[u32], costs: &mut [u32; N_MOVES]) {
        let s0 = self.s0();
        let b0 = self.b;
        let last = self.n + 1;
        let gold = |w: u32| gold_head.get(w as usize).copied().unwrap_or(NONE);
        let unheaded = |w: u32| !self.has_head(w);
        *costs = [0; N_MOVES];

        // s0's dependents still in the buffer.
        let s0_deps_in_buffer = if s0 == NONE {
            0
        } else {
            (b0..=last).filter(|&k| gold(k) == s0).count() as u32
        };
        costs[REDUCE] = s0_deps_in_buffer;

        // SHIFT: b0 loses heads and dependents in the stack.
        if valid[SHIFT] {
            let gb = gold(b0);
            let mut c = 0;
            for &k in &self.stack {
                c += u32::from(gb == k) + u32::from(unheaded(k) && gold(k) == b0);
            }
            costs[SHIFT] = c;
        }

        // LEFT: s0 takes b0 as head and is popped.
        if valid[LEFT] {
            let gs = gold(s0);
            costs[LEFT] = u32::from(gs > b0 && gs != NONE) + s0_deps_in_buffer;
        }

        // RIGHT: b0 takes s0 as head and is pushed.
        if valid[RIGHT] {
            let gb = gold(b0);
            let mut c = u32::from(gb != s0 && (gb > b0 || self.stack.contains(&gb)));
            for &k in &self.stack {
                c += u32::from(unheaded(k) && gold(k) == b0);
            }
            costs[RIGHT] = c;
        }
    }

    /// Attach words left without a head to the sentence root (or make the
    /// first of them the root when there is none), so every word has a head.
    pub fn finish(
        &mut self,
        acts: &Actions,
        fallback_label: u8,
        punct_label: u8,
        is_punct: &[bool],
    ) {
        let top = self.root();
        let mut root = self.left1.get(top as usize).copied().unwrap_or(NONE);
        for w in 1..=self.n {
            if self.head[w as usize] != NONE {
                continue;
            }
            if root == NONE {
                self.add_arc(top, w, acts.root_label);
                root = w;
            } else {
                let l = if is_punct.get(w as usize).copied().unwrap_or(false) {
                    punct_label
                } else {
                    fallback_label
                };
                self.add_arc(root, w, l);
            }
        }
    }
}
