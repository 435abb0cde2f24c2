//! Behaviour of each step on realistic damaged paragraphs, and text that
//! must come back unchanged.

use std::borrow::Cow;

use corpus_clean::{Cleaner, EditKind, Normalization, Span, apply_edits};

fn clean(input: &str) -> (String, Vec<EditKind>) {
    let cleaned = Cleaner::default().clean(input);
    assert_eq!(apply_edits(input, &cleaned.edits), cleaned.text());
    let kinds = cleaned.edits.iter().map(|e| e.kind).collect();
    (cleaned.text.into_owned(), kinds)
}

#[test]
fn mojibake_in_news_paragraphs() {
    let cases = [
        (
            "Amid Israelâ€™s relentless assault on Gaza, the factions said they would â€œrespond.â€\u{9d}",
            "Amid Israel’s relentless assault on Gaza, the factions said they would “respond.”",
        ),
        (
            "The envoy met officials in ZÃ¼rich and SÃ£o Paulo before the summit.",
            "The envoy met officials in Zürich and São Paulo before the summit.",
        ),
        // Twice encoded.
        (
            "The minister didnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t comment.",
            "The minister didn’t comment.",
        ),
        // Mixed with correct text on the same line.
        (
            "Qatar’s mediators â€“ backed by Egypt â€“ resumed talks.",
            "Qatar’s mediators – backed by Egypt – resumed talks.",
        ),
        // Latin-1 read of Windows-1252 punctuation (C1 controls).
        (
            "He called it \u{93}vital\u{94}\u{85} and left.",
            "He called it “vital”… and left.",
        ),
        (
            "Le cafÃ© est fermÃ© Ã  cause de la grÃ¨ve.",
            "Le café est fermé à cause de la grève.",
        ),
    ];
    for (input, want) in cases {
        let (got, kinds) = clean(input);
        assert_eq!(got, want, "input {input:?}");
        assert!(kinds.iter().all(|k| *k == EditKind::Mojibake), "{kinds:?}");
    }
}

#[test]
fn mojibake_edits_point_at_the_damage() {
    let input = "Israelâ€™s army and Hamasâ€™ leaders";
    let cleaned = Cleaner::default().clean(input);
    let spans: Vec<&str> = cleaned.edits.iter().map(|e| &input[e.span]).collect();
    assert_eq!(spans, ["â€™", "â€™"]);
    assert!(cleaned.edits.iter().all(|e| e.replacement == "’"));
}

#[test]
fn correct_text_comes_back_borrowed() {
    for input in [
        "Protests in Zürich, a naïve café owner, and the Champs-Élysées.",
        "He said “vital targets” and ‘strategic’ sites — again…",
        "SÃO PAULO — A água é um bem público.",
        "Ãgua mineral e SÃO JOÃO",
        "A IRMÃ DE MARIA COMEU A MAÇÃ VERDE",
        "Москва, Αθήνα, 東京, القاهرة",
        "Offering 5×£35 and 90% off; © 2024",
        "Plain ASCII paragraph, nothing to do.\nSecond line.",
        "Tabs\tinside are kept",
        "",
    ] {
        let cleaned = Cleaner::default().clean(input);
        assert!(cleaned.edits.is_empty(), "{input:?}: {:?}", cleaned.edits);
        assert!(matches!(cleaned.text, Cow::Borrowed(_)), "{input:?}");
    }
}

#[test]
fn html_entities() {
    let (got, kinds) = clean(
        "Tom &amp; Jerry&#8217;s &quot;show&quot; costs &pound;5 &AMP; more&nbsp;today &amp;amp; again",
    );
    assert_eq!(got, "Tom & Jerry’s \"show\" costs £5 & more today & again");
    assert!(kinds.iter().all(|k| *k == EditKind::HtmlEntity));
    // Not references.
    let (got, kinds) = clean("S&P 500 rose; R&D spending & more; ?a=1&copy=2");
    assert_eq!(got, "S&P 500 rose; R&D spending & more; ?a=1&copy=2");
    assert!(kinds.is_empty());
}

#[test]
fn entity_that_hides_mojibake() {
    let (got, kinds) = clean("Israel&acirc;&euro;&trade;s army");
    assert_eq!(got, "Israel’s army");
    assert_eq!(kinds, [EditKind::HtmlEntity]);
}

#[test]
fn spaces_invisible_and_controls() {
    let (got, kinds) = clean("Over\u{a0}32,000\u{202f}lives\u{200b} were\u{7} lost\u{feff}.");
    assert_eq!(got, "Over 32,000 lives were lost.");
    assert_eq!(
        kinds,
        [
            EditKind::Space,
            EditKind::Space,
            EditKind::Invisible,
            EditKind::Control,
            EditKind::Invisible
        ]
    );
    let (got, _) = clean("con\u{ad}flict in the\u{3000}region");
    assert_eq!(got, "conflict in the region");
}

