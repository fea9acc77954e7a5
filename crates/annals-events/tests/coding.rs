//! Event coding on hand-parsed wire-style sentences (gold parses written as
//! CoNLL-U, actors pushed by hand), so the tests pin the coder's behaviour
//! independently of the tagger, parser and actor coder.

use annals_core::{conllu, ActorCode, ActorMention, Component, Doc, Event, Modality};
use annals_events::EventCoder;

/// Build a one-sentence doc from `form|lemma|UPOS|head|deprel[|XPOS]` tokens and
/// actors given as (first token, last token, head token, country, sector), 0-based.
/// (first token, end token, head token, country, sector) of a hand-placed actor.
type ActorSpec<'a> = (usize, usize, usize, Option<&'a str>, Option<&'a str>);

fn doc(tokens: &str, actors: &[ActorSpec]) -> Doc {
    let mut text = String::new();
    for (i, t) in tokens.split_whitespace().enumerate() {
        let f: Vec<&str> = t.split('|').collect();
        assert!(f.len() == 5 || f.len() == 6, "bad token {t}");
        // An optional sixth field gives the XPOS (`accused|...|VBD`).
        let xpos = f.get(5).copied().unwrap_or(match f[2] {
            "VERB" => "VB",
            "NOUN" => "NN",
            "PROPN" => "NNP",
            "NUM" => "CD",
            _ => "_",
        });
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
            i + 1,
            f[0],
            f[1],
            f[2],
            xpos,
            f[3],
            f[4]
        ));
    }
    let mut d = conllu::to_doc("t", &conllu::parse(&text).unwrap());
    for &(a, b, h, country, sector) in actors {
        let span = d.tokens[a].span.cover(d.tokens[b].span);
        d.actors.push(ActorMention {
            text: d.slice(span).to_owned(),
            span,
            sentence: 0,
            tokens: a..b + 1,
            head: h,
            code: ActorCode::new(country, sector),
            ..Default::default()
        });
    }
    d
}

fn code(mut d: Doc) -> Doc {
    EventCoder::embedded().process(&mut d).unwrap();
    d
}

fn code_of(d: &Doc, e: &Event) -> (String, String, String) {
    let side = |a: &Option<annals_core::EventArg>| {
        a.as_ref()
            .and_then(|a| d.actors.get(a.actor))
            .map(|m| m.code.code.clone())
            .unwrap_or_default()
    };
    (e.cameo.clone(), side(&e.source), side(&e.target))
}

fn asserted(d: &Doc) -> Vec<&Event> {
    d.events
        .iter()
        .filter(|e| e.modality == Modality::Asserted)
        .collect()
}

#[test]
fn tear_gas_at_protesters_is_violent_repression() {
    let d = code(doc(
        "Police|police|NOUN|2|nsubj fired|fire|VERB|0|root tear|tear|NOUN|4|compound gas|gas|NOUN|2|obj \
         at|at|ADP|6|case protesters|protester|NOUN|2|obl .|.|PUNCT|2|punct",
        &[(0, 0, 0, None, Some("COP")), (5, 5, 5, None, Some("OPP"))],
    ));
    assert_eq!(d.events.len(), 1, "{:?}", d.events);
    let e = &d.events[0];
    assert_eq!(code_of(&d, e), ("175".into(), "COP".into(), "OPP".into()));
    assert_eq!(e.plover_type, "ASSAULT");
    assert_eq!(e.quad_class, 4);
    assert!(e.goldstein < 0.0);
    assert_eq!(e.target.as_ref().unwrap().via, "obl:at");
    assert!(e.rule.starts_with("lex:fire/v+obj="), "{}", e.rule);
    assert_eq!(d.slice(e.trigger), "fired");
}

#[test]
fn passive_attack_with_participle_casualties() {
    // A refugee camp was attacked by Burundian militiamen, killing at least 156 people.
    let d = code(doc(
        "A|a|DET|3|det refugee|refugee|NOUN|3|compound camp|camp|NOUN|5|nsubj:pass was|be|AUX|5|aux:pass \
         attacked|attack|VERB|0|root by|by|ADP|8|case Burundian|burundian|ADJ|8|amod militiamen|militiaman|NOUN|5|obl:agent \
         ,|,|PUNCT|10|punct killing|kill|VERB|5|advcl at|at|ADP|12|case least|least|ADJ|13|nmod:npmod 156|156|NUM|14|nummod \
         people|people|NOUN|10|obj .|.|PUNCT|5|punct",
        &[(1, 2, 2, None, Some("REF")), (6, 7, 7, Some("BDI"), Some("MIL"))],
    ));
    let ev = asserted(&d);
    assert_eq!(ev.len(), 1, "{:?}", d.events);
    assert_eq!(
        code_of(&d, ev[0]),
        ("190".into(), "BDIMIL".into(), "REF".into())
    );
    assert_eq!(ev[0].source.as_ref().unwrap().via, "obl:by");
    let dead = ev[0].casualties.dead.as_ref().expect("dead counted");
    assert_eq!((dead.value, dead.qualifier.as_str()), (156, "at_least"));
}

