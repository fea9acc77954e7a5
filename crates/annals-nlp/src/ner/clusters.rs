//! Distributional word classes: words that occur between the same
//! neighbours share a class (`Tuesday`/`Friday`, `Enron`/`Google`,
//! `Fallujah`/`Najaf`), so what the recognizer learns for one word carries to
//! the others, including words never seen in entity-annotated text.
//!
//! The classes come from the exchange algorithm (Kneser & Ney 1993; Martin,
//! Liermann & Ney 1998): every word starts in a class by frequency rank,
//! then each word in turn moves to the class that most raises the
//! likelihood of a class bigram model of the text, until an iteration moves
//! few words. [`build`] generates the table (`data/word_clusters.tsv`,
//! `word TAB class`) from tokenized text (see
//! `annals_nlp::train::build_word_clusters`); [`WordClusters`] reads it.

use std::collections::HashMap;

use crate::perceptron::U64Map;

use super::word_stats::read_word_table;

static EMBEDDED: &str = include_str!("../../data/word_clusters.tsv");

/// Lowercase word → class; see the module docs.
#[derive(Debug, Clone, Default)]
pub struct WordClusters {
    classes: U64Map<u16>,
}

/// The value [`WordClusters::get`] returns for a word not in the table.
pub const UNKNOWN: u16 = u16::MAX;

impl WordClusters {
    /// The table shipped in `data/word_clusters.tsv`.
    pub fn embedded() -> WordClusters {
        WordClusters::from_text(EMBEDDED)
    }

    /// Read `word TAB class` lines (`#` comments); malformed lines are skipped.
    pub fn from_text(text: &str) -> WordClusters {
        let classes = read_word_table(text, |class| class.trim().parse::<u16>().ok());
        WordClusters { classes }
    }

