//! Regressions from fuzzing (`fuzz/`, targets `clean`, `pipeline` and
//! `alphabet`), one test per input found.

use corpus_clean::{Cleaner, apply_edits};
use corpus_format::parse;

/// A block's text as `Block::text` gives it: trimmed, non-empty lines
/// joined by one space.
fn block_text(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The checks of the `clean` fuzz target on one input: the edits rebuild
/// the output, cleaning is idempotent, and the cleaned document renders to
/// text that parses back into the same date and blocks, which cleaning
/// leaves alone.
fn assert_clean_properties(cleaner: &Cleaner, input: &str) {
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
        .map(|b| b.text().into_owned())
        .collect();
    let expected: Vec<String> = clean.blocks.iter().map(|b| block_text(&b.text)).collect();
    assert_eq!(blocks, expected, "{input:?} renders as {rendered:?}");
    assert_eq!(
        cleaner.clean_document(&again).render(),
        rendered,
        "cleaning {rendered:?} again changed it"
    );
}

/// A control character or zero-width space before the header keyword hid
/// the header from the parser (`\0` is not whitespace), so the document had
/// no date and its first block started with `\0date 2024-03-26`. Cleaning
/// removed the character and the rendering then started with a header: the
/// cleaned document parsed back with a date it did not have.
#[test]
fn fuzz_clean_control_char_before_header() {
    let cleaner = Cleaner::default();
    for input in [
        "\0date 2024-03-26 In a bold declaration.",
        "\u{1e}date 2024-03-26 In a bold declaration.",
        "\u{200b}date 2024-03-26 In a bold declaration.",
        "\0date 2024-03-26",
        "\0date 2024-03-26\n\nLooking Ahead\n\nText.",
    ] {
        assert_clean_properties(&cleaner, input);
        let clean = cleaner.clean_document(&parse(input));
        assert_eq!(
            clean.date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-26"),
            "{input:?}"
        );
    }
}

/// The same with the control character inside the date: `date 2024\0-03-26`
/// is a malformed header (a diagnostic), and became a valid one once
/// cleaned.
#[test]
fn fuzz_clean_control_char_inside_header_date() {
    assert_clean_properties(
        &Cleaner::default(),
        " date 2024\0-03-26 In a bold declaration.",
    );
}

/// Controls elsewhere in the first line are removed without side effects.
#[test]
fn fuzz_clean_control_chars_after_a_valid_header() {
    let cleaner = Cleaner::default();
    assert_clean_properties(
        &cleaner,
        " date 2024-03-26 \0In a \u{1e}bold declaration.\n\nNext\0.",
    );
    assert_clean_properties(&cleaner, "\0\u{1e}");
    assert_clean_properties(&cleaner, "x\n\n\0date 2024-03-26 second block");
}

/// Input of the `pipeline` target: `���\r\0\r\r\u{7f}` is two blocks,
/// `���\r\0` and `\u{7f}`. With control removal off and `\u{7f}` as an added
/// boilerplate phrase, the second block empties and the first keeps its
/// soft break: a lone block whose canonical form must stay one block.
#[test]
fn fuzz_pipeline_lone_block_with_soft_break_after_an_emptied_block() {
    let cleaner = Cleaner::builder()
        .control(false)
        .spaces(false)
        .normalization(None)
        .typography(true)
        .boilerplate_phrase("\u{7f}")
        .boilerplate_phrase("")
        .boilerplate_phrase("\0kkakkk")
        .build()
        .unwrap();
    let input = "\u{fffd}\u{fffd}\u{fffd}\r\0\r\r\u{7f}";
    assert_clean_properties(&cleaner, input);
    let clean = cleaner.clean_document(&parse(input));
    assert_eq!(clean.blocks.len(), 1);
    assert_eq!(parse(&clean.render()).blocks().len(), 1);
}

/// Character references for line breaks (`&#10;`, `&NewLine;`) decode to
/// line breaks inside a line; two of them make a blank line inside the
/// cleaned block, which the canonical form leaves out.
#[test]
fn fuzz_clean_entity_line_breaks_inside_a_block() {
    let cleaner = Cleaner::default();
    for input in [
        "a&#10;&#10;b\n\nc",
        "a&NewLine;&NewLine;b\n\nc",
        "x&#13;&#13;y",
    ] {
        assert_clean_properties(&cleaner, input);
    }
}
