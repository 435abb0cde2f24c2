//! Blocks: the headings and paragraphs of a document body, and their lines.

use std::borrow::Cow;

use serde::{Serialize, Serializer, ser::SerializeStruct};

use crate::Span;

/// Whether a block is a heading or a paragraph (FORMAT.md, "Blocks").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A short single line that does not end like a sentence and is not the
    /// last block.
    Heading,
    /// Every other block.
    Paragraph,
}

/// One heading or paragraph, borrowed from the source text.
///
/// Serializes as `{"kind", "start", "end", "text"}` with `text` from
/// [`Block::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    kind: BlockKind,
    span: Span,
    raw: &'a str,
}

impl<'a> Block<'a> {
    pub(crate) fn new(kind: BlockKind, span: Span, raw: &'a str) -> Block<'a> {
        Block { kind, span, raw }
    }

    pub(crate) fn set_kind(&mut self, kind: BlockKind) {
        self.kind = kind;
    }

    /// Heading or paragraph.
    #[must_use]
    pub fn kind(&self) -> BlockKind {
        self.kind
    }

    /// The block's bytes in the source: from the first non-whitespace
    /// character of its first line to the last one of its last line.
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The block's source text as written, soft line breaks (`\n`, `\r\n`
    /// or `\r`) and all.
    #[must_use]
    pub fn as_str(&self) -> &'a str {
        self.raw
    }

    /// Whether the block has more than one line.
    #[must_use]
    pub fn is_multiline(&self) -> bool {
        memchr::memchr2(b'\n', b'\r', self.raw.as_bytes()).is_some()
    }

    /// The block's lines, each trimmed of surrounding whitespace.
    #[must_use]
    pub fn lines(&self) -> Lines<'a> {
        Lines(self.line_indices())
    }

    /// The block's lines with the byte offset of each in the source.
    #[must_use]
    pub fn line_indices(&self) -> LineIndices<'a> {
        LineIndices {
            raw: RawLines::new(self.raw),
            base: self.span.start,
        }
    }

    /// The block's text: its lines joined by one space.
    ///
    /// Borrowed from the source unless the block has soft breaks to join.
    ///
    /// # Example
    ///
    /// ```
    /// let doc = corpus_format::parse("First line\r\nsecond line.\n\nNext.");
    /// assert_eq!(doc.blocks()[0].text(), "First line second line.");
    /// assert_eq!(doc.blocks()[0].as_str(), "First line\r\nsecond line.");
    /// ```
    #[must_use]
    pub fn text(&self) -> Cow<'a, str> {
        if !self.is_multiline() {
            return Cow::Borrowed(self.raw);
        }
        let mut out = String::with_capacity(self.raw.len());
        for (i, line) in self.lines().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(line);
        }
        Cow::Owned(out)
    }

    /// Writes the block in canonical form: its lines joined by `\n`.
    pub(crate) fn write_canonical(&self, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        for (i, line) in self.lines().enumerate() {
            if i > 0 {
                out.write_char('\n')?;
            }
            out.write_str(line)?;
        }
        Ok(())
    }
}

impl Serialize for Block<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Block", 4)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("start", &self.span.start)?;
        s.serialize_field("end", &self.span.end)?;
        s.serialize_field("text", &self.text())?;
        s.end()
    }
}

/// Iterator over a block's trimmed lines; see [`Block::lines`].
#[derive(Debug, Clone)]
pub struct Lines<'a>(LineIndices<'a>);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.0.next().map(|(_, line)| line)
    }
}

/// Iterator over a block's trimmed lines and their source offsets; see
/// [`Block::line_indices`].
#[derive(Debug, Clone)]
pub struct LineIndices<'a> {
    raw: RawLines<'a>,
    base: usize,
}

impl<'a> Iterator for LineIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            let line = self.raw.next()?;
            let (start, end) = trim_span(self.raw.text, line.start, line.end);
            if start < end {
                return Some((self.base + start, &self.raw.text[start..end]));
            }
        }
    }
}

/// A line of a text: its content `start..end` and where the next one starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawLine {
    pub start: usize,
    pub end: usize,
}

/// Splits a text at `\n`, `\r\n` and lone `\r`. A text that ends with a line
/// break has no empty line after it.
#[derive(Debug, Clone)]
pub(crate) struct RawLines<'a> {
    pub text: &'a str,
    pos: usize,
}

impl<'a> RawLines<'a> {
    pub fn new(text: &'a str) -> RawLines<'a> {
        RawLines { text, pos: 0 }
    }
}

impl Iterator for RawLines<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(found) => {
                let end = start + found;
                self.pos = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                Some(RawLine { start, end })
            }
            None => {
                self.pos = bytes.len();
                Some(RawLine {
                    start,
                    end: bytes.len(),
                })
            }
        }
    }
}

/// `start..end` of `text` without leading and trailing whitespace.
pub(crate) fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let line = &text[start..end];
    // Most lines start and end with a visible ASCII character.
    if let (Some(first), Some(last)) = (line.bytes().next(), line.bytes().next_back())
        && first.is_ascii_graphic()
        && last.is_ascii_graphic()
    {
        return (start, end);
    }
    let trimmed_start = line.trim_start();
    let s = start + (line.len() - trimmed_start.len());
    let e = s + trimmed_start.trim_end().len();
    (s, e)
}

/// Most words a heading may have.
pub const HEADING_MAX_WORDS: usize = 12;

