//! Word lists the recognizer consults: demonyms, common words, cue words.

use std::collections::{HashMap, HashSet};

use crate::normalize::key;

const DEMONYMS: &str = include_str!("../data/demonyms.tsv");
const COMMON_WORDS: &str = include_str!("../data/common_words.txt");

/// Demonyms and common words, keyed by normalized form.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Demonym key → ISO alpha-2 (`None` for group words like `Arab`).
    demonyms: HashMap<String, Option<String>>,
    common: HashSet<String>,
}

impl Lexicon {
    /// The lists compiled into annals.
    pub fn embedded() -> Lexicon {
        Lexicon::from_text(DEMONYMS, COMMON_WORDS)
    }

    /// Lists from text: `demonyms` as `word<TAB>ISO2-or-dash` lines,
    /// `common` one word per line; `#` starts a comment line.
    pub fn from_text(demonyms: &str, common: &str) -> Lexicon {
        let mut dem = HashMap::new();
        for l in rows(demonyms) {
            let mut f = l.split('\t');
            let (Some(w), cc) = (f.next(), f.next()) else {
                continue;
            };
            let cc = cc
                .map(str::trim)
                .filter(|c| c.len() == 2)
                .map(str::to_owned);
            let k = key(w);
            // Plurals and `-s` forms: `Iraqis`, `Americans`.
            dem.insert(format!("{k}s"), cc.clone());
            dem.insert(k, cc);
        }
        let common = rows(common).map(key).collect();
        Lexicon {
            demonyms: dem,
            common,
        }
    }

    /// `Some(country)` if `k` (a key) is a demonym; the inner option is the country.
    pub fn demonym(&self, k: &str) -> Option<Option<&str>> {
        self.demonyms.get(k).map(|c| c.as_deref())
    }

    /// Whether `k` is an ordinary English word that also names some town.
    pub fn is_common(&self, k: &str) -> bool {
        self.common.contains(k)
    }
}

/// Non-comment, non-blank lines.
fn rows(t: &str) -> impl Iterator<Item = &str> {
    t.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Words that put the following name in a place: `in Baghdad`, `near Mosul`.
pub(crate) fn is_locative_cue(word: &str) -> bool {
    is_locative_verb(word)
        || matches!(
            word.to_ascii_lowercase().as_str(),
            "in" | "near"
                | "at"
                | "outside"
                | "inside"
                | "from"
                | "to"
                | "into"
                | "across"
                | "around"
                | "towards"
                | "toward"
                | "through"
                | "throughout"
                | "of"
                | "west"
                | "east"
                | "north"
                | "south"
                | "northwest"
                | "northeast"
                | "southwest"
                | "southeast"
                | "via"
                | "between"
                | "within"
                | "off"
                | "over"
                | "outskirts"
                | "on"
        )
}

/// Verbs whose object is usually a place: `visited Paris`, `shelled Aleppo`.
pub(crate) fn is_locative_verb(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "visited"
            | "visit"
            | "reached"
            | "entered"
            | "captured"
            | "retook"
            | "seized"
            | "besieged"
            | "bombed"
            | "shelled"
    )
}

/// Words that make the following name a person: `Mr. Jordan`, `President Kerry`.
pub(crate) fn is_person_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "sir"
            | "lord"
            | "lady"
            | "president"
            | "gen"
            | "general"
            | "col"
            | "colonel"
            | "lt"
            | "capt"
            | "captain"
            | "sgt"
            | "maj"
            | "adm"
            | "admiral"
            | "sen"
            | "senator"
            | "rep"
            | "gov"
            | "governor"
            | "mayor"
            | "minister"
            | "premier"
            | "chancellor"
            | "sheikh"
            | "imam"
            | "ayatollah"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "rev"
            | "father"
            | "brother"
            | "judge"
            | "justice"
            | "spokesman"
            | "spokeswoman"
            | "secretary"
            | "ambassador"
            | "envoy"
            | "commander"
            | "chief"
            | "director"
            | "professor"
            | "prof"
            | "coach"
            | "mullah"
            | "emir"
            | "sultan"
            | "pastor"
            | "bishop"
            | "cardinal"
    )
}

/// Type words after a name: `Anbar province`, `Mosul city`.
pub(crate) fn type_word_after(word: &str) -> Option<crate::PlaceKind> {
    use crate::PlaceKind::*;
    match word.to_ascii_lowercase().as_str() {
        "province" | "governorate" | "state" | "region" | "oblast" | "prefecture" | "provinces" => {
            Some(Admin1)
        }
        "city" | "town" | "village" | "district" | "neighbourhood" | "neighborhood" | "suburb"
        | "area" => Some(City),
        _ => None,
    }
}

/// Type words before `of`: `the city of Mosul`, `the province of Anbar`.
pub(crate) fn type_word_before(word: &str) -> Option<crate::PlaceKind> {
    use crate::PlaceKind::*;
    match word.to_ascii_lowercase().as_str() {
        "province" | "governorate" | "state" | "region" => Some(Admin1),
        "city" | "town" | "village" | "cities" | "towns" | "villages" | "capital" | "port"
        | "district" | "outskirts" | "suburbs" => Some(City),
        "country" | "republic" | "kingdom" => Some(Country),
        _ => None,
    }
}

/// Compass words that may open a place name's modifier: `northern Iraq`.
pub(crate) fn is_direction_modifier(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northwestern"
            | "northeastern"
            | "southwestern"
            | "southeastern"
            | "north"
            | "south"
            | "east"
            | "west"
            | "greater"
            | "upper"
            | "lower"
            | "rural"
            | "downtown"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_and_plurals_are_known() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.demonym("iraqi"), Some(Some("IQ")));
        assert_eq!(lex.demonym("americans"), Some(Some("US")));
        assert_eq!(lex.demonym("arab"), Some(None));
        assert_eq!(lex.demonym("baghdad"), None);
    }

    #[test]
    fn common_words_are_known() {
        let lex = Lexicon::embedded();
        assert!(lex.is_common("police"));
        assert!(lex.is_common("march"));
        assert!(!lex.is_common("baghdad"));
    }
}
