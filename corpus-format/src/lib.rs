//! Parser of the corpus article file format.
//!
//! A corpus is a folder of plain-text files, one scraped news article per
//! file. A file may start with a date header (` date 2024-03-26 `) on the same
//! line as the first paragraph; blank lines separate blocks, which are
//! headings or paragraphs. This crate decodes the bytes, parses the text into
//! a zero-copy [`Document`] whose every block keeps its byte [`Span`], and
//! renders the canonical form back.
//!
//! ```
//! use corpus_format::{BlockKind, decode, parse};
//!
//! let bytes = b" date 2024-03-26 Drones struck the base on March 26.\n\
//!               \n\
//!               Background of the Conflict\n\
//!               \n\
//!               The campaign began on October 7\nand goes on.";
//! let text = decode(bytes)?;
//! let doc = parse(text);
//! assert_eq!(doc.date().unwrap().to_string(), "2024-03-26");
//! assert_eq!(doc.blocks().len(), 3);
//! assert_eq!(doc.blocks()[1].kind(), BlockKind::Heading);
//! let last = &doc.blocks()[2];
//! assert_eq!(last.text(), "The campaign began on October 7 and goes on.");
//! assert_eq!(&text[last.span()], "The campaign began on October 7\nand goes on.");
//! # Ok::<(), corpus_format::DecodeError>(())
//! ```
//!
//! # Choices where FORMAT.md is silent
//!
//! - Whitespace is Unicode `White_Space`; lines end at `\n`, `\r\n` or a lone
//!   `\r`.
//! - Only a blank line *between* two non-blank lines of the body makes a
//!   document "one with a blank line"; blank lines at the very start or end
//!   separate nothing.
//! - A block's span runs from the first non-whitespace character of its first
//!   line to the last of its last line; its lines are trimmed, joined by one
//!   space for [`Block::text`] and by `\n` in the canonical form.
//! - The header span runs from offset 0 through the whitespace after the
//!   date, so the first block starts where it ends.
//! - A header "looks like one" when, after optional whitespace, the text
//!   starts with `date` in any case followed by `:` or by (blanks and) a
//!   digit. `date palms` is ordinary text. See [`HeaderProblem`].
//! - Heading test: opening quotes and brackets are set aside before the
//!   upper-case test, closing ones before the end-punctuation test; words are
//!   whitespace-separated.
//! - Strict errors give 1-based lines and 1-based columns counted in
//!   characters; offsets are bytes of the decoded text (after any BOM).
//!
//! # Speed
//!
//! See the crate README for the measured throughput and the command that
//! measures it.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod block;
mod decode;
mod document;
mod error;
mod file;
mod header;
mod render;
pub mod span;

pub use block::{Block, BlockKind, HEADING_MAX_WORDS, LineIndices, Lines};
pub use decode::{BOM, Lossy, decode, decode_lossy};
pub use document::{Diagnostic, DiagnosticKind, Document, parse, parse_strict};
pub use error::{DecodeError, Error, HeaderProblem, Limit, ParseError, line_column};
pub use file::{
    FileName, Files, FoundFile, FoundFiles, ReadOptions, SourceFile, read_dir, walk_dir,
};
pub use header::Header;
pub use render::render_canonical;
pub use span::Span;

/// The README's example, run as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
