//! Properties of `corpus-clean`: the edit list reproduces the output,
//! cleaning is idempotent, the output is normalized, and cleaned documents
//! render to text that parses back into the same blocks.

use corpus_clean::{CleanDocument, Cleaned, Cleaner, Edit, Normalization, apply_edits};
use corpus_format::{Document, parse};
use unicode_normalization::{is_nfc, is_nfkc};

/// What the cleaner was asked to do, for the checks that depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect {
    /// The normalization form, if any.
    pub normalization: Option<Normalization>,
    /// Whether line breaks become `\n` and spaces are trimmed at line ends.
    pub whitespace: bool,
    /// Whether zero-width characters are removed.
    pub invisible: bool,
}

impl Default for Expect {
    /// What [`Cleaner::default`] does.
    fn default() -> Expect {
        Expect {
            normalization: Some(Normalization::Nfc),
            whitespace: true,
            invisible: true,
        }
    }
}

/// Checks that `edits` are sorted, non-overlapping, non-empty, in bounds of
/// `input` and on its char boundaries.
pub fn check_edits(input: &str, edits: &[Edit]) {
    let mut pos = 0;
    for e in edits {
        let s = e.span;
        assert!(s.start < s.end, "empty edit {e:?}");
        assert!(
            s.start >= pos,
            "edit {e:?} overlaps the one before (ends at {pos})"
        );
        assert!(
            s.end <= input.len(),
            "edit {e:?} out of bounds ({})",
            input.len()
        );
        assert!(
            input.is_char_boundary(s.start) && input.is_char_boundary(s.end),
            "edit {e:?} off char boundaries"
        );
        pos = s.end;
    }
}

/// Checks one [`Cleaner::clean`] result against its input.
pub fn check_cleaned(input: &str, cleaned: &Cleaned<'_>, expect: Expect) {
    let out = cleaned.text();
    check_edits(input, cleaned.edits());
    assert_eq!(
        apply_edits(input, cleaned.edits()),
        out,
        "the edits do not reproduce the output of {input:?}"
    );
    assert_eq!(
        cleaned.is_changed(),
        out != input,
        "edits {:?} for {input:?} -> {out:?}",
        cleaned.edits()
    );
    if !cleaned.is_changed() {
        assert!(
            matches!(cleaned.text, std::borrow::Cow::Borrowed(_)),
            "unchanged text was copied"
        );
    }
    // Output offsets map back into the input, in order. Each mapping walks
    // the edit list, so only about 64 offsets are checked.
    let mut last = 0;
    let step = (out.len() / 64).max(1);
    let offsets = out.char_indices().map(|(o, _)| o).filter(|o| o % step == 0);
    for o in offsets.chain([out.len()]) {
        let i = cleaned.input_offset(o);
        assert!(
            i <= input.len() && i >= last,
            "output offset {o} maps to {i} (after {last}) in {input:?}"
        );
        last = i;
    }
    match expect.normalization {
        Some(Normalization::Nfc) => assert!(is_nfc(out), "output not NFC: {out:?}"),
        Some(Normalization::Nfkc) => assert!(is_nfkc(out), "output not NFKC: {out:?}"),
        _ => {}
    }
    if expect.whitespace {
        assert!(!out.contains('\r'), "a carriage return survived: {out:?}");
        assert!(
            !out.contains(" \n") && !out.ends_with(' '),
            "a space left at a line end: {out:?}"
        );
    }
    if expect.invisible {
        assert!(
            !out.contains(['\u{200b}', '\u{feff}']),
            "an invisible character survived: {out:?}"
        );
    }
}

/// Cleans `input`, checks the result, and checks that cleaning the output
/// again changes nothing.
pub fn check_clean(cleaner: &Cleaner, input: &str, expect: Expect) -> String {
    let cleaned = cleaner.clean(input);
    check_cleaned(input, &cleaned, expect);
    let out = cleaned.text();
    let again = cleaner.clean(out);
    assert!(
        !again.is_changed(),
        "not idempotent: {input:?} -> {out:?} -> {:?} with {:?}",
        again.text(),
        again.edits()
    );
    out.to_owned()
}

/// A block's text as [`corpus_format::Block::text`] gives it: its trimmed,
/// non-empty lines joined by one space.
fn block_text(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cleans a parsed document and checks its edits (spans in the source),
/// that its canonical rendering parses back into the same blocks and date,
/// and that cleaning that rendering again changes nothing.
pub fn check_clean_document(cleaner: &Cleaner, doc: &Document<'_>) -> CleanDocument {
    let clean = cleaner.clean_document(doc);
    check_edits(doc.source(), &clean.edits);
    let blocks: Vec<&str> = clean.blocks.iter().map(|b| b.text.as_str()).collect();
    for (b, text) in clean.blocks.iter().zip(&blocks) {
        assert!(!text.is_empty(), "empty cleaned block");
        assert!(
            doc.blocks().iter().any(|d| d.span() == b.span),
            "cleaned block span {:?} is no parsed block",
            b.span
        );
    }
    let rendered = clean.render();
    let reparsed = parse(&rendered);
    // Compared as `Block::text` gives them (trimmed lines joined by a
    // space): the canonical form writes a lone block on one line and skips
    // blank lines, which are not part of a block's text.
    let reparsed_blocks: Vec<String> = reparsed
        .blocks()
        .iter()
        .map(|b| b.text().into_owned())
        .collect();
    let expected: Vec<String> = blocks.iter().map(|t| block_text(t)).collect();
    assert_eq!(
        reparsed.date(),
        clean.date,
        "date changed by rendering the cleaned document {rendered:?}"
    );
    assert_eq!(
        reparsed_blocks, expected,
        "the cleaned document {rendered:?} parses into other blocks"
    );
    assert_eq!(
        clean.body(),
        corpus_format::render_canonical(None, &blocks),
        "body is not the blocks joined by a blank line"
    );
    let twice = cleaner.clean_document(&reparsed);
    assert_eq!(
        twice.render(),
        rendered,
        "cleaning a cleaned document changed it: {:?}",
        twice.edits
    );
    clean
}

/// The checks above with the default cleaner, from text.
pub fn check_text(text: &str) {
    let cleaner = Cleaner::default();
    check_clean(&cleaner, text, Expect::default());
    check_clean_document(&cleaner, &parse(text));
}

#[cfg(test)]
mod tests {
    #[test]
    fn edge_cases_hold_every_property() {
        for text in [
            "",
            "Qatarâ€™s envoy met the\u{a0}delegation &amp; left.CONTINUE FULL READING>>>>>",
            "e\u{301}\u{200b}  x \r\n\r\n&amp;amp;",
            " date 2024-03-26 Israelâ€™s strikes\r\ngo on.\n\nShare this:\n\nEnd.",
        ] {
            super::check_text(text);
        }
    }
}
