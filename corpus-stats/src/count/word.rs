//! Fast word counting and iteration, exactly equal to UAX #29 as
//! implemented by `unicode-segmentation`.
//!
//! # Design
//!
//! The text is split into *fast regions*, which hold only ASCII and the
//! characters of [`classify`](super::classify), and *windows* around any
//! other character, which go to `unicode-segmentation`.
//!
//! Regions and windows meet at *cuts*: a position `p` whose byte is a space
//! (U+0020) preceded by an ASCII byte other than a space, or a line feed
//! preceded by an ASCII byte other than a carriage return. The word
//! boundary algorithm always breaks before such a byte (WB3a, WB3d and
//! WB999 leave nothing to join a space or a line feed to what precedes
//! it), `unicode-segmentation` starts each segment afresh, and it never
//! looks past such a byte from the left (its look-ahead skips only
//! Extend, Format and ZWJ characters): so the segments of the whole text
//! are the segments of the part before the cut followed by those of the
//! part after. A window runs from the last cut before an unknown character
//! to the first cut after it.
//!
//! Inside a fast region, the word boundary rules reduce to a small
//! automaton over the classes of [`WordClass`]: letters, digits and `_`
//! form runs; a MidLetter, MidNum or MidNumLet character joins two letters
//! (WB6, WB7) or two digits (WB11, WB12) on each side of it; a run is a word
//! when it holds a letter or a digit. The counter runs that automaton, and
//! on blocks of ASCII without `_` (32 bytes first, then 64) it uses an
//! equivalent formula over each byte and the two before it, on bit masks
//! of the block (one bit per byte) that plain byte loops the compiler
//! vectorises produce.

use super::classify::{WordClass, find_unknown};

/// Outside any run.
const S0: u8 = 0;
/// In a run of `_` only.
const UNDER: u8 = 1;
/// In a word, after a letter.
const LETTER: u8 = 2;
/// In a word, after a digit.
const DIGIT: u8 = 3;
/// In a word, after `_`.
const EXTEND: u8 = 4;
/// After a letter and a MidLetter or MidNumLet character.
const LETTER_MID: u8 = 5;
/// After a digit and a MidNum or MidNumLet character.
const DIGIT_MID: u8 = 6;
/// Flag in a transition: a new word starts here.
const NEW: u8 = 0x80;

const fn class_index(c: WordClass) -> usize {
    match c {
        WordClass::Letter => 0,
        WordClass::Digit => 1,
        WordClass::Under => 2,
        WordClass::MidLetter => 3,
        WordClass::MidNum => 4,
        WordClass::MidNumLet => 5,
        WordClass::Other => 6,
    }
}

/// Transition from outside a word.
const fn start(c: WordClass) -> u8 {
    match c {
        WordClass::Letter => LETTER | NEW,
        WordClass::Digit => DIGIT | NEW,
        WordClass::Under => UNDER,
        _ => S0,
    }
}

const fn step(state: u8, c: WordClass) -> u8 {
    match state {
        LETTER | DIGIT | EXTEND => match c {
            WordClass::Letter => LETTER,
            WordClass::Digit => DIGIT,
            WordClass::Under => EXTEND,
            WordClass::MidLetter if state == LETTER => LETTER_MID,
            WordClass::MidNum if state == DIGIT => DIGIT_MID,
            WordClass::MidNumLet if state == LETTER => LETTER_MID,
            WordClass::MidNumLet if state == DIGIT => DIGIT_MID,
            _ => S0,
        },
        LETTER_MID => match c {
            WordClass::Letter => LETTER,
            _ => start(c),
        },
        DIGIT_MID => match c {
            WordClass::Digit => DIGIT,
            _ => start(c),
        },
        // S0 and UNDER
        _ => start(c),
    }
}

const CLASSES: [WordClass; 7] = [
    WordClass::Letter,
    WordClass::Digit,
    WordClass::Under,
    WordClass::MidLetter,
    WordClass::MidNum,
    WordClass::MidNumLet,
    WordClass::Other,
];

