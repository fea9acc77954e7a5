//! Word tokenization following UD English (EWT) conventions.
//!
//! The tagger and parser are trained on EWT and GUM, so tokens must look like
//! theirs: clitics split (`Iraq's` → `Iraq` `'s`, `don't` → `do` `n't`,
//! `can't` → `ca` `n't`, `gonna` → `gon` `na`), hyphenated words split
//! (`Al-Najba` → `Al` `-` `Najba`, `Iranian-backed` → `Iranian` `-` `backed`)
//! except after a bound prefix (`anti-American`, `non-stop`, `e-mail`) and
//! between digits (`2019-12-31`, phone numbers), abbreviations keep their
//! period (`U.S.`, `Dec.`, `Gen.`), numbers stay whole (`1,000`, `3.5`,
//! `12/31/2019`, `10:30`), and URLs, e-mail addresses, `@handles` and
//! `#hashtags` are single tokens.
//!
//! The scanner works on whitespace-separated chunks, so no token ever spans
//! whitespace. It allocates nothing but the output vector.

use crate::abbrev::{AbbrevClass, Abbreviations};

/// A token as a byte range of the (repaired) text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
}

/// Whitespace for tokenization: Unicode spaces, controls and zero-width characters.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Letters, digits and common combining marks.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}'
            | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0591}'..='\u{05C7}')
}

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// Prefixes EWT keeps attached to the following word (`anti-American`).
const BOUND_PREFIXES: &[&str] = &[
    "e", "non", "mid", "pre", "anti", "re", "post", "co", "over", "pro", "multi", "ex", "sub",
    "semi", "psycho", "neo", "cross", "counter", "inter", "pan", "mini",
];

fn is_bound_prefix(seg: &str) -> bool {
    seg.len() <= 7 && BOUND_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(seg))
}

/// Clitics split off after an apostrophe (`'s`, `'re`, ...), longest first.
const CLITICS: &[&str] = &["re", "ve", "ll", "s", "d", "m"];

/// Top-level domains that mark a bare `example.com/path` as a URL.
const URL_TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "mil", "io", "co", "uk", "ly", "me", "tv", "info",
    "news", "be", "gl", "fr", "de", "ru", "ir", "iq", "sy", "tr", "cn",
];

/// Longest host name or e-mail local part looked at.
const MAX_HOST: usize = 96;

/// Tokenize `text`, appending pieces to `out`.
pub(crate) fn tokenize(text: &str, abbrevs: &Abbreviations, out: &mut Vec<Piece>) {
    let mut i = 0;
    let n = text.len();
    while i < n {
        let Some(c) = char_at(text, i) else { break };
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        let mut e = i;
        while let Some(c) = char_at(text, e) {
            if is_space(c) {
                break;
            }
            e += c.len_utf8();
        }
        Chunk {
            s: text,
            end: e,
            abbrevs,
            out: &mut *out,
        }
        .scan(i);
        i = e;
    }
}

/// One whitespace-free run of text being cut into tokens.
struct Chunk<'a, 'o> {
    s: &'a str,
    end: usize,
    abbrevs: &'a Abbreviations,
    out: &'o mut Vec<Piece>,
}

