//! Readers for PETRARCH/TABARI actor and agent dictionaries.
//!
//! The formats are described in PETRARCH2's `docs/dictionaries.rst`:
//!
//! * **Actor dictionaries** list named actors: a primary phrase with an
//!   optional `[CODE]`, synonym lines starting with `+`, and date
//!   restrictions on their own lines (`\t[IRQGOV 20050101-20101231]`,
//!   `[CODE <date]`, `[CODE >date]`, `[CODE]`). Several restrictions may also
//!   follow the primary phrase on its line.
//! * **Agent dictionaries** list common nouns that give a sector:
//!   `FOREIGN_MINISTER {plural} [~GOVFRM]`; `~CODE` is appended after the
//!   actor's code, `CODE~` put before it. Regular plurals are generated;
//!   `{}` suppresses them. `!SET! = A, B` defines a substitution set used as
//!   `CONGRESS!PERSON!`.
//!
//! Both allow `#` comments, TABARI `;` comments and XML comments
//! (`<!-- ... -->`, possibly over several lines). Words are separated by `_`
//! or blanks and stored upper-cased, joined by single spaces.
//!
//! A malformed line is an error naming the dictionary and the line; a few
//! harmless oddities found in the real Phoenix files (a stray `]` in a phrase,
//! `[~ENV}`, an agent phrase without a code) are accepted, the last with a
//! warning in [`AgentDictionary::warnings`].
//!
//! ```
//! use annals_actors::dictionary::{parse_actors, parse_agents};
//! let actors = parse_actors("IRAQ_ [IRQ]\n+IRAQI_\nNURI_AL-MALIKI_\n\t[IRQGOV 060520-140908]\n\t[IRQELI]\n", "demo").unwrap();
//! assert_eq!(actors.entries.len(), 2);
//! let date = chrono::NaiveDate::from_ymd_opt(2010, 5, 1);
//! assert_eq!(actors.entries[1].code_on(date), Some("IRQGOV"));
//! let agents = parse_agents("POLICE {} [~COP]\nSOLDIER [~MIL]\n", "demo").unwrap();
//! assert!(agents.entries[1].forms.contains(&"SOLDIERS".to_string()));
//! ```

use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;

/// A malformed dictionary line, or an unreadable dictionary file.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

fn syntax(file: &str, line: usize, message: impl Into<String>) -> DictionaryError {
    DictionaryError::Syntax {
        file: file.to_owned(),
        line,
        message: message.into(),
    }
}

/// A code valid over a span of dates (both ends inclusive; `None` = open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DatedCode {
    /// Whether the restriction holds on `date`. An undated restriction always holds.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        !matches!(self.from, Some(f) if f > date) && !matches!(self.to, Some(t) if date > t)
    }
    fn is_undated(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// One actor record: its phrases (primary first) and codes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorEntry {
    /// Upper-cased phrases, words joined by single spaces; the primary phrase first.
    pub phrases: Vec<String>,
    /// Code used when no dated restriction applies (from the primary line or a `[CODE]` line).
    pub default_code: Option<String>,
    /// Dated restrictions in file order; the first that holds wins.
    pub dated: Vec<DatedCode>,
    /// 1-based line of the primary phrase.
    pub line: usize,
}

impl ActorEntry {
    /// The code on `date`: the first dated restriction holding on that date,
    /// else the default code. Without a date: the default code, else the
    /// restriction reaching furthest forward (news is mostly about now).
    /// `None` for entries coded as null (`---`).
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        let code = match date {
            Some(d) => self
                .dated
                .iter()
                .find(|r| r.holds_on(d))
                .map(|r| r.code.as_str())
                .or(self.default_code.as_deref()),
            None => self.default_code.as_deref().or_else(|| {
                self.dated
                    .iter()
                    .max_by_key(|r| r.to.unwrap_or(NaiveDate::MAX))
                    .map(|r| r.code.as_str())
            }),
        }?;
        (!code.is_empty() && code != "---").then_some(code)
    }

    /// Whether any code of the entry is dated (an office holder, a regime).
    pub fn is_dated(&self) -> bool {
        !self.dated.is_empty()
    }
}

