//! Mojibake repair with an offset map back to the input.
//!
//! Text that was UTF-8, decoded as Windows-1252 (or Latin-1) and re-encoded,
//! shows up as `â€™` for `’`, `â€œ` for `“`, `Ã©` for `é`. Before tokenizing,
//! such runs are decoded back to the character they stand for. The repaired
//! string is what the tokenizer sees and what `Token::text` holds; an
//! offset map turns positions in the repaired string back into byte
//! offsets of the input, so every span still points into the original text.

use std::borrow::Cow;

/// The repaired text and the way back to input offsets.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The text with mojibake repaired (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    map: OffsetMap,
}

impl Normalized<'_> {
    /// Input byte offset of repaired-text offset `pos`.
    pub fn to_input(&self, pos: usize) -> usize {
        self.map.to_input(pos)
    }

    /// Whether any repair was made.
    pub fn is_repaired(&self) -> bool {
        !self.map.shifts.is_empty()
    }
}

/// Maps offsets in the repaired text to offsets in the input.
///
/// Each repair replaces a run of input bytes by a shorter run; `shifts` holds,
/// for every repair, the repaired-text offset just after it and the total
/// number of input bytes dropped so far.
#[derive(Debug, Clone, Default)]
struct OffsetMap {
    shifts: Vec<(usize, usize)>,
}

impl OffsetMap {
    fn to_input(&self, pos: usize) -> usize {
        let i = self.shifts.partition_point(|&(at, _)| at <= pos);
        match i.checked_sub(1).and_then(|j| self.shifts.get(j)) {
            Some(&(_, dropped)) => pos + dropped,
            None => pos,
        }
    }
}

/// Repair mojibake in `text`. Costs one scan when there is nothing to repair.
pub fn repair_mojibake(text: &str) -> Normalized<'_> {
    // Every mojibake run starts with a Latin-1 character in U+00C2..=U+00F4
    // (the lead byte of a UTF-8 sequence read as one character).
    // All of U+00C2..=U+00F4 are encoded with the byte 0xC3 first.
    if !text.as_bytes().contains(&0xC3) {
        return Normalized {
            text: Cow::Borrowed(text),
            map: OffsetMap::default(),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut dropped = 0usize;
    let mut i = 0usize;
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        if ('\u{C2}'..='\u{F4}').contains(&c) {
            if let Some((repaired, input_len)) = decode_run(text, i) {
                out.push(repaired);
                dropped += input_len - repaired.len_utf8();
                map.shifts.push((out.len(), dropped));
                i += input_len;
                continue;
            }
        }
        out.push(c);
        i += c.len_utf8();
    }
    Normalized {
        text: Cow::Owned(out),
        map,
    }
}

/// Try to read a mojibake run at byte `at`: the characters' Windows-1252
/// bytes must form one valid UTF-8 sequence of 2–4 bytes decoding to a
/// non-ASCII character. Returns the character and the input bytes consumed.
fn decode_run(text: &str, at: usize) -> Option<(char, usize)> {
    let rest = text.get(at..)?;
    let mut chars = rest.char_indices();
    let (_, lead) = chars.next()?;
    let lead_byte = cp1252_byte(lead)?;
    let need = match lead_byte {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead_byte, 0, 0, 0];
    let mut consumed = lead.len_utf8();
    for slot in bytes.iter_mut().take(need).skip(1) {
        match chars.next() {
            Some((_, c)) => match cp1252_byte(c) {
                Some(b @ 0x80..=0xBF) => {
                    *slot = b;
                    consumed += c.len_utf8();
                }
                _ => return dropped_quote(lead_byte, &bytes, need, consumed),
            },
            None => return dropped_quote(lead_byte, &bytes, need, consumed),
        }
    }
    let s = std::str::from_utf8(bytes.get(..need)?).ok()?;
    let c = s.chars().next()?;
    (!c.is_ascii()).then_some((c, consumed))
}

/// `”` is E2 80 9D; 0x9D has no Windows-1252 character, so converters often
/// drop it, leaving `â€` alone. Read a bare `â€` as `”`.
fn dropped_quote(lead: u8, bytes: &[u8; 4], need: usize, consumed: usize) -> Option<(char, usize)> {
    (lead == 0xE2 && need == 3 && bytes[1] == 0x80 && consumed == "â€".len())
        .then_some(('\u{201D}', consumed))
}

/// The Windows-1252 byte a character stands for, when it has one.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0xA0..=0xFF).contains(&u) || (0x80..=0x9F).contains(&u) {
        return u8::try_from(u).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_quotes_and_accents_keeping_offsets() {
        let input = "Iraqâ€™s premier said â€œnoâ€\u{9d} to CafÃ© talks";
        let n = repair_mojibake(input);
        assert_eq!(n.text, "Iraq’s premier said “no” to Café talks");
        let pos = n.text.find("premier").unwrap();
        assert_eq!(&input[n.to_input(pos)..n.to_input(pos) + 7], "premier");
        let pos = n.text.find("Café").unwrap();
        let end = pos + "Café".len();
        assert_eq!(&input[n.to_input(pos)..n.to_input(end)], "CafÃ©");
    }

    #[test]
    fn bare_double_quote_mojibake() {
        let n = repair_mojibake("â€œLeaveâ€ he said");
        assert_eq!(n.text, "“Leave” he said");
    }

    #[test]
    fn clean_text_is_borrowed() {
        let n = repair_mojibake("Protesters stormed the embassy – and left. Señor Ñ");
        assert!(!n.is_repaired());
        assert_eq!(n.text, "Protesters stormed the embassy – and left. Señor Ñ");
        assert!(matches!(
            repair_mojibake("plain ascii").text,
            Cow::Borrowed(_)
        ));
    }
}
