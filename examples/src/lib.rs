//! Shared plumbing of the example programs (work in progress).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
