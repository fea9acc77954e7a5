//! Feature extraction: the Zhang & Nivre (2011) templates for arc-eager
//! parsing (words, tags, distance, valency, second- and third-order context,
//! label sets), plus a few on the stack's second item, UPOS and suffixes.
//!
//! Every feature is a 64-bit hash of its template number and values, so the
//! model needs no string tables: words and tags are hashed once per sentence
//! into [`Word`]s.

use crate::system::{State, NONE};

/// Bump when templates change: a model trained on other templates is refused.
pub(crate) const FEATURE_VERSION: u32 = 5;

/// Number of feature hashes per parser state.
pub(crate) const N_FEATURES: usize = N_BUFFER_FEATURES + N_STATE_FEATURES;
/// Of those, the ones that depend only on the buffer front (the words at
/// `b`, `b + 1`, `b + 2`): they stay the same until the next shift, so the
/// parser scores them once per buffer position.
pub(crate) const N_BUFFER_FEATURES: usize = 11;
/// The ones that depend on the rest of the state.
pub(crate) const N_STATE_FEATURES: usize = 72;

/// Number of feature hashes per arc to be labelled.
pub(crate) const N_LABEL_FEATURES: usize = 28;

/// Hashed attributes of one word (position 0 is the root).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Word {
    pub form: u64,
    pub tag: u64,
    pub upos: u64,
    pub suffix: u64,
}

const ROOT_VALUE: u64 = 0x5EED_0000_0000_0001;
const NONE_VALUE: u64 = 0x5EED_0000_0000_0002;

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    let x = (h.rotate_left(23) ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// A hash of a string's bytes (FNV-1a, then mixed).
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h, 0x27d4_eb2f_1656_67c5)
}

