//! The arc-eager transition system (Nivre 2003) with the root at the end of
//! the buffer (Ballesteros & Nivre 2013) and a single-root constraint, and its
//! dynamic oracle (Goldberg & Nivre 2012).
//!
//! Words are positions `1..=n`; the artificial root is position `n + 1`, the
//! last buffer item, which is never shifted: the sentence's root word is
//! chosen only when the whole sentence has been seen. Actions are numbered as
//! classes of the classifier: `SHIFT`, `REDUCE`, then one `LEFT-ARC` per
//! label, then one `RIGHT-ARC` per label.

/// Marker for "no token" in the per-token arrays.
pub(crate) const NONE: u32 = u32::MAX;

pub(crate) const SHIFT: usize = 0;
pub(crate) const REDUCE: usize = 1;

/// The kind of an action, decoded from a class index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Reduce,
    Left(u8),
    Right(u8),
}

/// Maps class indices to moves for a label inventory of `n_labels`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Actions {
    pub n_labels: usize,
    /// Label id of `root`: the only label a right arc from the root may carry.
    pub root_label: u8,
}

impl Actions {
    pub fn n_classes(&self) -> usize {
        2 + 2 * self.n_labels
    }

    pub fn decode(&self, class: usize) -> Move {
        match class {
            SHIFT => Move::Shift,
            REDUCE => Move::Reduce,
            c if c < 2 + self.n_labels => Move::Left((c - 2) as u8),
            c => Move::Right((c - 2 - self.n_labels) as u8),
        }
    }

    pub fn left(&self, label: u8) -> usize {
        2 + label as usize
    }

    pub fn right(&self, label: u8) -> usize {
        2 + self.n_labels + label as usize
    }
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

    /// Fill `valid[c]` for every class; returns whether any is valid (only
    /// not when the root is taken and the stack top has no head).
    pub fn valid(&self, acts: &Actions, valid: &mut [bool]) -> bool {
        let s0 = self.s0();
        let words_left = self.b <= self.n;
        let b0_root = self.b == self.root();
        let s0_free = s0 != NONE && !self.has_head(s0);
        valid[SHIFT] = words_left;
        valid[REDUCE] = s0 != NONE && self.has_head(s0);
        let can_left = s0_free && (!b0_root || !self.root_taken());
        let can_right = s0 != NONE && words_left;
        for l in 0..acts.n_labels as u8 {
            let is_root = l == acts.root_label;
            valid[acts.left(l)] = can_left && (is_root == b0_root);
            valid[acts.right(l)] = can_right && !is_root;
        }
        valid[SHIFT] || valid[REDUCE] || can_left || can_right
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

    /// Dynamic-oracle cost of every valid class: the number of gold arcs
    /// (with labels) that become unreachable. `gold_head[w]` is in `1..=n + 1`
    /// (`n + 1` for the sentence's root word).
    pub fn costs(
        &self,
        acts: &Actions,
        valid: &[bool],
        gold_head: &[u32],
        gold_label: &[u8],
        costs: &mut [u32],
    ) {
        let s0 = self.s0();
        let b0 = self.b;
        let last = self.n + 1;
        let gold = |w: u32| gold_head.get(w as usize).copied().unwrap_or(NONE);
        let unheaded = |w: u32| !self.has_head(w);
        costs.iter_mut().for_each(|c| *c = 0);

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
        if s0 != NONE && unheaded(s0) {
            let gs = gold(s0);
            let c = u32::from(gs > b0 && gs != NONE) + s0_deps_in_buffer;
            let gl = gold_label.get(s0 as usize).copied().unwrap_or(u8::MAX);
            for l in 0..acts.n_labels as u8 {
                let cls = acts.left(l);
                if valid[cls] {
                    costs[cls] = c + u32::from(gs == b0 && l != gl);
                }
            }
        }

        // RIGHT: b0 takes s0 as head and is pushed.
        if s0 != NONE && b0 <= self.n {
            let gb = gold(b0);
            let mut c = u32::from(gb != s0 && (gb > b0 || self.stack.contains(&gb)));
            for &k in &self.stack {
                c += u32::from(unheaded(k) && gold(k) == b0);
            }
            let gl = gold_label.get(b0 as usize).copied().unwrap_or(u8::MAX);
            for l in 0..acts.n_labels as u8 {
                let cls = acts.right(l);
                if valid[cls] {
                    costs[cls] = c + u32::from(gb == s0 && l != gl);
                }
            }
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
