//! Conformance runner for ftfy-style test cases (JSON Lines).
//!
//! ```text
//! cargo run -p corpus-clean --example ftfy_eval -- [FILE] [--verbose]
//! ```
//!
//! FILE defaults to `../shared/eval/ftfy/ftfy.dev.jsonl` (relative to the
//! workspace root). Each line holds `input`, `expected_encoding_only`,
//! `label` and `ftfy_expect`. A case passes when the default cleaner's
//! output equals the expected text after NFC, compared two ways:
//!
//! - `strict`: with the expected text as given;
//! - `same steps`: with the expected text passed through the cleaner's other
//!   steps (everything but mojibake repair), since the default cleaner also
//!   makes no-break spaces plain and removes control characters, which the
//!   encoding-only expectation keeps.
//!
//! Pass rates are printed by test file (the `<file>` of `ftfy:<file>:<n>`
//! ids), by `ftfy_expect`, and overall; `--verbose` lists the failures.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corpus_clean::Cleaner;
use unicode_normalization::UnicodeNormalization;

const DEFAULT_PATH: &str = "../shared/eval/ftfy/ftfy.dev.jsonl";

#[derive(Default)]
struct Tally {
    total: usize,
    strict: usize,
    same_steps: usize,
}

impl Tally {
    fn add(&mut self, strict: bool, same_steps: bool) {
        self.total += 1;
        self.strict += usize::from(strict);
        self.same_steps += usize::from(same_steps);
    }

    fn line(&self, name: &str) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.total.max(1) as f64;
        format!(
            "{name:<40} {:>4} cases  strict {:>4} ({:>5.1}%)  same steps {:>4} ({:>5.1}%)",
            self.total,
            self.strict,
            pct(self.strict),
            self.same_steps,
            pct(self.same_steps)
        )
    }
}

fn resolve(arg: Option<&str>) -> PathBuf {
    if let Some(a) = arg {
        return PathBuf::from(a);
    }
    let from_cwd = Path::new(DEFAULT_PATH);
    if from_cwd.exists() {
        return from_cwd.to_path_buf();
    }
    // Run from the crate directory: the workspace root is one level up.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(DEFAULT_PATH)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let file = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map(String::as_str);
    let path = resolve(file);
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let cleaner = Cleaner::default();
    let others = match Cleaner::builder().mojibake(false).build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut by_label: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_expect: BTreeMap<String, Tally> = BTreeMap::new();
    let mut overall = Tally::default();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{}:{}: invalid JSON: {e}", path.display(), n + 1);
                return ExitCode::FAILURE;
            }
        };
        let field = |k: &str| case.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let input = field("input");
        let expected = case
            .get("expected_encoding_only")
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| field("expected"));
        let label = field("label");
        let expect = case
            .get("ftfy_expect")
            .and_then(|v| v.as_str())
            .unwrap_or("unknown");
        let got: String = cleaner.clean(input).text.nfc().collect();
        let want: String = expected.nfc().collect();
        let want_same: String = others.clean(&want).text.nfc().collect();
        let strict = got == want;
        let same = got == want_same;
        if verbose && !same {
            println!(
                "FAIL [{expect}] {}: {label}\n  input: {input:?}\n  got:   {got:?}\n  want:  {want_same:?}",
                field("id")
            );
        }
        // Ids are `ftfy:<file>:<n>`: group by the test file.
        let id = field("id");
        let group = id
            .split(':')
            .nth(1)
            .filter(|g| !g.is_empty())
            .unwrap_or("(no id)")
            .to_owned();
        by_label.entry(group).or_default().add(strict, same);
        by_expect
            .entry(expect.to_owned())
            .or_default()
            .add(strict, same);
        overall.add(strict, same);
    }
    println!("{}", path.display());
    println!("by test file:");
    for (k, t) in &by_label {
        println!("  {}", t.line(k));
    }
    println!("by ftfy_expect:");
    for (k, t) in &by_expect {
        println!("  {}", t.line(k));
    }
    println!("{}", overall.line("overall"));
    ExitCode::SUCCESS
}
