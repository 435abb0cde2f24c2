//! Linear time on hostile input.
//!
//! Each pathological document is built at growing sizes (1, 2, 4 and
//! 8 MiB) and run through every stage of the pipeline: parsing and
//! canonical rendering, cleaning, counting, date mentions and figures.
//! Throughput is reported in bytes, so criterion prints MB/s per size: a
//! flat MB/s across sizes is linear time; a rate that halves when the size
//! doubles is a quadratic path. Inputs that make millions of small blocks,
//! edits or words work from the caches at 1 MiB and from memory at 8 MiB,
//! so their rate drops once, then stays flat at 16 and 32 MiB.
//!
//! ```sh
//! cargo bench -p corpus-examples --bench pathological -- --warm-up-time 1 --measurement-time 3
//! cargo bench -p corpus-examples --bench pathological -- 'clean/amp'   # one stage and input
//! ```
//!
//! Set `PATHOLOGICAL_MAX_MB` (default 8) to stop at a smaller size or go
//! on to larger ones (up to 128).

use std::{hint::black_box, time::Duration};

use corpus_clean::Cleaner;
use corpus_format::parse;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

const MB: usize = 1 << 20;

/// Pathological documents: a name and the unit repeated to fill the size.
///
/// Each is a shape that makes a naive parser, cleaner or extractor go
/// back over what it has read.
const INPUTS: &[(&str, &str)] = &[
    // One enormous line without a space: one block, one word.
    ("long_line", "abcdefghijklmnopqrstuvwxyz0123456789"),
    // A million blank lines: no block at all.
    ("blank_lines", "\n"),
    // Blank lines of spaces and no-break spaces.
    ("blank_spaces", " \u{a0} \t\n"),
    // Each line its own short block (a heading candidate).
    ("short_blocks", "A\n\n"),
    // Soft breaks everywhere: one block of a million lines.
    ("soft_breaks", "a\r\n"),
    // Only carriage returns: lone `\r` line breaks.
    ("cr", "\r"),
    // The header keyword over and over.
    ("date_date", "date "),
    // A header look-alike without end, then digits and dashes.
    ("date_digits", "date 2024-03-2"),
    // Digits and commas: one endless number.
    ("ones_commas", "1,"),
    // Month names with nothing to complete them.
    ("march", "March "),
    // Ranges and days: `March 26-27 March 26-27 …`.
    ("march_ranges", "March 26-27 "),
    // Figure qualifiers with no number.
    ("qualifiers", "over more than at least "),
    // HTML entities, and doubly escaped ones.
    ("amp", "&amp;"),
    ("amp_amp", "&amp;amp;"),
    // Mojibake of `é`, fixed on every line at once.
    ("mojibake", "Ã©"),
    // Zero-width characters between letters.
    ("zero_width", "a\u{200b}\u{200d}"),
    // Decomposed accents.
    ("combining", "e\u{301}\u{327}"),
    // Runs of spaces inside one line.
    ("spaces", "a     "),
    // All of the above mixed on short lines, as the fuzzers' alphabet does.
    (
        "mixture",
        "date 2024-03-2 March 26-27 over 1,1,1 &amp;amp; Ã© e\u{301}\u{200b} $3 million\r\n",
    ),
];

/// 1, 2, 4 and 8 MiB, or powers of two up to `PATHOLOGICAL_MAX_MB`: sizes
/// past the caches (16, 32) tell a memory effect, flat from there on,
/// from a superlinear path, which keeps slowing down.
fn sizes() -> Vec<usize> {
    let max = std::env::var("PATHOLOGICAL_MAX_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(8);
    (0..8).map(|i| 1 << i).filter(|&s| s <= max).collect()
}

/// `unit` repeated to `size` bytes (never splitting a character).
fn build(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len());
    for c in unit.chars() {
        if text.len() + c.len_utf8() > size {
            break;
        }
        text.push(c);
    }
    text
}

/// Runs `stage` on every input at every size, one group per input.
fn stage(c: &mut Criterion, name: &str, run: impl Fn(&str) -> usize) {
    for &(input, unit) in INPUTS {
        let mut group = c.benchmark_group(format!("{name}/{input}"));
        // Flat sampling: ten runs of the whole input, not 1 + 2 + … + 10.
        group.sampling_mode(SamplingMode::Flat);
        for size in sizes() {
            let text = build(unit, size * MB);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{size}MB")),
                &text,
                |b, text| {
                    b.iter(|| black_box(run(black_box(text))));
                },
            );
        }
        group.finish();
    }
}

fn parse_and_render(c: &mut Criterion) {
    stage(c, "parse", |text| {
        let doc = parse(text);
        doc.blocks().len() + doc.to_string().len()
    });
}

fn clean(c: &mut Criterion) {
    let cleaner = Cleaner::default();
    stage(c, "clean", |text| cleaner.clean(text).edits().len());
    stage(c, "clean_document", |text| {
        cleaner.clean_document(&parse(text)).blocks.len()
    });
}

fn counts(c: &mut Criterion) {
    stage(c, "count", |text| {
        let counts = corpus_stats::TextCounts::of(text);
        (counts.words + counts.sentences) as usize
    });
}

fn dates(c: &mut Criterion) {
    let reference = chrono::NaiveDate::from_ymd_opt(2024, 3, 26);
    stage(c, "dates", |text| {
        corpus_stats::date_mentions(text, reference).count()
    });
}

fn figures(c: &mut Criterion) {
    stage(c, "figures", |text| corpus_stats::figures(text).count());
}

criterion_group! {
    name = benches;
    // Short by default; `--warm-up-time` and `--measurement-time` override.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = parse_and_render, clean, counts, dates, figures
}
criterion_main!(benches);
