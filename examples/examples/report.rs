//! `report`: a readable summary of a corpus, the main job.
//!
//! ```text
//! cargo run --release --example report                 # the bundled sample corpus
//! cargo run --release --example report -- PATH...      # files and/or folders
//! cargo run --release --example report -- --json PATH  # the same summary as JSON
//! ```
//!
//! Every document goes through the three crates: `corpus-format` parses it,
//! `corpus-clean` cleans it, and `corpus-stats` counts its words and
//! sentences and finds its dates and figures in the cleaned body. Each
//! document's [`DocStats`] are merged into one [`CorpusStats`], which gives
//! the totals, the top words, the timeline and the largest figures.

use std::{
    collections::BTreeMap,
    io::{self, Write},
    process::ExitCode,
};

use clap::Parser;
use corpus_clean::{Cleaner, EditKind};
use corpus_examples::{Doc, InputArgs, InputError, Pipeline, Run};
use corpus_format::BlockKind;
use corpus_stats::{
    CorpusStats, DocStats, ENGLISH_STOP_WORDS, LARGEST_FIGURES_KEPT, LargestFigure,
};
use rust_decimal::Decimal;
use serde::Serialize;

/// Summarize a corpus: documents, words and sentences, the top words, a
/// timeline of the dates it mentions by month, its largest figures in
/// context, and the cleaning edits by kind. Without PATH, reports on the
/// sample corpus bundled with the examples.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    input: InputArgs,

    /// Write the summary as one JSON object instead of text.
    #[arg(long)]
    json: bool,

    /// How many top words and largest figures to show.
    #[arg(long, value_name = "N", default_value_t = 15)]
    top: usize,

    /// Count common English function words (`the`, `of`, `said`…) among
    /// the top words; they are left out by default.
    #[arg(long)]
    stop_words: bool,
}

/// Bytes of context kept on each side of a figure.
const CONTEXT: usize = 45;
/// Width of the longest bar of the timeline.
const BAR_WIDTH: usize = 40;
/// Months drawn at most in the timeline (the latest ones).
const MONTHS_SHOWN: usize = 36;

/// What one document contributes: its stats and its edits by kind.
struct DocSummary {
    stats: DocStats,
    edits: BTreeMap<EditKind, u64>,
}

fn summarize(doc: &Doc, cleaner: &Cleaner) -> Result<DocSummary, InputError> {
    let parsed = corpus_format::parse(doc.text()?);
    let clean = cleaner.clean_document(&parsed);
    let body = clean.body();
    let date = doc.reference_date(&parsed);

    let headings = clean
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .count();
    let paragraphs = clean.blocks.len() - headings;
    let mut stats =
        DocStats::from_text(&body, paragraphs as u64, headings as u64).with_document(&doc.id);

    let mentions: Vec<_> = corpus_stats::date_mentions(&body, date).collect();
    for value in mentions.iter().filter_map(|m| m.value) {
        stats.add_date_value(&value);
    }
    let spans: Vec<_> = mentions.iter().map(|m| m.span).collect();
    let figures: Vec<_> = corpus_stats::figures_excluding(&body, &spans).collect();
    // Only figures that can be among the largest kept need their context:
    // those at or above the last kept value.
    let mut values: Vec<_> = figures.iter().filter_map(|f| f.value).collect();
    let floor = (values.len() > LARGEST_FIGURES_KEPT).then(|| {
        *values
            .select_nth_unstable_by(LARGEST_FIGURES_KEPT - 1, |a, b| b.cmp(a))
            .1
    });
    for figure in figures {
        let context = match figure.value {
            Some(v) if floor.is_none_or(|floor| v >= floor) => {
                corpus_examples::context(&body, figure.span, CONTEXT)
            }
            _ => String::new(),
        };
        stats.add_figure(
            figure.kind.as_str(),
            figure.value,
            figure.text,
            figure.unit,
            &context,
        );
    }

    let mut edits = BTreeMap::new();
    for edit in &clean.edits {
        *edits.entry(edit.kind).or_insert(0) += 1;
    }
    Ok(DocSummary { stats, edits })
}

/// Corpus totals and edit counts, merged in any grouping.
#[derive(Default)]
struct Totals {
    stats: CorpusStats,
    edits: BTreeMap<EditKind, u64>,
}

impl Totals {
    fn add_edits(&mut self, edits: BTreeMap<EditKind, u64>) {
        for (kind, n) in edits {
            *self.edits.entry(kind).or_insert(0) += n;
        }
    }

    fn merge(mut self, other: Totals) -> Totals {
        self.stats.merge(other.stats);
        self.add_edits(other.edits);
        self
    }
}

/// The summary, as `--json` writes it.
#[derive(Serialize)]
struct Report<'a> {
    documents: u64,
    words: u64,
    sentences: u64,
    paragraphs: u64,
    headings: u64,
    top_words: Vec<WordCount<'a>>,
    dates_by_month: &'a BTreeMap<String, u64>,
    figures_by_kind: &'a BTreeMap<String, u64>,
    largest_figures: Vec<Figure<'a>>,
    edits: BTreeMap<&'static str, u64>,
    failed: u64,
    throughput: Throughput,
}

#[derive(Serialize)]
struct WordCount<'a> {
    word: &'a str,
    count: u64,
}

#[derive(Serialize)]
struct Figure<'a> {
    text: &'a str,
    kind: &'a str,
    #[serde(serialize_with = "corpus_examples::json_number")]
    value: Option<Decimal>,
    unit: Option<&'a str>,
    context: &'a str,
    document: &'a str,
}

