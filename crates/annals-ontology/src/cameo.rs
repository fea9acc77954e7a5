//! CAMEO event codes.

/// One CAMEO event code (2-, 3- or 4-digit) with its name and scores.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code as written in the codebook: `"19"`, `"195"`, `"0211"`.
    pub code: String,
    /// Codebook name (`"Employ aerial weapons- not specified below"`).
    pub name: String,
    /// Goldstein conflict–cooperation score, −10 … +10.
    pub goldstein: f32,
    /// True when the Goldstein table has no row for this code and the score was
    /// taken from its nearest parent (e.g. 1951 from 195).
    pub goldstein_inherited: bool,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
}

impl CameoCode {
    /// The two-digit root (`"19"` for `"1951"`).
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }

    /// The code one level up (`"195"` for `"1951"`, `"19"` for `"195"`), if any.
    pub fn parent(&self) -> Option<&str> {
        parent(&self.code)
    }
}

/// The code one level up, or `None` for a root.
pub(crate) fn parent(code: &str) -> Option<&str> {
    (code.len() > 2)
        .then(|| code.get(..code.len() - 1))
        .flatten()
}

/// QuadClass of a two-digit CAMEO root: 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4.
pub fn quad_class_of_root(root: &str) -> Option<u8> {
    let n: u8 = root.get(..2)?.parse().ok()?;
    match n {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}