#[test]
fn nominal_air_strikes_with_by_and_against() {
    // US air strikes by US forces against the Kataeb Hezbollah militia (headline).
    let d = code(doc(
        "Air|air|NOUN|2|compound strikes|strike|NOUN|0|root by|by|ADP|5|case US|US|PROPN|5|compound forces|force|NOUN|2|nmod \
         against|against|ADP|10|case the|the|DET|10|det Kataeb|Kataeb|PROPN|9|compound Hezbollah|Hezbollah|PROPN|10|compound \
         militia|militia|NOUN|2|nmod",
        &[(3, 4, 4, Some("USA"), Some("MIL")), (7, 9, 9, Some("IRQ"), Some("REB"))],
    ));
    assert_eq!(d.events.len(), 1, "{:?}", d.events);
    assert_eq!(
        code_of(&d, &d.events[0]),
        ("195".into(), "USAMIL".into(), "IRQREB".into())
    );
    assert_eq!(d.slice(d.events[0].trigger), "Air strikes");
}

#[test]
fn light_verb_takes_the_code_of_its_noun() {
    // Israel launched an attack on Gaza militants.
    let d = code(doc(
        "Israel|Israel|PROPN|2|nsubj launched|launch|VERB|0|root an|a|DET|4|det attack|attack|NOUN|2|obj \
         on|on|ADP|7|case Gaza|Gaza|PROPN|7|compound militants|militant|NOUN|4|nmod .|.|PUNCT|2|punct",
        &[(0, 0, 0, Some("ISR"), None), (5, 6, 6, Some("PSE"), Some("REB"))],
    ));
    assert_eq!(d.events.len(), 1, "{:?}", d.events);
    let e = &d.events[0];
    assert_eq!(
        code_of(&d, e),
        ("190".into(), "ISR".into(), "PSEREB".into())
    );
    assert!(e.rule.starts_with("light:launch+"), "{}", e.rule);
    assert_eq!(d.slice(e.trigger), "launched an attack");
}

#[test]
fn threat_codes_the_threatened_act_and_marks_it() {
    // Iran threatened to launch a military offensive against Iraq.
    let d = code(doc(
        "Iran|Iran|PROPN|2|nsubj threatened|threaten|VERB|0|root to|to|PART|4|mark launch|launch|VERB|2|xcomp \
         a|a|DET|7|det military|military|ADJ|7|amod offensive|offensive|NOUN|4|obj against|against|ADP|9|case \
         Iraq|Iraq|PROPN|7|nmod .|.|PUNCT|2|punct",
        &[(0, 0, 0, Some("IRN"), None), (8, 8, 8, Some("IRQ"), None)],
    ));
    let threat: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.cameo.starts_with("13"))
        .collect();
    assert_eq!(threat.len(), 1, "{:?}", d.events);
    assert_eq!(
        code_of(&d, threat[0]),
        ("138".into(), "IRN".into(), "IRQ".into())
    );
    assert_eq!(threat[0].modality, Modality::Asserted);
    let inner: Vec<_> = d.events.iter().filter(|e| e.cameo == "190").collect();
    assert_eq!(inner.len(), 1);
    assert_eq!(inner[0].modality, Modality::Threatened);
    assert_eq!(
        code_of(&d, inner[0]).1,
        "IRN",
        "subject inherited through xcomp"
    );
}

#[test]
fn demand_that_target_release_prisoners() {
    // Washington demanded that Pyongyang release the detained sailors.
    let d = code(doc(
        "Washington|Washington|PROPN|2|nsubj demanded|demand|VERB|0|root that|that|SCONJ|5|mark Pyongyang|Pyongyang|PROPN|5|nsubj \
         release|release|VERB|2|ccomp the|the|DET|8|det detained|detain|VERB|8|amod sailors|sailor|NOUN|5|obj .|.|PUNCT|2|punct",
        &[(0, 0, 0, Some("USA"), None), (3, 3, 3, Some("PRK"), None), (7, 7, 7, None, Some("MIL"))],
    ));
    let demand: Vec<_> = asserted(&d);
    assert_eq!(demand.len(), 1, "{:?}", d.events);
    assert_eq!(
        code_of(&d, demand[0]),
        ("1053".into(), "USA".into(), "PRK".into())
    );
    assert_eq!(demand[0].plover_type, "REQUEST");
    let release: Vec<_> = d.events.iter().filter(|e| e.cameo == "0841").collect();
    assert_eq!(release.len(), 1);
    assert_eq!(release[0].modality, Modality::Demanded);
    assert_eq!(code_of(&d, release[0]).1, "PRK");
}

