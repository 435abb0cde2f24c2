//! Parser of the corpus article file format (work in progress).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod span;

pub use span::Span;