#[derive(Serialize)]
struct Throughput {
    documents: u64,
    megabytes: f64,
    seconds: f64,
    mb_per_s: f64,
}

fn report<'a>(
    cli: &Cli,
    totals: &'a CorpusStats,
    edits: &BTreeMap<EditKind, u64>,
    run: &Run,
) -> Report<'a> {
    let top_words = if cli.stop_words {
        totals.top_words(cli.top)
    } else {
        totals.top_words_excluding(cli.top, ENGLISH_STOP_WORDS)
    };
    Report {
        documents: totals.documents,
        words: totals.words,
        sentences: totals.sentences,
        paragraphs: totals.paragraphs,
        headings: totals.headings,
        top_words: top_words
            .into_iter()
            .map(|(word, count)| WordCount { word, count })
            .collect(),
        dates_by_month: &totals.dates_by_month,
        figures_by_kind: &totals.figures_by_kind,
        largest_figures: totals
            .largest_figures
            .iter()
            .take(cli.top)
            .map(|f: &LargestFigure| Figure {
                text: &f.text,
                kind: &f.kind,
                value: Some(f.value),
                unit: f.unit.as_deref(),
                context: &f.context,
                document: &f.document,
            })
            .collect(),
        edits: edits.iter().map(|(k, &n)| (k.as_str(), n)).collect(),
        failed: run.failed,
        throughput: Throughput {
            documents: run.documents,
            megabytes: run.bytes as f64 / 1e6,
            seconds: run.elapsed.as_secs_f64(),
            mb_per_s: run.mb_per_s(),
        },
    }
}

/// A horizontal bar of `value / max` of `BAR_WIDTH` cells, in eighths.
fn bar(value: u64, max: u64) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (value * BAR_WIDTH as u64 * 8).div_ceil(max.max(1)) as usize;
    "█".repeat(eighths / 8) + EIGHTHS[eighths % 8]
}

/// Groups digits by thousands: `32300` → `32,300`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn print_text(out: &mut impl Write, r: &Report<'_>, run: &Run) -> io::Result<()> {
    writeln!(
        out,
        "{} documents, {} words, {} sentences, {} paragraphs, {} headings",
        thousands(r.documents),
        thousands(r.words),
        thousands(r.sentences),
        thousands(r.paragraphs),
        thousands(r.headings)
    )?;

    writeln!(out, "\nTop words")?;
    let width = r
        .top_words
        .iter()
        .map(|w| w.word.chars().count())
        .max()
        .unwrap_or(0);
    for w in &r.top_words {
        writeln!(out, "  {:<width$}  {:>9}", w.word, thousands(w.count))?;
    }

    writeln!(out, "\nDates mentioned by month")?;
    let months: Vec<(&String, u64)> = r.dates_by_month.iter().map(|(m, &n)| (m, n)).collect();
    let hidden = months.len().saturating_sub(MONTHS_SHOWN);
    if hidden > 0 {
        writeln!(out, "  ({hidden} earlier months not shown)")?;
    }
    let max = months.iter().map(|&(_, n)| n).max().unwrap_or(0);
    for &(month, n) in &months[hidden..] {
        writeln!(out, "  {month}  {:>7}  {}", thousands(n), bar(n, max))?;
    }
    if months.is_empty() {
        writeln!(out, "  (none)")?;
    }

    writeln!(out, "\nLargest figures")?;
    for f in &r.largest_figures {
        writeln!(out, "  {} ({}, {})", f.text, f.kind, f.document)?;
        writeln!(out, "      {}", f.context)?;
    }
    let kinds: Vec<String> = r
        .figures_by_kind
        .iter()
        .map(|(k, n)| format!("{k} {}", thousands(*n)))
        .collect();
    writeln!(out, "  by kind: {}", kinds.join(", "))?;

    writeln!(out, "\nCleaning edits")?;
    for (kind, n) in &r.edits {
        writeln!(out, "  {kind:<14} {:>9}", thousands(*n))?;
    }
    if r.edits.is_empty() {
        writeln!(out, "  (none)")?;
    }
    if run.failed > 0 {
        writeln!(
            out,
            "\n{} inputs failed (see the messages above)",
            run.failed
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", run.throughput_line())?;
    Ok(())
}

fn main() -> io::Result<ExitCode> {
    let cli = Cli::parse();
    let inputs = match cli.input.inputs() {
        Some(inputs) => inputs,
        None => corpus_examples::Inputs::files(vec![corpus_examples::sample_corpus()]),
    };
    let cleaner = Cleaner::default();
    let mut totals = Totals::default();
    // Documents are summarized and merged on the worker threads, a chunk
    // at a time; each chunk's totals are merged here.
    let run = Pipeline::new(cli.input.threads).run_folded(
        inputs,
        |doc| summarize(doc, &cleaner),
        Totals::default,
        |mut acc, doc| {
            acc.stats.push(doc.stats);
            acc.add_edits(doc.edits);
            acc
        },
        Totals::merge,
        |chunk| {
            totals = Totals::merge(std::mem::take(&mut totals), chunk);
            Ok(())
        },
    )?;
    let (totals, edits) = (totals.stats, totals.edits);
    let summary = report(&cli, &totals, &edits, &run);
    let mut out = corpus_examples::stdout();
    let written = if cli.json {
        let json = serde_json::to_string_pretty(&summary).unwrap_or_default();
        corpus_examples::write_line(&mut out, &json)
    } else {
        print_text(&mut out, &summary, &run)
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => corpus_examples::finish(out, &run),
    }
}