#[test]
fn negation_and_future() {
    // Police did not arrest the protesters.
    let d = code(doc(
        "Police|police|NOUN|4|nsubj did|do|AUX|4|aux not|not|PART|4|advmod arrest|arrest|VERB|0|root \
         the|the|DET|6|det protesters|protester|NOUN|4|obj .|.|PUNCT|4|punct",
        &[(0, 0, 0, None, Some("COP")), (5, 5, 5, None, Some("OPP"))],
    ));
    assert_eq!(d.events.len(), 1);
    assert_eq!(d.events[0].modality, Modality::Negated);

    // Jawara will visit Mauritania.
    let d = code(doc(
        "Jawara|Jawara|PROPN|3|nsubj will|will|AUX|3|aux visit|visit|VERB|0|root Mauritania|Mauritania|PROPN|3|obj .|.|PUNCT|3|punct",
        &[(0, 0, 0, Some("GMB"), Some("GOV")), (3, 3, 3, Some("MRT"), None)],
    ));
    let visit: Vec<_> = d.events.iter().filter(|e| e.cameo == "042").collect();
    assert_eq!(visit.len(), 1, "{:?}", d.events);
    assert_eq!(visit[0].modality, Modality::Planned);
    let intent: Vec<_> = asserted(&d);
    assert_eq!(intent.len(), 1);
    assert_eq!(
        code_of(&d, intent[0]),
        ("036".into(), "GMBGOV".into(), "MRT".into())
    );
    assert_eq!(intent[0].plover_type, "AGREE");
}

#[test]
fn conjoined_verbs_share_subject_and_casualties_are_counted() {
    // Troops killed at least 25 fighters and wounded 55, and arrested three people.
    let d = code(doc(
        "Troops|troop|NOUN|2|nsubj killed|kill|VERB|0|root at|at|ADP|4|case least|least|ADJ|5|nmod:npmod 25|25|NUM|6|nummod \
         fighters|fighter|NOUN|2|obj and|and|CCONJ|8|cc wounded|wound|VERB|2|conj 55|55|NUM|8|obj ,|,|PUNCT|12|punct \
         and|and|CCONJ|12|cc arrested|arrest|VERB|2|conj three|three|NUM|14|nummod people|people|NOUN|12|obj .|.|PUNCT|2|punct",
        &[(0, 0, 0, Some("SYR"), Some("MIL")), (5, 5, 5, None, Some("REB")), (13, 13, 13, None, Some("CVL"))],
    ));
    let kill: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.cameo.starts_with("19"))
        .collect();
    assert_eq!(kill.len(), 1, "{:?}", d.events);
    let c = &kill[0].casualties;
    assert_eq!(
        c.dead.as_ref().map(|x| (x.value, x.qualifier.as_str())),
        Some((25, "at_least"))
    );
    assert_eq!(
        c.injured.as_ref().map(|x| (x.value, x.qualifier.as_str())),
        Some((55, "exact"))
    );
    let arrest: Vec<_> = d.events.iter().filter(|e| e.cameo == "173").collect();
    assert_eq!(arrest.len(), 1);
    assert_eq!(
        code_of(&d, arrest[0]),
        ("173".into(), "SYRMIL".into(), "CVL".into())
    );
    assert_eq!(arrest[0].source.as_ref().unwrap().via, "conj-inherit");
    assert_eq!(
        arrest[0].casualties.arrested.as_ref().map(|x| x.value),
        Some(3)
    );
}

#[test]
fn non_political_senses_are_discarded() {
    // Stocks rallied in Tokyo.
    let d = code(doc(
        "Stocks|stock|NOUN|2|nsubj rallied|rally|VERB|0|root in|in|ADP|4|case Tokyo|Tokyo|PROPN|2|obl .|.|PUNCT|2|punct",
        &[(3, 3, 3, Some("JPN"), None)],
    ));
    assert!(d.events.is_empty(), "{:?}", d.events);
    // The Brazilian striker scored a goal after an attack by Argentina.
    let d = code(doc(
        "Argentina|Argentina|PROPN|2|nsubj attacked|attack|VERB|0|root and|and|CCONJ|4|cc scored|score|VERB|2|conj \
         a|a|DET|6|det goal|goal|NOUN|4|obj .|.|PUNCT|2|punct",
        &[(0, 0, 0, Some("ARG"), None)],
    ));
    assert!(d.events.is_empty(), "{:?}", d.events);
    // Protesters rallied outside parliament (political sense kept).
    let d = code(doc(
        "Protesters|protester|NOUN|2|nsubj rallied|rally|VERB|0|root outside|outside|ADP|4|case parliament|parliament|NOUN|2|obl .|.|PUNCT|2|punct",
        &[(0, 0, 0, None, Some("OPP")), (3, 3, 3, None, Some("LEG"))],
    ));
    assert_eq!(d.events.len(), 1);
    assert_eq!(
        code_of(&d, &d.events[0]),
        ("141".into(), "OPP".into(), "LEG".into())
    );
}