/// A parsed actor dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDictionary {
    /// Name given when parsing (file name), for messages.
    pub name: String,
    pub entries: Vec<ActorEntry>,
    /// Restrictions skipped because their dates are unreadable (the Phoenix
    /// files hold a few typos such as `9008223`), as `name:line: message`.
    pub warnings: Vec<String>,
}

impl ActorDictionary {
    /// Read a dictionary file (bytes that are not UTF-8 are replaced, as the
    /// Phoenix country file holds a few Latin-1 bytes).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, DictionaryError> {
        let (text, name) = read_lossy(path.as_ref())?;
        parse_actors(&text, &name)
    }

    /// Number of phrases over all entries.
    pub fn phrase_count(&self) -> usize {
        self.entries.iter().map(|e| e.phrases.len()).sum()
    }

    /// The entries still relevant on or after `since`: undated entries, and
    /// dated ones with a restriction reaching `since` (office holders of the period).
    pub fn since(&self, since: NaiveDate) -> ActorDictionary {
        let entries = self
            .entries
            .iter()
            .filter(|e| {
                e.dated.is_empty()
                    || e.dated
                        .iter()
                        .any(|r| !matches!(r.to, Some(t) if t < since))
            })
            .cloned()
            .collect();
        ActorDictionary {
            name: self.name.clone(),
            entries,
            warnings: Vec::new(),
        }
    }

    /// Write the dictionary back in PETRARCH format (dates as `YYYYMMDD`).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for e in &self.entries {
            let mut phrases = e.phrases.iter();
            if let Some(p) = phrases.next() {
                out.push_str(&p.replace(' ', "_"));
            }
            if let Some(c) = &e.default_code {
                out.push_str(" [");
                out.push_str(c);
                out.push(']');
            }
            out.push('\n');
            for p in phrases {
                out.push('+');
                out.push_str(&p.replace(' ', "_"));
                out.push('\n');
            }
            for r in &e.dated {
                let f = |d: NaiveDate| d.format("%Y%m%d").to_string();
                let range = match (r.from, r.to) {
                    (Some(a), Some(b)) => format!("{}-{}", f(a), f(b)),
                    (Some(a), None) => format!(">{}", f(a)),
                    (None, Some(b)) => format!("<{}", f(b)),
                    (None, None) => String::new(),
                };
                out.push_str(&format!("\t[{} {}]\n", r.code, range));
            }
        }
        out
    }

    /// Append the entries of `other` (later entries win on equal phrases when coded).
    pub fn extend(&mut self, other: ActorDictionary) {
        self.entries.extend(other.entries);
        self.warnings.extend(other.warnings);
    }
}

/// Where an agent code goes relative to the actor's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPlacement {
    /// `[~GOV]`: appended (`IRQ` + `GOV`).
    Suffix,
    /// `[NGO~]`: put in front (`NGO` + `IRQ`).
    Prefix,
}

/// One agent record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// The phrase as written (upper-cased, words joined by spaces).
    pub phrase: String,
    /// Every form to match: the phrase and its plurals.
    pub forms: Vec<String>,
    /// The code without `~`.
    pub code: String,
    pub placement: AgentPlacement,
    pub line: usize,
}

/// A parsed agent dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentDictionary {
    pub name: String,
    pub entries: Vec<AgentEntry>,
    /// Lines accepted but not used (e.g. a phrase without a code), as `name:line: message`.
    pub warnings: Vec<String>,
}

impl AgentDictionary {
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, DictionaryError> {
        let (text, name) = read_lossy(path.as_ref())?;
        parse_agents(&text, &name)
    }

