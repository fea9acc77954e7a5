//! Behaviour of the shipped tagger and lemmatizer on wire-style sentences we wrote.

mod common;

use annals_core::{Component, Upos};
use annals_nlp::{NlpError, Tagger};
use common::doc_of;

#[test]
fn tags_and_lemmatizes_a_wire_sentence() {
    let tagger = Tagger::embedded().unwrap();
    let mut doc = doc_of(&[
        "Police fired tear gas at protesters in Baghdad on Sunday , officials said .",
        "Militants struck a convoy near the border and killed two soldiers .",
    ]);
    tagger.process(&mut doc).unwrap();
    let find = |w: &str| doc.tokens.iter().find(|t| t.text == w).unwrap();
    assert_eq!(find("fired").upos, Upos::Verb);
    assert_eq!(find("fired").xpos, "VBD");
    assert_eq!(find("fired").lemma, "fire");
    assert_eq!(find("struck").lemma, "strike");
    assert_eq!(find("killed").lemma, "kill");
    assert_eq!(find("soldiers").lemma, "soldier");
    assert_eq!(find("protesters").upos, Upos::Noun);
    assert_eq!(find("Baghdad").upos, Upos::Propn);
    assert_eq!(find("Baghdad").lemma, "Baghdad");
    assert_eq!(find("said").lemma, "say");
    assert_eq!(find(",").upos, Upos::Punct);
    // Every token got a tag and a lemma.
    assert!(doc
        .tokens
        .iter()
        .all(|t| !t.xpos.is_empty() && !t.lemma.is_empty()));
}

#[test]
fn same_word_different_tags_by_context() {
    let tagger = Tagger::embedded().unwrap();
    let a = tagger.tag(&["The", "protest", "turned", "violent", "."]);
    let b = tagger.tag(&["They", "protest", "the", "new", "law", "."]);
    assert_eq!(a[1].upos, Upos::Noun);
    assert_eq!(b[1].upos, Upos::Verb);
}

/// Common nouns no training sentence has: the tagger's word-class lexicon
/// (from WordNet) says they are nouns, and plurals of nouns.
#[test]
fn unknown_common_nouns_from_the_lexicon() {
    let tagger = Tagger::embedded().unwrap();
    for (sentence, nouns) in [
        (
            "A UN aid convoy crossed into Syria on Monday .",
            &["convoy"][..],
        ),
        (
            "Government warplanes bombed rebel outposts near the border .",
            &["warplanes", "outposts"][..],
        ),
        (
            "The envoys said the truce was holding at most checkpoints .",
            &["envoys", "truce", "checkpoints"][..],
        ),
        (
            "Navy gunboats enforced the blockade after a heavy barrage .",
            &["gunboats", "blockade"][..],
        ),
    ] {
        let words: Vec<&str> = sentence.split(' ').collect();
        let tags = tagger.tag(&words);
        for noun in nouns {
            let k = words.iter().position(|w| w == noun).unwrap();
            assert_eq!(tags[k].upos, Upos::Noun, "{noun} in {sentence:?}: {tags:?}");
        }
    }
}

/// A full sentence with no finite verb but a past participle after its
/// subject has its main verb there (a left-to-right tagger cannot know no
/// other verb is coming); a reduced relative before the main verb, an
/// imperative's object and a caption keep their participles.
#[test]
fn verbless_sentence_gets_its_past_tense() {
    let tagger = Tagger::embedded().unwrap();
    let xpos = |sentence: &str, word: &str| {
        let words: Vec<&str> = sentence.split(' ').collect();
        let k = words.iter().position(|w| *w == word).unwrap();
        tagger.tag(&words)[k].xpos.to_owned()
    };
    assert_eq!(
        xpos("The troops crossed the border on Sunday .", "crossed"),
        "VBD"
    );
    assert_eq!(
        xpos("A UN aid convoy crossed into Syria on Monday .", "crossed"),
        "VBD"
    );
    assert_eq!(
        xpos(
            "Government warplanes bombed rebel outposts near the border .",
            "bombed"
        ),
        "VBD"
    );
    assert_ne!(
        xpos(
            "Three soldiers wounded in the attack were flown to Kabul .",
            "wounded"
        ),
        "VBD"
    );
    assert_ne!(xpos("Please see the attached report .", "attached"), "VBD");
    assert_ne!(xpos("Highly recommended .", "recommended"), "VBD");
    // No participle either: the verb was read as a noun after a name.
    assert_eq!(
        xpos(
            "Ukraine shot down three Russian drones over Kharkiv on Friday .",
            "shot"
        ),
        "VBD"
    );
    // A heading without a verb keeps its nouns.
    assert_ne!(
        xpos("Iraq election results by province .", "results"),
        "VBD"
    );
}

