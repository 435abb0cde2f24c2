//! Character classes for the fast paths.
//!
//! The fast counters understand ASCII and a small, fixed set of common
//! non-ASCII characters of news text (Latin letters with diacritics, curly
//! quotes, dashes, the ellipsis, the no-break space, a few currency signs).
//! For each of them the word and sentence break properties are those of the
//! tables in `unicode-segmentation` (Unicode 17); the tests below check
//! that each of them segments, in the full algorithm, exactly like an ASCII
//! character of its class, in every short context. Any other non-ASCII
//! character is "unknown" and sends the text around it to the full
//! algorithm.

/// Word break class, restricted to what the fast word counter needs.
///
/// CR, LF, Newline, WSegSpace, Double_Quote and Other all behave the same
/// when counting words, since none of them joins a letter or a digit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum WordClass {
    /// ALetter.
    Letter,
    /// Numeric.
    Digit,
    /// ExtendNumLet (`_`).
    Under,
    /// MidLetter (`:`).
    MidLetter,
    /// MidNum (`,` `;`).
    MidNum,
    /// MidNumLet and Single_Quote (`.` `'` `‘` `’`).
    MidNumLet,
    /// Anything else.
    Other,
}

/// Sentence break class, as in UAX #29.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SentenceClass {
    /// CR.
    Cr,
    /// LF.
    Lf,
    /// Sp.
    Sp,
    /// Lower.
    Lower,
    /// Upper.
    Upper,
    /// Numeric.
    Numeric,
    /// ATerm (`.`).
    ATerm,
    /// STerm (`!` `?`).
    STerm,
    /// Close (quotes and brackets).
    Close,
    /// SContinue (`,` `-` `:` `;` dashes).
    SContinue,
    /// Any other character.
    Other,
}

/// Properties of one character known to the fast paths.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Known {
    pub(crate) word: WordClass,
    pub(crate) sentence: SentenceClass,
    /// Alphabetic or General_Category=Number.
    pub(crate) alnum: bool,
}

const fn known(word: WordClass, sentence: SentenceClass, alnum: bool) -> Known {
    Known {
        word,
        sentence,
        alnum,
    }
}

/// Word class of an ASCII byte; bytes from 0x80 up are `Other` here and
/// must be decoded with [`classify`] instead.
pub(crate) const ASCII_WORD: [WordClass; 128] = {
    let mut t = [WordClass::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => WordClass::Letter,
            b'0'..=b'9' => WordClass::Digit,
            b'_' => WordClass::Under,
            b':' => WordClass::MidLetter,
            b',' | b';' => WordClass::MidNum,
            b'.' | b'\'' => WordClass::MidNumLet,
            _ => WordClass::Other,
        };
        b += 1;
    }
    t
};

/// Sentence class of an ASCII byte.
pub(crate) const ASCII_SENTENCE: [SentenceClass; 128] = {
    let mut t = [SentenceClass::Other; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\r' => SentenceClass::Cr,
            b'\n' => SentenceClass::Lf,
            b'\t' | 0x0b | 0x0c | b' ' => SentenceClass::Sp,
            b'a'..=b'z' => SentenceClass::Lower,
            b'A'..=b'Z' => SentenceClass::Upper,
            b'0'..=b'9' => SentenceClass::Numeric,
            b'.' => SentenceClass::ATerm,
            b'!' | b'?' => SentenceClass::STerm,
            b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => SentenceClass::Close,
            b',' | b'-' | b':' | b';' => SentenceClass::SContinue,
            _ => SentenceClass::Other,
        };
        b += 1;
    }
    t
};

/// The properties of `c` if the fast paths know it, `None` otherwise.
#[inline]
pub(crate) fn classify(c: char) -> Option<Known> {
    use SentenceClass as S;
    use WordClass as W;
    let u = c as u32;
    if u < 0x80 {
        let w = ASCII_WORD[u as usize];
        return Some(known(
            w,
            ASCII_SENTENCE[u as usize],
            matches!(w, W::Letter | W::Digit),
        ));
    }
    if (0xC0..=0x24F).contains(&u) && u != 0xD7 && u != 0xF7 {
        // Latin-1 Supplement, Latin Extended-A and -B letters that are
        // cased; the few uncased ones (such as `ƻ`, `ǀ`, titlecase `ǅ`)
        // are left to the full algorithm.
        if c.is_lowercase() {
            return Some(known(W::Letter, S::Lower, true));
        }
        if c.is_uppercase() {
            return Some(known(W::Letter, S::Upper, true));
        }
        return None;
    }
    match u {
        // Left and right single quotation marks.
        0x2018 | 0x2019 => Some(known(W::MidNumLet, S::Close, false)),
        // Other curly and low quotation marks, guillemets.
        0x201A..=0x201F | 0xAB | 0xBB => Some(known(W::Other, S::Close, false)),
        // En and em dashes.
        0x2013 | 0x2014 => Some(known(W::Other, S::SContinue, false)),
        // No-break space.
        0xA0 => Some(known(W::Other, S::Sp, false)),
        // Pound, degree, bullet, ellipsis, euro.
        0xA3 | 0xB0 | 0x2022 | 0x2026 | 0x20AC => Some(known(W::Other, S::Other, false)),
        _ => None,
    }
}

