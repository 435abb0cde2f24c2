//! Whitespace layout: `\r\n` and lone `\r` become `\n`; a run of two or more
//! spaces inside a line becomes one space; spaces and tabs at the end of a
//! line (and of the text) are removed. Indentation at the start of a line
//! and tabs inside it are kept, unless asked to trim line starts too.

use crate::edit::{Edit, EditKind, EditLog};

/// Bytes examined at once.
const WINDOW: usize = 64;

/// Whether the byte pair `x`, `y` starts something to fix: a carriage
/// return, a space or tab before whitespace or a line break, and with
/// `trim_start` a line feed before a space or tab.
#[inline]
fn hit(x: u8, y: u8, trim_start: bool) -> bool {
    let x_ws = (x == b' ') | (x == b'\t');
    let y_ws = (y == b' ') | (y == b'\t');
    let y_nl = (y == b'\n') | (y == b'\r');
    (x_ws & (y_ws | y_nl)) | (x == b'\r') | (trim_start & (x == b'\n') & y_ws)
}

/// For each of the first [`WINDOW`] bytes of `w` (which has one more byte
/// of look-ahead), 1 if it is a [`hit`], else 0, as eight words of eight
/// bytes. Without early exit, so that it compiles to vector code.
#[inline]
fn window_hits(w: &[u8; WINDOW + 1], trim_start: bool) -> [u64; WINDOW / 8] {
    let mut flags = [0u8; WINDOW];
    if trim_start {
        fill_hits::<true>(w, &mut flags);
    } else {
        fill_hits::<false>(w, &mut flags);
    }
    let mut words = [0u64; WINDOW / 8];
    for (word, bytes) in words.iter_mut().zip(flags.chunks_exact(8)) {
        *word = u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]));
    }
    words
}

/// [`window_hits`] with `trim_start` known at compile time.
#[inline]
fn fill_hits<const TRIM_START: bool>(w: &[u8; WINDOW + 1], flags: &mut [u8; WINDOW]) {
    for (i, flag) in flags.iter_mut().enumerate() {
        *flag = u8::from(hit(w[i], w[i + 1], TRIM_START));
    }
}

/// Edits fixing the whitespace layout of `text`.
///
/// Every edit starts at a [`hit`] or in the run of spaces and tabs around
/// one (or, with `trim_start`, at a run that starts the text or follows a
/// lone `\r`); only the runs at hits are looked at.
pub(crate) fn fix(text: &str, trim_start: bool) -> Vec<Edit> {
    let b = text.as_bytes();
    let mut fixer = Fixer {
        b,
        trim_start,
        log: EditLog::default(),
        pos: 0,
    };
    if trim_start && matches!(b.first(), Some(b' ' | b'\t')) {
        fixer.run(0);
    }
    let mut i = 0;
    while i < b.len() {
        let words = match b.get(i..=i + WINDOW).and_then(|w| w.try_into().ok()) {
            Some(w) => window_hits(w, trim_start),
            None => {
                // The last bytes, padded with line feeds: spaces before the
                // end of the text are at a line end.
                let mut w = [b'\n'; WINDOW + 1];
                w[..b.len() - i].copy_from_slice(&b[i..]);
                window_hits(&w, trim_start)
            }
        };
        if words.iter().any(|&word| word != 0) {
            for (k, &word) in words.iter().enumerate() {
                let mut rest = word;
                while rest != 0 {
                    let byte = (rest.trailing_zeros() / 8) as usize;
                    fixer.hit(i + 8 * k + byte);
                    rest &= !(0xFF << (8 * byte));
                }
            }
        }
        i += WINDOW;
    }
    fixer.log.edits
}

/// The state of [`fix`]: bytes before `pos` are done.
struct Fixer<'a> {
    b: &'a [u8],
    trim_start: bool,
    log: EditLog,
    pos: usize,
}