/// Lowercase the form and map every digit to `0`, so numbers share features.
fn normalize(form: &str, buf: &mut String) {
    buf.clear();
    if form.is_ascii() {
        // The common case, without per-character Unicode case mapping.
        buf.extend(form.bytes().map(|b| {
            if b.is_ascii_digit() {
                '0'
            } else {
                char::from(b.to_ascii_lowercase())
            }
        }));
        return;
    }
    for c in form.chars() {
        if c.is_ascii_digit() {
            buf.push('0');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

impl Word {
    pub fn root() -> Word {
        Word {
            form: ROOT_VALUE,
            tag: ROOT_VALUE,
            upos: ROOT_VALUE,
            suffix: ROOT_VALUE,
        }
    }

    /// Hash a word from its form, fine tag (PTB XPOS; UPOS when absent) and UPOS.
    pub fn new(form: &str, xpos: &str, upos: &str, scratch: &mut String) -> Word {
        normalize(form, scratch);
        let form_h = hash_str(scratch);
        let suffix = {
            let n = scratch.chars().count();
            let start = scratch
                .char_indices()
                .nth(n.saturating_sub(3))
                .map_or(0, |(i, _)| i);
            hash_str(scratch.get(start..).unwrap_or(""))
        };
        let tag = if xpos.is_empty() || xpos == "_" {
            upos
        } else {
            xpos
        };
        Word {
            form: form_h,
            tag: hash_str(tag),
            upos: hash_str(upos),
            suffix,
        }
    }
}

/// Distance bucket between two positions.
fn distance(a: u32, b: u32) -> u64 {
    let d = b.abs_diff(a);
    match d {
        0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

struct Ctx<'a> {
    words: &'a [Word],
    state: &'a State,
}

impl Ctx<'_> {
    #[inline]
    fn word(&self, p: u32) -> &Word {
        const NONE_WORD: Word = Word {
            form: NONE_VALUE,
            tag: NONE_VALUE,
            upos: NONE_VALUE,
            suffix: NONE_VALUE,
        };
        if p == NONE {
            &NONE_WORD
        } else {
            self.words.get(p as usize).unwrap_or(&NONE_WORD)
        }
    }
    #[inline]
    fn at(v: &[u32], p: u32) -> u32 {
        if p == NONE {
            NONE
        } else {
            v.get(p as usize).copied().unwrap_or(NONE)
        }
    }
    #[inline]
    fn label(&self, p: u32) -> u64 {
        if p == NONE {
            NONE_VALUE
        } else {
            u64::from(self.state.label.get(p as usize).copied().unwrap_or(u8::MAX))
        }
    }
}

/// Write all the feature hashes of `state` into `out` (buffer ones first).
pub(crate) fn extract(words: &[Word], state: &State, out: &mut [u64; N_FEATURES]) {
    let mut buffer = [0u64; N_BUFFER_FEATURES];
    let mut rest = [0u64; N_STATE_FEATURES];
    extract_buffer(words, state, &mut buffer);
    extract_state(words, state, &mut rest);
    out[..N_BUFFER_FEATURES].copy_from_slice(&buffer);
    out[N_BUFFER_FEATURES..].copy_from_slice(&rest);
}

/// Hash of template `t` over `values` (the template number starts the chain,
/// which keeps templates apart).
#[inline]
fn template(t: u64, values: &[u64]) -> u64 {
    values.iter().fold(t, |h, &v| mix(h, v))
}

/// The features of the buffer front only (words `b`, `b + 1`, `b + 2`).
pub(crate) fn extract_buffer(words: &[Word], state: &State, out: &mut [u64; N_BUFFER_FEATURES]) {
    let c = Ctx { words, state };
    let (wn0, wn1, wn2) = (
        c.word(state.buf(0)),
        c.word(state.buf(1)),
        c.word(state.buf(2)),
    );
    let (n0w, n0p) = (wn0.form, wn0.tag);
    let (n1w, n1p) = (wn1.form, wn1.tag);
    let (n2w, n2p) = (wn2.form, wn2.tag);
    *out = [
        template(4, &[n0w, n0p]),
        template(5, &[n0w]),
        template(6, &[n0p]),
        template(7, &[n1w, n1p]),
        template(8, &[n1w]),
        template(9, &[n1p]),
        template(10, &[n2w, n2p]),
        template(11, &[n2w]),
        template(12, &[n2p]),
        template(20, &[n0p, n1p]),
        template(21, &[n0p, n1p, n2p]),
    ];
}

/// The features that depend on the stack and the partial tree.
pub(crate) fn extract_state(words: &[Word], state: &State, out: &mut [u64; N_STATE_FEATURES]) {
    let c = Ctx { words, state };
    let st = state;
    let s0 = st.s0();
    let s1 = st.s1();
    let n0 = st.buf(0);
    let n1 = st.buf(1);
    let s0h = Ctx::at(&st.head, s0);
    let s0h2 = Ctx::at(&st.head, s0h);
    let s0l = Ctx::at(&st.left1, s0);
    let s0l2 = Ctx::at(&st.left2, s0);
    let s0r = Ctx::at(&st.right1, s0);
    let s0r2 = Ctx::at(&st.right2, s0);
    let n0l = Ctx::at(&st.left1, n0);
    let n0l2 = Ctx::at(&st.left2, n0);

    let (ws0, wn0, wn1) = (c.word(s0), c.word(n0), c.word(n1));
    let (s0w, s0p) = (ws0.form, ws0.tag);
    let (n0w, n0p) = (wn0.form, wn0.tag);
    let (ws0h, ws0h2) = (c.word(s0h), c.word(s0h2));
    let (ws0l, ws0l2, ws0r, ws0r2) = (c.word(s0l), c.word(s0l2), c.word(s0r), c.word(s0r2));
    let (wn0l, wn0l2) = (c.word(n0l), c.word(n0l2));
    let ws1 = c.word(s1);

    let dist = if n0 == NONE || s0 == NONE {
        9
    } else {
        distance(s0, n0)
    };
    let s0_idx = s0 as usize;
    let n0_idx = n0 as usize;
    let get8 = |v: &[u8], i: usize, ok: bool| {
        if ok {
            u64::from(v.get(i).copied().unwrap_or(0))
        } else {
            99
        }
    };
    let get64 = |v: &[u64], i: usize, ok: bool| {
        if ok {
            v.get(i).copied().unwrap_or(0)
        } else {
            u64::MAX
        }
    };
    let s0vl = get8(&st.n_left, s0_idx, s0 != NONE);
    let s0vr = get8(&st.n_right, s0_idx, s0 != NONE);
    let n0vl = get8(&st.n_left, n0_idx, n0 != NONE);
    let s0sl = get64(&st.left_labels, s0_idx, s0 != NONE);
    let s0sr = get64(&st.right_labels, s0_idx, s0 != NONE);
    let n0sl = get64(&st.left_labels, n0_idx, n0 != NONE);
    let s0_headed = u64::from(s0 != NONE && s0h != NONE);

    // The template number starts every chain, which keeps templates apart.
    let f1 = |t: u64, a: u64| mix(t, a);
    let f2 = |t: u64, a: u64, b: u64| mix(mix(t, a), b);
    let f3 = |t: u64, a: u64, b: u64, c3: u64| mix(mix(mix(t, a), b), c3);
    let f4 = |t: u64, a: u64, b: u64, c3: u64, d: u64| mix(mix(mix(mix(t, a), b), c3), d);

    let feats: [u64; N_STATE_FEATURES] = [
        // single words
        f2(1, s0w, s0p),
        f1(2, s0w),
        f1(3, s0p),
        // word pairs
        f4(13, s0w, s0p, n0w, n0p),
        f3(14, s0w, s0p, n0w),
        f3(15, s0w, n0w, n0p),
        f3(16, s0w, s0p, n0p),
        f3(17, s0p, n0w, n0p),
        f2(18, s0w, n0w),
        f2(19, s0p, n0p),
        // tag trigrams
        f3(22, s0p, n0p, wn1.tag),
        f3(23, ws0h.tag, s0p, n0p),
        f3(24, s0p, ws0l.tag, n0p),
        f3(25, s0p, ws0r.tag, n0p),
        f3(26, s0p, n0p, wn0l.tag),
        // distance
        f2(27, s0w, dist),
        f2(28, s0p, dist),
        f2(29, n0w, dist),
        f2(30, n0p, dist),
        f3(31, s0w, n0w, dist),
        f3(32, s0p, n0p, dist),
        // valency
        f2(33, s0w, s0vr),
        f2(34, s0p, s0vr),
        f2(35, s0w, s0vl),
        f2(36, s0p, s0vl),
        f2(37, n0w, n0vl),
        f2(38, n0p, n0vl),
        // second-order unigrams
        f1(39, ws0h.form),
        f1(40, ws0h.tag),
        f1(41, c.label(s0)),
        f1(42, ws0l.form),
        f1(43, ws0l.tag),
        f1(44, c.label(s0l)),
        f1(45, ws0r.form),
        f1(46, ws0r.tag),
        f1(47, c.label(s0r)),
        f1(48, wn0l.form),
        f1(49, wn0l.tag),
        f1(50, c.label(n0l)),
        // third-order
        f1(51, ws0h2.form),
        f1(52, ws0h2.tag),
        f1(53, c.label(s0h)),
        f1(54, ws0l2.form),
        f1(55, ws0l2.tag),
        f1(56, c.label(s0l2)),
        f1(57, ws0r2.form),
        f1(58, ws0r2.tag),
        f1(59, c.label(s0r2)),
        f1(60, wn0l2.form),
        f1(61, wn0l2.tag),
        f1(62, c.label(n0l2)),
        f3(63, s0p, ws0l.tag, ws0l2.tag),
        f3(64, s0p, ws0r.tag, ws0r2.tag),
        f3(65, s0p, ws0h.tag, ws0h2.tag),
        f3(66, n0p, wn0l.tag, wn0l2.tag),
        // label sets
        f2(67, s0w, s0sr),
        f2(68, s0p, s0sr),
        f2(69, s0w, s0sl),
        f2(70, s0p, s0sl),
        f2(71, n0w, n0sl),
        f2(72, n0p, n0sl),
        // additions: bias, the second stack item, UPOS context, suffixes, headedness
        f1(73, 0),
        f3(74, ws1.tag, s0p, n0p),
        f2(75, ws1.form, n0p),
        f3(76, ws0.upos, wn0.upos, wn1.upos),
        f2(77, wn0.suffix, n0p),
        f3(78, ws0.suffix, s0p, n0p),
        f3(79, s0p, n0p, s0_headed),
        f4(80, s0p, n0p, c.label(s0), s0_headed),
        // attachment of a prepositional phrase (n0 with its preposition as
        // leftmost child) to s0 or to s0's head: "met Hayashi in Delhi"
        f4(81, s0p, c.label(s0), wn0l.form, n0p),
        f4(82, ws0h.tag, s0p, wn0l.form, n0p),
        f3(83, ws0h.form, wn0l.form, n0p),
    ];
    *out = feats;
}

/// Write the feature hashes for labelling the arc `head -> dep` about to be
/// made in `state` (both positions are real words or the root, never NONE).
///
/// The templates describe the two ends (words, tags, suffix), their
/// relation (direction, distance), and what is attached to each so far (the
/// head's own relation and label sets, the dependent's outer children, which
/// for a left arc are all of them): enough to tell `nsubj` from
/// `nsubj:pass`, or `obl` from `nmod` and `obl:tmod`.
pub(crate) fn extract_label(
    words: &[Word],
    state: &State,
    head: u32,
    dep: u32,
    out: &mut [u64; N_LABEL_FEATURES],
) {
    let c = Ctx { words, state };
    let st = state;
    let wh = c.word(head);
    let wd = c.word(dep);
    let (hw, hp) = (wh.form, wh.tag);
    let (dw, dp) = (wd.form, wd.tag);
    let right = u64::from(dep > head);
    let dist = distance(head, dep);
    let hh = Ctx::at(&st.head, head);
    let dl = Ctx::at(&st.left1, dep);
    let dr = Ctx::at(&st.right1, dep);
    let hl = Ctx::at(&st.left1, head);
    let (wdl, wdr, whh, whl) = (c.word(dl), c.word(dr), c.word(hh), c.word(hl));
    // The words just before and after the dependent (the root and NONE
    // values stand in past the ends).
    let before = c.word(dep.saturating_sub(1));
    let after = c.word(dep + 1);
    let sets = |v: &[u64], p: u32| v.get(p as usize).copied().unwrap_or(0);
    let (hsl, hsr) = (sets(&st.left_labels, head), sets(&st.right_labels, head));
    let (dsl, dsr) = (sets(&st.left_labels, dep), sets(&st.right_labels, dep));
    let valency = |v: &[u8], p: u32| u64::from(v.get(p as usize).copied().unwrap_or(0).min(3));
    let hval = if right == 1 {
        valency(&st.n_right, head)
    } else {
        valency(&st.n_left, head)
    };

    // Every template also carries the direction of the arc.
    let f1 = |t: u64, a: u64| mix(t + (right << 8), a);
    let f2 = |t: u64, a: u64, b: u64| mix(mix(t + (right << 8), a), b);
    let f3 = |t: u64, a: u64, b: u64, c3: u64| mix(mix(mix(t + (right << 8), a), b), c3);

    *out = [
        f1(101, 0),
        f1(102, dw),
        f1(103, dp),
        f2(104, dw, dp),
        f1(105, hw),
        f1(106, hp),
        f2(107, hw, hp),
        f2(108, dp, hp),
        f2(109, dw, hp),
        f2(110, dp, hw),
        f2(111, dw, hw),
        f3(112, dp, hp, dist),
        f3(113, wd.upos, wh.upos, dist),
        f2(114, wd.suffix, dp),
        f3(115, dp, hp, c.label(head)),
        f2(116, hp, hsl),
        f2(117, hp, hsr),
        f2(118, dp, dsl),
        f2(119, dp, dsr),
        f3(120, dp, wdl.tag, c.label(dl)),
        f3(121, dp, wdr.tag, c.label(dr)),
        f3(122, hp, wdl.form, dp),
        f3(123, dp, after.tag, hp),
        f3(124, dp, before.tag, hp),
        f3(125, hp, whh.tag, dp),
        f3(126, dp, hp, hval),
        f3(127, hp, whl.form, dp),
        f2(128, after.form, dp),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_lowercased_and_digits_merged() {
        let mut scratch = String::new();
        let form = |f: &str, s: &mut String| Word::new(f, "NN", "NOUN", s).form;
        let police = form("Police", &mut scratch);
        assert_eq!(police, form("POLICE", &mut scratch));
        assert_ne!(police, form("Polices", &mut scratch));
        assert_eq!(form("2019", &mut scratch), form("1984", &mut scratch));
        assert_ne!(form("2019", &mut scratch), form("201", &mut scratch));
        // Non-ASCII forms take the Unicode path and agree with it on case.
        assert_eq!(form("Müller", &mut scratch), form("MÜLLER", &mut scratch));
        assert_eq!(form("Élysée", &mut scratch), form("élysée", &mut scratch));
    }
}
