//! Repairs of parse shapes that Universal Dependencies rules out.
//!
//! A greedy parser can build trees no grammar allows. Two such shapes are
//! common in wire copy:
//!
//! - In *"The convoy crossed into Syria, the UN said."* the tagger reads
//!   `crossed` as a participle (a finite verb follows), the parser hangs it on
//!   `convoy` as a reduced relative clause and gives `said` two subjects,
//!   `convoy` and `UN`. A verb has one subject; the first one's participle,
//!   followed by a comma and the second subject, is the reported clause's own
//!   verb ([`reported_clause_subject`]).
//! - In *"The first aid convoy since the earthquake crossed into Syria."* the
//!   parser reads `since the earthquake crossed` as a subordinate clause and
//!   leaves the sentence rooted in a noun. A sentence whose root is a noun and
//!   whose finite verb sits in such a clause has read the preposition as a
//!   conjunction ([`preposition_read_as_conjunction`]).
//! - In *"The army and the Rapid Support Forces agreed ..."* both nouns may
//!   be attached as subjects of `agreed`, with `and` on the verb: they are
//!   one coordinated subject ([`coordinated_subjects`]).
//! - In *"... behind the coffin of Soleimani, who was killed in a strike."*
//!   a clause opened by a relative pronoun may be hung on the main verb as a
//!   conjunct. It is a relative clause of the noun before the pronoun
//!   ([`relative_clause_head`]).
//! - In *"Thousands of mourners marched in Ahvaz."* `marched` is read as a
//!   participle modifying `Thousands`, and the sentence has no main verb. A
//!   full sentence (it ends in `.`, `!` or `?`) has one: the participle is it
//!   ([`participle_as_main_verb`]).
//! - In *"Albanians demonstrated in Serbia, where ... last March, Belgrade
//!   radio said."* the parser may hang `radio` on `March`: the noun phrase
//!   set off before a closing reporting verb is its subject
//!   ([`trailing_reporter_subject`]).
//! - In *"Thousands of mourners marched in Ahvaz, officials said."* the
//!   reported clause may be left headed by `Thousands` with `marched` as its
//!   participle: the -ed verb heads the clause ([`reported_noun_clause`]).
//! - In *"In Moscow, riot police beat protesters."* the parser may hang
//!   `police` on `Moscow` as an apposition, leaving `beat` without a
//!   subject. A noun right before a finite verb that lacks a subject, set
//!   apart from the verb's own fronted phrase by a comma, is the verb's
//!   subject ([`fronted_phrase_apposition`]).
//! - In *"The Sudanese army and the Rapid Support Forces agreed ..."* the
//!   parser may root the sentence in `army` and make `agreed`, with
//!   `Forces` as its subject, a conjunct of it: the two nouns are one
//!   coordinated subject of the verb ([`noun_coordinated_with_clause`]).
//! - A greedy parser attaches each quote mark or bracket on its own, often
//!   to a word outside the quotation, and may hang a word on a comma. UD
//!   attaches paired marks to the head of the phrase they enclose and gives
//!   punctuation no dependents; any other mark keeps its head if a
//!   projective attachment allows it ([`punctuation`], after udapi's
//!   `ud.FixPunct`).

use annals_core::Token;

fn is_subject(deprel: &str) -> bool {
    deprel == "nsubj" || deprel == "nsubj:pass"
}

/// The subjects of `verb` among the first `before` tokens, in order.
fn subjects_of(tokens: &[Token], verb: usize, before: usize) -> Vec<usize> {
    (0..before)
        .filter(|&j| tokens[j].head == Some(verb) && is_subject(&tokens[j].deprel))
        .collect()
}

/// Whether `noun` is `head` or a noun in its `of` phrases (`Thousands of
/// Iraqi Kurds`, `supporters of the party`): the participle of a reported
/// clause may hang on any of them.
fn in_noun_phrase_of(tokens: &[Token], noun: usize, head: usize) -> bool {
    let mut n = noun;
    // A few steps at most: `hundreds of supporters of the party of X`.
    for _ in 0..4 {
        if n == head {
            return true;
        }
        match tokens[n].head {
            Some(h) if tokens[n].deprel == "nmod" => n = h,
            _ => return false,
        }
    }
    false
}

/// Verbs that close a sentence as its reporting aside (`..., Belgrade radio said.`).
const REPORTING: &[&str] = &[
    "say", "tell", "report", "add", "state", "announce", "claim", "write",
];

/// Make the noun phrase of a trailing `..., Belgrade radio said.` the
/// reporting verb's subject.
///
/// The last word of a sentence (before its closing punctuation) that is a
/// reporting verb right after a noun phrase set off by a comma has that
/// phrase as its subject; a parser may hang it elsewhere (as an apposition
/// of the date before it). Done only when the verb has no subject yet, or
/// when its subject carries a participle that [`reported_clause_subject`]
/// then turns into the reported clause's verb.
pub(crate) fn trailing_reporter_subject(tokens: &mut [Token]) {
    let Some(verb) = tokens
        .iter()
        .rposition(|t| t.upos != annals_core::Upos::Punct)
    else {
        return;
    };
    if !matches!(tokens[verb].xpos.as_str(), "VBD" | "VBZ" | "VBP")
        || !REPORTING.contains(&tokens[verb].lemma.as_str())
        || verb == 0
    {
        return;
    }
    let noun = verb - 1;
    if !matches!(tokens[noun].xpos.as_str(), "NN" | "NNS" | "NNP" | "NNPS")
        || tokens[noun].head == Some(verb)
    {
        return;
    }
    // The phrase: the noun and the compounds and modifiers before it.
    let mut start = noun;
    while start > 0
        && tokens[start - 1].head == Some(noun)
        && matches!(
            tokens[start - 1].deprel.as_str(),
            "compound" | "amod" | "det" | "nmod:poss" | "flat"
        )
    {
        start -= 1;
    }
    if start == 0 || tokens[start - 1].text != "," {
        return;
    }
    let subjects = subjects_of(tokens, verb, tokens.len());
    let resolvable = match subjects[..] {
        [] => true,
        [first] => (first + 1..start).any(|c| {
            tokens[c].deprel == "acl"
                && matches!(tokens[c].xpos.as_str(), "VBN" | "VBD")
                && tokens[c]
                    .head
                    .is_some_and(|h| in_noun_phrase_of(tokens, h, first))
        }),
        _ => false,
    };
    if resolvable {
        if dominates(tokens, noun, verb) {
            // The verb hangs in the noun's phrase (`sources said` read as a
            // reduced relative): it takes the noun's place, so that making
            // the noun its subject leaves no cycle.
            make_clause_head(tokens, noun, verb);
        } else {
            tokens[noun].head = Some(verb);
            tokens[noun].deprel = "nsubj".to_owned();
        }
        if let Some(comma) = tokens.get_mut(start - 1) {
            comma.head = Some(verb);
        }
    }
}

