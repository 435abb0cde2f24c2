//! Throughput of the word and sentence counters on generated news-like
//! text, against `unicode-segmentation`'s full algorithm and `wc -w`.
//!
//! Run with
//! `cargo bench -p corpus-stats --bench count -- --warm-up-time 1 --measurement-time 3`.
//! Besides criterion's figures, the bench prints the MB/s of each counter
//! and of `wc -w`, and their ratios. Those figures are the best of several
//! runs in CPU time (of the thread, from `/proc/thread-self/schedstat`; of
//! `wc -w`, user plus system time from bash's `time`), so that other load
//! on the machine does not distort them. `wc -w` reads a temporary file
//! holding the same text four times over, for a longer, steadier timing.

use std::hint::black_box;
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use corpus_stats::{
    CorpusStats, DocStats, TextCounts, count_sentences, count_sentences_reference, count_words,
    count_words_reference, words,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NOUNS: &[&str] = &[
    "government",
    "officials",
    "ministry",
    "army",
    "people",
    "children",
    "hospital",
    "city",
    "report",
    "talks",
    "ceasefire",
    "border",
    "election",
    "economy",
    "prices",
    "market",
    "aid",
    "convoy",
    "strikes",
    "residents",
    "council",
    "court",
    "police",
    "protesters",
];
const VERBS: &[&str] = &[
    "said",
    "reported",
    "announced",
    "confirmed",
    "denied",
    "warned",
    "agreed",
    "rejected",
    "told",
    "added",
    "estimated",
    "claimed",
    "urged",
    "approved",
    "launched",
];
const FUNCTION: &[&str] = &[
    "the", "of", "and", "in", "to", "a", "that", "on", "for", "with", "at", "by", "from", "as",
    "its", "their", "after", "before", "about", "more", "than",
];
const NAMES: &[&str] = &[
    "Israel’s",
    "Gaza",
    "U.S.",
    "Al-Qassam",
    "José Hernández",
    "Zürich",
    "São Paulo",
    "Reuters",
    "Ankara",
    "the U.N.",
    "Biden",
    "Netanyahu",
    "Müller",
    "François",
    "Kyiv",
    "Washington",
    "officials’",
    "Hamas",
    "Côte d’Ivoire",
];
const NUMBERS: &[&str] = &[
    "32,700",
    "3.5%",
    "1.5 million",
    "$3 billion",
    "40",
    "1,200",
    "90 percent",
    "€20",
    "2024",
    "12.5",
    "seven",
    "dozens",
    "10:30",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let len = 8 + rng.below(22);
    let quoted = rng.below(5) == 0;
    if quoted {
        out.push('“');
    }
    for i in 0..len {
        let w = match rng.below(12) {
            0 | 1 => rng.pick(NAMES),
            2 => rng.pick(NUMBERS),
            3 | 4 => rng.pick(VERBS),
            5..=7 => rng.pick(NOUNS),
            _ => rng.pick(FUNCTION),
        };
        if i == 0 {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(w);
        }
        match rng.below(30) {
            0 | 1 => out.push(','),
            2 => out.push_str(" —"),
            3 => out.push(';'),
            _ => {}
        }
        if i + 1 < len {
            out.push(' ');
        }
    }
    out.push(match rng.below(20) {
        0 => '?',
        1 => '!',
        _ => '.',
    });
    if quoted {
        out.push('”');
    }
}

/// About `size` bytes of paragraphs of news-like sentences.
fn news_corpus(size: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(size + 1024);
    while out.len() < size {
        let sentences = 2 + rng.below(4);
        for i in 0..sentences {
            if i > 0 {
                out.push(' ');
            }
            sentence(&mut rng, &mut out);
        }
        out.push_str("\n\n");
    }
    out
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64() / 1e6
}

/// Time this thread has spent on a CPU, from `/proc/thread-self/schedstat`
/// (Linux), so that other load on the machine does not count; `None`
/// elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Time per call of `f`: the best of `runs` batches, each of enough calls
/// to last at least 0.3 s (the kernel updates the CPU time only every few
/// milliseconds), in CPU time where available.
fn best<F: FnMut() -> u64>(runs: usize, mut f: F) -> (Duration, u64) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..runs {
        let (c, t) = (cpu_time(), Instant::now());
        let mut calls = 0u32;
        while calls == 0 || t.elapsed() < Duration::from_millis(300) {
            out = black_box(f());
            calls += 1;
        }
        let elapsed = match (c, cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => t.elapsed(),
        };
        best = best.min(elapsed / calls);
    }
    (best, out)
}

