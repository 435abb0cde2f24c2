//! Scores the figure extractor on the number cases of the peer suites.
//!
//! ```text
//! cargo run -p corpus-stats --example eval_figures -- [DIR] [--errors]
//! ```
//!
//! `DIR` defaults to `../shared/eval/peer` relative to the workspace root
//! and holds `recognizers-text.dev.jsonl` and `duckling.dev.jsonl`. Only the
//! number files are scored (Recognizers `Number/English/{Number,Ordinal,
//! Percent}Model.json` and `NumberWithUnit/English/CurrencyModel.json`,
//! Duckling `Numeral`, `Ordinal` and `AmountOfMoney`); range cases
//! (`number_range`, `money_range`) are counted as skipped, since a figure is
//! one number with a qualifier, not an interval.
//!
//! Per case, expected and found items are compared as multisets of
//! normalized text (EXTRACTION.md, "Evaluation": case, compatibility forms,
//! quotes and runs of spaces folded); found items are restricted to the kinds
//! the file annotates. Precision, recall and F1 count text matches; value
//! accuracy is the share of matches whose value is right. `--errors` prints
//! every miss and false find.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    value_ok: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.value_ok += o.value_ok;
    }

    fn line(&self, name: &str) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        format!(
            "{name:<28} tp {:>4} fp {:>4} fn {:>4}  P {:.3}  R {:.3}  F1 {:.3}  value acc {:.3}",
            self.tp,
            self.fp,
            self.fn_,
            p,
            r,
            f,
            ratio(self.value_ok, self.tp)
        )
    }
}

/// Folds case, common compatibility forms, quotes and runs of spaces.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn number_file(id: &str) -> bool {
    [
        "Number/English/NumberModel.json",
        "Number/English/OrdinalModel.json",
        "Number/English/PercentModel.json",
        "Number/English/NumberRangeModel.json",
        "NumberWithUnit/English/CurrencyModel.json",
        "Duckling/Numeral/",
        "Duckling/Ordinal/",
        "Duckling/AmountOfMoney/",
    ]
    .iter()
    .any(|f| id.contains(f))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut dir: Option<PathBuf> = None;
    let mut show_errors = false;
    for arg in std::env::args().skip(1) {
        if arg == "--errors" {
            show_errors = true;
        } else {
            dir = Some(PathBuf::from(arg));
        }
    }
    let dir = dir.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/peer")
    });
    let mut total = Score::default();
    for suite in ["recognizers-text", "duckling"] {
        let path = dir.join(format!("{suite}.dev.jsonl"));
        let data = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let cases: Vec<Value> = data
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()?;
        // Kinds each file annotates.
        let file_of = |c: &Value| -> String {
            let id = c["id"].as_str().unwrap_or("");
            id.split(':').nth(1).unwrap_or("").to_string()
        };
        let mut kinds: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for c in &cases {
            if !number_file(c["id"].as_str().unwrap_or("")) {
                continue;
            }
            let set = kinds.entry(file_of(c)).or_default();
            for e in c["expected"].as_array().into_iter().flatten() {
                if let Some(k) = e["kind"].as_str() {
                    set.insert(k.to_string());
                }
            }
        }
        let mut per_kind: BTreeMap<String, Score> = BTreeMap::new();
        let mut suite_score = Score::default();
        let (mut scored, mut skipped) = (0usize, 0usize);
        for c in &cases {
            let id = c["id"].as_str().unwrap_or("");
            if !number_file(id) {
                continue;
            }
            let expected = c["expected"].as_array().cloned().unwrap_or_default();
            let ranged = expected
                .iter()
                .any(|e| e["kind"].as_str().is_some_and(|k| k.ends_with("_range")));
            let allowed = kinds.get(&file_of(c)).cloned().unwrap_or_default();
            if ranged || allowed.iter().all(|k| k.ends_with("_range")) {
                skipped += 1;
                continue;
            }
            scored += 1;
            let input = c["input"].as_str().unwrap_or("");
            let found: Vec<_> = corpus_stats::figures(input)
                .filter(|f| allowed.contains(f.kind.as_str()))
                .collect();
            let mut used = vec![false; found.len()];
            for e in &expected {
                let kind = e["kind"].as_str().unwrap_or("?").to_string();
                let text = normalize(e["text"].as_str().unwrap_or(""));
                let value = e["value"].as_str().and_then(|v| Decimal::from_str(v).ok());
                let hit = found
                    .iter()
                    .enumerate()
                    .position(|(k, f)| !used[k] && normalize(f.text) == text);
                let mut s = Score::default();
                match hit {
                    Some(k) => {
                        used[k] = true;
                        s.tp = 1;
                        if found[k].value.map(|v| v.normalize()) == value.map(|v| v.normalize()) {
                            s.value_ok = 1;
                        } else if show_errors {
                            println!(
                                "VALUE {id}: {:?} expected {:?} found {:?}",
                                e["text"], e["value"], found[k].value
                            );
                        }
                    }
                    None => {
                        s.fn_ = 1;
                        if show_errors {
                            let got: Vec<_> = found.iter().map(|f| f.text).collect();
                            println!(
                                "MISS  {id}: {input:?} expected {:?} found {got:?}",
                                e["text"]
                            );
                        }
                    }
                }
                per_kind.entry(kind).or_default().add(s);
                suite_score.add(s);
            }
            for (k, f) in found.iter().enumerate() {
                if !used[k] {
                    let s = Score {
                        fp: 1,
                        ..Score::default()
                    };
                    per_kind
                        .entry(f.kind.as_str().to_string())
                        .or_default()
                        .add(s);
                    suite_score.add(s);
                    if show_errors {
                        println!(
                            "FALSE {id}: {input:?} found {:?} ({})",
                            f.text,
                            f.kind.as_str()
                        );
                    }
                }
            }
        }
        println!("== {suite}: {scored} cases scored, {skipped} range cases skipped");
        println!("{}", suite_score.line("all"));
        for (k, s) in &per_kind {
            println!("{}", s.line(k));
        }
        total.add(suite_score);
    }
    println!("== total");
    println!("{}", total.line("all"));
    Ok(())
}
