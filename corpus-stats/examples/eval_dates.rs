//! Scores the date-mention extractor on the peer suites.
//!
//! ```text
//! cargo run -p corpus-stats --example eval_dates -- [DIR] [--show N]
//! ```
//!
//! `DIR` defaults to `../shared/eval/peer` relative to the workspace root
//! and holds `recognizers-text.dev.jsonl`, `duckling.dev.jsonl`,
//! `tempeval3.dev.jsonl` and `tempeval3/dev/*.txt` (see its README).
//! `--show N` prints up to `N` misses and false finds per suite.
//!
//! Scoring, per case (a sentence, or a whole TempEval document):
//!
//! - Only the kinds the extractor produces (`date`, `month`, `year`,
//!   `weekday`, `relative`, `range`) *and* the case's source annotates are
//!   scored: Recognizers date files annotate days (`date`, `weekday`,
//!   `relative`), date-period files months, years and ranges (the period
//!   extractor file annotates spans only, kind `period`), the model file
//!   everything; Duckling's time corpus annotates every kind (its `latent`
//!   section, readings Duckling itself only gives on request, is left out);
//!   number files are skipped. Finds of other kinds are dropped.
//! - Gold items of kinds the extractor does not produce (weeks, quarters,
//!   holidays, `now`, …) and TempEval's `other_timex` (times, durations,
//!   sets) excuse finds that overlap them: those are neither right nor
//!   wrong.
//! - Strict: finds and gold items are multisets of normalized text (case
//!   folded, quotes folded, compatibility spaces and runs of whitespace made
//!   one space). Relaxed: a find matches a gold item whose byte span it
//!   overlaps, one to one.
//! - Value accuracy: the share of matched items whose value equals the gold
//!   `value` or one of its `candidates`. Duckling's range ends are
//!   exclusive and are made inclusive before comparing; so are
//!   Recognizers' ends of named periods (a range ending on the first of a
//!   month also matches one ending the day before).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use corpus_stats::{DateKind, date_mentions};
use serde_json::Value;

const OUR_KINDS: &[&str] = &["date", "month", "year", "weekday", "relative", "range"];

#[derive(Default)]
struct Score {
    cases: usize,
    gold: usize,
    found: usize,
    strict_tp: usize,
    strict_value_ok: usize,
    relaxed_tp: usize,
    relaxed_value_ok: usize,
    relaxed_valued: usize,
    strict_valued: usize,
    misses: Vec<String>,
    false_finds: Vec<String>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Score {
    fn line(&self, name: &str) -> String {
        let (sp, sr) = (
            pct(self.strict_tp, self.found),
            pct(self.strict_tp, self.gold),
        );
        let (rp, rr) = (
            pct(self.relaxed_tp, self.found),
            pct(self.relaxed_tp, self.gold),
        );
        format!(
            "{name:<18} {:>5} {:>5} {:>5} | {sp:5.1} {sr:5.1} {:5.1} | {rp:5.1} {rr:5.1} {:5.1} | {:5.1} {:5.1}",
            self.cases,
            self.gold,
            self.found,
            f1(sp, sr),
            f1(rp, rr),
            pct(self.strict_value_ok, self.strict_valued),
            pct(self.relaxed_value_ok, self.relaxed_valued),
        )
    }
}

fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

fn kind_name(k: DateKind) -> &'static str {
    match k {
        DateKind::Date => "date",
        DateKind::Month => "month",
        DateKind::Year => "year",
        DateKind::Weekday => "weekday",
        DateKind::Relative => "relative",
        DateKind::Range => "range",
    }
}

/// Kinds a case annotates among ours, or `None` to skip the case.
fn annotated_kinds(case: &Value) -> Option<Vec<&'static str>> {
    let id = case["id"].as_str().unwrap_or("");
    match case["suite"].as_str().unwrap_or("") {
        "tempeval3" => Some(OUR_KINDS.to_vec()),
        "duckling" => {
            let time = id.contains("/Time/");
            let latent = case["section"].as_str() == Some("latent");
            (time && !latent).then(|| OUR_KINDS.to_vec())
        }
        "recognizers-text" => {
            if id.contains("DatePeriodExtractor") {
                Some(vec!["period"])
            } else if id.contains("DatePeriod") {
                Some(vec!["month", "year", "range"])
            } else if id.contains("DateParser")
                || id.contains("DateExtractor")
                || id.contains("HolidayParser")
            {
                Some(vec!["date", "weekday", "relative"])
            } else if id.contains("DateTimeModel") {
                Some(OUR_KINDS.to_vec())
            } else {
                None
            }
        }
        _ => None,
    }
}