/// Decodes the character starting at `i`, which must be a character
/// boundary of valid UTF-8; returns it with its length in bytes.
#[inline]
pub(crate) fn decode_at(text: &str, i: usize) -> Option<(char, usize)> {
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Position of the first byte at or after `from` that is not ASCII.
#[inline]
pub(crate) fn find_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const CHUNK: usize = 64;
    let mut i = from;
    while let Some(Ok(chunk)) = bytes.get(i..i + CHUNK).map(<&[u8; CHUNK]>::try_from) {
        // The high bits of all the bytes at once: one vector OR per 16
        // bytes, where `is_ascii` tests each word on its own.
        let high = chunk.chunks_exact(8).fold(0u64, |high, word| {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            high | u64::from_le_bytes(w)
        });
        if high & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += CHUNK;
    }
    let rest = bytes.get(i..)?;
    rest.iter().position(|&b| b >= 0x80).map(|p| p + i)
}

/// Position of the first character at or after `from` (a character
/// boundary) that the fast paths do not know, with its length.
pub(crate) fn find_unknown(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        let q = find_non_ascii(bytes, i)?;
        // Shortcut for U+00C0 to U+017F, all known letters but for U+00D7
        // and U+00F7 (see the test `latin_shortcut_is_exact`).
        if let (Some(&lead @ 0xC3..=0xC5), Some(&second)) = (bytes.get(q), bytes.get(q + 1))
            && !(lead == 0xC3 && (second == 0x97 || second == 0xB7))
        {
            i = q + 2;
            continue;
        }
        let (c, len) = decode_at(text, q)?;
        if classify(c).is_none() {
            return Some((q, len));
        }
        i = q + len;
    }
}

#[cfg(test)]
mod tests {
    //! Every character the fast paths know behaves, in the full algorithm,
    //! exactly like an ASCII character of the same class.

    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn word_rep(c: WordClass) -> char {
        match c {
            WordClass::Letter => 'a',
            WordClass::Digit => '1',
            WordClass::Under => '_',
            WordClass::MidLetter => ':',
            WordClass::MidNum => ',',
            WordClass::MidNumLet => '.',
            WordClass::Other => '!',
        }
    }

    fn sentence_rep(c: SentenceClass) -> char {
        match c {
            SentenceClass::Cr => '\r',
            SentenceClass::Lf => '\n',
            SentenceClass::Sp => ' ',
            SentenceClass::Lower => 'a',
            SentenceClass::Upper => 'A',
            SentenceClass::Numeric => '1',
            SentenceClass::ATerm => '.',
            SentenceClass::STerm => '!',
            SentenceClass::Close => '"',
            SentenceClass::SContinue => '-',
            SentenceClass::Other => '#',
        }
    }

    /// Templates over `alphabet` plus the placeholder `X`: all strings of
    /// length 1 to 3, and strings of length 4 with one `X`.
    fn templates(alphabet: &[char]) -> Vec<Vec<char>> {
        let mut all: Vec<char> = alphabet.to_vec();
        all.push('X');
        let mut out = Vec::new();
        for &a in &all {
            out.push(vec![a]);
            for &b in &all {
                out.push(vec![a, b]);
                for &c in &all {
                    out.push(vec![a, b, c]);
                }
            }
        }
        for x in 0..4 {
            for &a in alphabet {
                for &b in alphabet {
                    for &c in alphabet {
                        let mut t = vec![a, b, c];
                        t.insert(x, 'X');
                        out.push(t);
                    }
                }
            }
        }
        out.retain(|t| t.contains(&'X'));
        out
    }

    fn fill(t: &[char], x: char) -> String {
        t.iter().map(|&c| if c == 'X' { x } else { c }).collect()
    }

