//! Character-level fixes: unusual spaces, invisible characters and control
//! characters.
//!
//! - **Spaces** (kind `space`): no-break space U+00A0, ogham space U+1680,
//!   the spaces U+2000–U+200A, narrow no-break U+202F, medium mathematical
//!   U+205F, ideographic U+3000, and the vertical tab and form feed, become
//!   an ASCII space, and so do the line and paragraph separators U+2028
//!   and U+2029 (a break inside a line of a block is not a line break of
//!   the document).
//! - **Invisible** (kind `invisible`), removed: zero-width space U+200B, word
//!   joiner U+2060, invisible operators U+2061–U+2064, deprecated format
//!   characters U+206A–U+206F, byte order mark U+FEFF, soft hyphen U+00AD,
//!   Mongolian vowel separator U+180E, interlinear annotation U+FFF9–U+FFFB.
//!   Zero-width joiner and non-joiner and bidirectional marks are kept: they
//!   change how emoji and several scripts are written.
//! - **Control** (kind `control`), removed: C0 controls other than tab,
//!   newline and carriage return (line breaks are the whitespace step's),
//!   DEL, and C1 controls U+0080–U+009F that mojibake repair left.

use crate::edit::{Edit, EditKind, EditLog};

/// What to do with one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fix {
    Keep,
    Space,
    Invisible,
    Control,
}

#[inline]
fn classify(c: char) -> Fix {
    match c {
        '\t' | '\n' | '\r' => Fix::Keep,
        '\u{0b}' | '\u{0c}' => Fix::Space,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Fix::Control,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Fix::Space
        }
        '\u{2028}' | '\u{2029}' => Fix::Space,
        '\u{200b}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{feff}'
        | '\u{ad}'
        | '\u{180e}'
        | '\u{fff9}'..='\u{fffb}' => Fix::Invisible,
        _ => Fix::Keep,
    }
}

/// Whether [`fix`] keeps `c` whatever the switches.
#[inline]
pub(crate) fn keeps(c: char) -> bool {
    classify(c) == Fix::Keep
}

/// Whether a byte may start a character [`fix`] changes. Bytes `0xC2`,
/// `0xE1`, `0xE2`, `0xE3` and `0xEF` lead every non-ASCII one.
const fn suspicious_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = (x < 0x20 && x != b'\t' && x != b'\n' && x != b'\r')
            || x == 0x7f
            || matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        b += 1;
    }
    t
}

static SUSPICIOUS: [bool; 256] = suspicious_table();

/// A superset of [`suspicious`] written with comparisons only, so that a
/// block check compiles to vector code.
#[inline]
fn maybe_suspicious(b: u8) -> bool {
    rare_suspicious(b) | (b == 0xC2) | (b == 0xE2) | (b == 0xEF)
}

/// The suspicious bytes other than `0xC2`, `0xE2` and `0xEF`: controls,
/// and the leads `0xE1` and `0xE3`. Comparisons only, for vector code.
#[inline]
fn rare_suspicious(b: u8) -> bool {
    ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
        | (b == 0x7f)
        | (b == 0xE1)
        | (b == 0xE3)
}

#[inline]
fn suspicious(b: u8) -> bool {
    SUSPICIOUS[usize::from(b)]
}

/// Edits fixing spaces, invisible and control characters of `text`.
pub(crate) fn fix(text: &str, spaces: bool, invisible: bool, control: bool) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut log = EditLog::default();
    // Looks at the character at `i`, records an edit if needed, returns
    // where the next character starts.
    let mut visit = |i: usize| -> usize {
        // Dashes, quotes, bullets and the ellipsis (U+2010 to U+2027), the
        // most frequent characters here, are kept: skip them undecoded.
        if bytes[i] == 0xE2
            && bytes.get(i + 1) == Some(&0x80)
            && bytes.get(i + 2).is_some_and(|b| (0x90..=0xA7).contains(b))
        {
            return i + 3;
        }
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            return i + 1;
        };
        let end = i + c.len_utf8();
        match classify(c) {
            Fix::Space if spaces => log.push(EditKind::Space, i, end, " "),
            Fix::Invisible if invisible => log.push(EditKind::Invisible, i, end, ""),
            Fix::Control if control => log.push(EditKind::Control, i, end, ""),
            _ => {}
        }
        end
    };
    let mut i = 0;
    // Blocks of 64 bytes: skipped when no byte is suspicious; when only the
    // frequent lead bytes 0xC2, 0xE2, 0xEF are, found with `memchr3`.
    while i + 64 <= bytes.len() {
        let block = &bytes[i..i + 64];
        if !block
            .iter()
            .fold(false, |acc, &b| acc | maybe_suspicious(b))
        {
            i += 64;
            continue;
        }
        let block_end = i + 64;
        if block.iter().fold(false, |acc, &b| acc | rare_suspicious(b)) {
            while i < block_end {
                i = if suspicious(bytes[i]) {
                    visit(i)
                } else {
                    i + 1
                };
            }
        } else {
            while let Some(off) = memchr::memchr3(0xC2, 0xE2, 0xEF, &bytes[i..block_end]) {
                i = visit(i + off);
                if i >= block_end {
                    break;
                }
            }
            i = i.max(block_end);
        }
    }
    while i < bytes.len() {
        i = if suspicious(bytes[i]) {
            visit(i)
        } else {
            i + 1
        };
    }
    log.edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    fn run(t: &str) -> String {
        apply_edits(t, &fix(t, true, true, true))
    }

    #[test]
    fn spaces_invisible_controls() {
        assert_eq!(run("32,000\u{a0}lives"), "32,000 lives");
        assert_eq!(run("a\u{2009}b\u{3000}c"), "a b c");
        assert_eq!(run("\u{feff}Gaza\u{200b}City"), "GazaCity");
        assert_eq!(run("con\u{ad}flict"), "conflict");
        assert_eq!(run("bell\u{7}\u{1b}end\u{7f}"), "bellend");
        assert_eq!(run("tab\there\nnew"), "tab\there\nnew");
        assert_eq!(run("emoji 👨\u{200d}👩"), "emoji 👨\u{200d}👩");
        assert_eq!(run("x\u{9d}y"), "xy");
    }
}