/// What counts as one of the annotated kinds for a find of kind `k`.
fn find_kind_scored(k: &str, kinds: &[&str]) -> bool {
    if kinds == ["period"] {
        matches!(k, "month" | "year" | "range")
    } else {
        kinds.contains(&k)
    }
}

struct Gold {
    text: String,
    start: usize,
    end: usize,
    values: Vec<String>,
    has_value: bool,
}

fn inclusive_end(v: &str) -> String {
    // `A/B` with day ends: B - 1 day.
    if let Some((a, b)) = v.split_once('/')
        && let Ok(e) = NaiveDate::parse_from_str(b, "%Y-%m-%d")
        && let Some(e) = e.pred_opt()
    {
        return format!("{a}/{}", e.format("%Y-%m-%d"));
    }
    v.to_owned()
}

fn body_offset(file: &str) -> usize {
    // ` date YYYY-MM-DD ` header, as FORMAT.md describes.
    let trimmed = file.trim_start();
    let lead = file.len() - trimmed.len();
    if let Some(rest) = trimmed.strip_prefix("date") {
        let after = rest.trim_start_matches([' ', '\t']);
        if let (Some(date), Some(tail)) = (after.get(..10), after.get(10..))
            && NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
        {
            let body = tail.trim_start();
            return lead + 4 + (rest.len() - after.len()) + 10 + (tail.len() - body.len());
        }
    }
    0
}

fn score_case(case: &Value, dir: &Path, score: &mut Score, show: usize) {
    let Some(kinds) = annotated_kinds(case) else {
        return;
    };
    let suite = case["suite"].as_str().unwrap_or("");
    let (text, offset) = if let Some(doc) = case["doc"].as_str() {
        let path = dir.join("tempeval3").join("dev").join(doc);
        let Ok(file) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {}", path.display());
            return;
        };
        let off = body_offset(&file);
        (file, off)
    } else {
        (case["input"].as_str().unwrap_or("").to_owned(), 0)
    };
    let reference = case["reference_date"]
        .as_str()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    score.cases += 1;

    let mut gold = Vec::new();
    let mut excuses: Vec<(usize, usize)> = Vec::new();
    for item in case["expected"].as_array().into_iter().flatten() {
        let kind = item["kind"].as_str().unwrap_or("");
        let start = item["byte_start"].as_u64().unwrap_or(0) as usize;
        let end = item["byte_end"].as_u64().unwrap_or(0) as usize;
        if !kinds.contains(&kind) {
            excuses.push((start, end));
            continue;
        }
        let mut values = Vec::new();
        let fix = |v: &str| {
            if suite == "duckling" {
                inclusive_end(v)
            } else {
                v.to_owned()
            }
        };
        if let Some(v) = item["value"].as_str() {
            values.push(fix(v));
            // Recognizers ends named periods (months) on the next day.
            if suite == "recognizers-text" && v.ends_with("-01") && v.contains('/') {
                values.push(inclusive_end(v));
            }
        }
        for c in item["candidates"].as_array().into_iter().flatten() {
            if let Some(c) = c.as_str() {
                values.push(fix(c));
            }
        }
        gold.push(Gold {
            text: item["text"].as_str().unwrap_or("").to_owned(),
            start,
            end,
            has_value: kind != "period",
            values,
        });
    }
    for item in case["other_timex"].as_array().into_iter().flatten() {
        let start = item["byte_start"].as_u64().unwrap_or(0) as usize;
        let end = item["byte_end"].as_u64().unwrap_or(0) as usize;
        excuses.push((start, end));
    }

    let body = text.get(offset..).unwrap_or("");
    let finds: Vec<_> = date_mentions(body, reference)
        .filter(|m| find_kind_scored(kind_name(m.kind), &kinds))
        .map(|m| {
            (
                m.span.start + offset,
                m.span.end + offset,
                m.text.to_owned(),
                m.value.map(|v| v.to_string()),
            )
        })
        .collect();

    let value_ok = |g: &Gold, v: &Option<String>| match v {
        Some(v) => g.values.iter().any(|x| x == v),
        None => g.values.is_empty(),
    };
    // Strict.
    let mut gold_used = vec![false; gold.len()];
    let mut find_strict = vec![false; finds.len()];
    for (fi, f) in finds.iter().enumerate() {
        let nf = normalize(&f.2);
        if let Some(gi) =
            (0..gold.len()).find(|&gi| !gold_used[gi] && normalize(&gold[gi].text) == nf)
        {
            gold_used[gi] = true;
            find_strict[fi] = true;
            score.strict_tp += 1;
            if gold[gi].has_value {
                score.strict_valued += 1;
                score.strict_value_ok += usize::from(value_ok(&gold[gi], &f.3));
            }
        }
    }
    // Relaxed.
    let mut gold_rel = vec![false; gold.len()];
    let mut find_rel = vec![false; finds.len()];
    for (fi, f) in finds.iter().enumerate() {
        if let Some(gi) =
            (0..gold.len()).find(|&gi| !gold_rel[gi] && f.0 < gold[gi].end && gold[gi].start < f.1)
        {
            gold_rel[gi] = true;
            find_rel[fi] = true;
            score.relaxed_tp += 1;
            if normalize(&f.2) != normalize(&gold[gi].text) && score.misses.len() < show {
                score.misses.push(format!(
                    "SPAN got {:?} want {:?} in {}",
                    f.2,
                    gold[gi].text,
                    case["id"].as_str().unwrap_or("")
                ));
            }
            if gold[gi].has_value {
                score.relaxed_valued += 1;
                let ok = value_ok(&gold[gi], &f.3);
                score.relaxed_value_ok += usize::from(ok);
                if !ok && score.misses.len() < show {
                    score.misses.push(format!(
                        "VALUE {:?} got {:?} want {:?} (ref {:?}) in {}",
                        f.2,
                        f.3,
                        gold[gi].values,
                        reference,
                        case["id"].as_str().unwrap_or("")
                    ));
                }
            }
        }
    }
    score.gold += gold.len();
    for (fi, f) in finds.iter().enumerate() {
        let excused = !find_rel[fi] && excuses.iter().any(|&(s, e)| f.0 < e && s < f.1);
        if excused {
            // Neither right nor wrong; keep strict counts consistent.
            if find_strict[fi] {
                score.found += 1;
            }
            continue;
        }
        score.found += 1;
        if !find_rel[fi] && score.false_finds.len() < show {
            let ctx = context(&text, f.0, f.1);
            score.false_finds.push(format!(
                "FALSE {:?} [{}] in {}",
                f.2,
                ctx,
                case["id"].as_str().unwrap_or("")
            ));
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !gold_rel[gi] && score.misses.len() < show {
            let ctx = context(&text, g.start, g.end);
            score.misses.push(format!(
                "MISS {:?} [{}] in {}",
                g.text,
                ctx,
                case["id"].as_str().unwrap_or("")
            ));
        }
    }
}

