//! Counts, date mentions and reported figures of cleaned news text, and
//! corpus totals that merge in any order.
//!
//! Everything here works on the cleaned body of an article (its blocks after
//! `corpus-clean`, joined by `"\n\n"`, without the header), and every
//! extracted item carries the exact source text and its byte [`Span`] in the
//! text it was found in.
//!
//! ```
//! use chrono::NaiveDate;
//! use corpus_stats::{CorpusStats, DateKind, DocStats, FigureKind, count_words, date_mentions, figures};
//!
//! let body = "On March 24, the ministry said over 32,000 people had been displaced.\n\n\
//!             Aid reached the north yesterday.";
//! let reference = NaiveDate::from_ymd_opt(2024, 3, 26);
//!
//! assert_eq!(count_words(body), 17);
//!
//! let dates: Vec<_> = date_mentions(body, reference).collect();
//! assert_eq!((dates[0].text, dates[0].kind), ("March 24", DateKind::Date));
//! assert_eq!(dates[1].value.unwrap().to_string(), "2024-03-25");
//!
//! let found: Vec<_> = figures(body).collect();
//! assert_eq!((found[0].text, found[0].kind, found[0].unit), ("32,000", FigureKind::Cardinal, Some("people")));
//!
//! let corpus: CorpusStats = [DocStats::from_text(body, 2, 0)].into_iter().collect();
//! assert_eq!((corpus.documents, corpus.words), (1, 17));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The modules:
//!
//! - [`count`]: words and sentences exactly as UAX #29, with a fast path
//!   for the characters of news text;
//! - [`date`]: date mentions resolved against the article's date;
//! - [`figure`]: cardinals, ordinals, percentages, money and vague amounts,
//!   with qualifiers and units;
//! - [`corpus`]: per-document and corpus totals whose merge is associative
//!   and commutative.
//!
//! Each module's documentation states its rules and the choices made where
//! `EXTRACTION.md` is silent; the crate README has the measured speed and
//! the scores on external test suites, with the commands that measure them.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod corpus;
pub mod count;
pub mod date;
pub mod figure;

pub use corpus::*;
pub use corpus_format::Span;
pub use count::*;
pub use date::*;
pub use figure::*;

/// The README's example, run as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
