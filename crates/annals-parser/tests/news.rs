//! The shipped model on wire-style sentences we wrote: the attachments that
//! event coding depends on (who is the subject, what is the object, which
//! phrase is the agent of a passive, apposition, coordination).
//!
//! Tags come from the real annals-nlp tagger, as in the pipeline.

use annals_core::{Component, Doc, Document, Sentence, Span, Token, Upos};
use annals_nlp::Tagger;
use annals_parser::Parser;

/// Tokens of one pre-tokenized sentence (space-separated), tagged and parsed.
fn parse(sentence: &str) -> Vec<Token> {
    let mut doc = Doc::new(Document::new("t", sentence));
    let mut at = 0;
    for w in sentence.split(' ') {
        doc.tokens.push(Token {
            span: Span::new(at, at + w.len()),
            text: w.to_owned(),
            space_after: true,
            ..Token::default()
        });
        at += w.len() + 1;
    }
    doc.sentences.push(Sentence {
        span: Span::new(0, sentence.len()),
        tokens: 0..doc.tokens.len(),
    });
    Tagger::embedded().unwrap().process(&mut doc).unwrap();
    Parser::embedded().unwrap().process(&mut doc).unwrap();
    doc.tokens
}

fn find(toks: &[Token], word: &str) -> usize {
    toks.iter()
        .position(|t| t.text == word)
        .unwrap_or_else(|| panic!("no token {word:?}"))
}

/// Assert that `dep` attaches to `head` with one of `rels`.
#[track_caller]
fn assert_arc(toks: &[Token], dep: &str, head: &str, rels: &[&str]) {
    let d = &toks[find(toks, dep)];
    let h = d.head.map(|h| toks[h].text.as_str()).unwrap_or("ROOT");
    let dump: Vec<String> = toks
        .iter()
        .map(|t| {
            format!(
                "{}/{}<-{}:{}",
                t.text,
                t.xpos,
                t.head.map_or("ROOT", |h| toks[h].text.as_str()),
                t.deprel
            )
        })
        .collect();
    assert!(
        h == head && rels.contains(&d.deprel.as_str()),
        "{dep}: expected {head} with {rels:?}, got {h} with {} in {dump:?}",
        d.deprel
    );
}

fn root(toks: &[Token]) -> &str {
    let roots: Vec<&Token> = toks.iter().filter(|t| t.head.is_none()).collect();
    assert_eq!(roots.len(), 1, "exactly one root");
    assert_eq!(roots[0].deprel, "root");
    &roots[0].text
}

#[test]
fn active_clause_with_subject_object_and_obliques() {
    let t = parse("Iraqi police fired tear gas at protesters in Baghdad on Sunday .");
    assert_eq!(root(&t), "fired");
    assert_arc(&t, "police", "fired", &["nsubj"]);
    assert_arc(&t, "gas", "fired", &["obj"]);
    assert_arc(&t, "protesters", "fired", &["obl"]);
    assert_arc(&t, "at", "protesters", &["case"]);
    assert_arc(&t, "Sunday", "fired", &["obl", "obl:tmod"]);
    assert_arc(&t, "Iraqi", "police", &["amod"]);
}

/// `convoy` is in no training sentence (the tagger's lexicon knows it is a
/// noun), and nothing after `crossed` tells a left-to-right tagger it is the
/// main verb rather than a participle.
#[test]
fn unknown_noun_subject_and_the_only_verb() {
    let t = parse("A UN aid convoy crossed into Syria on Monday .");
    assert_eq!(t[find(&t, "convoy")].upos, Upos::Noun);
    assert_eq!(root(&t), "crossed");
    assert_arc(&t, "convoy", "crossed", &["nsubj"]);
    assert_arc(&t, "Syria", "crossed", &["obl"]);
    let t = parse("Government warplanes bombed rebel outposts near the border .");
    assert_eq!(root(&t), "bombed");
    assert_arc(&t, "warplanes", "bombed", &["nsubj"]);
    assert_arc(&t, "outposts", "bombed", &["obj"]);
}

#[test]
fn passive_with_agent() {
    let t =
        parse("Dozens of rebels were killed by government troops near Aleppo , the army said .");
    assert_arc(&t, "Dozens", "killed", &["nsubj:pass"]);
    assert_arc(&t, "were", "killed", &["aux:pass"]);
    assert_arc(&t, "troops", "killed", &["obl:agent", "obl"]);
    assert_arc(&t, "by", "troops", &["case"]);
    assert_arc(&t, "army", "said", &["nsubj"]);
}