/// Make `X verb-ed ..., Y said` a reported clause with its own subject.
///
/// For a verb with two subjects `first < second`, where `first` (or a noun
/// of its `of` phrase: `Thousands of Kurds demonstrated`) has an `acl` child
/// (a -ed verb with no subject or auxiliary of its own) and a comma lies
/// between that child and `second`: the child becomes the head of the
/// clause in the place of the reporting verb, `first` its subject, and the
/// reporting verb a `parataxis` of it (as UD annotates a trailing
/// `, officials said`). The child's tag becomes `VBD`, a finite verb.
pub(crate) fn reported_clause_subject(tokens: &mut [Token]) {
    let n = tokens.len();
    for verb in 0..n {
        let subjects = subjects_of(tokens, verb, n);
        let [first, .., second] = subjects[..] else {
            continue;
        };
        let participle = (first + 1..second).find(|&c| {
            tokens[c]
                .head
                .is_some_and(|h| in_noun_phrase_of(tokens, h, first))
                && tokens[c].deprel == "acl"
                && matches!(tokens[c].xpos.as_str(), "VBN" | "VBD")
                && !tokens.iter().any(|t| {
                    t.head == Some(c) && (is_subject(&t.deprel) || t.deprel.starts_with("aux"))
                })
        });
        let Some(clause) = participle else {
            continue;
        };
        if !(clause + 1..second).any(|j| tokens[j].text == ",") {
            continue;
        }
        let (head, deprel) = (tokens[verb].head, tokens[verb].deprel.clone());
        tokens[clause].head = head;
        tokens[clause].deprel = deprel;
        tokens[clause].xpos = "VBD".to_owned();
        tokens[first].head = Some(clause);
        tokens[first].deprel = "nsubj".to_owned();
        tokens[verb].head = Some(clause);
        tokens[verb].deprel = "parataxis".to_owned();
        // What the parser hung on the subject after its verb (`, calling
        // for ...`) belongs to the clause the verb now heads.
        for t in tokens.iter_mut().skip(clause + 1) {
            if t.head == Some(first) {
                t.head = Some(clause);
            }
        }
        // Punctuation closing the sentence follows its new root.
        for t in tokens.iter_mut() {
            if t.head == Some(verb)
                && t.deprel == "punct"
                && matches!(t.text.as_str(), "." | "!" | "?")
            {
                t.head = Some(clause);
            }
        }
    }
}

/// Join two subjects of one verb that an `and`/`or` between them coordinates.
///
/// For a verb with subjects `first < second`, both before it, and a `cc`
/// word between them hung on the verb or on `second`: `second` becomes a
/// `conj` of `first` and the `cc` attaches to `second`, as UD coordinates.
pub(crate) fn coordinated_subjects(tokens: &mut [Token]) {
    let n = tokens.len();
    for verb in 0..n {
        let subjects = subjects_of(tokens, verb, verb);
        let [first, second, ..] = subjects[..] else {
            continue;
        };
        let Some(cc) = (first + 1..second).find(|&j| {
            tokens[j].deprel == "cc"
                && matches!(tokens[j].head, Some(h) if h == verb || h == second)
        }) else {
            continue;
        };
        tokens[second].head = Some(first);
        tokens[second].deprel = "conj".to_owned();
        tokens[cc].head = Some(second);
    }
}

/// Hang a clause opened by `who`/`which`/`whom` on the noun before it.
///
/// For a verb whose subject or object is a relative pronoun that opens its
/// clause (only a comma between it and the word before), attached by any
/// relation but `acl:relcl`: the verb becomes an `acl:relcl` of the noun or
/// name before the comma (the head of a multi-word name).
pub(crate) fn relative_clause_head(tokens: &mut [Token]) {
    let n = tokens.len();
    for verb in 0..n {
        if tokens[verb].deprel == "acl:relcl" {
            continue;
        }
        let Some(pronoun) = (0..verb).find(|&j| {
            tokens[j].head == Some(verb)
                && matches!(tokens[j].xpos.as_str(), "WP" | "WDT")
                && matches!(
                    tokens[j].text.to_ascii_lowercase().as_str(),
                    "who" | "which" | "whom"
                )
                && (is_subject(&tokens[j].deprel) || tokens[j].deprel == "obj")
        }) else {
            continue;
        };
        let Some(comma) = pronoun.checked_sub(1).filter(|&c| tokens[c].text == ",") else {
            continue;
        };
        let Some(mut noun) = comma.checked_sub(1) else {
            continue;
        };
        if !matches!(
            tokens[noun].upos,
            annals_core::Upos::Noun | annals_core::Upos::Propn
        ) {
            continue;
        }
        // `Qassem Soleimani`: the name's head is its first word.
        while tokens[noun].deprel == "flat" {
            match tokens[noun].head {
                Some(h) if h < noun => noun = h,
                _ => break,
            }
        }
        // Never make a cycle: the noun must not sit inside the clause.
        let mut up = tokens[noun].head;
        let mut steps = 0;
        while let Some(h) = up {
            if h == verb || steps > n {
                break;
            }
            up = tokens[h].head;
            steps += 1;
        }
        if up == Some(verb) {
            continue;
        }
        tokens[verb].head = Some(noun);
        tokens[verb].deprel = "acl:relcl".to_owned();
        if tokens[comma].head == Some(verb) || tokens[comma].deprel == "punct" {
            tokens[comma].head = Some(verb);
        }
    }
}

/// Words that are prepositions or conjunctions (`since the war` / `since
/// the war ended`).
const PREPOSITION_OR_MARKER: &[&str] = &["since", "after", "before", "until", "till"];