    /// Write the dictionary back in PETRARCH format, plurals explicit.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for e in &self.entries {
            let plurals: Vec<String> = e
                .forms
                .iter()
                .skip(1)
                .map(|f| f.replace(' ', "_"))
                .collect();
            let code = match e.placement {
                AgentPlacement::Suffix => format!("~{}", e.code),
                AgentPlacement::Prefix => format!("{}~", e.code),
            };
            out.push_str(&format!(
                "{} {{{}}} [{}]\n",
                e.phrase.replace(' ', "_"),
                plurals.join(" "),
                code
            ));
        }
        out
    }

    pub fn extend(&mut self, other: AgentDictionary) {
        self.entries.extend(other.entries);
        self.warnings.extend(other.warnings);
    }
}

fn read_lossy(path: &Path) -> Result<(String, String), DictionaryError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| DictionaryError::Io {
        file: name.clone(),
        source,
    })?;
    Ok((String::from_utf8_lossy(&bytes).into_owned(), name))
}

/// Lines with comments removed: `(1-based line number, content)`, skipping
/// blank lines and XML comments.
fn content_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw.trim_end_matches('\r');
        if in_xml_comment {
            match line.find("-->") {
                Some(p) => {
                    in_xml_comment = false;
                    line = &line[p + 3..];
                }
                None => continue,
            }
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("<!") {
            // `<!-- ... -->` on one line, `<!-- ...` opening a block, or TABARI's `<! -- x -->`.
            if !trimmed.contains("-->") && trimmed.starts_with("<!--") {
                in_xml_comment = true;
            }
            continue;
        }
        if let Some(p) = line.find('#') {
            line = &line[..p];
        }
        if let Some(p) = line.find(';') {
            line = &line[..p];
        }
        if !line.trim().is_empty() {
            out.push((i + 1, line));
        }
    }
    out
}

/// `AL_'IRAQ_ ` → `AL 'IRAQ`.
fn normalize_phrase(p: &str) -> String {
    p.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A TABARI date: `YYYYMMDD` or `YYMMDD` (two-digit years below 30 are 20xx).
fn parse_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s.get(..4)?.parse::<i32>().ok()?, s.get(4..)?),
        6 => {
            let yy = s.get(..2)?.parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        _ => return None,
    };
    let m = rest.get(..2)?.parse::<u32>().ok()?;
    let d = rest.get(2..4)?.parse::<u32>().ok()?;
    // Some source dates are a day past the month's end (`19990631`): clamp.
    (1..=31)
        .rev()
        .filter(|dd| *dd <= d)
        .find_map(|dd| NaiveDate::from_ymd_opt(y, m, dd))
}

/// The inside of one `[...]` restriction: `CODE`, `CODE <d`, `CODE >d`, `CODE d1-d2`.
fn parse_restriction(inner: &str, file: &str, line: usize) -> Result<DatedCode, DictionaryError> {
    let inner = inner.trim();
    let split = inner
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .unwrap_or(inner.len());
    let (code, rest) = inner.split_at(split);
    if code.is_empty() {
        return Err(syntax(file, line, format!("empty code in [{inner}]")));
    }
    let code = code.to_uppercase();
    let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = || syntax(file, line, format!("bad date restriction [{inner}]"));
    let (from, to) = if rest.is_empty() {
        (None, None)
    } else if let Some(d) = rest.strip_prefix('<') {
        (None, Some(parse_date(d).ok_or_else(bad)?))
    } else if let Some(d) = rest.strip_prefix('>') {
        (Some(parse_date(d).ok_or_else(bad)?), None)
    } else if let Some((a, b)) = rest.split_once('-') {
        (
            Some(parse_date(a).ok_or_else(bad)?),
            Some(parse_date(b).ok_or_else(bad)?),
        )
    } else {
        return Err(bad());
    };
    Ok(DatedCode { code, from, to })
}