/// A clause whose only finite verb comes after `and` had its first verb
/// read as part of the subject (`police beat`, `troops cut`): it becomes
/// the past tense its joined verb is.
#[test]
fn first_of_two_joined_verbs_is_a_verb() {
    let tagger = Tagger::embedded().unwrap();
    for (sentence, verb) in [
        (
            "Outside the court , riot police beat supporters of the candidate with clubs and dragged them away .",
            "beat",
        ),
        (
            "In the capital , police beat students with batons and arrested dozens .",
            "beat",
        ),
        (
            "Troops cut power lines to the district and blocked the roads .",
            "cut",
        ),
    ] {
        let words: Vec<&str> = sentence.split(' ').collect();
        let k = words.iter().position(|w| *w == verb).unwrap();
        let tags = tagger.tag(&words);
        assert_eq!(tags[k].xpos, "VBD", "{verb} in {sentence:?}: {tags:?}");
    }
    // The joined participle shares the past tense when a finite verb comes
    // later (`..., a rights group said`).
    let words: Vec<&str> =
        "In Istanbul , riot police beat students with batons and detained dozens of them , a rights group said ."
            .split(' ')
            .collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[5].xpos, "VBD", "{tags:?}");
    assert_eq!(tags[10].xpos, "VBD", "{tags:?}");
    // A noun compound before a verb of its own stays a noun.
    let words: Vec<&str> = "The police beat reporter and two editors resigned on Monday ."
        .split(' ')
        .collect();
    let tags = tagger.tag(&words);
    assert_eq!(tags[2].upos, Upos::Noun, "{tags:?}");
}

#[test]
fn model_round_trips_through_bytes() {
    let tagger = Tagger::embedded().unwrap();
    let again = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
    let words = ["Rebels", "seized", "the", "airport", "in", "Tripoli", "."];
    assert_eq!(tagger.annotate(&words), again.annotate(&words));
}

#[test]
fn corrupt_model_is_an_error_not_a_panic() {
    let bytes = Tagger::embedded().unwrap().to_bytes();
    for cut in [0, 3, 8, 100, bytes.len() / 2, bytes.len() - 1] {
        let r = Tagger::from_bytes(&bytes[..cut]);
        assert!(matches!(r, Err(NlpError::BadModel { .. })), "cut at {cut}");
    }
    let mut wrong = bytes.clone();
    wrong[0] = b'X';
    assert!(Tagger::from_bytes(&wrong)
        .unwrap_err()
        .to_string()
        .contains("magic"));
    let missing = Tagger::from_path(std::path::Path::new("/nonexistent/tagger.bin"));
    assert!(matches!(missing, Err(NlpError::Io { .. })));
}

#[test]
fn empty_sentence_and_odd_tokens_do_not_panic() {
    let tagger = Tagger::embedded().unwrap();
    assert!(tagger.tag(&[]).is_empty());
    let odd = [
        "",
        "—",
        "🙂",
        "ÉTATS-UNIS",
        "12,000",
        "@handle",
        "http://example.invalid/x",
    ];
    assert_eq!(tagger.annotate(&odd).len(), odd.len());
}

/// The component (fast paths: reused buffers, lemmas of dictionary words
/// cached at load) must give exactly what `annotate` gives.
#[test]
fn component_matches_annotate() {
    let tagger = Tagger::embedded().unwrap();
    let mut sentences: Vec<String> = [
        "The United Nations said on Tuesday that 14 aid workers had been killed in the past month .",
        "Protesters burned tyres and blocked roads in the capital , witnesses told Reuters .",
        "\u{201c} We will not negotiate under threat , \u{201d} the minister said , adding that talks were suspended .",
        "Troops were deployed to the border after rebels seized two villages and took hostages .",
        "The company's shares fell 3.5 percent in early trading in New York .",
    ]
    .map(String::from)
    .to_vec();
    let ewt = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu"
    );
    match annals_nlp::train::read_tagged(std::path::Path::new(ewt)) {
        Ok(s) => sentences.extend(s.iter().take(400).map(|s| s.words.join(" "))),
        Err(_) => eprintln!("note: {ewt} not found; checking our own sentences only"),
    }
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let mut doc = doc_of(&refs);
    tagger.process(&mut doc).unwrap();
    for s in &doc.sentences {
        let toks = &doc.tokens[s.tokens.clone()];
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let want = tagger.annotate(&words);
        for (t, (upos, xpos, lemma)) in toks.iter().zip(want) {
            assert_eq!(
                (t.upos, &t.xpos, &t.lemma),
                (upos, &xpos, &lemma),
                "{}",
                t.text
            );
        }
    }
}
