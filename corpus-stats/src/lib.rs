//! Counts, date mentions and reported figures of cleaned news text
//! (work in progress).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod corpus;
pub mod count;
pub mod date;
pub mod figure;

pub use corpus::*;
pub use count::*;
pub use date::*;
pub use figure::*;