/// Split `PHRASE [A][B d1-d2]` into the phrase and the bracket contents.
fn split_codes<'a>(
    s: &'a str,
    file: &str,
    line: usize,
    warnings: &mut Vec<String>,
) -> Result<(&'a str, Vec<&'a str>), DictionaryError> {
    let Some(open) = s.find('[') else {
        return Ok((s, Vec::new()));
    };
    let phrase = &s[..open];
    let mut codes = Vec::new();
    let mut rest = &s[open..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let Some(body) = rest.strip_prefix('[') else {
            // PETRARCH ignores free text after the codes (the Phoenix MNC list has some).
            warnings.push(format!("{file}:{line}: text after code ignored: {rest:?}"));
            break;
        };
        let Some(close) = body.find([']', '}']) else {
            return Err(syntax(file, line, "unclosed '['"));
        };
        codes.push(&body[..close]);
        rest = &body[close + 1..];
    }
    Ok((phrase, codes))
}

/// Parse an actor dictionary. `name` is used in error messages.
pub fn parse_actors(text: &str, name: &str) -> Result<ActorDictionary, DictionaryError> {
    let mut dict = ActorDictionary {
        name: name.to_owned(),
        ..Default::default()
    };
    let mut current: Option<ActorEntry> = None;
    for (line_no, line) in content_lines(text) {
        let t = line.trim();
        if t.starts_with('[') {
            let entry = current
                .as_mut()
                .ok_or_else(|| syntax(name, line_no, "date restriction before any actor"))?;
            let (_, codes) = split_codes(t, name, line_no, &mut dict.warnings)?;
            for c in codes {
                add_checked(entry, c, name, line_no, &mut dict.warnings)?;
            }
        } else if let Some(syn) = t.strip_prefix('+') {
            let entry = current
                .as_mut()
                .ok_or_else(|| syntax(name, line_no, "synonym before any actor"))?;
            let (phrase, codes) = split_codes(syn, name, line_no, &mut dict.warnings)?;
            let phrase = normalize_phrase(phrase);
            if phrase.is_empty() {
                return Err(syntax(name, line_no, "empty synonym"));
            }
            entry.phrases.push(phrase);
            for c in codes {
                add_checked(entry, c, name, line_no, &mut dict.warnings)?;
            }
        } else {
            let (phrase, codes) = split_codes(t, name, line_no, &mut dict.warnings)?;
            let phrase = normalize_phrase(phrase);
            if phrase.is_empty() {
                return Err(syntax(
                    name,
                    line_no,
                    format!("code without a phrase: {t:?}"),
                ));
            }
            if let Some(e) = current.take() {
                dict.entries.push(e);
            }
            let mut entry = ActorEntry {
                phrases: vec![phrase],
                line: line_no,
                ..Default::default()
            };
            for c in codes {
                add_checked(&mut entry, c, name, line_no, &mut dict.warnings)?;
            }
            current = Some(entry);
        }
    }
    if let Some(e) = current {
        dict.entries.push(e);
    }
    Ok(dict)
}

/// Parse and add one restriction; an unreadable date only skips the restriction.
fn add_checked(
    entry: &mut ActorEntry,
    inner: &str,
    name: &str,
    line: usize,
    warnings: &mut Vec<String>,
) -> Result<(), DictionaryError> {
    match parse_restriction(inner, name, line) {
        Ok(r) => add_restriction(entry, r),
        Err(DictionaryError::Syntax { message, .. }) if message.starts_with("bad date") => {
            warnings.push(format!("{name}:{line}: {message} (skipped)"))
        }
        Err(e) => return Err(e),
    }
    Ok(())
}

fn add_restriction(entry: &mut ActorEntry, r: DatedCode) {
    if r.is_undated() {
        entry.default_code = Some(r.code);
    } else {
        entry.dated.push(r);
    }
}

/// Regular English plural of the last word, as PETRARCH generates it.
fn regular_plural(phrase: &str) -> String {
    let (head, last) = match phrase.rfind(' ') {
        Some(p) => (&phrase[..=p], &phrase[p + 1..]),
        None => ("", phrase),
    };
    let plural = if last.ends_with("SS")
        || last.ends_with("SH")
        || last.ends_with("CH")
        || last.ends_with('X')
        || last.ends_with('S')
    {
        format!("{last}ES")
    } else if let Some(stem) = last.strip_suffix('Y') {
        if stem.ends_with(['A', 'E', 'I', 'O', 'U']) {
            format!("{last}S")
        } else {
            format!("{stem}IES")
        }
    } else {
        format!("{last}S")
    };
    format!("{head}{plural}")
}