#[test]
fn reduced_relative_passive_inside_subject() {
    let t = parse(
        "The strikes , carried out by US forces , killed 12 civilians in the province on Tuesday .",
    );
    assert_eq!(root(&t), "killed");
    assert_arc(&t, "strikes", "killed", &["nsubj"]);
    assert_arc(&t, "carried", "strikes", &["acl"]);
    assert_arc(&t, "forces", "carried", &["obl:agent", "obl"]);
    assert_arc(&t, "civilians", "killed", &["obj"]);
    assert_arc(&t, "12", "civilians", &["nummod"]);
    let t = parse("A convoy attacked by militants near Kandahar lost three trucks .");
    assert_arc(&t, "attacked", "convoy", &["acl"]);
    assert_arc(&t, "militants", "attacked", &["obl:agent", "obl"]);
    assert_arc(&t, "convoy", "lost", &["nsubj"]);
}

/// Known weakness: without commas the tagger reads "carried" as a past tense
/// (VBD), and the greedy parser follows it down the garden path.
#[test]
fn reduced_relative_without_commas() {
    let t = parse(
        "Air strikes carried out by US forces killed 12 civilians in the province on Tuesday .",
    );
    assert_eq!(root(&t), "killed");
    assert_arc(&t, "carried", "strikes", &["acl"]);
    assert_arc(&t, "forces", "carried", &["obl:agent", "obl"]);
}

#[test]
fn apposition_and_reported_speech() {
    let t = parse(
        "Ahmed Hassan , a spokesman for the Interior Ministry , said the bomb killed five people .",
    );
    assert_eq!(root(&t), "said");
    assert_arc(&t, "Ahmed", "said", &["nsubj"]);
    assert_arc(&t, "spokesman", "Ahmed", &["appos"]);
    assert_arc(&t, "killed", "said", &["ccomp"]);
    assert_arc(&t, "bomb", "killed", &["nsubj"]);
    assert_arc(&t, "people", "killed", &["obj"]);
}

#[test]
fn coordinated_verbs_and_objects() {
    let t = parse("Protesters burned tyres and blocked roads in the capital , police said .");
    assert_arc(&t, "Protesters", "burned", &["nsubj"]);
    assert_arc(&t, "tyres", "burned", &["obj"]);
    assert_arc(&t, "blocked", "burned", &["conj"]);
    assert_arc(&t, "roads", "blocked", &["obj"]);
    assert_arc(&t, "and", "blocked", &["cc"]);
}

fn assert_subject(t: &[Token], verb: &str, allowed: &[&str]) {
    let subj: Vec<&str> = t
        .iter()
        .filter(|x| x.deprel == "nsubj" && x.head.map(|h| t[h].text.as_str()) == Some(verb))
        .map(|x| x.text.as_str())
        .collect();
    assert!(
        subj.len() == 1 && allowed.contains(&subj[0]),
        "subject of {verb}: {subj:?}"
    );
}

/// Flips with training noise: the session-2 model passed it, the models
/// retrained on the session-3 tagger's jackknifed tags (seeds 42 and 42-44)
/// attach `in New Delhi` to `Hayashi` (nmod), as `title_chain_as_object` below.
/// The session-4 model (seed 7) passed it; the session-5 model (seed 7,
/// trained on EWT dev too) attaches the place to the name again.
#[test]
#[ignore = "flips with training noise: PP after a name object attaches to the name"]
fn titles_and_long_names() {
    let t = parse("Prime Minister Narendra Modi met Hayashi in New Delhi on Monday .");
    assert_eq!(root(&t), "met");
    assert_subject(&t, "met", &["Minister", "Narendra", "Modi"]);
    assert_arc(&t, "Hayashi", "met", &["obj"]);
    assert_arc(&t, "Delhi", "met", &["obl"]);
    assert_arc(&t, "Monday", "met", &["obl", "obl:tmod"]);
}

/// Known weakness of the factored model (transition classifier + label
/// classifier, session 2): after a title-chain object ("Foreign Minister
/// Yoshimasa Hayashi") the place PP goes to the name (nmod) instead of the
/// verb; the joint-label model of session 1 got it right. The simpler case
/// above (a one-word object) passes.
#[test]
#[ignore = "known weakness: PP after a title-chain object attaches to the name"]
fn title_chain_as_object() {
    let t = parse("Prime Minister Narendra Modi met Foreign Minister Yoshimasa Hayashi in New Delhi on Monday .");
    assert_eq!(root(&t), "met");
    assert_arc(&t, "Yoshimasa", "met", &["obj"]);
    assert_arc(&t, "Delhi", "met", &["obl"]);
}

/// Known weakness: with a nationality adjective in front, the title chain of
/// the object is shifted as if it were the subject of a clause to come, and
/// the greedy parser cannot recover.
#[test]
fn nationality_title_chain_as_object() {
    let t = parse(
        "Prime Minister Narendra Modi met Japanese Foreign Minister Yoshimasa Hayashi in New Delhi on Monday .",
    );
    assert_arc(&t, "Yoshimasa", "met", &["obj"]);
}