/// Times `wc -w` on a file holding `text` four times, in the given locale:
/// the best user plus system CPU time of seven runs, and the word count.
/// `None` if `bash` or `wc` cannot be run.
fn time_wc(text: &str, locale: &str) -> Option<(Duration, u64)> {
    let path = std::env::temp_dir().join(format!("corpus-stats-bench-{}.txt", std::process::id()));
    let mut file = std::fs::File::create(&path).ok()?;
    for _ in 0..4 {
        file.write_all(text.as_bytes()).ok()?;
    }
    drop(file);
    let mut best = Duration::MAX;
    let mut words = 0;
    for _ in 0..7 {
        let out = Command::new("bash")
            .arg("-c")
            .arg("TIMEFORMAT='%3U %3S'; time wc -w < \"$0\"")
            .arg(&path)
            .env("LC_ALL", locale)
            .output()
            .ok()?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        words = stdout.split_whitespace().next()?.parse::<u64>().ok()? / 4;
        let stderr = String::from_utf8_lossy(&out.stderr);
        let secs: f64 = stderr
            .split_whitespace()
            .map(|x| x.parse::<f64>().ok())
            .sum::<Option<f64>>()?;
        best = best.min(Duration::from_secs_f64(secs / 4.0));
    }
    let _ = std::fs::remove_file(&path);
    Some((best, words))
}

fn summary(text: &str) {
    let n = text.len();
    let (fast, fw) = best(3, || count_words(text));
    let (full, rw) = best(2, || count_words_reference(text));
    let (sfast, fs) = best(3, || count_sentences(text));
    let (sfull, rs) = best(2, || count_sentences_reference(text));
    let (iter, iw) = best(3, || words(text).count() as u64);
    let (all, _) = best(3, || TextCounts::of(text).words);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let (docs, _) = best(2, || {
        paragraphs
            .chunks(8)
            .map(|doc| DocStats::from_text(&doc.join("\n\n"), doc.len() as u64, 0))
            .collect::<CorpusStats>()
            .words
    });
    assert_eq!(fw, rw, "fast and full word counts differ");
    assert_eq!(fs, rs, "fast and full sentence counts differ");
    assert_eq!(iw, fw);
    let fast_mb = mb_per_s(n, fast);
    eprintln!("corpus: {n} bytes, {fw} words, {fs} sentences");
    eprintln!("count_words           {fast_mb:8.0} MB/s");
    eprintln!("count_words_reference {:8.0} MB/s", mb_per_s(n, full));
    eprintln!("words().count()       {:8.0} MB/s", mb_per_s(n, iter));
    eprintln!("count_sentences       {:8.0} MB/s", mb_per_s(n, sfast));
    eprintln!("count_sentences_ref.  {:8.0} MB/s", mb_per_s(n, sfull));
    eprintln!("TextCounts::of        {:8.0} MB/s", mb_per_s(n, all));
    eprintln!(
        "DocStats::from_text, collected into CorpusStats (documents of 8 paragraphs) {:8.0} MB/s",
        mb_per_s(n, docs)
    );
    eprintln!(
        "speed-up over the full algorithm: words {:.1}x, sentences {:.1}x",
        full.as_secs_f64() / fast.as_secs_f64(),
        sfull.as_secs_f64() / sfast.as_secs_f64()
    );
    let ascii: String = text
        .chars()
        .map(|c| if c.is_ascii() { c } else { 'e' })
        .collect();
    let (t, _) = best(3, || count_words(&ascii));
    eprintln!(
        "count_words, same text with non-ASCII replaced: {:8.0} MB/s",
        mb_per_s(ascii.len(), t)
    );
    let accented = text.replace('e', "é");
    let (t, w) = best(3, || count_words(&accented));
    assert_eq!(w, count_words_reference(&accented));
    eprintln!(
        "count_words, same text with every e accented: {:8.0} MB/s",
        mb_per_s(accented.len(), t)
    );
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    eprintln!(
        "non-ASCII characters: {non_ascii} ({:.2} per 100 bytes)",
        non_ascii as f64 * 100.0 / n as f64
    );
    for locale in ["C.UTF-8", "C"] {
        match time_wc(text, locale) {
            Some((t, w)) => eprintln!(
                "wc -w (LC_ALL={locale:7}) {:8.0} MB/s ({w} words); count_words is {:.1}x as fast",
                mb_per_s(n, t),
                fast_mb / mb_per_s(n, t)
            ),
            None => eprintln!("wc -w (LC_ALL={locale}) could not be run"),
        }
    }
}

fn bench(c: &mut Criterion) {
    let text = news_corpus(4 << 20);
    summary(&text);
    let mut group = c.benchmark_group("count");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("count_words", |b| b.iter(|| count_words(black_box(&text))));
    group.bench_function("count_words_reference", |b| {
        b.iter(|| count_words_reference(black_box(&text)))
    });
    group.bench_function("words", |b| b.iter(|| words(black_box(&text)).count()));
    group.bench_function("count_sentences", |b| {
        b.iter(|| count_sentences(black_box(&text)))
    });
    group.bench_function("count_sentences_reference", |b| {
        b.iter(|| count_sentences_reference(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