/// Parse an agent dictionary. `name` is used in error messages.
pub fn parse_agents(text: &str, name: &str) -> Result<AgentDictionary, DictionaryError> {
    let mut dict = AgentDictionary {
        name: name.to_owned(),
        ..Default::default()
    };
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (line_no, line) in content_lines(text) {
        let t = line.trim();
        // Substitution set: `!PERSON! = MAN, MEN, WOMAN`.
        if t.starts_with('!') {
            if let Some((lhs, rhs)) = t.split_once('=') {
                let key = lhs.trim();
                if key.len() < 3 || !key.ends_with('!') {
                    return Err(syntax(
                        name,
                        line_no,
                        format!("bad substitution set name {key:?}"),
                    ));
                }
                let items: Vec<String> = rhs
                    .split(',')
                    .map(|s| s.trim().to_uppercase())
                    .filter(|s| !s.is_empty())
                    .collect();
                if items.is_empty() {
                    return Err(syntax(name, line_no, "empty substitution set"));
                }
                sets.insert(key.to_uppercase(), items);
                continue;
            }
        }
        let Some(open) = t.find('[') else {
            dict.warnings.push(format!(
                "{name}:{line_no}: agent phrase without a code: {t:?}"
            ));
            continue;
        };
        let (left, code_part) = t.split_at(open);
        let Some(close) = code_part.find([']', '}']) else {
            return Err(syntax(name, line_no, "unclosed '['"));
        };
        let raw_code: String = code_part[1..close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (code, placement) = if let Some(c) = raw_code.strip_prefix('~') {
            (c, AgentPlacement::Suffix)
        } else if let Some(c) = raw_code.strip_suffix('~') {
            (c, AgentPlacement::Prefix)
        } else {
            return Err(syntax(
                name,
                line_no,
                format!("agent code without '~': [{raw_code}]"),
            ));
        };
        if code.is_empty() {
            return Err(syntax(name, line_no, "empty agent code"));
        }
        // Optional `{plurals}` between the phrase and the code.
        let (phrase_part, plurals) = match left.find('{') {
            Some(b) => {
                let Some(e) = left[b..].find('}') else {
                    return Err(syntax(name, line_no, "unclosed '{'"));
                };
                let inner = &left[b + 1..b + e];
                let plurals: Vec<String> = inner
                    .split_whitespace()
                    .map(normalize_phrase)
                    .filter(|p| !p.is_empty())
                    .collect();
                (&left[..b], Some(plurals))
            }
            None => (left, None),
        };
        let phrase = normalize_phrase(phrase_part);
        if phrase.is_empty() {
            return Err(syntax(name, line_no, "code without a phrase"));
        }
        let expanded = expand_sets(&phrase, &sets, name, line_no)?;
        let substituted = expanded.len() > 1 || expanded.first() != Some(&phrase);
        for p in expanded {
            let mut forms = vec![p.clone()];
            match &plurals {
                Some(ps) => forms.extend(ps.iter().cloned()),
                // Substituted phrases carry their own number (MAN/MEN).
                None if !substituted => forms.push(regular_plural(&p)),
                None => {}
            }
            forms.dedup();
            dict.entries.push(AgentEntry {
                phrase: p,
                forms,
                code: code.to_uppercase(),
                placement,
                line: line_no,
            });
        }
    }
    Ok(dict)
}

fn expand_sets(
    phrase: &str,
    sets: &HashMap<String, Vec<String>>,
    file: &str,
    line: usize,
) -> Result<Vec<String>, DictionaryError> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![phrase.to_owned()]);
    };
    let Some(len) = phrase[start + 1..].find('!') else {
        return Err(syntax(file, line, "unclosed substitution marker '!'"));
    };
    let key = &phrase[start..start + len + 2];
    let items = sets
        .get(key)
        .ok_or_else(|| syntax(file, line, format!("undefined substitution set {key}")))?;
    let mut out = Vec::new();
    for item in items {
        let replaced = format!("{}{}{}", &phrase[..start], item, &phrase[start + len + 2..]);
        out.extend(expand_sets(&replaced, sets, file, line)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dated_codes_pick_first_holding_restriction() {
        let text = "<!-- header\n# inside -->\nSAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[ORCHOB 20100109-20100112]\n\t[HOBMIL 20080120-20121109]\n\t[HOBELI >20130119]\n";
        let dict = parse_actors(text, "t").unwrap();
        let e = &dict.entries[0];
        assert_eq!(e.code_on(d(2007, 1, 1)), Some("HOBCIV"));
        assert_eq!(e.code_on(d(2010, 1, 10)), Some("ORCHOB"));
        assert_eq!(e.code_on(d(2011, 1, 1)), Some("HOBMIL"));
        assert_eq!(e.code_on(d(2012, 12, 1)), Some("HOB"));
        assert_eq!(e.code_on(d(2014, 1, 1)), Some("HOBELI"));
    }

    #[test]
    fn inline_codes_spaces_and_two_digit_years() {
        let text = "WILLY_CLAES_\t[IGOEUREEC 930701-931231][IGOWSTNAT 941017-951020] \nGOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n";
        let dict = parse_actors(text, "t").unwrap();
        assert_eq!(dict.entries.len(), 2);
        assert_eq!(dict.entries[0].code_on(d(1995, 1, 1)), Some("IGOWSTNAT"));
        assert_eq!(dict.entries[1].phrases, vec!["GOLLUM", "SMEAGOL"]);
        assert_eq!(dict.entries[1].code_on(d(1996, 1, 1)), Some("HOBGOV"));
        assert_eq!(dict.entries[1].code_on(d(1990, 1, 1)), Some("HOB"));
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let err =
            parse_actors("IRAQ [IRQ]\n\t[IRQGOV 20050101-20101231\n", "my.actors").unwrap_err();
        assert_eq!(err.to_string(), "my.actors:2: unclosed '['");
        let err = parse_actors("[IRQ]\n", "my.actors").unwrap_err();
        assert_eq!(
            err.to_string(),
            "my.actors:1: date restriction before any actor"
        );
        let dict = parse_actors("IRAQ [IRQ]\n\t[IRQGOV 2005x-2010]\n", "my.actors").unwrap();
        assert_eq!(
            dict.warnings,
            ["my.actors:2: bad date restriction [IRQGOV 2005x-2010] (skipped)"]
        );
        let err = parse_actors("# c\n+SYNONYM\n", "a.txt").unwrap_err();
        assert!(err.to_string().starts_with("a.txt:2:"), "{err}");
        let err = parse_agents("SOLDIER [~MIL\n", "b.txt").unwrap_err();
        assert!(err.to_string().starts_with("b.txt:1:"), "{err}");
        let err = parse_agents("X!NOPE! [~GOV]\n", "b.txt").unwrap_err();
        assert!(
            err.to_string().contains("undefined substitution set"),
            "{err}"
        );
    }

    #[test]
    fn agents_plurals_and_substitutions() {
        let text = "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [ ~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nMILITIA [~REB]\nHUMAN_RIGHTS_BODY  [NGO~]\nBUS [~BUS]\n";
        let dict = parse_agents(text, "t").unwrap();
        let forms: Vec<_> = dict.entries.iter().map(|e| e.forms.join("|")).collect();
        assert_eq!(
            forms,
            [
                "CONGRESSMAN",
                "CONGRESSMEN",
                "POLICE",
                "ATTORNEY GENERAL|ATTORNEYS GENERAL",
                "MILITIA|MILITIAS",
                "HUMAN RIGHTS BODY|HUMAN RIGHTS BODIES",
                "BUS|BUSES"
            ]
        );
        assert_eq!(dict.entries[5].placement, AgentPlacement::Prefix);
        assert_eq!(dict.entries[2].code, "COP");
    }
}