/// `TRANSITIONS[state][class]`.
const TRANSITIONS: [[u8; 7]; 7] = {
    let mut t = [[0u8; 7]; 7];
    let mut s = 0;
    while s < 7 {
        let mut c = 0;
        while c < 7 {
            t[s][class_index(CLASSES[c])] = step(s as u8, CLASSES[c]);
            c += 1;
        }
        s += 1;
    }
    t
};

/// `BYTE_TRANSITIONS[state * 128 + byte]` for ASCII bytes.
const BYTE_TRANSITIONS: [u8; 7 * 128] = {
    let mut t = [0u8; 7 * 128];
    let mut s = 0;
    while s < 7 {
        let mut b = 0;
        while b < 128 {
            t[s * 128 + b] = step(s as u8, super::classify::ASCII_WORD[b]);
            b += 1;
        }
        s += 1;
    }
    t
};

#[inline(always)]
const fn is_alpha(c: u8) -> bool {
    (c | 0x20).wrapping_sub(b'a') < 26
}

#[inline(always)]
const fn is_digit(c: u8) -> bool {
    c.wrapping_sub(b'0') < 10
}

/// [`is_alpha`] as a signed comparison, which is one vector instruction
/// where an unsigned range test is two (x86 has no unsigned byte compare).
#[inline(always)]
const fn is_alpha_signed(c: u8) -> bool {
    ((c | 0x20).wrapping_add(0x80 - b'a') as i8) < i8::MIN + 26
}

/// [`is_digit`] as a signed comparison; see [`is_alpha_signed`].
#[inline(always)]
const fn is_digit_signed(c: u8) -> bool {
    (c.wrapping_add(0x80 - b'0') as i8) < i8::MIN + 10
}

/// The automaton state after the bytes `q2 q1`, for ASCII without `_`.
#[inline(always)]
fn state_after(q2: u8, q1: u8) -> u8 {
    if is_alpha(q1) {
        LETTER
    } else if is_digit(q1) {
        DIGIT
    } else if q1 == b':' && is_alpha(q2) {
        LETTER_MID
    } else if (q1 == b',' || q1 == b';') && is_digit(q2) {
        DIGIT_MID
    } else if q1 == b'.' || q1 == b'\'' {
        if is_alpha(q2) {
            LETTER_MID
        } else if is_digit(q2) {
            DIGIT_MID
        } else {
            S0
        }
    } else {
        S0
    }
}

/// Two bytes standing for the context that `state` summarises
/// (`state_after` maps them back to `state`), if the formula covers it.
#[inline(always)]
fn context_of(state: u8) -> Option<(u8, u8)> {
    match state {
        S0 => Some((b' ', b' ')),
        LETTER => Some((b' ', b'a')),
        DIGIT => Some((b' ', b'0')),
        LETTER_MID => Some((b'a', b':')),
        DIGIT_MID => Some((b'0', b',')),
        _ => None,
    }
}

/// Bytes of the first step of the fast path, which is often the only one
/// between two non-ASCII characters.
const SHORT: usize = 32;

/// Bytes of the next steps: a whole 64-bit mask at a time.
const LONG: usize = 64;

