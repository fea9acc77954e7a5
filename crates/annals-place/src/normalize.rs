//! Name keys: the one normalization shared by the gazetteer build and lookup.
//!
//! A key is lowercase ASCII-folded text with punctuation dropped or turned
//! into single spaces, so `"Al-Raqqa"`, `"AL RAQQA"` and `"Al Raqqa"` meet,
//! and `"U.S."` becomes `"us"`.

/// Normalize a place name (or a run of tokens) into a gazetteer key.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        match c {
            // Apostrophes, dots and Arabic ayn/hamza marks vanish: "Sana'a" = "Sanaa".
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02BB}' | '\u{02BC}' | '\u{02BF}' | '\u{02BE}'
            | '`' | '.' => {}
            c if c.is_alphanumeric() => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                push_folded(&mut out, c);
            }
            _ => pending_space = true,
        }
    }
    canonical_words(out)
}

/// Arabic name words romanized many ways (`Tal`/`Tall`/`Tell`, `Deir`/`Dayr`):
/// one spelling each, so `Tal Afar` meets GeoNames' `Tall 'Afar`.
fn canonical_words(k: String) -> String {
    const VARIANTS: [(&str, &str); 16] = [
        ("tall", "tal"),
        ("tell", "tal"),
        ("tel", "tal"),
        ("deir", "dayr"),
        ("dair", "dayr"),
        ("deyr", "dayr"),
        ("ain", "ayn"),
        ("ein", "ayn"),
        ("jebel", "jabal"),
        ("jabel", "jabal"),
        ("jebal", "jabal"),
        ("beit", "bayt"),
        ("bait", "bayt"),
        ("kfar", "kafr"),
        ("kefar", "kafr"),
        ("abou", "abu"),
    ];
    if !k.split(' ').any(|w| VARIANTS.iter().any(|(v, _)| *v == w)) {
        return k;
    }
    k.split(' ')
        .map(|w| VARIANTS.iter().find(|(v, _)| *v == w).map_or(w, |(_, c)| c))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key without a leading Arabic article (`al`, `ar`, `ash`...), if it has one.
pub fn strip_article(key: &str) -> Option<&str> {
    const ARTICLES: [&str; 13] = [
        "al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash ", "adh ", "ath ", "ad ",
        "ez ",
    ];
    ARTICLES
        .iter()
        .find_map(|a| key.strip_prefix(a))
        .filter(|rest| rest.len() >= 3)
}

fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'Ā' | 'ā' | 'Ă'
        | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ḍ' | 'ḍ' | 'Ḏ' | 'ḏ' | 'Ḑ' | 'ḑ' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'è' | 'é' | 'ê' | 'ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę'
        | 'ę' | 'Ě' | 'ě' => "e",
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' | 'Ḥ' | 'ḥ' | 'Ḫ' | 'ḫ' | 'Ḩ' | 'ḩ' | 'ẖ' => "h",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'ì' | 'í' | 'î' | 'ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į'
        | 'į' | 'İ' | 'ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' | 'Ṉ' | 'ṉ' => "n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ'
        | 'ŏ' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' | 'Ṣ' | 'ṣ' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' | 'Ṭ' | 'ṭ' | 'Ṯ' | 'ṯ' => {
            "t"
        }
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'ù' | 'ú' | 'û' | 'ü' | 'Ũ' | 'ũ' | 'Ū' | 'ū' | 'Ŭ' | 'ŭ' | 'Ů'
        | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' | 'Ẓ' | 'ẓ' | 'Ẕ' | 'ẕ' => "z",
        'Þ' | 'þ' => "th",
        'Ð' | 'ð' => "d",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(folded);
}

/// Whether `s` is written in Latin script (letters, spaces, and name punctuation only).
pub fn is_latin_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_alphabetic()
                || matches!(
                    c,
                    ' ' | '-' | '\'' | '.' | '\u{2018}' | '\u{2019}' | '`' | ',' | '(' | ')'
                )
                || ('\u{02BB}'..='\u{02BF}').contains(&c)
                || ('\u{00C0}'..='\u{024F}').contains(&c)
                || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_meet_across_spellings() {
        assert_eq!(key("Al-Raqqa"), "al raqqa");
        assert_eq!(key("AL RAQQA"), "al raqqa");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("Sana'a"), "sanaa");
        assert_eq!(key("Zürich"), "zurich");
        assert_eq!(key("  São  Paulo "), "sao paulo");
        assert_eq!(key("Tal Afar"), key("Tall \u{2018}Afar"));
        assert_eq!(key("Al Huwayjah"), key("Al \u{1E28}uwayjah"));
        assert_eq!(key("Deir ez-Zor"), "dayr ez zor");
    }

    #[test]
    fn article_is_stripped_only_before_a_real_name() {
        assert_eq!(strip_article("al hillah"), Some("hillah"));
        assert_eq!(strip_article("ar raqqah"), Some("raqqah"));
        assert_eq!(strip_article("al"), None);
        assert_eq!(strip_article("baghdad"), None);
    }

    #[test]
    fn latin_names_are_told_from_other_scripts() {
        assert!(is_latin_name("Dayr az Zawr"));
        assert!(is_latin_name("Tall \u{2018}Afar"));
        assert!(!is_latin_name("بغداد"));
        assert!(!is_latin_name("Багдад"));
    }
}
