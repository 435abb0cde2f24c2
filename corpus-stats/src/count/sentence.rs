//! Fast sentence counting, exactly equal to `unicode-segmentation`'s
//! sentence boundaries (`split_sentence_bounds`).
//!
//! # Design
//!
//! The text is split at line feeds into *fast regions*, which hold only
//! ASCII and the characters of [`classify`](super::classify), and
//! *windows* of whole lines around any other character, which go to
//! `unicode-segmentation`. A boundary always follows a line feed (SB4),
//! and no rule looks across one (SB8 stops at a paragraph separator; the
//! look-behind of SB7 to SB11 needs a terminator followed only by closing
//! punctuation and spaces), so the boundaries of the whole text are those
//! of the parts.
//!
//! In a fast region the counter runs the same automaton as
//! `unicode-segmentation`: the last four collapsed parts of the text
//! (runs of closing punctuation and of spaces count as one part), with its
//! rules SB1 to SB11 in its order. Two changes keep it linear and fast,
//! without changing any result:
//!
//! - the look-ahead of SB8 (is the next letter after `.` lower case?) is
//!   computed once per stretch and reused until the position passes the
//!   character that decided it;
//! - once the last part is a letter or `Other`, no rule can break or look
//!   back past it until the next terminator or line break (the rules that
//!   look back want a terminator reached through closing punctuation and
//!   spaces only), so the counter jumps with `memchr` to the next `.`,
//!   `!`, `?`, CR or LF. The parts it jumped over are then summarised as
//!   `Other` except the last one: the rules only compare older parts with
//!   terminators (through that blocking part, which they cannot pass) and
//!   the part just before a terminator with a letter (SB7), which is kept.
//!
//! At the position it jumps to, the common shapes of news (a terminator,
//! spaces and a letter; a full stop and a digit; a terminator and a line
//! feed; a line feed and a letter) are taken at once by `quiet_step`, with
//! the automaton's results and state, instead of in three or four steps.

use super::classify::{ASCII_SENTENCE, SentenceClass, classify, decode_at, find_unknown};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    Close,
    Sp,
    STerm,
}