impl Fixer<'_> {
    /// Handles the [`hit`] at `p`.
    fn hit(&mut self, p: usize) {
        match self.b.get(p) {
            Some(b'\r') if p >= self.pos => {
                if self.b.get(p + 1) == Some(&b'\n') {
                    self.log.push(EditKind::Whitespace, p, p + 2, "\n");
                    self.pos = p + 2;
                } else {
                    self.log.push(EditKind::Whitespace, p, p + 1, "\n");
                    self.pos = p + 1;
                    // A run starting the next line (after `\r\n` the
                    // line feed is marked itself).
                    if self.trim_start && matches!(self.b.get(p + 1), Some(b' ' | b'\t')) {
                        self.run(p + 1);
                    }
                }
            }
            Some(b'\n') if p + 1 >= self.pos => self.run(p + 1),
            Some(b' ' | b'\t') if p >= self.pos => {
                // The start of the run `p` is in.
                let mut s = p;
                while s > self.pos && matches!(self.b[s - 1], b' ' | b'\t') {
                    s -= 1;
                }
                self.run(s);
            }
            _ => {}
        }
    }

    /// Fixes the run of spaces and tabs starting at `s`.
    fn run(&mut self, s: usize) {
        let b = self.b;
        let mut end = s;
        while end < b.len() && matches!(b[end], b' ' | b'\t') {
            end += 1;
        }
        if end == s {
            return;
        }
        let line_start = s == 0 || matches!(b[s - 1], b'\n' | b'\r');
        let at_end = end == b.len() || matches!(b[end], b'\n' | b'\r');
        if at_end || (line_start && self.trim_start) {
            self.log.push(EditKind::Whitespace, s, end, "");
        } else if !line_start {
            // Collapse each run of spaces (tabs are kept).
            let mut j = s;
            while j < end {
                if b[j] == b' ' {
                    let mut k = j;
                    while k < end && b[k] == b' ' {
                        k += 1;
                    }
                    if k - j > 1 {
                        self.log.push(EditKind::Whitespace, j + 1, k, "");
                    }
                    j = k;
                } else {
                    j += 1;
                }
            }
        }
        self.pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;
    use proptest::prelude::*;

    // The layout fix as first written, one byte at a time after a check of
    // each window.
    /// Whether some byte among the first [`WINDOW`] of `w` (which has one more
    /// byte of look-ahead) starts something to fix: a carriage return, a space
    /// or tab before whitespace or a line break, and with `trim_start` a line
    /// break before a space or tab. Written without early exit so that it
    /// compiles to vector code.
    #[inline]
    fn window_needs_work_oracle(w: &[u8; WINDOW + 1], trim_start: bool) -> bool {
        let mut flag = 0u8;
        for i in 0..WINDOW {
            let (x, y) = (w[i], w[i + 1]);
            let x_ws = (x == b' ') | (x == b'\t');
            let y_ws = (y == b' ') | (y == b'\t');
            let y_nl = (y == b'\n') | (y == b'\r');
            flag |= u8::from(
                (x_ws & (y_ws | y_nl)) | (x == b'\r') | (trim_start & (x == b'\n') & y_ws),
            );
        }
        flag != 0
    }

    /// Edits fixing the whitespace layout of `text`.
    fn fix_oracle(text: &str, trim_start: bool) -> Vec<Edit> {
        let b = text.as_bytes();
        let mut log = EditLog::default();
        let mut line_start = true;
        let mut i = 0;
        // Bytes before this offset are in a window known to need a closer look.
        let mut slow_until = 0;
        while i < b.len() {
            // Fast path: skip 64 bytes at once when no pair in them needs work.
            if i >= slow_until && i + WINDOW >= b.len() {
                // The last bytes: the same check on a copy padded with line
                // breaks (spaces before the end of the text are at a line end).
                let mut w = [b'\n'; WINDOW + 1];
                let tail = &b[i..];
                w[..tail.len()].copy_from_slice(tail);
                let leading = line_start && matches!(b[i], b' ' | b'\t');
                if !leading && !window_needs_work_oracle(&w, trim_start) {
                    break;
                }
                slow_until = b.len();
            }
            if i >= slow_until && i + WINDOW < b.len() {
                let leading = line_start && matches!(b[i], b' ' | b'\t');
                let needs_work = b
                    .get(i..=i + WINDOW)
                    .and_then(|w| w.try_into().ok())
                    .is_none_or(|w| window_needs_work_oracle(w, trim_start));
                if !leading && !needs_work {
                    line_start = b[i + WINDOW - 1] == b'\n';
                    i += WINDOW;
                    continue;
                }
                slow_until = i + WINDOW;
            }
            match b[i] {
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        log.push(EditKind::Whitespace, i, i + 2, "\n");
                        i += 2;
                    } else {
                        log.push(EditKind::Whitespace, i, i + 1, "\n");
                        i += 1;
                    }
                    line_start = true;
                }
                b'\n' => {
                    line_start = true;
                    i += 1;
                }
                b' ' | b'\t' => {
                    let mut end = i;
                    while end < b.len() && matches!(b[end], b' ' | b'\t') {
                        end += 1;
                    }
                    let at_end = end == b.len() || matches!(b[end], b'\n' | b'\r');
                    if at_end || (line_start && trim_start) {
                        log.push(EditKind::Whitespace, i, end, "");
                    } else if !line_start {
                        // Collapse each run of spaces (tabs are kept).
                        let mut j = i;
                        while j < end {
                            if b[j] == b' ' {
                                let mut k = j;
                                while k < end && b[k] == b' ' {
                                    k += 1;
                                }
                                if k - j > 1 {
                                    log.push(EditKind::Whitespace, j + 1, k, "");
                                }
                                j = k;
                            } else {
                                j += 1;
                            }
                        }
                    }
                    line_start = false;
                    i = end;
                }
                _ => {
                    line_start = false;
                    i += 1;
                    // Fast path: bytes that are not whitespace.
                    while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
                        i += 1;
                    }
                }
            }
        }
        log.edits
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        #[test]
        fn agrees_with_the_byte_by_byte_fix(
            parts in prop::collection::vec(
                prop::sample::select(vec![" ", "  ", "\t", "\n", "\r", "\r\n", "a", "bc", "é", ".", "x y"]),
                0..60,
            ),
            trim_start: bool,
        ) {
            let text = parts.concat();
            prop_assert_eq!(fix(&text, trim_start), fix_oracle(&text, trim_start), "{:?}", text);
        }
    }

    fn run(t: &str) -> String {
        apply_edits(t, &fix(t, false))
    }

    #[test]
    fn layout() {
        assert_eq!(run("a  b   c"), "a b c");
        assert_eq!(run("end.  \nnext \t"), "end.\nnext");
        assert_eq!(run("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(run("  indented  text"), "  indented text");
        assert_eq!(run("col\tcol"), "col\tcol");
        assert_eq!(run("   \n"), "\n");
        assert_eq!(apply_edits(" \tx  y", &fix(" \tx  y", true)), "x y");
    }
}