    /// The class of a word given the hash of its lowercase form
    /// ([`crate::features::Lex::lower`]), or [`UNKNOWN`].
    #[inline]
    pub fn get(&self, lower_hash: u64) -> u16 {
        self.classes.get(&lower_hash).copied().unwrap_or(UNKNOWN)
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

/// `x ln x` (0 for 0).
fn xlogx(x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else {
        x * x.ln()
    }
}

/// Cluster the lowercase words of `sentences` seen at least `min_count`
/// times into `n_classes` classes with at most `iterations` passes of the
/// exchange algorithm; returns the table text (deterministic).
pub fn build<'a>(
    sentences: impl Iterator<Item = &'a [String]>,
    n_classes: usize,
    min_count: u32,
    iterations: usize,
) -> String {
    // Word ids: 0 = sentence boundary, 1 = rare word, then the vocabulary by
    // decreasing frequency (ties by spelling). Ids 0 and 1 keep fixed classes.
    let sentences: Vec<Vec<String>> = sentences
        .map(|s| s.iter().map(|w| w.to_lowercase()).collect())
        .collect();
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in &sentences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = freq
        .iter()
        .filter(|(_, &n)| n >= min_count)
        .map(|(&w, &n)| (w, n))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i + 2))
        .collect();
    let n_words = vocab.len() + 2;
    let n_classes = n_classes.max(3);
    // Bigram counts per word, both directions.
    let mut right: Vec<HashMap<usize, u32>> = vec![HashMap::new(); n_words];
    let mut left: Vec<HashMap<usize, u32>> = vec![HashMap::new(); n_words];
    let mut count = vec![0u32; n_words];
    for s in &sentences {
        let ids: Vec<usize> = std::iter::once(0)
            .chain(s.iter().map(|w| id.get(w.as_str()).copied().unwrap_or(1)))
            .chain(std::iter::once(0))
            .collect();
        for pair in ids.windows(2) {
            if let [a, b] = *pair {
                *right[a].entry(b).or_default() += 1;
                *left[b].entry(a).or_default() += 1;
                count[a] += 1;
            }
        }
    }
    // Sorted neighbour lists: iteration order must not depend on hashing.
    let sorted = |m: &HashMap<usize, u32>| {
        let mut v: Vec<(usize, u32)> = m.iter().map(|(&k, &n)| (k, n)).collect();
        v.sort_unstable();
        v
    };
    let right: Vec<Vec<(usize, u32)>> = right.iter().map(sorted).collect();
    let left: Vec<Vec<(usize, u32)>> = left.iter().map(sorted).collect();
    // Classes 0 and 1 hold the boundary and the rare words; the vocabulary
    // starts spread by frequency rank over the others.
    let mut class: Vec<usize> = (0..n_words)
        .map(|w| {
            if w < 2 {
                w
            } else {
                2 + (w - 2) % (n_classes - 2)
            }
        })
        .collect();
    let mut bigram = vec![0f64; n_classes * n_classes];
    let mut unigram = vec![0f64; n_classes];
    for (a, rs) in right.iter().enumerate() {
        for &(b, n) in rs {
            bigram[class[a] * n_classes + class[b]] += f64::from(n);
        }
        unigram[class[a]] += f64::from(count[a]);
    }
    // Per-word scratch: counts of the word's right and left neighbours by class.
    let mut to_class = vec![0f64; n_classes];
    let mut from_class = vec![0f64; n_classes];
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 2..n_words {
            let (Some(rs), Some(ls)) = (right.get(w), left.get(w)) else {
                continue;
            };
            let cw = f64::from(count[w]);
            let self_pairs = rs
                .iter()
                .find(|&&(b, _)| b == w)
                .map_or(0.0, |&(_, n)| f64::from(n));
            let a = class[w];
            // Take w out of its class.
            for &(b, n) in rs {
                if b != w {
                    to_class[class[b]] += f64::from(n);
                }
            }
            for &(u, n) in ls {
                if u != w {
                    from_class[class[u]] += f64::from(n);
                }
            }
            for c in 0..n_classes {
                bigram[a * n_classes + c] -= to_class[c];
                bigram[c * n_classes + a] -= from_class[c];
            }
            bigram[a * n_classes + a] -= self_pairs;
            unigram[a] -= cw;
            // The gain of putting w in class c (terms that do not depend on
            // c left out): bigram terms of the row and column of c, minus
            // the unigram terms (left and right counts are equal here,
            // sentence boundaries counted on both sides).
            let nonzero = |v: &[f64]| -> Vec<(usize, f64)> {
                v.iter()
                    .enumerate()
                    .filter(|(_, &x)| x > 0.0)
                    .map(|(d, &x)| (d, x))
                    .collect()
            };
            let (to_nz, from_nz) = (nonzero(&to_class), nonzero(&from_class));
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for c in 2..n_classes {
                let mut gain = 0.0;
                for &(d, t) in &to_nz {
                    if d != c {
                        let old = bigram[c * n_classes + d];
                        gain += xlogx(old + t) - xlogx(old);
                    }
                }
                for &(d, f) in &from_nz {
                    if d != c {
                        let old = bigram[d * n_classes + c];
                        gain += xlogx(old + f) - xlogx(old);
                    }
                }
                let own = bigram[c * n_classes + c];
                let own_add = to_class[c] + from_class[c] + self_pairs;
                gain += xlogx(own + own_add) - xlogx(own);
                gain -= 2.0 * (xlogx(unigram[c] + cw) - xlogx(unigram[c]));
                if gain > best_gain + 1e-9 {
                    best_gain = gain;
                    best = c;
                }
            }
            // Put w in the best class.
            for c in 0..n_classes {
                bigram[best * n_classes + c] += to_class[c];
                bigram[c * n_classes + best] += from_class[c];
            }
            bigram[best * n_classes + best] += self_pairs;
            unigram[best] += cw;
            if best != a {
                class[w] = best;
                moved += 1;
            }
            to_class.iter_mut().for_each(|x| *x = 0.0);
            from_class.iter_mut().for_each(|x| *x = 0.0);
        }
        if moved * 200 < n_words {
            break;
        }
    }
    let mut out = String::from(
        "# Word classes (exchange algorithm over a class bigram model) generated by\n\
         # annals_nlp::train::build_word_clusters; lowercase word TAB class.\n",
    );
    let mut rows: Vec<(&str, usize)> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, class[i + 2]))
        .filter(|(w, _)| !w.contains(char::is_whitespace))
        .collect();
    rows.sort_unstable();
    for (w, c) in rows {
        out.push_str(&format!("{w}\t{c}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Lex;

    #[test]
    fn words_in_the_same_slots_share_a_class() {
        let mut text: Vec<Vec<String>> = Vec::new();
        for (day, city) in [
            ("monday", "basra"),
            ("tuesday", "mosul"),
            ("friday", "basra"),
            ("monday", "kirkuk"),
            ("tuesday", "basra"),
            ("friday", "mosul"),
            ("friday", "kirkuk"),
        ] {
            for s in [
                format!("police said on {day} that troops left {city} ."),
                format!("on {day} , shops in {city} were closed ."),
            ] {
                text.push(s.split(' ').map(String::from).collect());
            }
        }
        let table = build(text.iter().map(Vec::as_slice), 6, 2, 20);
        let clusters = WordClusters::from_text(&table);
        let of = |w: &str| clusters.get(Lex::lower_hash(w));
        assert_ne!(of("monday"), UNKNOWN, "{table}");
        assert_eq!(of("monday"), of("friday"), "{table}");
        assert_eq!(of("basra"), of("mosul"), "{table}");
        assert_ne!(of("monday"), of("basra"), "{table}");
    }
}