fn part_of(c: SentenceClass) -> Part {
    match c {
        SentenceClass::Cr => Part::Cr,
        SentenceClass::Lf => Part::Lf,
        SentenceClass::ATerm => Part::ATerm,
        SentenceClass::Upper | SentenceClass::Lower => Part::UpperLower,
        SentenceClass::Close => Part::Close,
        SentenceClass::Sp => Part::Sp,
        SentenceClass::STerm => Part::STerm,
        _ => Part::Other,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct State([Part; 4]);

impl State {
    fn next(self, c: SentenceClass) -> State {
        let p = self.0;
        match (p[3], c) {
            (Part::Close, SentenceClass::Close) | (Part::Sp, SentenceClass::Sp) => self,
            _ => State([p[1], p[2], p[3], part_of(c)]),
        }
    }

    fn last(self) -> Part {
        self.0[3]
    }

    /// No rule can break or look ahead in this state, nor after any run of
    /// characters other than terminators and line breaks.
    ///
    /// Every rule that looks back from the last part wants it to be a
    /// terminator, a line break, the start, or a run of closing
    /// punctuation or spaces through which it looks on for a terminator;
    /// a last part that is a letter or `Other` blocks them all, and what
    /// follows (no terminator, no line break) cannot unblock them.
    fn is_quiet(self) -> bool {
        matches!(self.last(), Part::Other | Part::UpperLower)
    }

    fn is_saterm(p: Part) -> bool {
        p == Part::ATerm || p == Part::STerm
    }

    /// Index of the part before `Close* Sp*` at the end.
    fn before_close_sp(self) -> usize {
        let p = self.0;
        let mut idx = if p[3] == Part::Sp { 2 } else { 3 };
        if p[idx] == Part::Close {
            idx -= 1;
        }
        idx
    }

    /// SB8 without its look-ahead: `ATerm Close* Sp*`.
    fn sb8_context(self) -> bool {
        self.0[self.before_close_sp()] == Part::ATerm
    }

    /// `SATerm Close* Sp*`.
    fn sb8a(self) -> bool {
        Self::is_saterm(self.0[self.before_close_sp()])
    }

    /// `SATerm Close*`.
    fn sb9(self) -> bool {
        let p = self.0;
        let idx = if p[3] == Part::Close { 2 } else { 3 };
        Self::is_saterm(p[idx])
    }

    /// `SATerm Close* Sp* ParaSep?`.
    fn sb11(self) -> bool {
        let p = self.0;
        let mut idx = match p[3] {
            Part::Cr | Part::Lf => 2,
            _ => 3,
        };
        if p[idx] == Part::Sp {
            idx -= 1;
        }
        if p[idx] == Part::Close {
            idx -= 1;
        }
        Self::is_saterm(p[idx])
    }
}

/// Class of the character at `i` in a fast region, with its length.
#[inline]
fn class_at(text: &str, i: usize) -> (SentenceClass, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (ASCII_SENTENCE[usize::from(b)], 1),
        _ => match decode_at(text, i) {
            Some((c, len)) => (
                classify(c).map_or(SentenceClass::Other, |k| k.sentence),
                len,
            ),
            None => (SentenceClass::Other, 1),
        },
    }
}

/// Class of the character ending at `end`.
fn class_before(text: &str, end: usize) -> SentenceClass {
    match text.as_bytes().get(end.wrapping_sub(1)) {
        Some(&b) if b < 0x80 => ASCII_SENTENCE[usize::from(b)],
        _ => text
            .get(..end)
            .and_then(|s| s.chars().next_back())
            .and_then(classify)
            .map_or(SentenceClass::Other, |k| k.sentence),
    }
}

/// Whether `text[start..end]` holds a letter or a digit.
#[inline]
fn has_alnum(text: &str, start: usize, end: usize) -> bool {
    // Most sentences start with a letter or a digit, and the others with
    // a few ASCII spaces, quotes or line breaks before one.
    let bytes = text.as_bytes().get(start..end).unwrap_or_default();
    match bytes
        .iter()
        .position(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
    {
        Some(p) if bytes[p] < 0x80 => true,
        Some(p) => has_alnum_slow(text, start + p, end),
        None => false,
    }
}

/// [`has_alnum`] from a non-ASCII character on.
#[cold]
fn has_alnum_slow(text: &str, start: usize, end: usize) -> bool {
    let Some(s) = text.get(start..end) else {
        return false;
    };
    s.bytes().enumerate().any(|(i, b)| {
        if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else if b >= 0xC0 {
            decode_at(s, i)
                .and_then(|(c, _)| classify(c))
                .is_some_and(|k| k.alnum)
        } else {
            false
        }
    })
}

/// The SB8 look-ahead: whether the first character at or after `from` that
/// is a letter, a terminator or a paragraph separator is lower case; with
/// the position of that character (or the end).
fn sb8_lookahead(text: &str, end: usize, from: usize) -> (usize, bool) {
    let mut i = from;
    while i < end {
        let (c, len) = class_at(text, i);
        match c {
            SentenceClass::Lower => return (i, true),
            SentenceClass::Upper
            | SentenceClass::Cr
            | SentenceClass::Lf
            | SentenceClass::STerm
            | SentenceClass::ATerm => return (i, false),
            _ => i += len,
        }
    }
    (end, false)
}

/// What [`quiet_step`] found: the boundary it passed, if any, and the
/// state and position after the characters it took.
struct Step {
    boundary: Option<usize>,
    state: State,
    next: usize,
}

/// The automaton's steps from `i`, a terminator or a line break reached in
/// a quiet state, when the text there has one of the common shapes of
/// news; `None` otherwise (the automaton then takes it step by step).
///
/// - A terminator, ASCII spaces and an ASCII letter: a boundary before the
///   letter (SB11), except after a full stop when it is lower case (SB8).
///   The spaces join the terminator (SB9, SB10).
/// - A full stop and an ASCII digit: no boundary (SB6).
/// - A terminator and a line feed, or a line feed alone: no boundary
///   before the line feed (SB9, or no rule at all), and the state ends in
///   a line feed, after which a boundary comes before anything (SB4).
///
/// In a quiet state the last part is a letter or `Other`, which no rule
/// looks through, so these are the automaton's results whatever came
/// before.
#[inline]
fn quiet_step(bytes: &[u8], i: usize, end: usize, state: State) -> Option<Step> {
    let term = *bytes.get(i)?;
    let next = *bytes.get(i + 1).filter(|_| i + 1 < end)?;
    let term_class = match term {
        b'.' => SentenceClass::ATerm,
        b'!' | b'?' => SentenceClass::STerm,
        b'\n' => {
            return Some(Step {
                boundary: None,
                state: state.next(SentenceClass::Lf),
                next: i + 1,
            });
        }
        _ => return None,
    };
    match next {
        b' ' => {
            // Mostly one space.
            let m = match bytes.get(i + 2) {
                Some(b) if *b != b' ' && i + 2 < end => i + 2,
                _ => {
                    let rest = bytes.get(i + 2..end)?;
                    i + 2 + rest.iter().position(|&b| b != b' ')?
                }
            };
            let letter = bytes[m];
            if !letter.is_ascii_alphabetic() {
                return None;
            }
            let joined = term == b'.' && letter.is_ascii_lowercase();
            // `state.next` of the terminator, the spaces and the letter:
            // none of them joins the part before it.
            let term_part = part_of(term_class);
            Some(Step {
                boundary: (!joined).then_some(m),
                state: State([state.last(), term_part, Part::Sp, Part::UpperLower]),
                next: m + 1,
            })
        }
        b'0'..=b'9' if term == b'.' => Some(Step {
            boundary: None,
            state: state.next(term_class).next(SentenceClass::Numeric),
            next: i + 2,
        }),
        b'\n' => Some(Step {
            boundary: None,
            state: state.next(term_class).next(SentenceClass::Lf),
            next: i + 2,
        }),
        _ => None,
    }
}

/// The search for the next full stop, question mark or line feed, set up
/// once per region: `memchr::memchr3` would pick its implementation and
/// set up its needles again at each of the many short searches.
struct CommonStops {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Three>,
}

impl CommonStops {
    fn new() -> CommonStops {
        CommonStops {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Three::new(b'.', b'?', b'\n'),
        }
    }

    /// Position of the first full stop, question mark or line feed.
    #[inline]
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(three) = &self.avx2 {
            return three.find(haystack);
        }
        memchr::memchr3(b'.', b'?', b'\n', haystack)
    }
}

/// Counts the sentences with a letter or a digit in the fast region
/// `text[start..end]`, which starts at a boundary and ends after a line
/// feed or at the end of the text.
fn count_region(text: &str, start: usize, end: usize) -> u64 {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut count = 0u64;
    let mut state = State([Part::Sot; 4]);
    let mut seg_start = start;
    let mut i = start;
    // Cached SB8 look-ahead: valid for positions up to `sb8_until`.
    let mut sb8_until = start;
    let mut sb8_value = false;
    let mut sb8_valid = false;
    // Cached positions of the next full stop, question mark or line feed,
    // and of the next exclamation mark or carriage return: the rare two
    // are searched apart, so that one search usually finds the next stop.
    let mut next_common = start;
    let mut next_rare = start;
    let common = CommonStops::new();
    let boundary = |b: usize, seg_start: &mut usize, count: &mut u64| {
        if b > *seg_start {
            *count += u64::from(has_alnum(text, *seg_start, b));
            *seg_start = b;
        }
    };
    while i < end {
        if state.is_quiet() {
            if next_common < i {
                next_common = common.find(&bytes[i..end]).map_or(end, |p| p + i);
            }
            if next_rare < i {
                next_rare = memchr::memchr2(b'!', b'\r', &bytes[i..end]).map_or(end, |p| p + i);
            }
            let j = next_common.min(next_rare);
            if j > i {
                state = State([
                    Part::Other,
                    Part::Other,
                    Part::Other,
                    part_of(class_before(text, j)),
                ]);
                i = j;
                if i >= end {
                    break;
                }
            }
            // The common shapes after a terminator or a line feed, which
            // the automaton would take in three or four steps.
            if let Some(step) = quiet_step(bytes, i, end, state) {
                if let Some(b) = step.boundary {
                    boundary(b, &mut seg_start, &mut count);
                }
                state = step.state;
                i = step.next;
                while state.last() == Part::Lf && i < end {
                    // After a line feed, a boundary comes before anything
                    // (SB4); a letter or another line feed is taken here.
                    let b = bytes[i];
                    if !(b.is_ascii_alphabetic() || b == b'\n') {
                        break;
                    }
                    boundary(i, &mut seg_start, &mut count);
                    state = state.next(ASCII_SENTENCE[usize::from(b)]);
                    i += 1;
                }
                continue;
            }
        }
        let (class, len) = class_at(text, i);
        let before = state;
        state = state.next(class);
        let pos = i;
        i += len;
        let last = before.last();
        if last == Part::Sot {
            boundary(pos, &mut seg_start, &mut count);
            continue;
        }
        if class == SentenceClass::Lf && last == Part::Cr {
            continue;
        }
        if matches!(last, Part::Cr | Part::Lf) {
            boundary(pos, &mut seg_start, &mut count);
            continue;
        }
        if class == SentenceClass::Numeric && last == Part::ATerm {
            continue;
        }
        if class == SentenceClass::Upper && before.0[2] == Part::UpperLower && last == Part::ATerm {
            continue;
        }
        if before.sb8_context() {
            if !sb8_valid || pos > sb8_until {
                let (until, value) = sb8_lookahead(text, end, pos);
                sb8_until = until;
                sb8_value = value;
                sb8_valid = true;
            }
            if sb8_value {
                continue;
            }
        }
        if matches!(
            class,
            SentenceClass::SContinue | SentenceClass::STerm | SentenceClass::ATerm
        ) && before.sb8a()
        {
            continue;
        }
        if matches!(
            class,
            SentenceClass::Close | SentenceClass::Sp | SentenceClass::Cr | SentenceClass::Lf
        ) && before.sb9()
        {
            continue;
        }
        if matches!(
            class,
            SentenceClass::Sp | SentenceClass::Cr | SentenceClass::Lf
        ) && before.sb8a()
        {
            continue;
        }
        if before.sb11() {
            boundary(pos, &mut seg_start, &mut count);
        }
    }
    boundary(end, &mut seg_start, &mut count);
    count
}

/// The next piece of work from `pos` (a line start): the fast region
/// `pos..fast_end`, then the window to hand to the full algorithm, if any.
fn plan(text: &str, pos: usize) -> (usize, Option<(usize, usize)>) {
    let bytes = text.as_bytes();
    let Some((q, len)) = find_unknown(text, pos) else {
        return (text.len(), None);
    };
    let left = memchr::memrchr(b'\n', &bytes[pos..q]).map_or(pos, |p| pos + p + 1);
    let right = memchr::memchr(b'\n', &bytes[q + len..]).map_or(text.len(), |p| q + len + p + 1);
    (left, Some((left, right)))
}

/// Counts sentences; see [`crate::count_sentences`].
pub(crate) fn count(text: &str) -> u64 {
    let mut pos = 0;
    let mut total = 0;
    while pos < text.len() {
        let (fast_end, window) = plan(text, pos);
        if fast_end > pos {
            total += count_region(text, pos, fast_end);
        }
        match window {
            Some((left, right)) => {
                total += text.get(left..right).map_or(0, reference_linear) as u64;
                pos = right;
            }
            None => pos = fast_end,
        }
    }
    total
}

/// The full algorithm on a window, made linear in time.
///
/// `unicode-segmentation` repeats the look-ahead of SB8 at every character
/// of a run of spaces or closing punctuation after a full stop, which is
/// quadratic in the length of the run. Within such a run no boundary can
/// fall (SB9 and SB10 join each character to the run, and SB998 when no
/// terminator precedes it), the automaton folds the run into one part, and
/// the look-ahead skips it, so the window is counted with every run of
/// ASCII spaces (or of ASCII closing punctuation) shortened to its first
/// character: the same sentences, without the long runs.
fn reference_linear(text: &str) -> usize {
    let class = |c: char| match c {
        '\t' | '\u{b}' | '\u{c}' | ' ' => Some(SentenceClass::Sp),
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' => Some(SentenceClass::Close),
        _ => None,
    };
    let mut short = String::with_capacity(text.len());
    let mut prev = None;
    for c in text.chars() {
        let k = class(c);
        if k.is_some() && k == prev {
            continue;
        }
        prev = k;
        short.push(c);
    }
    reference(&short)
}

/// The full algorithm on a piece of text.
pub(crate) fn reference(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_sentences().count()
}

#[cfg(test)]
mod tests {
    //! The counter against the one it replaced (kept here as it was) and
    //! against the full algorithm, on text made of the shapes its fast
    //! steps take and of everything next to them.

    use super::*;
    use proptest::prelude::*;

    /// The previous counter: the same plan, with each fast region counted
    /// by the automaton alone.
    fn previous_count(text: &str) -> u64 {
        let mut pos = 0;
        let mut total = 0;
        while pos < text.len() {
            let (fast_end, window) = plan(text, pos);
            if fast_end > pos {
                total += previous::count_region(text, pos, fast_end);
            }
            match window {
                Some((left, right)) => {
                    total += text.get(left..right).map_or(0, reference_linear) as u64;
                    pos = right;
                }
                None => pos = fast_end,
            }
        }
        total
    }

    mod previous {
        use super::super::*;

        /// Counts the sentences with a letter or a digit in the fast region
        /// `text[start..end]`, which starts at a boundary and ends after a line
        /// feed or at the end of the text.
        pub(super) fn count_region(text: &str, start: usize, end: usize) -> u64 {
            let bytes = text.as_bytes();
            let end = end.min(bytes.len());
            let mut count = 0u64;
            let mut state = State([Part::Sot; 4]);
            let mut seg_start = start;
            let mut i = start;
            // Cached SB8 look-ahead: valid for positions up to `sb8_until`.
            let mut sb8_until = start;
            let mut sb8_value = false;
            let mut sb8_valid = false;
            // Cached positions of the next terminator and the next line break.
            let mut next_term = start;
            let mut next_line = start;
            let boundary = |b: usize, seg_start: &mut usize, count: &mut u64| {
                if b > *seg_start {
                    *count += u64::from(has_alnum(text, *seg_start, b));
                    *seg_start = b;
                }
            };
            while i < end {
                if state.is_quiet() {
                    if next_term < i {
                        next_term = memchr::memchr3(b'.', b'!', b'?', &bytes[i..end])
                            .map_or(end, |p| p + i);
                    }
                    if next_line < i {
                        next_line =
                            memchr::memchr2(b'\n', b'\r', &bytes[i..end]).map_or(end, |p| p + i);
                    }
                    let j = next_term.min(next_line);
                    if j > i {
                        state = State([
                            Part::Other,
                            Part::Other,
                            Part::Other,
                            part_of(class_before(text, j)),
                        ]);
                        i = j;
                        if i >= end {
                            break;
                        }
                    }
                }
                let (class, len) = class_at(text, i);
                let before = state;
                state = state.next(class);
                let pos = i;
                i += len;
                let last = before.last();
                if last == Part::Sot {
                    boundary(pos, &mut seg_start, &mut count);
                    continue;
                }
                if class == SentenceClass::Lf && last == Part::Cr {
                    continue;
                }
                if matches!(last, Part::Cr | Part::Lf) {
                    boundary(pos, &mut seg_start, &mut count);
                    continue;
                }
                if class == SentenceClass::Numeric && last == Part::ATerm {
                    continue;
                }
                if class == SentenceClass::Upper
                    && before.0[2] == Part::UpperLower
                    && last == Part::ATerm
                {
                    continue;
                }
                if before.sb8_context() {
                    if !sb8_valid || pos > sb8_until {
                        let (until, value) = sb8_lookahead(text, end, pos);
                        sb8_until = until;
                        sb8_value = value;
                        sb8_valid = true;
                    }
                    if sb8_value {
                        continue;
                    }
                }
                if matches!(
                    class,
                    SentenceClass::SContinue | SentenceClass::STerm | SentenceClass::ATerm
                ) && before.sb8a()
                {
                    continue;
                }
                if matches!(
                    class,
                    SentenceClass::Close
                        | SentenceClass::Sp
                        | SentenceClass::Cr
                        | SentenceClass::Lf
                ) && before.sb9()
                {
                    continue;
                }
                if matches!(
                    class,
                    SentenceClass::Sp | SentenceClass::Cr | SentenceClass::Lf
                ) && before.sb8a()
                {
                    continue;
                }
                if before.sb11() {
                    boundary(pos, &mut seg_start, &mut count);
                }
            }
            boundary(end, &mut seg_start, &mut count);
            count
        }
    }

    /// Pieces around terminators and line breaks: the shapes of the fast
    /// steps and the ones that look like them but are not.
    const PIECES: &[&str] = &[
        "a",
        "z",
        "B",
        "Q",
        "word",
        "Word",
        "1",
        "42",
        ".",
        "!",
        "?",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        "\"",
        ")",
        "(",
        "'",
        "’",
        "”",
        "“",
        "é",
        "É",
        "—",
        ",",
        "-",
        ":",
        "\u{a0}",
        "中",
        "\u{301}",
        "\u{2029}",
        "…",
        ". The",
        ". the",
        "! the",
        "? The",
        ".\n\nThe",
        ".\nthe",
        ". 3",
        ".3",
        "U.S.",
        "Mr. Smith",
        "e.g. it",
        "? “Why",
        ".\n\n\n",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..150).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn counts_like_the_previous_counter_and_the_full_algorithm(text in text()) {
            let fast = count(&text);
            prop_assert_eq!(fast, previous_count(&text), "previous, in {:?}", text);
            prop_assert_eq!(fast, reference(&text) as u64, "reference, in {:?}", text);
        }

        #[test]
        fn ascii_counts_like_the_previous_counter(text in "[a-cA-C0-9 .!?\n\r\"')]{0,200}") {
            prop_assert_eq!(count(&text), previous_count(&text), "in {:?}", text);
        }
    }

    #[test]
    fn fast_steps_table() {
        // (text, sentences), one line per shape of `quiet_step`.
        let cases = [
            ("It rained. The end", 2),
            ("It rained.   The end", 2),
            ("It rained. the end", 1),
            ("It rained! the end", 2),
            ("Why? The end", 2),
            ("It cost 3.5 then", 1),
            ("It rained.\nThe end", 2),
            ("It rained\nthe end", 2),
            ("It rained.\n\nThe end", 2),
            ("It rained.\n\n\n", 1),
            ("It rained. ", 1),
            ("It rained.\n", 1),
            ("It rained. 3 fell", 1),
            ("It rained. \"The end", 2),
            ("“It rained.” The end", 2),
            ("“It rained.” the end", 1),
            ("(Why?) the end", 2),
            ("It rained.\")  The end", 2),
            ("“It rained.”\nThe end", 2),
            ("It rained.) 3 fell", 1),
            ("It cost 3.)5 then", 1),
        ];
        for (text, expected) in cases {
            assert_eq!(reference(text) as u64, expected, "{text:?}");
            assert_eq!(count(text), expected, "{text:?}");
        }
    }
}