fn context(text: &str, start: usize, end: usize) -> String {
    let mut s = start.saturating_sub(40);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (end + 40).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    let (Some(a), Some(b), Some(c)) = (text.get(s..start), text.get(start..end), text.get(end..e))
    else {
        return String::new();
    };
    format!("{a}<<{b}>>{c}").replace('\n', " ")
}

fn main() {
    let mut dir: Option<PathBuf> = None;
    let mut show = 0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--show" {
            show = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else {
            dir = Some(PathBuf::from(a));
        }
    }
    let dir =
        dir.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/peer"));
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    for file in [
        "recognizers-text.dev.jsonl",
        "duckling.dev.jsonl",
        "tempeval3.dev.jsonl",
    ] {
        let path = dir.join(file);
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {}", path.display());
            continue;
        };
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(case) = serde_json::from_str::<Value>(line) else {
                eprintln!("bad JSON line in {}", path.display());
                continue;
            };
            let suite = case["suite"].as_str().unwrap_or("?").to_owned();
            let score = scores.entry(suite).or_default();
            score_case(&case, &dir, score, show);
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<18} {:>5} {:>5} {:>5} | {:^17} | {:^17} | value acc",
        "suite", "cases", "gold", "found", "strict P R F1", "relaxed P R F1"
    );
    let _ = writeln!(
        out,
        "{:<18} {:>5} {:>5} {:>5} | {:^17} | {:^17} | strict relaxed",
        "", "", "", "", "", ""
    );
    for (name, s) in &scores {
        let _ = writeln!(out, "{}", s.line(name));
    }
    print!("{out}");
    for (name, s) in &scores {
        if show > 0 {
            println!("\n== {name}");
            for m in s.misses.iter().chain(&s.false_finds) {
                println!("{m}");
            }
        }
    }
}
