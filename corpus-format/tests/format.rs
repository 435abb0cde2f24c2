//! FORMAT.md, rule by rule, on the fixtures in `tests/data/` and on small
//! hand-written texts. Fixtures are also run with CRLF and CR line endings.
//!
//! Golden files: `tests/data/NAME.json` holds the expected parse of
//! `NAME.txt`. On a mismatch the test writes `NAME.json.actual` beside it;
//! run with `BLESS=1` to rewrite the golden files after checking the diff.

use std::{fs, path::Path};

use chrono::NaiveDate;
use corpus_format::{
    BlockKind, DiagnosticKind, Document, Error, HeaderProblem, ParseError, ReadOptions, Span,
    decode, decode_lossy, parse, parse_strict, read_dir,
};

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"))
}

fn fixtures() -> Vec<(String, String)> {
    let mut files: Vec<_> = fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 9, "fixtures missing");
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = String::from_utf8(fs::read(&p).unwrap()).unwrap();
            (name, text)
        })
        .collect()
}

fn kinds(doc: &Document<'_>) -> Vec<BlockKind> {
    doc.blocks().iter().map(|b| b.kind()).collect()
}

fn texts(doc: &Document<'_>) -> Vec<String> {
    doc.blocks().iter().map(|b| b.text().into_owned()).collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn fixtures_match_golden_files() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failed = Vec::new();
    for (name, text) in fixtures() {
        let doc = parse(&text);
        let actual = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let golden = data_dir().join(name.replace(".txt", ".json"));
        if bless {
            fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&golden).unwrap_or_default();
        let actual_path = golden.with_extension("json.actual");
        if expected == actual {
            let _ = fs::remove_file(&actual_path);
        } else {
            fs::write(&actual_path, &actual).unwrap();
            failed.push(name);
        }
    }
    assert!(
        failed.is_empty(),
        "golden mismatch (see *.json.actual): {failed:?}"
    );
}

#[test]
fn fixtures_read_the_same_with_crlf_and_cr() {
    for (name, text) in fixtures() {
        let lf = parse(&text);
        for ending in ["\r\n", "\r"] {
            let converted = text.replace('\n', ending);
            let doc = parse(&converted);
            assert_eq!(doc.date(), lf.date(), "{name} {ending:?}");
            assert_eq!(kinds(&doc), kinds(&lf), "{name} {ending:?}");
            assert_eq!(texts(&doc), texts(&lf), "{name} {ending:?}");
            assert_eq!(doc.diagnostics().len(), lf.diagnostics().len());
            // The canonical form does not depend on the line endings.
            assert_eq!(doc.to_string(), lf.to_string(), "{name} {ending:?}");
            for block in doc.blocks() {
                assert_eq!(&converted[block.span()], block.as_str());
            }
        }
    }
}