/// The low bits of the eight bytes of `x` (each 0 or 1), as eight bits.
#[inline(always)]
fn pack_bytes(x: u64) -> u32 {
    // Byte k's bit lands at bit 56 + k, and no two bits meet or carry.
    (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// `N` bytes that are each 0 or 1, as bits (bit k for byte k).
#[inline(always)]
fn pack<const N: usize>(m: &[u8; N]) -> u64 {
    m.chunks_exact(8).enumerate().fold(0, |bits, (n, eight)| {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        bits | (u64::from(pack_bytes(u64::from_le_bytes(word))) << (8 * n))
    })
}

/// For each byte of a block, one bit each: whether it is an ASCII letter
/// or digit, whether it is a space, and whether it is plain (ASCII other
/// than `_`, which the formula leaves out). Written byte by byte over a
/// fixed block, which the compiler turns into a few vector operations.
#[inline(always)]
fn block_marks<const N: usize>(block: &[u8; N]) -> (u64, u64, u64) {
    let mut alnum = [0u8; N];
    let mut space = [0u8; N];
    let mut plain = [0u8; N];
    for k in 0..N {
        let c = block[k];
        alnum[k] = u8::from(is_alpha_signed(c) | is_digit_signed(c));
        space[k] = u8::from(c == b' ');
        plain[k] = u8::from((c < 0x80) & (c != b'_'));
    }
    // Most blocks are all plain: then the plain bits need no packing.
    let all = plain.chunks_exact(8).fold(u64::MAX, |all, eight| {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        all & u64::from_le_bytes(word)
    });
    let plain = if all == 0x0101_0101_0101_0101 {
        u64::MAX >> (64 - N)
    } else {
        pack(&plain)
    };
    (pack(&alnum), pack(&space), plain)
}

/// The marks of the two bytes standing before a region, in the last two
/// bits of a block.
fn context_marks<const N: usize>(p2: u8, p1: u8) -> (u64, u64) {
    let alnum = |c: u8| u64::from(is_alpha(c) | is_digit(c));
    let space = |c: u8| u64::from(c == b' ');
    let at = |a: u64, b: u64| (a << (N - 2)) | (b << (N - 1));
    (at(alnum(p2), alnum(p1)), at(space(p2), space(p1)))
}

/// Counts the words starting in the blocks of `N` plain ASCII bytes
/// from `i`, given the two bytes before `i` (`p2 p1`, real or standing for
/// the state); returns the count and where the plain blocks end (`i` itself
/// when the first is not plain).
///
/// A word starts at a letter or digit whose previous byte is neither, unless
/// a MidLetter, MidNum or MidNumLet byte joins it to a letter or digit of
/// the same kind two bytes back (WB6, WB7, WB11, WB12): the automaton's
/// rules, for ASCII without `_`, computed on bit masks of the block.
/// The joins are worked out only where a byte other than a letter, digit or
/// space lies between two letters or digits.
#[inline]
fn count_plain<const N: usize>(
    bytes: &[u8],
    mut i: usize,
    end: usize,
    p2: u8,
    p1: u8,
) -> (u64, usize) {
    let first = i;
    let mut count = 0u64;
    let (mut prev_alnum, mut prev_space) = context_marks::<N>(p2, p1);
    while i + N <= end {
        let Some(Ok(block)) = bytes.get(i..i + N).map(<&[u8; N]>::try_from) else {
            break;
        };
        let (alnum, space, plain) = block_marks(block);
        // Where the block stops being plain, its plain start is counted
        // (when it holds the two bytes the automaton then needs).
        let take = match plain.trailing_ones() as usize {
            n if n >= N => N,
            n @ 2.. => n,
            _ => break,
        };
        let full = u64::MAX >> (64 - N);
        let alnum1 = ((alnum << 1) | (prev_alnum >> (N - 1))) & full;
        let alnum2 = ((alnum << 2) | (prev_alnum >> (N - 2))) & full;
        let space1 = ((space << 1) | (prev_space >> (N - 1))) & full;
        let mut starts = alnum & !alnum1;
        // A letter or digit, then neither nor a space, then a start.
        let mut candidates = starts & alnum2 & !space1;
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let at = |back: usize| match (i + k).checked_sub(back) {
                Some(p) if p >= first => bytes.get(p).copied().unwrap_or(0),
                _ if i + k == first + back - 1 => p1,
                _ => p2,
            };
            if joined(at(0), at(1), at(2)) {
                starts &= !(1 << k);
            }
        }
        if take < N {
            starts &= (1 << take) - 1;
            return (count + u64::from(starts.count_ones()), i + take);
        }
        count += u64::from(starts.count_ones());
        prev_alnum = alnum;
        prev_space = space;
        i += N;
    }
    (count, i)
}

/// Whether `c` is joined to `q2` by `q1` just before it: a MidLetter or
/// MidNumLet byte between letters, or a MidNum or MidNumLet byte between
/// digits.
#[cold]
fn joined(c: u8, q1: u8, q2: u8) -> bool {
    let letter_join = matches!(q1, b':' | b'.' | b'\'');
    let digit_join = matches!(q1, b',' | b';' | b'.' | b'\'');
    (letter_join && is_alpha(q2) && is_alpha(c)) || (digit_join && is_digit(q2) && is_digit(c))
}

/// Word class of the non-ASCII character at `i` (a character boundary),
/// with its length; `None` if [`classify`](super::classify::classify) does
/// not know it. Common characters are told apart by their bytes.
#[inline]
fn known_class(text: &str, i: usize) -> Option<(WordClass, usize)> {
    let bytes = text.as_bytes();
    let lead = bytes.get(i).copied().unwrap_or(0);
    let second = bytes.get(i + 1).copied().unwrap_or(0);
    match (lead, second) {
        // U+00D7 and U+00F7.
        (0xC3, 0x97 | 0xB7) => None,
        // U+00C0 to U+017F but those two: letters.
        (0xC3..=0xC5, _) => Some((WordClass::Letter, 2)),
        // U+2018 and U+2019.
        (0xE2, 0x80) if matches!(bytes.get(i + 2), Some(0x98 | 0x99)) => {
            Some((WordClass::MidNumLet, 3))
        }
        _ => {
            let (c, len) = super::classify::decode_at(text, i)?;
            Some((super::classify::classify(c)?.word, len))
        }
    }
}

/// Word class of a character of a fast region, all of which are known.
#[inline]
fn region_class(text: &str, i: usize) -> (WordClass, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (super::classify::ASCII_WORD[usize::from(b)], 1),
        _ => known_class(text, i).unwrap_or((WordClass::Other, 1)),
    }
}

