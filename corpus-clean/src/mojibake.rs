//! Mojibake repair: UTF-8 text that was decoded with a single-byte code page.
//!
//! Each line is handled on its own, in rounds, as python-ftfy does:
//!
//! 1. A line that is ASCII, or that [`is_bad`] finds nothing suspicious in,
//!    is left alone. This is what keeps correct text (`café`, `Zürich`,
//!    curly quotes, `SÃO PAULO`) untouched.
//! 2. Otherwise the whole line is re-encoded with each code page in turn
//!    (Latin-1, Windows-1252, -1251, -1250, -1253, -1254, -1257, ISO 8859-2,
//!    Mac Roman); the first whose bytes decode as UTF-8 (CESU-8 surrogate
//!    pairs accepted) wins. Before decoding, spaces that stand for a lost
//!    byte `0xA0` are put back, and in the sloppy code pages sequences that a
//!    lossy decoder already damaged become U+FFFD.
//! 3. If no code page fits the whole line (good and bad text mixed), each
//!    short run that looks like one UTF-8 character in disguise (`â€™`) and
//!    looks bad on its own is repaired alone.
//! 4. C1 control characters left over are read as Windows-1252 (`\u{85}` →
//!    `…`).
//!
//! Rounds repeat (at most [`MAX_ROUNDS`]) while they change the line, which
//! undoes mojibake applied two or three times.

use std::borrow::Cow;

use corpus_format::Span;

use crate::badness::is_bad;
use crate::codepage::{CLUE_CONT, CLUE_FIRST2, CLUE_FIRST3, CLUE_FIRST4, Charmap, charmaps};
use crate::edit::{Edit, EditKind, EditLog, apply_edits, compose};

/// Most UTF-8-looking sequences in one run examined together (bounds the
/// work per character).
const MAX_RUN: usize = 16;

/// Most rounds of repair on one line.
pub(crate) const MAX_ROUNDS: usize = 6;

/// Edits that repair the mojibake of `text`, line by line (lines end at
/// `\n` or `\r`).
pub(crate) fn repair(text: &str) -> Vec<Edit> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let at = crate::scan::next_non_ascii(bytes, from);
        if at >= bytes.len() {
            break;
        }
        // The line around the first non-ASCII byte.
        let start = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |p| p + 1);
        let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |p| at + p);
        if let Some(line) = text.get(start..end) {
            for mut e in fix_encoding(line, true) {
                e.span = e.span.shift(start);
                out.push(e);
            }
        }
        from = end;
    }
    out
}

/// Repairs one line, in rounds; edits are relative to `line`.
fn fix_encoding(line: &str, inconsistent: bool) -> Vec<Edit> {
    let mut cur: Cow<'_, str> = Cow::Borrowed(line);
    let mut edits: Vec<Edit> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let step = one_step(&cur, inconsistent);
        if step.is_empty() {
            break;
        }
        let next = apply_edits(&cur, &step);
        edits = compose(edits, step, &cur);
        cur = Cow::Owned(next);
    }
    edits
}

/// One round of repair; edits are relative to `text`.
fn one_step(text: &str, inconsistent: bool) -> Vec<Edit> {
    if text.is_ascii() || !is_bad(text) {
        return Vec::new();
    }
    let maps = charmaps();
    for cm in &maps.order {
        match try_whole(text, cm) {
            Attempt::Fixed(edits) => return edits,
            Attempt::Failed => continue,
            Attempt::Slow => {}
        }
        let Some(mut enc) = Encoded::new(text, cm) else {
            continue;
        };
        if cm.nbsp_a0 && has_altered_a0(&enc.bytes) {
            enc.restore_byte_a0();
        }
        if cm.sloppy {
            enc.replace_lossy_sequences();
        }
        if let Some(decoded) = enc.decode_utf8()
            && plausible(&decoded)
        {
            return diff_edits(text, &decoded);
        }
    }
    if inconsistent {
        let edits = fix_inconsistent(text);
        if !edits.is_empty() {
            return edits;
        }
    }
    fix_c1_controls(text)
}

