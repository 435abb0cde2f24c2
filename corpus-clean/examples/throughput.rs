//! Throughput of the default cleaner on generated news text (the inputs of
//! `benches/clean.rs`) or on given files, in MB per second of wall time and
//! of CPU time (CPU time stays meaningful on a busy machine).
//!
//! ```text
//! cargo run --release -p corpus-clean --example throughput [-- FILE... | --only NAME]
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use corpus_clean::Cleaner;

const SIZE: usize = 4 << 20;

const SUBJECTS: &[&str] = &[
    "The Islamic Resistance in Iraq",
    "Qatar’s foreign ministry",
    "A spokesperson for the group",
    "Officials in Zürich",
    "The United Nations envoy",
    "Residents of the city",
    "Analysts at the institute",
    "The café owner",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "reported",
    "warned",
    "confirmed",
    "denied",
    "stressed",
];
const OBJECTS: &[&str] = &[
    "that drone strikes targeted “vital targets” on March 24",
    "that over 32,000 Palestinian lives had been lost",
    "that the talks — held in Doha — would resume next week",
    "a new round of operations against the base",
    "that the naïve plan had failed",
    "that aid convoys were blocked at the crossing",
    "that the situation remained volatile",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }
}

fn news_unicode() -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(SIZE + 1024);
    while out.len() < SIZE {
        for _ in 0..5 {
            out.push_str(rng.pick(SUBJECTS));
            out.push(' ');
            out.push_str(rng.pick(VERBS));
            out.push(' ');
            out.push_str(rng.pick(OBJECTS));
            out.push_str(". ");
        }
        out.pop();
        out.push('\n');
    }
    out
}

fn news_ascii() -> String {
    news_unicode()
        .replace(['’'], "'")
        .replace(['“', '”'], "\"")
        .replace('—', "-")
        .replace('ü', "u")
        .replace('é', "e")
        .replace('ï', "i")
}

/// Windows-1252 mojibake of `text`: its UTF-8 bytes read as Windows-1252.
fn mojibake(text: &str) -> String {
    let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
    decoded.into_owned()
}

fn news_damaged() -> String {
    let mut out = String::with_capacity(SIZE * 2);
    for (i, line) in news_unicode().lines().enumerate() {
        let line = match i % 4 {
            0 => mojibake(line),
            1 => line
                .replace(" the ", " the\u{a0}")
                .replace("&", "&amp;")
                .replace("over ", "over&nbsp;")
                .replace("March", "Mar\u{200b}ch"),
            2 => line.replace(". ", ".  ").replace("é", "e\u{301}"),
            _ => format!("{line}CONTINUE FULL READING>>>>>"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn pathological() -> String {
    "Ã©â€&amp;&#".repeat(SIZE / 16)
}

/// CPU time used by this thread so far, from `/proc` (Linux), if readable.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn measure(name: &str, text: &str, cleaner: &Cleaner) {
    let mb = text.len() as f64 / 1e6;
    // Repeat for at least a second of wall time.
    let wall0 = Instant::now();
    let cpu0 = thread_cpu_time();
    let mut runs = 0u32;
    let mut edits = 0;
    // `THROUGHPUT_RUNS=N` fixes the number of runs (to compare counts of
    // instructions between builds).
    let fixed: Option<u32> = std::env::var("THROUGHPUT_RUNS")
        .ok()
        .and_then(|v| v.parse().ok());
    while match fixed {
        Some(n) => runs < n,
        None => runs < 3 || wall0.elapsed() < Duration::from_secs(1),
    } {
        edits = black_box(cleaner.clean(black_box(text)).edits.len());
        runs += 1;
    }
    let wall = wall0.elapsed().as_secs_f64();
    let total = mb * f64::from(runs);
    let cpu = match (cpu0, thread_cpu_time()) {
        (Some(a), Some(b)) => format!("{:>8.1} MB/s CPU", total / (b - a).as_secs_f64()),
        _ => "CPU time unavailable".to_owned(),
    };
    println!(
        "{name:<16} {mb:>6.2} MB  {edits:>7} edits  {:>8.1} MB/s wall  {cpu}",
        total / wall
    );
}

/// Makes one of the generated inputs.
type Generator = fn() -> String;

fn main() {
    let cleaner = Cleaner::default();
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    // `--only NAME` measures one of the generated inputs.
    let only = match files.iter().position(|a| a == "--only") {
        Some(i) if i + 1 < files.len() => {
            let name = files.remove(i + 1);
            files.remove(i);
            Some(name)
        }
        _ => None,
    };
    if files.is_empty() {
        let inputs: [(&str, Generator); 4] = [
            ("clean_ascii", news_ascii),
            ("clean_unicode", news_unicode),
            ("damaged", news_damaged),
            ("pathological", pathological),
        ];
        for (name, make) in inputs {
            if only.as_deref().is_none_or(|o| o == name) {
                measure(name, &make(), &cleaner);
            }
        }
        return;
    }
    for f in files {
        match std::fs::read_to_string(&f) {
            Ok(text) => measure(&f, &text, &cleaner),
            Err(e) => eprintln!("cannot read {f}: {e}"),
        }
    }
}