#[test]
fn event_needs_an_actor() {
    let d = code(doc(
        "The|the|DET|2|det man|man|NOUN|3|nsubj attacked|attack|VERB|0|root a|a|DET|5|det car|car|NOUN|3|obj .|.|PUNCT|3|punct",
        &[],
    ));
    assert!(d.events.is_empty(), "{:?}", d.events);
}

#[test]
fn user_lexicon_extends_and_overrides() {
    let mut d = doc(
        "Rebels|rebel|NOUN|2|nsubj torched|torch|VERB|0|root a|a|DET|4|det checkpoint|checkpoint|NOUN|2|obj .|.|PUNCT|2|punct",
        &[(0, 0, 0, None, Some("REB"))],
    );
    let coder = EventCoder::with_lexicon_text("torch/v 1712 conf=0.95\n", "user.txt").unwrap();
    coder.process(&mut d).unwrap();
    assert_eq!(d.events.len(), 1);
    assert_eq!(d.events[0].cameo, "1712");
    assert!(EventCoder::with_lexicon_text("torch/x 1712\n", "user.txt").is_err());
    let missing = EventCoder::with_lexicon_file("/nonexistent/lexicon.txt").unwrap_err();
    assert!(missing.to_string().contains("/nonexistent/lexicon.txt"));
}

#[test]
fn relative_light_verb_and_protest_purpose() {
    // Protesters gathered to condemn the strikes that US forces carried out against the militia.
    let d = code(doc(
        "Protesters|protester|NOUN|2|nsubj gathered|gather|VERB|0|root to|to|PART|4|mark condemn|condemn|VERB|2|advcl \
         the|the|DET|6|det strikes|strike|NOUN|4|obj that|that|PRON|10|obj US|US|PROPN|9|compound forces|force|NOUN|10|nsubj \
         carried|carry|VERB|6|acl:relcl out|out|ADP|10|compound:prt against|against|ADP|14|case the|the|DET|14|det \
         militia|militia|NOUN|10|obl .|.|PUNCT|2|punct",
        &[(0, 0, 0, Some("IRQ"), Some("OPP")), (7, 8, 8, Some("USA"), Some("MIL")), (13, 13, 13, Some("IRQ"), Some("REB"))],
    ));
    let strikes: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.cameo.starts_with("19"))
        .collect();
    assert_eq!(strikes.len(), 1, "{:?}", d.events);
    assert_eq!(code_of(&d, strikes[0]).1, "USAMIL");
    assert_eq!(code_of(&d, strikes[0]).2, "IRQREB");
    assert!(
        strikes[0].rule.starts_with("light:carry"),
        "{}",
        strikes[0].rule
    );
    // The condemnation is voiced by the protest: asserted, aimed at the strikes' author.
    let condemn: Vec<_> = d.events.iter().filter(|e| e.cameo == "111").collect();
    assert_eq!(condemn.len(), 1, "{:?}", d.events);
    assert_eq!(condemn[0].modality, Modality::Asserted);
    assert_eq!(
        code_of(&d, condemn[0]),
        ("111".into(), "IRQOPP".into(), "USAMIL".into())
    );
}

#[test]
fn denial_and_condition_are_not_assertions() {
    // The army denied shelling the village.
    let d = code(doc(
        "The|the|DET|2|det army|army|NOUN|3|nsubj denied|deny|VERB|0|root shelling|shell|VERB|3|xcomp \
         the|the|DET|6|det village|village|NOUN|4|obj .|.|PUNCT|3|punct",
        &[(0, 1, 1, Some("SYR"), Some("MIL")), (5, 5, 5, Some("SYR"), Some("CVL"))],
    ));
    assert_eq!(d.events.len(), 1, "{:?}", d.events);
    assert_eq!(d.events[0].cameo, "194");
    assert_eq!(d.events[0].modality, Modality::Denied);
    // Rebels will attack if talks fail.
    let d = code(doc(
        "Rebels|rebel|NOUN|3|nsubj will|will|AUX|3|aux attack|attack|VERB|0|root if|if|SCONJ|6|mark \
         talks|talk|NOUN|6|nsubj fail|fail|VERB|3|advcl .|.|PUNCT|3|punct",
        &[(0, 0, 0, None, Some("REB"))],
    ));
    let attack: Vec<_> = d.events.iter().filter(|e| e.cameo == "190").collect();
    assert_eq!(attack.len(), 1, "{:?}", d.events);
    assert_eq!(attack[0].modality, Modality::Planned);
    let threat: Vec<_> = asserted(&d);
    assert_eq!(threat.len(), 1, "{:?}", d.events);
    assert_eq!(threat[0].cameo, "138");
    assert!(
        threat[0].rule.starts_with("future:threat+condition"),
        "{}",
        threat[0].rule
    );
}

