//! Word, sentence and character counts that follow Unicode's rules.
//!
//! A **word** is a word segment of [UAX #29] that holds a letter or a digit
//! (a character with the Unicode `Alphabetic` property or of general
//! category `Number`): `Israel’s` and `32,700` are one word each,
//! `Al-Qassam` is two, `...` and `—` are none. A **sentence** is a sentence
//! segment of UAX #29 that holds a word. Both are exactly what
//! `unicode-segmentation` (Unicode 17) yields, filtered in the same way as
//! its `unicode_words` and `unicode_sentences`.
//!
//! The counters here are much faster than `unicode-segmentation` on news
//! text: they run the rules directly on ASCII and on the common non-ASCII
//! characters of news (Latin letters with diacritics, curly quotes, dashes,
//! the ellipsis, the no-break space), and hand only the stretch around any
//! other character to the full algorithm. The full algorithm is available
//! as [`count_words_reference`] and [`count_sentences_reference`], and the
//! results are identical (tested differentially on adversarial text).
//!
//! [UAX #29]: https://www.unicode.org/reports/tr29/

mod classify;
mod sentence;
mod word;

use serde::{Deserialize, Serialize};

/// Counts the words of `text`: UAX #29 word segments that hold a letter or
/// a digit.
///
/// Equal to [`count_words_reference`] on every input.
///
/// ```
/// use corpus_stats::count_words;
///
/// assert_eq!(count_words("Israel’s army said 32,700 people, e.g. in Al-Qassam."), 9);
/// assert_eq!(count_words("... — !"), 0);
/// ```
pub fn count_words(text: &str) -> u64 {
    word::count(text)
}

/// Counts words with `unicode-segmentation`'s full algorithm
/// (`unicode_words().count()`), the reference for [`count_words`].
pub fn count_words_reference(text: &str) -> u64 {
    word::reference(text) as u64
}

/// Counts the sentences of `text`: UAX #29 sentence segments (as
/// `unicode-segmentation`'s `split_sentence_bounds`) that hold a letter or a
/// digit.
///
/// Equal to [`count_sentences_reference`] on every input. Note that UAX #29
/// breaks after any `.` followed by spaces and an upper-case letter, so
/// `Mr. Smith` is two sentences (but `U.S. forces` is one), and that every
/// line break (LF, CR or CRLF) ends a sentence, so pass paragraphs with
/// their soft line breaks joined by spaces.
///
/// ```
/// use corpus_stats::count_sentences;
///
/// assert_eq!(count_sentences("It rained. “Why?” she asked.\nNext line"), 4);
/// assert_eq!(count_sentences("U.S. forces left at 3.5 p.m. today."), 1);
/// ```
pub fn count_sentences(text: &str) -> u64 {
    sentence::count(text)
}

/// Counts sentences with `unicode-segmentation`'s full algorithm
/// (`unicode_sentences().count()`), the reference for [`count_sentences`].
pub fn count_sentences_reference(text: &str) -> u64 {
    sentence::reference(text) as u64
}

/// Counts the characters (Unicode scalar values) of `text`.
pub fn count_chars(text: &str) -> u64 {
    // Every character has exactly one byte that is not a continuation byte.
    text.bytes().filter(|&b| (b as i8) >= -0x40).count() as u64
}

/// The words of `text`, in order: the same as `unicode-segmentation`'s
/// `unicode_words`, with the fast path of [`count_words`].
///
/// ```
/// use corpus_stats::words;
///
/// let found: Vec<&str> = words("U.S. e-mail: 3.5% of “Israel’s” …").collect();
/// assert_eq!(found, ["U.S", "e", "mail", "3.5", "of", "Israel’s"]);
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words {
        inner: word_indices(text),
    }
}

/// The words of `text` with their byte offsets: the same as
/// `unicode-segmentation`'s `unicode_word_indices`.
///
/// ```
/// use corpus_stats::word_indices;
///
/// let found: Vec<(usize, &str)> = word_indices("A café’s 2,000 seats").collect();
/// assert_eq!(found, [(0, "A"), (2, "café’s"), (12, "2,000"), (18, "seats")]);
/// ```
pub fn word_indices(text: &str) -> WordIndices<'_> {
    WordIndices {
        text,
        pos: 0,
        fast_end: 0,
        window: None,
        pending: None,
    }
}

/// Iterator over the words of a text; see [`words`].
///
/// The lifetime `'a` is that of the text: each word borrows from it.
#[derive(Debug)]
pub struct Words<'a> {
    inner: WordIndices<'a>,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.inner.next().map(|(_, w)| w)
    }
}

impl std::iter::FusedIterator for Words<'_> {}

/// Iterator over the words of a text with their byte offsets; see
/// [`word_indices`].
///
/// The lifetime `'a` is that of the text: each word borrows from it.
#[derive(Debug)]
pub struct WordIndices<'a> {
    text: &'a str,
    /// Next position to scan in the current fast region.
    pos: usize,
    /// End of the current fast region.
    fast_end: usize,
    /// The window being read with the full algorithm, and its offset.
    window: Option<(usize, unicode_segmentation::UnicodeWordIndices<'a>)>,
    /// The window that follows the current fast region.
    pending: Option<(usize, usize)>,
}

impl<'a> Iterator for WordIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        use unicode_segmentation::UnicodeSegmentation;
        loop {
            if let Some((base, iter)) = &mut self.window {
                if let Some((i, w)) = iter.next() {
                    return Some((*base + i, w));
                }
                self.window = None;
            }
            if self.pos < self.fast_end {
                match word::next_in_region(self.text, self.pos, self.fast_end) {
                    Some((s, e)) => {
                        self.pos = e;
                        if let Some(w) = self.text.get(s..e) {
                            return Some((s, w));
                        }
                    }
                    None => self.pos = self.fast_end,
                }
                continue;
            }
            if let Some((left, right)) = self.pending.take() {
                let piece = self.text.get(left..right).unwrap_or("");
                self.window = Some((left, piece.unicode_word_indices()));
                self.pos = right;
                self.fast_end = right;
                continue;
            }
            if self.pos >= self.text.len() {
                return None;
            }
            let (fast_end, window) = word::plan(self.text, self.pos);
            self.fast_end = fast_end;
            self.pending = window;
        }
    }
}

impl std::iter::FusedIterator for WordIndices<'_> {}

/// Words, sentences, characters and bytes of one text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextCounts {
    /// Words, as [`count_words`].
    pub words: u64,
    /// Sentences, as [`count_sentences`].
    pub sentences: u64,
    /// Unicode scalar values.
    pub chars: u64,
    /// Bytes of UTF-8.
    pub bytes: u64,
}

impl TextCounts {
    /// Counts everything in `text`.
    ///
    /// ```
    /// use corpus_stats::TextCounts;
    ///
    /// let c = TextCounts::of("Prices rose 3.5%. Café owners sighed.");
    /// assert_eq!((c.words, c.sentences, c.chars, c.bytes), (6, 2, 37, 38));
    /// ```
    pub fn of(text: &str) -> TextCounts {
        TextCounts {
            words: count_words(text),
            sentences: count_sentences(text),
            chars: count_chars(text),
            bytes: text.len() as u64,
        }
    }
}