/// Counts the words of `text[start..end]`, which starts at a cut, if all
/// its characters are known; otherwise returns the position and length of
/// the first unknown one.
fn count_region(text: &str, start: usize, end: usize) -> Result<u64, (usize, usize)> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    let mut state = S0;
    let mut count = 0u64;
    loop {
        // Blocks of plain ASCII bytes, while the state allows.
        if let Some((p2, p1)) = context_of(state) {
            // One short block first: between close non-ASCII characters
            // it is the only one, and often not all plain.
            let (mut n, mut j) = count_plain::<SHORT>(bytes, i, end.min(i + SHORT), p2, p1);
            if j == i + SHORT {
                let (more, k) = count_plain::<LONG>(bytes, j, end, bytes[j - 2], bytes[j - 1]);
                n += more;
                j = k;
            }
            if j > i {
                count += n;
                i = j;
                state = state_after(bytes[j - 2], bytes[j - 1]);
            }
        }
        if i >= end {
            return Ok(count);
        }
        // The automaton, past the character the fast path could not take,
        // and on until it is in a state that the fast path can stand for.
        let stop = i + 1;
        while i < end && (i < stop || context_of(state).is_none()) {
            let b = bytes[i];
            let t = if b < 0x80 {
                i += 1;
                BYTE_TRANSITIONS[usize::from(state) * 128 + usize::from(b)]
            } else {
                let (class, len) = known_class(text, i).ok_or_else(|| unknown(text, i))?;
                i += len;
                TRANSITIONS[usize::from(state)][class_index(class)]
            };
            count += u64::from(t >> 7);
            state = t & !NEW;
        }
    }
}

/// The position and length of the (unknown) character at `i`.
fn unknown(text: &str, i: usize) -> (usize, usize) {
    (
        i,
        super::classify::decode_at(text, i).map_or(1, |(_, len)| len),
    )
}

/// Whether `p` is a cut (see the module docs); `0` and the end are cuts.
#[inline]
fn is_cut(bytes: &[u8], p: usize) -> bool {
    if p == 0 || p >= bytes.len() {
        return true;
    }
    let prev = bytes[p - 1];
    match bytes[p] {
        b' ' => prev < 0x80 && prev != b' ',
        b'\n' => prev < 0x80 && prev != b'\r',
        _ => false,
    }
}