#[test]
fn heart_attack_and_sports_are_not_events() {
    // The minister suffered a heart attack.
    let d = code(doc(
        "The|the|DET|2|det minister|minister|NOUN|3|nsubj suffered|suffer|VERB|0|root a|a|DET|6|det \
         heart|heart|NOUN|6|compound attack|attack|NOUN|3|obj .|.|PUNCT|3|punct",
        &[(1, 1, 1, Some("FRA"), Some("GOV"))],
    ));
    assert!(d.events.is_empty(), "{:?}", d.events);
}

#[test]
fn a_past_tense_verb_tagged_as_preposition_is_still_the_verb() {
    // Riot police beat protesters with batons. — `beat` tagged ADP and read
    // as the preposition of `protesters`.
    let d = code(doc(
        "Riot|riot|NOUN|2|compound police|police|NOUN|0|root beat|beat|ADP|4|case \
         protesters|protester|NOUN|2|nmod with|with|ADP|6|case batons|baton|NOUN|4|nmod .|.|PUNCT|2|punct",
        &[
            (0, 1, 1, Some("RUS"), Some("COP")),
            (3, 3, 3, Some("RUS"), Some("OPP")),
        ],
    ));
    let ev = asserted(&d);
    assert_eq!(ev.len(), 1, "{:?}", d.events);
    assert_eq!(
        code_of(&d, ev[0]),
        ("182".into(), "RUSCOP".into(), "RUSOPP".into())
    );
    assert_eq!(d.slice(ev[0].trigger), "beat");
}

#[test]
fn one_violent_act_per_clause() {
    // Warplanes bombed rebel positions, killing 25 fighters.
    let d = code(doc(
        "Syrian|syrian|ADJ|2|amod warplanes|warplane|NOUN|3|nsubj bombed|bomb|VERB|0|root \
         rebel|rebel|NOUN|5|compound positions|position|NOUN|3|obj ,|,|PUNCT|7|punct \
         killing|kill|VERB|3|advcl 25|25|NUM|9|nummod fighters|fighter|NOUN|7|obj .|.|PUNCT|3|punct",
        &[
            (0, 1, 1, Some("SYR"), Some("MIL")),
            (3, 3, 3, Some("SYR"), Some("REB")),
            (8, 8, 8, Some("SYR"), Some("REB")),
        ],
    ));
    let violent: Vec<&Event> = asserted(&d)
        .into_iter()
        .filter(|e| e.quad_class == 4)
        .collect();
    assert_eq!(violent.len(), 1, "{:?}", d.events);
    assert_eq!(d.slice(violent[0].trigger), "bombed");
    let dead = violent[0]
        .casualties
        .dead
        .as_ref()
        .expect("the killing's dead kept");
    assert_eq!(dead.value, 25);
}

#[test]
fn a_protest_is_aimed_at_whom_its_purpose_names() {
    // Students staged demonstrations to demand reforms by the Suharto government.
    let d = code(doc(
        "Students|student|NOUN|2|nsubj staged|stage|VERB|0|root demonstrations|demonstration|NOUN|2|obj \
         to|to|PART|5|mark press|press|VERB|2|advcl reforms|reform|NOUN|5|obj by|by|ADP|10|case \
         the|the|DET|10|det Suharto|Suharto|PROPN|10|compound government|government|NOUN|6|nmod .|.|PUNCT|2|punct",
        &[
            (0, 0, 0, Some("IDN"), Some("EDU")),
            (8, 9, 9, Some("IDN"), Some("GOV")),
        ],
    ));
    let protest = asserted(&d)
        .into_iter()
        .find(|e| e.cameo.starts_with("14"))
        .expect("a protest");
    assert_eq!(code_of(&d, protest).2, "IDNGOV", "{:?}", d.events);
}

#[test]
fn who_reports_an_event_is_not_its_target() {
    // Rebels attacked the town, officials said.
    let d = code(doc(
        "Rebels|rebel|NOUN|2|nsubj attacked|attack|VERB|7|ccomp the|the|DET|4|det town|town|NOUN|2|obj \
         ,|,|PUNCT|7|punct officials|official|NOUN|7|nsubj said|say|VERB|0|root .|.|PUNCT|7|punct",
        &[
            (0, 0, 0, Some("SYR"), Some("REB")),
            (5, 5, 5, Some("USA"), Some("GOV")),
        ],
    ));
    let ev = asserted(&d);
    assert_eq!(ev.len(), 1, "{:?}", d.events);
    assert_eq!(
        code_of(&d, ev[0]),
        ("190".into(), "SYRREB".into(), "".into())
    );
}

