//! Hand-written cases for the word and sentence rules.

use corpus_stats::{
    TextCounts, count_sentences, count_sentences_reference, count_words, count_words_reference,
    words,
};

/// (text, expected words)
const WORD_CASES: &[(&str, &[&str])] = &[
    ("Israel’s army", &["Israel’s", "army"]),
    ("Israel's army", &["Israel's", "army"]),
    (
        "the officials’ statement",
        &["the", "officials", "statement"],
    ),
    ("32,700 people", &["32,700", "people"]),
    ("1,200,000 and 1,2,3", &["1,200,000", "and", "1,2,3"]),
    ("the U.S. said", &["the", "U.S", "said"]),
    ("Al-Qassam Brigades", &["Al", "Qassam", "Brigades"]),
    ("an e-mail", &["an", "e", "mail"]),
    ("rose 3.5% in", &["rose", "3.5", "in"]),
    ("wait... what", &["wait", "what"]),
    ("...", &[]),
    ("war — and peace", &["war", "and", "peace"]),
    ("war—peace", &["war", "peace"]),
    ("—", &[]),
    ("at 10:30 today", &["at", "10", "30", "today"]),
    ("ratio a:b", &["ratio", "a:b"]),
    ("1;2 a;b", &["1;2", "a", "b"]),
    ("3.a and a.3", &["3", "a", "and", "a", "3"]),
    ("foo_bar _x __", &["foo_bar", "_x"]),
    (
        "café in Zürich, São Paulo",
        &["café", "in", "Zürich", "São", "Paulo"],
    ),
    ("“Yes,” she said.", &["Yes", "she", "said"]),
    ("«Oui» dit-il", &["Oui", "dit", "il"]),
    ("$3 billion €20 £5", &["3", "billion", "20", "5"]),
    ("don't can’t", &["don't", "can’t"]),
    ("'quoted'", &["quoted"]),
    ("a.b.c. d", &["a.b.c", "d"]),
    ("9 to 4\r\nnext\tline", &["9", "to", "4", "next", "line"]),
    ("Ta’anit 👍 ok", &["Ta’anit", "ok"]),
    (
        "中文字 and カタカナ",
        &["中", "文", "字", "and", "カタカナ"],
    ),
    ("", &[]),
];

#[test]
fn words_follow_uax29() {
    for &(text, expected) in WORD_CASES {
        let found: Vec<&str> = words(text).collect();
        assert_eq!(found, expected, "{text:?}");
        assert_eq!(count_words(text), expected.len() as u64, "{text:?}");
        assert_eq!(
            count_words_reference(text),
            expected.len() as u64,
            "{text:?}"
        );
    }
}

/// (text, expected sentences)
const SENTENCE_CASES: &[(&str, u64)] = &[
    ("", 0),
    ("...", 0),
    ("One sentence", 1),
    ("One. Two. Three.", 3),
    ("Is it? Yes! Fine.", 3),
    ("The U.S. army left.", 1),
    ("It was 3.5 percent.", 1),
    ("He met Mr. Smith.", 2),
    ("“Stop.” Then he left.", 2),
    ("He said “stop.” and left.", 1),
    ("(It ended.) Next one.", 2),
    ("First line\nsecond line", 2),
    ("First.\r\nSecond.", 2),
    ("First\rSecond", 2),
    ("First.\n\nSecond.", 2),
    ("One.\u{a0}Two.", 2),
    ("etc. and more", 1),
    ("Rates rose 3.5%. Prices fell.", 2),
    ("Wait... what?", 1),
    ("Wait... What?", 2),
    ("Café owners sighed. Zürich agreed.", 2),
    ("— . —", 0),
];

#[test]
fn sentences_follow_uax29() {
    for &(text, expected) in SENTENCE_CASES {
        assert_eq!(count_sentences(text), expected, "{text:?}");
        assert_eq!(count_sentences_reference(text), expected, "{text:?}");
    }
}

#[test]
fn line_endings_do_not_change_word_counts() {
    let lf = "The army said.\nIt left Gaza’s north.\n\nOfficials confirmed 32,700.";
    for text in [
        lf.to_string(),
        lf.replace('\n', "\r\n"),
        lf.replace('\n', "\r"),
    ] {
        assert_eq!(count_words(&text), 10, "{text:?}");
        assert_eq!(count_sentences(&text), count_sentences_reference(&text));
    }
}

#[test]
fn text_counts() {
    let c = TextCounts::of("Zürich’s mayor — “no.”");
    assert_eq!(c.words, 3);
    assert_eq!(c.sentences, 1);
    assert_eq!(c.chars, 22);
    assert_eq!(c.bytes, 31);
    assert_eq!(TextCounts::of(""), TextCounts::default());
}

#[test]
fn long_runs_after_a_full_stop_stay_linear() {
    // `unicode-segmentation` alone takes quadratic time on these lines
    // (they hold a character outside the fast path, so they go to it).
    for run in [" ", "\t", ")", "\""] {
        let text = format!("Done 👍. {}next one. Last 中.\n", run.repeat(200_000));
        assert_eq!(count_sentences(&text), 2, "{run:?}");
        let text = format!("Done 👍. {}Next one. Last 中.\n", run.repeat(200_000));
        assert_eq!(count_sentences(&text), 3, "{run:?}");
    }
    let short = format!("Done 👍. {}next. A 中. b", " ".repeat(50));
    assert_eq!(count_sentences(&short), count_sentences_reference(&short));
}

#[test]
fn pathological_inputs_are_counted() {
    let n = 1 << 20;
    let one_word = "a".repeat(n);
    assert_eq!(TextCounts::of(&one_word).words, 1);
    assert_eq!(TextCounts::of(&one_word).sentences, 1);
    let dots = "a.".repeat(n / 2);
    assert_eq!(count_words(&dots), 1);
    assert_eq!(count_sentences(&dots), 1);
    let spaced = format!(".{}x", " ".repeat(n));
    assert_eq!(count_words(&spaced), 1);
    assert_eq!(count_sentences(&spaced), 1);
    let stops = ". ".repeat(n / 2);
    assert_eq!(count_words(&stops), 0);
    assert_eq!(count_sentences(&stops), 0);
    let lines = "\n".repeat(n);
    assert_eq!(TextCounts::of(&lines).sentences, 0);
    let underscores = "_".repeat(n);
    assert_eq!(count_words(&underscores), 0);
    assert_eq!(words(&underscores).count(), 0);
    let accents = "é".repeat(n / 2);
    assert_eq!(count_words(&accents), 1);
    let cjk = "中".repeat(n / 3);
    assert_eq!(count_words(&cjk), (n / 3) as u64);
}
