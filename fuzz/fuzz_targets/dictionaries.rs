//! The user-supplied data readers over arbitrary (lossy-decoded) text: the
//! first byte picks PETRARCH actor or agent dictionary, PETRARCH verb
//! dictionary, discard list, or gold file. A malformed file must be an error
//! naming the file; a file that parses must then code a fixed, parsed sentence
//! without panicking.
#![no_main]

use annals_actors::dictionary::{parse_actors, parse_agents};
use annals_core::{conllu, Component, Doc};
use annals_petrarch::{DiscardList, PetrarchCoder, VerbDictionary};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const NAME: &str = "fuzz.txt";

/// `Gondor's army accused Arnor of corruption in Minas Tirith.`, parsed.
const SENTENCE: &str = "\
1\tGondor\tGondor\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tarmy\tarmy\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_
5\tArnor\tArnor\tPROPN\tNNP\t_\t4\tobj\t_\t_
6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_
7\tcorruption\tcorruption\tNOUN\tNN\t_\t4\tobl\t_\t_
8\tin\tin\tADP\tIN\t_\t10\tcase\t_\t_
9\tMinas\tMinas\tPROPN\tNNP\t_\t10\tcompound\t_\t_
10\tTirith\tTirith\tPROPN\tNNP\t_\t7\tnmod\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
const VERBS: &str = "--- ACCUSE [112] ---\nACCUSE\n- * + (OF &CRIME) [1121]\n- $ ARMY * + [1122]\n&CRIME\n+CORRUPTION\n";
const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nMINAS_TIRITH [GON]\n";
const AGENTS: &str = "ARMY [~MIL]\nSOLDIER [~MIL]\n";

fn doc() -> Doc {
    static D: OnceLock<Doc> = OnceLock::new();
    D.get_or_init(|| {
        conllu::to_doc(
            "fixed",
            &conllu::parse(SENTENCE).expect("fixed sentence parses"),
        )
    })
    .clone()
}

fn check_err(msg: String) {
    assert!(msg.starts_with(NAME), "error does not name the file: {msg}");
}

fn code(coder: &PetrarchCoder) {
    let mut d = doc();
    let _ = coder.process(&mut d);
    for e in &d.events {
        for a in [&e.source, &e.target].into_iter().flatten() {
            assert!(
                a.actor < d.actors.len(),
                "event actor {} of {}",
                a.actor,
                d.actors.len()
            );
        }
    }
}

fn fixed_verbs() -> VerbDictionary {
    VerbDictionary::parse(VERBS, "verbs").expect("fixed verbs parse")
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match sel % 5 {
        0 => match parse_actors(&text, NAME) {
            Ok(actors) => {
                let _ = actors.to_text();
                let agents = parse_agents(AGENTS, "agents").expect("fixed agents parse");
                code(
                    &PetrarchCoder::new(fixed_verbs())
                        .with_actor_dictionaries(vec![actors], vec![agents]),
                );
            }
            Err(e) => check_err(e.to_string()),
        },
        1 => match parse_agents(&text, NAME) {
            Ok(agents) => {
                let _ = agents.to_text();
                let actors = parse_actors(ACTORS, "actors").expect("fixed actors parse");
                code(
                    &PetrarchCoder::new(fixed_verbs())
                        .with_actor_dictionaries(vec![actors], vec![agents]),
                );
            }
            Err(e) => check_err(e.to_string()),
        },
        2 => match VerbDictionary::parse(&text, NAME) {
            Ok(verbs) => {
                let actors = parse_actors(ACTORS, "actors").expect("fixed actors parse");
                let agents = parse_agents(AGENTS, "agents").expect("fixed agents parse");
                code(
                    &PetrarchCoder::new(verbs).with_actor_dictionaries(vec![actors], vec![agents]),
                );
            }
            Err(e) => check_err(e.to_string()),
        },
        3 => {
            let discards = DiscardList::parse(&text, NAME);
            let _ = discards.check(doc().text());
            let actors = parse_actors(ACTORS, "actors").expect("fixed actors parse");
            code(
                &PetrarchCoder::new(fixed_verbs())
                    .with_actor_dictionaries(vec![actors], vec![])
                    .with_discards(discards),
            );
        }
        _ => match annals::eval::read_gold(NAME, &text) {
            Ok(gold) => {
                for g in &gold {
                    let _ = annals::eval::score_document(&g.events, &[]);
                }
            }
            Err(e) => check_err(e),
        },
    }
});