#[test]
fn a_call_on_someone_to_act_is_a_request_whatever_the_act() {
    // The United Nations called on Sudan to respect the truce.
    let d = code(doc(
        "The|the|DET|3|det United|United|PROPN|3|compound Nations|Nations|PROPN|4|nsubj called|call|VERB|0|root \
         on|on|ADP|6|case Sudan|Sudan|PROPN|4|obl to|to|PART|8|mark respect|respect|VERB|4|advcl \
         the|the|DET|10|det truce|truce|NOUN|8|obj .|.|PUNCT|4|punct",
        &[(1, 2, 2, Some("IGO"), Some("UNO")), (5, 5, 5, Some("SDN"), None)],
    ));
    let ev = asserted(&d);
    assert_eq!(ev.len(), 1, "{:?}", d.events);
    let (cameo, source, target) = code_of(&d, ev[0]);
    assert!(cameo.starts_with("02"), "{cameo}");
    assert_eq!((source.as_str(), target.as_str()), ("IGOUNO", "SDN"));
}

#[test]
fn a_verb_misread_as_an_adjective_after_and_keeps_its_subject() {
    // The spokesman rejected the demand and accused government troops of
    // killing civilians. — `accused` read as an adjective of `troops`.
    let d = code(doc(
        "The|the|DET|2|det spokesman|spokesman|NOUN|3|nsubj rejected|reject|VERB|0|root|VBD the|the|DET|5|det \
         demand|demand|NOUN|3|obj and|and|CCONJ|9|cc accused|accuse|VERB|9|amod|VBN government|government|NOUN|9|compound \
         troops|troop|NOUN|5|conj of|of|SCONJ|11|mark killing|kill|VERB|9|acl civilians|civilian|NOUN|11|obj .|.|PUNCT|3|punct",
        &[
            (1, 1, 1, Some("AFG"), Some("REB")),
            (7, 8, 8, Some("AFG"), Some("MIL")),
            (11, 11, 11, Some("AFG"), Some("CVL")),
        ],
    ));
    let accuse = d
        .events
        .iter()
        .find(|e| e.cameo.starts_with("11"))
        .expect("an accusation");
    assert_eq!(
        code_of(&d, accuse),
        ("112".into(), "AFGREB".into(), "AFGMIL".into())
    );
}

#[test]
fn a_verb_conjoined_to_a_noun_belongs_to_the_verb_above() {
    // The UN welcomed the truce and called on Sudan to respect it.
    // — `called` read as a conjunct of `truce`.
    let d = code(doc(
        "The|the|DET|2|det UN|UN|PROPN|3|nsubj welcomed|welcome|VERB|0|root the|the|DET|5|det \
         truce|truce|NOUN|3|obj and|and|CCONJ|7|cc called|call|VERB|5|conj|VBD on|on|ADP|9|case \
         Sudan|Sudan|PROPN|7|obl to|to|PART|11|mark respect|respect|VERB|7|advcl it|it|PRON|11|obj .|.|PUNCT|3|punct",
        &[(1, 1, 1, Some("IGO"), Some("UNO")), (8, 8, 8, Some("SDN"), None)],
    ));
    let request = asserted(&d)
        .into_iter()
        .find(|e| e.cameo.starts_with("02"))
        .expect("a request");
    assert_eq!(
        code_of(&d, request),
        (request.cameo.clone(), "IGOUNO".into(), "SDN".into())
    );
}

#[test]
fn an_aid_convoy_arriving_is_aid_delivered() {
    // A United Nations aid convoy crossed into Syria.
    let d = code(doc(
        "A|a|DET|5|det United|United|PROPN|3|compound Nations|Nations|PROPN|5|compound aid|aid|NOUN|5|compound \
         convoy|convoy|NOUN|6|nsubj crossed|cross|VERB|0|root into|into|ADP|8|case Syria|Syria|PROPN|6|obl .|.|PUNCT|6|punct",
        &[(1, 2, 2, Some("IGO"), Some("UNO")), (7, 7, 7, Some("SYR"), None)],
    ));
    let ev = asserted(&d);
    assert_eq!(ev.len(), 1, "{:?}", d.events);
    assert_eq!(
        code_of(&d, ev[0]),
        ("070".into(), "IGOUNO".into(), "SYR".into())
    );
}

#[test]
fn what_is_to_follow_a_demand_has_not_happened() {
    // "The rebels demanded a truce before allowing aid convoys into the region."
    let d = code(doc(
        "The|the|DET|2|det rebels|rebel|NOUN|3|nsubj demanded|demand|VERB|0|root|VBD \
         a|a|DET|5|det truce|truce|NOUN|3|obj before|before|SCONJ|7|mark \
         allowing|allow|VERB|3|advcl|VBG aid|aid|NOUN|9|compound convoys|convoy|NOUN|7|obj \
         into|into|ADP|12|case the|the|DET|12|det region|region|NOUN|7|obl .|.|PUNCT|3|punct",
        &[(1, 1, 1, Some("BIH"), Some("REB"))],
    ));
    assert!(
        asserted(&d).iter().all(|e| !e.cameo.starts_with("08")),
        "the allowing is conditional: {:?}",
        d.events
    );
    // The same clause after a reported act did happen.
    let d = code(doc(
        "The|the|DET|2|det rebels|rebel|NOUN|3|nsubj shelled|shell|VERB|0|root|VBD \
         the|the|DET|5|det town|town|NOUN|3|obj before|before|SCONJ|7|mark \
         withdrawing|withdraw|VERB|3|advcl|VBG .|.|PUNCT|3|punct",
        &[(1, 1, 1, Some("BIH"), Some("REB"))],
    ));
    assert!(asserted(&d).iter().any(|e| e.cameo.starts_with("087")));
}

