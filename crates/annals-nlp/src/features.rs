//! Per-token lexical features computed once per token (lowercase form,
//! affixes, word shape), reused by every position whose window covers it.

use crate::hash::{hash_str, StrHasher};

/// Hashed lexical properties of one token.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lex {
    pub form: u64,
    pub lower: u64,
    pub suffix: [u64; 4],
    pub prefix: [u64; 3],
    pub shape: u64,
    /// Short shape (runs collapsed to one character), for sparse contexts.
    pub short_shape: u64,
    pub flags: u32,
}

pub const F_UPPER_INIT: u32 = 1;
pub const F_ALL_UPPER: u32 = 2;
pub const F_DIGIT: u32 = 4;
pub const F_HYPHEN: u32 = 8;
pub const F_ALPHA: u32 = 16;
pub const F_PUNCT: u32 = 32;

impl Lex {
    /// A padding token before the sentence start (`-1`) or after its end (`+1`).
    pub fn pad(side: i32) -> Lex {
        let h = if side < 0 {
            hash_str("\u{1}START")
        } else {
            hash_str("\u{1}END")
        };
        Lex {
            form: h,
            lower: h,
            suffix: [h; 4],
            prefix: [h; 3],
            shape: h,
            short_shape: h,
            flags: 0,
        }
    }

    /// The hash of the lowercase form alone (`Lex::new(form).lower`), for
    /// lookups that need nothing else of the word.
    pub fn lower_hash(form: &str) -> u64 {
        with_lowercase(form, hash_str)
    }

    pub fn new(form: &str) -> Lex {
        with_lowercase(form, |lower| Lex::with_lower(form, lower))
    }

    fn with_lower(form: &str, lower: &str) -> Lex {
        let mut suffix = [0u64; 4];
        let mut prefix = [0u64; 3];
        // Byte offsets where the last 1..4 characters start / first 1..3 end.
        let mut ends = lower.char_indices().rev().map(|(i, _)| i);
        let mut last = lower.len();
        for s in suffix.iter_mut() {
            if let Some(i) = ends.next() {
                last = i;
            }
            *s = hash_str(lower.get(last..).unwrap_or(""));
        }
        let mut starts = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        let mut end = 0;
        for p in prefix.iter_mut() {
            if let Some(e) = starts.next() {
                end = e;
            }
            *p = hash_str(lower.get(..end).unwrap_or(""));
        }
        let (shape, short_shape, flags) = shape_of(form);
        Lex {
            form: hash_str(form),
            lower: hash_str(lower),
            suffix,
            prefix,
            shape,
            short_shape,
            flags,
        }
    }
}

/// `f` of the lowercase form, lowercased without allocating for ASCII words
/// (nearly all tokens).
fn with_lowercase<R>(form: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if form.is_ascii() && form.len() <= buf.len() {
        for (d, s) in buf.iter_mut().zip(form.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        f(std::str::from_utf8(buf.get(..form.len()).unwrap_or_default()).unwrap_or(""))
    } else {
        f(&form.to_lowercase())
    }
}

/// Word shape: `Xxx` for `Baghdad`, `dd.d` for `12.5`, with runs capped at 3
/// (full shape) or 1 (short shape); returned as hashes, with the flags.
fn shape_of(form: &str) -> (u64, u64, u32) {
    let mut shape = StrHasher::new();
    let mut short = StrHasher::new();
    let mut last = '\0';
    let mut run = 0;
    let mut flags = 0u32;
    let mut n_upper = 0;
    let mut n_alpha = 0;
    for (i, c) in form.chars().enumerate() {
        let k = if c.is_uppercase() {
            n_upper += 1;
            n_alpha += 1;
            if i == 0 {
                flags |= F_UPPER_INIT;
            }
            'X'
        } else if c.is_alphabetic() {
            n_alpha += 1;
            'x'
        } else if c.is_ascii_digit() {
            flags |= F_DIGIT;
            'd'
        } else {
            if c == '-' {
                flags |= F_HYPHEN;
            }
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
            short.char(k);
        }
        if run <= 3 {
            shape.char(k);
        }
    }
    if n_alpha > 0 {
        flags |= F_ALPHA;
        if n_upper == n_alpha && n_alpha > 1 {
            flags |= F_ALL_UPPER;
        }
    } else if flags & F_DIGIT == 0 {
        flags |= F_PUNCT;
    }
    (shape.finish(), short.finish(), flags)
}

/// Lexical features of a sentence, padded with two tokens on each side so
/// window lookups never go out of bounds.
pub struct Window {
    lex: Vec<Lex>,
}

pub const PAD: usize = 2;

impl Window {
    pub fn new<'a>(forms: impl Iterator<Item = &'a str>) -> Window {
        let mut lex = vec![Lex::pad(-1), Lex::pad(-1)];
        lex.extend(forms.map(Lex::new));
        lex.push(Lex::pad(1));
        lex.push(Lex::pad(1));
        Window { lex }
    }

    pub fn len(&self) -> usize {
        self.lex.len() - 2 * PAD
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Token at sentence position `i + offset` (`offset` in -2..=2); pads outside.
    #[inline]
    pub fn at(&self, i: usize, offset: isize) -> &Lex {
        let j = (i + PAD) as isize + offset;
        &self.lex[j.clamp(0, self.lex.len() as isize - 1) as usize]
    }
}
