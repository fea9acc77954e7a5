//! A small word scanner over raw text, independent of the pipeline's
//! tokenizer so that expressions can be found in any text (metadata,
//! untokenized input) and so that `2019-12-29`, `10:00` and `mid-March`
//! stay single words.

/// One scanned word or punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    /// Byte offsets into the scanned text.
    pub start: usize,
    pub end: usize,
    /// Lowercased form: borrowed from the text when it already is (most words).
    pub lower: Cow<'t, str>,
    /// First character is uppercase.
    pub cap: bool,
    /// Alphanumeric (as opposed to a punctuation mark).
    pub alnum: bool,
}

impl Word<'_> {
    pub fn is_digits(&self) -> bool {
        self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

use std::borrow::Cow;

/// Characters joining two alphanumeric runs into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '/' | ':' | '.')
}

/// Split `text` into words and punctuation marks (whitespace dropped).
pub fn scan(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            loop {
                match it.peek().copied() {
                    Some((_, d)) if d.is_alphanumeric() => {
                        it.next();
                        end += d.len_utf8();
                    }
                    Some((j, d)) if is_joiner(d) || d == ',' => {
                        // Join only when an alphanumeric follows; a comma only
                        // inside a digit group (`3,200`).
                        let after = text.get(j + 1..).and_then(|s| s.chars().next());
                        let ok = match after {
                            Some(a) if d == ',' => {
                                let prev_digit = text
                                    .as_bytes()
                                    .get(j.wrapping_sub(1))
                                    .is_some_and(u8::is_ascii_digit);
                                let rest = text.get(j + 1..).unwrap_or("");
                                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                                prev_digit && a.is_ascii_digit() && digits == 3
                            }
                            Some(a) => a.is_alphanumeric(),
                            None => false,
                        };
                        if !ok {
                            break;
                        }
                        it.next();
                        end += d.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        let slice = text.get(start..end).unwrap_or("");
        out.push(Word {
            start,
            end,
            lower: if slice
                .bytes()
                .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
            {
                Cow::Owned(slice.to_lowercase())
            } else {
                Cow::Borrowed(slice)
            },
            cap: c.is_uppercase(),
            alnum: c.is_alphanumeric(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_dates_and_times_whole() {
        let t = "On Dec. 29, 2019-12-29 at 10:00, mid-March 3,200 U.S. troops.";
        let w: Vec<String> = scan(t).into_iter().map(|w| w.lower.into_owned()).collect();
        assert_eq!(
            w,
            [
                "on",
                "dec",
                ".",
                "29",
                ",",
                "2019-12-29",
                "at",
                "10:00",
                ",",
                "mid-march",
                "3,200",
                "u.s",
                ".",
                "troops",
                "."
            ]
        );
    }
}
