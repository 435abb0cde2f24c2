//! Whitespace layout: `\r\n` and lone `\r` become `\n`; a run of two or more
//! spaces inside a line becomes one space; spaces and tabs at the end of a
//! line (and of the text) are removed. Indentation at the start of a line
//! and tabs inside it are kept, unless asked to trim line starts too.

use crate::edit::{Edit, EditKind, EditLog};

/// Bytes examined at once by the fast path.
const WINDOW: usize = 64;

/// Whether some byte among the first [`WINDOW`] of `w` (which has one more
/// byte of look-ahead) starts something to fix: a carriage return, a space
/// or tab before whitespace or a line break, and with `trim_start` a line
/// break before a space or tab. Written without early exit so that it
/// compiles to vector code.
#[inline]
fn window_needs_work(w: &[u8; WINDOW + 1], trim_start: bool) -> bool {
    let mut flag = 0u8;
    for i in 0..WINDOW {
        let (x, y) = (w[i], w[i + 1]);
        let x_ws = (x == b' ') | (x == b'\t');
        let y_ws = (y == b' ') | (y == b'\t');
        let y_nl = (y == b'\n') | (y == b'\r');
        flag |=
            u8::from((x_ws & (y_ws | y_nl)) | (x == b'\r') | (trim_start & (x == b'\n') & y_ws));
    }
    flag != 0
}

/// Edits fixing the whitespace layout of `text`.
pub(crate) fn fix(text: &str, trim_start: bool) -> Vec<Edit> {
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
            if !leading && !window_needs_work(&w, trim_start) {
                break;
            }
            slow_until = b.len();
        }
        if i >= slow_until && i + WINDOW < b.len() {
            let leading = line_start && matches!(b[i], b' ' | b'\t');
            let needs_work = b
                .get(i..=i + WINDOW)
                .and_then(|w| w.try_into().ok())
                .is_none_or(|w| window_needs_work(w, trim_start));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

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
