//! Regressions from fuzzing (`fuzz/`, targets `clean`, `pipeline` and
//! `alphabet`), one test per input found.

use corpus_clean::{Cleaner, apply_edits};
use corpus_format::parse;

/// The checks of the `clean` fuzz target on one input: the edits rebuild
/// the output, cleaning is idempotent, and the cleaned document renders to
/// text that parses back into the same date and blocks.
fn assert_clean_properties(input: &str) {
    let cleaner = Cleaner::default();
    let cleaned = cleaner.clean(input);
    assert_eq!(
        apply_edits(input, cleaned.edits()),
        cleaned.text(),
        "{input:?}"
    );
    assert!(
        !cleaner.clean(cleaned.text()).is_changed(),
        "not idempotent on {input:?}"
    );

    let clean = cleaner.clean_document(&parse(input));
    let rendered = clean.render();
    let again = parse(&rendered);
    assert_eq!(
        again.date(),
        clean.date,
        "{input:?} renders as {rendered:?}"
    );
    let blocks: Vec<String> = again
        .blocks()
        .iter()
        .map(|b| b.lines().collect::<Vec<_>>().join("\n"))
        .collect();
    let expected: Vec<&str> = clean.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(blocks, expected, "{input:?} renders as {rendered:?}");
}

/// A control character before the header keyword hides the header from the
/// parser (`\0` is not whitespace), so the document has no date and its
/// first block starts with `\0date 2024-03-26`. Cleaning removes the
/// control character, and the rendering then starts with a header: the
/// cleaned document parses back with a date it did not have, and its first
/// block loses `date 2024-03-26`.
#[test]
#[ignore = "open: clean_document must take (or neutralize) a header that cleaning reveals"]
fn fuzz_clean_control_char_before_header() {
    assert_clean_properties("\0date 2024-03-26 In a bold declaration.");
    assert_clean_properties("\u{1e}date 2024-03-26 In a bold declaration.");
    assert_clean_properties("\u{200b}date 2024-03-26 In a bold declaration.");
}

/// The same with the control character inside the date: `date 2024\0-03-26`
/// is a malformed header (a diagnostic), and becomes a valid one once
/// cleaned.
#[test]
#[ignore = "open: clean_document must take (or neutralize) a header that cleaning reveals"]
fn fuzz_clean_control_char_inside_header_date() {
    assert_clean_properties(" date 2024\0-03-26 In a bold declaration.");
}

/// Controls elsewhere in the first line are removed without side effects.
#[test]
fn fuzz_clean_control_chars_after_a_valid_header() {
    assert_clean_properties(" date 2024-03-26 \0In a \u{1e}bold declaration.\n\nNext\0.");
    assert_clean_properties("\0\u{1e}");
    assert_clean_properties("x\n\n\0date 2024-03-26 second block");
}