    /// Lengths of the segments, in characters: the same for a template
    /// filled with a character and with its representative exactly when
    /// they segment alike.
    fn shape<'a>(segments: impl Iterator<Item = &'a str>, _x: char) -> Vec<usize> {
        segments.map(|s| s.chars().count()).collect()
    }

    fn known_non_ascii() -> Vec<(char, Known)> {
        (0x80u32..0x3000)
            .filter_map(char::from_u32)
            .filter_map(|c| classify(c).map(|k| (c, k)))
            .collect()
    }

    #[test]
    fn known_set_is_what_it_claims() {
        let known = known_non_ascii();
        assert!(known.len() > 300, "{}", known.len());
        for (c, k) in &known {
            assert_eq!(c.is_alphanumeric(), k.alnum, "{c:?}");
            let alone = c.to_string();
            assert_eq!(alone.unicode_words().count(), usize::from(k.alnum), "{c:?}");
        }
        for b in 0u8..128 {
            let c = char::from(b);
            let k = classify(c).expect("ASCII is known");
            assert_eq!(c.is_alphanumeric(), k.alnum, "{c:?}");
        }
    }

    #[test]
    fn find_non_ascii_finds_the_first_at_every_offset() {
        for len in [0usize, 1, 63, 64, 65, 127, 128, 200] {
            let ascii = vec![b'a'; len];
            for from in [0, 1, 7, 64].into_iter().filter(|&f| f <= len) {
                assert_eq!(find_non_ascii(&ascii, from), None, "{len} {from}");
                for at in from..len {
                    for high in [0x80u8, 0xC3, 0xFF] {
                        let mut bytes = ascii.clone();
                        bytes[at] = high;
                        if at + 1 < len {
                            bytes[len - 1] = 0xE2;
                        }
                        assert_eq!(find_non_ascii(&bytes, from), Some(at), "{len} {from} {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn latin_shortcut_is_exact() {
        for u in 0xC0u32..=0x17F {
            let c = char::from_u32(u).expect("scalar value");
            let expected = u != 0xD7 && u != 0xF7;
            assert_eq!(classify(c).is_some(), expected, "{c:?}");
            if expected {
                assert_eq!(classify(c).map(|k| k.word), Some(WordClass::Letter));
            }
        }
        assert_eq!(find_unknown("a×b", 0), Some((1, 2)));
        assert_eq!(find_unknown("aéb÷", 0), Some((4, 2)));
        assert_eq!(find_unknown("aéƻ", 0), Some((3, 2)));
        assert_eq!(find_unknown("aé’", 0), None);
    }

    #[test]
    fn known_chars_segment_words_like_their_class() {
        let alphabet = [
            'a', '1', '.', ',', ':', ';', '\'', '_', ' ', '\n', '\r', '"', '!', '\u{200d}',
            '\u{301}',
        ];
        let templates = templates(&alphabet);
        for (c, k) in known_non_ascii() {
            let rep = word_rep(k.word);
            for t in &templates {
                let with = fill(t, c);
                let like = fill(t, rep);
                assert_eq!(
                    shape(with.split_word_bounds(), c),
                    shape(like.split_word_bounds(), rep),
                    "{c:?} in {with:?}"
                );
            }
        }
    }

    #[test]
    fn known_chars_segment_sentences_like_their_class() {
        let alphabet = [
            'a', 'A', '1', '.', '!', '"', ' ', '\n', '\r', '-', '#', '\u{301}',
        ];
        let templates = templates(&alphabet);
        for (c, k) in known_non_ascii() {
            let rep = sentence_rep(k.sentence);
            for t in &templates {
                let with = fill(t, c);
                let like = fill(t, rep);
                assert_eq!(
                    shape(with.split_sentence_bounds(), c),
                    shape(like.split_sentence_bounds(), rep),
                    "{c:?} in {with:?}"
                );
            }
        }
    }

    #[test]
    fn ascii_classes_match_the_full_algorithm() {
        // Each ASCII byte behaves like the representative of its class.
        let word_alphabet = ['a', '1', '.', ',', ':', '_', ' ', '!', '\''];
        let word_templates = templates(&word_alphabet);
        let sentence_alphabet = ['a', 'A', '1', '.', '!', '"', ' ', '\n', '-', '#'];
        let sentence_templates = templates(&sentence_alphabet);
        for b in 0u8..128 {
            let c = char::from(b);
            if matches!(c, '\r' | '\n' | '\u{b}' | '\u{c}' | ' ' | '"' | '\t') {
                // Line breaks and spaces are their own classes for words,
                // but never join anything, which the differential tests
                // cover.
            } else {
                let rep = word_rep(ASCII_WORD[usize::from(b)]);
                for t in &word_templates {
                    assert_eq!(
                        shape(fill(t, c).split_word_bounds(), c),
                        shape(fill(t, rep).split_word_bounds(), rep),
                        "{c:?}"
                    );
                }
            }
            if !matches!(c, '\u{b}' | '\u{c}' | '\t') {
                let rep = sentence_rep(ASCII_SENTENCE[usize::from(b)]);
                for t in &sentence_templates {
                    assert_eq!(
                        shape(fill(t, c).split_sentence_bounds(), c),
                        shape(fill(t, rep).split_sentence_bounds(), rep),
                        "{c:?}"
                    );
                }
            }
        }
    }
}