#[test]
fn a_hyphenated_participle_before_a_noun_is_no_event() {
    // "Israel mounted its long-threatened invasion of Lebanon."
    let d = code(doc(
        "Israel|Israel|PROPN|2|nsubj mounted|mount|VERB|0|root|VBD its|its|PRON|7|nmod:poss \
         long|long|ADJ|6|advmod -|-|PUNCT|4|punct threatened|threaten|VERB|7|amod|VBN \
         invasion|invasion|NOUN|2|obj of|of|ADP|9|case Lebanon|Lebanon|PROPN|7|nmod .|.|PUNCT|2|punct",
        &[(0, 0, 0, Some("ISR"), None), (8, 8, 8, Some("LBN"), None)],
    ));
    assert!(
        d.events.iter().all(|e| !e.cameo.starts_with("13")),
        "{:?}",
        d.events
    );
    assert!(d.events.iter().any(|e| e.cameo.starts_with("19")));
}

#[test]
fn a_participle_adjunct_is_no_act_of_the_subject() {
    // "Benin opened its borders to West Africans ordered out of Nigeria."
    let d = code(doc(
        "Benin|Benin|PROPN|2|nsubj opened|open|VERB|0|root|VBD its|its|PRON|4|nmod:poss \
         borders|border|NOUN|2|obj to|to|ADP|7|case West|West|PROPN|7|compound \
         Africans|African|PROPN|2|obl ordered|order|VERB|2|advcl|VBD out|out|ADP|11|case \
         of|of|ADP|11|case Nigeria|Nigeria|PROPN|8|obl .|.|PUNCT|2|punct",
        &[
            (0, 0, 0, Some("BEN"), None),
            (10, 10, 10, Some("NGA"), None),
        ],
    ));
    assert!(
        d.events.iter().all(|e| !e.cameo.starts_with("10")),
        "{:?}",
        d.events
    );
}

#[test]
fn a_curfew_with_no_one_named_is_aimed_at_the_country() {
    // "The government imposed a curfew in a town in southeastern Turkey."
    let d = code(doc(
        "Turkish|Turkish|ADJ|2|amod authorities|authority|NOUN|3|nsubj imposed|impose|VERB|0|root|VBD \
         a|a|DET|5|det curfew|curfew|NOUN|3|obj in|in|ADP|8|case the|the|DET|8|det \
         town|town|NOUN|5|nmod in|in|ADP|11|case southeastern|southeastern|ADJ|11|amod \
         Turkey|Turkey|PROPN|8|nmod .|.|PUNCT|3|punct",
        &[(0, 1, 1, Some("TUR"), Some("GOV")), (10, 10, 10, Some("TUR"), None)],
    ));
    let codes: Vec<_> = asserted(&d).iter().map(|e| code_of(&d, e)).collect();
    assert!(
        codes
            .iter()
            .any(|(c, s, t)| c.starts_with("172") && s == "TURGOV" && t == "TUR"),
        "{codes:?}"
    );
}

#[test]
fn a_that_clause_read_as_clausal_subject_is_the_demand() {
    // "Ghani demanded that the fighters withdraw" with the clause parsed as csubj.
    let d = code(doc(
        "Ghani|Ghani|PROPN|2|nsubj demanded|demand|VERB|0|root|VBD that|that|SCONJ|6|mark \
         the|the|DET|5|det fighters|fighter|NOUN|6|nsubj withdraw|withdraw|VERB|2|csubj \
         .|.|PUNCT|2|punct",
        &[
            (0, 0, 0, Some("AFG"), Some("GOV")),
            (4, 4, 4, Some("AFG"), Some("REB")),
        ],
    ));
    let codes: Vec<_> = asserted(&d).iter().map(|e| code_of(&d, e)).collect();
    assert!(
        codes
            .iter()
            .any(|(c, s, t)| c.starts_with("10") && s == "AFGGOV" && t == "AFGREB"),
        "{codes:?}"
    );
    assert!(
        codes.iter().all(|(c, _, _)| !c.starts_with("08")),
        "{codes:?}"
    );
}

