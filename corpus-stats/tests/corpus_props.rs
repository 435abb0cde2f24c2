//! Properties of document and corpus totals.

use corpus_stats::{
    CorpusStats, DocStats, InvalidMonthError, LARGEST_FIGURES_KEPT, LargestFigure, count_chars,
    count_sentences, count_words,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const VOCABULARY: &[&str] = &[
    "The",
    "the",
    "army",
    "Army",
    "said",
    "Gaza’s",
    "32,700",
    "U.S.",
    "café",
    "Café",
    "and",
    "of",
    "talks",
    ".",
    ",",
    "—",
    "“",
    "”",
    "\n",
    "ΣΟΦΟΣ",
    "İstanbul",
    "ß",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..40).prop_map(|v| v.join(" "))
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn figure() -> impl Strategy<Value = (String, Option<Decimal>, String, Option<String>)> {
    (
        prop::sample::select(&["cardinal", "money", "percent", "vague"][..]),
        prop::option::of(decimal()),
        prop::sample::select(&["40", "1.5 million", "$3", "dozens"][..]),
        prop::option::of(prop::sample::select(&["people", "days"][..])),
    )
        .prop_map(|(k, v, t, u)| (k.to_string(), v, t.to_string(), u.map(str::to_string)))
}

fn doc() -> impl Strategy<Value = DocStats> {
    (
        text(),
        0u64..5,
        0u64..3,
        prop::sample::select(&["a.txt", "b.txt", "c.txt"][..]),
        prop::collection::vec("20[0-9]{2}-(0[1-9]|1[0-2])(-[0-2][0-9])?", 0..4),
        prop::collection::vec(figure(), 0..30),
    )
        .prop_map(|(body, paragraphs, headings, name, dates, figures)| {
            let mut doc = DocStats::from_text(&body, paragraphs, headings).with_document(name);
            for d in dates {
                doc.add_date_month(&d).expect("generated dates are valid");
            }
            for (kind, value, text, unit) in figures {
                doc.add_figure(&kind, value, &text, unit.as_deref(), "some context");
            }
            doc
        })
}

fn shard() -> impl Strategy<Value = CorpusStats> {
    prop::collection::vec(doc(), 0..6).prop_map(|docs| docs.into_iter().collect())
}

fn merged(mut a: CorpusStats, b: CorpusStats) -> CorpusStats {
    a.merge(b);
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn merge_is_associative(a in shard(), b in shard(), c in shard()) {
        let left = merged(merged(a.clone(), b.clone()), c.clone());
        let right = merged(a, merged(b, c));
        prop_assert_eq!(left, right);
    }

    #[test]
    fn merge_is_commutative(a in shard(), b in shard()) {
        prop_assert_eq!(merged(a.clone(), b.clone()), merged(b, a));
    }

    #[test]
    fn empty_stats_are_neutral(a in shard()) {
        prop_assert_eq!(merged(a.clone(), CorpusStats::new()), a.clone());
        prop_assert_eq!(merged(CorpusStats::new(), a.clone()), a);
    }

    #[test]
    fn parts_merge_to_the_whole(docs in prop::collection::vec(doc(), 0..12), cut1 in 0usize..12, cut2 in 0usize..12) {
        let whole: CorpusStats = docs.iter().cloned().collect();
        let (i, j) = (cut1.min(cut2).min(docs.len()), cut1.max(cut2).min(docs.len()));
        let parts: Vec<CorpusStats> = [&docs[..i], &docs[i..j], &docs[j..]]
            .into_iter()
            .map(|part| part.iter().cloned().collect())
            .collect();
        // Merge the parts in reverse order, to change the order as well.
        let combined: CorpusStats = parts.into_iter().rev().collect();
        prop_assert_eq!(&combined, &whole);
        prop_assert_eq!(whole.documents, docs.len() as u64);
        prop_assert_eq!(whole.words, docs.iter().map(|d| d.words).sum::<u64>());
        prop_assert_eq!(whole.sentences, docs.iter().map(|d| d.sentences).sum::<u64>());
        prop_assert_eq!(whole.paragraphs, docs.iter().map(|d| d.paragraphs).sum::<u64>());
        prop_assert_eq!(whole.word_frequencies.values().sum::<u64>(), whole.words);
        prop_assert_eq!(
            whole.figures_by_kind.values().sum::<u64>(),
            docs.iter().map(|d| d.figures_by_kind.values().sum::<u64>()).sum::<u64>()
        );
    }

    #[test]
    fn a_documents_largest_figures_are_the_top_of_its_figures(
        figures in prop::collection::vec(figure(), 0..60),
    ) {
        let mut doc = DocStats::default().with_document("d.txt");
        let mut all: Vec<LargestFigure> = Vec::new();
        for (kind, value, text, unit) in figures {
            doc.add_figure(&kind, value, &text, unit.as_deref(), "context");
            if let Some(value) = value {
                all.push(LargestFigure {
                    value,
                    kind,
                    text,
                    unit,
                    context: "context".to_string(),
                    document: "d.txt".to_string(),
                });
            }
        }
        all.sort_by(LargestFigure::cmp_rank);
        all.truncate(LARGEST_FIGURES_KEPT);
        prop_assert_eq!(&doc.largest_figures, &all);
    }

    #[test]
    fn largest_figures_are_the_top_of_all_figures(docs in prop::collection::vec(doc(), 0..8)) {
        let whole: CorpusStats = docs.iter().cloned().collect();
        // Naive oracle: every figure with a value of every document.
        let mut all: Vec<LargestFigure> = Vec::new();
        for d in &docs {
            all.extend(d.largest_figures.iter().cloned());
        }
        all.sort_by(LargestFigure::cmp_rank);
        all.truncate(LARGEST_FIGURES_KEPT);
        prop_assert!(whole.largest_figures.len() <= LARGEST_FIGURES_KEPT);
        prop_assert!(whole.largest_figures.windows(2).all(|w| w[0].value >= w[1].value));
        prop_assert_eq!(&whole.largest_figures, &all);
    }

    #[test]
    fn doc_stats_match_the_counters(body in text(), p in 0u64..9, h in 0u64..9) {
        let doc = DocStats::from_text(&body, p, h);
        prop_assert_eq!(doc.words, count_words(&body));
        prop_assert_eq!(doc.sentences, count_sentences(&body));
        prop_assert_eq!(doc.chars, count_chars(&body));
        prop_assert_eq!(doc.bytes, body.len() as u64);
        prop_assert_eq!((doc.paragraphs, doc.headings), (p, h));
        prop_assert_eq!(doc.word_frequencies.values().sum::<u64>(), doc.words);
        for word in doc.word_frequencies.keys() {
            prop_assert_eq!(word.to_lowercase(), word.clone());
        }
    }

    #[test]
    fn doc_stats_of_any_text(body in any::<String>()) {
        let doc = DocStats::from_text(&body, 1, 0);
        prop_assert_eq!(doc.words, count_words(&body));
        prop_assert_eq!(doc.word_frequencies.values().sum::<u64>(), doc.words);
        let corpus = CorpusStats::from(doc);
        prop_assert_eq!(corpus.documents, 1);
    }

    #[test]
    fn top_words_match_a_naive_ranking(a in shard(), n in 0usize..12) {
        let mut naive: Vec<(&str, u64)> =
            a.word_frequencies.iter().map(|(w, &c)| (w.as_str(), c)).collect();
        naive.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        naive.truncate(n);
        prop_assert_eq!(a.top_words(n), naive);
        let filtered = a.top_words_excluding(n, corpus_stats::ENGLISH_STOP_WORDS);
        prop_assert!(filtered.iter().all(|(w, _)| !corpus_stats::is_english_stop_word(w)));
    }

    #[test]
    fn serde_round_trips(d in doc(), a in shard()) {
        let json = serde_json::to_string(&d).expect("serialize");
        let back: DocStats = serde_json::from_str(&json).expect("deserialize");
        prop_assert_eq!(&back, &d);
        let json = serde_json::to_string(&a).expect("serialize");
        let back: CorpusStats = serde_json::from_str(&json).expect("deserialize");
        // Exact representation too, not just numeric equality.
        prop_assert_eq!(serde_json::to_string(&back).expect("serialize"), json);
        prop_assert_eq!(back, a);
    }

    #[test]
    fn month_keys_never_panic(value in any::<String>()) {
        let mut doc = DocStats::default();
        if doc.add_date_month(&value).is_ok() {
            prop_assert_eq!(doc.dates_by_month.len(), 1);
            prop_assert!(value.starts_with(doc.dates_by_month.keys().next().expect("one key").as_str()));
        } else {
            prop_assert!(doc.dates_by_month.is_empty());
        }
    }
}

#[test]
fn case_folding_uses_str_to_lowercase() {
    let doc = DocStats::from_text("The THE the ΣΟΦΟΣ İstanbul", 1, 0);
    assert_eq!(doc.word_frequencies["the"], 3);
    // `str::to_lowercase` writes a final sigma at the end of a word.
    assert_eq!(doc.word_frequencies["σοφος"], 1);
    assert_eq!(doc.word_frequencies["i\u{307}stanbul"], 1);
}

#[test]
fn top_words_break_ties_alphabetically() {
    let corpus = CorpusStats::from(DocStats::from_text("b a c b a d", 1, 0));
    assert_eq!(corpus.top_words(3), [("a", 2), ("b", 2), ("c", 1)]);
    assert_eq!(corpus.top_words(0), []);
    assert_eq!(corpus.top_words(99).len(), 4);
}

#[test]
fn dates_by_month() {
    let mut doc = DocStats::default();
    doc.add_date_month("2024-03").expect("month");
    doc.add_date_month("2024-03-26").expect("date");
    doc.add_date_month("2024-02-28/2024-03-02").expect("range");
    doc.add_date(chrono::NaiveDate::from_ymd_opt(2023, 10, 7).expect("valid date"));
    assert_eq!(
        doc.add_date_month("March 2024"),
        Err(InvalidMonthError {
            value: "March 2024".to_string()
        })
    );
    let keys: Vec<(&str, u64)> = doc
        .dates_by_month
        .iter()
        .map(|(k, &v)| (k.as_str(), v))
        .collect();
    assert_eq!(keys, [("2023-10", 1), ("2024-02", 1), ("2024-03", 2)]);
}

#[test]
fn largest_figures_order_is_total() {
    let mut doc = DocStats::default().with_document("x");
    doc.add_figure("cardinal", Some(Decimal::new(10, 1)), "1.0", None, "c");
    doc.add_figure("cardinal", Some(Decimal::new(100, 2)), "1.0", None, "c");
    doc.add_figure("money", Some(Decimal::from(3)), "$3", None, "c");
    let values: Vec<String> = doc
        .largest_figures
        .iter()
        .map(|f| f.value.to_string())
        .collect();
    assert_eq!(values, ["3", "1.0", "1.00"]);
    let mut other = DocStats::default().with_document("x");
    other.add_figure("cardinal", Some(Decimal::new(100, 2)), "1.0", None, "c");
    other.add_figure("cardinal", Some(Decimal::new(10, 1)), "1.0", None, "c");
    other.add_figure("money", Some(Decimal::from(3)), "$3", None, "c");
    let a = serde_json::to_string(&CorpusStats::from(doc)).expect("serialize");
    let b = serde_json::to_string(&CorpusStats::from(other)).expect("serialize");
    assert_eq!(a, b);
}
