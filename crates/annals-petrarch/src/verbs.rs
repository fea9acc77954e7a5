//! The PETRARCH verb dictionary (`CAMEO.2.0.txt` format): synonym sets, verb
//! blocks with their verbs and patterns, and verb–verb transformations.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{content_lines, read_lossy, syntax, PetrarchError};
use crate::pattern::{parse_pattern, Element, EventCode, Item, Pattern};

/// A synonym set: `&LABEL` followed by `+word_or_phrase` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synset {
    pub name: String,
    /// Each phrase is a run of consecutive words; a word may itself be `&OTHER`.
    pub phrases: Vec<Vec<String>>,
    pub line: usize,
}

/// A verb block: `--- NAME [CODE] ---`, the verbs under it share its patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: String,
    /// Code of the block's bare verbs (`None` for `[---]` or no code).
    pub code: EventCode,
    pub line: usize,
}

/// One verb (possibly multi-word: `+CORDON_OFF`, `WIRE_+TAP`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// The word that is the verb, in its base form (`CORDON`).
    pub word: String,
    /// Words that must come right before / after the verb (`WIRE`; `OFF`).
    pub before: Vec<String>,
    pub after: Vec<String>,
    /// Inflected forms of `word` (base included): regular ones generated, or
    /// the irregular ones given in `{...}`.
    pub forms: Vec<String>,
    /// The verb's own code, overriding the block's.
    pub code: Option<EventCode>,
    pub block: usize,
    pub line: usize,
}

/// `~ a (a b ATTACK) SAY = a b 015`: when a verb codes another verb's event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    pub upper_source: String,
    pub lower_source: String,
    pub lower_target: String,
    /// Lower verb (block name or code); `Q` = any verb.
    pub lower_verb: String,
    pub upper_verb: String,
    pub result_source: String,
    pub result_target: String,
    /// Resulting code; `Q` = the lower event's code.
    pub code: String,
    pub line: usize,
}

/// A whole verb dictionary, indexed by verb form.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    pub name: String,
    pub synsets: HashMap<String, Synset>,
    pub blocks: Vec<VerbBlock>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
    pub transformations: Vec<Transformation>,
    /// Patterns dropped (undefined synsets), with reasons.
    pub warnings: Vec<String>,
    /// Defects repaired while reading (stray brackets), with their lines.
    pub notes: Vec<String>,
    /// Verb form (UPPERCASE) → indices into `verbs`.
    form_index: HashMap<String, Vec<usize>>,
    /// Block index → indices into `patterns`, most specific first.
    block_patterns: Vec<Vec<usize>>,
    /// Synset → every word one of its phrases can start with (nested sets resolved).
    synset_first: HashMap<String, std::collections::HashSet<String>>,
}

enum Mode {
    None,
    Synset(String),
    Block(usize),
}

impl VerbDictionary {
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, PetrarchError> {
        let (text, name) = read_lossy(path.as_ref())?;
        Self::parse(&text, &name)
    }

