//! The "badness" heuristic: does a text contain character sequences that
//! rarely occur in real writing but often in mojibake?
//!
//! Characters are sorted into classes (accented letters, currency signs,
//! punctuation that opens or closes, box drawing, characters that are almost
//! only seen in mojibake…); a text is bad when two or three neighbouring
//! characters form a combination that good text almost never has, such as an
//! accented capital right after an accented small letter (`Ã©`), or a
//! closing punctuation mark glued before an opening one (`â€œ`). The classes
//! and combinations follow the approach of python-ftfy's `badness` module.

/// Class flags of a character.
type Cat = u16;

const COMMON: Cat = 1;
const C1: Cat = 1 << 1;
const BAD: Cat = 1 << 2;
const LAW: Cat = 1 << 3;
const CURRENCY: Cat = 1 << 4;
const START: Cat = 1 << 5;
const END: Cat = 1 << 6;
const NUMERIC: Cat = 1 << 7;
const KAOMOJI: Cat = 1 << 8;
const UPPER_ACC: Cat = 1 << 9;
const LOWER_ACC: Cat = 1 << 10;
const UPPER_COMMON: Cat = 1 << 11;
const LOWER_COMMON: Cat = 1 << 12;
const BOX: Cat = 1 << 13;

/// Classes of U+0000..U+0500, precomputed.
static LOW: [Cat; 0x500] = {
    let mut t = [0; 0x500];
    let mut u = 0;
    while u < 0x500 {
        t[u] = cat_of(u as u32);
        u += 1;
    }
    t
};

/// Classes of U+2000..U+2600, precomputed.
static PUNCT: [Cat; 0x600] = {
    let mut t = [0; 0x600];
    let mut u = 0;
    while u < 0x600 {
        t[u] = cat_of(0x2000 + u as u32);
        u += 1;
    }
    t
};

/// The classes of `c` (0 for ASCII and for characters of no class).
#[inline]
fn cat(c: char) -> Cat {
    let u = c as u32;
    match u {
        0..0x500 => LOW[u as usize],
        // No class between these (most scripts, CJK).
        0x500..0x2000 | 0x2600..0xF8FF => 0,
        0x2000..0x2600 => PUNCT[(u - 0x2000) as usize],
        _ => cat_of(u),
    }
}