/// Make `N since N2 verb-ed ...`, rooted in the first noun, a main clause.
///
/// When the root is a noun and its clause child is a finite verb whose own
/// `mark` (`since`, `after`, ...) precedes its subject: the verb becomes the
/// root, the noun its subject, the clause's subject an `obl` with the marker
/// as its `case`, and the noun's dependents after the verb move to the verb.
pub(crate) fn preposition_read_as_conjunction(tokens: &mut [Token]) {
    let n = tokens.len();
    let Some(root) = (0..n).find(|&j| tokens[j].head.is_none()) else {
        return;
    };
    if !matches!(
        tokens[root].upos,
        annals_core::Upos::Noun | annals_core::Upos::Propn
    ) {
        return;
    }
    let finite = |t: &Token| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP");
    let Some(verb) = (root + 1..n).find(|&v| {
        tokens[v].head == Some(root)
            && matches!(tokens[v].deprel.as_str(), "acl:relcl" | "acl" | "advcl")
            && finite(&tokens[v])
    }) else {
        return;
    };
    let child = |rel: &str| {
        (root + 1..verb).find(|&j| tokens[j].head == Some(verb) && tokens[j].deprel == rel)
    };
    let (Some(marker), Some(subject)) = (child("mark"), child("nsubj")) else {
        return;
    };
    if marker > subject
        || !PREPOSITION_OR_MARKER.contains(&tokens[marker].text.to_ascii_lowercase().as_str())
    {
        return;
    }
    tokens[subject].head = Some(verb);
    tokens[subject].deprel = "obl".to_owned();
    tokens[marker].head = Some(subject);
    tokens[marker].deprel = "case".to_owned();
    make_clause_head(tokens, root, verb);
}

