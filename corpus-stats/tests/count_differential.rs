//! The fast counters equal `unicode-segmentation`'s full algorithm.

use corpus_stats::{
    count_chars, count_sentences, count_sentences_reference, count_words, count_words_reference,
    word_indices, words,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces that exercise the word and sentence rules and the edges of the
/// fast path: separators between letters and digits, quotes, terminators,
/// line breaks, and characters the fast path does not know (combining
/// marks, ZWJ, emoji, regional indicators, CJK, Hebrew, Katakana, format
/// characters, other spaces and separators).
const PIECES: &[&str] = &[
    "a",
    "Z",
    "x",
    "7",
    "0",
    ".",
    ",",
    ":",
    ";",
    "'",
    "\"",
    "_",
    "-",
    "!",
    "?",
    "(",
    ")",
    " ",
    "  ",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\u{b}",
    "\u{c}",
    "’",
    "‘",
    "“",
    "”",
    "„",
    "«",
    "»",
    "é",
    "É",
    "ß",
    "ñ",
    "Ł",
    "ǅ",
    "ƻ",
    "ǀ",
    "\u{301}",
    "\u{300}",
    "\u{200d}",
    "\u{200b}",
    "\u{ad}",
    "\u{a0}",
    "\u{202f}",
    "\u{3000}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "…",
    "—",
    "–",
    "€",
    "£",
    "°",
    "•",
    "·",
    "\u{2024}",
    "\u{fe52}",
    "\u{ff0e}",
    "ʼ",
    "½",
    "٣",
    "١٢",
    "👍",
    "👍🏽",
    "👨\u{200d}👩",
    "🇺🇸",
    "🇫",
    "中",
    "文字",
    "カタカナ",
    "ー",
    "א",
    "שָׁלוֹם",
    "\u{5f4}",
    "\u{5f3}",
    "한국",
    "ก",
    "©",
    "™",
    "‼",
    "。",
    "？",
    "！",
    "\u{feff}",
    "\u{e0001}",
];

/// Words and phrases from news text, with the tricky cases.
const PHRASES: &[&str] = &[
    "Israel’s",
    "Israel's",
    "32,700",
    "U.S.",
    "Al-Qassam",
    "e-mail",
    "3.5%",
    "...",
    "—",
    "can't",
    "e.g.",
    "10:30",
    "1,000,000",
    "3.14.15",
    "a.b.c",
    "foo_bar",
    "_x",
    "x_",
    "Mr. Smith",
    "said.",
    "“Yes,” she said.",
    "(AP)",
    "Gaza.",
    "The",
    "the",
    "of",
    "and",
    "in",
    "2024",
    "“Why?”",
    "No!",
    "café",
    "Zürich",
    "São Paulo",
    "naïve",
    "Ta’anit",
    "1.5 million",
    "$3",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u8..128).prop_map(|b| char::from(b).to_string()),
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        3 => prop::sample::select(PHRASES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn adversarial() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// Mostly-ASCII text with long runs (to reach the 32-byte fast path)
/// and a few rare characters.
fn news_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        12 => prop::sample::select(PHRASES).prop_map(|p| format!("{p} ")),
        4 => "[a-zA-Z]{1,12}[ .,;:'!?]{0,2}",
        2 => "[0-9]{1,4}[.,:;'][0-9]{1,3}",
        2 => "[a-z_.:'0-9]{1,8}",
        1 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => Just("\n\n".to_string()),
    ];
    prop::collection::vec(token, 0..300).prop_map(|v| v.concat())
}

/// A dense mix over a small alphabet, where every pair of classes meets.
fn dense() -> impl Strategy<Value = String> {
    let alphabet = prop::sample::select(
        &[
            "a", "b", "1", "2", ".", ",", ":", ";", "'", "’", "_", " ", "\n", "\r", "é", "É", "A",
            "\u{301}", "\u{200d}", "👍", "中", "?", "!", "\"", ")", "“", "\u{a0}", "-",
        ][..],
    );
    prop::collection::vec(alphabet, 0..200).prop_map(|v| v.concat())
}

/// A dense ASCII mix, so that whole 32-byte blocks of the fast path
/// hold every pair of classes, joins across word edges included.
fn ascii_dense() -> impl Strategy<Value = String> {
    let alphabet = prop::sample::select(
        &[
            "a", "b", "Z", "1", "2", ".", ",", ":", ";", "'", "_", " ", "\n", "\r", "-", "?", "ab",
            "12", "a.b", "1,2", "1.5", "x'y",
        ][..],
    );
    prop::collection::vec(alphabet, 0..300).prop_map(|v| v.concat())
}

/// Runs of spaces and closing punctuation around terminators, on lines
/// that also hold characters outside the fast path.
fn runs() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(
        &[
            ".", "!", "?", " ", "   ", "\t", ")", "))", "\"", "'", "(", "[", "]", "a", "b", "A",
            "1", "中", "👍", "\u{301}", "\u{a0}", "\u{2029}", "\n", "\r", "’", "”", ",", "-",
        ][..],
    );
    prop::collection::vec((piece, 1usize..6), 0..60)
        .prop_map(|v| v.into_iter().map(|(p, n)| p.repeat(n)).collect())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        count_words(text),
        count_words_reference(text),
        "words in {:?}",
        text
    );
    prop_assert_eq!(
        count_sentences(text),
        count_sentences_reference(text),
        "sentences in {:?}",
        text
    );
    let fast: Vec<(usize, &str)> = word_indices(text).collect();
    let full: Vec<(usize, &str)> = text.unicode_word_indices().collect();
    prop_assert_eq!(&fast, &full, "word indices in {:?}", text);
    prop_assert!(words(text).eq(fast.iter().map(|&(_, w)| w)));
    prop_assert_eq!(count_chars(text), text.chars().count() as u64);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6000))]

    #[test]
    fn adversarial_text_counts_like_the_full_algorithm(text in adversarial()) {
        check(&text)?;
    }

    #[test]
    fn news_like_text_counts_like_the_full_algorithm(text in news_like()) {
        check(&text)?;
    }

    #[test]
    fn dense_text_counts_like_the_full_algorithm(text in dense()) {
        check(&text)?;
    }

    #[test]
    fn dense_ascii_counts_like_the_full_algorithm(text in ascii_dense()) {
        check(&text)?;
    }

    #[test]
    fn runs_count_like_the_full_algorithm(text in runs()) {
        check(&text)?;
    }

    #[test]
    fn any_string_counts_like_the_full_algorithm(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn ascii_counts_like_the_full_algorithm(text in "[\\x00-\\x7f]{0,300}") {
        check(&text)?;
    }
}

#[test]
fn long_texts_with_rare_characters_count_like_the_full_algorithm() {
    // Long ASCII stretches with a rare character at every distance from
    // the block edges.
    let base = "The U.S. said 32,700 people fled; e.g. Al-Qassam's 3.5% share. \
                Why? Because: it_is (true)! ";
    for rare in ["é", "’", "👍", "\u{301}", "中", "\u{200d}", "…", "“"] {
        for at in 0..base.len() {
            if !base.is_char_boundary(at) {
                continue;
            }
            let text = format!("{}{}{}{}", base.repeat(2), &base[..at], rare, &base[at..]);
            assert_eq!(count_words(&text), count_words_reference(&text), "{text:?}");
            assert_eq!(
                count_sentences(&text),
                count_sentences_reference(&text),
                "{text:?}"
            );
        }
    }
}
