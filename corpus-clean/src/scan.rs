//! Fast byte scans shared by the steps.

/// Offset of the first byte `>= 0x80` in `b` at or after `from`, or
/// `b.len()`. Checks eight bytes at a time.
#[inline]
pub(crate) fn next_non_ascii(b: &[u8], from: usize) -> usize {
    let mut i = from;
    // Whole blocks first (`is_ascii` reads several words per step).
    while i + 64 <= b.len() && b[i..i + 64].is_ascii() {
        i += 64;
    }
    while i + 8 <= b.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&b[i..i + 8]);
        let high = u64::from_le_bytes(word) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

/// The lines of `text` with their offsets; lines end at `\n` or `\r` (so
/// `\r\n` yields an empty line between), the last one at the end of text.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
    let mut finished = false;
    std::iter::from_fn(move || {
        if finished {
            return None;
        }
        let end = match breaks.next() {
            Some(e) => e,
            None => {
                finished = true;
                bytes.len()
            }
        };
        let line = (start, text.get(start..end).unwrap_or(""));
        start = end + 1;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_non_ascii() {
        let t = "abcdefghijklmnopé";
        assert_eq!(next_non_ascii(t.as_bytes(), 0), 16);
        assert_eq!(next_non_ascii(b"abc", 0), 3);
        assert_eq!(next_non_ascii("aé".as_bytes(), 0), 1);
    }

    #[test]
    fn splits_lines() {
        let v: Vec<(usize, &str)> = lines("a\r\nb\rc\n").collect();
        assert_eq!(v, [(0, "a"), (2, ""), (3, "b"), (5, "c"), (7, "")]);
    }
}