#[test]
fn conjoined_parties_agree_with_each_other() {
    // "Abe and Xi agreed to hold a summit."
    let d = code(doc(
        "Abe|Abe|PROPN|4|nsubj and|and|CCONJ|3|cc Xi|Xi|PROPN|1|conj agreed|agree|VERB|0|root|VBD \
         to|to|PART|6|mark hold|hold|VERB|4|xcomp a|a|DET|8|det summit|summit|NOUN|6|obj .|.|PUNCT|4|punct",
        &[(0, 0, 0, Some("JPN"), Some("GOV")), (2, 2, 2, Some("CHN"), Some("GOV"))],
    ));
    let codes: Vec<_> = asserted(&d)
        .iter()
        .filter(|e| e.cameo.starts_with("03"))
        .map(|e| code_of(&d, e))
        .collect();
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert!(
        codes[0].1 != codes[0].2 && !codes[0].2.is_empty(),
        "{codes:?}"
    );
}

#[test]
fn a_finite_verb_read_as_an_adverb_is_the_verb() {
    // "The Palestinians reject proposed Israeli changes, a negotiator said."
    // parsed with `reject` as an adverb of `proposed`.
    let d = code(doc(
        "The|the|DET|2|det Palestinians|Palestinian|PROPN|4|nsubj reject|reject|VERB|4|advmod|VBP \
         proposed|propose|VERB|10|ccomp|VBN Israeli|Israeli|ADJ|6|amod changes|change|NOUN|4|obj \
         ,|,|PUNCT|9|punct a|a|DET|9|det negotiator|negotiator|NOUN|10|nsubj said|say|VERB|0|root|VBD \
         .|.|PUNCT|10|punct",
        &[(1, 1, 1, Some("PSE"), None), (4, 4, 4, Some("ISR"), None)],
    ));
    let codes: Vec<_> = d.events.iter().map(|e| code_of(&d, e)).collect();
    assert!(
        codes
            .iter()
            .any(|(c, s, _)| c.starts_with("12") && s == "PSE"),
        "{codes:?}"
    );
    assert!(
        codes.iter().all(|(c, _, _)| !c.starts_with("02")),
        "{codes:?}"
    );
}

#[test]
fn a_reporter_read_as_a_conjunct_is_not_a_party() {
    // "Police opened fire, killing one person and arresting 12, security sources said."
    // parsed with `sources` as a third conjunct of `killing`.
    let d = code(doc(
        "Police|police|NOUN|2|nsubj opened|open|VERB|14|ccomp|VBD fire|fire|NOUN|2|obj ,|,|PUNCT|5|punct \
         killing|kill|VERB|2|advcl|VBG one|one|NUM|7|nummod person|person|NOUN|5|obj and|and|CCONJ|9|cc \
         arresting|arrest|VERB|5|conj|VBG 12|12|NUM|9|obj ,|,|PUNCT|13|punct security|security|NOUN|13|compound \
         sources|source|NOUN|5|conj said|say|VERB|0|root|VBD .|.|PUNCT|14|punct",
        &[(0, 0, 0, Some("EGY"), Some("COP")), (12, 13, 13, Some("EGY"), Some("GOV"))],
    ));
    let codes: Vec<_> = d.events.iter().map(|e| code_of(&d, e)).collect();
    assert!(codes.iter().all(|(_, _, t)| t != "EGYGOV"), "{codes:?}");
    assert!(codes.iter().all(|(_, s, _)| s != "EGYGOV"), "{codes:?}");
}

#[test]
fn a_subject_noun_read_as_a_verbless_clause_keeps_its_verb() {
    // "Warplanes bombed rebel positions, killing 25 fighters, the ministry said."
    // parsed with `warplanes` heading the clause and `bombed` an adjective.
    let d = code(doc(
        "Syrian|Syrian|ADJ|2|amod warplanes|warplane|NOUN|12|ccomp|NNS bombed|bomb|VERB|5|amod|VBN \
         rebel|rebel|NOUN|5|compound positions|position|NOUN|2|nmod|NNS ,|,|PUNCT|7|punct \
         killing|kill|VERB|2|acl|VBG 25|25|NUM|9|nummod fighters|fighter|NOUN|7|obj|NNS ,|,|PUNCT|12|punct \
         ministry|ministry|NOUN|12|nsubj said|say|VERB|0|root|VBD .|.|PUNCT|12|punct",
        &[(0, 1, 1, Some("SYR"), Some("MIL")), (3, 4, 4, Some("SYR"), Some("REB"))],
    ));
    let violent: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.cameo.starts_with("18") || e.cameo.starts_with("19"))
        .map(|e| code_of(&d, e))
        .collect();
    assert_eq!(violent.len(), 1, "one violent act per clause: {violent:?}");
    assert_eq!(
        (violent[0].1.as_str(), violent[0].2.as_str()),
        ("SYRMIL", "SYRREB")
    );
}
