//! Cleaning of scraped news text (work in progress).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