/// The classes of the character `u`.
const fn cat_of(u: u32) -> Cat {
    if u < 0x80 {
        return 0;
    }
    match u {
        0x80..=0x9F => C1,
        // Latin-1 supplement, one by one.
        0xA0 | 0xAD | 0xB7 | 0xB4 => COMMON,
        0xA6 | 0xA4 | 0xA8 | 0xAC | 0xAF | 0xB8 | 0xAA | 0xBA => BAD,
        0xB6 | 0xA7 => LAW,
        0xA2 | 0xA3 | 0xA5 => CURRENCY,
        0xA1 | 0xAB | 0xBF | 0xA9 => START,
        0xAE | 0xBB => END,
        0xB2 | 0xB3 | 0xB9 | 0xB1 | 0xBC..=0xBE | 0xD7 | 0xB5 | 0xF7 => NUMERIC,
        0xB0 => KAOMOJI,
        0xD2..=0xD6 | 0xD9..=0xDB | 0xF2..=0xF6 | 0xF8..=0xFC => KAOMOJI,
        0xDC => KAOMOJI | UPPER_ACC,
        0xC0..=0xD1 | 0xD8 | 0xDD => UPPER_ACC,
        0xDF | 0xE0..=0xF1 | 0xFF => LOWER_ACC,
        0xDE => UPPER_COMMON,
        // Latin Extended-A: capitals at even code points, small at odd ones,
        // with a few exceptions handled first.
        0x014C | 0x016A | 0x0150 => KAOMOJI,
        0x0172 => KAOMOJI | UPPER_ACC,
        0x0131 => LOWER_ACC,
        0x0130 => UPPER_ACC,
        0x0152 => UPPER_ACC,
        0x0153 => LOWER_ACC,
        0x0178 => UPPER_ACC,
        0x0139..=0x0148 => {
            if u % 2 == 1 {
                UPPER_ACC
            } else {
                LOWER_ACC
            }
        }
        0x0179..=0x017E => {
            if u % 2 == 1 {
                UPPER_ACC
            } else {
                LOWER_ACC
            }
        }
        0x0100..=0x0137 | 0x014A..=0x0177 => {
            if u.is_multiple_of(2) {
                UPPER_ACC
            } else {
                LOWER_ACC
            }
        }
        0x0192 | 0x02C6 | 0x02C7 | 0x02D8 | 0x02DB | 0x02DC => BAD,
        0x02DD => END,
        0x0384 | 0x0385 => START,
        0x0386 | 0x0388..=0x038A | 0x038C | 0x038E | 0x038F | 0x0391..=0x03AB => UPPER_COMMON,
        0x0390 | 0x03AC..=0x03CE => LOWER_COMMON,
        0x0401..=0x042F => UPPER_COMMON,
        0x0430..=0x045F => LOWER_COMMON,
        0x0490 => UPPER_ACC,
        0x0491 => LOWER_ACC,
        0x2013..=0x2015 | 0x2026 | 0x2019 => COMMON,
        0x2018 | 0x201A | 0x201C | 0x201E | 0x2022 | 0x2039 | 0xF8FF => START,
        0x201D | 0x203A | 0x2122 => END,
        0x2020 | 0x2021 | 0x2030 | 0x2310 | 0x25CA | 0xFFFD => BAD,
        0x20A7 | 0x20AC => CURRENCY,
        0x2044 | 0x2202 | 0x2206 | 0x220F | 0x2211 | 0x221A | 0x221E | 0x2229 | 0x222B | 0x2248
        | 0x2260 | 0x2261 | 0x2264 | 0x2265 | 0x2116 => NUMERIC,
        0x2502 | 0x250C | 0x2510 | 0x2518 | 0x251C | 0x2524 | 0x252C | 0x253C => BOX,
        0x2550..=0x256C | 0x2580 | 0x2584 | 0x2588 | 0x258C | 0x2590..=0x2593 => BOX,
        0xFB01 | 0xFB02 => LOWER_ACC,
        _ => 0,
    }
}

/// A character with its classes, for the sliding window.
#[derive(Clone, Copy)]
struct W {
    c: char,
    k: Cat,
}

const NONE: W = W { c: '\0', k: 0 };

#[inline]
fn has(w: W, set: Cat) -> bool {
    w.k & set != 0
}

#[inline]
fn lower_ascii(w: W) -> bool {
    w.c.is_ascii_lowercase()
}

/// Whether `text` contains a sequence that looks like mojibake.
///
/// Every combination ends at a non-ASCII character or at the ASCII
/// character right after one, and has a character of a class other than
/// `COMMON` in one of its last two places; only there is the window of the
/// last six characters rebuilt, from the text, and tested. When the
/// character before is ASCII, only a C1 control can be bad.
pub(crate) fn is_bad(text: &str) -> bool {
    let b = text.as_bytes();
    let mut scan = BadScan::new(false);
    let mut i = crate::scan::next_non_ascii(b, 0);
    while i < b.len() {
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
            return false;
        };
        if scan.visit(text, i, c) {
            return true;
        }
        let end = i + c.len_utf8();
        i = if b.get(end).is_some_and(|&x| x < 0x80) {
            crate::scan::next_non_ascii(b, end)
        } else {
            end
        };
    }
    false
}

/// [`is_bad`] one character at a time: the non-ASCII characters of a text
/// are given in order, each with its offset.
///
/// The window of the last six characters is kept sliding over runs of
/// non-ASCII characters and the short ASCII gaps between them (text in
/// Cyrillic or Greek); elsewhere it is rebuilt from the text only when a
/// test needs it (an accent alone in Latin text needs none).
pub(crate) struct BadScan {
    /// Whether the text is made of lines (ending at `\n` or `\r`) tested
    /// apart, as mojibake repair does.
    lines: bool,
    /// End and classes of the last non-ASCII character visited.
    prev_end: usize,
    prev_k: Cat,
    prev_c: char,
    /// The last six characters before `win_end`, and how many characters
    /// there are before it in the text (or line), counted up to six;
    /// `win_end` is `usize::MAX` when the window is not kept.
    win: [W; 6],
    win_n: usize,
    win_end: usize,
}

