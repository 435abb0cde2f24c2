//! Properties of the figure extractor: numbers written by a generator are
//! found with their exact value; spans always slice to the text on char
//! boundaries; no input panics.

use corpus_stats::{Figure, FigureKind, figures, figures_excluding};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Words for 1..=999, with the style choices `and` and hyphen.
fn below_thousand(n: u64, and: bool, hyphen: bool) -> String {
    let mut parts = Vec::new();
    let (h, rest) = (n / 100, n % 100);
    if h > 0 {
        parts.push(format!("{} hundred", SMALL[h as usize]));
        if rest > 0 && and {
            parts.push("and".to_string());
        }
    }
    if rest > 0 {
        if rest < 20 {
            parts.push(SMALL[rest as usize].to_string());
        } else {
            let (t, u) = (rest / 10, rest % 10);
            if u == 0 {
                parts.push(TENS[t as usize].to_string());
            } else {
                let sep = if hyphen { "-" } else { " " };
                parts.push(format!("{}{sep}{}", TENS[t as usize], SMALL[u as usize]));
            }
        }
    }
    parts.join(" ")
}

/// English words for `n` in 0..1_000_000.
fn words(n: u64, and: bool, hyphen: bool) -> String {
    if n == 0 {
        return "zero".to_string();
    }
    let (th, rest) = (n / 1000, n % 1000);
    let mut out = String::new();
    if th > 0 {
        out.push_str(&below_thousand(th, and, hyphen));
        out.push_str(" thousand");
    }
    if rest > 0 {
        if !out.is_empty() {
            out.push(' ');
            if rest < 100 && and {
                out.push_str("and ");
            }
        }
        out.push_str(&below_thousand(rest, and, hyphen));
    }
    out
}

/// `n` with `sep` between groups of three digits.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn check_spans(text: &str, found: &[Figure<'_>]) {
    let mut last_end = 0;
    for f in found {
        assert!(f.span.start < f.span.end, "empty span in {text:?}");
        assert!(f.span.start >= last_end, "overlapping figures in {text:?}");
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert_eq!(&text[f.span], f.text);
        if let Some(u) = f.unit {
            let off = u.as_ptr() as usize - text.as_ptr() as usize;
            assert!(
                off >= f.span.end && off + u.len() <= text.len(),
                "unit outside text"
            );
            assert!(u.split(' ').count() <= 3, "unit too long: {u:?}");
        }
        if f.kind == FigureKind::Money {
            assert!(f.currency.is_some());
        }
        last_end = f.span.end;
    }
}

const FRAMES: [(&str, &str); 4] = [
    ("Officials said ", " people were hurt."),
    ("The agency counted ", " tents near the border, it said."),
    ("Reports put the toll at ", ", the highest yet."),
    ("", " families fled."),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn numbers_in_words_are_found(n in 0u64..1_000_000, and in any::<bool>(), hyphen in any::<bool>(), frame in 0usize..4) {
        // A bare `one` before a comma is the pronoun (EXTRACTION.md).
        prop_assume!(!(n == 1 && frame == 2));
        let w = words(n, and, hyphen);
        let (pre, post) = FRAMES[frame];
        let text = format!("{pre}{w}{post}");
        let found: Vec<_> = figures(&text).collect();
        check_spans(&text, &found);
        let hit = found.iter().find(|f| f.span.start == pre.len());
        let hit = hit.unwrap_or_else(|| panic!("{w:?} not found in {text:?}: {found:?}"));
        prop_assert_eq!(hit.text.to_lowercase(), w.to_lowercase());
        prop_assert_eq!(hit.value, Some(Decimal::from(n)));
        prop_assert_eq!(found.len(), 1);
    }

    #[test]
    fn numbers_in_digits_are_found(
        n in 0u64..1_000_000_000_000,
        style in 0usize..5,
        frac in proptest::option::of(0u32..1000),
        frame in 0usize..4,
    ) {
        let int = match style {
            0 => n.to_string(),
            1 => grouped(n, ","),
            2 => grouped(n, "\u{202f}"),
            3 => grouped(n, "\u{2009}"),
            _ => grouped(n, " "),
        };
        let (written, value) = match frac {
            Some(f) => {
                let s = format!("{int}.{f:03}");
                let v = Decimal::from_str(&format!("{n}.{f:03}")).expect("decimal");
                (s, v)
            }
            None => (int, Decimal::from(n)),
        };
        let (pre, post) = FRAMES[frame];
        let text = format!("{pre}{written}{post}");
        let found: Vec<_> = figures(&text).collect();
        check_spans(&text, &found);
        let hit = found.iter().find(|f| f.span.start == pre.len());
        let hit = hit.unwrap_or_else(|| panic!("{written:?} not found in {text:?}: {found:?}"));
        prop_assert_eq!(hit.text, written.as_str());
        prop_assert_eq!(hit.value, Some(value));
        prop_assert_eq!(found.len(), 1);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let found: Vec<_> = figures(&text).collect();
        check_spans(&text, &found);
        for f in &found {
            serde_json::to_string(f).expect("serializable");
        }
    }

    #[test]
    fn number_like_text_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("1"), Just("23"), Just("456"), Just("2024"), Just(","), Just("."), Just(" "),
                Just("-"), Just("–"), Just(":"), Just("/"), Just("%"), Just("$"), Just("€"),
                Just("one"), Just("twenty"), Just("hundred"), Just("thousands"), Just("of"),
                Just("March"), Just("over"), Just("more than"), Just("at least"), Just("the"),
                Just("fourth"), Just("pm"), Just("\u{202f}"), Just("\u{a0}"), Just("é"), Just("\n"),
                Just("a"), Just("half"), Just("cents"), Just("and"), Just("USD"), Just("k"),
                Just("Channel"), Just("in"), Just("th"), Just("bn"), Just("+"), Just("("), Just(")"),
            ],
            0..40,
        ),
    ) {
        let text: String = parts.concat();
        let found: Vec<_> = figures_excluding(&text, &[]).collect();
        check_spans(&text, &found);
        let with_dates: Vec<_> = figures(&text).collect();
        check_spans(&text, &with_dates);
    }
}
