//! Throughput of the cleaner on generated news text, clean and damaged.
//!
//! ```text
//! cargo bench -p corpus-clean --bench clean -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Inputs (about 4 MB each, made by a fixed pseudo-random generator):
//! - `clean_ascii`: ASCII paragraphs with nothing to fix (the quick scan);
//! - `clean_unicode`: the same with curly quotes, dashes and accents, all
//!   correct (nothing to fix, but no ASCII shortcut);
//! - `damaged`: the unicode text with its non-ASCII characters turned into
//!   Windows-1252 mojibake, plus entities, no-break and zero-width spaces,
//!   double spaces, decomposed accents and scraper trailers;
//! - `pathological`: one 4 MB line of mojibake-looking characters and
//!   ampersands, to show time stays linear.

use std::hint::black_box;

use corpus_clean::Cleaner;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/text.rs"]
mod text;

use text::{news_ascii, news_damaged, news_unicode, pathological};

fn bench(c: &mut Criterion) {
    let cleaner = Cleaner::default();
    let mut group = c.benchmark_group("clean");
    for (name, text) in [
        ("clean_ascii", news_ascii()),
        ("clean_unicode", news_unicode()),
        ("damaged", news_damaged()),
        ("pathological", pathological()),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(cleaner.clean(black_box(&text)).edits.len()));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
