//! Fast byte scans shared by the steps.

/// Offset of the first byte `>= 0x80` in `b` at or after `from`, or
/// `b.len()`. Checks sixteen bytes at a time.
#[inline]
pub(crate) fn next_non_ascii(b: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let Some(rest) = b.get(from..) else {
        return b.len();
    };
    let mut chunks = rest.chunks_exact(16);
    let mut offset = from;
    for chunk in chunks.by_ref() {
        let (x, y) = chunk.split_at(8);
        let x = u64::from_le_bytes(x.try_into().unwrap_or([0; 8])) & HIGH;
        let y = u64::from_le_bytes(y.try_into().unwrap_or([0; 8])) & HIGH;
        if x | y != 0 {
            return if x != 0 {
                offset + (x.trailing_zeros() / 8) as usize
            } else {
                offset + 8 + (y.trailing_zeros() / 8) as usize
            };
        }
        offset += 16;
    }
    for &byte in chunks.remainder() {
        if byte >= 0x80 {
            return offset;
        }
        offset += 1;
    }
    b.len()
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