    /// Parse dictionary text; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<Self, PetrarchError> {
        let mut dict = VerbDictionary {
            name: name.to_owned(),
            ..Default::default()
        };
        let mut mode = Mode::None;
        let mut last_block: Option<usize> = None;
        for (line_no, raw) in content_lines(text) {
            let line = raw.trim();
            if let Some(rest) = line.strip_prefix("---") {
                let (bname, code) = parse_block_header(rest, name, line_no)?;
                dict.blocks.push(VerbBlock {
                    name: bname,
                    code,
                    line: line_no,
                });
                let b = dict.blocks.len() - 1;
                mode = Mode::Block(b);
                last_block = Some(b);
            } else if let Some(label) = line.strip_prefix('&') {
                let label = label.split_whitespace().next().unwrap_or("");
                if label.is_empty() {
                    return Err(syntax(name, line_no, "empty synset label"));
                }
                let key = label.trim_end_matches('_').to_uppercase();
                let no_plural = label.ends_with('_');
                dict.synsets.insert(
                    key.clone(),
                    Synset {
                        name: key.clone(),
                        phrases: Vec::new(),
                        line: line_no,
                    },
                );
                mode = Mode::Synset(if no_plural { format!("{key}_") } else { key });
            } else if let Some(rest) = line.strip_prefix('~') {
                dict.transformations
                    .push(parse_transformation(rest, name, line_no)?);
            } else if let Some(rest) = line.strip_prefix('-') {
                let block = match mode {
                    Mode::Block(b) => b,
                    _ => last_block.ok_or_else(|| {
                        syntax(name, line_no, "pattern before any `--- VERB ---` block")
                    })?,
                };
                mode = Mode::Block(block);
                dict.patterns
                    .push(parse_pattern(rest, block, name, line_no, &mut dict.notes)?);
            } else if let (Mode::Synset(label), Some(member)) = (&mode, line.strip_prefix('+')) {
                let no_plural_label = label.ends_with('_');
                let key = label.trim_end_matches('_');
                let member = member.split_whitespace().collect::<Vec<_>>().join("_");
                let no_plural = no_plural_label || member.ends_with('_');
                let words: Vec<String> = member
                    .split('_')
                    .filter(|w| !w.is_empty())
                    .map(str::to_uppercase)
                    .collect();
                if words.is_empty() {
                    return Err(syntax(name, line_no, "empty synset member"));
                }
                if let Some(set) = dict.synsets.get_mut(key) {
                    if !no_plural && !words.last().is_some_and(|w| w.starts_with('&')) {
                        let mut plural = words.clone();
                        if let Some(last) = plural.last_mut() {
                            *last = noun_plural(last);
                        }
                        set.phrases.push(words);
                        set.phrases.push(plural);
                    } else {
                        set.phrases.push(words);
                    }
                }
            } else {
                let block = match mode {
                    Mode::Block(b) => b,
                    _ => last_block.ok_or_else(|| {
                        syntax(name, line_no, "verb before any `--- VERB ---` block")
                    })?,
                };
                mode = Mode::Block(block);
                dict.verbs.push(parse_verb(line, block, name, line_no)?);
            }
        }
        dict.check_synsets();
        dict.build_index();
        Ok(dict)
    }

    /// Drop patterns that use undefined synsets (PETRARCH ignores them too).
    fn check_synsets(&mut self) {
        fn uses_undefined<'a>(
            items: &'a [Item],
            sets: &HashMap<String, Synset>,
        ) -> Option<&'a str> {
            items.iter().find_map(|i| match &i.element {
                Element::Synset(s) if !sets.contains_key(s) => Some(s.as_str()),
                Element::Phrase(v) | Element::Prep(v) => uses_undefined(v, sets),
                _ => None,
            })
        }
        let sets = &self.synsets;
        let mut warnings = Vec::new();
        self.patterns.retain(|p| {
            let bad = uses_undefined(&p.pre, sets).or_else(|| uses_undefined(&p.post, sets));
            if let Some(s) = bad {
                warnings.push(format!(
                    "{}:{}: undefined synset &{s}; pattern ignored",
                    "verbs", p.line
                ));
            }
            bad.is_none()
        });
        self.warnings.extend(
            warnings
                .into_iter()
                .map(|w| w.replacen("verbs", &self.name, 1)),
        );
    }

    fn first_words(&self, name: &str, depth: usize, out: &mut std::collections::HashSet<String>) {
        let Some(set) = self.synsets.get(name) else {
            return;
        };
        for phrase in &set.phrases {
            if let Some(w) = phrase.first() {
                match w.strip_prefix('&') {
                    Some(inner) if depth < 8 => self.first_words(inner, depth + 1, out),
                    Some(_) => {}
                    None => {
                        out.insert(w.clone());
                    }
                }
            }
        }
    }

    /// Whether a phrase of synset `name` can start with `word`.
    pub fn synset_may_start(&self, name: &str, word: &str) -> bool {
        self.synset_first
            .get(name)
            .is_some_and(|s| s.contains(word))
    }

    fn build_index(&mut self) {
        let mut first = HashMap::new();
        for name in self.synsets.keys() {
            let mut out = std::collections::HashSet::new();
            self.first_words(name, 0, &mut out);
            first.insert(name.clone(), out);
        }
        self.synset_first = first;
        self.form_index.clear();
        for (i, v) in self.verbs.iter().enumerate() {
            for f in &v.forms {
                let e = self.form_index.entry(f.clone()).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            }
        }
        self.block_patterns = vec![Vec::new(); self.blocks.len()];
        for (i, p) in self.patterns.iter().enumerate() {
            if let Some(list) = self.block_patterns.get_mut(p.block) {
                list.push(i);
            }
        }
        let patterns = &self.patterns;
        for list in &mut self.block_patterns {
            list.sort_by_key(|&i| std::cmp::Reverse(patterns.get(i).map_or(0, Pattern::weight)));
        }
    }

    /// Verbs having `form` (UPPERCASE) as one of their forms.
    pub fn verbs_with_form(&self, form: &str) -> impl Iterator<Item = &Verb> {
        self.form_index
            .get(form)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.verbs.get(i))
    }

    /// Patterns of a block, most specific first.
    pub fn block_patterns(&self, block: usize) -> impl Iterator<Item = &Pattern> {
        self.block_patterns
            .get(block)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.patterns.get(i))
    }

    pub fn block(&self, block: usize) -> Option<&VerbBlock> {
        self.blocks.get(block)
    }

    pub fn synset(&self, name: &str) -> Option<&Synset> {
        self.synsets.get(name)
    }
}

