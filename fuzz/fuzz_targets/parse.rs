//! Bytes -> decode (strict, else lossy) -> lenient and strict parse.
//!
//! Asserts: the decoders agree; every non-whitespace character belongs to
//! exactly one block or the header; spans are in bounds and on char
//! boundaries; the canonical form is a fixed point of render(parse(_));
//! the strict parser agrees with the lenient diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    corpus_fuzz::format::check_bytes(data);
});
