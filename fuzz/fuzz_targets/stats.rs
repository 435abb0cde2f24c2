//! Bytes -> lossy decode -> counts, date mentions and figures.
//!
//! Asserts: word and sentence counts (and every word with its offset) equal
//! the full UAX #29 algorithm of `unicode-segmentation`; date mentions and
//! figures have spans in bounds, on char boundaries, in order, slicing to
//! their text; no figure overlaps a date mention.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = corpus_format::decode_lossy(data).text;
    corpus_fuzz::stats::check_text(&text, chrono::NaiveDate::from_ymd_opt(2024, 3, 26));
});