/// Give a noun-rooted full sentence its verb.
///
/// The root is a noun (not a copula's complement: `He is a doctor.`) and the
/// sentence ends in `.`, `!` or `?`. The main verb is the first finite verb
/// after the noun with no subject, marker or conjunction of its own; failing
/// that, the root's first `acl` child to its right that is a -ed verb with no
/// subject, auxiliary, marker or `by` agent (tagged `VBD` then). That verb
/// becomes the root, the noun its subject, and the noun's dependents after
/// the verb move to the verb.
pub(crate) fn participle_as_main_verb(tokens: &mut [Token]) {
    let n = tokens.len();
    let ends_sentence = tokens
        .last()
        .is_some_and(|t| matches!(t.text.as_str(), "." | "!" | "?"));
    let Some(root) = (0..n).find(|&j| tokens[j].head.is_none()) else {
        return;
    };
    let nominal = matches!(
        tokens[root].upos,
        annals_core::Upos::Noun | annals_core::Upos::Propn | annals_core::Upos::Num
    );
    let copular = tokens
        .iter()
        .any(|t| t.head == Some(root) && t.deprel == "cop");
    if !ends_sentence || !nominal || copular {
        return;
    }
    // A finite verb without a subject further on is the main verb (`A
    // convoy attacked by militants lost three trucks.`); else the first
    // participle of the noun is.
    let finite_without_subject = (root + 1..n).find(|&v| {
        matches!(tokens[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            && matches!(
                tokens[v].deprel.as_str(),
                "parataxis" | "conj" | "dep" | "advcl" | "ccomp" | "acl"
            )
            && !tokens.iter().any(|t| {
                t.head == Some(v)
                    && (t.deprel.starts_with("nsubj")
                        || t.deprel.starts_with("expl")
                        || t.deprel == "mark"
                        || t.deprel == "cc")
            })
    });
    if let Some(verb) = finite_without_subject {
        make_clause_head(tokens, root, verb);
        return;
    }
    let Some(verb) =
        (root + 1..n).find(|&v| tokens[v].head == Some(root) && tokens[v].deprel == "acl")
    else {
        return;
    };
    if !is_bare_participle(tokens, verb) {
        return;
    }
    tokens[verb].xpos = "VBD".to_owned();
    make_clause_head(tokens, root, verb);
}

/// Make `In Moscow, police beat ...` a clause with its subject.
///
/// For a finite verb (`VBD`, `VBZ`, `VBP`) with no subject, where the word
/// just before it ends a nominal `appos` of a phrase that modifies the verb
/// (`obl`, `advmod`, `nmod` on the way up) and a comma separates the two: the
/// apposition becomes the verb's subject. An apposition directly before a
/// subjectless finite verb is not one (it would close with a second comma).
pub(crate) fn fronted_phrase_apposition(tokens: &mut [Token]) {
    let n = tokens.len();
    for verb in 1..n {
        if !matches!(tokens[verb].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            || tokens.iter().any(|t| {
                t.head == Some(verb) && (is_subject(&t.deprel) || t.deprel.starts_with("expl"))
            })
        {
            continue;
        }
        // The nominal whose phrase ends right before the verb.
        let mut noun = verb - 1;
        while let Some(h) = tokens[noun].head.filter(|&h| h < verb && h > noun) {
            if !matches!(
                tokens[noun].deprel.as_str(),
                "compound" | "amod" | "det" | "flat"
            ) {
                break;
            }
            noun = h;
        }
        if tokens[noun].deprel != "appos"
            || !matches!(tokens[noun].xpos.as_str(), "NN" | "NNS" | "NNP" | "NNPS")
        {
            continue;
        }
        let Some(anchor) = tokens[noun].head.filter(|&h| h < noun) else {
            continue;
        };
        if !(anchor + 1..noun).any(|k| tokens[k].text == ",") {
            continue;
        }
        // The anchor's phrase modifies the verb.
        let mut up = anchor;
        let mut steps = 0;
        let modifies_verb = loop {
            if !matches!(
                tokens[up].deprel.split(':').next(),
                Some("obl" | "advmod" | "nmod")
            ) || steps > 4
            {
                break false;
            }
            match tokens[up].head {
                Some(h) if h == verb => break true,
                Some(h) => up = h,
                None => break false,
            }
            steps += 1;
        };
        if modifies_verb {
            tokens[noun].head = Some(verb);
            tokens[noun].deprel = "nsubj".to_owned();
        }
    }
}

/// Make `Thousands marched in Ahvaz, officials said` a reported clause with
/// its verb.
///
/// A clause reported by a verb (`ccomp`, `parataxis`) headed by a noun with
/// no copula has no verb of its own; when the noun (or a noun of its `of`
/// phrase) carries an `acl` -ed verb to its right with no subject, auxiliary, marker or `by` agent (the tagger
/// took it for a participle because `said` came later), that verb heads the
/// clause, tagged `VBD`, and the noun is its subject.
pub(crate) fn reported_noun_clause(tokens: &mut [Token]) {
    let n = tokens.len();
    for noun in 0..n {
        let reported = matches!(tokens[noun].deprel.as_str(), "ccomp" | "parataxis")
            && matches!(
                tokens[noun].upos,
                annals_core::Upos::Noun | annals_core::Upos::Propn | annals_core::Upos::Num
            )
            && tokens[noun]
                .head
                .is_some_and(|h| tokens[h].upos == annals_core::Upos::Verb);
        if !reported
            || tokens
                .iter()
                .any(|t| t.head == Some(noun) && t.deprel == "cop")
        {
            continue;
        }
        // The participle may hang on a noun of its `of` phrase (`Thousands
        // of Iraqi Kurds demonstrated`), as in `reported_clause_subject`.
        let Some(verb) = (noun + 1..n).find(|&v| {
            tokens[v]
                .head
                .is_some_and(|h| in_noun_phrase_of(tokens, h, noun))
                && tokens[v].deprel == "acl"
                && matches!(tokens[v].xpos.as_str(), "VBN" | "VBD")
        }) else {
            continue;
        };
        if !is_bare_participle(tokens, verb) {
            continue;
        }
        tokens[verb].xpos = "VBD".to_owned();
        make_clause_head(tokens, noun, verb);
    }
}

/// Whether `verb` is an -ed form (`VBN`, `VBD`) with no subject, auxiliary,
/// marker or `by` agent of its own: a participle that can head its clause.
fn is_bare_participle(tokens: &[Token], verb: usize) -> bool {
    let own = |rel: &str| {
        tokens
            .iter()
            .any(|t| t.head == Some(verb) && t.deprel.starts_with(rel))
    };
    matches!(tokens[verb].xpos.as_str(), "VBN" | "VBD")
        && !(own("nsubj") || own("aux") || own("mark") || own("obl:agent"))
}

/// `verb` takes the place of `noun` in the tree (the root, or the clause
/// `noun` headed), the noun becomes its subject, and the noun's dependents
/// after the verb move to the verb.
fn make_clause_head(tokens: &mut [Token], noun: usize, verb: usize) {
    tokens[verb].head = tokens[noun].head;
    tokens[verb].deprel = std::mem::take(&mut tokens[noun].deprel);
    tokens[noun].head = Some(verb);
    tokens[noun].deprel = "nsubj".to_owned();
    for t in tokens.iter_mut().skip(verb + 1) {
        if t.head == Some(noun) {
            t.head = Some(verb);
        }
    }
}

/// Make `N1 and N2 verb-ed ...` one sentence with a coordinated subject.
///
/// A full sentence (it ends in `.`, `!` or `?`) rooted in a noun `N1`
/// whose conjunct is a finite verb with a subject `N2` of its own, the
/// coordinating conjunction between `N1` and `N2`, coordinates the nouns,
/// not a noun with a clause: the verb heads the sentence, `N1` is its
/// subject and `N2` a conjunct of `N1` (*The Sudanese army and the Rapid
/// Support Forces agreed ...*).
pub(crate) fn noun_coordinated_with_clause(tokens: &mut [Token]) {
    let n = tokens.len();
    let ends_sentence = tokens
        .last()
        .is_some_and(|t| matches!(t.text.as_str(), "." | "!" | "?"));
    let Some(root) = (0..n).find(|&j| tokens[j].head.is_none()) else {
        return;
    };
    let nominal = matches!(
        tokens[root].upos,
        annals_core::Upos::Noun | annals_core::Upos::Propn
    );
    let copular = tokens
        .iter()
        .any(|t| t.head == Some(root) && t.deprel == "cop");
    if !ends_sentence || !nominal || copular {
        return;
    }
    // A plural or past verb (two nouns joined by `and` are no singular
    // subject) with a noun subject: a pronoun after `and` (`Any major
    // discord and we all suffer`) begins a clause of its own.
    let Some(verb) = (root + 1..n).find(|&v| {
        tokens[v].head == Some(root)
            && tokens[v].deprel == "conj"
            && matches!(tokens[v].xpos.as_str(), "VBD" | "VBP")
    }) else {
        return;
    };
    let [subject] = subjects_of(tokens, verb, verb)[..] else {
        return;
    };
    if subject < root || !matches!(tokens[subject].xpos.as_str(), "NN" | "NNS" | "NNP" | "NNPS") {
        return;
    }
    let Some(cc) = (root + 1..subject).find(|&j| {
        tokens[j].deprel == "cc" && matches!(tokens[j].head, Some(h) if h == verb || h == subject)
    }) else {
        return;
    };
    // Clauses are joined by `, and`, and a verb before the conjunction
    // (`The car burst into flames, and Kenseth walked away`) is a clause of
    // its own, whatever the parser made of it.
    let verb_before = (root + 1..cc).any(|j| {
        matches!(
            tokens[j].upos,
            annals_core::Upos::Verb | annals_core::Upos::Aux
        ) || tokens[j].xpos.starts_with("VB")
    });
    if verb_before || tokens[cc - 1].text == "," {
        return;
    }
    let relation = tokens[subject].deprel.clone();
    make_clause_head(tokens, root, verb);
    tokens[root].deprel = relation;
    tokens[subject].head = Some(root);
    tokens[subject].deprel = "conj".to_owned();
    tokens[cc].head = Some(subject);
}

/// Paired punctuation: the opening and the closing form.
const PAIRED_PUNCT: &[(&str, &str)] = &[
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("\"", "\""),
    ("'", "'"),
    ("``", "''"),
    ("“", "”"),
    ("‘", "’"),
    ("«", "»"),
];

fn is_punct(t: &Token) -> bool {
    t.upos == annals_core::Upos::Punct
}

/// Whether `anc` is `w` or one of its ancestors.
fn dominates(tokens: &[Token], anc: usize, w: usize) -> bool {
    let mut x = w;
    for _ in 0..=tokens.len() {
        if x == anc {
            return true;
        }
        match tokens[x].head {
            Some(h) if h < tokens.len() => x = h,
            _ => return false,
        }
    }
    false
}

/// The first and last position of every word's subtree; false if the heads
/// do not form a tree (a word does not reach the root).
fn subtree_spans(tokens: &[Token], spans: &mut Vec<(usize, usize)>) -> bool {
    spans.clear();
    spans.extend((0..tokens.len()).map(|i| (i, i)));
    for k in 0..tokens.len() {
        let mut x = k;
        let mut steps = 0;
        while let Some(h) = tokens[x].head {
            if h >= tokens.len() || steps == tokens.len() {
                return false;
            }
            x = h;
            steps += 1;
            let s = &mut spans[h];
            s.0 = s.0.min(k);
            s.1 = s.1.max(k);
        }
    }
    true
}

/// Whether hanging the punctuation mark `p` on `head` keeps the tree
/// projective: `head` dominates every word between them, and `p` falls in
/// no other arc's span that `head` is outside of.
fn projective_under(tokens: &[Token], p: usize, head: usize) -> bool {
    let (a, b) = (head.min(p), head.max(p));
    if !(a + 1..b).all(|k| dominates(tokens, head, k)) {
        return false;
    }
    tokens.iter().enumerate().all(|(d, t)| match t.head {
        Some(h) if d != p && h.min(d) < p && p < h.max(d) => dominates(tokens, h, head),
        _ => true,
    })
}

/// Attach punctuation as Universal Dependencies does (the rules of udapi's
/// `ud.FixPunct`, which the English treebanks follow):
///
/// - punctuation has no dependents: a word hung on a mark goes to the
///   mark's head;
/// - paired marks (quotes, brackets) attach to the head of the phrase they
///   enclose (the first and the last such head when there are several);
/// - any other mark keeps its head when that head is one a projective
///   attachment allows (the words reached by climbing from its nearest
///   non-punctuation neighbours, the right one only for non-final marks);
///   otherwise it goes to the lower of the two highest such words.
///
/// A greedy parser attaches each quote mark on its own, often to a word
/// outside the quotation. On EWT dev (nlp tags) this repair corrects about
/// 50 heads (UAS 85.91 -> 86.10); applied to the gold trees it reproduces
/// 98% of their punctuation heads.
pub(crate) fn punctuation(tokens: &mut [Token]) {
    let n = tokens.len();

    // No dependents of punctuation (a mark that is the root keeps its own).
    for i in 0..n {
        for _ in 0..n {
            match tokens[i].head {
                Some(h) if h < n && is_punct(&tokens[h]) && tokens[h].head.is_some() => {
                    tokens[i].head = tokens[h].head;
                }
                _ => break,
            }
        }
        if tokens[i].head == Some(i) {
            return;
        }
    }
    // Paired marks; remember them so the general rule leaves them be.
    const OPENING: u8 = 1;
    const CLOSING: u8 = 2;
    let mut paired = vec![0u8; n];
    for open in 0..n {
        if paired[open] != 0 || !is_punct(&tokens[open]) || tokens[open].head.is_none() {
            continue;
        }
        let Some(&(open_form, close_form)) =
            PAIRED_PUNCT.iter().find(|(o, _)| *o == tokens[open].text)
        else {
            continue;
        };
        let mut level = 0;
        let mut close = None;
        for (c, t) in tokens.iter().enumerate().skip(open + 1) {
            if t.text == close_form {
                if level == 0 {
                    close = Some(c).filter(|_| is_punct(t) && t.head.is_some());
                    break;
                }
                level -= 1;
            } else if t.text == open_form {
                level += 1;
            }
        }
        let Some(close) = close else {
            continue;
        };
        let outside = |t: &Token| t.head.is_none_or(|h| h < open || h > close);
        let inner = open + 1..close;
        let words = || inner.clone().filter(|&k| outside(&tokens[k]));
        // The words whose heads lie outside the pair; marks only if no word.
        let heads = match words().find(|&k| !is_punct(&tokens[k])) {
            Some(first) => (
                first,
                words().rfind(|&k| !is_punct(&tokens[k])).unwrap_or(first),
            ),
            None => match (words().next(), words().next_back()) {
                (Some(first), Some(last)) => (first, last),
                _ => continue,
            },
        };
        tokens[open].head = Some(heads.0);
        tokens[close].head = Some(heads.1);
        paired[open] = OPENING;
        paired[close] = CLOSING;
    }
    // Every other mark. A subtree reaches across the mark `p` (a leaf) if
    // it spans it with words other than `p`: if its span ends past `p`.
    let mut spans = Vec::with_capacity(n);
    if !subtree_spans(tokens, &mut spans) {
        return;
    }
    let mut left_path = Vec::new();
    let mut right_path = Vec::new();
    for p in 0..n {
        if !is_punct(&tokens[p]) || paired[p] != 0 || tokens[p].head.is_none() {
            continue;
        }
        // A period that ends an abbreviation or ordinal (`Inc .`, `2 .`).
        if tokens[p].text == "." && p > 0 && tokens[p].head == Some(p - 1) {
            continue;
        }
        let closing = !tokens[p].text.is_empty() && ".?!".contains(tokens[p].text.as_str());
        // The nearest words on either side, not across a paired mark of another word.
        let mut left = None;
        for k in (0..p).rev() {
            if !is_punct(&tokens[k]) {
                left = Some(k);
                break;
            }
            if paired[k] == OPENING && tokens[k].head != Some(p) {
                break;
            }
        }
        let mut right = None;
        if !closing {
            for k in p + 1..n {
                if !is_punct(&tokens[k]) {
                    right = Some(k);
                    break;
                }
                if paired[k] == CLOSING && tokens[k].head != Some(p) {
                    break;
                }
            }
        }
        // Climb while the next head stays on the same side and the subtree
        // does not reach across the mark.
        left_path.clear();
        if let Some(mut c) = left {
            left_path.push(c);
            while let Some(h) = tokens[c]
                .head
                .filter(|&h| h < p && spans[c].1 <= p && left_path.len() <= n)
            {
                c = h;
                left_path.push(c);
            }
        }
        right_path.clear();
        if let Some(mut c) = right {
            right_path.push(c);
            while let Some(h) = tokens[c]
                .head
                .filter(|&h| h > p && h < n && spans[c].0 >= p && right_path.len() <= n)
            {
                c = h;
                right_path.push(c);
            }
        }
        let current = tokens[p].head.unwrap_or(p);
        if (left_path.contains(&current) || right_path.contains(&current))
            && projective_under(tokens, p, current)
        {
            continue;
        }
        left_path.retain(|&c| projective_under(tokens, p, c));
        right_path.retain(|&c| projective_under(tokens, p, c));
        let new_head = match (left_path.last(), right_path.last()) {
            (Some(&l), Some(&r)) if dominates(tokens, r, l) => l,
            (Some(&l), Some(&r)) if dominates(tokens, l, r) => r,
            (Some(&l), _) => l,
            (None, Some(&r)) => r,
            (None, None) => continue,
        };
        tokens[p].head = Some(new_head);
        tokens[p].deprel = "punct".to_owned();
        if !subtree_spans(tokens, &mut spans) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annals_core::conllu;

    fn tokens(rows: &[(&str, &str, usize, &str)]) -> Vec<Token> {
        tagged_tokens(
            &rows
                .iter()
                .map(|&(f, x, h, r)| (f, x, h, r, "X"))
                .collect::<Vec<_>>(),
        )
    }

    /// Tokens with their UPOS too: `(form, xpos, head, deprel, upos)`.
    fn tagged_tokens(rows: &[(&str, &str, usize, &str, &str)]) -> Vec<Token> {
        let text: String = rows
            .iter()
            .enumerate()
            .map(|(i, (form, xpos, head, rel, upos))| {
                format!(
                    "{}\t{form}\t_\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t_\n",
                    i + 1
                )
            })
            .collect();
        conllu::to_doc("t", &conllu::parse(&text).expect("conllu")).tokens
    }

    #[test]
    fn a_participle_before_a_trailing_said_heads_its_clause() {
        let mut t = tokens(&[
            ("The", "DT", 2, "det"),
            ("convoy", "NN", 9, "nsubj"),
            ("crossed", "VBN", 2, "acl"),
            ("into", "IN", 5, "case"),
            ("Syria", "NNP", 3, "obl"),
            (",", ",", 9, "punct"),
            ("the", "DT", 8, "det"),
            ("UN", "NNP", 9, "nsubj"),
            ("said", "VBD", 0, "root"),
            (".", ".", 9, "punct"),
        ]);
        reported_clause_subject(&mut t);
        assert_eq!(
            (t[2].head, t[2].deprel.as_str(), t[2].xpos.as_str()),
            (None, "root", "VBD")
        );
        assert_eq!((t[1].head, t[1].deprel.as_str()), (Some(2), "nsubj"));
        assert_eq!((t[8].head, t[8].deprel.as_str()), (Some(2), "parataxis"));
        assert_eq!(t[9].head, Some(2));
        assert_eq!((t[7].head, t[7].deprel.as_str()), (Some(8), "nsubj"));
    }

    #[test]
    fn a_participle_in_the_of_phrase_of_the_subject_heads_the_reported_clause() {
        // The parser hung `demonstrated` on `Kurds` inside `Thousands of
        // Kurds`, `calling` on `Thousands`, and `witnesses` on `Thousands`
        // as a conjunct, leaving `said` with the only subject.
        let mut t = tokens(&[
            ("Thousands", "NNS", 13, "nsubj"),
            ("of", "IN", 3, "case"),
            ("Kurds", "NNPS", 1, "nmod"),
            ("demonstrated", "VBN", 3, "acl"),
            ("in", "IN", 6, "case"),
            ("Kirkuk", "NNP", 4, "obl"),
            (",", ",", 8, "punct"),
            ("calling", "VBG", 1, "acl"),
            ("for", "IN", 10, "case"),
            ("independence", "NN", 8, "obl"),
            (",", ",", 11, "punct"),
            ("witnesses", "NNS", 1, "conj"),
            ("said", "VBD", 0, "root"),
            (".", ".", 13, "punct"),
        ]);
        t[12].lemma = "say".to_owned();
        t[13].upos = annals_core::Upos::Punct;
        trailing_reporter_subject(&mut t);
        reported_clause_subject(&mut t);
        assert_eq!(
            (t[3].head, t[3].deprel.as_str(), t[3].xpos.as_str()),
            (None, "root", "VBD")
        );
        assert_eq!((t[0].head, t[0].deprel.as_str()), (Some(3), "nsubj"));
        assert_eq!((t[11].head, t[11].deprel.as_str()), (Some(12), "nsubj"));
        assert_eq!((t[12].head, t[12].deprel.as_str()), (Some(3), "parataxis"));
        assert_eq!(t[7].head, Some(3), "the purpose clause follows the verb");
        assert_eq!(t[2].head, Some(0), "the of phrase stays on its noun");
    }

    #[test]
    fn since_before_a_noun_is_a_preposition_when_the_sentence_has_no_other_verb() {
        let mut t = tokens(&[
            ("The", "DT", 3, "det"),
            ("aid", "NN", 3, "compound"),
            ("convoy", "NN", 0, "root"),
            ("since", "IN", 7, "mark"),
            ("the", "DT", 6, "det"),
            ("earthquake", "NN", 7, "nsubj"),
            ("crossed", "VBD", 3, "acl:relcl"),
            ("into", "IN", 9, "case"),
            ("Syria", "NNP", 7, "obl"),
            (".", ".", 3, "punct"),
        ]);
        for (tok, upos) in t.iter_mut().zip([
            "DET", "NOUN", "NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT",
        ]) {
            tok.upos = upos.parse().expect("upos");
        }
        preposition_read_as_conjunction(&mut t);
        assert_eq!((t[6].head, t[6].deprel.as_str()), (None, "root"));
        assert_eq!((t[2].head, t[2].deprel.as_str()), (Some(6), "nsubj"));
        assert_eq!((t[5].head, t[5].deprel.as_str()), (Some(6), "obl"));
        assert_eq!((t[3].head, t[3].deprel.as_str()), (Some(5), "case"));
        assert_eq!(t[9].head, Some(6));
    }

    #[test]
    fn the_participle_of_a_noun_rooted_sentence_is_its_verb() {
        let rows = [
            ("Thousands", "NNS", 0, "root", "NOUN"),
            ("of", "IN", 3, "case", "ADP"),
            ("mourners", "NNS", 1, "nmod", "NOUN"),
            ("marched", "VBN", 1, "acl", "VERB"),
            ("in", "IN", 6, "case", "ADP"),
            ("Ahvaz", "NNP", 4, "obl", "PROPN"),
            (".", ".", 1, "punct", "PUNCT"),
        ];
        let mut t = tagged_tokens(&rows);
        let mut headline = t.clone();
        participle_as_main_verb(&mut t);
        assert_eq!(
            (t[3].head, t[3].deprel.as_str(), t[3].xpos.as_str()),
            (None, "root", "VBD")
        );
        assert_eq!((t[0].head, t[0].deprel.as_str()), (Some(3), "nsubj"));
        assert_eq!(t[6].head, Some(3));
        // Without the full stop it may be a headline's noun phrase.
        headline.pop();
        let before = headline.clone();
        participle_as_main_verb(&mut headline);
        assert_eq!(headline, before);
    }

    #[test]
    fn two_subjects_joined_by_and_are_one_coordinated_subject() {
        let mut t = tokens(&[
            ("The", "DT", 2, "det"),
            ("army", "NN", 6, "nsubj"),
            ("and", "CC", 6, "cc"),
            ("the", "DT", 5, "det"),
            ("militia", "NN", 6, "nsubj"),
            ("agreed", "VBD", 0, "root"),
            (".", ".", 6, "punct"),
        ]);
        coordinated_subjects(&mut t);
        assert_eq!((t[4].head, t[4].deprel.as_str()), (Some(1), "conj"));
        assert_eq!(t[2].head, Some(4));
        assert_eq!((t[1].head, t[1].deprel.as_str()), (Some(5), "nsubj"));
    }

    #[test]
    fn a_who_clause_hangs_on_the_name_before_it() {
        let rows = [
            ("Mourners", "NNS", 2, "nsubj", "NOUN"),
            ("followed", "VBD", 0, "root", "VERB"),
            ("Qassem", "NNP", 2, "obj", "PROPN"),
            ("Soleimani", "NNP", 3, "flat", "PROPN"),
            (",", ",", 8, "punct", "PUNCT"),
            ("who", "WP", 8, "nsubj:pass", "PRON"),
            ("was", "VBD", 8, "aux:pass", "AUX"),
            ("killed", "VBN", 2, "conj", "VERB"),
            (".", ".", 2, "punct", "PUNCT"),
        ];
        let mut t = tagged_tokens(&rows);
        relative_clause_head(&mut t);
        assert_eq!((t[7].head, t[7].deprel.as_str()), (Some(2), "acl:relcl"));
    }

    #[test]
    fn a_trailing_reporter_hung_on_a_date_is_the_subject_of_said() {
        let rows = [
            ("Albanians", "NNPS", 8, "nsubj", "PROPN"),
            ("demonstrated", "VBN", 1, "acl", "VERB"),
            ("last", "JJ", 4, "amod", "ADJ"),
            ("March", "NNP", 2, "obl", "PROPN"),
            (",", ",", 7, "punct", "PUNCT"),
            ("Belgrade", "NNP", 7, "compound", "PROPN"),
            ("radio", "NN", 4, "appos", "NOUN"),
            ("said", "VBD", 0, "root", "VERB"),
            (".", ".", 8, "punct", "PUNCT"),
        ];
        let mut t = tagged_tokens(&rows);
        t[7].lemma = "say".to_owned();
        trailing_reporter_subject(&mut t);
        assert_eq!((t[6].head, t[6].deprel.as_str()), (Some(7), "nsubj"));
        // With the second subject in place, the participle heads the clause.
        reported_clause_subject(&mut t);
        assert_eq!((t[1].head, t[1].deprel.as_str()), (None, "root"));
        assert_eq!((t[7].head, t[7].deprel.as_str()), (Some(1), "parataxis"));
        // A subjectless reporting aside gets the phrase before it.
        let rows = [
            ("Police", "NNS", 2, "nsubj", "NOUN"),
            ("fired", "VBD", 0, "root", "VERB"),
            ("on", "IN", 4, "case", "ADP"),
            ("Monday", "NNP", 2, "obl", "PROPN"),
            (",", ",", 6, "punct", "PUNCT"),
            ("witnesses", "NNS", 4, "appos", "NOUN"),
            ("said", "VBD", 2, "parataxis", "VERB"),
        ];
        let mut t = tagged_tokens(&rows);
        t[6].lemma = "say".to_owned();
        trailing_reporter_subject(&mut t);
        assert_eq!((t[5].head, t[5].deprel.as_str()), (Some(6), "nsubj"));
        // A verb with a subject and no participle to resolve is left alone.
        let rows = [
            ("Officials", "NNS", 6, "nsubj", "NOUN"),
            ("in", "IN", 3, "case", "ADP"),
            ("Kabul", "NNP", 1, "nmod", "PROPN"),
            (",", ",", 5, "punct", "PUNCT"),
            ("capital", "NN", 3, "appos", "NOUN"),
            ("said", "VBD", 0, "root", "VERB"),
            (".", ".", 6, "punct", "PUNCT"),
        ];
        let mut t = tagged_tokens(&rows);
        t[5].lemma = "say".to_owned();
        let before = t.clone();
        trailing_reporter_subject(&mut t);
        assert_eq!(t, before);
    }

    #[test]
    fn a_reported_clause_headed_by_a_noun_gets_its_verb() {
        let rows = [
            ("Thousands", "NNS", 9, "ccomp", "NOUN"),
            ("of", "IN", 3, "case", "ADP"),
            ("mourners", "NNS", 1, "nmod", "NOUN"),
            ("marched", "VBN", 1, "acl", "VERB"),
            ("in", "IN", 6, "case", "ADP"),
            ("Ahvaz", "NNP", 4, "obl", "PROPN"),
            (",", ",", 1, "punct", "PUNCT"),
            ("officials", "NNS", 9, "nsubj", "NOUN"),
            ("said", "VBD", 0, "root", "VERB"),
            (".", ".", 9, "punct", "PUNCT"),
        ];
        let mut t = tagged_tokens(&rows);
        reported_noun_clause(&mut t);
        assert_eq!((t[3].head, t[3].deprel.as_str()), (Some(8), "ccomp"));
        assert_eq!(t[3].xpos, "VBD");
        assert_eq!((t[0].head, t[0].deprel.as_str()), (Some(3), "nsubj"));
        assert_eq!(t[6].head, Some(3), "the comma moves to the verb");
        // The participle hung on the noun of the `of` phrase.
        let mut of_phrase = rows;
        of_phrase[3].2 = 3;
        let mut t = tagged_tokens(&of_phrase);
        reported_noun_clause(&mut t);
        assert_eq!((t[3].head, t[3].deprel.as_str()), (Some(8), "ccomp"));
        assert_eq!((t[0].head, t[0].deprel.as_str()), (Some(3), "nsubj"));
        // A passive participle with its agent stays a modifier.
        let rows = [
            ("Convoys", "NNS", 6, "ccomp", "NOUN"),
            ("attacked", "VBN", 1, "acl", "VERB"),
            ("by", "IN", 4, "case", "ADP"),
            ("rebels", "NNS", 2, "obl:agent", "NOUN"),
            ("officials", "NNS", 6, "nsubj", "NOUN"),
            ("said", "VBD", 0, "root", "VERB"),
        ];
        let mut t = tagged_tokens(&rows);
        let before = t.clone();
        reported_noun_clause(&mut t);
        assert_eq!(t, before);
    }

    #[test]
    fn a_noun_after_a_fronted_phrase_is_the_subject() {
        let mut t = tokens(&[
            ("In", "IN", 2, "case"),
            ("Moscow", "NNP", 6, "obl"),
            (",", ",", 5, "punct"),
            ("riot", "NN", 5, "compound"),
            ("police", "NN", 2, "appos"),
            ("beat", "VBD", 0, "root"),
            ("protesters", "NNS", 6, "obj"),
            (".", ".", 6, "punct"),
        ]);
        fronted_phrase_apposition(&mut t);
        assert_eq!((t[4].head, t[4].deprel.as_str()), (Some(5), "nsubj"));
        // A verb that has its subject keeps the apposition where it is.
        let mut t = tokens(&[
            ("Officials", "NNS", 6, "nsubj"),
            ("in", "IN", 3, "case"),
            ("Kabul", "NNP", 1, "nmod"),
            (",", ",", 5, "punct"),
            ("capital", "NN", 3, "appos"),
            ("said", "VBD", 0, "root"),
            (".", ".", 6, "punct"),
        ]);
        let before = t.clone();
        fronted_phrase_apposition(&mut t);
        assert_eq!(t, before);
    }

    #[test]
    fn a_true_reduced_relative_is_left_alone() {
        // `The convoy attacked on Monday was carrying food`: one subject only.
        let mut t = tokens(&[
            ("The", "DT", 2, "det"),
            ("convoy", "NN", 7, "nsubj"),
            ("attacked", "VBN", 2, "acl"),
            ("on", "IN", 5, "case"),
            ("Monday", "NNP", 3, "obl"),
            ("was", "VBD", 7, "aux"),
            ("carrying", "VBG", 0, "root"),
            ("food", "NN", 7, "obj"),
        ]);
        let before = t.clone();
        reported_clause_subject(&mut t);
        assert_eq!(t, before);
    }

    #[test]
    fn quotes_attach_to_the_head_of_the_quoted_clause() {
        let mut t = tagged_tokens(&[
            ("He", "PRP", 2, "nsubj", "PRON"),
            ("said", "VBD", 0, "root", "VERB"),
            ("\"", "``", 2, "punct", "PUNCT"),
            ("we", "PRP", 6, "nsubj", "PRON"),
            ("will", "MD", 6, "aux", "AUX"),
            ("fight", "VB", 2, "ccomp", "VERB"),
            ("\"", "''", 2, "punct", "PUNCT"),
            (".", ".", 2, "punct", "PUNCT"),
        ]);
        punctuation(&mut t);
        assert_eq!((t[2].head, t[6].head), (Some(5), Some(5)));
        assert_eq!(t[7].head, Some(1), "the period stays on the root");
    }

    #[test]
    fn a_word_hung_on_punctuation_goes_to_the_mark_s_head() {
        let mut t = tagged_tokens(&[
            ("Police", "NNS", 2, "nsubj", "NOUN"),
            ("fired", "VBD", 0, "root", "VERB"),
            (",", ",", 2, "punct", "PUNCT"),
            ("killing", "VBG", 3, "advcl", "VERB"),
            ("two", "CD", 4, "obj", "NUM"),
            (".", ".", 2, "punct", "PUNCT"),
        ]);
        punctuation(&mut t);
        assert_eq!((t[3].head, t[3].deprel.as_str()), (Some(1), "advcl"));
        assert_eq!(t[2].head, Some(1), "the comma keeps its projective head");
    }

    #[test]
    fn a_comma_goes_back_inside_the_phrase_it_closes() {
        let rows = [
            ("In", "IN", 2, "case", "ADP"),
            ("Moscow", "NNP", 6, "obl", "PROPN"),
            (",", ",", 7, "punct", "PUNCT"),
            ("riot", "NN", 5, "compound", "NOUN"),
            ("police", "NNS", 6, "nsubj", "NOUN"),
            ("beat", "VBD", 0, "root", "VERB"),
            ("protesters", "NNS", 6, "obj", "NOUN"),
            (".", ".", 6, "punct", "PUNCT"),
        ];
        let mut t = tagged_tokens(&rows);
        punctuation(&mut t);
        assert_eq!(t[2].head, Some(1), "a comma hung across the verb");
        // A projective choice of the parser's stays.
        let mut t = tagged_tokens(&rows);
        t[2].head = Some(5);
        let before = t.clone();
        punctuation(&mut t);
        assert_eq!(t, before);
    }

    #[test]
    fn a_trailing_reporter_hung_in_its_subject_takes_the_subject_s_place() {
        // `said` read as a reduced relative of `sources`: making `sources`
        // its subject must not leave a cycle.
        let mut t = tagged_tokens(&[
            ("Soldiers", "NNS", 2, "nsubj", "NOUN"),
            ("arrested", "VBD", 0, "root", "VERB"),
            ("dozens", "NNS", 2, "obj", "NOUN"),
            (",", ",", 6, "punct", "PUNCT"),
            ("military", "JJ", 6, "amod", "ADJ"),
            ("sources", "NNS", 2, "parataxis", "NOUN"),
            ("said", "VBD", 6, "acl", "VERB"),
            (".", ".", 2, "punct", "PUNCT"),
        ]);
        for w in &mut t {
            if w.text == "said" {
                w.lemma = "say".to_owned();
            }
        }
        trailing_reporter_subject(&mut t);
        assert_eq!((t[6].head, t[6].deprel.as_str()), (Some(1), "parataxis"));
        assert_eq!((t[5].head, t[5].deprel.as_str()), (Some(6), "nsubj"));
        punctuation(&mut t);
        assert!((0..t.len()).all(|w| dominates(&t, 1, w)), "one tree");
    }

    #[test]
    fn two_nouns_joined_by_and_before_a_verb_are_its_subject() {
        let rows = [
            ("The", "DT", 2, "det", "DET"),
            ("army", "NN", 0, "root", "NOUN"),
            ("and", "CC", 7, "cc", "CCONJ"),
            ("the", "DT", 6, "det", "DET"),
            ("paramilitary", "JJ", 6, "amod", "ADJ"),
            ("Forces", "NNPS", 7, "nsubj", "PROPN"),
            ("agreed", "VBD", 2, "conj", "VERB"),
            ("to", "IN", 9, "case", "ADP"),
            ("talks", "NNS", 7, "obl", "NOUN"),
            (".", ".", 2, "punct", "PUNCT"),
        ];
        let mut t = tagged_tokens(&rows);
        noun_coordinated_with_clause(&mut t);
        assert_eq!((t[6].head, t[6].deprel.as_str()), (None, "root"));
        assert_eq!((t[1].head, t[1].deprel.as_str()), (Some(6), "nsubj"));
        assert_eq!((t[5].head, t[5].deprel.as_str()), (Some(1), "conj"));
        assert_eq!((t[2].head, t[9].head), (Some(5), Some(6)));
        // `, and` joins clauses; so does `and` before a pronoun.
        let mut comma: Vec<_> = rows.to_vec();
        comma.insert(2, (",", ",", 7, "punct", "PUNCT"));
        for r in &mut comma {
            if r.2 > 2 {
                r.2 += 1;
            }
        }
        let mut t = tagged_tokens(&comma);
        let before = t.clone();
        noun_coordinated_with_clause(&mut t);
        assert_eq!(t, before);
        let mut pronoun = rows.to_vec();
        pronoun[5] = ("we", "PRP", 6, "nsubj", "PRON");
        let mut t = tagged_tokens(&pronoun);
        let before = t.clone();
        noun_coordinated_with_clause(&mut t);
        assert_eq!(t, before);
    }
}
