//! PLOVER 0.8 event types, modes, contexts, and the CAMEO → PLOVER coding.

/// The PLOVER reading of a CAMEO code, from the CAMEO2PLOVER crosswalk.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverCoding {
    /// The CAMEO code of the crosswalk row.
    pub cameo: String,
    /// PLOVER type (`ASSAULT`).
    pub event_type: String,
    /// PLOVER mode (`aerial`), when the crosswalk gives one.
    pub mode: Option<String>,
    /// PLOVER contexts (`military`, `legal`...), possibly none.
    pub contexts: Vec<String>,
    /// Where the row comes from: `crosswalk`, `correction` (see `data/README.md`)
    /// or `appeal-parallel` (02x coded like the matching 10x demand).
    pub origin: String,
}

/// One mode of a PLOVER type, with its conflict–cooperation score where the
/// manual gives one.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverMode {
    pub name: String,
    pub score: Option<f32>,
}

/// One of the 16 PLOVER 0.8 event types.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverType {
    /// `AGREE`, `CONSULT`, ... `ASSAULT`.
    pub name: String,
    /// QuadClass stated in the manual (1 verbal coop. … 4 material conflict).
    pub quad_class: u8,
    /// Whether the manual requires a recipient (target) for this type.
    pub requires_recipient: bool,
    /// PLOVER conflict–cooperation score of the type.
    pub score: Option<f32>,
    pub modes: Vec<PloverMode>,
}

impl PloverType {
    pub fn mode(&self, name: &str) -> Option<&PloverMode> {
        self.modes.iter().find(|m| m.name == name)
    }
}

/// A PLOVER context (`military`, `economic`, `rights_freedoms`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverContext {
    pub name: String,
    pub description: String,
}

/// The PLOVER type annals' scorer gives a bare CAMEO root (the convention in
/// `../shared/gold/README.md`): 01 SUPPORT, 02 REQUEST, 03 AGREE, 04 CONSULT,
/// 05 SUPPORT, 06 COOPERATE, 07 AID, 08 CONCEDE, 09 ACCUSE, 10 REQUEST,
/// 11 ACCUSE, 12 REJECT, 13 THREATEN, 14 PROTEST, 15 MOBILIZE, 16 SANCTION,
/// 17 COERCE, 18–20 ASSAULT. Use it when the crosswalk has no row (01x).
pub fn root_plover_type(root: &str) -> Option<&'static str> {
    Some(match root.get(..2)? {
        "01" | "05" => "SUPPORT",
        "02" | "10" => "REQUEST",
        "03" => "AGREE",
        "04" => "CONSULT",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => "CONCEDE",
        "09" | "11" => "ACCUSE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "19" | "20" => "ASSAULT",
        _ => return None,
    })
}