fn parse_block_header(
    rest: &str,
    file: &str,
    line: usize,
) -> Result<(String, EventCode), PetrarchError> {
    let rest = rest.trim().trim_end_matches('-').trim();
    let (name, code) = match rest.find('[') {
        Some(open) => {
            let inner = rest.get(open + 1..).unwrap_or("");
            let close = inner
                .find(']')
                .ok_or_else(|| syntax(file, line, "unclosed [CODE] in block header"))?;
            (
                rest.get(..open).unwrap_or(""),
                EventCode::parse(inner.get(..close).unwrap_or("")),
            )
        }
        None => (rest, EventCode::default()),
    };
    let name = name.trim().trim_end_matches('_').to_uppercase();
    if name.is_empty() {
        return Err(syntax(file, line, "block header without a verb name"));
    }
    Ok((name, code))
}

/// Split a verb phrase (`WIRE_+TAP`, `+CORDON_OFF`, `HURRY`) into
/// (before, verb word, after).
fn split_verb_phrase(p: &str) -> (Vec<String>, String, Vec<String>) {
    let words: Vec<&str> = p.split('_').filter(|w| !w.is_empty()).collect();
    let at = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let up = |w: &&str| w.trim_start_matches('+').to_uppercase();
    let before = words.get(..at).unwrap_or(&[]).iter().map(up).collect();
    let word = words.get(at).map(up).unwrap_or_default();
    let after = words.get(at + 1..).unwrap_or(&[]).iter().map(up).collect();
    (before, word, after)
}

