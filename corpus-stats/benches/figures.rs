//! Throughput of the figure extractor on generated news-like text, and on
//! pathological inputs at growing sizes (time must grow linearly).
//!
//! ```text
//! cargo bench -p corpus-stats --bench figures -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;

use corpus_stats::{figures, figures_excluding};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const PROSE: &[&str] = &[
    "Resistance factions across the region said they had coordinated their operations against military positions.",
    "The statement, carried by several outlets, described the strikes as a response to the ongoing campaign.",
    "International observers called for restraint and urged all parties to return to negotiations.",
    "Aid agencies warned that the humanitarian situation in the north had deteriorated sharply.",
    "Officials declined to comment on the reports, citing the sensitivity of the talks.",
    "Residents described a night of heavy shelling that left entire neighbourhoods without power.",
    "The ministry said its figures could not be independently verified.",
    "Analysts note that the situation remains volatile, with the potential for further escalation.",
];

const NOUNS: &[&str] = &[
    "Palestinian lives",
    "children",
    "drone strikes",
    "people",
    "trucks",
    "homes",
    "rockets",
    "families",
];

/// About `size` bytes of paragraphs mixing prose, counts, dates, money and
/// identifiers; `dense` puts a number-bearing sentence before every prose
/// sentence (a figure every ~60 bytes), otherwise one in six sentences
/// carries numbers, as in the seed articles.
fn news_text(size: usize, dense: bool) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(size + 1024);
    while out.len() < size {
        for _ in 0..4 {
            let n = rng.below(90_000) + 10;
            let noun = rng.pick(NOUNS);
            let sentence = match rng.below(10) {
                0 => format!(
                    "The toll has risen to over {},{:03} {noun}.",
                    n / 1000 + 1,
                    n % 1000
                ),
                1 => format!(
                    "At least {n} {noun} were reported on March {}, 2024.",
                    rng.below(28) + 1
                ),
                2 => format!(
                    "Four drone strikes hit the area, and the fourth one targeted a base in {}.",
                    2000 + rng.below(25)
                ),
                3 => format!(
                    "The fund pledged ${}.{} billion, about {}% of the total.",
                    rng.below(9) + 1,
                    rng.below(10),
                    rng.below(99) + 1
                ),
                4 => {
                    format!("Thousands of {noun} fled after Channel 12 aired the footage at 04:30.")
                }
                5 => format!(
                    "Nearly {} {noun} were counted in the twenty-one camps.",
                    rng.below(5000)
                ),
                6 => {
                    "Three of these strikes took place in the south, according to Resolution 2728."
                        .to_string()
                }
                7 => format!(
                    "Some {} F-16 jets and {} tanks moved since October 7.",
                    rng.below(40) + 2,
                    rng.below(300) + 2
                ),
                _ => rng.pick(PROSE).to_string(),
            };
            out.push_str(&sentence);
            out.push(' ');
            out.push_str(rng.pick(PROSE));
            out.push(' ');
            if !dense {
                for _ in 0..4 {
                    out.push_str(rng.pick(PROSE));
                    out.push(' ');
                }
            }
        }
        out.push_str("\n\n");
    }
    out
}

fn news(c: &mut Criterion) {
    for (name, dense) in [("news", false), ("news_dense", true)] {
        let text = news_text(4 << 20, dense);
        let mut group = c.benchmark_group(format!("figures/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        group.bench_function("figures_excluding", |b| {
            b.iter(|| figures_excluding(black_box(&text), &[]).count());
        });
        group.bench_function("figures_with_dates", |b| {
            b.iter(|| figures(black_box(&text)).count());
        });
        // Reference point on the same machine and load: one pass that only
        // counts ASCII digits.
        group.bench_function("baseline_digit_count", |b| {
            b.iter(|| black_box(&text).bytes().filter(u8::is_ascii_digit).count());
        });
        group.finish();
    }
}

fn pathological(c: &mut Criterion) {
    let inputs: &[(&str, &str)] = &[
        ("commas", "1,"),
        ("hedges", "over more than at least "),
        ("ones", "one "),
        ("digits", "9"),
        ("spaced_groups", "1 000 "),
        ("scales", "thousand million "),
        ("vague_chain", "tens of thousands of "),
        ("long_word", "a"),
        ("dashes", "1-"),
        ("signs", "$€"),
    ];
    let mut group = c.benchmark_group("figures/pathological");
    group.sample_size(10);
    for (name, unit) in inputs {
        for size in [64usize << 10, 256 << 10, 1 << 20] {
            let text = unit.repeat(size / unit.len());
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, size), &text, |b, text| {
                b.iter(|| figures_excluding(black_box(text), &[]).count());
            });
        }
    }
    group.finish();
}

criterion_group!(benches, news, pathological);
criterion_main!(benches);
