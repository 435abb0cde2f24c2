//! Cleaning and Unicode normalization of scraped news text, with a report of
//! every edit.
//!
//! Scraped text arrives damaged: mojibake (`Israelâ€™s`), HTML entities,
//! no-break and zero-width spaces, control characters, decomposed accents,
//! runs of spaces, and scraper trailers such as `CONTINUE FULL READING>>>>>`
//! glued to the last sentence. A [`Cleaner`] repairs all of it, leaves what
//! is already right alone (then returning the input borrowed, without
//! allocating), and lists every change as an [`Edit`] with its [`EditKind`],
//! its byte [`Span`] in the input and its replacement.
//!
//! ```
//! use corpus_clean::{Cleaner, EditKind, apply_edits};
//!
//! let cleaner = Cleaner::builder().boilerplate_phrase("Watch the video").build()?;
//! let input = "Qatarâ€™s envoy met the\u{a0}delegation &amp; left.CONTINUE FULL READING>>>>>";
//! let cleaned = cleaner.clean(input);
//! assert_eq!(cleaned.text(), "Qatar’s envoy met the delegation & left.");
//! let kinds: Vec<EditKind> = cleaned.edits().iter().map(|e| e.kind).collect();
//! assert_eq!(
//!     kinds,
//!     [EditKind::Mojibake, EditKind::Space, EditKind::HtmlEntity, EditKind::Boilerplate]
//! );
//! assert_eq!(&input[cleaned.edits()[0].span], "â€™");
//! assert_eq!(apply_edits(input, cleaned.edits()), cleaned.text());
//!
//! // Text that is already right comes back borrowed.
//! let good = Cleaner::default().clean("Café in Zürich, “quoted”.");
//! assert!(matches!(good.text, std::borrow::Cow::Borrowed(_)));
//! # Ok::<(), corpus_clean::CleanerError>(())
//! ```
//!
//! # Steps, in order
//!
//! Each step can be switched off with the [`CleanerBuilder`].
//!
//! 1. **HTML entities** ([`EditKind::HtmlEntity`]): named and numeric
//!    references, `&amp` and other legacy names without `;`, all-capital
//!    names (`&AMP;`), doubly escaped `&amp;amp;`.
//! 2. **Mojibake** ([`EditKind::Mojibake`]): UTF-8 decoded as Windows-1252,
//!    Latin-1 or another single-byte code page, once or several times, fixed
//!    line by line only where a badness heuristic finds sequences real text
//!    does not have; leftover C1 controls read as Windows-1252.
//! 3. **Control, invisible, spaces** ([`EditKind::Control`],
//!    [`EditKind::Invisible`], [`EditKind::Space`]): control characters
//!    (but tab and line breaks) and invisible ones removed, odd spaces made
//!    spaces.
//! 4. **Normalization** ([`EditKind::Normalization`]): NFC (default) or NFKC.
//! 5. **Typography** ([`EditKind::Typography`], off by default): curly
//!    quotes, dashes and ellipsis to ASCII.
//! 6. **Boilerplate** ([`EditKind::Boilerplate`]): [`BUILTIN_PHRASES`] and
//!    added phrases, at the end of a line after a sentence or alone on it.
//! 7. **Whitespace** ([`EditKind::Whitespace`]): `\r\n` and `\r` to `\n`,
//!    runs of spaces collapsed inside a line, spaces at line ends trimmed.
//!
//! The pipeline runs again on its own output while that changes anything
//! (at most four passes), so cleaning is idempotent:
//! `clean(clean(x)) == clean(x)`. When a later step changes what an earlier
//! one wrote (`&nbsp;` → no-break space → space), the two become one edit
//! of the earlier kind.
//!
//! # Offsets
//!
//! [`apply_edits`] rebuilds the output from the input and the edits;
//! [`Cleaned::input_offset`] and [`Cleaned::input_span`] map offsets and
//! spans of the output back to the input (a span that cuts through a
//! replacement grows to cover all of it), so that what is found in cleaned
//! text can be shown in the original.
//!
//! # Documents
//!
//! [`Cleaner::clean_document`] cleans a parsed [`corpus_format::Document`]
//! block by block and line by line, keeping the block structure: soft breaks
//! of any style become `\n`, a block left empty is dropped and reported as
//! an [`EditKind::EmptyBlock`] edit, and [`CleanDocument::render`] and
//! [`CleanDocument::body`] give the canonical form and the cleaned body.
//!
//! # Speed
//!
//! A quick scan returns clean ASCII text untouched at several GB/s; a
//! settled test made of the checks each step starts with returns other
//! clean text (curly quotes, accents, other scripts) untouched at about
//! 2 GB/s. Long texts are cleaned in chunks of whole lines, cut only where
//! that gives the same edits as cleaning whole, and each step skips what it
//! cannot change by its bytes. The work is linear in the input: every scan
//! is single-pass with bounded look-around, and repair rounds per line are
//! bounded.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod badness;
mod boilerplate;
mod chars;
mod cleaner;
mod codepage;
mod document;
mod edit;
mod entity;
mod mojibake;
mod normalize;
mod scan;
mod typography;
mod whitespace;

pub use boilerplate::BUILTIN_PHRASES;
pub use cleaner::{Cleaned, Cleaner, CleanerBuilder, CleanerError};
pub use corpus_format::Span;
pub use document::{CleanBlock, CleanDocument};
pub use edit::{Edit, EditKind, apply_edits, map_output_offset};
pub use normalize::Normalization;

/// The README's example, run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
