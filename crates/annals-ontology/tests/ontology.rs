//! Behaviour of the embedded ontology.

use annals_ontology::{quad_class_of_root, root_plover_type, Ontology};

#[test]
fn every_codebook_level_is_present_with_scores() {
    let onto = Ontology::embedded();
    let codes = onto.cameo_codes();
    assert!(codes.len() > 300, "only {} CAMEO codes", codes.len());
    for depth in [2, 3, 4] {
        assert!(
            codes.iter().any(|c| c.code.len() == depth),
            "no {depth}-digit codes"
        );
    }
    for c in codes {
        assert!(
            (-10.0..=10.0).contains(&c.goldstein),
            "{}: goldstein {}",
            c.code,
            c.goldstein
        );
        assert_eq!(
            Some(c.quad_class),
            quad_class_of_root(&c.code),
            "{}",
            c.code
        );
        assert!(!c.name.is_empty());
    }
}

#[test]
fn arrest_is_material_conflict_and_coerce() {
    let onto = Ontology::embedded();
    let arrest = onto.cameo("173").unwrap();
    assert!(arrest.name.to_lowercase().contains("arrest"));
    assert_eq!(arrest.goldstein, -5.0);
    assert_eq!(arrest.quad_class, 4);
    assert_eq!(arrest.root(), "17");
    assert_eq!(onto.plover("173"), Some(("COERCE", Some("arrest"))));
    assert_eq!(onto.acled("173").unwrap().sub_event_type, "Arrests");
}

#[test]
fn quad_class_boundaries() {
    let onto = Ontology::embedded();
    for (code, quad) in [
        ("057", 1),
        ("0211", 1),
        ("061", 2),
        ("0874", 2),
        ("090", 3),
        ("1385", 3),
        ("141", 4),
        ("2042", 4),
    ] {
        assert_eq!(onto.cameo(code).unwrap().quad_class, quad, "{code}");
    }
}

#[test]
fn protests_map_to_protest() {
    let onto = Ontology::embedded();
    for c in onto
        .cameo_codes()
        .iter()
        .filter(|c| c.code.starts_with("14"))
    {
        assert_eq!(
            onto.plover(&c.code).map(|p| p.0),
            Some("PROTEST"),
            "{}",
            c.code
        );
        assert!(onto.acled(&c.code).is_some(), "{}", c.code);
    }
    assert_eq!(onto.acled("1451").unwrap().event_type, "Riots");
    assert_eq!(
        onto.acled("141").unwrap().sub_event_type,
        "Peaceful protest"
    );
}

#[test]
fn aerial_weapons_and_fallback_to_parents() {
    let onto = Ontology::embedded();
    assert_eq!(onto.plover("195"), Some(("ASSAULT", Some("aerial"))));
    assert_eq!(onto.plover("1952"), Some(("ASSAULT", Some("drone"))));
    assert_eq!(onto.plover("194"), Some(("ASSAULT", Some("heavy-weapons"))));
    // 1411 has its own row; a 4-digit code absent from the crosswalk falls back to its parent.
    assert_eq!(onto.plover_coding("1011").unwrap().cameo, "1011");
    assert_eq!(
        onto.plover_coding("0432").map(|c| c.cameo.as_str()),
        Some("043")
    );
    assert_eq!(
        onto.acled("1952").unwrap().sub_event_type,
        "Air/drone strike"
    );
    // Statements have no PLOVER type; the scorer's root convention covers them.
    assert_eq!(onto.plover("010"), None);
    assert_eq!(root_plover_type("010"), Some("SUPPORT"));
    assert_eq!(onto.acled("010"), None);
}

#[test]
fn appeals_follow_demands() {
    let onto = Ontology::embedded();
    assert_eq!(onto.plover("0233"), onto.plover("1033"));
    assert_eq!(
        onto.plover_coding("0233").unwrap().origin,
        "appeal-parallel"
    );
}

#[test]
fn sixteen_plover_types_and_crosswalk_uses_only_them() {
    let onto = Ontology::embedded();
    let names: Vec<&str> = onto
        .plover_types()
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names.len(), 16, "{names:?}");
    assert!(onto
        .plover_type("assault")
        .unwrap()
        .mode("aerial")
        .is_some());
    assert!(onto
        .plover_contexts()
        .iter()
        .any(|c| c.name == "rights_freedoms"));
    for c in onto.cameo_codes() {
        let Some(p) = onto.plover_coding(&c.code) else {
            continue;
        };
        let Some(t) = onto.plover_type(&p.event_type) else {
            panic!("{}: unknown type {}", c.code, p.event_type);
        };
        if let Some(m) = &p.mode {
            assert!(
                t.mode(m).is_some(),
                "{}: {} has no mode {m}",
                c.code,
                t.name
            );
        }
        for ctx in &p.contexts {
            assert!(
                onto.plover_contexts().iter().any(|x| &x.name == ctx),
                "{}: unknown context {ctx}",
                c.code
            );
        }
    }
}

#[test]
fn every_code_but_statements_has_a_plover_type() {
    let onto = Ontology::embedded();
    let missing: Vec<&str> = onto
        .cameo_codes()
        .iter()
        .filter(|c| !c.code.starts_with("01") && onto.plover(&c.code).is_none())
        .map(|c| c.code.as_str())
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn malformed_user_table_is_an_error_with_line() {
    let err = Ontology::from_texts("# header\n195\tAerial\n", "", "", "").unwrap_err();
    assert!(err.to_string().contains("cameo.tsv:2"), "{err}");
    let err = Ontology::from_texts("1x5\tA\t0\tcameo\t4\t\t\t\t\n", "", "", "").unwrap_err();
    assert!(err.to_string().contains("bad CAMEO code"), "{err}");
}
