//! Bytes -> lossy decode -> the default cleaner, on raw text and on the
//! parsed document.
//!
//! Asserts: the edits are sorted, non-overlapping, on char boundaries and
//! reproduce the output; cleaning is idempotent; the output is NFC with
//! `\n` line breaks, no space at a line end and no zero-width character;
//! the cleaned document renders to text that parses into the same blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = corpus_format::decode_lossy(data).text;
    corpus_fuzz::clean::check_text(&text);
});