/// Repairs, one by one, the runs of `text` that look like UTF-8 characters
/// decoded as several single-byte characters each, when the run looks bad
/// on its own.
///
/// A run is a sequence of lead characters each followed by the right number
/// of continuation characters. `Ã` or `Â` followed by a space, right after a
/// small ASCII letter (and maybe one space), also counts (`voilÃ le`: the
/// byte `0xA0` of `à` became a space).
fn fix_inconsistent(text: &str) -> Vec<Edit> {
    let maps = charmaps();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let total = chars.len();
    let seq_len = |i: usize| -> usize {
        let c = chars[i].1;
        let clue = maps.clues(c);
        if clue & (CLUE_FIRST2 | CLUE_FIRST3 | CLUE_FIRST4) == 0 {
            return 0;
        }
        let conts = |n: usize| {
            i + n < total
                && chars[i + 1..=i + n]
                    .iter()
                    .all(|&(_, d)| maps.clues(d) & CLUE_CONT != 0)
        };
        if clue & CLUE_FIRST2 != 0 && conts(1) {
            2
        } else if clue & CLUE_FIRST3 != 0 && conts(2) {
            3
        } else if clue & CLUE_FIRST4 != 0 && conts(3) {
            4
        } else if matches!(c, 'Ã' | 'Â')
            && chars.get(i + 1).is_some_and(|&(_, d)| d == ' ')
            && after_small_letter(&chars, i)
        {
            2
        } else {
            0
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < total {
        let first = seq_len(i);
        if first == 0 {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut j = i + first;
        let mut seqs = 1;
        while j < total && seqs < MAX_RUN {
            let n = seq_len(j);
            if n == 0 {
                break;
            }
            j += n;
            seqs += 1;
        }
        let start = chars[run_start].0;
        let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
        let sub = &text[start..end];
        let context_start = if run_start > 0 {
            chars[run_start - 1].0
        } else {
            start
        };
        let mut fixed = false;
        if j - run_start < total && (is_bad(sub) || is_bad(&text[context_start..end])) {
            let edits = fix_encoding(sub, false);
            // Keep a local repair only if its result looks right.
            if !edits.is_empty() && !is_bad(&apply_edits(sub, &edits)) {
                for mut e in edits {
                    e.span = e.span.shift(start);
                    out.push(e);
                }
                fixed = true;
            }
        }
        // A run that is not fixed may have started at a good character that
        // cannot lead a Windows-1252 sequence (a curly quote before the
        // damage): then try again one character on.
        let lead_1252 = maps
            .cp1252
            .encode(chars[run_start].1)
            .is_some_and(|b| (0xC2..=0xF4).contains(&b));
        i = if fixed || lead_1252 { j } else { i + 1 };
    }
    out
}

/// Whether the character before index `i` is a small ASCII letter, or a
/// space after one.
fn after_small_letter(chars: &[(usize, char)], i: usize) -> bool {
    match i {
        0 => false,
        1 => chars[0].1.is_ascii_lowercase(),
        _ => {
            let (a, b) = (chars[i - 2].1, chars[i - 1].1);
            b.is_ascii_lowercase() || (b == ' ' && a.is_ascii_lowercase())
        }
    }
}

/// C1 control characters read as the Windows-1252 characters they encode.
fn fix_c1_controls(text: &str) -> Vec<Edit> {
    let maps = charmaps();
    let mut log = EditLog::default();
    for (i, c) in text.char_indices() {
        if ('\u{80}'..='\u{9f}').contains(&c) {
            let fixed = maps.cp1252.decode(c as u8);
            if fixed != c {
                let mut buf = [0u8; 4];
                log.push(
                    EditKind::Mojibake,
                    i,
                    i + c.len_utf8(),
                    fixed.encode_utf8(&mut buf),
                );
            }
        }
    }
    log.edits
}

/// Text re-encoded to bytes, each byte remembering the input bytes it
/// stands for.
struct Encoded {
    bytes: Vec<u8>,
    src: Vec<Origin>,
}

/// The input byte range a byte of [`Encoded`] stands for.
type Origin = (u32, u32);

impl Encoded {
    fn new(text: &str, cm: &Charmap) -> Option<Encoded> {
        let mut bytes = Vec::with_capacity(text.len());
        let mut src = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            bytes.push(cm.encode(c)?);
            src.push((i as u32, (i + c.len_utf8()) as u32));
        }
        Some(Encoded { bytes, src })
    }

    /// Puts back the bytes `0xA0` that became spaces. A lone `Ã ` before a
    /// word is read as `à ` (the space after it was the one lost).
    fn restore_byte_a0(&mut self) {
        // `\xc3 ` not followed by a space, `s ` or a few Portuguese words:
        // an 'à' whose second byte became the word's space.
        let mut bytes = Vec::with_capacity(self.bytes.len() + 4);
        let mut src = Vec::with_capacity(self.bytes.len() + 4);
        let mut i = 0;
        while i < self.bytes.len() {
            if self.bytes[i] == 0xC3 && self.bytes.get(i + 1) == Some(&b' ') {
                let rest = &self.bytes[i + 2..];
                let keep = rest.starts_with(b" ")
                    || rest.starts_with(b"quele")
                    || rest.starts_with(b"quela")
                    || rest.starts_with(b"quilo")
                    || rest.starts_with(b"s ");
                if !keep {
                    let span = (self.src[i].0, self.src[i + 1].1);
                    bytes.extend_from_slice(&[0xC3, 0xA0, b' ']);
                    src.extend_from_slice(&[span, span, span]);
                    i += 2;
                    continue;
                }
            }
            bytes.push(self.bytes[i]);
            src.push(self.src[i]);
            i += 1;
        }
        self.bytes = bytes;
        self.src = src;
        let mut i = 0;
        while i < self.bytes.len() {
            if let Some(n) = altered_at(&self.bytes[i..]) {
                for b in &mut self.bytes[i..i + n] {
                    if *b == b' ' {
                        *b = 0xA0;
                    }
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }

    /// Replaces byte sequences that a lossy decoder already damaged (a
    /// UTF-8 sequence with `?` or `0x1A` in it) by the bytes of U+FFFD.
    fn replace_lossy_sequences(&mut self) {
        let n = self.bytes.len();
        let mut i = 0;
        let mut out: Option<(Vec<u8>, Vec<Origin>)> = None;
        let mut copied = 0;
        while i < n {
            // Only a lead byte or 0x1A can start a lossy sequence.
            let b = self.bytes[i];
            let len = if b >= 0xC2 || b == 0x1A {
                lossy_at(&self.bytes[i..])
            } else {
                0
            };
            if len == 0 {
                i += 1;
                continue;
            }
            let (bytes, src) =
                out.get_or_insert_with(|| (Vec::with_capacity(n), Vec::with_capacity(n)));
            bytes.extend_from_slice(&self.bytes[copied..i]);
            src.extend_from_slice(&self.src[copied..i]);
            let span = (self.src[i].0, self.src[i + len - 1].1);
            bytes.extend_from_slice(&[0xEF, 0xBF, 0xBD]);
            src.extend_from_slice(&[span, span, span]);
            i += len;
            copied = i;
        }
        if let Some((mut bytes, mut src)) = out {
            bytes.extend_from_slice(&self.bytes[copied..]);
            src.extend_from_slice(&self.src[copied..]);
            self.bytes = bytes;
            self.src = src;
        }
    }

    /// Decodes the bytes as UTF-8 (CESU-8 surrogate pairs and `C0 80`
    /// accepted), each character with the input span it comes from.
    fn decode_utf8(&self) -> Option<Vec<(char, u32, u32)>> {
        let b = &self.bytes;
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let (ch, len) = decode_at(b, i)?;
            let start = self.src[i].0;
            let end = self.src[i + len - 1].1;
            out.push((ch, start, end));
            i += len;
        }
        Some(out)
    }
}

/// Whether decoded text is plausible writing: no combining mark of one
/// script placed on a letter of another (`Չ` + U+06EA), which is what a
/// wrong code page tends to produce. Marks of the generic combining blocks
/// may follow anything.
fn plausible(decoded: &[(char, u32, u32)]) -> bool {
    decoded
        .windows(2)
        .all(|w| !implausible_pair(w[0].0, w[1].0))
}

/// Decodes the UTF-8 character at `b[i]` (CESU-8 surrogate pairs and
/// `C0 80` accepted): the character and its length in bytes.
fn decode_at(b: &[u8], i: usize) -> Option<(char, usize)> {
    let n = b.len();
    let cont = |i: usize| i < n && (0x80..=0xBF).contains(&b[i]);
    let lead = b[i];
    let (c, len) = if lead < 0x80 {
        (u32::from(lead), 1)
    } else if lead == 0xC0 && b.get(i + 1) == Some(&0x80) {
        (0, 2)
    } else if (0xC2..=0xDF).contains(&lead) && cont(i + 1) {
        (
            (u32::from(lead & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F),
            2,
        )
    } else if (0xE0..=0xEF).contains(&lead) && cont(i + 1) && cont(i + 2) {
        let c = (u32::from(lead & 0x0F) << 12)
            | (u32::from(b[i + 1] & 0x3F) << 6)
            | u32::from(b[i + 2] & 0x3F);
        if c < 0x800 {
            return None;
        }
        if (0xD800..=0xDBFF).contains(&c) {
            // CESU-8: a high surrogate must be followed by a low one.
            if i + 5 < n && b[i + 3] == 0xED && cont(i + 4) && cont(i + 5) {
                let lo = (u32::from(b[i + 3] & 0x0F) << 12)
                    | (u32::from(b[i + 4] & 0x3F) << 6)
                    | u32::from(b[i + 5] & 0x3F);
                if (0xDC00..=0xDFFF).contains(&lo) {
                    (0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00), 6)
                } else {
                    return None;
                }
            } else {
                return None;
            }
        } else if (0xDC00..=0xDFFF).contains(&c) {
            return None;
        } else {
            (c, 3)
        }
    } else if (0xF0..=0xF4).contains(&lead) && cont(i + 1) && cont(i + 2) && cont(i + 3) {
        let c = (u32::from(lead & 0x07) << 18)
            | (u32::from(b[i + 1] & 0x3F) << 12)
            | (u32::from(b[i + 2] & 0x3F) << 6)
            | u32::from(b[i + 3] & 0x3F);
        if !(0x10000..=0x10FFFF).contains(&c) {
            return None;
        }
        (c, 4)
    } else {
        return None;
    };
    Some((char::from_u32(c)?, len))
}

/// What a whole-line decoding attempt gave.
enum Attempt {
    /// The edits of a plausible decoding.
    Fixed(Vec<Edit>),
    /// Not UTF-8, or an implausible result: try the next code page.
    Failed,
    /// Spaces, `?` or `0x1A` may stand for lost bytes: decode with the
    /// general (slower) machinery.
    Slow,
}

/// Encodes `text` with `cm`, bytes only (ASCII copied in runs).
fn encode_bytes(text: &str, cm: &Charmap) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let j = crate::scan::next_non_ascii(b, i);
        out.extend_from_slice(&b[i..j]);
        i = j;
        if i >= b.len() {
            break;
        }
        let c = text.get(i..)?.chars().next()?;
        out.push(cm.encode(c)?);
        i += c.len_utf8();
    }
    Some(out)
}

/// Decodes `bytes` (the encoding of `text`, one byte per character) as
/// UTF-8 and diffs the result against `text` in the same pass.
fn decode_and_diff(text: &str, bytes: &[u8]) -> Attempt {
    let input = text.as_bytes();
    let mut log = EditLog::default();
    let (mut p, mut q) = (0, 0);
    let mut prev: Option<char> = None;
    let mut buf = [0u8; 4];
    while p < bytes.len() {
        let r = crate::scan::next_non_ascii(bytes, p);
        if r > p {
            q += r - p;
            prev = Some(char::from(bytes[r - 1]));
            p = r;
        }
        if p >= bytes.len() {
            break;
        }
        let Some((ch, blen)) = decode_at(bytes, p) else {
            return Attempt::Failed;
        };
        if prev.is_some_and(|base| implausible_pair(base, ch)) {
            return Attempt::Failed;
        }
        let start = q;
        for _ in 0..blen {
            let lead = input.get(q).copied().unwrap_or(0);
            if lead < 0x80 {
                // An ASCII character encoded to a high byte: not this path.
                return Attempt::Slow;
            }
            q += match lead {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
        }
        if q > input.len() {
            return Attempt::Slow;
        }
        log.push(EditKind::Mojibake, start, q, ch.encode_utf8(&mut buf));
        prev = Some(ch);
        p += blen;
    }
    Attempt::Fixed(log.edits)
}

/// Tries to decode the whole of `text` re-encoded with `cm`.
fn try_whole(text: &str, cm: &Charmap) -> Attempt {
    let Some(bytes) = encode_bytes(text, cm) else {
        return Attempt::Failed;
    };
    let altered = cm.nbsp_a0 && has_altered_a0(&bytes);
    let lossy = cm.sloppy
        // Every lossy sequence has a `?` or a byte `0x1A` in it.
        && memchr::memchr2(b'?', 0x1A, &bytes).is_some()
        && bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| (b >= 0xC2 || b == 0x1A) && lossy_at(&bytes[i..]) > 0);
    if altered || lossy {
        Attempt::Slow
    } else {
        decode_and_diff(text, &bytes)
    }
}

/// Whether some space in `bytes` looks like a byte `0xA0` of a UTF-8
/// sequence that was turned into a space.
fn has_altered_a0(bytes: &[u8]) -> bool {
    // Every pattern starts with a lead byte (`0xC2` or more) and has its
    // space one to three bytes later: only lead bytes followed by a space
    // that soon are looked at.
    let mut i = crate::scan::next_non_ascii(bytes, 0);
    while i < bytes.len() {
        if bytes[i] >= 0xC2
            && bytes
                .get(i + 1..(i + 4).min(bytes.len()))
                .is_some_and(|next| next.contains(&b' '))
            && altered_at(&bytes[i..]).is_some()
        {
            return true;
        }
        i += 1;
        if bytes.get(i).is_some_and(|&b| b < 0x80) {
            i = crate::scan::next_non_ascii(bytes, i);
        }
    }
    false
}

/// If a sequence with a space standing for `0xA0` starts `b`, its length.
fn altered_at(b: &[u8]) -> Option<usize> {
    let cont_no_space = |x: u8| matches!(x, 0x80..=0x84 | 0x86..=0x9F | 0xA1..=0xBF);
    let cont = |x: u8| (0x80..=0xBF).contains(&x);
    match b {
        [0xC2 | 0xC3 | 0xC5 | 0xCE | 0xD0 | 0xD9, b' ', ..] => Some(2),
        [0xE2 | 0xE3, b' ', x, ..] if cont_no_space(*x) => Some(3),
        [0xE0..=0xE3, x, b' ', ..] if cont_no_space(*x) => Some(3),
        [0xF0, b' ', x, y, ..] if cont(*x) && cont(*y) => Some(4),
        [0xF0, x, b' ', y, ..] if cont(*x) && cont(*y) => Some(4),
        [0xF0, x, y, b' ', ..] if cont(*x) && cont(*y) => Some(4),
        _ => None,
    }
}

/// Whether a combining mark `c` after `base` is implausible (see
/// [`plausible`]).
fn implausible_pair(base: char, c: char) -> bool {
    if c.is_ascii() || !unicode_normalization::char::is_combining_mark(c) {
        return false;
    }
    let generic = matches!(
        c,
        '\u{300}'..='\u{36f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe20}'..='\u{fe2f}'
    );
    let same_block = (c as u32) >> 7 == (base as u32) >> 7;
    let after_mark = unicode_normalization::char::is_combining_mark(base);
    !generic && !same_block && !after_mark
}

/// Length of a lossy sequence starting at the front of `b`, or 0.
fn lossy_at(b: &[u8]) -> usize {
    let sub = |x: u8| x == 0x1A;
    let q = |x: u8| x == 0x1A || x == b'?';
    let c = |x: u8| x == 0x1A || (0x80..=0xBF).contains(&x);
    let qc = |x: u8| q(x) || (0x80..=0xBF).contains(&x);
    match *b {
        [0xC2..=0xDF, x, ..] if sub(x) => 2,
        [0xC2..=0xC3, b'?', ..] => 2,
        [0xED, 0xA0..=0xAF, x, 0xED, 0xB0..=0xBF, y, ..] if q(x) && qc(y) => 6,
        [0xED, 0xA0..=0xAF, x, 0xED, 0xB0..=0xBF, y, ..] if qc(x) && q(y) => 6,
        [0xE0..=0xEF, x, y, ..] if q(x) && c(y) => 3,
        [0xE0..=0xEF, x, y, ..] if c(x) && q(y) => 3,
        [0xF0..=0xF4, x, y, z, ..] if q(x) && c(y) && c(z) => 4,
        [0xF0..=0xF4, x, y, z, ..] if c(x) && q(y) && c(z) => 4,
        [0xF0..=0xF4, x, y, z, ..] if c(x) && c(y) && q(z) => 4,
        [0x1A, ..] => 1,
        _ => 0,
    }
}

/// Edits turning `text` into the decoded characters, as small as the
/// decoding allows.
fn diff_edits(text: &str, decoded: &[(char, u32, u32)]) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::new();
    let mut cur: Option<(usize, usize, String)> = None;
    let mut buf = [0u8; 4];
    for &(ch, s, e) in decoded {
        let (s, e) = (s as usize, e as usize);
        let same = if ch.is_ascii() {
            e == s + 1 && text.as_bytes().get(s) == Some(&(ch as u8))
        } else {
            text.get(s..e) == Some(ch.encode_utf8(&mut buf))
        };
        match &mut cur {
            Some((_, ce, repl)) if s < *ce || !same => {
                *ce = (*ce).max(e);
                repl.push(ch);
            }
            _ => {
                if let Some((cs, ce, repl)) = cur.take() {
                    out.push(Edit::new(EditKind::Mojibake, Span::new(cs, ce), repl));
                }
                if !same {
                    cur = Some((s, e, ch.to_string()));
                }
            }
        }
    }
    if let Some((cs, ce, repl)) = cur {
        out.push(Edit::new(EditKind::Mojibake, Span::new(cs, ce), repl));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> String {
        apply_edits(text, &repair(text))
    }

    #[test]
    fn windows_1252_once_and_twice() {
        assert_eq!(fix("Israelâ€™s army"), "Israel’s army");
        assert_eq!(fix("cafÃ© in ZÃ¼rich"), "café in Zürich");
        assert_eq!(fix("Iggy Pop (nÃƒÂ© Jim)"), "Iggy Pop (né Jim)");
    }

    #[test]
    fn mixed_good_and_bad_in_one_line() {
        assert_eq!(
            fix("Qatar’s envoy said â€œenoughâ€\u{9d} on Tuesday"),
            "Qatar’s envoy said “enough” on Tuesday"
        );
    }

    #[test]
    fn correct_text_untouched() {
        for t in [
            "café, Zürich, naïve",
            "“quoted” ‘text’",
            "SÃO PAULO",
            "Ãgua",
        ] {
            assert!(repair(t).is_empty(), "{t:?}");
        }
    }

    #[test]
    fn edits_are_small() {
        let text = "It isnâ€™t over";
        let edits = repair(text);
        assert_eq!(edits.len(), 1);
        assert_eq!(&text[edits[0].span], "â€™");
        assert_eq!(edits[0].replacement, "’");
    }

    #[test]
    fn implausible_code_pages_are_skipped() {
        // Read as Mac Roman this line decodes, into Armenian with an Arabic
        // mark; the Windows-1252 run alone is the real damage.
        assert_eq!(fix("’â€™"), "’’");
    }

    /// The search for altered bytes as first written: from each space.
    fn has_altered_a0_oracle(bytes: &[u8]) -> bool {
        memchr::memchr_iter(b' ', bytes).any(|sp| {
            (sp.saturating_sub(3)..sp)
                .any(|i| bytes[i] >= 0xC2 && altered_at(&bytes[i..]).is_some())
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]

        #[test]
        fn altered_bytes_are_found_from_lead_bytes(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b' ', b'a', 0x80, 0x85, 0xA0, 0xA9, 0xBF, 0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9,
                    0xE0, 0xE2, 0xE3, 0xF0,
                ]),
                0..12,
            )
        ) {
            proptest::prop_assert_eq!(has_altered_a0(&bytes), has_altered_a0_oracle(&bytes));
        }
    }

    #[test]
    fn c1_controls_become_windows_1252() {
        assert_eq!(fix("wait\u{85} what"), "wait… what");
    }
}