/// The next piece of work from the cut `pos`: the fast region
/// `pos..fast_end`, then the window to hand to the full algorithm, if any.
pub(crate) fn plan(text: &str, pos: usize) -> (usize, Option<(usize, usize)>) {
    let bytes = text.as_bytes();
    let Some((q, len)) = find_unknown(text, pos) else {
        return (text.len(), None);
    };
    let mut left = q;
    while left > pos && !is_cut(bytes, left) {
        left -= 1;
    }
    let mut right = q + len;
    while !is_cut(bytes, right) {
        right += 1;
    }
    (left, Some((left, right)))
}

/// Counts words; see [`crate::count_words`].
///
/// Counts from a cut until the first unknown character; then counts again
/// up to the last cut before it, hands the window from there to the next
/// cut after it to the full algorithm, and goes on from that cut. The part
/// counted twice is at most what lies between two windows, so the time
/// stays linear.
pub(crate) fn count(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut total = 0;
    while pos < text.len() {
        match count_region(text, pos, text.len()) {
            Ok(n) => return total + n,
            Err((q, len)) => {
                let mut left = q;
                while left > pos && !is_cut(bytes, left) {
                    left -= 1;
                }
                let mut right = q + len;
                while !is_cut(bytes, right) {
                    right += 1;
                }
                // No unknown character before `q`, so this succeeds.
                total += count_region(text, pos, left).unwrap_or(0);
                total += text.get(left..right).map_or(0, reference) as u64;
                pos = right;
            }
        }
    }
    total
}

/// The full algorithm on a piece of text.
pub(crate) fn reference(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().count()
}

/// The next word of the fast region `text[i..end]`, as a byte range.
/// [`BYTE_MARKS`]: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`BYTE_MARKS`]: an ASCII byte that cannot start a run (not a letter, a
/// digit or `_`).
const SKIP: u8 = 2;
/// [`BYTE_MARKS`]: an ASCII byte of class Other, which ends a run whatever
/// comes after it (not a letter, a digit, `_` or a Mid character).
const ENDS: u8 = 4;

/// What each byte is, for the word iterator, in one lookup.
static BYTE_MARKS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if is_alpha(c) || is_digit(c) {
            t[b] = ALNUM;
        } else if c < 0x80 && c != b'_' {
            t[b] = SKIP;
            if matches!(super::classify::ASCII_WORD[b], WordClass::Other) {
                t[b] |= ENDS;
            }
        }
        b += 1;
    }
    t
};

pub(crate) fn next_in_region(text: &str, mut i: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let class_at = |i: usize| match bytes[i] {
        b @ 0..0x80 => (super::classify::ASCII_WORD[usize::from(b)], 1),
        _ => region_class(text, i),
    };
    let is_alnum = |b: u8| BYTE_MARKS[usize::from(b)] & ALNUM != 0;
    loop {
        // Skip ASCII that cannot start a run.
        let rest = bytes.get(i..end)?;
        i += rest
            .iter()
            .position(|&b| BYTE_MARKS[usize::from(b)] & SKIP == 0)
            .unwrap_or(rest.len());
        if i >= end {
            return None;
        }
        // The common case: ASCII letters and digits up to a byte that ends
        // the run (or the end of the region).
        if is_alnum(bytes[i]) {
            let run = bytes.get(i + 1..end).unwrap_or_default();
            let j = i + 1 + run.iter().position(|&b| !is_alnum(b)).unwrap_or(run.len());
            if j >= end || BYTE_MARKS[usize::from(bytes[j])] & ENDS != 0 {
                return Some((i, j));
            }
        }
        let (class, len) = class_at(i);
        if !matches!(
            class,
            WordClass::Letter | WordClass::Digit | WordClass::Under
        ) {
            i += len;
            continue;
        }
        let start = i;
        let mut last = class;
        let mut alnum = class != WordClass::Under;
        i += len;
        loop {
            let ascii_start = i;
            while i < end && is_alnum(bytes[i]) {
                i += 1;
            }
            if i > ascii_start {
                alnum = true;
                last = if is_digit(bytes[i - 1]) {
                    WordClass::Digit
                } else {
                    WordClass::Letter
                };
            }
            if i >= end {
                break;
            }
            let (class, len) = class_at(i);
            match class {
                WordClass::Letter | WordClass::Digit | WordClass::Under => {
                    last = class;
                    alnum |= class != WordClass::Under;
                    i += len;
                    continue;
                }
                WordClass::MidLetter | WordClass::MidNum | WordClass::MidNumLet => {
                    // WB6, WB7, WB11, WB12: joins two letters or two digits.
                    let letter_join = last == WordClass::Letter
                        && matches!(class, WordClass::MidLetter | WordClass::MidNumLet);
                    let digit_join = last == WordClass::Digit
                        && matches!(class, WordClass::MidNum | WordClass::MidNumLet);
                    if (letter_join || digit_join) && i + len < end {
                        let (next, next_len) = class_at(i + len);
                        if (letter_join && next == WordClass::Letter)
                            || (digit_join && next == WordClass::Digit)
                        {
                            last = next;
                            i += len + next_len;
                            continue;
                        }
                    }
                }
                WordClass::Other => {}
            }
            break;
        }
        if alnum {
            return Some((start, i));
        }
    }
}