fn parse_verb(line: &str, block: usize, file: &str, line_no: usize) -> Result<Verb, PetrarchError> {
    let mut rest = line;
    let mut code = None;
    if let Some(open) = rest.find('[') {
        let inner = rest.get(open + 1..).unwrap_or("");
        let close = inner
            .find(']')
            .ok_or_else(|| syntax(file, line_no, "unclosed [CODE] after verb"))?;
        code = Some(EventCode::parse(inner.get(..close).unwrap_or("")));
        rest = rest.get(..open).unwrap_or("");
    }
    let mut irregular = None;
    if let Some(open) = rest.find('{') {
        let inner = rest.get(open + 1..).unwrap_or("");
        let close = inner
            .find('}')
            .ok_or_else(|| syntax(file, line_no, "unclosed {forms} after verb"))?;
        irregular = Some(
            inner
                .get(..close)
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        );
        rest = rest.get(..open).unwrap_or("");
    }
    // `LASH OUT` is written with a blank where `+LASH_OUT` is meant.
    let phrase = rest.split_whitespace().collect::<Vec<_>>().join("_");
    let phrase = phrase.as_str();
    if phrase.is_empty() {
        return Err(syntax(file, line_no, "empty verb line"));
    }
    if phrase.contains(['(', ')', '*', '$', '%', '^', '&']) {
        return Err(syntax(file, line_no, format!("not a verb: {phrase:?}")));
    }
    let (before, word, after) = split_verb_phrase(phrase);
    if word.is_empty() {
        return Err(syntax(file, line_no, format!("no verb word in {phrase:?}")));
    }
    let mut forms = vec![word.clone()];
    match irregular {
        Some(list) => {
            for f in list {
                let (_, w, _) = split_verb_phrase(&f);
                if !w.is_empty() && !forms.contains(&w) {
                    forms.push(w);
                }
            }
        }
        None => {
            for f in regular_verb_forms(&word) {
                if !forms.contains(&f) {
                    forms.push(f);
                }
            }
        }
    }
    Ok(Verb {
        word,
        before,
        after,
        forms,
        code,
        block,
        line: line_no,
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')
}

/// Regular English forms of a verb (`-S`, `-ED`, `-ING`), with the doubled
/// final consonant as an extra candidate where English might double it.
pub fn regular_verb_forms(v: &str) -> Vec<String> {
    let chars: Vec<char> = v.chars().collect();
    let n = chars.len();
    let last = chars.last().copied().unwrap_or(' ');
    let prev = if n >= 2 {
        chars.get(n - 2).copied().unwrap_or(' ')
    } else {
        ' '
    };
    let mut out = Vec::new();
    let stem_y = last == 'Y' && !is_vowel(prev);
    // third person
    if v.ends_with('S')
        || v.ends_with('X')
        || v.ends_with('Z')
        || v.ends_with("CH")
        || v.ends_with("SH")
    {
        out.push(format!("{v}ES"));
    } else if stem_y {
        out.push(format!("{}IES", &v[..v.len() - 1]));
    } else {
        out.push(format!("{v}S"));
    }
    // past and participle
    if last == 'E' {
        out.push(format!("{v}D"));
    } else if stem_y {
        out.push(format!("{}IED", &v[..v.len() - 1]));
    } else {
        out.push(format!("{v}ED"));
    }
    // gerund
    if last == 'E' && prev != 'E' && n > 2 {
        out.push(format!("{}ING", &v[..v.len() - 1]));
    } else {
        out.push(format!("{v}ING"));
    }
    // doubling: consonant-vowel-consonant ending (STOP → STOPPED)
    let prev2 = if n >= 3 {
        chars.get(n - 3).copied().unwrap_or(' ')
    } else {
        ' '
    };
    if n >= 3
        && !is_vowel(last)
        && !matches!(last, 'W' | 'X' | 'Y')
        && is_vowel(prev)
        && !is_vowel(prev2)
    {
        out.push(format!("{v}{last}ED"));
        out.push(format!("{v}{last}ING"));
    }
    out
}

/// Regular plural of a noun: `S`, `IES` after consonant+`Y`, `ES` after `SS`.
pub fn noun_plural(w: &str) -> String {
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if w.ends_with('Y') && n >= 2 && !is_vowel(chars.get(n - 2).copied().unwrap_or('A')) {
        format!("{}IES", &w[..w.len() - 1])
    } else if w.ends_with("SS") {
        format!("{w}ES")
    } else {
        format!("{w}S")
    }
}

fn parse_transformation(
    rest: &str,
    file: &str,
    line: usize,
) -> Result<Transformation, PetrarchError> {
    let bad = |m: &str| syntax(file, line, format!("transformation: {m}"));
    let (lhs, rhs) = rest.split_once('=').ok_or_else(|| bad("no `=`"))?;
    let open = lhs.find('(').ok_or_else(|| bad("no `(`"))?;
    let close = lhs.find(')').ok_or_else(|| bad("no `)`"))?;
    if close < open {
        return Err(bad("`)` before `(`"));
    }
    let upper_source = lhs.get(..open).unwrap_or("").trim().to_owned();
    let inner: Vec<&str> = lhs
        .get(open + 1..close)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let upper_verb = lhs.get(close + 1..).unwrap_or("").trim().to_uppercase();
    let out: Vec<&str> = rhs.split_whitespace().collect();
    let ([ls, lt, lv], [rs, rt, code]) = (inner.as_slice(), out.as_slice()) else {
        return Err(bad("expected `a (a b VERB) VERB = a b CODE`"));
    };
    if upper_source.is_empty() || upper_verb.is_empty() {
        return Err(bad("missing upper source or verb"));
    }
    Ok(Transformation {
        upper_source,
        lower_source: (*ls).to_owned(),
        lower_target: (*lt).to_owned(),
        lower_verb: lv.to_uppercase(),
        upper_verb,
        result_source: (*rs).to_owned(),
        result_target: (*rt).to_owned(),
        code: (*code).to_owned(),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# test dictionary
&WEAPON
+RIFLE
+MORTAR_ROUND
&CURRENCY_
+EURO
--- ATTACK [190] ---
ATTACK
+OPEN_FIRE {+OPENS_FIRE +OPENED_FIRE +OPENING_FIRE}
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING} [1711]
SHELL [194]
- * (WITH &WEAPON)          [193]   # ATTACK
- $ * + (IN ^)              [190:190]
~ a (a b ATTACK) SAY = a b 015
--- SAY [---] ---
SAY {SAYS SAID SAYING}
";

    #[test]
    fn reads_blocks_verbs_synsets_patterns() {
        let d = VerbDictionary::parse(SAMPLE, "sample.txt").unwrap();
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.verbs.len(), 5);
        assert_eq!(d.patterns.len(), 2);
        assert_eq!(d.transformations.len(), 1);
        let weapon = d.synset("WEAPON").unwrap();
        assert!(weapon.phrases.contains(&vec!["RIFLES".to_owned()]));
        assert!(weapon
            .phrases
            .contains(&vec!["MORTAR".to_owned(), "ROUNDS".to_owned()]));
        assert_eq!(
            d.synset("CURRENCY").unwrap().phrases,
            vec![vec!["EURO".to_owned()]]
        );
        let open: Vec<&Verb> = d.verbs_with_form("OPENED").collect();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].after, ["FIRE"]);
        let tap = d.verbs_with_form("TAPPED").next().unwrap();
        assert_eq!(tap.before, ["WIRE"]);
        assert_eq!(
            tap.code.as_ref().and_then(|c| c.forward.as_deref()),
            Some("1711")
        );
        assert!(d.verbs_with_form("SHELLED").next().is_some());
        assert!(d.verbs_with_form("SAID").next().is_some());
        assert!(d.verbs_with_form("SAYED").next().is_none());
        let first = d.block_patterns(0).next().unwrap();
        assert_eq!(first.weight(), 4);
    }

    #[test]
    fn errors_carry_file_and_line() {
        let bad = "--- ATTACK [190] ---\nATTACK\n- * (WITH RIFLE [193]\n";
        let err = VerbDictionary::parse(bad, "v.txt").unwrap_err().to_string();
        assert!(err.starts_with("v.txt:3:"), "{err}");
        let err = VerbDictionary::parse("- * TALKS [046]\n", "v.txt")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("v.txt:1:"), "{err}");
        let err = VerbDictionary::parse("--- A [1 ---\n", "v.txt")
            .unwrap_err()
            .to_string();
        assert!(err.contains("v.txt:1"), "{err}");
    }

    #[test]
    fn regular_forms() {
        assert!(regular_verb_forms("STOP").contains(&"STOPPED".to_owned()));
        assert!(regular_verb_forms("CARRY").contains(&"CARRIES".to_owned()));
        assert!(regular_verb_forms("RAISE").contains(&"RAISING".to_owned()));
        assert!(regular_verb_forms("PUSH").contains(&"PUSHES".to_owned()));
    }
}