/// Longest ASCII gap the window slides over instead of being dropped.
const MAX_GAP: usize = 6;

impl BadScan {
    pub(crate) fn new(lines: bool) -> BadScan {
        BadScan {
            lines,
            prev_end: usize::MAX,
            prev_k: 0,
            prev_c: '\0',
            win: [NONE; 6],
            win_n: 0,
            win_end: usize::MAX,
        }
    }

    /// Slides the window over the ASCII bytes `gap` that follow it.
    #[inline]
    fn slide(&mut self, mut gap: &[u8]) {
        let mut n = self.win_n;
        if self.lines
            && let Some(p) = gap.iter().rposition(|&x| x == b'\n' || x == b'\r')
        {
            // A new line: nothing before it counts.
            self.win = [NONE; 6];
            n = 0;
            gap = &gap[p + 1..];
        }
        let take = gap.len().min(6);
        self.win.copy_within(take.., 0);
        for (slot, &x) in self.win[6 - take..]
            .iter_mut()
            .zip(&gap[gap.len() - take..])
        {
            *slot = W {
                c: char::from(x),
                k: 0,
            };
        }
        self.win_n = (n + gap.len()).min(6);
    }

    /// Visits the non-ASCII character `c` at offset `i` of `text`: whether
    /// a bad sequence ends at it or at the ASCII character right after it.
    #[inline]
    pub(crate) fn visit(&mut self, text: &str, i: usize, c: char) -> bool {
        let b = text.as_bytes();
        let k = cat(c);
        let end = i + c.len_utf8();
        let z = W { c, k };
        let prev_end = std::mem::replace(&mut self.prev_end, end);
        let prev_k = std::mem::replace(&mut self.prev_k, k);
        let prev_c = std::mem::replace(&mut self.prev_c, c);
        let adjacent = prev_end == i;
        let needed = adjacent && (prev_k | k) & !COMMON != 0;
        if needed && (prev_k | k) & !(COMMON | LOWER_COMMON | UPPER_COMMON) == 0 {
            // Greek and Cyrillic letters (and common punctuation) only: of
            // all the combinations, only this one can match.
            if prev_c == 'в' && c == 'Ђ' {
                return true;
            }
        }
        // Characters of no class (most scripts) never need the window.
        let classed = (prev_k | k) != 0;
        match b.get(self.win_end..i) {
            Some(gap) if gap.len() <= MAX_GAP && classed => {
                self.slide(gap);
                self.win.copy_within(1.., 0);
                self.win[5] = z;
                self.win_n = (self.win_n + 1).min(6);
                self.win_end = end;
            }
            _ if needed || (k != 0 && b.get(end).is_some_and(|&x| x >= 0x80)) => {
                (self.win, self.win_n) = self.window(text, i, z);
                self.win_end = end;
            }
            _ => self.win_end = usize::MAX,
        }
        if adjacent {
            let letters_only = (prev_k | k) & !(COMMON | LOWER_COMMON | UPPER_COMMON) == 0;
            if needed && !letters_only && bad_at(&self.win, self.win_n) {
                return true;
            }
        } else if k & C1 != 0 {
            // The character before is ASCII or absent: of all the
            // combinations, only a C1 control alone can match.
            return true;
        }
        // The ASCII character after this one, if any.
        let Some(&next) = b.get(end) else {
            return false;
        };
        if next >= 0x80 || (self.lines && (next == b'\n' || next == b'\r')) {
            return false;
        }
        // With an ASCII character last, only these combinations can match:
        // after `Œ`, `œ`, `Ã`, `Â` or `В`, or a word character after an
        // opening or closing mark after an accented letter (non-ASCII).
        let may_match = matches!(c, 'Œ' | 'œ' | 'Ã' | 'Â' | 'В')
            || (k & (START | END) != 0
                && (next.is_ascii_alphanumeric() || next == b'_')
                && i > 0
                && b[i - 1] >= 0x80);
        if may_match {
            let z = W {
                c: char::from(next),
                k: 0,
            };
            let (w, n) = if self.win_end == end {
                let mut w = self.win;
                w.copy_within(1.., 0);
                w[5] = z;
                (w, (self.win_n + 1).min(6))
            } else {
                self.window(text, end, z)
            };
            return bad_at(&w, n);
        }
        false
    }

