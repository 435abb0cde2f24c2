//! Property checks shared by the fuzz targets.
//!
//! Each `check_*` function panics (through `assert!`) when a property of
//! the specs does not hold, so that libFuzzer records the input as a crash.
//! The same functions run over the seed documents in this crate's unit
//! tests, so a broken property shows up without a fuzzer too.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod alphabet;
pub mod clean;
pub mod format;
pub mod stats;