#[test]
fn normalization_nfc_and_nfkc() {
    let input = "Cafe\u{301} owners in Zu\u{308}rich";
    let (got, kinds) = clean(input);
    assert_eq!(got, "Café owners in Zürich");
    assert_eq!(kinds, [EditKind::Normalization, EditKind::Normalization]);
    let nfkc = Cleaner::builder()
        .normalization(Some(Normalization::Nfkc))
        .build()
        .expect("cleaner builds");
    assert_eq!(nfkc.clean("signiﬁcant ＴＥＸＴ").text, "significant TEXT");
    let none = Cleaner::builder().normalization(None).build();
    let none = none.expect("cleaner builds");
    assert_eq!(none.clean(input).text, input);
}

#[test]
fn whitespace_layout() {
    let (got, kinds) = clean("The  strikes   continued.   \r\nTalks resumed.\t\rEnd.  ");
    assert_eq!(got, "The strikes continued.\nTalks resumed.\nEnd.");
    assert!(kinds.iter().all(|k| *k == EditKind::Whitespace));
}

#[test]
fn typography_is_off_by_default_and_folds_when_asked() {
    let input = "“Vital targets” – Qatar’s view…";
    assert!(Cleaner::default().clean(input).edits.is_empty());
    let fold = Cleaner::builder().typography(true).build();
    let fold = fold.expect("cleaner builds");
    let cleaned = fold.clean(input);
    assert_eq!(cleaned.text, "\"Vital targets\" - Qatar's view...");
    assert!(cleaned.edits.iter().all(|e| e.kind == EditKind::Typography));
}

#[test]
fn boilerplate_trailers() {
    let input = "Three of these strikes took place in the south, according to Al Jazeera.CONTINUE FULL READING>>>>>\n\
                 The talks failed. Read more >>\n\
                 Share this:\n\
                 Subscribe to our newsletter\n\
                 Readers who subscribe to the paper get a discount.";
    let (got, kinds) = clean(input);
    assert_eq!(
        got,
        "Three of these strikes took place in the south, according to Al Jazeera.\n\
         The talks failed.\n\
         \n\
         \n\
         Readers who subscribe to the paper get a discount."
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == EditKind::Boilerplate)
            .count(),
        4
    );
}

#[test]
fn boilerplate_is_conservative() {
    for input in [
        "Click to subscribe now",
        "The group wants people to read more",
        "He urged followers to share this",
        "A new advertisement campaign began.",
    ] {
        let (got, _) = clean(input);
        assert_eq!(got, input);
    }
}

#[test]
fn boilerplate_can_be_extended_or_switched_off() {
    let cleaner = Cleaner::builder()
        .boilerplate_phrase("Watch the video >>")
        .build();
    let cleaner = cleaner.expect("cleaner builds");
    assert_eq!(
        cleaner.clean("He spoke. WATCH THE VIDEO>>").text,
        "He spoke."
    );
    let off = Cleaner::builder().boilerplate(false).build();
    let off = off.expect("cleaner builds");
    let input = "He spoke. Read more >>";
    assert_eq!(off.clean(input).text, input);
}

#[test]
fn steps_can_be_switched_off() {
    let input = "Israelâ€™s &amp; Gaza\u{a0}now";
    let c = Cleaner::builder()
        .mojibake(false)
        .html_entities(false)
        .spaces(false)
        .build();
    let c = c.expect("cleaner builds");
    assert!(c.clean(input).edits.is_empty());
}

#[test]
fn later_steps_merge_into_the_earlier_kind() {
    let input = "a&nbsp;b";
    let cleaned = Cleaner::default().clean(input);
    assert_eq!(cleaned.text, "a b");
    assert_eq!(cleaned.edits.len(), 1);
    assert_eq!(cleaned.edits[0].kind, EditKind::HtmlEntity);
    assert_eq!(cleaned.edits[0].span, Span::new(1, 7));
    assert_eq!(cleaned.edits[0].replacement, " ");
}

#[test]
fn output_offsets_map_to_the_input() {
    let input = "Israelâ€™s  army";
    let cleaned = Cleaner::default().clean(input);
    assert_eq!(cleaned.text, "Israel’s army");
    let army = cleaned.text.find("army").unwrap_or(0);
    assert_eq!(&input[cleaned.input_offset(army)..], "army");
    assert_eq!(cleaned.input_offset(0), 0);
    assert_eq!(cleaned.input_offset(cleaned.text.len()), input.len());
    // "Israel’s" maps back to the damaged word.
    let word = cleaned.input_span(Span::new(0, "Israel’s".len()));
    assert_eq!(&input[word], "Israelâ€™s");
    let quote = cleaned.input_span(Span::new(6, 9));
    assert_eq!(&input[quote], "â€™");
}

