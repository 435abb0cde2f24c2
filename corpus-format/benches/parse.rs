//! Parse throughput on a generated corpus of news-like documents, and on
//! pathological shapes at growing sizes (time per byte must stay flat).
//!
//! `cargo bench -p corpus-format --bench parse`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const SENTENCES: &[&str] = &[
    "Amid the siege of the port city, relief convoys reached the northern districts on April 1, carrying flour, fuel and medicine for over 20,000 residents.",
    "Officials said the crossings would stay open “as long as it is safe,” according to a statement released late on Friday.",
    "The first trucks arrived before dawn, and drivers described roads cratered by shelling and checkpoints that opened without warning.",
    "Aid workers unloaded pallets under floodlights while families waited in lines that stretched for several hundred metres.",
    "The agency said a second convoy was planned for April 4, pending approval from all sides, and warned that supplies remain short.",
];

/// About `target` bytes of documents of 4 to 8 paragraphs, some with a
/// header, some soft-wrapped, some with headings; each a separate string.
fn corpus(target: usize) -> Vec<String> {
    let mut docs = Vec::new();
    let mut total = 0;
    let mut n = 0usize;
    while total < target {
        let mut doc = String::new();
        if n % 3 != 2 {
            doc.push_str(&format!(" date 2024-{:02}-{:02} ", 1 + n % 12, 1 + n % 28));
        }
        for p in 0..(4 + n % 5) {
            if p > 0 {
                doc.push_str("\n\n");
            }
            if p % 3 == 2 {
                doc.push_str("Convoys Reach the North\n\n");
            }
            for s in 0..5 {
                if s > 0 {
                    doc.push(if n % 4 == 1 && s % 2 == 0 { '\n' } else { ' ' });
                }
                doc.push_str(SENTENCES[(n + p + s) % SENTENCES.len()]);
            }
        }
        total += doc.len();
        docs.push(doc);
        n += 1;
    }
    docs
}

fn news(c: &mut Criterion) {
    let docs = corpus(4 << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("news_4MB", |b| {
        b.iter(|| {
            let mut blocks = 0;
            for doc in &docs {
                blocks += corpus_format::parse(black_box(doc)).blocks().len();
            }
            blocks
        });
    });
    group.bench_function("news_4MB_decode_and_parse", |b| {
        b.iter(|| {
            let mut blocks = 0;
            for doc in &docs {
                let text = corpus_format::decode(black_box(doc.as_bytes())).unwrap_or_default();
                blocks += corpus_format::parse(text).blocks().len();
            }
            blocks
        });
    });
    group.finish();
}

/// A named maker of a pathological text of about `n` bytes.
type Shape = (&'static str, fn(usize) -> String);

fn pathological(c: &mut Criterion) {
    let shapes: &[Shape] = &[
        ("one_line_no_spaces", |n| "x".repeat(n)),
        ("blank_lines", |n| "\n".repeat(n)),
        ("cr_runs", |n| "a\r".repeat(n / 2)),
        ("short_lines", |n| "Ab\n".repeat(n / 3)),
        ("date_date", |n| "date ".repeat(n / 5)),
    ];
    let mut group = c.benchmark_group("parse_pathological");
    group.sample_size(10);
    for (name, make) in shapes {
        for mb in [1usize, 4] {
            let text = make(mb << 20);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}_{mb}MB"), |b| {
                b.iter(|| corpus_format::parse(black_box(&text)).blocks().len());
            });
        }
    }
    group.finish();
}

criterion_group!(benches, news, pathological);
criterion_main!(benches);
