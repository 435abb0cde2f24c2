//! Properties of `corpus-format`: decoding, lenient and strict parsing,
//! block spans, and the canonical round trip (FORMAT.md).

use std::borrow::Cow;

use corpus_format::{
    BlockKind, Document, ParseError, Span, decode, decode_lossy, parse, parse_strict,
};

/// Decodes `bytes` strictly, falling back to the lossy decoder, and checks
/// that the two decoders agree.
///
/// Returns the text to parse.
pub fn check_decode(bytes: &[u8]) -> Cow<'_, str> {
    let lossy = decode_lossy(bytes);
    let bom = usize::from(bytes.starts_with(corpus_format::BOM)) * corpus_format::BOM.len();
    match decode(bytes) {
        Ok(text) => {
            assert_eq!(lossy.replaced_bytes, 0, "valid UTF-8 reported as replaced");
            assert_eq!(lossy.text, text, "lossy decode changed valid text");
            assert_eq!(text.len(), bytes.len() - bom, "only the BOM is dropped");
            Cow::Borrowed(text)
        }
        Err(err) => {
            assert!(
                lossy.replaced_bytes > 0,
                "invalid UTF-8 with nothing replaced"
            );
            assert!(
                err.offset >= bom && err.offset < bytes.len(),
                "offset {} out of range",
                err.offset
            );
            assert!(
                std::str::from_utf8(&bytes[bom..err.offset]).is_ok(),
                "bytes before the error offset are valid"
            );
            assert!(std::str::from_utf8(&bytes[err.offset..]).is_err());
            assert!(lossy.replaced_bytes <= bytes.len() - bom);
            lossy.text
        }
    }
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} out of bounds ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

/// Line and column of `offset`, counted the slow obvious way: `\n`, `\r\n`
/// and a lone `\r` end a line; columns count characters from 1.
pub fn naive_line_column(text: &str, offset: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        let crlf_split = c == '\r' && chars.peek().is_none() && text[offset..].starts_with('\n');
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' if !crlf_split => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
    }
    (line, column)
}

/// Checks every structural property of a parsed document against its
/// source: header and block spans, coverage of every non-whitespace
/// character, block kinds, lines, text, and diagnostics.
pub fn check_document(doc: &Document<'_>) {
    let text = doc.source();
    let mut covered_to = 0;
    if let Some(h) = doc.header() {
        assert_span(text, h.span, "header");
        assert_eq!(h.span.start, 0, "header starts the file");
        assert!(
            doc.diagnostics().is_empty(),
            "a valid header and a header diagnostic"
        );
        let written = text[h.span].trim();
        assert!(written.starts_with("date"), "header {written:?}");
        assert!(
            written.ends_with(&h.date.format("%Y-%m-%d").to_string()),
            "header {written:?} vs {}",
            h.date
        );
        // The header eats all the whitespace after the date.
        assert!(
            !text[h.span.end..].starts_with(char::is_whitespace),
            "whitespace left after the header"
        );
        covered_to = h.span.end;
        assert_eq!(doc.date(), Some(h.date));
    } else {
        assert_eq!(doc.date(), None);
    }
    let count = doc.blocks().len();
    for (i, block) in doc.blocks().iter().enumerate() {
        let span = block.span();
        assert_span(text, span, "block");
        assert!(
            span.start >= covered_to,
            "block {i} {span:?} overlaps what comes before ({covered_to})"
        );
        let gap = &text[covered_to..span.start];
        assert!(
            gap.trim().is_empty(),
            "non-whitespace {gap:?} before block {i} belongs to no block"
        );
        covered_to = span.end;

        let raw = block.as_str();
        assert_eq!(raw, &text[span]);
        assert!(!raw.is_empty(), "empty block {i}");
        assert!(
            !raw.starts_with(char::is_whitespace) && !raw.ends_with(char::is_whitespace),
            "block {i} {raw:?} not trimmed"
        );

        let lines: Vec<&str> = block.lines().collect();
        assert!(!lines.is_empty());
        for (offset, line) in block.line_indices() {
            assert_span(text, Span::new(offset, offset + line.len()), "line");
            assert_eq!(&text[offset..offset + line.len()], line);
            assert!(
                span.start <= offset && offset + line.len() <= span.end,
                "line outside its block"
            );
            assert!(
                !line.is_empty() && line.trim() == line,
                "line {line:?} not trimmed"
            );
            assert!(!line.contains(['\n', '\r']), "line {line:?} holds a break");
        }
        assert_eq!(
            block.text(),
            lines.join(" "),
            "text is the lines joined by a space"
        );
        let multiline = raw.contains(['\n', '\r']);
        assert_eq!(lines.len() > 1, multiline, "block {i} {raw:?}");
        if block.kind() == BlockKind::Heading {
            assert!(!multiline, "multi-line heading {raw:?}");
            assert!(i + 1 < count, "the last block is a heading");
            assert!(
                raw.split_whitespace().count() <= corpus_format::HEADING_MAX_WORDS,
                "long heading"
            );
        }
    }
    let tail = &text[covered_to..];
    assert!(
        tail.trim().is_empty(),
        "non-whitespace {tail:?} after the last block belongs to no block"
    );

    // In a document with no blank line between two non-blank lines, every
    // line is its own block, so no block has soft breaks.
    if count < 2 {
        assert!(
            doc.blocks()
                .iter()
                .all(|b| !b.as_str().contains(['\n', '\r']))
        );
    }

    for d in doc.diagnostics() {
        assert_span(text, d.span, "diagnostic");
        assert!(
            d.span.start <= d.offset && d.offset <= d.span.end,
            "diagnostic offset {} outside {:?}",
            d.offset,
            d.span
        );
        assert!(text.is_char_boundary(d.offset));
        assert!(!d.message().is_empty());
    }
}

