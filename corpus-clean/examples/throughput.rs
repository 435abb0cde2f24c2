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

#[path = "../benches/support/text.rs"]
mod text;

use text::{news_ascii, news_damaged, news_unicode, pathological};

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