    /// The window of six characters ending with `z`, which starts at `at`
    /// in `text`: the five characters before it in its line (empty entries
    /// before the start), and how many characters there are up to `z`,
    /// counted up to six (all [`bad_at`] needs to know; more than five
    /// characters lie in the 20 bytes before `at` unless the text or the
    /// line starts there).
    #[inline]
    fn window(&self, text: &str, at: usize, z: W) -> ([W; 6], usize) {
        // Five characters take at most 20 bytes: look no further back for
        // the start of the line.
        let mut lo = at.saturating_sub(20);
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let start = match text.as_bytes().get(lo..at) {
            Some(back) if self.lines => {
                memchr::memrchr2(b'\n', b'\r', back).map_or(lo, |p| lo + p + 1)
            }
            _ => lo,
        };
        let mut w = [NONE; 6];
        w[5] = z;
        let mut n = 1;
        let before = text.get(start..at).unwrap_or("");
        for (slot, c) in w[..5].iter_mut().rev().zip(before.chars().rev()) {
            *slot = W { c, k: cat(c) };
            n += 1;
        }
        (w, n)
    }
}

/// Whether the window, ending at its last character, ends a bad sequence.
/// `n` is how many characters have been seen (window entries before that are
/// empty).
#[allow(clippy::too_many_lines)]
fn bad_at(w: &[W; 6], n: usize) -> bool {
    let z = w[5];
    let y = w[4];
    let x = w[3];
    if n >= 1 && has(z, C1) {
        return true;
    }
    if n >= 2 {
        const PRE_BAD: Cat =
            BAD | LOWER_ACC | UPPER_ACC | BOX | START | END | CURRENCY | NUMERIC | LAW;
        const POST_BAD: Cat = LOWER_ACC | UPPER_ACC | BOX | START | END | CURRENCY | NUMERIC | LAW;
        if has(y, PRE_BAD) && has(z, BAD) {
            return true;
        }
        if has(y, BAD) && has(z, POST_BAD) {
            return true;
        }
        if has(y, LOWER_ACC | LOWER_COMMON | BOX | END | CURRENCY | NUMERIC) && has(z, UPPER_ACC) {
            return true;
        }
        if has(y, BOX | END | CURRENCY | NUMERIC) && has(z, LOWER_ACC) {
            return true;
        }
        if has(y, LOWER_ACC | BOX | END) && has(z, CURRENCY) {
            return true;
        }
        if has(y, UPPER_ACC | BOX) && has(z, NUMERIC | LAW) {
            return true;
        }
        if has(y, CURRENCY | NUMERIC | BOX) && has(z, START) {
            return true;
        }
        if has(y, BOX) && has(z, KAOMOJI | END) {
            return true;
        }
        if has(
            y,
            LOWER_ACC | UPPER_ACC | CURRENCY | NUMERIC | START | END | LAW,
        ) && has(z, BOX)
        {
            return true;
        }
        // The ligature œ not followed by an unaccented Latin letter.
        if matches!(y.c, 'Œ' | 'œ') && !z.c.is_ascii_alphabetic() {
            return true;
        }
        if has(y, UPPER_ACC) && z.c == '°' {
            return true;
        }
        // Frequent two-character Windows-1252 mojibake.
        if matches!(y.c, 'Â' | 'Ã' | 'Î' | 'Ð')
            && (matches!(
                z.c,
                '€' | 'œ'
                    | 'Š'
                    | 'š'
                    | '¢'
                    | '£'
                    | 'Ÿ'
                    | 'ž'
                    | '\u{a0}'
                    | '\u{ad}'
                    | '®'
                    | '©'
                    | '°'
                    | '·'
                    | '»'
                    | '–'
                    | '—'
                    | '´'
            ) || has(z, START | END))
        {
            return true;
        }
        if y.c == '×' && matches!(z.c, '²' | '³') {
            return true;
        }
        // Three-byte sequences of South Asian scripts.
        if y.c == 'à' && matches!(z.c, '²' | 'µ' | '¹' | '¼' | '½' | '¾') {
            return true;
        }
        // MacRoman mojibake.
        if y.c == '√'
            && matches!(
                z.c,
                '±' | '∂' | '†' | '≠' | '®' | '™' | '´' | '≤' | '≥' | '¥' | 'µ' | 'ø'
            )
        {
            return true;
        }
        // A square root sign before a letter other than an ASCII variable.
        if y.c == '√' && !z.c.is_ascii() && z.c.is_alphabetic() {
            return true;
        }
        if y.c == '≈' && matches!(z.c, '°' | '¢') {
            return true;
        }
        // Windows-1251 mojibake of the U+2000 block.
        if y.c == 'в' && z.c == 'Ђ' {
            return true;
        }
        // Windows-1257 mojibake of the U+2000 block.
        if y.c == 'ā' && z.c == '€' {
            return true;
        }
        // Windows-1252 mojibake of 'à', 'á' and of the no-break space.
        if y.c == 'Ã' && matches!(z.c, '\u{a0}' | '¡') {
            return true;
        }
        if n == 2 && matches!(y.c, 'Ã' | 'Â') && z.c == ' ' {
            return true;
        }
    }
    if n >= 3 {
        if x.c.is_ascii_alphabetic() && has(y, LOWER_COMMON | UPPER_COMMON) && has(z, BAD) {
            return true;
        }
        if x.c.is_ascii_whitespace() && has(y, UPPER_ACC) && has(z, CURRENCY) {
            return true;
        }
        if has(x, LOWER_ACC | UPPER_ACC | BOX | CURRENCY | END) && has(y, START) && has(z, NUMERIC)
        {
            return true;
        }
        if has(x, LOWER_ACC | UPPER_ACC | CURRENCY | NUMERIC | BOX | LAW)
            && has(y, END)
            && has(z, START)
        {
            return true;
        }
        if lower_ascii(x) && has(y, UPPER_ACC) && has(z, START | CURRENCY) {
            return true;
        }
        if has(x, LOWER_ACC | UPPER_ACC) && has(y, START | END) && is_word(z.c) {
            return true;
        }
        if x.c == '‚'
            && y.c == 'Ä'
            && matches!(
                z.c,
                'ì' | 'î' | 'ï' | 'ò' | 'ô' | 'ú' | 'ù' | 'û' | '†' | '°' | '¢' | 'π'
            )
        {
            return true;
        }
        if x.c == '‚' && matches!(y.c, 'â' | 'ó') && matches!(z.c, 'à' | 'ä' | '°' | 'ê') {
            return true;
        }
        const CYR_MID: Cat = C1 | BAD | START | END | CURRENCY;
        if matches!(x.c, 'В' | 'Г' | 'Р' | 'С')
            && (has(y, CYR_MID) || matches!(y.c, '°' | 'µ'))
            && matches!(z.c, 'В' | 'Г' | 'Р' | 'С')
        {
            return true;
        }
        if matches!(x.c, 'Β' | 'Γ' | 'Ξ' | 'Ο')
            && (has(y, CYR_MID) || y.c == '°')
            && matches!(z.c, 'Β' | 'Γ' | 'Ξ' | 'Ο')
        {
            return true;
        }
        if x.c == 'β' && y.c == '€' && matches!(z.c, '™' | '\u{a0}' | 'Ά' | '\u{ad}' | '®' | '°')
        {
            return true;
        }
        // A lone 'Ã' or 'Â' after a small letter, then a space.
        if matches!(y.c, 'Ã' | 'Â') && z.c == ' ' && lower_ascii(x) {
            return true;
        }
        if (lower_ascii(x) || matches!(x.c, '.' | ',' | '?' | '!') || has(x, END))
            && y.c == 'Â'
            && (z.c == ' ' || has(z, COMMON | END | START | CURRENCY | NUMERIC | LAW))
        {
            return true;
        }
    }
    if n >= 4 {
        let v = w[2];
        if lower_ascii(w[2]) && x.c.is_whitespace() && matches!(y.c, 'Ã' | 'Â') && z.c == ' ' {
            return true;
        }
        const ARABIC_MID: Cat = COMMON | CURRENCY | BAD | NUMERIC | START;
        let arabic_mid =
            |t: W| has(t, ARABIC_MID) || matches!(t.c, 'Ÿ' | 'Š' | '®' | '°' | 'µ' | '»');
        if matches!(v.c, 'Ø' | 'Ù') && arabic_mid(x) && matches!(y.c, 'Ø' | 'Ù') && arabic_mid(z)
        {
            return true;
        }
    }
    if n >= 6 {
        // Windows-1251 mojibake on top of Latin-1 mojibake of the U+2000 block.
        if w[0].c == 'Г'
            && w[1].c == 'ў'
            && w[2].c == 'В'
            && w[3].c == 'Ђ'
            && w[4].c == 'В'
            && (z.c.is_ascii_alphabetic() || z.c == ' ')
        {
            return true;
        }
    }
    false
}

