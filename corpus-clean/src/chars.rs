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
    // Most letters and the dashes and quotes first, without the full match.
    matches!(
        c,
        '\u{ae}'..='\u{167f}'
            | '\u{1681}'..='\u{180d}'
            | '\u{180f}'..='\u{1fff}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2070}'..='\u{2fff}'
            | '\u{3001}'..='\u{fefe}'
            | '\u{ff00}'..='\u{fff8}'
            | '\u{10000}'..
    ) || classify(c) == Fix::Keep
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

/// Whether `block` has an ASCII control [`fix`] changes, and whether it
/// has non-ASCII bytes. Without early exit, so that it compiles to vector
/// code (best on an array, whose length is known).
#[inline]
fn block_flags<B: AsRef<[u8]> + ?Sized>(block: &B) -> (bool, bool) {
    let (mut controls, mut high) = (0u8, 0u8);
    for &b in block.as_ref() {
        controls |= u8::from(is_control_byte(b));
        high |= b;
    }
    (controls != 0, high >= 0x80)
}

/// Whether `b` is an ASCII control [`fix`] changes (all but tab and line
/// breaks, and DEL). Comparisons only, for vector code.
#[inline]
fn is_control_byte(b: u8) -> bool {
    ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f)
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
    // Blocks of 64 bytes: skipped when all ASCII without controls; with
    // controls, looked at byte by byte; otherwise only their non-ASCII
    // characters, most of them kept by their bytes alone.
    while i < bytes.len() {
        let block_end = (i + 64).min(bytes.len());
        let block = &bytes[i..block_end];
        let (controls, high) = match <&[u8; 64]>::try_from(block) {
            Ok(full) => block_flags(full),
            Err(_) => block_flags(block),
        };
        if controls {
            while i < block_end {
                i = if suspicious(bytes[i]) {
                    visit(i)
                } else {
                    i + 1
                };
            }
        } else if high {
            let within = &bytes[..block_end];
            let mut j = crate::scan::next_non_ascii(within, i);
            while j < block_end {
                let next = |k: usize| bytes.get(j + k).copied().unwrap_or(0);
                j = match bytes[j] {
                    // U+0080..U+00A0 and U+00AD are fixed; other Latin-1.
                    0xC2 if next(1) > 0xA0 && next(1) != 0xAD => j + 2,
                    // Dashes, quotes, bullets, the ellipsis.
                    0xE2 if next(1) == 0x80 && (0x90..=0xA7).contains(&next(2)) => j + 3,
                    0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => visit(j),
                    0xF0.. => j + 4,
                    0xE0.. => j + 3,
                    0xC0.. => j + 2,
                    _ => j + 1,
                };
                if j < block_end && bytes[j] < 0x80 {
                    j = crate::scan::next_non_ascii(within, j);
                }
            }
            i = j;
        }
        i = i.max(block_end);
    }
    log.edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;
    use proptest::prelude::*;

    /// The fix by definition: every character classified.
    fn fix_oracle(text: &str, spaces: bool, invisible: bool, control: bool) -> Vec<Edit> {
        let mut log = EditLog::default();
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            match classify(c) {
                Fix::Space if spaces => log.push(EditKind::Space, i, end, " "),
                Fix::Invisible if invisible => log.push(EditKind::Invisible, i, end, ""),
                Fix::Control if control => log.push(EditKind::Control, i, end, ""),
                _ => {}
            }
        }
        log.edits
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn agrees_with_classifying_every_character(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "a", "The news ", "\t", "\n", "\r", "\u{1}", "\u{7f}", "\u{b}", "é", "©", "\u{a0}",
                    "\u{ad}", "\u{85}", "“", "”", "—", "…", "•", "\u{2009}", "\u{200b}", "\u{2028}",
                    "\u{2060}", "\u{205f}", "\u{1680}", "\u{180e}", "\u{3000}", "\u{feff}",
                    "\u{fff9}", "Ạ", "ア", "ﬁ", "😀", "Ж",
                ]),
                0..80,
            ),
            spaces: bool,
            invisible: bool,
            control: bool,
        ) {
            let text = parts.concat();
            prop_assert_eq!(
                fix(&text, spaces, invisible, control),
                fix_oracle(&text, spaces, invisible, control)
            );
        }
    }

    fn run(t: &str) -> String {
        apply_edits(t, &fix(t, true, true, true))
    }

    #[test]
    fn keeps_agrees_with_classify() {
        for u in 0..=0x10FFFF_u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(keeps(c), classify(c) == Fix::Keep, "U+{u:04X}");
            }
        }
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
