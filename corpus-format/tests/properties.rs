//! Properties FORMAT.md states, on arbitrary and on format-shaped text.

use corpus_format::{parse, parse_strict};
use proptest::prelude::*;

/// Text built from the pieces that matter to the format.
fn shaped() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "date",
        "Date",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " \n ",
        "2024-03-25",
        "2024-02-30",
        "2024-13-45",
        ":",
        "Heading",
        "Word",
        "word",
        ".",
        ",",
        "?",
        "…",
        "“",
        "”",
        "é",
        "\u{a0}",
        "\u{2028}",
        "\u{feff}",
        "Ünïcode",
        "12",
        "Looking Ahead",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![shaped(), any::<String>(), "[ \\t\\r\\na-zA-Z.:0-9-]{0,80}"]
}

#[test]
fn rendering_a_first_block_that_starts_like_a_header() {
    let text = corpus_format::render_canonical(None, ["date 2024-03-25 then", "more"]);
    assert_eq!(parse(&text).to_string(), " date 2024-03-25 then\n\nmore");
}

fn check(text: &str) {
    let doc = parse(text);
    // Each non-whitespace byte belongs to exactly one block or the header.
    let mut owner = vec![0u8; text.len()];
    if let Some(h) = doc.header() {
        for o in &mut owner[h.span.range()] {
            *o += 1;
        }
    }
    let mut last_end = doc.header().map_or(0, |h| h.span.end);
    for block in doc.blocks() {
        let span = block.span();
        assert!(span.start >= last_end && span.end <= text.len() && span.start < span.end);
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span], block.as_str());
        for o in &mut owner[span.range()] {
            *o += 1;
        }
        last_end = span.end;
        let lines: Vec<&str> = block.lines().collect();
        assert_eq!(block.text(), lines.join(" "));
        for (offset, line) in block.line_indices() {
            assert_eq!(&text[offset..offset + line.len()], line);
        }
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            assert_eq!(owner[i], 1, "byte {i} of {text:?}");
        }
    }
    for d in doc.diagnostics() {
        assert!(d.span.end <= text.len() && d.offset <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    // Strict parsing fails exactly when the lenient parser had a diagnostic.
    assert_eq!(parse_strict(text).is_err(), !doc.diagnostics().is_empty());

    // The canonical form is a fixed point and keeps the document.
    let once = doc.to_string();
    let reparsed = parse(&once);
    assert_eq!(reparsed.to_string(), once);
    assert_eq!(reparsed.date(), doc.date());
    let kinds = |d: &corpus_format::Document<'_>| -> Vec<_> {
        d.blocks()
            .iter()
            .map(|b| (b.kind(), b.text().into_owned()))
            .collect()
    };
    assert_eq!(kinds(&reparsed), kinds(&doc));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn rendering_any_blocks_is_a_fixed_point(
        blocks in prop::collection::vec(any_text(), 0..5),
        day in prop::option::of(0u32..3000),
    ) {
        let date = day.and_then(|d| chrono::NaiveDate::from_num_days_from_ce_opt(738_000 + d as i32));
        let text = corpus_format::render_canonical(date, &blocks);
        let doc = parse(&text);
        if date.is_none() && doc.header().is_some() {
            // A first block that starts like a header reads as one.
            prop_assert!(text.starts_with("date "));
        } else {
            prop_assert_eq!(doc.to_string(), text.clone());
            prop_assert_eq!(doc.date(), date);
        }
        prop_assert_eq!(parse(&doc.to_string()).to_string(), doc.to_string());
    }

    #[test]
    fn parse_properties_hold(text in any_text()) {
        check(&text);
    }

    #[test]
    fn line_endings_do_not_change_blocks(text in shaped()) {
        let lf = text.replace("\r\n", "\n").replace('\r', "\n");
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        let a = parse(&lf).to_string();
        prop_assert_eq!(&parse(&crlf).to_string(), &a);
        prop_assert_eq!(&parse(&cr).to_string(), &a);
    }
}