#[test]
fn edits_serialize_in_snake_case() {
    let cleaned = Cleaner::default().clean("x&amp;y");
    let json = serde_json::to_string(&cleaned.edits).unwrap_or_default();
    assert_eq!(
        json,
        r#"[{"kind":"html_entity","start":1,"end":6,"replacement":"&"}]"#
    );
}

#[test]
fn seed_with_trailers() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seeds/004_e3f78a58f49dd915.txt"
    );
    let Ok(source) = std::fs::read_to_string(path) else {
        // The shared folder lives beside the workspace; nothing to check without it.
        return;
    };
    let doc = corpus_format::parse(&source);
    let clean = Cleaner::default().clean_document(&doc);
    assert!(clean.count(EditKind::Boilerplate) >= 2);
    let body = clean.body();
    assert!(!body.contains("CONTINUE FULL READING"));
    assert!(body.contains("according to reporting from Qatar’s Al Jazeera.\n"));
    assert!(body.ends_with("driving the violence."));
    for e in &clean.edits {
        assert!(
            source[e.span].starts_with("CONTINUE FULL READING") || e.kind != EditKind::Boilerplate
        );
    }
}

#[test]
fn documents_keep_blocks_and_drop_empty_ones() {
    let source = " date 2024-03-26 Israelâ€™s  strikes\r\ncontinued.\r\n\r\nShare this:\r\n\r\nLooking\u{a0}Ahead\r\n\r\nTalks resumed.CONTINUE FULL READING>>>>>";
    let doc = corpus_format::parse(source);
    let clean = Cleaner::default().clean_document(&doc);
    assert_eq!(clean.blocks.len(), 3);
    assert_eq!(clean.blocks[0].text, "Israel’s strikes\ncontinued.");
    assert_eq!(clean.blocks[1].text, "Looking Ahead");
    assert_eq!(clean.blocks[1].kind, corpus_format::BlockKind::Heading);
    assert_eq!(
        clean.render(),
        " date 2024-03-26 Israel’s strikes\ncontinued.\n\nLooking Ahead\n\nTalks resumed."
    );
    assert_eq!(
        clean.body(),
        "Israel’s strikes\ncontinued.\n\nLooking Ahead\n\nTalks resumed."
    );
    let kinds: Vec<EditKind> = clean.edits.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EditKind::Mojibake,
            EditKind::Whitespace,
            EditKind::EmptyBlock,
            EditKind::Space,
            EditKind::Boilerplate
        ]
    );
    let dropped = &clean.edits[2];
    assert_eq!(&source[dropped.span], "Share this:");
    assert_eq!(&source[clean.edits[0].span], "â€™");
}

#[test]
fn cleaner_is_shareable_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Cleaner>();
    let cleaner = Cleaner::default();
    let texts = ["Israelâ€™s army", "Tom &amp; Jerry", "plain"];
    let results: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .iter()
            .map(|t| s.spawn(|| cleaner.clean(t).text.into_owned()))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    assert_eq!(results, ["Israel’s army", "Tom & Jerry", "plain"]);
}

#[test]
fn removal_at_a_line_start_is_cleaned_again() {
    // Removing the control character makes `Ã ` after a line break the
    // start of the line; the result must already be clean.
    let input = "\u{a0}subscribe\r\n\u{1a}Ã CONTINUE FULL READING>>>>>";
    let cleaner = Cleaner::default();
    let once = cleaner.clean(input);
    assert!(
        cleaner.clean(&once.text).edits.is_empty(),
        "{:?}",
        once.text
    );
}

#[test]
fn a_header_revealed_by_cleaning_becomes_the_header() {
    let source = "\u{200b}date 2024-03-26 Drones struck the base.\n\nNext paragraph.";
    let doc = corpus_format::parse(source);
    assert_eq!(doc.date(), None);
    let clean = Cleaner::default().clean_document(&doc);
    assert_eq!(
        clean.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-26")
    );
    assert_eq!(clean.blocks[0].text, "Drones struck the base.");
    let rendered = clean.render();
    assert_eq!(
        rendered,
        " date 2024-03-26 Drones struck the base.\n\nNext paragraph."
    );
    let again = corpus_format::parse(&rendered);
    assert_eq!(again.date(), clean.date);
    assert_eq!(again.blocks().len(), 2);
    // A header alone on its block leaves no empty block behind.
    let alone =
        Cleaner::default().clean_document(&corpus_format::parse("\0date 2024-03-26\n\nText."));
    assert_eq!(alone.blocks.len(), 1);
    assert_eq!(alone.render(), " date 2024-03-26 Text.");
}