impl Chunk<'_, '_> {
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        if i < self.end {
            char_at(self.s, i)
        } else {
            None
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.push(Piece { start, end });
        }
    }

    fn scan(&mut self, mut p: usize) {
        let chunk_has_at = self.s.get(p..self.end).is_some_and(|c| c.contains('@'));
        while p < self.end {
            let Some(c) = self.at(p) else { break };
            if let Some(url_end) = self.url_at(p) {
                self.push(p, url_end);
                p = url_end;
                continue;
            }
            if c == '@' || c == '#' {
                let body = if c == '@' {
                    self.run_while(p + 1, |x| x.is_ascii_alphanumeric() || x == '_')
                } else {
                    self.run_while(p + 1, |x| is_word(x) || x == '_')
                };
                if body > p + 1 && (c == '@' || !self.at(p + 1).is_some_and(|x| x.is_ascii_digit()))
                {
                    self.push(p, body);
                    p = body;
                    continue;
                }
            }
            if is_word(c) {
                if chunk_has_at {
                    if let Some(email_end) = self.email_at(p) {
                        self.push(p, email_end);
                        p = email_end;
                        continue;
                    }
                }
                p = self.word(p);
                continue;
            }
            p = self.punct(p, c);
        }
    }

    fn run_while(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        self.run_while_to(i, self.end, f)
    }

    fn run_while_to(&self, mut i: usize, end: usize, f: impl Fn(char) -> bool) -> usize {
        while i < end {
            match char_at(self.s, i) {
                Some(c) if f(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// End of a URL starting at `p` (trailing punctuation left out).
    fn url_at(&self, p: usize) -> Option<usize> {
        let rest = self.s.get(p..self.end)?;
        let b = rest.as_bytes();
        let starts =
            |pre: &str| b.len() > pre.len() && b[..pre.len()].eq_ignore_ascii_case(pre.as_bytes());
        let schemed = starts("http://")
            || starts("https://")
            || starts("ftp://")
            || starts("mailto:")
            || starts("www.")
            || starts("pic.twitter.com/");
        if !schemed && !bare_domain_with_path(rest) {
            return None;
        }
        let mut end = rest.len();
        let opens = rest.matches('(').count();
        let closes = rest.matches(')').count();
        let mut extra_closes = closes.saturating_sub(opens);
        while let Some(c) = rest.get(..end).and_then(|r| r.chars().next_back()) {
            let trailing = matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '’' | '”' | ']' | '}' | '>' | '…'
            ) || (c == ')' && extra_closes > 0);
            if !trailing {
                break;
            }
            if c == ')' {
                extra_closes -= 1;
            }
            end -= c.len_utf8();
        }
        (end > 4).then_some(p + end)
    }

    /// End of an e-mail address starting at `p`.
    fn email_at(&self, p: usize) -> Option<usize> {
        let local_end = self.run_while_to(p, self.end.min(p + MAX_HOST), |c| {
            is_word(c) || matches!(c, '.' | '-' | '_' | '+')
        });
        if self.at(local_end) != Some('@') || local_end == p {
            return None;
        }
        let mut end = self.run_while(local_end + 1, |c| is_word(c) || matches!(c, '.' | '-'));
        let domain = self.s.get(local_end + 1..end)?;
        let trimmed = domain.trim_end_matches(['.', '-']);
        end -= domain.len() - trimmed.len();
        let tld = trimmed.rsplit_once('.')?.1;
        (tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())).then_some(end)
    }

    /// A word starting at `start`, with its clitics, hyphen splits and
    /// abbreviation period. Returns where scanning continues.
    fn word(&mut self, start: usize) -> usize {
        let mut tok = start;
        let mut seg = start;
        let mut q = start;
        loop {
            q = self.run_while(q, is_word);
            let Some(c) = self.at(q) else { break };
            let after = q + c.len_utf8();
            let next = self.at(after);
            let next_is_word = next.is_some_and(is_word);
            let prev = char_before(self.s, q);
            match c {
                '.' if next_is_word => q = after,
                ',' if prev.is_some_and(|c| c.is_ascii_digit()) && self.three_digits_at(after) => {
                    q = after
                }
                ':' | '/'
                    if prev.is_some_and(|c| c.is_ascii_digit())
                        && next.is_some_and(|c| c.is_ascii_digit()) =>
                {
                    q = after
                }
                // `b/c`, `w/o`: single letters around a slash.
                '/' if self.single_letter_before(tok, q) && self.single_letter_at(after) => {
                    q = after
                }
                // `AT&T`, `a&m`.
                '&' if prev.is_some_and(|c| c.is_alphabetic())
                    && next.is_some_and(|c| c.is_alphabetic()) =>
                {
                    q = after
                }
                '-' if next_is_word => {
                    let segment = self.s.get(seg..q).unwrap_or("");
                    // Phone numbers and ISO dates stay whole; ranges (`5-3`) split.
                    let so_far = self.s.get(tok..q).unwrap_or("");
                    let digits = !segment.is_empty()
                        && so_far.len() <= 40
                        && so_far.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                        && next.is_some_and(|c| c.is_ascii_digit())
                        && (so_far.len() > segment.len()
                            || segment.len() >= 3
                            || self.digit_run(after) >= 3);
                    if digits || is_bound_prefix(segment) {
                        q = after;
                    } else {
                        self.emit_word(tok, q);
                        self.push(q, after);
                        q = after;
                        tok = q;
                    }
                    seg = q;
                }
                '\'' | '’' => {
                    // `n't`: the n belongs to the clitic.
                    if matches!(prev, Some('n' | 'N'))
                        && matches!(next, Some('t' | 'T'))
                        && !self.at(after + 1).is_some_and(is_word)
                        && q > tok
                    {
                        self.emit_word(tok, q - 1);
                        self.push(q - 1, after + 1);
                        return after + 1;
                    }
                    let decade = self
                        .s
                        .get(tok..q)
                        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
                    if let Some(len) = self.clitic_at(after).filter(|&l| !(decade && l == 1)) {
                        self.emit_word(tok, q);
                        self.push(q, after + len);
                        return after + len;
                    }
                    if next_is_word {
                        q = after; // O'Brien, rock'n'roll
                    } else {
                        break; // closing quote or plural possessive: punctuation
                    }
                }
                _ => break,
            }
        }
        // A final period belongs to an abbreviation.
        if self.at(q) == Some('.') && self.at(q + 1) != Some('.') {
            let word = self.s.get(tok..q).unwrap_or("");
            if self.keeps_period(word, q + 1) {
                self.emit_word(tok, q + 1);
                return q + 1;
            }
        }
        self.emit_word(tok, q);
        q
    }

    fn digit_run(&self, i: usize) -> usize {
        self.run_while(i, |c| c.is_ascii_digit()) - i
    }

    fn single_letter_before(&self, tok: usize, q: usize) -> bool {
        q > tok
            && q - tok == 1
            && self
                .s
                .as_bytes()
                .get(tok)
                .is_some_and(u8::is_ascii_alphabetic)
    }

    fn single_letter_at(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_alphabetic()) && !self.at(i + 1).is_some_and(is_word)
    }

    fn three_digits_at(&self, i: usize) -> bool {
        let b = self.s.as_bytes();
        let digit = |k: usize| k < self.end && b.get(k).is_some_and(u8::is_ascii_digit);
        digit(i) && digit(i + 1) && digit(i + 2) && !digit(i + 3)
    }

    /// Length of a clitic (`s`, `re`, `ve`, `ll`, `d`, `m`) at `i` ending the word.
    fn clitic_at(&self, i: usize) -> Option<usize> {
        let rest = self.s.get(i..self.end)?;
        CLITICS.iter().find_map(|c| {
            let head = rest.get(..c.len())?;
            let boundary = !rest
                .get(c.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_word);
            (head.eq_ignore_ascii_case(c) && boundary).then_some(c.len())
        })
    }

    /// Whether `word.` is an abbreviation; `after` is the offset past the period.
    fn keeps_period(&self, word: &str, after: usize) -> bool {
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return c.is_uppercase(); // an initial
        }
        match self.abbrevs.class(word) {
            Some(AbbrevClass::Number) => {
                let rest = self.s.get(after..).unwrap_or("");
                rest.trim_start_matches(|c: char| c.is_whitespace())
                    .starts_with(|c: char| c.is_ascii_digit())
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Emit a word, splitting EWT's fused forms (`gonna` → `gon` `na`).
    fn emit_word(&mut self, a: usize, b: usize) {
        let w = self.s.get(a..b).unwrap_or("");
        if w.len() == 5 || w.len() == 6 {
            let fused = ["gonna", "wanna", "gotta", "cannot"];
            let split = fused.iter().any(|f| w.eq_ignore_ascii_case(f)).then_some(3);
            if let Some(k) = split {
                self.push(a, a + k);
                self.push(a + k, b);
                return;
            }
        }
        self.push(a, b);
    }

    /// A punctuation or symbol token at `p`.
    fn punct(&mut self, p: usize, c: char) -> usize {
        let end = match c {
            '.' | '-' => {
                let e = self.run_while(p, |x| x == c);
                if e - p >= 2 {
                    e
                } else {
                    p + 1
                }
            }
            '!' | '?' => self.run_while(p, |x| x == '!' || x == '?'),
            '`' => self.run_while(p, |x| x == '`').min(p + 2),
            '\'' if self.at(p + 1) == Some('\'') => p + 2,
            // `'67`: an abbreviated year.
            '\'' | '’' if self.digit_run(p + c.len_utf8()) == 2 => {
                let e = p + c.len_utf8() + 2;
                let e = if self.at(e) == Some('s') { e + 1 } else { e };
                if self.at(e).is_some_and(is_word) {
                    p + c.len_utf8()
                } else {
                    e
                }
            }
            // Quotes and brackets stand alone; other symbols group in runs (`***`, `___`, `+++`).
            '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '(' | ')' | '[' | ']' | '{' | '}'
            | ',' | ';' | ':' => p + c.len_utf8(),
            _ => self.run_while(p, |x| x == c),
        };
        self.push(p, end);
        end
    }
}

/// `example.com/path`: dotted labels ending in a known TLD, then a slash.
fn bare_domain_with_path(rest: &str) -> bool {
    // Host names are short; looking further would make junk chunks quadratic.
    let Some(slash) = rest.bytes().take(MAX_HOST).position(|b| b == b'/') else {
        return false;
    };
    let Some(host) = rest.get(..slash) else {
        return false;
    };
    let mut labels = host.split('.');
    let Some(first) = labels.next() else {
        return false;
    };
    if first.is_empty() || host.len() < 4 {
        return false;
    }
    let mut last = "";
    let mut count = 1;
    for l in labels {
        if l.is_empty() || !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return false;
        }
        last = l;
        count += 1;
    }
    count >= 2
        && first
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && URL_TLDS.iter().any(|t| t.eq_ignore_ascii_case(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, &Abbreviations::default(), &mut out);
        out.iter()
            .map(|p| text[p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn clitics_follow_ewt() {
        assert_eq!(toks("Iraq's"), ["Iraq", "'s"]);
        assert_eq!(toks("Iraq’s premier"), ["Iraq", "’s", "premier"]);
        assert_eq!(toks("don't"), ["do", "n't"]);
        assert_eq!(toks("can't"), ["ca", "n't"]);
        assert_eq!(toks("won’t"), ["wo", "n’t"]);
        assert_eq!(toks("they're"), ["they", "'re"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
        assert_eq!(toks("protesters' demands"), ["protesters", "'", "demands"]);
        assert_eq!(toks("gonna"), ["gon", "na"]);
        assert_eq!(toks("cannot"), ["can", "not"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(toks("the U.S. embassy"), ["the", "U.S.", "embassy"]);
        assert_eq!(toks("Gen. Qassem"), ["Gen.", "Qassem"]);
        assert_eq!(toks("on Dec. 31"), ["on", "Dec.", "31"]);
        assert_eq!(toks("e.g. rockets, etc."), ["e.g.", "rockets", ",", "etc."]);
        assert_eq!(toks("Donald J. Trump"), ["Donald", "J.", "Trump"]);
        assert_eq!(toks("No. 10"), ["No.", "10"]);
        assert_eq!(toks("said no."), ["said", "no", "."]);
        assert_eq!(toks("in Baghdad."), ["in", "Baghdad", "."]);
        assert_eq!(toks("U.S.-led"), ["U.S.", "-", "led"]);
    }

    #[test]
    fn hyphens_follow_ewt() {
        assert_eq!(toks("Al-Najba"), ["Al", "-", "Najba"]);
        assert_eq!(toks("Iranian-backed"), ["Iranian", "-", "backed"]);
        assert_eq!(toks("anti-American"), ["anti-American"]);
        assert_eq!(toks("2019-12-31"), ["2019-12-31"]);
        assert_eq!(toks("call 853-5620"), ["call", "853-5620"]);
        assert_eq!(toks("a 5-3 vote"), ["a", "5", "-", "3", "vote"]);
        assert_eq!(
            toks("in the '80s and 1990's"),
            ["in", "the", "'80s", "and", "1990's"]
        );
        assert_eq!(toks("well -- maybe"), ["well", "--", "maybe"]);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(toks("1,000 troops"), ["1,000", "troops"]);
        assert_eq!(toks("$3.5 billion"), ["$", "3.5", "billion"]);
        assert_eq!(toks("12/31/2019 at 10:30"), ["12/31/2019", "at", "10:30"]);
        assert_eq!(toks("5%"), ["5", "%"]);
        assert_eq!(toks("1, 2"), ["1", ",", "2"]);
    }

    #[test]
    fn web_forms_are_single_tokens() {
        assert_eq!(
            toks("(@realDonaldTrump) #Iraq pic.twitter.com/AbC12x."),
            [
                "(",
                "@realDonaldTrump",
                ")",
                "#Iraq",
                "pic.twitter.com/AbC12x",
                "."
            ]
        );
        assert_eq!(
            toks("see https://example.com/a_(b)?x=1)."),
            ["see", "https://example.com/a_(b)?x=1", ")", "."]
        );
        assert_eq!(toks("mail press@un.org."), ["mail", "press@un.org", "."]);
        assert_eq!(toks("reuters.com/world/x"), ["reuters.com/world/x"]);
    }

    #[test]
    fn quotes_dashes_ellipses() {
        assert_eq!(
            toks("“Leave,” he said…"),
            ["“", "Leave", ",", "”", "he", "said", "…"]
        );
        assert_eq!(toks("\"No...\" — he"), ["\"", "No", "...", "\"", "—", "he"]);
        assert_eq!(toks("What?!"), ["What", "?!"]);
        assert_eq!(toks("``Yes''"), ["``", "Yes", "''"]);
    }
}
