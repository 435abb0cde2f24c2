//! Byte spans: half-open ranges of byte offsets into a text.

use std::ops::{Index, Range};

use serde::Serialize;

/// A half-open range `start..end` of byte offsets into a text.
///
/// Every item this workspace extracts (blocks, headers, edits, date mentions,
/// figures) carries a `Span` into the text it was found in, so that
/// `&text[span]` gives back exactly the bytes it was made from.
///
/// # Example
///
/// ```
/// use corpus_format::Span;
///
/// let text = "On March 24, strikes";
/// let span = Span::new(3, 11);
/// assert_eq!(&text[span], "March 24");
/// assert_eq!(span.len(), 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Makes the span `start..end`.
    ///
    /// # Panics
    ///
    /// Panics if `start > end`.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start after end");
        Span { start, end }
    }

    /// Number of bytes covered.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `offset` lies inside the span.
    #[must_use]
    pub const fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span moved `by` bytes to the right.
    #[must_use]
    pub const fn shift(self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// The span as a `Range<usize>`.
    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_and_converts() {
        let s = Span::from(2..5);
        assert_eq!(&"abcdefg"[s], "cde");
        assert_eq!(Range::from(s), 2..5);
        assert!(s.contains(2) && s.contains(4) && !s.contains(5));
        assert!(s.overlaps(Span::new(4, 9)) && !s.overlaps(Span::new(5, 9)));
        assert_eq!(s.shift(3), Span::new(5, 8));
        assert!(Span::new(3, 3).is_empty());
    }
}
