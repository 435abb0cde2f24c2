//! Cleaning a parsed [`Document`], block by block.

use chrono::NaiveDate;
use corpus_format::{BlockKind, Document, Span, render_canonical};
use serde::Serialize;

use crate::cleaner::Cleaner;
use crate::edit::{Edit, EditKind};

/// One cleaned block of a [`CleanDocument`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CleanBlock {
    /// Heading or paragraph, as parsed.
    pub kind: BlockKind,
    /// The block's span in the document source.
    #[serde(flatten)]
    pub span: Span,
    /// The cleaned text; soft breaks are `\n`, whatever their style was.
    pub text: String,
}

/// A cleaned document: owned, with its blocks and every edit.
///
/// Built by [`Cleaner::clean_document`]. Each line of each block
/// ([`Block::line_indices`](corpus_format::Block::line_indices), trimmed) is
/// cleaned on its own, and the lines are joined by `\n`, so line breaks of
/// any style become `\n`. In documents the cleaner also removes whitespace
/// that cleaning leaves at the start of a line, so that the canonical
/// rendering parses back into the same blocks.
///
/// - A line that is empty after cleaning (a trailer alone on its line) is
///   left out of its block; its edits stay in [`edits`](Self::edits).
/// - A block that is empty after cleaning is dropped: its own edits are
///   replaced by one edit of kind [`EditKind::EmptyBlock`] spanning the
///   whole block, with an empty replacement.
/// - A document without a header whose first block, once cleaned, starts
///   with a valid header (a control character hid `date 2024-03-26` from
///   the parser) gets that header: [`date`](Self::date) is set and the
///   header text leaves the block (the block is dropped if nothing is
///   left), so that the rendering parses back into the same date and
///   blocks. The edits that revealed it stay as they are.
///
/// Edit spans are byte offsets in the document source (the text given to
/// [`corpus_format::parse`]), sorted and non-overlapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CleanDocument {
    /// The header date, if the document has one.
    pub date: Option<NaiveDate>,
    /// The blocks kept, in order.
    pub blocks: Vec<CleanBlock>,
    /// Every edit, with spans in the document source.
    pub edits: Vec<Edit>,
}

impl CleanDocument {
    /// The canonical form (FORMAT.md, "Round trip"): the header, then the
    /// blocks separated by a blank line.
    #[must_use]
    pub fn render(&self) -> String {
        render_canonical(self.date, self.blocks.iter().map(|b| b.text.as_str()))
    }

    /// The cleaned body: the blocks joined by `"\n\n"`, without the header.
    /// Offsets computed by `corpus-stats` are offsets in this text.
    #[must_use]
    pub fn body(&self) -> String {
        render_canonical(None, self.blocks.iter().map(|b| b.text.as_str()))
    }

    /// Number of edits of `kind`.
    #[must_use]
    pub fn count(&self, kind: EditKind) -> usize {
        self.edits.iter().filter(|e| e.kind == kind).count()
    }
}

impl std::fmt::Display for CleanDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

/// When cleaning reveals a date header at the start of the first block (a
/// control character or zero-width space before `date 2024-03-26`, or
/// inside the date, hid it from the parser), takes it as the document's
/// header: its date is returned and its text leaves the block, so that the
/// canonical rendering parses back into the same date and blocks.
fn take_revealed_header(blocks: &mut Vec<CleanBlock>) -> Option<NaiveDate> {
    let first = blocks.first_mut()?;
    let parsed = corpus_format::parse(&first.text);
    let header = parsed.header()?;
    let (date, end) = (header.date, header.span.end);
    let rest = first.text.get(end..).unwrap_or("").trim_start().to_owned();
    if rest.is_empty() {
        blocks.remove(0);
    } else {
        first.text = rest;
    }
    Some(date)
}

impl Cleaner {
    /// Cleans a parsed document, keeping its blocks (see [`CleanDocument`]).
    ///
    /// ```
    /// use corpus_clean::{Cleaner, EditKind};
    ///
    /// let source = " date 2024-03-26 Israelâ€™s strikes\r\ngo on.\n\nShare this:\n\nEnd.";
    /// let doc = corpus_format::parse(source);
    /// let clean = Cleaner::default().clean_document(&doc);
    /// assert_eq!(clean.render(), " date 2024-03-26 Israel’s strikes\ngo on.\n\nEnd.");
    /// assert_eq!(clean.body(), "Israel’s strikes\ngo on.\n\nEnd.");
    /// assert_eq!(clean.count(EditKind::EmptyBlock), 1);
    /// ```
    #[must_use]
    pub fn clean_document(&self, doc: &Document<'_>) -> CleanDocument {
        let mut blocks = Vec::with_capacity(doc.blocks().len());
        let mut edits = Vec::new();
        for block in doc.blocks() {
            let mut text = String::with_capacity(block.as_str().len());
            let mut block_edits = Vec::new();
            for (offset, line) in block.line_indices() {
                let cleaned = self.clean_line(line);
                for mut e in cleaned.edits {
                    e.span = e.span.shift(offset);
                    block_edits.push(e);
                }
                if cleaned.text.is_empty() {
                    continue;
                }
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&cleaned.text);
            }
            if text.is_empty() {
                edits.push(Edit::new(EditKind::EmptyBlock, block.span(), ""));
                continue;
            }
            edits.append(&mut block_edits);
            blocks.push(CleanBlock {
                kind: block.kind(),
                span: block.span(),
                text,
            });
        }
        let mut date = doc.date();
        if date.is_none() {
            date = take_revealed_header(&mut blocks);
        }
        CleanDocument {
            date,
            blocks,
            edits,
        }
    }
}
