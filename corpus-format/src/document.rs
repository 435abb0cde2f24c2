//! The parsed document, the lenient and strict parsers, and diagnostics.
//!
//! Parsing is one pass over the lines of the body (memchr finds the line
//! breaks), collecting runs of non-blank lines. How runs become blocks
//! depends on the whole body: with at least one blank line *between* two
//! non-blank lines, each run is a block (its inner line breaks are soft);
//! otherwise every non-blank line is its own block. Blank lines before the
//! first or after the last non-blank line separate nothing and do not count.

use std::fmt;

use chrono::NaiveDate;
use serde::{Serialize, Serializer, ser::SerializeStruct};

use crate::{
    Span,
    block::{Block, BlockKind, RawLines, reads_as_heading, trim_span},
    error::{HeaderProblem, ParseError, line_column},
    header::{self, Header, HeaderScan},
};

/// What the lenient parser noticed and worked around.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The file starts like a date header but is not a valid one; its bytes
    /// were kept as ordinary text.
    InvalidHeader,
}

/// A problem the lenient parser worked around, with the bytes it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// The bytes concerned, in the decoded text.
    pub span: Span,
    /// The first byte that is wrong (inside or at the end of `span`).
    pub offset: usize,
    /// What exactly is wrong with the header.
    pub problem: HeaderProblem,
}

impl Diagnostic {
    /// A one-line description.
    #[must_use]
    pub fn message(&self) -> &'static str {
        self.problem.describe()
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Diagnostic", 4)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("start", &self.span.start)?;
        s.serialize_field("end", &self.span.end)?;
        s.serialize_field("message", self.message())?;
        s.end()
    }
}

/// A parsed article, borrowing its source text.
///
/// `Display` writes the canonical form of FORMAT.md ("Round trip").
/// Serializes as `{"date", "header": {"start", "end"} | null, "blocks",
/// "diagnostics"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    source: &'a str,
    header: Option<Header>,
    blocks: Vec<Block<'a>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Document<'a> {
    /// The text the document was parsed from.
    #[must_use]
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The date header, when the file has a valid one.
    #[must_use]
    pub fn header(&self) -> Option<&Header> {
        self.header.as_ref()
    }

    /// The document's date, from its header.
    #[must_use]
    pub fn date(&self) -> Option<NaiveDate> {
        self.header.map(|h| h.date)
    }

    /// The headings and paragraphs, in order.
    #[must_use]
    pub fn blocks(&self) -> &[Block<'a>] {
        &self.blocks
    }

    /// The problems the lenient parser worked around.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The headings, in order.
    pub fn headings(&self) -> impl Iterator<Item = &Block<'a>> {
        self.blocks
            .iter()
            .filter(|b| b.kind() == BlockKind::Heading)
    }

    /// The paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block<'a>> {
        self.blocks
            .iter()
            .filter(|b| b.kind() == BlockKind::Paragraph)
    }
}

impl fmt::Display for Document<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(header) = self.header {
            crate::render::write_header(f, header.date)?;
        }
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            block.write_canonical(f)?;
        }
        Ok(())
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Document", 4)?;
        s.serialize_field("date", &self.date())?;
        s.serialize_field("header", &self.header.map(|h| h.span))?;
        s.serialize_field("blocks", &self.blocks)?;
        s.serialize_field("diagnostics", &self.diagnostics)?;
        s.end()
    }
}

