//! Every check of `parse`, `clean` and `stats`, on input mapped to a tiny
//! alphabet of tokens (`date`, digits, `-`, line breaks, month names,
//! qualifiers, entities, mojibake …) so that deep paths are reached fast.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = corpus_fuzz::alphabet::expand(data);
    corpus_fuzz::format::check_text(&text);
    corpus_fuzz::clean::check_text(&text);
    let doc = corpus_format::parse(&text);
    corpus_fuzz::stats::check_text(
        &text,
        doc.date().or(chrono::NaiveDate::from_ymd_opt(2024, 3, 26)),
    );
});
