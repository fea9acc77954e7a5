//! CAMEO codes of speech acts about other events: the threat to do X (13x),
//! the demand or appeal that X be done (10x, 02x), the intent to do X (03x),
//! the refusal to do X (12x). CAMEO codes these by what X is; these tables
//! follow the codebook's parallel structure between the 03, 02/10, 12 and 13
//! families and the 04–08 and 14–20 families.

/// Intent to do `code` (`promised to release` → 0353). `None` when CAMEO has no
/// intent code for it (conflictual acts are threats, see [`threat_code`]).
pub(crate) fn intent_code(code: &str) -> Option<&'static str> {
    let c = |p: &str| code.starts_with(p);
    Some(if c("03") {
        return None;
    } else if c("045") {
        "039"
    } else if c("04") {
        "036"
    } else if c("057") {
        "030"
    } else if c("05") {
        "032"
    } else if c("061") {
        "0311"
    } else if c("062") {
        "0312"
    } else if c("063") {
        "0313"
    } else if c("064") {
        "0314"
    } else if c("06") {
        "031"
    } else if c("071") {
        "0331"
    } else if c("072") {
        "0332"
    } else if c("073") {
        "0333"
    } else if c("074") {
        "0334"
    } else if c("07") {
        "033"
    } else if c("0831") || c("0341") {
        "0341"
    } else if c("0832") {
        "0342"
    } else if c("0833") {
        "0343"
    } else if c("0834") || c("0344") {
        "0344"
    } else if c("083") || c("034") {
        "034"
    } else if c("081") {
        "0351"
    } else if c("082") {
        "0352"
    } else if c("084") {
        "0353"
    } else if c("085") {
        "0354"
    } else if c("086") {
        "0355"
    } else if c("087") {
        "0356"
    } else if c("08") {
        "035"
    } else if c("01") || c("02") || c("09") {
        "030"
    } else {
        return None;
    })
}

/// Threat to do `code` (`threatened to impose a curfew` → 1323).
pub(crate) fn threat_code(code: &str) -> &'static str {
    let c = |p: &str| code.starts_with(p);
    if c("162") {
        "1311"
    } else if c("163") {
        "1312"
    } else if c("161") {
        "1313"
    } else if c("164") {
        "134"
    } else if c("165") {
        "135"
    } else if c("166") {
        "136"
    } else if c("16") {
        "131"
    } else if c("1721") {
        "1321"
    } else if c("1722") {
        "1322"
    } else if c("1723") {
        "1323"
    } else if c("1724") {
        "1324"
    } else if c("172") {
        "132"
    } else if c("17") && !c("176") {
        "137"
    } else if c("14") {
        "133"
    } else if c("191") {
        "1381"
    } else if c("192") {
        "1382"
    } else if c("18") {
        "1383"
    } else if c("204") {
        "1385"
    } else if c("20") {
        "1383"
    } else if c("19") || c("15") || c("176") {
        "138"
    } else {
        "130"
    }
}

/// Demand (`appeal == false`) or appeal that the target do `code`.
pub(crate) fn demand_code(code: &str, appeal: bool) -> &'static str {
    let c = |p: &str| code.starts_with(p);
    let (d, a) = if c("061") {
        ("1011", "0211")
    } else if c("062") {
        ("1012", "0212")
    } else if c("063") {
        ("1013", "0213")
    } else if c("064") {
        ("1014", "0214")
    } else if c("06") {
        ("101", "021")
    } else if c("05") {
        ("102", "022")
    } else if c("071") {
        ("1031", "0231")
    } else if c("072") {
        ("1032", "0232")
    } else if c("073") {
        ("1033", "0233")
    } else if c("074") {
        ("1034", "0234")
    } else if c("07") {
        ("103", "023")
    } else if c("0831") || c("0341") {
        ("1041", "0241")
    } else if c("0832") || c("0342") {
        ("1042", "0242")
    } else if c("0833") || c("0343") {
        ("1043", "0243")
    } else if c("0834") || c("0344") {
        ("1044", "0244")
    } else if c("083") || c("034") {
        ("104", "024")
    } else if c("081") {
        ("1051", "0251")
    } else if c("082") {
        ("1052", "0252")
    } else if c("084") {
        ("1053", "0253")
    } else if c("085") {
        ("1054", "0254")
    } else if c("086") {
        ("1055", "0255")
    } else if c("087") {
        ("1056", "0256")
    } else if c("08") {
        ("105", "025")
    } else if c("045") || c("039") {
        ("108", "028")
    } else if c("04") || c("036") {
        ("106", "026")
    } else if c("037") || c("057") {
        ("107", "027")
    } else {
        ("100", "020")
    };
    if appeal {
        a
    } else {
        d
    }
}

/// Refusal to do `code` (`refused to release` → 1243).
pub(crate) fn refusal_code(code: &str) -> &'static str {
    let c = |p: &str| code.starts_with(p);
    if c("061") || c("0311") {
        "1211"
    } else if c("062") || c("0312") {
        "1212"
    } else if c("06") || c("031") {
        "121"
    } else if c("07") || c("033") {
        "122"
    } else if c("0831") {
        "1231"
    } else if c("0832") {
        "1232"
    } else if c("0833") {
        "1233"
    } else if c("0834") {
        "1234"
    } else if c("083") {
        "123"
    } else if c("081") {
        "1241"
    } else if c("082") {
        "1242"
    } else if c("084") {
        "1243"
    } else if c("085") {
        "1244"
    } else if c("086") {
        "1245"
    } else if c("087") {
        "1246"
    } else if c("08") {
        "124"
    } else if c("045") {
        "126"
    } else if c("04") {
        "125"
    } else if c("057") || c("037") {
        "127"
    } else {
        "120"
    }
}

/// Whether an event of this code is cooperative (roots 03–08): said of the
/// future it is an intent; conflictual ones (13–20) said of the future are threats.
pub(crate) fn is_cooperative(code: &str) -> bool {
    matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08"))
}

pub(crate) fn is_material_conflict(code: &str) -> bool {
    matches!(
        code.get(..2).and_then(|r| r.parse::<u8>().ok()),
        Some(13..=20)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_families() {
        assert_eq!(intent_code("0841"), Some("0353"));
        assert_eq!(intent_code("042"), Some("036"));
        assert_eq!(intent_code("190"), None);
        assert_eq!(threat_code("1723"), "1323");
        assert_eq!(threat_code("195"), "138");
        assert_eq!(threat_code("161"), "1313");
        assert_eq!(demand_code("0841", false), "1053");
        assert_eq!(demand_code("0841", true), "0253");
        assert_eq!(refusal_code("0841"), "1243");
        assert!(is_cooperative("0874") && !is_cooperative("190"));
    }
}