/// Whether a one-line block that is not the last one reads as a heading.
///
/// At most [`HEADING_MAX_WORDS`] words; does not end with `.`, `!`, `?`, `:`,
/// `;`, `,` or `…` once closing quotes and brackets are set aside; starts with
/// an upper-case letter or a digit once opening quotes and brackets are set
/// aside (so `“Axis of Resistance” Grows` is a heading).
pub(crate) fn reads_as_heading(line: &str) -> bool {
    let b = line.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    // Most lines start and end with ASCII that is neither a quote nor a
    // bracket: the first and last characters are those bytes.
    let plain = |c: u8| {
        c.is_ascii() && !matches!(c, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}')
    };
    if plain(first) && plain(last) {
        if !(first.is_ascii_uppercase() || first.is_ascii_digit())
            || matches!(last, b'.' | b'!' | b'?' | b':' | b';' | b',')
        {
            return false;
        }
    } else if !starts_and_ends_like_heading(line) {
        return false;
    }
    if b.is_ascii() {
        // ASCII whitespace is all the whitespace there is.
        let mut words = 0;
        let mut in_word = false;
        for &c in b {
            let space = c.is_ascii_whitespace() || c == 0x0b;
            if !space && !in_word {
                words += 1;
                if words > HEADING_MAX_WORDS {
                    return false;
                }
            }
            in_word = !space;
        }
        return true;
    }
    line.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
}

/// The first and last tests of [`reads_as_heading`], character by
/// character.
fn starts_and_ends_like_heading(line: &str) -> bool {
    const OPENING: &[char] = &['"', '\'', '“', '‘', '«', '‹', '(', '[', '{'];
    const CLOSING: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
    let Some(first) = line.trim_start_matches(OPENING).chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    let last = line.trim_end_matches(CLOSING).chars().next_back();
    !matches!(last, None | Some('.' | '!' | '?' | ':' | ';' | ',' | '…'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, usize)> {
        RawLines::new(text).map(|l| (l.start, l.end)).collect()
    }

    #[test]
    fn raw_lines_split_every_ending() {
        assert_eq!(lines(""), vec![]);
        assert_eq!(lines("a"), vec![(0, 1)]);
        assert_eq!(lines("a\n"), vec![(0, 1)]);
        assert_eq!(lines("a\nb"), vec![(0, 1), (2, 3)]);
        assert_eq!(lines("a\r\nb\r\n"), vec![(0, 1), (3, 4)]);
        assert_eq!(lines("a\rb\r\rc"), vec![(0, 1), (2, 3), (4, 4), (5, 6)]);
        assert_eq!(lines("\n\n"), vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn heading_rule() {
        for yes in [
            "Day of Coordinated Resistance",
            "Looking Ahead",
            "2024 in Review",
            "“Axis of Resistance” Grows",
            "One two three four five six seven eight nine ten eleven twelve",
        ] {
            assert!(reads_as_heading(yes), "{yes}");
        }
        for no in [
            "looking ahead",
            "Looking ahead.",
            "What Next?",
            "Note:",
            "He said “Stop.”",
            "Wait…",
            "One two three four five six seven eight nine ten eleven twelve thirteen",
            "",
            "«",
        ] {
            assert!(!reads_as_heading(no), "{no}");
        }
    }

    /// The rule as first written, character by character.
    fn reads_as_heading_naive(line: &str) -> bool {
        const OPENING: &[char] = &['"', '\'', '“', '‘', '«', '‹', '(', '[', '{'];
        const CLOSING: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
        let Some(first) = line.trim_start_matches(OPENING).chars().next() else {
            return false;
        };
        if !(first.is_uppercase() || first.is_ascii_digit()) {
            return false;
        }
        let last = line.trim_end_matches(CLOSING).chars().next_back();
        if matches!(last, None | Some('.' | '!' | '?' | ':' | ';' | ',' | '…')) {
            return false;
        }
        line.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
    }

    proptest::proptest! {
        #[test]
        fn heading_rule_agrees_with_its_definition(
            line in "[\"'“”«»()\\[\\]{}A-Za-zÉé0-9 \t\u{0b}\u{0c}\u{a0}\u{2003}.,!?:;…-]{0,60}",
        ) {
            proptest::prop_assert_eq!(reads_as_heading(&line), reads_as_heading_naive(&line), "{:?}", line);
        }

        #[test]
        fn trimmed_spans_are_those_of_trim(
            text in "[ \t\u{0b}\u{a0}\u{2003}a.é\u{1}]{0,12}",
            a in 0usize..13,
            b in 0usize..13,
        ) {
            let (start, end) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            proptest::prop_assume!(text.is_char_boundary(start) && text.is_char_boundary(end));
            let (s, e) = trim_span(&text, start, end);
            proptest::prop_assert_eq!(&text[s..e], text[start..end].trim());
            proptest::prop_assert!(start <= s && s <= e && e <= end);
        }

        #[test]
        fn heading_rule_agrees_on_short_ascii_words(
            words in proptest::collection::vec("[A-Za-z0-9\"(]{1,3}", 0..16),
            seps in proptest::collection::vec("[ \t\u{0b}\u{0c}\r]{1,2}", 16),
            end in "[.:!?a-z\")\u{0}]?",
        ) {
            let mut line = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                line.push_str(w);
                line.push_str(sep);
            }
            line.push_str(&end);
            proptest::prop_assert_eq!(reads_as_heading(&line), reads_as_heading_naive(&line), "{:?}", line);
        }
    }
}