#[test]
fn seed_shapes_read_as_a_reader_sees_them() {
    let all = fixtures();
    let get = |n: &str| {
        all.iter()
            .find(|(name, _)| name.starts_with(n))
            .unwrap()
            .1
            .clone()
    };

    // Header, blank-line layout, headings.
    let t = get("001_");
    let d = parse(&t);
    assert_eq!(d.date(), date(2024, 4, 2));
    assert_eq!(d.header().unwrap().span, Span::new(0, 17));
    assert_eq!(
        kinds(&d),
        [
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
    assert!(texts(&d)[0].starts_with("Amid the siege"));
    assert_eq!(d.blocks()[0].span().start, 17);

    // No header.
    let t = get("002_");
    let d = parse(&t);
    assert_eq!(d.date(), None);
    assert!(d.header().is_none() && d.diagnostics().is_empty());
    assert_eq!(
        d.headings().map(|b| b.text()).collect::<Vec<_>>(),
        ["Funding and Oversight", "Residents Cautious"]
    );

    // Leading whitespace, a tab after the date, soft-wrapped paragraphs.
    let t = get("003_");
    let d = parse(&t);
    assert_eq!(d.date(), date(2024, 3, 30));
    assert_eq!(d.blocks().len(), 4);
    assert_eq!(
        texts(&d)[0],
        "Rescue teams worked through the night after the collapse of a five-storey building in the old quarter, the civil defence said on Saturday."
    );
    assert_eq!(d.blocks()[0].lines().count(), 3);
    assert_eq!(kinds(&d)[1], BlockKind::Heading);

    // No blank line at all: one paragraph per line, glued trailer kept.
    let t = get("004_");
    let d = parse(&t);
    assert_eq!(d.date(), None);
    assert_eq!(d.blocks().len(), 4);
    assert!(texts(&d)[0].ends_with("three hours.CONTINUE FULL READING>>>>>"));
    assert_eq!(
        kinds(&d),
        [
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn empty_and_whitespace_only_files_are_documents_without_blocks() {
    for text in ["", " ", "\n", "\r\n\r\n", "\r\r", " \t \n\u{a0}\n"] {
        let d = parse(text);
        assert!(
            d.blocks().is_empty() && d.header().is_none() && d.diagnostics().is_empty(),
            "{text:?}"
        );
        assert_eq!(d.to_string(), "");
        assert!(parse_strict(text).is_ok());
    }
}

#[test]
fn header_rules() {
    // The header may stand alone, with or without a final newline.
    for text in [
        " date 2024-05-01",
        "date 2024-05-01\n",
        "date 2024-05-01 \r\n",
    ] {
        let d = parse(text);
        assert_eq!(d.date(), date(2024, 5, 1), "{text:?}");
        assert!(d.blocks().is_empty());
        assert_eq!(d.to_string(), " date 2024-05-01 ");
    }
    // Spaces or tabs between `date` and the day.
    assert_eq!(parse("date \t 2024-05-01 X").date(), date(2024, 5, 1));
    // The first block may start on a later line.
    let d = parse(" date 2024-05-01\n\nFirst.\n\nSecond.");
    assert_eq!(texts(&d), ["First.", "Second."]);
    // Leap days are real days.
    assert_eq!(parse("date 2024-02-29 x").date(), date(2024, 2, 29));
    // Not a header: `date` must be a word at the start of the text.
    for text in [
        "The date 2024-05-01 was set.",
        "date palms",
        "dates 2024-05-01 x",
    ] {
        let d = parse(text);
        assert_eq!(d.date(), None, "{text:?}");
        assert!(d.diagnostics().is_empty(), "{text:?}");
        assert_eq!(d.blocks()[0].text(), text);
    }
}

#[test]
fn invalid_headers_in_both_modes() {
    // (text, problem, diagnostic span, error offset, line, column)
    let cases = [
        (
            " date 2024-02-30 Text.",
            HeaderProblem::InvalidDate,
            Span::new(1, 16),
            6,
            1,
            7,
        ),
        (
            "date 2024-13-45 Text.",
            HeaderProblem::InvalidDate,
            Span::new(0, 15),
            5,
            1,
            6,
        ),
        (
            "\n\n  date 2024-13-45",
            HeaderProblem::InvalidDate,
            Span::new(4, 19),
            9,
            3,
            8,
        ),
        (
            "\r\n\tdate 2023-02-29 x",
            HeaderProblem::InvalidDate,
            Span::new(3, 18),
            8,
            2,
            7,
        ),
        (
            "date: yesterday the council met.",
            HeaderProblem::Malformed,
            Span::new(0, 15),
            4,
            1,
            5,
        ),
        (
            "date 24-03-25 x",
            HeaderProblem::Malformed,
            Span::new(0, 13),
            5,
            1,
            6,
        ),
        (
            "date 2024-03-25, x",
            HeaderProblem::Malformed,
            Span::new(0, 16),
            15,
            1,
            16,
        ),
        (
            "Date 2024-03-25 x",
            HeaderProblem::KeywordCase,
            Span::new(0, 15),
            0,
            1,
            1,
        ),
    ];
    for (text, problem, span, offset, line, column) in cases {
        let d = parse(text);
        assert_eq!(d.date(), None, "{text:?}");
        assert_eq!(d.diagnostics().len(), 1, "{text:?}");
        let diag = &d.diagnostics()[0];
        assert_eq!(
            (diag.kind, diag.problem, diag.span, diag.offset),
            (DiagnosticKind::InvalidHeader, problem, span, offset),
            "{text:?}"
        );
        // Lenient: the bytes stay as ordinary text of the first block.
        assert!(d.blocks()[0].span().start <= span.start, "{text:?}");
        assert!(d.blocks()[0].text().contains(&text[span]), "{text:?}");

        match parse_strict(text) {
            Err(ParseError::InvalidHeader {
                problem: p,
                offset: o,
                line: l,
                column: c,
                found,
                ..
            }) => {
                assert_eq!((p, o, l, c), (problem, offset, line, column), "{text:?}");
                assert_eq!(found, &text[span]);
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let err = parse_strict(" date 2024-02-30 Text.").unwrap_err();
    assert_eq!(
        err.to_string(),
        "date header names a day that does not exist at byte 6 (line 1, column 7): `date 2024-02-30`"
    );
}

#[test]
fn blank_lines_separate_blocks_and_single_breaks_are_soft() {
    let d = parse("One line\nand its continuation.\n\n  \t \nNext block.");
    assert_eq!(texts(&d), ["One line and its continuation.", "Next block."]);
    assert_eq!(d.blocks()[0].as_str(), "One line\nand its continuation.");
    assert_eq!(
        d.to_string(),
        "One line\nand its continuation.\n\nNext block."
    );

    // Without a blank line between two non-blank lines, each line is a block.
    let d = parse("\n\nFirst line.\nSecond line.\n\n");
    assert_eq!(texts(&d), ["First line.", "Second line."]);

    // Whitespace around lines is not part of the block.
    let d = parse("  padded line  \n\n\tnext\t");
    assert_eq!(d.blocks()[0].span(), Span::new(2, 13));
    assert_eq!(d.blocks()[1].as_str(), "next");
}

#[test]
fn heading_rule_table() {
    // (block, is a heading when not last)
    let cases = [
        ("Day of Coordinated Resistance", true),
        ("Looking Ahead", true),
        ("2024: The Year in Review", true),
        ("The Road Ahead (Part 2)", true),
        ("one two three", false), // lower-case start
        ("A sentence that ends.", false),
        ("Is this the end?", false),
        ("Ends with a colon:", false),
        ("Ends with a semicolon;", false),
        ("Ends with a comma,", false),
        ("And then…", false),
        ("He said “it is over.”", false), // closing quote set aside
        ("“Quoted Title”", true),         // opening quote set aside
        (
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve",
            true,
        ),
        (
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen",
            false,
        ),
    ];
    for (block, heading) in cases {
        let text = format!("{block}\n\nLast paragraph.");
        let d = parse(&text);
        let expected = if heading {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        assert_eq!(d.blocks()[0].kind(), expected, "{block:?}");
        // The last block is never a heading.
        assert_eq!(
            parse(&format!("Intro.\n\n{block}")).blocks()[1].kind(),
            BlockKind::Paragraph,
            "{block:?}"
        );
    }
    // A block of two lines is never a heading.
    assert_eq!(
        parse("Short Title\nSecond Line\n\nEnd.").blocks()[0].kind(),
        BlockKind::Paragraph
    );
}

#[test]
fn canonical_form_round_trips() {
    for (name, text) in fixtures() {
        let first = parse(&text).to_string();
        let again = parse(&first);
        assert_eq!(again.to_string(), first, "{name}");
        assert_eq!(texts(&again), texts(&parse(&text)), "{name}");
        assert_eq!(kinds(&again), kinds(&parse(&text)), "{name}");
        assert!(!first.ends_with('\n'), "{name}");
    }
    assert_eq!(
        parse("   date 2024-03-30\tA\nb\n\nC").to_string(),
        " date 2024-03-30 A\nb\n\nC"
    );
}

#[test]
fn bytes_bom_and_invalid_utf8() {
    let with_bom = b"\xEF\xBB\xBF date 2024-03-25 Text.";
    let text = decode(with_bom).unwrap();
    let d = parse(text);
    assert_eq!(d.date(), date(2024, 3, 25));
    assert_eq!(d.header().unwrap().span, Span::new(0, 17));

    let bad = b" date 2024-03-25 Caf\xE9 au lait.";
    let err = decode(bad).unwrap_err();
    assert_eq!(err.offset, 20);
    assert_eq!(err.to_string(), "invalid UTF-8 at byte 20");
    let lossy = decode_lossy(bad);
    assert_eq!(lossy.replaced_bytes, 1);
    assert_eq!(
        parse(&lossy.text).blocks()[0].text(),
        "Caf\u{FFFD} au lait."
    );
}

#[test]
fn folders_are_read_in_name_order_one_result_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/inner")).unwrap();
    fs::write(root.join("010_00000000000000aa.txt"), "Ten.").unwrap();
    fs::write(root.join("002_00000000000000bb.txt"), "Two.").unwrap();
    fs::write(root.join("b/inner/x.txt"), "Inner.").unwrap();
    fs::write(root.join("b/bad.txt"), b"ok \xFF").unwrap();
    fs::write(root.join("notes.md"), "skipped").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("missing"), root.join("c-dangling.txt")).unwrap();

    let items: Vec<_> = read_dir(root, ReadOptions::default()).collect();
    let mut seen = Vec::new();
    for item in &items {
        match item {
            Ok(f) => match f.text() {
                Ok(t) => seen.push(format!("{}={t}", f.name.id)),
                Err(e) => {
                    assert!(matches!(e, Error::Decode { .. }));
                    assert!(
                        e.to_string()
                            .ends_with("b/bad.txt: invalid UTF-8 at byte 3"),
                        "{e}"
                    );
                    assert_eq!(e.offset(), Some(3));
                    seen.push("bad".into());
                }
            },
            Err(e) => {
                assert!(e.to_string().contains("c-dangling.txt"), "{e}");
                seen.push("dangling".into());
            }
        }
    }
    let mut expected = vec![
        "00000000000000bb=Two.",
        "00000000000000aa=Ten.",
        "bad",
        "x=Inner.",
    ];
    if cfg!(unix) {
        expected.push("dangling");
    }
    assert_eq!(seen, expected);

    // A single file is read whatever its extension.
    let single: Vec<_> = read_dir(root.join("notes.md"), ReadOptions::default()).collect();
    assert_eq!(single.len(), 1);
    assert_eq!(single[0].as_ref().unwrap().bytes, b"skipped");
}

#[test]
fn walking_finds_what_reading_reads_with_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a/deeper")).unwrap();
    fs::write(root.join("b.txt"), "Bee.").unwrap();
    fs::write(root.join("a/deeper/c.txt"), "Sea, long.").unwrap();
    fs::write(root.join("a/skip.md"), "skipped").unwrap();
    #[cfg(unix)]
    {
        // A link to a file is followed; a link to a folder is not.
        std::os::unix::fs::symlink(root.join("b.txt"), root.join("a/link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("c-loop")).unwrap();
    }

    let options = ReadOptions::default();
    let found: Vec<_> = corpus_format::walk_dir(root, options)
        .map(Result::unwrap)
        .collect();
    let relative: Vec<_> = found
        .iter()
        .map(|f| {
            let path = f.path.strip_prefix(root).unwrap().display().to_string();
            (path, f.size)
        })
        .collect();
    let mut expected = vec![("a/deeper/c.txt".to_owned(), 10)];
    if cfg!(unix) {
        expected.push(("a/link.txt".to_owned(), 4));
    }
    expected.push(("b.txt".to_owned(), 4));
    assert_eq!(relative, expected);

    let read: Vec<_> = read_dir(root, options).map(Result::unwrap).collect();
    let from_found: Vec<_> = found.iter().map(|f| f.read(&options).unwrap()).collect();
    assert_eq!(read, from_found);
    assert_eq!(read[0].bytes, b"Sea, long.");
}

#[test]
fn limits_say_which_was_hit() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.txt"), "x".repeat(100)).unwrap();
    fs::create_dir_all(dir.path().join("a/b/c")).unwrap();
    fs::write(dir.path().join("a/b/c/deep.txt"), "deep").unwrap();
    let options = ReadOptions {
        max_file_bytes: 50,
        max_depth: 2,
    };
    let msgs: Vec<String> = read_dir(dir.path(), options)
        .map(|r| r.map(|f| f.name.id).unwrap_or_else(|e| e.to_string()))
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[0].ends_with("a/b/c: folder depth is 3, over the limit of 2 (Depth)"),
        "{msgs:?}"
    );
    assert!(
        msgs[1].ends_with("big.txt: file size in bytes is 100, over the limit of 50 (FileBytes)"),
        "{msgs:?}"
    );
}
