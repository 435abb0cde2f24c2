//! Throughput of the date-mention extractor (MB/s): on generated news-like
//! text (denser in dates and numbers than real articles), on the seed
//! articles repeated, and on pathological inputs at growing sizes, to show
//! linear time.
//!
//! ```text
//! cargo bench -p corpus-stats --bench dates -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;

use chrono::NaiveDate;
use corpus_stats::date_mentions;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Sentences in the register of wire news: dates in several styles, the
/// numbers, times and names that must not be taken for dates, and plain
/// sentences, so that dates are about as frequent as in real articles (one
/// mention every few hundred bytes; the seed articles have one every 800).
const SENTENCES: &[&str] = &[
    "Amid the relentless assault on the city, claiming over 32,000 lives, resistance factions intensify their countermeasures.",
    "On March 24, strategic operations by groups across the region marked significant pushbacks against the forces and their allies.",
    "The ministry said on Tuesday that 1,200 trucks had crossed since October 7, far fewer than the 500 a day needed.",
    "Talks in Doha resumed on 26 March 2024 and were expected to last until early April, officials told reporters.",
    "The sirens sounded at 04:30 and again at 3 p.m. local time, the army said in a statement.",
    "By late 2022 the index had fallen 12.5 percent, its worst year since 2008, according to the central bank.",
    "Last Friday, at least 40 people were killed in strikes on a school sheltering displaced families, the agency said.",
    "The siege, now in its 55th day, has left more than 2 million people without reliable access to water.",
    "Aid deliveries were suspended from March 1 to March 5 after a convoy was hit near the crossing.",
    "On Day 170 of the war, negotiators met again in Cairo, hoping for a deal before the holiday.",
    "Prices rose 3.5% in February and are expected to climb further next year, analysts at the bank warned.",
    "The report, dated 2024-03-25, was signed by the commission's chair and sent to 15 member states.",
    "Yesterday the council voted 9 to 4 to extend the mandate through mid-2025, with two abstentions.",
    "Remarkable footage showed crowds marching toward the square as night fell and the market closed.",
    "Witnesses described a scene of devastation, with entire blocks reduced to rubble and families searching for relatives.",
    "The foreign minister urged restraint and called for an immediate return to negotiations between the parties.",
    "Humanitarian organizations have repeatedly warned that the situation is deteriorating faster than aid can arrive.",
    "In a televised address, the president defended the decision and promised a thorough investigation.",
    "Analysts said the move was likely to deepen divisions within the governing coalition and unsettle investors.",
    "The hospital, one of the few still operating in the north, has run out of fuel and basic medical supplies.",
    "Protesters gathered outside the parliament building, chanting slogans and holding up photographs of the victims.",
    "Officials declined to comment on the reports, citing the sensitivity of the ongoing talks.",
    "The group said its fighters had targeted a military position near the border with guided missiles.",
    "Residents said they had received no warning before the strikes began and had nowhere safe to go.",
    "Diplomats at the United Nations struggled to agree on the wording of a resolution calling for a pause in the fighting.",
    "The company said it would suspend shipments through the strait until the security situation improved.",
    "Rescue teams worked through the night with little equipment, digging through concrete by hand.",
    "Critics argue that the policy has failed to address the root causes of the conflict and has alienated allies.",
    "Schools across the region remain closed, and thousands of students have been displaced with their families.",
    "The statement, issued by the movement's military wing, praised the operation as a response to continued aggression.",
];

fn news_text(target: usize) -> String {
    let mut out = String::with_capacity(target + 256);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    while out.len() < target {
        // xorshift: a fixed, varied order of sentences and paragraph sizes.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let n = 2 + (state % 4) as usize;
        for i in 0..n {
            let idx = ((state >> (8 * i)) as usize) % SENTENCES.len();
            if i > 0 {
                out.push(' ');
            }
            out.push_str(SENTENCES[idx]);
        }
        out.push_str("\n\n");
    }
    out
}

fn repeated(unit: &str, target: usize) -> String {
    unit.repeat(target / unit.len() + 1)
}

fn bench_news(c: &mut Criterion) {
    let reference = NaiveDate::from_ymd_opt(2024, 3, 26);
    let text = news_text(4 << 20);
    let mut group = c.benchmark_group("dates/news");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("4MiB", |b| {
        b.iter(|| date_mentions(black_box(&text), reference).count())
    });
    group.finish();
}

/// The seed articles of the project (`../shared/seeds` from the workspace
/// root), bodies only, repeated to about 4 MiB; `None` when absent.
fn seed_text() -> Option<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let mut bodies = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let text = std::fs::read_to_string(entry.ok()?.path()).ok()?;
        let body = match text.trim_start().strip_prefix("date ") {
            Some(rest) => rest.get(10..).unwrap_or("").trim_start().to_owned(),
            None => text,
        };
        bodies.push(body);
    }
    let one = bodies.join("\n\n");
    (!one.is_empty()).then(|| repeated(&(one + "\n\n"), 4 << 20))
}

fn bench_seeds(c: &mut Criterion) {
    let Some(text) = seed_text() else {
        return;
    };
    let reference = NaiveDate::from_ymd_opt(2024, 3, 26);
    let mut group = c.benchmark_group("dates/seeds");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("4MiB", |b| {
        b.iter(|| date_mentions(black_box(&text), reference).count())
    });
    group.finish();
}

fn bench_pathological(c: &mut Criterion) {
    let reference = NaiveDate::from_ymd_opt(2024, 3, 26);
    let units = [
        ("march", "March "),
        ("year", "2024 "),
        ("in-year", "in 2024 "),
        ("day-dash", "March 3-"),
        ("digits", "1234567890"),
        ("count", "4 rounds "),
        ("day-of", "7 of "),
        ("spaces", "March                    "),
    ];
    let mut group = c.benchmark_group("dates/pathological");
    for (name, unit) in units {
        for size in [256usize << 10, 1 << 20, 4 << 20] {
            let text = repeated(unit, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(name, format!("{}KiB", size >> 10)),
                &text,
                |b, text| b.iter(|| date_mentions(black_box(text), reference).count()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench_news, bench_seeds, bench_pathological);
criterion_main!(benches);