/// Parses a document leniently: never fails, never panics.
///
/// A header that looks like one but is not valid stays in the text and is
/// reported in [`Document::diagnostics`].
///
/// # Example
///
/// ```
/// use corpus_format::{BlockKind, parse};
///
/// let doc = parse(" date 2024-03-26 Drones struck twice.\n\nLooking Ahead\n\nMore soon.");
/// assert_eq!(doc.date().map(|d| d.to_string()).as_deref(), Some("2024-03-26"));
/// let kinds: Vec<_> = doc.blocks().iter().map(|b| b.kind()).collect();
/// assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Heading, BlockKind::Paragraph]);
/// assert_eq!(doc.to_string(), " date 2024-03-26 Drones struck twice.\n\nLooking Ahead\n\nMore soon.");
/// ```
#[must_use]
pub fn parse(source: &str) -> Document<'_> {
    let (header, diagnostic, body_start) = match header::scan(source) {
        HeaderScan::Absent => (None, None, 0),
        HeaderScan::Valid(h) => (Some(h), None, h.span.end),
        HeaderScan::Invalid {
            problem,
            span,
            offset,
        } => (
            None,
            Some(Diagnostic {
                kind: DiagnosticKind::InvalidHeader,
                span,
                offset,
                problem,
            }),
            0,
        ),
    };
    Document {
        source,
        header,
        blocks: blocks(source, body_start),
        diagnostics: diagnostic.into_iter().collect(),
    }
}

/// Parses a document strictly: a header that looks like one but is not
/// valid is an error.
///
/// # Errors
///
/// [`ParseError::InvalidHeader`] with the byte offset, line and column of
/// the first wrong byte.
///
/// # Example
///
/// ```
/// use corpus_format::{ParseError, parse_strict};
///
/// let err = parse_strict(" date 2024-02-30 Text").unwrap_err();
/// assert!(matches!(err, ParseError::InvalidHeader { offset: 6, line: 1, column: 7, .. }));
/// assert_eq!(parse_strict(" date 2024-02-29 Text")?.blocks().len(), 1);
/// # Ok::<(), ParseError>(())
/// ```
pub fn parse_strict(source: &str) -> Result<Document<'_>, ParseError> {
    let doc = parse(source);
    match doc.diagnostics.first() {
        None => Ok(doc),
        Some(d) => {
            let (line, column) = line_column(source, d.offset);
            Err(ParseError::InvalidHeader {
                problem: d.problem,
                offset: d.offset,
                line,
                column,
                found: source[d.span].to_owned(),
            })
        }
    }
}

/// Splits the body `source[body_start..]` into blocks.
fn blocks(source: &str, body_start: usize) -> Vec<Block<'_>> {
    let body = &source[body_start..];
    // Runs of non-blank lines, from the start of the first line's content
    // to the end of the last one's, and whether they have several lines.
    let mut runs: Vec<(Span, bool)> = Vec::new();
    let mut current: Option<(Span, bool)> = None;
    for line in RawLines::new(body) {
        let (s, e) = trim_span(body, line.start, line.end);
        if s == e {
            if let Some(run) = current.take() {
                runs.push(run);
            }
        } else {
            current = Some(match current {
                Some((run, _)) => (Span::new(run.start, e), true),
                None => (Span::new(s, e), false),
            });
        }
    }
    runs.extend(current);

    let block = |span: Span| Block::new(BlockKind::Paragraph, span.shift(body_start), &body[span]);
    let (mut blocks, multiline): (Vec<Block<'_>>, Vec<bool>) = if runs.len() >= 2 {
        runs.into_iter()
            .map(|(span, multiline)| (block(span), multiline))
            .unzip()
    } else {
        // No blank line between two non-blank lines: one block per line.
        runs.iter()
            .flat_map(|&(Span { start: s, end: e }, _)| {
                let run = &body[s..e];
                RawLines::new(run).filter_map(move |l| {
                    let (ls, le) = trim_span(run, l.start, l.end);
                    (ls < le).then(|| Span::new(s + ls, s + le))
                })
            })
            .map(|span| (block(span), false))
            .unzip()
    };
    // Every block but the last may be a heading.
    let last = blocks.len().saturating_sub(1);
    for (b, multiline) in blocks[..last].iter_mut().zip(multiline) {
        if !multiline && reads_as_heading(b.as_str()) {
            b.set_kind(BlockKind::Heading);
        }
    }
    blocks
}
