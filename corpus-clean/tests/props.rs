//! Properties of the cleaner on arbitrary and on adversarial text.

use std::borrow::Cow;

use corpus_clean::{Cleaner, Edit, Normalization, apply_edits};
use proptest::prelude::*;
use unicode_normalization::{is_nfc, is_nfkc};

/// Pieces of damaged scraped text, glued at random.
const FRAGMENTS: &[&str] = &[
    "Ã©",
    "Ã",
    "Â",
    "â€™",
    "â€œ",
    "â€\u{9d}",
    "Ã\u{a0}",
    "Ã ",
    "Ã¢â‚¬â„¢",
    "\u{92}",
    "\u{85}",
    "&amp;",
    "&amp",
    "&AMP;",
    "&#39;",
    "&#x2019;",
    "&nbsp;",
    "&lt",
    "&",
    "#",
    ";",
    "amp",
    "nbsp",
    "&#",
    "x",
    "59",
    "\u{a0}",
    "\u{2009}",
    "\u{200b}",
    "\u{feff}",
    "\u{ad}",
    "\u{7}",
    "\u{1b}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    " ",
    "  ",
    "e\u{301}",
    "\u{301}",
    "A\u{303}",
    "ﬁ",
    "café",
    "Zürich",
    "“",
    "”",
    "’",
    "…",
    "–",
    "CONTINUE FULL READING>>>>>",
    "Read more >>",
    "Share this:",
    "subscribe",
    ". ",
    "Israel",
    "Gaza",
    "said",
    "32,000",
    "SÃO",
    "Ãgua",
    "Ð",
    "Ø¹",
    "Ù",
    "Š",
    "√",
    "ü",
    "é",
    "р",
    "Р",
    "╨",
    "┐",
    "\u{fffd}",
    "?",
    "\u{1a}",
    "😀",
    "í\u{a0}½í¸\u{8d}",
];

fn damaged() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![damaged(), any::<String>(), "[ -~\n\t\u{80}-\u{3ff}]{0,80}"]
}

/// Edits are sorted, non-empty, non-overlapping, in bounds, on char
/// boundaries, and rebuild the output.
fn check_edits(input: &str, output: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for e in edits {
        prop_assert!(e.span.start < e.span.end, "empty span {e:?}");
        prop_assert!(e.span.start >= last_end, "overlap or unsorted at {e:?}");
        prop_assert!(e.span.end <= input.len(), "out of bounds {e:?}");
        prop_assert!(
            input.is_char_boundary(e.span.start),
            "start not on a boundary {e:?}"
        );
        prop_assert!(
            input.is_char_boundary(e.span.end),
            "end not on a boundary {e:?}"
        );
        prop_assert_ne!(
            &input[e.span],
            e.replacement.as_str(),
            "edit changes nothing"
        );
        last_end = e.span.end;
    }
    prop_assert_eq!(apply_edits(input, edits), output);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn default_cleaner_invariants(input in any_text()) {
        let cleaner = Cleaner::default();
        let cleaned = cleaner.clean(&input);
        check_edits(&input, &cleaned.text, &cleaned.edits)?;
        prop_assert!(is_nfc(&cleaned.text), "not NFC: {:?}", cleaned.text);
        let again = cleaner.clean(&cleaned.text);
        prop_assert_eq!(&again.text, &cleaned.text, "not idempotent");
        prop_assert!(again.edits.is_empty());
        prop_assert!(matches!(again.text, Cow::Borrowed(_)));
        // Every output offset maps into the input.
        for (o, _) in cleaned.text.char_indices() {
            let i = cleaned.input_offset(o);
            prop_assert!(i <= input.len() && input.is_char_boundary(i));
        }
        // Each replacement maps back to the span it replaced.
        let mut delta: isize = 0;
        for e in &cleaned.edits {
            let out_start = (e.span.start as isize + delta) as usize;
            let out = corpus_clean::Span::new(out_start, out_start + e.replacement.len());
            prop_assert_eq!(&cleaned.text[out.range()], e.replacement.as_str());
            if !out.is_empty() {
                prop_assert_eq!(cleaned.input_span(out), e.span);
            }
            delta += e.replacement.len() as isize - e.span.len() as isize;
        }
    }

    #[test]
    fn nfkc_and_typography_invariants(input in any_text()) {
        let cleaner = Cleaner::builder()
            .normalization(Some(Normalization::Nfkc))
            .typography(true)
            .build()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let cleaned = cleaner.clean(&input);
        check_edits(&input, &cleaned.text, &cleaned.edits)?;
        prop_assert!(is_nfkc(&cleaned.text), "not NFKC: {:?}", cleaned.text);
        prop_assert_eq!(&cleaner.clean(&cleaned.text).text, &cleaned.text, "not idempotent");
    }

    #[test]
    fn single_steps_keep_invariants(input in damaged(), step in 0usize..7) {
        let b = Cleaner::builder()
            .html_entities(step == 0)
            .mojibake(step == 1)
            .control(step == 2)
            .invisible(step == 2)
            .spaces(step == 3)
            .normalization((step == 4).then_some(Normalization::Nfc))
            .boilerplate(step == 5)
            .whitespace(step == 6);
        let cleaner = b.build().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let cleaned = cleaner.clean(&input);
        check_edits(&input, &cleaned.text, &cleaned.edits)?;
        prop_assert_eq!(&cleaner.clean(&cleaned.text).text, &cleaned.text, "not idempotent");
    }

    #[test]
    fn clean_ascii_comes_back_borrowed(
        lines in prop::collection::vec("[A-Za-z0-9,;:'()\\-]{1,12}( [A-Za-z0-9,.;:!?'()\\-]{1,12}){0,12}", 0..6)
    ) {
        let input = lines.join("\n");
        let cleaned = Cleaner::default().clean(&input);
        prop_assert!(matches!(cleaned.text, Cow::Borrowed(_)), "{input:?} -> {:?}", cleaned.edits);
        prop_assert!(cleaned.edits.is_empty());
    }

    #[test]
    fn documents_keep_their_invariants(input in any_text()) {
        let doc = corpus_format::parse(&input);
        let clean = Cleaner::default().clean_document(&doc);
        let mut last_end = 0;
        for e in &clean.edits {
            prop_assert!(e.span.start >= last_end && e.span.start < e.span.end);
            prop_assert!(e.span.end <= input.len());
            prop_assert!(input.is_char_boundary(e.span.start) && input.is_char_boundary(e.span.end));
            last_end = e.span.end;
        }
        for b in &clean.blocks {
            prop_assert!(!b.text.is_empty());
            prop_assert!(!b.text.contains("\n\n"), "blank line inside a block: {:?}", b.text);
            prop_assert!(!b.text.contains('\r'));
            prop_assert!(is_nfc(&b.text));
        }
        // The canonical rendering is clean text.
        let rendered = clean.render();
        prop_assert!(Cleaner::default().clean(&rendered).edits.is_empty(), "{rendered:?}");
        // Cleaning it as a document again changes nothing. (A document left
        // with a single block of several lines is not checked: without a
        // blank line the format reads each line as a paragraph.)
        if clean.blocks.len() > 1 || clean.blocks.iter().all(|b| !b.text.contains('\n')) {
            let reparsed = corpus_format::parse(&rendered);
            let again = Cleaner::default().clean_document(&reparsed);
            prop_assert_eq!(again.render(), rendered);
            prop_assert!(again.edits.is_empty());
        }
    }
}
