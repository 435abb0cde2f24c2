//! The whole pipeline under an arbitrary configuration: several documents
//! -> decode -> parse -> clean (any cleaner options, added boilerplate
//! phrases) -> stats (any reference date, from year -262143 to 262142) ->
//! corpus totals.
//!
//! Asserts every property of the `parse`, `clean` and `stats` targets under
//! that configuration, and that corpus totals are the sums of the document
//! figures whatever the order and sharding of the merge.
#![no_main]

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use corpus_clean::{Cleaner, Normalization};
use corpus_fuzz::{alphabet, clean, format, stats};
use corpus_stats::{CorpusStats, DocStats};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
enum Form {
    Nfc,
    Nfkc,
}

#[derive(Debug, Arbitrary)]
enum Reference {
    /// Days from 0001-01-01, over the whole `i32` range (most are invalid).
    Days(i32),
    /// A plausible news date.
    Ymd(u16, u8, u8),
    Min,
    Max,
}

impl Reference {
    fn date(&self) -> Option<NaiveDate> {
        match *self {
            Reference::Days(d) => NaiveDate::from_num_days_from_ce_opt(d),
            Reference::Ymd(y, m, d) => NaiveDate::from_ymd_opt(
                1000 + i32::from(y % 2000),
                u32::from(m % 13),
                u32::from(d % 32),
            ),
            Reference::Min => Some(NaiveDate::MIN),
            Reference::Max => Some(NaiveDate::MAX),
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Config {
    html_entities: bool,
    mojibake: bool,
    control: bool,
    invisible: bool,
    spaces: bool,
    normalization: Option<Form>,
    typography: bool,
    boilerplate: bool,
    whitespace: bool,
    phrases: Vec<String>,
    /// The reference date for date mentions; without one, the header date.
    reference: Option<Reference>,
    /// Map the bytes to the tiny alphabet instead of decoding them.
    alphabet: bool,
    /// The byte that separates documents.
    separator: u8,
}

#[derive(Debug, Arbitrary)]
struct Input {
    config: Config,
    data: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let Input { config, data } = input;
    let mut builder = Cleaner::builder()
        .html_entities(config.html_entities)
        .mojibake(config.mojibake)
        .control(config.control)
        .invisible(config.invisible)
        .spaces(config.spaces)
        .normalization(config.normalization.as_ref().map(|f| match f {
            Form::Nfc => Normalization::Nfc,
            Form::Nfkc => Normalization::Nfkc,
        }))
        .typography(config.typography)
        .boilerplate(config.boilerplate)
        .whitespace(config.whitespace);
    for phrase in config.phrases.iter().take(4) {
        builder = builder.boilerplate_phrase(phrase.chars().take(48).collect::<String>());
    }
    let Ok(cleaner) = builder.build() else {
        return;
    };
    let expect = clean::Expect {
        normalization: config.normalization.as_ref().map(|f| match f {
            Form::Nfc => Normalization::Nfc,
            Form::Nfkc => Normalization::Nfkc,
        }),
        whitespace: config.whitespace,
        invisible: config.invisible,
    };
    let reference = config.reference.as_ref().and_then(Reference::date);

    let mut docs = Vec::new();
    for bytes in data.split(|&b| b == config.separator).take(8) {
        let text = if config.alphabet {
            alphabet::expand(bytes)
        } else {
            format::check_decode(bytes).into_owned()
        };
        let doc = corpus_format::parse(&text);
        format::check_document(&doc);
        format::check_strict(&doc);
        format::check_round_trip(&doc);
        clean::check_clean(&cleaner, &text, expect);
        let cleaned = clean::check_clean_document(&cleaner, &doc);
        let body = cleaned.body();
        let reference = reference.or(cleaned.date);
        stats::check_counts(&body);
        let dates = stats::check_dates(&body, reference);
        stats::check_figures(&body, &stats::check_dates(&body, None));

        let headings = cleaned
            .blocks
            .iter()
            .filter(|b| b.kind == corpus_format::BlockKind::Heading)
            .count() as u64;
        let mut doc_stats =
            DocStats::from_text(&body, cleaned.blocks.len() as u64 - headings, headings);
        assert_eq!(doc_stats.words, corpus_stats::count_words(&body));
        assert_eq!(
            doc_stats.word_frequencies.values().sum::<u64>(),
            doc_stats.words
        );
        let mut by_value = DocStats::default();
        for m in corpus_stats::date_mentions(&body, reference) {
            let Some(value) = m.value.filter(|v| v.month_key().is_some()) else {
                continue;
            };
            // Every value with a month has a `YYYY-MM` key, unless its year
            // has more or fewer than four digits.
            let shown = value.to_string();
            let ok = doc_stats.add_date_month(&shown).is_ok();
            let b = shown.as_bytes();
            let four_digits = b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
            assert_eq!(ok, four_digits, "month key of {shown:?}");
            by_value.add_date_value(&value);
        }
        // Counting from the value agrees with counting from its text.
        assert_eq!(by_value.dates_by_month, doc_stats.dates_by_month);
        assert!(dates.len() >= doc_stats.dates_by_month.values().sum::<u64>() as usize);
        for f in corpus_stats::figures(&body) {
            doc_stats.add_figure(f.kind.as_str(), f.value, f.text, f.unit, f.text);
        }
        docs.push(doc_stats.with_document(format!("doc{}", docs.len())));
    }

    // Totals are sums, whatever the order and sharding of the merge.
    let forward: CorpusStats = docs.iter().cloned().collect();
    let backward: CorpusStats = docs.iter().rev().cloned().collect();
    assert_eq!(forward, backward, "merge order changed the totals");
    let half = docs.len() / 2;
    let shards: CorpusStats = [
        docs[half..].iter().cloned().collect::<CorpusStats>(),
        docs[..half].iter().cloned().collect(),
    ]
    .into_iter()
    .collect();
    assert_eq!(forward, shards, "sharding changed the totals");
    assert_eq!(forward.documents, docs.len() as u64);
    assert_eq!(forward.words, docs.iter().map(|d| d.words).sum::<u64>());
    assert_eq!(
        forward.sentences,
        docs.iter().map(|d| d.sentences).sum::<u64>()
    );
    assert_eq!(forward.bytes, docs.iter().map(|d| d.bytes).sum::<u64>());
    let top = forward.top_words(5);
    assert!(
        top.windows(2)
            .all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)),
        "top words out of order"
    );
});