#[cfg(test)]
mod tests {
    //! The block formula against the full algorithm, on text whose 64-byte
    //! blocks hold every kind of join at every distance from the block
    //! edges; and its byte classes against the plain ones.

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn signed_classes_are_the_plain_ones() {
        for c in 0..=u8::MAX {
            assert_eq!(is_alpha_signed(c), is_alpha(c), "{c:#x}");
            assert_eq!(is_digit_signed(c), is_digit(c), "{c:#x}");
            assert_eq!(is_alpha(c), c.is_ascii_alphabetic(), "{c:#x}");
            assert_eq!(is_digit(c), c.is_ascii_digit(), "{c:#x}");
        }
    }

    /// Pieces with every join and near-join of letters and digits, spaces
    /// and line breaks, `_`, and known and unknown non-ASCII characters.
    const PIECES: &[&str] = &[
        "a", "Zq", "word", "7", "42", ".", ",", ":", ";", "'", "’", "_", " ", "  ", "\n", "\r\n",
        "-", "!", "\"", "é", "É", "—", "“", "中", "\u{301}", "U.S.", "3.5", "32,700", "e-mail",
        "can't", "10:30", "a.b", "1;2", "x'y", "foo_bar", ". ", ", ", "the ", "The ", "`", "@",
        "[", "{", "Z", "z", "9", "0", "/",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn counts_like_the_full_algorithm(text in text()) {
            prop_assert_eq!(count(&text), reference(&text) as u64, "in {:?}", text);
        }

        #[test]
        fn ascii_counts_like_the_full_algorithm(
            text in "[ab01 .,:;'_\\-\\n@`\\[{/Zz9]{0,300}",
            shift in 0usize..70,
        ) {
            // A prefix moves the text across the block edges.
            let text = format!("{}{text}", "x".repeat(shift));
            prop_assert_eq!(count(&text), reference(&text) as u64, "in {:?}", text);
        }
    }

    #[test]
    fn joins_at_every_block_offset() {
        // Each join, and a start that looks like one, at each offset of a
        // block and across block edges, in a region that starts at a cut
        // or after a non-ASCII letter.
        for piece in [
            "a.b", "1,2", "a:b", "1;2", "x'y", "3.5", "a-b", "a,b", "1:2", "a. b", "1, 2", "a@b",
            "Z`z", "9/0",
        ] {
            for lead in ["", "é", "’", "é "] {
                for at in 0..140 {
                    let text =
                        format!("{lead}{}{piece} tail", "q ".repeat(at / 2) + &"q"[..at % 2]);
                    assert_eq!(count(&text), reference(&text) as u64, "{text:?}");
                }
            }
        }
    }
}