/// Checks the round trip of FORMAT.md: parsing the canonical form gives
/// back the same document, and rendering it again gives the same bytes.
pub fn check_round_trip(doc: &Document<'_>) {
    let canonical = doc.to_string();
    let again = parse(&canonical);
    check_document(&again);
    assert_eq!(
        again.date(),
        doc.date(),
        "date lost in the round trip of {canonical:?}"
    );
    let shape = |d: &Document<'_>| -> Vec<(BlockKind, String)> {
        d.blocks()
            .iter()
            .map(|b| (b.kind(), b.text().into_owned()))
            .collect()
    };
    assert_eq!(
        shape(&again),
        shape(doc),
        "blocks changed in the round trip of {canonical:?}"
    );
    assert_eq!(
        again.diagnostics().len(),
        doc.diagnostics().len(),
        "diagnostics changed in the round trip"
    );
    assert_eq!(
        again.to_string(),
        canonical,
        "the canonical form is not a fixed point"
    );
    assert_eq!(
        corpus_format::render_canonical(
            doc.date(),
            doc.blocks()
                .iter()
                .map(|b| b.lines().collect::<Vec<_>>().join("\n"))
        ),
        canonical,
        "render_canonical and Display disagree"
    );
}

/// Checks that the strict parser accepts exactly the documents the lenient
/// one parses without diagnostics, and reports the first diagnostic.
pub fn check_strict(doc: &Document<'_>) {
    let text = doc.source();
    match (parse_strict(text), doc.diagnostics().first()) {
        (Ok(strict), None) => assert_eq!(&strict, doc),
        (Err(err), Some(d)) => {
            let ParseError::InvalidHeader {
                problem,
                offset,
                line,
                column,
                found,
            } = &err
            else {
                panic!("unexpected strict error {err:?}");
            };
            assert_eq!(*problem, d.problem);
            assert_eq!(*offset, d.offset);
            assert_eq!(err.offset(), d.offset);
            assert_eq!(found, &text[d.span]);
            assert_eq!(
                (*line, *column),
                naive_line_column(text, *offset),
                "line and column of {offset}"
            );
            assert!(!err.to_string().is_empty());
        }
        (strict, diag) => panic!("strict {strict:?} disagrees with lenient diagnostics {diag:?}"),
    }
}

/// Everything above, from bytes.
pub fn check_bytes(bytes: &[u8]) {
    let text = check_decode(bytes);
    check_text(&text);
}

/// Everything above, from text.
pub fn check_text(text: &str) {
    let doc = parse(text);
    check_document(&doc);
    check_strict(&doc);
    check_round_trip(&doc);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naive_line_column_counts_every_ending() {
        assert_eq!(naive_line_column("a\r\nbc", 4), (2, 2));
        assert_eq!(naive_line_column("a\r\nbc", 2), (1, 3));
        assert_eq!(naive_line_column("a\rbc", 2), (2, 1));
        assert_eq!(naive_line_column("a\n\nb", 3), (3, 1));
        assert_eq!(naive_line_column("é€x", 5), (1, 3));
    }

    #[test]
    fn seeds_and_edge_cases_hold_every_property() {
        for text in [
            "",
            "   \n\r\n",
            " date 2024-03-26 Drones struck.\n\nLooking Ahead\n\nMore\r\nsoon.",
            "date 2024-02-30 x",
            "Date 2024-03-25 x\ry",
            "date:\r\n",
            "\u{feff}date 2024-01-01\u{85}x\u{2028}y\n\u{a0}\n z",
            "a\rb\r\rc",
        ] {
            check_text(text);
        }
        check_bytes(b"\xEF\xBB\xBFdate 2024-01-01 \xFF\xFE\r\n\r\nok");
    }
}