#[inline]
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The test as first written: a window slid over every character.
    fn is_bad_oracle(text: &str) -> bool {
        let mut w = [NONE; 6];
        for (n, c) in text.chars().enumerate() {
            w.copy_within(1.., 0);
            w[5] = W { c, k: cat(c) };
            if (w[5].k | w[4].k) & !COMMON != 0 && bad_at(&w, n + 1) {
                return true;
            }
        }
        false
    }

    const PIECES: &[&str] = &[
        "a", "e", " ", ".", ",", "?", "\n", "Ã", "Â", "©", "€", "™", "œ", "Œ", "°", "×", "²", "à",
        "µ", "√", "±", "≈", "в", "Ђ", "ā", "\u{a0}", "¡", "‚", "Ä", "ì", "â", "ó", "ä", "В", "Г",
        "Р", "С", "Β", "Ο", "β", "Ά", "Ø", "Ù", "Š", "»", "ў", "“", "”", "’", "—", "é", "É", "ü",
        "\u{92}", "\u{85}", "╨", "┐", "¢", "§", "¶", "¬", "Ω", "ж", "Ж", "ﬁ", "😀", "x", "_", "1",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        #[test]
        fn agrees_with_the_sliding_window(
            parts in prop::collection::vec(prop::sample::select(PIECES), 0..12)
        ) {
            let text = parts.concat();
            prop_assert_eq!(is_bad(&text), is_bad_oracle(&text), "{:?}", text);
        }

        #[test]
        fn agrees_with_the_sliding_window_on_any_text(text in "[ -~\u{80}-\u{500}\u{2000}-\u{2600}]{0,12}") {
            prop_assert_eq!(is_bad(&text), is_bad_oracle(&text), "{:?}", text);
        }
    }

    #[test]
    fn class_tables_agree_with_the_rules() {
        for u in 0..=0x10FFFF_u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(cat(c), cat_of(u), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn mojibake_is_bad() {
        for text in [
            "Israelâ€™s army",
            "cafÃ©",
            "â€œquotedâ€\u{9d}",
            "SchrÃ¶dinger",
            "ZÃ¼rich",
            "l\u{92}homme",
            "priÃ¨re",
        ] {
            assert!(is_bad(text), "{text:?} should look bad");
        }
    }

    #[test]
    fn good_text_is_not_bad() {
        for text in [
            "Israel’s army",
            "café in Zürich, naïve",
            "“quoted” and ‘single’",
            "SÃO PAULO",
            "Ãgua mineral",
            "5×£35 offer",
            "Ôôô VIDA",
            "Москва и Санкт-Петербург",
            "Αθήνα",
            "© 2024 — all rights",
        ] {
            assert!(!is_bad(text), "{text:?} should look good");
        }
    }
}
